//! Streamed server rendering (React's `renderToPipeableStream` and the frameworks built on it)
//! sends a page's slow parts late: each arrives at the end of the body in a hidden
//! `<div hidden id="S:n">`, and a small inline script moves it to where a `<template>` marker
//! holds its place, replacing a "Loading…" fallback. A page read without running its scripts
//! (a saved page, the CLI) still has the article parked at the end, hidden. This module does
//! what those scripts do, so the article is read in its place and order.
//!
//! The scripts call `$RC("B:x", "S:y")` (a suspense boundary: the fallback after
//! `<template id="B:x">` goes) and `$RS("S:y", "P:x")` (a plain segment for
//! `<template id="P:x">`). When the calls were stripped with the scripts, the ids pair by
//! number, which is how the renderer assigns them in the common case. Ids are hexadecimal
//! (`S:9`, then `S:a`).

use super::lookup;
use crate::dom::{Document, NodeData, NodeId};

/// A fallback longer than this is not a placeholder ("Loading…", a skeleton box): left alone
/// when no comment marks where the fallback ends.
const MAX_FALLBACK_TEXT: usize = 40;

/// Moves every streamed segment under `body` to its place marker.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn place_streamed_segments(doc: &mut Document, body: NodeId) {
    let segments: Vec<(NodeId, String)> = doc
        .descendants(body)
        .filter(|&n| doc.is(n, "div") && doc.attr(n, "hidden").is_some())
        .filter_map(|n| {
            let id = doc.attr(n, "id")?;
            id.strip_prefix("S:")
                .filter(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_hexdigit()))
                .map(|_| (n, id.to_string()))
        })
        .collect();
    if segments.is_empty() {
        return;
    }
    // Marker id → marker and segment id → marker id, the first of each id kept. Lists, not
    // hash maps: a page has a few of each, and it keeps hash table code out of the wasm.
    let mut markers: Vec<(String, NodeId)> = Vec::new();
    let mut calls: Vec<(String, String)> = Vec::new();
    for n in doc.descendants(body) {
        match doc.tag(n) {
            Some("template") => {
                if let Some(id) = doc.attr(n, "id").filter(|id| is_marker_id(id)) {
                    if lookup(&markers, id).is_none() {
                        markers.push((id.to_string(), n));
                    }
                }
            }
            Some("script") => {
                let text = doc.text_content(n);
                read_calls(&text, &mut calls);
            }
            _ => {}
        }
    }
    for (segment, id) in segments {
        let number = &id[2..];
        let target = lookup(&calls, &id)
            .cloned()
            .or_else(|| Some(format!("P:{number}")).filter(|p| lookup(&markers, p).is_some()))
            .unwrap_or_else(|| format!("B:{number}"));
        let Some(&marker) = lookup(&markers, &target) else {
            continue;
        };
        if doc.contains(segment, marker) || !doc.contains(body, marker) {
            continue;
        }
        if target.starts_with("B:") {
            remove_fallback(doc, marker);
        }
        for child in doc.children(segment) {
            doc.detach(child);
            doc.insert_before(marker, child);
        }
        doc.detach(marker);
        doc.detach(segment);
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn is_marker_id(id: &str) -> bool {
    (id.starts_with("B:") || id.starts_with("P:"))
        && id.len() > 2
        && id[2..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// Reads the `$RC("B:x","S:y")` and `$RS("S:y","P:x")` calls in a script, as segment id →
/// marker id.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn read_calls(script: &str, calls: &mut Vec<(String, String)>) {
    for (name, segment_first) in [("$RC(", false), ("$RS(", true)] {
        let mut rest = script;
        while let Some(at) = rest.find(name) {
            rest = &rest[at + name.len()..];
            // `"a","b"`: split on quotes, the pieces are "", a, ",", b.
            let mut pieces = rest.split('"');
            let (Some(open), Some(a), Some(comma), Some(b)) =
                (pieces.next(), pieces.next(), pieces.next(), pieces.next())
            else {
                break;
            };
            if !open.trim().is_empty() || comma.trim() != "," {
                continue;
            }
            let (segment, marker) = if segment_first { (a, b) } else { (b, a) };
            if segment.starts_with("S:") && is_marker_id(marker) && lookup(calls, segment).is_none()
            {
                calls.push((segment.to_string(), marker.to_string()));
            }
        }
    }
}

/// Removes the fallback shown in a boundary's place: the nodes after its marker up to the
/// comment that closes the boundary, or, when the page's comments are gone, one short
/// placeholder element.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn remove_fallback(doc: &mut Document, marker: NodeId) {
    let mut fallback = Vec::new();
    let mut cur = doc.next_sibling(marker);
    while let Some(n) = cur {
        if matches!(doc.data(n), NodeData::Comment) {
            for n in fallback {
                doc.detach(n);
            }
            return;
        }
        fallback.push(n);
        cur = doc.next_sibling(n);
    }
    let next_element = doc.next_sibling(marker).and_then(|n| match doc.data(n) {
        NodeData::Text(t) if t.trim().is_empty() => doc.next_sibling(n),
        _ => Some(n),
    });
    if let Some(n) = next_element.filter(|&n| doc.tag(n).is_some_and(|t| t != "template")) {
        let short = doc.text_content(n).trim().chars().count() <= MAX_FALLBACK_TEXT;
        let media = doc
            .descendants(n)
            .any(|d| matches!(doc.tag(d), Some("img" | "picture" | "video" | "figure")));
        if short && !media {
            doc.detach(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::html::parse_html;

    fn placed(html: &str) -> String {
        let mut doc = parse_html(html, None);
        let body = doc.body().unwrap();
        place_streamed_segments(&mut doc, body);
        doc.inner_text(body)
    }

    #[test]
    fn boundary_with_comments_and_calls_replaces_its_fallback() {
        let text = placed(
            r#"<main><h1>T</h1><!--$?--><template id="B:0"></template><p>Loading…</p><!--/$--><p>End</p></main>
            <div hidden id="S:0"><p>First paragraph.</p></div>
            <script>$RC("B:0","S:0")</script>"#,
        );
        let first = text.find("First paragraph.").unwrap();
        assert!(!text.contains("Loading"), "{text}");
        assert!(text.find('T').unwrap() < first && first < text.find("End").unwrap());
    }

    #[test]
    fn calls_pair_ids_that_differ() {
        let text = placed(
            r#"<p>A</p><template id="B:0"></template><div>Loading</div><!--/$--><p>B</p><template id="B:1"></template><div>Loading</div><!--/$--><p>C</p>
            <div hidden id="S:1">one</div><div hidden id="S:0">zero</div>
            <script>$RC("B:1","S:0");$RC("B:0","S:1")</script>"#,
        );
        let (one, zero) = (text.find("one").unwrap(), text.find("zero").unwrap());
        assert!(text.find('A').unwrap() < one && one < text.find('B').unwrap());
        assert!(text.find('B').unwrap() < zero && zero < text.find('C').unwrap());
    }

    #[test]
    fn without_scripts_or_comments_ids_pair_by_number_and_short_placeholders_go() {
        let text = placed(
            r#"<div><template id="B:0"></template><div>Loading paragraph...</div><template id="P:1"></template><div class="box">A definition that is real content and long enough to stay here.</div></div>
            <div hidden id="S:0"><p>Streamed text.</p></div><div hidden id="S:1"><p>Segment.</p></div>"#,
        );
        assert!(!text.contains("Loading"), "{text}");
        assert!(text.contains("A definition that is real content"), "{text}");
        assert!(text.find("Streamed text.").unwrap() < text.find("Segment.").unwrap());
        assert!(text.find("Segment.").unwrap() < text.find("A definition").unwrap());
    }

    #[test]
    fn ids_past_nine_are_hexadecimal() {
        // The renderer numbers segments and boundaries in hexadecimal: the eleventh is `S:a`.
        let text = placed(
            r#"<main><template id="B:a"></template><div>Loading</div><!--/$--><p>End</p></main>
            <div hidden id="S:1c"><p>Streamed description.</p></div>
            <script>$RC("B:a","S:1c")</script>"#,
        );
        assert!(!text.contains("Loading"), "{text}");
        assert!(text.find("Streamed description.").unwrap() < text.find("End").unwrap());
    }

    #[test]
    fn hidden_divs_with_other_ids_and_missing_markers_stay() {
        let html = r#"<p>x</p><div hidden id="S:x">a</div><div hidden id="S:3">b</div>"#;
        let mut doc = parse_html(html, None);
        let body = doc.body().unwrap();
        let before = doc.len();
        place_streamed_segments(&mut doc, body);
        assert_eq!(
            doc.inner_text(body),
            parse_html(html, None).inner_text(body)
        );
        assert_eq!(doc.len(), before);
    }
}
