//! Pages made of repeated items (a topic page's teasers, a shop's product cards, a thread's
//! posts): no single block holds the text, and the teasers' headlines are links, so the
//! paragraph vote of [`super::score`] finds nothing or one teaser. The main content is the
//! container of the longest run of look-alike sibling items.

use crate::dom::{Document, NodeId};

use super::clutter::{is_named_as, ClutterKind};
use super::patterns::{self, COMMENT_THREADS};
use super::prepare::match_string;
use super::stats::TextStats;

/// Fewest look-alike siblings that make a list of items.
const MIN_ITEMS: usize = 3;

/// Least text of an item, on average: a menu's or a footer's links are shorter; a shop's
/// product card (a brand, a short name and a price) is about this long.
const MIN_ITEM_TEXT: u32 = 30;

/// Below this average, items must hold some text outside their links (a card's price, a
/// teaser's date): a column of bare links of this length is a menu or a link farm.
const LINK_ONLY_ITEM_TEXT: u32 = 40;

/// The items hold at least this share of their container's text (tenths).
const ITEMS_SHARE_TENTHS: u32 = 5;

/// A wrapper around the list is taken while the list holds this share of it (tenths): the
/// list's heading and introduction come with it, a sidebar beside it does not.
const WRAPPER_SHARE_TENTHS: u32 = 7;

/// Blocks of running text: their runs are an article's paragraphs, not items.
const PROSE: crate::extract::patterns::Words =
    crate::extract::patterns::words!["p", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"];

/// What makes siblings look alike: the same tag and the same class attribute. Items marked
/// up as items (`<article>`, `<li>`) may differ in the classes that name each one (a
/// publishing system's `post-4711`, its categories and tags after the common ones): their
/// first three classes without a figure are compared instead.
fn same_kind(doc: &Document, a: NodeId, b: NodeId) -> bool {
    let tag = doc.tag(a);
    tag == doc.tag(b)
        && match (doc.attr(a, "class"), doc.attr(b, "class")) {
            (Some(x), Some(y)) if matches!(tag, Some("article" | "li")) => {
                item_classes(x).eq(item_classes(y))
            }
            (x, y) => x == y,
        }
}

/// The classes [`same_kind`] compares on items: the first three without a figure.
fn item_classes(class: &str) -> impl Iterator<Item = &str> {
    class
        .split_ascii_whitespace()
        .filter(|t| !t.bytes().any(|b| b.is_ascii_digit()))
        .take(3)
}

/// A hash of what [`same_kind`] compares: look-alike siblings hash alike.
fn kind_hash(doc: &Document, c: NodeId) -> u64 {
    let mut hash = super::evidence::FNV_START;
    let mut eat = |part: &str| {
        for b in part.bytes().chain([0]) {
            hash = super::evidence::fnv_step(hash, u64::from(b));
        }
    };
    let tag = doc.tag(c).unwrap_or_default();
    eat(tag);
    if let Some(class) = doc.attr(c, "class") {
        eat("class");
        if matches!(tag, "article" | "li") {
            item_classes(class).for_each(&mut eat);
        } else {
            eat(class);
        }
    }
    hash
}

/// Bits of a sort key that hold a child's index below its kind's hash.
const INDEX_BITS: u32 = 24;

/// The text of the largest group of look-alike items among `parent`'s element children, if
/// they make a list of items (see the constants above).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn items_text(doc: &Document, parent: NodeId, stats: &TextStats) -> Option<u32> {
    let children = doc.element_children(parent);
    if children.len() < MIN_ITEMS || children.len() >= 1 << INDEX_BITS {
        return None;
    }
    // The children grouped in one sort by their kind's hash, each in document order (its
    // index below the hash), not compared pair by pair: thousands of children of as many
    // kinds took the square of their number.
    let mut keyed: Vec<u64> = children
        .iter()
        .enumerate()
        .map(|(i, &c)| kind_hash(doc, c) << INDEX_BITS | i as u64)
        .collect();
    super::evidence::sort_set(&mut keyed);
    let mut best: Option<u32> = None;
    let mut start = 0;
    while start < keyed.len() {
        let kind = keyed[start] >> INDEX_BITS;
        let end = start + keyed[start..].partition_point(|k| k >> INDEX_BITS == kind);
        let member = |k: u64| children[(k & ((1 << INDEX_BITS) - 1)) as usize];
        let first = member(keyed[start]);
        let group = &keyed[start..end];
        start = end;
        // A run of paragraphs is prose, not a list of items.
        if doc.tag(first).is_some_and(|t| PROSE.contains(t)) {
            continue;
        }
        let (mut items, mut text, mut link_text) = (0u32, 0u32, 0u32);
        for &k in group {
            // (Checked against the first: two kinds whose hashes meet are not one group.)
            let c = member(k);
            let s = stats.get(c);
            if same_kind(doc, c, first) && s.text > 0 {
                items += 1;
                text += s.text;
                link_text += s.link_text;
            }
        }
        if items >= MIN_ITEMS as u32
            && text >= MIN_ITEM_TEXT * items
            && (text >= LINK_ONLY_ITEM_TEXT * items || link_text < text)
        {
            best = best.max(Some(text));
        }
    }
    best.filter(|&t| t * 10 >= stats.get(parent).text * ITEMS_SHARE_TENTHS)
}

/// True when `list` or its first item is named as a comment thread (`comment-list`,
/// `class="comment"` on each reply).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn names_comments(doc: &Document, list: NodeId) -> bool {
    [Some(list), doc.element_children(list).first().copied()]
        .into_iter()
        .flatten()
        .any(|n| patterns::matches(COMMENT_THREADS, match_string(doc, n)))
}

/// A list holds at least this many times the text of the article the votes chose (tenths)
/// before it is taken instead: one and a half, as a category's introduction of a few
/// paragraphs is long beside its short product cards.
const LIST_OVER_PICK_TENTHS: u32 = 15;

/// Past a longer article (see [`grab`]), the list holds at least this many times its text…
const REMNANT_OVER_PICK: u32 = 3;

/// …and at least this share (tenths) of the text of the votes' block before cleaning.
const REMNANT_SHARE_TENTHS: u32 = 7;

/// The block around the list and the picks may hold this many times the two (tenths): more,
/// and the two are far apart on the page. Up to twice: a list's filters and sorting bar sit
/// between an introduction and its items.
const HOLDER_EXCESS_TENTHS: u32 = 20;

/// Picks that a list of links holds this many times the text of are its introduction,
/// not an article beside its related stories.
const INTRO_UNDER_LIST: u32 = 4;

/// Currency signs that stand next to a price's figures.
const CURRENCY: &[char] = &['$', '€', '£', '¥', '₹'];

/// True when `t` shows a price: a currency sign next to a figure (`$79.99`, `12,50 €`), or
/// alone.
fn is_price(t: &str) -> bool {
    let b = t.as_bytes();
    // Most texts hold no sign: a byte scan rules them out before any character is decoded
    // (`$`, and the lead bytes of `£ ¥` and of `€ ₹`); ASCII text, by the word-wide scans
    // of the standard library, needs only the `$`.
    if (b.is_ascii() && !b.contains(&b'$')) || !b.iter().any(|&x| matches!(x, b'$' | 0xC2 | 0xE2)) {
        return false;
    }
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    // A figure right before or after `i`, or one space away.
    let near = |i: usize, step: isize| {
        let at = |k: isize| i.checked_add_signed(k * step).is_some_and(&digit);
        let space = |k: isize| i.checked_add_signed(k * step).and_then(|j| b.get(j)) == Some(&b' ');
        at(1) || (space(1) && at(2))
    };
    // A sign in an element of its own, the figures in the next.
    let mut sign = t.trim().chars();
    sign.next().is_some_and(|c| CURRENCY.contains(&c)) && sign.next().is_none()
        || t.char_indices()
            .any(|(i, c)| CURRENCY.contains(&c) && (near(i, -1) || near(i + c.len_utf8() - 1, 1)))
}

/// True when a text under `n` shows a price.
pub fn shows_price(doc: &Document, n: NodeId) -> bool {
    doc.descendants(n)
        .any(|d| doc.text(d).is_some_and(is_price))
}

/// True when `d` is a text of its own showing a price (`$24.50`, `From $24`), as a shop sets
/// one; an article's sums sit in its sentences, and a prompt's in its pitch ("a $199 value").
/// A template's indentation around the figures does not count.
fn is_price_text(doc: &Document, d: NodeId) -> bool {
    doc.text(d)
        .is_some_and(|t| t.trim().len() <= PRICE_TEXT_MAX && is_price(t))
}

/// True when an element under `n` holds a price and no more (a card's `<span>$24.50</span>`),
/// not a sentence that quotes one (a prompt's "lessons free ($199 value)").
pub fn sets_price(doc: &Document, n: NodeId) -> bool {
    doc.descendants(n).any(|d| {
        is_price_text(doc, d)
            && doc
                .parent(d)
                .is_some_and(|p| doc.text_len(p) as usize <= PRICE_TEXT_MAX)
    })
}

/// How many prices the page shows, counted up to [`MIN_PRICED_ITEMS`]: that many hold a
/// shop's grid of products.
pub fn prices_shown(doc: &Document) -> usize {
    doc.body().map_or(0, |b| {
        doc.descendants(b)
            .filter(|&d| is_price_text(doc, d))
            .take(MIN_PRICED_ITEMS)
            .count()
    })
}

/// Longest text, in bytes, read for a price when the page is judged a shop's.
const PRICE_TEXT_MAX: usize = 48;

/// Fewest priced items that make a shop's grid of products (see [`grab`]'s `priced`).
pub const MIN_PRICED_ITEMS: usize = 6;

/// Finds the page's list of items and moves it under a new, detached `<div>`, which it
/// returns: the container whose look-alike children hold the most text, widened to a
/// wrapper that adds only a little (the list's heading, its introduction). `picks` are the
/// blocks the paragraph vote chose, holding `picked_text` characters: the list is taken only
/// when it holds several times their text, together with them when they sit near it (an
/// introduction above the list), alone when there are none. With `priced`, only a shop's
/// grid of products is taken: nearly all its items show a price (a comment thread, an
/// archive or a list of related stories beside an article shows none).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn grab(
    doc: &mut Document,
    picks: &[NodeId],
    picked_text: u32,
    priced: bool,
    thread: bool,
) -> Option<(NodeId, bool)> {
    let body = doc.body()?;
    let stats = TextStats::measure(doc, body);
    let picks_cms_body = picks
        .iter()
        .any(|&p| patterns::matches(patterns::CMS_CONTENT, match_string(doc, p)));
    let mut best: Option<(NodeId, u32)> = None;
    // The body itself is no list: it is the page (and above it there is nothing to widen to).
    for n in doc.descendants(body).filter(|&n| n != body) {
        // A block holding no more text than the best list so far cannot beat it.
        let floor = best.map_or(MIN_ITEM_TEXT * MIN_ITEMS as u32, |(_, t)| t + 1);
        if doc.tag(n).is_none() || stats.get(n).text < floor {
            continue;
        }
        // Beside a publishing system's article body, a thread of comments is its discussion:
        // the readers' replies, however long, are not the page's content. (A forum's
        // opening post is no such body: there the thread is the content.)
        if picks_cms_body && names_comments(doc, n) {
            continue;
        }
        // The site's menus and the columns of its header and footer are no page's list (the
        // items inside them are tried all the same: a list is named for itself), nor is a
        // block kept for screen readers only (a copy of the menu no reader sees).
        if matches!(doc.tag(n), Some("nav" | "header" | "footer"))
            || patterns::matches(patterns::MENU_LISTS, match_string(doc, n))
            || patterns::matches(patterns::SCREEN_READER_ONLY, match_string(doc, n))
        {
            continue;
        }
        if let Some(text) = items_text(doc, n, &stats) {
            if best.is_none_or(|(_, t)| text > t) {
                best = Some((n, text));
            }
        }
    }
    let (mut list, mut list_text) = best?;
    let (items, items_only) = (list, list_text);
    // A shop's grid of products: most of its items show a price (some of a store's are
    // free, some sold out and unpriced).
    let grid = {
        let items = doc.element_children(list);
        let with_price = items.iter().filter(|&&c| shows_price(doc, c)).count();
        with_price >= MIN_PRICED_ITEMS && with_price * 2 >= items.len()
    };
    if priced && !grid {
        return None;
    }
    while let Some(p) = doc.parent(list).filter(|&p| p != body) {
        if stats.get(list).text * 10 < stats.get(p).text * WRAPPER_SHARE_TENTHS {
            break;
        }
        list = p;
    }
    // A list of dated teasers beside two or more sections of the same tag that each hold a
    // list of their own is one of a front page's sections, not the page's list. (Only
    // blocks with an item list's least text are tried as lists, and two sections settle it.)
    // Where the votes found no block, such a front page has no article; where they found
    // one (a promo box, an event's pitch between the sections), the sections together are
    // weighed against it, as undated groups are. Undated, a list beside such a section is
    // one of a page's groups of items (a shop's or a blog's categories, an index's topics):
    // the page's list is all of them. The site's header and footer, with their columns of
    // links, are no such sections; nor, on a page that declares a discussion (`thread`),
    // are the boxes beside its posts (other topics, other questions): the thread is the
    // page's one list.
    let dated = doc.descendants(list).any(|d| doc.is(d, "time"));
    if let Some(parent) = doc.parent(list) {
        let holds_list = |s: NodeId| {
            doc.descendants(s).any(|d| {
                stats.get(d).text >= MIN_ITEM_TEXT * MIN_ITEMS as u32
                    && items_text(doc, d, &stats).is_some()
            })
        };
        let sections = doc
            .element_children(parent)
            .into_iter()
            .filter(|&s| {
                s != list
                    && doc.tag(s) == doc.tag(list)
                    && !is_named_as(doc, s, ClutterKind::Navigation)
                    && holds_list(s)
            })
            .take(2)
            .count();
        if dated && sections == 2 && picked_text == 0 {
            return None;
        }
        if (!dated || picked_text > 0) && !thread && sections > 0 && parent != body {
            list = parent;
            list_text = stats.get(list).text;
        }
    }
    // The groups of items together, not the largest alone, are weighed against the picks.
    // A shop's grid that outweighs what cleaning left of the votes' block is what the page
    // offers, whether cleaning cut it from that block (its cards are links and forms) or
    // the votes chose a description or questions beside it: taken, with them.
    let cut_from_pick = grid && items_only >= picked_text;
    if list_text * 10 < picked_text * LIST_OVER_PICK_TENTHS && !cut_from_pick {
        return None;
    }
    // Past a longer article on a page without prices, the list must be what cleaning cut
    // from the votes' own block: several times the article (beside which its comments or
    // its archive seldom run so long), and most of that block as the page holds it (a front
    // page's one group of teasers fills a small part of the page the votes chose).
    if !priced && picked_text >= super::LISTING_CHECK_TEXT {
        let block = picks
            .iter()
            .filter(|&&p| doc.contains(body, p))
            .map(|&p| stats.get(p).text)
            .max()
            .unwrap_or(0);
        if list_text < picked_text * REMNANT_OVER_PICK
            || list_text * 10 < block * REMNANT_SHARE_TENTHS
        {
            return None;
        }
    }
    // Beside an article the votes found, a list mostly of links is its related stories;
    // beside a short introduction it dwarfs, it is the page's cards (each one a link).
    let introduced = list_text >= picked_text * INTRO_UNDER_LIST;
    // Items with text of their own beside their links (a price, a date), not a menu's.
    let own_text = stats.get(list).link_text * 5 <= stats.get(list).text * 4;
    let mut holder = list;
    for &p in picks {
        // Picks the chrome rules took out of this copy of the page do not count.
        while doc.contains(body, p) && !doc.contains(holder, p) {
            match doc.parent(holder).filter(|&h| h != body) {
                Some(h) => holder = h,
                // Picks in another part of the page that the list dwarfs (a shop's address
                // in its footer) are no introduction: the list stands alone, unless four
                // fifths of it or more are links (a menu) and it is no grid of priced cards
                // (each card a link whole, its price too).
                None if introduced && (own_text || grid) => {
                    holder = list;
                    break;
                }
                None => return None,
            }
        }
    }
    let parts = stats.get(list).text + picked_text;
    let held = stats.get(holder);
    if held.text * 10 > parts * HOLDER_EXCESS_TENTHS
        || (picked_text > 0 && !introduced && held.link_text * 2 > held.text)
    {
        return None;
    }
    // The items' labels for screen readers repeat what each card shows (its name, a link).
    super::prepare::remove_where(doc, holder, |doc, d| {
        patterns::matches(patterns::SCREEN_READER_ONLY, match_string(doc, d))
    });
    // A form around the items (a shop's compare form around its grid) is their wrapper, not
    // a form to fill in: cleaning and the sanitizer would drop it with the items.
    let mut up = Some(items);
    while let Some(n) = up.filter(|&n| n != holder) {
        if doc.is(n, "form") {
            doc.rename(n, "div");
        }
        up = doc.parent(n);
    }
    let article = doc.create_element("div", vec![]);
    doc.append(article, holder);
    Some((article, grid))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::html::parse_html;

    /// The element of the body whose id is `id`.
    fn by_id(doc: &Document, id: &str) -> NodeId {
        doc.descendants(doc.body().unwrap())
            .find(|&n| doc.attr(n, "id") == Some(id))
            .unwrap()
    }

    #[test]
    fn look_alike_items_are_one_group_wherever_they_stand_among_their_siblings() {
        let teaser = |i: usize| format!("Story {i}: a teaser long enough to be an item.");
        let item = |class: &str, i: usize| format!("<div class=\"{class}\">{}</div>", teaser(i));
        // Items of one kind between others, each of a kind of its own (a class per ad slot):
        // the three items are a group, the ad slots three groups of one.
        let mixed: String = (0..3)
            .map(|i| format!("{}<aside class=\"slot-{i}\">Ad</aside>", item("teaser", i)))
            .collect();
        let doc = parse_html(&format!("<body><div id=l>{mixed}</div>"), None);
        let stats = TextStats::measure(&doc, doc.body().unwrap());
        let items = (0..3).map(|i| teaser(i).len() as u32).sum::<u32>();
        assert_eq!(items_text(&doc, by_id(&doc, "l"), &stats), Some(items));
        // Two of a kind and one of another class are no list.
        let two = format!(
            "{}{}{}",
            item("teaser", 0),
            item("teaser", 1),
            item("lead", 2)
        );
        let doc = parse_html(&format!("<body><div id=l>{two}</div>"), None);
        let stats = TextStats::measure(&doc, doc.body().unwrap());
        assert_eq!(items_text(&doc, by_id(&doc, "l"), &stats), None);
    }

    #[test]
    fn the_list_of_teasers_is_taken_with_its_heading_and_not_the_menu() {
        let menu: String = (0..8)
            .map(|i| format!("<li class=\"m\"><a href=\"/s{i}\">Section {i}</a></li>"))
            .collect();
        let card = |i: usize| {
            format!(
                "<div class=\"card\"><a href=\"/story/{i}\"><h2>Story number {i} in the list</h2>\
                 <p>The teaser of story {i}, a sentence or two that says what it is about.</p></a></div>"
            )
        };
        let cards: String = (0..6).map(card).collect();
        let html = format!(
            "<html><body><ul>{menu}</ul><section><h1>Rail news</h1><div class=\"grid\">{cards}</div>\
             </section><footer><p>Copyright</p></footer></body></html>"
        );
        let mut doc = parse_html(&html, None);
        let root = grab(&mut doc, &[], 0, false, false)
            .map(|r| r.0)
            .expect("a list");
        let text = doc.text_content(root);
        assert!(text.contains("Rail news"), "{text}");
        assert!(text.contains("The teaser of story 5"), "{text}");
        assert!(!text.contains("Section 3"), "{text}");
        assert!(!text.contains("Copyright"), "{text}");
    }

    #[test]
    fn a_copy_of_the_menu_for_screen_readers_is_no_list() {
        // A shop's menu, copied whole for screen readers into a visually hidden block: its
        // entries are long enough to pass for items, and no reader sees them.
        let entry = |i: usize| {
            format!(
                "<div class=\"entry\"><a href=\"/c/{i}\">Shop all women's socks, collection \
                 {i}</a><span>New releases and best sellers</span></div>"
            )
        };
        let menu: String = (0..8).map(entry).collect();
        let html = format!(
            "<html><body><div class=\"visually-hidden\">{menu}</div><main>\
             <h1>Quarter socks</h1><p>Soft and light.</p></main></body></html>"
        );
        let mut doc = parse_html(&html, None);
        assert!(grab(&mut doc, &[], 0, false, false).is_none());
    }

    #[test]
    fn an_archives_posts_are_items_though_each_names_itself_in_its_classes() {
        // A blog's category page: each teaser an <article> whose classes name its id, its
        // categories and its tags; look-alike all the same.
        let post = |i: usize, cats: &str| {
            format!(
                "<article class=\"post-{i}0 post type-post status-publish {cats} entry\">\
                 <h2><a href=\"/p{i}\">Crispy air fryer dish number {i}</a></h2>\
                 <p>Ready in twenty minutes with a handful of pantry staples, dish {i}.</p></article>"
            )
        };
        let posts: String = (1..7)
            .map(|i| {
                post(
                    i,
                    ["category-dinner", "category-lunch tag-quick", ""][i % 3],
                )
            })
            .collect();
        let html = format!(
            "<html><body><main><h1>Air fryer recipes</h1><div class=\"archive\">{posts}</div>\
             </main><footer><p>Copyright</p></footer></body></html>"
        );
        let mut doc = parse_html(&html, None);
        let root = grab(&mut doc, &[], 0, false, false)
            .map(|r| r.0)
            .expect("the posts");
        let text = doc.text_content(root);
        assert!(text.contains("dish number 6"), "{text}");
        // Blocks of a page builder, each named by a figure, are no items: only items marked
        // up as such are compared without their own classes.
        let block = |i: usize| {
            format!(
                "<div class=\"builder-section builder-element-{i}f{i}\"><h2>Part {i}</h2>\
                 <p>Ready in twenty minutes with a handful of pantry staples, part {i}.</p></div>"
            )
        };
        let blocks: String = (1..7).map(block).collect();
        let html = format!("<html><body><main><div>{blocks}</div></main></body></html>");
        let mut doc = parse_html(&html, None);
        assert!(grab(&mut doc, &[], 0, false, false).is_none());
    }

    #[test]
    fn past_a_longer_article_the_list_is_taken_when_it_fills_the_votes_block() {
        // An awards page: the votes chose the block holding the winners, and cleaning left
        // 1,300 characters of it (its linked entries went as links).
        let entry = |i: usize| {
            format!(
                "<div class=\"award\"><h3>Best of Year, category {i}</h3><p>Winner</p>\
                 <p><a href=\"/w{i}\">A house on the coast by the sea, project {i}</a></p>\
                 <p>Studio of the year and its partners in design and building {i}</p>\
                 <p>Honoree</p><p><a href=\"/h{i}\">An apartment above the park, project {i}</a></p>\
                 <p>Architects office and their lighting designers {i}</p></div>"
            )
        };
        let entries: String = (0..20).map(entry).collect();
        let page = |after: &str| {
            format!(
                "<html><body><div id=\"block\"><h1>Winners</h1><p>Our annual awards honour the \
                 year's best projects.</p><div class=\"winners\">{entries}</div>{after}</div>\
                 </body></html>"
            )
        };
        let mut doc = parse_html(&page(""), None);
        let block = by_id(&doc, "block");
        let root = grab(&mut doc, &[block], 1300, false, false)
            .map(|r| r.0)
            .expect("the winners");
        assert!(doc.text_content(root).contains("project 19"));
        // The same list as one part of a long page the votes chose: under 1,250 characters
        // of article it is taken; past them, it must fill most of the block.
        let prose = "<p>The jury met for three days in the spring to walk through every \
                     shortlisted project, from small flats to public libraries and schools.</p>"
            .repeat(40);
        let mut doc = parse_html(&page(&format!("<div class=\"essay\">{prose}</div>")), None);
        let block = by_id(&doc, "block");
        assert!(grab(&mut doc, &[block], 1300, false, false).is_none());
        assert!(grab(&mut doc, &[block], 1200, false, false).is_some());
    }

    #[test]
    fn a_priced_grid_in_the_votes_block_is_taken_when_it_outweighs_what_cleaning_left() {
        // A shop's category: the votes chose the block of the grid and its questions; what
        // cleaning left of it (the questions) is shorter than the grid, which comes back
        // with it, though short of one and a half times its text.
        let page = |price: &str| {
            let cards: String = (0..8)
                .map(|i| {
                    format!(
                        "<li class=\"item\"><a href=\"/p/{i}\">Boxwood chess pieces, tournament \
                         size, set {i}</a><span>Special price</span><span>{price}1{i}3.00</span></li>"
                    )
                })
                .collect();
            let faq = "<p>Our pieces are turned by hand from seasoned boxwood for club play.</p>"
                .repeat(6);
            parse_html(
                &format!(
                    "<html><body><main id=\"block\"><h1>Tournament pieces</h1><ol>{cards}</ol>\
                     <div id=\"faq\">{faq}</div></main></body></html>"
                ),
                None,
            )
        };
        let doc = page("$");
        let (block, faq) = (by_id(&doc, "block"), by_id(&doc, "faq"));
        let picked = doc.text_content(faq).len() as u32;
        let grid = doc.text_content(doc.find_all(block, "ol")[0]).len() as u32;
        assert!(grid >= picked && grid * 10 < picked * LIST_OVER_PICK_TENTHS);
        let (_, priced) = grab(&mut doc.clone(), &[block], picked, false, false).unwrap();
        assert!(priced);
        // Beside the block rather than in it (the votes chose the questions alone), the
        // grid is what the page is about all the same: taken, with the questions.
        let mut taken = doc.clone();
        let (root, _) = grab(&mut taken, &[faq], picked, true, false).expect("the grid");
        let text = taken.text_content(root);
        assert!(
            text.contains("set 7") && text.contains("seasoned boxwood"),
            "{text}"
        );
        // Without prices, the grid is not enough.
        let mut doc = page("No. ");
        let block = by_id(&doc, "block");
        assert!(grab(&mut doc, &[block], picked, false, false).is_none());
    }

    #[test]
    fn a_form_around_the_grid_is_its_wrapper_not_a_form_to_fill_in() {
        // A shop wraps its grid in a form that compares the ticked products: taken as the
        // page's list, the form is a plain block, as cleaning and the sanitizer drop forms.
        let cards: String = (0..8)
            .map(|i| {
                format!(
                    "<li class=\"product\"><h2><a href=\"/p/{i}\">Air purifier for a medium \
                     room, model {i}</a></h2><p>Captures dust and pollen in three layers.</p>\
                     <span>$8{i}.99</span></li>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><main><h1>Air purifiers</h1><p id=\"intro\">Our purifiers filter the \
             air of a room in minutes, quietly.</p><form action=\"/compare\" method=\"post\">\
             <ul class=\"list\">{cards}</ul></form></main></body></html>"
        );
        let mut doc = parse_html(&html, None);
        let intro = by_id(&doc, "intro");
        let picked = doc.text_content(intro).len() as u32;
        let (root, grid) = grab(&mut doc, &[intro], picked, true, false).expect("the grid");
        assert!(grid);
        assert!(doc.find_all(root, "form").is_empty());
        assert!(doc.text_content(root).contains("model 7"));
    }

    #[test]
    fn a_stores_grid_is_a_grid_though_some_of_its_items_are_free() {
        // A game store's results: seven priced, five free to play, on a long introduction.
        let (mut doc, pick, picked) = introduced_blocks(&|i| {
            let price = if i % 3 == 0 { "Free To Play" } else { "$39.99" };
            format!(
                "<div class=\"result\"><h3><a href=\"/app/{i}\">Starship game number {i}</a></h3>\
                 <p>Explore a galaxy of twelve systems with friends in online co-op, game {i}.</p>\
                 <div class=\"price\">{price}</div></div>"
            )
        });
        let (root, grid) = grab(&mut doc, &[pick], picked, true, false).expect("the results");
        assert!(grid);
        assert!(doc.text_content(root).contains("Starship game number 15"));
    }

    #[test]
    fn prices_are_a_currency_sign_next_to_figures() {
        for t in ["$79.99", "From $ 79.00", "12,50 €", "12 €", "£5", "$"] {
            assert!(is_price(t), "{t}");
        }
        for t in ["$$", "Price", "US dollars", "4.8 · French · $$", "a $ sign"] {
            assert!(!is_price(t), "{t}");
        }
    }

    /// A page of a long introduction (the votes' pick) above sixteen look-alike blocks, each
    /// `card(i)`; and the pick.
    fn introduced_blocks(card: &dyn Fn(usize) -> String) -> (Document, NodeId, u32) {
        let intro = "<p>Our skillets are cast in one piece and seasoned by hand, ready to \
                     cook on gas, on induction and over a campfire.</p>"
            .repeat(4);
        let cards: String = (0..16).map(card).collect();
        let html = format!(
            "<html><body><main><div id=\"intro\">{intro}</div><div class=\"grid\">{cards}\
             </div></main></body></html>"
        );
        let doc = parse_html(&html, None);
        let pick = by_id(&doc, "intro");
        let picked = doc.text_content(pick).len() as u32;
        (doc, pick, picked)
    }

    #[test]
    fn past_a_long_pick_only_a_grid_of_priced_items_is_taken() {
        // A shop's category: the votes chose its description; the products come with it,
        // without their labels for screen readers.
        let (mut doc, pick, picked) = introduced_blocks(&|i| {
            format!(
                "<div class=\"card\"><h4><a href=\"/p/{i}\">Cast iron skillet number {i}, \
                 ten inches</a></h4><span class=\"sr-only\">Product link</span><span>Our \
                 price</span><span class=\"cur\">$</span><span>3{i}.99</span></div>"
            )
        });
        let root = grab(&mut doc, &[pick], picked, true, false)
            .map(|r| r.0)
            .expect("the cards");
        let text = doc.text_content(root);
        assert!(
            text.contains("skillet number 7") && text.contains("seasoned"),
            "{text}"
        );
        assert!(!text.contains("Product link"), "{text}");
        // An article's comments show no prices: the article stays.
        let (mut doc, pick, picked) = introduced_blocks(&|i| {
            format!(
                "<div class=\"reply\"><h4><a href=\"/u/{i}\">Reader number {i}</a></h4><p>I \
                 bought one of these last spring and have cooked with it every day since then, \
                 eggs and steaks and cornbread alike.</p></div>"
            )
        });
        assert!(grab(&mut doc, &[pick], picked, false, false).is_some());
        assert!(grab(&mut doc, &[pick], picked, true, false).is_none());
    }

    #[test]
    fn a_page_of_prices_in_texts_of_their_own_is_a_shops_an_article_quoting_sums_is_not() {
        let sums = "<p>The city spent $4 million on roads, $2 million on parks and $1 million                     on lights.</p>"
            .repeat(3);
        let article = parse_html(&format!("<html><body>{sums}</body></html>"), None);
        assert_eq!(prices_shown(&article), 0);
        let cards: String = (0..6)
            .map(|i| format!("<div><a href=\"/p/{i}\">Skillet {i}</a><span>$3{i}.99</span></div>"))
            .collect();
        let shop = parse_html(&format!("<html><body>{cards}</body></html>"), None);
        assert_eq!(prices_shown(&shop), MIN_PRICED_ITEMS);
        // The same prices as a template indents them.
        let pad = " ".repeat(40);
        let cards: String = (0..6)
            .map(|i| {
                format!("<div><a href=\"/p/{i}\">Skillet {i}</a><span>\n{pad}$3{i}.99\n{pad}</span></div>")
            })
            .collect();
        let shop = parse_html(&format!("<html><body>{cards}</body></html>"), None);
        assert_eq!(prices_shown(&shop), MIN_PRICED_ITEMS);
    }

    #[test]
    fn a_shops_recommendations_and_card_buttons_are_named() {
        assert!(patterns::matches(
            patterns::RECOMMENDATION_HEADINGS,
            "more like this"
        ));
        assert!(patterns::INTERFACE_LABELS.contains("quick shop"));
    }

    #[test]
    fn a_grid_of_priced_cards_stands_alone_beside_picks_in_the_footer() {
        // A shop's category: the votes chose the address in the footer; the cards, each a
        // linked name and a price, are the content. A menu of links alone is not.
        let card = |i: usize| {
            format!(
                "<div class=\"card\"><h4><a href=\"/p/{i}\">Cast iron skillet number {i}</a>\
                 </h4><span class=\"price\">$3{i}.99 USD</span></div>"
            )
        };
        let cards: String = (0..12).map(card).collect();
        let footer = "<footer><div id=\"addr\"><p>1725 Main Street, Springfield. Open Monday to \
                      Friday from nine to five, and Saturday mornings.</p></div></footer>";
        let html = format!(
            "<html><body><div><h1>Skillets</h1><div class=\"grid\">{cards}</div></div>{footer}\
             </body></html>"
        );
        let mut doc = parse_html(&html, None);
        let addr = by_id(&doc, "addr");
        let picked = doc.text_content(addr).len() as u32;
        let root = grab(&mut doc, &[addr], picked, false, false)
            .map(|r| r.0)
            .expect("the cards");
        let text = doc.text_content(root);
        assert!(text.contains("$37.99"), "{text}");
        assert!(!text.contains("Main Street"), "{text}");
        // Cards that are links whole, their prices in the link, are the content too.
        let card = |i: usize| {
            format!(
                "<div class=\"card\"><a href=\"/p/{i}\"><h4>Cast iron skillet number {i}, ten inches</h4>\
                 <span class=\"price\">$3{i}.99 USD</span></a></div>"
            )
        };
        let cards: String = (0..12).map(card).collect();
        let html = format!(
            "<html><body><div><h1>Skillets</h1><div class=\"grid\">{cards}</div></div>{footer}\
             </body></html>"
        );
        let mut doc = parse_html(&html, None);
        let addr = by_id(&doc, "addr");
        let root = grab(&mut doc, &[addr], picked, false, false)
            .map(|r| r.0)
            .expect("the linked cards");
        assert!(doc.text_content(root).contains("$37.99"));
        let item = |i: usize| {
            format!("<li class=\"m\"><a href=\"/s/{i}\">Product line {i}: what it does for you and your team</a></li>")
        };
        let menu: String = (0..16).map(item).collect();
        let html = format!("<html><body><div><ul>{menu}</ul></div>{footer}</body></html>");
        let mut doc = parse_html(&html, None);
        let addr = by_id(&doc, "addr");
        assert!(grab(&mut doc, &[addr], picked, false, false).is_none());
    }

    #[test]
    fn the_columns_of_a_sites_footer_or_menu_are_no_list() {
        let column = |c: usize| {
            format!(
                "<div class=\"col\"><h4>Column {c}</h4><ul><li><a href=\"/{c}/a\">About the \
                 company and its people</a></li><li><a href=\"/{c}/b\">Careers in the stores \
                 and the offices</a></li></ul><p>Open daily from nine to six.</p></div>"
            )
        };
        let columns: String = (0..4).map(column).collect();
        let list = |wrapper: &str| {
            let html = format!("<html><body><div><{wrapper}>{columns}</div></div></body></html>");
            let mut doc = parse_html(&html, None);
            grab(&mut doc, &[], 0, false, false).is_some()
        };
        assert!(list("div class=\"columns\""));
        assert!(!list("div class=\"site-footer__columns\""));
        assert!(!list("div id=\"main-navigation\""));
        assert!(!list("div class=\"nav columns\""));
    }

    #[test]
    fn a_front_pages_sections_of_dated_teasers_are_no_list() {
        let teaser = |s: usize, i: usize| {
            format!(
                "<article class=\"card\"><h3><a href=\"/s{s}/{i}\">Story {i} of section {s} \
                 in the news today</a></h3><p>What story {i} is about, in a line.</p>\
                 <time datetime=\"2024-05-21\">{i}h ago</time></article>"
            )
        };
        let section = |s: usize| {
            let cards: String = (0..5).map(|i| teaser(s, i)).collect();
            format!("<section class=\"home-section home-section--s{s}\"><h2>Section {s}</h2><div class=\"grid\">{cards}</div></section>")
        };
        let page = |sections: usize| {
            let all: String = (0..sections).map(section).collect();
            parse_html(
                &format!("<html><body><main>{all}</main></body></html>"),
                None,
            )
        };
        // A front page: three sections, each a list of teasers under its own name.
        assert!(grab(&mut page(3), &[], 0, false, false).is_none());
        // The same beside a block the votes chose (an event's pitch): the sections together.
        let mut doc = page(3);
        let main = doc.find_all(doc.body().unwrap(), "main")[0];
        let promo = doc.create_element("div", vec![]);
        doc.append_text(
            promo,
            &"Register for the summit by March to save up to $300. ".repeat(4),
        );
        doc.append(main, promo);
        let picked = doc.text_len(promo);
        let root = grab(&mut doc, &[promo], picked, false, false)
            .map(|r| r.0)
            .expect("the sections");
        let text = doc.text_content(root);
        assert!(text.contains("Story 4 of section 0"), "{text}");
        assert!(text.contains("Story 4 of section 2"), "{text}");
        // A topic page: one section, its list the page's.
        let mut doc = page(1);
        let root = grab(&mut doc, &[], 0, false, false)
            .map(|r| r.0)
            .expect("the list");
        assert!(doc.text_content(root).contains("Story 4 of section 0"));
    }

    #[test]
    fn undated_groups_of_items_are_taken_together_but_not_the_footers_links() {
        // A blog's index: each category a section of cards under its heading (each section
        // named apart); beside one group alone, the footer's columns of links stay out.
        let card = |s: usize, i: usize| {
            format!(
                "<div class=\"card\"><h3><a href=\"/r/{s}/{i}\">Recipe {i} of group {s}: \
                 roast squash with sage</a></h3><p>Ready in forty minutes.</p></div>"
            )
        };
        let group = |s: usize| {
            let cards: String = (0..5).map(|i| card(s, i)).collect();
            format!(
                "<section class=\"group group--{s}\"><h2>Group {s}</h2>\
                 <div class=\"grid\">{cards}</div></section>"
            )
        };
        let page = |groups: usize, after: &str| {
            let all: String = (0..groups).map(group).collect();
            let html = format!(
                "<html><body><div id=\"page\"><div class=\"groups\">{all}</div>{after}</div>\
                 </body></html>"
            );
            let mut doc = parse_html(&html, None);
            let root = grab(&mut doc, &[], 0, false, false)
                .map(|r| r.0)
                .expect("a list");
            doc.text_content(root)
        };
        let text = page(3, "");
        assert!(text.contains("Recipe 4 of group 0"), "{text}");
        assert!(text.contains("Recipe 4 of group 2"), "{text}");
        let links: String = (0..4)
            .map(|i| format!("<li class=\"f\"><a href=\"/f/{i}\">Footer link {i} to another page of the whole site</a></li>"))
            .collect();
        let text = page(
            1,
            &format!("<div class=\"site-footer\"><ul>{links}</ul></div>"),
        );
        assert!(text.contains("Recipe 4 of group 0"), "{text}");
        assert!(!text.contains("Footer link"), "{text}");
    }

    #[test]
    fn a_declared_threads_posts_are_not_widened_to_the_boxes_beside_them() {
        // A thread's posts as rows, and beside it two boxes of other topics, each a list.
        let post = |i: usize| {
            format!(
                "<div class=\"post\"><p>Reply {i}: the new firmware fixed the fan noise for \
                 me too, after a reset.</p></div>"
            )
        };
        let topic = |s: usize, i: usize| {
            format!(
                "<li class=\"t\"><a href=\"/t/{s}/{i}\">Other topic {i} of box {s}, about the \
                     fans</a> 12 posts</li>"
            )
        };
        let boxed = |s: usize| {
            let items: String = (0..5).map(|i| topic(s, i)).collect();
            format!("<div class=\"pod topics\"><h2>More topics {s}</h2><ul>{items}</ul></div>")
        };
        let posts: String = (0..6).map(post).collect();
        let html = format!(
            "<html><body><div id=\"page\"><div class=\"pod board\"><div class=\"posts\">{posts}\
             </div></div>{}{}</div></body></html>",
            boxed(0),
            boxed(1)
        );
        for thread in [false, true] {
            let mut doc = parse_html(&html, None);
            let root = grab(&mut doc, &[], 0, false, thread)
                .map(|r| r.0)
                .expect("a list");
            let text = doc.text_content(root);
            assert!(text.contains("Reply 5: the new firmware"), "{text}");
            assert_eq!(text.contains("Other topic"), !thread, "{text}");
        }
    }

    #[test]
    fn groups_of_items_together_outweigh_an_introduction_each_one_does_not() {
        // A category page: an introduction the votes chose, then three groups of cards, each
        // shorter than one and a half times the introduction, together far longer.
        let intro = "Everything we stock for the garden shed, from hand tools to potting benches, \
                     chosen for a lifetime of use and sold with spare parts for years to come.";
        let card = |s: usize, i: usize| {
            format!("<li class=\"tile\"><a href=\"/p/{s}/{i}\">Forged steel trowel {i} of range {s}</a><span>Ash handle and a stainless blade, $12</span></li>")
        };
        let group = |s: usize| {
            let cards: String = (0..3).map(|i| card(s, i)).collect();
            format!(
                "<section class=\"range range--{s}\"><h2>Range {s}</h2><ul class=\"tiles\">{cards}</ul></section>"
            )
        };
        let groups: String = (0..3).map(group).collect();
        let html = format!(
            "<html><body><div id=\"page\"><div id=\"intro\"><p>{intro}</p></div>\
             <div class=\"ranges\">{groups}</div></div><footer>Footer</footer></body></html>"
        );
        let mut doc = parse_html(&html, None);
        let intro_block = by_id(&doc, "intro");
        let root = grab(&mut doc, &[intro_block], intro.len() as u32, false, false)
            .map(|r| r.0)
            .expect("the groups");
        let text = doc.text_content(root);
        assert!(text.contains("lifetime of use"), "{text}");
        assert!(text.contains("Forged steel trowel 2 of range 2"), "{text}");
    }

    #[test]
    fn the_body_is_no_list_of_its_own_children() {
        // A page whose body's children look alike (the same <div> around every part): the list
        // is inside the page, never the body (above which there is only the document).
        let card = |i: usize| {
            format!(
                "<div class=\"card\"><h2>Plan {i}</h2><p>Plan {i} covers the first year of \
                 service, with support by phone and a spare part sent the next day.</p></div>"
            )
        };
        let cards: String = (0..4).map(card).collect();
        let part = |inner: &str| format!("<div>{inner}</div>");
        let intro = "Three plans cover the machine after its warranty ends, from a year to five.";
        let html = format!(
            "<html><body>{}{}{}</body></html>",
            part(&format!("<p>{intro}</p>")),
            part(&format!("<section class=\"plans\">{cards}</section>")),
            part("<p>Prices include tax and are the same in every region we sell in.</p>")
        );
        let mut doc = parse_html(&html, None);
        let root = grab(&mut doc, &[], 0, false, false)
            .map(|r| r.0)
            .expect("a list");
        // The article holds one block of the page's: not the body, the <html> or the document.
        let held = doc.first_child(root).expect("the list's block");
        assert!(
            matches!(doc.tag(held), Some("div" | "section")),
            "{:?}",
            doc.tag(held)
        );
        assert!(doc.text_content(root).contains("Plan 3 covers"));
    }

    #[test]
    fn an_article_keeps_its_place_beside_a_longer_list_of_links() {
        let para = "The council approved the budget after a long debate about the cost of the new library and the repairs to the old swimming pool.";
        let related: String = (0..8)
            .map(|i| {
                format!(
                    "<li class=\"rel\"><a href=\"/r{i}\">Related story number {i} about the town \
                     budget and its long debate</a></li>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><div id=\"story\"><p>{para}</p><p>{para}</p></div>\
             <ul class=\"related\">{related}</ul></body></html>"
        );
        let mut doc = parse_html(&html, None);
        let story = by_id(&doc, "story");
        let picked = (para.len() * 2) as u32;
        // The list holds more than twice the story's text, but it is all links.
        assert!(grab(&mut doc, &[story], picked, false, false).is_none());
        // With no article found, the same list is the page's content.
        assert!(grab(&mut doc, &[], 0, false, false).is_some());
    }

    #[test]
    fn a_grid_of_linked_cards_under_a_short_introduction_is_the_content() {
        // A topic page: a line of introduction the votes chose, then cards each wholly a link
        // (headline and teaser inside the <a>), holding many times its text.
        let intro = "Our collection of tomato sauce recipes has something for every kind of dish.";
        let card = |i: usize| {
            format!(
                "<div class=\"card\"><a href=\"/r{i}\"><span>Recipe {i}</span><h3>Slow-cooked \
                 tomato sauce number {i} with garlic, basil and a splash of olive oil</h3></a></div>"
            )
        };
        let cards: String = (0..8).map(card).collect();
        let html = format!(
            "<html><body><div id=\"page\"><div id=\"intro\"><p>{intro}</p></div>\
             <div class=\"cards\">{cards}</div></div><footer>Footer</footer></body></html>"
        );
        let mut doc = parse_html(&html, None);
        let intro_block = by_id(&doc, "intro");
        let root = grab(&mut doc, &[intro_block], intro.len() as u32, false, false)
            .map(|r| r.0)
            .expect("the cards");
        let text = doc.text_content(root);
        assert!(text.contains(intro), "{text}");
        assert!(text.contains("sauce number 7"), "{text}");
    }

    #[test]
    fn a_short_introduction_comes_with_the_list_after_it() {
        let intro = "Our evening courses run for ten weeks and are open to everyone over sixteen.";
        let course = |i: usize| {
            format!(
                "<div class=\"course\"><h3><a href=\"/c{i}\">Course {i}</a></h3><p>Ten \
                 Tuesday evenings of practice, with all materials included in the fee.</p></div>"
            )
        };
        let courses: String = (0..5).map(course).collect();
        let html = format!(
            "<html><body><div id=\"page\"><div id=\"intro\"><p>{intro}</p></div>\
             <div class=\"courses\">{courses}</div></div><div>Footer</div></body></html>"
        );
        let mut doc = parse_html(&html, None);
        let intro_block = by_id(&doc, "intro");
        let root = grab(&mut doc, &[intro_block], intro.len() as u32, false, false)
            .map(|r| r.0)
            .expect("the list");
        let text = doc.text_content(root);
        assert!(text.contains(intro), "{text}");
        assert!(text.contains("Course 4"), "{text}");
        assert!(!text.contains("Footer"), "{text}");
    }

    #[test]
    fn a_blog_posts_comments_are_its_discussion_not_a_list_to_take() {
        let post = "<p>I made this quilt block wall art in April from scrap plywood and paper, \
                    and it has hung on the kitchen wall ever since.</p>";
        let reply = |i: usize| {
            format!(
                "<li class=\"comment depth-1\" id=\"comment-{i}\"><p class=\"comment-author\">Reader {i} \
                 says</p><div class=\"comment-content\"><p>Thanks for sharing these projects, \
                 I pinned the bench and will build it this summer with my kids, reply {i}.</p>\
                 </div></li>"
            )
        };
        let replies: String = (0..8).map(reply).collect();
        let html = |body_class: &str| {
            format!(
                "<html><body><article><div class=\"{body_class}\">{post}</div>\
                 <div class=\"entry-comments\" id=\"comments\"><h3>Comments</h3>\
                 <ol class=\"comment-list\">{replies}</ol></div></article></body></html>"
            )
        };
        let picked_of = |doc: &Document| {
            let p = doc.find_first("p").unwrap();
            (doc.parent(p).unwrap(), post.len() as u32)
        };
        // Beside the post's body, the replies stay out.
        let mut doc = parse_html(&html("entry-content"), None);
        let (pick, picked) = picked_of(&doc);
        assert!(grab(&mut doc, &[pick], picked, false, false).is_none());
        // Beside a forum's opening post, the thread of replies is the content.
        let mut doc = parse_html(&html("question"), None);
        let (pick, picked) = picked_of(&doc);
        let root = grab(&mut doc, &[pick], picked, false, false)
            .map(|r| r.0)
            .expect("the thread");
        assert!(doc.text_content(root).contains("reply 7"));
    }

    #[test]
    fn a_grid_of_short_product_cards_is_a_list() {
        // A shop's category: each card a name and a price, about 45 characters.
        let card = |i: usize| {
            format!(
                "<div class=\"tile\"><a href=\"/p/{i}\"><h2>Figural glass candle with a lid, no. {i}</h2></a>\
                 <p class=\"price\">$24.50</p></div>"
            )
        };
        let cards: String = (10..22).map(card).collect();
        let html = format!(
            "<html><body><main><h1>Decorative candles</h1><div class=\"grid\">{cards}</div></main>\
             </body></html>"
        );
        let mut doc = parse_html(&html, None);
        let root = grab(&mut doc, &[], 0, false, false)
            .map(|r| r.0)
            .expect("the cards");
        let text = doc.text_content(root);
        assert!(text.contains("with a lid, no. 21"), "{text}");
        assert!(text.contains("$24.50"), "{text}");
    }

    #[test]
    fn cards_of_a_brand_a_name_and_a_price_are_a_list_bare_links_as_long_are_not() {
        // About 33 characters a card: short enough for a column of links, but a price and a
        // brand stand outside the link.
        let card = |i: usize| {
            format!(
                "<li class=\"card\"><span>Acme</span><a href=\"/p/{i}\">Ultralight pack {i}L</a>\
                 <span>$129.00</span></li>"
            )
        };
        let cards: String = (20..32).map(card).collect();
        let html = format!(
            "<html><body><main><h1>Backpacks</h1><ul class=\"grid\">{cards}</ul></main></body></html>"
        );
        let mut doc = parse_html(&html, None);
        let root = grab(&mut doc, &[], 0, false, false)
            .map(|r| r.0)
            .expect("the cards");
        assert!(doc.text_content(root).contains("Ultralight pack 31L"));

        // The same length in links alone: a link farm, not a list to read.
        let links: String = (20..32)
            .map(|i| {
                format!(
                    "<li class=\"l\"><a href=\"/t/{i}\">Acme ultralight pack {i}L $129.00</a></li>"
                )
            })
            .collect();
        let html =
            format!("<html><body><main><ul class=\"grid\">{links}</ul></main></body></html>");
        let mut doc = parse_html(&html, None);
        assert!(grab(&mut doc, &[], 0, false, false).is_none());
    }

    #[test]
    fn a_list_half_again_as_long_as_a_long_introduction_comes_with_it() {
        // A category page opens with a few paragraphs the votes chose; its products, each a
        // short card, hold about 1.8 times their text.
        let para = "Our mounts hold two, three or four screens at the height and angle you need, \
                    and every one is tested to carry its rated load for ten years of daily use.";
        let intro = format!("<div id=\"intro\"><p>{para}</p><p>{para}</p></div>");
        let card = |i: usize| {
            format!(
                "<div class=\"product\"><h3><a href=\"/m{i}\">Dual monitor arm model {i}</a></h3>\
                 <p>Holds two screens up to 32 inches, desk clamp included.</p><p>$249.00</p></div>"
            )
        };
        let cards: String = (0..7).map(card).collect();
        let html = format!(
            "<html><body><div id=\"page\">{intro}<div class=\"products\">{cards}</div></div>\
             <footer>Footer</footer></body></html>"
        );
        let mut doc = parse_html(&html, None);
        let intro_block = by_id(&doc, "intro");
        let picked = (para.len() * 2) as u32;
        let (root, _) = grab(&mut doc, &[intro_block], picked, false, false)
            .expect("the list and its introduction");
        let text = doc.text_content(root);
        assert!(text.contains("ten years of daily use"), "{text}");
        assert!(text.contains("Dual monitor arm model 4"), "{text}");
        assert!(!text.contains("Footer"), "{text}");
    }

    #[test]
    fn a_filter_bar_between_the_introduction_and_the_list_does_not_part_them() {
        // The block around both also holds the filters, about three quarters as long as the two.
        let intro = "Hand-thrown planters for shelves and sills, each glazed by hand in small \
                     batches, so no two of them are quite alike in colour or in finish.";
        let filters: String = [
            "Terracotta",
            "Stoneware",
            "Porcelain",
            "Glazed",
            "Unglazed",
            "Speckled",
            "Matte",
            "Gloss",
            "Crackle",
            "Reactive",
        ]
        .iter()
        .map(|f| format!("<span>{f} finish in small, medium and large sizes (12)</span>"))
        .collect();
        let card = |i: usize| {
            format!(
                "<div class=\"planter\"><h3><a href=\"/p{i}\">Ribbed planter {i}</a></h3>\
                 <p>A stoneware pot with a saucer, fifteen centimetres across, in sage.</p></div>"
            )
        };
        let cards: String = (0..6).map(card).collect();
        let html = format!(
            "<html><body><div id=\"page\"><div id=\"intro\"><p>{intro}</p></div>\
             <div class=\"results\"><div class=\"filters\">{filters}</div>\
             <div class=\"grid\">{cards}</div></div></div><footer>Footer</footer></body></html>"
        );
        let mut doc = parse_html(&html, None);
        let intro_block = by_id(&doc, "intro");
        let root = grab(&mut doc, &[intro_block], intro.len() as u32, false, false)
            .map(|r| r.0)
            .expect("the list");
        let text = doc.text_content(root);
        assert!(text.contains("no two of them"), "{text}");
        assert!(text.contains("Ribbed planter 5"), "{text}");
        assert!(!text.contains("Footer"), "{text}");
    }
}
