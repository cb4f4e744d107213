//! The wasm adapter: the only module that knows about JavaScript. It builds Lector's tree from
//! the page as `extension/shared/page-tree.js` writes it and hands results back as plain JS
//! objects.
//!
//! The boundary is coarse on purpose: JavaScript walks the DOM (where reading a node costs
//! little) and calls [`extract`] once per click with the whole page in two values, a number
//! array and one string; the wasm never reaches back into the DOM node by node.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::dom::live::{self, LiveMark, Signal};
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

/// What the content script measured on the rendered page: for each element, its position in
/// document order from `<html>` (index 0, not descending into `<noscript>` or `<template>`),
/// its tag, id and class, as `collectSignals` in `extension/content/signals.js` writes them.
#[derive(Deserialize, Default)]
struct Signals {
    /// Elements not rendered (`display: none`, `visibility: hidden`), in document order.
    #[serde(default)]
    hidden: Vec<(u32, String, String, String)>,
    /// Elements with `position: fixed` or `sticky`, in document order.
    #[serde(default)]
    fixed: Vec<(u32, String, String, String)>,
}

fn marks(raw: &[(u32, String, String, String)]) -> Vec<LiveMark> {
    raw.iter()
        .map(|(index, tag, id, class)| LiveMark {
            index: *index,
            tag: tag.to_ascii_lowercase(),
            id: id.clone(),
            class: class.clone(),
        })
        .collect()
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
/// * `signals`: `{hidden, fixed}` from the content script, or `null`.
/// * `markdown`: also write the Markdown export (`markdownDocument`, `markdownFileName`). The
///   reader view shows the HTML and asks for the export only when the reader wants it.
///
/// Returns the article object, or `null` when the page has no article.
#[wasm_bindgen]
pub fn extract(
    tree: &[u32],
    strings: &str,
    url: &str,
    signals: JsValue,
    markdown: Option<bool>,
) -> Result<JsValue, JsError> {
    let signals: Signals = if signals.is_null() || signals.is_undefined() {
        Signals::default()
    } else {
        serde_wasm_bindgen::from_value(signals)
            .map_err(|e| JsError::new(&format!("bad page signals: {e}")))?
    };
    #[cfg(feature = "test-trap")]
    test_trap(url);
    let doc = build_tree(tree, strings, url, &signals).map_err(|e| JsError::new(&e))?;
    let Some(mut found) = crate::extract_tree(doc) else {
        return Ok(JsValue::NULL);
    };
    let mut export = None;
    if markdown == Some(true) {
        found.article.markdown = found.markdown();
        let today: String = js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default()
            .chars()
            .take(10)
            .collect();
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
    to_js(&ReaderArticle {
        article: &found.article,
        markdown_document,
        markdown_file_name,
    })
}

/// The article as the extension receives it: the engine's fields plus, when asked for, the
/// Markdown export.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReaderArticle<'a> {
    #[serde(flatten)]
    article: &'a crate::Article,
    #[serde(skip_serializing_if = "Option::is_none")]
    markdown_document: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    markdown_file_name: Option<String>,
}

/// The cheap check: does the page (as for [`extract`]) look like it holds an article?
#[wasm_bindgen(js_name = isProbablyReaderable)]
pub fn is_probably_readerable(tree: &[u32], strings: &str, url: &str) -> Result<bool, JsError> {
    let doc = build_tree(tree, strings, url, &Signals::default()).map_err(|e| JsError::new(&e))?;
    Ok(crate::is_probably_readerable(&doc))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot return the article: {e}")))
}

/// Record kinds of the page tree (see `extension/shared/page-tree.js`).
const END: u32 = 0;
const ELEMENT: u32 = 1;
const TEXT: u32 = 2;
const NOSCRIPT: u32 = 3;

/// Reads the strings of the page tree in order, each given by its length in UTF-16 code
/// units (JavaScript's), from their UTF-8 concatenation.
struct Strings<'a> {
    rest: &'a str,
}

impl<'a> Strings<'a> {
    fn take(&mut self, units: u32) -> Result<&'a str, String> {
        let mut counted = 0u32;
        let mut bytes = 0;
        for c in self.rest.chars() {
            if counted >= units {
                break;
            }
            counted += c.len_utf16() as u32;
            bytes += c.len_utf8();
        }
        if counted != units {
            return Err("page tree: its strings end early".into());
        }
        let (s, rest) = self.rest.split_at(bytes);
        self.rest = rest;
        Ok(s)
    }
}

/// Builds Lector's tree from the page tree, then marks the elements the signals name.
fn build_tree(
    tree: &[u32],
    strings: &str,
    url: &str,
    signals: &Signals,
) -> Result<Document, String> {
    let mut doc = Document::new();
    doc.url = Some(url.to_string()).filter(|u| !u.is_empty());
    let mut strings = Strings { rest: strings };
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
    let elements = live::elements_in_order(&doc);
    live::apply(&mut doc, &elements, &marks(&signals.hidden), Signal::Hidden);
    live::apply(&mut doc, &elements, &marks(&signals.fixed), Signal::Fixed);
    Ok(doc)
}
