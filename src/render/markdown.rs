//! Markdown: CommonMark with GitHub's pipe tables and `~~strikethrough~~`, rendered from the
//! clean tree that [`super::html::sanitize`] builds.
//!
//! The output is meant to parse back to the same article: the same words, headings, list
//! items, table cells, code blocks and links. To get there by construction rather than by
//! luck, inline content is first collected as a list of pieces (words, spaces, breaks,
//! delimiters, ready-made code spans and images) and only then written out, when each
//! character's neighbours are known. That is what lets the writer escape a character exactly
//! where Markdown would give it a meaning, and nowhere else, and check that each emphasis
//! delimiter will really open or close where it stands.
//!
//! Choices, for the record:
//! - Emphasis is `*`, strong is `**`, strikethrough (`del`, `s`) is `~~`. Where CommonMark's
//!   flanking rules would not let a delimiter open or close (say `a<em>"b"</em>c`), the
//!   element is written as inline HTML (`<em>…</em>`) instead. `cite`, `dfn`, `var` and `i`
//!   count as emphasis, `b` as strong.
//! - `sub` and `sup` are kept as inline HTML: `H<sub>2</sub>O`, `x<sup>2</sup>`.
//! - `code`, `kbd` and `samp` become code spans; markup inside them (a link in a code
//!   element, say) is kept by writing one code span per run of text.
//! - `q` becomes curly quotes. `u`, `ins`, `mark`, `small`, `abbr`, `time`, `bdi`, `bdo` and
//!   ruby keep their text only.
//! - A figure is its content (the image as a paragraph of its own) and its caption as an
//!   italic paragraph. `details` is its summary as a bold paragraph, then its content. In a
//!   `dl`, each term is a bold paragraph and each definition its own blocks.
//! - Tables become pipe tables, whose first row is the header row (GitHub's tables need
//!   one). A table that a pipe table cannot represent (a cell spanning rows or columns, rows
//!   of different lengths, lists, code, several paragraphs or other blocks in a cell, no
//!   rows) is written as an HTML block holding the clean table, on lines without blank ones.
//! - A `pre` becomes a fenced code block (a `br` or a block inside it is a line break),
//!   unless it holds links or images: then it stays an HTML `<pre>` block, so they survive.
//! - Ordered lists keep their start number; `reversed` counts down in the written markers
//!   (CommonMark itself only reads the first), the list type (`a`, `i`) is lost.
//! - A link whose content is several blocks (a "card" linking a picture and a heading)
//!   links its first run of text only; a link with no content at all is kept as `[](url)`.
//! - Bare URLs in text are left as they are (GitHub would link them; CommonMark does not).
//!
//! Every walk is iterative: the clean tree may nest very deeply.

use crate::dom::{Document, NodeId};

/// Renders the children of `root` (a tree built by [`super::html::sanitize`]) as Markdown.
/// Blocks are separated by one blank line (list items of tight lists by a line break); the
/// result ends with exactly one newline, or is empty when the tree holds nothing to show.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn to_markdown(clean: &Document, root: NodeId) -> String {
    let mut r = Renderer::new(clean, false);
    r.run(root);
    r.finish_blocks();
    if r.out.is_empty() {
        String::new()
    } else {
        r.out.push('\n');
        r.out
    }
}

/// The complete Markdown document for an article: [`front_matter`], the title as a level-1
/// heading, then the body ([`crate::Article::markdown`]).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn document(article: &crate::Article, url: Option<&str>, exported: &str) -> String {
    let mut out = front_matter(article, url, exported);
    out.push('\n');
    let title = fold(&article.title);
    if !title.is_empty() {
        out.push_str("# ");
        out.push_str(&heading_text(&escape_plain(&title, false)));
        out.push_str("\n\n");
    }
    out.push_str(&article.markdown);
    out
}

// ---------------------------------------------------------------------------------------
// Inline pieces

#[derive(Clone, Debug, PartialEq)]
enum Delim {
    Em,
    Strong,
    Del,
    /// A link; the string is the part after the text: `](url "title")`.
    Link(String),
    /// Inline HTML kept as such (`sub`, `sup`).
    Tag(&'static str),
}

impl Delim {
    /// The delimiter character when written as Markdown (`*` or `~`), for emphasis kinds.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn md_char(&self) -> Option<char> {
        match self {
            Delim::Em | Delim::Strong => Some('*'),
            Delim::Del => Some('~'),
            _ => None,
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn markdown(&self, open: bool) -> String {
        match self {
            Delim::Em => "*".into(),
            Delim::Strong => "**".into(),
            Delim::Del => "~~".into(),
            Delim::Link(dest) => {
                if open {
                    "[".into()
                } else {
                    dest.clone()
                }
            }
            Delim::Tag(t) => {
                if open {
                    format!("<{t}>")
                } else {
                    format!("</{t}>")
                }
            }
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn html(&self, open: bool) -> String {
        let t = match self {
            Delim::Em => "em",
            Delim::Strong => "strong",
            Delim::Del => "del",
            _ => return self.markdown(open),
        };
        if open {
            format!("<{t}>")
        } else {
            format!("</{t}>")
        }
    }
}

#[derive(Clone, Debug)]
enum Piece {
    /// Text without ASCII whitespace, not yet escaped.
    Text(String),
    Space,
    /// A hard line break.
    Break,
    /// Finished Markdown (an image, an empty link, inline HTML).
    Raw(String),
    /// The content of a code span. Adjacent ones are written as one span, since their
    /// backtick fences would otherwise run together.
    Code(String),
    Open(Delim),
    Close(Delim),
}

/// An inline element that is open while the walk is inside it.
struct Frame {
    /// `None` for an element that writes nothing (emphasis inside the same emphasis).
    delim: Option<Delim>,
    /// Its opening delimiter is in the current paragraph.
    opened: bool,
    /// A link was opened once already: it is not repeated in later paragraphs.
    used: bool,
    /// Which of the `counts` this element adds to (em, strong, del, link).
    slot: Option<usize>,
}

// ---------------------------------------------------------------------------------------
// Block containers

#[derive(Clone, Debug)]
enum Container {
    Quote {
        id: u64,
    },
    List {
        id: u64,
        tight: bool,
        ordered: bool,
        next: i64,
        step: i64,
        mark: char,
        emitted: bool,
        /// Its first item could interrupt a paragraph: a bullet, or the number 1.
        may_interrupt: bool,
    },
    Item {
        id: u64,
        marker: String,
        /// The marker has been written (on the item's first line).
        written: bool,
    },
}

impl Container {
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn id(&self) -> u64 {
        match self {
            Container::Quote { id } | Container::List { id, .. } | Container::Item { id, .. } => {
                *id
            }
        }
    }
}

/// Tags that make a list loose when an item holds them (outside nested lists).
const LOOSE: crate::extract::patterns::Words = crate::extract::patterns::words![
    "p",
    "div",
    "blockquote",
    "pre",
    "table",
    "figure",
    "figcaption",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "dl",
    "details",
    "summary",
    "address",
    "caption",
];

/// Block tags that a pipe-table cell cannot hold.
const NOT_IN_CELL: crate::extract::patterns::Words = crate::extract::patterns::words![
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "pre",
    "blockquote",
    "table",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "figure",
    "figcaption",
    "details",
    "summary",
    "address",
    "caption",
];

/// Tags that are blocks: they end the paragraph before them and start a new one after.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "address"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "hr"
            | "figure"
            | "figcaption"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "details"
            | "summary"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
    )
}

#[derive(Clone, Copy)]
enum Step {
    Enter(NodeId),
    Leave(NodeId),
}

struct Renderer<'a> {
    doc: &'a Document,
    /// Rendering one table cell: everything stays on one line, breaks are `<br>`.
    cell: bool,
    out: String,
    containers: Vec<Container>,
    next_id: u64,
    /// Container ids open when the last block was written.
    last_stack: Vec<u64>,
    /// The list that just ended, if nothing was written since: (parent id, ordered, mark).
    prev_list: Option<(u64, bool, char)>,
    // The paragraph being collected.
    pieces: Vec<Piece>,
    pending_space: bool,
    pending_breaks: usize,
    frames: Vec<Frame>,
    /// `frames[..opened_upto]` have been considered for opening in this paragraph.
    opened_upto: usize,
    counts: [usize; 4], // em, strong, del, link frames open
    code_depth: usize,
    /// The heading being collected and its level; blocks inside it are flattened.
    heading: Option<(NodeId, usize)>,
    /// Inside a heading or a table cell: blocks are only word separators.
    flat: usize,
}

impl<'a> Renderer<'a> {
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn new(doc: &'a Document, cell: bool) -> Self {
        Renderer {
            doc,
            cell,
            out: String::new(),
            containers: Vec::new(),
            next_id: 1,
            last_stack: Vec::new(),
            prev_list: None,
            pieces: Vec::new(),
            pending_space: false,
            pending_breaks: 0,
            frames: Vec::new(),
            opened_upto: 0,
            counts: [0; 4],
            code_depth: 0,
            heading: None,
            flat: usize::from(cell),
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn run(&mut self, root: NodeId) {
        let doc = self.doc;
        let mut stack: Vec<Step> = Vec::new();
        push_children(doc, root, &mut stack);
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(n) => {
                    if let Some(t) = doc.text(n) {
                        self.text(t);
                        continue;
                    }
                    let Some(tag) = doc.tag(n) else { continue };
                    if self.enter(n, tag) {
                        stack.push(Step::Leave(n));
                        push_children(doc, n, &mut stack);
                    }
                }
                Step::Leave(n) => {
                    if let Some(tag) = doc.tag(n) {
                        self.leave(n, tag);
                    }
                }
            }
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn new_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    // ---- walk -------------------------------------------------------------------------

    /// Handles an element's start; returns whether to walk its children (and see its end).
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn enter(&mut self, n: NodeId, tag: &str) -> bool {
        let doc = self.doc;
        match tag {
            "br" => {
                if self.heading.is_some() || (self.flat > 0 && !self.cell) {
                    self.space();
                } else {
                    self.hard_break();
                }
                return false;
            }
            "img" => {
                let img = image(doc, n);
                self.raw(img);
                return false;
            }
            "em" | "i" | "cite" | "dfn" | "var" => self.push_frame(Delim::Em),
            "strong" | "b" => self.push_frame(Delim::Strong),
            "del" | "s" => self.push_frame(Delim::Del),
            "sub" => self.push_frame(Delim::Tag("sub")),
            "sup" => self.push_frame(Delim::Tag("sup")),
            "a" => {
                let dest = link_tail(doc.attr(n, "href").unwrap_or(""), doc.attr(n, "title"));
                self.push_frame(Delim::Link(dest));
            }
            // Inline math in GitHub's backtick form, which CommonMark reads as literal code.
            "code" if doc.attr(n, "class") == Some("language-math") => {
                let tex = doc.text_content(n);
                self.raw(format!("${}$", code_span(tex.trim())));
                return false;
            }
            "code" | "kbd" | "samp" => self.code_depth += 1,
            "q" => self.word("\u{201c}"),
            _ if !is_block(tag) => {}
            _ if self.flat > 0 => {
                // In a heading or a cell, blocks only separate words.
                match tag {
                    "pre" => {
                        let code = fold(&pre_text(doc, n));
                        if !code.is_empty() {
                            self.code(&code);
                        }
                        return false;
                    }
                    "hr" => {
                        self.space();
                        return false;
                    }
                    "figcaption" => self.push_frame(Delim::Em),
                    "summary" | "dt" => self.push_frame(Delim::Strong),
                    _ => self.space(),
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let level = tag[1..].parse().unwrap_or(2);
                self.heading = Some((n, level));
                self.flat += 1;
            }
            "blockquote" => {
                self.flush();
                let id = self.new_id();
                self.containers.push(Container::Quote { id });
            }
            "ul" | "ol" => {
                self.flush();
                let ordered = tag == "ol";
                let parent = self.containers.last().map_or(0, Container::id);
                let alternate = self
                    .prev_list
                    .is_some_and(|(p, o, _)| p == parent && o == ordered);
                let mark = match (ordered, alternate) {
                    (false, false) => '-',
                    (false, true) => {
                        if self.prev_list.map(|l| l.2) == Some('-') {
                            '*'
                        } else {
                            '-'
                        }
                    }
                    (true, false) => '.',
                    (true, true) => {
                        if self.prev_list.map(|l| l.2) == Some('.') {
                            ')'
                        } else {
                            '.'
                        }
                    }
                };
                let items = doc
                    .element_children(n)
                    .into_iter()
                    .filter(|&c| doc.is(c, "li"))
                    .count() as i64;
                let reversed = ordered && doc.attr(n, "reversed").is_some();
                let start = doc
                    .attr(n, "start")
                    .and_then(|s| s.trim().parse::<i64>().ok())
                    .unwrap_or(if reversed { items } else { 1 });
                let id = self.new_id();
                self.containers.push(Container::List {
                    id,
                    tight: is_tight(doc, n),
                    ordered,
                    next: start,
                    step: if reversed { -1 } else { 1 },
                    mark,
                    emitted: false,
                    may_interrupt: !ordered || start == 1,
                });
            }
            "li" => {
                self.flush();
                let marker = match self.containers.last_mut() {
                    Some(Container::List {
                        ordered,
                        next,
                        step,
                        mark,
                        ..
                    }) => {
                        if *ordered {
                            let num = (*next).clamp(0, 999_999_999) as u32;
                            *next += *step;
                            format!("{num}{mark}")
                        } else {
                            mark.to_string()
                        }
                    }
                    _ => "-".to_string(),
                };
                let id = self.new_id();
                self.containers.push(Container::Item {
                    id,
                    marker,
                    written: false,
                });
            }
            "pre" => {
                self.flush();
                let lines = if pre_needs_html(doc, n) {
                    html_block(doc, n)
                } else {
                    code_block(doc, n)
                };
                self.emit(lines);
                return false;
            }
            "hr" => {
                self.flush();
                // `- ---` would be read as one thematic break, not an item holding one.
                let pending_marker = self
                    .containers
                    .iter()
                    .any(|c| matches!(c, Container::Item { written: false, .. }));
                let rule = if pending_marker { "***" } else { "---" };
                self.emit(vec![rule.to_string()]);
                return false;
            }
            "table" => {
                self.flush();
                self.table(n);
                return false;
            }
            "figcaption" => {
                self.flush();
                self.push_frame(Delim::Em);
            }
            "summary" | "dt" => {
                self.flush();
                self.push_frame(Delim::Strong);
            }
            _ => self.flush(),
        }
        true
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn leave(&mut self, n: NodeId, tag: &str) {
        match tag {
            "em" | "i" | "cite" | "dfn" | "var" | "strong" | "b" | "del" | "s" | "sub" | "sup"
            | "a" => self.pop_frame(),
            "code" | "kbd" | "samp" => self.code_depth -= 1,
            "q" => self.word("\u{201d}"),
            _ if !is_block(tag) => {}
            _ if self.heading.is_some_and(|(h, _)| h == n) => {
                let (_, level) = self.heading.take().expect("heading");
                self.flat -= 1;
                let body = self.take_paragraph();
                let mut line = "#".repeat(level);
                if !body.is_empty() {
                    line.push(' ');
                    line.push_str(&heading_text(&body));
                }
                self.emit(vec![line]);
            }
            _ if self.flat > 0 => match tag {
                "figcaption" | "summary" | "dt" => self.pop_frame(),
                _ => self.space(),
            },
            "blockquote" => {
                self.flush();
                let id = self.containers.last().map_or(0, Container::id);
                if !self.last_stack.contains(&id) {
                    self.emit(vec![String::new()]);
                }
                self.containers.pop();
                self.prev_list = None;
            }
            "ul" | "ol" => {
                self.flush();
                if let Some(Container::List { ordered, mark, .. }) = self.containers.pop() {
                    let parent = self.containers.last().map_or(0, Container::id);
                    self.prev_list = Some((parent, ordered, mark));
                }
            }
            "li" => {
                self.flush();
                if let Some(Container::Item { written: false, .. }) = self.containers.last() {
                    self.emit(vec![String::new()]);
                }
                if matches!(self.containers.last(), Some(Container::Item { .. })) {
                    self.containers.pop();
                }
            }
            "figcaption" | "summary" | "dt" => {
                self.pop_frame();
                self.flush();
            }
            _ => self.flush(),
        }
    }

    // ---- inline collection ------------------------------------------------------------

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn text(&mut self, t: &str) {
        if self.code_depth > 0 {
            let lead = t.starts_with(is_html_space);
            let trail = t.ends_with(is_html_space);
            let code = fold_html(t);
            if code.is_empty() {
                if !t.is_empty() {
                    self.space();
                }
                return;
            }
            if lead {
                self.space();
            }
            self.code(&code);
            if trail {
                self.space();
            }
            return;
        }
        let mut word_start: Option<usize> = None;
        for (i, c) in t.char_indices() {
            if is_html_space(c) {
                if let Some(s) = word_start.take() {
                    self.word(&t[s..i]);
                }
                self.space();
            } else if word_start.is_none() {
                word_start = Some(i);
            }
        }
        if let Some(s) = word_start {
            self.word(&t[s..]);
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn space(&mut self) {
        self.pending_space = true;
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn hard_break(&mut self) {
        if self.has_content() {
            self.pending_breaks += 1;
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn has_content(&self) -> bool {
        self.pieces
            .iter()
            .any(|p| matches!(p, Piece::Text(_) | Piece::Raw(_) | Piece::Code(_)))
    }

    /// Writes what is owed before content: breaks or a space, then the lazily opened frames.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn before_content(&mut self) {
        let started = self.has_content();
        if started && self.pending_breaks > 0 {
            for _ in 0..self.pending_breaks {
                self.pieces.push(Piece::Break);
            }
        } else if started && self.pending_space {
            self.pieces.push(Piece::Space);
        }
        self.pending_breaks = 0;
        self.pending_space = false;
        while self.opened_upto < self.frames.len() {
            let f = &mut self.frames[self.opened_upto];
            self.opened_upto += 1;
            let Some(d) = f.delim.clone() else { continue };
            if f.used {
                continue;
            }
            f.opened = true;
            if matches!(d, Delim::Link(_)) {
                f.used = true;
            }
            // `*a**b*` would not parse: two siblings of the same kind merge into one.
            if d.md_char().is_some() {
                if let Some(Piece::Close(prev)) = self.pieces.last() {
                    if *prev == d {
                        self.pieces.pop();
                        continue;
                    }
                }
            }
            self.pieces.push(Piece::Open(d));
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn word(&mut self, w: &str) {
        self.before_content();
        match self.pieces.last_mut() {
            Some(Piece::Text(t)) => t.push_str(w),
            _ => self.pieces.push(Piece::Text(w.to_string())),
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn raw(&mut self, s: String) {
        self.before_content();
        self.pieces.push(Piece::Raw(s));
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn code(&mut self, code: &str) {
        self.before_content();
        match self.pieces.last_mut() {
            Some(Piece::Code(c)) => c.push_str(code),
            _ => self.pieces.push(Piece::Code(code.to_string())),
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn push_frame(&mut self, d: Delim) {
        let slot = match d {
            Delim::Em => Some(0),
            Delim::Strong => Some(1),
            Delim::Del => Some(2),
            Delim::Link(_) => Some(3),
            Delim::Tag(_) => None,
        };
        let delim = match slot {
            Some(i) if self.counts[i] > 0 => None,
            _ => Some(d),
        };
        if let Some(i) = slot {
            self.counts[i] += 1;
        }
        self.frames.push(Frame {
            delim,
            opened: false,
            used: false,
            slot,
        });
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn pop_frame(&mut self) {
        let Some(f) = self.frames.pop() else { return };
        self.opened_upto = self.opened_upto.min(self.frames.len());
        if let Some(i) = f.slot {
            self.counts[i] -= 1;
        }
        if let Some(d) = f.delim {
            if f.opened {
                self.pieces.push(Piece::Close(d));
            } else if let Delim::Link(tail) = &d {
                if !f.used {
                    // A link with no content at all is kept, empty.
                    self.raw(format!("[{tail}"));
                }
            }
        }
    }

    /// Closes the frames opened in this paragraph and returns its Markdown (one string,
    /// hard breaks included).
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn take_paragraph(&mut self) -> String {
        for i in (0..self.opened_upto.min(self.frames.len())).rev() {
            let f = &mut self.frames[i];
            if f.opened {
                f.opened = false;
                if let Some(d) = f.delim.clone() {
                    self.pieces.push(Piece::Close(d));
                }
            }
        }
        self.opened_upto = 0;
        self.pending_space = false;
        self.pending_breaks = 0;
        let pieces = std::mem::take(&mut self.pieces);
        resolve(pieces, self.cell, self.counts[3] > 0)
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn flush(&mut self) {
        if self.cell || self.heading.is_some() {
            self.space();
            return;
        }
        if !self.has_content() && self.pieces.is_empty() {
            // Nothing but frames that never opened.
            self.opened_upto = 0;
            self.pending_space = false;
            self.pending_breaks = 0;
            return;
        }
        let text = self.take_paragraph();
        if text.is_empty() {
            return;
        }
        let lines = text.split('\n').map(fix_line_start).collect();
        self.emit(lines);
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn finish_blocks(&mut self) {
        if self.heading.is_some() {
            self.heading = None;
            self.flat = 0;
        }
        self.flush();
    }

    // ---- block output -----------------------------------------------------------------

    /// Writes a block's lines under the open containers' prefixes.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn emit(&mut self, lines: Vec<String>) {
        let ids: Vec<u64> = self.containers.iter().map(Container::id).collect();
        if !self.out.is_empty() {
            let starts_item = self
                .containers
                .iter()
                .any(|c| matches!(c, Container::Item { written: false, .. }));
            // The innermost list or quote decides; a list that has written nothing yet
            // may still follow its parent item's text directly when the parent list is
            // tight and the new list may interrupt a paragraph (bullets, or numbers from 1).
            let mut tight_list = false;
            for c in self.containers.iter().rev() {
                match c {
                    Container::Quote { .. } => break,
                    Container::List {
                        tight,
                        emitted,
                        may_interrupt,
                        ..
                    } => {
                        if !*tight {
                            break;
                        }
                        if *emitted {
                            tight_list = true;
                            break;
                        }
                        if !*may_interrupt || lines.first().is_none_or(String::is_empty) {
                            break;
                        }
                    }
                    Container::Item { .. } => {}
                }
            }
            let tight = tight_list && (starts_item || self.last_stack.len() <= ids.len());
            self.out.push('\n');
            if !tight {
                let common = ids
                    .iter()
                    .zip(&self.last_stack)
                    .take_while(|(a, b)| a == b)
                    .count();
                let mut blank = String::new();
                for c in &self.containers[..common] {
                    match c {
                        Container::Quote { .. } => blank.push_str("> "),
                        Container::Item { marker, .. } => {
                            blank.push_str(&" ".repeat(marker.len() + 1))
                        }
                        Container::List { .. } => {}
                    }
                }
                self.out.push_str(blank.trim_end());
                self.out.push('\n');
            }
        }
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                self.out.push('\n');
            }
            let mut prefix = String::new();
            for c in self.containers.iter_mut() {
                match c {
                    Container::Quote { .. } => prefix.push_str("> "),
                    Container::Item {
                        marker, written, ..
                    } => {
                        if *written {
                            prefix.push_str(&" ".repeat(marker.len() + 1));
                        } else {
                            prefix.push_str(marker);
                            prefix.push(' ');
                            *written = true;
                        }
                    }
                    Container::List { emitted, .. } => *emitted = true,
                }
            }
            if line.is_empty() {
                self.out.push_str(prefix.trim_end());
            } else {
                self.out.push_str(&prefix);
                self.out.push_str(line);
            }
        }
        self.last_stack = ids;
        self.prev_list = None;
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn table(&mut self, table: NodeId) {
        let doc = self.doc;
        let Some(grid) = pipe_grid(doc, table) else {
            let lines = html_block(doc, table);
            self.emit(lines);
            return;
        };
        // The caption, as a paragraph before the table.
        for c in doc.element_children(table) {
            if doc.is(c, "caption") {
                let mut r = Renderer::new(doc, false);
                r.run(c);
                r.finish_blocks();
                if !r.out.is_empty() {
                    let lines = r.out.split('\n').map(str::to_string).collect();
                    self.emit(lines);
                }
            }
        }
        let mut lines = Vec::new();
        for (i, row) in grid.iter().enumerate() {
            let cells: Vec<String> = row
                .iter()
                .map(|&cell| {
                    let mut r = Renderer::new(doc, true);
                    r.run(cell);
                    r.take_paragraph().replace("|", "\\|")
                })
                .collect();
            lines.push(table_row(&cells));
            if i == 0 {
                lines.push(table_row(&vec!["---".to_string(); row.len()]));
            }
        }
        self.emit(lines);
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn push_children(doc: &Document, n: NodeId, stack: &mut Vec<Step>) {
    let mut c = doc.last_child(n);
    while let Some(ch) = c {
        stack.push(Step::Enter(ch));
        c = doc.prev_sibling(ch);
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn table_row(cells: &[String]) -> String {
    let mut s = String::from("|");
    for c in cells {
        s.push(' ');
        s.push_str(c);
        if !c.is_empty() {
            s.push(' ');
        }
        s.push('|');
    }
    s
}

/// HTML's whitespace (what it collapses); a no-break space is not part of it.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

/// Collapses HTML whitespace runs to one space and trims.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn fold_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(is_html_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Like [`fold_html`] but for attribute-like text (titles, alt): all whitespace counts.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| c.is_whitespace() && c != '\u{a0}') {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Whether a list is tight: no item holds a paragraph or another block (nested lists
/// aside), so its items can sit on consecutive lines.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn is_tight(doc: &Document, list: NodeId) -> bool {
    for li in doc.element_children(list) {
        let mut stack = doc.children(li);
        while let Some(n) = stack.pop() {
            match doc.tag(n) {
                Some("ul" | "ol") => {}
                Some(t) if LOOSE.contains(t) => return false,
                Some(_) => stack.extend(doc.children(n)),
                None => {}
            }
        }
    }
    true
}

// ---------------------------------------------------------------------------------------
// Code

/// A code span holding `code` (already on one line): the fence is a backtick run whose
/// length appears nowhere inside, padded with spaces when the code starts or ends with a
/// backtick or is wrapped in spaces that CommonMark would strip.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn code_span(code: &str) -> String {
    let runs = backtick_runs(code);
    let mut n = 1;
    while runs.contains(&n) {
        n += 1;
    }
    let fence = "`".repeat(n);
    let pad = code.starts_with('`')
        || code.ends_with('`')
        || (code.starts_with(' ') && code.ends_with(' ') && code.chars().any(|c| c != ' '));
    if pad {
        format!("{fence} {code} {fence}")
    } else {
        format!("{fence}{code}{fence}")
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn backtick_runs(s: &str) -> Vec<usize> {
    let mut runs = Vec::new();
    let mut run = 0;
    for c in s.chars() {
        if c == '`' {
            run += 1;
        } else if run > 0 {
            runs.push(run);
            run = 0;
        }
    }
    if run > 0 {
        runs.push(run);
    }
    runs
}

/// The lines of a fenced code block for a `pre`: a backtick fence longer than any backtick
/// run inside, with the language from a `language-*`/`lang-*` class on the `pre` or its code.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn code_block(doc: &Document, pre: NodeId) -> Vec<String> {
    let code = pre_text(doc, pre);
    let longest = backtick_runs(&code).into_iter().max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    // The first class of the pre or a code in it that names a language.
    let mut lang = None;
    for c in doc.descendants(pre) {
        if doc.is(c, "pre") || doc.is(c, "code") {
            lang = doc.attr(c, "class").and_then(|class| {
                class.split_whitespace().find_map(|name| {
                    name.strip_prefix("language-")
                        .or_else(|| name.strip_prefix("lang-"))
                })
            });
            if lang.is_some() {
                break;
            }
        }
    }
    let lang = lang
        .filter(|l| !l.is_empty() && !l.contains('`'))
        .unwrap_or("");
    let mut lines = vec![format!("{fence}{lang}")];
    let body = code.strip_suffix('\n').unwrap_or(&code);
    if !code.is_empty() {
        lines.extend(body.split('\n').map(str::to_string));
    }
    lines.push(fence);
    lines
}

/// The text of a `pre` as a browser lays it out: its characters as they are, plus a line
/// break for each `br` and around blocks (a `div` per line is a common way to write code).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn pre_text(doc: &Document, pre: NodeId) -> String {
    let mut out = String::new();
    let mut stack = Vec::new();
    push_children(doc, pre, &mut stack);
    let newline = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(n) => {
                if let Some(t) = doc.text(n) {
                    out.push_str(&t.replace("\r\n", "\n").replace("\r", "\n"));
                    continue;
                }
                match doc.tag(n) {
                    Some("br") => out.push('\n'),
                    Some(t) if is_block(t) => {
                        newline(&mut out);
                        stack.push(Step::Leave(n));
                        push_children(doc, n, &mut stack);
                    }
                    Some(_) => push_children(doc, n, &mut stack),
                    None => {}
                }
            }
            Step::Leave(_) => newline(&mut out),
        }
    }
    out
}

/// Whether a `pre` holds links or images, which a fenced code block would lose.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn pre_needs_html(doc: &Document, pre: NodeId) -> bool {
    doc.descendants(pre)
        .any(|n| doc.is(n, "img") || (doc.is(n, "a") && doc.attr(n, "href").is_some()))
}

// ---------------------------------------------------------------------------------------
// Links and images

/// `](dest "title")` for a link or an image.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn link_tail(href: &str, title: Option<&str>) -> String {
    let mut s = String::from("](");
    s.push_str(&destination(href));
    if let Some(t) = title.map(fold).filter(|t| !t.is_empty()) {
        s.push_str(" \"");
        for (i, c) in t.char_indices() {
            match c {
                '"' | '\\' => {
                    s.push('\\');
                    s.push(c);
                }
                '&' if looks_like_entity(&t[i + 1..]) => s.push_str("\\&"),
                c => s.push(c),
            }
        }
        s.push('"');
    }
    s.push(')');
    s
}

/// A link destination: bare when it can be, else in `<…>` (spaces, parentheses, brackets).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn destination(url: &str) -> String {
    let url = url.trim();
    let angle = url.is_empty()
        || url
            .chars()
            .any(|c| c == ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c.is_control());
    let mut s = String::new();
    if angle {
        s.push('<');
    }
    for (i, c) in url.char_indices() {
        let rest = &url[i + c.len_utf8()..];
        match c {
            '\\' if rest.starts_with(|n: char| n.is_ascii_punctuation()) => s.push_str("\\\\"),
            '<' | '>' => {
                s.push('\\');
                s.push(c);
            }
            '&' if looks_like_entity(rest) => s.push_str("%26"),
            '\n' | '\r' => s.push_str("%0A"),
            c if c.is_control() => s.push_str(&format!("%{:02X}", c as u32)),
            c => s.push(c),
        }
    }
    if angle {
        s.push('>');
    }
    s
}

/// `![alt](src "title")`.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn image(doc: &Document, img: NodeId) -> String {
    let alt = fold(doc.attr(img, "alt").unwrap_or(""));
    let src = doc.attr(img, "src").unwrap_or("");
    let mut s = String::from("![");
    s.push_str(&escape_plain(&alt, true));
    s.push_str(&link_tail(src, doc.attr(img, "title")));
    s
}

// ---------------------------------------------------------------------------------------
// Tables

/// The rows of cells of a table that a pipe table can show exactly, or `None`.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn pipe_grid(doc: &Document, table: NodeId) -> Option<Vec<Vec<NodeId>>> {
    let has_text = |n: NodeId| doc.text(n).is_some_and(|t| !t.trim().is_empty());
    let mut rows = Vec::new();
    let mut row_nodes = Vec::new();
    for c in doc.children(table) {
        match doc.tag(c) {
            Some("tr") => row_nodes.push(c),
            Some("thead" | "tbody" | "tfoot") => {
                for r in doc.children(c) {
                    match doc.tag(r) {
                        Some("tr") => row_nodes.push(r),
                        Some(_) => return None,
                        None if has_text(r) => return None,
                        None => {}
                    }
                }
            }
            Some("caption") => {}
            Some(_) => return None,
            None if has_text(c) => return None,
            None => {}
        }
    }
    for r in row_nodes {
        let mut cells = Vec::new();
        for c in doc.children(r) {
            match doc.tag(c) {
                Some("td" | "th") => {
                    for k in ["colspan", "rowspan"] {
                        if doc
                            .attr(c, k)
                            .and_then(|v| v.trim().parse::<u32>().ok())
                            .is_some_and(|v| v > 1)
                        {
                            return None;
                        }
                    }
                    let mut paragraphs = 0;
                    for d in doc.descendants(c).skip(1) {
                        match doc.tag(d) {
                            Some(t) if NOT_IN_CELL.contains(t) => return None,
                            Some("p" | "div") => {
                                paragraphs += 1;
                                if paragraphs > 1 {
                                    return None;
                                }
                            }
                            _ => {}
                        }
                    }
                    cells.push(c);
                }
                Some(_) => return None,
                None if has_text(c) => return None,
                None => {}
            }
        }
        rows.push(cells);
    }
    let width = rows.first()?.len();
    if width == 0 || rows.iter().any(|r| r.len() != width) {
        return None;
    }
    Some(rows)
}

/// A clean subtree (a table, or a `pre` holding links) as an HTML block. A table has no
/// blank line inside (newlines in its text become `&#10;`, as a blank line would end the
/// block) and a line per row; a `pre` keeps its lines, since its block ends at `</pre>`.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn html_block(doc: &Document, top: NodeId) -> Vec<String> {
    let in_pre = doc.is(top, "pre");
    let mut out = String::new();
    let mut stack = vec![Step::Enter(top)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(n) => {
                if let Some(t) = doc.text(n) {
                    // Outside a `pre`, whitespace runs show as one space: written so, and
                    // left out between table parts, the block stays readable.
                    let verbatim = in_pre || doc.ancestor_named(n, "pre", 0).is_some();
                    let mut text = t.to_string();
                    if !verbatim {
                        if t.chars().all(is_html_space)
                            && doc.parent(n).and_then(|p| doc.tag(p)).is_some_and(|p| {
                                matches!(p, "table" | "thead" | "tbody" | "tfoot" | "tr")
                            })
                        {
                            continue;
                        }
                        text = String::with_capacity(t.len());
                        for c in t.chars() {
                            if !is_html_space(c) {
                                text.push(c);
                            } else if !text.ends_with(' ') {
                                text.push(' ');
                            }
                        }
                    }
                    for c in text.chars() {
                        match c {
                            '&' => out.push_str("&amp;"),
                            '<' => out.push_str("&lt;"),
                            '>' => out.push_str("&gt;"),
                            '\n' if in_pre => out.push('\n'),
                            '\n' => out.push_str("&#10;"),
                            '\r' => out.push_str("&#13;"),
                            c => out.push(c),
                        }
                    }
                    continue;
                }
                let Some(name) = doc.tag(n) else { continue };
                if !in_pre && matches!(name, "tr" | "thead" | "tbody" | "tfoot" | "caption") {
                    out.push('\n');
                }
                out.push('<');
                out.push_str(name);
                for (k, v) in doc.attrs(n) {
                    out.push(' ');
                    out.push_str(k);
                    out.push_str("=\"");
                    for c in v.chars() {
                        match c {
                            '&' => out.push_str("&amp;"),
                            '"' => out.push_str("&quot;"),
                            '<' => out.push_str("&lt;"),
                            '>' => out.push_str("&gt;"),
                            '\n' => out.push_str("&#10;"),
                            '\r' => out.push_str("&#13;"),
                            c => out.push(c),
                        }
                    }
                    out.push('"');
                }
                out.push('>');
                if n == top
                    && in_pre
                    && doc
                        .first_child(n)
                        .and_then(|c| doc.text(c))
                        .is_some_and(|t| t.starts_with('\n'))
                {
                    // An HTML parser drops a newline right after `<pre>`.
                    out.push('\n');
                }
                if !matches!(name, "br" | "hr" | "img") {
                    stack.push(Step::Leave(n));
                    push_children(doc, n, &mut stack);
                }
            }
            Step::Leave(n) => {
                let name = doc.tag(n).unwrap_or("span");
                if name == "table" && !in_pre {
                    out.push('\n');
                }
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
        }
    }
    out.split('\n').map(str::to_string).collect()
}

// ---------------------------------------------------------------------------------------
// Writing a paragraph

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn is_ws(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn is_alnum(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn is_ascii_punct(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_punctuation())
}

/// A delimiter run between `p` and `n` can open, whatever Unicode class the parser gives a
/// character that is neither ASCII punctuation nor alphanumeric.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn can_open(p: Option<char>, n: Option<char>) -> bool {
    !is_ws(n) && (is_alnum(n) || is_ws(p) || is_ascii_punct(p))
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn can_close(p: Option<char>, n: Option<char>) -> bool {
    !is_ws(p) && (is_alnum(p) || is_ws(n) || is_ascii_punct(n))
}

/// Whether the parser might see a run between `p` and `n` as right-flanking (able to close).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn maybe_close(p: Option<char>, n: Option<char>) -> bool {
    !is_ws(p) && (!is_ascii_punct(p) || !is_alnum(n))
}

/// Whether the parser might see a run between `p` and `n` as left-flanking (able to open).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn maybe_open(p: Option<char>, n: Option<char>) -> bool {
    !is_ws(n) && (!is_ascii_punct(n) || !is_alnum(p))
}

/// `&name;`, `&#123;` or `&#x1F;` follows.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn looks_like_entity(rest: &str) -> bool {
    // The name is ASCII, so its length in bytes is its length in characters.
    let len = rest
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'#'))
        .unwrap_or(rest.len());
    len > 0 && rest[len..].starts_with(';')
}

/// Escapes plain text as one run (image alt, the title): no emphasis may form; brackets
/// are escaped when `brackets`.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn escape_plain(s: &str, brackets: bool) -> String {
    let mut out = String::new();
    escape_text(s, None, None, brackets, &mut out);
    out
}

/// Escapes a run of text given the characters written just before and after it.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn escape_text(
    s: &str,
    before: Option<char>,
    after: Option<char>,
    in_link: bool,
    out: &mut String,
) {
    // The characters before and after each one.
    let mut p = before;
    for (i, c) in s.char_indices() {
        let rest = &s[i + c.len_utf8()..];
        let n = rest.chars().next().or(after);
        let escape = match c {
            '\\' => n.is_some_and(|n| n.is_ascii_punctuation()),
            '`' => true,
            '*' | '~' => !(is_ws(p) && is_ws(n)),
            '_' => !((is_alnum(p) && is_alnum(n)) || (is_ws(p) && is_ws(n))),
            '[' => in_link,
            ']' => in_link || n == Some('('),
            '<' => n.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '&' => looks_like_entity(rest),
            '!' => n == Some('['),
            _ => false,
        };
        if c == '\0' {
            out.push('\u{fffd}');
        } else {
            if escape {
                out.push('\\');
            }
            out.push(c);
        }
        p = Some(c);
    }
}

/// The paragraph's Markdown from its pieces: emphasis checked against CommonMark's flanking
/// rules (falling back to inline HTML), text escaped against its real neighbours.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn resolve(mut pieces: Vec<Piece>, cell: bool, in_link: bool) -> String {
    while matches!(pieces.last(), Some(Piece::Space | Piece::Break)) {
        pieces.pop();
    }
    let len = pieces.len();
    // Pair the delimiters.
    let mut partner = vec![usize::MAX; len];
    let mut open_stack = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        match p {
            Piece::Open(_) => open_stack.push(i),
            Piece::Close(_) => {
                if let Some(o) = open_stack.pop() {
                    partner[o] = i;
                    partner[i] = o;
                }
            }
            _ => {}
        }
    }
    // Which emphasis pairs are written as HTML.
    let mut html = vec![false; len];
    for i in 1..len {
        // `**a***b*`: a closing run straight into an opening one of another kind.
        if let (Piece::Close(a), Piece::Open(b)) = (&pieces[i - 1], &pieces[i]) {
            if a.md_char().is_some() && a.md_char() == b.md_char() {
                html[i] = true;
                if partner[i] != usize::MAX {
                    html[partner[i]] = true;
                }
            }
        }
    }
    let md_char = |i: usize, html: &[bool]| match &pieces[i] {
        Piece::Open(d) | Piece::Close(d) if !html[i] => d.md_char(),
        _ => None,
    };
    // How a piece is written, given which pairs become HTML; its first and last characters
    // decide whether a neighbouring delimiter can open or close.
    let written = |i: usize, html: &[bool]| -> String {
        match &pieces[i] {
            Piece::Text(t) | Piece::Raw(t) => t.clone(),
            Piece::Code(_) => "`".into(),
            Piece::Space => " ".into(),
            Piece::Break => (if cell { "<br>" } else { "\\\n" }).into(),
            Piece::Open(d) if html[i] => d.html(true).to_string(),
            Piece::Open(d) => d.markdown(true).to_string(),
            Piece::Close(d) if html[i] => d.html(false).to_string(),
            Piece::Close(d) => d.markdown(false).to_string(),
        }
    };
    let first_char = |i: usize, html: &[bool]| written(i, html).chars().next();
    let last_char = |i: usize, html: &[bool]| written(i, html).chars().last();
    let width = |i: usize| match &pieces[i] {
        Piece::Open(Delim::Em) | Piece::Close(Delim::Em) => 1,
        _ => 2,
    };
    loop {
        let mut changed = false;
        // Markdown pairs of each delimiter character open around the current piece.
        let mut enclosing = [0usize; 2];
        for i in 0..len {
            let Some(ch) = md_char(i, &html) else {
                continue;
            };
            let slot = usize::from(ch == '~');
            let opening = matches!(pieces[i], Piece::Open(_));
            if !opening {
                enclosing[slot] = enclosing[slot].saturating_sub(1);
            }
            if partner[i] == usize::MAX {
                html[i] = true;
                changed = true;
                continue;
            }
            // The run this delimiter belongs to, and the characters around it.
            let run = |i: usize| {
                let mut a = i;
                while a > 0 && md_char(a - 1, &html) == Some(ch) {
                    a -= 1;
                }
                let mut b = i;
                while b + 1 < len && md_char(b + 1, &html) == Some(ch) {
                    b += 1;
                }
                let p = if a > 0 { last_char(a - 1, &html) } else { None };
                let n = if b + 1 < len {
                    first_char(b + 1, &html)
                } else {
                    None
                };
                (p, n, (a..=b).map(width).sum::<usize>())
            };
            let (p, n, length) = run(i);
            // A run that can both open and close is only safe where nothing around it of
            // the same character could pair with it instead, and (for a closer) where
            // CommonMark's rule of three cannot refuse the match.
            let ok = if opening {
                can_open(p, n) && (!maybe_close(p, n) || enclosing[slot] == 0)
            } else {
                can_close(p, n)
                    && (!maybe_open(p, n) || (enclosing[slot] == 0 && run(partner[i]).2 == length))
            };
            if opening {
                enclosing[slot] += 1;
            }
            if !ok {
                html[i] = true;
                html[partner[i]] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // Write.
    let mut out = String::new();
    let mut link_depth = usize::from(in_link);
    for i in 0..len {
        match &pieces[i] {
            Piece::Text(t) => {
                let after = if i + 1 < len {
                    first_char(i + 1, &html)
                } else {
                    None
                };
                let before = out.chars().last();
                escape_text(t, before, after, link_depth > 0, &mut out);
            }
            Piece::Space => out.push(' '),
            Piece::Break => out.push_str(if cell { "<br>" } else { "\\\n" }),
            Piece::Raw(r) => out.push_str(r),
            Piece::Code(c) => out.push_str(&code_span(c)),
            Piece::Open(d) => {
                if matches!(d, Delim::Link(_)) {
                    link_depth += 1;
                }
                out.push_str(&if html[i] {
                    d.html(true)
                } else {
                    d.markdown(true)
                });
            }
            Piece::Close(d) => {
                if matches!(d, Delim::Link(_)) {
                    link_depth = link_depth.saturating_sub(1);
                }
                out.push_str(&if html[i] {
                    d.html(false)
                } else {
                    d.markdown(false)
                });
            }
        }
    }
    out
}

/// Escapes what would make a paragraph line start a block: a heading, a quote, a list
/// item, a thematic break or setext underline, a table delimiter row, a link definition.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn fix_line_start(line: &str) -> String {
    let b = line.as_bytes();
    let at = |i: usize| b.get(i).copied();
    let ends_marker = |i: usize| matches!(at(i), None | Some(b' ' | b'\t'));
    let mut insert: Option<usize> = None;
    let squeezed: Vec<u8> = b
        .iter()
        .copied()
        .filter(|&c| c != b' ' && c != b'\t')
        .collect();
    if !squeezed.is_empty()
        && squeezed.iter().all(|&c| c == squeezed[0])
        && (matches!(squeezed[0], b'=' | b'-') || (squeezed.len() >= 3 && squeezed[0] == b'_'))
    {
        insert = Some(0);
    } else if squeezed.contains(&b'|')
        && squeezed.contains(&b'-')
        && squeezed.iter().all(|&c| matches!(c, b'|' | b'-' | b':'))
    {
        insert = line.find('-');
    } else {
        match at(0) {
            Some(b'#') => {
                let hashes = b.iter().take_while(|&&c| c == b'#').count();
                if hashes <= 6 && ends_marker(hashes) {
                    insert = Some(0);
                }
            }
            Some(b'>') => insert = Some(0),
            Some(b'-' | b'+' | b'*') if ends_marker(1) => insert = Some(0),
            Some(b'0'..=b'9') => {
                let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
                if digits <= 9 && matches!(at(digits), Some(b'.' | b')')) && ends_marker(digits + 1)
                {
                    insert = Some(digits);
                }
            }
            Some(b'[') => {
                // A link reference definition: `[label]: dest`.
                let mut i = 1;
                while i < b.len() {
                    match b[i] {
                        b'\\' => i += 1,
                        b']' => {
                            if at(i + 1) == Some(b':') {
                                insert = Some(0);
                            }
                            break;
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            _ => {}
        }
    }
    match insert {
        Some(i) => format!("{}\\{}", &line[..i], &line[i..]),
        None => line.to_string(),
    }
}

/// A heading's content: a trailing run of `#` after a space would be read as the closing
/// sequence, so it is escaped.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn heading_text(body: &str) -> String {
    let trimmed = body.trim_end_matches(&['#'][..]);
    if trimmed.len() < body.len() && (trimmed.is_empty() || trimmed.ends_with(' ')) {
        format!("{trimmed}\\{}", &body[trimmed.len()..])
    } else {
        body.to_string()
    }
}

// ---------------------------------------------------------------------------------------
// Front matter and file name

/// YAML front matter between `---` lines: title, author, site, published, url, language,
/// excerpt, image, word_count and exported. Every string is double-quoted with YAML escapes,
/// so the block is valid YAML whatever the page holds; absent values leave their key out.
/// `author` is a list when the byline names several people (separated by `, ` or ` and `),
/// a single string otherwise.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn front_matter(article: &crate::Article, url: Option<&str>, exported: &str) -> String {
    let mut out = String::from("---\n");
    yaml_field(&mut out, "title", Some(&article.title));
    let authors = split_authors(article.byline.as_deref().unwrap_or(""));
    if authors.len() == 1 {
        yaml_field(&mut out, "author", Some(&authors[0]));
    } else if authors.len() > 1 {
        out.push_str("author:\n");
        for a in &authors {
            out.push_str("  - ");
            out.push_str(&yaml_string(a));
            out.push('\n');
        }
    }
    yaml_field(&mut out, "site", article.site_name.as_deref());
    yaml_field(&mut out, "published", article.published.as_deref());
    yaml_field(&mut out, "url", url);
    yaml_field(&mut out, "language", article.lang.as_deref());
    yaml_field(&mut out, "excerpt", article.excerpt.as_deref());
    yaml_field(&mut out, "image", article.lead_image.as_deref());
    out.push_str(&format!("word_count: {}\n", article.word_count));
    yaml_field(&mut out, "exported", Some(exported));
    out.push_str("---\n");
    out
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn yaml_field(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&yaml_string(v));
        out.push('\n');
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn split_authors(byline: &str) -> Vec<String> {
    let mut authors = Vec::new();
    for part in byline.split(", ") {
        for a in part.split(" and ") {
            let a = a.trim();
            if !a.is_empty() {
                authors.push(a.to_string());
            }
        }
    }
    authors
}

/// A YAML double-quoted scalar holding exactly `s`.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn yaml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => {
                out.push_str(&format!("\\x{:02X}", c as u32))
            }
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A safe file name for the article: the title without characters that file systems
/// refuse (`<>:"/\|?*`, controls), without leading or trailing dots and spaces, at most 120
/// bytes, never a Windows device name, with `.md` appended; `article.md` when nothing is left.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn file_name(title: &str) -> String {
    let mut name = String::new();
    for c in title.chars() {
        let bad = c.is_control() || c.is_whitespace() || "<>:\"/\\|?*".contains(c);
        name.push(if bad { ' ' } else { c });
    }
    let mut name = fold(&name);
    let trim =
        |s: &str| crate::extract::patterns::trim_by(s, &|c| c == '.' || c == ' ').to_string();
    name = trim(&name);
    if name.len() > 120 {
        let mut cut = 120;
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        name.truncate(cut);
        name = trim(&name);
    }
    if name.is_empty() {
        return "article.md".to_string();
    }
    let stem = name
        .split('.')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && matches!(stem.as_bytes()[3], b'1'..=b'9'));
    if reserved {
        name.insert(0, '_');
    }
    name.push_str(".md");
    name
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::dom::html::parse_html;

    fn md(html: &str) -> String {
        let doc = parse_html(&format!("<body>{html}</body>"), None);
        let (clean, root) = crate::render::html::sanitize(
            &doc,
            doc.body().unwrap(),
            Some("https://example.com/a/"),
        );
        to_markdown(&clean, root)
    }

    #[test]
    fn prose_stays_clean() {
        let p = "It's 5 p.m. — 3 * 4 = 12, C# and 1990s.";
        assert_eq!(md(&format!("<p>{p}</p>")), format!("{p}\n"));
    }

    #[test]
    fn headings_paragraphs_and_emphasis() {
        assert_eq!(
            md("<h2>Title #</h2><p>a <em>b </em>c<strong>d</strong>e</p>"),
            "## Title \\#\n\na *b* c**d**e\n"
        );
    }

    #[test]
    fn emphasis_that_cannot_flank_becomes_html() {
        assert_eq!(md("<p>a<em>\"b\"</em>c</p>"), "a<em>\"b\"</em>c\n");
        assert_eq!(
            md("<p><em>a</em><strong>b</strong></p>"),
            "*a*<strong>b</strong>\n"
        );
        assert_eq!(md("<p><em>a</em><em>b</em></p>"), "*ab*\n");
    }

    #[test]
    fn lists_nest_at_the_content_column() {
        assert_eq!(
            md("<ol start=9><li>a<ul><li>b</li></ul></li><li>c</li></ol>"),
            "9. a\n   - b\n10. c\n"
        );
    }

    #[test]
    fn code_fences_and_spans() {
        assert_eq!(
            md("<pre class=\"language-rust\"><code>a ``` b\n</code></pre><p><code>x`y</code></p>"),
            "````rust\na ``` b\n````\n\n``x`y``\n"
        );
        assert_eq!(code_span("`a"), "`` `a ``");
    }

    #[test]
    fn line_starts_are_escaped() {
        assert_eq!(fix_line_start("# a"), "\\# a");
        assert_eq!(fix_line_start("#hash"), "#hash");
        assert_eq!(fix_line_start("1. a"), "1\\. a");
        assert_eq!(fix_line_start("- a"), "\\- a");
        assert_eq!(fix_line_start("---"), "\\---");
        assert_eq!(fix_line_start("|-|-|"), "|\\-|-|");
        assert_eq!(fix_line_start("[a]: b"), "\\[a]: b");
    }

    #[test]
    fn yaml_strings_escape_everything_dangerous() {
        assert_eq!(
            yaml_string("a\"b\\c\n\u{1}\u{2028}"),
            "\"a\\\"b\\\\c\\n\\x01\\u2028\""
        );
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name("A: b/c?"), "A b c.md");
        assert_eq!(file_name(" ..CON.. "), "_CON.md");
        assert_eq!(file_name("com1.txt"), "_com1.txt.md");
        assert_eq!(file_name("..."), "article.md");
        let long = "é".repeat(100);
        let f = file_name(&long);
        assert!(f.len() <= 123 && f.ends_with(".md"));
    }
}
