//! Lector's own document tree: an arena of nodes addressed by [`NodeId`].
//!
//! Builders fill it from html5ever (native) or from the live DOM (wasm); the extraction
//! stages read and edit it. Every walk here is a loop over the sibling/parent links, never
//! recursion: real pages nest thousands of levels deep and the wasm stack is small.

#[cfg(not(target_arch = "wasm32"))]
pub mod html;
pub mod live;

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::num::NonZeroU32;
use std::rc::Rc;

/// Deepest level a builder nests a node at (the document is level 0, `<html>` level 1).
/// Like Chromium's HTML parser, which stops nesting at 512 levels, a builder attaches anything
/// deeper beside the node at the last level instead of inside it: the text stays, in order,
/// and every pass over the tree stays cheap however deep the page's markup goes.
pub const MAX_TREE_DEPTH: usize = 512;

/// Index of a node in its [`Document`]'s arena.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(
    /// The index plus one: never zero, so that an `Option<NodeId>` (each node holds five
    /// links) takes four bytes, not eight.
    NonZeroU32,
);

impl NodeId {
    /// The document node, always the first in the arena.
    pub const DOCUMENT: NodeId = NodeId(NonZeroU32::MIN);

    /// Position in the arena, for side tables indexed like it.
    pub fn index(self) -> usize {
        (self.0.get() - 1) as usize
    }

    fn from_index(index: usize) -> NodeId {
        u32::try_from(index)
            .ok()
            .and_then(|i| NonZeroU32::new(i.wrapping_add(1)))
            .map(NodeId)
            .expect("more than 4 billion nodes")
    }
}

impl std::fmt::Debug for NodeId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NodeId({})", self.index())
    }
}

/// An element's or an attribute's name. The native parser hands over the names it knows
/// (every HTML tag and attribute name) as static strings, so most nodes own no name of their
/// own: one allocation fewer per element and per attribute, and none when a node is copied.
#[derive(Clone)]
pub enum Name {
    /// A name from the parser's table of known names.
    Static(&'static str),
    /// Any other name.
    Owned(String),
}

impl Name {
    /// The name as text.
    pub fn as_str(&self) -> &str {
        match self {
            Name::Static(s) => s,
            Name::Owned(s) => s,
        }
    }
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Name {
    fn from(name: String) -> Self {
        Name::Owned(name)
    }
}

impl From<&str> for Name {
    fn from(name: &str) -> Self {
        Name::Owned(name.to_string())
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

/// An attribute's value. Native: the parser's own buffer, moved into the tree instead of
/// copied into a `String` (one allocation, copy and free fewer per attribute; values of up
/// to 8 bytes need no allocation at all). It reads as a `str` either way.
#[cfg(not(target_arch = "wasm32"))]
pub type AttrValue = html5ever::tendril::StrTendril;
/// An attribute's value (the live DOM hands over `String`s).
#[cfg(target_arch = "wasm32")]
pub type AttrValue = String;

/// What a node is.
#[derive(Clone, Debug)]
pub enum NodeData {
    /// The root of the tree.
    Document,
    /// An element with its lowercase local name and its attributes in source order.
    Element {
        /// Lowercase local name (`div`, `p`, `svg`).
        name: Name,
        /// Attribute names (lowercase) and values.
        attrs: Vec<(Name, AttrValue)>,
    },
    /// A run of text: indentation (most of a page's text nodes) borrowed from a static
    /// string ([`indentation`]), any other text owned.
    Text(Cow<'static, str>),
    /// A comment; kept only so the tree mirrors its source.
    Comment,
}

/// Facts from the rendered page that HTML text alone does not carry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LiveFlags {
    /// The element is not rendered (`display: none`, `visibility: hidden`).
    pub hidden: bool,
    /// The element is `position: fixed` or `sticky`: a banner, a modal, a sticky bar.
    pub fixed: bool,
}

/// The measures of a text node that extraction reads over and over: its length with
/// whitespace folded and its commas. Kept up to date as the text grows, so no pass has to
/// re-read the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextMeasure {
    /// Characters of text, inner whitespace runs counted once, leading and trailing
    /// whitespace not at all (so whitespace-only text measures zero).
    pub len: u32,
    /// Commas (of several scripts).
    pub commas: u32,
    /// The text ends in whitespace after some non-whitespace: text appended later that
    /// starts with a letter adds one character for that space.
    pending_space: bool,
}

impl TextMeasure {
    /// The measures of `text`.
    pub fn of(text: &str) -> Self {
        let mut m = TextMeasure::default();
        m.extend(text);
        m
    }

    /// The measures of a text node's text: borrowed text is indentation ([`indentation`]),
    /// whitespace only, which measures zero without being read.
    #[allow(clippy::ptr_arg)] // Whether the text is borrowed is what it reads.
    fn of_node(text: &Cow<'static, str>) -> Self {
        match text {
            // Only the native builder borrows.
            Cow::Borrowed(_) if cfg!(not(target_arch = "wasm32")) => TextMeasure::default(),
            t => TextMeasure::of(t),
        }
    }

    /// Adds `more`, as if it had been measured with the text before it.
    fn extend(&mut self, more: &str) {
        // Kept in locals: the loop runs over all the page's text.
        let (mut len, mut commas, mut pending_space) = (self.len, self.commas, self.pending_space);
        let bytes = more.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // A run of printable ASCII (most of a word) is counted in one go: each byte a
            // character, the space pending before it once (native: the wasm's size budget is
            // tight).
            #[cfg(not(target_arch = "wasm32"))]
            if (b'!'..0x80).contains(&bytes[i]) {
                let (start, mut run_commas) = (i, 0);
                while let Some(&b) = bytes.get(i).filter(|&&b| (b'!'..0x80).contains(&b)) {
                    run_commas += u32::from(b == b',');
                    i += 1;
                }
                len += (i - start) as u32 + u32::from(pending_space);
                pending_space = false;
                commas += run_commas;
                continue;
            }
            // ASCII, most text, byte by byte (its whitespace: \t \n \x0b \x0c \r and the
            // space); other characters decoded.
            let (white, comma, width) = match bytes[i] {
                b @ 0..=0x7f => (b == b' ' || (b'\t'..=b'\r').contains(&b), b == b',', 1),
                _ => {
                    let c = more[i..].chars().next().unwrap_or(' ');
                    (c.is_whitespace(), is_comma(c), c.len_utf8())
                }
            };
            if white {
                pending_space = len > 0;
            } else {
                len += 1 + u32::from(pending_space);
                pending_space = false;
                commas += u32::from(comma);
            }
            i += width;
        }
        *self = TextMeasure {
            len,
            commas,
            pending_space,
        };
    }
}

/// ASCII's whitespace (`\t \n \x0b \x0c \r` and the space): what `char::is_whitespace` says
/// of an ASCII character.
#[cfg(not(target_arch = "wasm32"))]
fn is_ascii_white(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// `str::trim`, with ASCII whitespace read byte by byte (`trim` decodes every character, and
/// most text nodes start and end in indentation, or are nothing else). Native only: the wasm
/// keeps `str::trim`, whose code it has anyway (its size budget is tight).
#[cfg(not(target_arch = "wasm32"))]
pub fn trim(s: &str) -> &str {
    let bytes = s.as_bytes();
    let start = bytes
        .iter()
        .position(|&b| !is_ascii_white(b))
        .unwrap_or(bytes.len());
    let end = bytes[start..]
        .iter()
        .rposition(|&b| !is_ascii_white(b))
        .map_or(start, |e| start + e + 1);
    // Only ASCII was cut, so both ends are character boundaries; an end outside ASCII may
    // be whitespace of another kind (a no-break space).
    let t = &s[start..end];
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(f), Some(l)) if !f.is_ascii() || !l.is_ascii() => t.trim(),
        _ => t,
    }
}

/// `str::trim` (the native build reads ASCII whitespace byte by byte).
#[cfg(target_arch = "wasm32")]
pub fn trim(s: &str) -> &str {
    s.trim()
}

/// `str::split_whitespace`, with ASCII text split byte by byte (`split_whitespace` decodes
/// every character; class attributes, split for every element, are ASCII and can be long).
/// Native only, as [`trim`].
#[cfg(not(target_arch = "wasm32"))]
pub fn split_white(s: &str) -> impl Iterator<Item = &str> {
    let mut other = (!s.is_ascii()).then(|| s.split_whitespace());
    let bytes = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        if let Some(words) = other.as_mut() {
            return words.next();
        }
        while at < bytes.len() && is_ascii_white(bytes[at]) {
            at += 1;
        }
        let start = at;
        while at < bytes.len() && !is_ascii_white(bytes[at]) {
            at += 1;
        }
        // Cut at ASCII bytes of ASCII text: character boundaries.
        (at > start).then(|| &s[start..at])
    })
}

/// `str::split_whitespace` (the native build splits ASCII text byte by byte).
#[cfg(target_arch = "wasm32")]
pub fn split_white(s: &str) -> std::str::SplitWhitespace<'_> {
    s.split_whitespace()
}

/// A newline, then the deepest indentation kept without a copy ([`indentation`]).
#[cfg(not(target_arch = "wasm32"))]
const NEWLINE_SPACES: &str = concat!(
    "\n                                ",
    "                                ",
    "                                ",
    "                                "
);
#[cfg(not(target_arch = "wasm32"))]
const NEWLINE_TABS: &str = "\n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";

/// `text` as a part of a static string when it is indentation: spaces or tabs, after a
/// newline or not (the whitespace between the tags of formatted HTML, which makes up most
/// of a page's text nodes). Such text nodes then own no copy of their text.
#[cfg(not(target_arch = "wasm32"))]
fn indentation(text: &str) -> Option<&'static str> {
    let body = text.strip_prefix('\n').unwrap_or(text);
    // The run starts at the newline, or just after it when the text has none.
    let start = usize::from(body.len() == text.len());
    let white = match body.as_bytes().first() {
        Some(b'\t') => NEWLINE_TABS,
        _ => NEWLINE_SPACES,
    };
    let unit = white.as_bytes()[1];
    (body.bytes().all(|b| b == unit) && start + text.len() <= white.len())
        .then(|| &white[start..start + text.len()])
}

/// Where [`Document::create_text`] keeps the data of an indentation ([`indentation`]): by
/// its length, its unit (tabs or spaces) and whether it starts with a newline, which make
/// the text.
#[cfg(not(target_arch = "wasm32"))]
fn indent_slot(white: &str) -> usize {
    let b = white.as_bytes();
    white.len() * 4
        + 2 * usize::from(b.last() == Some(&b'\t'))
        + usize::from(b.first() == Some(&b'\n'))
}

/// The wasm owns every text: the table's code costs its size budget more than the copies
/// cost its time (the live DOM's text nodes are copied once per page).
#[cfg(target_arch = "wasm32")]
fn indentation(_: &str) -> Option<&'static str> {
    None
}

/// Commas of the scripts we meet: Latin, CJK (full-width and ideographic), Arabic, and the
/// small and vertical forms.
fn is_comma(c: char) -> bool {
    matches!(
        c,
        ',' | '，' | '、' | '،' | '﹐' | '︐' | '︑' | '⸲' | '⸴' | '⹁'
    )
}

/// True when a script's text places late segments of streamed HTML (see
/// `extract::streamed`).
fn places_segments(code: &str) -> bool {
    code.contains("$RC(") || code.contains("$RS(")
}

/// How many keys a reader may derive from a node and keep ([`Document::derived_key`]).
pub const DERIVED_KEYS: usize = 2;

/// What the copies of a document share about a node: its data, the keys derived from it
/// once ([`Document::derived_key`]) and, for a text node, the measures of its text once
/// taken (kept on first reading, see [`Document::text_measure`], so no text is measured
/// twice).
#[derive(Clone, Debug)]
struct Shared {
    data: NodeData,
    keys: [OnceCell<Box<str>>; DERIVED_KEYS],
    measure: Cell<Option<TextMeasure>>,
}

impl Shared {
    fn new(data: NodeData) -> Rc<Shared> {
        Rc::new(Shared {
            data,
            keys: Default::default(),
            measure: Cell::new(None),
        })
    }
}

/// A node's [`Node::kind`]: the document, a text, a comment, an element whose name is read
/// from its data, or (from [`KIND_KNOWN`] on) an element named by [`known_tag`]'s table.
const KIND_DOCUMENT: u16 = 0;
const KIND_TEXT: u16 = 1;
const KIND_COMMENT: u16 = 2;
const KIND_ELEMENT: u16 = 3;
#[cfg(not(target_arch = "wasm32"))]
const KIND_KNOWN: u16 = 4;

/// The kind of a node holding `data` (see [`Node::kind`]).
fn kind_of(data: &NodeData) -> u16 {
    match data {
        NodeData::Document => KIND_DOCUMENT,
        NodeData::Text(_) => KIND_TEXT,
        NodeData::Comment => KIND_COMMENT,
        NodeData::Element { name, .. } => element_kind(name),
    }
}

/// Native: a known tag name is kept in the node itself, so that a walk asking elements their
/// tag reads no node data (the node's links and kind fit in 32 bytes, half a cache line).
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn element_kind(name: &str) -> u16 {
    known_tag(name).map_or(KIND_ELEMENT, |i| KIND_KNOWN + i as u16)
}

/// The wasm reads every tag from the node's data (its size budget is tight).
#[cfg(target_arch = "wasm32")]
fn element_kind(_: &str) -> u16 {
    KIND_ELEMENT
}

/// The tag names most elements of real pages carry, and their place in [`KNOWN_TAGS`].
macro_rules! known_tags {
    ($($name:literal)*) => {
        #[cfg(not(target_arch = "wasm32"))]
        const KNOWN_TAGS: &[&str] = &[$($name),*];
        #[cfg(not(target_arch = "wasm32"))]
        #[inline(always)]
        fn known_tag(name: &str) -> Option<usize> {
            let mut i = 0;
            $(
                if name == $name {
                    return Some(i);
                }
                i += 1;
            )*
            let _ = i;
            None
        }
    };
}

/// Calls the macro `$then` with the known tag names, then `$extra` names: the tree's tag
/// kinds here and the parser's static names (`html::known`) read one list.
macro_rules! with_known_tags {
    ($then:ident $($extra:literal)*) => {
        $then!(
        "a" "abbr" "article" "aside" "audio" "b" "blockquote" "body" "br" "button" "caption" "cite"
        "code" "dd" "div" "dl" "dt" "em" "figcaption" "figure" "footer" "form" "g" "h1" "h2" "h3"
        "h4" "h5" "h6" "head" "header" "hr" "html" "i" "iframe" "img" "input" "label" "li" "link"
        "main" "meta" "nav" "noscript" "ol" "option" "p" "path" "picture" "pre" "section" "select"
        "small" "source" "span" "strong" "style" "sup" "svg" "script" "table" "tbody" "td" "th"
        "thead" "time" "title" "tr" "u" "ul" "use" "video"
            $($extra)*
        );
    };
}
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use with_known_tags;

with_known_tags!(known_tags);

#[derive(Clone, Debug)]
struct Node {
    /// Shared between copies of the document: extraction copies the page once per attempt,
    /// and most nodes are never edited, so a copy costs a reference count, not every string.
    /// An edit copies the one node first ([`Rc::make_mut`], see [`Document::data_mut`]).
    shared: Rc<Shared>,
    flags: LiveFlags,
    /// What the node is, and a known element's tag (see [`kind_of`]): read without reading
    /// the node's data.
    kind: u16,
    parent: Option<NodeId>,
    first_child: Option<NodeId>,
    last_child: Option<NodeId>,
    prev_sibling: Option<NodeId>,
    /// The node after this one's subtree in document order: its next sibling, else its
    /// parent's `after` (`None` past the end or for a detached node). Kept up to date by every
    /// edit of the links, so that a walk takes its next step without climbing, and without a
    /// branch on whether it climbs (which the walks' mix of nodes makes unpredictable). It is
    /// the next sibling when it has the same parent (so a node takes 32 bytes, not 40).
    after: Option<NodeId>,
}

/// A parsed page: the arena plus the URL it came from.
#[derive(Debug)]
pub struct Document {
    nodes: Vec<Node>,
    /// The address the page was loaded from, used to resolve relative links.
    pub url: Option<String>,
    /// Counts the edits of the tree, its nodes' data and flags: measures taken of it stay
    /// valid while the count has not moved.
    edits: u32,
    /// The data of the indentation text nodes made so far, one per text ([`indent_slot`]):
    /// most text nodes of a formatted page are one of a few indentations, which then share
    /// their data instead of each allocating its own. Not copied with the document.
    #[cfg(not(target_arch = "wasm32"))]
    indents: Vec<Option<Rc<Shared>>>,
}

impl Clone for Document {
    /// A copy with room for more nodes: extraction copies the page for each attempt, and an
    /// attempt adds a few (wrappers, split paragraphs); a copy as long as its nodes would
    /// be copied whole again at the first.
    fn clone(&self) -> Self {
        let mut nodes = Vec::with_capacity(self.nodes.len() + self.nodes.len() / 8 + 16);
        nodes.extend_from_slice(&self.nodes);
        Document {
            nodes,
            url: self.url.clone(),
            edits: self.edits,
            #[cfg(not(target_arch = "wasm32"))]
            indents: Vec::new(),
        }
    }
}

impl Default for Document {
    fn default() -> Self {
        Self::new()
    }
}

impl Document {
    /// An empty document holding only its root node.
    pub fn new() -> Self {
        let mut doc = Document {
            nodes: Vec::new(),
            url: None,
            edits: 0,
            #[cfg(not(target_arch = "wasm32"))]
            indents: Vec::new(),
        };
        doc.push(NodeData::Document);
        doc
    }

    /// The count of edits so far: equal counts mean an unchanged document.
    pub fn edits(&self) -> u32 {
        self.edits
    }

    /// Number of nodes ever created (detached ones included).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when the document holds nothing but its root.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() == 1
    }

    /// Makes room for `additional` more nodes, for a builder that can estimate the page's size.
    pub fn reserve(&mut self, additional: usize) {
        self.nodes.reserve(additional);
    }

    fn push(&mut self, data: NodeData) -> NodeId {
        self.push_shared(Shared::new(data))
    }

    fn push_shared(&mut self, shared: Rc<Shared>) -> NodeId {
        let kind = kind_of(&shared.data);
        self.push_kind(shared, kind)
    }

    /// Pushes a node whose [`kind_of`] is `kind`.
    fn push_kind(&mut self, shared: Rc<Shared>, kind: u16) -> NodeId {
        self.edits = self.edits.wrapping_add(1);
        let id = NodeId::from_index(self.nodes.len());
        self.nodes.push(Node {
            kind,
            shared,
            flags: LiveFlags::default(),
            parent: None,
            first_child: None,
            last_child: None,
            prev_sibling: None,
            after: None,
        });
        id
    }

    /// The same tree without the nodes that no longer hang from the root (detached subtrees
    /// and nodes never attached), so later copies do not carry them. Node ids change, but
    /// keep their order: a node's new id is smaller than another's when its old one was.
    pub fn compact(self) -> Document {
        // By a link's number (index plus one, 0 for none): the kept node's new number, 0 for
        // none. Worked out and read without a branch per node or link.
        let mut numbers = vec![0u32; self.nodes.len() + 1];
        for n in self.descendants(NodeId::DOCUMENT) {
            numbers[n.index() + 1] = 1;
        }
        let mut next = 0;
        for kept in numbers.iter_mut() {
            next += *kept;
            *kept *= next;
        }
        let map = |link: Option<NodeId>| {
            NonZeroU32::new(numbers[link.map_or(0, |n| n.0.get()) as usize]).map(NodeId)
        };
        let nodes = self
            .nodes
            .into_iter()
            .zip(&numbers[1..])
            .filter(|(_, &number)| number != 0)
            .map(|(node, _)| Node {
                parent: map(node.parent),
                first_child: map(node.first_child),
                last_child: map(node.last_child),
                prev_sibling: map(node.prev_sibling),
                after: map(node.after),
                ..node
            })
            .collect();
        Document {
            nodes,
            url: self.url,
            // Node ids changed.
            edits: self.edits.wrapping_add(1),
            #[cfg(not(target_arch = "wasm32"))]
            indents: self.indents,
        }
    }

    /// Creates a detached element. `name` is lowercased.
    pub fn create_element(&mut self, name: &str, attrs: Vec<(String, String)>) -> NodeId {
        self.create_named_element(
            Name::Owned(name.to_ascii_lowercase()),
            attrs
                .into_iter()
                .map(|(k, v)| (Name::Owned(k), v.into()))
                .collect(),
        )
    }

    /// Creates a detached element from a lowercase name.
    pub fn create_named_element(&mut self, name: Name, attrs: Vec<(Name, AttrValue)>) -> NodeId {
        self.push(NodeData::Element { name, attrs })
    }

    /// [`create_named_element`](Self::create_named_element) for the parser, which knows the
    /// name's [`element_kind`] already.
    #[cfg(not(target_arch = "wasm32"))]
    fn create_element_of_kind(
        &mut self,
        name: Name,
        attrs: Vec<(Name, AttrValue)>,
        kind: u16,
    ) -> NodeId {
        debug_assert_eq!(kind, element_kind(&name));
        self.push_kind(Shared::new(NodeData::Element { name, attrs }), kind)
    }

    /// Creates a detached text node.
    pub fn create_text(&mut self, text: &str) -> NodeId {
        match indentation(text) {
            #[cfg(not(target_arch = "wasm32"))]
            Some(t) => {
                let slot = indent_slot(t);
                if self.indents.len() <= slot {
                    self.indents.resize(slot + 1, None);
                }
                let shared = self.indents[slot]
                    .get_or_insert_with(|| Shared::new(NodeData::Text(Cow::Borrowed(t))));
                let shared = shared.clone();
                self.push_shared(shared)
            }
            _ => self.push(NodeData::Text(Cow::Owned(text.to_string()))),
        }
    }

    /// Creates a detached comment node.
    pub fn create_comment(&mut self) -> NodeId {
        self.push(NodeData::Comment)
    }

    /// The node's data.
    pub fn data(&self, id: NodeId) -> &NodeData {
        &self.nodes[id.index()].shared.data
    }

    /// Live-page facts recorded for the node.
    pub fn flags(&self, id: NodeId) -> LiveFlags {
        self.nodes[id.index()].flags
    }

    /// Records live-page facts for the node.
    pub fn set_flags(&mut self, id: NodeId, flags: LiveFlags) {
        self.edits = self.edits.wrapping_add(1);
        self.nodes[id.index()].flags = flags;
    }

    /// Parent, if attached.
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].parent
    }

    /// First child.
    pub fn first_child(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].first_child
    }

    /// Last child.
    pub fn last_child(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].last_child
    }

    /// Next sibling.
    pub fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        let node = &self.nodes[id.index()];
        node.after
            .filter(|a| self.nodes[a.index()].parent == node.parent)
    }

    /// Previous sibling.
    pub fn prev_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].prev_sibling
    }

    /// Lowercase tag name of an element, `None` for other nodes.
    pub fn tag(&self, id: NodeId) -> Option<&str> {
        let node = &self.nodes[id.index()];
        match node.kind {
            #[cfg(not(target_arch = "wasm32"))]
            k if k >= KIND_KNOWN => Some(KNOWN_TAGS[(k - KIND_KNOWN) as usize]),
            KIND_ELEMENT => match &node.shared.data {
                NodeData::Element { name, .. } => Some(name),
                _ => None,
            },
            _ => None,
        }
    }

    /// True when `id` is an element named `name`.
    #[inline(always)]
    pub fn is(&self, id: NodeId, name: &str) -> bool {
        // Inlined, a literal name's kind is worked out by the compiler: one compare.
        self.is_kind(id, element_kind(name), name)
    }

    /// [`is`](Self::is) with `name`'s [`element_kind`] worked out before: a known tag is one
    /// compare of the node's kind, with no branch on what the node is (the walks' elements
    /// and texts alternate, which such branches mispredict).
    fn is_kind(&self, id: NodeId, kind: u16, name: &str) -> bool {
        let node = &self.nodes[id.index()];
        node.kind == kind
            && (kind != KIND_ELEMENT
                || matches!(&node.shared.data, NodeData::Element { name: n, .. } if n == name))
    }

    /// Text of a text node.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        let node = &self.nodes[id.index()];
        if node.kind != KIND_TEXT {
            return None;
        }
        match &node.shared.data {
            NodeData::Text(t) => Some(t.as_ref()),
            _ => None,
        }
    }

    /// The measures of a text node's text (zero for other nodes): taken on first reading
    /// and kept (the readerable check, the preparation and every attempt read them).
    pub fn text_measure(&self, id: NodeId) -> TextMeasure {
        let node = &self.nodes[id.index()];
        if node.kind != KIND_TEXT {
            return TextMeasure::default();
        }
        let shared = &node.shared;
        match (&shared.data, shared.measure.get()) {
            (_, Some(m)) => m,
            (NodeData::Text(t), None) => {
                let m = TextMeasure::of_node(t);
                shared.measure.set(Some(m));
                m
            }
            _ => TextMeasure::default(),
        }
    }

    /// Characters of text under `id`: the sum of its text nodes' [`TextMeasure::len`].
    pub fn text_len(&self, id: NodeId) -> u32 {
        self.descendants(id).map(|d| self.text_measure(d).len).sum()
    }

    /// The measures of a text node's text when kept, `None` when not taken yet.
    pub fn kept_text_measure(&self, id: NodeId) -> Option<TextMeasure> {
        let node = &self.nodes[id.index()];
        (node.kind == KIND_TEXT).then(|| node.shared.measure.get())?
    }

    /// Takes and keeps the measures of the text nodes under `root`, for a tree whose text
    /// is read many times. (Not done as text arrives: most of a page's text is scripts and
    /// styles, which no pass measures.) Returns [`Document::text_len`] of `root`, summed on
    /// the way.
    pub fn measure_texts(&mut self, root: NodeId) -> u32 {
        self.edits = self.edits.wrapping_add(1);
        let mut len = 0;
        let mut cur = Some(root);
        while let Some(n) = cur {
            len += self.text_measure(n).len;
            cur = self.next_in(root, n, false);
        }
        len
    }

    /// Appends `more` to the text node `id`; false (and nothing changes) for other nodes.
    pub fn push_text(&mut self, id: NodeId, more: &str) -> bool {
        self.edits = self.edits.wrapping_add(1);
        if self.text(id).is_none() {
            return false;
        }
        if let NodeData::Text(t) = self.data_mut(id) {
            t.to_mut().push_str(more);
        }
        let measure = &self.nodes[id.index()].shared.measure;
        if let Some(mut m) = measure.get() {
            m.extend(more);
            measure.set(Some(m));
        }
        true
    }

    /// The node's data to edit: a copy of its own when another document shares it, and the
    /// derived key forgotten. (Its measures stay: only [`push_text`](Self::push_text) edits a
    /// text, and it extends them.)
    fn data_mut(&mut self, id: NodeId) -> &mut NodeData {
        self.edits = self.edits.wrapping_add(1);
        let shared = Rc::make_mut(&mut self.nodes[id.index()].shared);
        shared.keys = Default::default();
        &mut shared.data
    }

    /// A string derived from a node's data once and kept, for a key that passes over the
    /// page read again and again (extraction's class-and-id key and its names key). `slot`
    /// (below [`DERIVED_KEYS`]) names the key: each slot must always get the same `derive`,
    /// since the first call's answer is kept. An edit of the node forgets its keys; copies of
    /// the document share them.
    pub fn derived_key(
        &self,
        id: NodeId,
        slot: usize,
        derive: impl FnOnce(&Document, NodeId) -> String,
    ) -> &str {
        self.nodes[id.index()].shared.keys[slot].get_or_init(|| derive(self, id).into_boxed_str())
    }

    /// Attributes of an element (empty for other nodes).
    pub fn attrs(&self, id: NodeId) -> &[(Name, AttrValue)] {
        let node = &self.nodes[id.index()];
        if node.kind < KIND_ELEMENT {
            return &[];
        }
        match &node.shared.data {
            NodeData::Element { attrs, .. } => attrs,
            _ => &[],
        }
    }

    /// Value of the attribute `name` (lowercase).
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.attrs(id)
            .iter()
            .find(|(k, _)| k.as_str() == name)
            .map(|(_, v)| &**v)
    }

    /// Sets (or adds) an attribute on an element.
    pub fn set_attr(&mut self, id: NodeId, name: &str, value: &str) {
        if self.tag(id).is_none() {
            return;
        }
        if let NodeData::Element { attrs, .. } = self.data_mut(id) {
            match attrs.iter_mut().find(|(k, _)| k.as_str() == name) {
                Some(slot) => slot.1 = value.into(),
                None => attrs.push((name.into(), value.into())),
            }
        }
    }

    /// Adds each attribute the element does not have yet (html5ever's `add_attrs_if_missing`).
    pub fn add_missing_attrs(&mut self, id: NodeId, extra: Vec<(Name, AttrValue)>) {
        for (k, v) in extra {
            if self.attr(id, &k).is_none() {
                self.set_attr(id, &k, &v);
            }
        }
    }

    /// Renames an element, keeping its attributes and children.
    pub fn rename(&mut self, id: NodeId, name: &'static str) {
        if self.tag(id).is_none() {
            return;
        }
        if let NodeData::Element { name: n, .. } = self.data_mut(id) {
            *n = Name::Static(name);
        }
        self.nodes[id.index()].kind = element_kind(name);
    }

    /// Detaches `id` from its parent; its subtree stays intact and can be re-attached.
    pub fn detach(&mut self, id: NodeId) {
        self.edits = self.edits.wrapping_add(1);
        let (parent, prev, next) = {
            let n = &self.nodes[id.index()];
            (n.parent, n.prev_sibling, self.next_sibling(id))
        };
        let Some(parent) = parent else { return };
        // A previous sibling's `after` is set below.
        if prev.is_none() {
            self.nodes[parent.index()].first_child = next;
        }
        match next {
            Some(n) => self.nodes[n.index()].prev_sibling = prev,
            None => self.nodes[parent.index()].last_child = prev,
        }
        let n = &mut self.nodes[id.index()];
        n.parent = None;
        n.prev_sibling = None;
        // What came after `id` now comes after its previous sibling.
        let after = n.after;
        if let Some(p) = prev {
            self.set_after(p, after);
        }
        self.set_after(id, None);
    }

    /// Sets [`Node::after`] of `id` and of the nodes whose subtree ends where its does: its
    /// last child, that one's last child, and so on.
    fn set_after(&mut self, id: NodeId, after: Option<NodeId>) {
        let mut cur = Some(id);
        while let Some(n) = cur {
            let node = &mut self.nodes[n.index()];
            node.after = after;
            cur = node.last_child;
        }
    }

    /// Appends `child` (detaching it first) as the last child of `parent`.
    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.edits = self.edits.wrapping_add(1);
        self.detach(child);
        let last = self.nodes[parent.index()].last_child;
        {
            let c = &mut self.nodes[child.index()];
            c.parent = Some(parent);
            c.prev_sibling = last;
        }
        match last {
            Some(l) => self.set_after(l, Some(child)),
            None => self.nodes[parent.index()].first_child = Some(child),
        }
        let parent = &mut self.nodes[parent.index()];
        parent.last_child = Some(child);
        let after = parent.after;
        self.set_after(child, after);
    }

    /// Where a builder attaches a child of `parent` so the tree stays within
    /// [`MAX_TREE_DEPTH`]: `parent` itself, or its ancestor one level above the limit.
    /// Costs at most `MAX_TREE_DEPTH` steps, since builders never go deeper.
    pub fn depth_capped_parent(&self, parent: NodeId) -> NodeId {
        let mut level = 0;
        let mut cur = parent;
        while let Some(p) = self.parent(cur) {
            level += 1;
            cur = p;
        }
        // The child would sit at level + 1; climb to the level just above the limit.
        let mut anchor = parent;
        for _ in MAX_TREE_DEPTH..=level {
            anchor = self.parent(anchor).unwrap_or(anchor);
        }
        anchor
    }

    /// [`append`](Self::append) for builders: a child past [`MAX_TREE_DEPTH`] goes to the
    /// deepest allowed level instead. Returns the parent it went to.
    pub fn append_capped(&mut self, parent: NodeId, child: NodeId) -> NodeId {
        let parent = self.depth_capped_parent(parent);
        self.append(parent, child);
        parent
    }

    /// [`append_text`](Self::append_text) for builders, within [`MAX_TREE_DEPTH`].
    pub fn append_text_capped(&mut self, parent: NodeId, text: &str) {
        let parent = self.depth_capped_parent(parent);
        self.append_text(parent, text);
    }

    /// Appends text to `parent`, merging with a trailing text node as parsers do.
    pub fn append_text(&mut self, parent: NodeId, text: &str) {
        if let Some(last) = self.last_child(parent) {
            if self.push_text(last, text) {
                return;
            }
        }
        let t = self.create_text(text);
        self.append(parent, t);
    }

    /// [`append_text`](Self::append_text) of the text node `n` of `src`: a new text node
    /// shares the node's data (its text is not copied, as between copies of a document) and
    /// keeps its measures ([`kept_text_measure`](Self::kept_text_measure)), so the copy is not
    /// measured again. Nothing for other nodes; true when `n` is a text node.
    pub fn append_text_of(&mut self, parent: NodeId, src: &Document, n: NodeId) -> bool {
        let Some(text) = src.text(n) else {
            return false;
        };
        if let Some(last) = self.last_child(parent) {
            if self.push_text(last, text) {
                return true;
            }
        }
        let t = self.push_shared(src.nodes[n.index()].shared.clone());
        self.append(parent, t);
        true
    }

    /// Inserts `child` (detaching it first) right before `sibling`.
    pub fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        self.edits = self.edits.wrapping_add(1);
        self.detach(child);
        let Some(parent) = self.parent(sibling) else {
            return;
        };
        let prev = self.nodes[sibling.index()].prev_sibling;
        {
            let c = &mut self.nodes[child.index()];
            c.parent = Some(parent);
            c.prev_sibling = prev;
        }
        self.nodes[sibling.index()].prev_sibling = Some(child);
        match prev {
            Some(p) => self.set_after(p, Some(child)),
            None => self.nodes[parent.index()].first_child = Some(child),
        }
        self.set_after(child, Some(sibling));
    }

    /// Moves every child of `from` to the end of `to`.
    pub fn reparent_children(&mut self, from: NodeId, to: NodeId) {
        while let Some(c) = self.first_child(from) {
            self.append(to, c);
        }
    }

    /// Replaces `id` by its children (unwraps it).
    pub fn unwrap(&mut self, id: NodeId) {
        while let Some(c) = self.first_child(id) {
            self.insert_before(id, c);
        }
        self.detach(id);
    }

    /// The children of `id`, in order. Collected so the caller may edit the tree meanwhile.
    pub fn children(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut c = self.first_child(id);
        while let Some(n) = c {
            out.push(n);
            c = self.next_sibling(n);
        }
        out
    }

    /// The element child of `id` when it has exactly one (text beside it aside).
    pub fn only_element_child(&self, id: NodeId) -> Option<NodeId> {
        let mut only = None;
        let mut c = self.first_child(id);
        while let Some(n) = c {
            if self.tag(n).is_some() {
                if only.is_some() {
                    return None;
                }
                only = Some(n);
            }
            c = self.next_sibling(n);
        }
        only
    }

    /// Element children of `id`.
    pub fn element_children(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut c = self.first_child(id);
        while let Some(n) = c {
            if self.tag(n).is_some() {
                out.push(n);
            }
            c = self.next_sibling(n);
        }
        out
    }

    /// The element siblings of `id` nearest to it, up to `reach` on each side (those before
    /// it first, nearest first): where rules look for an element's look-alikes, which stand
    /// together, in time that does not grow with the number of siblings.
    pub fn element_neighbours(&self, id: NodeId, reach: usize) -> Vec<NodeId> {
        let mut out = Vec::with_capacity(2 * reach);
        let sides: [fn(&Self, NodeId) -> Option<NodeId>; 2] =
            [Self::prev_sibling, Self::next_sibling];
        for step in sides {
            let (mut c, mut found) = (step(self, id), 0);
            while let Some(n) = c.filter(|_| found < reach) {
                if self.tag(n).is_some() {
                    out.push(n);
                    found += 1;
                }
                c = step(self, n);
            }
        }
        out
    }

    /// The node after `id` in document order, staying inside `root`'s subtree.
    /// With `skip_children` the walk does not enter `id`'s own children.
    pub fn next_in(&self, root: NodeId, id: NodeId, skip_children: bool) -> Option<NodeId> {
        // The first child, else what comes after the node's subtree: no climb, whose branches
        // mispredict (the walk's leaves end their parents' lists at random). The walk ends
        // where `root`'s subtree does (`id` is in it).
        // As numbers (0 for none), which compiles to fewer instructions than the `Option`s'
        // `or` and `filter` (the compiler still branches on the first child: x86 makes a
        // conditional move of a load a branch).
        let raw = |link: Option<NodeId>| link.map_or(0, |n| n.0.get());
        let node = &self.nodes[id.index()];
        let child = raw(node.first_child) & u32::from(!skip_children).wrapping_neg();
        let next = child | (raw(node.after) & u32::from(child == 0).wrapping_neg());
        let end = raw(self.nodes[root.index()].after);
        NonZeroU32::new(next & u32::from(next != end).wrapping_neg()).map(NodeId)
    }

    /// `root` and all its descendants in document order.
    pub fn descendants(&self, root: NodeId) -> Descendants<'_> {
        Descendants {
            doc: self,
            root,
            next: Some(root),
        }
    }

    /// Element descendants of `root` (itself excluded) with the given tag.
    pub fn find_all(&self, root: NodeId, name: &str) -> Vec<NodeId> {
        let mut out = Vec::new();
        let kind = element_kind(name);
        let mut cur = self.first_child(root);
        while let Some(n) = cur {
            if self.is_kind(n, kind, name) {
                out.push(n);
            }
            cur = self.next_in(root, n, false);
        }
        out
    }

    /// The nodes of `root`'s subtree (itself included) for which `keep` holds, in document
    /// order: one copy of the collecting loop for every caller (the wasm's size).
    pub fn collect_where(&self, root: NodeId, keep: &dyn Fn(NodeId) -> bool) -> Vec<NodeId> {
        let mut out = Vec::new();
        for n in self.descendants(root) {
            if keep(n) {
                out.push(n);
            }
        }
        out
    }

    /// First element in the document with this tag.
    pub fn find_first(&self, name: &str) -> Option<NodeId> {
        let kind = element_kind(name);
        self.descendants(NodeId::DOCUMENT)
            .find(|&n| self.is_kind(n, kind, name))
    }

    /// True when `ancestor` is `id` or one of its ancestors.
    pub fn contains(&self, ancestor: NodeId, id: NodeId) -> bool {
        let mut cur = Some(id);
        while let Some(n) = cur {
            if n == ancestor {
                return true;
            }
            cur = self.parent(n);
        }
        false
    }

    /// The nearest ancestor (itself excluded) with the given tag, up to `max_depth` levels.
    pub fn ancestor_named(&self, id: NodeId, name: &str, max_depth: usize) -> Option<NodeId> {
        let mut cur = self.parent(id);
        let mut depth = 0;
        let kind = element_kind(name);
        while let Some(n) = cur {
            if max_depth > 0 && depth >= max_depth {
                return None;
            }
            if self.is_kind(n, kind, name) {
                return Some(n);
            }
            cur = self.parent(n);
            depth += 1;
        }
        None
    }

    /// Empties the scripts and style sheets whose text the engine does not read, so that no
    /// rule ever counts code as text: every `<style>`, and every `<script>` but JSON-LD
    /// (metadata), TeX sources (math) and the inline scripts of streamed HTML that place late
    /// segments (`$RC(`, `$RS(`; see `extract::streamed`). Both tree builders call it, and
    /// the extension's page-tree walk (`lectorReadsCode` in extension/shared/page-tree.js)
    /// leaves the same text out before it reaches the engine.
    pub fn forget_unread_code(&mut self) {
        // Emptied as the walk goes: it does not enter them.
        let mut cur = Some(NodeId::DOCUMENT);
        while let Some(n) = cur {
            // By the tree's tag kinds (`is`), not the tag's name: the walk meets every node.
            let unread = self.is(n, "style") || (self.is(n, "script") && !self.code_is_read(n));
            if unread {
                while let Some(child) = self.first_child(n) {
                    self.detach(child);
                }
            }
            cur = self.next_in(NodeId::DOCUMENT, n, unread);
        }
    }

    fn code_is_read(&self, script: NodeId) -> bool {
        // Text by text, not joined: a script's text is one node, and joining copies it.
        self.script_type_is_read(script)
            || self
                .children(script)
                .into_iter()
                .any(|c| self.text(c).is_some_and(places_segments))
    }

    fn script_type_is_read(&self, script: NodeId) -> bool {
        let kind = self.attr(script, "type").unwrap_or("").trim();
        kind.eq_ignore_ascii_case("application/ld+json")
            || kind
                .get(..8)
                .is_some_and(|k| k.eq_ignore_ascii_case("math/tex"))
    }

    /// True when a builder's `text` for `parent` would be emptied by
    /// [`forget_unread_code`](Self::forget_unread_code) all the same: `parent` is a
    /// `<style>`, or a `<script>` without text yet that `text` does not make read, and the text
    /// would land in it (within [`MAX_TREE_DEPTH`]). The native builder keeps no such text.
    pub fn is_unread_code(&self, parent: NodeId, text: &str) -> bool {
        // By the tree's tag kinds (`is`): the builders ask for every run of text.
        let unread = self.is(parent, "style")
            || (self.is(parent, "script")
                && self.first_child(parent).is_none()
                && !self.script_type_is_read(parent)
                && !places_segments(text));
        unread && self.depth_capped_parent(parent) == parent
    }

    /// Concatenated text of the subtree, as `textContent` gives it.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        // One loop run twice: the first run sizes the string (a block's text comes in many
        // pieces, and a string grown piece by piece is copied again and again), the second
        // fills it.
        for fill in [false, true] {
            let mut len = 0;
            for n in self.descendants(id) {
                if let Some(t) = self.text(n) {
                    match fill {
                        false => len += t.len(),
                        true => out.push_str(t),
                    }
                }
            }
            out.reserve(len);
        }
        out
    }

    /// Text of the subtree with runs of whitespace folded to one space and trimmed:
    /// `fold_whitespace(&self.text_content(id))`, folded piece by piece without the joined
    /// copy (a word may run on from one text node into the next). Native only, as
    /// [`indentation`]: the wasm folds the joined text (its size budget is tight; a test
    /// compares the two).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn inner_text(&self, id: NodeId) -> String {
        let texts = || {
            self.descendants(id).filter_map(|n| match self.data(n) {
                NodeData::Text(t) => Some(t),
                _ => None,
            })
        };
        let mut out = String::with_capacity(texts().map(|t| t.len()).sum());
        // Whitespace since the last word written.
        let mut space = false;
        for t in texts() {
            // Indentation (borrowed text) is whitespace only: no need to read it.
            if let Cow::Borrowed(white) = t {
                space |= !white.is_empty();
                continue;
            }
            space |= t.starts_with(char::is_whitespace);
            push_words(&mut out, t, space);
            space = t.ends_with(char::is_whitespace) || (space && t.is_empty());
        }
        out
    }

    /// Text of the subtree with runs of whitespace folded to one space and trimmed (the
    /// native build folds it piece by piece).
    #[cfg(target_arch = "wasm32")]
    pub fn inner_text(&self, id: NodeId) -> String {
        fold_whitespace(&self.text_content(id))
    }

    /// The `<html>` element.
    pub fn document_element(&self) -> Option<NodeId> {
        self.element_children(NodeId::DOCUMENT).into_iter().next()
    }

    /// The `<body>` element.
    pub fn body(&self) -> Option<NodeId> {
        let html = self.document_element()?;
        self.element_children(html)
            .into_iter()
            .find(|&c| self.is(c, "body"))
    }

    /// The `<head>` element.
    pub fn head(&self) -> Option<NodeId> {
        let html = self.document_element()?;
        self.element_children(html)
            .into_iter()
            .find(|&c| self.is(c, "head"))
    }
}

/// Iterator returned by [`Document::descendants`].
pub struct Descendants<'a> {
    doc: &'a Document,
    root: NodeId,
    next: Option<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.doc.next_in(self.root, cur, false);
        Some(cur)
    }
}

/// The parts with `sep` between them, as `[S]::join` gives: one small loop in place of the
/// standard library's copy of its join for every element type (the wasm's size).
pub fn join<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part.as_ref());
    }
    out
}

/// `s.split_whitespace().count()`, read byte by byte where the text is ASCII (most of it):
/// a word starts where whitespace gives way to anything else, counted without a branch.
/// Native only, as [`trim`]: the wasm counts with `split_whitespace` (its size budget).
#[cfg(not(target_arch = "wasm32"))]
pub fn count_words(s: &str) -> usize {
    let bytes = s.as_bytes();
    let (mut words, mut white, mut i) = (0, true, 0);
    while let Some(&b) = bytes.get(i) {
        let (w, width) = match b {
            0..=0x7f => (b == b' ' || (b'\t'..=b'\r').contains(&b), 1),
            _ => {
                let c = s[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), c.len_utf8())
            }
        };
        words += usize::from(white & !w);
        white = w;
        i += width;
    }
    words
}

/// `s.split_whitespace().count()` (the native build counts byte by byte).
#[cfg(target_arch = "wasm32")]
pub fn count_words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Appends the words of `t` to `out`, one space between them and one before the first when
/// `space` is set and `out` holds text: the words of ASCII text that stand one space apart
/// already are copied as one run (most text: one copy, not one per word). Native only.
#[cfg(not(target_arch = "wasm32"))]
fn push_words(out: &mut String, t: &str, space: bool) {
    let mut space = space;
    if !t.is_ascii() {
        for word in t.split_whitespace() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
            space = true;
        }
        return;
    }
    let b = t.as_bytes();
    let mut i = 0;
    loop {
        while i < b.len() && is_ascii_white(b[i]) {
            i += 1;
        }
        if i == b.len() {
            return;
        }
        // Words and the single spaces between them, up to other whitespace or the end.
        let start = i;
        loop {
            while i < b.len() && !is_ascii_white(b[i]) {
                i += 1;
            }
            if i + 1 < b.len() && b[i] == b' ' && !is_ascii_white(b[i + 1]) {
                i += 1;
            } else {
                break;
            }
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        // Cut at ASCII bytes of ASCII text: character boundaries.
        out.push_str(&t[start..i]);
        space = true;
    }
}

/// Folds runs of whitespace (including non-breaking spaces) into one space and trims: the
/// words joined, runs of them copied whole (native, [`push_words`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_words(&mut out, s, false);
    out
}

/// Folds runs of whitespace (including non-breaking spaces) into one space and trims: the
/// words joined, each copied whole (not character by character).
#[cfg(target_arch = "wasm32")]
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in split_white(s) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn words_count_as_split_whitespace_counts_them() {
        for s in [
            "",
            "   ",
            "one",
            " one  two\tthree\n",
            "caf\u{e9}\u{a0}cr\u{e8}me\u{2003}br\u{fb}l\u{e9}e \u{3000}\u{65e5}\u{672c}",
            "\x0bx\x0cy\rz\u{85}end\u{2028}",
        ] {
            assert_eq!(super::count_words(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn an_elements_neighbours_are_its_nearest_element_siblings_on_each_side() {
        let doc = crate::dom::html::parse_html(
            "<body><ul><li id=a>a</li> text <li id=b>b</li><li id=c>c</li>\
             <li id=d>d</li><li id=e>e</li></ul></body>",
            None,
        );
        let ids = |n: super::NodeId, reach: usize| -> Vec<&str> {
            doc.element_neighbours(n, reach)
                .into_iter()
                .map(|c| doc.attr(c, "id").unwrap())
                .collect()
        };
        let li = doc.find_all(doc.body().unwrap(), "li");
        assert_eq!(ids(li[2], 1), ["b", "d"]);
        assert_eq!(ids(li[2], 2), ["b", "a", "d", "e"]);
        assert_eq!(ids(li[0], 9), ["b", "c", "d", "e"]);
    }

    #[test]
    fn join_gives_what_the_standard_join_gives() {
        for parts in [&[][..], &["a"][..], &["a", "", "b c"][..]] {
            assert_eq!(super::join(parts, ", "), parts.join(", "));
            let owned: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
            assert_eq!(super::join(&owned, "/"), owned.join("/"));
        }
    }

    #[test]
    fn code_the_engine_does_not_read_is_emptied_and_the_rest_kept() {
        let doc = crate::dom::html::parse_html(
            r#"<head><style>p { color: red }</style><script type=" Application/LD+JSON ">{"@type":"NewsArticle"}</script></head>
            <body><script>var tracker = "page text";</script><script type="math/tex; mode=display">x^2</script>
            <script>$RC("B:0","S:0")</script><svg><style>.a{}</style></svg><p>Text</p></body>"#,
            None,
        );
        let texts: Vec<String> = doc
            .find_all(NodeId::DOCUMENT, "script")
            .into_iter()
            .chain(doc.find_all(NodeId::DOCUMENT, "style"))
            .map(|n| doc.text_content(n))
            .collect();
        assert_eq!(
            texts,
            [
                r#"{"@type":"NewsArticle"}"#,
                "",
                "x^2",
                r#"$RC("B:0","S:0")"#,
                "",
                ""
            ]
        );
        let body = doc.inner_text(doc.body().unwrap());
        assert_eq!(body, r#"x^2 $RC("B:0","S:0")Text"#);
    }
    use super::*;

    #[test]
    fn append_detach_and_walk_keep_links_consistent() {
        let mut d = Document::new();
        let html = d.create_element("HTML", vec![]);
        d.append(NodeId::DOCUMENT, html);
        let a = d.create_element("p", vec![]);
        let b = d.create_element("div", vec![]);
        d.append(html, a);
        d.append(html, b);
        d.append_text(a, "one ");
        d.append_text(a, "two");
        assert_eq!(d.children(a).len(), 1, "adjacent text merges");
        assert_eq!(d.tag(html), Some("html"));
        d.insert_before(a, b);
        assert_eq!(d.children(html), vec![b, a]);
        d.unwrap(a);
        assert_eq!(d.children(html).len(), 2);
        assert_eq!(d.inner_text(html), "one two");
    }

    /// The nodes under `root` in document order, read from the links a walk does not use
    /// (each list of children from its last child back).
    fn preorder_by_back_links(d: &Document, root: NodeId) -> Vec<NodeId> {
        let (mut out, mut stack) = (Vec::new(), vec![root]);
        while let Some(n) = stack.pop() {
            out.push(n);
            let mut c = d.last_child(n);
            let mut kids = Vec::new();
            while let Some(k) = c {
                kids.push(k);
                c = d.prev_sibling(k);
            }
            stack.extend(kids);
        }
        out
    }

    #[test]
    fn walks_and_next_siblings_follow_every_edit() {
        // Pseudo-random appends, insertions, detaches and unwraps; after each, every subtree's
        // walk and every list of children agree with the links read backwards.
        let mut d = Document::new();
        let mut nodes = vec![NodeId::DOCUMENT];
        let mut seed = 12345u32;
        let mut rand = |n: usize| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 8) as usize % n
        };
        for step in 0..3000 {
            let (a, b) = (nodes[rand(nodes.len())], nodes[rand(nodes.len())]);
            match rand(10) {
                0..=3 => {
                    let e = d.create_element("div", vec![]);
                    d.append(a, e);
                    nodes.push(e);
                }
                4 if !d.contains(b, a) => d.append(a, b),
                5 if b != NodeId::DOCUMENT && !d.contains(b, a) && d.parent(a).is_some() => {
                    d.insert_before(a, b)
                }
                6 if step % 3 == 0 => d.detach(b),
                7 if d.parent(b).is_some() => d.unwrap(b),
                _ => {
                    let t = d.create_text("x");
                    d.append(a, t);
                    nodes.push(t);
                }
            }
            for &root in &nodes {
                let walk: Vec<NodeId> = d.descendants(root).collect();
                assert_eq!(walk, preorder_by_back_links(&d, root), "step {step}");
                let forward = d.children(root);
                let mut back = Vec::new();
                let mut c = d.last_child(root);
                while let Some(k) = c {
                    back.push(k);
                    c = d.prev_sibling(k);
                }
                back.reverse();
                assert_eq!(forward, back, "step {step}");
            }
        }
    }

    #[test]
    fn compacting_drops_detached_nodes_and_keeps_the_tree() {
        let mut d = Document::new();
        let html = d.create_element("html", vec![]);
        d.append(NodeId::DOCUMENT, html);
        let gone = d.create_element("script", vec![]);
        d.append(html, gone);
        d.append_text(gone, "var x;");
        let p = d.create_element("p", vec![("class".into(), "lead".into())]);
        d.append(html, p);
        d.append_text(p, "kept, text");
        d.create_comment(); // never attached
        d.detach(gone);
        let before: Vec<String> = d
            .descendants(NodeId::DOCUMENT)
            .map(|n| format!("{:?}", d.data(n)))
            .collect();
        let c = d.compact();
        assert_eq!(c.len(), 4, "document, html, p and its text");
        let after: Vec<String> = c
            .descendants(NodeId::DOCUMENT)
            .map(|n| format!("{:?}", c.data(n)))
            .collect();
        assert_eq!(before, after);
        let ids: Vec<NodeId> = c.descendants(NodeId::DOCUMENT).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "ids keep their order");
        let text = c.first_child(c.find_first("p").unwrap()).unwrap();
        assert_eq!(c.text_measure(text).commas, 1);
        assert_eq!(c.attr(c.find_first("p").unwrap(), "class"), Some("lead"));
    }

    #[test]
    fn deep_trees_walk_without_recursion() {
        let mut d = Document::new();
        let mut parent = NodeId::DOCUMENT;
        for _ in 0..200_000 {
            let e = d.create_element("div", vec![]);
            d.append(parent, e);
            parent = e;
        }
        d.append_text(parent, "deep");
        assert_eq!(d.text_content(NodeId::DOCUMENT), "deep");
        assert_eq!(d.descendants(NodeId::DOCUMENT).count(), 200_002);
    }

    #[test]
    fn builders_stop_nesting_at_the_depth_limit() {
        let mut d = Document::new();
        let mut parent = NodeId::DOCUMENT;
        for i in 0..2_000 {
            let e = d.create_element("div", vec![]);
            d.append_capped(parent, e);
            d.append_text_capped(e, &format!("{i} "));
            parent = e;
        }
        let depth_of = |mut n: NodeId| {
            let mut depth = 0;
            while let Some(p) = d.parent(n) {
                depth += 1;
                n = p;
            }
            depth
        };
        let deepest = d.descendants(NodeId::DOCUMENT).map(depth_of).max();
        assert_eq!(deepest, Some(MAX_TREE_DEPTH));
        let text = d.text_content(NodeId::DOCUMENT);
        assert!(text.starts_with("0 1 2 ") && text.ends_with(" 1998 1999 "));
        assert_eq!(text.split_whitespace().count(), 2_000, "no text is lost");
    }

    #[test]
    fn trim_cuts_what_str_trim_cuts() {
        for s in [
            "",
            " ",
            "\n\t ",
            "a",
            " a ",
            "\u{a0} a b\u{3000}",
            "\u{a0}",
            " é ",
            "x\u{2003}\n",
            "\u{85}\u{b}",
            "\r\n  Home \u{200b}",
            "日本 ",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn split_white_splits_where_split_whitespace_splits() {
        for s in [
            "",
            "  ",
            "a",
            " post  entry\tlg:hidden\n",
            "a\u{b}b\u{c}c\rd",
            "\u{a0}nbsp\u{a0}class ",
            "x\u{2003}y é\u{3000}z",
            "\u{85}a\u{1c}b",
        ] {
            let ours: Vec<&str> = split_white(s).collect();
            let std: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(ours, std, "{s:?}");
        }
    }

    #[test]
    fn inner_text_folds_as_the_joined_text_does() {
        let pieces = [
            "", " ", "a", "b ", " c", "d\u{a0}", "\u{2003}", "é", " x y ", "\n\t", "z", "p q  r s",
        ];
        // Every sequence of three pieces, in a paragraph and split between inline elements.
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let mut d = Document::new();
                    let p = d.create_element("p", vec![]);
                    d.append(NodeId::DOCUMENT, p);
                    d.append_text(p, a);
                    let span = d.create_element("span", vec![]);
                    d.append(p, span);
                    d.append_text(span, b);
                    let t = d.create_text(c);
                    d.append(p, t);
                    let joined = fold_whitespace(&d.text_content(p));
                    assert_eq!(d.inner_text(p), joined, "{a:?} {b:?} {c:?}");
                }
            }
        }
    }

    #[test]
    fn a_node_is_half_a_cache_line_and_knows_its_tag_without_its_data() {
        // Walks read the nodes' links and kinds in a row: 32 bytes a node, two to a line.
        #[cfg(not(target_arch = "wasm32"))]
        assert_eq!(std::mem::size_of::<Node>(), 32);
        let mut d = Document::new();
        let known = d.create_element("div", vec![]);
        let custom = d.create_element("My-Widget", vec![]);
        let t = d.create_text("x");
        let c = d.create_comment();
        for n in [known, custom, t, c] {
            d.append(NodeId::DOCUMENT, n);
        }
        assert_eq!(d.tag(known), Some("div"));
        assert_eq!(d.tag(custom), Some("my-widget"));
        assert_eq!(
            (d.tag(t), d.tag(c), d.tag(NodeId::DOCUMENT)),
            (None, None, None)
        );
        assert_eq!((d.text(known), d.text(t)), (None, Some("x")));
        d.rename(known, "p");
        d.rename(custom, "img");
        assert_eq!((d.tag(known), d.tag(custom)), (Some("p"), Some("img")));
        for name in KNOWN_TAGS {
            let e = d.create_element(name, vec![]);
            assert_eq!(d.tag(e), Some(*name));
        }
    }

    #[test]
    fn text_appended_from_another_document_is_shared_until_edited() {
        let mut src = Document::new();
        let p = src.create_element("p", vec![]);
        src.append(NodeId::DOCUMENT, p);
        src.append_text(p, "One, two");
        let t = src.first_child(p).unwrap();
        let measure = src.text_measure(t);
        let mut d = Document::new();
        let q = d.create_element("p", vec![]);
        d.append(NodeId::DOCUMENT, q);
        assert!(d.append_text_of(q, &src, t));
        let copy = d.first_child(q).unwrap();
        assert_eq!(d.text(copy), Some("One, two"));
        assert_eq!(d.kept_text_measure(copy), Some(measure), "measures kept");
        // A second text merges into the first, as `append_text` does; the source keeps its own.
        assert!(d.append_text_of(q, &src, t));
        assert_eq!(d.text(copy), Some("One, twoOne, two"));
        assert_eq!(d.text_measure(copy), TextMeasure::of("One, twoOne, two"));
        assert_eq!(src.text(t), Some("One, two"));
        assert!(!d.append_text_of(q, &src, p), "not a text node");
        assert_eq!(
            d.text_content(q),
            "One, twoOne, two",
            "nothing for elements"
        );
    }

    #[test]
    fn whitespace_folds_including_nbsp() {
        assert_eq!(fold_whitespace("  a \u{a0}\n b  "), "a b");
        // As the character-by-character fold it replaced.
        let by_char = |s: &str| {
            let (mut out, mut pending) = (String::new(), false);
            for ch in s.chars() {
                if ch.is_whitespace() {
                    pending = true;
                } else {
                    if pending && !out.is_empty() {
                        out.push(' ');
                    }
                    pending = false;
                    out.push(ch);
                }
            }
            out
        };
        for s in [
            "",
            " ",
            "a",
            " a ",
            "a  b\tc\r\n",
            "\u{a0}é\u{2003}ü x\u{3000}",
            "x\u{a0}",
            "\n\u{85}y z",
        ] {
            assert_eq!(fold_whitespace(s), by_char(s), "{s:?}");
        }
        // Every ASCII text of up to six bytes of words, single and double spaces, tabs and
        // newlines: the runs of words one space apart are copied whole.
        let alphabet = [b'a', b'b', b' ', b'\t', b'\n'];
        for len in 0..=6u32 {
            for code in 0..alphabet.len().pow(len) {
                let mut c = code;
                let s: String = (0..len)
                    .map(|_| {
                        let b = alphabet[c % alphabet.len()];
                        c /= alphabet.len();
                        char::from(b)
                    })
                    .collect();
                assert_eq!(fold_whitespace(&s), by_char(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn text_measures_count_as_the_definition_does() {
        // Characters with inner whitespace runs counted once, ends not at all; commas.
        let by_chars = |t: &str| {
            let words: Vec<&str> = t
                .split(char::is_whitespace)
                .filter(|w| !w.is_empty())
                .collect();
            let len = words.iter().map(|w| w.chars().count()).sum::<usize>()
                + words.len().saturating_sub(1);
            (
                len as u32,
                t.chars().filter(|&c| is_comma(c)).count() as u32,
            )
        };
        for t in [
            "",
            " ",
            "a",
            "a,b, c",
            " One,\ttwo\x7f \u{a0}thrée， ~!\x01x ",
            "\r\n,,\n",
        ] {
            let m = TextMeasure::of(t);
            assert_eq!((m.len, m.commas), by_chars(t), "{t:?}");
        }
    }

    #[test]
    fn text_measures_follow_appended_text() {
        let whole = "  One, two \n\u{a0} three， four  ";
        let mut d = Document::new();
        let p = d.create_element("p", vec![]);
        // Split at every character boundary: measuring in pieces equals measuring at once.
        for (i, _) in whole.char_indices() {
            let t = d.create_text(&whole[..i]);
            d.append(p, t);
            assert_eq!(d.measure_texts(p), d.text_len(p));
            assert!(d.push_text(t, &whole[i..]));
            assert_eq!(d.text_measure(t), TextMeasure::of(whole));
            d.detach(t);
        }
        let m = TextMeasure::of(whole);
        assert_eq!(
            (m.len, m.commas),
            (fold_whitespace(whole).chars().count() as u32, 2)
        );
        assert!(!d.push_text(p, "x"), "an element holds no text of its own");
        // The measures agree with their definition: folded characters, and commas.
        for s in [
            "a,b, c",
            " \t\x0b\x0c\r\n",
            "x\u{a0}y",
            "日本,語 ,",
            "word\u{2003}word\u{3000} ",
            ",,,",
        ] {
            let m = TextMeasure::of(s);
            assert_eq!(m.len as usize, fold_whitespace(s).chars().count(), "{s:?}");
            assert_eq!(
                m.commas as usize,
                s.chars().filter(|&c| is_comma(c)).count()
            );
        }
    }

    #[test]
    fn indentation_is_borrowed_and_reads_as_given() {
        let spaces = " ".repeat(128);
        let tabs = "\t".repeat(24);
        let indented = [
            "",
            "\n",
            " ",
            "\n    ",
            "\t\t",
            "\n\t",
            &spaces,
            &format!("\n{spaces}"),
            &tabs,
            &format!("\n{tabs}"),
        ];
        let other = [
            "x",
            "\n\n  ",
            " \t",
            "\t ",
            " \n",
            "\n  x",
            "\u{a0}",
            &format!("{spaces} "),
            &format!("\n{tabs}\t"),
        ];
        for t in indented {
            assert_eq!(indentation(t), Some(t), "{t:?}");
        }
        for t in other {
            assert_eq!(indentation(t), None, "{t:?}");
        }
        // Borrowed or owned, a text node reads as created, and takes more text.
        let mut d = Document::new();
        let p = d.create_element("p", vec![]);
        for t in indented.iter().chain(&other) {
            let n = d.create_text(t);
            d.append(p, n);
            assert_eq!(d.text(n), Some(*t));
            // Indentation measures zero unread: as its text measures.
            assert_eq!(d.text_measure(n), TextMeasure::of(t), "{t:?}");
            assert!(d.push_text(n, "more"));
            assert_eq!(d.text(n), Some(format!("{t}more").as_str()));
            let more = TextMeasure::of(&format!("{t}more"));
            assert_eq!(d.text_measure(n), more, "{t:?}");
        }
        // Nodes of one indentation share its data until one is edited.
        let a = d.create_text("\n  ");
        let b = d.create_text("\n  ");
        let c = d.create_text("  ");
        assert!(d.push_text(a, "x"));
        assert_eq!(
            [d.text(a), d.text(b), d.text(c)],
            [Some("\n  x"), Some("\n  "), Some("  ")]
        );
    }
}
