//! The cheap readerable check: does the page hold enough paragraph-like text to be worth a
//! reader view? Runs on the page as it is, without the full extraction.

use crate::dom::{Document, NodeId};

use super::patterns::{self, MAYBE_CANDIDATE, UNLIKELY};
use super::prepare::match_string;
use super::stats::folded_len;

/// Paragraphs shorter than this do not count.
const MIN_CONTENT_LENGTH: u32 = 140;
/// Sum of `sqrt(length - MIN_CONTENT_LENGTH)` above which a page is readerable.
const MIN_SCORE: f64 = 20.0;

/// True when the page probably holds an article.
pub fn is_probably_readerable(doc: &Document) -> bool {
    let Some(body) = doc.body() else { return false };
    let mut score = 0.0;
    let mut cur = Some(body);
    while let Some(n) = cur {
        let Some(tag) = doc.tag(n) else {
            cur = doc.next_in(body, n, false);
            continue;
        };
        let ms = match_string(doc, n);
        let skip = doc.flags(n).hidden
            || doc.attr(n, "hidden").is_some()
            || matches!(
                tag,
                "script" | "style" | "noscript" | "template" | "nav" | "aside" | "footer"
            )
            || (patterns::matches(UNLIKELY, &ms) && !patterns::matches(MAYBE_CANDIDATE, &ms));
        if skip && n != body {
            cur = doc.next_in(body, n, true);
            continue;
        }
        let counts = matches!(tag, "p" | "pre")
            || (tag == "div" && doc.element_children(n).iter().any(|&c| doc.is(c, "br")));
        if counts && !(tag == "p" && doc.parent(n).is_some_and(|p| doc.is(p, "li"))) {
            let len = text_len(doc, n);
            if len >= MIN_CONTENT_LENGTH {
                score += f64::from(len - MIN_CONTENT_LENGTH).sqrt();
                if score > MIN_SCORE {
                    return true;
                }
            }
            // Counted as a whole: its inner paragraphs would count twice.
            cur = doc.next_in(body, n, true);
            continue;
        }
        cur = doc.next_in(body, n, false);
    }
    false
}

fn text_len(doc: &Document, n: NodeId) -> u32 {
    doc.descendants(n)
        .filter_map(|d| doc.text(d))
        .map(folded_len)
        .sum()
}
