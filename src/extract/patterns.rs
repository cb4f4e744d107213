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

/// A table of patterns packed into one string at compile time: each word follows one byte,
/// its length less one plus 64 for a [`Pat::Token`]. A `&[Pat]` costs 12 bytes of pointer,
/// length and kind per word in the wasm's data (docs/performance.md, Size); this costs one.
#[derive(Clone, Copy)]
pub struct Pats {
    packed: &'static str,
    /// How many patterns: the search picks its loop by the table's length.
    count: usize,
}

impl Pats {
    /// A table packed by [`pack`] ([`pats!`] makes them).
    #[doc(hidden)]
    pub const fn packed(packed: &'static str, count: usize) -> Pats {
        Pats { packed, count }
    }

    /// The patterns in order.
    pub fn iter(self) -> PatIter {
        PatIter(self.packed)
    }

    /// True when `f` holds for a pattern's kind (a token or not) and word: a plain loop over
    /// the packed bytes, for the per-node searches.
    #[inline]
    fn any_word(self, mut f: impl FnMut(bool, &'static [u8]) -> bool) -> bool {
        let packed = self.packed.as_bytes();
        let mut at = 0;
        while let Some(&head) = packed.get(at) {
            let end = at + 2 + usize::from(head & 63);
            let Some(word) = packed.get(at + 1..end) else {
                return false;
            };
            if f(head & 64 != 0, word) {
                return true;
            }
            at = end;
        }
        false
    }

    /// The number of patterns.
    pub fn len(self) -> usize {
        self.count
    }

    /// True when the table has no pattern.
    pub fn is_empty(self) -> bool {
        self.count == 0
    }
}

/// The patterns of a [`Pats`], in order.
pub struct PatIter(&'static str);

impl PatIter {
    /// What is left of the packed text (native: the index's offsets are measured from it).
    #[cfg(not(target_arch = "wasm32"))]
    fn rest(&self) -> usize {
        self.0.len()
    }
}

impl Iterator for PatIter {
    type Item = Pat;

    fn next(&mut self) -> Option<Pat> {
        let head = *self.0.as_bytes().first()?;
        let end = usize::from(head & 63) + 2;
        let word = self.0.get(1..end)?;
        self.0 = self.0.get(end..)?;
        Some(if head & 64 != 0 {
            Token(word)
        } else {
            Sub(word)
        })
    }
}

/// Bytes of `table` packed as [`Pats`].
#[doc(hidden)]
pub const fn packed_len(table: &[Pat]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < table.len() {
        let (Sub(w) | Token(w)) = table[i];
        n += 1 + w.len();
        i += 1;
    }
    n
}

/// `table` packed as [`Pats`] into `N` bytes ([`packed_len`]).
#[doc(hidden)]
pub const fn pack<const N: usize>(table: &[Pat]) -> [u8; N] {
    let mut out = [0u8; N];
    let (mut at, mut i) = (0, 0);
    while i < table.len() {
        let (token, w) = match table[i] {
            Sub(w) => (0, w.as_bytes()),
            Token(w) => (64, w.as_bytes()),
        };
        assert!(!w.is_empty() && w.len() <= 64, "a pattern of 1 to 64 bytes");
        out = put_word(out, at, token + (w.len() - 1) as u8, w);
        at += 1 + w.len();
        i += 1;
    }
    out
}

/// `out` with `head` at `at` and `word` right after it: one packed word of [`Pats`] or
/// [`Words`].
const fn put_word<const N: usize>(mut out: [u8; N], at: usize, head: u8, word: &[u8]) -> [u8; N] {
    out[at] = head;
    let mut k = 0;
    while k < word.len() {
        out[at + 1 + k] = word[k];
        k += 1;
    }
    out
}

/// A [`Pats`] table from patterns written as a `&[Pat]`.
macro_rules! pats {
    ($($p:expr),* $(,)?) => {{
        use $crate::extract::patterns as p;
        const TABLE: &[p::Pat] = &[$($p),*];
        const BYTES: [u8; p::packed_len(TABLE)] = p::pack(TABLE);
        p::Pats::packed(
            match std::str::from_utf8(&BYTES) {
                Ok(s) => s,
                Err(_) => panic!("patterns are text"),
            },
            TABLE.len(),
        )
    }};
}
pub(crate) use pats;

use super::clutter::ClutterKind;
use super::lowercase::lowercase;

/// A list of words packed into one string at compile time, each after one byte holding its
/// length: a `&[&str]` costs 8 bytes of pointer and length per word in the wasm's data.
#[derive(Clone, Copy)]
pub struct Words(&'static str);

impl Words {
    /// A list packed by [`pack_words`] ([`words!`] makes them).
    #[doc(hidden)]
    pub const fn packed(packed: &'static str) -> Words {
        Words(packed)
    }

    /// The words in order.
    pub fn iter(self) -> WordIter {
        WordIter(self.0)
    }

    /// True when `word` is one of the words.
    pub fn contains(self, word: &str) -> bool {
        self.position(word.as_bytes(), false)
    }

    /// True when `word` is one of the words but for ASCII case.
    pub fn contains_ascii_case(self, word: &str) -> bool {
        self.position(word.as_bytes(), true)
    }

    /// A plain loop over the packed bytes: per-node checks read these lists, and a call to
    /// the iterator per word made them slower.
    fn position(self, word: &[u8], ascii_case: bool) -> bool {
        let packed = self.0.as_bytes();
        let mut at = 0;
        while let Some(&len) = packed.get(at) {
            let end = at + 1 + usize::from(len);
            if usize::from(len) == word.len() {
                let w = &packed[at + 1..end];
                if w == word || ascii_case && w.eq_ignore_ascii_case(word) {
                    return true;
                }
            }
            at = end;
        }
        false
    }
}

impl IntoIterator for Words {
    type Item = &'static str;
    type IntoIter = WordIter;

    fn into_iter(self) -> WordIter {
        self.iter()
    }
}

/// The words of a [`Words`], in order.
pub struct WordIter(&'static str);

impl Iterator for WordIter {
    type Item = &'static str;

    fn next(&mut self) -> Option<&'static str> {
        let end = usize::from(*self.0.as_bytes().first()?) + 1;
        let word = self.0.get(1..end)?;
        self.0 = self.0.get(end..)?;
        Some(word)
    }
}

/// Bytes of `words` packed as [`Words`].
#[doc(hidden)]
pub const fn words_len(words: &[&str]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < words.len() {
        n += 1 + words[i].len();
        i += 1;
    }
    n
}

/// `words` packed as [`Words`] into `N` bytes ([`words_len`]).
#[doc(hidden)]
pub const fn pack_words<const N: usize>(words: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let (mut at, mut i) = (0, 0);
    while i < words.len() {
        let w = words[i].as_bytes();
        assert!(w.len() < 128, "a word of at most 127 bytes");
        out = put_word(out, at, w.len() as u8, w);
        at += 1 + w.len();
        i += 1;
    }
    out
}

/// A [`Words`] list from words written as a `&[&str]`.
macro_rules! words {
    ($($w:expr),* $(,)?) => {{
        use $crate::extract::patterns as p;
        const WORDS: &[&str] = &[$($w),*];
        const BYTES: [u8; p::words_len(WORDS)] = p::pack_words(WORDS);
        p::Words::packed(match std::str::from_utf8(&BYTES) {
            Ok(s) => s,
            Err(_) => panic!("words are text"),
        })
    }};
}
pub(crate) use words;

/// Lists of the site's chrome, never a page's list of items: its menus and the columns of
/// its header and footer.
pub const MENU_LISTS: Pats = pats![
    Token("nav"),
    Sub("navbar"),
    Sub("navigation"),
    Sub("header"),
    Sub("footer"),
];

/// Blocks that are almost never the article: navigation, chrome, clutter.
pub const UNLIKELY: Pats = pats![
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
    Sub("signature"),
    Sub("signup"),
    Sub("skyscraper"),
    Sub("social"),
    Sub("sponsor"),
    Sub("subscribe"),
    Sub("supplemental"),
    Sub("taboola"),
    Sub("agegate"),
    Sub("yom-remote"),
    Sub("onetrust"),
    Sub("didomi"),
    Sub("qc-cmp"),
    Sub("sp_message"),
    Sub("regwall"),
    Sub("smartbanner"),
    Sub("app-banner"),
    Sub("onesignal"),
    Sub("push-notif"),
    Sub("sticky-video"),
    Sub("sticky-player"),
    Sub("floating-player"),
    // Site-wide notice bars pinned over the page ("We are open", "Sale ends Friday").
    Sub("announcement-bar"),
    Sub("notification-bar"),
    Sub("welcomebar"),
    Sub("bulletinwp"),
    Sub("mc_embed"),
    Sub("ck_form"),
    Sub("donate"),
    Sub("membership-cta"),
    Sub("reader-revenue"),
    Sub("adthrive"),
    Sub("most-read"),
    Sub("mostread"),
    Sub("most-viewed"),
    Sub("trending"),
    Sub("key-events"),
    Sub("toast"),
    Token("nav"),
    Token("navbar"),
    Token("hidden"),
    // `hide` as a word: [`hides_the_block`].
    Sub("mfp-hide"),
    // Not Bootstrap's `d-none`: it comes with `d-md-block` and the like on blocks shown on
    // every screen but a phone's (matched as a word it took 0.1% of WCXB's `with` and
    // `without` snippets; as a token it could never match, tokens being split at hyphens).
    // Text kept for screen readers only: [`SCREEN_READER_ONLY`] (see [`is_unlikely_name`]).
    // A widget as a word of its own (`widget_text`, `footer-widgets`): inside a longer word
    // (`celwidget`, a template's name for every block of its page) it names no sidebar box.
    Token("widget"),
    Token("widgets"),
];

/// Class words of text kept for screen readers only (a card's "Product name" label and a
/// copy of its name): unlikely content too.
pub const SCREEN_READER_ONLY: Pats = pats![
    Sub("sr-only"),
    Sub("screen-reader"),
    Sub("visually-hidden"),
    Sub("hide-visual"),
];

/// True when a class-and-id string names a block unlikely to hold the article: a word of
/// [`UNLIKELY`] (on a page that offers a `product`, not a promotion's: [`SHOP_PROMOTIONS`])
/// or of [`SCREEN_READER_ONLY`], or a name that hides the block.
pub fn is_unlikely_name(ms: &str, product: bool) -> bool {
    is_unlikely_name_of(ms, product, false)
}

/// [`is_unlikely_name`] for a block that may be a `paragraph`, whose name hiding it on phones
/// only (`hide-mobile`) leaves it shown on a wide screen (see [`hides_the_block`]).
pub fn is_unlikely_name_of(ms: &str, product: bool, paragraph: bool) -> bool {
    (if product {
        matches_but(UNLIKELY, ms, SHOP_PROMOTION)
    } else {
        matches(UNLIKELY, ms)
    }) || matches(SCREEN_READER_ONLY, ms)
        || hides_the_block(ms, paragraph)
}

/// Names of a documentation's callouts: a note, a tip, a warning set in the text (Sphinx's
/// `admonition`, a docs site's `TIP` or `IMPORTANT`), its own however many links they hold.
pub const CALLOUTS: Pats = pats![
    Sub("admonition"),
    Sub("callout"),
    Token("tip"),
    Token("note"),
    Token("important"),
    Token("warning"),
    Token("caution"),
    Token("seealso"),
];

/// Words of a shop's own promotions (`promo-tiles`, `hero-banner`): on a page that offers a
/// product they show the shop's products and the product itself, not another's ads, and
/// weigh no block down there ([`NEGATIVE`]). The first, `promo`, strips no block there either
/// ([`UNLIKELY`]); a `banner` still does (a notice bar over the shop).
pub const SHOP_PROMOTIONS: Pats = pats![Sub("promo"), Sub("banner")];

/// The first of [`SHOP_PROMOTIONS`], alone.
const SHOP_PROMOTION: Pats = pats![Sub("promo")];

/// A site footer's word (`site-footer`, `Footer-styled__Footer`): such a block is never the
/// article the votes choose (see `score::grab`).
pub const FOOTER: Pats = pats![Sub("footer")];

/// A banner's word: what a landing page's hero may be named for (see `prepare`'s page head).
pub const BANNER: Pats = pats![Sub("banner")];

/// True when a pattern of `table` other than those of `but` matches `haystack`.
pub fn matches_but(table: Pats, haystack: &str, but: Pats) -> bool {
    if !matches(but, haystack) {
        return matches(table, haystack);
    }
    let word = |p: Pat| match p {
        Sub(w) | Token(w) => w,
    };
    table.iter().any(|p| {
        !but.iter().any(|b| word(b) == word(p))
            && word(p).len() <= haystack.len()
            && hit(p, haystack)
    })
}

/// True when a name of `ms` holds the word `hide` as the last of its words (`hide`,
/// `js-hide`, `toggle__hide`) or before a screen size (`hide-mobile`). Followed by another
/// word it names a part or a moment it hides (`hide-ordinal`, `hide-caption`,
/// `hide-on-print`, `hide-scrollbar`), and the block itself shows. A `paragraph` hidden on
/// phones only shows on a wide screen, as the reader is laid out (a teaser's summary under
/// its headline, left out on a phone); a larger block so named is often the wide copy of a
/// layout the page also holds for phones, and goes.
fn hides_the_block(ms: &str, paragraph: bool) -> bool {
    let mut from = 0;
    while let Some(i) = find(&ms[from..], "hide") {
        let at = from + i;
        from = at + 4;
        // The rest of its name: nothing, or a separator and the words after it.
        let rest = ms[from..].split(' ').next().unwrap_or("");
        let word = |b: u8| b.is_ascii_alphanumeric();
        if (at == 0 || !word(ms.as_bytes()[at - 1]))
            && !rest.bytes().next().is_some_and(word)
            && (!rest.bytes().any(word)
                || matches(SCREEN_SIZES, rest) && !(paragraph && matches(SMALL_SCREENS, rest)))
        {
            return true;
        }
    }
    false
}

/// Class words that close an accordion's or a disclosure's panel until its control is clicked
/// (`kt-accordion-panel-hidden`, `cmp-accordion__panel--hidden`, `MuiCollapse-hidden`): read
/// as hidden by [`UNLIKELY`] and [`NEGATIVE`], and taken away when the panel is opened.
/// (Each word holds "hid": `prepare::has_closing_class` scans for it first.)
pub const CLOSED_PANEL: Pats = pats![Token("hidden"), Token("hide")];

/// Words of class names that apply at some screen sizes only (`hidden-md-up`, `hide-mobile`).
pub const SCREEN_SIZES: Pats = pats![
    Token("xs"),
    Token("sm"),
    Token("md"),
    Token("lg"),
    Token("xl"),
    Sub("mobile"),
    Sub("phone"),
    Sub("tablet"),
    Sub("desktop"),
    Sub("responsive"),
];

/// Words of [`SCREEN_SIZES`] for phones: a block hidden there shows on a wide screen.
pub const SMALL_SCREENS: Pats = pats![Sub("mobile"), Sub("phone")];

/// A shop theme's two copies of a product's price and the name of a price block on sale
/// (Shopify's Dawn and the themes built on it): the sale copy shows only in a block on sale,
/// the regular copy only in one that is not.
pub const PRICE_COPIES: [&str; 3] = ["price__sale", "price__regular", "price--on-sale"];

/// Class names of responsive frameworks that show a block on small screens only (Bootstrap,
/// Tailwind, Foundation, forum themes): each a whole class name, lowercased, or its end after
/// an underscore (`ipsResponsive_showPhone`). `max-lg:hidden` is the opposite, so no substring.
pub const SMALL_SCREENS_ONLY: Words = words![
    "d-lg-none",
    "d-xl-none",
    "lg:hidden",
    "hidden-lg",
    "hidden-md-up",
    "hide-for-large",
    "show-for-small-only",
    "visible-xs",
    "mobile-only",
    "hidedesktop",
    "hide-desktop",
    "hidden-desktop",
    "hide-on-desktop",
    "showphone",
];

/// Words that rescue a block matched by [`UNLIKELY`]: it may well hold the article.
pub const MAYBE_CANDIDATE: Pats = pats![
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
    Sub("accordion"),
];

/// Names that say "not content" outright (`nocontent`, the class search engines' indexers
/// skip): they rescue no block, though they hold "content".
pub const NOT_CONTENT: Pats = pats![Token("nocontent")];

/// Words that raise a block's score.
pub const POSITIVE: Pats = pats![
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

/// Article containers of common publishing systems (WordPress and its themes, Gutenberg,
/// Drupal, Ghost, Substack, Blogger, HubSpot, Shopify, Arc-style `article-body`): a strong hint
/// on top of [`POSITIVE`], still weighed against the text the block holds.
pub const CMS_CONTENT: Pats = pats![
    Sub("entry-content"),
    Sub("entry__content"),
    Sub("post-content"),
    Sub("post__content"),
    Sub("the-content"),
    Sub("single-content"),
    Sub("td-post-content"),
    Sub("wp-block-post-content"),
    Sub("elementor-widget-theme-post-content"),
    Sub("field--name-body"),
    Sub("field-name-body"),
    Sub("node__content"),
    Sub("gh-content"),
    Sub("post-full-content"),
    Sub("post-body"),
    Sub("post_body"),
    Sub("article-body"),
    Sub("article__body"),
    Sub("articlebody"),
    Sub("article-content"),
    Sub("article__content"),
    Sub("story-body"),
    Sub("story__body"),
    Sub("blog-post-body"),
    Sub("rich-text"),
];

/// Words that lower a block's score. Not `media` (Readability's word for embedded players):
/// it names a card's image slot, a media object's image and text (`media-body`) or a
/// media-and-text section of a shop's or a service's page, content more often than not.
pub const NEGATIVE: Pats = pats![
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
    Token("meta"),
    Sub("outbrain"),
    Sub("promo"),
    Sub("related"),
    Sub("scroll"),
    Sub("share"),
    Sub("shoutbox"),
    Sub("sidebar"),
    Sub("signature"),
    Sub("skyscraper"),
    Sub("sponsor"),
    Sub("shopping"),
    Token("tags"),
    Sub("tag-list"),
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

/// Class-name prefixes of page builders and editors that call every block a widget (a text
/// block, a heading, an embedded image with its caption): there `widget` names no sidebar
/// box, and the block is weighed by its other names. Any other name holding `widget` is
/// [`NEGATIVE`].
pub const CONTENT_WIDGETS: Words = words!["elementor-widget", "dnd-widget"];

/// Names of a control that puts an item in the cart: a page holding one offers a product.
pub const CART_CONTROLS: Pats = pats![
    Sub("addtocart"),
    Sub("add-to-cart"),
    Sub("add_to_cart"),
    Sub("addtobag"),
    Sub("add-to-bag"),
    Sub("addtobasket"),
    Sub("add-to-basket"),
    Sub("cart/add"),
];

/// Blocks that carry the byline.
pub const BYLINE: Pats = pats![
    Sub("byline"),
    Sub("author"),
    Sub("dateline"),
    Sub("writtenby"),
    Sub("p-author"),
];

/// Names that hold "author" without naming a byline: the login link ("authorization").
pub const NOT_BYLINE: Pats = pats![Sub("authoriz")];

/// Byline blocks that are really an author's biography box, not the byline.
pub const AUTHOR_BIO: Pats = pats![
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

/// Blocks holding comments or replies, or a photo's caption: their authors and dates are not
/// the article's.
pub const COMMENT_BLOCKS: Pats = pats![
    Sub("caption"),
    Sub("comment"),
    Sub("disqus"),
    Sub("replies"),
    Sub("reply"),
    Sub("related"),
    Sub("sidebar"),
    Sub("widget"),
];

/// What a post's counter counts, after its number ("7 Likes", "0 Reply"): a line of the
/// forum's buttons, not of the post.
pub const COUNT_LABELS: Words = words![" Likes", " Like", " Replies", " Reply"];

/// A forum poster's status, printed alone beside each post of a thread, lowercase.
pub const POSTER_STATUS: Words = words!["online", "offline"];

/// A badge a thread sets beside the posts of whoever opened it, alone in its block, lowercase.
pub const STARTER_BADGES: Words = words![
    "author",
    "op",
    "original poster",
    "thread starter",
    "topic starter",
    "discussion starter",
];

/// Comment threads alone (each comment carries its own author and date), for the searches
/// that stay near the headline and so need not skip sidebars and widgets.
pub const COMMENT_THREADS: Pats = pats![
    Sub("comment"),
    Sub("disqus"),
    Sub("replies"),
    Token("reply"),
];

/// Words of a link's class or address that say it leads to a member's page: on a thread's
/// post, the poster's name (`username`, `/members/`, `member.php`, `memberlist.php`,
/// `/profile/`, `/user/`, `/users/`).
pub const MEMBER_LINKS: Pats = pats![Sub("username"), Sub("member"), Sub("profile"), Sub("/user")];

/// schema.org types of a discussion page (a forum thread, a question and its answers), as
/// written in JSON-LD and microdata.
pub const DISCUSSION_TYPES: Words = words!["DiscussionForumPosting"];

/// Blocks that carry the article's date.
pub const DATELINE: Pats = pats![
    Sub("date"),
    Sub("published"),
    Sub("posted-on"),
    Sub("post-meta"),
    Sub("entry-meta"),
    Sub("article-meta"),
    Sub("timestamp"),
    Token("time"),
];

/// Labels before the names in a byline (lowercase), longest first where one begins another.
/// One-word labels match only before a space or a colon. "Topic author" and the like are
/// labels with no name after them.
pub const BYLINE_LABELS: Words = words![
    "written by",
    "words by",
    "posted by",
    "post by",
    "authored by",
    "published by",
    "story by",
    "article by",
    "text by",
    "topic author",
    "the author",
    "authors",
    "author",
    // With its colon: "Contributors to Wikimedia projects" is a name.
    "contributors:",
    "contributor:",
    "by",
    "von",
    "por",
    "par",
    "di",
    "via",
];

/// Labels before a dateline that name its day the publication's (lowercase).
pub const PUBLISHED_LABELS: Words = words!["published", "posted on"];

/// Labels that name a publication or a section where a byline would name a person.
pub const PUBLICATION_LABELS: Words = words!["published in", "posted in", "filed under"];

/// Words that start a second role after the author's names in a byline (lowercase).
pub const BYLINE_ROLE_WORDS: Words = words![
    "reviewed",
    "edited",
    "fact-checked",
    "illustrated",
    "photographs",
];

/// Path parts of links to an author's page.
pub const AUTHOR_PATHS: Words = words![
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

/// Path parts after an author-page prefix that name an account page, not a person
/// (`/user/login`, `/profile/edit`).
pub const ACCOUNT_PAGES: Words = words![
    "login",
    "logout",
    "log-in",
    "log_in",
    "signin",
    "sign-in",
    "sign_in",
    "signup",
    "sign-up",
    "sign_up",
    "register",
    "create",
    "account",
    "settings",
    "edit",
    "password",
    "delete_cookies",
    "subscribe",
    // The list of a forum's members (`/user/memberlist`, `memberlist.php`), a menu's link.
    "memberlist",
];

/// Share bars and buttons, removed from inside the article when short.
pub const SHARE: Pats = pats![
    Sub("share"),
    Sub("sharing"),
    Sub("sharedaddy"),
    Sub("social"),
    Sub("republication"),
    Sub("republish"),
];

/// ARIA roles of page chrome.
pub const UNLIKELY_ROLES: Words = words![
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

/// ARIA roles of the blocks that `<aside>`, `<nav>` and `<footer>` are: their names and dates
/// belong to other pieces than the article.
pub const ASIDE_ROLES: Words = words!["complementary", "navigation", "contentinfo"];

/// Labels that announce an ad slot, in the languages we meet most. Compared after trimming
/// dashes, dots, brackets and whitespace, and lowercasing.
pub const AD_LABELS: Words = words![
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
    "report this ad",
];

/// Whole lines of a page's interface, not of its text: skip links, "continues below" markers,
/// sort and filter toggles, tables-of-contents titles. Compared like [`AD_LABELS`]; each goes
/// with the largest block around it that holds nothing else.
pub const INTERFACE_LABELS: Words = words![
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "article continues below",
    "story continues below",
    "content continues below",
    "add as a preferred source on google",
    "table of contents",
    "on this page",
    "close form",
    "tell me more",
    "open in app",
    "results per page",
    "sort by",
    "sort and filter",
    "filter and sort",
    "sort & filter",
    "filter & sort",
    "expand description",
    "summarize with ai",
    "loading paragraph",
    "click to expand",
    "click to shrink",
    "jump to",
    "open table of contents panel",
    "add to cart",
    "quick shop",
    "quick view",
    // Calls to action set as a button of their own: a link to elsewhere, no sentence.
    "book now",
    "book a demo",
    "shop now",
    "download now",
    "get a quote",
    "request a quote",
    "start free trial",
    "start your free trial",
    "pin it for later",
    "pin this for later",
    "pin for later",
    // A shop's state, a site's account link, a wiki's sidebar title, a hidden label for
    // screen readers.
    "coming soon",
    "no longer available",
    "sign up",
    "sign in",
    "log in",
    "login",
    "personal tools",
    "publish date",
    // A long list's skip link, and a documentation page's buttons for AI tools.
    "jump to the list",
    "jump to recipe",
    "copy as markdown",
    "copy as html",
    "copy page",
    // A forum's code box header (phpBB's), over the code it selects.
    "select all",
    "code: select all",
    // A search box's placeholder, written out as text.
    "type to search products",
    // Links back up the page or out to the index, set between sections or under the text.
    "back to top",
    "back to blog",
    "back to posts",
    "back to navigation",
    // A carousel's buttons, a documentation page's edit link, a feedback widget's answer.
    "previous slide",
    "next slide",
    "edit this page",
    "thanks for your feedback",
    "was this page helpful",
    "is this page useful",
    "page tools",
];

/// Labels opening a line that points to another piece of the site ("Related: How to …"),
/// lowercased: with a link after them, the line is no part of the text. ("Read
/// more:" and "Also read:" lines are left: WCXB's references keep them as often as not.)
pub const POINTER_LABELS: Words = words![
    "related:",
    "recommended:",
    "you might also like:",
    "you may also like:",
];

/// `text` without the whitespace and the characters of `marks` at either end (one copy of
/// the trimming code for every caller's set of marks).
pub fn trim_marks<'a>(text: &'a str, marks: &str) -> &'a str {
    // The whitespace first, byte by byte (native): the indentation around a text node would
    // cost a call of the test per character.
    #[cfg(not(target_arch = "wasm32"))]
    let text = crate::dom::trim(text);
    trim_by(text, &|c| c.is_whitespace() || marks.contains(c))
}

/// `text` without the characters for which `strip` holds at either end: one copy of the
/// trimming code for every caller's test (the wasm's size).
pub fn trim_by<'a>(text: &'a str, strip: &dyn Fn(char) -> bool) -> &'a str {
    text.trim_matches(|c: char| strip(c))
}

/// True when `text` is nothing but one of [`INTERFACE_LABELS`].
pub fn is_interface_label(text: &str) -> bool {
    if !may_be_label(text, &INTERFACE_LABEL_LENGTHS) {
        return false;
    }
    let trimmed = trim_marks(text, "-–—_·•.:|()[]→⤵➔»›!?<←‹«");
    if trimmed.is_empty() || trimmed.len() > 40 {
        return false;
    }
    // Most short texts are ASCII, whose lowercase is ASCII's: compared without a copy (the
    // labels are lowercase, tested below).
    if trimmed.is_ascii() {
        return INTERFACE_LABELS.contains_ascii_case(trimmed);
    }
    INTERFACE_LABELS.contains(super::lowercase::lowercase(trimmed).as_str())
}

/// Headings over an article's list of sources ("References", "Sources:"): the list is links by
/// nature, and part of the text.
pub const REFERENCE_HEADINGS: Words = words![
    "references",
    "sources",
    "bibliography",
    "works cited",
    "citations",
];

/// Phrases of the prompts that interrupt articles: newsletters, subscriptions, log-ins.
/// A short block containing one of them is a prompt, not text. A table of patterns, so that
/// [`matches`] rules most phrases out by the text's byte pairs instead of searching for each.
pub const PROMPT_PHRASES: Pats = pats![
    Sub("subscribe to"),
    Sub("subscribe now"),
    Sub("subscribe today"),
    Sub("newsletter"),
    Sub("sign up for"),
    Sub("sign up to"),
    Sub("signup"),
    Sub("get our daily"),
    Sub("join our mailing"),
    Sub("already a subscriber"),
    Sub("create a free account"),
    Sub("log in to continue"),
    Sub("login to continue"),
    // "Log in to save to favorites", "Sign in to save this recipe": a shop's or a site's
    // button for members.
    Sub("log in to save"),
    Sub("sign in to save"),
    Sub("to continue reading"),
    Sub("support our journalism"),
    Sub("become a member"),
    Sub("donate now"),
    Sub("unlock this article"),
    Sub("turn on notifications"),
    Sub("free member-only"),
    Sub("limit of free articles"),
    Sub("subscribe for free"),
    Sub("your inbox"),
    Sub("get the latest news"),
    Sub("get the latest updates"),
    Sub("notifications about new posts"),
    Sub("funded by readers"),
    Sub("subscribe here"),
    Sub("unsubscribe at any time"),
    Sub("already have an account"),
    Sub("follow us on"),
    // A site's offers of an account.
    Sub("register for free"),
    Sub("join to see"),
    Sub("suscríbete"),
    Sub("para seguir leyendo"),
    Sub("abonnez-vous"),
    Sub("jetzt abonnieren"),
];

/// What a removed block is, by its tag, class, id, role or component name, most specific
/// kind first. Only blocks already being removed are looked up here.
pub const KIND_NAMES: &[(ClutterKind, Pats)] = &[
    (
        ClutterKind::Consent,
        pats![
            Sub("cookie"),
            Sub("consent"),
            Sub("gdpr"),
            Sub("onetrust"),
            Sub("didomi"),
            Sub("qc-cmp"),
            Sub("cmpbox"),
            Sub("sp_message"),
            Sub("truste"),
            Sub("usercentrics"),
        ],
    ),
    (
        ClutterKind::Login,
        pats![
            Sub("login"),
            Sub("log-in"),
            Sub("signin"),
            Sub("sign-in"),
            Sub("paywall"),
            Sub("regwall"),
            Sub("gateway"),
            Sub("registration"),
            Sub("premium-banner"),
            Token("meter"),
        ],
    ),
    (
        ClutterKind::Subscribe,
        pats![
            Sub("newsletter"),
            Sub("subscri"),
            Sub("signup"),
            Sub("sign-up"),
            Sub("mailing"),
            Sub("mc_embed"),
            Sub("ck_form"),
            Sub("formkit"),
            Sub("donat"),
            Sub("membership"),
            Sub("reader-revenue"),
            Sub("contribut"),
            Sub("email-capture"),
            Sub("optin"),
        ],
    ),
    (
        ClutterKind::Prompt,
        pats![
            Sub("smartbanner"),
            Sub("app-banner"),
            Sub("appbanner"),
            Sub("app-install"),
            Sub("onesignal"),
            Sub("push-notif"),
            Sub("web-push"),
            Sub("amp-app-banner"),
        ],
    ),
    (
        ClutterKind::Ad,
        pats![
            Token("ad"),
            Token("ads"),
            Sub("-ad-"),
            Sub("ad-slot"),
            Sub("adslot"),
            Sub("ad-unit"),
            Sub("advert"),
            Sub("adthrive"),
            Sub("adsbygoogle"),
            Sub("gpt-ad"),
            Token("dfp"),
            Sub("sponsor"),
            Sub("outbrain"),
            Sub("taboola"),
            Sub("trc_"),
            Sub("ob-widget"),
            Sub("promoted"),
            Sub("amp-ad"),
            Sub("amp-sticky-ad"),
            Sub("amp-embed"),
            Sub("skyscraper"),
        ],
    ),
    (
        ClutterKind::Comments,
        pats![
            Sub("comment"),
            Sub("disqus"),
            Token("respond"),
            Sub("replies"),
            Sub("discussion"),
        ],
    ),
    (
        ClutterKind::Related,
        pats![
            Sub("related"),
            Sub("recommend"),
            Sub("more-from"),
            Sub("more-in"),
            Sub("most-read"),
            Sub("mostread"),
            Sub("most-viewed"),
            Sub("popular"),
            Sub("trending"),
            Sub("read-more"),
            Sub("read-next"),
            Sub("onward"),
            Sub("post-card"),
            Sub("paginav"),
            Sub("post-nav"),
        ],
    ),
    (
        ClutterKind::Share,
        pats![
            Sub("share"),
            Sub("sharing"),
            Sub("social"),
            Sub("sharedaddy"),
            Sub("addtoany"),
            Sub("print-button"),
            Sub("republication"),
            Sub("republish"),
        ],
    ),
    (
        ClutterKind::Tags,
        pats![
            Sub("tags"),
            Sub("tag-list"),
            Sub("tag-cloud"),
            Sub("cat-links"),
        ],
    ),
    (
        ClutterKind::AuthorBox,
        pats![
            Sub("author-box"),
            Sub("author-bio"),
            Sub("author__bio"),
            Sub("author_bio"),
            Sub("author-desc"),
            Sub("author_desc"),
            Sub("about-author"),
            Sub("about-the-author"),
            Sub("author-info"),
        ],
    ),
    (
        ClutterKind::Overlay,
        pats![
            Sub("modal"),
            Sub("popup"),
            Sub("dialog"),
            Sub("lightbox"),
            Sub("overlay"),
            Sub("backdrop"),
            Sub("sticky-video"),
            Sub("sticky-player"),
            Sub("floating-player"),
        ],
    ),
    (
        ClutterKind::Navigation,
        pats![
            Token("nav"),
            Sub("navbar"),
            Sub("navigation"),
            Sub("menu"),
            Sub("breadcrumb"),
            Sub("pagination"),
            Sub("pager"),
            Sub("header"),
            Sub("footer"),
            Sub("masthead"),
            Token("toc"),
            Sub("table-of-contents"),
            Sub("tableofcontents"),
            Sub("banner"),
            Sub("contentinfo"),
            Sub("search"),
            Sub("key-events"),
        ],
    ),
    (
        ClutterKind::Sidebar,
        pats![
            Sub("sidebar"),
            Sub("widget"),
            Sub("complementary"),
            Token("aside"),
            Sub("supplemental"),
        ],
    ),
];

/// What a removed block is, by its first words (lowercased), when its names did not say.
pub const KIND_PHRASES: &[(ClutterKind, Pats)] = &[
    (
        ClutterKind::Consent,
        pats![
            Sub("cookie"),
            Sub("your privacy"),
            Sub("privacy preference"),
            Sub("consent"),
            Sub("we and our partners"),
            Sub("nuestros socios"),
        ],
    ),
    (
        ClutterKind::Login,
        pats![
            Sub("already a subscriber"),
            Sub("already have an account"),
            Sub("create a free account"),
            Sub("create an account"),
            Sub("free articles"),
            Sub("free member-only"),
            Sub("to continue reading"),
            Sub("log in to"),
            Sub("sign in to"),
            Sub("unlock this article"),
            Sub("inicia sesión"),
            Sub("para seguir leyendo"),
            Sub("regístrate"),
        ],
    ),
    (
        ClutterKind::Subscribe,
        pats![
            Sub("newsletter"),
            Sub("subscribe"),
            Sub("sign up"),
            Sub("mailing list"),
            Sub("in your inbox"),
            Sub("become a member"),
            Sub("donate"),
            Sub("donation"),
            Sub("support independent"),
            Sub("support our journalism"),
            Sub("support us"),
            Sub("suscríbete"),
            Sub("boletín"),
            Sub("abonnez-vous"),
        ],
    ),
    (
        ClutterKind::Prompt,
        pats![
            Sub("get the app"),
            Sub("open in app"),
            Sub("download the app"),
            Sub("notifications"),
        ],
    ),
    (
        ClutterKind::Ad,
        pats![
            Sub("from around the web"),
            Sub("promoted stories"),
            Sub("promoted links"),
        ],
    ),
    (
        ClutterKind::Comments,
        pats![
            Sub("comments"),
            Sub("leave a reply"),
            Sub("leave a comment"),
            Sub("join the discussion"),
            Sub("comentarios"),
            Sub("commentaires"),
            Sub("kommentare"),
        ],
    ),
    (
        ClutterKind::Related,
        pats![
            Sub("related"),
            Sub("more from"),
            Sub("more in "),
            Sub("most read"),
            Sub("most viewed"),
            Sub("most popular"),
            Sub("trending"),
            Sub("you may like"),
            Sub("you might also like"),
            Sub("you may also like"),
            Sub("recommended"),
            Sub("read more"),
            Sub("read next"),
            Sub("up next"),
            Sub("te puede interesar"),
            Sub("lo más leído"),
            Sub("lire aussi"),
            Sub("اقرأ أيضا"),
        ],
    ),
    (
        ClutterKind::Share,
        pats![
            Sub("share"),
            Sub("compartir"),
            Sub("republish"),
            Sub("print"),
            Sub("email this"),
        ],
    ),
];

/// Labels of a forum poster's figures beside each post ("Joined: Feb 2019", "Posts: 116",
/// "Reaction score 10"), lowercase, longest first where one begins another. Each takes a
/// value with a digit. [`USER_STAT_COMPANIONS`] may stand beside them, never alone.
pub const USER_STAT_LABELS: Words = words![
    "join date",
    "joined",
    "member since",
    "registered",
    "posts",
    "threads",
    "messages",
    "reaction score",
    "reputation",
    "trophy points",
    "points",
    "likes received",
    "best answers",
    "solutions",
];

/// Labels that stand among a poster's figures but also in text ("Location: Paris").
pub const USER_STAT_COMPANIONS: Words = words!["location", "from", "gender", "age"];

/// Whole headings that close an article and open the site's links to elsewhere, compared
/// lowercased without punctuation at either end. ("Recommended courses" or "Related article"
/// in the middle of a text can be content, so only these exact wordings count.)
pub const CLOSING_HEADINGS: Words = words![
    "related posts",
    "related articles",
    "related stories",
    "related reading",
    "you might also like",
    "you may also like",
    "you might like",
    "you may like",
    "recommended for you",
    "recommended reading",
    "read next",
    "read this next",
    "up next",
    "what to read next",
    "keep reading",
    "more stories",
    "popular articles",
    "popular posts",
    "most popular",
    "most read",
    "trending",
    "trending now",
    "trending this week",
    "editor's picks",
    "editors' picks",
    "what others are reading",
    "te puede interesar",
    "lire aussi",
    "related content",
    "related blogs",
    "related news",
    "related posts and articles",
    "more like this",
    "other interesting articles",
    "recommended articles",
    "recommended posts",
    "latest news",
    "latest posts",
    "latest articles",
    "recent posts",
    "recent blogs",
    "more blogs",
    "other posts",
    "related blog posts",
    "also in the news",
    // A guide's list of the pages it drew on, after its text.
    "sources",
    "article sources",
    "references & sources",
    // A service page's closing boxes: its fine print, its paper to download; an article's
    // pitch of the site's services and a course's list of its like.
    "disclaimers",
    "whitepaper",
    "our services",
    "similar seminars",
    "about the author",
    "about the authors",
    "take the next step",
    "blog tags",
    "alternate versions",
    // A shop's offers of other products under the product.
    "frequently bought together",
    "frequently purchased with",
    "customers also bought",
    "customers also viewed",
    "complete your order",
    "complete the look",
    "featured products",
    "related products",
    "similar products",
    "recently viewed",
    "pairs well with",
    "about the contributor",
    "discussion about this post",
    "you may be interested in",
    "you may be interested in the following topics as well",
    // What follows the text on blogs: tags, comments, sharing.
    "tags",
    "categories",
    "comments",
    "leave a comment",
    "leave a reply",
    "add a comment",
    "post a comment",
    "be the first to comment",
    "what do you think",
    "share this article",
    "share this post",
    "share this story",
    // A forum's and a Q&A site's calls to sign in, under the thread.
    "join the discussion",
    "you must log in to answer this question",
];

/// Words of the headings over a shop's recommendations ("Customers also viewed", "Similar
/// items") or a site's ("Similar threads", "Trending topics"): other pages, not the one the
/// page is about. Looked for in short headings,
/// lowercased; the section each opens goes wherever it stands (shops put these boxes between
/// the product and its description).
pub const RECOMMENDATION_HEADINGS: Pats = pats![
    Sub("also viewed"),
    Sub("also bought"),
    Sub("also like"),
    Sub("related products"),
    Sub("related items"),
    Sub("related to this item"),
    Sub("similar items"),
    Sub("similar products"),
    Sub("more like this"),
    Sub("recently viewed"),
    Sub("frequently bought"),
    Sub("frequently viewed"),
    Sub("shop the look"),
    Sub("complete the look"),
    Sub("sponsored products"),
    Sub("how about these"),
    Sub("pairs well with"),
    Sub("get the look"),
    // Forums and portals put the same kind of box beside a thread or an article: other
    // threads, the site's busiest posters, what others watch.
    Sub("similar threads"),
    Sub("similar topics"),
    Sub("related threads"),
    Sub("trending topics"),
    Sub("top contributors"),
    Sub("top posters"),
    Sub("you might like"),
    Sub("pick videos"),
    // A sponsor's section in a newsletter, and a newsroom's appeal for donations.
    Sub("advertisement:"),
    Sub("funded by readers"),
    // A maker's shop on its own product pages: why buy from it, and its other products.
    Sub("keep exploring"),
    Sub("best place to buy"),
    // A review site's account of itself, set between a guide's sections.
    Sub("why trust us"),
    // A site's offer of its own downloads, set as a heading over a form or a button.
    Sub("download our free"),
    Sub("get the free e"),
    // A newsletter's end matter: its feedback poll, its referral offer and its way out; and
    // a site's box of its own latest pieces.
    Sub("how was this"),
    Sub("tell your friends"),
    Sub("unsubscribe"),
    Sub("explore the latest"),
];

/// Short lines that close an article without being its text: sharing and comment prompts,
/// tag and category labels. Compared whole, lowercased, without punctuation at either end;
/// they go only from the very end of the article.
/// ([`INTERFACE_LABELS`] go before this, wherever they stand: none is repeated here.)
pub const TAIL_LABELS: Words = words![
    "share",
    "share it",
    "share this",
    "share your story",
    "latest",
    "report a correction or typo",
    "learn more",
    "read more",
    "apply now",
    "get started",
    "subscribe",
    "subscribe here",
    // A forum's buttons for guests under the thread.
    "register a new account",
    "sign in now",
    // A Q&A site's boxes under the answers: a call to ask, the question's tags again.
    "start asking to get answers",
    "find the answer to your question by asking",
    "explore related questions",
    "see similar questions with these tags",
];

/// Openings of a short last line that labels the page rather than ends the text: tag lists
/// ("Tags: rust, wasm"), the author's line again, links to more by the author.
pub const TAIL_LINE_OPENERS: Words = words![
    "tags:",
    "tagged:",
    "tagged with",
    "tagged as",
    "filed under",
    "categories:",
    "category:",
    "posted in ",
    "written by ",
    "posted by ",
    "latest posts by ",
    "read all articles by ",
    "more articles from ",
    "more articles by ",
    "view all posts by ",
    "see all posts by ",
    "all posts by ",
    "comment via",
    "share this ",
    "last updated",
    "last modified",
    "last reviewed",
    "except as otherwise noted",
    // A comment form's consent line, left when the form went.
    "by posting a comment",
];

/// Openings of closing headings that name the site or section ("More from The Verge").
pub const CLOSING_HEADING_OPENERS: Words = words![
    "more from ",
    "more in ",
    "more stories from ",
    "more articles ",
    "more helpful articles ",
    "related articles ",
];

/// Names of author photos (on the image or its link or wrapper).
pub const AVATAR: Pats = pats![
    Sub("avatar"),
    Sub("author"),
    Sub("profile-image"),
    Sub("profile-pic"),
    Sub("headshot"),
];

/// Names of what a shop's product page shows beside the product: its customers' reviews
/// (`product-reviews`, `customerReviews`) and its legal fine print (a licence, trademarks,
/// the footnotes of its claims in a `disclaimer` block, however long), removed on a
/// product's page.
pub const PRODUCT_PAGE_CLUTTER: Pats = pats![Sub("reviews"), Token("legal"), Sub("disclaimer")];

/// Class words of a site's disclaimers (affiliate links, advertising, liability): a block so
/// named, short or a small part of the text, is the site speaking, not the text.
pub const DISCLAIMERS: Pats = pats![Sub("disclaimer")];

/// Openings of the line a phone or a forum app signs a post with, as written.
pub const SIGNATURE_OPENERS: Words = words!["Sent from my "];

/// Class words of buttons and calls to action: a block that is only such a link goes.
pub const BUTTON_LIKE: Pats = pats![
    Token("button"),
    Token("btn"),
    Sub("button-wrapper"),
    Token("cta"),
];

/// Class words of a dateline that names its day the publication's ("release-date").
pub const PUBLICATION_CLASSES: Pats = pats![Sub("publish"), Sub("release"), Sub("pubdate")];

/// Labels of a day a piece was changed or checked, not published ("Updated on", "Last
/// reviewed", a thread's "last post"), matched on a dateline's lowercased text and on the
/// class words of its elements.
pub const UPDATE_LABELS: Pats = pats![
    Sub("updated"),
    Sub("modified"),
    Sub("reviewed"),
    Sub("revised"),
    Sub("edited"),
    Sub("last post"),
];

/// Labels of the day a member joined, in a forum post's profile beside the post ("Joined:
/// Dec 11, 2021", "Join Date: Mar 2015"): not the post's date.
pub const MEMBER_SINCE: Pats = pats![
    Sub("joined"),
    Sub("join date"),
    Sub("registered"),
    Sub("member since"),
    Sub("founded"),
];

/// Reading-time notes ("7 min read"), which the reader view computes itself.
pub const READING_TIME: Pats = pats![
    Sub("reading time"),
    Sub("min read"),
    Sub("mins read"),
    Sub("minute read"),
    Sub("minutes read"),
    Sub("min de lectura"),
    Sub("minutos de lectura"),
    Sub("min de lecture"),
    Sub("minutes de lecture"),
    Sub("min lesezeit"),
];

/// Characters that templates put in or beside a heading as a link to the heading itself
/// (Sphinx's and MkDocs' `¶`, Hugo's `#`, `§`, `🔗`).
pub const PERMALINK_MARKS: &[char] = &['¶', '#', '§', '🔗'];

/// Class words of pull quotes: display copies of a sentence, kept only when the text does
/// not already hold it.
pub const PULL_QUOTE: Pats = pats![Sub("pullquote"), Sub("pull-quote"), Sub("pull_quote")];

/// Names of text beside the headline that is not the article's opening (standfirst): a
/// picture's caption or credit, a call to action, a tooltip, a teaser, a disclosure, and the
/// summary blocks named `dek` or `excerpt` (the page's summary, shown apart from the text:
/// the WCXB and Readability references both leave them out).
pub const NOT_STANDFIRST: Pats = pats![
    Sub("caption"),
    Sub("credit"),
    Token("cta"),
    Sub("tooltip"),
    Sub("teaser"),
    Sub("disclosure"),
    Sub("disclaimer"),
    Sub("excerpt"),
    Sub("dek"),
];

/// Names (class, id, file name) of pictures that are interface icons, not content.
pub const ICON_IMAGES: Words = words!["icon", "sprite", "glyph", "favicon"];

/// An image's name as an icon's, for an image of no stated size: the word alone.
pub const ICON_NAME: Pats = pats![Token("icon")];

/// `widget` as a word of its own in a class name (`footer-widgets`, not `celwidget`).
pub const WIDGET: Pats = pats![Token("widget"), Token("widgets")];

/// File names of spacer and tracking images (used when no lazy-loading attribute offers
/// another source).
pub const SPACER_IMAGES: Words = words![
    "spacer.gif",
    "blank.gif",
    "pixel.gif",
    "clear.gif",
    "transparent.gif",
    "1x1",
    "trans.gif",
];

/// Embedded players of well-known video hosts: the embed address (without scheme and `www.`)
/// up to the video id, the public page the id belongs to, and the host's name.
pub const VIDEO_EMBEDS: &[(&str, &str, &str)] = &[
    (
        "youtube.com/embed/",
        "https://www.youtube.com/watch?v=",
        "YouTube",
    ),
    (
        "youtube-nocookie.com/embed/",
        "https://www.youtube.com/watch?v=",
        "YouTube",
    ),
    ("player.vimeo.com/video/", "https://vimeo.com/", "Vimeo"),
    (
        "dailymotion.com/embed/video/",
        "https://www.dailymotion.com/video/",
        "Dailymotion",
    ),
    ("embed.ted.com/talks/", "https://www.ted.com/talks/", "TED"),
    ("streamable.com/e/", "https://streamable.com/", "Streamable"),
];

/// Video elements of AMP pages and lite players: the tag, the attribute holding the video
/// id, and the public page prefix.
pub const VIDEO_ELEMENTS: &[(&str, &str, &str, &str)] = &[
    (
        "amp-youtube",
        "data-videoid",
        "https://www.youtube.com/watch?v=",
        "YouTube",
    ),
    (
        "lite-youtube",
        "videoid",
        "https://www.youtube.com/watch?v=",
        "YouTube",
    ),
    ("amp-vimeo", "data-videoid", "https://vimeo.com/", "Vimeo"),
    ("lite-vimeo", "videoid", "https://vimeo.com/", "Vimeo"),
    (
        "amp-dailymotion",
        "data-videoid",
        "https://www.dailymotion.com/video/",
        "Dailymotion",
    ),
];

/// AMP components that hold content; every other `amp-*` element is page machinery (ads,
/// consent, analytics, share buttons, menus) and leaves with its kind.
pub const AMP_CONTENT: Words = words![
    "amp-img",
    "amp-anim",
    "amp-carousel",
    "amp-accordion",
    "amp-fit-text",
    "amp-selector",
    "amp-layout",
    "amp-story",
    "amp-mathml",
    "amp-timeago",
];

/// Tags whose subtree never reaches the reader: scripts, styles, embedded documents, forms.
pub const DROP_TAGS: Words = words![
    "script", "style", "noscript", "template", "link", "meta", "title", "head", "iframe", "frame",
    "frameset", "object", "embed", "applet", "form", "input", "button", "select", "textarea",
    "option", "canvas", "dialog", "nav", "aside", "svg", "math", "audio", "video", "source",
    "track", "map", "area", "portal", "slot",
];

/// Phrasing content: what a `<div>` may hold and still be read as a paragraph.
pub const PHRASING: Words = words![
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "img",
    "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
    "var", "wbr", "font", "big", "tt", "label", "picture",
];

/// Names up to this long are matched without their byte pairs.
const SHORT_NAME: usize = 4;

/// True when `haystack` (lowercased) matches any pattern of `table`.
pub fn matches(table: Pats, haystack: &str) -> bool {
    if haystack.is_empty() {
        return false;
    }
    // Most names match none of a long table: the byte pairs of the name rule out almost
    // every pattern before any search. A word longer than the name is ruled out by its length,
    // which is all a short name (a tag) needs.
    // The two cases loop apart: no per-word test of whether there are pairs.
    #[cfg(not(target_arch = "wasm32"))]
    if table.len() >= INDEXED_TABLE && haystack.len() > SHORT_NAME {
        return indexed::any(table, haystack, |p: Pat| {
            let (Sub(word) | Token(word)) = p;
            word.len() <= haystack.len() && hit(p, haystack)
        });
    }
    if table.len() >= 4 && haystack.len() > SHORT_NAME {
        with_pairs(haystack, |pairs| {
            table.any_word(|token, word| {
                word.len() <= haystack.len()
                    && pairs.may_hold(word)
                    && hit_word(token, word, haystack)
            })
        })
    } else {
        table
            .any_word(|token, word| word.len() <= haystack.len() && hit_word(token, word, haystack))
    }
}

/// True when `p` occurs in `haystack`.
fn hit(p: Pat, haystack: &str) -> bool {
    match p {
        Sub(w) => hit_word(false, w.as_bytes(), haystack),
        Token(w) => hit_word(true, w.as_bytes(), haystack),
    }
}

/// True when `word` occurs in `haystack`, as a whole token if `token`.
#[inline]
fn hit_word(token: bool, word: &[u8], haystack: &str) -> bool {
    if !token {
        // A plain scan: class-and-id strings are short, and the standard search costs more
        // to set up than the scan takes (same answer as `str::contains`, tested below).
        return find_bytes(haystack.as_bytes(), word).is_some();
    }
    haystack
        .split(|c: char| !c.is_alphanumeric())
        .any(|tok| tok.as_bytes() == word)
}

/// `haystack.find(needle)` by a plain scan: for a short needle in a short text, where
/// setting up the standard two-way search costs more than the search.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    find_bytes(haystack.as_bytes(), needle.as_bytes())
}

/// [`find`] on bytes.
fn find_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = n.split_first() else {
        return Some(0);
    };
    if n.len() > h.len() {
        return None;
    }
    let last_start = h.len() - n.len();
    // The candidates by the first byte, by a plain loop: the haystacks are short, and a
    // match of the whole needle's bytes starts at a character boundary.
    let mut from = 0;
    while let Some(k) = h[from..=last_start].iter().position(|&b| b == first) {
        let i = from + k;
        if &h[i + 1..i + n.len()] == rest {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// Runs `f` on the byte pairs of `name`. Native: a name is matched against several tables in
/// a row, so its pairs are kept from the last call rather than hashed again (the wasm, whose
/// size budget is tight, hashes them each time).
#[cfg(not(target_arch = "wasm32"))]
fn with_pairs(name: &str, f: impl FnOnce(&BytePairs) -> bool) -> bool {
    indexed::with_state(name, |state| f(&state.pairs))
}

#[cfg(target_arch = "wasm32")]
fn with_pairs(name: &str, f: impl FnOnce(&BytePairs) -> bool) -> bool {
    f(&BytePairs::of(name))
}

/// Tables this long are searched through their index (native): a name's pairs pick out the
/// few words that may occur in it, where the plain loop tests every word's first pair.
#[cfg(not(target_arch = "wasm32"))]
const INDEXED_TABLE: usize = 8;

/// Native: each table's words bucketed by their first byte pair, made on the table's first
/// search and kept for the run, so that a search visits only the words whose first pair the
/// name holds (the wasm, whose size budget is tight, loops over every word).
#[cfg(not(target_arch = "wasm32"))]
mod indexed {
    use super::{BytePairs, Pat, Pats, Sub, Token};

    /// One table's index.
    struct Index {
        /// The table's address and length.
        key: (usize, usize),
        /// The first pairs of its words of two bytes or more.
        first: [u64; 16],
        /// Where each pair's words start in `words` (by pair bit, one past the end last).
        start: Vec<u16>,
        /// Word offsets in the packed table, by their first pair's bit.
        words: Vec<u16>,
        /// Words shorter than a pair, which every name may hold.
        short: Vec<u16>,
    }

    /// The patterns of `table` with their offsets.
    fn entries(table: Pats) -> Vec<(u16, Pat)> {
        let mut all = Vec::new();
        let mut it = table.iter();
        loop {
            let at = (table.packed.len() - it.rest()) as u16;
            let Some(p) = it.next() else { return all };
            all.push((at, p));
        }
    }

    /// The pattern at `offset` of `table`.
    fn at(table: Pats, offset: u16) -> Pat {
        let rest = Pats {
            packed: &table.packed[usize::from(offset)..],
            count: 1,
        };
        rest.iter().next().unwrap()
    }

    impl Index {
        fn of(table: Pats, key: (usize, usize)) -> Index {
            let word = |p: &Pat| {
                let (Sub(w) | Token(w)) = *p;
                w.as_bytes()
            };
            let mut counts = vec![0u16; 1025];
            let mut first = [0u64; 16];
            let mut short = Vec::new();
            let entries = entries(table);
            for &(i, ref p) in &entries {
                match word(p) {
                    [a, b, ..] => {
                        let bit = BytePairs::bit(*a, *b);
                        first[bit / 64] |= 1 << (bit % 64);
                        counts[bit + 1] += 1;
                    }
                    _ => short.push(i),
                }
            }
            for bit in 0..1024 {
                counts[bit + 1] += counts[bit];
            }
            let mut fill = counts.clone();
            let mut words = vec![0u16; table.len() - short.len()];
            for &(i, ref p) in &entries {
                if let [a, b, ..] = word(p) {
                    let at = &mut fill[BytePairs::bit(*a, *b)];
                    words[usize::from(*at)] = i;
                    *at += 1;
                }
            }
            Index {
                key,
                first,
                start: counts,
                words,
                short,
            }
        }
    }

    /// Open addressing over a table's address: a run reads a few dozen tables.
    const SLOTS: usize = 256;

    pub(super) struct State {
        /// The last name searched, with its pairs.
        name: String,
        pub(super) pairs: BytePairs,
        slots: Vec<Option<Box<Index>>>,
    }

    thread_local! {
        static STATE: std::cell::RefCell<State> = const {
            std::cell::RefCell::new(State {
                name: String::new(),
                pairs: BytePairs([0; 16]),
                slots: Vec::new(),
            })
        };
    }

    /// True when some word of `table` that `name`'s pairs may hold passes `hit`: the same
    /// answer as testing every word with [`BytePairs::may_hold`] first.
    /// Runs `f` on the state, its pairs those of `name`: a name is matched against several
    /// tables in a row, so its pairs are kept from the last call rather than hashed again.
    pub(super) fn with_state(name: &str, f: impl FnOnce(&mut State) -> bool) -> bool {
        STATE.with_borrow_mut(|state| {
            if state.name != name {
                state.name.clear();
                state.name.push_str(name);
                state.pairs = BytePairs::of(name);
            }
            f(state)
        })
    }

    pub(super) fn any(table: Pats, name: &str, hit: impl Fn(Pat) -> bool) -> bool {
        with_state(name, |state| {
            if state.slots.is_empty() {
                state.slots.resize_with(SLOTS, || None);
            }
            let key = (table.packed.as_ptr() as usize, table.packed.len());
            let mut slot = (key.0 >> 4 ^ key.1) % SLOTS;
            let mut probes = 0;
            while state.slots[slot].as_ref().is_some_and(|i| i.key != key) {
                slot = (slot + 1) % SLOTS;
                probes += 1;
                if probes == SLOTS {
                    // Every slot taken (never on the engine's tables): the plain loop.
                    let pairs = &state.pairs;
                    return table.iter().any(|p| {
                        let (Sub(word) | Token(word)) = p;
                        pairs.may_hold(word.as_bytes()) && hit(p)
                    });
                }
            }
            let index = state.slots[slot].get_or_insert_with(|| Box::new(Index::of(table, key)));
            let pairs = &state.pairs;
            if index.short.iter().any(|&i| hit(at(table, i))) {
                return true;
            }
            for k in 0..16 {
                let mut bits = pairs.0[k] & index.first[k];
                while bits != 0 {
                    let bit = k * 64 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    let (from, to) = (index.start[bit], index.start[bit + 1]);
                    for &i in &index.words[usize::from(from)..usize::from(to)] {
                        let p = at(table, i);
                        let (Sub(word) | Token(word)) = p;
                        if pairs.may_hold(word.as_bytes()) && hit(p) {
                            return true;
                        }
                    }
                }
            }
            false
        })
    }
}

/// The pairs of adjacent bytes in a text, hashed into a bit set: a word with a pair missing
/// does not occur in the text. (False positives only cost a search.)
struct BytePairs([u64; 16]);

impl BytePairs {
    fn of(text: &str) -> Self {
        let mut set = BytePairs([0; 16]);
        let Some((&first, rest)) = text.as_bytes().split_first() else {
            return set;
        };
        let mut prev = first;
        for &b in rest {
            let bit = Self::bit(prev, b);
            set.0[bit / 64] |= 1 << (bit % 64);
            prev = b;
        }
        set
    }

    fn bit(a: u8, b: u8) -> usize {
        (usize::from(a) * 37 + usize::from(b)) % 1024
    }

    fn has(&self, a: u8, b: u8) -> bool {
        let bit = Self::bit(a, b);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Every pair of the word is checked: a bit test costs far less than the search that a
    /// false positive leads to.
    fn may_hold(&self, w: &[u8]) -> bool {
        // The first pair alone rules out almost every word: tested before the loop is set up.
        w.len() < 2 || (self.has(w[0], w[1]) && w[1..].windows(2).all(|p| self.has(p[0], p[1])))
    }
}

/// True when `text` (lowercased) opens with an ad label of at least two words' weight
/// ("sponsored links by …", "advertisement skip advertisement").
pub fn starts_with_ad_label(text: &str) -> bool {
    AD_LABELS
        .iter()
        .filter(|l| l.chars().count() >= 8)
        .any(|l| {
            text.strip_prefix(l)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
        })
}

/// True when `text` is nothing but an ad label such as "- Advertisement -".
pub fn is_ad_label(text: &str) -> bool {
    if !may_be_label(text, &AD_LABEL_LENGTHS) {
        return false;
    }
    let trimmed = trim_marks(text, "-–—_·•.:|()[]");
    // Lowercasing never shortens text in characters, and no label has more characters than
    // bytes: longer text cannot be a label, and is not lowercased (it may be a whole page).
    if trimmed.is_empty() || trimmed.chars().nth(LONGEST_AD_LABEL).is_some() {
        return false;
    }
    // Most short texts are ASCII, whose lowercase is ASCII's: compared without a copy.
    if trimmed.is_ascii() {
        return AD_LABELS.contains_ascii_case(trimmed);
    }
    AD_LABELS.contains(lowercase(trimmed).as_str())
}

/// For each ASCII letter and digit (`a`–`z` then `0`–`9`), the lengths of the ASCII labels of
/// a table that start with it, as bits (bit k: a label of k bytes; no label reaches 64).
type LabelLengths = [u64; 36];

const fn label_lengths(labels: Words) -> LabelLengths {
    let mut lengths = [0u64; 36];
    let packed = labels.0.as_bytes();
    let mut at = 0;
    while at < packed.len() {
        let (_, rest) = packed.split_at(at + 1);
        let (label, _) = rest.split_at(packed[at] as usize);
        at += 1 + label.len();
        let mut ascii = true;
        let mut k = 0;
        while k < label.len() {
            ascii = ascii && label[k].is_ascii();
            k += 1;
        }
        assert!(label.len() < 64, "a label of 64 bytes or more");
        assert!(
            !ascii
                || !label.is_empty()
                    && label[0].is_ascii_alphanumeric()
                    && label[label.len() - 1].is_ascii_alphanumeric(),
            "an ASCII label must start and end with a letter or digit (see may_be_label)"
        );
        if ascii && !label.is_empty() {
            if let Some(slot) = alphanumeric_slot(label[0]) {
                lengths[slot] |= 1 << label.len();
            }
        }
    }
    lengths
}

const fn alphanumeric_slot(b: u8) -> Option<usize> {
    match b.to_ascii_lowercase() {
        c @ b'a'..=b'z' => Some((c - b'a') as usize),
        c @ b'0'..=b'9' => Some(26 + (c - b'0') as usize),
        _ => None,
    }
}

const AD_LABEL_LENGTHS: LabelLengths = label_lengths(AD_LABELS);
const INTERFACE_LABEL_LENGTHS: LabelLengths = label_lengths(INTERFACE_LABELS);

/// False when `text` cannot be one of the labels whose lengths are `lengths`, judged without
/// the full trim and comparison. ASCII text can only be an ASCII label, whose ends are letters
/// or digits ([`label_lengths`] asserts it): trimming cuts no letter or digit, so the text
/// without the other characters at its ends must be the label, lowercased byte for byte, of
/// a label's length and first letter. Other text may be a label. Native only, like
/// [`crate::dom::trim`]: the wasm's size budget is tight.
#[cfg(not(target_arch = "wasm32"))]
fn may_be_label(text: &str, lengths: &LabelLengths) -> bool {
    let bytes = text.as_bytes();
    if !text.is_ascii() {
        return true;
    }
    let Some(start) = bytes.iter().position(u8::is_ascii_alphanumeric) else {
        return false;
    };
    let end = bytes
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(start, |e| e + 1);
    let len = end - start;
    alphanumeric_slot(bytes[start]).is_some_and(|slot| len < 64 && lengths[slot] & (1 << len) != 0)
}

#[cfg(target_arch = "wasm32")]
fn may_be_label(_text: &str, _lengths: &LabelLengths) -> bool {
    true
}

/// Bytes in the longest of [`AD_LABELS`].
const LONGEST_AD_LABEL: usize = {
    let packed = AD_LABELS.0.as_bytes();
    let (mut longest, mut at) = (0, 0);
    while at < packed.len() {
        if packed[at] as usize > longest {
            longest = packed[at] as usize;
        }
        at += 1 + packed[at] as usize;
    }
    longest
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_prefilter_keeps_every_label() {
        for (labels, lengths) in [
            (AD_LABELS, &AD_LABEL_LENGTHS),
            (INTERFACE_LABELS, &INTERFACE_LABEL_LENGTHS),
        ] {
            for l in labels {
                let upper = l.to_uppercase();
                for text in [
                    l.to_string(),
                    upper,
                    format!(" \n {l}\t"),
                    format!("- {l} -"),
                ] {
                    assert!(may_be_label(&text, lengths), "{text:?}");
                }
            }
        }
        assert!(is_ad_label("\n ADVERTISEMENT \n") && is_ad_label("Ad"));
        assert!(is_interface_label(" Skip to content "));
        // Texts that no label can be are ruled out before trimming.
        assert!(!may_be_label("Advertiser", &AD_LABEL_LENGTHS));
        assert!(!may_be_label(" Home ", &INTERFACE_LABEL_LENGTHS));
        assert!(!may_be_label("2024", &AD_LABEL_LENGTHS));
        // Ends to trim are ruled out by what lies between them; text outside ASCII takes
        // the full check.
        assert!(!may_be_label("Home.", &AD_LABEL_LENGTHS));
        assert!(!may_be_label("It was.", &AD_LABEL_LENGTHS));
        assert!(!may_be_label(" -- ", &AD_LABEL_LENGTHS));
        assert!(may_be_label("(Advertisement.)", &AD_LABEL_LENGTHS));
        assert!(may_be_label("Hôme", &AD_LABEL_LENGTHS));
        assert!(is_ad_label("[Advertisement]") && !is_ad_label("Advertisement?"));
        assert!(is_interface_label("Skip to content!") && !is_interface_label("Skip to?"));
        // A feedback widget's question ends in a question mark.
        assert!(is_interface_label("Was this page helpful?") && is_interface_label("Page tools"));
    }

    #[test]
    fn packed_tables_give_back_their_patterns() {
        // The patterns written once, as a plain table and packed.
        macro_rules! table_and_packed {
            ($($p:expr),* $(,)?) => {
                (&[$($p),*][..], pats![$($p),*])
            };
        }
        let (table, packed): (&[Pat], Pats) = table_and_packed![
            Sub("a"),
            Token("nav"),
            Sub("über-uns"),
            Token("🔗"),
            Sub("0123456789012345678901234567890123456789012345678901234567890123"),
            Token("x"),
        ];
        let back: Vec<String> = packed.iter().map(|p| format!("{p:?}")).collect();
        let source: Vec<String> = table.iter().map(|p| format!("{p:?}")).collect();
        assert_eq!(back, source);
        assert_eq!(packed.len(), table.len());
        assert!(pats![].is_empty() && pats![].iter().next().is_none());
        // Every table of the engine, its words in its length.
        for table in name_tables() {
            assert_eq!(table.iter().count(), table.len());
        }
    }

    #[test]
    fn packed_words_give_back_their_words() {
        let packed = words!["", "a", "sign in", "إعلان", "🔗"];
        let back: Vec<&str> = packed.iter().collect();
        assert_eq!(back, ["", "a", "sign in", "إعلان", "🔗"]);
        assert!(packed.contains("sign in") && packed.contains("") && !packed.contains("sign"));
        assert!(words![].iter().next().is_none());
        // The longest word a length byte holds.
        let long = "0123456789".repeat(12) + "0123456";
        let longest = words!["0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456"];
        assert_eq!(longest.iter().collect::<Vec<_>>(), [long.as_str()]);
        // The constants read from the packed labels.
        assert_eq!(
            LONGEST_AD_LABEL,
            AD_LABELS.iter().map(str::len).max().unwrap()
        );
        assert_eq!(
            AD_LABEL_LENGTHS[0] & (1 << "advertisement".len()),
            1 << "advertisement".len()
        );
    }

    #[test]
    fn tokens_do_not_match_inside_words() {
        assert!(matches(UNLIKELY, "td-a-rec ad"));
        assert!(!matches(pats![Token("ad")], "header-read"));
        assert!(matches(pats![Token("ad")], "top ad-slot"));
        assert!(matches(UNLIKELY, "td_block_related_posts"));
        assert!(!matches(UNLIKELY, "td-post-content tagdiv-type"));
    }

    #[test]
    fn hide_before_a_part_hides_the_part_not_the_block() {
        for hidden in [
            "answer hide",
            "js-hide",
            "toggle-box__hide",
            "hide-mobile",
            "hide-desktop",
            "hide-mw-responsivewide",
            "hide-visually",
        ] {
            assert!(is_unlikely_name(hidden, false), "{hidden}");
        }
        for shown in [
            "list-definition hide-ordinal",
            "gallery hide-caption",
            "post__aside hide-on-print",
            "tabs hide-scrollbar",
            "hideout",
        ] {
            assert!(!is_unlikely_name(shown, false), "{shown}");
        }
        // A paragraph hidden on phones shows on a wide screen; one hidden there does not.
        for shown in ["river-desc hide-mobile", "hide-on-phone"] {
            assert!(!is_unlikely_name_of(shown, false, true), "{shown}");
            assert!(is_unlikely_name_of(shown, false, false), "{shown}");
        }
        assert!(is_unlikely_name_of("hide-desktop", false, true));
    }

    #[test]
    fn a_widget_is_a_word_of_its_own() {
        assert!(matches(UNLIKELY, "widget widget_text"));
        assert!(matches(UNLIKELY, "footer-widgets"));
        assert!(matches(UNLIKELY, "recent-posts-widget"));
        // A template's name for every block of its page.
        assert!(!matches(UNLIKELY, "celwidget c-f"));
    }

    #[test]
    fn plain_scan_finds_what_str_find_finds() {
        let texts = [
            "",
            "a",
            "/author/jane",
            "über/author/",
            "xxauthoxauthor",
            "ééa",
        ];
        let needles = ["", "a", "author", "/author/", "éa", "jane-doe", "x"];
        for t in texts {
            for n in needles {
                assert_eq!(find(t, n), t.find(n), "{t:?} {n:?}");
            }
        }
    }

    #[test]
    fn labels_are_lowercase_so_ascii_text_compares_without_a_copy() {
        for label in AD_LABELS.iter().chain(INTERFACE_LABELS) {
            assert_eq!(lowercase(label), *label);
        }
        assert!(is_interface_label("  Skip to Content → "));
        assert!(is_ad_label("- ADVERTISEMENT -"));
    }

    /// The plain definition that [`matches`] must agree with.
    fn matches_by_search(table: Pats, haystack: &str) -> bool {
        table.iter().any(|p| match p {
            Sub(s) => haystack.contains(s),
            Token(t) => haystack
                .split(|c: char| !c.is_alphanumeric())
                .any(|tok| tok == t),
        })
    }

    /// The class-and-id tables `matches` reads.
    fn name_tables() -> Vec<Pats> {
        let mut tables: Vec<Pats> = vec![
            UNLIKELY,
            SCREEN_READER_ONLY,
            MAYBE_CANDIDATE,
            POSITIVE,
            CMS_CONTENT,
            NEGATIVE,
            BYLINE,
            AUTHOR_BIO,
            COMMENT_BLOCKS,
            DATELINE,
            SHARE,
            AVATAR,
            BUTTON_LIKE,
            PULL_QUOTE,
            // Not names, but matched the same way.
            PROMPT_PHRASES,
            READING_TIME,
            MEMBER_SINCE,
        ];
        tables.extend(KIND_NAMES.iter().map(|(_, t)| *t));
        tables.extend(KIND_PHRASES.iter().map(|(_, t)| *t));
        tables
    }

    #[test]
    fn tail_labels_repeat_no_interface_label() {
        // Interface lines are removed wherever they stand, before the tail is looked at.
        for label in TAIL_LABELS {
            assert!(!INTERFACE_LABELS.contains(label), "{label}");
        }
    }

    #[test]
    fn tokens_are_single_words() {
        // Names are cut into tokens at every character that is not a letter or digit, so a
        // token holding one ("d-none") could never match.
        for table in name_tables() {
            for p in table.iter() {
                if let Token(t) = p {
                    assert!(t.chars().all(char::is_alphanumeric), "{t}");
                }
            }
        }
    }

    #[test]
    fn quick_rejection_never_changes_a_verdict() {
        let tables = name_tables();
        let words: Vec<&str> = tables
            .iter()
            .flat_map(|t| {
                t.iter().map(|p| match p {
                    Sub(w) | Token(w) => w,
                })
            })
            .collect();
        // Every word alone, inside other words, beside separators, cut short, and in pairs.
        let mut names = vec!["x".to_string(), "é".to_string(), "td-post ad".to_string()];
        // Names too short for their byte pairs: tags, and short class names.
        names.extend(["ad", "ads", "nav", "div", "a-d", "ad x", "menu", "aside"].map(String::from));
        for (i, w) in words.iter().enumerate() {
            let other = words[(i * 7 + 3) % words.len()];
            names.extend([
                w.to_string(),
                format!("x{w}y"),
                format!("main {w}-box"),
                format!("{w}_{other}"),
                format!("{other} {w}"),
                // Cut short by a character (the phrase tables hold words outside ASCII).
                w.char_indices()
                    .last()
                    .map_or("", |(i, _)| &w[..i])
                    .to_string(),
                w.chars().skip(1).collect(),
                format!("über-{w}"),
            ]);
        }
        for table in &tables {
            for name in &names {
                assert_eq!(
                    matches(*table, name),
                    matches_by_search(*table, name),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn ad_labels_ignore_decoration_and_case() {
        assert!(is_ad_label("- Advertisement -"));
        assert!(is_ad_label("  ANZEIGE "));
        assert!(is_ad_label("إعلان"));
        assert!(!is_ad_label("Advertisement revenue fell sharply this year"));
        assert!(is_interface_label(" Skip to content "));
        assert!(is_interface_label("Table of Contents:"));
        assert!(is_interface_label(
            "Article continues below…".trim_end_matches('…')
        ));
        assert!(!is_interface_label("Skip to content you already know"));
        // Calls to action set as buttons of their own, decorated.
        assert!(is_interface_label("Pin this for later!"));
        assert!(is_interface_label(" Book a demo › "));
        assert!(is_interface_label("START FREE TRIAL →"));
        assert!(!is_interface_label("Book a demo to see the dashboard"));
        // Links back up the page or to the index; a sentence that starts the same stays.
        assert!(is_interface_label("Back to Top ↑".trim_end_matches('↑')));
        assert!(is_interface_label("← Back to blog".trim_start_matches('←')));
        assert!(!is_interface_label("Back to top form after the injury"));
        assert!(is_interface_label("< back to top"));
        assert!(is_interface_label("‹ Back to navigation"));
        assert!(is_interface_label("Copy as HTML"));
        // A documentation page's contents title and edit link, a carousel's buttons, a
        // feedback widget's answer; a sentence that holds one stays.
        assert!(is_interface_label("On This Page"));
        assert!(is_interface_label("Edit this page"));
        assert!(is_interface_label("Previous Slide"));
        assert!(is_interface_label("Thanks for your feedback!"));
        assert!(!is_interface_label("On this page you will find the prices"));
        assert!(matches(READING_TIME, "reading time: 7 minutes"));
        // Controls of a list or a form, and an app's link, set as lines of their own.
        assert!(is_interface_label("Results per page:"));
        assert!(is_interface_label("close form"));
        assert!(is_interface_label(" Open in app "));
        assert!(is_interface_label("Tell me more"));
        assert!(!is_interface_label("Open in app stores across Europe"));
        // A shop's state, an account link, a wiki's sidebar title, a screen reader's label.
        assert!(is_interface_label("No longer available"));
        assert!(is_interface_label("Coming Soon!"));
        assert!(is_interface_label("Sign Up"));
        assert!(is_interface_label("Sign in"));
        assert!(is_interface_label("login"));
        assert!(is_interface_label("Sort by:"));
        assert!(is_interface_label("Personal tools"));
        assert!(is_interface_label("Publish date"));
        // A long list's skip link, a documentation page's buttons for AI tools.
        assert!(is_interface_label("JUMP TO THE LIST ⤵"));
        assert!(is_interface_label("Jump to Recipe"));
        assert!(is_interface_label("Copy as Markdown"));
        assert!(is_interface_label("Copy page"));
        assert!(!is_interface_label("Copy the page to a new folder"));
        // A search box's placeholder.
        assert!(is_interface_label("Type to search products"));
        assert!(!is_interface_label("Sign up for the course before May"));
    }
}
