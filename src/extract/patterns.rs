//! The one table of patterns: what class names, ids, roles and labels say about a block.
//!
//! The scorer, the cleaners and the readerable check all read these lists, so a word added
//! here changes every stage consistently. Matching is on the lowercased `class` + `id` string:
//! [`Pat::Sub`] matches anywhere (for words long enough not to collide), [`Pat::Token`] only a
//! whole token between separators (for short words like `ad` that hide inside `header`).

/// One pattern of a table.
#[derive(Clone, Copy, Debug)]
pub enum Pat {
    /// Matches when the text contains it.
    Sub(&'static str),
    /// Matches a whole token of the text split on anything not alphanumeric.
    Token(&'static str),
}

use Pat::{Sub, Token};

/// Blocks that are almost never the article: navigation, chrome, clutter.
pub const UNLIKELY: &[Pat] = &[
    Token("ad"),
    Token("ads"),
    Sub("-ad-"),
    Sub("adspot"),
    Sub("adsbygoogle"),
    Sub("advert"),
    Sub("ad-slot"),
    Sub("ad-container"),
    Sub("ad-wrapper"),
    Sub("ai2html"),
    Sub("banner"),
    Sub("breadcrumb"),
    Sub("combx"),
    Sub("comment"),
    Sub("community"),
    Sub("consent"),
    Sub("cookie"),
    Sub("cover-wrap"),
    Sub("disqus"),
    Sub("dialog"),
    Sub("extra"),
    Sub("footer"),
    Sub("gdpr"),
    Sub("header"),
    Sub("legends"),
    Sub("lightbox"),
    Sub("login"),
    Sub("menu"),
    Sub("modal"),
    Sub("newsletter"),
    Sub("outbrain"),
    Sub("pagination"),
    Sub("pager"),
    Sub("paywall"),
    Sub("popup"),
    Sub("promo"),
    Sub("related"),
    Sub("remark"),
    Sub("replies"),
    Sub("rss"),
    Sub("share"),
    Sub("sharing"),
    Sub("shoutbox"),
    Sub("sidebar"),
    Sub("signup"),
    Sub("skyscraper"),
    Sub("social"),
    Sub("sponsor"),
    Sub("subscribe"),
    Sub("supplemental"),
    Sub("taboola"),
    Sub("agegate"),
    Sub("yom-remote"),
    Token("nav"),
    Token("navbar"),
    Token("hidden"),
    Token("hide"),
    Sub("mfp-hide"),
    Token("d-none"),
    Sub("sr-only"),
    Sub("screen-reader"),
    Sub("visually-hidden"),
    Sub("widget"),
];

/// Words that rescue a block matched by [`UNLIKELY`]: it may well hold the article.
pub const MAYBE_CANDIDATE: &[Pat] = &[
    Token("and"),
    Sub("article"),
    Token("body"),
    Sub("column"),
    Sub("content"),
    Token("main"),
    Sub("mathjax"),
    Sub("shadow"),
    Sub("entry"),
    Sub("post-body"),
    Sub("story"),
];

/// Words that raise a block's score.
pub const POSITIVE: &[Pat] = &[
    Sub("article"),
    Token("body"),
    Sub("content"),
    Sub("entry"),
    Sub("hentry"),
    Sub("h-entry"),
    Token("main"),
    Token("page"),
    Token("text"),
    Sub("blog"),
    Sub("story"),
    Token("post"),
    Sub("post-body"),
    Sub("post-content"),
    Sub("article-body"),
    Sub("articlebody"),
    Sub("prose"),
];

/// Words that lower a block's score.
pub const NEGATIVE: &[Pat] = &[
    Token("ad"),
    Token("ads"),
    Sub("-ad-"),
    Sub("advert"),
    Token("hid"),
    Token("hidden"),
    Sub("banner"),
    Sub("combx"),
    Sub("comment"),
    Sub("com-"),
    Sub("contact"),
    Sub("footer"),
    Sub("gdpr"),
    Sub("masthead"),
    Token("media"),
    Token("meta"),
    Sub("outbrain"),
    Sub("promo"),
    Sub("related"),
    Sub("scroll"),
    Sub("share"),
    Sub("shoutbox"),
    Sub("sidebar"),
    Sub("skyscraper"),
    Sub("sponsor"),
    Sub("shopping"),
    Token("tags"),
    Sub("tag-list"),
    Sub("widget"),
    Sub("newsletter"),
    Sub("subscribe"),
    Sub("taboola"),
    Sub("modal"),
    Sub("popup"),
    Sub("login"),
    Sub("author-box"),
    Sub("author-bio"),
    Sub("recommend"),
];

/// Blocks that carry the byline.
pub const BYLINE: &[Pat] = &[
    Sub("byline"),
    Sub("author"),
    Sub("dateline"),
    Sub("writtenby"),
    Sub("p-author"),
];

/// Byline blocks that are really an author's biography box, not the byline.
pub const AUTHOR_BIO: &[Pat] = &[
    Sub("author-bio"),
    Sub("author_bio"),
    Sub("authorbio"),
    Sub("author-box"),
    Sub("author_box"),
    Sub("about-author"),
    Sub("about-the-author"),
    Sub("author-description"),
    Sub("author_description"),
    Sub("author-avatar"),
    Sub("author-image"),
];

/// Blocks holding comments or replies: their authors and dates are not the article's.
pub const COMMENT_BLOCKS: &[Pat] = &[
    Sub("comment"),
    Sub("disqus"),
    Sub("replies"),
    Sub("reply"),
    Sub("related"),
    Sub("sidebar"),
    Sub("widget"),
];

/// Blocks that carry the article's date.
pub const DATELINE: &[Pat] = &[
    Sub("date"),
    Sub("published"),
    Sub("posted-on"),
    Sub("post-meta"),
    Sub("entry-meta"),
    Sub("article-meta"),
    Sub("timestamp"),
    Token("time"),
];

/// Path parts of links to an author's page.
pub const AUTHOR_PATHS: &[&str] = &[
    "/author/",
    "/authors/",
    "/autor/",
    "/auteur/",
    "/contributor/",
    "/contributors/",
    "/writer/",
    "/writers/",
    "/journalist/",
    "/people/",
    "/staff/",
    "/profile/",
    "/profiles/",
    "/by/",
    "/bio/",
    "/u/",
    "/user/",
    "/users/",
];

/// Share bars and buttons, removed from inside the article when short.
pub const SHARE: &[Pat] = &[
    Sub("share"),
    Sub("sharing"),
    Sub("sharedaddy"),
    Sub("social"),
];

/// ARIA roles of page chrome.
pub const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
    "banner",
    "contentinfo",
    "search",
];

/// Labels that announce an ad slot, in the languages we meet most. Compared after trimming
/// dashes, dots, brackets and whitespace, and lowercasing.
pub const AD_LABELS: &[&str] = &[
    "advertisement",
    "advertisements",
    "advertising",
    "ad",
    "ads",
    "sponsored",
    "promoted",
    "sponsored content",
    "paid content",
    "paid post",
    "anzeige",
    "werbung",
    "publicidad",
    "publicité",
    "publicite",
    "pubblicità",
    "reklama",
    "reclame",
    "advertentie",
    "annons",
    "annonse",
    "mainos",
    "reklam",
    "إعلان",
    "اعلان",
    "פרסומת",
    "реклама",
    "广告",
    "広告",
    "광고",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "scroll to continue with content",
];

/// Phrases of the prompts that interrupt articles: newsletters, subscriptions, log-ins.
/// A short block containing one of them is a prompt, not text.
pub const PROMPT_PHRASES: &[&str] = &[
    "subscribe to",
    "subscribe now",
    "subscribe today",
    "newsletter",
    "sign up for",
    "sign up to",
    "signup",
    "get our daily",
    "join our mailing",
    "already a subscriber",
    "create a free account",
    "log in to continue",
    "login to continue",
    "to continue reading",
    "support our journalism",
    "become a member",
    "donate now",
    "unlock this article",
    "turn on notifications",
];

/// Tags whose subtree never reaches the reader: scripts, styles, embedded documents, forms.
pub const DROP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "link", "meta", "title", "head", "iframe", "frame",
    "frameset", "object", "embed", "applet", "form", "input", "button", "select", "textarea",
    "option", "canvas", "dialog", "nav", "aside", "svg", "math", "audio", "video", "source",
    "track", "map", "area", "portal", "slot",
];

/// Phrasing content: what a `<div>` may hold and still be read as a paragraph.
pub const PHRASING: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "img",
    "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
    "var", "wbr", "font", "big", "tt", "label", "picture",
];

/// True when `haystack` (lowercased) matches any pattern of `table`.
pub fn matches(table: &[Pat], haystack: &str) -> bool {
    if haystack.is_empty() {
        return false;
    }
    table.iter().any(|p| match p {
        Sub(s) => haystack.contains(s),
        Token(t) => haystack
            .split(|c: char| !c.is_alphanumeric())
            .any(|tok| tok == *t),
    })
}

/// True when `text` is nothing but an ad label such as "- Advertisement -".
pub fn is_ad_label(text: &str) -> bool {
    let trimmed = text
        .trim_matches(|c: char| c.is_whitespace() || "-–—_·•.:|()[]".contains(c))
        .to_lowercase();
    !trimmed.is_empty() && AD_LABELS.contains(&trimmed.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_do_not_match_inside_words() {
        assert!(matches(UNLIKELY, "td-a-rec ad"));
        assert!(!matches(&[Token("ad")], "header-read"));
        assert!(matches(&[Token("ad")], "top ad-slot"));
        assert!(matches(UNLIKELY, "td_block_related_posts"));
        assert!(!matches(UNLIKELY, "td-post-content tagdiv-type"));
    }

    #[test]
    fn ad_labels_ignore_decoration_and_case() {
        assert!(is_ad_label("- Advertisement -"));
        assert!(is_ad_label("  ANZEIGE "));
        assert!(is_ad_label("إعلان"));
        assert!(!is_ad_label("Advertisement revenue fell sharply this year"));
    }
}
