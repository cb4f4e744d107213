//! What extraction removed, and why: every rule that takes a block out of the page names the
//! kind of clutter it took, and the article carries the counts (with a few short examples).
//!
//! The kind comes from what the block says about itself: its tag, class, id and role first
//! (the [`patterns::KIND_NAMES`] table), then the first words of its text
//! ([`patterns::KIND_PHRASES`]), and last from the rule that removed it (a block the browser
//! did not render is [`ClutterKind::Hidden`], a fixed box is an [`ClutterKind::Overlay`]).
//! Only removed blocks are classified, so the cost is one short text read per removal.

#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use crate::dom::{fold_whitespace, Document, NodeId};

use super::lowercase::{into_lowercase, lowercase};
use super::patterns::{self, KIND_NAMES, KIND_PHRASES};

/// The kinds of clutter, in the order the report lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(Serialize),
    serde(rename_all = "camelCase")
)]
pub enum ClutterKind {
    /// Ad slots, their labels, ad iframes and native-ad widgets.
    Ad,
    /// Newsletter, subscription, membership and donation prompts.
    Subscribe,
    /// Log-in, registration and paywall prompts and modals.
    Login,
    /// Cookie and consent banners.
    Consent,
    /// App-install banners and push-notification prompts.
    Prompt,
    /// "Related", "more from", "most read", "trending" and "read next" lists.
    Related,
    /// Comment sections and comment counts.
    Comments,
    /// Share bars, share buttons, print and email links.
    Share,
    /// Tag and category lists.
    Tags,
    /// Author boxes and bios.
    AuthorBox,
    /// Site header and footer, menus, breadcrumbs, tables of contents, pagination.
    Navigation,
    /// Sidebars and widgets.
    Sidebar,
    /// Modals, pop-ups and boxes fixed over the page.
    Overlay,
    /// Blocks the page does not show (not rendered, or hidden by their markup).
    Hidden,
    /// Tracking pixels and spacer images.
    Tracker,
    /// Pull quotes that repeat a sentence of the text.
    Duplicate,
    /// Blocks removed for their shape (link lists, image strips, form fields).
    Other,
}

impl ClutterKind {
    /// Every kind, in report order.
    pub const ALL: [ClutterKind; 17] = [
        ClutterKind::Ad,
        ClutterKind::Subscribe,
        ClutterKind::Login,
        ClutterKind::Consent,
        ClutterKind::Prompt,
        ClutterKind::Related,
        ClutterKind::Comments,
        ClutterKind::Share,
        ClutterKind::Tags,
        ClutterKind::AuthorBox,
        ClutterKind::Navigation,
        ClutterKind::Sidebar,
        ClutterKind::Overlay,
        ClutterKind::Hidden,
        ClutterKind::Tracker,
        ClutterKind::Duplicate,
        ClutterKind::Other,
    ];

    /// The kind's name in the article's JSON.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn name(self) -> &'static str {
        match self {
            ClutterKind::Ad => "ad",
            ClutterKind::Subscribe => "subscribe",
            ClutterKind::Login => "login",
            ClutterKind::Consent => "consent",
            ClutterKind::Prompt => "prompt",
            ClutterKind::Related => "related",
            ClutterKind::Comments => "comments",
            ClutterKind::Share => "share",
            ClutterKind::Tags => "tags",
            ClutterKind::AuthorBox => "authorBox",
            ClutterKind::Navigation => "navigation",
            ClutterKind::Sidebar => "sidebar",
            ClutterKind::Overlay => "overlay",
            ClutterKind::Hidden => "hidden",
            ClutterKind::Tracker => "tracker",
            ClutterKind::Duplicate => "duplicate",
            ClutterKind::Other => "other",
        }
    }

    /// True for kinds that say how a block was shown or found rather than what it is; the
    /// block's text may still say better.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn is_vague(self) -> bool {
        matches!(
            self,
            ClutterKind::Overlay | ClutterKind::Hidden | ClutterKind::Other
        )
    }
}

/// How many examples of each kind the report keeps, and how long each may be.
const EXAMPLES: usize = 3;
const EXAMPLE_CHARS: usize = 80;

/// One kind of clutter in the report.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(Serialize),
    serde(rename_all = "camelCase")
)]
pub struct Removed {
    /// What was removed.
    pub kind: ClutterKind,
    /// How many blocks of this kind (each counted once, with everything inside it).
    pub count: u32,
    /// The first words of the first few blocks, for a "what was removed" view.
    pub examples: Vec<String>,
}

/// The removals of one extraction attempt.
#[derive(Clone, Debug, Default)]
pub struct Removals {
    counts: [u32; ClutterKind::ALL.len()],
    examples: [Vec<String>; ClutterKind::ALL.len()],
}

impl Removals {
    /// Records that `n` (still in the tree) is being removed as `kind`.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn record(&mut self, doc: &Document, n: NodeId, kind: ClutterKind) {
        let i = kind as usize;
        self.counts[i] += 1;
        if self.examples[i].len() < EXAMPLES {
            let text = leading_text(doc, n, EXAMPLE_CHARS);
            if !text.is_empty() && !self.examples[i].contains(&text) {
                self.examples[i].push(text);
            }
        }
    }

    /// How many blocks of `kind` were removed.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn count(&self, kind: ClutterKind) -> u32 {
        self.counts[kind as usize]
    }

    /// The report: the kinds with at least one removal, in [`ClutterKind::ALL`] order.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn report(&self) -> Vec<Removed> {
        ClutterKind::ALL
            .iter()
            .filter(|&&k| self.counts[k as usize] > 0)
            .map(|&k| Removed {
                kind: k,
                count: self.counts[k as usize],
                examples: self.examples[k as usize].clone(),
            })
            .collect()
    }
}

/// What a block is, from its names and then its first words; `fallback` when neither says.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn classify(doc: &Document, n: NodeId, fallback: ClutterKind) -> ClutterKind {
    let by_name = kind_by_name(doc, n);
    if let Some(kind) = by_name.filter(|k| !k.is_vague()) {
        return kind;
    }
    kind_by_text(doc, n).or(by_name).unwrap_or(fallback)
}

/// The kind the element's tag, class, id, role and component names announce.
pub fn kind_by_name(doc: &Document, n: NodeId) -> Option<ClutterKind> {
    let names = names_of(doc, n);
    KIND_NAMES
        .iter()
        .find(|(_, pats)| patterns::matches(*pats, names))
        .map(|(k, _)| *k)
}

/// True when [`kind_by_name`] says `kind`. Most blocks carry none of the kind's names, which
/// one table rules out; only a block that does is looked up in the full order.
pub fn is_named_as(doc: &Document, n: NodeId, kind: ClutterKind) -> bool {
    holds_name_of(kind, names_of(doc, n)) && kind_by_name(doc, n) == Some(kind)
}

/// False when [`is_named_as`] is, read from the class-and-id key `class_and_id` a pass has
/// at hand, without making the names key: that key joins the tag, the class-and-id key's
/// words and the [`COMPONENT_KEYS`] values with spaces, lowercased character by character,
/// and no name of a kind holds a space, so a name in it lies in one of those parts.
/// Native only: the wasm, whose size budget is tight, makes the names key (same answers).
#[cfg(not(target_arch = "wasm32"))]
pub fn may_be_named_as(doc: &Document, n: NodeId, class_and_id: &str, kind: ClutterKind) -> bool {
    holds_name_of(kind, class_and_id)
        || doc.tag(n).is_some_and(|t| {
            match t.is_ascii() && !t.bytes().any(|b| b.is_ascii_uppercase()) {
                true => holds_name_of(kind, t),
                false => holds_name_of(kind, &lowercase(t)),
            }
        })
        || COMPONENT_KEYS.iter().any(|&k| doc.attr(n, k).is_some())
}

/// `patterns::matches(table, names_of(doc, n))` for a table of names without spaces, making
/// the names key only when the block has component attributes: the names key is the tag,
/// then the class-and-id key ([`super::prepare::match_string`]), then the component values,
/// joined with spaces, so a name in it lies in one of those parts.
/// Native only, as [`may_be_named_as`].
#[cfg(not(target_arch = "wasm32"))]
pub fn names_match(doc: &Document, n: NodeId, table: patterns::Pats) -> bool {
    if patterns::matches(table, super::prepare::match_string(doc, n)) {
        return true;
    }
    if COMPONENT_KEYS.iter().any(|&k| doc.attr(n, k).is_some()) {
        return patterns::matches(table, names_of(doc, n));
    }
    doc.tag(n).is_some_and(
        |t| match t.is_ascii() && !t.bytes().any(|b| b.is_ascii_uppercase()) {
            true => patterns::matches(table, t),
            false => patterns::matches(table, &lowercase(t)),
        },
    )
}

/// [`may_be_named_as`]: the wasm makes the names key.
#[cfg(target_arch = "wasm32")]
pub fn may_be_named_as(_: &Document, _: NodeId, _: &str, _: ClutterKind) -> bool {
    true
}

/// [`names_match`]: the wasm makes the names key.
#[cfg(target_arch = "wasm32")]
pub fn names_match(doc: &Document, n: NodeId, table: patterns::Pats) -> bool {
    patterns::matches(table, names_of(doc, n))
}

/// True when `names` (lowercased) holds a name of `kind` in [`KIND_NAMES`].
fn holds_name_of(kind: ClutterKind, names: &str) -> bool {
    KIND_NAMES
        .iter()
        .any(|(k, pats)| *k == kind && patterns::matches(*pats, names))
}

/// The attributes besides class and id whose values the names key holds: the role, and the
/// component names templating frameworks write.
const COMPONENT_KEYS: [&str; 3] = ["role", "data-testid", "data-component"];

/// Tag, class, id, role and the component names that templating frameworks write into
/// `data-*` attributes, lowercased and joined.
/// Made once per element and kept in the tree, like the class-and-id key.
pub fn names_of(doc: &Document, n: NodeId) -> &str {
    doc.derived_key(n, 1, names)
}

fn names(doc: &Document, n: NodeId) -> String {
    let mut s = String::from(doc.tag(n).unwrap_or(""));
    for key in ["class", "id"].into_iter().chain(COMPONENT_KEYS) {
        if let Some(v) = doc.attr(n, key) {
            s.push(' ');
            if key == "class" {
                super::prepare::push_meaningful_classes(&mut s, v);
            } else {
                s.push_str(v);
            }
        }
    }
    into_lowercase(s)
}

/// The kind the block's first words announce ("Advertisement", "We value your privacy",
/// "Related articles", …).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn kind_by_text(doc: &Document, n: NodeId) -> Option<ClutterKind> {
    let text = lowercase(&leading_text(doc, n, 160));
    if text.is_empty() {
        return None;
    }
    if patterns::is_ad_label(&text) || patterns::starts_with_ad_label(&text) {
        return Some(ClutterKind::Ad);
    }
    KIND_PHRASES
        .iter()
        .find(|(_, phrases)| patterns::matches(*phrases, &text))
        .map(|(k, _)| *k)
}

/// Up to `limit` characters of the text under `n`, whitespace folded; stops reading early.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn leading_text(doc: &Document, n: NodeId, limit: usize) -> String {
    let mut raw = String::new();
    let mut cur = Some(n);
    while let Some(d) = cur {
        if let Some(t) = doc.text(d) {
            raw.push_str(t);
            raw.push(' ');
            if raw.len() > limit * 4 {
                break;
            }
        }
        let skip = matches!(
            doc.tag(d),
            Some("script" | "style" | "noscript" | "template")
        );
        cur = doc.next_in(n, d, skip);
    }
    let folded = fold_whitespace(&raw);
    match folded.char_indices().nth(limit) {
        Some((i, _)) => format!("{}…", folded[..i].trim_end()),
        None => folded,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::dom::html::parse_html;

    fn kind_of(html: &str, fallback: ClutterKind) -> ClutterKind {
        let doc = parse_html(&format!("<body>{html}</body>"), None);
        let body = doc.body().unwrap();
        classify(&doc, doc.first_child(body).unwrap(), fallback)
    }

    #[test]
    fn names_say_what_a_block_is() {
        use ClutterKind::*;
        assert_eq!(
            kind_of("<div id=onetrust-banner-sdk>x</div>", Other),
            Consent
        );
        assert_eq!(
            kind_of("<div class='related-posts'>x</div>", Other),
            Related
        );
        assert_eq!(kind_of("<div class='ad-slot'></div>", Other), Ad);
        assert_eq!(kind_of("<amp-ad></amp-ad>", Other), Ad);
        assert_eq!(kind_of("<div id=disqus_thread></div>", Other), Comments);
        assert_eq!(kind_of("<div class=sharedaddy>x</div>", Other), Share);
    }

    #[test]
    fn is_named_as_agrees_with_the_full_lookup() {
        let blocks = [
            "<div id=onetrust-banner-sdk>x</div>",
            "<div class='cookie-recipe related-posts'>x</div>",
            "<div class='related-posts cookie'>x</div>",
            "<div class='ad-slot'></div>",
            "<div class=x9>x</div>",
            "<nav class=consent>x</nav>",
            "<div role=cookie-dialog>x</div>",
            "<div data-testid=GDPR-Banner>x</div>",
            "<cookie-law-info>x</cookie-law-info>",
            "<div class='a COOKIE-bar'>x</div>",
        ];
        for html in blocks {
            let doc = parse_html(&format!("<body>{html}</body>"), None);
            let n = doc.first_child(doc.body().unwrap()).unwrap();
            let class_and_id = crate::extract::prepare::match_string(&doc, n);
            for kind in ClutterKind::ALL {
                let named = is_named_as(&doc, n, kind);
                assert_eq!(
                    named,
                    kind_by_name(&doc, n) == Some(kind),
                    "{html} {kind:?}"
                );
                assert!(
                    !named || may_be_named_as(&doc, n, class_and_id, kind),
                    "{html} {kind:?}"
                );
            }
        }
    }

    #[test]
    fn names_match_agrees_with_the_names_key() {
        let tables: Vec<patterns::Pats> = KIND_NAMES
            .iter()
            .map(|(_, t)| *t)
            .chain([patterns::SHARE])
            .collect();
        for table in &tables {
            for p in table.iter() {
                let (patterns::Pat::Sub(w) | patterns::Pat::Token(w)) = p;
                assert!(
                    !w.contains(' '),
                    "{w}: names_match needs names without spaces"
                );
            }
        }
        let blocks = [
            "<div class='post share-bar' id=x>x</div>",
            "<div id=Social-Links>x</div>",
            "<share-button>x</share-button>",
            "<div role=cookie-dialog class=box>x</div>",
            "<div data-component=ShareTools>x</div>",
            "<div class='a b c d e f'>x</div>",
            "<p>plain</p>",
        ];
        for html in blocks {
            let doc = parse_html(&format!("<body>{html}</body>"), None);
            let n = doc.first_child(doc.body().unwrap()).unwrap();
            for table in &tables {
                assert_eq!(
                    names_match(&doc, n, *table),
                    patterns::matches(*table, names_of(&doc, n)),
                    "{html}"
                );
            }
        }
    }

    #[test]
    fn text_decides_when_names_are_vague() {
        use ClutterKind::*;
        assert_eq!(
            kind_of(
                "<div class=modal><p>Already a subscriber? Log in</p></div>",
                Overlay
            ),
            Login
        );
        assert_eq!(
            kind_of(
                "<div class=x9><p>We use cookies to improve</p></div>",
                Overlay
            ),
            Consent
        );
        assert_eq!(kind_of("<div>- Advertisement -</div>", Other), Ad);
        assert_eq!(kind_of("<div>Nothing to say</div>", Hidden), Hidden);
        assert_eq!(kind_of("<nav>Home News</nav>", Other), Navigation);
    }

    #[test]
    fn the_report_counts_and_keeps_short_examples() {
        let doc = parse_html(
            "<body><p>Advertisement</p><p>Sponsored</p><p>Sponsored</p></body>",
            None,
        );
        let ps = doc.find_all(doc.body().unwrap(), "p");
        let mut r = Removals::default();
        for &p in &ps {
            r.record(&doc, p, ClutterKind::Ad);
        }
        let report = r.report();
        assert_eq!(report.len(), 1);
        assert_eq!(report[0].count, 3);
        assert_eq!(report[0].examples, ["Advertisement", "Sponsored"]);
        assert_eq!(serde_json::to_string(&report[0].kind).unwrap(), "\"ad\"");
        assert_eq!(
            serde_json::to_string(&ClutterKind::AuthorBox).unwrap(),
            "\"authorBox\""
        );
    }

    #[test]
    fn leading_text_stops_at_the_limit() {
        let doc = parse_html(
            &format!("<body><div>{}</div></body>", "word ".repeat(500)),
            None,
        );
        let div = doc.find_all(doc.body().unwrap(), "div")[0];
        let t = leading_text(&doc, div, 20);
        assert!(t.chars().count() <= 21, "{t}");
        assert!(t.ends_with('…'));
    }
}
