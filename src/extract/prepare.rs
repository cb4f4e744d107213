//! First passes over the whole page: drop what can never be article text (scripts, hidden
//! blocks, overlays, ad slots), then page chrome by its names, and normalise blocks so the
//! scorer sees paragraphs.

use crate::dom::{split_white, trim, Document, NodeData, NodeId};

use super::clutter::{classify, ClutterKind, Removals};
use super::lowercase::{into_lowercase, lowercase};
use super::patterns::{
    self, AMP_CONTENT, BYLINE, MAYBE_CANDIDATE, NOT_CONTENT, PHRASING, PULL_QUOTE, UNLIKELY_ROLES,
};
use super::{media, Flags};

/// Tags removed before anything is scored; `noscript` stays out because its text is markup.
const NEVER_CONTENT: crate::extract::patterns::Words = crate::extract::patterns::words![
    "script", "style", "noscript", "template", "link", "meta", "iframe", "frame", "object",
    "embed", "applet", "canvas", "dialog", "svg", "math", "button", "select", "textarea", "input",
];

/// Removes comments, never-content tags, blocks the live page did not render, fixed overlays
/// that hold little of the page's text, tracking pixels and ad slots announced by a label,
/// recording what it removed in `removed`. Embedded videos of well-known hosts become links
/// and `<noscript>` fallback images replace their placeholders first.
pub fn remove_non_content(doc: &mut Document, removed: &mut Removals) {
    let Some(body) = doc.body() else { return };
    // The first passes look for parts most pages lack: one walk says which are there (the
    // passes only move, replace or remove what they find, so none adds another's part).
    #[cfg(not(target_arch = "wasm32"))]
    let parts = rare_parts(doc, body);
    // The wasm runs every pass (its size budget is tight).
    #[cfg(target_arch = "wasm32")]
    let parts = u8::MAX;
    if parts & STREAMED != 0 {
        super::streamed::place_streamed_segments(doc, body);
    }
    if parts & MATH != 0 {
        normalize_math(doc, body);
    }
    if parts & PLAYERS != 0 {
        media::link_videos(doc, body);
    }
    if parts & NOSCRIPT != 0 {
        media::use_noscript_images(doc, body);
    }
    if parts & AMP == 0 {
        return remove_the_rest(doc, body, removed);
    }
    // AMP pages: images are amp-img; the other components are ads, consent, analytics, menus.
    remove_counted(doc, body, removed, |doc, n| {
        let tag = doc.tag(n)?;
        if tag == "amp-img" || tag == "amp-anim" {
            return None;
        }
        (tag.starts_with("amp-") && !AMP_CONTENT.contains(tag)).then(|| {
            if matches!(tag, "amp-analytics" | "amp-pixel") {
                ClutterKind::Tracker
            } else {
                classify(doc, n, ClutterKind::Other)
            }
        })
    });
    let amp_images = doc.collect_where(body, &|n| {
        matches!(doc.tag(n), Some("amp-img" | "amp-anim"))
    });
    for n in amp_images {
        doc.rename(n, "img");
    }
    remove_the_rest(doc, body, removed);
}

/// [`rare_parts`]: a streamed segment (a `div` marked `hidden`), math, a video player (an
/// `iframe` or a custom element), a `noscript`, an AMP component.
const STREAMED: u8 = 1;
const MATH: u8 = 2;
const PLAYERS: u8 = 4;
const NOSCRIPT: u8 = 8;
const AMP: u8 = 16;

/// Which of the rare parts that [`remove_non_content`]'s first passes handle are under
/// `body`: a superset of what each pass would find (a pass whose part is missing does
/// nothing).
#[cfg(not(target_arch = "wasm32"))]
fn rare_parts(doc: &Document, body: NodeId) -> u8 {
    let mut parts = 0;
    for n in doc.descendants(body) {
        let Some(tag) = doc.tag(n) else { continue };
        parts |= match tag {
            "div" if doc.attr(n, "hidden").is_some() => STREAMED,
            "math" => MATH,
            "script" if tex_script_mode(doc, n).is_some() => MATH,
            "noscript" => NOSCRIPT,
            "iframe" => PLAYERS,
            "mjx-container" => MATH,
            // Players are custom elements (`lite-youtube`, `amp-vimeo`).
            _ if tag.contains('-') => PLAYERS | if tag.starts_with("amp-") { AMP } else { 0 },
            _ => 0,
        };
        if doc
            .attr(n, "class")
            .is_some_and(|c| patterns::find(c, "katex").is_some())
        {
            parts |= MATH;
        }
    }
    parts
}

/// The rest of [`remove_non_content`]: after the rare parts.
fn remove_the_rest(doc: &mut Document, body: NodeId, removed: &mut Removals) {
    let marks = open_collapsed_panels(doc, body);
    // Scripts and styles go first, so that their text does not count as the page's below.
    // The text left is read many times from here on: measured (and kept) in the same walk,
    // each text node once its ancestors are known to stay.
    let mut total = 0u32;
    let mut cur = Some(body);
    while let Some(n) = cur {
        let never = n != body
            && match doc.data(n) {
                NodeData::Comment => true,
                NodeData::Element { name, .. } => {
                    NEVER_CONTENT.contains(name.as_str()) || is_field_caption(doc, n)
                }
                NodeData::Text(t) => is_unfilled_template(doc, n, t),
                _ => false,
            };
        if never && is_heading_button(doc, n) {
            doc.rename(n, "span");
            cur = doc.next_in(body, n, false);
        } else if is_toggle_link(doc, n) {
            let holds_heading = doc.descendants(n).any(|d| heading_rank(doc, d).is_some());
            doc.rename(n, if holds_heading { "div" } else { "span" });
            cur = doc.next_in(body, n, false);
        } else if never {
            cur = doc.next_in(body, n, true);
            doc.detach(n);
        } else {
            // A form with nothing to fill in (a comment's text with the hidden inputs that
            // post it back when edited) is a block of text; its inputs go below.
            if doc.is(n, "form") && doc.text_len(n) > 0 && !has_fields(doc, n) {
                doc.rename(n, "div");
            }
            total += doc.text_measure(n).len;
            cur = doc.next_in(body, n, false);
        }
    }
    let total = total.max(1);
    let images_with_children = std::cell::Cell::new(false);
    remove_counted(doc, body, removed, |doc, n| {
        // A fixed box holding most of the page is an app shell, not an overlay; text hidden by
        // markup that holds most of the page is content a script will reveal (streamed server
        // rendering). The live page's own verdict is final. The text is counted only for the
        // few nodes asked about (the walk removes nothing inside the nodes still to come).
        doc.tag(n)?;
        let minor = || doc.text_len(n) * 10 < total * 3;
        let mark = marks.get(n.index()).copied().unwrap_or(0);
        let by_markup = || match mark & MARKUP_READ {
            0 => is_hidden_by_markup(doc, n),
            _ => mark & HIDDEN_BY_MARKUP != 0,
        };
        if (doc.flags(n).hidden
            || ((by_markup() || is_for_small_screens(doc, n) || is_short_date(doc, n)) && minor()))
            && mark & PANEL == 0
        {
            Some(classify(doc, n, ClutterKind::Hidden))
        } else if doc.flags(n).fixed && minor() {
            Some(classify(doc, n, ClutterKind::Overlay))
        } else if repeats_its_label(doc, n) {
            Some(ClutterKind::Duplicate)
        } else if doc.first_child(n).is_none() {
            // Images go in the same walk: what says an image is clutter is its own and its
            // parent's (kept) attributes, and an image holds nothing the walk had to see.
            image_clutter(doc, n)
        } else {
            images_with_children.set(images_with_children.get() || doc.is(n, "img"));
            None
        }
    });
    // A tree built by script may hang nodes under an image: those images go after the walk,
    // as a pass of their own would take them.
    if images_with_children.get() {
        remove_counted(doc, body, removed, image_clutter);
    }
    let headings = remove_ad_slots(doc, body, removed);
    remove_recommendation_sections(doc, body, removed, headings);
}

/// True when `n` is a `<button>` holding its heading's words (the ARIA accordion's header,
/// `h3 > button`), or one that toggles a panel (`aria-expanded`, `aria-controls`) and asks a
/// question, with its answer after it: an accordion's question, whose label is the page's
/// text as the answer is, open or closed.
fn is_heading_button(doc: &Document, n: NodeId) -> bool {
    if !doc.is(n, "button") {
        return false;
    }
    let heading = doc.parent(n).filter(|&p| {
        (heading_rank(doc, p).is_some() || doc.attr(p, "role") == Some("heading"))
            && doc.text_len(n) * 10 >= doc.text_len(p) * 9
    });
    let question = || {
        (doc.attr(n, "aria-expanded").is_some() || doc.attr(n, "aria-controls").is_some())
            && asks(doc, n)
    };
    if heading.is_none() && !question() {
        return false;
    }
    // The answer: the next block after the heading (or the button, or its wrapper), holding
    // text that is not mostly links and no other question's button.
    let mut at = heading.unwrap_or(n);
    for _ in 0..2 {
        let mut next = doc.next_sibling(at);
        while let Some(s) = next.filter(|&s| doc.tag(s).is_none()) {
            next = doc.next_sibling(s);
        }
        if let Some(answer) = next {
            return doc.text_len(answer) > 0
                && super::stats::link_density_of(doc, answer) < 0.5
                && doc.find_all(answer, "button").is_empty();
        }
        match doc.parent(at) {
            Some(p) => at = p,
            None => break,
        }
    }
    false
}

/// True when the text of `n` asks a question (ends in a question mark).
pub(super) fn asks(doc: &Document, n: NodeId) -> bool {
    doc.text_content(n).trim_end().ends_with('?')
}

/// True when `n` is a link that goes nowhere (`href="#"`, a script, none) or names the panel
/// it opens (`aria-controls`), around a heading or inside one, and asks a question: an
/// accordion's question that opens its answer (the page's text), not a link.
fn is_toggle_link(doc: &Document, n: NodeId) -> bool {
    doc.is(n, "a")
        && (doc
            .attr(n, "href")
            .is_none_or(|h| matches!(trim(h), "" | "#") || h.starts_with("javascript:"))
            || doc.attr(n, "aria-controls").is_some())
        && (doc.descendants(n).any(|d| heading_rank(doc, d).is_some())
            || doc
                .parent(n)
                .is_some_and(|p| heading_rank(doc, p).is_some()))
        && asks(doc, n)
}

/// A link named by another element (`aria-labelledby`) beside it, which it does not wrap,
/// and that repeats that element's words: a card's second link to its story (laid over the
/// whole card), whose text is the card's heading again.
fn repeats_its_label(doc: &Document, n: NodeId) -> bool {
    let Some(id) = doc.attr(n, "aria-labelledby").filter(|_| doc.is(n, "a")) else {
        return false;
    };
    let text = doc.inner_text(n);
    !text.is_empty()
        && doc.parent(n).is_some_and(|p| {
            doc.descendants(p).take(LABEL_REACH).any(|d| {
                doc.attr(d, "id") == Some(id) && !doc.contains(n, d) && doc.inner_text(d) == text
            })
        })
}

/// How many nodes beside a link [`repeats_its_label`] looks through for its label (a card's
/// heading stands a few dozen nodes on): a page of such links is not read once per link.
const LABEL_REACH: usize = 300;

/// The kind of clutter an image is: a tracking pixel, an icon, an author's photo.
fn image_clutter(doc: &Document, n: NodeId) -> Option<ClutterKind> {
    if !doc.is(n, "img") {
        None
    } else if media::is_tracker_image(doc, n) {
        Some(ClutterKind::Tracker)
    } else if media::is_icon_image(doc, n) {
        Some(ClutterKind::Other)
    } else {
        is_avatar(doc, n).then_some(ClutterKind::AuthorBox)
    }
}

/// The rank of a heading element (2 for `h2`), `None` for other nodes.
pub(super) fn heading_rank(doc: &Document, n: NodeId) -> Option<u8> {
    match doc.tag(n)?.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

/// Removes the sections a shop opens with a heading over other products ("Customers also
/// viewed", "Similar items"): the largest block that begins with the heading, holds no other
/// heading of its rank or above, and is less than half of the page (a page that is all
/// recommendations is a listing, read as such).
/// `headings`: the `h2` to `h6` under `body` in document order, some since removed (the
/// walk of [`remove_ad_slots`] finds them).
fn remove_recommendation_sections(
    doc: &mut Document,
    body: NodeId,
    removed: &mut Removals,
    headings: Vec<NodeId>,
) {
    // Measured once, before the first removal (and only once a heading is found, which most
    // pages lack): removals leave ancestors' counts too high, which only stops a climb early.
    let mut measured: Option<(super::stats::TextStats, u32)> = None;
    for heading in headings {
        // Removed with an ad slot or a section before it.
        if !doc.contains(body, heading) {
            continue;
        }
        let rank = heading_rank(doc, heading).unwrap_or(1);
        if rank < 2
            || measured.as_ref().map_or_else(
                || doc.text_len(heading),
                |(stats, _)| stats.get(heading).text,
            ) > 80
            || !patterns::matches(
                patterns::RECOMMENDATION_HEADINGS,
                &into_lowercase(doc.inner_text(heading)),
            )
        {
            continue;
        }
        let (stats, half) = &*measured.get_or_insert_with(|| {
            let stats = super::stats::TextStats::measure(doc, body);
            let half = stats.get(body).text / 2;
            (stats, half)
        });
        let mut section = heading;
        while let Some(p) = doc.parent(section) {
            if p == body
                || stats.get(p).text > *half
                || text_before(doc, section, stats)
                || holds_heading(doc, p, heading, rank)
            {
                break;
            }
            section = p;
        }
        removed.record(doc, section, ClutterKind::Related);
        doc.detach(section);
    }
}

/// True when a sibling before `n` holds text.
fn text_before(doc: &Document, n: NodeId, stats: &super::stats::TextStats) -> bool {
    let mut cur = doc.prev_sibling(n);
    while let Some(s) = cur {
        if stats.get(s).text > 0 {
            return true;
        }
        cur = doc.prev_sibling(s);
    }
    false
}

/// True when `block` holds a heading of `rank` or above other than `heading`.
fn holds_heading(doc: &Document, block: NodeId, heading: NodeId, rank: u8) -> bool {
    let mut cur = Some(block);
    while let Some(n) = cur {
        if n != heading && heading_rank(doc, n).is_some_and(|r| r <= rank) {
            return true;
        }
        cur = doc.next_in(block, n, false);
    }
    false
}

/// Removes every node under `root` (itself excluded) for which `kind_of` names a kind of
/// clutter, with its subtree, and records it.
pub fn remove_counted(
    doc: &mut Document,
    root: NodeId,
    removed: &mut Removals,
    kind_of: impl Fn(&Document, NodeId) -> Option<ClutterKind>,
) {
    let mut cur = Some(root);
    while let Some(n) = cur {
        match (n != root).then(|| kind_of(doc, n)).flatten() {
            Some(kind) => {
                removed.record(doc, n, kind);
                cur = doc.next_in(root, n, true);
                doc.detach(n);
            }
            None => cur = doc.next_in(root, n, false),
        }
    }
}

/// Removes every node under `root` (itself excluded) for which `pred` holds, with its subtree.
pub fn remove_where(doc: &mut Document, root: NodeId, pred: impl Fn(&Document, NodeId) -> bool) {
    let mut cur = Some(root);
    while let Some(n) = cur {
        if n != root && pred(doc, n) {
            cur = doc.next_in(root, n, true);
            doc.detach(n);
        } else {
            cur = doc.next_in(root, n, false);
        }
    }
}

/// A text that is one placeholder of a client-side template (`{{ board.errors[42].message }}`)
/// that no script filled in: never words to read. One shown as code is the code's.
fn is_unfilled_template(doc: &Document, n: NodeId, t: &str) -> bool {
    let t = t.trim();
    t.starts_with("{{")
        && t.ends_with("}}")
        && !t[2..].contains("{{")
        && doc.ancestor_named(n, "pre", 0).is_none()
        && doc.ancestor_named(n, "code", 0).is_none()
}

/// The short form of a date a `<time>` sets twice, long and short, each named for its
/// length (`time__long` "June 14, 2024", `time__short` "1 yr"), of which a screen shows one:
/// the reader shows the long one (a part named `_short`).
fn is_short_date(doc: &Document, n: NodeId) -> bool {
    doc.parent(n).is_some_and(|p| doc.is(p, "time"))
        && doc
            .attr(n, "class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|c| c.ends_with("_short")))
}

/// True when `form` offers the reader something to fill in or press: a control other than a
/// hidden input.
fn has_fields(doc: &Document, form: NodeId) -> bool {
    doc.descendants(form).any(|d| match doc.tag(d) {
        Some("input") => !doc
            .attr(d, "type")
            .is_some_and(|t| t.eq_ignore_ascii_case("hidden")),
        Some("textarea" | "select" | "button") => true,
        _ => false,
    })
}

/// A form's field whose form the reader leaves out ("Quantity: [ ]", "Optional note: [ ]"):
/// a block holding an input to fill in and a short caption ending with a colon, which says
/// nothing without its input.
fn is_field_caption(doc: &Document, n: NodeId) -> bool {
    let mut child = doc.first_child(n);
    while let Some(c) = child {
        if doc.is(c, "input") && doc.attr(c, "type") != Some("hidden") {
            let text = doc.text_content(n);
            let text = text.trim();
            return text.len() < 60 && text.ends_with(':');
        }
        child = doc.next_sibling(c);
    }
    false
}

/// Shown on phones only, by a responsive framework's class (`d-lg-none`, `lg:hidden`,
/// `hide-desktop`): a copy of a block the wide screen shows in its own place (an author pane,
/// a topic's stats repeated under its first post), which the reader, laid out wide, leaves out
/// as the live page does.
fn is_for_small_screens(doc: &Document, n: NodeId) -> bool {
    doc.attr(n, "class").is_some_and(|c| {
        c.split_ascii_whitespace().any(|name| {
            // The names are lowercase: their last bytes rule out most before any compare.
            let last = name.as_bytes().last().map(u8::to_ascii_lowercase);
            patterns::SMALL_SCREENS_ONLY.iter().any(|only| {
                if only.as_bytes().last() != last.as_ref() {
                    return false;
                }
                let cut = name.len().wrapping_sub(only.len());
                name.get(cut..)
                    .is_some_and(|end| end.eq_ignore_ascii_case(only))
                    && (cut == 0 || name.as_bytes()[cut - 1] == b'_')
            })
        })
    })
}

/// Hidden by attributes the markup itself carries (no stylesheet needed).
fn is_hidden_by_markup(doc: &Document, n: NodeId) -> bool {
    if doc.attrs(n).is_empty() {
        return false;
    }
    if doc.attr(n, "hidden").is_some()
        || doc.attr(n, "aria-hidden") == Some("true")
            && !has_figure_role(doc, n)
            && !is_paragraph_link(doc, n)
    {
        return true;
    }
    doc.attr(n, "style").is_some_and(style_hides)
        || doc
            .attr(n, "class")
            .is_some_and(|c| is_unshown_price(doc, n, c) || split_white(c).any(is_hiding_utility))
        || matches!(doc.tag(n), Some("span" | "time"))
            && doc
                .attr(n, "class")
                .is_some_and(hidden_by_d_none_everywhere)
}

/// A framework's class that hides what it is set on, named by the framework's short prefix
/// in camel case (`ipsHide`, `jsHide`): on a longer name (`mobileAppHide`) it hides the block
/// somewhere only. The capital marks the camel case (a lowercase `hide` is read elsewhere).
fn is_hiding_utility(class: &str) -> bool {
    class.len() <= 7 && class.ends_with("Hide")
}

/// A shop theme's price block holds both prices of a product, the regular one and the sale
/// one, and its stylesheet shows one of them: the sale price when the block is named on sale,
/// the regular price otherwise ([`patterns::PRICE_COPIES`]). The other copy, read as text,
/// would repeat every card's price.
fn is_unshown_price(doc: &Document, n: NodeId, class: &str) -> bool {
    let [sale, regular, on_sale] = patterns::PRICE_COPIES;
    let named = |w: &str| split_white(class).any(|c| c == w);
    let (is_sale, is_regular) = (named(sale), named(regular));
    if is_sale == is_regular {
        return false;
    }
    // The block named on sale is the copy's parent or grandparent.
    let mut up = doc.parent(n);
    let mut block_on_sale = false;
    for _ in 0..2 {
        let Some(p) = up else { break };
        block_on_sale |= doc
            .attr(p, "class")
            .is_some_and(|c| split_white(c).any(|w| w == on_sale));
        up = doc.parent(p);
    }
    is_sale != block_on_sale
}

/// Bootstrap's `d-none` alone: no `d-md-inline` or the like shows the element again at some
/// screen size, so it is hidden on every screen. Asked of a `<span>` or a `<time>` only (a Q&A
/// site's hidden `$\begingroup$` markers and comments' machine dates, a product's id): a
/// hidden `<div>` or `<dl>` may hold
/// the data a script shows on the page (a service page's list of capabilities).
fn hidden_by_d_none_everywhere(class: &str) -> bool {
    split_white(class).any(|w| w == "d-none")
        && !split_white(class).any(|w| w.starts_with("d-") && !w.ends_with("-none"))
}

/// True when a style attribute, whitespace dropped and ASCII lowercased, holds
/// `display:none` or `visibility:hidden`. Read in place, without a squeezed copy per element.
fn style_hides(style: &str) -> bool {
    spells_hiding(style_chars(style))
}

/// A style's characters without white space, ASCII lowercased, read byte by byte: ASCII
/// (most styles are) needs no decoding; any other character is decoded only to skip it when
/// it is white space.
#[cfg(not(target_arch = "wasm32"))]
fn style_chars(style: &str) -> impl Iterator<Item = char> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || loop {
        let &b = style.as_bytes().get(i)?;
        let c = if b < 0x80 {
            i += 1;
            char::from(b.to_ascii_lowercase())
        } else {
            let c = style[i..].chars().next().unwrap_or_default();
            i += c.len_utf8();
            c
        };
        if !c.is_whitespace() {
            return Some(c);
        }
    })
}

/// [`style_chars`] for the wasm: character by character (smaller code, same characters).
#[cfg(target_arch = "wasm32")]
fn style_chars(style: &str) -> impl Iterator<Item = char> + '_ {
    style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
}

/// True when `chars` hold `display:none` or `visibility:hidden`. The first letter of each
/// phrase occurs nowhere else in it, so after a mismatch a match can only start again at the
/// character read.
fn spells_hiding(chars: impl Iterator<Item = char>) -> bool {
    const PHRASES: [&[u8]; 2] = [b"display:none", b"visibility:hidden"];
    let mut matched = [0usize; 2];
    for c in chars {
        for (phrase, at) in PHRASES.iter().zip(&mut matched) {
            if c == char::from(phrase[*at]) {
                *at += 1;
                if *at == phrase.len() {
                    return true;
                }
            } else {
                *at = usize::from(c == char::from(phrase[0]));
            }
        }
    }
    false
}

/// What [`open_collapsed_panels`] learned of a node, by node index: a panel it opened, and
/// whether the markup hides the node (when read), which the removal of hidden blocks asks
/// again.
const PANEL: u8 = 1;
const MARKUP_READ: u8 = 2;
const HIDDEN_BY_MARKUP: u8 = 4;

/// Most text of the block before a panel that holds its control, without naming it.
const CONTROL_MAX_TEXT: usize = 200;

/// Panels an accordion keeps closed until their control is clicked (FAQ answers, "show
/// details"): hidden, with the control, marked `aria-expanded` or naming the panel in
/// `aria-controls`, just before them (or before the wrapper they open). Their text is the
/// page's, and so is the control's label (the question): a button's label becomes a plain
/// `<span>` before buttons are dropped. The other panels of a set of tabs are opened too: a
/// `tabpanel`, or the block a `tab` names. A closed menu is opened the same way but is mostly
/// links, and stays hidden. Returns which nodes are panels, and which the markup hides, by
/// node index ([`PANEL`], [`MARKUP_READ`]).
fn open_collapsed_panels(doc: &mut Document, body: NodeId) -> Vec<u8> {
    let mut marks = vec![0u8; doc.len()];
    let mut controls = Vec::new();
    let mut closed_by_class = Vec::new();
    // Read when a hidden node is first met (some pages have none).
    let tab_panels = std::cell::OnceCell::new();
    for n in doc.descendants(body) {
        let hidden = doc.flags(n).hidden || {
            let by_markup = is_hidden_by_markup(doc, n);
            marks[n.index()] = MARKUP_READ | if by_markup { HIDDEN_BY_MARKUP } else { 0 };
            by_markup
        };
        // A panel's class may be what closes it (`accordion-panel-hidden`): the stylesheet
        // hides it, and the click that opens it takes the class away.
        let by_class = !hidden && doc.attr(n, "class").is_some_and(has_closing_class);
        if !hidden && !by_class {
            continue;
        }
        let id = doc.attr(n, "id").filter(|id| !id.is_empty());
        let tab_panel = doc.attr(n, "role") == Some("tabpanel")
            || id.is_some_and(|id| {
                tab_panels
                    .get_or_init(|| tab_panel_ids(doc, body))
                    .contains(&id)
            });
        // The control says it toggles a panel (`aria-expanded`), or names this panel as the
        // one it controls (`aria-controls`, the ARIA accordion pattern). It sits before the
        // panel, or before the wrapper whose first block the panel is.
        let prev_element = |at: NodeId| {
            let mut prev = doc.prev_sibling(at);
            while let Some(p) = prev.filter(|&p| doc.tag(p).is_none()) {
                prev = doc.prev_sibling(p);
            }
            prev
        };
        let before =
            prev_element(n).or_else(|| doc.parent(n).filter(|&p| p != body).and_then(prev_element));
        // A control marked `aria-expanded` alone is a header's: a block before the panel that
        // holds more text is other content (a whole accordion before a hidden notice).
        let control = before.and_then(|p| {
            let header = doc.text_content(p).chars().count() <= CONTROL_MAX_TEXT;
            doc.descendants(p).find(|&d| {
                (header && doc.attr(d, "aria-expanded").is_some())
                    || id.is_some_and(|id| doc.attr(d, "aria-controls") == Some(id))
                    // A class-closed panel's script may mark its button only when it runs.
                    || (header && by_class && doc.is(d, "button"))
            })
        });
        // A question over a closed block is an accordion's (a FAQ's answer under it).
        let question = || {
            before.is_some_and(|p| {
                let t = doc.text_content(p);
                let t = t.trim_end();
                t.ends_with('?') && t.chars().count() <= CONTROL_MAX_TEXT
            })
        };
        if control.is_none() && !tab_panel && !question() {
            continue;
        }
        let text = doc.text_content(n);
        let links: usize = doc
            .find_all(n, "a")
            .into_iter()
            .map(|a| doc.text_content(a).trim().len())
            .sum();
        if text.trim().is_empty() || links * 5 >= text.trim().len() {
            continue;
        }
        marks[n.index()] |= PANEL;
        controls.extend(control);
        if by_class {
            closed_by_class.push(n);
        }
    }
    // Opened as the click opens them: without the closing class, which would read as clutter
    // (the panel's other names go too; they name its parts, not its role in the page).
    for n in closed_by_class {
        doc.set_attr(n, "class", "");
    }
    // The label alone: the button's names ("accordion-header-button") describe the control.
    for c in controls {
        if !doc.is(c, "button") {
            continue;
        }
        let label = doc.create_element("span", vec![]);
        doc.reparent_children(c, label);
        doc.insert_before(c, label);
        doc.detach(c);
    }
    marks
}

/// True when a class name of `class` says the block is closed (`hidden`, `hide`), leaving out
/// the names that hide nothing (see [`push_meaningful_classes`]) and those that hide it at
/// some screen sizes only (`hidden-md-up`: a copy of the text for phones).
fn has_closing_class(class: &str) -> bool {
    // Both closing words hold "hid": an ASCII class without it (in any case) closes nothing,
    // and most classes are ruled out by that scan before any name is split (other classes,
    // whose letters outside ASCII are lowercased as the tables read them, take the full check).
    if class.is_ascii()
        && !class
            .as_bytes()
            .windows(3)
            .any(|w| w[0] | 0x20 == b'h' && w[1] | 0x20 == b'i' && w[2] | 0x20 == b'd')
    {
        return false;
    }
    let mut names = String::new();
    push_meaningful_classes(&mut names, class);
    split_white(&into_lowercase(names)).any(|name| {
        patterns::matches(patterns::CLOSED_PANEL, name)
            && !patterns::matches(patterns::SCREEN_SIZES, name)
    })
}

/// The ids of the panels the page's tabs (`role="tab"`, or a heading acting as one: a
/// heading titles the panel it opens, where a menu's button opens links) name in
/// `aria-controls` (some write them as links, `#id`). A page has a few tabs: searched in turn, not sorted (sorting code
/// costs the wasm kilobytes).
fn tab_panel_ids(doc: &Document, body: NodeId) -> Vec<&str> {
    doc.descendants(body)
        .filter(|&n| {
            doc.attr(n, "role") == Some("tab")
                || doc
                    .tag(n)
                    .is_some_and(|t| t.len() == 2 && t.starts_with('h'))
        })
        .filter_map(|n| doc.attr(n, "aria-controls"))
        .map(|id| id.trim_start_matches('#'))
        .filter(|id| !id.is_empty())
        .collect()
}

/// A link that is a paragraph's whole content (a teaser's summary, linked to the story like
/// its headline): hidden from screen readers only, as a second link to the same place, and
/// shown on the page.
fn is_paragraph_link(doc: &Document, n: NodeId) -> bool {
    doc.is(n, "a")
        && doc.parent(n).is_some_and(|p| {
            doc.is(p, "p")
                && doc.only_element_child(p) == Some(n)
                && doc.text_len(p) == doc.text_len(n)
        })
}

/// Some sites mark decorative wrappers of real images aria-hidden; keep those.
fn has_figure_role(doc: &Document, n: NodeId) -> bool {
    doc.attr(n, "class")
        .is_some_and(|c| c.contains("fallback-image"))
}

/// True when the text under `n` holds more letters and digits than any ad or interface label
/// (each under 64 bytes): trimming a label cuts none, so such text is no label, and its copy
/// need not be made (the slot's search climbs until an ancestor holds more, which may be the
/// whole article). Reads only as far as it needs. Native only, like
/// [`patterns::is_ad_label`]'s length check: the wasm makes the copy (same answers).
#[cfg(not(target_arch = "wasm32"))]
fn too_long_for_a_label(doc: &Document, n: NodeId) -> bool {
    const MOST: usize = 64;
    let mut count = 0;
    for d in doc.descendants(n) {
        if let Some(t) = doc.text(d) {
            count += t
                .chars()
                .filter(|c| c.is_alphanumeric())
                .take(MOST + 1 - count)
                .count();
            if count > MOST {
                return true;
            }
        }
    }
    false
}

#[cfg(target_arch = "wasm32")]
fn too_long_for_a_label(_: &Document, _: NodeId) -> bool {
    false
}

/// Removes each ad label ("- Advertisement -") together with the slot around it: the largest
/// ancestor whose whole text is still just the label. Interface lines ("Skip to content") go
/// the same way.
/// Returns the `h2` to `h6` under `body` in document order (seen on the way), for
/// [`remove_recommendation_sections`].
fn remove_ad_slots(doc: &mut Document, body: NodeId, removed: &mut Removals) -> Vec<NodeId> {
    let mut labels = Vec::new();
    let mut signatures = Vec::new();
    let mut headings = Vec::new();
    for n in doc.descendants(body) {
        if heading_rank(doc, n).is_some_and(|r| r >= 2) {
            headings.push(n);
        }
        if let Some(t) = doc.text(n) {
            // Whitespace (measured already, and most text nodes) is no label.
            if t.len() < 120 && doc.text_measure(n).len > 0 {
                if patterns::SIGNATURE_OPENERS
                    .iter()
                    .any(|o| trim(t).starts_with(o))
                {
                    signatures.push(n);
                } else if patterns::is_ad_label(t) {
                    labels.push((n, ClutterKind::Ad));
                } else if patterns::is_interface_label(t) {
                    labels.push((n, ClutterKind::Other));
                }
            }
        }
    }
    // An app's signature line ends its post: the opening and the few inline pieces after it
    // (the app's name as a link).
    for opening in signatures {
        let (mut pieces, mut inline) = (0, true);
        let mut cur = doc.next_sibling(opening);
        while let Some(n) = cur {
            pieces += 1;
            inline &= doc.tag(n).is_none_or(|t| patterns::PHRASING.contains(t));
            cur = doc.next_sibling(n);
        }
        if inline && pieces <= 3 {
            while let Some(n) = doc.next_sibling(opening) {
                doc.detach(n);
            }
            removed.record(doc, opening, ClutterKind::Other);
            doc.detach(opening);
        }
    }
    for (label, kind) in labels {
        if doc.parent(label).is_none() {
            continue;
        }
        let is_label = |text: &str| match kind {
            ClutterKind::Ad => patterns::is_ad_label(text),
            _ => patterns::is_interface_label(text),
        };
        let mut slot = label;
        while let Some(p) = doc.parent(slot) {
            if p == body || too_long_for_a_label(doc, p) || !is_label(&doc.text_content(p)) {
                break;
            }
            slot = p;
        }
        // A label between words is a word of a sentence ("You must log in to reply").
        let in_sentence = |s: Option<NodeId>| {
            s.and_then(|s| doc.text(s))
                .is_some_and(|t| t.chars().any(char::is_alphanumeric))
        };
        if in_sentence(doc.prev_sibling(slot)) && in_sentence(doc.next_sibling(slot)) {
            continue;
        }
        removed.record(doc, slot, kind);
        doc.detach(slot);
    }
    headings
}

/// The class and id of an element, lowercased and joined, as the pattern tables read them.
/// Made once per element and kept in the tree (every pass and attempt reads it again).
pub fn match_string(doc: &Document, n: NodeId) -> &str {
    doc.derived_key(n, 0, class_and_id)
}

fn class_and_id(doc: &Document, n: NodeId) -> String {
    // Room for both at once: no second allocation when the id is added.
    let room = |k| doc.attr(n, k).map_or(0, |v: &str| v.len() + 1);
    let mut s = String::with_capacity(room("class") + room("id"));
    if let Some(c) = doc.attr(n, "class") {
        push_meaningful_classes(&mut s, c);
    }
    if let Some(i) = doc.attr(n, "id") {
        s.push(' ');
        // Blank when it is its heading's words (the key keeps its length: the class weight
        // reads the id at its end).
        if is_heading_slug(doc, n, i) {
            s.extend(i.bytes().map(|_| ' '));
        } else {
            s.push_str(i);
        }
    }
    into_lowercase(s)
}

/// True when `id` is the words of the heading that opens `n`, joined by hyphens, two or
/// more ("respond-to-review-comments" over "Respond to review comments"): a documentation
/// section's anchor, which says what the section is about, not what kind of block it is.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
#[inline(never)]
fn is_heading_slug(doc: &Document, n: NodeId, id: &str) -> bool {
    if !id.contains('-') {
        return false;
    }
    // Past text between tags and empty anchors (`<span id=…>`).
    let mut c = doc.first_child(n);
    while let Some(h) = c.filter(|&h| doc.tag(h).is_none() || doc.text_len(h) == 0) {
        c = doc.next_sibling(h);
    }
    let Some(h) = c.filter(|&h| matches!(doc.tag(h), Some("h2" | "h3" | "h4" | "h5" | "h6")))
    else {
        return false;
    };
    // The id's bytes, walked along the heading's words: a hyphen where a gap comes between.
    let (mut rest, mut gap) = (id.as_bytes(), false);
    for t in doc.descendants(h).filter_map(|d| doc.text(d)) {
        for c in t.chars() {
            if !c.is_alphanumeric() {
                gap = rest.len() < id.len();
                continue;
            }
            if gap {
                let Some((b'-', r)) = rest.split_first() else {
                    return false;
                };
                rest = r;
                gap = false;
            }
            let Some((&b, r)) = rest.split_first() else {
                return false;
            };
            if !c.eq_ignore_ascii_case(&char::from(b)) {
                return false;
            }
            rest = r;
        }
    }
    rest.is_empty()
}

/// Appends `class`, leaving out the names that describe looks rather than roles:
/// - atomic CSS ("p q r ab ad ae …"), whose one- to three-letter names are generated and say
///   nothing (an "ad" among them is no ad);
/// - utility classes (Tailwind and the like): responsive or state variants (`lg:hidden`,
///   `hover:underline`), arbitrary values (`max-w-[645px]`) and `overflow-hidden`, which
///   clips a box and hides nothing, and scroll margins and paddings (`scroll-mt-20`, where a
///   heading stops when its anchor is followed), which name no scrolling box;
/// - CKEditor's `ck-widget`, which marks an editing handle inside the text, not a widget;
/// - a bare `hidden` that a responsive variant shows again (`hidden lg:block`): the block is
///   hidden on small screens only;
/// - a hidden part's name (`field--label-hidden`, `title-hidden`): the block's label is not
///   shown, the block is;
/// - a shop theme's `quick-add-hidden`: the block is left out of the product's quick-add
///   popup, and shown on its page;
/// - what the block hides of its last child (`hide-last-message-connector`: a thread's
///   replies hide the line that links the last reply to the post);
/// - what a name says the block comes with (`with_header`, `section-with-header`): the
///   thing is not the block (see [`owned_part`]).
pub fn push_meaningful_classes(out: &mut String, class: &str) {
    // Variants and arbitrary values hold a ':' or a '[': one scan of the word for both
    // (this runs for every class of the page).
    let plain = |t: &str| !t.bytes().any(|b| b == b':' || b == b'[');
    let kept = |t: &str| {
        !t.starts_with("overflow-")
            && !t.strip_prefix("scroll-").is_some_and(|r| {
                matches!(
                    r.as_bytes(),
                    [b'm' | b'p', b'-', ..] | [b'm' | b'p', _, b'-', ..]
                )
            })
            && !t.starts_with("ck-widget")
            && !t.ends_with("label-hidden")
            && !t.ends_with("title-hidden")
            && !t.ends_with("quick-add-hidden")
            && !t.starts_with("hide-last-")
    };
    // Written as they are counted; the few classes that drop names by the counts (atomic
    // CSS, a `hidden` shown again) are written again, without those names.
    let start = out.len();
    out.reserve(class.len() + 1);
    let (mut count, mut short, mut shown_again) = (0, 0, false);
    for t in split_white(class) {
        if !plain(t) {
            shown_again = shown_again
                || t.rsplit_once(':').is_some_and(|(_, u)| {
                    matches!(
                        u,
                        "block"
                            | "flex"
                            | "grid"
                            | "inline"
                            | "inline-block"
                            | "inline-flex"
                            | "table"
                    )
                });
        } else if kept(t) {
            count += 1;
            short += usize::from(t.len() <= 3);
            out.push_str(owned_part(t));
            out.push(' ');
        }
    }
    let atomic = count >= 5 && short * 4 >= count * 3;
    if !atomic && !shown_again {
        return;
    }
    out.truncate(start);
    for t in split_white(class).filter(|t| plain(t) && kept(t)) {
        if (atomic && t.len() <= 3) || (shown_again && t.eq_ignore_ascii_case("hidden")) {
            continue;
        }
        out.push_str(owned_part(t));
        out.push(' ');
    }
}

/// A class name up to a word of having or lacking (`with`, `without` between separators):
/// `section-with-header` is a section, `with_header` names nothing the block is.
/// (`header-with-logo` is still a header; `has-submenu` is kept whole: a menu's item.)
fn owned_part(t: &str) -> &str {
    // Both words hold "with": most names lack it and are kept whole after one scan.
    if patterns::find(t, "with").is_none() {
        return t;
    }
    let b = t.as_bytes();
    let sep = |i: usize| matches!(b.get(i), Some(b'-' | b'_'));
    for w in ["with", "without"] {
        let mut from = 0;
        while let Some(i) = patterns::find(&t[from..], w).map(|i| i + from) {
            if (i == 0 || sep(i - 1)) && sep(i + w.len()) {
                return &t[..i];
            }
            from = i + 1;
        }
    }
    t
}

/// A heading, or a small block that is mostly a heading (a section title with its anchor
/// link or time stamp): class words like "header" on such a block name its role in the
/// article, not page chrome.
pub(super) fn is_heading_block(
    doc: &Document,
    n: NodeId,
    stats: &super::stats::TextStats,
    thread: bool,
) -> bool {
    if matches!(doc.tag(n), Some("h2" | "h3" | "h4" | "h5" | "h6")) {
        return true;
    }
    let s = stats.get(n);
    s.text > 0
        && s.text < 200
        && s.heading_text * 2 >= s.text
        && (s.link_text * 2 < s.text || in_card(doc, n, thread))
}

/// True when `n` lies in an item of a list: a list item, or an `<article>` a few levels up (a
/// shop's or a blog's card), where a linked heading is the item's name. A thread's posts are
/// `<article>`s too, whose linked headings are posters' cards.
pub(super) fn in_card(doc: &Document, n: NodeId, thread: bool) -> bool {
    doc.ancestor_named(n, "li", 0).is_some()
        || (!thread && doc.ancestor_named(n, "article", CARD_DEPTH).is_some())
}

/// Most text of a card's footer: a byline, a date, a count or two.
const CARD_FOOTER_TEXT: u32 = 300;

/// How far above a card's title its `<article>` may stand.
const CARD_DEPTH: usize = 4;

/// Most text of a section's header: its heading and a line or two of lead.
const SECTION_HEADER_TEXT: u32 = 600;

/// A section's header inside the page's `<main>`: a block that opens with a section heading
/// (`<h2>` to `<h6>`) and adds a line of lead under it, with few links and no form. Named a
/// "header", it heads its section (landing pages set one over each run of features); the
/// page's header stands outside `<main>`, and an article's holds its `<h1>`.
fn is_section_header(doc: &Document, n: NodeId, stats: &super::stats::TextStats) -> bool {
    let s = stats.get(n);
    s.text < SECTION_HEADER_TEXT
        && s.heading_text > 0
        && s.paragraphs > 0
        && s.inputs == 0
        && s.link_text * 5 < s.text
        && doc.ancestor_named(n, "main", 0).is_some()
        && doc
            .descendants(n)
            .find(|&d| {
                doc.tag(d)
                    .is_some_and(|t| t.len() == 2 && t.starts_with('h'))
            })
            .is_some_and(|d| !doc.is(d, "h1") && !doc.is(d, "hr"))
        && doc.find_all(n, "h1").is_empty()
}

/// Author photos beside bylines and in author boxes.
fn is_avatar(doc: &Document, n: NodeId) -> bool {
    let named_avatar = |e| patterns::matches(patterns::AVATAR, super::clutter::names_of(doc, e));
    doc.is(n, "img") && (named_avatar(n) || doc.parent(n).is_some_and(named_avatar))
}

/// Removes page chrome by its names and roles, takes out the byline block, and turns
/// paragraph-like `<div>`s into `<p>`. Returns the byline text found in the page, if any.
pub fn strip_page_chrome(
    doc: &mut Document,
    page_stats: &super::stats::TextStats,
    flags: Flags,
    want_byline: bool,
    removed: &mut Removals,
) -> Option<String> {
    let body = doc.body()?;
    // Measured once, before this copy was edited (`page_stats`, the measures of the page it
    // copies): removals only make ancestors' counts stale upwards, which the emptiness test
    // below tolerates.
    let stats = page_stats;
    let mut byline = None;
    // The product's name, as its heading gives it.
    let name = flags
        .product
        .then(|| doc.descendants(body).find(|&d| doc.is(d, "h1")))
        .flatten()
        .map(|h| doc.inner_text(h));
    let mut cur = doc.first_child(body);
    while let Some(n) = cur {
        if is_page_head(doc, n, stats.get(n)) {
            drop_names(doc, n, names_only_a_banner);
        } else if is_widget_in_text(doc, n, stats) {
            drop_names(doc, n, names_only_a_widget);
        }
        let Some(tag) = doc.tag(n) else {
            cur = doc.next_in(body, n, false);
            continue;
        };
        let ms = match_string(doc, n);

        if want_byline && byline.is_none() && is_byline(doc, n, ms) {
            let text = doc.inner_text(n);
            if !text.is_empty() && text.chars().count() < 100 {
                byline = Some(text);
                cur = doc.next_in(body, n, true);
                doc.detach(n);
                continue;
            }
        }

        let unlikely = flags.strip_unlikely
            && tag != "body"
            && tag != "a"
            && (doc
                .attr(n, "role")
                .is_some_and(|r| UNLIKELY_ROLES.contains(r.trim()))
                || (patterns::is_unlikely_name_of(ms, flags.product, tag == "p")
                    && (!patterns::matches(MAYBE_CANDIDATE, ms)
                        || patterns::matches(NOT_CONTENT, ms))
                    && !(flags.thread && patterns::matches(patterns::COMMENT_THREADS, ms)))
                || tag == "nav"
                || tag == "aside")
            && !patterns::matches(PULL_QUOTE, ms)
            && !((is_heading_block(doc, n, stats, flags.thread)
                || is_section_header(doc, n, stats))
                && super::clutter::kind_by_name(doc, n)
                    .is_none_or(|k| k == ClutterKind::Navigation))
            && doc.ancestor_named(n, "table", 0).is_none()
            && doc.ancestor_named(n, "code", 0).is_none()
            // A card's footer (its author, its date) is the item's, not the page's.
            && !(stats.get(n).text < CARD_FOOTER_TEXT
                && patterns::find(ms, "footer").is_some()
                && in_card(doc, n, flags.thread))
            && !has_header_cells(doc, n)
            && !holds_most_prose(doc, n, ms, body, stats)
            && !holds_described_cards(doc, n, stats)
            && !is_introduction(doc, n, ms, stats.get(n));
        // The product's description in a sheet or a modal: kept, and opened below.
        let sheet = unlikely
            && name
                .as_deref()
                .is_some_and(|w| describes(doc, n, stats.get(n), w));
        let unlikely = unlikely && !sheet;
        // A consent notice is never the article, on any rung: on the relaxed rungs its
        // policy text would otherwise outweigh a short article (a thread of two posts).
        let consent = !unlikely && is_consent_notice(doc, n, ms);
        // A poster's signature under each post is never the thread's text, on any rung, in a
        // layout table too (old forums set each post in a cell), whatever other words its
        // class holds (`ipsEntry__signature`, `signature-content`). By class only: an id
        // may be a heading's words ("…invalid PGP signature").
        let signature = !unlikely
            && tag != "body"
            && doc
                .attr(n, "class")
                .is_some_and(|c| patterns::find(c, "signature").is_some());
        // A shop's customer reviews are its comments, its fine print no description, and a
        // modal dialog (the cart, an offer, cookie choices) is set over the page: never the
        // product's text (on any rung: they often hold more prose than it).
        let reviews = flags.product
            && tag != "body"
            && (patterns::matches(patterns::PRODUCT_PAGE_CLUTTER, ms)
                || doc.attr(n, "aria-modal") == Some("true"));
        let empty_block = matches!(
            tag,
            "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        ) && stats.get(n).text == 0
            && !has_media(doc, n);
        if unlikely {
            super::applied::note(super::applied::STRIP_UNLIKELY);
        }
        if unlikely || consent || reviews || empty_block || signature {
            if unlikely && flags.thread {
                keep_poster_line(doc, n, stats.get(n).text);
            }
            if unlikely || signature {
                removed.record(doc, n, classify(doc, n, ClutterKind::Other));
            } else if consent {
                removed.record(doc, n, ClutterKind::Consent);
            } else if reviews {
                removed.record(doc, n, ClutterKind::Comments);
            }
            cur = doc.next_in(body, n, true);
            doc.detach(n);
            continue;
        }

        // A note of links (ARIA `note`: "Main article: …", "For …, see …") points to other
        // pages: it stays a block, which cleaning judges by its links as Readability.js judges
        // a `<div>` of a quarter or more links, instead of a paragraph of the text.
        let s = stats.get(n);
        if tag == "div"
            && s.text > 0
            && !(doc.attr(n, "role") == Some("note") && s.link_text * 4 >= s.text)
            && !has_block_child(doc, n)
        {
            doc.rename(n, "p");
        }
        if sheet {
            // Its parts: asides the reader would drop, and names of the modal
            // (`details-modal__paragraph`) that say where they are shown, not what they are.
            for d in doc.descendants(n).collect::<Vec<_>>() {
                if doc.is(d, "aside") {
                    doc.rename(d, "div");
                }
                if super::clutter::is_named_as(doc, d, ClutterKind::Overlay) {
                    doc.set_attr(d, "class", "");
                }
            }
        }
        cur = doc.next_in(body, n, false);
    }
    byline.and_then(|b| super::metadata::byline_from_text(&b))
}

/// Most text of a post's header: the poster's name, rank and figures, the date, the
/// post's number, a menu or two.
const POSTER_HEADER_TEXT: u32 = 200;

/// Most characters of a poster's name.
const POSTER_NAME_CHARS: u32 = 40;

/// The class of a poster's name kept as a line of the post, by which a header around the
/// line finds it again.
const KEPT_NAME: &str = "username";

/// In a thread, a post's header about to go (a poster's card, a row named as a header or a
/// menu, a row of links) keeps its poster's name and the post's date as a line of the post,
/// as a thread shows them: when its first words are a link to a member's page (the poster's
/// name, beside an avatar's letter) or a `<time>`. A row of several names (a post's
/// reactions) or one that opens with a label ("Reactions:", "Thread starter") keeps none.
pub(crate) fn keep_poster_line(doc: &mut Document, n: NodeId, text: u32) {
    if text > POSTER_HEADER_TEXT {
        return;
    }
    // A line kept from a block inside this one (a card's details, then the card) is the
    // name as its link was.
    let member = |d: NodeId| {
        (doc.is(d, "a")
            && (patterns::matches(patterns::MEMBER_LINKS, match_string(doc, d))
                || doc
                    .attr(d, "href")
                    .is_some_and(|h| patterns::matches(patterns::MEMBER_LINKS, h))))
            || doc.attr(d, "class") == Some(KEPT_NAME)
    };
    // The name (its link's words, past an avatar's letter) and the date's first words (a
    // date set twice, long and short, shows the long one); two names: none. The first
    // words lie in the last such link or `<time>` met.
    let (mut name, mut date, mut opener, mut opens) = (None, None, None, None);
    let mut figures = false;
    for d in doc.descendants(n).skip(1) {
        let is_member = member(d);
        let time = doc.is(d, "time");
        if is_member || time {
            opener = Some(d);
        }
        if opens.is_none() && doc.text(d).is_some_and(|t| !trim(t).is_empty()) {
            opens = Some(opener.is_some_and(|o| doc.contains(o, d)));
        }
        // A date after the poster's figures ("10" posts) is theirs (the day they joined).
        figures |= doc.text(d).is_some_and(is_figure);
        // A figure linked to the member's pages ("3.2k" posts) is no name.
        if is_member
            && (2..=POSTER_NAME_CHARS).contains(&doc.text_len(d))
            && !is_figure(&doc.text_content(d))
        {
            if name.is_some_and(|m| doc.text_content(m) != doc.text_content(d)) {
                return;
            }
            name = name.or(Some(d));
        } else if date.is_none() && time && !figures {
            date = doc
                .descendants(d)
                .find(|&t| doc.text(t).is_some_and(|t| !trim(t).is_empty()));
        }
    }
    if opens != Some(true) {
        return;
    }
    for part in [name, date].into_iter().flatten() {
        let line = doc.create_element("div", vec![]);
        if doc.is(part, "a") {
            doc.set_attr(line, "class", KEPT_NAME);
            doc.reparent_children(part, line);
        } else {
            doc.append(line, part);
        }
        doc.insert_before(n, line);
    }
}

/// A figure of a poster's card ("10", "2,093", "3.2k"): a number, a letter or none after it.
fn is_figure(t: &str) -> bool {
    let t = trim(t);
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars().filter(|c| c.is_alphabetic()).count() < 2
}

/// A table with header cells: its names say how it is shown (`sticky-header`, a table whose
/// header row stays in view), never that it is page chrome, which a layout table without
/// header cells may be. (Narrower than `clean::is_data_table`, Readability's judgement of
/// a table's rows and columns, which cleaning uses on the article.)
fn has_header_cells(doc: &Document, n: NodeId) -> bool {
    doc.is(n, "table") && doc.descendants(n).any(|d| doc.is(d, "th"))
}

/// A consent notice by its names and its first words both: a name alone may be a word of
/// the page's subject (a cookie recipe).
/// `ms` is the block's class-and-id key ([`match_string`]).
fn is_consent_notice(doc: &Document, n: NodeId, ms: &str) -> bool {
    super::clutter::may_be_named_as(doc, n, ms, ClutterKind::Consent)
        && super::clutter::is_named_as(doc, n, ClutterKind::Consent)
        && super::clutter::kind_by_text(doc, n) == Some(ClutterKind::Consent)
}

/// A block whose unlikely name is an accident of its template (an ad-slot or sidebar-layout
/// wrapper, or the section a newsletter's archive shows an issue in) around the article
/// itself: it holds most of the page's prose in several paragraphs. Comment threads,
/// consent notices and footers can hold more prose than a short article, so only blocks
/// named for ads, sidebars, sign-ups or nothing in particular pass (a sign-up box holds a
/// line or two, never most of a page's paragraphs), and footers that are the text
/// ([`is_text_named_footer`]).
fn holds_most_prose(
    doc: &Document,
    n: NodeId,
    ms: &str,
    body: NodeId,
    stats: &super::stats::TextStats,
) -> bool {
    let (here, whole) = (stats.get(n), stats.get(body));
    (here.paragraphs >= 3
        && prose(here) * 2 > prose(whole)
        && matches!(
            classify(doc, n, ClutterKind::Other),
            ClutterKind::Ad | ClutterKind::Sidebar | ClutterKind::Subscribe | ClutterKind::Other
        ))
        || is_text_named_footer(ms, here, whole)
}

/// True when the text of `n` is that of cards linked whole around a heading and a
/// description ([`super::clean::card_description`]), nine tenths of it or more: a grid of a
/// site's services or offers (`cmp-promo` cards), which is the page's text, whatever it
/// is named.
pub(super) fn holds_described_cards(
    doc: &Document,
    n: NodeId,
    stats: &super::stats::TextStats,
) -> bool {
    let s = stats.get(n);
    // Cards have headings, and a description twice as long: most blocks are ruled out
    // before their subtree is walked.
    if s.heading_text == 0 || s.heading_text * 2 > s.text {
        return false;
    }
    let text = s.text;
    let mut cards = 0;
    let mut cur = doc.first_child(n);
    while let Some(d) = cur {
        if doc.is(d, "a") {
            if super::clean::card_description(doc, d, stats).is_some() {
                cards += stats.get(d).text;
            }
            cur = doc.next_in(n, d, true);
        } else {
            cur = doc.next_in(n, d, false);
        }
    }
    text > 0 && cards * 10 >= text * 9
}

fn prose(s: super::stats::Stat) -> u32 {
    s.text.saturating_sub(s.link_text)
}

/// Fewest paragraphs of a block named a footer that is the text.
const FOOTER_PARAGRAPHS: u32 = 30;

/// A block named a footer (`ms`, its class-and-id key) that holds [`FOOTER_PARAGRAPHS`]
/// paragraphs or more and over half the prose of `whole` (the page, the article), but not
/// all its text: a guide set in its template's footer section, not a footer (a site's
/// footer holds links, an address, a line or two about the site; one named for a layout
/// that keeps the footer down, `sticky-footer`, may wrap the whole page, chrome and all).
pub(super) fn is_text_named_footer(
    ms: &str,
    here: super::stats::Stat,
    whole: super::stats::Stat,
) -> bool {
    here.paragraphs >= FOOTER_PARAGRAPHS
        && here.text < whole.text
        && prose(here) * 2 > prose(whole)
        && patterns::find(ms, "footer").is_some()
}

/// Most characters of prose below which a block is no product's description.
const DESCRIPTION_TEXT: u32 = 200;

/// On a product page, a block of prose named as a modal or a dialog that names the product
/// (the first word of four letters or more of `name`, its heading), with few links: the
/// product's description, which shops set in a sheet or a modal opened from a "Details"
/// button, not a prompt set over the page.
fn describes(doc: &Document, n: NodeId, s: super::stats::Stat, name: &str) -> bool {
    super::clutter::is_named_as(doc, n, ClutterKind::Overlay)
        && s.paragraphs > 0
        && s.text.saturating_sub(s.link_text) >= DESCRIPTION_TEXT
        && s.link_text * 4 < s.text
        && name
            .split_whitespace()
            .find(|w| w.len() >= 4)
            .is_some_and(|w| patterns::find(&doc.inner_text(n), w).is_some())
}

/// Most characters of an introduction: a few paragraphs (a block named for a header that
/// holds more wraps the page and its header, as `with-header` or `pt-header` do).
const INTRODUCTION_TEXT: u32 = 3000;

/// A block named a "header" that holds paragraphs of prose: a list article's or a guide's
/// introduction set in the template's header section, not the page's header (a logo, a
/// menu, a search box: links and a line or two at most, no run of long paragraphs; nor a
/// grid of cards, whose paragraphs are a line each). An
/// article's own header, around its `<h1>`, holds its title, byline and author notes.
fn is_introduction(doc: &Document, n: NodeId, ms: &str, s: super::stats::Stat) -> bool {
    ms.contains("header")
        && s.paragraphs >= 2
        && (400..INTRODUCTION_TEXT).contains(&s.text.saturating_sub(s.link_text))
        && s.text >= s.paragraphs * 100
        && s.link_text * 4 < s.text
        && s.inputs == 0
        && doc.find_all(n, "h1").is_empty()
}

/// Fewest characters of prose of a page's head: a lead of a few sentences.
const HEAD_PROSE: u32 = 400;

/// A block named a banner, and for nothing else unlikely, that holds the page's `<h1>` and
/// its lead (two paragraphs or more of prose, few links, no form): a landing page's hero,
/// its title and opening, not an ad's or a notice's banner (a line and a button) nor the
/// page's header (a logo and links).
fn is_page_head(doc: &Document, n: NodeId, s: super::stats::Stat) -> bool {
    s.paragraphs >= 2
        && (HEAD_PROSE..INTRODUCTION_TEXT).contains(&prose(s))
        && s.link_text * 4 < s.text
        && s.inputs == 0
        && doc.tag(n).is_some()
        && names_only_a_banner(match_string(doc, n))
        && doc.descendants(n).any(|d| doc.is(d, "h1"))
}

/// True when a lowercased name says "banner" and no other word of [`patterns::UNLIKELY`]
/// (`cookie-banner`, `smartbanner` say more).
fn names_only_a_banner(name: &str) -> bool {
    patterns::matches(patterns::BANNER, name)
        && !patterns::matches_but(patterns::UNLIKELY, name, patterns::BANNER)
}

/// True when a lowercased name says "widget" as a word and no other word of
/// [`patterns::UNLIKELY`] (`sidebar-widget`, `newsletter-widget` say more).
fn names_only_a_widget(name: &str) -> bool {
    patterns::matches(patterns::WIDGET, name)
        && !patterns::matches_but(patterns::UNLIKELY, name, patterns::WIDGET)
}

/// Element siblings on each side of a widget among which a paragraph of the text is looked
/// for (a review's box stands between its sections' paragraphs, a few figures and notes
/// apart).
const WIDGET_REACH: usize = 64;

/// Fewest characters of prose of a widget set in the text.
const WIDGET_PROSE: u32 = 200;

/// True when `n` is named a widget alone, holds two paragraphs or more of prose, one of them
/// long (not a rating box's lines), with few links and no form field, and stands among the
/// text's paragraphs (a `<p>` of prose among its nearest siblings): a review's product box (its name, its specs,
/// what the reviewer thinks), not a sidebar's.
fn is_widget_in_text(doc: &Document, n: NodeId, stats: &super::stats::TextStats) -> bool {
    let s = stats.get(n);
    let long_paragraph = |c: NodeId| doc.is(c, "p") && prose(stats.get(c)) >= WIDGET_PROSE / 2;
    s.paragraphs >= 2
        && prose(s) >= WIDGET_PROSE
        && s.link_text * 4 < s.text
        && s.inputs == 0
        && names_only_a_widget(match_string(doc, n))
        && doc.descendants(n).any(long_paragraph)
        // (Among its nearest siblings: a page of thousands of such blocks asked each one's
        // siblings all.)
        && doc
            .element_neighbours(n, WIDGET_REACH)
            .into_iter()
            .any(long_paragraph)
}

/// Takes the names off `block` and off its parts that `only` says are named for one thing
/// (a banner's wrapper, its heading), which no stage should then read as clutter.
fn drop_names(doc: &mut Document, block: NodeId, only: fn(&str) -> bool) {
    for d in doc.descendants(block).collect::<Vec<_>>() {
        if only(match_string(doc, d)) {
            doc.set_attr(d, "class", "");
            doc.set_attr(d, "id", "");
        }
    }
}

fn is_byline(doc: &Document, n: NodeId, ms: &str) -> bool {
    doc.attr(n, "rel") == Some("author")
        || doc
            .attr(n, "itemprop")
            .is_some_and(|p| p.contains("author"))
        || (patterns::matches(BYLINE, ms) && !patterns::matches(patterns::NOT_BYLINE, ms))
}

/// Like [`is_byline`] for a block inside the article, also reading the component names
/// (`data-testid`, `data-component`) that templating frameworks leave.
pub fn names_a_byline(doc: &Document, n: NodeId) -> bool {
    is_byline(doc, n, match_string(doc, n))
        || ["data-testid", "data-component"].iter().any(|k| {
            doc.attr(n, k)
                .is_some_and(|v| patterns::matches(BYLINE, &lowercase(v)))
        })
}

/// True when the subtree holds an image or other media worth keeping without text.
pub fn has_media(doc: &Document, n: NodeId) -> bool {
    doc.descendants(n).any(|d| {
        matches!(
            doc.tag(d),
            Some("img" | "picture" | "video" | "figure" | "table" | "pre" | "hr" | "br")
        )
    })
}

fn has_block_child(doc: &Document, n: NodeId) -> bool {
    doc.descendants(n)
        .skip(1)
        .any(|d| doc.tag(d).is_some_and(|t| !PHRASING.contains(t)))
}

/// Math keeps its TeX source. MathJax's `<script type="math/tex">`, KaTeX's and MathML's
/// TeX annotations become `<code class="language-math">` (inside `<pre>` for display math),
/// MathML without TeX keeps its text, and the rendered copies beside a TeX source go.
fn normalize_math(doc: &mut Document, body: NodeId) {
    let nodes: Vec<NodeId> = doc.descendants(body).collect();
    let tex_scripts = nodes.iter().any(|&n| tex_script_mode(doc, n).is_some());
    for n in nodes {
        let Some(tag) = doc.tag(n) else {
            continue;
        };
        let class = doc.attr(n, "class").unwrap_or("");
        // Most classes hold no "katex" at all: one scan rules them out before any split.
        let is_katex =
            patterns::find(class, "katex").is_some() && split_white(class).any(|c| c == "katex");
        let is_rendered_copy = tex_scripts
            && class
                .split_whitespace()
                .any(|c| c.starts_with("MathJax") || c == "MJX_Assistive_MathML");
        if !(is_katex
            || is_rendered_copy
            || tag == "math"
            || tag == "mjx-container"
            || tex_script_mode(doc, n).is_some())
        {
            continue;
        }
        if !doc.contains(body, n) {
            continue; // inside something already replaced
        }
        if is_rendered_copy {
            doc.detach(n);
            continue;
        }
        let (tex, display) = match tex_script_mode(doc, n) {
            Some(display) => (Some(doc.text_content(n)), display),
            None => (
                tex_annotation(doc, n),
                doc.attr(n, "display")
                    .is_some_and(|d| d == "block" || d == "true")
                    || doc
                        .parent(n)
                        .and_then(|p| doc.attr(p, "class"))
                        .is_some_and(|c| c.contains("katex-display")),
            ),
        };
        let replacement = match tex.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()) {
            Some(tex) => {
                let code =
                    doc.create_element("code", vec![("class".into(), "language-math".into())]);
                let text = doc.create_text(&tex);
                doc.append(code, text);
                if display {
                    let pre = doc.create_element("pre", vec![]);
                    doc.append(pre, code);
                    pre
                } else {
                    code
                }
            }
            None => {
                let math = doc.descendants(n).find(|&d| doc.is(d, "math")).unwrap_or(n);
                let text = doc
                    .attr(math, "alttext")
                    .map(str::to_string)
                    .unwrap_or_else(|| doc.inner_text(math));
                doc.create_text(&text)
            }
        };
        // KaTeX's display wrapper holds nothing but the formula.
        let target = match doc.parent(n) {
            Some(p)
                if is_katex
                    && doc
                        .attr(p, "class")
                        .is_some_and(|c| c.contains("katex-display")) =>
            {
                p
            }
            _ => n,
        };
        doc.insert_before(target, replacement);
        doc.detach(target);
    }
}

/// `Some(display)` for a MathJax TeX source script.
fn tex_script_mode(doc: &Document, n: NodeId) -> Option<bool> {
    if !doc.is(n, "script") {
        return None;
    }
    let kind = doc.attr(n, "type")?;
    // Lowercased only when it opens as TeX's type (few scripts do).
    let tex = kind
        .as_bytes()
        .get(..8)
        .is_some_and(|k| k.eq_ignore_ascii_case(b"math/tex"));
    tex.then(|| kind.to_ascii_lowercase().contains("mode=display"))
}

/// The TeX of a MathML `annotation encoding="application/x-tex"` under `n`.
fn tex_annotation(doc: &Document, n: NodeId) -> Option<String> {
    doc.descendants(n)
        .find(|&d| {
            doc.is(d, "annotation")
                && doc
                    .attr(d, "encoding")
                    .is_some_and(|e| e.eq_ignore_ascii_case("application/x-tex"))
        })
        .map(|a| doc.text_content(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of the body of `html` once `remove_non_content` has run.
    fn prepared_text(html: &str) -> String {
        let mut doc = crate::dom::html::parse_html(html, None);
        remove_non_content(&mut doc, &mut Removals::default());
        doc.text_content(doc.body().unwrap())
    }

    #[test]
    fn a_guide_set_in_a_block_named_footer_is_the_text_the_sites_footer_goes() {
        // A restaurant guide: the introduction under the headline, then its places, each a
        // heading, a line and a paragraph, in the template's `page-footer` section; the
        // site's footer after it. Both the stripping by name and the cleaning by weight
        // once dropped the places.
        let place = |i: usize| {
            format!(
                "<article class=\"venue\"><h3><a href=\"/v/{i}\">Place {i}</a></h3>\
                 <p class=\"venue-location\">Bib Gourmand, Midtown</p><div class=\"venue-excerpt\">\
                 <p>Place {i} serves slow-cooked stews, housemade flatbread and a short list of \
                 natural wines, and its counter seats fill early on weekends.</p></div></article>"
            )
        };
        let places: String = (1..=16).map(place).collect();
        let intro = "<p>Below are this year's honorees that you can book, from new stars to a \
                     host of excellent, casual and affordable places: a fine meal at any of \
                     them, and the full list is on the guide's own site.</p>"
            .repeat(4);
        let html = format!(
            "<html><body><div class=\"content\"><h1>The city's award winners</h1>\
             {intro}</div><div class=\"page-footer\"><div class=\"venues\">\
             {places}</div></div><div class=\"site-footer\"><p>About us, careers and the \
             contact page.</p></div></body></html>"
        );
        let text = crate::extract_html(&html, None).expect("the guide").text;
        assert!(text.contains("Place 16 serves"), "{text}");
        assert!(text.contains("new stars"), "{text}");
        assert!(!text.contains("careers"), "{text}");
    }

    #[test]
    fn a_hero_banner_with_the_h1_and_its_lead_is_the_pages_head_a_notice_banner_goes() {
        // A consultancy's service page: its hero (named a banner, as its parts and its
        // heading's id are) holds the title, a tagline and the lead; then the offers.
        let lead = "<p>Most firms now hold more records than they can read, and the volume \
                    grows each quarter: the question is how to find what matters in them.</p>"
            .repeat(3);
        let offer = |i: usize| {
            format!(
                "<div class=\"card\"><h3>Offer {i}</h3><p>We plan, build and run offer {i} \
                 with your teams, from the first review to the last handover, and measure \
                 what it changed.</p></div>"
            )
        };
        let offers: String = (1..=6).map(offer).collect();
        let html = format!(
            "<html><body><div class=\"site-banner\"><p>Our offices close on Friday.</p>\
             </div><main><section class=\"page-hero-banner\"><div class=\"columns\">\
             <h1 id=\"hero_banner\">Data services</h1><h2 id=\"hero_banner_sub\">Turn \
             records into answers</h2><div class=\"page-hero-banner__wrapper\">{lead}\
             </div></div></section><section class=\"offers\"><h2>What we do</h2>{offers}\
             </section></main></body></html>"
        );
        let text = crate::extract_html(&html, None).expect("the page").text;
        assert!(text.contains("Most firms now hold"), "{text}");
        assert!(text.contains("Turn records into answers"), "{text}");
        assert!(text.contains("Offer 6"), "{text}");
        assert!(!text.contains("offices close"), "{text}");
    }

    #[test]
    fn a_cards_footer_is_the_items_the_pages_footer_goes() {
        // A news site's topic page: each card ends in a footer naming its writer and day.
        let card = |i: usize| {
            format!(
                "<li class=\"card\"><h3><a href=\"/news/{i}\">Cloud provider number {i} \
                 cuts prices</a></h3><p>What the change means for teams that run their \
                 builds there, story {i}.</p><div class=\"card__footer\">by Jane Doe{i} on \
                 Mar 0{i}</div></li>"
            )
        };
        let cards: String = (1..=6).map(card).collect();
        let html = format!(
            "<html><body><main><h1>Cloud</h1><ul class=\"cards\">{cards}</ul></main>\
             <div class=\"site-footer\"><p>About us, careers and the contact page.</p></div>\
             </body></html>"
        );
        let text = crate::extract_html(&html, None).expect("the list").text;
        assert!(text.contains("Jane Doe6"), "{text}");
        assert!(!text.contains("careers"), "{text}");
    }

    #[test]
    fn the_survey_of_rare_parts_sees_what_their_passes_read() {
        // Players are found as custom elements, small-screen names by their lowercase last
        // byte.
        assert!(patterns::VIDEO_ELEMENTS
            .iter()
            .all(|(t, ..)| t.contains('-')));
        assert!(patterns::SMALL_SCREENS_ONLY
            .iter()
            .all(|o| o.bytes().all(|b| !b.is_ascii_uppercase())));
        let parts = |html: &str| {
            let doc = crate::dom::html::parse_html(html, None);
            rare_parts(&doc, doc.body().unwrap())
        };
        assert_eq!(parts("<p>Plain <b>text</b></p><div>and a block</div>"), 0);
        assert_eq!(parts("<div hidden id=\"S:1\"><p>Late</p></div>"), STREAMED);
        assert_eq!(parts("<span class=\"katex\">x</span>"), MATH);
        assert_eq!(
            parts("<p>a</p><script type=\"Math/TeX\">x^2</script>"),
            MATH
        );
        assert_eq!(
            parts("<p>a</p><script type=\"text/javascript\">x</script>"),
            0
        );
        assert_eq!(parts("<lite-youtube videoid=abc></lite-youtube>"), PLAYERS);
        assert_eq!(parts("<amp-img src=a.png></amp-img>"), PLAYERS | AMP);
        assert_eq!(
            parts("<p>a</p><noscript><img src=a.png></noscript>"),
            NOSCRIPT
        );
        assert!(tex_script_mode_of("math/tex; mode=display") == Some(true));
        assert!(tex_script_mode_of("MATH/TEX") == Some(false));
        assert!(tex_script_mode_of("math/te").is_none());
    }

    fn tex_script_mode_of(kind: &str) -> Option<bool> {
        let doc = crate::dom::html::parse_html(
            &format!("<script type=\"{kind}\">x</script><p>a</p>"),
            None,
        );
        let script = doc.find_first("script").unwrap();
        tex_script_mode(&doc, script)
    }

    #[test]
    fn text_too_long_for_a_label() {
        let doc = crate::dom::html::parse_html(
            "<div id=a><span>- Advertisement -</span></div>\
             <div id=b><p>-- - -- ---------------- ----------- -----</p><p>Advertisement</p></div>\
             <div id=c><p>Advertisement, and the text of a whole article after it.</p>\
             <p>Its second paragraph, with the third after it.</p></div>",
            None,
        );
        let by_id = |id| {
            doc.descendants(NodeId::DOCUMENT)
                .find(|&n| doc.attr(n, "id") == Some(id))
        };
        let [a, b, c] = ["a", "b", "c"].map(|id| by_id(id).unwrap());
        assert!(!too_long_for_a_label(&doc, a) && patterns::is_ad_label(&doc.text_content(a)));
        // Marks are cut however many there are: only letters and digits count.
        assert!(!too_long_for_a_label(&doc, b));
        assert!(too_long_for_a_label(&doc, c) && !patterns::is_ad_label(&doc.text_content(c)));
    }

    #[test]
    fn a_block_named_nocontent_is_not_rescued_by_the_word_content() {
        // A sponsor's box marked `nocontent` (the class search indexers skip) beside the
        // article: "content" inside that word does not keep it.
        let para = "<p>The harbour wall was rebuilt over the winter with stone from the old \
                    quarry, and the ferry now docks on the inner side when the wind is high.</p>";
        let html = format!(
            "<html><body><article>{para}{para}{para}{para}<div class=\"widget box nocontent\"><p>Sponsored: \
             cut your cloud bill in half this quarter</p></div>{para}</article></body></html>"
        );
        let text = crate::extract_html(&html, None).expect("the article").text;
        assert!(text.contains("harbour wall"), "{text}");
        assert!(!text.contains("cloud bill"), "{text}");
    }

    #[test]
    fn a_posters_card_leaves_the_name_and_the_posts_date_whatever_it_holds() {
        // Each case: the card, then the lines the post keeps of it. The card's details go
        // first (a block inside it), then the card, the name kept from the first for the
        // second to find; a figure linked to the member's pages ("3.2k" posts) is no second
        // name; a date after the figures is the day the poster joined, not the post's.
        let cases = [
            (
                "<section id=card><a href=/members/ann.7 class=avatar><img alt=Ann></a>\
                 <div id=details><h4><a href=/members/ann.7 class=username>Ann</a></h4>\
                 <h5>Well-known member</h5></div></section>",
                "Ann",
            ),
            (
                "<aside id=card><h3><a href=/profile/7-ann/>Ann</a></h3><ul><li>Members</li>\
                 <li><a href=/profile/7-ann/content/>3.2k</a></li></ul></aside>",
                "Ann",
            ),
            (
                "<aside id=card><h3><a href=/profile/7-ann/>Ann</a></h3><ul><li>Members</li>\
                 <li><a href=/profile/7-ann/content/>10</a></li>\
                 <li><time datetime=2020-01-07>January 7, 2020</time></li></ul></aside>",
                "Ann",
            ),
            (
                "<div id=card><a href=/members/ann.7>Ann</a> <time>Dec 30, 2023</time></div>",
                "Ann|Dec 30, 2023",
            ),
        ];
        for (card, kept) in cases {
            let html = format!("<body><article>{card}<p>The pump held.</p></article></body>");
            let mut doc = crate::dom::html::parse_html(&html, None);
            let body = doc.body().unwrap();
            for id in ["details", "card"] {
                let Some(n) = doc
                    .descendants(body)
                    .find(|&d| doc.attr(d, "id") == Some(id))
                else {
                    continue;
                };
                let text = doc.text_len(n);
                keep_poster_line(&mut doc, n, text);
                doc.detach(n);
            }
            let lines: Vec<String> = doc
                .find_all(body, "div")
                .into_iter()
                .filter(|&d| doc.parent(d).is_some_and(|p| doc.is(p, "article")))
                .map(|d| doc.text_content(d).trim().to_string())
                .collect();
            assert_eq!(lines.join("|"), kept, "{card}");
        }
    }

    #[test]
    fn a_sections_anchor_made_of_its_headings_words_names_no_comments() {
        // A guide's sections, each anchored by its heading's words: "Respond to review
        // comments" is a section of the guide; the page's own comments still go.
        let section = |id: &str, heading: &str, text: &str| {
            format!(
                "<section id=\"{id}\"><span id=short></span><h2>{heading}<a class=headerlink \
                 href=\"#{id}\">¶</a></h2><p>{text}</p></section>"
            )
        };
        let more: String = (1..=6)
            .map(|i| {
                section(
                    &format!("step-{i}-of-the-process"),
                    &format!("Step {i} of the process"),
                    "Check the patch with the style script, build it with and without the \
                     option enabled, and run the tests of the subsystem before you send it to \
                     the list, with the maintainers of each file it touches in copy.",
                )
            })
            .collect();
        let html = format!(
            "<html><body><main><h1>Submitting patches</h1>{}{}{}{more}</main>\
             <section id=comments><h2>Comments</h2><p>Great guide, thanks for writing it all \
             down in one place!</p></section></body></html>",
            section(
                "describe-your-changes",
                "Describe your changes",
                "Describe your problem first, whether it is a one-line bug fix or five thousand \
                 lines of a new feature, and then the technical detail of the change you made.",
            ),
            section(
                "respond-to-review-comments",
                "Respond to review comments",
                "Your patch will almost certainly get comments from reviewers on ways in which \
                 it can be improved; you must respond to them, as ignoring reviewers is a good \
                 way to get ignored in return.",
            ),
            section(
                "separate-your-changes",
                "Separate your changes",
                "Separate each logical change into a separate patch, so that each can be \
                 reviewed and verified on its own merits by the people who maintain the code.",
            ),
        );
        let text = crate::extract_html(&html, None).expect("the guide").text;
        assert!(text.contains("almost certainly get comments"), "{text}");
        assert!(text.contains("Separate each logical change"), "{text}");
        assert!(!text.contains("Great guide"), "{text}");
    }

    #[test]
    fn a_posters_signature_goes_on_every_rung_and_in_a_layout_table() {
        // An old forum's posts in a layout table's rows, each signed; a newer one's signature
        // named with "entry", which alone would rescue it. A heading whose id repeats its
        // words ("signature") is text.
        let post = |i: usize| {
            format!(
                "<tr><td class=msg><div class=msg_body>Reply {i}: the second patch fixed the                  stutter for me as well, after a clean reinstall of the driver.<div                  class=signature>Currently playing: four games at once, {i}</div></div></td></tr>"
            )
        };
        let rows: String = (0..4).map(post).collect();
        let html = format!(
            "<html><body><table class=board>{rows}</table><div class=ipsEntry__signature>             Buy me a coffee</div><h3 id=invalid_pgp_signature>Invalid PGP signature</h3>             </body></html>"
        );
        for flags in super::super::LADDER {
            let mut doc = crate::dom::html::parse_html(&html, None);
            let stats = super::super::stats::TextStats::measure(&doc, NodeId::DOCUMENT);
            strip_page_chrome(&mut doc, &stats, flags, false, &mut Removals::default());
            let text = doc.text_content(doc.body().unwrap());
            assert!(text.contains("Reply 3: the second patch"), "{text}");
            assert!(!text.contains("Currently playing"), "{text}");
            assert!(!text.contains("coffee"), "{text}");
            assert!(text.contains("Invalid PGP signature"), "{text}");
        }
    }

    #[test]
    fn a_data_tables_names_say_how_it_is_shown() {
        // A ranking table whose header row stays in view as it scrolls: no page header; a
        // layout table of the same name, without header cells, may be one.
        let rows = "<tr><td>1</td><td>North harbour</td><td>7,000 residents</td></tr>";
        for (head, kept) in [
            ("<th>Rank</th><th>Town</th>", true),
            ("<td>Rank</td>", false),
        ] {
            let html = format!(
                "<html><body><h1>Largest towns</h1><table class=\"ranking sticky-header\">\
                 <tr>{head}</tr>{rows}</table></body></html>"
            );
            let mut doc = crate::dom::html::parse_html(&html, None);
            let stats = super::super::stats::TextStats::measure(&doc, NodeId::DOCUMENT);
            let flags = super::super::LADDER[0];
            strip_page_chrome(&mut doc, &stats, flags, false, &mut Removals::default());
            let text = doc.text_content(doc.body().unwrap());
            assert_eq!(text.contains("North harbour"), kept, "{text}");
        }
    }

    #[test]
    fn interface_labels_go_alone_and_stay_inside_a_sentence() {
        let para = "<p>Members compare the two models at length, and most of them find the \
                    newer one quieter, lighter and easier to clean after a long week of use.</p>";
        let html = format!(
            "<html><body><article><h1>Models</h1><div><span>Sort by:</span></div>{para}\
             <div><a href=/login>Log in</a></div>{para}<p>You must <a href=/login>log in</a> \
             to answer this question.</p>{para}</article></body></html>"
        );
        let text = crate::extract_html(&html, None).expect("the page").text;
        assert!(!text.contains("Sort by"), "{text}");
        assert!(!text.contains("Log in"), "{text}");
        assert!(text.contains("You must log in to answer"), "{text}");
    }

    #[test]
    fn a_modal_dialog_over_a_short_product_page_is_not_its_text() {
        // The product's text is short; the settings dialog over it says more.
        let row = "<p>These technologies remember the choices you make on our websites, such as \
                   the region you shop from and the items you compared, and help us measure \
                   which of our pages are read.</p>";
        let body = format!(
            "<h1>Road case</h1><div class=product><p>A flight case for four compact lights, \
             with foam inserts cut to their shape, a removable lid, recessed handles and \
             wheels that lock.</p><p>Ships in 2 to 4 weeks, free of charge.</p></div>\
             <section role=dialog aria-modal=true class=settings-panel><h2>Your settings</h2>\
             {row}{row}{row}{row}</section>"
        );
        let ld = r#"<script type="application/ld+json">{"@type":"Product","name":"Case"}</script>"#;
        let shop = format!("<html><head>{ld}</head><body>{body}</body></html>");
        let text = crate::extract_html(&shop, None).expect("the product").text;
        assert!(text.contains("foam inserts"), "{text}");
        assert!(!text.contains("remember the choices"), "{text}");
    }

    #[test]
    fn a_products_description_in_a_sheet_is_its_text_a_prompt_in_a_modal_is_not() {
        // A shop's page: the description opens in a sheet (a non-modal dialog, its panel an
        // aside) from a "Description" button; a modal offers a discount, without the name.
        let sheet = "<div class=sheet role=dialog aria-modal=false><aside class=sheet-aside>\
                     <h5>Description</h5><div class=sheet-content><p><strong>BUILT TO MOVE\
                     </strong></p><p>The Trail Jacket keeps the rain out on long runs: a light \
                     shell with taped seams, a hood that stays put and vents under the arms, \
                     so you stay dry outside and cool inside.</p><ul><li>Regular fit</li>\
                     <li>Taped seams</li></ul></div></aside></div>";
        let offer = "<div class=offer-modal><p>Take 15% off your first order and hear of our \
                     new arrivals before anyone else: join our list today and save on every \
                     jacket, shoe and bag in the shop this season.</p></div>";
        let shop = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"Product\"}}\
             </script></head><body><main><h1>Trail Jacket</h1><p>$120</p><section \
             class=accordion><button><h5>Description</h5></button>{sheet}</section>{offer}\
             </main></body></html>"
        );
        let text = crate::extract_html(&shop, None).expect("the product").text;
        assert!(text.contains("taped seams, a hood"), "{text}");
        assert!(text.contains("Regular fit"), "{text}");
        assert!(!text.contains("15% off"), "{text}");
    }

    #[test]
    fn a_products_details_in_a_modal_keep_their_parts_named_for_it() {
        // The details a "Product details" button opens, set in the page under the summary:
        // each part named for the modal, a section of short lines among them.
        let part = |c: &str, t: &str| format!("<p class=\"details-modal__{c}\">{t}</p>");
        let details = format!(
            "<div class=details-modal><h2 class=details-modal__title>Product details</h2>\
             <div class=details-modal__container>{}{}</div><div><h3 \
             class=details-modal__section-title>Good to know</h3><div \
             class=details-modal__container>{}{}</div></div></div>",
            part(
                "paragraph",
                "The clean lines of the NORDA shelf suit any room of the home, \
                  standing as a bookcase or lying as a low sideboard under a window."
            ),
            part(
                "paragraph",
                "Add boxes and doors to hide what you keep, or leave its \
                  shelves open for your books, plants and records."
            ),
            part("paragraph", "Sold without legs."),
            part("paragraph", "Takes 25 kg on top."),
        );
        let shop = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"Product\"}}\
             </script></head><body><main><div class=summary><h1>NORDA Shelf unit, white</h1>\
             <p>$79.99</p><p>Standing or lying, the NORDA series adapts to taste, space and \
             budget: make the shelf yours with inserts, boxes, doors and drawers, in white, \
             oak or black, that suit your needs, your room and the things you keep.</p></div>\
             <div class=info><div class=seo-content>{details}</div></div></main></body></html>"
        );
        let text = crate::extract_html(&shop, None).expect("the product").text;
        assert!(text.contains("standing as a bookcase"), "{text}");
        assert!(text.contains("Good to know"), "{text}");
        assert!(text.contains("Sold without legs."), "{text}");
    }

    #[test]
    fn a_products_disclaimers_go_however_long() {
        // A phone's page: its description, then the footnotes of its claims, longer than it.
        let note = "<li>Battery life is based on laboratory tests with the screen at default \
                    settings; actual results vary with use, the network and the apps run.</li>";
        let shop = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"Product\"}}\
             </script></head><body><main><h1>Phone</h1><div class=description><p>A phone with \
             a bright six-inch screen, two cameras that take sharp pictures at night, and a \
             battery that lasts through a long day of calls, maps and music.</p></div>\
             <div class=\"common-bottom-disclaimer\"><ol>{note}{note}{note}{note}</ol></div>\
             </main></body></html>"
        );
        let text = crate::extract_html(&shop, None).expect("the product").text;
        assert!(text.contains("bright six-inch screen"), "{text}");
        assert!(!text.contains("laboratory tests"), "{text}");
    }

    #[test]
    fn a_shops_reviews_and_fine_print_go_from_its_product_page_only() {
        // A product page: a short description, then customers' reviews holding more prose.
        let review = "<div class=review-card><p>I bought this kettle for the office and it \
                      boils a full jug in under three minutes, which is faster than the one it \
                      replaced. The handle stays cool, although the lid sticks a little.</p></div>";
        let body = format!(
            "<h1>Steel kettle</h1><div class=product-description><p>A brushed steel kettle, \
             1.7 litres, with a concealed element, a limescale filter and a base that turns all \
             the way round. It switches itself off when it boils or runs dry.</p></div>\
             <section id=customer-reviews class=product-reviews-content><h2>Reviews</h2>\
             {review}{review}{review}</section><div class=legal><p>Kettle is a trademark of \
             Kettle Works Ltd in the United States and other countries, used under licence; \
             all other trademarks are the property of their respective owners.</p></div>"
        );
        let ld = r#"<script type="application/ld+json">{"@type":"Product","name":"Steel kettle"}</script>"#;
        let shop = format!("<html><head>{ld}</head><body><main>{body}</main></body></html>");
        let article = crate::extract_html(&shop, None).expect("the product");
        assert!(article.text.contains("brushed steel"), "{}", article.text);
        assert!(
            !article.text.contains("boils a full jug"),
            "{}",
            article.text
        );
        let microdata = format!(
            "<html><body><main itemscope itemtype=\"https://schema.org/Product\">{body}</main>\
             </body></html>"
        );
        let article = crate::extract_html(&microdata, None).expect("the product");
        assert!(
            !article.text.contains("boils a full jug"),
            "{}",
            article.text
        );
        // A page that offers no product (a review site's roundup, a service's testimonials)
        // keeps what it names reviews, and so does a review of a product.
        let review_of = r#"<script type="application/ld+json">{"@type":"Review",
            "itemReviewed":{"@type":"Product","name":"Steel kettle"}}</script>"#;
        for head in ["", review_of] {
            let page = format!("<html><head>{head}</head><body><main>{body}</main></body></html>");
            let article = crate::extract_html(&page, None).expect("the page");
            assert!(
                article.text.contains("boils a full jug"),
                "{}",
                article.text
            );
        }
    }

    #[test]
    fn blocks_for_small_screens_only_are_left_out() {
        // A forum theme repeats the topic's stats for phones under the first post; the wide
        // layout shows them beside the thread. A block hidden below the wide breakpoint
        // (`max-lg:hidden`) is the wide layout's own and stays.
        let post = "I would like to know what the roadmap holds for the next releases of the \
                    product. The only information posted so far lists changes to the released \
                    versions, and nothing says what is planned for the rest of the year.";
        let html = format!(
            "<html><body><article class=\"ipsEntry\"><p>{post}</p><div class=\"mx-5 \
             max-lg:hidden\"><p>Answered by the product team, who read every thread here.</p>\
             </div><div class=\"d-block d-lg-none\"><p>This topic has 1 reply and 1.9k views, \
             and was last answered a year ago.</p></div><div class=\"cTopicOverview \
             ipsResponsive_hideDesktop\"><p>The top posters in this topic are the product \
             team and quietfan.</p></div></article></body></html>"
        );
        let article = crate::extract_html(&html, None).expect("the post");
        assert!(article.text.contains("roadmap holds"), "{}", article.text);
        assert!(
            article.text.contains("Answered by the product team"),
            "{}",
            article.text
        );
        for gone in ["1.9k views", "top posters"] {
            assert!(!article.text.contains(gone), "{gone} in {}", article.text);
        }
    }

    #[test]
    fn a_closed_answer_under_its_question_is_read_a_closed_notice_is_not() {
        // A FAQ whose answers the page closes (`display: none`) under questions set as plain
        // blocks, with no ARIA on them: the question announces the answer, which is read. A
        // closed block under a line that asks nothing stays out.
        let intro = "<p>Our courses are free to study online, at your own pace, and each ends \
                     with an assessment that you can take as many times as you like.</p>";
        let faq = |q: &str, a: &str| {
            format!(
                "<div class=\"faq__question\">{q}<span class=\"reveal\"></span></div>\
                 <div class=\"faq__answer\" style=\"display: none;\"><div>{a}</div></div>"
            )
        };
        let html = format!(
            "<html><body><main><h1>Online certificates</h1>{intro}{intro}{}{}</main></body></html>",
            faq(
                "What is an online certificate?",
                "A certificate is non-degree training that proves you finished a course of study."
            ),
            faq(
                "Terms of the offer",
                "The offer ends at midnight and applies to new learners who enrol this month only."
            ),
        );
        let article = crate::extract_html(&html, None).expect("the page");
        assert!(
            article.text.contains("non-degree training"),
            "{}",
            article.text
        );
        assert!(!article.text.contains("offer ends"), "{}", article.text);
    }

    #[test]
    fn a_class_closes_a_panel_at_every_screen_size_only() {
        for closed in [
            "kt-accordion-panel kt-accordion-panel-hidden",
            "cmp-accordion__panel cmp-accordion__panel--hidden",
            "MuiCollapse-root MuiCollapse-hidden",
            "answer hide",
            "font-poppins text-sm lg:text-base hidden",
            "Panel HIDE",
        ] {
            assert!(has_closing_class(closed), "{closed}");
        }
        for open in [
            "product-description hidden-md-up",
            "faq-answer hide-on-mobile",
            "card overflow-hidden",
            "field field--label-hidden",
            "product__description rte quick-add-hidden",
            "hidden lg:block",
            "kt-accordion-panel",
            "panel-hid",
            "panel-closed",
        ] {
            assert!(!has_closing_class(open), "{open}");
        }
    }

    #[test]
    fn looks_are_left_out_of_class_keys() {
        let mut s = String::new();
        push_meaningful_classes(&mut s, "hidden lg:block max-w-[645px] overflow-hidden post");
        assert_eq!(s, "post ");
        s.clear();
        // A shop's description, left out of its quick-add popup only.
        push_meaningful_classes(&mut s, "product__description rte quick-add-hidden");
        assert_eq!(s, "product__description rte ");
        s.clear();
        push_meaningful_classes(&mut s, "p q r ab ad ae sidebar");
        assert_eq!(s, "sidebar ");
        s.clear();
        // A thread's replies, which hide the line drawn to the last of them.
        push_meaningful_classes(&mut s, "replies hide-last-message-connector");
        assert_eq!(s, "replies ");
    }

    #[test]
    fn what_a_block_has_is_not_what_it_is() {
        let key = |class: &str| {
            let mut s = String::new();
            push_meaningful_classes(&mut s, class);
            s
        };
        // A page wrapper with a header, a section with one: neither is a header.
        assert_eq!(
            key("responsive_page_frame with_header"),
            "responsive_page_frame  "
        );
        assert_eq!(
            key("wp-block-group section-with-header"),
            "wp-block-group section- "
        );
        assert_eq!(key("layout without-sidebar"), "layout  ");
        assert_eq!(key("has-submenu"), "has-submenu ");
        assert!(!patterns::is_unlikely_name(
            &key("page_frame with_header"),
            false
        ));
        // A header with a logo is still a header.
        assert_eq!(key("header-with-logo"), "header- ");
        assert!(patterns::is_unlikely_name(&key("header-with-logo"), false));
        // The words inside a longer word are no modifiers.
        assert_eq!(key("withheader hashtag-list"), "withheader hashtag-list ");
    }

    #[test]
    fn styles_that_hide_are_read_as_squeezed() {
        let squeezed_holds = |s: &str| {
            let squeezed: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| c.to_ascii_lowercase())
                .collect();
            squeezed.contains("display:none") || squeezed.contains("visibility:hidden")
        };
        for style in [
            "display:none",
            "color: red; DISPLAY : None",
            "dis play:\u{a0}none",
            "display:display:none",
            "ddisplay:none",
            "display:nonE;",
            "display: block",
            "display:non",
            "visibility: visible; visibility :hidden",
            "vvisibility:hidden",
            "visibility:hiddn",
            "",
        ] {
            assert_eq!(style_hides(style), squeezed_holds(style), "{style}");
        }
    }

    #[test]
    fn a_shops_recommendation_sections_go_with_their_headings() {
        let card = |name: &str| {
            format!(
                "<li><a href=/i/{name}><img src=/{name}.jpg><h3>{name} trail shoe</h3></a>\
                     <span>$89.00</span><span>+ $12.50 delivery</span></li>"
            )
        };
        let cards: String = ["Ridge", "Scree", "Talus"]
            .iter()
            .map(|n| card(n))
            .collect();
        let html = format!(
            "<body><main><h1>Summit trail shoe</h1><p>A light shoe for long runs on rough \
             ground.</p><section><div class=head><div><h2>People who viewed this item also \
             viewed</h2></div></div><div class=carousel><ul>{cards}</ul></div></section>\
             <div><h2>Item description</h2><p>Worn twice, no marks on the sole.</p></div>\
             <div><p>Our pick of the week.</p><h2>Similar items</h2><p>Tell us what you \
             think.</p></div></main></body>"
        );
        let text = prepared_text(&html);
        assert!(!text.contains("also viewed"), "{text}");
        assert!(!text.contains("Scree"), "{text}");
        assert!(text.contains("rough ground"), "{text}");
        assert!(text.contains("Worn twice"), "{text}");
        // A heading after other text in its block takes only itself.
        assert!(text.contains("Our pick of the week"), "{text}");
        assert!(!text.contains("Similar items"), "{text}");
        // Shops word the same boxes in many ways.
        for heading in ["How about these?", "Pairs well with", "Get the look"] {
            let html = format!(
                "<body><main><h1>Summit trail shoe</h1><p>A light shoe for long runs on rough \
                 ground, with a rock plate under the forefoot, a gusseted tongue that keeps grit \
                 out and a lugged sole that grips wet stone and loose scree alike.</p><section>\
                 <h2>{heading}</h2><ul>{cards}</ul></section></main></body>"
            );
            let text = prepared_text(&html);
            assert!(!text.contains("Scree") && text.contains("rough"), "{text}");
        }
    }

    #[test]
    fn a_code_boxs_header_goes_and_its_code_stays() {
        let html = "<body><div class=content>I added these lines to the config:<div \
             class=codebox><p>Code: <a href=\"#\" onclick=\"selectCode(this); return \
             false;\">Select all</a></p><pre><code>led_trigger=none\n</code></pre></div>Why \
             do they not work? I select all the lines and paste them again.</div></body>";
        let text = prepared_text(html);
        assert!(
            !text.contains("Code:") && !text.contains("Select all"),
            "{text}"
        );
        assert!(
            text.contains("led_trigger=none") && text.contains("I select all"),
            "{text}"
        );
    }

    #[test]
    fn a_frameworks_hiding_class_hides() {
        // A forum's empty box of recommended posts, hidden by its framework's class until a
        // script fills it; a block hidden in the site's phone app only stays.
        let html = "<body><main><h1>New case</h1><div class=\"recommended ipsHide\"><h2>\
             Recommended Posts</h2></div><div class=mobileAppHide><p>Posted March 4</p></div>\
             <article><p>The new case takes a full tower's parts in a smaller box, with room \
             for three fans at the front and a radiator on top.</p></article></main></body>";
        let text = prepared_text(html);
        assert!(!text.contains("Recommended"), "{text}");
        assert!(
            text.contains("Posted March 4") && text.contains("smaller box"),
            "{text}"
        );
    }

    #[test]
    fn a_link_named_by_the_heading_it_repeats_goes() {
        // A feed's card: a link laid over the whole card, named by the card's heading link,
        // whose words it repeats; a link named by another label, or wrapping it, stays.
        let html = "<body><main><div class=story><a href=/p/1 aria-labelledby=t1 \
             class=story-nav>Drift to determinism</a><div class=meta><a href=/u/g>Graham</a>\
             </div><h2><a href=/p/1 id=t1>\n  Drift to   determinism\n</a></h2></div>\
             <div class=story><a href=/p/2 aria-labelledby=t2>Read: Rust in the kernel</a>\
             <h2><a href=/p/2 id=t2>Rust in the kernel</a></h2></div>\
             <div class=story><a href=/p/3 aria-labelledby=t3><span id=t3>Tabs or spaces\
             </span></a></div><div class=story><a href=/p/4 aria-labelledby=t9>Lost label</a>\
             </div></main></body>";
        let text = prepared_text(html);
        assert_eq!(text.matches("Drift to").count(), 1, "{text}");
        for kept in ["Read: Rust", "Tabs or spaces", "Lost label"] {
            assert!(text.contains(kept), "{text}");
        }
    }

    #[test]
    fn a_teasers_summary_linked_whole_for_the_eye_only_stays() {
        // A topic page's teaser: the summary is a paragraph's one link, to the story like its
        // headline, hidden from screen readers as a second link there; the eye reads it. An
        // overlay link across the card, a copy of the headline, goes.
        let html = "<body><article class=teaser><h2><a href=/s/1>Ferries run twice a day</a></h2>\
             <p class=desc> <a href=/s/1 aria-hidden=true tabindex=-1>The island's ferry now \
             sails twice a day all winter, the council said on Tuesday.</a> </p>\
             <a class=overlay href=/s/1 aria-hidden=true tabindex=-1>Ferries run twice a day \
             again</a><p><a href=/s/1 aria-hidden=true>More</a> on the timetable.</p>\
             </article>";
        let more = "<article class=teaser><h2><a href=/s/2>Harbour works begin</a></h2><p>The \
             quay is rebuilt in stone over the next two summers, at a cost of four million.</p>\
             </article>"
            .repeat(4);
        let text = prepared_text(&format!("{html}{more}</body>"));
        assert!(text.contains("sails twice a day all winter"), "{text}");
        assert!(
            !text.contains("a day again") && !text.contains("More"),
            "{text}"
        );
    }

    #[test]
    fn a_cards_price_shows_once_the_copy_its_theme_hides_goes() {
        // A shop theme's card holds the regular and the sale price; its stylesheet shows the
        // sale one only in a price block on sale.
        let card = |i: usize, on_sale: &str, regular: &str, sale: &str| {
            format!(
                "<li class=\"card\"><h3><a href=\"/p/{i}\">Open-back headphones, model {i}</a>\
                 </h3><div class=\"price {on_sale}\"><div class=\"price__container\">\
                 <div class=\"price__regular\"><span class=\"price-item\">{regular}</span></div>\
                 <div class=\"price__sale\"><span class=\"price-item\">{sale}</span>\
                 <s class=\"price-item\">{regular}</s></div></div></div></li>"
            )
        };
        let cards: String = (0..8)
            .map(|i| card(i, "", &format!("$49{i}.95"), &format!("$49{i}.95")))
            .chain([card(8, "price--on-sale", "$579.95", "$399.95")])
            .collect();
        let html = format!("<body><main><h1>Headphones</h1><ul>{cards}</ul></main></body>");
        let text = prepared_text(&html);
        assert_eq!(text.matches("$493.95").count(), 1, "{text}");
        // On sale: the sale price and the regular one struck through beside it.
        assert!(
            text.contains("$399.95") && text.contains("$579.95"),
            "{text}"
        );
        assert_eq!(text.matches("$579.95").count(), 1, "{text}");
    }

    #[test]
    fn a_span_hidden_by_d_none_alone_goes_one_shown_again_stays() {
        // A Q&A site's TeX grouping markers and a comment's machine date, hidden on every
        // screen; a label shown from medium screens up; a block so named (a script's data
        // the page may show) stays.
        let html = "<body><div class=post><span class=d-none>$\\begingroup$</span><p>The \
             neutral wire carries current back to the panel, where it is bonded to the ground \
             bar.</p><span class=\"d-none d-md-inline\">Answered</span>\
             <time class=d-none>2019-01-21T21:40:59.62Z+00:00</time>\
             <div class=d-none>Capabilities</div></div></body>";
        let text = prepared_text(html);
        assert!(
            !text.contains("begingroup") && !text.contains("2019"),
            "{text}"
        );
        assert!(
            text.contains("neutral wire") && text.contains("Answered"),
            "{text}"
        );
        assert!(text.contains("Capabilities"), "{text}");
    }

    #[test]
    fn a_newsletters_ad_a_newsrooms_appeal_and_a_sites_download_go_with_their_headings() {
        let html = "<body><main><h1>Tools for analysts</h1><p>Four tools stood out this year, \
             each for a different kind of work.</p><div><h2>Advertisement: A new book on data</h2>\
             <p>Order it today.</p></div><h2>Final thoughts</h2><p>Pick the tool your team will \
             use every day.</p><div class=column><h2>This story is funded by readers like you</h2>\
             <p>Our newsroom runs on one-off and monthly donations.</p></div><div><h3>Get the \
             FREE eBook!</h3><p>Fifty pages of tips, sent today.</p></div></main></body>";
        let text = prepared_text(html);
        assert!(
            text.contains("Final thoughts") && text.contains("every day"),
            "{text}"
        );
        for gone in [
            "Advertisement",
            "Order it",
            "funded by readers",
            "donations",
            "eBook",
            "Fifty pages",
        ] {
            assert!(!text.contains(gone), "{text}");
        }
    }

    #[test]
    fn a_forums_boxes_of_other_threads_go_with_their_headings() {
        let html = "<body><main><h1>New tank thoughts</h1><div class=posts><article><p>I am \
             setting up a new reef tank this spring and wonder which return pump to buy for a \
             forty gallon sump.</p></article><article><p>Any quiet DC pump will do; size it \
             for about five times the tank volume.</p></article></div><div class=block>\
             <h3>Similar threads</h3><ul><li><a href=/t/1>Return pump noise</a></li><li>\
             <a href=/t/2>Sump size for a 40g</a></li></ul></div><div><h3>Top posters in this \
             topic</h3><ul><li>reefer42</li><li>bagabaga</li></ul></div></main></body>";
        let text = prepared_text(html);
        assert!(text.contains("five times the tank volume"), "{text}");
        for gone in [
            "Similar threads",
            "Return pump noise",
            "Top posters",
            "reefer42",
        ] {
            assert!(!text.contains(gone), "{gone}: {text}");
        }
    }

    #[test]
    fn a_makers_shop_sections_and_a_review_sites_account_of_itself_go_with_their_headings() {
        let html = "<body><main><h1>Trail Runner 3</h1><p>A light shoe for long days on rough \
             ground, with a grippy sole and a roomy toe box.</p><section><h2>Why Acme is the \
             best place to buy Trail Runner.</h2><p>Free delivery and free returns.</p>\
             </section><section><h2>Keep exploring Trail Runner.</h2><ul><li>Compare models\
             </li><li>Accessories</li></ul></section><section><h2>Why trust us?</h2><p>Our \
             testers ran four hundred miles in them.</p></section></main></body>";
        let text = prepared_text(html);
        assert!(text.contains("roomy toe box"), "{text}");
        for gone in [
            "best place to buy",
            "Free delivery",
            "Keep exploring",
            "Compare models",
        ] {
            assert!(!text.contains(gone), "{gone}: {text}");
        }
    }

    #[test]
    fn a_date_set_long_and_short_shows_the_long_one() {
        let html = "<body><main><p>Pumped the vessel up to one bar, and it held.</p><p>\
             <time datetime=2024-06-14><span class=ipsTime__long>June 14, 2024</span><span \
             class=ipsTime__short>1 yr</span></time></p><p><span class=label_short>Pump\
             </span> <span class=label_long>Pump and vessel</span></p></main></body>";
        let text = prepared_text(html);
        assert!(text.contains("June 14, 2024"), "{text}");
        assert!(!text.contains("1 yr"), "{text}");
        assert!(text.contains("Pump Pump and vessel"), "{text}");
    }

    #[test]
    fn a_template_placeholder_no_script_filled_goes_one_shown_as_code_stays() {
        let html = "<body><main><p>Pumped the vessel up to one bar.</p><div class=alert \
             ng-cloak><strong>{{ board.errors[42].message }}</strong></div><p>Write \
             <code>{{ page.title }}</code> in the template, or {{ this }} and more.</p>\
             </main></body>";
        let text = prepared_text(html);
        assert!(!text.contains("errors[42]"), "{text}");
        assert!(text.contains("{{ page.title }}"), "{text}");
        assert!(text.contains("{{ this }} and more"), "{text}");
    }

    #[test]
    fn a_form_with_nothing_to_fill_in_is_the_text_it_holds() {
        // Each comment's text sits in a form with the hidden input that posts it back when
        // its writer edits it: the comments are the thread, not forms the reader leaves out.
        // A form with a field to fill in stays a form.
        let comment = |i: usize, text: &str| {
            format!(
                "<div class=\"thing comment\"><p class=tagline><a href=\"/user/poster{i}\">\
                 poster{i}</a> {i} points</p><form action=\"#\" class=usertext><input \
                 type=hidden name=thing_id value=c{i}><div class=md><p>{text}</p></div></form>\
                 </div>"
            )
        };
        let opening = "The bees came back to the hive on the roof this spring, after two \
             winters without them, and the first honey was taken in June. We think the new \
             hedge of lavender along the street did most of the work, though the neighbours \
             planting clover in their lawns must have helped as well. "
            .repeat(4);
        let replies: String = (2..=6)
            .map(|i| comment(i, &format!("Reply {i}: we saw the same on our allotment.")))
            .collect();
        let html = format!(
            "<html><body><div class=content><div class=sitetable>{}{replies}</div>\
             <form action=/search><input type=text name=q><p>Search the whole site</p></form>\
             </div></body></html>",
            comment(1, &opening)
        );
        let text = crate::extract_html(&html, None).expect("the thread").text;
        for i in 2..=6 {
            assert!(text.contains(&format!("Reply {i}:")), "{i}: {text}");
        }
        let mut doc = crate::dom::html::parse_html(&html, None);
        remove_non_content(&mut doc, &mut Removals::default());
        let body = doc.body().unwrap();
        assert_eq!(doc.find_all(body, "form").len(), 1);
    }

    #[test]
    fn a_fields_caption_goes_with_its_input_a_sentence_before_a_form_stays() {
        let html = "<body><main><p>Thanks for the tip, it worked.</p><span class=pan><div>\
             <span>Number of slices to send: </span><input type=text value=1></div><div>\
             <span>Optional note:</span><br><input type=text></div></span><div>Write to us \
             about anything at all:<input type=hidden name=id></div><p>Email:</p></main></body>";
        let text = prepared_text(html);
        assert!(text.contains("it worked"), "{text}");
        assert!(
            !text.contains("slices") && !text.contains("Optional"),
            "{text}"
        );
        assert!(
            text.contains("Write to us") && text.contains("Email:"),
            "{text}"
        );
    }

    #[test]
    fn a_newsletters_poll_and_unsubscribe_section_and_a_sites_latest_box_go() {
        let html = "<body><main><h1>Issue 42</h1><p>This week we look at what the numbers \
             say about attention, and what you might do about it.</p><section><h2>How was \
             this issue?</h2><p>Great, Fine, Poor</p></section><section><h2>Here's the \
             unsubscribe</h2><p>Follow the link to stop these emails.</p></section><div>\
             <h3>Explore the latest insights and research</h3><ul><li><a href=/a>Ebooks</a>\
             </li></ul></div><section><h2>Love the Weekly Example newsletter? Tell your \
             friends and get rewards.</h2><p>Share your link to earn books.</p></section>\
             </main></body>";
        let text = prepared_text(html);
        assert!(text.contains("what the numbers say"), "{text}");
        for gone in [
            "How was",
            "Great, Fine",
            "unsubscribe",
            "stop these",
            "Explore",
            "Ebooks",
            "Tell your friends",
            "earn books",
        ] {
            assert!(!text.contains(gone), "{gone}: {text}");
        }
    }
}
