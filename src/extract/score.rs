//! Candidate scoring: paragraphs vote for their ancestors, link-heavy blocks lose, the best
//! block is widened to its real container and joined by the siblings that belong with it.

use crate::dom::{split_white, trim, Document, NodeId};

use super::evidence::{self, Coverage, DeclaredBody};
use super::lowercase::lowercase;
use super::patterns::{self, CMS_CONTENT, NEGATIVE, POSITIVE};
use super::stats::TextStats;
use super::Flags;

/// Tags whose text votes for its ancestors.
const TAGS_TO_SCORE: crate::extract::patterns::Words =
    crate::extract::patterns::words!["p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6"];

/// How far up a paragraph's vote reaches.
const ANCESTOR_LEVELS: usize = 5;

/// How many top candidates are compared when looking for a shared container.
const TOP_CANDIDATES: usize = 5;

/// Extra weight of a publishing system's article container.
const CMS_CONTENT_WEIGHT: f64 = 25.0;

/// Class and id weight: +25 for article words, -25 for clutter words, each; a publishing
/// system's article container adds [`CMS_CONTENT_WEIGHT`].
pub fn class_weight(doc: &Document, n: NodeId, flags: Flags) -> f64 {
    if !flags.weight_classes {
        return 0.0;
    }
    let mut w = 0.0;
    // The element's kept key is its meaningful classes, then a space and its id, lowercased
    // ([`super::prepare::match_string`]): an ASCII id is its last bytes, the classes the rest.
    let key = super::prepare::match_string(doc, n);
    let id = doc.attr(n, "id");
    let classes_end = match id {
        None => Some(key.len()),
        Some(i) if i.is_ascii() => key.len().checked_sub(i.len() + 1),
        Some(_) => None,
    };
    for attr in ["class", "id"] {
        if let Some(v) = doc.attr(n, attr) {
            let v = match (attr, classes_end) {
                ("class", Some(end)) => std::borrow::Cow::Borrowed(&key[..end]),
                ("id", Some(end)) => std::borrow::Cow::Borrowed(&key[end + 1..]),
                ("class", None) => {
                    // Without utility classes: `overflow-hidden` says nothing of the block's role.
                    let mut names = String::new();
                    super::prepare::push_meaningful_classes(&mut names, v);
                    std::borrow::Cow::Owned(lowercase(&names))
                }
                _ => std::borrow::Cow::Owned(lowercase(v)),
            };
            let negative = if flags.product {
                patterns::matches_but(NEGATIVE, &v, patterns::SHOP_PROMOTIONS)
            } else {
                patterns::matches(NEGATIVE, &v)
            };
            if (negative && !(flags.thread && patterns::matches(patterns::COMMENT_THREADS, &v)))
                || names_a_widget(&v)
            {
                w -= 25.0;
            }
            if patterns::matches(POSITIVE, &v) {
                w += 25.0;
            }
            if patterns::matches(CMS_CONTENT, &v) {
                w += CMS_CONTENT_WEIGHT;
            }
        }
    }
    if doc
        .attr(n, "itemprop")
        .is_some_and(|p| p.contains("articleBody"))
    {
        w += 25.0;
    }
    if w != 0.0 {
        super::applied::note(super::applied::WEIGHT_CLASSES);
    }
    w
}

/// True when one of `names` holds `widget` outside a page builder's name for its blocks.
fn names_a_widget(names: &str) -> bool {
    names.split_whitespace().any(|name| {
        patterns::matches(patterns::WIDGET, name)
            && !patterns::CONTENT_WIDGETS
                .iter()
                .any(|prefix| name.starts_with(prefix))
    })
}

fn tag_base_score(tag: &str) -> f64 {
    match tag {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// A parent scoring at least this share of its child's score is taken instead of the child.
const PARENT_TIE: f64 = 0.98;

/// Least share of the chosen block's score kept by an ancestor the climb passes (outside
/// threads, whose posts' container scores less than the longest post).
const CLIMB_FLOOR: f64 = 0.2;

/// Finds the article in the prepared page and gathers it under a new, detached `<div>`.
/// Returns that container. `declared` is the body the page's JSON-LD states, if any; without
/// it, a block marked `itemprop="articleBody"` is the declared body (see [`evidence`]).
pub fn grab(doc: &mut Document, flags: Flags, declared: Option<&DeclaredBody>) -> Option<NodeId> {
    let body = doc.body()?;
    let stats = join_drop_caps(doc, body);
    // Scores by node index (None: not a candidate). A vector rather than a hash map: no
    // hashing on this hot path, and no hash table code in the wasm.
    let mut scores: Vec<Option<f64>> = vec![None; doc.len()];
    let mut candidates: Vec<NodeId> = Vec::new();

    let to_score = doc.collect_where(body, &|n| {
        doc.tag(n).is_some_and(|t| TAGS_TO_SCORE.contains(t))
    });
    for el in to_score {
        let len = stats.get(el).text;
        if len < 25 {
            continue;
        }
        let content = 1.0 + f64::from(stats.get(el).commas) + f64::from((len / 100).min(3));
        let mut ancestor = doc.parent(el);
        let mut level = 0;
        while let Some(a) = ancestor {
            if level >= ANCESTOR_LEVELS || doc.tag(a).is_none() || doc.is(a, "html") {
                break;
            }
            let entry = scores[a.index()].get_or_insert_with(|| {
                candidates.push(a);
                tag_base_score(doc.tag(a).unwrap_or("")) + class_weight(doc, a, flags)
            });
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            *entry += content / divider;
            ancestor = doc.parent(a);
            level += 1;
        }
    }
    // The best few candidates, highest score first (ties: first in the page). Kept by
    // insertion: only the top few are read, and a general sort costs the wasm kilobytes.
    let mut ranked: Vec<(NodeId, f64)> = Vec::with_capacity(TOP_CANDIDATES + 1);
    for n in candidates {
        if let Some(s) = &mut scores[n.index()] {
            *s *= 1.0 - stats.link_density(n);
            let entry = (n, *s);
            let at = ranked
                .iter()
                .position(|r| entry.1.total_cmp(&r.1).then(r.0.cmp(&entry.0)).is_gt())
                .unwrap_or(ranked.len());
            if at < TOP_CANDIDATES {
                ranked.insert(at, entry);
                ranked.truncate(TOP_CANDIDATES);
            }
        }
    }
    let (mut top, mut top_score) = match ranked.first() {
        Some(&(n, s)) if n != body => (n, s),
        _ => return Some(wrap_body(doc, body)),
    };

    // Several strong candidates inside one container: the container is the article
    // (pages that split the text into many sibling blocks).
    let alternatives: Vec<NodeId> = ranked
        .iter()
        .skip(1)
        .take(TOP_CANDIDATES - 1)
        .filter(|(_, s)| *s / top_score >= 0.75)
        .map(|(n, _)| *n)
        .collect();
    if alternatives.len() >= 2 {
        let mut parent = doc.parent(top);
        while let Some(p) = parent {
            if p == body {
                break;
            }
            let shared = alternatives.iter().filter(|&&a| doc.contains(p, a)).count();
            if shared >= 2 {
                top = p;
                break;
            }
            parent = doc.parent(p);
        }
        top_score = *scores[top.index()].get_or_insert(0.0);
    }

    // Climb while the parent scores better: the vote often lands on an inner wrapper. A tie
    // (within 2%) with the block chosen goes to the parent too: a lead block and the text
    // around it score alike, and only the parent holds both (the lead paragraphs beside a
    // video block); an ancestor merely tying a wrapper passed on the way (a column that
    // scored less than the text) is not taken for it, outside threads. A layout's wrappers
    // around the text (a column in a row in a container) score less at each level: one
    // holding little more than the text and scoring under [`CLIMB_FLOOR`] of its block ends
    // the climb, or the first ancestor outscoring it would be taken for the sections it adds
    // beside the text (the site's questions, its call to action), though it scores a
    // fraction of the text's block.
    let mut last = top_score;
    let mut parent = doc.parent(top);
    while let Some(p) = parent {
        if p == body || doc.tag(p).is_none() {
            break;
        }
        let Some(ps) = scores[p.index()] else {
            parent = doc.parent(p);
            continue;
        };
        // A wrapper adds little text (a tenth at most) to the block chosen; an answer's block
        // around its text, with the comments under it, is no wrapper.
        let wrapper = stats.get(p).text * 10 <= stats.get(top).text * 11;
        if ps < last / 3.0 || (!flags.thread && wrapper && ps < top_score * CLIMB_FLOOR) {
            break;
        }
        let tie = if last == top_score || flags.thread {
            PARENT_TIE
        } else {
            1.0
        };
        if ps >= last * tie {
            top = p;
            top_score = ps;
        }
        last = ps;
        parent = doc.parent(p);
    }
    // A lone child is the same block as its parent; take the wider one.
    while let Some(p) = doc.parent(top) {
        if p == body || doc.only_element_child(p).is_none() {
            break;
        }
        top = p;
        top_score = scores[p.index()].unwrap_or(top_score);
    }
    // A table's body or head cannot stand outside its table (it would be written as bare
    // rows): the section picked widens to the table, which adds only its caption and other
    // sections.
    if matches!(doc.tag(top), Some("tbody" | "thead" | "tfoot")) {
        if let Some(table) = doc
            .parent(top)
            .filter(|&p| p != body && doc.tag(p) == Some("table"))
        {
            top = table;
            top_score = scores[table.index()].unwrap_or(top_score);
        }
    }
    // A site's footer (its address, its about-us blurb, its columns of links) is never the
    // article, however well it scores on a rung that kept it: a page whose text is in
    // short blocks (a product's buy box, a grid's cards) left it the longest prose. The
    // rung finds nothing, and the page's list or another rung's pick is taken instead.
    // Nor is a block the page hides by a class of its own (`hide`: a notice bar whose
    // slides a script shows one at a time, each country's shipping offer), which only the
    // strict rung strips: on the others it may outscore a grid of short cards. A hidden
    // block holding half the page or more is the page a script reveals, and counts.
    let mut up = Some(top);
    while let Some(a) = up.filter(|&a| a != body) {
        let hiding = |c: &str| split_white(c).any(|w| w == "hide" || w == "hidden");
        let footer = || {
            doc.is(a, "footer")
                || patterns::matches(patterns::FOOTER, super::prepare::match_string(doc, a))
        };
        if (a == top && footer())
            || (stats.get(a).text * 2 < stats.get(body).text
                && doc.attr(a, "class").is_some_and(hiding))
        {
            return None;
        }
        up = doc.parent(a);
    }
    let mut picks = thread_posts(doc, top, body, &scores, &stats)
        .unwrap_or_else(|| pick_siblings(doc, top, top_score, &scores, &stats, flags));
    if flags.thread {
        if let Some(replies) = replies_after(doc, &picks, body, &stats) {
            picks.push(replies);
        }
    }
    if let Some(main) = widen_to_main(doc, body, &picks, &stats) {
        picks = vec![main];
    } else if let Some(sections) = widen_to_sections(doc, body, &picks, &stats, flags) {
        picks = sections;
    }
    // The body the page declares weighs in: it widens a choice that missed part of it and
    // narrows one padded with clutter (see [`evidence::settle`]).
    let microdata;
    let declared = match declared {
        Some(d) => Some(d),
        None => {
            microdata = DeclaredBody::from_microdata(doc, body, flags.product);
            microdata.as_ref()
        }
    };
    if let Some(declared) = declared {
        let coverage = Coverage::measure(doc, body, declared);
        if let Some(settled) = evidence::settle(doc, body, &picks, &coverage, declared) {
            picks = settled.picks;
            for n in settled.drop {
                doc.detach(n);
            }
        }
    }
    let lead = lead_paragraphs(doc, body, &picks, &stats);
    let article = doc.create_element("div", vec![]);
    for n in lead.into_iter().chain(picks) {
        doc.append(article, n);
    }
    Some(article)
}

/// A drop cap set in its own block ("D", then a paragraph "uring the war…") goes back into
/// the word it starts: a block whose whole text is one capital letter, followed by a block
/// whose text starts in lower case.
///
/// Returns the measures of the body in its new shape (those taken to look for the blocks,
/// when none was joined).
fn join_drop_caps(doc: &mut Document, body: NodeId) -> TextStats {
    let stats = TextStats::measure(doc, body);
    let mut joins: Vec<(NodeId, NodeId)> = Vec::new();
    for n in doc.descendants(body) {
        // Blocks only: a one-letter inline element (a variable in `<code>`) runs with its text.
        let is_block = |n: NodeId| doc.tag(n).is_some_and(|t| !patterns::PHRASING.contains(t));
        // The text's length first: it rules out nearly every node before the tag's search.
        if n == body || !(1..=2).contains(&stats.get(n).text) || !is_block(n) {
            continue;
        }
        let mut letters = doc.text_content(n);
        letters.retain(|c| !c.is_whitespace());
        let mut chars = letters.chars();
        let (Some(letter), None) = (chars.next(), chars.next()) else {
            continue;
        };
        // A letter in a link is an avatar's (a poster's initial beside their name).
        if !letter.is_uppercase() || doc.descendants(n).any(|d| doc.is(d, "a")) {
            continue;
        }
        let mut next = doc.next_sibling(n);
        while let Some(s) = next {
            if doc.tag(s).is_some() {
                break;
            }
            if doc.text(s).is_some_and(|t| !trim(t).is_empty()) {
                next = None;
                break;
            }
            next = doc.next_sibling(s);
        }
        let Some(next) = next.filter(|&s| is_block(s)) else {
            continue;
        };
        let first_text = doc
            .descendants(next)
            .find(|&d| doc.text(d).is_some_and(|t| !trim(t).is_empty()));
        if let Some(t) = first_text {
            // Straight on, without a space: "A mobile app" is a word and a sentence.
            let starts_lower = doc
                .text(t)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_lowercase);
            if starts_lower && !joins.iter().any(|&(l, _)| doc.contains(l, n)) {
                joins.push((n, t));
            }
        }
    }
    let joined = !joins.is_empty();
    for (letter_block, text) in joins {
        let letter = doc.text_content(letter_block);
        let letter = doc.create_text(letter.trim());
        doc.insert_before(text, letter);
        doc.detach(letter_block);
    }
    if joined {
        TextStats::measure(doc, body)
    } else {
        stats
    }
}

/// A standfirst is at least this long; shorter lines beside a headline are taglines.
const LEAD_MIN_TEXT: u32 = 80;

/// More text than this between the headline and the article (besides the standfirst): the
/// headline is not this article's, or the block between is more than a header.
const LEAD_MAX_GAP: u32 = 400;

/// The article the votes chose holds at least this many times the standfirst's text.
const LEAD_SHARE: u32 = 4;

/// The standfirst: paragraphs set between the page's headline (`h1`) and the first block
/// the votes chose (`picks`), in the header apart from the body. Taken only when they read as prose
/// (long, ending a sentence, few links), share a header with the headline, and do not
/// belong to a picture (inside a figure) or carry a name of [`patterns::NOT_STANDFIRST`],
/// so a hero image's caption, a call to action or a tagline stays out.
fn lead_paragraphs(
    doc: &Document,
    body: NodeId,
    picks: &[NodeId],
    stats: &TextStats,
) -> Vec<NodeId> {
    let mut headline = None;
    let mut leads: Vec<NodeId> = Vec::new();
    let mut gap = 0u32;
    for n in doc.descendants(body) {
        // The picks may not be in document order: the first one met is the article's start.
        if picks.contains(&n) {
            break;
        }
        if doc.is(n, "h1") {
            headline = Some(n);
            leads.clear();
            gap = 0;
            continue;
        }
        if headline.is_none_or(|h| doc.contains(h, n)) {
            continue;
        }
        if let Some(t) = doc.text(n) {
            if !leads.iter().any(|&l| doc.contains(l, n)) {
                gap += trim(t).chars().count() as u32;
            }
        } else if doc.is(n, "p")
            && !picks.iter().any(|&pick| doc.contains(n, pick))
            && headline.is_some_and(|h| shares_header(doc, h, n))
            && is_standfirst(doc, body, n, stats)
        {
            leads.push(n);
        }
    }
    // A standfirst introduces a longer text; beside a short pick (a promo box the strict
    // rung chose) it would pass for the article.
    let lead_text: u32 = leads.iter().map(|&l| stats.get(l).text).sum();
    let picked_text: u32 = picks.iter().map(|&p| stats.get(p).text).sum();
    if headline.is_none() || gap > LEAD_MAX_GAP || picked_text < lead_text * LEAD_SHARE {
        return Vec::new();
    }
    leads
}

/// How far above a standfirst its headline's block may start: the two share a header.
const HEADER_LEVELS: usize = 3;

/// True when `headline` sits inside one of `p`'s closest ancestors ([`HEADER_LEVELS`]).
fn shares_header(doc: &Document, headline: NodeId, p: NodeId) -> bool {
    let mut cur = doc.parent(p);
    for _ in 0..HEADER_LEVELS {
        let Some(n) = cur else {
            return false;
        };
        if doc.contains(n, headline) {
            return true;
        }
        cur = doc.parent(n);
    }
    false
}

/// True when `p` reads as a standfirst (see [`lead_paragraphs`]).
fn is_standfirst(doc: &Document, body: NodeId, p: NodeId, stats: &TextStats) -> bool {
    if stats.get(p).text < LEAD_MIN_TEXT || stats.link_density(p) >= 0.25 {
        return false;
    }
    let text = doc.inner_text(p);
    let ends_sentence = text
        .trim_end()
        .trim_end_matches(&['"', '\'', '\u{201d}', '\u{2019}', ')'][..])
        .ends_with(&['.', '!', '?', '\u{2026}'][..]);
    if !ends_sentence {
        return false;
    }
    let mut cur = Some(p);
    while let Some(n) = cur {
        if n == body {
            break;
        }
        if doc.is(n, "figure") || doc.is(n, "figcaption") {
            return false;
        }
        let names = [doc.attr(n, "class"), doc.attr(n, "id")];
        if names
            .into_iter()
            .flatten()
            .any(|v| patterns::matches(patterns::NOT_STANDFIRST, &lowercase(v)))
        {
            return false;
        }
        cur = doc.parent(n);
    }
    true
}

/// A page's main region holds more than this many times the picks' text before it is taken
/// instead of them.
const MAIN_OVER_PICKS: u32 = 4;

/// Most link text of a main region taken whole: more, and it is a hub of links.
const MAIN_MAX_LINK_DENSITY: f64 = 0.3;

/// The page's main region (`<main>`, `role="main"`) around the picks, when it holds several
/// times their text and is mostly not links: a landing page of several sections, each a
/// heading and a few lines, of which the vote took the wordiest. An article in its main
/// region holds most of it.
fn widen_to_main(
    doc: &Document,
    body: NodeId,
    picks: &[NodeId],
    stats: &TextStats,
) -> Option<NodeId> {
    let first = *picks.first()?;
    let mut cur = doc.parent(first);
    while let Some(n) = cur.filter(|&n| n != body) {
        if doc.is(n, "main") || doc.attr(n, "role") == Some("main") {
            let picked: u32 = picks.iter().map(|&p| stats.get(p).text).sum();
            let held = stats.get(n).text;
            return (picked * MAIN_OVER_PICKS < held
                && stats.link_density(n) < MAIN_MAX_LINK_DENSITY)
                .then_some(n);
        }
        cur = doc.parent(n);
    }
    None
}

/// Picks shorter than this may be one section of a landing page (see [`widen_to_sections`]).
const SECTION_PICKS_MAX_TEXT: u32 = 1250;

/// Least text of a landing page's section.
const SECTION_MIN_TEXT: u32 = 80;

/// A landing page sets its text as a run of sibling sections, each a heading over a few
/// lines (a service's overview, its features, its questions), and the vote takes the wordiest
/// alone. When the picks are short, the nearest of their ancestors whose siblings include at
/// least two such sections (three inside `<main>`, which [`widen_to_main`] takes whole when
/// it holds much more) is taken with those sections, in page order. Longer picks are widened
/// only when one of the sections is larger and plain text (few links): its text sits too
/// deep for its votes to reach it, or, in `<main>`, when the vote took one block and the
/// other sections hold at least a sixth of its text (a long overview over the service's
/// features and questions). Inside an `<article>`, only the sections within its
/// publishing system's content container are its own (a page builder's, under WordPress's
/// `entry-content`): the other blocks beside its text are its author box, notes and teasers.
fn widen_to_sections(
    doc: &Document,
    body: NodeId,
    picks: &[NodeId],
    stats: &TextStats,
    flags: Flags,
) -> Option<Vec<NodeId>> {
    let picked: u32 = picks.iter().map(|&p| stats.get(p).text).sum();
    let first = *picks.first()?;
    // The highest block searched: in an <article>, its publishing system's content container,
    // which a page builder fills with sections; elsewhere `<main>`, if any.
    let bound = if doc.is(first, "article") || doc.ancestor_named(first, "article", 0).is_some() {
        Some(content_container_in_article(doc, first)?)
    } else {
        doc.ancestor_named(first, "main", 0)
    };
    let main = doc.ancestor_named(first, "main", 0);
    let needed = if main.is_some() { 4 } else { 3 };
    let mut cur = first;
    while let Some(parent) = doc.parent(cur) {
        let siblings = doc.element_children(parent);
        let sections: Vec<NodeId> = siblings
            .into_iter()
            .filter(|&s| s == cur || is_content_section(doc, s, stats, flags))
            .collect();
        let bigger = sections
            .iter()
            .any(|&s| s != cur && stats.get(s).text > picked && stats.link_density(s) < 0.1);
        let others: u32 = sections
            .iter()
            .filter(|&&s| s != cur)
            .map(|&s| stats.get(s).text)
            .sum();
        let spread = main.is_some() && picks.len() == 1 && others * 6 >= picked;
        if sections.len() >= needed && (picked < SECTION_PICKS_MAX_TEXT || bigger || spread) {
            return Some(sections);
        }
        if parent == body || Some(parent) == bound {
            return None;
        }
        cur = parent;
    }
    None
}

/// The block around `n`, inside its `<article>`, named as a publishing system's article text
/// ([`CMS_CONTENT`]: WordPress's `entry-content`), if any.
fn content_container_in_article(doc: &Document, n: NodeId) -> Option<NodeId> {
    let mut cur = Some(n);
    while let Some(c) = cur.filter(|&c| !doc.is(c, "article")) {
        if patterns::matches(CMS_CONTENT, super::prepare::match_string(doc, c)) {
            return Some(c);
        }
        cur = doc.parent(c);
    }
    None
}

/// True when `n` reads as a section of a landing page: a block with a heading and a
/// paragraph, few links, no form, no clutter or author-box name.
fn is_content_section(doc: &Document, n: NodeId, stats: &TextStats, flags: Flags) -> bool {
    let s = stats.get(n);
    matches!(doc.tag(n), Some("div" | "section"))
        && s.text >= SECTION_MIN_TEXT
        && s.heading_text > 0
        && s.paragraphs > 0
        && s.inputs == 0
        && stats.link_density(n) < 0.3
        && class_weight(doc, n, flags) >= 0.0
        && !patterns::matches(patterns::AUTHOR_BIO, super::prepare::match_string(doc, n))
}

/// Most levels above the top candidate searched for the post it is part of.
const POST_LEVELS: usize = 4;

/// What marks the blocks of one series, with whether it is their class: the class they
/// share (when `class`), or else an id with a number in it (`post_2`, `postWrapper5872`).
/// Compared without digits (see [`same_series`]).
fn series_name(doc: &Document, n: NodeId, class: bool) -> Option<(&str, bool)> {
    if let Some(class) = doc
        .attr(n, "class")
        .filter(|c| class && !c.trim().is_empty())
    {
        return Some((class, true));
    }
    let id = doc.attr(n, "id")?;
    id.bytes()
        .any(|b| b.is_ascii_digit())
        .then_some((id, false))
}

/// True when two series names are the same but for their digits: posts numbered in their
/// ids, and rows whose classes alternate (`bg1`, `bg2`).
fn same_series(a: &str, b: &str) -> bool {
    let letter = |b: &u8| !b.is_ascii_digit();
    a.bytes().filter(letter).eq(b.bytes().filter(letter))
}

/// The posts of the thread `top` is part of: the block that holds it (up to
/// [`POST_LEVELS`] levels above it) and repeats among its siblings, with its like siblings,
/// in page order. Like siblings share the block's tag and [`series_name`] and hold scored
/// text, the sibling or a block [`POST_VOTE_DEPTH`] levels below it (or any text, when only
/// their ids match: the votes may stop below such wrappers); at least three the vote reached
/// themselves make the series. The vote lands inside the wordiest post, and the others are the
/// same thread. The top candidate itself counts by a numbered id alone (`msg4175`): one that
/// only repeats its class is left to [`pick_siblings`], the rows of a page builder's layout.
fn thread_posts(
    doc: &Document,
    top: NodeId,
    body: NodeId,
    scores: &[Option<f64>],
    stats: &TextStats,
) -> Option<Vec<NodeId>> {
    let mut cur = top;
    for level in 0..=POST_LEVELS {
        let parent = doc.parent(cur).filter(|&p| p != body)?;
        if let Some((name, by_class)) = series_name(doc, cur, level > 0) {
            let posts: Vec<NodeId> = doc
                .element_children(parent)
                .into_iter()
                .filter(|&s| {
                    s == cur
                        || (doc.tag(s) == doc.tag(cur)
                            && series_name(doc, s, by_class)
                                .is_some_and(|(n, c)| c == by_class && same_series(n, name))
                            && if by_class {
                                voted_within(doc, s, scores, POST_VOTE_DEPTH)
                            } else {
                                stats.get(s).text > 0
                            })
                })
                .collect();
            // Three posts the vote reached make a thread; then the posts it stopped below
            // (their text opens with a quotation, which takes the scores) are in it too.
            let voted = posts
                .iter()
                .filter(|&&s| s == cur || !by_class || scores[s.index()].is_some())
                .count();
            if voted >= 3 {
                return Some(posts);
            }
        }
        cur = parent;
    }
    None
}

/// Most levels below a post's block where the vote may stop: a post whose text opens
/// with a quotation scores the quotation and the text's block, not the post's wrapper.
const POST_VOTE_DEPTH: usize = 3;

/// True when `n` or a block up to `depth` levels below it was scored.
fn voted_within(doc: &Document, n: NodeId, scores: &[Option<f64>], depth: usize) -> bool {
    doc.descendants(n).any(|d| {
        scores[d.index()].is_some()
            && std::iter::successors(Some(d), |&a| doc.parent(a))
                .take(depth + 1)
                .any(|a| a == n)
    })
}

/// Least text of the block of replies joined to a thread's opening post.
const REPLIES_TEXT: u32 = 200;

/// In a page that declares a discussion, the replies are content. When the vote chose the
/// opening post alone, the block of replies that follows it (named as comments, a sibling of
/// the post or of a wrapper around it, up to [`POST_LEVELS`] levels up) joins it.
fn replies_after(
    doc: &Document,
    picks: &[NodeId],
    body: NodeId,
    stats: &TextStats,
) -> Option<NodeId> {
    let [post] = picks else { return None };
    let mut cur = *post;
    for _ in 0..=POST_LEVELS {
        let mut next = doc.next_sibling(cur);
        while let Some(s) = next {
            if stats.get(s).text >= REPLIES_TEXT
                && patterns::matches(
                    patterns::COMMENT_THREADS,
                    super::prepare::match_string(doc, s),
                )
            {
                return Some(s);
            }
            next = doc.next_sibling(s);
        }
        cur = doc.parent(cur).filter(|&p| p != body)?;
    }
    None
}

/// No usable candidate: the whole body is the article (short pages, odd markup).
fn wrap_body(doc: &mut Document, body: NodeId) -> NodeId {
    let article = doc.create_element("div", vec![]);
    doc.reparent_children(body, article);
    article
}

/// The top candidate and the siblings that belong with it, in document order.
fn pick_siblings(
    doc: &Document,
    top: NodeId,
    top_score: f64,
    scores: &[Option<f64>],
    stats: &TextStats,
    flags: Flags,
) -> Vec<NodeId> {
    let Some(parent) = doc.parent(top) else {
        return vec![top];
    };
    let mut picks = Vec::new();
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = doc.attr(top, "class").unwrap_or("").to_string();
    let siblings = doc.element_children(parent);
    let top_pos = siblings.iter().position(|&s| s == top).unwrap_or(0);
    for (i, &s) in siblings.iter().enumerate() {
        let tag = doc.tag(s).unwrap_or("");
        let keep = if s == top {
            true
        } else {
            let mut bonus = 0.0;
            if !top_class.is_empty() && doc.attr(s, "class") == Some(top_class.as_str()) {
                bonus += top_score * 0.2;
            }
            let scored = scores
                .get(s.index())
                .copied()
                .flatten()
                .is_some_and(|sc| sc + bonus >= threshold);
            let text = stats.get(s).text;
            let ld = stats.link_density(s);
            let paragraph = tag == "p" && {
                let t = doc.inner_text(s);
                (text > 80 && ld < 0.25)
                    || (text > 0 && ld == 0.0 && (t.ends_with('.') || t.contains(". ")))
            };
            // The lead figure right before or after the text: an image with at most a caption.
            // Small blocks in between (a byline, a share bar) do not separate it.
            let adjacent_figure = i + 1 == top_pos
                || i == top_pos + 1
                || (i < top_pos
                    && siblings[i + 1..top_pos]
                        .iter()
                        .all(|&b| stats.get(b).text < 200 && stats.get(b).images == 0));
            let figure = adjacent_figure
                && text < 400
                && ld < 0.3
                && class_weight(doc, s, flags) >= 0.0
                && (tag == "figure"
                    || doc.descendants(s).any(|d| doc.is(d, "figcaption"))
                    || (text == 0
                        && doc.descendants(s).filter(|&d| doc.is(d, "img")).count() == 1));
            // A section of the same layout, or an introduction: paragraphs of prose before
            // a text four times as long (a guide's lead over the block of its reviews, which
            // takes the vote). Not the article's header, whose prose is its author's bio.
            let section = (same_first_class(doc, s, top)
                || (i < top_pos
                    && !flags.thread
                    && stats.get(s).paragraphs >= 2
                    && stats.get(top).text >= 4 * stats.get(s).text
                    && !doc
                        .descendants(s)
                        .any(|d| super::prepare::names_a_byline(doc, d))))
                && (is_prose_block(doc, s, stats, flags)
                    || (flags.product && is_spec_list(doc, s, stats, flags)));
            scored || paragraph || figure || section
        };
        if keep {
            picks.push(s);
        }
    }
    picks
}

/// True when `a` and `b` have the same tag and the same first class name: sections of one
/// layout (`row row-2`, `row row-10`).
fn same_first_class(doc: &Document, a: NodeId, b: NodeId) -> bool {
    let first = |n: NodeId| {
        doc.attr(n, "class")
            .and_then(|c| c.split_whitespace().next())
    };
    doc.tag(a) == doc.tag(b) && first(a).is_some() && first(a) == first(b)
}

/// Least items of a product's list of specifications.
const SPEC_ITEMS: u32 = 3;

/// On a product page, a block of the description's layout that lists the product's
/// specifications (its requirements, dimensions, materials): list items, few links.
fn is_spec_list(doc: &Document, n: NodeId, stats: &TextStats, flags: Flags) -> bool {
    stats.get(n).list_items >= SPEC_ITEMS
        && stats.link_density(n) < 0.2
        && class_weight(doc, n, flags) >= 0.0
}

/// Least text of a sibling block kept for its prose alone.
const PROSE_BLOCK_TEXT: u32 = 200;

/// Least text per paragraph, on average, of a block of prose.
const PROSE_PARAGRAPH_TEXT: u32 = 80;

/// A sibling block of the top candidate that is prose: paragraphs of sentences holding most
/// of its text, few links, no clutter or author-box name. Page builders nest each paragraph so deep that
/// its vote never reaches the row it sits in, and the rows around the top one (the same
/// article's other sections) would go unscored.
fn is_prose_block(doc: &Document, n: NodeId, stats: &TextStats, flags: Flags) -> bool {
    let s = stats.get(n);
    if !matches!(doc.tag(n), Some("div" | "section"))
        || s.text < PROSE_BLOCK_TEXT
        || s.paragraphs == 0
        || stats.link_density(n) >= 0.2
        || class_weight(doc, n, flags) < 0.0
        || patterns::matches(patterns::AUTHOR_BIO, super::prepare::match_string(doc, n))
    {
        return false;
    }
    let mut in_paragraphs = 0;
    let mut cur = doc.first_child(n);
    while let Some(d) = cur {
        if doc.is(d, "p") {
            in_paragraphs += stats.get(d).text;
            cur = doc.next_in(n, d, true);
        } else {
            cur = doc.next_in(n, d, false);
        }
    }
    in_paragraphs * 10 >= s.text * 7 && in_paragraphs >= PROSE_PARAGRAPH_TEXT * s.paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::html::parse_html;

    fn weight_of(class: &str) -> f64 {
        let doc = parse_html(&format!(r#"<div class="{class}">x</div>"#), None);
        let div = doc.find_first("div").unwrap();
        class_weight(&doc, div, super::super::LADDER[0])
    }

    #[test]
    fn the_class_and_the_id_are_weighed_apart_when_read_from_the_kept_key() {
        // The weight as each attribute's own lowercased copy gives it.
        let copied = |doc: &Document, n: NodeId| {
            let mut w = 0.0;
            for attr in ["class", "id"] {
                if let Some(v) = doc.attr(n, attr) {
                    let v = if attr == "class" {
                        let mut names = String::new();
                        super::super::prepare::push_meaningful_classes(&mut names, v);
                        lowercase(&names)
                    } else {
                        lowercase(v)
                    };
                    if patterns::matches(NEGATIVE, &v) || names_a_widget(&v) {
                        w -= 25.0;
                    }
                    if patterns::matches(POSITIVE, &v) {
                        w += 25.0;
                    }
                    if patterns::matches(CMS_CONTENT, &v) {
                        w += CMS_CONTENT_WEIGHT;
                    }
                }
            }
            w
        };
        let mut seen = 0;
        for attrs in [
            r#"class="Sidebar" id="Article""#,
            r#"class="sidebar" id="comments""#,
            r#"class="content entry-content" id="main-content""#,
            r#"id="ARTICLE-body""#,
            r#"class="post-body""#,
            r#"class="overflow-hidden lg:flex" id="sidebar""#,
            // A word that only the join of class and id would spell.
            r#"class="side" id="bar""#,
            // An id lowercased to other bytes (non-ASCII), classes that are.
            r#"class="post" id="ÉTÉ-sidebar""#,
            r#"class="Ärger Content" id="ÉTÉ-sidebar""#,
            r#"class="Ärger Content" id="Sidebar""#,
            r#"class="" id="""#,
            r#"class="a b c" id="x y""#,
        ] {
            let doc = parse_html(&format!("<div {attrs}>x</div>"), None);
            let div = doc.find_first("div").unwrap();
            let w = class_weight(&doc, div, super::super::LADDER[0]);
            assert_eq!(w, copied(&doc, div), "{attrs}");
            seen += usize::from(w != 0.0);
        }
        assert!(seen >= 5, "the cases weigh something: {seen}");
    }

    #[test]
    fn a_site_footer_is_never_the_article() {
        // A shop's product page: its text in short blocks (a name, a price, a button), its
        // footer the longest prose of the page. On a rung that keeps the footer and weighs
        // no class, the votes go to it; it is no article, named as a footer or a `<footer>`.
        let about = "<p>We knit our socks in small batches, and for every pair you buy, we \
                     give a pair to someone experiencing homelessness, in your city, today.</p>"
            .repeat(3);
        for footer in [
            format!("<div class=\"Footer-styled__Footer\">{about}</div>"),
            format!("<footer>{about}</footer>"),
        ] {
            let html = format!(
                "<html><body><main><h1>Quarter socks</h1><div><span>$14</span>\
                 <button>Add to cart</button></div><div><p>Soft, light, cool.</p></div>\
                 </main>{footer}</body></html>"
            );
            let mut doc = parse_html(&html, None);
            let root = grab(&mut doc, super::super::LADDER[2], None);
            let text = root.map(|r| doc.text_content(r)).unwrap_or_default();
            assert!(!text.contains("small batches"), "{text}");
        }
    }

    #[test]
    fn a_block_hidden_by_its_class_is_not_the_article_unless_it_is_the_page() {
        // A shop's collection of three sets (short cards, no paragraph) under a notice bar
        // the page hides until a script shows its slides, one per country's offer.
        let offer = |i: usize| {
            format!(
                "<p>Free standard shipping on orders of {i}0 or more, in most countries. For \
                 more information on rates and timelines, please visit our page.</p>"
            )
        };
        let offers: String = (1..5).map(offer).collect();
        let card = |i: usize| {
            format!(
                "<li><h3><a href=\"/p/{i}\">Skincare set number {i}</a></h3><span>Three \
                 serums</span><span>$4{i}.95</span><span>Regular price $5{i}.95</span>\
                 <button>Choose set</button></li>"
            )
        };
        let cards: String = (1..13).map(card).collect();
        let bar = |class: &str| format!("<div class=\"{class}\"><div>{offers}</div></div>");
        let shipping_picked = |html: &str| {
            let mut doc = parse_html(html, None);
            let root = grab(&mut doc, super::super::LADDER[1], None);
            root.is_some_and(|r| doc.text_content(r).contains("shipping"))
        };
        let grid = format!("<h1>Skincare sets</h1><ul>{cards}</ul>");
        assert!(!shipping_picked(&format!(
            "<html><body>{}<main>{grid}</main></body></html>",
            bar("promo-bar hide")
        )));
        // Shown, the bar is the longest prose; hidden with the whole page around it, the
        // page is what a script reveals.
        assert!(shipping_picked(&format!(
            "<html><body>{}<main>{grid}</main></body></html>",
            bar("promo-bar")
        )));
        assert!(shipping_picked(&format!(
            "<html><body><div class=\"root hide\">{}{grid}</div></body></html>",
            bar("promo-bar")
        )));
    }

    #[test]
    fn a_page_builders_widgets_are_not_sidebar_widgets() {
        // Elementor calls every block a widget; an editor's embedded image is one too.
        assert!(weight_of("elementor-element elementor-widget elementor-widget-text-editor") > 0.0);
        assert_eq!(weight_of("elementor-widget-container"), 0.0);
        assert_eq!(weight_of("dnd-widget-wrapper type-image"), 0.0);
        // Its article container still counts; a sidebar's widgets still lose.
        assert!(weight_of("elementor-widget elementor-widget-theme-post-content") > 0.0);
        assert!(weight_of("widget widget_block") < 0.0);
        assert!(weight_of("textwidget custom-html-widget") < 0.0);
        assert!(weight_of("footer-widget-area widget-area") < 0.0);
    }

    #[test]
    fn media_names_content_not_clutter() {
        // A media object's text, a card's image slot, a media-and-text section of a shop.
        assert_eq!(weight_of("media"), 0.0);
        assert!(weight_of("media-body") > 0.0, "`body` is an article word");
        assert_eq!(weight_of("card__media product-card__media"), 0.0);
        assert_eq!(weight_of("section media-with-text"), 0.0);
        assert_eq!(weight_of("jumbotron-and-media-cards key-features"), 0.0);
        // The clutter words beside it still count.
        assert!(weight_of("social-media-share") < 0.0);
        assert!(weight_of("media-share-bar") < 0.0);
        assert!(weight_of("media sidebar") < 0.0);
    }

    #[test]
    fn a_shops_promotions_weigh_nothing_down_on_its_product_pages() {
        // A product's hero banner and a shop's promo tiles show its own products.
        let doc = parse_html(
            r#"<div class="hero-banner">x</div><div class="promo-tile">x</div><div class="promo-tile related">x</div>"#,
            None,
        );
        let divs: Vec<NodeId> = doc
            .descendants(NodeId::DOCUMENT)
            .filter(|&n| doc.is(n, "div"))
            .collect();
        let shop = Flags {
            product: true,
            ..super::super::LADDER[0]
        };
        for &div in &divs {
            assert!(class_weight(&doc, div, super::super::LADDER[0]) < 0.0);
        }
        assert_eq!(class_weight(&doc, divs[0], shop), 0.0);
        assert_eq!(class_weight(&doc, divs[1], shop), 0.0);
        // Another word still weighs it down.
        assert!(class_weight(&doc, divs[2], shop) < 0.0);
        assert!(!patterns::is_unlikely_name("promo-tile", true));
        assert!(patterns::is_unlikely_name("promo-tile", false));
        assert!(patterns::is_unlikely_name("promo-tile share", true));
        assert!(patterns::is_unlikely_name("hero-banner", true));
    }

    #[test]
    fn a_widget_weighs_down_as_a_word_of_its_own_only() {
        // A template that names every block of its page `celwidget` (a shop's description,
        // its details) says nothing of a sidebar; `recent-posts-widget` does.
        assert_eq!(weight_of("celwidget"), 0.0);
        assert_eq!(weight_of("a-section celwidget"), 0.0);
        assert!(weight_of("recent-posts-widget") < 0.0);
        assert!(weight_of("sidebar_widgets") < 0.0);
    }

    #[test]
    fn the_parts_of_a_page_builders_article_and_its_captioned_images_stay() {
        let para = |i: usize| {
            format!(
                "<p>Paragraph {i} of the guide explains, step by step, how the garden beds are \
                 laid out, watered and kept through the dry summer months of the year.</p>"
            )
        };
        let part = |i: usize| {
            format!(
                r#"<div class="elementor-element elementor-widget elementor-widget-heading">
                <div class="elementor-widget-container"><h2>Step {i}</h2></div></div>
                <div class="elementor-element elementor-widget elementor-widget-text-editor">
                <div class="elementor-widget-container">{}{}</div></div>"#,
                para(i * 10),
                para(i * 10 + 1)
            )
        };
        let html = format!(
            r#"<html><body><div class="elementor-widget-wrap elementor-element-populated">
            <div class="elementor-element elementor-widget elementor-widget-text-editor">
            <div class="elementor-widget-container">{}{}{}{}</div></div>
            <div class="dnd-widget-wrapper type-image"><div class="image"><img src="/bed.jpg"></div>
            <div class="dnd-caption-wrapper">Raised beds keep the soil warm in spring</div></div>
            {}{}</div>
            <aside class="widget widget_text"><h3>About us</h3><div class="textwidget">
            <p>We are a small team of gardeners writing about plants since the year 2009.</p>
            </div></aside></body></html>"#,
            para(1),
            para(2),
            para(3),
            para(4),
            part(1),
            part(2)
        );
        let article = crate::extract::extract(&parse_html(&html, None)).expect("an article");
        let text = &article.text;
        for kept in [
            "Paragraph 4 of",
            "Raised beds keep",
            "Step 2",
            "Paragraph 21 of",
        ] {
            assert!(text.contains(kept), "{kept}: {text}");
        }
        assert!(!text.contains("small team of gardeners"), "{text}");
    }

    #[test]
    fn a_table_body_picked_as_the_article_brings_its_table() {
        // A publication list set as table rows (a scholar's profile page).
        let row = |i: usize| {
            format!(
                "<tr><td><a href=\"/p{i}\">Paper {i} on learning representations</a>\
                 <p>A Author, B Author, C Author, and their long list of colleagues</p>\
                 <p>Journal of machine learning research {i}, 1929-1958, 2014</p></td>\
                 <td>{i}</td></tr>"
            )
        };
        let rows: String = (1..=12).map(row).collect();
        let html = format!(
            "<html><body><h1>A Researcher</h1><table id=\"papers\"><thead><tr><th>Title</th>\
             <th>Year</th></tr></thead><tbody>{rows}</tbody></table></body></html>"
        );
        let article = crate::extract::extract(&parse_html(&html, None)).expect("an article");
        let html = &article.content_html;
        assert!(html.contains("<table"), "{html}");
        assert!(html.find("<table") < html.find("<tbody"), "{html}");
        assert!(html.contains("Journal of machine learning research 12"));
    }

    #[test]
    fn utility_classes_do_not_weigh_a_block() {
        // Tailwind: clips overflow, hides nothing; hidden on phones only.
        assert_eq!(weight_of("flex flex-col gap-8 w-full overflow-hidden"), 0.0);
        assert_eq!(weight_of("w-64 md:hidden"), 0.0);
        assert_eq!(weight_of("hidden w-64 lg:block"), 0.0);
        // The field's label is hidden, not the field.
        assert_eq!(
            weight_of("field field--name-field-sections field--label-hidden"),
            0.0
        );
        // CKEditor's editing handle around a layout grid inside the text.
        assert_eq!(weight_of("ck-widget ck-widget bs_grid"), 0.0);
        assert!(weight_of("widget") < 0.0);
        // Where a heading stops when its anchor is followed; a scrolling box still counts.
        assert_eq!(weight_of("group scroll-mt-20"), 0.0);
        assert_eq!(weight_of("section scroll-my-fluid-lg scroll-p-4"), 0.0);
        assert!(weight_of("scroll-container") < 0.0);
        assert!(weight_of("scroll-menu") < 0.0);
        assert!(weight_of("scroll-progress") < 0.0);
        // A plain `hidden` and a role word still count.
        assert!(weight_of("hidden") < 0.0);
        assert!(weight_of("sidebar-widget") < 0.0);
        assert!(weight_of("entry-content overflow-hidden") > 0.0);
    }

    #[test]
    fn a_standfirst_beside_the_headline_is_prose_not_a_caption_or_a_call_to_action() {
        let dek = "Sleeper services cut a decade ago are returning, carried by travellers who would rather lose a night than catch a flight.";
        let html = format!(
            r#"<div class="head"><h1>Night trains</h1>
            <p id="standfirst">{dek}</p>
            <p id="dek" class="article-dek">{dek}</p>
            <p id="tagline">Sleeper services cut a decade ago are returning across the whole continent this year</p>
            <p id="cta" class="header-cta">Get the travel briefing in your inbox every Friday, free for all of our subscribers.</p>
            <figure><p id="inside">A sleeper carriage waits at the platform before the overnight run to the coast.</p></figure>
            </div><div class="far"><div><div><div><p id="distant">{dek}</p></div></div></div></div>"#
        );
        let doc = parse_html(&html, None);
        let body = doc.body().unwrap();
        let stats = TextStats::measure(&doc, body);
        let h1 = doc.find_first("h1").unwrap();
        let by_id = |id: &str| {
            doc.descendants(body)
                .find(|&n| doc.attr(n, "id") == Some(id))
                .unwrap()
        };
        let standfirst = |id: &str| {
            let p = by_id(id);
            shares_header(&doc, h1, p) && is_standfirst(&doc, body, p, &stats)
        };
        assert!(standfirst("standfirst"));
        // No sentence end: a tagline. Named a call to action, or inside a figure: not prose
        // of the article. Four levels away from the headline: not its header.
        assert!(!standfirst("tagline"));
        // Named a dek or an excerpt: the page's summary, which both corpora's references
        // leave out of the text.
        assert!(!standfirst("dek"));
        assert!(!standfirst("cta"));
        assert!(!standfirst("inside"));
        assert!(!standfirst("distant"));
    }

    #[test]
    fn a_drop_cap_in_its_own_block_goes_back_into_its_word() {
        let html = r#"<div id="cap"><div class="first-letter">D</div><div><p>uring the war the line closed.</p></div></div>
            <div id="word"><div class="big">A</div><p> mobile app is a project like any other.</p></div>
            <div id="code"><p>Use <code>x</code>or a constant.</p></div>
            <div id="avatar"><div><a href="/members/ted.4/">T</a></div><h4><a href="/members/ted.4/">tedtmc</a></h4></div>"#;
        let mut doc = parse_html(html, None);
        let body = doc.body().unwrap();
        join_drop_caps(&mut doc, body);
        let text_of = |id: &str| {
            let n = doc
                .descendants(body)
                .find(|&n| doc.attr(n, "id") == Some(id))
                .unwrap();
            doc.text_content(n)
        };
        assert_eq!(text_of("cap"), "During the war the line closed.");
        // Set apart by a space: a word of its own. Inline: not a drop cap.
        assert_eq!(text_of("word"), "A mobile app is a project like any other.");
        assert_eq!(text_of("code"), "Use xor a constant.");
        // A letter in a link is a poster's avatar, beside their name.
        let name = doc.find_all(body, "h4")[0];
        assert_eq!(doc.text_content(name), "tedtmc");
    }

    #[test]
    fn a_declared_threads_replies_after_the_opening_post_join_it() {
        // The opening post in a list of its own, the replies in a block named for comments
        // beside that list: the vote chooses the post, and the replies follow it in.
        let opening = "<p>The pump was replaced last spring, and since then, through the frost, \
                       the rain, and the long cold weeks, the pressure held at two bars, but now, \
                       each night, it drops to one, and the boiler, once again, stops.</p>"
            .repeat(3);
        let reply = |i: usize| {
            format!(
                "<li class=\"item\"><div class=\"author\">member{i}</div><div class=\"message\">\
                 Reply {i}: check the expansion vessel first</div></li>"
            )
        };
        let replies: String = (2..=6).map(reply).collect();
        let page = |head: &str| {
            format!(
                "<html><head>{head}</head><body><main><div class=\"messages\"><div class=\"item\">\
                 <div class=\"message\">{opening}</div></div></div><div class=\"comments-wrap\">\
                 <ul class=\"messages\">{replies}</ul></div></main></body></html>"
            )
        };
        let ld = r#"<script type="application/ld+json">{"@type":"DiscussionForumPosting",
            "headline":"Pump pressure drops"}</script>"#;
        let thread = crate::extract_html(&page(ld), None).expect("the thread");
        assert!(thread.text.contains("two bars"), "{}", thread.text);
        assert!(thread.text.contains("Reply 6:"), "{}", thread.text);
        // Undeclared, the same markup is a post with its comments.
        let post = crate::extract_html(&page(""), None).expect("the post");
        assert!(!post.text.contains("Reply 6:"), "{}", post.text);
    }

    #[test]
    fn a_threads_other_posts_come_with_the_post_the_vote_chose() {
        // A thread's crawler view: each post a meta line over its text; one post holds a long
        // log (a code block full of commas) and its votes outweigh every other post.
        let post = |i: usize, text: &str| {
            format!(
                "<div id=\"post_{i}\" class=\"topic-body crawler-post\"><div class=\"crawler-post-meta\">\
                 <span class=\"creator\"><a href=/u/{i}>user{i}</a></span><span>May {i}, 2024</span></div>\
                 <div class=\"post\">{text}</div></div>"
            )
        };
        let log =
            "File \"/usr/lib/core.py\", line 816, in create_task, self.verify(loop, thread)\n"
                .repeat(40);
        let html = format!(
            "<html><body><div id=\"main-outlet\"><h1>Stuck on start</h1>{}{}{}{}</div></body></html>",
            post(1, "<p>After the update, every restart hangs on the starting screen, and nothing loads.</p>"),
            post(2, &format!("<p>This is part of the log, I hope it is enough:</p><pre><code>{log}</code></pre>")),
            post(3, "<p>It looks like one of the custom integrations; try disabling it and restarting.</p>"),
            post(4, "<p>I found an issue already open about it, and it seems to be a general problem.</p>"),
        );
        let article = crate::extract::extract(&parse_html(&html, None)).expect("the thread");
        for kept in [
            "every restart hangs",
            "line 816",
            "try disabling it",
            "already open",
        ] {
            assert!(article.text.contains(kept), "{kept}: {}", article.text);
        }
    }

    #[test]
    fn a_threads_posts_in_numbered_wrappers_or_with_alternating_classes_come_together() {
        // Each post sits in a wrapper known only by its numbered id, or the posts' own
        // classes alternate (`bg1`, `bg2`); the opening post is long, the replies short.
        let post = |wrapped: bool, i: usize, text: &str| {
            let post = format!(
                "<article class=\"post bg{}\"><div class=\"author\">member{i}</div><div class=\"row\">\
                 <div class=\"col\"><div class=\"post-body\"><p>{text}</p></div></div></div></article>",
                i % 2 + 1
            );
            if wrapped {
                format!("<div id=\"postWrapper58720{i}\">{post}</div>")
            } else {
                post
            }
        };
        let opening = "We cater weddings and parties, and we wonder how other caterers handle tips: \
                       added to the bill, left to the guests, or shared with the staff at the end. "
            .repeat(6);
        for wrapped in [true, false] {
            let html = format!(
                "<html><body><div id=\"thread\">{}{}{}{}</div></body></html>",
                post(wrapped, 1, &opening),
                post(wrapped, 2, "We add fifteen percent to every contract, and nobody has complained yet."),
                post(wrapped, 3, "Our guests tip the servers directly, and the servers keep what they are given."),
                post(wrapped, 4, "A line on the quote saying gratuity is included settles the question early."),
            );
            let article = crate::extract::extract(&parse_html(&html, None)).expect("the thread");
            for kept in [
                "how other caterers handle tips",
                "fifteen percent",
                "tip the servers directly",
                "gratuity is included",
            ] {
                assert!(
                    article.text.contains(kept),
                    "{wrapped} {kept}: {}",
                    article.text
                );
            }
        }
    }

    #[test]
    fn a_threads_posts_opening_with_a_quotation_are_in_it() {
        // Each post is a card (the poster's name) and a column whose box holds the date and
        // the post's text; a reply opens with a quotation of the post it answers, whose
        // paragraph votes five levels up: the vote stops below the reply's wrapper.
        let post = |i: usize, text: &str| {
            format!(
                "<div class=\"background{} postItem\"><div class=\"left\"><div class=\"card\">\
                 <div class=\"name\"><a href=\"/u/{i}\">member{i}</a></div><div>Posts: {i}7</div>\
                 </div></div><div class=\"right\"><div class=\"wrapper\"><div class=\"box\">\
                 <span title=\"Sep 16, 2019\">posted 6 years ago</span><div class=\"clear\"></div>\
                 <div class=\"postText\">{text}</div></div></div></div></div>",
                i % 2 + 1
            )
        };
        let quoting = |who: &str, quoted: &str, text: &str| {
            format!(
                "<blockquote><p><cite>{who} wrote:</cite>{quoted}</p></blockquote><br> <br> {text}"
            )
        };
        let opening = ["We moved into a cabin of two hundred square feet last spring, with two \
                        children, a dog, and a cat. The first winter taught us where every draft \
                        came in, and we sealed them one by one."; 12]
            .join("<br> <br> ");
        let thanks = "Thanks for the report! I watch the shows about small houses and wonder how \
                      long people last in them.";
        let frame = "We built ours on a trailer frame, and the hardest part was the plumbing \
                     under the floor.";
        let html =
            format!(
            "<html><body><h1>A year in a small house</h1><div class=\"topic\">{}{}{}{}{}{}{}</div>\
             </body></html>",
            post(1, &opening),
            post(2, "How big is the loft, and do the children sleep up there all year round?"),
            post(3, thanks),
            post(4, &quoting("member3", thanks, "This is our second small house, so we knew \
                 what to expect before we moved, and the winters are the hard part.")),
            post(5, frame),
            post(6, &quoting("member5", frame, "Ours sits on the old stone foundation of a \
                 barn that burned down in the fifties.")),
            post(7, "A composting toilet in a shed outside solved the smell for us, and the \
                 garden likes it too."),
        );
        let article = crate::extract::extract(&parse_html(&html, None)).expect("the thread");
        for kept in [
            "two hundred square feet",
            "How big is the loft",
            "our second small house",
            "old stone foundation",
            "composting toilet",
        ] {
            assert!(article.text.contains(kept), "{kept}: {}", article.text);
        }
    }

    #[test]
    fn a_post_the_vote_chose_brings_its_numbered_siblings() {
        // The vote lands on the longest post itself, whose class its siblings share and whose
        // id numbers it (`msg41`): the other posts, the one before it too, are the same thread.
        let post = |i: usize, text: &str| {
            format!(
                "<div class=\"windowbg\" id=\"msg4175{i}\"><h4><a href=\"/profile/{i}\">member{i}</a></h4>\
                 <p>{text}</p></div>"
            )
        };
        let opening =
            "We cater weddings and parties and we wonder how other caterers handle tips on \
                       the bill or left to the guests or shared with the staff at the end. "
                .repeat(3);
        let html = format!(
            "<html><body><h1>Tips</h1><div id=\"forumposts\"><form>{}{}{}{}</form></div></body></html>",
            post(
                1,
                "We add fifteen percent to every contract and nobody has complained yet."
            ),
            post(2, &opening),
            post(
                3,
                "Our guests tip the servers directly and the servers keep what they are given."
            ),
            post(
                4,
                "A line on the quote saying gratuity is included settles the question early."
            ),
        );
        let article = crate::extract::extract(&parse_html(&html, None)).expect("the thread");
        for kept in [
            "fifteen percent",
            "how other caterers handle tips",
            "tip the servers directly",
            "gratuity is included",
        ] {
            assert!(article.text.contains(kept), "{kept}: {}", article.text);
        }
    }

    #[test]
    fn the_other_rows_of_a_page_builders_article_come_with_the_row_the_vote_chose() {
        // Each section of the article sits so deep in its row (row, column, module, content,
        // container, description) that its paragraphs' votes stop below the row.
        let deep = |inner: String| {
            format!(
                "<div class=\"pb_column\"><div class=\"pb_module pb_blurb\"><div class=\"pb_blurb_content\">\
                 <div class=\"pb_blurb_container\"><div class=\"pb_blurb_description\">{inner}</div></div>\
                 </div></div></div>"
            )
        };
        let para = |i: usize| {
            format!(
                "<p>Section {i} of the guide: a portfolio shows clients the work, the process and \
                 the thinking behind it, and a clear layout lets that work speak for itself.</p>"
            )
        };
        let row = |i: usize, n: &str| {
            format!(
                "<div class=\"pb_row pb_row_{n}\">{}</div>",
                deep(para(i) + &para(i + 1))
            )
        };
        // The last row holds its text one level nearer, and longer: the vote lands there.
        let last: String = (20..26).map(para).collect();
        let html = format!(
            "<html><body><div class=\"pb_section\">{}{}{}\
             <div class=\"pb_row pb_row_9\"><div class=\"pb_text\">{last}</div></div>\
             <div class=\"pb_row pb_row_10\"><ul><li><a href=/a>Branding for studios and their \
             many clients</a></li><li><a href=/b>Web design for agencies and their portfolios</a></li>\
             <li><a href=/c>Search engine optimisation for creative teams</a></li></ul></div>\
             <div class=\"pb_row pb_post-author-box\">{}</div></div></body></html>",
            row(1, "1"),
            row(3, "2"),
            row(5, "3"),
            deep("<p>Dana Reyes writes about design, and has run a small studio of her own since the year 2009.</p><p>She lives by the sea with two cats.</p>".into())
        );
        let article = crate::extract::extract(&parse_html(&html, None)).expect("an article");
        let text = &article.text;
        for kept in [
            "Section 1 of",
            "Section 4 of",
            "Section 6 of",
            "Section 25 of",
        ] {
            assert!(text.contains(kept), "{kept}: {text}");
        }
        // A row of links and an author's box are no sections of the text.
        assert!(!text.contains("Branding for studios"), "{text}");
        assert!(!text.contains("Dana Reyes"), "{text}");
    }

    #[test]
    fn a_guides_introduction_comes_with_the_reviews_that_take_the_vote() {
        // The lead's paragraphs sit in their own block before a row of thumbnails and the
        // long block of reviews, which takes the vote: the lead is the guide's introduction.
        // An article header's author bio, before the text too, is no introduction.
        let lead = "<div class=\"summary\"><p>Our team has ridden over forty scooters in the \
                    last eight years, measuring speed, range and comfort on every one.</p><p>The \
                    best for most people has incredible range and braking, and sells at a fair \
                    price this spring.</p></div>";
        let bio = "<div class=\"header-meta\"><div class=\"w-author\">Sam Reed</div><p>Sam is a \
                   writer from Leeds who has covered transport and city life for ten years and more.</p>\
                   <p>Sam spends most weekends riding the canal paths and testing lights and locks.</p></div>";
        let review = "<p>The first scooter we tested climbs steep hills with ease, brakes in nine \
                      feet, and folds in seconds, which makes it the best pick for most commuters.</p>";
        let thumbs = "<div class=\"quick\"><img src=\"a.jpg\" width=\"128\" height=\"72\">Best overall</div>";
        let html = format!(
            "<html><body><div id=\"page\">{bio}{lead}{thumbs}{thumbs}<div>{}</div></div></body></html>",
            review.repeat(12)
        );
        let article = crate::extract_html(&html, None).expect("the guide");
        assert!(article.text.contains("forty scooters"), "{}", article.text);
        assert!(article.text.contains("brakes in nine"), "{}", article.text);
        assert!(
            !article.text.contains("writer from Leeds"),
            "{}",
            article.text
        );
    }

    #[test]
    fn a_products_specifications_beside_its_description_come_with_it() {
        // A game's store page: the description, then its requirements in a block of the same
        // layout, a list of labelled values; on an article the same list stays out.
        let about = "<div class=\"collapse about\"><div class=description><h2>About</h2><p>Fly \
                     over the islands of a calm sea, land on their beaches and build a camp \
                     before the night comes and the tide rises over the sand.</p><p>Trade with \
                     the islanders, learn their songs and sail on when the wind turns, with a \
                     boat you built yourself from the wood of the island's forests.</p></div></div>";
        let reqs = "<div class=\"collapse sys_req\"><h2>Requirements</h2><ul><li>OS: Windows \
                    10</li><li>Memory: 8 GB RAM</li><li>Storage: 20 GB available space</li>\
                    </ul></div>";
        let page = |head: &str| {
            format!(
                "<html><head>{head}</head><body><div class=col><h1>Islands</h1>{about}\
                 <div class=reviews-link><a href=/r>Reviews</a></div>{reqs}</div></body></html>"
            )
        };
        let ld = "<script type=\"application/ld+json\">{\"@type\":\"Product\"}</script>";
        let shop = crate::extract::extract(&parse_html(&page(ld), None)).expect("the product");
        assert!(shop.text.contains("Memory: 8 GB RAM"), "{}", shop.text);
        let article = crate::extract::extract(&parse_html(&page(""), None)).expect("an article");
        assert!(article.text.contains("Fly over"), "{}", article.text);
        assert!(
            !article.text.contains("Memory: 8 GB RAM"),
            "{}",
            article.text
        );
    }

    #[test]
    fn the_climb_stops_at_a_layout_wrapper_scoring_a_fraction_of_the_text() {
        // A post's text in a column of a row of a container, and beside the row, in the same
        // container, the firm's pitch: the wrappers score less at each level, the container
        // more than the row below it for the pitch's own paragraphs.
        let para = |i: usize| {
            format!(
                "<p>Step {i} of the move, explained: measure the rooms, label the boxes, book \
                 the van early, and keep a list of what goes where, so that nothing is lost, \
                 broken, or left behind on the day itself.</p>"
            )
        };
        let text: String = (1..=10).map(para).collect();
        let html = format!(
            r#"<html><body><div class="container"><div class="row"><div class="col">
            <div class="col-wrapper"><div class="entry-content">{text}</div></div></div>
            <div class="col-side"><a href="/blog">Back to the blog</a></div></div>
            <section class="pitch"><h2>Why work with us?</h2>
            <p>Our crews have moved families across the state for thirty years, with care, on
            time, and at a fair price, and we would be glad to move yours next.</p>
            <p>Call our office, write to us, or visit us downtown, and we will plan your move,
            pack it, and carry it, from the first box to the last.</p>
            <p>Ask about our storage, our cleaning crews, and our discounts for seniors, for
            students, and for members of the armed forces.</p></section></div></body></html>"#
        );
        let article = crate::extract::extract(&parse_html(&html, None)).expect("an article");
        let text = &article.text;
        assert!(text.contains("Step 1 of the move"), "{text}");
        assert!(text.contains("Step 10 of the move"), "{text}");
        assert!(!text.contains("thirty years"), "{text}");
    }

    #[test]
    fn an_ancestor_tying_a_wrapper_that_lost_to_the_text_is_not_taken() {
        // The text's block scores 75; its column 39.9, less; the grid around the column and a
        // transcript beside it 39.6, within 2% of the column but under it: the tie that keeps
        // a lead beside its text holds for the chosen block's own parent only.
        let para = |i: usize| {
            format!(
                "<p>Part {i} of the guide tells the parents what to expect in the first weeks \
                 of the training and how long the crying may last before the baby settles \
                 into a routine that suits the family, the pediatrician and the nurse, with \
                 notes on naps and feeding times and the signs of a baby ready for the next \
                 step on the way, one week after the other.</p>"
            )
        };
        let aside = |i: usize| {
            format!(
                "<p>Clip {i} of the show, transcribed: today we talk with doctors about sleep, \
                 naps, night feeds, teething, colic, reflux, rashes, fevers, coughs, colds, \
                 growth spurts, crawling, walking, first words, first foods, allergies, car \
                 seats, baths, and the questions parents bring to the clinic on their first \
                 visits with a newborn at home.</p>"
            )
        };
        let text: String = (1..=10).map(para).collect();
        let transcript: String = (1..=2).map(aside).collect();
        let html = format!(
            r#"<html><body><div class="grid"><div class="col"><div class="rt">{text}</div>
            <div class="tools"><a href="/print">Print</a></div></div>
            <div class="more">{transcript}</div></div></body></html>"#
        );
        let article = crate::extract::extract(&parse_html(&html, None)).expect("an article");
        let text = &article.text;
        assert!(text.contains("Part 1 of the guide"), "{text}");
        assert!(text.contains("Part 10 of the guide"), "{text}");
        assert!(!text.contains("Clip 1 of the show"), "{text}");
    }

    #[test]
    fn the_climb_passes_an_answers_block_holding_more_than_its_text() {
        // A question and its answers: the longest answer's text wins the vote; its block,
        // with the answerer's card under the text, scores under a fifth of it but is no mere
        // wrapper, and the climb goes on to the thread, question included.
        let para = |i: usize| {
            format!(
                "<p>Step {i} of the fix: open the settings file, find the cache section, and \
                 set the size to zero before the restart, then run the build again with the \
                 verbose flag so the log shows each module as it loads and you can see which \
                 one fails first.</p>"
            )
        };
        let question = |w: &str| {
            format!(
                "<p>{w} build fails after the upgrade with an error about the cache, and \
                 clearing it by hand does not help, nor does a new checkout. What else can I \
                 try before I reinstall everything from scratch?</p>"
            )
        };
        let body: String = (1..=10).map(para).collect();
        let asked: String = ["My", "The nightly", "The release"].map(question).concat();
        let card = r#"<div class="user-card"><span>answered Mar 3, 2024 at 14:07</span>
            <a href="/users/1/jane">Jane Doe</a> <span>12.3k reputation, 4 gold badges, 31
            silver badges, 58 bronze badges</span> <span>edited Mar 4, 2024 at 09:12 by the
            community bot after a review of the formatting of the code blocks and of the links
            to the documentation of the build tool and of its cache settings</span></div>"#;
        let html = format!(
            r#"<html><body><div class="qa"><div class="question">{asked}</div>
            <div class="answer"><div class="layout"><div class="cell"><div class="body">{body}
            </div></div>{card}</div></div>
            <div class="answer"><div class="layout"><div class="cell"><div class="body"><p>Try
            deleting the lock file too, it fixed the same error for me last week.</p></div>
            </div></div></div></div></body></html>"#
        );
        let article = crate::extract::extract(&parse_html(&html, None)).expect("an article");
        let text = &article.text;
        assert!(text.contains("My build fails"), "{text}");
        assert!(text.contains("Step 10 of the fix"), "{text}");
    }

    #[test]
    fn a_landing_pages_sibling_sections_come_with_the_one_the_vote_chose() {
        // A service page without `<main>`: each section a heading over a few short lines, the
        // overview's paragraph the longest, so the vote takes it alone.
        let card = |t: &str, d: &str| format!("<div class=\"card\"><h3>{t}</h3><p>{d}</p></div>");
        let sections = format!(
            r#"<section class="hero"><div class="wrap"><h1>Payroll services</h1>
            <a href="/quote">Get a quote</a></div></section>
            <section class="overview"><div class="container"><div class="row"><div class="col"></div>
            <div class="col"><h2>Overview</h2><p>Our payroll team runs the pay of small and
            medium businesses, from the first hire to the hundredth, so that owners can spend
            their time on the work that grows the business, not on forms, rates and deadlines.</p>
            </div></div></div></section>
            <section class="features"><div class="container"><h2>What we handle</h2>{}{}{}</div></section>
            <section class="faq"><div class="container"><h2>Questions</h2><h3>How long does the switch take?</h3>
            <p>Two pay periods at most; we move your records for you.</p></div></section>
            <section class="signup"><div class="container"><h2>Get our newsletter</h2>
            <p>News for employers, once a month.</p><form><input type="email"></form></div></section>"#,
            card("Tax filings", "Quarterly and annual returns filed on time."),
            card("Direct deposit", "Staff are paid on the day, every time."),
            card(
                "Year-end forms",
                "Every form your staff need, sent in January."
            )
        );
        let html = format!(
            "<html><body><header><nav><a href=/>Home</a> <a href=/s>Services</a></nav></header>\
             {sections}<footer><p>Copyright 2025 The payroll firm, all rights reserved.</p></footer></body></html>"
        );
        let article = crate::extract::extract(&parse_html(&html, None)).expect("an article");
        let text = &article.text;
        for kept in ["Our payroll team", "Direct deposit", "Two pay periods"] {
            assert!(text.contains(kept), "{kept}: {text}");
        }
        assert!(!text.contains("once a month"), "{text}");
        assert!(!text.contains("Copyright"), "{text}");

        // The same sections in an `<article>` are not widened to: an article's own text
        // is its article, and the blocks after it are not its sections.
        let widened = |html: &str| {
            let doc = parse_html(html, None);
            let body = doc.body().unwrap();
            let stats = TextStats::measure(&doc, body);
            let overview = doc.find_all(body, "h2")[0];
            let col = doc.parent(overview).unwrap();
            widen_to_sections(&doc, body, &[col], &stats, super::super::LADDER[0])
                .map(|picks| picks.len())
        };
        assert_eq!(widened(&html), Some(3));
        let html = format!(
            "<html><body><article><div class=\"wrap\">{sections}</div></article></body></html>"
        );
        assert_eq!(widened(&html), None);
        // Unless they are a page builder's, inside the article's publishing-system container
        // (WordPress's `entry-content`): then they are its text.
        let html = format!(
            "<html><body><article><div class=\"entry-content\"><div class=\"builder\">{sections}</div></div></article></body></html>"
        );
        assert_eq!(widened(&html), Some(3));
        // In `<main>` (whose widening needs more text: [`widen_to_main`]) a run needs one
        // section more.
        let main = |extra: &str| {
            format!("<html><body><main><div class=\"wrap\">{sections}{extra}</div></main></body></html>")
        };
        assert_eq!(widened(&main("")), None);
        let more = "<section><h2>Pricing</h2><p>One fee per employee per month, with no set-up charge and no fee to leave.</p></section>";
        assert_eq!(widened(&main(more)), Some(4));
    }

    #[test]
    fn a_long_pick_widens_only_to_a_run_holding_a_larger_section_of_plain_text() {
        let sentence =
            "The team plans each migration with the client and moves the data in stages. ";
        let section = |h: &str, n: usize, link: bool| {
            let link = if link {
                "<a href=/case>Read the case study of a bank that moved its books</a>"
            } else {
                ""
            };
            format!(
                "<section><h2>{h}</h2><p>{}</p>{}</section>",
                sentence.repeat(n),
                link.repeat(5)
            )
        };
        let widened = |run: String| {
            let html = format!("<html><body><div id=\"page\">{run}</div></body></html>");
            let doc = parse_html(&html, None);
            let body = doc.body().unwrap();
            let stats = TextStats::measure(&doc, body);
            let first = doc.find_all(body, "section")[0];
            widen_to_sections(&doc, body, &[first], &stats, super::super::LADDER[0])
                .map(|picks| picks.len())
        };
        // The pick (1,500 characters) is too long to be a landing page's intro by itself,
        // but the vote went past a larger section of plain text beside it.
        let pick = section("Overview", 20, false);
        let faq = section("Questions", 2, false);
        assert_eq!(
            widened(format!("{pick}{}{faq}", section("Services", 24, false))),
            Some(3)
        );
        // A larger block with links in it (related stories, case studies) is not the pick's.
        assert_eq!(
            widened(format!("{pick}{}{faq}", section("Services", 24, true))),
            None
        );
        assert_eq!(widened(format!("{pick}{faq}{faq}")), None);
    }

    #[test]
    fn a_long_pick_in_main_widens_to_a_run_of_sections_holding_a_sixth_of_its_text() {
        let sentence =
            "The team plans each migration with the client and moves the data in stages. ";
        let section = |h: &str, n: usize| {
            format!(
                "<section><h2>{h}</h2><p>{}</p></section>",
                sentence.repeat(n)
            )
        };
        let widened = |run: String, picks: usize| {
            let html =
                format!("<html><body><main><div class=\"page\">{run}</div></main></body></html>");
            let doc = parse_html(&html, None);
            let body = doc.body().unwrap();
            let stats = TextStats::measure(&doc, body);
            let found = doc.find_all(body, "section");
            widen_to_sections(&doc, body, &found[..picks], &stats, super::super::LADDER[0])
                .map(|picks| picks.len())
        };
        // A long overview (3,000 characters) picked alone, then three sections of 460.
        let pick = section("Overview", 40);
        let short = [
            section("Features", 6),
            section("Pricing", 6),
            section("Questions", 6),
        ]
        .concat();
        assert_eq!(widened(format!("{pick}{short}"), 1), Some(4));
        // Sections of one line each hold too little beside it: they are its notes and links.
        let tiny = [
            section("Features", 1),
            section("Pricing", 1),
            section("Questions", 1),
        ]
        .concat();
        assert_eq!(widened(format!("{pick}{tiny}"), 1), None);
        // Outside `<main>` a long pick stays alone.
        let html = format!("<html><body><div class=\"page\">{pick}{short}</div></body></html>");
        let doc = parse_html(&html, None);
        let body = doc.body().unwrap();
        let stats = TextStats::measure(&doc, body);
        let first = doc.find_all(body, "section")[0];
        assert_eq!(
            widen_to_sections(&doc, body, &[first], &stats, super::super::LADDER[0]),
            None
        );
    }
}
