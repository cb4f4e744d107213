//! The cheap readerable check: does the page hold enough paragraph-like text to be worth a
//! reader view? Runs on the page as it is, without the full extraction.

use crate::dom::{Document, NodeId};

use super::patterns::{self, MAYBE_CANDIDATE};
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
            patterns::is_unlikely_name(ms, false) && !patterns::matches(MAYBE_CANDIDATE, ms)
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

/// The paragraph's length in characters, Chinese, Japanese and Korean ones counted three
/// times: such a character carries about as much as three letters or more (a Chinese word is
/// one or two of them), and a paragraph of a news story in Chinese is often under 140.
fn text_len(doc: &Document, n: NodeId) -> u32 {
    let len = doc.text_len(n);
    if len >= MIN_CONTENT_LENGTH || len * 3 < MIN_CONTENT_LENGTH {
        return len;
    }
    let dense = doc.text_content(n).chars().filter(|&c| is_cjk(c)).count() as u32;
    len + 2 * dense
}

/// Kana, CJK ideographs and Hangul syllables.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}')
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
    fn chinese_paragraphs_count_for_their_weight_and_style_sheets_not_at_all() {
        // Eight paragraphs of 60 characters: a short news story in Chinese, a few lines in English.
        let story = |sentence: &str| {
            let p = format!("<p>{}</p>", sentence.repeat(60 / sentence.chars().count()));
            parse_html(&format!("<body><article>{}</article>", p.repeat(8)), None)
        };
        assert!(is_probably_readerable(&story(
            "研究人员表示这项技术可以回答问题。"
        )));
        assert!(!is_probably_readerable(&story("Some words.")));
        // A style sheet inside a paragraph is code, not text (Readability.js counts it).
        let styled = format!(
            "<body><p>Short.<style>{}</style></p>",
            ".a { color: red } ".repeat(200)
        );
        assert!(!is_probably_readerable(&parse_html(&styled, None)));
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
