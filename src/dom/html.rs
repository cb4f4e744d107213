//! Native builder: HTML bytes → [`Document`] through html5ever, decoding the page's charset.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{parse_document, Attribute, ExpandedName, LocalName, ParseOpts, QualName};

use super::{element_kind, trim, AttrValue, Document, Name, NodeId, KIND_ELEMENT};

/// Most elements the parser keeps open one inside another. html5ever checks the stack of
/// open elements for most start tags, so a page that never closes its tags costs time in the
/// square of its depth: 5,000 levels take about a quarter of a second, 100,000 several minutes.
/// Real pages stay far below (a few hundred levels at worst, from unclosed tags).
pub const MAX_OPEN_ELEMENTS: u32 = 5_000;

/// Bytes of HTML per node of the tree, at the dense end of real pages (for sizing the arena).
const NODE_BYTES_ESTIMATE: usize = 32;

/// Slots of the sink's table of element names ([`ArenaSink::shared_name`]).
const NAME_SLOTS: usize = 64;

/// Slots of the sink's table of [`known`]'s answers ([`ArenaSink::known_of`]).
const KNOWN_SLOTS: usize = 128;

/// The parser feeds html5ever this many bytes at a time, checking the limits in between.
const CHUNK_BYTES: usize = 8 * 1024;

/// Why a page could not be parsed in full.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// The page nests elements deeper than [`MAX_OPEN_ELEMENTS`] (tags left open, or a
    /// hostile page); parsing stopped at that depth.
    TooDeep {
        /// The limit that was reached.
        limit: u32,
        /// How far into the page (in bytes) parsing stopped.
        at_byte: usize,
    },
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::TooDeep { limit, at_byte } => write!(
                f,
                "the page nests elements more than {limit} levels deep (at byte {at_byte}); \
                 Lector stops reading pages nested that deeply"
            ),
        }
    }
}

impl std::error::Error for ParseError {}

/// Parses HTML text into a [`Document`]. `url` is where the page came from, if known.
///
/// It parses as a browser with scripts on does (`<noscript>` holds raw text). A saved page
/// whose text is nearly all inside `<noscript>` is an app's copy for readers without scripts
/// (forums and single-page apps serve one): a browser would run the app and show that text,
/// so here the page is parsed again with scripts off and that `<noscript>` becomes a `<div>`.
/// A page past a parsing limit ([`MAX_OPEN_ELEMENTS`]) yields the part read before the
/// limit; [`try_parse_html`] reports that instead.
pub fn parse_html(html: &str, url: Option<&str>) -> Document {
    parse_within_limits(html, url).0
}

/// Parses HTML text into a [`Document`], or says which limit the page went past.
pub fn try_parse_html(html: &str, url: Option<&str>) -> Result<Document, ParseError> {
    match parse_within_limits(html, url) {
        (doc, None) => Ok(doc),
        (_, Some(e)) => Err(e),
    }
}

fn parse_within_limits(html: &str, url: Option<&str>) -> (Document, Option<ParseError>) {
    let (mut doc, error, noscript) = parse_chunked(html, true);
    if error.is_none() && noscript && noscript_may_hold_the_page(&doc) {
        let (mut plain, plain_error, _) = parse_chunked(html, false);
        if plain_error.is_none() && reveal_noscript_page(&mut plain) {
            doc = plain;
        }
    }
    doc.forget_unread_code();
    doc.url = url.map(str::to_string);
    (doc, error)
}

/// The page parsed, the limit it went past if any, and whether it has a `<noscript>`.
fn parse_chunked(html: &str, scripting_enabled: bool) -> (Document, Option<ParseError>, bool) {
    let sink = ArenaSink::default();
    // Pages hold a node per 30 to 100 bytes: room made at once spares most of the copies
    // of a growing arena.
    let estimate = html.len() / NODE_BYTES_ESTIMATE;
    sink.doc.borrow_mut().reserve(estimate);
    sink.open_depth.borrow_mut().reserve(estimate);
    let open_depth = sink.max_open_depth.clone();
    let noscript = sink.noscript.clone();
    let mut opts = ParseOpts::default();
    opts.tree_builder.scripting_enabled = scripting_enabled;
    let mut parser = parse_document(sink, opts);
    let mut error = None;
    let mut start = 0;
    while start < html.len() {
        let mut end = (start + CHUNK_BYTES).min(html.len());
        while !html.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&html[start..end]));
        start = end;
        if open_depth.get() > MAX_OPEN_ELEMENTS {
            error = Some(ParseError::TooDeep {
                limit: MAX_OPEN_ELEMENTS,
                at_byte: start,
            });
            break;
        }
    }
    (parser.finish(), error, noscript.get())
}

/// Below this much text a `<noscript>` is a notice or a tracking pixel, not a page.
const NOSCRIPT_PAGE_TEXT: usize = 1000;

/// Text length under `root`, leaving out the subtrees of the tags in `skip`.
fn text_len_outside(doc: &Document, root: NodeId, skip: &[&str]) -> usize {
    let mut len = 0;
    let mut cur = Some(root);
    while let Some(n) = cur {
        if n != root && doc.tag(n).is_some_and(|t| skip.contains(&t)) {
            cur = doc.next_in(root, n, true);
            continue;
        }
        if let Some(t) = doc.text(n) {
            len += trim(t).len();
        }
        cur = doc.next_in(root, n, false);
    }
    len
}

const NOT_TEXT: &[&str] = &["script", "style", "template", "noscript"];

/// Cheap test on the page parsed with scripts on: a `<noscript>`'s raw markup dwarfs the
/// page's visible text.
fn noscript_may_hold_the_page(doc: &Document) -> bool {
    let Some(body) = doc.body() else { return false };
    let biggest = doc
        .find_all(body, "noscript")
        .into_iter()
        .map(|n| doc.text_content(n).len())
        .max()
        .unwrap_or(0);
    biggest > NOSCRIPT_PAGE_TEXT && biggest > 2 * text_len_outside(doc, body, NOT_TEXT)
}

/// On the page parsed with scripts off: turns each `<noscript>` of the body that holds more
/// text than the rest of the page into a `<div>`. True when one did.
fn reveal_noscript_page(doc: &mut Document) -> bool {
    let Some(body) = doc.body() else { return false };
    let rest = text_len_outside(doc, body, NOT_TEXT);
    let mut revealed = false;
    for n in doc.find_all(body, "noscript") {
        let len = text_len_outside(doc, n, &["script", "style", "template"]);
        if len > NOSCRIPT_PAGE_TEXT && len > rest {
            doc.rename(n, "div");
            revealed = true;
        }
    }
    revealed
}

/// Decodes page bytes the way a browser would without HTTP headers: a byte-order mark first,
/// then a `<meta charset>` or `http-equiv` declaration in the first 1024 bytes, else UTF-8
/// (with Windows-1252 as the fallback when the bytes are not valid UTF-8). A file that is
/// UTF-8 twice over is decoded twice (see [`undo_double_utf8`]).
pub fn decode_html(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return decode_as(enc, &bytes[bom_len..]);
    }
    let enc = declared_charset(&bytes[..bytes.len().min(1024)])
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .map(|e| {
            if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
                encoding_rs::UTF_8
            } else {
                e
            }
        });
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    let enc = match enc {
        // Pages converted to UTF-8 often keep their old declaration; non-ASCII text that
        // happens to be valid UTF-8 is vanishingly rare in any legacy encoding.
        Some(_) if valid_utf8 && !bytes.is_ascii() => encoding_rs::UTF_8,
        Some(e) => e,
        None if valid_utf8 => encoding_rs::UTF_8,
        None => encoding_rs::WINDOWS_1252,
    };
    decode_as(enc, bytes)
}

fn decode_as(enc: &'static encoding_rs::Encoding, bytes: &[u8]) -> (String, &'static str) {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    let repaired = if enc == encoding_rs::UTF_8 {
        undo_double_utf8(&text)
    } else {
        None
    };
    (repaired.unwrap_or_else(|| text.into_owned()), enc.name())
}

/// The text of a page saved after its UTF-8 bytes were read as Windows-1252 or Latin-1 (a
/// crawler or an editor that took the wrong charset, then wrote the file back as UTF-8):
/// "itâ€™s cafÃ©" for "it’s café". Taken back to single bytes, every character of such
/// text forms a valid UTF-8 sequence again; text written that way on purpose practically
/// never does as a whole (one "é" before a space or a letter breaks it), which is ftfy's
/// rule applied to the whole file. An "Â", "Ã" or "â" must be among the leads (the leads of
/// Latin-1 letters and of punctuation, which every such Western page holds), so that a page
/// whose only non-ASCII text is one pair like "É®" is left alone. The browser would show the
/// mojibake of the saved file, but the site it was saved from showed the repaired text.
fn undo_double_utf8(text: &str) -> Option<String> {
    // The ASCII before the first other character maps to itself: skipped in blocks, which
    // the compiler checks many bytes at a time.
    let ascii = text
        .as_bytes()
        .chunks(64)
        .take_while(|block| block.is_ascii())
        .count()
        * 64;
    if ascii >= text.len() {
        return None;
    }
    // What Windows-1252 decodes bytes 0x80-0x9f to (the C1 controls for its five holes).
    let (high, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&CP1252_HIGH);
    let single_bytes = text[ascii..].chars().map(|c| match u8::try_from(c) {
        Ok(b) => Some(b),
        Err(_) => high.chars().position(|h| h == c).map(|i| 0x80 + i as u8),
    });
    // First a check that keeps nothing, with the continuation bytes each lead still needs:
    // text written that way on purpose fails at its first "é" before a space, so the check
    // mostly stops there, not at the end of the page.
    let mut needed = 0;
    for byte in single_bytes.clone() {
        needed = match (needed, byte?) {
            (0, 0..=0x7f) => 0,
            (0, 0xc2..=0xdf) => 1,
            (0, 0xe0..=0xef) => 2,
            (0, 0xf0..=0xf4) => 3,
            (1.., 0x80..=0xbf) => needed - 1,
            _ => return None,
        };
    }
    if !["Â", "Ã", "â"].iter().any(|lead| text.contains(lead)) {
        return None;
    }
    let mut bytes = text.as_bytes()[..ascii].to_vec();
    bytes.extend(single_bytes.flatten());
    String::from_utf8(bytes).ok()
}

/// The bytes 0x80-0x9f, which Windows-1252 decodes to punctuation where Latin-1 has controls.
const CP1252_HIGH: [u8; 32] = {
    let mut bytes = [0; 32];
    let mut i = 0;
    while i < 32 {
        bytes[i] = 0x80 + i as u8;
        i += 1;
    }
    bytes
};

/// Finds `charset=` inside a `<meta …>` tag of an ASCII-compatible prefix.
fn declared_charset(prefix: &[u8]) -> Option<String> {
    let text: String = prefix
        .iter()
        .map(|&b| (b as char).to_ascii_lowercase())
        .collect();
    let mut from = 0;
    while let Some(start) = text[from..].find("<meta") {
        let start = from + start;
        let end = text[start..].find('>').map_or(text.len(), |e| start + e);
        let tag = &text[start..end];
        if let Some(pos) = tag.find("charset") {
            let rest = tag[pos + "charset".len()..].trim_start();
            if let Some(rest) = rest.strip_prefix('=') {
                let value: String = rest
                    .trim_start()
                    .trim_start_matches(['"', '\''])
                    .chars()
                    .take_while(|c| !matches!(c, '"' | '\'' | ';' | ' ' | '/' | '>'))
                    .collect();
                if !value.is_empty() {
                    return Some(value);
                }
            }
        }
        from = end;
    }
    None
}

/// A tree-builder handle: the arena id plus the element's name, which html5ever borrows.
#[derive(Clone)]
struct Handle {
    id: NodeId,
    name: Rc<QualName>,
}

struct ArenaSink {
    doc: RefCell<Document>,
    /// How deep html5ever nests each element (by arena index), before the arena's own cap
    /// ([`super::MAX_TREE_DEPTH`]) flattens it: the depth of html5ever's open-element stack.
    open_depth: RefCell<Vec<u32>>,
    /// The deepest of those so far, watched between chunks of input.
    max_open_depth: Rc<Cell<u32>>,
    /// `<template>` element → the separate node holding its contents.
    templates: RefCell<HashMap<NodeId, Handle>>,
    no_name: Rc<QualName>,
    /// Element names already handed out, by a hash of the local name: most elements of a page
    /// share a few dozen names, so a handle shares the name instead of allocating its own.
    names: RefCell<[Option<Rc<QualName>>; NAME_SLOTS]>,
    /// [`known`]'s answers and the element kinds of the names met so far, by atom: the atom's
    /// bits and the answer ([`ArenaSink::known_of`]).
    known: RefCell<[(u64, Option<&'static str>, u16); KNOWN_SLOTS]>,
    /// Text html5ever appended to this parent in a row (it hands text over in pieces, line by
    /// line and around character references), kept here and written to the tree as one append
    /// before the sink's next call that reads or changes the tree ([`ArenaSink::flush_text`]).
    pending_parent: Cell<Option<NodeId>>,
    pending_text: RefCell<String>,
    /// The pending text is a style sheet's, which is never kept (see
    /// [`Document::is_unread_code`]): not gathered either.
    pending_is_style: Cell<bool>,
    /// Whether a `<noscript>` was made: the page is searched for one only then.
    noscript: Rc<Cell<bool>>,
}

impl Default for ArenaSink {
    fn default() -> Self {
        ArenaSink {
            doc: RefCell::new(Document::new()),
            open_depth: RefCell::default(),
            max_open_depth: Rc::default(),
            templates: RefCell::default(),
            no_name: Rc::new(QualName::new(None, "".into(), "".into())),
            names: RefCell::new(std::array::from_fn(|_| None)),
            known: RefCell::new([(0, None, 0); KNOWN_SLOTS]),
            pending_parent: Cell::new(None),
            pending_text: RefCell::default(),
            pending_is_style: Cell::new(false),
            noscript: Rc::default(),
        }
    }
}

impl ArenaSink {
    /// Writes the text appended since the last call to the tree, where the appends would have
    /// put it (nothing else changed the tree meanwhile).
    fn flush_text(&self) {
        if let Some(parent) = self.pending_parent.take() {
            let mut text = self.pending_text.borrow_mut();
            let mut doc = self.doc.borrow_mut();
            // Code the engine never reads is emptied after parsing: not kept at all.
            if !doc.is_unread_code(parent, &text) {
                doc.append_text_capped(parent, &text);
            }
            text.clear();
        }
    }

    /// `name` behind an `Rc`, shared with the elements before that had the same name (a
    /// slot per hash of the local name; a name meeting another in its slot takes the slot).
    fn shared_name(&self, name: QualName) -> Rc<QualName> {
        let hash = name.local.get_hash().wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let slot = &mut self.names.borrow_mut()[(hash >> 58) as usize % NAME_SLOTS];
        match slot {
            Some(shared) if **shared == name => shared.clone(),
            _ => slot.insert(Rc::new(name)).clone(),
        }
    }

    /// [`known`]'s answer for `local`, and the [`element_kind`] of an element so named (the
    /// unknown names' kind is read from their lowercase copy). Kept by atom: a page's names
    /// repeat, and a kept answer costs one compare, where `known` jumps on the length and
    /// compares the bytes. Only static and inline atoms are kept, whose bits are the name (a
    /// dynamic atom's are an address, which a later name may reuse).
    fn known_of(&self, local: &LocalName) -> (Option<&'static str>, u16) {
        let look = || {
            let name = known(local);
            (name, name.map_or(KIND_ELEMENT, element_kind))
        };
        if local.is_dynamic() {
            return look();
        }
        let key = local.unsafe_data();
        let mut slots = self.known.borrow_mut();
        let slot =
            &mut slots[(key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 57) as usize % KNOWN_SLOTS];
        if slot.0 != key {
            let (name, kind) = look();
            *slot = (key, name, kind);
        }
        (slot.1, slot.2)
    }

    /// The name html5ever gave, as a [`Name`]: a known name is not copied.
    fn known_name(&self, local: &LocalName) -> Name {
        match self.known_of(local).0 {
            Some(name) => Name::Static(name),
            // Not `to_string`, which goes through the formatter: this runs per attribute.
            None => Name::Owned(String::from(&**local)),
        }
    }

    /// [`known_name`](Self::known_name) for an element, and its kind: lowercase, as the tree
    /// keeps element names (html5ever spells some SVG names in camel case; the known names
    /// are all lowercase).
    fn element_name(&self, local: &LocalName) -> (Name, u16) {
        match self.known_of(local) {
            (Some(name), kind) => (Name::Static(name), kind),
            (None, _) => {
                let mut name = String::from(&**local);
                name.make_ascii_lowercase();
                let kind = element_kind(&name);
                (Name::Owned(name), kind)
            }
        }
    }

    /// The attributes as the tree keeps them. The values move over as they are; and since a
    /// `(Name, AttrValue)` is as large as an `Attribute`, the list is converted in its own
    /// allocation.
    fn convert_attrs(&self, attrs: Vec<Attribute>) -> Vec<(Name, AttrValue)> {
        attrs
            .into_iter()
            .map(|a| {
                let name = if a.name.prefix.is_some() {
                    Name::Owned(format!(
                        "{}:{}",
                        a.name.prefix.as_ref().map_or("", |p| p),
                        a.name.local
                    ))
                } else {
                    self.known_name(&a.name.local)
                };
                (name, a.value)
            })
            .collect()
    }

    fn handle(&self, id: NodeId) -> Handle {
        Handle {
            id,
            name: self.no_name.clone(),
        }
    }

    /// Records that `child` now sits (as html5ever sees it) `levels` below `anchor`.
    fn note_depth(&self, anchor: NodeId, child: NodeId, levels: u32) {
        let mut depths = self.open_depth.borrow_mut();
        let len = self.doc.borrow().len();
        if depths.len() < len {
            depths.resize(len, 0);
        }
        let depth = depths[anchor.index()] + levels;
        depths[child.index()] = depth;
        if depth > self.max_open_depth.get() {
            self.max_open_depth.set(depth);
        }
    }

    fn node_for(&self, child: NodeOrText<Handle>) -> NodeId {
        match child {
            NodeOrText::AppendNode(h) => h.id,
            NodeOrText::AppendText(t) => self.doc.borrow_mut().create_text(&t),
        }
    }
}

/// The names most elements and attributes of real pages carry, kept as static strings by the
/// tree instead of a copy per node.
macro_rules! known_names {
    ($($name:literal)*) => {
        fn known(name: &str) -> Option<&'static str> {
            match name {
                $($name => Some($name),)*
                _ => None,
            }
        }
    };
}

super::with_known_tags!(known_names
    // Attributes (`style` and `title` are tag names too).
    "action" "alt" "aria-hidden" "aria-label" "charset" "class" "colspan" "content" "d"
    "data-src" "datetime" "dir" "fill" "for" "height" "hidden" "href" "http-equiv" "id"
    "itemprop" "itemscope" "itemtype" "lang" "loading" "method" "name" "property" "rel" "role"
    "sizes" "src" "srcset" "tabindex" "target" "type" "value" "width" "xmlns"
);

impl TreeSink for ArenaSink {
    type Handle = Handle;
    type Output = Document;
    type ElemName<'a> = ExpandedName<'a>;

    fn finish(self) -> Document {
        self.flush_text();
        self.doc.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        self.handle(NodeId::DOCUMENT)
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> ExpandedName<'a> {
        target.name.expanded()
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        // Nodes keep their creation order: the text before this element is created first.
        self.flush_text();
        if name.local == html5ever::local_name!("noscript") {
            self.noscript.set(true);
        }
        let (tag, kind) = self.element_name(&name.local);
        let id = self
            .doc
            .borrow_mut()
            .create_element_of_kind(tag, self.convert_attrs(attrs), kind);
        if flags.template {
            let contents = self.doc.borrow_mut().create_comment();
            self.templates
                .borrow_mut()
                .insert(id, self.handle(contents));
        }
        Handle {
            id,
            name: self.shared_name(name),
        }
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        self.flush_text();
        let id = self.doc.borrow_mut().create_comment();
        self.handle(id)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        self.create_comment(StrTendril::new())
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        if let NodeOrText::AppendText(t) = &child {
            if self.pending_parent.get() != Some(parent.id) {
                self.flush_text();
                self.pending_parent.set(Some(parent.id));
                let doc = self.doc.borrow();
                self.pending_is_style
                    .set(doc.is(parent.id, "style") && doc.is_unread_code(parent.id, ""));
            }
            if !self.pending_is_style.get() {
                self.pending_text.borrow_mut().push_str(t);
            }
            return;
        }
        self.flush_text();
        let id = self.node_for(child);
        self.note_depth(parent.id, id, 1);
        self.doc.borrow_mut().append_capped(parent.id, id);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev: &Handle,
        child: NodeOrText<Handle>,
    ) {
        self.flush_text();
        let has_parent = self.doc.borrow().parent(element.id).is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        match self.templates.borrow().get(&target.id) {
            Some(h) => h.clone(),
            None => self.handle(target.id),
        }
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, child: NodeOrText<Handle>) {
        self.flush_text();
        if let NodeOrText::AppendText(t) = &child {
            let mut doc = self.doc.borrow_mut();
            if let Some(prev) = doc.prev_sibling(sibling.id) {
                if doc.push_text(prev, t) {
                    return;
                }
            }
        }
        let id = self.node_for(child);
        self.note_depth(sibling.id, id, 0);
        self.doc.borrow_mut().insert_before(sibling.id, id);
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        self.flush_text();
        self.doc
            .borrow_mut()
            .add_missing_attrs(target.id, self.convert_attrs(attrs));
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.flush_text();
        self.doc.borrow_mut().detach(target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.flush_text();
        self.doc
            .borrow_mut()
            .reparent_children(node.id, new_parent.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{NodeData, NodeId};

    #[test]
    fn a_page_served_inside_noscript_is_revealed_and_a_notice_is_not() {
        let post =
            "<p>A forum post with enough words to be a real thread of replies. </p>".repeat(30);
        let app = format!(
            "<body><div id=app></div><noscript><div class=topic>{post}</div></noscript><script>boot()</script>"
        );
        let doc = parse_html(&app, None);
        let body = doc.body().unwrap();
        assert!(doc.find_all(body, "noscript").is_empty());
        assert_eq!(doc.find_all(body, "p").len(), 30);

        let article = format!(
            "<body><article>{post}</article><noscript><p>Please enable JavaScript.</p></noscript>"
        );
        let doc = parse_html(&article, None);
        let noscript = doc.find_first("noscript").expect("kept as is");
        assert!(
            doc.find_all(noscript, "p").is_empty(),
            "raw text, as with scripts on"
        );
    }

    #[test]
    fn code_no_rule_reads_is_not_kept() {
        let doc = parse_html(
            r#"<head><style>p { color: red }</style><script>track()</script><script type="application/ld+json">{"a":1}</script></head><body><script>$RC("a","b")</script><p>x</p><svg><style>.c{}</style></svg></body>"#,
            None,
        );
        let texts: Vec<&str> = doc
            .descendants(NodeId::DOCUMENT)
            .filter_map(|n| doc.text(n))
            .collect();
        assert_eq!(texts, [r#"{"a":1}"#, r#"$RC("a","b")"#, "x"]);
        // The text left out was never made into nodes: every node made is in the tree.
        assert_eq!(doc.len(), doc.descendants(NodeId::DOCUMENT).count());
    }

    #[test]
    fn parses_into_arena_with_html_rules() {
        let doc = parse_html(
            "<title>T</title><p>One<p>Two <b>bold</b><table><td>cell</table>",
            None,
        );
        let body = doc.body().expect("body");
        let ps: Vec<_> = doc.find_all(body, "p");
        assert_eq!(ps.len(), 2, "the second <p> closes the first");
        assert_eq!(doc.inner_text(body), "OneTwo boldcell");
        assert!(doc.find_first("tbody").is_some(), "tbody is implied");
        assert!(matches!(
            doc.data(doc.find_first("title").unwrap()),
            NodeData::Element { .. }
        ));
    }

    #[test]
    fn text_in_pieces_becomes_one_node_per_run_in_creation_order() {
        // html5ever hands this text over line by line and around the reference.
        let doc = parse_html(
            "<p>one\ntwo &amp; three<b>four\nfive</b>six\r\nseven</p>",
            None,
        );
        let p = doc.find_first("p").unwrap();
        let kids = doc.children(p);
        let texts: Vec<Option<&str>> = kids.iter().map(|&k| doc.text(k)).collect();
        assert_eq!(
            texts,
            vec![Some("one\ntwo & three"), None, Some("six\nseven")]
        );
        assert_eq!(doc.inner_text(kids[1]), "four five");
        let ids: Vec<NodeId> = doc.descendants(NodeId::DOCUMENT).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "ids in document order");
    }

    #[test]
    fn shared_names_keep_their_namespace() {
        // `a` and `title` in SVG and in HTML share their local names, not their namespace:
        // SVG's `title` holds HTML (an integration point), and an HTML `<p>` closes the
        // open HTML `<p>` only.
        let doc = parse_html(
            "<p><a>1</a><svg><a><title><p>x</p></title></a></svg><a>2</a></p><p>3</p>",
            None,
        );
        let ps = doc.find_all(NodeId::DOCUMENT, "p");
        let inner = ps[1];
        let chain: Vec<&str> = std::iter::successors(doc.parent(inner), |&n| doc.parent(n))
            .filter_map(|n| doc.tag(n))
            .collect();
        assert_eq!(chain[..5], ["title", "a", "svg", "p", "body"]);
        assert_eq!(doc.find_all(ps[0], "a").len(), 3);
        assert_eq!(doc.inner_text(ps[2]), "3");
    }

    #[test]
    fn known_names_are_not_copied_and_others_are() {
        let doc = parse_html(
            r#"<div class="lead" data-x="1"><svg viewBox="0 0 1 1"><foreignObject>t</foreignObject></svg><my-widget></my-widget></div>"#,
            None,
        );
        let div = doc.find_first("div").unwrap();
        let NodeData::Element { name, attrs } = doc.data(div) else {
            panic!("an element")
        };
        assert!(matches!(name, Name::Static("div")));
        assert!(matches!(attrs[0].0, Name::Static("class")));
        assert!(matches!(&attrs[1].0, Name::Owned(k) if k == "data-x"));
        assert_eq!(doc.attr(div, "data-x"), Some("1"));
        // Element names are lowercase whatever html5ever spells; attribute names as given.
        assert!(doc.find_first("foreignobject").is_some());
        assert!(doc.find_first("my-widget").is_some());
        assert_eq!(
            doc.attr(doc.find_first("svg").unwrap(), "viewBox"),
            Some("0 0 1 1")
        );
    }

    #[test]
    fn kept_name_answers_give_what_known_gives() {
        // Static atoms (`div`), inline ones (`a`, `my-x`), dynamic ones (long custom names),
        // SVG's camel case, met again and again: each element's kind names its tag.
        let block = r#"<div class="c" id="i"><a href="h" data-long-attribute-name="v">x</a>
            <my-x hidden></my-x><some-long-custom-element-name role="r"></some-long-custom-element-name>
            <svg><clipPath></clipPath><path d="M0"></path></svg><section><p>t</p></section></div>"#;
        let doc = parse_html(&block.repeat(40), None);
        let mut elements = 0;
        for n in doc.descendants(NodeId::DOCUMENT) {
            if let NodeData::Element { name, attrs } = doc.data(n) {
                elements += 1;
                assert_eq!(doc.tag(n), Some(name.as_str()));
                assert_eq!(doc.nodes[n.index()].kind, element_kind(name));
                assert!(doc.is(n, name));
                for (k, _) in attrs {
                    assert_eq!(matches!(k, Name::Static(_)), known(k).is_some(), "{k}");
                }
            }
        }
        assert!(elements > 40 * 9);
        assert_eq!(doc.find_all(NodeId::DOCUMENT, "clippath").len(), 40);
        assert_eq!(
            doc.find_all(NodeId::DOCUMENT, "some-long-custom-element-name")
                .len(),
            40
        );
    }

    #[test]
    fn attributes_convert_in_their_own_allocation() {
        // Vec's in-place collect needs the same size and alignment on both sides.
        assert_eq!(
            std::alloc::Layout::new::<(Name, AttrValue)>(),
            std::alloc::Layout::new::<Attribute>()
        );
    }

    #[test]
    fn decodes_declared_charsets() {
        let bytes = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        let (text, enc) = decode_html(bytes);
        assert_eq!(enc, "windows-1252");
        assert!(text.contains("café"));
        let bytes = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">\x93\xfa\x96\x7b";
        let (text, enc) = decode_html(bytes);
        assert_eq!(enc, "Shift_JIS");
        assert!(text.contains("日本"));
        let (text, enc) = decode_html("<meta charset=gb2312>已转换为 UTF-8".as_bytes());
        assert_eq!(
            (text.as_str(), enc),
            ("<meta charset=gb2312>已转换为 UTF-8", "UTF-8"),
            "valid UTF-8 wins over a stale declaration"
        );
        let (text, enc) = decode_html("\u{feff}plain ü".as_bytes());
        assert_eq!((text.as_str(), enc), ("plain ü", "UTF-8"));
    }

    #[test]
    fn undoes_utf8_saved_twice() {
        // Read as Windows-1252 ("â€™") or as Latin-1 (C1 controls), then saved as UTF-8.
        let page = "<meta charset=\"utf-8\"><p>Itâ€™s a cafÃ© â€” 20Â\u{a0}Â°C</p>";
        let (text, enc) = decode_html(page.as_bytes());
        assert_eq!(
            (text.as_str(), enc),
            (
                "<meta charset=\"utf-8\"><p>It’s a café — 20\u{a0}°C</p>",
                "UTF-8"
            )
        );
        let (text, _) = decode_html("\u{feff}<p>pet\u{e2}\u{80}\u{99}s".as_bytes());
        assert_eq!(text, "<p>pet’s");
        for kept in [
            "<p>It’s a café — “quoted” Ã", // the Ã is not followed by a continuation
            "<p>Â© 2024 · naïve résumé",   // "é" before a space
            "<p>NESCAFÉ® coffee",          // a pair that decodes, but no Â/Ã/â lead
            "<p>Ã© and an emoji 😊",       // a character no single byte stands for
        ] {
            assert_eq!(decode_html(kept.as_bytes()).0, kept);
        }
        // Past a long ASCII head (skipped in blocks), the same: repaired, and kept.
        let head = format!("<!doctype html><title>{}</title>", "x".repeat(150));
        let (text, _) = decode_html(format!("{head}<p>cafÃ© â€”").as_bytes());
        assert_eq!(text, format!("{head}<p>café —"));
        let kept = format!("{head}<p>cafÃ© â€” and a café");
        assert_eq!(decode_html(kept.as_bytes()).0, kept);
    }

    #[test]
    fn nesting_past_the_limit_stops_with_a_typed_error() {
        let depth = MAX_OPEN_ELEMENTS as usize + 10;
        let html = format!(
            "<body>{}text{}",
            "<span>".repeat(depth),
            "</span>".repeat(depth)
        );
        match try_parse_html(&html, None) {
            Err(ParseError::TooDeep { limit, at_byte }) => {
                assert_eq!(limit, MAX_OPEN_ELEMENTS);
                assert!(at_byte > MAX_OPEN_ELEMENTS as usize * "<span>".len());
            }
            other => panic!("expected TooDeep, got {:?}", other.map(|d| d.len())),
        }
        let html = format!(
            "<body>{}text{}",
            "<span>".repeat(2_000),
            "</span>".repeat(2_000)
        );
        let doc = try_parse_html(&html, None).expect("2,000 levels are within the limit");
        assert_eq!(doc.text_content(NodeId::DOCUMENT), "text");
    }

    #[test]
    fn misnested_tags_past_the_depth_cap_lose_no_text() {
        // Misnested tags move subtrees (the adoption agency), around and past the cap.
        let unit = "<div><b><i>x</b>y</i>z";
        let html = unit.repeat(700);
        let doc = parse_html(&html, None);
        let depth_of = |mut n: NodeId| {
            let mut depth = 0;
            while let Some(p) = doc.parent(n) {
                depth += 1;
                n = p;
            }
            depth
        };
        let deepest = doc.descendants(NodeId::DOCUMENT).map(depth_of).max();
        assert_eq!(deepest, Some(super::super::MAX_TREE_DEPTH));
        let text = doc.text_content(NodeId::DOCUMENT);
        assert_eq!(text, "xyz".repeat(700), "no text is lost or moved");
    }
}
