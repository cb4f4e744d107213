//! The article body a page declares about itself — JSON-LD `articleBody`, or the block marked
//! `itemprop="articleBody"` — used as evidence when choosing the article's block, never as
//! the article itself: declared bodies are often truncated, stripped of headings, or (on forum
//! threads) only the opening post.
//!
//! Text is compared as runs of three lowercased word tokens (word trigrams), so a block
//! matches when its sentences appear in the declared body, whatever its markup. One pass over
//! the page's text credits each block with the trigrams it shares with the declared body.

use crate::dom::{Document, NodeId};

/// A declared body shorter than this many trigrams says too little to judge blocks by.
const MIN_TRIGRAMS: u32 = 30;

/// The trigrams of a declared article body.
pub struct DeclaredBody {
    /// The body is part of the page's text only: a thread's opening post (a forum posting)
    /// or a product's description (beside it, its specifications and details).
    pub opening_post: bool,
    /// Sorted, without repeats (searched by bisection: no hash table code in the wasm).
    trigrams: Vec<u64>,
    /// Trigrams in the body, repeats counted: the most a block can match.
    len: u32,
}

impl DeclaredBody {
    /// The evidence of a declared body's text (markup in it is ignored); `None` when the body
    /// is too short to say anything.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn from_text(text: &str, opening_post: bool) -> Option<Self> {
        let mut trigrams = Vec::new();
        let mut len = 0u32;
        let mut window = Window::default();
        for token in Tokens::new(&strip_markup(text, false)) {
            if let Some(t) = window.push(token) {
                trigrams.push(t);
                len += 1;
            }
        }
        sort_set(&mut trigrams);
        (len >= MIN_TRIGRAMS).then_some(DeclaredBody {
            opening_post,
            trigrams,
            len,
        })
    }

    /// The evidence of the block the page marks `itemprop="articleBody"` (the one with the
    /// most text when several are marked, as forum threads mark each post). On a page that
    /// offers a product, else the block marked `itemprop="description"`: the product's
    /// description, part of its text only (beside it stand its specifications and details),
    /// so it may move or widen the choice, never narrow it (as a thread's opening post).
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn from_microdata(doc: &Document, root: NodeId, product: bool) -> Option<Self> {
        let marked = |prop: &str| {
            doc.descendants(root)
                .filter(|&n| {
                    doc.attr(n, "itemprop")
                        .is_some_and(|p| p.split_whitespace().any(|w| w == prop))
                })
                .max_by_key(|&n| (doc.text_content(n).len(), std::cmp::Reverse(n)))
        };
        match marked("articleBody") {
            Some(body) => Self::from_text(&doc.text_content(body), false),
            None if product => Self::from_text(&doc.text_content(marked("description")?), true),
            None => None,
        }
    }
}

/// How much of the declared body each block under a root holds.
pub struct Coverage {
    /// Trigrams of each node's text (by arena index) found in the declared body.
    matched: Vec<u32>,
    /// Tokens of each node's text.
    tokens: Vec<u32>,
    declared: u32,
}

impl Coverage {
    /// Measures every node under `root` in one pass over its text.
    pub fn measure(doc: &Document, root: NodeId, body: &DeclaredBody) -> Self {
        let mut matched = vec![0u32; doc.len()];
        let mut tokens = vec![0u32; doc.len()];
        let order: Vec<NodeId> = doc.descendants(root).collect();
        let mut window = Window::default();
        // A trigram spanning two text nodes is credited to the one holding its last word.
        for &n in &order {
            let Some(text) = doc.text(n) else { continue };
            for token in Tokens::new(text) {
                tokens[n.index()] += 1;
                if window
                    .push(token)
                    .is_some_and(|t| body.trigrams.binary_search(&t).is_ok())
                {
                    matched[n.index()] += 1;
                }
            }
        }
        // Children come after their parents in document order: fold them in backwards.
        for &n in order.iter().rev() {
            if n == root {
                continue;
            }
            if let Some(p) = doc.parent(n) {
                matched[p.index()] += matched[n.index()];
                tokens[p.index()] += tokens[n.index()];
            }
        }
        Coverage {
            matched,
            tokens,
            declared: body.len,
        }
    }

    fn matched(&self, n: NodeId) -> f64 {
        f64::from(self.matched.get(n.index()).copied().unwrap_or(0))
    }

    /// Share of the block's text that is in the declared body.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn precision(&self, n: NodeId) -> f64 {
        let tokens = self.tokens.get(n.index()).copied().unwrap_or(0);
        if tokens == 0 {
            0.0
        } else {
            (self.matched(n) / f64::from(tokens)).min(1.0)
        }
    }

    /// Share of the declared body that the block holds.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn recall(&self, n: NodeId) -> f64 {
        (self.matched(n) / f64::from(self.declared.max(1))).min(1.0)
    }

    /// How well the block and the declared body agree (harmonic mean of the two shares).
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn agreement(&self, n: NodeId) -> f64 {
        let (p, r) = (self.precision(n), self.recall(n));
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// The element under `root` (itself excluded) that agrees best with the declared body (the outermost of
    /// equals, so a wrapper and its lone child count as one).
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn best(&self, doc: &Document, root: NodeId) -> Option<(NodeId, f64)> {
        let mut best: Option<(NodeId, f64)> = None;
        for n in doc.descendants(root) {
            if n == root || doc.tag(n).is_none() || self.matched(n) == 0.0 {
                continue;
            }
            let a = self.agreement(n);
            if best.is_none_or(|(_, b)| a > b) {
                best = Some((n, a));
            }
        }
        best
    }
}

/// A declared body's block must agree at least this well to override the scorer.
const STRONG_AGREEMENT: f64 = 0.8;

/// The scorer's choice must trail the declared body's block by this much to be overridden.
const MARGIN: f64 = 0.03;

/// A narrower block replaces the scorer's choice only when the declared body makes up at
/// least this share of the choice's text: the rest is edge clutter, not further posts.
const NARROW_WHEN_PRECISION: f64 = 0.5;

/// A sibling joins the declared body's block when at least this share of its text is in the
/// declared body.
const SIBLING_PRECISION: f64 = 0.5;

/// Weighs the scorer's choice `picks` (sibling blocks) against the block that agrees best with
/// the declared body, and returns the blocks to take instead, if any. The declared body's
/// block wins when it agrees well and clearly better. It replaces a narrower choice (which
/// missed part of the text) freely, but a wider one only when the declared body is most of
/// that choice and is not a thread's opening post, since a forum thread declares only that.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn settle(
    doc: &Document,
    root: NodeId,
    picks: &[NodeId],
    coverage: &Coverage,
    declared: &DeclaredBody,
) -> Option<Settled> {
    let (best, agreement) = coverage.best(doc, root)?;
    let (mut matched, mut tokens) = (0.0, 0.0);
    for &n in picks {
        matched += coverage.matched(n);
        tokens += f64::from(coverage.tokens.get(n.index()).copied().unwrap_or(0));
    }
    let precision = if tokens == 0.0 {
        0.0
    } else {
        (matched / tokens).min(1.0)
    };
    let recall = (matched / f64::from(coverage.declared.max(1))).min(1.0);
    let picked = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    if picks == [best] || agreement < STRONG_AGREEMENT || agreement < picked + MARGIN {
        return None;
    }
    let wider = picks.iter().all(|&p| doc.contains(best, p));
    let narrower = picks.iter().any(|&p| doc.contains(p, best));
    if wider || !narrower {
        // Elsewhere on the page, the scorer's blocks must hold little of the body.
        if !wider && recall >= 0.5 {
            return None;
        }
        // The siblings of the declared body's block that hold its text come along (a lead
        // paragraph set apart from the rest).
        let picks = match doc.parent(best) {
            Some(parent) => doc
                .element_children(parent)
                .into_iter()
                .filter(|&s| s == best || coverage.belongs(doc, s))
                .collect(),
            None => vec![best],
        };
        return Some(Settled {
            picks,
            drop: Vec::new(),
        });
    }
    if declared.opening_post || precision < NARROW_WHEN_PRECISION {
        return None;
    }
    // Narrower: around the declared body's block, up to the scorer's blocks, what holds none
    // of its text goes, lead figures aside.
    let mut drop = Vec::new();
    let mut cur = best;
    while let Some(parent) = doc.parent(cur) {
        if picks.contains(&cur) {
            break;
        }
        for s in doc.element_children(parent) {
            if s != cur {
                coverage.drop_beside(doc, s, &mut drop);
            }
        }
        cur = parent;
    }
    for &p in picks {
        if p != cur {
            coverage.drop_beside(doc, p, &mut drop);
        }
    }
    Some(Settled {
        picks: picks.to_vec(),
        drop,
    })
}

/// What [`settle`] decided: the blocks to take, and blocks inside them to leave out.
pub struct Settled {
    /// The article's blocks, siblings in document order.
    pub picks: Vec<NodeId>,
    /// Blocks inside the picks that are not the article.
    pub drop: Vec<NodeId>,
}

/// A figure's caption is at most this many words.
const CAPTION_TOKENS: u32 = 60;

/// What to do with a block beside the declared body's block.
#[derive(PartialEq)]
enum Beside {
    /// It belongs with the article.
    Keep,
    /// It is not the article.
    Drop,
    /// It holds a figure among other things: judge its children.
    Open,
}

impl Coverage {
    /// A block beside the declared body's block belongs with it when most of its text is in
    /// the declared body, when it is a figure (an image with at most a caption, which
    /// declared bodies leave out), or when it has no text.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn beside(&self, doc: &Document, n: NodeId) -> Beside {
        let tokens = self.tokens.get(n.index()).copied().unwrap_or(0);
        if tokens == 0
            || (self.matched(n) > 0.0 && self.precision(n) >= SIBLING_PRECISION)
            || matches!(doc.tag(n), Some("figure" | "picture" | "img" | "video"))
        {
            return Beside::Keep;
        }
        let media = doc
            .descendants(n)
            .any(|d| matches!(doc.tag(d), Some("img" | "picture" | "figure" | "video")));
        if !media {
            Beside::Drop
        } else if tokens <= CAPTION_TOKENS {
            Beside::Keep
        } else {
            Beside::Open
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn belongs(&self, doc: &Document, n: NodeId) -> bool {
        self.beside(doc, n) == Beside::Keep
    }

    /// Adds to `drop` the blocks of `n` that do not belong beside the declared body's block,
    /// opening the ones that hold a figure among other things.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn drop_beside(&self, doc: &Document, n: NodeId, drop: &mut Vec<NodeId>) {
        let mut stack = vec![n];
        while let Some(b) = stack.pop() {
            match self.beside(doc, b) {
                Beside::Keep => {}
                Beside::Drop => drop.push(b),
                Beside::Open => stack.extend(doc.element_children(b)),
            }
        }
    }
}

/// Sorts and deduplicates hashes: a set for `binary_search`, without hash table code. A heap
/// sort, not `sort_unstable`: core's pattern-defeating quicksort costs the wasm 2 KB of gzip
/// for sets of at most a few thousand hashes, where the difference in time does not show.
pub(crate) fn sort_set(hashes: &mut Vec<u64>) {
    // Sifts the value at `root` down the max-heap held in `heap`.
    fn sift_down(heap: &mut [u64], mut root: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= heap.len() {
                return;
            }
            if child + 1 < heap.len() && heap[child + 1] > heap[child] {
                child += 1;
            }
            if heap[root] >= heap[child] {
                return;
            }
            heap.swap(root, child);
            root = child;
        }
    }
    let n = hashes.len();
    for root in (0..n / 2).rev() {
        sift_down(hashes, root);
    }
    for end in (1..n).rev() {
        hashes.swap(0, end);
        sift_down(&mut hashes[..end], 0);
    }
    hashes.dedup();
}

/// Text without `<…>` tags (some sites put the body's HTML in `articleBody`, shops theirs in a
/// product's `description`). Without `lines`, every tag is a space: text to compare. With
/// `lines`, text to show: a tag other than an inline one ends a line, an inline one joins what
/// it wraps to the words around it, and a script's or a style's code goes.
pub(super) fn strip_markup(text: &str, lines: bool) -> std::borrow::Cow<'_, str> {
    if !text.contains('<') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    // The tag being read (its name and attributes kept only for `lines`).
    let mut tag: Option<String> = None;
    let mut in_code = false;
    for c in text.chars() {
        match (&mut tag, c) {
            (None, '<') => tag = Some(String::new()),
            (Some(t), '>') => {
                if lines {
                    let closing = t.starts_with('/');
                    let name = t.trim_start_matches('/');
                    let name = name.split(|c: char| !c.is_ascii_alphanumeric()).next();
                    let is = |names: &[&str]| {
                        names
                            .iter()
                            .any(|i| name.is_some_and(|n| n.eq_ignore_ascii_case(i)))
                    };
                    if is(&["script", "style"]) {
                        in_code = !closing;
                    }
                    if !is(&["a", "b", "i", "u", "em", "strong", "span", "sup", "sub"]) {
                        out.push('\n');
                    }
                } else {
                    out.push(' ');
                }
                tag = None;
            }
            (Some(t), c) if lines => t.push(c),
            (Some(_), _) => {}
            (None, _) if in_code => {}
            (None, c) => out.push(c),
        }
    }
    out.into()
}

/// FNV-1a's starting value: the hashes of words here and of kinds of blocks in listing.
pub(crate) const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// One step of FNV-1a: `unit` (a character, a byte) folded into `hash`.
pub(crate) fn fnv_step(hash: u64, unit: u64) -> u64 {
    (hash ^ unit).wrapping_mul(0x0100_0000_01b3)
}

/// Hashes of the lowercased `\w+` tokens of a text (letters and digits of any script, `_`).
pub(crate) struct Tokens<'a> {
    chars: std::str::Chars<'a>,
}

impl<'a> Tokens<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Tokens {
            chars: text.chars(),
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        // FNV-1a over the lowercased characters.
        let mut hash = FNV_START;
        let mut any = false;
        for c in self.chars.by_ref() {
            if c.is_alphanumeric() || c == '_' {
                any = true;
                let l = super::lowercase::lowercase_char(c);
                hash = fnv_step(hash, u64::from(u32::from(l)));
            } else if any {
                break;
            }
        }
        any.then_some(hash)
    }
}

/// The last three tokens, giving a trigram once three have been seen.
#[derive(Default)]
struct Window {
    last: [u64; 2],
    seen: u8,
}

impl Window {
    fn push(&mut self, token: u64) -> Option<u64> {
        let trigram = (self.seen >= 2).then(|| {
            self.last[0]
                .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                .rotate_left(21)
                ^ self.last[1]
                    .wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
                    .rotate_left(42)
                ^ token
        });
        self.last = [self.last[1], token];
        self.seen = self.seen.saturating_add(1);
        trigram
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::html::parse_html;

    const BODY: &str = "The council voted on Tuesday to rebuild the old bridge over the river. \
        Work starts in spring and should last two years, the mayor said. \
        Residents asked for a footpath on both sides, and the plan now includes one. \
        The cost is shared between the city and the region.";

    #[test]
    fn sort_set_sorts_and_deduplicates_as_the_standard_sort() {
        // Lengths 0 to 300 of pseudo-random values with many repeats, checked against std.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for len in 0..300 {
            let values: Vec<u64> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    seed % (len as u64 / 2 + 1)
                })
                .collect();
            let mut expected = values.clone();
            expected.sort_unstable();
            expected.dedup();
            let mut set = values;
            sort_set(&mut set);
            assert_eq!(set, expected, "length {len}");
        }
    }

    #[test]
    fn tokens_fold_case_and_punctuation() {
        let a: Vec<u64> = Tokens::new("Hello, World! été_2").collect();
        let b: Vec<u64> = Tokens::new("hello world ÉTÉ_2").collect();
        assert_eq!(a, b);
        assert_eq!(a.len(), 3);
    }

    #[test]
    fn a_short_body_is_no_evidence() {
        assert!(DeclaredBody::from_text("Read the full story on our site.", false).is_none());
        assert!(DeclaredBody::from_text(BODY, false).is_some());
        // Markup inside the declared body is not text.
        let marked = format!("<p>{BODY}</p><p class=\"x\">Photo</p>");
        assert_eq!(
            DeclaredBody::from_text(&marked, false).unwrap().len,
            DeclaredBody::from_text(&format!("{BODY} Photo"), false)
                .unwrap()
                .len
        );
    }

    #[test]
    fn coverage_credits_the_blocks_holding_the_body() {
        let page = format!(
            r#"<body><div id="page"><nav>Home News Sport Weather Contact us today</nav>
            <div id="story"><p>{BODY}</p></div>
            <div id="more">More stories from our city desk and the regional team</div></div></body>"#
        );
        let doc = parse_html(&page, None);
        let body = doc.body().unwrap();
        let evidence = DeclaredBody::from_text(BODY, false).unwrap();
        let cov = Coverage::measure(&doc, body, &evidence);
        let by_id = |id: &str| {
            doc.descendants(body)
                .find(|&n| doc.attr(n, "id") == Some(id))
                .unwrap()
        };
        let story = by_id("story");
        assert!(cov.recall(story) > 0.95);
        assert!(cov.precision(story) > 0.95);
        assert_eq!(cov.recall(by_id("more")), 0.0);
        assert!(cov.precision(by_id("page")) < 0.9);
        let (best, agreement) = cov.best(&doc, body).unwrap();
        assert!(best == story || doc.contains(story, best));
        assert!(agreement > 0.95);
    }

    /// The ids of the blocks taken when the scorer chose `top_id` alone.
    fn settle_on(page: &str, declared: &str, opening_post: bool, top_id: &str) -> String {
        let doc = parse_html(page, None);
        let body = doc.body().unwrap();
        let evidence = DeclaredBody::from_text(declared, opening_post).unwrap();
        let cov = Coverage::measure(&doc, body, &evidence);
        let top = doc
            .descendants(body)
            .find(|&n| doc.attr(n, "id") == Some(top_id))
            .unwrap();
        let chosen = settle(&doc, body, &[top], &cov, &evidence).map_or(vec![top], |s| {
            // The blocks kept inside the scorer's choice stand for it.
            if s.drop.is_empty() {
                s.picks
            } else {
                let mut kept: Vec<NodeId> = doc
                    .descendants(top)
                    .filter(|&n| {
                        doc.attr(n, "id").is_some()
                            && n != top
                            && !s.drop.iter().any(|&d| doc.contains(d, n))
                    })
                    .collect();
                let all = kept.clone();
                kept.retain(|&n| !all.iter().any(|&k| k != n && doc.contains(k, n)));
                kept
            }
        });
        let ids: Vec<&str> = chosen
            .iter()
            .map(|&n| doc.attr(n, "id").unwrap_or("?"))
            .collect();
        ids.join(" ")
    }

    #[test]
    fn a_choice_missing_half_the_body_widens() {
        let (first, second) = BODY.split_at(BODY.find("Residents").unwrap());
        let page = format!(
            r#"<body><div id="article"><div id="lead"><p>{first}</p></div>
            <div id="rest"><p>{second}</p><p>{second}</p></div></div>
            <div id="aside">Most read: ten things to do this weekend in the city</div></body>"#
        );
        assert_eq!(settle_on(&page, BODY, false, "lead"), "article");
    }

    #[test]
    fn a_thread_declaring_its_first_post_is_not_narrowed() {
        let reply = "I drove over that bridge every day for ten years and it was \
            always a mess in winter, so this is welcome news for all of us here.";
        let page = format!(
            r#"<body><div id="thread"><div id="post1"><p>{BODY}</p></div>
            <div id="post2"><p>{reply}</p></div><div id="post3"><p>{reply} Agreed.</p></div>
            <div id="post4"><p>{reply} Same here.</p></div></div></body>"#
        );
        assert_eq!(settle_on(&page, BODY, true, "thread"), "thread");
        // Even when the opening post is most of the thread's text.
        let page = format!(
            r#"<body><div id="thread"><div id="post1"><p>{BODY}</p></div>
            <div id="post2"><p>{reply}</p></div></div></body>"#
        );
        assert_eq!(settle_on(&page, BODY, true, "thread"), "thread");
        assert_eq!(settle_on(&page, BODY, false, "thread"), "post1");
    }

    #[test]
    fn edge_clutter_around_the_declared_body_is_left_out() {
        let page = format!(
            r#"<body><div id="wrap"><div id="text"><p>{BODY}</p></div>
            <div id="promo">Subscribe for one dollar a week and read everything. Related: the new
            ferry timetable, a guide to the riverside market, and how the tram line was built.</div></div></body>"#
        );
        assert_eq!(settle_on(&page, BODY, false, "wrap"), "text");
    }
}
