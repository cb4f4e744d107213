//! Cleaning inside the chosen article: share bars, prompts, link lists, image strips and
//! other blocks that sit within the text but are not part of it.

use crate::dom::{fold_whitespace, trim, Document, NodeId};

use super::clutter::{classify, ClutterKind, Removals};
use super::lowercase::{into_lowercase, lowercase};
use super::patterns::{
    self, BUTTON_LIKE, PHRASING, PROMPT_PHRASES, PULL_QUOTE, READING_TIME, SHARE,
};
use super::prepare::{match_string, remove_counted, remove_where};
use super::score::class_weight;
use super::stats::{LastStats, TextStats};
use super::Flags;

/// Cleans the article container in place, recording what it removes in `removed`. `title`
/// is the headline shown above the text, as the page's heading prints it.
pub fn clean_article(
    doc: &mut Document,
    article: NodeId,
    flags: Flags,
    title: Option<&str>,
    removed: &mut Removals,
) {
    // Measures of the article, reused by the next pass when a pass removed nothing.
    let mut last = LastStats::default();
    remove_matching(doc, article, &mut last, removed, |doc, n, stats| {
        let len = stats.get(n).text;
        // Short, or however long when most of the text lies outside it (the footnotes of a
        // landing page's or a guide's claims).
        if (len < 300 || len * 2 < stats.get(article).text)
            && patterns::matches(patterns::DISCLAIMERS, match_string(doc, n))
        {
            return Some(ClutterKind::Other);
        }
        // A call to action set in a long text (the site's product, a quote form's pitch);
        // on a landing page, whose text is short, the calls to action are what it says.
        if len < CALL_TO_ACTION_TEXT
            && len * 10 < stats.get(article).text
            && patterns::matches(CALLS_TO_ACTION, match_string(doc, n))
            // Beside a paragraph, or closing the text (a quote form's pitch under a guide).
            && (beside_paragraph(doc, n)
                || last_text_block(doc, article).is_some_and(|b| doc.contains(n, b)))
        {
            return Some(ClutterKind::Other);
        }
        // A share bar's heading is a short label ("Share this:"); a headline is a story's
        // card, whose taxonomy classes name its subject ("category-social").
        (len < 500
            && stats.get(n).heading_text < SHARE_LABEL
            && super::clutter::names_match(doc, n, SHARE)
            && !patterns::matches(PULL_QUOTE, match_string(doc, n)))
        .then_some(ClutterKind::Share)
    });
    unwrap_wrapping_forms(doc, article, &mut last);
    // Each block around forms once: a block around thousands of forms, asked for each one
    // whether forms are left in it, took the square of their number.
    let mut seen = vec![false; doc.len()];
    let forms_in: Vec<NodeId> = doc
        .find_all(article, "form")
        .into_iter()
        .filter_map(|f| doc.parent(f))
        .filter(|&p| p != article && !std::mem::replace(&mut seen[p.index()], true))
        .collect();
    remove_matching(doc, article, &mut last, removed, |doc, n, _| {
        let fallback = match doc.tag(n)? {
            "footer" | "nav" => ClutterKind::Navigation,
            "aside" => ClutterKind::Sidebar,
            "form" | "fieldset" => ClutterKind::Other,
            _ => return None,
        };
        // A footer or a fieldset holding a long paragraph may hold the text; the reader
        // never shows a nav, an aside or a form (see [`patterns::DROP_TAGS`]), so their text
        // must not count.
        let shown = doc.tag(n).is_some_and(|t| !patterns::DROP_TAGS.contains(t));
        let holds_text = shown
            && doc
                .descendants(n)
                .any(|d| doc.is(d, "p") && doc.inner_text(d).len() > 200);
        (!patterns::matches(PULL_QUOTE, match_string(doc, n)) && !holds_text)
            .then(|| classify(doc, n, fallback))
    });
    // What was around a form ("Share your photos", "Email address") introduced the form;
    // around a product card's add-to-cart form, the name and the price beside it are the
    // card's.
    let stats = last.measure(doc, article);
    for p in forms_in {
        if doc.contains(article, p)
            && doc.find_all(p, "form").is_empty()
            && stats.get(p).text < 300
            && !super::prepare::has_media(doc, p)
            && !super::listing::sets_price(doc, p)
        {
            removed.record(doc, p, classify(doc, p, ClutterKind::Other));
            doc.detach(p);
        }
    }
    // An article about newsletters or memberships talks of them in paragraph after
    // paragraph; a page's prompts are a box or a line or two. Past that many paragraphs
    // that read as prompts, paragraphs and lists are the text's and only boxes go.
    let stats = last.measure(doc, article);
    let prompts: Vec<NodeId> = doc
        .find_all(article, "p")
        .into_iter()
        .filter(|&p| is_prompt(doc, p, stats))
        .take(PROMPTS_OF_A_SUBJECT)
        .collect();
    let subject = prompts.len() == PROMPTS_OF_A_SUBJECT;
    // The walk below meets the same paragraphs, measured alike and unchanged (a removal
    // takes a block that came before them, or them with it): the answers above serve, and
    // under a subject no paragraph goes.
    remove_matching(doc, article, &mut last, removed, |doc, n, stats| {
        let prompt = match doc.tag(n) {
            Some("p") => !subject && prompts.contains(&n),
            Some("ul") => !subject && is_prompt(doc, n, stats),
            _ => is_prompt(doc, n, stats),
        };
        prompt.then(|| classify(doc, n, ClutterKind::Subscribe))
    });
    // A box about the author (a photo, a line or two of bio, links to their profiles),
    // named as such: the reader shows the byline, not the writer's résumé.
    remove_matching(doc, article, &mut last, removed, |doc, n, stats| {
        (stats.get(n).text < AUTHOR_BOX_TEXT
            && super::clutter::is_named_as(doc, n, ClutterKind::AuthorBox))
        .then_some(ClutterKind::AuthorBox)
    });
    remove_matching(doc, article, &mut last, removed, |doc, n, stats| {
        let s = stats.get(n);
        // Every phrase holds an "m", which only "M" lowercases to: a text without either is
        // not copied (native).
        let reading_time = s.text > 0
            && s.text < 40
            && (cfg!(target_arch = "wasm32")
                || doc
                    .descendants(n)
                    .filter_map(|d| doc.text(d))
                    .any(|t| t.bytes().any(|b| b | 0x20 == b'm')))
            && {
                let t = into_lowercase(doc.text_content(n));
                patterns::matches(READING_TIME, &t)
            };
        let lone_button = s.text > 0
            && s.text < 60
            && s.link_text * 10 >= s.text * 9
            && patterns::matches(BUTTON_LIKE, match_string(doc, n))
            && !holds_video(doc, n);
        // A bare number ("1.9K", "41") left from a like or comment counter, or a post's
        // count of its likes or replies ("7 Likes", "0 Reply", also as a `<span>` or a
        // toggle's `<label>`).
        let block = matches!(doc.tag(n), Some("p" | "div"));
        let counter = s.text > 0
            && s.text <= COUNTER_TEXT
            && (block || matches!(doc.tag(n), Some("span" | "label")))
            && doc.ancestor_named(n, "p", 0).is_none()
            && {
                let t = doc.text_content(n);
                let t = t.trim();
                let (t, counts) = match patterns::COUNT_LABELS
                    .iter()
                    .find_map(|l| t.strip_suffix(l))
                {
                    Some(number) => (number.trim_end(), true),
                    None => (t, block && s.text <= 6),
                };
                counts
                    && t.starts_with(|c: char| c.is_ascii_digit())
                    && t.trim_end_matches(&['K', 'k', 'M'][..])
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            };
        // A poster's status beside their post ("Offline"), alone in its block (in an item
        // or a cell, the word may be a course's or a shop's label).
        let status = s.text <= 7
            && (block || doc.is(n, "span"))
            && patterns::POSTER_STATUS.contains(lowercase(trim(&doc.text_content(n))).as_str());
        // In a thread, the badge beside the posts of whoever opened it ("Author", "Original
        // Poster"), alone in its block or its list item.
        let badge = flags.thread
            && s.text <= 20
            && (block || matches!(doc.tag(n), Some("span" | "li" | "strong")))
            && patterns::STARTER_BADGES.contains(lowercase(trim(&doc.text_content(n))).as_str());
        let counter = (counter || status)
            && ["table", "li", "pre", "figure", "blockquote"]
                .iter()
                .all(|a| doc.ancestor_named(n, a, 0).is_none());
        // A row of links and separators ("Order Reprints | Today's Paper | Subscribe"). In a
        // list of items, which is not cleaned by shape, links set apart by commas are an
        // item's names (a paper's authors), not a menu.
        let link_row = doc.is(n, "p") && doc.find_all(n, "a").len() >= 3 && {
            let mut words_outside_links = false;
            let mut cur = Some(n);
            while let Some(d) = cur {
                if doc.is(d, "a") {
                    cur = doc.next_in(n, d, true);
                    continue;
                }
                if doc.text(d).is_some_and(|t| {
                    t.chars()
                        .any(|c| c.is_alphanumeric() || (c == ',' && !flags.clean_conditionally))
                }) {
                    words_outside_links = true;
                    break;
                }
                cur = doc.next_in(n, d, false);
            }
            !words_outside_links
        };
        // Short lines, read once for the tests below (a copyright notice with its links to
        // the site's terms runs to 300 characters and more).
        let line = (s.text > 0
            && s.text < 400
            && matches!(
                doc.tag(n),
                Some("p" | "div" | "span" | "td" | "h2" | "h3" | "h4" | "h5" | "h6")
            )
            && (cfg!(target_arch = "wasm32") || may_be_line_clutter(doc, n)))
        .then(|| into_lowercase(doc.inner_text(n)));
        let line = line.as_deref().unwrap_or("");
        // The same row once its links went (relative links with no address to resolve them):
        // short items between bars, outside code.
        let bar_row = is_bar_row(line)
            && doc.ancestor_named(n, "pre", 0).is_none()
            && !doc
                .descendants(n)
                .any(|d| matches!(doc.tag(d), Some("pre" | "code")));
        // A site's copyright notice, wherever it stands ("© 2024 Acme, Inc. All rights
        // reserved."): the reservation tells it from a text about copyright.
        let copyright = COPYRIGHT_OPENERS.iter().any(|o| line.starts_with(o))
            && line.contains("rights reserved");
        let edit_note = s.text < EDIT_NOTE_TEXT
            && line
                .strip_prefix(EDIT_NOTE)
                .is_some_and(|rest| EDIT_NOTE_DETAILS.iter().any(|d| rest.starts_with(d)));
        // Where the reader stands in a paged text or a list ("Page 1 of 8", "Showing 24 of
        // 291 results"): the pager's words, not the text's.
        let position = is_position_line(line);
        // A line pointing to another piece ("Related: How to …", "You might also like: …"):
        // a label, then a link, no sentence of the text. (The label alone may head a list
        // of such links, which the closing sections cut from there; a label inside the link
        // makes a linked line of the story, which Readability.js keeps.)
        let pointer = s.link_text > 0
            && patterns::POINTER_LABELS.iter().any(|l| {
                line.strip_prefix(l).is_some_and(|rest| {
                    s.link_text as usize * 2 >= rest.trim().len()
                        && (s.text - s.link_text) as usize >= l.len()
                })
            });
        (reading_time
            || lone_button
            || counter
            || link_row
            || bar_row
            || copyright
            || position
            || pointer
            || edit_note
            || badge)
            .then(|| classify(doc, n, ClutterKind::Other))
    });
    remove_matching(doc, article, &mut last, removed, |doc, n, _| {
        (matches!(doc.tag(n), Some("h1" | "h2")) && class_weight(doc, n, flags) < 0.0)
            .then(|| classify(doc, n, ClutterKind::Other))
    });
    if flags.clean_conditionally {
        let edits = doc.edits();
        clean_conditionally(doc, article, flags, removed);
        if doc.edits() != edits {
            super::applied::note(super::applied::CLEAN_CONDITIONALLY);
        }
    }
    // After the shape tests above, which judge a post with its poster's figures beside it.
    // In a thread, the card leaves the poster's name.
    let stats = last.measure(doc, article);
    let mut cur = Some(article);
    while let Some(n) = cur {
        if n != article && doc.tag(n).is_some() && is_poster_stats(doc, n, stats) {
            removed.record(doc, n, ClutterKind::AuthorBox);
            if flags.thread {
                super::prepare::keep_poster_line(doc, n, stats.get(n).text);
            }
            cur = doc.next_in(article, n, true);
            doc.detach(n);
        } else {
            cur = doc.next_in(article, n, false);
        }
    }
    remove_article_headers(doc, article, &mut last);
    remove_byline_blocks(doc, article, &mut last, flags.thread);
    remove_lone_dateline(doc, article, &mut last, removed);
    if let Some(title) = title {
        remove_title_heading(doc, article, title);
    }
    remove_repeated_pull_quotes(doc, article, removed);
    if !flags.product {
        remove_repeated_quotes(doc, article, removed);
    }
    if flags.product || flags.thread {
        remove_repeated_blocks(doc, article, removed);
        remove_priced_carousels(doc, article, removed);
    } else {
        remove_matching(doc, article, &mut last, removed, |doc, n, stats| {
            repeats_previous_block(doc, n, stats).then_some(ClutterKind::Duplicate)
        });
    }
    flatten_layout_tables(doc, article);
    remove_where(doc, article, is_post_number_link);
    let stats = last.measure(doc, article);
    // Paragraphs and lists emptied by the passes above (a share list without its buttons).
    remove_where(doc, article, |doc, n| {
        matches!(doc.tag(n), Some("p" | "ul" | "ol"))
            && stats.get(n).text == 0
            && !super::prepare::has_media(doc, n)
    });
}

/// True for a link whose text is a post's number ("#12") and whose address points at a post
/// (`#post-6305`, `/posts/6305/`): the permalink a thread sets beside each post's date, a
/// handle for sharing the post, not its text.
fn is_post_number_link(doc: &Document, n: NodeId) -> bool {
    doc.is(n, "a")
        && doc
            .attr(n, "href")
            .is_some_and(|h| h.starts_with('#') || h.contains("post"))
        && trim(&doc.text_content(n))
            .strip_prefix('#')
            .is_some_and(|d| (1..=6).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Most text of a share bar's headings ("Share this article:"); a longer heading is a
/// headline.
const SHARE_LABEL: u32 = 40;

/// Most text of a counter's line ("1,204 Replies").
const COUNTER_TEXT: u32 = 16;

/// Most text of a call to action: a heading, a line or two of pitch and a button.
const CALL_TO_ACTION_TEXT: u32 = 400;

/// Class words of a call to action.
const CALLS_TO_ACTION: patterns::Pats = patterns::pats![patterns::Pat::Token("cta")];

/// True when the element next to `n`, before or after it, is a paragraph of the text (not
/// one of a call to action's own): `n` stands in a run of text, not in a card.
fn beside_paragraph(doc: &Document, n: NodeId) -> bool {
    let element = |mut s: Option<NodeId>, step: fn(&Document, NodeId) -> Option<NodeId>| {
        while let Some(x) = s.filter(|&x| doc.tag(x).is_none()) {
            s = step(doc, x);
        }
        s
    };
    [
        element(doc.prev_sibling(n), Document::prev_sibling),
        element(doc.next_sibling(n), Document::next_sibling),
    ]
    .into_iter()
    .any(|s| {
        s.is_some_and(|s| {
            doc.is(s, "p") && !patterns::matches(CALLS_TO_ACTION, match_string(doc, s))
        })
    })
}

/// Most text of an author box: a few lines of bio (a block so named holding more is the
/// article itself on an author's page).
const AUTHOR_BOX_TEXT: u32 = 1200;

/// Removes every element under `root` (root excluded) for which `kind_of` names a kind of
/// clutter, judged with text measures taken once before the pass.
/// Most characters of text per comma in a form that wraps prose: a thread's posts have a
/// comma every 100 or so, an order form's rows of variants and prices next to none.
const TEXT_PER_COMMA: u32 = 250;

/// A form that holds most of the article's text, and that text prose, is the page's
/// wrapper, not a form to fill in: forums put a whole thread inside one moderation form.
/// It becomes a plain block, so that neither the form rule below nor the sanitizer (which
/// drops forms) takes the text.
fn unwrap_wrapping_forms(doc: &mut Document, article: NodeId, last: &mut LastStats) {
    let forms = doc.find_all(article, "form");
    if forms.is_empty() {
        return;
    }
    let stats = last.measure(doc, article);
    let total = stats.get(article).text;
    for form in forms {
        let here = stats.get(form);
        if here.text * 2 > total && here.commas * TEXT_PER_COMMA >= here.text {
            doc.rename(form, "div");
        }
    }
}

fn remove_matching(
    doc: &mut Document,
    root: NodeId,
    last: &mut LastStats,
    removed: &mut Removals,
    kind_of: impl Fn(&Document, NodeId, &TextStats) -> Option<ClutterKind>,
) {
    let stats = last.measure(doc, root);
    remove_counted(doc, root, removed, |doc, n| {
        doc.tag(n)?;
        kind_of(doc, n, stats)
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
    // A paragraph or a list of the text that only talks of newsletters or signing up
    // ("people who sign up for automatic savings save more", "we test a new signup button")
    // offers no link to follow.
    if matches!(doc.tag(n), Some("p" | "ul"))
        && len > PROMPT_LINE
        && doc.find_all(n, "a").is_empty()
    {
        return false;
    }
    // A section of the text that tells of signing up (a plan, a question of an FAQ): a
    // heading over a long paragraph, with nothing to click or fill in.
    let s = stats.get(n);
    if s.heading_text > 0
        && s.inputs == 0
        && s.link_text == 0
        && doc
            .find_all(n, "p")
            .iter()
            .any(|&p| stats.get(p).text > PROMPT_LINE)
        && doc.find_all(n, "button").is_empty()
    {
        return false;
    }
    let text = into_lowercase(doc.inner_text(n));
    // An FAQ's answer, or a question with its answer, that tells of signing up ("Sign up
    // for the starter plan to try it", "Can I unsubscribe at any time?") is the page's text.
    patterns::matches(PROMPT_PHRASES, &text)
        && !answers_question(doc, n, stats)
        && !doc
            .element_children(n)
            .into_iter()
            .any(|c| answers_question(doc, c, stats))
}

/// Words that open a line of clutter tested on the lowercased text: a pager's or a gallery's
/// place ([`is_position_line`]), a copyright notice ([`COPYRIGHT_OPENERS`], "©" left to
/// the test of non-ASCII below) and a post's note of its last edit ([`EDIT_NOTE`]).
const LINE_OPENERS: [&str; 14] = [
    "related",
    "recommended",
    "you might",
    "you may",
    "showing ",
    "page ",
    "image ",
    "picture ",
    "photo ",
    "slide ",
    "copyright",
    "(c) ",
    "all rights reserved",
    EDIT_NOTE,
];

/// What opens a post's note of its last edit, alone on its line ("Last edited: Jul 25, 2024",
/// "Last edited by Ann on Tue Aug 27, 2019, edited 1 time in total"): the forum's record,
/// not the post's text. [`EDIT_NOTE_DETAILS`] come next (a sentence "Last edited the
/// settings …" is the post's).
const EDIT_NOTE: &str = "last edited";
const EDIT_NOTE_DETAILS: [&str; 3] = [":", " by ", " on "];

/// Most characters of a post's note of its last edit.
const EDIT_NOTE_TEXT: u32 = 150;

/// False when the text of `n` can neither be a row between bars (no `|`) nor open with one
/// of [`LINE_OPENERS`]: read in place, so that most lines are not copied and lowercased
/// (native only). Its first bytes are compared up to the first whitespace or non-ASCII
/// byte, or the end of the first text node: where the copy might differ, the answer is true.
fn may_be_line_clutter(doc: &Document, n: NodeId) -> bool {
    let mut first = None;
    for t in doc.descendants(n).filter_map(|d| doc.text(d)) {
        if t.contains('|') {
            return true;
        }
        if first.is_none() {
            let rest = t.trim_start();
            if !rest.is_empty() {
                first = Some(rest.as_bytes());
            }
        }
    }
    let Some(first) = first else {
        return false;
    };
    !first[0].is_ascii()
        || LINE_OPENERS.iter().any(|o| {
            o.bytes().zip(first).all(|(o, &b)| {
                o == b' ' || !b.is_ascii() || b.is_ascii_whitespace() || b.to_ascii_lowercase() == o
            })
        })
}

/// True for "page 2 of 8", "image 2 of 5" and "showing 1-24 of 291 results" (lowercase): a
/// count of pages, pictures or results with the word that says which, and nothing else.
fn is_position_line(line: &str) -> bool {
    // Digits, commas and a hyphen or an en dash ("1–24"), read byte by byte.
    let count = |w: &str| {
        !w.is_empty()
            && w.bytes()
                .all(|b| b.is_ascii_digit() || "-–,".as_bytes().contains(&b))
    };
    // A gallery's or a slideshow's place ("Image 2 of 5") is a pager's too.
    const PLACES: [&str; 5] = ["page ", "image ", "picture ", "photo ", "slide "];
    // Most lines open with none of the words: ruled out before any search.
    if !line.starts_with("showing ") && !PLACES.iter().any(|p| line.starts_with(p)) {
        return false;
    }
    let Some((before, after)) = line.split_once(" of ") else {
        return false;
    };
    let (total, what) = after.split_once(' ').unwrap_or((after, ""));
    let showing = before.strip_prefix("showing ");
    count(total)
        && match showing {
            Some(shown) => count(shown) && !what.contains(' '),
            None => {
                PLACES
                    .iter()
                    .any(|p| before.strip_prefix(p).is_some_and(count))
                    && what.is_empty()
            }
        }
}

/// Fewest items, and most bytes of one, in a row of menu items set between bars.
const BAR_ITEMS: usize = 5;
const BAR_ITEM_BYTES: usize = 24;

/// True when `line` is [`BAR_ITEMS`] or more short items separated by `|` ("About | Jobs |
/// Press | Legal | Contact"): a site's menu, not a sentence.
fn is_bar_row(line: &str) -> bool {
    line.split('|').count() >= BAR_ITEMS
        && line.split('|').all(|item| {
            let item = trim(item);
            !item.is_empty() && item.len() <= BAR_ITEM_BYTES && !item.ends_with('.')
        })
}

/// Most characters of a poster's figures block, and of one value or other piece in it.
const POSTER_STATS_TEXT: u32 = 300;
const POSTER_STAT_VALUE: usize = 30;

/// A forum poster's figures beside a post ("Joined: Feb 2019 / Posts: 116 / Threads: 23"):
/// pieces of text labelled by [`patterns::USER_STAT_LABELS`], at least two, each with its
/// value (a `<dd>` or a `<b>` after a label alone), and at most one short piece of another
/// kind after them (a rank or a status). The poster's name, above the figures, stays with the
/// post it signs; but a card that is one description list (the name in its term, then a rank
/// and the figures in its descriptions, as forum packages print it) goes whole, three short
/// pieces before or after the figures allowed, and fields the poster filled in ("Primary
/// OS: Linux", a label with its short value), which there stand in for a second figure.
/// One figure alone may be a seller's "Joined 2018" on a shop's page, which the text keeps.
fn is_poster_stats(doc: &Document, n: NodeId, stats: &TextStats) -> bool {
    let len = stats.get(n).text;
    if len == 0
        || len > POSTER_STATS_TEXT
        || !matches!(
            doc.tag(n),
            Some("div" | "p" | "dl" | "ul" | "section" | "td")
        )
    {
        return false;
    }
    let card = doc.is(n, "dl");
    let (mut figures, mut others, mut fields) = (0, 0, 0);
    // Whether the piece before was a label alone, and of a figure: its value comes next.
    let mut value_due = None;
    for d in doc.descendants(n) {
        let Some(piece) = doc.text(d).map(trim).filter(|t| !t.is_empty()) else {
            continue;
        };
        let piece = lowercase(piece);
        let (figure, value) = if let Some(figure) = value_due.take() {
            (figure, piece.as_str())
        } else if let Some(rest) = label_rest(&piece, patterns::USER_STAT_LABELS) {
            figures += 1;
            (true, rest)
        } else if let Some(rest) = label_rest(&piece, patterns::USER_STAT_COMPANIONS) {
            (false, rest)
        } else if card && piece.len() <= POSTER_STAT_VALUE && piece.ends_with(':') {
            // A field the forum lets posters fill in ("Primary OS:"), its value next.
            fields += 1;
            value_due = Some(false);
            continue;
        } else if (figures > 0 || card) && piece.len() <= POSTER_STAT_VALUE {
            others += 1;
            continue;
        } else {
            return false;
        };
        if value.is_empty() {
            value_due = Some(figure);
        } else if value.len() > POSTER_STAT_VALUE
            || figure && !value.bytes().any(|b| b.is_ascii_digit())
        {
            return false;
        }
    }
    (figures >= 2 || card && figures > 0 && fields > 0) && others <= 1 + 2 * usize::from(card)
}

/// What follows one of `labels` that opens `piece` as a whole word, past a colon.
fn label_rest(piece: &str, labels: patterns::Words) -> Option<&str> {
    labels.iter().find_map(|l| {
        let rest = piece.strip_prefix(l)?;
        (!rest
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphanumeric))
        .then(|| trim(rest.strip_prefix(':').unwrap_or(rest)))
    })
}

/// Most characters of a one-line prompt ("Sign up for our newsletter"), which needs no link.
const PROMPT_LINE: u32 = 150;

/// Paragraphs reading as prompts in one article that make their subject the article's.
const PROMPTS_OF_A_SUBJECT: usize = 4;

/// Text as compared for repeats: letters and digits only, lowercased.
pub(crate) fn comparable(s: &str) -> String {
    lowercase(
        &s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>(),
    )
}

/// A pull quote repeats a sentence of the text in display type; when the text around it
/// already holds the sentence, the copy goes (a quote found nowhere else stays).
fn remove_repeated_pull_quotes(doc: &mut Document, article: NodeId, removed: &mut Removals) {
    let quotes = doc.collect_where(article, &|n| {
        n != article && doc.tag(n).is_some() && patterns::matches(PULL_QUOTE, match_string(doc, n))
    });
    for q in quotes {
        if !doc.contains(article, q) {
            continue;
        }
        let quote = comparable(&doc.text_content(q));
        if quote.chars().count() < 20 {
            continue;
        }
        // The text outside this quote, in document order.
        let mut rest = String::new();
        let mut cur = Some(article);
        while let Some(n) = cur {
            if n == q {
                cur = doc.next_in(article, n, true);
                continue;
            }
            if let Some(t) = doc.text(n) {
                rest.push_str(t);
            }
            cur = doc.next_in(article, n, false);
        }
        if comparable(&rest).contains(&quote) {
            removed.record(doc, q, ClutterKind::Duplicate);
            doc.detach(q);
        }
    }
}

/// A reply quoting an earlier post of the thread (a `<blockquote>` whose text the article
/// already showed above it, outside quotations) repeats what the reader has just read: the
/// copy goes. Its attribution and expand link ("Ann said:", "Click to expand…") are a small
/// part of it, pieces of under ten letters do not count, and it repeats a line at least
/// ([`REPEATED_BLOCK`]: a pointed reply to a few words keeps them). A quotation of a post not
/// on the page, or of words said nowhere above, stays; so does a quotation repeating another
/// (a carousel of testimonials cloning its slides), and a shop's customer quoted on its
/// product page, whose words may well repeat the description.
fn remove_repeated_quotes(doc: &mut Document, article: NodeId, removed: &mut Removals) {
    if doc.find_all(article, "blockquote").is_empty() {
        return;
    }
    let mut seen = String::new();
    // Each piece is looked for in all the text before it: on a thread of thousands of
    // quoting replies that grows with the square of the page, so the search stops (and the
    // remaining quotations stay) once it has read this much.
    let mut budget = QUOTE_SEARCH_BUDGET;
    let mut cur = doc.next_in(article, article, false);
    while let Some(n) = cur {
        if let Some(t) = doc.text(n) {
            seen.push_str(&comparable(t));
        } else if doc.is(n, "blockquote") {
            let (mut all, mut found) = (0, 0);
            for t in doc.descendants(n).filter_map(|d| doc.text(d)) {
                let t = comparable(t);
                if t.len() >= 10 {
                    all += t.len();
                    budget = budget.saturating_sub(seen.len());
                    if budget > 0 && seen.contains(&t) {
                        found += t.len();
                    }
                }
            }
            cur = doc.next_in(article, n, true);
            if found >= REPEATED_BLOCK && found * 5 >= all * 4 {
                removed.record(doc, n, ClutterKind::Duplicate);
                doc.detach(n);
            }
            continue;
        }
        cur = doc.next_in(article, n, false);
    }
}

/// Most bytes [`remove_repeated_quotes`] reads in its searches (a few milliseconds' work).
const QUOTE_SEARCH_BUDGET: usize = 1 << 25;

/// Fewest letters and digits of a block whose second copy goes: a line this long is said
/// once in a text, while short labels ("Free shipping", "Size") may well recur.
const REPEATED_BLOCK: usize = 80;

/// On a product page, a block that repeats an earlier block of the article word for word is
/// a copy of it (the description laid out again for small screens, a carousel's cloned
/// slides): the copy goes. So it is in a thread, where a reply shows a preview of the post it
/// answers. Elsewhere parallel sections may share a note (each offer its terms, each tab its
/// steps), so the rule is the shop's and the thread's only. Quotes and code stay.
fn remove_repeated_blocks(doc: &mut Document, article: NodeId, removed: &mut Removals) {
    let mut seen: Vec<(String, NodeId)> = Vec::new();
    let mut cur = doc.next_in(article, article, false);
    while let Some(n) = cur {
        let skip = doc.tag(n).is_none_or(|t| matches!(t, "blockquote" | "pre")) || {
            let text = comparable(&doc.text_content(n));
            if text.len() < REPEATED_BLOCK {
                true
            } else if seen
                .iter()
                .any(|(t, first)| *t == text && !doc.contains(*first, n))
            {
                cur = doc.next_in(article, n, true);
                removed.record(doc, n, ClutterKind::Duplicate);
                doc.detach(n);
                continue;
            } else {
                seen.push((text, n));
                false
            }
        };
        cur = doc.next_in(article, n, skip);
    }
}

/// A block (`div`, `section`, `article`) that repeats the block just before it word for
/// word is the same section laid out again for another screen size: site builders render
/// each breakpoint's copy side by side and let the style sheet show one. The copy goes; a
/// text says a line of [`REPEATED_BLOCK`] letters once in a row. Paragraphs and list items
/// may repeat (a test page's filler, a source cited twice), and a video's fallback text is
/// no copy of the caption under it (the reader shows the caption, not the fallback).
fn repeats_previous_block(doc: &Document, n: NodeId, stats: &TextStats) -> bool {
    let len = stats.get(n).text;
    if (len as usize) < REPEATED_BLOCK || !matches!(doc.tag(n), Some("div" | "section" | "article"))
    {
        return false;
    }
    let mut prev = doc.prev_sibling(n);
    while let Some(p) = prev.filter(|&p| doc.tag(p).is_none()) {
        prev = doc.prev_sibling(p);
    }
    prev.is_some_and(|p| {
        stats.get(p).text == len
            && !doc
                .descendants(p)
                .any(|d| matches!(doc.tag(d), Some("video" | "audio")))
            && comparable(&doc.text_content(n)) == comparable(&doc.text_content(p))
    })
}

/// Fewest and most items of a shop's carousel of other products: a category's grid shows
/// a page of two dozen or more, a plan's table three or four prices.
const CAROUSEL_ITEMS: usize = 5;
const CAROUSEL_MAX_ITEMS: usize = 20;

/// On a product page, a block of five to twenty items, four fifths of them showing a
/// price, lists other products (recommendations, the line's other models, "more from this
/// brand"): the page's own product shows its price once.
fn remove_priced_carousels(doc: &mut Document, article: NodeId, removed: &mut Removals) {
    remove_counted(doc, article, removed, |doc, n| {
        let items = doc.element_children(n);
        // Only a block of enough items reads its texts for prices.
        ((CAROUSEL_ITEMS..=CAROUSEL_MAX_ITEMS).contains(&items.len())
            && items
                .iter()
                .filter(|&&c| super::listing::shows_price(doc, c))
                .count()
                * 5
                >= items.len() * 4)
            .then_some(ClutterKind::Related)
    });
}

/// Tables used for layout (no headers or caption, and cells that hold paragraphs or other
/// blocks) are taken apart: their cells' content stays in reading order, the grid goes.
fn flatten_layout_tables(doc: &mut Document, article: NodeId) {
    let tables: Vec<NodeId> = doc.find_all(article, "table");
    // Innermost first, so an outer layout table sees its inner ones already flattened.
    for t in tables.into_iter().rev() {
        let layout = doc.attr(t, "role") == Some("presentation")
            || (!is_data_table(doc, t)
                && doc.descendants(t).any(|d| {
                    matches!(
                        doc.tag(d),
                        Some(
                            "p" | "div"
                                | "h2"
                                | "h3"
                                | "h4"
                                | "ul"
                                | "ol"
                                | "blockquote"
                                | "pre"
                                | "figure"
                                | "img"
                        )
                    ) && doc.ancestor_named(d, "td", 0).is_some()
                }));
        if !layout {
            continue;
        }
        let cells = doc.collect_where(t, &|c| {
            matches!(doc.tag(c), Some("td" | "th")) && doc.ancestor_named(c, "table", 0) == Some(t)
        });
        for c in cells {
            let div = doc.create_element("div", vec![]);
            doc.reparent_children(c, div);
            doc.insert_before(t, div);
        }
        doc.detach(t);
    }
}

/// Readability-style conditional cleaning of blocks whose shape says "not text": many
/// images per paragraph, more list items than paragraphs, form fields, link lists.
fn clean_conditionally(doc: &mut Document, article: NodeId, flags: Flags, removed: &mut Removals) {
    let mut stats = TextStats::measure(doc, article);
    // A card that is a link whole around its heading and a description: the description is
    // text to read (a service's summary), only the heading names where the link goes.
    for a in doc.find_all(article, "a") {
        if let Some(description) = card_description(doc, a, &stats) {
            stats.count_as_text(doc, article, a, description);
        }
    }
    let mut blocks = doc.collect_where(article, &|n| {
        n != article
            && matches!(
                doc.tag(n),
                Some("table" | "ul" | "ol" | "div" | "section" | "dl")
            )
    });
    // Innermost first: a bad inner block goes before its container is judged.
    blocks.reverse();
    // Parents that lost a block, by node index.
    let mut emptied = vec![false; doc.len()];
    for n in blocks {
        if doc.parent(n).is_none() || !doc.contains(article, n) {
            continue;
        }
        // A block left with nothing but its heading once its list went, when the heading
        // announces clutter ("More in Climate"); other headings may introduce what follows.
        let orphaned_heading = emptied[n.index()]
            && {
                let s = stats.get(n);
                s.text > 0 && s.heading_text * 10 >= s.text * 9 && s.images == 0
            }
            && !matches!(
                classify(doc, n, ClutterKind::Other),
                ClutterKind::Other | ClutterKind::Hidden | ClutterKind::Overlay
            );
        let introduced = (introduced_by_sentence(doc, n) || answers_question(doc, n, &stats))
            && class_weight(doc, n, flags) >= 0.0;
        if orphaned_heading || (!introduced && should_remove(doc, article, n, &stats, flags)) {
            if flags.thread {
                super::prepare::keep_poster_line(doc, n, stats.get(n).text);
            }
            removed.record(doc, n, classify(doc, n, ClutterKind::Other));
            if let Some(p) = doc.parent(n) {
                emptied[p.index()] = true;
            }
            stats.remove_subtree(doc, article, n);
            doc.detach(n);
        } else if introduced {
            // The list is the text's, links and all: they do not count against the blocks
            // around it either.
            stats.count_links_as_text(doc, article, n);
        }
    }
}

/// Least text of a linked card's description, outside its heading.
const CARD_DESCRIPTION_TEXT: u32 = 80;

/// The text outside its heading of link `a` when it is a card whole: a heading and a
/// description of at least [`CARD_DESCRIPTION_TEXT`] and twice the heading's, no price (a
/// product's card), no picture and no date (a teaser of a story shows its photo, its date).
pub(super) fn card_description(doc: &Document, a: NodeId, stats: &TextStats) -> Option<u32> {
    let s = stats.get(a);
    if s.heading_text == 0 || s.images > 0 {
        return None;
    }
    let description = s.text.saturating_sub(s.heading_text);
    if description < CARD_DESCRIPTION_TEXT || description < 2 * s.heading_text {
        return None;
    }
    (doc.find_all(a, "time").is_empty() && !super::listing::shows_price(doc, a))
        .then_some(description)
}

/// True when `n` holds the link that stands for an embedded video.
fn holds_video(doc: &Document, n: NodeId) -> bool {
    doc.descendants(n)
        .any(|d| doc.attr(d, super::media::VIDEO_MARK).is_some())
}

fn should_remove(
    doc: &Document,
    article: NodeId,
    n: NodeId,
    stats: &TextStats,
    flags: Flags,
) -> bool {
    let tag = doc.tag(n).unwrap_or("");
    // A video's link alone looks like a link list; the block around it is the player.
    if holds_video(doc, n) && doc.find_all(n, "a").len() <= 2 {
        return false;
    }
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
    // A frame named for the data table that holds all its text (`scrollable-table`,
    // `table-responsive`) is the table, whatever other words its names hold.
    if tag == "div"
        && patterns::find(match_string(doc, n), "table").is_some()
        && doc
            .descendants(n)
            .find(|&d| doc.is(d, "table"))
            .is_some_and(|t| stats.get(t).text == stats.get(n).text && is_data_table(doc, t))
    {
        return false;
    }
    // A card's title in a list of items (its heading, a link to the item) names the item.
    if super::prepare::in_card(doc, n, flags.thread)
        && super::prepare::is_heading_block(doc, n, stats, flags.thread)
    {
        return false;
    }
    if is_described_card(doc, n, stats) || holds_card_grid(doc, n, stats) {
        return false;
    }
    let weight = class_weight(doc, n, flags);
    if weight < 0.0
        && !super::prepare::holds_described_cards(doc, n, stats)
        && !super::prepare::is_text_named_footer(
            match_string(doc, n),
            stats.get(n),
            stats.get(article),
        )
    {
        return true;
    }
    let ld = stats.link_density(n);
    // A note of the text (a tip, a warning, "See also": a paragraph or more) and a reference
    // list of anchored terms (an API's members, each described) are the text's own, links
    // and all. (What is left of a list of links named a callout, its links gone, holds no
    // paragraph.)
    if ld < CALLOUT_LINK_DENSITY
        && ((stats.get(n).paragraphs > 0
            && patterns::matches(patterns::CALLOUTS, match_string(doc, n)))
            || is_reference_list(doc, n))
    {
        return false;
    }
    // A wrapper around one paragraph is that paragraph, and paragraphs are not judged here
    // (Readability.js puts such a paragraph in its wrapper's place below a quarter of links).
    if tag == "div" && ld < 0.25 && doc.only_element_child(n).is_some_and(|c| doc.is(c, "p")) {
        return false;
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
    let is_list = matches!(tag, "ul" | "ol" | "dl");
    if is_list && follows_reference_heading(doc, n) {
        return false;
    }
    let in_figure = doc.ancestor_named(n, "figure", 0).is_some() || tag == "figure";

    // A post of a thread with its photos attached is the post: judged by its links only.
    let post_with_photos = flags.thread && len.saturating_sub(s.link_text) >= POST_WITH_PHOTOS_TEXT;
    (img > 1.0 && p / img < 0.5 && !in_figure && !post_with_photos)
        || (!is_list && li > p)
        || (inputs > (p / 3.0).floor())
        || (!is_list && heading_density < 0.9 && len < 25 && (img == 0.0 || img > 2.0) && ld > 0.0)
        || (weight < 25.0
            && ld > 0.2
            && !(is_list && ld < 0.5 && len > 200)
            && !is_prose_with_inline_links(doc, n, stats, ld)
            && !is_post_under_linked_title(doc, n, stats)
            && !(is_list && items_open_with_words(doc, n)))
        || (weight >= 25.0 && ld > 0.5)
        || (is_list && ld > 0.8 && len < 600)
}

/// Fewest characters of prose (outside links and headings) under a described card's heading.
const CARD_PROSE: u32 = 40;

/// True when `c` sets an unlinked heading over a sentence or more of prose, with no date:
/// a feature or an offer described (a teaser of another page links its heading or is dated).
fn describes_under_heading(doc: &Document, c: NodeId, stats: &TextStats) -> bool {
    let s = stats.get(c);
    s.heading_text > 0
        && s.text.saturating_sub(s.link_text + s.heading_text) >= CARD_PROSE
        && doc.descendants(c).all(|d| match doc.tag(d) {
            Some("time") => false,
            Some("h2" | "h3" | "h4" | "h5" | "h6") => {
                s.link_text == 0
                    || (doc.find_all(d, "a").is_empty()
                        && !doc
                            .ancestor_named(d, "a", 0)
                            .is_some_and(|a| doc.contains(c, a)))
            }
            _ => true,
        })
}

/// Element siblings on each side of a card among which its twins are looked for: a grid's
/// cards are neighbours, and a bounded look keeps a page of thousands of blocks, each with a
/// class of its own, linear (an unbounded one took 28 s on 20,000 such blocks).
pub(super) const TWIN_REACH: usize = 4;

/// True when `n` is one of a grid of sibling cards (same tag, same class) that each describe
/// under a heading ([`describes_under_heading`]): a service's features or offers, the
/// page's text whatever the cards are named (`contact_box`, `meta-block`).
fn is_described_card(doc: &Document, n: NodeId, stats: &TextStats) -> bool {
    let class = doc.attr(n, "class");
    if class.is_none_or(|c| c.trim().is_empty()) {
        return false;
    }
    let mut twins = doc.element_neighbours(n, TWIN_REACH);
    twins.retain(|&c| doc.tag(c) == doc.tag(n) && doc.attr(c, "class") == class);
    // Twins first (cheap), then the walks below the headings.
    !twins.is_empty()
        && describes_under_heading(doc, n, stats)
        && twins
            .iter()
            .any(|&c| describes_under_heading(doc, c, stats))
}

/// True when two or more of the children of `n` are described cards (or cards linked whole
/// around a heading and a description) holding nine tenths of its text or more: the grid.
fn holds_card_grid(doc: &Document, n: NodeId, stats: &TextStats) -> bool {
    let s = stats.get(n);
    if s.heading_text == 0 || s.text == 0 {
        return false;
    }
    let (mut cards, mut text) = (0, 0);
    for c in doc.element_children(n) {
        if is_described_card(doc, c, stats)
            || (doc.is(c, "a") && card_description(doc, c, stats).is_some())
        {
            cards += 1;
            text += stats.get(c).text;
        }
    }
    cards >= 2 && text * 10 >= s.text * 9
}

/// Link density below which a callout or a reference list is text (not a list of links
/// named a note).
const CALLOUT_LINK_DENSITY: f64 = 0.5;

/// True when `n` is a definition list whose terms all carry an `id` (anchors a page links
/// to: an API's members, a glossary's words): a reference, its terms links to each
/// member's page or the source, not a list of links.
fn is_reference_list(doc: &Document, n: NodeId) -> bool {
    let mut terms = doc
        .element_children(n)
        .into_iter()
        .filter(|&c| doc.is(c, "dt"))
        .peekable();
    doc.is(n, "dl")
        && terms.peek().is_some()
        && terms.all(|t| doc.attr(t, "id").is_some_and(|i| !i.trim().is_empty()))
}

/// Least text outside links of a thread's post that its photos do not make a gallery.
const POST_WITH_PHOTOS_TEXT: u32 = 400;

/// True when every item of list `n` opens with words of its own before its first link
/// ("Neil has patches up to [fix the unloader]", "gero [removed the attribute] from dialogs"):
/// the links sit in the items' sentences. A menu's or a teaser list's items open with their
/// link.
fn items_open_with_words(doc: &Document, n: NodeId) -> bool {
    let items = doc.element_children(n);
    !items.is_empty()
        && items.iter().all(|&li| {
            let mut lead = String::new();
            for d in doc.descendants(li).skip(1) {
                if doc.is(d, "a") {
                    return lead.split_whitespace().count() >= 2;
                }
                if let Some(t) = doc.text(d) {
                    lead.push_str(t);
                    lead.push(' ');
                }
            }
            false
        })
}

/// True when `n` is one post under its own linked title (a forum post whose heading links to
/// the post): a paragraph, one heading holding links, and few links besides the title's. The
/// title's link says where the post lives, not that the block is a list of links; a list of
/// teasers has a linked heading per item and is still judged by all its links, and so is a
/// teaser on its own (its text is mostly its headline) or in a list item.
fn is_post_under_linked_title(doc: &Document, n: NodeId, stats: &TextStats) -> bool {
    let s = stats.get(n);
    // Inside a list item, the block is an entry of a list (a "most read" box), not a post.
    if s.paragraphs == 0 || doc.ancestor_named(n, "li", 0).is_some() {
        return false;
    }
    let mut linked_headings = doc.descendants(n).filter(|&d| {
        matches!(doc.tag(d), Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
            && doc.descendants(d).any(|a| doc.is(a, "a"))
    });
    let (Some(title), None) = (linked_headings.next(), linked_headings.next()) else {
        return false;
    };
    let title_links: u32 = doc
        .find_all(title, "a")
        .into_iter()
        .map(|a| stats.get(a).text)
        .sum();
    // At most a fifth of the text in links once the title's are left out, and a post's text
    // besides: a teaser (a linked headline over its standfirst) holds less than
    // [`POST_OVER_TITLE`] times its headline. A reply's subject ("Re: " and the thread's)
    // heads no teaser: a one-line reply under it is still the post.
    s.link_text.saturating_sub(title_links) * 5 <= s.text
        && (s.text.saturating_sub(s.link_text) >= POST_OVER_TITLE * title_links
            || doc.inner_text(title).trim_start().starts_with("Re: "))
}

/// A post under a linked title holds at least this many times the title's text outside links.
const POST_OVER_TITLE: u32 = 3;

/// True when the element just before `n` is a heading that announces a list of sources.
fn follows_reference_heading(doc: &Document, n: NodeId) -> bool {
    let mut prev = doc.prev_sibling(n);
    while let Some(p) = prev.filter(|&p| doc.tag(p).is_none()) {
        prev = doc.prev_sibling(p);
    }
    prev.is_some_and(|h| {
        matches!(doc.tag(h), Some("h2" | "h3" | "h4" | "h5" | "h6"))
            && patterns::REFERENCE_HEADINGS.contains(patterns::trim_by(
                &into_lowercase(doc.inner_text(h)),
                &|c| !c.is_alphanumeric(),
            ))
    })
}

/// Least prose (outside links) of an answer under a question.
const ANSWER_PROSE: u32 = 100;

/// Most text of a question heading an answer.
const QUESTION_TEXT: u32 = 200;

/// True when `n` (or the wrappers around it alone) follows a question set as a heading (or a
/// block holding one: an accordion's control) and holds a paragraph or more of prose: the
/// answer, its links (the products a rebate covers, a guide to switch) the text's own.
fn answers_question(doc: &Document, n: NodeId, stats: &TextStats) -> bool {
    let s = stats.get(n);
    if s.paragraphs == 0 || s.text.saturating_sub(s.link_text) < ANSWER_PROSE {
        return false;
    }
    element_before_block(doc, n).is_some_and(|q| {
        stats.get(q).text <= QUESTION_TEXT
            && doc
                .descendants(q)
                .any(|d| super::prepare::heading_rank(doc, d).is_some_and(|r| r > 1))
            && super::prepare::asks(doc, q)
    })
}

/// The element before the block `n` stands in: `n` with the `<div>`s around it alone.
fn element_before_block(doc: &Document, n: NodeId) -> Option<NodeId> {
    let mut at = n;
    while let Some(p) = doc
        .parent(at)
        .filter(|&p| doc.is(p, "div") && doc.only_element_child(p).is_some())
    {
        at = p;
    }
    let mut prev = doc.prev_sibling(at);
    while let Some(p) = prev.filter(|&p| doc.tag(p).is_none()) {
        prev = doc.prev_sibling(p);
    }
    prev
}

/// Least words of a sentence that introduces a list ("Many patches were sent for review:");
/// shorter lead-ins are labels ("Read more:", "See also:").
const LIST_LEAD_IN_WORDS: usize = 4;

/// Most text of such a sentence.
const LIST_LEAD_IN_TEXT: u32 = 300;

/// True when `n` is a list (or a block holding just one) that the paragraph before it
/// introduces: a sentence of the text ending in a colon announces the list as part of it,
/// however many links its items are ("These patches were merged:", "The changes include:").
/// A lead-in that invites the reader elsewhere ("You might also like:") is no such sentence.
fn introduced_by_sentence(doc: &Document, n: NodeId) -> bool {
    let list = match doc.tag(n) {
        Some("ul" | "ol") => true,
        Some("div") => doc
            .only_element_child(n)
            .is_some_and(|c| matches!(doc.tag(c), Some("ul" | "ol"))),
        _ => false,
    };
    if !list {
        return false;
    }
    // The paragraph, or a wrapper around it alone (AsciiDoc's `div.paragraph`).
    let mut lead = element_before_block(doc, n);
    while let Some(l) = lead.filter(|&l| doc.is(l, "div")) {
        lead = doc.only_element_child(l);
    }
    let Some(lead) = lead.filter(|&l| doc.is(l, "p")) else {
        return false;
    };
    let text = doc.inner_text(lead);
    let text = text.as_str();
    // Links written as their addresses are a list of sources, judged as links.
    let addresses = || {
        doc.descendants(n)
            .filter(|&d| doc.is(d, "a"))
            .any(|a| doc.inner_text(a).starts_with("http"))
    };
    text.len() <= LIST_LEAD_IN_TEXT as usize
        && text.ends_with(':')
        && text.split_whitespace().count() >= LIST_LEAD_IN_WORDS
        && !opens_related_section(text)
        && !addresses()
}

/// Least text per paragraph, on average, of a block of prose.
const PROSE_PARAGRAPH_TEXT: u32 = 80;

/// Most link text a prose block may hold: a third, against a fifth for other blocks.
const PROSE_LINK_DENSITY: f64 = 0.33;

/// True for running text whose links sit in its sentences ("the study found…", "see our
/// guide"): a paragraph or two that cite their sources reach a fifth of link text, yet are
/// the article. A list of teasers keeps its links in headings and list items, outside the
/// paragraphs, and stays subject to the stricter limit.
fn is_prose_with_inline_links(doc: &Document, n: NodeId, stats: &TextStats, ld: f64) -> bool {
    let s = stats.get(n);
    // Paragraphs of sentences, not a card's title, author and date lines set as `<p>`.
    let sentences = s.paragraphs > 0 && s.text >= PROSE_PARAGRAPH_TEXT * s.paragraphs;
    if ld > PROSE_LINK_DENSITY || !sentences || s.text.saturating_sub(s.link_text) < 150 {
        return false;
    }
    let (mut inline, mut all) = (0u32, 0u32);
    for a in doc.descendants(n).filter(|&d| doc.is(d, "a")) {
        let t = stats.get(a).text;
        all += t;
        if doc
            .ancestor_named(a, "p", 0)
            .is_some_and(|p| doc.contains(n, p))
        {
            inline += t;
        }
    }
    inline * 10 >= all * 9
}

/// True for tables of data (headers, captions, many cells), false for layout tables.
pub fn is_data_table(doc: &Document, t: NodeId) -> bool {
    if doc.attr(t, "role") == Some("presentation") || doc.attr(t, "datatable") == Some("0") {
        return false;
    }
    if doc.attr(t, "summary").is_some() {
        return true;
    }
    // The tags asked about below, found in one walk of the table.
    let (mut caption, mut headers, mut inner_table, mut rows) = (None, false, false, Vec::new());
    let mut cur = doc.first_child(t);
    while let Some(n) = cur {
        match doc.tag(n) {
            Some("caption") if caption.is_none() => caption = Some(n),
            Some("col" | "colgroup" | "tfoot" | "thead" | "th") => headers = true,
            Some("table") => inner_table = true,
            Some("tr") => rows.push(n),
            _ => {}
        }
        cur = doc.next_in(t, n, false);
    }
    if caption.is_some_and(|c| !doc.inner_text(c).is_empty()) || headers {
        return true;
    }
    if inner_table {
        return false;
    }
    let cols = rows
        .iter()
        .map(|&r| doc.element_children(r).len())
        .max()
        .unwrap_or(0);
    rows.len() >= 10 || cols > 4 || rows.len() * cols > 10
}

/// Least text of an entry (a list's card, a thread's post) beside its byline.
const ENTRY_TEXT: u32 = 30;

/// Byline blocks left in the text (author, place, date) repeat the reader view's header. In a
/// thread (`thread`: the page declares itself a discussion) each post's byline names its
/// poster, which no header repeats: there a byline keeps its first line, the name, and loses
/// the poster's card around it (rank, join date, post count, one per line).
fn remove_byline_blocks(doc: &mut Document, article: NodeId, last: &mut LastStats, thread: bool) {
    let stats = last.measure(doc, article);
    let is_byline = |doc: &Document, n| {
        doc.tag(n).is_some_and(|t| !matches!(t, "p" | "figcaption"))
            && stats.get(n).text < 150
            && stats.get(n).images == 0
            && doc.ancestor_named(n, "figure", 0).is_none()
            && doc.ancestor_named(n, "blockquote", 0).is_none()
            && super::prepare::names_a_byline(doc, n)
    };
    let bylines = doc.collect_where(article, &|d| is_byline(doc, d));
    if !thread && bylines_heading_entries(doc, article, &bylines, stats) < 4 {
        // The outermost go, as a removal walk would take them (the test is not run again).
        for b in bylines {
            if b != article && doc.contains(article, b) {
                doc.detach(b);
            }
        }
        return;
    }
    let block = |doc: &Document, d| doc.tag(d).is_some_and(|t| !PHRASING.contains(t));
    for b in bylines {
        // Lines of the card: blocks of text holding no block (an avatar's letter is none).
        let lines = doc.collect_where(b, &|d| {
            d != b
                && block(doc, d)
                && stats.get(d).text > 1
                && !doc.descendants(d).skip(1).any(|e| block(doc, e))
        });
        for &line in lines.iter().skip(1) {
            doc.detach(line);
        }
    }
}

/// How many of `bylines` (in document order) head an entry: the largest block around one that
/// holds no other byline holds text of its own (a card's headline and summary, a post), not
/// only the byline (one of an article's several credits: author, reviewer, fact checker).
/// Linear in the bylines and their depth: each block counts the bylines it holds once.
fn bylines_heading_entries(
    doc: &Document,
    article: NodeId,
    bylines: &[NodeId],
    stats: &TextStats,
) -> usize {
    // In document order a byline inside another follows it before any byline outside it.
    let mut outermost: Vec<NodeId> = Vec::new();
    for &b in bylines {
        if outermost.last().is_none_or(|&o| !doc.contains(o, b)) {
            outermost.push(b);
        }
    }
    let mut held = vec![0u32; doc.len()];
    for &b in &outermost {
        let mut p = doc.parent(b);
        while let Some(a) = p.filter(|&a| a != article) {
            held[a.index()] += 1;
            p = doc.parent(a);
        }
    }
    let heads_entry = |b: NodeId| {
        let mut item = b;
        while let Some(p) = doc
            .parent(item)
            .filter(|&p| p != article && held[p.index()] == 1)
        {
            item = p;
        }
        stats.get(item).text > stats.get(b).text + ENTRY_TEXT
    };
    outermost.iter().filter(|&&b| heads_entry(b)).count()
}

/// Longest date line taken out of the text.
const DATELINE_CHARS: u32 = 64;

/// The article's date on a line of its own ("Published June 23, 2025", a bare `<time>`), which
/// the reader view's header shows: a short block named as a date line or holding a `<time>`,
/// whose whole text is a date. Taken only when it is the one such line in the text: a
/// thread's posts and a list's entries each carry theirs, and keep them.
fn remove_lone_dateline(
    doc: &mut Document,
    article: NodeId,
    last: &mut LastStats,
    removed: &mut Removals,
) {
    let stats = last.measure(doc, article);
    let mut found: Option<NodeId> = None;
    for n in doc.descendants(article) {
        let len = stats.get(n).text;
        if n == article
            || len == 0
            || len > DATELINE_CHARS
            || !matches!(doc.tag(n), Some("p" | "div" | "span" | "time"))
            || found.is_some_and(|f| doc.contains(f, n))
            || !(patterns::matches(patterns::DATELINE, match_string(doc, n))
                || doc.is(n, "time")
                || !doc.find_all(n, "time").is_empty())
        {
            continue;
        }
        let text = doc.inner_text(n); // trimmed
        if !super::metadata::is_dateline(&text) || super::metadata::published_day(&text).is_none() {
            continue;
        }
        if found.is_some() {
            return;
        }
        found = Some(n);
    }
    if let Some(n) = found {
        removed.record(doc, n, ClutterKind::Other);
        doc.detach(n);
    }
}

/// The headline is shown above the article; drop its copy at the top of the text.
fn remove_title_heading(doc: &mut Document, article: NodeId, title: &str) {
    let heading = doc
        .descendants(article)
        .filter(|&n| matches!(doc.tag(n), Some("h1" | "h2")))
        .take(2)
        .find(|&h| super::metadata::heading_names_title(doc, h, title));
    if let Some(h) = heading {
        doc.detach(h);
    }
    // A reply's subject line, "Re: " and the thread's subject (the title, or its first part
    // before the forum's name): it says nothing the title does not.
    remove_where(doc, article, |doc, n| {
        super::prepare::heading_rank(doc, n).is_some()
            && doc
                .inner_text(n)
                .strip_prefix("Re: ")
                .is_some_and(|s| s.len() * 2 > title.len() && title.starts_with(s))
    });
}

/// The article's own header block (section link, headline, byline, date) repeats what the
/// reader view's header shows. It comes before the first real paragraph, holds no paragraph of
/// its own, and carries a headline, a `<time>` or a byline. Its pictures stay, the rest goes.
fn remove_article_headers(doc: &mut Document, article: NodeId, last: &mut LastStats) {
    let stats = last.measure(doc, article);
    // A paragraph, or a run of text set straight in a block beside other blocks (a post's
    // text between its quotation and its code box, which no `<p>` holds).
    let is_text = |d: NodeId| {
        if doc.is(d, "p") {
            return stats.get(d).text >= 80;
        }
        doc.text(d).is_some_and(|t| t.trim().len() >= 80)
            && doc
                .parent(d)
                .is_some_and(|p| matches!(doc.tag(p), Some("div" | "section" | "blockquote")))
    };
    let mut headers = Vec::new();
    for n in doc.descendants(article) {
        if is_text(n) {
            break; // the text has started
        }
        if n == article
            || !matches!(doc.tag(n), Some("header" | "div" | "section" | "hgroup"))
            || stats.get(n).text >= 400
        {
            continue;
        }
        let holds_text = doc.descendants(n).any(is_text);
        let announces = doc.is(n, "header")
            || doc.descendants(n).skip(1).any(|d| {
                matches!(doc.tag(d), Some("h1" | "time"))
                    || (doc.tag(d).is_some() && super::prepare::names_a_byline(doc, d))
                    || doc.attr(d, "rel") == Some("author")
            });
        // The smallest such block would be just the byline; take the outermost one. (In
        // document order a block inside a header follows it before any other header.)
        if !holds_text && announces && headers.last().is_none_or(|&h| !doc.contains(h, n)) {
            headers.push(n);
        }
    }
    // Blocks holding most of the text are no header of it: a list of items, each with its
    // headline or its date, and no paragraph before them.
    let header_text: u32 = headers.iter().map(|&h| stats.get(h).text).sum();
    if header_text * 2 > stats.get(article).text {
        return;
    }
    // Blocks side by side, [`REPEATED_HEADERS`] or more under one parent, are items (quotes
    // of a carousel over their authors' names, cards with their dates), not its header.
    // (Counted per parent: on a page of thousands of cards, each one's count over all the
    // others took the square of their number.)
    let mut under = vec![0usize; doc.len()];
    for p in headers.iter().filter_map(|&h| doc.parent(h)) {
        under[p.index()] += 1;
    }
    headers.retain(|&h| {
        doc.parent(h)
            .is_none_or(|p| under[p.index()] < REPEATED_HEADERS)
    });
    for h in headers {
        let media = doc.collect_where(h, &|d| {
            matches!(doc.tag(d), Some("figure" | "picture"))
                || (doc.is(d, "img")
                    && doc.ancestor_named(d, "figure", 0).is_none()
                    && doc.ancestor_named(d, "picture", 0).is_none())
        });
        for m in media {
            doc.insert_before(h, m);
        }
        doc.detach(h);
    }
}

/// Fewest header-like blocks under one parent that are a list's items, not the article's
/// header (see [`remove_article_headers`]).
const REPEATED_HEADERS: usize = 3;

/// A copyright line closing an article's text is the site's footer, not the article.
const COPYRIGHT_OPENERS: crate::extract::patterns::Words =
    crate::extract::patterns::words!["©", "copyright", "(c) ", "all rights reserved"];

/// Verbs that follow an author's name at the start of a bio ("Dana Reyes is a reporter…").
const BIO_VERBS: crate::extract::patterns::Words = crate::extract::patterns::words![
    "is",
    "has",
    "was",
    "writes",
    "covers",
    "joined",
    "leads",
    "holds",
    "manages",
    "worked",
    "works",
    "founded",
    "started",
    "brings",
    "specializes",
    "lives",
    "earned",
    "graduated",
    "teaches",
];

/// Most text of an author's bio closing the article (all its blocks).
const BIO_TEXT: usize = 1000;

/// How far into a block the author's full name may stand and still open a bio ("A New York
/// transplant, Dana Reyes has covered…").
const BIO_NAME_REACH: usize = 120;

/// True when `lower` reads as a bio of one of `authors` (lowercased full names): the full name
/// near the start followed by a verb of [`BIO_VERBS`]. (A first name alone is left: an
/// organisation's byline, "Acme Editorial Team", would make "Acme is…" a bio.)
fn opens_bio(lower: &str, authors: &[String]) -> bool {
    authors.iter().any(|name| {
        lower
            .match_indices(name.as_str())
            .take_while(|&(i, _)| i <= BIO_NAME_REACH)
            .any(|(i, _)| {
                let rest = &lower[i + name.len()..];
                (i == 0 || lower[..i].ends_with(' '))
                    && rest.starts_with(' ')
                    && BIO_VERBS.contains(rest.trim_start().split(' ').next().unwrap_or(""))
            })
    })
}

/// The first of `block` and the element siblings just before it that opens a bio of one of
/// `authors`, when all of them from there hold at most [`BIO_TEXT`] characters and those after
/// it are paragraphs: a bio set as several paragraphs ends with one that does not name the
/// author.
fn bio_start(doc: &Document, block: NodeId, authors: &[String]) -> Option<NodeId> {
    // No name, no bio: the blocks are not read.
    if authors.is_empty() {
        return None;
    }
    let (mut found, mut total) = (None, 0);
    let mut cur = Some(block);
    while let Some(n) = cur {
        let lower = into_lowercase(doc.inner_text(n));
        total += lower.chars().count();
        if total >= BIO_TEXT {
            break;
        }
        // A bio is prose: a list that opens with the author's name is the article's own
        // account of its testers ("Why we're the experts").
        if matches!(doc.tag(n), Some("p" | "div" | "section")) && opens_bio(&lower, authors) {
            found = Some(n);
        } else if !doc.is(n, "p") {
            // Only paragraphs continue a bio: a heading or a list opens another section.
            break;
        }
        cur = doc.prev_sibling(n);
        while let Some(p) = cur.filter(|&p| doc.tag(p).is_none()) {
            cur = doc.prev_sibling(p);
        }
    }
    found
}

/// Trims what trails the article's last paragraph: a heading with nothing after it (its list
/// of related links went), a copyright line, and a short bio that opens with the author's name.
/// Repeats until the last block is none of these.
pub fn trim_tail(doc: &mut Document, article: NodeId, authors: &[&str], removed: &mut Removals) {
    cut_at_closing_section(doc, article, removed);
    // Each name of two words or more, split at commas and ampersands, and (apart) at "and".
    let mut names = Vec::new();
    for a in authors {
        for name in a.split([',', '&']).chain(a.split(" and ")) {
            let name = lowercase(&fold_whitespace(name));
            if name.split(' ').count() >= 2 {
                names.push(name);
            }
        }
    }
    let authors = names;
    // One lone link at most: several in a row are a list of links the text ends with.
    let mut lone_link_taken = false;
    for _ in 0..8 {
        let Some(block) = last_text_block(doc, article) else {
            return;
        };
        if block == article
            || doc.ancestor_named(block, "figure", 0).is_some()
            || media_after(doc, article, block)
        {
            return;
        }
        // Folded already: no second copy.
        let text = doc.inner_text(block);
        let lower = lowercase(&text);
        let len = text.chars().count();
        let heading = matches!(
            doc.tag(block),
            Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6")
        );
        let copyright = len < 200 && COPYRIGHT_OPENERS.iter().any(|o| lower.starts_with(o));
        if let Some(start) = bio_start(doc, block, &authors) {
            // The bio's paragraphs from its first to the last.
            let mut cur = Some(start);
            while let Some(n) = cur {
                cur = (n != block).then(|| doc.next_sibling(n)).flatten();
                removed.record(doc, n, ClutterKind::AuthorBox);
                doc.detach(n);
            }
            continue;
        }
        // The author's name on a line of its own, or with a role after it ("Jane Doe, Staff
        // Writer"): the author box's heading.
        let author_line = len <= 80
            && !lower.ends_with('.')
            && authors.iter().any(|name| {
                lower
                    .strip_prefix(name.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ',']))
            });
        let label = len <= 60 && is_tail_label(&lower);
        // A line that is one link and nothing else (the next post, the forum's index, an
        // event), outside a list of links the text may end with.
        let lone_link = !lone_link_taken
            && len <= 100
            && !doc.is(block, "li")
            && doc.ancestor_named(block, "li", 0).is_none()
            && {
                let links = doc.find_all(block, "a");
                links.len() == 1 && doc.inner_text(links[0]).chars().count() == len
            };
        let opener = len <= 320
            && patterns::TAIL_LINE_OPENERS
                .iter()
                .any(|o| lower.starts_with(o));
        let kind = if author_line {
            ClutterKind::AuthorBox
        } else if label || opener || lone_link {
            lone_link_taken |= lone_link;
            classify(doc, block, ClutterKind::Other)
        } else if copyright {
            ClutterKind::Navigation
        } else if heading {
            classify(doc, block, ClutterKind::Other)
        } else {
            return;
        };
        removed.record(doc, block, kind);
        doc.detach(block);
    }
}

/// Most of the text, in percent, that a closing heading may have after it: a newspaper's
/// box of other stories, each with its category, author, date and opening lines, runs to
/// two fifths of a short story's text.
const RELATED_SHARE: u32 = 45;

/// A heading near the end that announces related reading ("You might also like", "Read this
/// next") starts the page's links to elsewhere: it and everything after it go. Only when
/// most of the text comes before it, so that a related box in mid-article costs nothing.
pub fn cut_at_closing_section(doc: &mut Document, article: NodeId, removed: &mut Removals) {
    let stats = TextStats::measure(doc, article);
    let total = stats.get(article).text;
    // Items of plain link lists (brands, categories: all their text a link, no picture or
    // headline as a card has) count apart: the related section's own, after its heading
    // they do not make it the article's text.
    let (mut before, mut link_items) = (0u32, 0u32);
    // Every closing heading with the text before it and the link items before it: a
    // wording met more than once labels each item of a list ("Tags" under every post), not
    // the end of the article.
    let mut found: Vec<(NodeId, u32, u32, String)> = Vec::new();
    let mut cur = doc.first_child(article);
    while let Some(n) = cur {
        if doc.text(n).is_some() {
            before += stats.get(n).text;
        } else if doc.is(n, "li") {
            let s = stats.get(n);
            if s.text > 0 && s.link_text == s.text && s.heading_text == 0 && s.images == 0 {
                before += s.text;
                link_items += s.text;
                cur = doc.next_in(article, n, true);
                continue;
            }
        }
        // A heading, or a block whose whole text is a closing heading's exact wording (themes
        // style a `<div>` or a `<p><strong>` as the heading).
        let heading = match doc.tag(n) {
            Some("h2" | "h3" | "h4" | "h5" | "h6") => true,
            Some(t) => {
                stats.get(n).text <= 60
                    && !patterns::PHRASING.contains(t)
                    && is_exact_closing_heading(&doc.inner_text(n))
            }
            None => false,
        };
        if heading && stats.get(n).text <= 60 {
            let text = into_lowercase(doc.inner_text(n));
            if opens_related_section(&text) {
                found.push((n, before, link_items, text));
                before += stats.get(n).text;
                cur = doc.next_in(article, n, true);
                continue;
            }
        }
        cur = doc.next_in(article, n, false);
    }
    let cut = found.iter().find_map(|(n, before, items_before, text)| {
        let after = (total - before.min(&total)).saturating_sub(link_items - items_before);
        // The same heading twice in a row (a box's title and its list's) is one heading.
        let len = stats.get(*n).text;
        (*before >= 500
            && after * 100 <= total * RELATED_SHARE
            && !found
                .iter()
                .any(|(_, b, _, t)| t == text && b.abs_diff(*before) > len))
        .then_some(*n)
    });
    let Some(heading) = cut else { return };
    let mut at = heading;
    while at != article {
        while let Some(next) = doc.next_sibling(at) {
            removed.record(doc, next, ClutterKind::Related);
            doc.detach(next);
        }
        let Some(parent) = doc.parent(at) else { break };
        at = parent;
    }
    removed.record(doc, heading, ClutterKind::Related);
    doc.detach(heading);
}

/// True when the whole text is one of [`patterns::CLOSING_HEADINGS`] (not an opener: a
/// block reading "More from …" may be a link).
fn is_exact_closing_heading(text: &str) -> bool {
    let text = lowercase(&fold_whitespace(text));
    patterns::CLOSING_HEADINGS.contains(patterns::trim_by(&text, &|c| !c.is_alphanumeric()))
}

/// A heading that is an invitation to read elsewhere ("You might also like", "More from
/// Wired"), by the closing-heading tables.
fn opens_related_section(heading: &str) -> bool {
    let text = lowercase(&fold_whitespace(heading));
    let text = patterns::trim_by(&text, &|c| !c.is_alphanumeric());
    patterns::CLOSING_HEADINGS.contains(text)
        || patterns::CLOSING_HEADING_OPENERS
            .iter()
            .any(|o| text.starts_with(o))
}

/// A short line that closes a page, not a text: a closing heading or a sharing, comment or
/// tag label (by [`patterns::TAIL_LABELS`]).
fn is_tail_label(lower: &str) -> bool {
    let text = patterns::trim_by(lower, &|c| !c.is_alphanumeric());
    patterns::TAIL_LABELS.contains(text) || opens_related_section(text)
}

/// True when a picture or video follows `block` in the article (a heading over a gallery).
fn media_after(doc: &Document, article: NodeId, block: NodeId) -> bool {
    let mut cur = doc.next_in(article, block, true);
    while let Some(n) = cur {
        if matches!(
            doc.tag(n),
            Some("img" | "picture" | "video" | "figure" | "iframe")
        ) {
            return true;
        }
        cur = doc.next_in(article, n, false);
    }
    false
}

/// The innermost block holding the article's last words.
fn last_text_block(doc: &Document, article: NodeId) -> Option<NodeId> {
    let last_text = doc
        .descendants(article)
        .filter(|&n| doc.text(n).is_some_and(|t| !trim(t).is_empty()))
        .last()?;
    let mut cur = doc.parent(last_text);
    while let Some(n) = cur {
        if n == article || doc.tag(n).is_some_and(|t| !PHRASING.contains(t)) {
            return Some(n);
        }
        cur = doc.parent(n);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::html::parse_html;

    /// The text the reader shows for an article of a few paragraphs with `extra` in it.
    fn shown_with(extra: &str) -> String {
        let para = "<p>The council met on Tuesday to weigh the plan for the river path, which \
                    would link the two parks by a boardwalk along the east bank, and heard \
                    from residents on both sides of the question for most of the evening.</p>";
        let html = format!(
            "<html><body><article><h1>River path</h1>{para}{extra}{para}{para}</article>\
             </body></html>"
        );
        crate::extract_html(&html, None).expect("the article").text
    }

    #[test]
    fn a_card_whose_classes_name_a_social_network_is_not_a_share_bar() {
        // A story's card, its taxonomy classes naming its subject (WordPress writes them),
        // then a real share bar.
        let card =
            "<div class=\"post hentry category-social tag-x\"><a href=\"/social\">Social</a>\
                    <h3><a href=\"/x-tests-ads\">X is testing a new ad format that connects \
                    posts with products</a></h3><a href=\"/author/sp\">Sarah Perez</a></div>";
        let bar = "<div class=\"social-share\"><h4>Share this:</h4><ul>\
                   <li><a href=\"/s?fb\">Facebook</a></li><li><a href=\"/s?x\">X</a></li>\
                   <li><a href=\"/s?in\">LinkedIn</a></li></ul></div>";
        let text = shown_with(&format!("{card}{bar}"));
        assert!(text.contains("X is testing a new ad format"), "{text}");
        assert!(!text.contains("Share this"), "{text}");
        assert!(!text.contains("LinkedIn"), "{text}");
    }

    #[test]
    fn cards_linked_whole_around_a_description_stay_teasers_and_product_cards_go() {
        // A service page's grid: each card a link around its heading and a summary.
        let card = |name: &str, extra: &str| {
            format!(
                "<div class=\"card\"><a href=\"/services/{name}\"><h3>{name} services</h3>\
                 <p>We help you plan, build and run {name} work that fits your business, \
                 from the first review to the daily running of it.{extra}</p></a></div>"
            )
        };
        let grid = |extra: &str| {
            let cards: String = ["Audit", "Tax", "Cloud", "Privacy"]
                .iter()
                .map(|n| card(n, extra))
                .collect();
            format!("<div class=\"grid\">{cards}</div>")
        };
        let text = shown_with(&grid(""));
        assert!(text.contains("the daily running of it"), "{text}");
        // Priced cards (a shop's products) and dated ones (stories) are still link lists.
        for extra in [" From $99.00", "<time datetime=\"2024-05-01\">May 1</time>"] {
            let text = shown_with(&grid(extra));
            assert!(!text.contains("the daily running of it"), "{text}");
        }
    }

    #[test]
    fn a_grid_of_described_cards_named_promo_stays_a_priced_promo_goes() {
        // A content manager's service cards, each in a block named `promo`: they are the
        // page's text, not another's ad.
        let grid = |extra: &str| {
            let cards: String = ["Audit", "Tax", "Cloud", "Privacy"]
                .iter()
                .map(|name| {
                    format!(
                        "<div class=\"promo cmp-promo__services\"><a href=\"/s/{name}\">\
                         <div class=\"cmp-promo__content\"><h3>{name}</h3><div>Our {name} \
                         teams help you plan and run the work that fits your business, from \
                         the first review onwards.{extra}</div><span>Find out more</span>\
                         </div></a></div>"
                    )
                })
                .collect();
            format!("<div class=\"cmp-promo-container-wrapper\">{cards}</div>")
        };
        let text = shown_with(&grid(""));
        assert!(text.contains("from the first review onwards"), "{text}");
        let text = shown_with(&grid(" Now $9.99 a month."));
        assert!(!text.contains("from the first review onwards"), "{text}");
    }

    #[test]
    fn a_section_laid_out_again_for_another_screen_goes_repeated_paragraphs_stay() {
        // A site builder's two copies of one section, side by side, each with its own
        // classes (the style sheet shows one per screen size): the reader shows it once.
        let section = |class: &str| {
            format!(
                "<div class=\"{class}\"><h3>Why the boardwalk</h3><p>The boardwalk keeps \
                 walkers off the flood plain and lets the reeds grow back along the bank.</p>\
                 </div>"
            )
        };
        let text = shown_with(&format!("{}{}", section("v-desk"), section("v-phone")));
        assert_eq!(text.matches("reeds grow back").count(), 1, "{text}");
        // Paragraphs said twice in a row stay (filler text, a refrain), and so does a
        // caption under a video whose fallback text says the same.
        let refrain = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do \
                       eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>";
        let text = shown_with(&format!("{refrain}{refrain}"));
        assert_eq!(text.matches("Lorem ipsum").count(), 2, "{text}");
        let caption = "Predicted yields of wheat and maize to the end of the century, from an \
                       ensemble of crop and climate models.";
        let text = shown_with(&format!(
            "<section><div><video controls src=\"/v.mp4\"><p>{caption}</p></video></div>\
             <div><p>{caption}</p></div></section>"
        ));
        assert!(text.contains("Predicted yields"), "{text}");
    }

    #[test]
    fn an_items_authors_set_apart_by_commas_stay_a_row_of_bare_links_goes() {
        // A list of papers (cleaned as a list, not by shape): each entry's authors are links
        // set apart by commas, which stay; a row of links with only bars between them goes.
        let entry = |i: usize| {
            format!(
                "<div class=\"entry\"><div>Learning to rank river crossings, part {i}</div>\
                 <p><a href=\"/a/{i}1\">Ada Byron</a>, <a href=\"/a/{i}2\">Alan Kay</a>, \
                 <a href=\"/a/{i}3\">Grace Hopper</a></p></div>"
            )
        };
        let entries: String = (1..=4).map(entry).collect();
        let bar = "<p><a href=\"/r\">Order Reprints</a> | <a href=\"/p\">Today's Paper</a> | \
                   <a href=\"/s\">Subscribe</a></p>";
        let cleaned = |flags: Flags| {
            let mut doc = parse_html(&format!("<body><div>{entries}{bar}</div></body>"), None);
            let list = doc.find_all(doc.body().unwrap(), "div")[0];
            clean_article(&mut doc, list, flags, None, &mut Removals::default());
            doc.text_content(list)
        };
        let text = cleaned(crate::extract::LADDER[3]);
        assert!(
            text.contains("Grace Hopper") && !text.contains("Reprints"),
            "{text}"
        );
        // An article cleaned by shape keeps its old rule: any row of bare links goes.
        assert!(!cleaned(crate::extract::LADDER[0]).contains("Grace Hopper"));
    }

    #[test]
    fn a_cards_linked_title_in_a_block_named_header_stays_a_page_header_goes() {
        // A shop's grid: each card's title is a linked heading in a block its theme names
        // the card's "header". In a list item it names the item; the same block outside a
        // list is page chrome.
        let card = |i: usize| {
            format!(
                "<li class=\"item-card\"><div class=\"item-card__header\"><a href=\"/itm/{i}\">\
                 <h3>Brass desk lamp {i} with a green glass shade</h3></a></div>\
                 <div class=\"item-card__body\"><span>${i}9.00</span> <span>Free shipping</span> \
                 <span>Ships from Ohio in two days</span> <span>{i}4 sold</span></div></li>"
            )
        };
        let cards: String = (1..=8).map(card).collect();
        let clean = |block: &str| {
            let mut doc = parse_html(&format!("<body><div id=a>{block}</div></body>"), None);
            let article = doc.find_all(doc.body().unwrap(), "div")[0];
            clean_article(
                &mut doc,
                article,
                crate::extract::LADDER[0],
                None,
                &mut Removals::default(),
            );
            doc.text_content(article)
        };
        let grid = clean(&format!("<ul class=\"results\">{cards}</ul>"));
        for i in 1..=8 {
            assert!(grid.contains(&format!("lamp {i} with")), "{grid}");
        }
        let header = clean(
            "<div class=\"site-header\"><a href=\"/\"><h3>Lamps and Lights</h3></a></div>\
             <p>Our lamps are made by hand in a small workshop, one at a time, from brass and glass.</p>",
        );
        assert!(!header.contains("Lamps and Lights"), "{header}");
        // Cards set as `<article>`s, the title a few levels down: the same. In a thread, an
        // `<article>` is a post, and a linked heading block at its top is the poster's card.
        let card = |i: usize| {
            format!(
                "<article class=\"card\"><div class=\"card__inner\"><div class=\"card__header\">\
                 <a href=\"/itm/{i}\"><h3>Brass desk lamp {i} with a green glass shade</h3></a></div>\
                 <div class=\"card__body\"><p>A lamp of solid brass turned on a lathe in Ohio, its \
                 shade blown from green glass, wired for any bulb and signed underneath by the \
                 maker who built it, in a workshop of four people that has made lamps since the war.</p><span>${i}9.00</span></div></div></article>"
            )
        };
        let cards: String = (1..=8).map(card).collect();
        let grid = clean(&format!("<div class=\"results\">{cards}</div>"));
        for i in 1..=8 {
            assert!(grid.contains(&format!("lamp {i} with")), "{grid}");
        }
        let mut doc = parse_html(&format!("<body><div id=a>{cards}</div></body>"), None);
        let article = doc.find_all(doc.body().unwrap(), "div")[0];
        let thread = Flags {
            thread: true,
            ..crate::extract::LADDER[0]
        };
        clean_article(&mut doc, article, thread, None, &mut Removals::default());
        assert!(
            !doc.text_content(article).contains("lamp 1 with"),
            "{}",
            doc.text_content(article)
        );
    }

    #[test]
    fn formulas_drawn_as_images_are_text_not_pictures() {
        // A proof indented under a statement, its formulas drawn as images (TeX in their alt
        // text): no paragraph and several images, yet a sentence, not a gallery. A block of
        // two pictures with no paragraph still goes.
        let img = |alt: &str| format!("<img src=\"/math/{}.svg\" alt=\"{alt}\">", alt.len());
        let proof = format!(
            "<dl><dd><i>Proof:</i> {} by definition. Thus the entries agree if and only if {} \
             (the entry is real).</dd></dl>",
            img(r"{\displaystyle H_{ij}={\overline {H}}_{ji}}"),
            img(r"H_{ij}=\overline{H}_{ij}")
        );
        assert!(shown_with(&proof).contains("by definition"));
        let gallery = format!(
            "<dl><dd>Photos of the day {} {}</dd></dl>",
            img("A heron"),
            img("The boardwalk")
        );
        assert!(!shown_with(&gallery).contains("Photos of the day"));
    }

    #[test]
    fn a_note_that_points_to_other_pages_goes_a_note_of_text_stays() {
        // A wiki's hatnote ("Main article: …", "For …, see …") is a note (ARIA `note`) of
        // links: judged as a block, it goes. A note of text, and a line of the text with as
        // many links that is no note, stay.
        let text = shown_with(
            "<h2>History</h2><div role=note class=hatnote>Main article: \
             <a href=/wiki/Path>History of the river path</a></div>\
             <div role=note>Note: the boardwalk closes at dusk in winter.</div>\
             <div>Minutes: <a href=/m/1>March meeting</a></div>",
        );
        assert!(!text.contains("Main article"), "{text}");
        assert!(text.contains("closes at dusk"), "{text}");
        assert!(text.contains("March meeting"), "{text}");
    }

    #[test]
    fn a_list_that_tells_of_a_signup_without_a_link_stays_a_signup_prompt_goes() {
        // A team's weekly notes list the experiments it runs, one of them a new signup
        // button: a list of the text, with nothing to follow. A prompt keeps going.
        let text = shown_with(
            "<ul><li>We are running three experiments this week:<ul>\
             <li>Pocket stories on the new tab page in two more countries</li>\
             <li>A new signup and login call to action in the doorhanger</li>\
             <li>Some changes to how stories are personalised</li></ul></li></ul>\
             <div>Sign up for our newsletter <a href=/join>Join</a></div>",
        );
        assert!(text.contains("new signup and login"), "{text}");
        assert!(!text.contains("our newsletter"), "{text}");
    }

    #[test]
    fn a_list_whose_items_open_with_words_before_their_links_stays_a_link_list_goes() {
        // Weekly notes: each item a sentence with its links inside. A list of links, each
        // item opening with its link, still goes.
        let text = shown_with(
            "<ul><li>Neil has patches up to <a href=/b/1>improve the tab unloader</a>, and \
             <a href=/b/2>show a page when subframes crash</a></li>\
             <li>Our new contributor <a href=/b/3>removed an unused attribute</a></li></ul>\
             <ul><li><a href=/s/1>Parks of the county</a> in pictures</li>\
             <li><a href=/s/2>The boardwalk debate</a> explained</li></ul>",
        );
        assert!(text.contains("Neil has patches"), "{text}");
        assert!(!text.contains("Parks of the county"), "{text}");
    }

    #[test]
    fn a_product_pages_second_copy_of_its_description_goes() {
        // A shop prints its description twice (once per screen size) and quotes a customer
        // who repeats it; a page that offers no product keeps its repeated notes.
        let desc = "<div class=desc><h3>Made to last</h3><p>Thrown by hand from speckled \
                    stoneware and glazed twice, so the mug keeps tea hot and survives the \
                    dishwasher for years.</p></div>";
        let quote = "<blockquote><p>Thrown by hand from speckled stoneware and glazed twice, so \
                     the mug keeps tea hot and survives the dishwasher for years.</p></blockquote>";
        let body = format!("<h1>Speckled mug</h1>{desc}<p>Holds 350 ml.</p>{quote}{desc}");
        let ld = r#"<script type="application/ld+json">{"@type":"Product","name":"Mug"}</script>"#;
        let shop = format!("<html><head>{ld}</head><body><main>{body}</main></body></html>");
        let text = crate::extract_html(&shop, None).expect("the product").text;
        assert_eq!(text.matches("Made to last").count(), 1, "{text}");
        assert_eq!(text.matches("Thrown by hand").count(), 2, "{text}");
        let page = format!("<html><body><main>{body}</main></body></html>");
        let text = crate::extract_html(&page, None).expect("the page").text;
        assert_eq!(text.matches("Made to last").count(), 2, "{text}");
    }

    #[test]
    fn a_product_pages_carousel_of_priced_products_goes_a_grid_of_two_dozen_stays() {
        // A shop's "more from this brand": each card a linked name and a price. The
        // product's own price and its three sizes stay.
        let card = |i: usize| {
            format!(
                "<li><a href=\"/p/{i}\">Linen overshirt {i}</a><span class=price>€3{i}.99</span></li>"
            )
        };
        let cards = |n: usize| (0..n).map(card).collect::<String>();
        let body = |n: usize| {
            format!(
                "<h1>Waxed jacket</h1><p class=price>€89.99</p><p>A waxed cotton jacket with a \
                 corduroy collar, two patch pockets and a quilted lining for cold mornings.</p>\
                 <ul class=sizes><li>S €89.99</li><li>M €89.99</li><li>L €94.99</li></ul>\
                 <h2>More from the brand</h2><ul class=carousel>{}</ul>",
                cards(n)
            )
        };
        let ld =
            r#"<script type="application/ld+json">{"@type":"Product","name":"Jacket"}</script>"#;
        let page = |n: usize| {
            format!(
                "<html><head>{ld}</head><body><main>{}</main></body></html>",
                body(n)
            )
        };
        let text = crate::extract_html(&page(8), None)
            .expect("the product")
            .text;
        assert!(
            text.contains("quilted lining") && text.contains("L €94.99"),
            "{text}"
        );
        assert!(!text.contains("Linen overshirt"), "{text}");
        let text = crate::extract_html(&page(24), None).expect("the grid").text;
        assert!(text.contains("Linen overshirt 23"), "{text}");
    }

    #[test]
    fn menus_set_as_text_between_bars_go_code_and_short_rows_stay() {
        let text = shown_with(
            "<div>Guidelines | FAQ | Lists | API | Security | Legal | Contact</div>\
             <p>Before | after | first | second</p>\
             <pre>cat log | sort | uniq -c | sort -n | head</pre>",
        );
        assert!(!text.contains("Guidelines"), "{text}");
        assert!(text.contains("Before | after"), "{text}");
        assert!(text.contains("uniq -c"), "{text}");
        assert!(is_bar_row("Hacker News new | past | comments | ask | show"));
        assert!(!is_bar_row(
            "The plan passed. | It was close. | Yes | No | Maybe"
        ));
    }

    #[test]
    fn a_list_of_dated_items_is_no_header_of_itself() {
        // Each event opens with its date and its headline, and no paragraph comes before
        // them: every item reads as an article's header, but together they are the page.
        let events = [
            (
                "Rust Nation",
                "A two-day conference on systems programming in Rust.",
            ),
            (
                "CloudConf",
                "Talks on running services at scale, from queues to caches.",
            ),
            (
                "Frontend Days",
                "Three tracks on browsers, design systems and accessibility.",
            ),
            (
                "Data Summit",
                "Pipelines, warehouses and the people who keep them running.",
            ),
            (
                "SecureCon",
                "Hands-on workshops on threat models and incident response.",
            ),
            (
                "Mobile Week",
                "Building apps for phones, watches and cars in one codebase.",
            ),
        ];
        let items: String = events
            .iter()
            .enumerate()
            .map(|(i, (name, about))| {
                format!(
                    "<div class=\"event\"><time datetime=\"2026-05-0{i}\">May {i}</time>\
                     <h3><a href=\"/e/{i}\">{name}</a></h3><div>{about}</div></div>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><nav><a href=/a>Home</a> <a href=/b>Meetups</a></nav><main>\
             <h1>Tech conferences in Europe</h1><div class=\"events\">{items}</div></main></body></html>"
        );
        let text = crate::extract_html(&html, None).expect("the list").text;
        for (name, about) in events {
            assert!(text.contains(name) && text.contains(about), "{text}");
        }
    }

    #[test]
    fn a_carousel_of_quotes_over_their_authors_names_is_no_header() {
        // Quotes of clients, each over its author's name (named as a byline), set before the
        // page's first paragraph: each reads as an article's header, together they are items.
        let quotes = [
            (
                "They wrote a resume that landed me three offers.",
                "Lynn B.",
            ),
            (
                "I only applied to one job and got the interview.",
                "Grant M.",
            ),
            ("Looking at my new resume was like a makeover.", "Beth B."),
            ("Within a month I had six calls from employers.", "Ali S."),
            ("Professional, quick and kind from start to end.", "Dana R."),
            ("The best money I spent on my job search so far.", "Omar K."),
            (
                "My new letter finally sounds like me, only better.",
                "Ines T.",
            ),
        ];
        let slides: String = quotes
            .iter()
            .map(|(quote, name)| {
                format!(
                    "<div class=\"slide\"><div class=\"quote\"><h3>{quote}</h3></div>\
                     <div class=\"testimonial-author\"><p>{name}, client</p></div></div>"
                )
            })
            .collect();
        let para = "<p>Our writers rework your resume with you over two weeks, from a first \
                    call about the jobs you want to the last read of the letter that goes \
                    with it, and stay on hand for the interviews that follow.</p>";
        let html = format!(
            "<html><head><meta name=author content=\"Resume Co\"></head><body><main>\
             <h1>Resume writing</h1><div class=\"slides\">{slides}</div>{para}{para}{para}\
             </main></body></html>"
        );
        let text = crate::extract_html(&html, None).expect("the page").text;
        for (quote, _) in quotes {
            assert!(text.contains(quote), "{text}");
        }
    }

    #[test]
    fn a_post_whose_text_no_paragraph_holds_is_no_header() {
        // A board prints each post's text straight in its block, beside a code box or a
        // quotation, and its date in a line named "author": no `<p>` of 80 characters comes
        // before the short replies, which read as headers until bare text counts as text.
        let post = |i: usize, body: &str| {
            format!(
                "<div class=\"post bg{}\"><div class=\"postbody\"><h3><a href=\"#p{i}\">Re: Pump \
                 noise</a></h3><p class=\"author\"><a href=\"#p{i}\">Wed Dec 2{i}, 2023</a></p>\
                 <div class=\"content\">{body}<div class=\"codebox\"><pre><code>pump_quiet=on\
                 </code></pre></div></div></div></div>",
                i % 2
            )
        };
        let opening = "The pump hums all night after the update, and the setting from the old \
                       manual makes no difference at all on this model. "
            .repeat(4);
        let posts: String = [
            opening.as_str(),
            "Mine did the same until I moved the line to the other file, the one the new \
             firmware reads at boot, and then it went quiet.",
            "FWIW the hum also goes when the pump sits on a rubber mat, which helped me before \
             I found the setting in the firmware notes.",
        ]
        .iter()
        .enumerate()
        .map(|(i, b)| post(i + 1, b))
        .collect();
        let html = format!("<html><body><main><h1>Pump noise</h1>{posts}</main></body></html>");
        let text = crate::extract_html(&html, None).expect("the thread").text;
        assert!(text.contains("FWIW the hum also goes"), "{text}");
        assert!(text.contains("Mine did the same"), "{text}");
    }

    #[test]
    fn a_replys_subject_line_goes_a_heading_of_the_text_stays() {
        // Each reply is headed "Re: " and the thread's subject, which the title (with the
        // board's name after it) already shows. A heading that merely starts with "Re:"
        // (another subject, a word of the title) stays.
        let reply = |subject: &str| {
            format!(
                "<div class=\"post\"><h3>{subject}</h3><p>The pump hums all night after the \
                 update, and the setting from the old manual makes no difference at all.</p></div>"
            )
        };
        let html = format!(
            "<html><head><title>Pump noise after the update / Garden Forum</title></head><body>\
             <main><h1>Pump noise after the update</h1>{}{}{}{}</main></body></html>",
            reply("Pump noise after the update"),
            reply("Re: Pump noise after the update"),
            reply("Re: Pump"),
            reply("Re: Pond liners"),
        );
        let text = crate::extract_html(&html, None).expect("the thread").text;
        assert!(!text.contains("Re: Pump noise"), "{text}");
        assert!(
            text.contains("Re: Pond liners") && text.contains("Re: Pump"),
            "{text}"
        );
    }

    #[test]
    fn a_posts_count_of_likes_or_replies_goes() {
        for counter in [
            "<div><span class=\"post-likes\">7 Likes</span></div>",
            "<div>1,204 Replies</div>",
            "<p>0 Reply</p>",
            // A toggle's label over the replies, its number and word in spans apart.
            "<div class=\"replies\"><label class=\"show-replies\"><span class=\"toggle\"><span>1\
             </span>\n&nbsp;\n<span>Reply</span></span></label><div class=\"list\"></div></div>",
        ] {
            let text = shown_with(counter);
            assert!(!text.contains("Like") && !text.contains("Repl"), "{text}");
        }
        // A count of something else, or a sentence, is text.
        for line in ["<div>7 Lakes</div>", "<div>2 Likes it</div>"] {
            assert!(
                shown_with(line).contains(&line[5..line.len() - 6]),
                "{line}"
            );
        }
    }

    #[test]
    fn a_posters_status_alone_in_its_block_goes_a_label_in_a_list_stays() {
        // Each post of a thread ends with its poster's status, alone in its block: the
        // forum's, not the post's. The same word as an item's label in a list of courses is
        // the list's.
        for status in [
            "<div class=\"postfoot\"><p><span>Offline</span></p></div>",
            "<div><span>Online</span></div>",
        ] {
            let text = shown_with(status);
            assert!(!text.contains("line"), "{text}");
        }
        let courses = "<ul><li><p>Pond ecology, ten weeks</p><span>Online</span></li>\
                       <li><p>River birds, six weeks</p><span>Online</span></li></ul>";
        assert!(shown_with(courses).contains("Online"));
    }

    #[test]
    fn a_list_of_links_a_sentence_introduces_is_the_texts() {
        let links = |items: &[&str]| {
            let items: String = items
                .iter()
                .map(|i| format!("<li><p><a href=\"/pulls/{}\">{i}</a></p></li>", i.len()))
                .collect();
            format!("<div class=ulist><ul>{items}</ul></div>")
        };
        let patches = links(&[
            "Allow casts between integers and pointers",
            "Fix volatile loads and stores",
            "Add support for the weak variable attribute",
        ]);
        // Introduced by a sentence of the text (in its own wrapper, as AsciiDoc sets it):
        // kept, and the section around it with its other paragraphs.
        let text = shown_with(&format!(
            "<div class=sect><div class=paragraph><p>Many patches were sent for review              this month:</p></div>{patches}<p>More are planned.</p></div>"
        ));
        assert!(text.contains("Fix volatile loads"), "{text}");
        assert!(text.contains("sent for review"), "{text}");
        // A label, an invitation to read on, or links written as addresses are not.
        for lead in ["Read more:", "You might also like:"] {
            let text = shown_with(&format!("<p>{lead}</p>{patches}"));
            assert!(!text.contains("Fix volatile loads"), "{lead} {text}");
        }
        let text = shown_with(&format!(
            "<p>Here are the results of the test runs:</p>{}",
            links(&[
                "https://ci.example.org/runs/2003/job/57",
                "https://ci.example.org/runs/2004/job/58",
                "https://ci.example.org/runs/2005/job/59",
            ])
        ));
        assert!(!text.contains("ci.example.org"), "{text}");
    }

    #[test]
    fn a_call_to_action_between_the_paragraphs_goes_a_row_of_cards_so_named_stays() {
        // In a long text (on a short landing page, the calls to action are its text).
        let more = "<p>The boardwalk would run for two miles along the east bank, past the old \
                    mill and the rowing club, and cost less than the bridge.</p>"
            .repeat(4);
        let text = shown_with(&format!(
            "<div class=\"inline-cta\"><p>Thinking of selling? Get a free valuation of your \
             business from our brokers.</p><a class=btn href=/v>Request a valuation</a></div>\
             {more}"
        ));
        assert!(!text.contains("free valuation"), "{text}");
        assert!(text.contains("The council met"), "{text}");
        let card = |name: &str| {
            format!(
                "<div class=\"trail-cta\"><h2 class=\"cta__title\">{name}</h2><div \
                 class=\"cta__description\">Length: 5 miles<br>Difficulty: easy</div><a \
                 class=\"cta__button\" href=/t>View the map</a></div>"
            )
        };
        let text = shown_with(&format!(
            "<div class=trails>{}{}{}</div>",
            card("North Loop"),
            card("Mill Run"),
            card("Ridge Trail")
        ));
        assert!(text.contains("Mill Run"), "{text}");
        // Closing the text, in a section of its own, it goes too.
        let html = format!(
            "<html><body><article><h1>River path</h1>{more}{more}<section><div \
             id=\"cta-free-estimate\"><h2>Get started</h2><p>Fill out the form for a free \
             quote from our brokers.</p></div><div class=form></div></section></article>\
             </body></html>"
        );
        let text = crate::extract_html(&html, None).expect("the article").text;
        assert!(!text.contains("free quote"), "{text}");
        assert!(text.contains("rowing club"), "{text}");
    }

    #[test]
    fn boxes_named_for_the_authors_bio_go() {
        // Between the paragraphs or at the end, with or without a photo; a block so named
        // that holds an article's worth of text stays.
        for name in [
            "author__bio",
            "entry-author-description author_bio",
            "about-the-author",
        ] {
            let text = shown_with(&format!(
                "<div class=\"{name}\"><p>Dana Reyes has covered city hall for twelve years \
                 and writes about transport, housing and the river.</p></div>"
            ));
            assert!(!text.contains("Dana Reyes"), "{name}: {text}");
            assert!(text.contains("The council met"), "{text}");
        }
        let long = "<p>The boardwalk would run for two miles along the east bank, past the \
                    old mill and the rowing club, and cost less than the bridge.</p>"
            .repeat(10);
        let text = shown_with(&format!("<div class=author__bio>{long}</div>"));
        assert!(text.contains("the old mill"), "{text}");
    }

    #[test]
    fn copyright_notices_go_wherever_they_stand() {
        let text = shown_with(
            "<p>Copyright © 2023 Example Advisors, Inc. All Rights Reserved.</p>\
             <p>Copyright law reserves these rights to the author alone.</p>",
        );
        assert!(!text.contains("Example Advisors"), "{text}");
        assert!(text.contains("Copyright law"), "{text}");
        // A notice with its links to the site's terms runs past 200 characters.
        let text = shown_with(
            "<p>A catalog of bolts.</p><p>Copyright© 2026 Example Publishing Company. All \
             Rights Reserved. See <a href=/t>Terms and Conditions</a>, <a href=/p>Privacy \
             Statement</a> and <a href=/d>California Do Not Track Notice</a>. Website Last \
             Modified March 15, 2026.<br>Example Register® is part of Example.com.</p>",
        );
        assert!(!text.contains("Example Publishing"), "{text}");
    }

    #[test]
    fn a_line_pointing_to_another_piece_goes_a_sentence_about_it_stays() {
        let text = shown_with(
            "<p>Check the cord before each use.</p>\
             <h5>Related: <a href=/a>Three Tips for Preventative Maintenance</a></h5>\
             <p><strong>You might also like:</strong> <a href=/b>Ten Garden Tools</a></p>\
             <p>Related: the cost of a cord rises with its length, as <a href=/c>our \
             survey</a> found.</p>\
             <p><a href=/d><span>Related: Rich are paying more in taxes</span></a></p>",
        );
        assert!(!text.contains("Preventative"), "{text}");
        assert!(!text.contains("Garden Tools"), "{text}");
        assert!(text.contains("rises with its length"), "{text}");
        assert!(text.contains("paying more"), "{text}");
    }

    #[test]
    fn a_scrolling_frame_named_for_its_data_table_stays_with_the_table() {
        let rows: String = ["Onions", "Celery", "Carrots", "Garlic"]
            .iter()
            .map(|v| format!("<tr><td>{v}</td><td>80g</td><td>160g</td><td>320g</td></tr>"))
            .collect();
        let text = shown_with(&format!(
            "<div class=scrollable-table><div class=scrollable-table><table><thead><tr>\
             <th>Ingredients</th><th>Per person</th><th>For 2</th><th>For 4</th></tr>\
             </thead><tbody>{rows}</tbody></table></div></div>"
        ));
        assert!(text.contains("Celery"), "{text}");
    }

    #[test]
    fn short_disclaimer_blocks_go() {
        let text = shown_with(
            "<div class=\"disclaimer-container\"><p class=disclaimer>Products are chosen \
             independently by our editors. Purchases made through our links may earn us a \
             commission.</p></div>",
        );
        assert!(!text.contains("chosen independently"), "{text}");
    }

    #[test]
    fn a_long_disclaimer_goes_a_text_named_for_one_stays() {
        // The footnotes of a page's claims, longer than a short notice but a small part of
        // the text.
        let note = "<p>Based on publicly available data on competitors' number of customers \
                    in May of this year, as counted by the company's analysts.</p>";
        let text = shown_with(&format!(
            "<div class=legal-disclaimers><p>Disclaimers</p>{note}{note}{note}</div>"
        ));
        assert!(!text.contains("competitors"), "{text}");
        assert!(text.contains("boardwalk"), "{text}");
        // A wrapper so named around most of the text is the text.
        let para = "<p>The council met on Tuesday to weigh the plan for the river path, which \
                    would link the two parks by a boardwalk along the east bank.</p>";
        let html = format!(
            "<html><body><article><h1>River path</h1><div class=has-disclaimer>\
             {para}{para}{para}</div><p>Short note after it.</p></article></body></html>"
        );
        let text = crate::extract_html(&html, None).expect("the article").text;
        assert!(text.contains("boardwalk"), "{text}");
    }

    #[test]
    fn a_lone_date_line_goes_the_dates_of_several_posts_stay() {
        let text = shown_with("<p><i><time datetime=2025-12-15>15 Dec, 2025</time></i></p>");
        assert!(!text.contains("15 Dec"), "{text}");
        let text = shown_with(
            "<div class=pub-date>Published June 23, 2025 10:39AM</div><p>A reply.</p>\
             <div class=pub-date>Published June 24, 2025 9:12AM</div>",
        );
        assert!(
            text.contains("June 23") && text.contains("June 24"),
            "{text}"
        );
    }

    #[test]
    fn a_reply_quoting_an_earlier_post_loses_the_copy() {
        // A forum package's quotation: the poster's name, the quoted post, an expand link.
        let quote = |who: &str, what: &str| {
            format!(
                "<blockquote class=\"quote\"><div class=\"quote-title\">{who} said:</div>\
                 <div class=\"quote-content\"><p>{what}</p></div><div>Click to expand...</div></blockquote>"
            )
        };
        let opening = "The pump was replaced last spring, and the pressure has held at two bars \
                       ever since, but now it drops overnight to one bar.";
        let elsewhere = "Bleed the radiators first, then check the charge of the expansion vessel.";
        let post = |body: &str| format!("<div class=\"post\">{body}</div>");
        let html = format!(
            "<html><body><main><h1>Pump pressure drops</h1>{}{}{}{}</main></body></html>",
            post(&format!("<p>{opening}</p>")),
            post(&format!(
                "{}<p>Reply two: check the expansion vessel, its charge is the usual culprit when \
                 the pressure falls overnight.</p>",
                quote("member1", opening)
            )),
            post(&format!(
                "{}<p>Reply three: that advice from the old thread still holds for this boiler, \
                 the vessel was flat on mine.</p>",
                quote("member9", elsewhere)
            )),
            post(&format!(
                "{}<p>Reply four: two bars is high for a sealed system of that size, one and a \
                 half is plenty.</p>",
                quote("member1", "held at two bars")
            )),
        );
        let text = crate::extract_html(&html, None).expect("the thread").text;
        assert_eq!(text.matches("drops overnight").count(), 1, "{text}");
        assert_eq!(text.matches("member1 said").count(), 1, "{text}");
        // A post not on the page is quoted for the reader to see.
        assert!(text.contains("Bleed the radiators"), "{text}");
        assert!(
            text.contains("Reply two:") && text.contains("Reply three:"),
            "{text}"
        );
        // A pointed reply to a few words keeps them.
        assert_eq!(text.matches("held at two bars").count(), 2, "{text}");

        // Testimonials whose carousel clones its slides: a quotation repeating a quotation
        // is no reply, and stays.
        let slide = "<blockquote><p>The team fitted our new boiler in a day and left the house \
                     spotless, we could not have asked for more.</p></blockquote>";
        let page = format!(
            "<html><body><main><h1>Our boilers</h1><p>We fit and service boilers across the \
             county, with fixed prices quoted before any work begins and a two year warranty \
             on every installation.</p>{slide}{slide}</main></body></html>"
        );
        let text = crate::extract_html(&page, None).expect("the page").text;
        assert_eq!(text.matches("spotless").count(), 2, "{text}");
    }

    #[test]
    fn the_search_for_quoted_posts_stops_on_a_thread_of_thousands_of_replies() {
        // Each reply quotes the post before it. The first quotations go; past the search's
        // budget (a page that long would cost time growing with its square) the rest stay.
        let said = |i: usize| {
            format!(
                "Post number {i} says the valve number {i} was replaced and the pressure \
                 number {i} held for a while before it dropped again, number {i}, {}.",
                "and more words follow here ".repeat(6)
            )
        };
        let replies: String = (1..1200)
            .map(|i| {
                format!(
                    "<div class=post><blockquote><p>{}</p></blockquote><p>{}</p></div>",
                    said(i - 1),
                    said(i)
                )
            })
            .collect();
        let html = format!(
            "<html><body><main><h1>Pressure</h1><div class=post><p>{}</p></div>{replies}\
             </main></body></html>",
            said(0)
        );
        let text = crate::extract_html(&html, None).expect("the thread").text;
        assert_eq!(text.matches("Post number 1 says").count(), 1);
        assert_eq!(text.matches("Post number 1197 says").count(), 2);
    }

    #[test]
    fn a_posts_header_keeps_the_posters_name_and_the_date_in_a_thread() {
        // Each post's header: the poster's card (an avatar's letter, the name linked to the
        // member's page, a rank, figures) and a row of links (the date, the post's number),
        // which the shape tests take as link lists. Reactions under a post name members too.
        let post = |i: usize, name: &str, text: &str| {
            format!(
                "<article class=\"message\">\
                 <div class=\"message-avatar\"><a href=\"/members/{name}.{i}/\">{}</a></div>\
                 <div class=\"message-userDetails\"><h4><a href=\"/members/{name}.{i}/\" \
                 class=\"username\">{name}</a></h4><h5>Well-known member</h5></div>\
                 <div class=\"message-main\"><ul class=\"message-attribution\"><li>\
                 <a href=\"/threads/pumps.1/post-{i}\"><time datetime=\"2024-01-0{i}\">\
                 <span>Jan {i}, 2024</span><span>2y</span></time></a></li></ul>\
                 <div class=\"bbWrapper\"><p>{text} {text}</p><p>{text}</p></div>\
                 <footer class=\"message-footer\">Reactions: <a href=\"/members/ann.9/\" \
                 class=\"username\">ann</a></footer>\
                 </div></article>",
                &name[..1]
            )
        };
        let html = pump_thread(post);
        let text = crate::extract_html(&html, None).expect("the thread").text;
        assert!(text.contains("Boilerman\n\nJan 2, 2024"), "{text}");
        assert_eq!(text.matches("pipefitter").count(), 2, "{text}");
        assert!(
            !text.contains("Reactions") && !text.contains("ann"),
            "{text}"
        );
        assert!(
            !text.contains("2y") && !text.contains("BBoilerman"),
            "{text}"
        );
    }

    /// A declared thread of three posts (two posters) about a pump, each post written by `post`
    /// from its number, its poster's name and its text.
    #[test]
    fn a_posts_note_of_its_last_edit_goes_a_sentence_opening_alike_stays() {
        // Under each post, the forum's note of its last edit: a line of its own, the
        // forum's record. A paragraph of the post that opens with the same words stays.
        let post =
            |i: usize, name: &str, text: &str| {
                let note = match i {
                1 => "<div class=\"message-lastEdit\">Last edited: <time>Jan 4, 2024</time></div>",
                2 => "<div class=\"notice\">Last edited by Boilerman on Tue Jan 2, 2024 9:04 pm, \
                      edited 1 time in total.</div>",
                _ => "<p>Last edited the valve settings myself, and the pressure held.</p>",
            };
                format!(
                "<article class=\"message\"><h4><a href=\"/members/{name}.{i}/\">{name}</a></h4>\
                 <div class=\"bbWrapper\"><p>{text} {text}</p><p>{text}</p></div>{note}</article>"
            )
            };
        let text = crate::extract_html(&pump_thread(post), None)
            .expect("the thread")
            .text;
        assert!(text.contains("expansion vessel"), "{text}");
        assert!(
            !text.contains("Last edited:") && !text.contains("Last edited by"),
            "{text}"
        );
        assert!(text.contains("Last edited the valve"), "{text}");
    }

    #[test]
    fn the_badge_beside_the_opening_posters_posts_goes_in_a_thread() {
        let post = |i: usize, name: &str, text: &str| {
            let badge = if name == "pipefitter" {
                "<ul class=\"badges\"><li><span class=\"badge\">Author</span></li></ul>\
                 <span class=\"threadstarter\">Original Poster</span>"
            } else {
                ""
            };
            format!(
                "<article class=\"message\"><h4><a href=\"/members/{name}.{i}/\">{name}</a></h4>\
                 {badge}<div class=\"bbWrapper\"><p>{text} {text}</p><p>{text}</p></div></article>"
            )
        };
        let text = crate::extract_html(&pump_thread(post), None)
            .expect("the thread")
            .text;
        assert!(text.contains("expansion vessel"), "{text}");
        assert!(
            !text.contains("Author") && !text.contains("Original Poster"),
            "{text}"
        );
    }

    fn pump_thread(post: impl Fn(usize, &str, &str) -> String) -> String {
        format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"DiscussionForumPosting\",\
             \"headline\":\"Pump pressure drops\"}}</script></head><body><main><h1>Pump pressure drops</h1>\
             {}{}{}</main></body></html>",
            post(1, "pipefitter", "The pump was replaced last spring, and the pressure has held at \
                 two bars ever since, but now it drops overnight to one bar."),
            post(2, "Boilerman", "Check the expansion vessel: its charge is the usual culprit when \
                 the pressure falls overnight, and then the relief valve."),
            post(3, "pipefitter", "The vessel was flat. Pumped it up to one bar and the pressure \
                 held all night. Thanks for the help with this one.")
        )
    }

    #[test]
    fn a_posts_number_linked_to_it_goes_and_its_date_stays() {
        // Each post's header links its number and its date to the post itself.
        let post = |i: usize, name: &str, text: &str| {
            format!(
                "<article class=\"message\" id=\"post-{i}0\"><div class=\"message-userDetails\">\
                 <h4><a href=\"/members/{name}.{i}/\" class=\"username\">{name}</a></h4></div>\
                 <div class=\"message-main\"><span class=\"postbit\">\
                 <a class=\"post-position\" href=\"#post-{i}0\">#{i}</a><span>·</span>\
                 <a href=\"#post-{i}0\"><time datetime=\"2024-01-0{i}\">Jan {i}, 2024</time></a>\
                 </span><div class=\"bbWrapper\"><p>{text} {text}</p><p>{text}</p></div>\
                 </div></article>"
            )
        };
        let html = pump_thread(post);
        let text = crate::extract_html(&html, None).expect("the thread").text;
        assert!(text.contains("Jan 2, 2024"), "{text}");
        assert!(text.contains("expansion vessel"), "{text}");
        assert!(!text.contains("#2"), "{text}");
    }

    #[test]
    fn a_posts_photos_leave_its_text_in_a_thread() {
        // A post set as bare text with its photos after it: by Readability's count of
        // pictures per paragraph a gallery; in a thread, a post with photos attached.
        let words = "I fitted the new lights to the tailgate this weekend, wired to the existing \
                     harness so that they turn on and off with the gate as the factory ones do. ";
        let photos = "<div><img src=\"/a/1.jpg\"></div><div><img src=\"/a/2.jpg\"></div>\
                      <div><img src=\"/a/3.jpg\"></div>";
        let html = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"DiscussionForumPosting\",\
             \"headline\":\"Tailgate lights\"}}</script></head><body><main><h1>Tailgate lights</h1>\
             <div class=\"post\"><div class=\"bbWrapper\">{words}{words}{words}{photos}</div></div>\
             <div class=\"post\"><div class=\"bbWrapper\"><p>{words}</p></div></div></main></body></html>"
        );
        let text = crate::extract_html(&html, None).expect("the thread").text;
        assert_eq!(text.matches("I fitted").count(), 4, "{text}");
    }

    #[test]
    fn a_replys_preview_of_the_post_it_answers_goes_in_a_thread() {
        // Each reply opens with a preview of the post it answers, a plain block: in a page
        // that declares a discussion, the copy goes.
        let opening = "The pump was replaced last spring, and the pressure has held at two bars \
                       ever since, but now it drops overnight to one bar.";
        let html = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"DiscussionForumPosting\",\
             \"headline\":\"Pump pressure drops\"}}</script></head><body><main><h1>Pump pressure drops</h1>\
             <div class=\"post\"><div class=\"content\"><p>{opening}</p></div></div>\
             <div class=\"post\"><a href=\"#1\"><div class=\"preview\"><p>{opening}</p></div></a>\
             <div class=\"content\"><p>Reply two: check the expansion vessel, its charge is the usual \
             culprit when the pressure falls overnight, and then the relief valve.</p></div></div>\
             </main></body></html>"
        );
        let text = crate::extract_html(&html, None).expect("the thread").text;
        assert_eq!(text.matches("drops overnight").count(), 1, "{text}");
        assert!(text.contains("Reply two:"), "{text}");
    }

    #[test]
    fn the_line_pre_check_rules_out_only_lines_the_tests_refuse() {
        let cases = [
            ("<p>The council met on Tuesday.</p>", false),
            ("<p>  \n Painted by the author.</p>", false),
            ("<p>Home | About | Jobs</p>", true),
            ("<p><b>Pa</b>ge 2 of 8</p>", true),
            ("<p>\u{a0}PAGE\n2 of 8</p>", true),
            ("<p>\n SHOWING\t1-24 of 291 results</p>", true),
            ("<p>© 2024 Acme</p>", true),
            ("<p>(C) 2024 Acme. All rights reserved.</p>", true),
            ("<p>All Rights Reserved</p>", true),
            ("<p>Copyrighted by the author.</p>", true),
            ("<p>Pagodas of the old town.</p>", false),
        ];
        for (html, may) in cases {
            let doc = parse_html(&format!("<html><body>{html}</body></html>"), None);
            let p = doc
                .descendants(NodeId::DOCUMENT)
                .find(|&n| doc.is(n, "p"))
                .unwrap();
            assert_eq!(may_be_line_clutter(&doc, p), may, "{html}");
        }
        // The reading-time test reads only texts with an "m" or "M".
        for p in READING_TIME.iter() {
            let (patterns::Pat::Sub(w) | patterns::Pat::Token(w)) = p;
            assert!(w.contains('m'), "{w}");
        }
    }

    #[test]
    fn position_lines_of_pagers_and_result_lists_go() {
        let text = shown_with("<p>Page 1 of 8</p><p class=count>Showing 24 of 291 results</p>");
        assert!(
            !text.contains("Page 1") && !text.contains("Showing"),
            "{text}"
        );
        assert!(is_position_line("showing 1–24 of 291 results"));
        assert!(!is_position_line(
            "showing 24 of 291 results we found useful"
        ));
        assert!(!is_position_line("page one of the report"));
        let text = shown_with("<p>A plain mug.</p><div><span>Image 1 of 5</span></div>");
        assert!(!text.contains("Image 1"), "{text}");
        assert!(is_position_line("picture 1 of 1"));
        assert!(!is_position_line("image 1 of the series"));
    }

    #[test]
    fn an_apps_signature_under_a_post_goes() {
        let text = shown_with(
            "<div class=post>It does heart rate and sleep tracking, worth a look.<br><br>\
             Sent from my SM-S908U using <a href=/app>Forums mobile app</a></div>",
        );
        assert!(text.contains("worth a look"), "{text}");
        assert!(!text.contains("Sent from"), "{text}");
        assert!(!text.contains("mobile app"), "{text}");
    }

    fn bylines_left(body: &str, thread: bool) -> String {
        let mut doc = parse_html(&format!("<body><div id=a>{body}</div>"), None);
        let article = doc.find_all(doc.body().unwrap(), "div")[0];
        remove_byline_blocks(&mut doc, article, &mut LastStats::default(), thread);
        doc.text_content(article)
    }

    #[test]
    fn entries_keep_their_bylines_an_articles_credits_go() {
        // A blog's index: each entry's byline names whose piece it is, and stays (the first
        // line of each: the name, not the author's card).
        let entry = |i: usize| {
            format!(
                "<div class=\"entry\"><h2><a href=\"/p{i}\">Field notes from the dry season, part {i}</a></h2>\
                 <div class=\"entry-author\"><div>Writer{i} Lee</div><div>Staff reporter</div></div>\
                 <p>Part {i} follows the herders along the river as the water drops.</p></div>"
            )
        };
        let entries: String = (1..=4).map(entry).collect();
        let left = bylines_left(&entries, false);
        assert!(
            (1..=4).all(|i| left.contains(&format!("Writer{i} Lee"))),
            "{left}"
        );
        assert!(!left.contains("Staff reporter"), "{left}");
        // Fewer entries: an article's own bylines, which the header shows.
        let left = bylines_left(&(1..=3).map(entry).collect::<String>(), false);
        assert!(!left.contains("Writer2 Lee"), "{left}");
        // Declared a discussion, three posts are enough.
        let left = bylines_left(&(1..=3).map(entry).collect::<String>(), true);
        assert!(left.contains("Writer2 Lee"), "{left}");
        // An article credited to four people (writer, reviewer, fact checker, editor): the
        // credits stand together, no entry's text beside each, and go.
        let credits: String = ["Written by", "Reviewed by", "Fact checked by", "Edited by"]
            .iter()
            .map(|c| format!("<div class=\"byline\">{c} Dana Diaz</div>"))
            .collect();
        let para = "<p>The herders follow the river as the water drops week by week.</p>";
        let left = bylines_left(&format!("<header>{credits}</header>{para}"), false);
        assert!(!left.contains("Dana Diaz"), "{left}");
    }

    fn forms_left(body: &str) -> usize {
        let mut doc = parse_html(&format!("<body><div id=a>{body}</div>"), None);
        let article = doc.find_all(doc.body().unwrap(), "div")[0];
        unwrap_wrapping_forms(&mut doc, article, &mut LastStats::default());
        doc.find_all(article, "form").len()
    }

    /// The text left of `<div id=a>` holding `inner` once conditionally cleaned at the
    /// ladder's first, strictest rung.
    fn conditionally_cleaned_text(inner: &str) -> String {
        let mut doc = parse_html(&format!("<body><div id=a>{inner}</div>"), None);
        let article = doc.find_all(doc.body().unwrap(), "div")[0];
        let flags = crate::extract::LADDER[0];
        clean_conditionally(&mut doc, article, flags, &mut Removals::default());
        doc.text_content(article)
    }

    /// The text left of `<div id=a>` holding `inner` once cleaned as an article at the
    /// ladder's last, most lenient rung (no conditional cleaning): what the rules that always
    /// run leave.
    fn cleaned_text(inner: &str) -> String {
        let mut doc = parse_html(&format!("<body><div id=a>{inner}</div>"), None);
        let article = doc.find_all(doc.body().unwrap(), "div")[0];
        let flags = crate::extract::LADDER[3];
        clean_article(&mut doc, article, flags, None, &mut Removals::default());
        doc.text_content(article)
    }

    #[test]
    fn a_menu_goes_with_its_long_teasers_a_fieldset_around_the_text_stays() {
        // A site's menu that opens on featured stories, each with a paragraph-long teaser:
        // the reader never shows a <nav>, so its text must not make the attempt look long.
        let long = "Cory discusses the evolution of the language from apps to services, how the \
                    lack of a garbage collector removes tail latency, and how its abstractions \
                    rival C in speed, with a roadmap for adopting it a piece at a time.";
        let clean = |block: &str| cleaned_text(&format!("{block}<p>The rest of the page.</p>"));
        let menu =
            format!("<nav><a href=/dev>Development</a><ul><li><p>{long}</p></li></ul></nav>");
        assert!(!clean(&menu).contains("tail latency"));
        let aside = format!("<aside><h3>Featured</h3><p>{long}</p></aside>");
        assert!(!clean(&aside).contains("tail latency"));
        // An old blog's text set in a fieldset under its legend, and a footer's last
        // paragraph, are shown: they stay.
        let fieldset = format!("<fieldset><legend>Week two</legend><p>{long}</p></fieldset>");
        assert!(clean(&fieldset).contains("tail latency"));
        let footer = format!("<footer><p>{long}</p></footer>");
        assert!(clean(&footer).contains("tail latency"));
    }

    #[test]
    fn prose_that_cites_its_sources_in_links_is_kept_a_teaser_list_is_not() {
        // Two paragraphs whose links sit in their sentences: a quarter of the text is links.
        let prose = "<div class=wrapper><p>Training works best in short sessions, and \
                     <a href=/s>a study of two hundred puppies</a> found that five minutes \
                     twice a day beat one long lesson.</p><p>Reward the behaviour at once; \
                     <a href=/g>our guide to rewards</a> lists treats that work well.</p></div>";
        // Teasers with about as much link text, their links in headings, outside the paragraphs.
        let teaser = "<div class=cards><div><h3><a href=/a>Crate training in a week</a></h3>\
                      <p>How to make the crate a place your puppy likes to rest in.</p></div>\
                      <div><h3><a href=/b>Leash walking without pulling</a></h3>\
                      <p>Stop, wait and reward: the method that ends the tug of war.</p></div></div>";
        let text = conditionally_cleaned_text(&format!("{prose}{teaser}"));
        assert!(text.contains("five minutes twice a day"), "{text}");
        assert!(text.contains("treats that work well"), "{text}");
        assert!(!text.contains("Crate training"), "{text}");
    }

    #[test]
    fn a_grid_of_described_cards_is_kept_whatever_its_name_or_separators_dated_teasers_are_not() {
        let prose = "<p>We run the whole support desk for small shops, from the first call to the \
                     last refund, so that you can spend your days on the products you make.</p>";
        // Feature cards named for a contact form, each a heading over a sentence with a link.
        let card = |h: &str, p: &str| {
            format!("<div class=contact_box><h3>{h}</h3><p>{p} <a href=/more>More</a></p></div>")
        };
        let grid = format!(
            "<div class=contact_grid>{}{}{}</div>",
            card(
                "Phone support",
                "Our people answer your customers within three rings."
            ),
            card(
                "Email support",
                "Every message gets a written answer within the same day."
            ),
            card(
                "Returns",
                "We collect the parcel, refund the buyer and restock the shelf."
            )
        );
        // Teasers of other pages named the same way: each dated.
        let teaser = |h: &str| {
            format!(
                "<div class=contact_box><h3>{h}</h3><p>Read about the month at the desk and the \
                 calls that taught us most.</p><time>4 May 2025</time></div>"
            )
        };
        let teasers = format!(
            "<div class=contact_list>{}{}</div>",
            teaser("Desk notes"),
            teaser("More notes")
        );
        let text = conditionally_cleaned_text(&format!("{prose}{grid}{teasers}"));
        assert!(text.contains("within three rings"), "{text}");
        assert!(text.contains("restock the shelf"), "{text}");
        assert!(!text.contains("Desk notes"), "{text}");
        // A card's twins are looked for among its neighbours: separators are no gap.
        let apart = format!(
            "<div class=contact_grid>{}<hr class=rule><span></span>{}</div>",
            card(
                "Phone support",
                "Our people answer your customers within three rings."
            ),
            card(
                "Email support",
                "Every message gets a written answer within the same day."
            )
        );
        let text = conditionally_cleaned_text(&format!("{prose}{apart}"));
        assert!(text.contains("within three rings"), "{text}");
        assert!(text.contains("the same day"), "{text}");
    }

    #[test]
    fn a_post_under_its_linked_title_is_kept_a_teaser_is_not() {
        // A forum post: its title links to the post, its author line and profile are links,
        // its text is short. A fifth of it is links once the title's are left out.
        let post = "<div class=post><dl class=postprofile><dt><a href=/u/7>galen</a></dt>\
                    <dd>Posts: <a href=/s?u=7>138</a></dd><dd>Joined: 4 July 2012</dd></dl>\
                    <div class=postbody><h3><a href=/t?p=55#p55>Discuss the 7.1 release of the virtual \
                    machine here</a></h3>\
                    <p class=author>by <a href=/u/7>galen</a> on 11 September 2024, 18:36</p>\
                    <div class=content>You can download the release <a href=/dl>here</a>. \
                    It is a significant new version, with a new network stack, a new \
                    interface and faster snapshots for the guests.</div></div></div>";
        // A teaser: a linked headline over its standfirst, the headline long beside it.
        let teaser = "<div class=card><h2><a href=/other-story>The games in the mountains \
                      are run by their own rules this year</a></h2><p>From the surprise bid to the \
                      pandemic, the hosts kept their promises and silenced their critics.</p>\
                      <p>By Steven Lee and Keith Bradsher</p></div>";
        // An entry of a list of the most read stories, its summary long beside its headline.
        let entry =
            "<ol><li><div class=card><h2><a href=/death>Death changed my life, and how</a></h2>\
                     <p>On the outside I looked successful, but inside I was drowning. When my \
                     brother died, I had to rethink everything.</p>\
                     <p><a href=/by/blow>By Charles M. Blow</a></p></div></li></ol>";
        // A one-line reply under its subject, "Re: " and the thread's: still the post.
        let reply = "<div class=post><div class=postbody><h3><a href=/t?p=56#p56>Re: Discuss the \
                     7.1 release of the virtual machine here</a></h3>\
                     <p class=author>by <a href=/u/8>simple</a> on 11 September 2024</p>\
                     <div class=content>Having upgraded I see network issues.<br>Tests underway.\
                     </div></div></div>";
        let long = "<p>The text of the article, long enough to be the article, goes on here.</p>";
        let text = conditionally_cleaned_text(&format!("{long}{long}{post}{reply}{teaser}{entry}"));
        assert!(text.contains("a significant new version"), "{text}");
        assert!(text.contains("Tests underway"), "{text}");
        assert!(!text.contains("run by their own rules"), "{text}");
        assert!(!text.contains("I was drowning"), "{text}");
    }

    #[test]
    fn a_documentation_note_and_a_reference_list_keep_their_links_a_link_list_does_not() {
        // A tip set in the text: a label and a sentence, a third of it a link.
        let tip = "<div class=TIP><p>Tip</p><p>To install the tools on <a href=/wsl>the \
                   Linux subsystem</a>, follow the steps of the Linux tab.</p></div>";
        // An API's constructor: one term, its anchor and link, and a line about it.
        let members = "<dl><dt id=socket><a href=/api/socket><code>Socket()</code></a></dt>\
                       <dd><p>Returns a new socket.</p></dd></dl>";
        // The same shapes unnamed and unanchored: links with a few words beside them.
        let box_ = "<div class=box><p>Box</p><p>Read <a href=/more>our whole series on the \
                    tools of the Linux shell</a> too.</p></div>";
        let list = "<dl><dt><a href=/other/story>Sockets, explained</a></dt>\
                    <dd><p>Our primer.</p></dd></dl>";
        let long = "<p>The text of the article, long enough to be the article, goes on here.</p>";
        let text = conditionally_cleaned_text(&format!("{long}{long}{tip}{members}{box_}{list}"));
        assert!(text.contains("follow the steps"), "{text}");
        assert!(text.contains("Returns a new socket"), "{text}");
        assert!(!text.contains("whole series"), "{text}");
        assert!(!text.contains("Our primer"), "{text}");
    }

    #[test]
    fn a_wrapper_around_one_paragraph_is_judged_as_the_paragraph() {
        // Block editors wrap each paragraph; a fifth or more of this one is links.
        let wrapped = "<div class=paragraph-wrapper><p>If all this history leaves you thirsty \
                       for more, read about the <a href=/r>coffee regions</a> spotlighted \
                       above and the <a href=/l>life of a bean</a> today.</p></div>";
        // A wrapper around a link with a word or two beside it is still a link block.
        let link = "<div class=paragraph-wrapper><p>See <a href=/x>our full review of the \
                    Forerunner 970 watch</a>.</p></div>";
        let long = "<p>The text of the article, long enough to be the article, goes on here.</p>";
        let text = conditionally_cleaned_text(&format!("{long}{long}{wrapped}{link}"));
        assert!(text.contains("life of a bean"), "{text}");
        assert!(!text.contains("full review"), "{text}");
    }

    #[test]
    fn invitations_to_an_inbox_or_to_updates_are_prompts() {
        let prompts = [
            "<div><h4>Receive agency growth tips, delivered to your inbox</h4></div>",
            "<div><p>Get the latest news about our live events and online courses.</p></div>",
            "<p>Would you like to receive notifications about new posts?</p>",
            // A closing line to a newsletter, a sign-up's reassurance, a paywall's log-in
            // line and a call to follow the site elsewhere.
            "<p>The free weekly Insider email brings the news you can't find elsewhere. \
             Cancel anytime, it costs nothing and lands every Tuesday morning for readers. \
             <a href=/s>Subscribe here</a>.</p>",
            "<p><em>We will never sell your information. Unsubscribe at any time.</em></p>",
            "<div><h2>This article is for subscribers</h2><p>Already have an account? \
             <a href=/login>Log in</a></p></div>",
            "<p>Catch up on our coverage, and follow us on Facebook to stay up to date.</p>",
            // A site's offers of an account.
            "<p>Register for free site membership to compare schools side by side.</p>",
            "<div><a href=/join>Join to see the camera settings of this photo</a></div>",
            // A shop's buttons for members.
            "<div><a href=/accounts/login/>Log in to save to favorites</a></div>",
            "<div><a href=/signin>Sign in to save this recipe</a></div>",
        ];
        // A sentence about inboxes, short enough to be judged by its words alone.
        let prose = "<p>Most readers check their inbox twice a day.</p>";
        for (html, prompt) in prompts.iter().map(|p| (*p, true)).chain([(prose, false)]) {
            let doc = parse_html(&format!("<body><div id=a>{html}</div>"), None);
            let article = doc.find_all(doc.body().unwrap(), "div")[0];
            let block = doc.element_children(article)[0];
            let stats = TextStats::measure(&doc, article);
            assert_eq!(is_prompt(&doc, block, &stats), prompt, "{html}");
        }
    }

    #[test]
    fn a_posters_figures_go_their_name_and_post_stay() {
        // Lines split by `<br>`, pairs of `<dt>` and `<dd>` with a status after them, a name
        // above the figures, a card that is one list; then text that only looks like figures.
        let blocks = [
            (
                "<div>Posts: 116<br>Threads: 23<br>Joined: Feb 2019<br>Reputation: <a href=/r>\
              <b>7</b></a></div>",
                true,
            ),
            (
                "<div><dl><dt>Joined</dt><dd>Jun 29, 2016</dd></dl><dl><dt>Messages</dt>\
              <dd>11</dd></dl><dl><dt>Reaction score</dt><dd>10</dd></dl><span>Pre-Medical\
              </span></div>",
                true,
            ),
            (
                "<div><div>Join Date: <b>Aug 2008</b></div><div>Location: <b>SIN</b></div>\
              <div>Posts: <b>1,077</b></div></div>",
                true,
            ),
            (
                "<div><dl><dt>Likes Received:</dt><dd>103</dd></dl><dl><dt>Best Answers:</dt>\
              <dd>1</dd></dl><dl><dt>Trophy Points:</dt><dd>113</dd></dl></div>",
                true,
            ),
            (
                "<div><b>ovecka</b><div>Posts: 6</div><div>Joined: Mon Mar 15, 2021</div></div>",
                false,
            ),
            // A card that is one description list: the name in its term, a rank, figures.
            (
                "<dl><dt><strong>ovecka</strong></dt><dd class=usertitle>Member</dd>\
              <dd><span>Registered: 2021-03-15</span></dd><dd><span>Posts: 6</span></dd></dl>",
                true,
            ),
            // With a rank, fields the poster filled in and a link to a website.
            (
                "<dl><dt><a href=/u/7>ovecka</a></dt><dd>Volunteer</dd><dd><strong>Posts:</strong> \
              <a href=/s>1725</a></dd><dd><strong>Joined:</strong> 14. Sep 2019</dd><dd><strong>\
              Primary OS:</strong> Linux</dd><dd><strong>Location:</strong> Leeds</dd>\
              <dd><a href=/w>Website</a></dd></dl>",
                true,
            ),
            // One figure and one field the poster filled in, in a card that is one list.
            (
                "<dl><dt><a href=/u/7>ovecka</a></dt><dd>Negotiator</dd><dd>&nbsp;</dd><dd>\
              <strong>Posts:</strong> 6217</dd><dd><strong>Founded:</strong> Oct 05, 2011</dd>\
              <dd>Civil Rights Lovefest</dd></dl>",
                true,
            ),
            (
                "<dl><dt>Pumps</dt><dd>A machine that moves water</dd><dd>Posts: 6</dd></dl>",
                false,
            ),
            (
                "<dl><dt>Pumps</dt><dd>Posts: 6</dd><dd>Joined: 2019</dd><dd>Stroke:</dd>\
              <dd>A machine that moves water uphill, day and night</dd></dl>",
                false,
            ),
            ("<div>Joined Oct 2018</div>", false),
            (
                "<div>Location: Stanford, California<br>Points: none this season</div>",
                false,
            ),
            (
                "<p>Posts: 116<br>Threads: 23<br>The thread starts with a question about pumps \
              that nobody could answer.</p>",
                false,
            ),
        ];
        for (html, stats_only) in blocks {
            let doc = parse_html(&format!("<body><div id=a>{html}</div>"), None);
            let article = doc.find_all(doc.body().unwrap(), "div")[0];
            let block = doc.element_children(article)[0];
            let stats = TextStats::measure(&doc, article);
            assert_eq!(is_poster_stats(&doc, block, &stats), stats_only, "{html}");
        }
    }

    #[test]
    fn a_posters_card_leaves_the_name_in_a_thread() {
        // The card goes with its figures; in a thread, the poster's name stays with the post.
        let card = "<dl class=postprofile><dt><a href=/memberlist?u=7 class=username>ehasis</a>\
                    </dt><dd><strong>Posts:</strong> <a href=/s?u=7>4</a></dd>\
                    <dd><strong>Joined:</strong> 19. Sep 2012, 16:52</dd></dl>";
        let post = "<p>I am also having network problems with the new release on my guests, \
                    and the guest additions do not help at all with them.</p>";
        for thread in [false, true] {
            let mut doc = parse_html(&format!("<body><div id=a>{card}{post}</div></body>"), None);
            let article = doc.find_all(doc.body().unwrap(), "div")[0];
            let flags = Flags {
                thread,
                ..crate::extract::LADDER[0]
            };
            clean_article(&mut doc, article, flags, None, &mut Removals::default());
            let text = doc.text_content(article);
            assert!(!text.contains("Joined"), "{text}");
            assert_eq!(text.contains("ehasis"), thread, "{text}");
            assert!(text.contains("network problems"), "{text}");
        }
    }

    #[test]
    fn a_paragraph_that_talks_of_newsletters_is_no_prompt() {
        let prose = "<p>I built my newsletter with two things: my voice and a repeatable system. \
                     The system is what let me keep writing every week after the launch buzz \
                     faded and the subscriber count stalled for a while.</p>";
        let short = "<p>Sign up for our newsletter to get the week's best stories.</p>";
        let linked = "<p>Liked this guide? There is more every Tuesday, with recipes, tips and \
                      reader questions answered by our test kitchen: \
                      <a href=/n>subscribe to our newsletter</a> and never miss an issue.</p>";
        let doc = parse_html(
            &format!("<body><div id=a>{prose}{short}{linked}</div>"),
            None,
        );
        let article = doc.find_all(doc.body().unwrap(), "div")[0];
        let stats = TextStats::measure(&doc, article);
        let verdicts: Vec<bool> = doc
            .find_all(article, "p")
            .into_iter()
            .map(|p| is_prompt(&doc, p, &stats))
            .collect();
        assert_eq!(verdicts, [false, true, true]);
    }

    #[test]
    fn an_faqs_answers_that_tell_of_signing_up_are_no_prompts() {
        // An accordion's items: the question heading, the answer under it with a link in
        // its prose. Neither the answer nor the item is a prompt; a box is still one.
        let answer = "<div><p>Sign up for the starter plan to try the bookkeeping basics for \
                      a spin. Then, whenever you are ready, move to the <a href=/pro>pro \
                      plan</a> to unlock more money management features.</p></div>";
        let item =
            format!("<div><div><h3>What if I just want to try it first?</h3></div>{answer}</div>");
        let cancel =
            "<div><div><h3>Is it easy to cancel after I subscribe?</h3></div><div><p>Yes, \
                      you can unsubscribe at any time! The cancellation takes effect at the end \
                      of the billing period in which you cancel. Learn how to \
                      <a href=/help>cancel your plan</a> in our help center.</p></div></div>";
        let bx = "<div><h3>Like what you read?</h3><p>Sign up for our newsletter.</p></div>";
        let doc = parse_html(&format!("<body><div id=a>{item}{cancel}{bx}</div>"), None);
        let article = doc.find_all(doc.body().unwrap(), "div")[0];
        let stats = TextStats::measure(&doc, article);
        let items = doc.element_children(article);
        let answer = doc.element_children(items[0])[1];
        let p = doc.find_all(answer, "p")[0];
        for (n, prompt) in [
            (answer, false),
            (p, false),
            (items[1], false),
            (items[2], true),
        ] {
            assert_eq!(is_prompt(&doc, n, &stats), prompt, "{}", doc.inner_text(n));
        }
    }

    #[test]
    fn an_article_about_newsletters_keeps_its_paragraphs_a_sign_up_box_still_goes() {
        let talk = [
            "Newsletters are booming: more people write them and pay for them.",
            "Sign up for a newsletter today and an assistant may read it for you.",
            "Publishers hedge against platforms with newsletters they own outright.",
            "If your newsletter is filtered out, you lose the reader without knowing.",
        ]
        .map(|t| format!("<p>{t}</p>"))
        .concat();
        let box_ = "<div class=box><p>Get the week's best in your inbox.</p></div>";
        let text = shown_with(&format!("{talk}{box_}"));
        assert!(text.contains("booming"), "{text}");
        assert!(text.contains("filtered out"), "{text}");
        assert!(!text.contains("week's best"), "{text}");
        // One such paragraph in an article about something else is a prompt.
        let text = shown_with("<p>Sign up for our newsletter to get the week's best.</p>");
        assert!(!text.contains("week's best"), "{text}");
    }

    #[test]
    fn a_list_of_sources_under_its_heading_stays() {
        let items =
            "<li><a href=/a>https://example.org/staffing-events-with-temporary-workers/</a></li>\
                     <li><a href=/b>https://example.org/strategic-workforce-planning/</a></li>";
        let long = "<p>The text of the article, long enough to be the article, goes on here.</p>";
        let text = conditionally_cleaned_text(&format!(
            "{long}{long}<h2>References:</h2><ol>{items}</ol>\
                 <h2>Related posts</h2><ul><li><a href=/r>Ten tips for volunteers</a></li>\
                 <li><a href=/s>Planning a conference</a></li></ul>"
        ));
        assert!(text.contains("strategic-workforce-planning"), "{text}");
        assert!(!text.contains("Ten tips"), "{text}");
    }

    #[test]
    fn a_form_around_most_of_the_prose_is_a_wrapper() {
        let post = "<li><blockquote>I would keep the canister for filtration, add a small \
                    wavemaker, and point it along the front glass. Filtration and flow are \
                    two jobs, and a planted tank needs the flow more.</blockquote></li>";
        let thread = format!("<h1>Pumps</h1><form><ol>{post}{post}</ol></form>");
        assert_eq!(forms_left(&thread), 0);
        // An order form holds the page's text too, but rows of variants and prices, no prose.
        let row = "<tr><td>Blue / 40L</td><td>$39.99/ea</td><td>Quantity</td></tr>";
        let order = format!("<form><table>{}</table></form>", row.repeat(8));
        assert_eq!(forms_left(&order), 1);
        // A form beside the text (a newsletter sign-up) stays a form for the rules below.
        let beside = format!(
            "<p>{}</p><form>Sign up, it is free.</form>",
            "Text, more. ".repeat(30)
        );
        assert_eq!(forms_left(&beside), 1);
    }

    #[test]
    fn a_cards_name_and_price_beside_its_cart_form_stay_a_prompts_pitch_goes() {
        let clean = |cards: &str| {
            cleaned_text(&format!("<h1>Gas grills</h1><div class=grid>{cards}</div>"))
        };
        // Each card's body: a brand, a linked name and a price, then the add-to-cart form.
        let cards: String = (0..8)
            .map(|i| {
                format!(
                    "<article class=card><div class=card-body><div>Acme</div>\
                     <h2><a href=/g{i}>Four-burner gas grill model {i}</a></h2>\
                     <span class=price>$74{i}.00</span><form action=/cart><button>Add</button>\
                     </form></div></article>"
                )
            })
            .collect();
        let text = clean(&cards);
        assert!(
            text.contains("grill model 7") && text.contains("$747.00"),
            "{text}"
        );
        // A sign-up prompt quoting a sum in its sentence goes with its form.
        let prompt = "<div class=signup><h2>See all comments</h2><p>Unlock them with your \
                      email and get <b>six lessons</b> ($199 value)</p><form><input></form></div>";
        let text = clean(&format!("{cards}{prompt}"));
        assert!(!text.contains("$199 value"), "{text}");
    }

    fn trimmed(body: &str, authors: &[&str]) -> String {
        let mut doc = parse_html(&format!("<body><div id=a>{body}</div>"), None);
        let article = doc.find_all(doc.body().unwrap(), "div")[0];
        trim_tail(&mut doc, article, authors, &mut Removals::default());
        fold_whitespace(&doc.inner_text(article))
    }

    #[test]
    fn tail_loses_orphan_headings_copyright_and_the_authors_bio() {
        let text = trimmed(
            "<p>The text of the article.</p><p>Dana Reyes is a reporter covering courts.</p>\
             <h3>Related stories</h3><p><small>© 2025 The Daily Example</small></p>",
            &["Dana Reyes"],
        );
        assert_eq!(text, "The text of the article.");
    }

    #[test]
    fn tail_loses_labels_tag_lines_and_the_author_line() {
        let text = trimmed(
            "<p>The text of the article.</p><div><div>Dana Reyes</div><div>Staff Writer</div></div>\
             <p>Latest posts by Dana Reyes (see all)</p><p>Tags: courts, city hall</p>\
             <div><span>Share this article</span></div><div>What do you think?</div>\
             <p>Last updated on 2025-12-17</p><p><a href=/trial>Start free trial</a></p>\
             <p>Share this article with your friends</p>",
            &["Dana Reyes"],
        );
        // The role line is not recognised, so the name above it stays too.
        for gone in [
            "Latest posts",
            "Tags",
            "Share",
            "What do you think",
            "Last updated",
            "free trial",
            "your friends",
        ] {
            assert!(!text.contains(gone), "{text}");
        }
        assert!(text.contains("Staff Writer"), "{text}");
        let text = trimmed(
            "<p>The text of the article.</p><p>Staff Writer</p><p>Dana Reyes, Staff Writer</p>",
            &["Dana Reyes"],
        );
        assert_eq!(text, "The text of the article.Staff Writer");
    }

    #[test]
    fn tail_keeps_real_endings() {
        // A last paragraph that quotes the author, a heading over a gallery, a name that is
        // not the author's.
        for (body, authors) in [
            (
                "<p>Text.</p><p>Dana Reyes said the verdict was fair.</p>",
                &["Dana Reyes"][..],
            ),
            (
                "<p>Text.</p><h2>Gallery</h2><figure><img src=a.jpg></figure>",
                &[][..],
            ),
            (
                "<p>Text.</p><p>Sam Ortiz is the mayor.</p>",
                &["Dana Reyes"][..],
            ),
            // A sentence naming the author, and a label in the middle of the text.
            (
                "<p>Text.</p><p>Dana Reyes, our reporter, spent a week there.</p>",
                &["Dana Reyes"][..],
            ),
            (
                "<p>Text.</p><h2>Comments</h2><p>Readers wrote in with many ideas.</p>",
                &[][..],
            ),
        ] {
            let doc = parse_html(&format!("<body><div>{body}</div>"), None);
            let before = fold_whitespace(&doc.inner_text(doc.body().unwrap()));
            assert_eq!(trimmed(body, authors), before, "{body}");
        }
    }

    #[test]
    fn plain_link_lists_after_a_closing_heading_are_the_related_sections() {
        // A shop's product text, then "More from" the brand and its directory of brands and
        // categories: lists of bare links, more text than the 45% a related section may have.
        let long = "Outer fabric: polyester. Care: machine wash at 30 degrees. ".repeat(11);
        let brands: String = (0..40)
            .map(|i| format!("<li><a href=/b{i}>Brand number {i}</a></li>"))
            .collect();
        let body = format!(
            "<div><h1>Faux leather jacket</h1><p>{long}</p></div>\
             <div><h2>More from the brand</h2><p><a href=/more>See more</a></p>\
             <h2>Brands</h2><ul>{brands}</ul></div>"
        );
        let text = trimmed(&body, &[]);
        assert!(text.contains("Care: machine wash"), "{text}");
        assert!(
            !text.contains("More from") && !text.contains("Brand number"),
            "{text}"
        );
        // Cards (a linked picture or headline each) stay counted as text: a list of products
        // after the heading is what the page lists.
        let cards: String = (0..40)
            .map(|i| format!("<li><a href=/p{i}><h3>Product number {i}</h3></a></li>"))
            .collect();
        let text = trimmed(&body.replace(&brands, &cards), &[]);
        assert!(
            text.contains("More from") && text.contains("Product number 0"),
            "{text}"
        );
    }

    #[test]
    fn a_closing_heading_after_the_text_ends_the_article() {
        let long = "A sentence of the article that goes on for a while. ".repeat(12);
        let text = trimmed(
            &format!(
                "<section><p>{long}</p><h2>You might also like</h2><ul><li>Other story one</li></ul></section><p>Trending links</p>"
            ),
            &[],
        );
        assert!(
            !text.contains("You might also like") && !text.contains("Other story"),
            "{text}"
        );
        assert!(!text.contains("Trending links"), "{text}");
        // A block styled as the heading counts when it holds the exact wording.
        let text = trimmed(
            &format!(
                "<p>{long}</p><div><div class=title>About the Author</div><p>Dana writes on courts.</p></div>"
            ),
            &[],
        );
        assert!(
            !text.contains("About the Author") && !text.contains("Dana"),
            "{text}"
        );
        // Blog end matter opens with a label; the same label under every item of a list is
        // the item's, not the article's end.
        let text = trimmed(
            &format!("<p>{long}</p><h3>Comments</h3><p>First! Great post, thanks for it.</p>"),
            &[],
        );
        assert!(!text.contains("Great post"), "{text}");
        // A product page's call to sign up, closing a guide, opens with its own wording.
        let text = trimmed(
            &format!(
                "<p>{long}</p><h4>Take the next step</h4><p>Start building with free credits.</p>"
            ),
            &[],
        );
        assert!(!text.contains("free credits"), "{text}");
        // A government page's other formats, a shop blog's tag list and a shop's offers, under
        // their headings.
        for (heading, after) in [
            ("Alternate Versions", "PDF (1 MB)"),
            ("Blog Tags", "Robots"),
            // A shop's other products under the product's description.
            ("Frequently Purchased With", "Grill cover $39.99"),
            ("Featured products", "Starter kit $24.95"),
            // A blog's and a newspaper's boxes of their other posts, and openers naming them.
            ("Recent Blogs", "Ten tips for spring"),
            ("Also in the news", "Council meets on Monday"),
            (
                "Related articles that may interest you",
                "Choosing a school",
            ),
            ("More articles you might enjoy", "A walk in the hills"),
            // A guide's list of the pages it drew on.
            (
                "Article Sources",
                "Bureau of Labor Statistics. Employment Report.",
            ),
            // A service page's fine print and its paper to download.
            ("Disclaimers", "Results vary from client to client."),
            ("Whitepaper", "Download the 2025 cloud cost report"),
            ("Our Services", "Roof repair and gutter cleaning"),
        ] {
            let text = trimmed(
                &format!("<p>{long}</p><h3>{heading}</h3><ul><li>{after}</li></ul>"),
                &[],
            );
            assert!(!text.contains(heading) && !text.contains(after), "{text}");
        }
        // A newspaper's teasers of other stories after a short story: two fifths of the text.
        let story = "A sentence of the story that goes on. ".repeat(16);
        let teaser = "<div><p>News</p><a href=/s>Other story</a><p>Staff, June 1</p>\
                      <p>The opening lines of another story, cut short...</p></div>";
        let text = trimmed(
            &format!(
                "<p>{story}</p><div>Also in the news</div>{}",
                teaser.repeat(5)
            ),
            &[],
        );
        assert!(!text.contains("Other story"), "{text}");
        // Past half the text, what follows such a heading is the page's.
        let text = trimmed(
            &format!(
                "<p>{story}</p><div>Also in the news</div>{}",
                teaser.repeat(8)
            ),
            &[],
        );
        assert!(text.contains("Other story"), "{text}");
        // A box's title, and its list's title again right under it.
        let text = trimmed(
            &format!("<p>{long}</p><div><h2>More Blogs</h2><div><h3>More Blogs</h3><ul><li>Other post</li></ul></div></div>"),
            &[],
        );
        assert!(
            !text.contains("More Blogs") && !text.contains("Other post"),
            "{text}"
        );
        let item = "<div><p>A product with a long description of what it does.</p><h4>Tags</h4><p>Kitchen</p></div>";
        let body = format!("<p>{long}</p>{item}{item}{item}");
        let doc = parse_html(&format!("<body><div>{body}</div>"), None);
        assert_eq!(
            trimmed(&body, &[]),
            fold_whitespace(&doc.inner_text(doc.body().unwrap()))
        );
        // Near the start, or worded as content, a heading stays.
        for body in [
            format!("<p>Intro.</p><h2>Read next</h2><p>{long}</p>"),
            format!("<p>{long}</p><h2>Recommended courses</h2><p>A course.</p>"),
        ] {
            let doc = parse_html(&format!("<body><div>{body}</div>"), None);
            assert_eq!(
                trimmed(&body, &[]),
                fold_whitespace(&doc.inner_text(doc.body().unwrap()))
            );
        }
    }

    #[test]
    fn a_call_to_sign_in_after_the_thread_ends_it() {
        let long = "A sentence of the article that goes on for a while. ".repeat(12);
        // A forum's and a Q&A site's calls to sign in, under the thread.
        for (heading, after) in [
            (
                "Join the discussion",
                "Sign in or create your free account to comment.",
            ),
            (
                "You must log in to answer this question.",
                "Start asking to get answers",
            ),
        ] {
            let text = trimmed(
                &format!("<p>{long}</p><h2>{heading}</h2><p>{after}</p>"),
                &[],
            );
            assert!(!text.contains(heading) && !text.contains(after), "{text}");
        }
        // A short thread's guest box: its heading and its two buttons, each a lone link.
        let text = trimmed(
            "<p>A short reply that thanks the poster for the answer.</p><div>\
             <h2>Create an account or sign in to comment</h2><div><a href=/register>Register \
             a new account</a></div><div><a href=/login>Sign In Now</a></div></div>",
            &[],
        );
        assert_eq!(text, "A short reply that thanks the poster for the answer.");
        // A Q&A site's boxes under the answers, as lines of their own with no heading.
        let text = trimmed(
            &format!(
                "<p>{long}</p><p>Start asking to get answers</p><p>Find the answer to your \
                 question by asking.</p><p>Explore related questions</p><p>See similar \
                 questions with these tags.</p>"
            ),
            &[],
        );
        assert_eq!(text, long.trim(), "{text}");
    }

    #[test]
    fn tail_loses_one_lone_link_but_not_a_list_of_them() {
        // The next post's link, under the last-updated line.
        let text = trimmed(
            "<p>The text of the article.</p><div>Last updated on 2025-12-17 \
             <a href=/log>Commit history</a></div><p><a href=/next>Workshop with the archive</a></p>",
            &[],
        );
        assert_eq!(text, "The text of the article.");
        // Links the text ends with, one per paragraph or in a list, stay but the last alone.
        let text = trimmed(
            "<p>The text of the article.</p><p><b>Read more:</b></p><p><a href=/a>Story one</a></p>\
             <p><a href=/b>Story two</a></p>",
            &[],
        );
        assert_eq!(text, "The text of the article.Read more:Story one");
        let body = "<p>The text.</p><h2>Sources</h2><ul><li><a href=/a>Study one</a></li>\
                    <li><a href=/b>Study two</a></li></ul>";
        assert_eq!(trimmed(body, &[]), "The text.SourcesStudy oneStudy two");
        // A licence line past the usual length of a closing line.
        let licence = format!(
            "Except as otherwise noted, the content of this page is licensed under the Creative \
             Commons Attribution 4.0 License. {}",
            "Trademarks belong to their owners. ".repeat(5)
        );
        assert_eq!(
            trimmed(&format!("<p>The text.</p><p>{licence}</p>"), &[]),
            "The text."
        );
        // What a comment form said of the reader's data, its form gone.
        assert_eq!(
            trimmed(
                "<p>The text.</p><p>By posting a comment, you consent to have your \
                 information collected and used in accordance with our \
                 <a href=/privacy>privacy policy</a>.</p>",
                &[]
            ),
            "The text."
        );
    }

    #[test]
    fn tail_loses_a_bio_of_several_paragraphs_or_with_the_name_inside_its_first_line() {
        let text = trimmed(
            "<p>The text of the article.</p><div class=box><p>Dana Reyes manages the courts desk \
             and has reported from city hall since 2015.</p><p>She holds a law degree.</p>\
             <p>When she is not in court, she runs.</p></div>",
            &["Dana Reyes"],
        );
        assert_eq!(text, "The text of the article.");
        let text = trimmed(
            "<p>The text of the article.</p><p>A Boston native, Dana Reyes founded the \
             paper's data team.</p>",
            &["Dana Reyes"],
        );
        assert_eq!(text, "The text of the article.");
        // The article's own account of its testers, set as a list under a heading, stays.
        let body = "<p>The text of the article.</p><h2>Why we are the experts</h2><ul>\
                    <li>Dana Reyes has tested kettles for ten years.</li><li>She tested 17.</li></ul>";
        let doc = parse_html(&format!("<body><div>{body}</div>"), None);
        assert_eq!(
            trimmed(body, &["Dana Reyes"]),
            fold_whitespace(&doc.inner_text(doc.body().unwrap()))
        );
    }

    #[test]
    fn an_answer_under_a_question_keeps_its_links() {
        // An accordion's answer: a sentence, then the products it covers, each a link. Under a
        // question it is the page's text; the same list under a label is a list of links.
        let answer = "<div class=collapse><div class=body><p>Look for our signs in stores at                       <a href=/stores>participating retailers</a> to save instantly on the                       appliances below; the discount shows at the till.</p><ul>                      <li><a href=/purifiers>Air purifiers</a> – $50 instant discount at the till</li>                      <li><a href=/dehumidifiers>Dehumidifiers</a> – $40 instant discount at the till</li>                      <li><a href=/fans>Ventilation fans</a> – $25 instant discount at the till</li>                      <li><a href=/mowers>Electric lawn mowers</a> – $50 instant discount at the till</li>\
                      <li><a href=/blowers>Electric snow blowers</a> – $25 instant discount at the till</li>\
                      </ul></div></div>";
        let text = conditionally_cleaned_text(&format!(
            "<div class=item><h2><span>Which appliances qualify for discounts?</span></h2>{answer}</div>"
        ));
        assert!(text.contains("Dehumidifiers"), "{text}");
        let text = conditionally_cleaned_text(&format!(
            "<div class=item><h2>Appliances on offer</h2>{answer}</div>"
        ));
        assert!(!text.contains("Dehumidifiers"), "{text}");
    }
}
