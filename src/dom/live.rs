//! Live-page signals laid onto a tree: which elements the browser did not render and which
//! are fixed or sticky overlays.
//!
//! The content script names elements by their position in document order. On the live page
//! that position is exact. A re-parsed copy (the offscreen route) can differ where scripts
//! built a DOM that HTML parsing would not produce (nested links, blocks inside `<p>`,
//! elements inside tables), so each mark also carries the element's tag, id and class, and a
//! mark applies only to an element that looks the same, searched near its expected position.

use super::{Document, LiveFlags, NodeId};

/// The strings the content script sends, read in order from their UTF-8 concatenation, each
/// given by its length in UTF-16 code units (JavaScript's lengths).
pub struct Utf16Strings<'a> {
    rest: &'a str,
}

impl<'a> Utf16Strings<'a> {
    /// Reads from the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Utf16Strings { rest: text }
    }

    /// The next string, `units` UTF-16 code units long.
    pub fn take(&mut self, units: u32) -> Result<&'a str, String> {
        let units = units as usize;
        let bytes = self.rest.as_bytes();
        // Most strings are ASCII, a byte per unit, which `is_ascii` checks a word at a time;
        // the byte after an ASCII byte starts a character.
        let end = if bytes.len() >= units && bytes[..units].is_ascii() {
            units
        } else {
            self.end_of(units)?
        };
        let (s, rest) = self.rest.split_at(end);
        self.rest = rest;
        Ok(s)
    }

    /// Where the string of `units` UTF-16 code units ends, counted character by character.
    fn end_of(&self, units: usize) -> Result<usize, String> {
        let mut counted = 0;
        let mut bytes = 0;
        for c in self.rest.chars() {
            if counted >= units {
                break;
            }
            counted += c.len_utf16();
            bytes += c.len_utf8();
        }
        if counted != units {
            return Err("page tree: its strings end early".into());
        }
        Ok(bytes)
    }
}

/// How far from its expected position a mark is looked for.
const WINDOW: i64 = 64;

/// One element the content script measured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveMark {
    /// Position among elements in document order (`<html>` is 0).
    pub index: u32,
    /// Lowercase tag name.
    pub tag: String,
    /// The `id` attribute, or empty.
    pub id: String,
    /// The `class` attribute, or empty.
    pub class: String,
}

/// What a mark says about its element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// Not rendered.
    Hidden,
    /// `position: fixed` or `sticky`.
    Fixed,
}

/// The elements of `doc` in the order the content script counts them: document order from
/// `<html>`, not descending into `<noscript>` or `<template>`.
pub fn elements_in_order(doc: &Document) -> Vec<NodeId> {
    let Some(html) = doc.document_element() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut cur = Some(html);
    while let Some(n) = cur {
        let skip = matches!(doc.tag(n), Some("noscript" | "template"));
        if doc.tag(n).is_some() {
            out.push(n);
        }
        cur = doc.next_in(html, n, skip);
    }
    out
}

/// Sets `signal` on the element each mark names. Returns how many marks found their element.
pub fn apply(doc: &mut Document, elements: &[NodeId], marks: &[LiveMark], signal: Signal) -> usize {
    let mut shift: i64 = 0; // how far the copy's positions run from the live page's
    let mut applied = 0;
    for mark in marks {
        let expected = i64::from(mark.index) + shift;
        let found = (0..=WINDOW).find_map(|d| {
            [expected + d, expected - d].into_iter().find(|&p| {
                p >= 0
                    && (p as usize) < elements.len()
                    && looks_the_same(doc, elements[p as usize], mark)
            })
        });
        let Some(p) = found else { continue };
        shift = p - i64::from(mark.index);
        let node = elements[p as usize];
        let mut flags: LiveFlags = doc.flags(node);
        match signal {
            Signal::Hidden => flags.hidden = true,
            Signal::Fixed => flags.fixed = true,
        }
        doc.set_flags(node, flags);
        applied += 1;
    }
    applied
}

fn looks_the_same(doc: &Document, n: NodeId, mark: &LiveMark) -> bool {
    doc.tag(n) == Some(mark.tag.as_str())
        && doc.attr(n, "id").unwrap_or("") == mark.id
        && doc.attr(n, "class").unwrap_or("") == mark.class
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::dom::html::parse_html;

    fn mark(doc: &Document, elements: &[NodeId], index: usize) -> LiveMark {
        let n = elements[index];
        LiveMark {
            index: index as u32,
            tag: doc.tag(n).unwrap().to_string(),
            id: doc.attr(n, "id").unwrap_or("").to_string(),
            class: doc.attr(n, "class").unwrap_or("").to_string(),
        }
    }

    #[test]
    fn marks_apply_by_position_on_the_same_tree() {
        let mut doc = parse_html(
            "<body><div class=a></div><noscript><p>x</p></noscript><div class=b></div></body>",
            None,
        );
        let elements = elements_in_order(&doc);
        let names: Vec<_> = elements.iter().map(|&n| doc.tag(n).unwrap()).collect();
        assert_eq!(names, ["html", "head", "body", "div", "noscript", "div"]);
        let m = mark(&doc, &elements, 5);
        assert_eq!(apply(&mut doc, &elements, &[m], Signal::Hidden), 1);
        assert!(doc.flags(elements[5]).hidden && !doc.flags(elements[3]).hidden);
    }

    #[test]
    fn marks_find_their_element_when_the_copy_shifted() {
        // The live page had one element fewer before the marked ones (a copy re-parsed from a
        // script-built DOM can gain elements, e.g. by the adoption agency on nested links).
        let live = parse_html("<body><div id=x><span>a</span></div><p class=ad>ad</p><p>text</p><aside class=modal>m</aside></body>", None);
        let live_elements = elements_in_order(&live);
        let marks = vec![
            mark(&live, &live_elements, 5),
            mark(&live, &live_elements, 7),
        ];
        let mut copy = parse_html("<body><div id=x><span>a</span><b>extra</b></div><p class=ad>ad</p><p>text</p><aside class=modal>m</aside></body>", None);
        let elements = elements_in_order(&copy);
        assert_eq!(apply(&mut copy, &elements, &marks, Signal::Fixed), 2);
        let flagged: Vec<_> = elements
            .iter()
            .filter(|&&n| copy.flags(n).fixed)
            .map(|&n| copy.attr(n, "class").unwrap())
            .collect();
        assert_eq!(flagged, ["ad", "modal"]);
    }

    #[test]
    fn a_mark_without_a_lookalike_is_dropped_not_misapplied() {
        let mut doc = parse_html("<body><p>one</p><p>two</p></body>", None);
        let elements = elements_in_order(&doc);
        let wrong = LiveMark {
            index: 3,
            tag: "div".into(),
            id: String::new(),
            class: "gone".into(),
        };
        assert_eq!(apply(&mut doc, &elements, &[wrong], Signal::Hidden), 0);
        assert!(elements.iter().all(|&n| !doc.flags(n).hidden));
    }

    #[test]
    fn strings_are_taken_by_their_utf16_lengths() {
        // "é" is one unit and two bytes, "😀" two units (a surrogate pair) and four bytes.
        let mut strings = Utf16Strings::new("abcé😀xyz😀");
        assert_eq!(strings.take(2), Ok("ab"));
        assert_eq!(strings.take(0), Ok(""));
        assert_eq!(strings.take(4), Ok("cé😀"));
        assert_eq!(strings.take(3), Ok("xyz"));
        // Half a surrogate pair is no string's end, and neither is the end of the text.
        assert!(strings.take(1).is_err());
        assert_eq!(strings.take(2), Ok("😀"));
        assert!(strings.take(1).is_err());
    }
}
