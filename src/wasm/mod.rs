//! The wasm adapter: the only module that knows about JavaScript. It copies the browser's
//! DOM into Lector's tree in one walk and hands results back as plain JS objects.
//!
//! The boundary is coarse on purpose: JavaScript calls [`extract`] once per click; the walk
//! over the page happens here, not as thousands of calls from the JS side.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

/// Extracts the article of `document`.
///
/// * `url`: the page's address, used to resolve relative links.
/// * `signals`: `{hidden: number[], fixed: number[]}` from the content script, or `null`.
/// * `live`: true when `document` is the rendered page, whose `a.href` and `img.currentSrc`
///   the browser has already resolved; false for a parsed copy (the offscreen route).
///
/// Returns the article object, or `null` when the page has no article.
#[wasm_bindgen]
pub fn extract(
    document: &web_sys::Document,
    url: &str,
    signals: JsValue,
    live: bool,
) -> Result<JsValue, JsError> {
    let signals: Signals = if signals.is_null() || signals.is_undefined() {
        Signals::default()
    } else {
        serde_wasm_bindgen::from_value(signals)
            .map_err(|e| JsError::new(&format!("bad page signals: {e}")))?
    };
    #[cfg(feature = "test-trap")]
    test_trap(url);
    let doc = build_tree(document, url, &signals, live);
    let Some(article) = crate::extract_owned(doc) else {
        return Ok(JsValue::NULL);
    };
    // The export is prepared with the article: the reader's buttons, the context menu and
    // the shortcut then need no second trip to the engine.
    let today: String = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
        .chars()
        .take(10)
        .collect();
    let markdown_document =
        crate::render::markdown::document(&article, Some(url).filter(|u| !u.is_empty()), &today);
    let markdown_file_name = crate::render::markdown::file_name(&article.title);
    to_js(&ReaderArticle {
        article: &article,
        markdown_document,
        markdown_file_name,
    })
}

/// The article as the extension receives it: the engine's fields plus the Markdown export.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReaderArticle<'a> {
    #[serde(flatten)]
    article: &'a crate::Article,
    markdown_document: String,
    markdown_file_name: String,
}

/// The cheap check: does the page look like it holds an article?
#[wasm_bindgen(js_name = isProbablyReaderable)]
pub fn is_probably_readerable(document: &web_sys::Document, url: &str) -> bool {
    crate::is_probably_readerable(&build_tree(document, url, &Signals::default(), true))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot return the article: {e}")))
}

const ELEMENT_NODE: u16 = 1;
const TEXT_NODE: u16 = 3;
const CDATA_SECTION_NODE: u16 = 4;

/// Copies the DOM under `<html>` into a [`Document`], iteratively, as rendered: open shadow
/// roots in place of their hosts' light children.
fn build_tree(web: &web_sys::Document, url: &str, signals: &Signals, live: bool) -> Document {
    let mut doc = Document::new();
    doc.url = Some(url.to_string()).filter(|u| !u.is_empty());
    let Some(html) = web.document_element() else {
        return doc;
    };
    let mut stack: Vec<(web_sys::Node, NodeId)> = vec![(html.into(), NodeId::DOCUMENT)];
    while let Some((node, parent)) = stack.pop() {
        match node.node_type() {
            ELEMENT_NODE => {
                let el: &web_sys::Element = node.unchecked_ref();
                let name = el.local_name();
                // The tree is walked as the browser renders it (the flat tree): a <slot> is
                // not an element of its own but stands for what it shows, its assigned nodes
                // or else its fallback children. signals.js counts elements the same way.
                if let Some(slot) = el.dyn_ref::<web_sys::HtmlSlotElement>() {
                    let options = web_sys::AssignedNodesOptions::new();
                    options.set_flatten(true);
                    let assigned = slot.assigned_nodes_with_options(&options);
                    if assigned.length() == 0 {
                        push_children(&mut stack, &node, parent);
                    } else {
                        for i in (0..assigned.length()).rev() {
                            stack.push((assigned.get(i).unchecked_into(), parent));
                        }
                    }
                    continue;
                }
                let id = doc.create_element(&name, attributes(el, &name, live));
                // A script can nest the live DOM deeper than any parser would.
                doc.append_capped(parent, id);
                // noscript holds markup as text on a live page but elements in a parsed copy;
                // either way its markup becomes one text child (as html5ever gives it), which
                // the engine reads for fallback images. Template contents are not children.
                // Neither is walked as elements, on either route.
                if name == "noscript" {
                    let markup = el.inner_html();
                    if !markup.trim().is_empty() {
                        doc.append_text(id, &markup);
                    }
                    continue;
                }
                if name == "template" {
                    continue;
                }
                // An open shadow root replaces the light children, which show only where a
                // slot of the shadow tree takes them in.
                match el.shadow_root() {
                    Some(root) => push_children(&mut stack, &root, id),
                    None => push_children(&mut stack, &node, id),
                }
            }
            TEXT_NODE | CDATA_SECTION_NODE => {
                if let Some(text) = node.node_value() {
                    doc.append_text_capped(parent, &text);
                }
            }
            _ => {}
        }
    }
    let elements = live::elements_in_order(&doc);
    live::apply(&mut doc, &elements, &marks(&signals.hidden), Signal::Hidden);
    live::apply(&mut doc, &elements, &marks(&signals.fixed), Signal::Fixed);
    doc
}

/// Queues the children of `node` under `parent`, so that they pop in document order.
fn push_children(stack: &mut Vec<(web_sys::Node, NodeId)>, node: &web_sys::Node, parent: NodeId) {
    let mut child = node.last_child();
    while let Some(c) = child {
        child = c.previous_sibling();
        stack.push((c, parent));
    }
}

/// The element's attributes; on the live page links and images take the URLs the browser
/// resolved (and the `srcset` candidate it chose).
fn attributes(el: &web_sys::Element, name: &str, live: bool) -> Vec<(String, String)> {
    let map = el.attributes();
    let mut attrs = Vec::with_capacity(map.length() as usize);
    for i in 0..map.length() {
        if let Some(a) = map.item(i) {
            attrs.push((a.name().to_ascii_lowercase(), a.value()));
        }
    }
    if live {
        let resolved = match name {
            "a" => el
                .dyn_ref::<web_sys::HtmlAnchorElement>()
                .map(|a| ("href", a.href())),
            "img" => el
                .dyn_ref::<web_sys::HtmlImageElement>()
                .map(|i| ("src", i.current_src())),
            _ => None,
        };
        if let Some((key, value)) = resolved.filter(|(_, v)| !v.is_empty()) {
            match attrs.iter_mut().find(|(k, _)| k == key) {
                Some(slot) => slot.1 = value,
                None => attrs.push((key.to_string(), value)),
            }
        }
    }
    attrs
}
