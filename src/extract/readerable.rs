//! The cheap readerable check: does the page hold enough paragraph-like text to be worth a
//! reader view? Runs on the page as it is, without the full extraction.

use crate::dom::{Document, NodeId};

use super::patterns::{self, MAYBE_CANDIDATE, UNLIKELY};
use super::prepare::match_string;

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
        let hidden = doc.flags(n).hidden
            || doc.attr(n, "hidden").is_some()
            || matches!(tag, "script" | "style" | "noscript" | "template");
        if hidden && n != body {
            cur = doc.next_in(body, n, true);
            continue;
        }
        // Like Readability.js: paragraphs, preformatted blocks, `<article>`s and `<div>`s of
        // text broken by `<br>`, each counted (an article and its paragraphs both count).
        let counts = matches!(tag, "p" | "pre" | "article")
            || (tag == "div" && doc.element_children(n).iter().any(|&c| doc.is(c, "br")));
        // As in Readability.js, names are judged on the block itself, not its ancestors: a
        // page whose whole body sits in a wrapper named "page-header-extra" still counts.
        // Judged only for blocks that would count: the names decide nothing else.
        let unlikely = || {
            let ms = match_string(doc, n);
            patterns::matches(UNLIKELY, ms) && !patterns::matches(MAYBE_CANDIDATE, ms)
        };
        if counts && !(tag == "p" && doc.parent(n).is_some_and(|p| doc.is(p, "li"))) && !unlikely()
        {
            let len = text_len(doc, n);
            if len >= MIN_CONTENT_LENGTH {
                score += f64::from(len - MIN_CONTENT_LENGTH).sqrt();
                if score > MIN_SCORE {
                    return true;
                }
            }
        }
        cur = doc.next_in(body, n, false);
    }
    false
}

fn text_len(doc: &Document, n: NodeId) -> u32 {
    doc.descendants(n).map(|d| doc.text_measure(d).len).sum()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::dom::html::parse_html;

    fn page(wrapper_class: &str, paragraphs: usize) -> Document {
        let p = "<p>".to_string() + &"A sentence of an article that goes on. ".repeat(6) + "</p>";
        parse_html(
            &format!(
                "<body><div class=\"{wrapper_class}\">{}</div>",
                p.repeat(paragraphs)
            ),
            None,
        )
    }

    #[test]
    fn paragraphs_count_whatever_their_wrapper_is_called() {
        assert!(is_probably_readerable(&page("site-extra-wrapper", 6)));
        assert!(!is_probably_readerable(&page("site-extra-wrapper", 1)));
    }

    #[test]
    fn hidden_and_unlikely_blocks_do_not_count() {
        let p = "<p>".to_string() + &"A sentence of an article that goes on. ".repeat(6) + "</p>";
        let doc = parse_html(
            &format!(
                "<body><div hidden>{}</div>{}",
                p.repeat(6),
                p.replace("<p>", "<p class=\"sidebar\">").repeat(6)
            ),
            None,
        );
        assert!(!is_probably_readerable(&doc));
    }
}
