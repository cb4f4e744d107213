//! Plain text: paragraphs separated by blank lines, list items on their own lines.

use crate::dom::{split_white, Document, NodeId};

use super::Step;

/// Elements that start and end a paragraph of text.
const BLOCKS: crate::extract::patterns::Words = crate::extract::patterns::words![
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "details",
    "summary",
    "caption",
    "address",
];

/// Renders the subtree of `root` as plain text.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn to_text(doc: &Document, root: NodeId) -> String {
    let mut w = Writer::default();
    let mut stack = vec![Step::Enter(root)];
    let mut in_pre = 0usize;
    // The next number of each open `ol`, counted as its items come (each item counting
    // the ones before it took the square of a long list's length).
    let mut ordinals: Vec<usize> = Vec::new();
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(n) => {
                if let Some(t) = doc.text(n) {
                    w.text(t, in_pre > 0);
                    continue;
                }
                let Some(tag) = doc.tag(n) else { continue };
                if matches!(tag, "script" | "style" | "noscript" | "template") {
                    continue;
                }
                match tag {
                    "br" => w.line_break(),
                    "li" => {
                        w.break_at_least(1);
                        w.prefix = Some(match doc.parent(n).and_then(|p| doc.tag(p)) {
                            // The open `ol` nearest is the item's own: nested lists are
                            // left before its next item.
                            Some("ol") => {
                                let next = ordinals.last_mut().expect("inside its ol");
                                *next += 1;
                                format!("{}. ", *next - 1)
                            }
                            _ => "- ".to_string(),
                        });
                    }
                    "td" | "th" => w.text(" ", false),
                    t if BLOCKS.contains(t) => w.break_at_least(2),
                    _ => {}
                }
                if tag == "pre" {
                    in_pre += 1;
                }
                if tag == "ol" {
                    ordinals.push(first_ordinal(doc, n));
                }
                stack.push(Step::Leave(n));
                let mut c = doc.last_child(n);
                while let Some(ch) = c {
                    stack.push(Step::Enter(ch));
                    c = doc.prev_sibling(ch);
                }
            }
            Step::Leave(n) => match doc.tag(n) {
                Some("li") => w.break_at_least(1),
                Some("ol") => _ = ordinals.pop(),
                Some("pre") => {
                    in_pre -= 1;
                    w.break_at_least(2);
                }
                Some(t) if BLOCKS.contains(t) => w.break_at_least(2),
                _ => {}
            },
        }
    }
    w.out.trim_end().to_string()
}

/// The number of the first item of `ol`: its `start`, else 1.
fn first_ordinal(doc: &Document, ol: NodeId) -> usize {
    doc.attr(ol, "start")
        .and_then(|s| s.trim().parse::<usize>().ok())
        .unwrap_or(1)
}

#[derive(Default)]
struct Writer {
    out: String,
    /// Newlines owed before the next text.
    pending: usize,
    /// A space is owed before the next word on this line.
    space: bool,
    /// Marker for the next line ("- ", "2. ").
    prefix: Option<String>,
}

impl Writer {
    fn break_at_least(&mut self, n: usize) {
        if !self.out.is_empty() {
            self.pending = self.pending.max(n);
        }
        self.space = false;
    }

    fn line_break(&mut self) {
        self.break_at_least(1);
    }

    fn start_text(&mut self) {
        if self.pending > 0 && !self.out.is_empty() {
            for _ in 0..self.pending {
                self.out.push('\n');
            }
        }
        self.pending = 0;
        if let Some(p) = self.prefix.take() {
            self.out.push_str(&p);
            self.space = false;
        }
    }

    /// Writes a text node's text: whitespace folded to one space between words, none at
    /// the start of a line. The words are split by `dom::split_white` (ASCII byte by byte),
    /// and only the first can open a line.
    fn text(&mut self, t: &str, preformatted: bool) {
        if preformatted {
            if t.is_empty() {
                return;
            }
            self.start_text();
            self.out.push_str(t);
            return;
        }
        // Whitespace alone (the indentation between tags, most text nodes) owes a space:
        // found byte by byte, without splitting.
        if t.bytes().all(|b| b == b' ' || (b'\t'..=b'\r').contains(&b)) {
            self.space |= !t.is_empty();
            return;
        }
        self.space |= t.starts_with(char::is_whitespace);
        #[cfg(not(target_arch = "wasm32"))]
        if t.is_ascii() {
            self.ascii_words(t);
            self.space = t.ends_with(char::is_whitespace);
            return;
        }
        for (i, word) in split_white(t).enumerate() {
            if i == 0 {
                self.start_words();
            } else {
                self.out.push(' ');
            }
            self.out.push_str(word);
        }
        self.space = t.ends_with(char::is_whitespace);
    }

    /// Opens a text's first word: the line's start, and the space owed before it unless the
    /// word starts a line.
    fn start_words(&mut self) {
        let at_line_start = self.pending > 0
            || self.out.is_empty()
            || self.out.ends_with('\n')
            || self.prefix.is_some();
        self.start_text();
        if self.space && !at_line_start {
            self.out.push(' ');
        }
    }

    /// The words of ASCII text `t` (not all whitespace) written as [`Writer::text`] writes
    /// them, one space between each two, with the runs whose words are already one space
    /// apart copied whole (native only: the wasm's size budget is tight).
    #[cfg(not(target_arch = "wasm32"))]
    fn ascii_words(&mut self, t: &str) {
        let white = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
        let b = t.as_bytes();
        let start = b.iter().position(|&c| !white(c)).unwrap_or(b.len());
        let end = b.iter().rposition(|&c| !white(c)).map_or(start, |e| e + 1);
        self.start_words();
        let (mut run, mut i) = (start, start);
        while i < end {
            if !white(b[i]) {
                i += 1;
            } else if b[i] == b' ' && !white(b[i + 1]) {
                // One space between words, as written: part of the run.
                i += 1;
            } else {
                self.out.push_str(&t[run..i]);
                self.out.push(' ');
                while white(b[i]) {
                    i += 1;
                }
                run = i;
            }
        }
        self.out.push_str(&t[run..end]);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::dom::html::parse_html;

    #[test]
    fn blocks_lists_and_breaks_become_lines() {
        let doc = parse_html("<body><h2>Head</h2><p>One  <b>two</b>\nthree</p><ol start=3><li>a</li><li>b</li></ol><p>x<br>y</p><pre>  keep\n  this</pre></body>", None);
        let body = doc.body().unwrap();
        assert_eq!(
            super::to_text(&doc, body),
            "Head\n\nOne two three\n\n3. a\n4. b\n\nx\ny\n\n  keep\n  this"
        );
    }

    #[test]
    fn an_ordered_lists_items_are_numbered_past_nested_lists_and_other_children() {
        let doc = parse_html(
            "<body><ol><li>a<ol start=7><li>x</li><li>y</li></ol></li><script></script>\
             <li>b<ul><li>z</li></ul></li><li>c</li></ol></body>",
            None,
        );
        assert_eq!(
            super::to_text(&doc, doc.body().unwrap()),
            "1. a\n\n7. x\n8. y\n2. b\n\n- z\n\n3. c"
        );
    }

    #[test]
    fn a_texts_words_are_one_space_apart_however_spaced() {
        for t in [
            "a",
            "a b",
            "  a  b\tc\n d ",
            "one two,  three\r\n\x0cfour",
            "x \t y",
        ] {
            let doc = parse_html(&format!("<body><p>{t}</p></body>"), None);
            let words: Vec<&str> = t.split_whitespace().collect();
            assert_eq!(
                super::to_text(&doc, doc.body().unwrap()),
                words.join(" "),
                "{t:?}"
            );
        }
    }

    #[test]
    fn whitespace_between_and_around_texts_is_one_space() {
        let doc = parse_html("<body><p>One<b> two </b>three\u{a0}four <i>five</i>six\t\n<em> </em>seven</p><ul><li> eight</li><li>nine </li></ul></body>", None);
        let body = doc.body().unwrap();
        assert_eq!(
            super::to_text(&doc, body),
            "One two three four fivesix seven\n\n- eight\n- nine"
        );
    }
}
