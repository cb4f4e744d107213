//! Cleaning inside the chosen article: share bars, prompts, link lists, image strips and
//! other blocks that sit within the text but are not part of it.

use crate::dom::{fold_whitespace, Document, NodeId};

use super::patterns::{self, PROMPT_PHRASES, SHARE};
use super::prepare::{match_string, remove_where};
use super::score::class_weight;
use super::stats::TextStats;
use super::Flags;

/// Cleans the article container in place. `title` is the headline shown above the text.
pub fn clean_article(doc: &mut Document, article: NodeId, flags: Flags, title: Option<&str>) {
    remove_matching(doc, article, |doc, n, stats| {
        stats.get(n).text < 500 && patterns::matches(SHARE, &match_string(doc, n))
    });
    remove_matching(doc, article, |doc, n, _| {
        matches!(
            doc.tag(n),
            Some("footer" | "aside" | "form" | "fieldset" | "nav")
        ) && !doc
            .descendants(n)
            .any(|d| doc.is(d, "p") && doc.inner_text(d).len() > 200)
    });
    remove_matching(doc, article, is_prompt);
    remove_matching(doc, article, |doc, n, _| {
        matches!(doc.tag(n), Some("h1" | "h2")) && class_weight(doc, n, flags) < 0.0
    });
    if flags.clean_conditionally {
        clean_conditionally(doc, article, flags);
    }
    remove_article_headers(doc, article);
    if let Some(title) = title {
        remove_title_heading(doc, article, title);
    }
    remove_matching(doc, article, |doc, n, stats| {
        doc.is(n, "p") && stats.get(n).text == 0 && !super::prepare::has_media(doc, n)
    });
}

/// Removes every element under `root` (root excluded) for which `pred` holds, judged with
/// text measures taken once before the pass.
fn remove_matching(
    doc: &mut Document,
    root: NodeId,
    pred: impl Fn(&Document, NodeId, &TextStats) -> bool,
) {
    let stats = TextStats::measure(doc, root);
    remove_where(doc, root, |doc, n| {
        doc.tag(n).is_some() && pred(doc, n, &stats)
    });
}

/// A short block that asks the reader to subscribe, sign up or log in.
fn is_prompt(doc: &Document, n: NodeId, stats: &TextStats) -> bool {
    let len = stats.get(n).text;
    if len == 0
        || len > 300
        || !matches!(doc.tag(n), Some("p" | "div" | "section" | "aside" | "ul"))
    {
        return false;
    }
    let text = fold_whitespace(&doc.text_content(n)).to_lowercase();
    PROMPT_PHRASES.iter().any(|p| text.contains(p))
}

/// Readability-style conditional cleaning of blocks whose shape says "not text": many
/// images per paragraph, more list items than paragraphs, form fields, link lists.
fn clean_conditionally(doc: &mut Document, article: NodeId, flags: Flags) {
    let mut stats = TextStats::measure(doc, article);
    let mut blocks: Vec<NodeId> = doc
        .descendants(article)
        .filter(|&n| {
            n != article
                && matches!(
                    doc.tag(n),
                    Some("table" | "ul" | "ol" | "div" | "section" | "dl")
                )
        })
        .collect();
    // Innermost first: a bad inner block goes before its container is judged.
    blocks.reverse();
    for n in blocks {
        if doc.parent(n).is_none() || !doc.contains(article, n) {
            continue;
        }
        if should_remove(doc, n, &stats, flags) {
            stats.remove_subtree(doc, article, n);
            doc.detach(n);
        }
    }
}

fn should_remove(doc: &Document, n: NodeId, stats: &TextStats, flags: Flags) -> bool {
    let tag = doc.tag(n).unwrap_or("");
    if tag == "table" && is_data_table(doc, n) {
        return false;
    }
    if doc.ancestor_named(n, "code", 0).is_some() || doc.ancestor_named(n, "pre", 0).is_some() {
        return false;
    }
    if let Some(t) = doc.ancestor_named(n, "table", 0) {
        if is_data_table(doc, t) {
            return false;
        }
    }
    let weight = class_weight(doc, n, flags);
    if weight < 0.0 {
        return true;
    }
    let s = stats.get(n);
    if s.commas >= 10 {
        return false;
    }
    let p = f64::from(s.paragraphs);
    let img = f64::from(s.images);
    let li = f64::from(s.list_items) - 100.0;
    let inputs = f64::from(s.inputs);
    let headings = s.heading_text;
    let len = s.text;
    let heading_density = if len == 0 {
        0.0
    } else {
        f64::from(headings) / f64::from(len)
    };
    let ld = stats.link_density(n);
    let is_list = matches!(tag, "ul" | "ol" | "dl");
    let in_figure = doc.ancestor_named(n, "figure", 0).is_some() || tag == "figure";

    (img > 1.0 && p / img < 0.5 && !in_figure)
        || (!is_list && li > p)
        || (inputs > (p / 3.0).floor())
        || (!is_list && heading_density < 0.9 && len < 25 && (img == 0.0 || img > 2.0) && ld > 0.0)
        || (weight < 25.0 && ld > 0.2 && !(is_list && ld < 0.5 && len > 200))
        || (weight >= 25.0 && ld > 0.5)
        || (is_list && ld > 0.8 && len < 600)
}

/// True for tables of data (headers, captions, many cells), false for layout tables.
pub fn is_data_table(doc: &Document, t: NodeId) -> bool {
    if doc.attr(t, "role") == Some("presentation") || doc.attr(t, "datatable") == Some("0") {
        return false;
    }
    if doc.attr(t, "summary").is_some() {
        return true;
    }
    if let Some(c) = doc.find_all(t, "caption").first() {
        if !doc.inner_text(*c).is_empty() {
            return true;
        }
    }
    if ["col", "colgroup", "tfoot", "thead", "th"]
        .iter()
        .any(|tag| !doc.find_all(t, tag).is_empty())
    {
        return true;
    }
    if !doc.find_all(t, "table").is_empty() {
        return false;
    }
    let rows = doc.find_all(t, "tr");
    let cols = rows
        .iter()
        .map(|&r| doc.element_children(r).len())
        .max()
        .unwrap_or(0);
    rows.len() >= 10 || cols > 4 || rows.len() * cols > 10
}

/// The headline is shown above the article; drop its copy at the top of the text.
fn remove_title_heading(doc: &mut Document, article: NodeId, title: &str) {
    let title = fold_whitespace(title).to_lowercase();
    let heading = doc
        .descendants(article)
        .filter(|&n| matches!(doc.tag(n), Some("h1" | "h2")))
        .take(2)
        .find(|&h| doc.inner_text(h).to_lowercase() == title);
    if let Some(h) = heading {
        doc.detach(h);
    }
}

/// The article's own header block (section link, headline, byline, date) repeats what the
/// reader view's header shows. It comes before the first real paragraph, holds no paragraph of
/// its own, and carries a headline, a `<time>` or a byline. Its pictures stay, the rest goes.
fn remove_article_headers(doc: &mut Document, article: NodeId) {
    let stats = TextStats::measure(doc, article);
    let mut headers = Vec::new();
    for n in doc.descendants(article) {
        if doc.is(n, "p") && stats.get(n).text >= 80 {
            break; // the text has started
        }
        if n == article
            || !matches!(doc.tag(n), Some("header" | "div" | "section" | "hgroup"))
            || stats.get(n).text >= 400
        {
            continue;
        }
        let holds_text = doc
            .descendants(n)
            .any(|d| doc.is(d, "p") && stats.get(d).text >= 80);
        let announces = doc.is(n, "header")
            || doc.descendants(n).skip(1).any(|d| {
                matches!(doc.tag(d), Some("h1" | "time"))
                    || (doc.tag(d).is_some()
                        && patterns::matches(super::patterns::BYLINE, &match_string(doc, d)))
                    || doc.attr(d, "rel") == Some("author")
            });
        // The smallest such block would be just the byline; take the outermost one.
        if !holds_text && announces && !headers.iter().any(|&h| doc.contains(h, n)) {
            headers.push(n);
        }
    }
    for h in headers {
        let media: Vec<NodeId> = doc
            .descendants(h)
            .filter(|&d| {
                matches!(doc.tag(d), Some("figure" | "picture"))
                    || (doc.is(d, "img")
                        && doc.ancestor_named(d, "figure", 0).is_none()
                        && doc.ancestor_named(d, "picture", 0).is_none())
            })
            .collect();
        for m in media {
            doc.insert_before(h, m);
        }
        doc.detach(h);
    }
}
