//! The wasm adapter: the only module that knows about JavaScript. It builds Lector's tree from
//! the page as `extension/shared/page-tree.js` writes it and hands results back as plain JS
//! objects.
//!
//! The boundary is coarse on purpose: JavaScript walks the DOM (where reading a node costs
//! little) and calls [`extract`] once per click with the whole page in two values, a number
//! array and one string; the wasm never reaches back into the DOM node by node.

use wasm_bindgen::prelude::*;

/// Talc in place of the standard library's dlmalloc: smaller (about 3 KB less of the gzipped
/// engine) and faster, made for single-threaded wasm.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use crate::dom::live::{self, LiveMark, Signal, Utf16Strings};
use crate::dom::{Document, NodeId};

/// Installs the panic hook: a panic becomes a JavaScript exception carrying its message,
/// thrown out of the engine call. The shell catches it at the boundary, reports it once and
/// replaces the engine instance, whose state the unwound call left unusable.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        wasm_bindgen::throw_str(&format!("Lector engine panic: {info}"))
    }));
}

/// Test builds only: the page's address can ask for a panic or a trap (see Cargo.toml).
#[cfg(feature = "test-trap")]
fn test_trap(url: &str) {
    if url.contains("lector-test-panic") {
        panic!("test panic requested by the page address");
    }
    if url.contains("lector-test-trap") {
        core::arch::wasm32::unreachable();
    }
}

/// What the content script measured on the rendered page: elements not rendered and elements
/// fixed or sticky, each by its position in document order from `<html>` (index 0, not
/// descending into `<noscript>` or `<template>`), its tag, id and class, as `collectSignals`
/// in `extension/content/signals.js` finds them and `lectorSignalMarks` in
/// `extension/shared/page-tree.js` writes them: records of five numbers (list: 0 hidden,
/// 1 fixed; index; tag, id and class lengths in UTF-16 units) and one string. Numbers and one
/// string rather than a JS object, so that no deserializer (and its error formatting) is in
/// the wasm.
#[derive(Default)]
struct Signals {
    hidden: Vec<LiveMark>,
    fixed: Vec<LiveMark>,
}

fn read_signals(marks: &[u32], text: &str) -> Result<Signals, String> {
    let mut signals = Signals::default();
    let mut strings = Utf16Strings::new(text);
    for record in marks.chunks(5) {
        let [list, index, tag, id, class] = record else {
            return Err("page signals: a record ends early".into());
        };
        let mark = LiveMark {
            index: *index,
            tag: strings.take(*tag)?.to_ascii_lowercase(),
            id: strings.take(*id)?.to_string(),
            class: strings.take(*class)?.to_string(),
        };
        match list {
            0 => signals.hidden.push(mark),
            1 => signals.fixed.push(mark),
            _ => return Err("page signals: an unknown list".into()),
        }
    }
    Ok(signals)
}

#[wasm_bindgen]
extern "C" {
    /// JavaScript's `Date`, for today's date in the Markdown export (js-sys has it too, but
    /// brings code of its own into the wasm).
    type Date;
    #[wasm_bindgen(constructor)]
    fn new() -> Date;
    #[wasm_bindgen(method, js_name = toISOString)]
    fn to_iso_string(this: &Date) -> String;
}

/// The engine's version, for the popup and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Extracts the article of a page.
///
/// * `tree`, `strings`: the page as `lectorPageTree` in `extension/shared/page-tree.js`
///   writes it (the live page, or a parsed copy on the offscreen route).
/// * `url`: the page's address, used to resolve relative links.
/// * `marks`, `mark_text`: the live page's signals (see [`Signals`]); empty when none.
/// * `markdown`: also write the Markdown export (`markdownDocument`, `markdownFileName`). The
///   reader view shows the HTML and asks for the export only when the reader wants it.
///
/// Returns the article as JSON (the shell parses it), or `undefined` when the page has no
/// article. JSON rather than a JS object built field by field keeps a serializer for JS
/// values out of the wasm (see [`crate::render::json`]). With the Markdown export, the
/// article also holds `markdownDocument` and `markdownFileName`.
#[wasm_bindgen]
pub fn extract(
    tree: &[u32],
    strings: &str,
    url: &str,
    marks: &[u32],
    mark_text: &str,
    markdown: Option<bool>,
) -> Option<String> {
    let signals = or_throw(read_signals(marks, mark_text));
    #[cfg(feature = "test-trap")]
    test_trap(url);
    let doc = or_throw(build_tree(tree, strings, url, &signals));
    let mut found = crate::extract_tree(doc)?;
    let mut export = None;
    if markdown == Some(true) {
        found.article.markdown = found.markdown();
        let mut today = Date::new().to_iso_string();
        // The date part: the first ten characters.
        if let Some((end, _)) = today.char_indices().nth(10) {
            today.truncate(end);
        }
        let page = Some(url).filter(|u| !u.is_empty());
        let document = crate::render::markdown::document(&found.article, page, &today);
        export = Some((
            document,
            crate::render::markdown::file_name(&found.article.title),
        ));
        // The body is in the document; the shell reads only the document.
        found.article.markdown.clear();
    }
    let (markdown_document, markdown_file_name) = export.unzip();
    Some(crate::render::json::article(
        &found.article,
        &[
            ("markdownDocument", markdown_document.as_deref()),
            ("markdownFileName", markdown_file_name.as_deref()),
        ],
    ))
}

/// The cheap check: does the page (as for [`extract`]) look like it holds an article?
#[wasm_bindgen(js_name = isProbablyReaderable)]
pub fn is_probably_readerable(tree: &[u32], strings: &str, url: &str) -> bool {
    let doc = or_throw(build_tree(tree, strings, url, &Signals::default()));
    crate::is_probably_readerable(&doc)
}

/// The value, or a JavaScript `Error` with the message thrown out of the call, as a `JsError`
/// result would be, without its glue and its slot in wasm-bindgen's table of JS values. What
/// the call had allocated stays allocated: the shell replaces an instance that threw.
fn or_throw<T>(result: Result<T, String>) -> T {
    result.unwrap_or_else(|e| wasm_bindgen::throw_str(&e))
}

/// Record kinds of the page tree (see `extension/shared/page-tree.js`).
const END: u32 = 0;
const ELEMENT: u32 = 1;
const TEXT: u32 = 2;
const NOSCRIPT: u32 = 3;

/// Builds Lector's tree from the page tree, then marks the elements the signals name.
fn build_tree(
    tree: &[u32],
    strings: &str,
    url: &str,
    signals: &Signals,
) -> Result<Document, String> {
    let mut doc = Document::new();
    doc.url = Some(url.to_string()).filter(|u| !u.is_empty());
    let mut strings = Utf16Strings::new(strings);
    let mut records = tree.iter().copied();
    let mut next = || records.next().ok_or("page tree: a record ends early");
    // The open elements; the document stays at the bottom.
    let mut open = vec![NodeId::DOCUMENT];
    let mut kind = next().ok();
    while let Some(k) = kind {
        let parent = *open.last().unwrap_or(&NodeId::DOCUMENT);
        match k {
            END => {
                if open.len() > 1 {
                    open.pop();
                }
            }
            ELEMENT => {
                let name = strings.take(next()?)?;
                let count = next()?;
                let mut attrs = Vec::with_capacity(count.min(64) as usize);
                for _ in 0..count {
                    let (key, value) = (next()?, next()?);
                    let key = strings.take(key)?.to_ascii_lowercase();
                    attrs.push((key, strings.take(value)?.to_string()));
                }
                let id = doc.create_element(name, attrs);
                // A script can nest the live DOM deeper than any parser would.
                doc.append_capped(parent, id);
                open.push(id);
            }
            TEXT => doc.append_text_capped(parent, strings.take(next()?)?),
            NOSCRIPT => {
                let markup = strings.take(next()?)?;
                if !markup.trim().is_empty() {
                    doc.append_text(parent, markup);
                }
            }
            other => return Err(format!("page tree: unknown record {other}")),
        }
        kind = next().ok();
    }
    // The walk left this code out already; the engine's rule holds whoever built the tree.
    doc.forget_unread_code();
    let elements = live::elements_in_order(&doc);
    live::apply(&mut doc, &elements, &signals.hidden, Signal::Hidden);
    live::apply(&mut doc, &elements, &signals.fixed, Signal::Fixed);
    Ok(doc)
}
