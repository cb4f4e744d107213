//! Sanitized HTML: the article rebuilt from an allowlist of tags, attributes and URL schemes.
//!
//! The reader view inserts this HTML into the page's document, where any surviving handler
//! or `javascript:` URL would run with the page's rights. So nothing passes by default:
//! each tag is kept, renamed, unwrapped (children kept) or dropped (subtree gone), and each
//! attribute must be listed for its tag.

use crate::dom::{AttrValue, Document, Name, NodeId};
use crate::extract::media::is_pixel_sized;
use crate::extract::patterns::{DROP_TAGS, PERMALINK_MARKS, PHRASING};
use crate::url;

use super::Step;

/// Tags kept under their own name: the only tags sanitized output holds.
pub const KEEP: crate::extract::patterns::Words = crate::extract::patterns::words![
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "q",
    "cite",
    "pre",
    "code",
    "kbd",
    "samp",
    "var",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "mark",
    "small",
    "sub",
    "sup",
    "abbr",
    "time",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "details",
    "summary",
    "div",
    "dfn",
    "bdi",
    "bdo",
    "ruby",
    "rt",
    "rp",
    "address",
];

/// Elements without content or end tag.
const VOID: crate::extract::patterns::Words = crate::extract::patterns::words!["br", "hr", "img"];

/// The attributes that hold an image's address: the lazy-loading ones, which hold the real
/// address, most specific first, then `src`.
const SRC_ATTRS: crate::extract::patterns::Words = crate::extract::patterns::words![
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazyload",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-orig-file",
    "src",
];
/// The same for a srcset: the lazy-loading spellings, then `srcset`.
const SRCSET_ATTRS: crate::extract::patterns::Words =
    crate::extract::patterns::words!["data-srcset", "data-lazy-srcset", "srcset"];

/// URL schemes allowed in links.
pub const LINK_SCHEMES: crate::extract::patterns::Words =
    crate::extract::patterns::words!["http", "https", "mailto"];

/// URL schemes allowed in image sources (`src` and each `srcset` candidate).
pub const IMAGE_SCHEMES: crate::extract::patterns::Words =
    crate::extract::patterns::words!["http", "https"];

/// Attributes any kept element may carry.
pub const GLOBAL_ATTRIBUTES: crate::extract::patterns::Words =
    crate::extract::patterns::words!["lang", "dir", "id"];

/// Attributes allowed per kept tag, beside [`GLOBAL_ATTRIBUTES`]. URL-valued ones (`href`,
/// `src`, `srcset`) also pass the scheme lists. Sanitizing filters every element through this
/// table last, so no attribute outside it can reach the output.
pub const ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "title"]),
    (
        "img",
        &[
            "src", "srcset", "alt", "title", "width", "height", "loading",
        ],
    ),
    ("td", &["colspan", "rowspan"]),
    ("th", &["colspan", "rowspan", "scope"]),
    ("ol", &["start", "reversed", "type"]),
    ("time", &["datetime"]),
    ("abbr", &["title"]),
    ("dfn", &["title"]),
    ("code", &["class"]),
    ("pre", &["class"]),
];

/// True when sanitized output may hold attribute `attr` on element `tag`.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn is_allowed_attribute(tag: &str, attr: &str) -> bool {
    GLOBAL_ATTRIBUTES.contains(attr)
        || ATTRIBUTES
            .iter()
            .any(|(t, attrs)| *t == tag && attrs.contains(&attr))
}

enum Action {
    Keep(&'static str),
    Unwrap,
    Drop,
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn action(tag: &str) -> Action {
    match tag {
        "h1" => Action::Keep("h2"),
        "section" | "article" | "main" | "header" | "center" | "hgroup" => Action::Keep("div"),
        t if DROP_TAGS.contains(t) => Action::Drop,
        t => match KEEP.iter().find(|&k| k == t) {
            Some(k) => Action::Keep(k),
            None => Action::Unwrap,
        },
    }
}

/// Rebuilds the subtree under `root` (its children, not `root` itself) from the allowlist
/// into a new tree: kept tags with their allowed attributes only, URLs resolved against
/// `base`. Returns the new tree and its container element. Every output form (HTML, text,
/// Markdown) renders this clean tree, so they all show the same article.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn sanitize(doc: &Document, root: NodeId, base: Option<&str>) -> (Document, NodeId) {
    let mut clean = Document::new();
    clean.url = base.map(str::to_string);
    // The names kept are static strings (no copy per element or attribute).
    let container = clean.create_named_element(Name::Static("div"), Vec::new());
    clean.append(NodeId::DOCUMENT, container);
    let mut stack: Vec<(NodeId, NodeId)> = Vec::new();
    push_children_to(doc, root, container, &mut stack);
    while let Some((n, parent)) = stack.pop() {
        if clean.append_text_of(parent, doc, n) {
            continue;
        }
        let Some(tag) = doc.tag(n) else { continue };
        #[cfg(not(target_arch = "wasm32"))]
        if set_apart_by_class(doc, n, tag) || words_touch_output(&clean, parent, doc, n, tag) {
            clean.append_text(parent, " ");
        }
        let step = match aria_heading(doc, n, tag) {
            Some(level) if may_hold_heading(&clean, parent) => Action::Keep(level),
            _ => action(tag),
        };
        match step {
            Action::Drop => {}
            Action::Unwrap => push_children_to(doc, n, parent, &mut stack),
            // A link inside a link (the parser allows one behind <object>, <marquee> or a
            // table cell, which may be unwrapped or dropped here) keeps its text only:
            // nested links would not parse back as written.
            Action::Keep("a")
                if clean.is(parent, "a") || clean.ancestor_named(parent, "a", 0).is_some() =>
            {
                push_children_to(doc, n, parent, &mut stack)
            }
            // A heading straight inside a heading (the parser allows one behind an element
            // that is unwrapped here) would close the outer one when parsed again: its text
            // joins the outer heading.
            Action::Keep("h2" | "h3" | "h4" | "h5" | "h6")
                if HEADINGS.iter().any(|h| clean.is(parent, h)) =>
            {
                push_children_to(doc, n, parent, &mut stack)
            }
            // An item cut off from its list by a block that became a <div> (<li> inside a
            // <section> inside an <li>) would close the outer item when parsed again; it
            // stays a plain block so that the output reads back as written.
            Action::Keep(name @ ("li" | "dd" | "dt"))
                if item_would_reparse_elsewhere(&clean, parent, name) =>
            {
                let e = clean.create_named_element(Name::Static("div"), Vec::new());
                clean.append(parent, e);
                push_children_to(doc, n, e, &mut stack);
            }
            Action::Keep(name) => match allowed_attrs(doc, n, name, base) {
                // A link without a safe target keeps its text; an image without a usable
                // source disappears.
                None if name == "a" => push_children_to(doc, n, parent, &mut stack),
                None => {}
                Some(attrs) => {
                    let attrs = attrs
                        .into_iter()
                        .filter(|(k, _)| is_allowed_attribute(name, k))
                        .map(|(k, v)| (Name::Static(k), AttrValue::from(v)))
                        .collect();
                    let e = clean.create_named_element(Name::Static(name), attrs);
                    clean.append(parent, e);
                    if !VOID.contains(name) {
                        push_children_to(doc, n, e, &mut stack);
                    }
                }
            },
        }
    }
    drop_blank_blocks(&mut clean, container);
    (clean, container)
}

/// Links, paragraphs, list items and lists left with nothing to show: no image and no text
/// but white space and invisible joiners (a share button whose icon went, an item that held
/// an ad, a paragraph holding a lone `&zwj;`). The view would show an empty bullet or gap,
/// the Markdown a stray `-` or `[](…)`. A link gives way to its contents (the space around
/// words stays); the others go. So does a heading's link to itself that shows only a
/// permalink mark (`<h2>Usage<a href="#usage">¶</a></h2>`): the page shows it on hover; the
/// view and the Markdown would show a stray "¶" or "#" after every heading. A definition's term
/// counts as a heading here: API references (Sphinx, rustdoc) give each signature one.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn drop_blank_blocks(clean: &mut Document, container: NodeId) {
    let found = clean.collect_where(container, &|n| {
        matches!(clean.tag(n), Some("a" | "p" | "li" | "ul" | "ol"))
    });
    // Deepest first: a list emptied of its items goes too.
    for &n in found.iter().rev() {
        let link = clean.is(n, "a");
        let permalink = link
            && clean.attr(n, "href").is_some_and(|h| h.contains('#'))
            && std::iter::successors(clean.parent(n), |&p| clean.parent(p))
                .take(3)
                .any(|p| {
                    clean
                        .tag(p)
                        .is_some_and(|t| t == "dt" || HEADINGS.contains(&t))
                });
        let marks = if permalink { PERMALINK_MARKS } else { &[] };
        if !shows_nothing(clean, n, marks) {
            continue;
        }
        if link && !permalink {
            clean.unwrap(n);
        } else {
            clean.detach(n);
        }
    }
}

/// True when subtree `n` shows nothing: no image, and no text but white space, invisible
/// joiners and the characters of `marks`.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn shows_nothing(doc: &Document, n: NodeId, marks: &[char]) -> bool {
    doc.descendants(n).all(|d| match doc.text(d) {
        Some(t) => t.chars().all(|c| {
            c.is_whitespace()
                || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
                || marks.contains(&c)
        }),
        None => !doc.is(d, "img"),
    })
}

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Class words of a flex or grid container (Tailwind's `flex`, Bootstrap's `d-flex`), whose
/// items the page lays out as separate boxes. Not the inline ones: a link's `inline-flex`
/// sets its icon, name and handle (`db0` `@lemmy.dbzer0.com`) side by side, touching.
#[cfg(not(target_arch = "wasm32"))]
const ROW_CLASSES: crate::extract::patterns::Words =
    crate::extract::patterns::words!["flex", "d-flex", "grid", "d-grid"];

/// Class words of a block-level box.
#[cfg(not(target_arch = "wasm32"))]
const BLOCK_CLASSES: crate::extract::patterns::Words =
    crate::extract::patterns::words!["block", "d-block", "flex", "d-flex", "grid", "d-grid"];

/// True for an inline element that holds text: phrasing content but a line break or a picture.
#[cfg(not(target_arch = "wasm32"))]
fn is_inline_box(tag: &str) -> bool {
    PHRASING.contains(tag) && !matches!(tag, "br" | "img" | "wbr" | "picture")
}

/// True when inline element `n` (tag `tag`) and the inline element right before it, with no
/// text between them, are set apart by class: items of a flex or grid row
/// (`<div class="flex"><span>3 beds</span><span>2.5 baths</span>`), or one of them a block.
/// The page shows them apart; without its style their words would run together ("beds2.5"),
/// so a space goes between them. Native only: the extension's page walk reads the real
/// layout and writes the space itself (`lectorSetApart` in extension/shared/page-tree.js).
#[cfg(not(target_arch = "wasm32"))]
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn set_apart_by_class(doc: &Document, n: NodeId, tag: &str) -> bool {
    let inline = is_inline_box;
    // The element before first: most elements follow text (if only indentation), which rules
    // them out before their tag is searched for.
    let mut before = doc.prev_sibling(n);
    // Comments (a framework's `<!-- -->` markers) are no text, and what the sanitizer drops
    // (a <nav>, a <form>) leaves the two side by side: the same verdict when the output is
    // sanitized again.
    while let Some(b) = before.filter(|&b| match doc.tag(b) {
        Some(t) => DROP_TAGS.contains(t),
        None => doc.text(b).is_none(),
    }) {
        before = doc.prev_sibling(b);
    }
    let Some(before) = before.filter(|&b| doc.tag(b).is_some_and(inline)) else {
        return false;
    };
    if !inline(tag) {
        return false;
    }
    let has_word = |x: NodeId, words: crate::extract::patterns::Words| {
        doc.attr(x, "class")
            .is_some_and(|c| crate::dom::split_white(c).any(|w| words.contains(w)))
    };
    doc.parent(n).is_some_and(|p| has_word(p, ROW_CLASSES))
        || has_word(n, BLOCK_CLASSES)
        || has_word(before, BLOCK_CLASSES)
        // Sub- and superscripts touch what they index (`<i>x</i><sup>2</sup>`).
        || !matches!(tag, "sub" | "sup")
            && !doc.is(before, "sub")
            && !doc.is(before, "sup")
            && edge_char(doc, before, true)
            .zip(edge_char(doc, n, false))
            .is_some_and(|(a, b)| words_cannot_touch(a, b))
}

/// True when inline element `n` (tag `tag`) of the page would follow, in the output under
/// `parent`, an inline box whose words cannot run on into its own ([`words_cannot_touch`]).
/// The output's neighbour, not the page's: a wrapper the sanitizer unwraps (a `<div>` of
/// unknown name, a custom element) can set two links side by side that were apart in the
/// page, and sanitizing the output again must find what this pass found.
#[cfg(not(target_arch = "wasm32"))]
fn words_touch_output(
    clean: &Document,
    parent: NodeId,
    doc: &Document,
    n: NodeId,
    tag: &str,
) -> bool {
    // Sub- and superscripts touch what they index.
    let inline = |t: &str| is_inline_box(t) && !matches!(t, "sub" | "sup");
    if !inline(tag) {
        return false;
    }
    clean
        .last_child(parent)
        .filter(|&b| clean.tag(b).is_some_and(inline))
        .and_then(|b| edge_char(clean, b, true))
        .zip(edge_char(doc, n, false))
        .is_some_and(|(a, b)| words_cannot_touch(a, b))
}

/// True when a word ending in `a` cannot go on with `b` in one word: a lowercase letter or a
/// digit then a capital ("Publisher" `Houghton`, "€49.99" `VAT`), or a letter then a digit
/// ("Year" `2013`). Two inline boxes whose texts touch like that are a label and its value,
/// or two fields of a row, that the page lays out apart (a flex row, a table built of
/// spans): their words would run together without the page's style.
#[cfg(not(target_arch = "wasm32"))]
fn words_cannot_touch(a: char, b: char) -> bool {
    ((a.is_lowercase() || a.is_ascii_digit()) && b.is_uppercase())
        || (a.is_alphabetic() && b.is_ascii_digit())
}

/// The first (or with `last`, the last) character of element `x`'s text, found down its
/// first (last) children: white space and empty elements on the way stop the search (then
/// there is nothing to join). What the sanitizer drops (comments, an icon's `<svg>`) is
/// stepped over, as its output will not hold it: sanitizing that output again finds the same
/// character. A walk down one path, not over the subtree.
#[cfg(not(target_arch = "wasm32"))]
fn edge_char(doc: &Document, x: NodeId, last: bool) -> Option<char> {
    let inward = |n| {
        if last {
            doc.last_child(n)
        } else {
            doc.first_child(n)
        }
    };
    let mut c = inward(x);
    while let Some(n) = c {
        if let Some(t) = doc.text(n) {
            return if last {
                t.chars().next_back()
            } else {
                t.chars().next()
            };
        }
        c = match doc.tag(n) {
            Some(t) if !DROP_TAGS.contains(t) => inward(n),
            _ if last => doc.prev_sibling(n),
            _ => doc.next_sibling(n),
        };
    }
    None
}

/// Tags a page builder marks `role="heading"` instead of writing a heading element.
const ARIA_HEADING_TAGS: crate::extract::patterns::Words =
    crate::extract::patterns::words!["div", "span", "p", "strong", "b"];

/// The heading tag for an element marked `role="heading"` (accordions and page builders
/// style a `<span>` or `<div>` as a section's heading and tell screen readers so), or for a
/// paragraph that holds nothing but one (preparation makes a `<div>` of inline content a
/// `<p>`, and an accordion's control wraps its heading in a link), when the heading is one
/// short line of inline content. `aria-level` gives the level (2 when absent, as ARIA
/// says); level 1 becomes `h2`, as `<h1>` does: the title is the view's one top heading.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn aria_heading(doc: &Document, n: NodeId, tag: &str) -> Option<&'static str> {
    let is_heading = |d: NodeId| doc.attr(d, "role") == Some("heading");
    let heading = if tag == "p" && !is_heading(n) {
        let mut inner = doc.descendants(n).skip(1).filter(|&d| is_heading(d));
        let heading = inner.next()?;
        inner.next().is_none().then_some(heading)?
    } else {
        n
    };
    if !is_heading(heading) || !ARIA_HEADING_TAGS.contains(doc.tag(heading)?) {
        return None;
    }
    let level = match doc.attr(heading, "aria-level").map(|l| l.trim().as_bytes()) {
        None => 2,
        Some(&[digit @ b'1'..=b'6']) => usize::from(digit - b'0'),
        Some(_) => return None,
    };
    let inline = doc
        .descendants(heading)
        .skip(1)
        .all(|d| doc.tag(d).is_none_or(|t| PHRASING.contains(t)));
    let text = doc.text_content(heading);
    let line = text.trim();
    // A paragraph around the heading holds nothing else.
    let alone = heading == n || doc.text_content(n).trim() == line;
    (inline && alone && !line.is_empty() && line.len() <= 200).then(|| HEADINGS[level.max(2) - 1])
}

/// True when a heading appended to `parent` in the clean tree stays there when the output
/// is parsed again: a block container, not a paragraph (which a heading would close) or
/// inline content.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn may_hold_heading(clean: &Document, parent: NodeId) -> bool {
    clean.tag(parent).is_some_and(|t| {
        matches!(
            t,
            "div" | "li" | "dd" | "td" | "th" | "blockquote" | "figure" | "details"
        )
    })
}

/// True when a list item `name` appended to `parent` would not parse back there: its list is
/// not its parent, and an open item of the same kind above it would be closed by it.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn item_would_reparse_elsewhere(clean: &Document, parent: NodeId, name: &str) -> bool {
    let (lists, items): (&[&str], &[&str]) = if name == "li" {
        (&["ul", "ol", "menu"], &["li"])
    } else {
        (&["dl"], &["dd", "dt"])
    };
    if lists.iter().any(|l| clean.is(parent, l)) {
        return false;
    }
    let mut cur = Some(parent);
    while let Some(n) = cur {
        if items.iter().any(|i| clean.is(n, i)) {
            return true;
        }
        if lists.iter().any(|l| clean.is(n, l)) {
            return false;
        }
        cur = clean.parent(n);
    }
    false
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn push_children_to(doc: &Document, n: NodeId, parent: NodeId, stack: &mut Vec<(NodeId, NodeId)>) {
    let mut c = doc.last_child(n);
    while let Some(ch) = c {
        stack.push((ch, parent));
        c = doc.prev_sibling(ch);
    }
}

/// Serializes a tree produced by [`sanitize`] (the children of `root`) as HTML.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn serialize(clean: &Document, root: NodeId) -> String {
    let mut out = String::new();
    let mut stack: Vec<Step> = Vec::new();
    push_children(clean, root, &mut stack);
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(n) => {
                if let Some(t) = clean.text(n) {
                    escape_text(t, &mut out);
                    continue;
                }
                let Some(name) = clean.tag(n) else { continue };
                out.push('<');
                out.push_str(name);
                for (k, v) in clean.attrs(n) {
                    out.push(' ');
                    out.push_str(k);
                    out.push_str("=\"");
                    escape_attr(v, &mut out);
                    out.push('"');
                }
                out.push('>');
                // Parsers drop one newline right after <pre>'s start tag, so a leading
                // newline of its text needs one more to read back (as the HTML standard's
                // serializer writes it).
                if name == "pre"
                    && clean
                        .first_child(n)
                        .and_then(|c| clean.text(c))
                        .is_some_and(|t| t.starts_with('\n'))
                {
                    out.push('\n');
                }
                if !VOID.contains(name) {
                    stack.push(Step::Leave(n));
                    push_children(clean, n, &mut stack);
                }
            }
            Step::Leave(n) => {
                out.push_str("</");
                out.push_str(clean.tag(n).unwrap_or("span"));
                out.push('>');
            }
        }
    }
    out
}

/// Sanitized HTML of the subtree under `root`: [`sanitize`] then [`serialize`].
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn to_html(doc: &Document, root: NodeId, base: Option<&str>) -> String {
    let (clean, container) = sanitize(doc, root, base);
    serialize(&clean, container)
}

/// An id worth keeping: short, without whitespace or control characters.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn is_plain_id(v: &str) -> bool {
    !v.is_empty() && v.len() <= 100 && !v.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn push_children(doc: &Document, n: NodeId, stack: &mut Vec<Step>) {
    let mut c = doc.last_child(n);
    while let Some(ch) = c {
        stack.push(Step::Enter(ch));
        c = doc.prev_sibling(ch);
    }
}

/// The attributes that survive on a kept element, or `None` when the element itself must
/// not be emitted (an image without a safe source, a link without a safe target).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn allowed_attrs(
    doc: &Document,
    n: NodeId,
    name: &str,
    base: Option<&str>,
) -> Option<Vec<(&'static str, String)>> {
    let mut attrs: Vec<(&'static str, String)> = Vec::new();
    for key in ["lang", "dir"] {
        if let Some(v) = doc.attr(n, key) {
            attrs.push((
                if key == "lang" { "lang" } else { "dir" },
                v.trim().to_string(),
            ));
        }
    }
    // Ids stay so that in-page links (footnotes, contents) keep their targets.
    if let Some(v) = doc.attr(n, "id").map(str::trim).filter(|v| is_plain_id(v)) {
        attrs.push(("id", v.to_string()));
    }
    match name {
        "a" => {
            let href = doc.attr(n, "href")?.trim();
            // A bare "#" is a script's button; "#note-1" is an in-page link and resolves
            // to this page's URL with its fragment.
            if href.is_empty() || href == "#" || href.starts_with("#!") {
                return None;
            }
            let abs = url::resolve(base, href);
            // Without a base URL an in-page link stays one ("#note-1"); other relative links
            // could point nowhere and give way to their text.
            if !(abs.starts_with('#')
                || url::scheme(&abs).is_some_and(|s| LINK_SCHEMES.contains(s.as_str())))
            {
                return None;
            }
            attrs.push(("href", abs));
            if let Some(t) = doc.attr(n, "title") {
                attrs.push(("title", t.to_string()));
            }
        }
        "img" => {
            let (src, srcset) = image_source(doc, n, base)?;
            if is_pixel_sized(doc, n) {
                return None;
            }
            attrs.push(("src", src));
            if let Some(s) = srcset {
                attrs.push(("srcset", s));
            }
            for key in ["alt", "title"] {
                if let Some(v) = doc.attr(n, key) {
                    attrs.push((if key == "alt" { "alt" } else { "title" }, v.to_string()));
                }
            }
            for key in ["width", "height"] {
                if let Some(v) = doc.attr(n, key).filter(|v| v.trim().parse::<u32>().is_ok()) {
                    attrs.push((
                        if key == "width" { "width" } else { "height" },
                        v.trim().to_string(),
                    ));
                }
            }
            attrs.push(("loading", "lazy".to_string()));
        }
        "td" | "th" => {
            for key in ["colspan", "rowspan"] {
                if let Some(v) = doc.attr(n, key).filter(|v| v.trim().parse::<u16>().is_ok()) {
                    attrs.push((
                        if key == "colspan" {
                            "colspan"
                        } else {
                            "rowspan"
                        },
                        v.trim().to_string(),
                    ));
                }
            }
            if name == "th" {
                if let Some(v) = doc
                    .attr(n, "scope")
                    .filter(|v| matches!(*v, "row" | "col" | "rowgroup" | "colgroup"))
                {
                    attrs.push(("scope", v.to_string()));
                }
            }
        }
        "ol" => {
            if let Some(v) = doc
                .attr(n, "start")
                .filter(|v| v.trim().parse::<i32>().is_ok())
            {
                attrs.push(("start", v.trim().to_string()));
            }
            if doc.attr(n, "reversed").is_some() {
                attrs.push(("reversed", String::new()));
            }
            if let Some(v) = doc
                .attr(n, "type")
                .filter(|v| matches!(*v, "1" | "a" | "A" | "i" | "I"))
            {
                attrs.push(("type", v.to_string()));
            }
        }
        "time" => {
            if let Some(v) = doc.attr(n, "datetime") {
                attrs.push(("datetime", v.to_string()));
            }
        }
        "abbr" | "dfn" => {
            if let Some(v) = doc.attr(n, "title") {
                attrs.push(("title", v.to_string()));
            }
        }
        "code" | "pre" => {
            // Only the language hint survives, for highlighting and Markdown fences.
            if let Some(lang) = code_language(doc, n, name == "pre") {
                attrs.push(("class", format!("language-{lang}")));
            }
        }
        _ => {}
    }
    Some(attrs)
}

/// The language of a code block in any of the usual spellings: `language-rust`/`lang-rust`
/// (Prism, highlight.js, CommonMark renderers), `highlight-rust` or `highlight-source-rust` on a
/// wrapper (Sphinx, GitHub), `brush: rust` (SyntaxHighlighter), `data-lang`. A `pre` also
/// looks at up to three wrappers. Lowercased; `None` when nothing safe is found.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn code_language(doc: &Document, n: NodeId, look_up: bool) -> Option<String> {
    let from_node = |e: NodeId| -> Option<String> {
        let data = doc
            .attr(e, "data-lang")
            .or_else(|| doc.attr(e, "data-language"))
            .or_else(|| doc.attr(e, "data-code-block-lang"))
            .map(str::to_string);
        let class = doc.attr(e, "class").unwrap_or("");
        let brush = class.split(';').find_map(|part| {
            part.trim()
                .strip_prefix("brush:")
                .map(|l| l.trim().to_string())
        });
        let prefixed = class.split_whitespace().find_map(|c| {
            let c = c
                .strip_prefix("language-")
                .or_else(|| c.strip_prefix("lang-"))
                .or_else(|| c.strip_prefix("highlight-"))?;
            Some(c.strip_prefix("source-").unwrap_or(c).to_string())
        });
        prefixed.or(brush).or(data)
    };
    let mut candidates = vec![n];
    // Some editors mark the language on the one line-holding element inside the <pre>.
    if look_up {
        if let [only] = doc.element_children(n)[..] {
            if doc.attr(only, "data-code-block-lang").is_some() {
                candidates.push(only);
            }
        }
    }
    if look_up {
        // The walk stops at an enclosing code or pre: that one keeps its own class in the
        // output, so inheriting it here would change the result of a second sanitize pass
        // (wrappers unwrapped in between bring it within reach).
        let mut cur = doc
            .parent(n)
            .filter(|&p| !matches!(doc.tag(p), Some("code" | "pre")));
        while let Some(p) = cur.filter(|_| candidates.len() < 4) {
            candidates.push(p);
            cur = doc
                .parent(p)
                .filter(|&p| !matches!(doc.tag(p), Some("code" | "pre")));
        }
    }
    // A plain loop: the iterator chain compiled to a function of its own (1,200 bytes more).
    for e in candidates {
        let Some(l) = from_node(e) else { continue };
        let l = l.to_ascii_lowercase();
        if !l.is_empty()
            && l.len() <= 32
            && l.chars()
                .all(|ch| ch.is_ascii_alphanumeric() || "-_+#.".contains(ch))
        {
            return Some(l);
        }
    }
    None
}

/// The image's real address (lazy-loading attributes win over placeholders) and srcset.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn image_source(doc: &Document, n: NodeId, base: Option<&str>) -> Option<(String, Option<String>)> {
    let usable = |s: &str| {
        let s = s.trim();
        !s.is_empty()
            && !s.starts_with("data:")
            && !s.contains("placeholder")
            && !s.contains("blank.gif")
    };
    let srcset = SRCSET_ATTRS
        .iter()
        .filter_map(|k| doc.attr(n, k))
        .find(|s| usable(s))
        .map(|s| resolve_srcset(s, base))
        .filter(|s| !s.is_empty())
        .or_else(|| picture_srcset(doc, n, base));
    let src = SRC_ATTRS
        .iter()
        .filter_map(|k| doc.attr(n, k))
        .find(|s| usable(s))
        .map(|s| url::resolve(base, s))
        // An <img> that only carries its picture's fallback: the largest srcset candidate.
        .or_else(|| srcset.as_deref().and_then(largest_candidate))?;
    if !url::scheme(&src).is_some_and(|s| s == "http" || s == "https") {
        return None;
    }
    Some((src, srcset))
}

/// The srcset of the first `<source>` of the `<picture>` around `img` that offers one
/// (lazy-loading spellings first), resolved.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn picture_srcset(doc: &Document, img: NodeId, base: Option<&str>) -> Option<String> {
    let picture = doc.parent(img).filter(|&p| doc.is(p, "picture"))?;
    doc.element_children(picture)
        .into_iter()
        .filter(|&c| doc.is(c, "source"))
        .find_map(|c| {
            SRCSET_ATTRS
                .iter()
                .filter_map(|k| doc.attr(c, k))
                .map(|s| resolve_srcset(s, base))
                .find(|s| !s.is_empty())
        })
}

/// The URL of the widest candidate of a resolved srcset (the last one when none says).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn largest_candidate(srcset: &str) -> Option<String> {
    let mut best: Option<(u32, &str)> = None;
    for candidate in srcset.split(", ") {
        let mut parts = candidate.split_whitespace();
        let Some(u) = parts.next() else { continue };
        // "1400w", "2x", "1.5x": the whole part is enough to compare.
        let width = parts
            .next()
            .map(|d| d.trim_end_matches(&['w', 'x'][..]))
            .and_then(|d| d.split('.').next()?.parse::<u32>().ok())
            .unwrap_or(0);
        if best.is_none_or(|(w, _)| width >= w) {
            best = Some((width, u));
        }
    }
    best.map(|(_, u)| u.to_string())
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn is_srcset_descriptor(d: &str) -> bool {
    let Some(number) = d.strip_suffix(['w', 'x', 'h']) else {
        return false;
    };
    is_non_negative_number(number)
}

/// A non-negative number as HTML writes one (`2`, `1.5`, `.5`, `1e3`), checked without
/// parsing it (float parsing would pull its tables into the wasm for one yes/no).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn is_non_negative_number(s: &str) -> bool {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// Resolves each candidate of a `srcset`. Candidates are split as the HTML standard splits
/// them: a URL runs to the next whitespace (so CDN addresses with commas survive), and a
/// comma ends the descriptors.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn resolve_srcset(srcset: &str, base: Option<&str>) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut rest = srcset;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (raw_url, after) = rest.split_at(end);
        let (raw_url, descriptor) = if raw_url.ends_with(',') {
            (raw_url.trim_end_matches(&[','][..]), "")
        } else {
            let d_end = after.find(',').unwrap_or(after.len());
            let d = &after[..d_end];
            rest = &after[d_end..];
            (raw_url, d.trim())
        };
        if raw_url.len() < end {
            rest = after;
        }
        let u = url::resolve(base, raw_url);
        if url::scheme(&u).is_some_and(|s| s == "http" || s == "https") {
            // Only width, density and height descriptors ("640w", "2x", "480h") are kept;
            // anything else would make browsers drop the candidate anyway. None left: the
            // bare URL (a trailing space would not read back the same).
            let mut candidate = u;
            for d in descriptor.split_whitespace() {
                if is_srcset_descriptor(d) {
                    candidate.push(' ');
                    candidate.push_str(d);
                }
            }
            out.push(candidate);
        }
    }
    crate::dom::join(&out, ", ")
}

fn escape_text(t: &str, out: &mut String) {
    escape(t, out, false);
}

fn escape_attr(t: &str, out: &mut String) {
    escape(t, out, true);
}

/// Writes `t` with `& < >` replaced, and `"` in an attribute's value or the no-break space in
/// text: the runs between are copied whole, not character by character.
fn escape(t: &str, out: &mut String, attr: bool) {
    let bytes = t.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        // U+00A0 is the bytes C2 A0 (C2 only ever leads a character).
        let (at, rep) = match b {
            b'&' => (i, "&amp;"),
            b'<' => (i, "&lt;"),
            b'>' => (i, "&gt;"),
            b'"' if attr => (i, "&quot;"),
            0xA0 if !attr && i > 0 && bytes[i - 1] == 0xC2 => (i - 1, "&nbsp;"),
            _ => continue,
        };
        out.push_str(&t[from..at]);
        out.push_str(rep);
        from = i + 1;
    }
    out.push_str(&t[from..]);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn escaping_replaces_what_a_character_by_character_escape_replaces() {
        let by_chars = |t: &str, attr: bool| {
            let mut out = String::new();
            for c in t.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '"' if attr => out.push_str("&quot;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '\u{a0}' if !attr => out.push_str("&nbsp;"),
                    c => out.push(c),
                }
            }
            out
        };
        for t in [
            "",
            "plain",
            "a & b < c > \"d\"",
            "\u{a0}x\u{a0}",
            "é\u{a0}&ü\u{2000}€<",
        ] {
            let (mut text, mut attr) = (String::new(), String::new());
            escape_text(t, &mut text);
            escape_attr(t, &mut attr);
            assert_eq!(text, by_chars(t, false), "{t:?}");
            assert_eq!(attr, by_chars(t, true), "{t:?}");
        }
    }

    #[test]
    fn srcset_descriptors_are_non_negative_numbers_with_a_unit() {
        for ok in ["640w", "2x", "1.5x", ".5x", "1.x", "1e3w", "2E+1x", "480h"] {
            assert!(is_srcset_descriptor(ok), "{ok}");
        }
        for bad in [
            "x", "-1x", "+1x", "1..5x", "e3w", "1e+x", "NaNx", "infx", "2y", "1,5x", "2 x",
        ] {
            assert!(!is_srcset_descriptor(bad), "{bad}");
        }
    }
    use crate::dom::html::parse_html;

    fn render(html: &str) -> String {
        let doc = parse_html(html, None);
        to_html(
            &doc,
            doc.body().unwrap(),
            Some("https://site.example/news/story"),
        )
    }

    #[test]
    fn links_items_paragraphs_and_lists_with_nothing_to_show_go() {
        assert_eq!(
            render(
                "<p>Share <a href=\"/s\"> </a>this</p><ul><li> </li><li><a href=\"/x\"></a></li></ul>\
                 <p>\u{200d}</p><ol><li>One</li><li>\u{a0}</li></ol>"
            ),
            "<p>Share  this</p><ol><li>One</li></ol>"
        );
        // An image is something to show, in a link or alone in an item.
        assert_eq!(
            render("<ul><li><a href=\"/p\"><img src=\"/p.jpg\"></a></li></ul>"),
            "<ul><li><a href=\"https://site.example/p\"><img src=\"https://site.example/p.jpg\" loading=\"lazy\"></a></li></ul>"
        );
    }

    #[test]
    fn a_headings_link_to_itself_goes_and_other_links_in_headings_stay() {
        // Sphinx, Hugo and GitHub's habits: a mark or an icon linking to the heading.
        for html in [
            r##"<h2>Usage<a class="headerlink" href="#usage">¶</a></h2>"##,
            r##"<h2><a class="anchor" href="#usage"> # </a>Usage</h2>"##,
            r##"<h2><span>Usage</span><a href="https://site.example/news/story#usage">🔗</a></h2>"##,
            r##"<h2>Usage<a href="#usage"><svg viewBox="0 0 16 16"></svg></a></h2>"##,
        ] {
            assert_eq!(render(html), "<h2>Usage</h2>", "{html}");
        }
        assert_eq!(
            render(r##"<h3><strong>Usage<a href="#usage">¶</a></strong></h3>"##),
            "<h3><strong>Usage</strong></h3>"
        );
        // An API reference's signature, a definition term, has one too.
        assert_eq!(
            render(
                r##"<dl><dt id="json.dump"><code>json.dump</code>(<em>obj</em>)<a class="headerlink" href="#json.dump">¶</a></dt><dd><p>Serialize.</p></dd></dl>"##
            ),
            "<dl><dt id=\"json.dump\"><code>json.dump</code>(<em>obj</em>)</dt><dd><p>Serialize.</p></dd></dl>"
        );
        // Words in the link, a link elsewhere, a link outside a heading: kept.
        assert_eq!(
            render(r##"<h2><a href="#usage">Usage</a></h2>"##),
            r##"<h2><a href="https://site.example/news/story#usage">Usage</a></h2>"##
        );
        assert_eq!(
            render(r##"<h2>Usage<a href="/rules">§</a></h2>"##),
            r##"<h2>Usage<a href="https://site.example/rules">§</a></h2>"##
        );
        assert_eq!(
            render(r##"<p>See <a href="#usage">¶</a></p>"##),
            r##"<p>See <a href="https://site.example/news/story#usage">¶</a></p>"##
        );
    }

    #[test]
    fn without_a_base_url_in_page_links_stay_and_other_relative_links_give_way() {
        let doc = parse_html(
            r##"<h2>Notes<a href="#notes">¶</a></h2><p>A claim<a href="#note-1">1</a>, <a href="/rules">the rules</a>.</p>"##,
            None,
        );
        assert_eq!(
            to_html(&doc, doc.body().unwrap(), None),
            r##"<h2>Notes</h2><p>A claim<a href="#note-1">1</a>, the rules.</p>"##
        );
    }

    #[test]
    fn aria_headings_become_headings_where_a_heading_may_stand() {
        let out = render(
            r#"<div class="accordion"><a role="button"><span role="heading" aria-level="3">1. Book a <b>survey</b></span></a>
            <div role="heading">Costs</div><p role="heading" aria-level="1">Top</p>
            <div role="heading" aria-level="4"><p>Two</p><p>paragraphs</p></div>
            <p>Text <span role="heading" aria-level="3">inline</span> more</p>
            <span role="heading" aria-level="9">odd</span>
            <p> <a href="/steps#2" role="button"><span role="heading" aria-level="4">2. Quotes</span></a> </p></div>"#,
        );
        // A paragraph that holds only the heading (a prepared accordion control) becomes it.
        assert!(
            out.contains(r#"<h4> <a href="https://site.example/steps#2">2. Quotes</a> </h4>"#),
            "{out}"
        );
        assert!(out.contains("<h3>1. Book a <b>survey</b></h3>"), "{out}");
        assert!(out.contains("<h2>Costs</h2>"), "{out}");
        assert!(out.contains("<h2>Top</h2>"), "{out}");
        // Blocks inside, a paragraph around it, or a level ARIA does not define: not a heading.
        assert!(out.contains("<p>Two</p><p>paragraphs</p>"), "{out}");
        assert!(out.contains("<p>Text inline more</p>"), "{out}");
        assert!(!out.contains(">odd</h"), "{out}");
    }

    #[test]
    fn drops_scripts_handlers_and_unsafe_urls() {
        let out = render(
            r#"<p onclick="x()" style="color:red" class="c">Hi<script>alert(1)</script>
            <a href="javascript:alert(1)">js</a> <a href=" JaVaScRiPt:alert(1)">js2</a>
            <img src=x onerror=alert(1)><img src="data:image/svg+xml,<svg onload=alert(1)>">
            <iframe src="https://evil.example"></iframe><svg><script>alert(1)</script></svg>
            <a href="/ok" onmouseover="x">ok</a></p>"#,
        );
        for bad in [
            "onclick",
            "onerror",
            "onmouseover",
            "javascript",
            "script",
            "iframe",
            "svg",
            "style",
            "class",
            "data:",
        ] {
            assert!(!out.to_lowercase().contains(bad), "{bad} survived in {out}");
        }
        assert!(
            out.contains(r#"<a href="https://site.example/ok">ok</a>"#),
            "{out}"
        );
        assert!(
            out.contains(r#"<img src="https://site.example/news/x" loading="lazy">"#),
            "{out}"
        );
    }

    #[test]
    fn in_page_links_keep_their_targets() {
        let out = render(
            r##"<p>Claim<sup id="ref-1"><a href="#note-1">1</a></sup> <a href="#">Share</a></p>
            <ol><li id="note-1">Source. <a href="#ref-1">back</a></li></ol>
            <h2 id="two words">x</h2>"##,
        );
        assert!(
            out.contains(
                r#"<sup id="ref-1"><a href="https://site.example/news/story#note-1">1</a></sup>"#
            ),
            "{out}"
        );
        assert!(out.contains(r#"<li id="note-1">"#), "{out}");
        assert!(
            out.contains("https://site.example/news/story#ref-1"),
            "{out}"
        );
        assert!(
            !out.contains(r#"href="https://site.example/news/story""#),
            "a bare # is not a link: {out}"
        );
        assert!(
            out.contains("<h2>x</h2>"),
            "an id with spaces is not kept: {out}"
        );
    }

    #[test]
    fn lazy_images_use_their_real_source_and_trackers_go() {
        let out = render(
            r#"<img src="data:image/gif;base64,R0lGOD" data-src="/a.jpg" data-srcset="/a.jpg 1x, /a2.jpg 2x" alt="A">
            <img src="https://t.example/p.gif" width="1" height="1">"#,
        );
        assert!(out.contains(r#"src="https://site.example/a.jpg""#), "{out}");
        assert!(
            out.contains(
                r#"srcset="https://site.example/a.jpg 1x, https://site.example/a2.jpg 2x""#
            ),
            "{out}"
        );
        assert!(!out.contains("t.example"), "{out}");
    }

    #[test]
    fn srcset_urls_may_hold_commas_and_pictures_lend_their_sources() {
        let out = render(
            r#"<img srcset="https://cdn.example/w_424,c_limit/a.jpg 424w, https://cdn.example/w_848,c_limit/a.jpg 848w,/b.jpg">
            <picture><source data-srcset="/p-640.jpg 640w, /p-1400.jpg 1400w"><img alt="P"></picture>"#,
        );
        assert!(
            out.contains(r#"srcset="https://cdn.example/w_424,c_limit/a.jpg 424w, https://cdn.example/w_848,c_limit/a.jpg 848w, https://site.example/b.jpg""#),
            "{out}"
        );
        assert!(
            out.contains(r#"<img src="https://site.example/p-1400.jpg" srcset="https://site.example/p-640.jpg 640w, https://site.example/p-1400.jpg 1400w" alt="P""#),
            "{out}"
        );
    }

    #[test]
    fn renames_unwraps_and_escapes() {
        let out = render("<h1>T &amp; &lt;x&gt;</h1><section><span>a</span><font>b</font></section><pre class=\"language-rust x\"><code>fn</code></pre>");
        assert_eq!(out, "<h2>T &amp; &lt;x&gt;</h2><div>ab</div><pre class=\"language-rust\"><code>fn</code></pre>");
    }

    #[test]
    fn inline_boxes_a_class_sets_apart_get_a_space_between_them() {
        // Items of a flex or grid row, and blocks by class: apart.
        for (html, text) in [
            (
                r#"<div class="flex gap-2"><span>3 beds</span><span>2.5 baths</span></div>"#,
                "<div>3 beds 2.5 baths</div>",
            ),
            (
                r#"<div class="d-grid"><a href="/a">Merrell</a><!-- --><b>Moab</b></div>"#,
                r#"<div><a href="https://site.example/a">Merrell</a> <b>Moab</b></div>"#,
            ),
            (
                r#"<p><span class="block">Trail</span><span>Runner</span></p>"#,
                "<p>Trail Runner</p>",
            ),
            // A label and its value whose words could not run on in one word.
            (
                r#"<div class="row"><span class="name"><span>Publisher</span></span><!-- --><span class="value">Houghton</span></div>"#,
                "<div>Publisher Houghton</div>",
            ),
            (
                r#"<p><b>Year</b><span>2013</span>, <span>€49.99</span><small>VAT</small></p>"#,
                "<p><b>Year</b> 2013, €49.99 <small>VAT</small></p>",
            ),
            // What the sanitizer drops between them counts as nothing: sanitizing the
            // output again gives the same output.
            (
                r#"<div><a href="/">Northgate home</a><nav><a href="/men/">Men</a></nav><a href="/account/">Your account</a></div>"#,
                r#"<div><a href="https://site.example/">Northgate home</a> <a href="https://site.example/account/">Your account</a></div>"#,
            ),
            (
                r#"<p><a href="/">Northgate home<!-- --><svg></svg></a><a href="/account/"><!-- -->Your account</a></p>"#,
                r#"<p><a href="https://site.example/">Northgate home</a> <a href="https://site.example/account/">Your account</a></p>"#,
            ),
            // A wrapper the sanitizer unwraps sets two links side by side: the output's
            // neighbours decide, as they will when the output is sanitized again.
            (
                r#"<p><x-menu-item><a href="/write">Write</a></x-menu-item><a href="/join">Sign up</a></p>"#,
                r#"<p><a href="https://site.example/write">Write</a> <a href="https://site.example/join">Sign up</a></p>"#,
            ),
            // Touching or inline: together, as the page shows them.
            (
                r#"<p><b>W</b>ord, <span>Java</span><span>script</span>, <i>x</i><sup>2</sup></p>"#,
                "<p><b>W</b>ord, Javascript, <i>x</i><sup>2</sup></p>",
            ),
            (
                r#"<p><a class="d-inline-flex"><span>db0</span><small>@lemmy.ml</small></a></p>"#,
                "<p>db0<small>@lemmy.ml</small></p>",
            ),
            (
                r#"<div class="flex"><span>3 beds</span> <span>2 baths</span></div>"#,
                "<div>3 beds 2 baths</div>",
            ),
            (
                r#"<div class="flex"><div>Trail</div><div>Runner</div></div>"#,
                "<div><div>Trail</div><div>Runner</div></div>",
            ),
            (
                r#"<div class="flex"><span>Trail</span>Runner</div>"#,
                "<div>TrailRunner</div>",
            ),
        ] {
            assert_eq!(render(html), text, "{html}");
            assert_eq!(render(text), text, "sanitized again: {text}");
        }
    }
}
