//! The extraction pipeline: metadata → page preparation → scoring → cleaning → article.
//!
//! Like Readability.js, extraction runs as a ladder of attempts ([`LADDER`]): each rung
//! relaxes one rule, and the first attempt with enough text wins (else the longest).

pub mod clean;
pub mod clutter;
pub mod evidence;
pub mod jsonld;
pub mod listing;
pub mod lowercase;
pub mod media;
pub mod metadata;
pub mod patterns;
pub mod prepare;
pub mod readerable;
pub mod score;
pub mod stats;
pub mod streamed;

#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use crate::dom::{count_words, fold_whitespace, Document, NodeId};
use crate::render;

pub use clutter::{ClutterKind, Removed};
pub use metadata::Metadata;
pub use readerable::is_probably_readerable;

/// Which rules an extraction attempt applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flags {
    /// Remove blocks whose class or id says "not content" before scoring.
    pub strip_unlikely: bool,
    /// Let class and id words raise or lower scores.
    pub weight_classes: bool,
    /// Remove blocks inside the article whose shape says "not text".
    pub clean_conditionally: bool,
    /// The page declares itself a discussion (see [`Metadata::thread`]): its
    /// replies are its content, and names saying "comments" neither strip nor weigh a block.
    pub thread: bool,
    /// The page offers a product (see [`Metadata::product`]): its customer reviews and fine
    /// print are no part of its text.
    pub product: bool,
}

/// The attempts, strictest first.
pub const LADDER: [Flags; 4] = [
    Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
        thread: false,
        product: false,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: true,
        clean_conditionally: true,
        thread: false,
        product: false,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: true,
        thread: false,
        product: false,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: false,
        thread: false,
        product: false,
    },
];

/// The rules of [`Flags`] that an attempt found something to apply to, as bits
/// ([`Flags::differing`]): a rung whose rules differ from the last attempt's only in rules
/// that attempt never applied would repeat it, step for step.
pub(crate) mod applied {
    use std::cell::Cell;

    pub const STRIP_UNLIKELY: u8 = 1;
    pub const WEIGHT_CLASSES: u8 = 2;
    pub const CLEAN_CONDITIONALLY: u8 = 4;

    thread_local! {
        static APPLIED: Cell<u8> = const { Cell::new(0) };
    }

    /// Notes that the running attempt's rule `rule` changed what it does.
    pub fn note(rule: u8) {
        APPLIED.with(|a| a.set(a.get() | rule));
    }

    /// The rules noted since the last call, forgetting them.
    pub fn take() -> u8 {
        APPLIED.with(|a| a.replace(0))
    }
}

impl Flags {
    /// The rules ([`applied`]'s bits) that `self` and `other` set differently.
    fn differing(self, other: Flags) -> u8 {
        let mut rules = 0;
        if self.strip_unlikely != other.strip_unlikely {
            rules |= applied::STRIP_UNLIKELY;
        }
        if self.weight_classes != other.weight_classes {
            rules |= applied::WEIGHT_CLASSES;
        }
        if self.clean_conditionally != other.clean_conditionally {
            rules |= applied::CLEAN_CONDITIONALLY;
        }
        rules
    }
}

/// An attempt with at least this much text is accepted without trying the next rung.
const ENOUGH_TEXT: u32 = 500;

/// An article shorter than this may be a page of repeated items whose vote went to one
/// item or an introduction: the page's list of items is looked for (see [`listing`]).
const LISTING_CHECK_TEXT: u32 = 1250;

/// An article shorter than this, on a page that offers no product, may be what cleaning
/// left of a list of items the votes chose (their links, their labels gone): the list is
/// looked for too, and taken only when it fills the votes' block (see [`listing::grab`]).
const LISTING_REMNANT_TEXT: u32 = 2000;

/// Most link text of an article; a list of items found by [`listing`] may hold more (its
/// headlines are links).
const MAX_LINK_DENSITY: f64 = 0.5;

/// Below this much text there is no article to show, unless the page itself is that short.
const MIN_ARTICLE_TEXT: usize = 140;

/// Share of a product's declared description the article may hold and still be shown it:
/// an article holding more shows the page's own version of it (a sentence of it or so).
const MAX_DESCRIPTION_SHOWN: f64 = 0.2;

/// A product's JSON-LD description that the article mostly lacks (a shop that renders it in
/// script) goes at the article's top, as paragraphs of plain text: the page's own words, but
/// untrusted, so only their text is kept, never their markup.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn show_description(doc: &mut Document, root: NodeId, description: &str) {
    let Some(body) = evidence::DeclaredBody::from_text(description, true) else {
        return;
    };
    // A description written without spaces (URL-encoded) is no text to show.
    if !description.contains(' ')
        || evidence::Coverage::measure(doc, root, &body).recall(root) >= MAX_DESCRIPTION_SHOWN
    {
        return;
    }
    // Block tags (and line breaks) end paragraphs; inline ones go unseen.
    let text = evidence::strip_markup(description, true);
    let first = doc.first_child(root);
    for line in text.lines() {
        let line = fold_whitespace(line);
        if line.is_empty() {
            continue;
        }
        let p = doc.create_element("p", Vec::new());
        doc.append_text(p, &line);
        match first {
            Some(f) => doc.insert_before(f, p),
            None => doc.append(root, p),
        }
    }
}

/// The value of the first pair whose key is `key`: the lookup of the engine's small key-value
/// lists (JSON-LD members, `<meta>` keys, streamed segments), kept as lists rather than hash
/// maps to keep hash table code out of the wasm.
pub(crate) fn lookup<'a, V>(pairs: &'a [(String, V)], key: &str) -> Option<&'a V> {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// True when `text`, `text_len` characters long, holds a word and is at least half of the
/// prepared page's text: a short page (a note, a notice) is all article, however short.
fn is_most_of_page(page_text: u32, text: &str, text_len: usize) -> bool {
    text.chars().any(char::is_alphanumeric) && text_len * 2 >= page_text as usize
}

/// The clean article, ready to render.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(Serialize),
    serde(rename_all = "camelCase")
)]
pub struct Article {
    /// Headline.
    pub title: String,
    /// Author line, without "By".
    pub byline: Option<String>,
    /// Name of the publication.
    pub site_name: Option<String>,
    /// Publication date as the page states it.
    pub published: Option<String>,
    /// Language tag of the page.
    pub lang: Option<String>,
    /// `ltr` or `rtl`.
    pub dir: Option<String>,
    /// Absolute URL of the lead image.
    pub lead_image: Option<String>,
    /// One- or two-sentence summary.
    pub excerpt: Option<String>,
    /// Sanitized article HTML: allowlisted tags and attributes only, absolute URLs.
    pub content_html: String,
    /// Plain text of the article, paragraphs separated by blank lines.
    pub text: String,
    /// The article body as Markdown (CommonMark with GitHub tables), rendered from the same
    /// clean tree as `content_html`: no front matter and no title heading (see
    /// [`render::markdown::document`] for the complete file).
    pub markdown: String,
    /// Words in the text.
    pub word_count: usize,
    /// Whether the cheap readerable check agreed that this page is an article.
    pub readerable: bool,
    /// What was removed from the page and why, by kind, with counts and short examples.
    /// Counts the blocks the removal rules took out (each with everything inside it); the
    /// page outside the article that no rule needed to name is not counted.
    pub removed: Vec<Removed>,
}

/// Finds the article in `doc`. `None` means the page has no article (a home page, a search
/// page, an app): a normal answer, not an error. Works on a copy: [`extract_owned`] saves it
/// when the caller no longer needs the page.
pub fn extract(doc: &Document) -> Option<Article> {
    extract_owned(doc.clone())
}

/// [`extract`], consuming the page.
pub fn extract_owned(doc: Document) -> Option<Article> {
    let mut found = extract_tree(doc)?;
    found.article.markdown = found.markdown();
    Some(found.article)
}

/// An article found by [`extract_tree`], with the clean tree its HTML was written from, so
/// that a rendering nobody asked for yet (the Markdown export) is made only when asked.
pub struct Extracted {
    /// The article, its `markdown` still empty (see [`Extracted::markdown`]).
    pub article: Article,
    clean: Document,
    root: NodeId,
}

impl Extracted {
    /// The article body as Markdown: what [`Article::markdown`] holds after [`extract`].
    pub fn markdown(&self) -> String {
        render::markdown::to_markdown(&self.clean, self.root)
    }
}

/// The blocks under an attempt's `root` as nodes of the page it copied (the first `page_len`
/// nodes, which every copy shares): a block the attempt made (a wrapper around loose text, a
/// layout table turned into a `<div>`) stands for the page's blocks inside it. The listing
/// search works on another copy of the page, where the attempt's own nodes do not exist.
fn page_nodes(work: &Document, root: NodeId, page_len: usize) -> Vec<NodeId> {
    let mut nodes = Vec::new();
    let mut stack: Vec<NodeId> = work.element_children(root).into_iter().rev().collect();
    while let Some(n) = stack.pop() {
        if n.index() < page_len {
            nodes.push(n);
        } else {
            stack.extend(work.element_children(n).into_iter().rev());
        }
    }
    nodes
}

/// [`extract_owned`] without rendering the Markdown: for the reader view, which shows the
/// HTML and needs the Markdown only when the article is exported.
pub fn extract_tree(doc: Document) -> Option<Extracted> {
    let meta = metadata::read(&doc);
    // The headline as the page prints it (with a site's name or a label the title leaves
    // out): its copy at the top of the article goes.
    let title_shown_in_page = meta.title_heading.as_deref().or(meta.title.as_deref());
    // What the page says of itself, the same on every attempt.
    let (thread, product) = (meta.thread, meta.product);
    let readerable = is_probably_readerable(&doc);
    let mut prepared = doc;
    let mut prepared_removals = clutter::Removals::default();
    prepare::remove_non_content(&mut prepared, &mut prepared_removals);
    // Scripts, styles and hidden blocks are out of the tree now; each attempt below copies
    // the page, so it should not copy them along.
    let prepared = prepared.compact();
    // Every attempt starts from a copy of this page, so the page's measures serve them all.
    let page_body = prepared.body().unwrap_or(NodeId::DOCUMENT);
    let page_stats = stats::TextStats::measure(&prepared, page_body);

    let declared = meta
        .json_ld_body
        .as_deref()
        .and_then(|b| evidence::DeclaredBody::from_text(b, meta.json_ld_body_opens_thread));
    let mut best: Option<(Document, NodeId, u32, Option<String>, clutter::Removals)> = None;
    // The last attempt's rules and those of them it applied: a rung that relaxes only rules
    // the last attempt never applied would give the same article again, so it is passed.
    let mut last: Option<(Flags, u8)> = None;
    // The page stripped strictly and by tag only (the rungs after the first strip alike),
    // with the byline taken out, if any: each kept for the next attempt stripped alike.
    let mut stripped: [Option<(Document, clutter::Removals, Option<String>)>; 2] = [None, None];
    for flags in LADDER {
        let flags = Flags {
            thread,
            product,
            ..flags
        };
        if last.is_some_and(|(l, applied)| l.differing(flags) & applied == 0) {
            continue;
        }
        applied::take();
        let kept = &mut stripped[usize::from(!flags.strip_unlikely)];
        let (mut work, mut removals, byline) = kept
            .get_or_insert_with(|| {
                let mut work = prepared.clone();
                let mut removals = prepared_removals.clone();
                let byline = prepare::strip_page_chrome(
                    &mut work,
                    &page_stats,
                    flags,
                    meta.byline.is_none(),
                    &mut removals,
                );
                (work, removals, byline)
            })
            .clone();
        let Some(root) = score::grab(&mut work, flags, declared.as_ref()) else {
            last = Some((flags, applied::take()));
            continue;
        };
        clean::clean_article(&mut work, root, flags, title_shown_in_page, &mut removals);
        last = Some((flags, applied::take()));
        let authors: Vec<&str> = [
            meta.byline.as_deref(),
            meta.dom_byline.as_deref(),
            byline.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        clean::trim_tail(&mut work, root, &authors, &mut removals);
        let len = work.text_len(root);
        let better = best.as_ref().is_none_or(|b| len > b.2);
        if better {
            best = Some((work, root, len, byline, removals));
        }
        if len >= ENOUGH_TEXT {
            break;
        }
    }
    // The ladder's article counts when it is long enough and mostly text (measured before
    // sanitizing; the gate below has the last word).
    let (picks, picked_text) = match &best {
        Some((work, root, len, ..))
            if *len as usize >= MIN_ARTICLE_TEXT
                && stats::link_density_of(work, *root) <= MAX_LINK_DENSITY =>
        {
            (page_nodes(work, *root, prepared.len()), *len)
        }
        _ => (Vec::new(), 0),
    };
    // No article, or a short one: a page of repeated items (teasers, cards, posts) gives
    // its list, whose headlines are links by nature. Page chrome is stripped strictly first,
    // then by tag only, as on the ladder.
    let mut list_found = false;
    // A longer article is checked too on a shop's page (prices in several places): the
    // votes may go to its category's description or its filters beside the products. So is
    // a somewhat longer one on a page that offers no product (a product's lists are its
    // reviews and its related products), whatever few prices it shows (a front page's
    // promotion of an event, its tickets' prices quoted: the votes may choose it).
    let long = picked_text >= LISTING_CHECK_TEXT;
    let priced = long && listing::prices_shown(&prepared) >= listing::MIN_PRICED_ITEMS;
    if !long || priced || (!product && picked_text < LISTING_REMNANT_TEXT) {
        // Past a longer article without prices, one attempt, chrome stripped by tag only:
        // each attempt copies the page, and the strict one finds little more there.
        let first = usize::from(long && !priced);
        for flags in &LADDER[first..2] {
            let flags = Flags {
                thread,
                product,
                ..*flags
            };
            // As the ladder stripped it, unless a byline was taken out.
            let (mut work, mut removals) = match stripped[usize::from(!flags.strip_unlikely)].take()
            {
                Some((work, removals, None)) => (work, removals),
                _ => {
                    let mut work = prepared.clone();
                    let mut removals = prepared_removals.clone();
                    prepare::strip_page_chrome(&mut work, &page_stats, flags, false, &mut removals);
                    (work, removals)
                }
            };
            if let Some((root, grid)) =
                listing::grab(&mut work, &picks, picked_text, priced, thread)
            {
                // A shop's grid of priced products, once taken, is no carousel of others.
                clean::clean_article(
                    &mut work,
                    root,
                    Flags {
                        thread,
                        product: product && !grid,
                        ..LADDER[3]
                    },
                    title_shown_in_page,
                    &mut removals,
                );
                // A product's page taken whole loses its closing related section (other
                // products, brands, categories) as an article does.
                if product && !grid {
                    clean::cut_at_closing_section(&mut work, root, &mut removals);
                }
                // A list that cleaning emptied (its items were forms, ads) is no list.
                let len = work.text_len(root);
                if len as usize >= MIN_ARTICLE_TEXT {
                    best = Some((work, root, len, None, removals));
                    list_found = true;
                    break;
                }
            }
        }
    }
    let (work, root, _, dom_byline, removals) = best?;
    let (mut clean, clean_root) = render::html::sanitize(&work, root, meta.base_url.as_deref());
    if product {
        if let Some(d) = meta.json_ld_product_description.as_deref() {
            show_description(&mut clean, clean_root, d);
        }
    }
    let text = render::text::to_text(&clean, clean_root);
    let text_len = text.chars().count();
    let page_text = prepared.body().map_or(0, |b| page_stats.get(b).text);
    let link_density = stats::link_density_of(&clean, clean_root);
    // The readerable verdict does not gate here: automatic mode asks it before extracting,
    // and a reader who clicks on a page it doubts (a forum thread, a service page) is better
    // served by the page's main text than by "no article".
    if (link_density > MAX_LINK_DENSITY && !list_found)
        || (text_len < MIN_ARTICLE_TEXT && !is_most_of_page(page_text, &text, text_len))
    {
        return None;
    }
    let content_html = render::html::serialize(&clean, clean_root);
    let title = meta
        .shown_title
        .clone()
        .or_else(|| {
            work.find_all(root, "h1")
                .first()
                .map(|&h| work.inner_text(h))
        })
        .unwrap_or_default();
    let excerpt = meta.excerpt.clone().or_else(|| {
        metadata::excerpt_from(
            clean
                .find_all(clean_root, "p")
                .into_iter()
                .map(|p| clean.inner_text(p)),
        )
    });
    let article = Article {
        title,
        byline: meta
            .byline
            .clone()
            .or(meta.dom_byline.clone())
            .or(dom_byline),
        site_name: meta.site_name.clone(),
        published: meta.published.clone(),
        lang: meta.lang.clone(),
        dir: meta.dir.clone(),
        lead_image: meta.lead_image.clone(),
        excerpt: excerpt.map(|e| fold_whitespace(&e)),
        word_count: count_words(&text),
        content_html,
        text,
        markdown: String::new(),
        readerable,
        removed: removals.report(),
    };
    Some(Extracted {
        article,
        clean,
        root: clean_root,
    })
}

#[cfg(test)]
mod tests {
    use crate::extract_html;

    #[test]
    fn each_rung_relaxes_one_rule_of_the_last() {
        // A rung is passed when the one rule it relaxes did nothing on the rung before.
        use super::{applied, LADDER};
        let rules = [
            applied::STRIP_UNLIKELY,
            applied::WEIGHT_CLASSES,
            applied::CLEAN_CONDITIONALLY,
        ];
        for (pair, rule) in LADDER.windows(2).zip(rules) {
            assert_eq!(pair[0].differing(pair[1]), rule);
            assert_eq!(pair[1].differing(pair[1]), 0);
        }
    }

    const NAV: &str = "<nav><ul><li><a href=/a>Home</a></li><li><a href=/b>Services</a></li>\
                       <li><a href=/c>About us</a></li><li><a href=/d>Contact</a></li></ul></nav>";

    #[test]
    fn blocks_an_attempt_made_are_found_in_the_page_when_a_list_is_looked_for() {
        // The attempt turns the layout table into a block of its own; the listing search,
        // on a fresh copy of the page, once read that new block's id there and panicked.
        let sentence = "The ferry to the island now runs twice a day in winter, the council said. ";
        let html = format!(
            "<html><body><table><tr><td><img src=\"x.gif\">x</td></tr></table><p>{}</p></body></html>",
            sentence.repeat(12)
        );
        let article = extract_html(&html, None).expect("the paragraph");
        assert!(article.text.contains("twice a day in winter"));
    }

    #[test]
    fn the_heading_a_title_is_read_from_leaves_the_article_with_its_label_or_site_name() {
        // The title leaves out the heading's label or the site's name; the heading's copy at
        // the top of the text goes all the same, or the reader would read the title twice.
        let text = "<p>The hives on the roof of the library came through the winter well. </p>";
        for (head, heading) in [
            (
                "<title>Keeping bees in town | Garden Talk</title>",
                "<h1>Thread: <span>Keeping bees in town</span></h1>",
            ),
            (
                r#"<title>Keeping bees in town - Artview</title><meta property="og:site_name" content="Artview">"#,
                "<h1>Keeping bees in town – Artview</h1>",
            ),
        ] {
            let html = format!(
                "<html><head>{head}</head><body><article>{heading}{}</article></body></html>",
                text.repeat(8)
            );
            let article = extract_html(&html, None).expect("the article");
            assert_eq!(article.title, "Keeping bees in town");
            assert!(
                !article.content_html.contains("Keeping bees"),
                "{heading}: {}",
                article.content_html
            );
            assert!(article.text.contains("came through the winter"));
        }
    }

    #[test]
    fn a_page_without_long_paragraphs_still_gives_its_main_text() {
        // Not readerable (no paragraph of 140 characters), but a reader who asks for the
        // page should get its text rather than "no article".
        let items = [
            "Boiler servicing for homes and small offices.",
            "Same-day repairs across the county, seven days a week.",
            "Gas Safe registered engineers with twenty years of experience.",
            "Fixed prices quoted before any work begins.",
            "Annual maintenance plans from twelve pounds a month.",
        ];
        let list: String = items.iter().map(|i| format!("<p>{i}</p>")).collect();
        let html =
            format!("<html><body>{NAV}<main><h1>Heating services</h1>{list}</main></body></html>");
        let article = extract_html(&html, None).expect("the page's main text");
        assert!(!article.readerable);
        for i in items {
            assert!(
                article.text.contains(i),
                "{i} missing from {:?}",
                article.text
            );
        }
        assert!(!article.text.contains("About us"));
    }

    #[test]
    fn a_product_page_whose_body_children_look_alike_gives_its_description() {
        // The body's children look alike (the same <div> around the description and each
        // block of facts): the body is no list of them (listing::grab), and the description
        // the votes chose is shown, not "no article".
        let description = "A light shoe for long runs on rough ground, with a grippy outsole, \
                           a cushioned midsole and a breathable upper that dries quickly after river crossings.";
        let facts = |a: &str, b: &str, c: &str| {
            format!("<div class=\"block\"><ul><li>{a}</li><li>{b}</li><li>{c}</li></ul></div>")
        };
        let html = format!(
            "<html><body><div class=\"block\"><h1>Trail runner</h1><p>{description}</p></div>{}{}{}\
             </body></html>",
            facts(
                "Weight 280 g for a size nine, the lightest in the range",
                "Drop 6 mm from heel to toe for a natural stride",
                "Lugs 5 mm deep that bite into mud and loose gravel"
            ),
            facts(
                "Upper of recycled mesh with a reinforced toe cap",
                "Midsole of foam that keeps its spring in the cold",
                "Outsole of sticky rubber that grips on wet rock"
            ),
            facts(
                "Free delivery on orders over fifty pounds, two to four days",
                "Free returns within thirty days of the delivery date",
                "Two years of warranty against defects of manufacture"
            ),
        );
        let article = extract_html(&html, None).expect("the description");
        assert!(article.text.contains(description), "{:?}", article.text);
    }

    #[test]
    fn a_product_page_rendering_its_description_in_script_shows_the_json_ld_one() {
        // The shop renders the description client-side: the HTML holds it only in the
        // JSON-LD Product, written with markup. It is shown as text, its markup never kept.
        let description = "A warm sock knit from soft merino wool for long winter walks, \
            with a cushioned sole under the heel and the ball of the foot, a seamless toe \
            that never rubs, and a ribbed cuff that stays up all day without pinching.";
        let ld = format!(
            "{{\"@type\":\"Product\",\"name\":\"Winter sock\",\"description\":\
             \"<p>{description}</p><script>alert(1)<\\/script><p>Made to <b>last</b>.</p>\"}}"
        );
        let shown = "Our friendly team answers your questions about sizes, returns and \
            delivery every day of the week, by mail or by phone, and loves to hear from you.";
        let html = format!(
            "<html><head><script type=\"application/ld+json\">{ld}</script></head><body>\
             <h1>Winter sock</h1><div><p>{shown}</p></div></body></html>"
        );
        let article = extract_html(&html, None).expect("the article");
        assert!(article.text.contains(description), "{:?}", article.text);
        assert!(article.text.contains("Made to last."), "{:?}", article.text);
        assert!(!article.text.contains("alert"), "{:?}", article.text);
        assert!(
            !article.content_html.contains("<script"),
            "{}",
            article.content_html
        );
        assert!(
            !article.content_html.contains("<b>"),
            "{}",
            article.content_html
        );
        // Shown in the page already: not shown twice.
        let html = format!(
            "<html><head><script type=\"application/ld+json\">{ld}</script></head><body>\
             <h1>Winter sock</h1><div><p>{description}</p><p>{shown}</p></div></body></html>"
        );
        let article = extract_html(&html, None).expect("the article");
        assert_eq!(
            article.text.matches("merino").count(),
            1,
            "{:?}",
            article.text
        );
    }

    #[test]
    fn a_product_page_marking_its_description_gives_it_over_its_testimonials() {
        // The shop's testimonials (blocks of text, full of commas) outvote the description,
        // written as lines in a <div> between <br>s. The page marks the description
        // (`itemprop="description"`): it is what the page is about.
        let says = |who: &str| {
            format!(
                "<div class=\"testimonial\">{who} says: I shopped around a lot, compared prices, \
                 delivery times and service, and the free shipping made the difference. Great \
                 price, fast delivery, friendly people, and the desk arrived early.</div>"
            )
        };
        let testimonials: String = [
            "Isidro", "Jerome", "Clara", "Alex", "Ricky", "Pete", "Richard", "Cheryl", "Dana",
            "Lee",
        ]
        .iter()
        .map(|w| says(w))
        .collect();
        let lines = [
            "The chair has eleven spring-loaded vertebrae that follow your spine as you move.",
            "Back angle: pull the paddle up while seated and push it down to lock the angle.",
            "Height: lift the paddle while seated to lower the seat and without weight to raise it.",
            "Seat foam four inches thick in two densities supports three hundred pounds easily.",
            "Warranty for life on the cylinder and for seven years on all the other parts.",
        ];
        let description = lines.join("<br><br>");
        let html = format!(
            "<html><head><meta property=\"og:type\" content=\"product\"></head><body>\
             <h1>Spine chair</h1><div class=\"row\"><div class=\"col\"><p>$1,290.00</p><form action=\"/cart\">\
             <button>Add to cart</button></form></div><div class=\"col\">{testimonials}</div></div>\
             <div class=\"row\"><div class=\"col\"><div itemprop=\"description\"><b>Spine chair</b> \
             {description}</div></div></div></body></html>"
        );
        let article = extract_html(&html, None).expect("the description");
        for line in lines {
            assert!(
                article.text.contains(line),
                "{line} missing: {:?}",
                article.text
            );
        }
        assert!(
            !article.text.contains("shopped around"),
            "{:?}",
            article.text
        );
    }

    #[test]
    fn a_shops_category_with_a_long_faq_keeps_its_grid_of_products() {
        // A category that offers its products (add-to-cart forms): the votes chose the block
        // of the grid and the questions below it, and cleaning cut the cards (links, forms)
        // as another products' carousel. The grid outweighs what was left: it comes back.
        let card = |i: usize| {
            format!(
                "<li class=\"item product\"><a href=\"/p/{i}\">Weighted tournament chess pieces \
                 in boxwood and rosewood, model {i}</a><div class=\"price-box\"><span>Special \
                 price</span> <span class=\"price\">$1{i}3.00</span></div><div class=\"actions\">\
                 <form action=\"/cart\"><button>Add to Cart</button></form></div></li>"
            )
        };
        let cards: String = (10..28).map(card).collect();
        let faq = "<h3>What wood are these pieces made of?</h3><p>Boxwood stained black or \
                   left natural, and sheesham for the sets in the lower price range.</p>"
            .repeat(10);
        let html = format!(
            "<html><head><meta property=\"og:type\" content=\"product\"></head><body>\
             <div class=\"main\"><h1>Tournament chess pieces</h1><ol class=\"products\">{cards}\
             </ol>{faq}</div></body></html>"
        );
        let article = extract_html(&html, None).expect("the category");
        for i in [10, 17, 25] {
            assert!(
                article.text.contains(&format!("rosewood, model {i}")),
                "{:?}",
                article.text
            );
        }
        assert!(article.text.contains("sheesham"), "{:?}", article.text);
    }

    #[test]
    fn a_front_page_with_a_priced_pitch_between_its_sections_gives_the_sections() {
        // A front page: sections of dated teasers (links, which cleaning cuts) and, between
        // them, an event's pitch quoting a few prices, which the votes chose. The pitch is no
        // shop's grid: the sections come back, the pitch with them.
        let teaser = |s: usize, i: usize| {
            format!(
                "<li class=\"post\"><h3><a href=\"/s{s}/{i}\">Story {i} of section {s}: the \
                 harbour board votes on the new ferry timetable for the winter</a></h3>\
                 <a href=\"/a/{i}\">Reporter {i}</a> <time datetime=\"2024-05-21\">{i}h ago</time></li>"
            )
        };
        let section = |s: usize| {
            let items: String = (0..14).map(|i| teaser(s, i)).collect();
            format!(
                "<div class=\"news\"><h2>Section {s}</h2><ul class=\"posts\">{items}</ul></div>"
            )
        };
        let pitch = format!(
            "<div class=\"news\"><h2>The summit</h2><p>{}</p><ul><li>Save up to $300</li>\
             <li>Groups save up to $400</li></ul></div>",
            "Founders and investors meet for two days of talks and workshops on building, \
             backing and closing, with playbooks from people who have done it before. "
                .repeat(9)
        );
        let html = format!(
            "<html><body><main>{}{}{pitch}{}</main></body></html>",
            section(0),
            section(1),
            section(2)
        );
        let article = extract_html(&html, None).expect("the front page");
        for s in 0..3 {
            let story = format!("Story 7 of section {s}");
            assert!(article.text.contains(&story), "{:?}", article.text);
        }
    }

    #[test]
    fn a_short_page_is_all_article_but_short_text_on_a_long_page_is_not() {
        let note = "<html><body><p>The office is closed on Monday.</p></body></html>";
        let article = extract_html(note, None).expect("a short page gives its text");
        assert_eq!(article.text.trim(), "The office is closed on Monday.");

        // The same short text amid a page of links: no article.
        let links: String = (0..40)
            .map(|i| format!("<li><a href=/p{i}>Product number {i} in the catalogue</a></li>"))
            .collect();
        let page = format!(
            "<html><body>{NAV}<ul>{links}</ul><div><p>The office is closed on Monday.</p></div></body></html>"
        );
        assert!(extract_html(&page, None).is_none());
    }

    #[test]
    fn a_page_declaring_a_discussion_keeps_replies_named_as_comments() {
        // A forum thread whose replies sit in blocks named for comments, as many forum
        // packages name them. Declared a discussion, the replies are the page's content; the
        // same markup on a page that declares nothing reads as a post with its comments.
        let opening =
            "<p>We moved our team from one consulting firm to another this spring, and the \
                       hours, the travel and the kind of work changed more than we expected. </p>"
                .repeat(5);
        let reply = |i: usize| {
            format!(
                "<div class=\"comment-wrapper\" id=\"comment-{i}\"><div class=\"comment-author\">member{i}</div>\
                 <div class=\"comment-content\"><p>Reply {i}: in my office the weeks run to sixty hours, \
                 with long stretches on the client's site and little time at home, but the work is varied.</p></div></div>"
            )
        };
        let replies: String = (1..=4).map(reply).collect();
        let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org",
            "@type":"DiscussionForumPosting","headline":"Is consulting worth it?"}</script>"#;
        let page = |head: &str| {
            format!(
                "<html><head>{head}</head><body><article class=\"node\"><h1>Is consulting worth it?</h1>\
                 {opening}</article><div class=\"post-comments\" id=\"comments\">{replies}</div></body></html>"
            )
        };
        let thread = extract_html(&page(ld), None).expect("the thread");
        for i in 1..=4 {
            assert!(
                thread.text.contains(&format!("Reply {i}:")),
                "{}",
                thread.text
            );
        }
        let post = extract_html(&page(""), None).expect("the post");
        assert!(post.text.contains("kind of work changed"));
        assert!(!post.text.contains("Reply 1:"), "{}", post.text);
    }

    #[test]
    fn a_thread_keeps_each_posters_name_but_not_the_card() {
        // Each post opens with its poster's card, marked up as the post's author: the name on
        // its first line, then a rank and a join date. In a declared discussion the name
        // stays beside the post; the card's other lines go. Undeclared, three bylines are an
        // article's and go (four or more, each heading its entry, would be a list's).
        let post = |i: usize| {
            format!(
                "<div class=\"post\"><div class=\"post-user\" itemprop=\"author\">\
                 <h4><a href=\"/u/m{i}\">member{i}</a></h4><div class=\"rank\">Junior Member</div>\
                 <div>Joined Mar 2019</div></div><div class=\"post-body\"><p>Post {i}: we \
                 replaced the pump last spring and the pressure has held steady at two bars ever \
                 since, even through the cold weeks of the winter.</p></div></div>"
            )
        };
        let posts: String = (1..=3).map(post).collect();
        let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org",
            "@type":"DiscussionForumPosting","headline":"Pump pressure drops"}</script>"#;
        let page = |head: &str| {
            format!(
                "<html><head>{head}</head><body><main><h1>Pump pressure drops</h1>{posts}</main></body></html>"
            )
        };
        let thread = extract_html(&page(ld), None).expect("the thread");
        for i in 1..=3 {
            assert!(
                thread.text.contains(&format!("member{i}")),
                "{}",
                thread.text
            );
        }
        assert!(!thread.text.contains("Junior Member"), "{}", thread.text);
        assert!(!thread.text.contains("Joined Mar"), "{}", thread.text);
        let article = extract_html(&page(""), None).expect("the page");
        assert!(!article.text.contains("member2"), "{}", article.text);
    }

    #[test]
    fn a_thread_found_as_a_list_keeps_its_posters_names() {
        // The opening post's paragraph takes the vote; the replies, their text loose beside
        // the poster's name, take none: the thread is found as a list of look-alike posts,
        // and cleaned as the discussion the page declares, each poster's name kept.
        let opening = "We replaced the pump last spring, and the pressure has held steady at two \
                       bars ever since, even through the cold weeks of the winter, but now it \
                       drops overnight, the gauge reads one bar by the morning, and the boiler \
                       stops until we top it up again. Has anyone seen this before?";
        let post = |i: usize, text: &str| {
            format!(
                "<div class=\"post\"><div class=\"post-user\" itemprop=\"author\">\
                 <a href=\"/u/m{i}\">member{i}</a><div class=\"rank\">Junior Member</div></div>{text}</div>"
            )
        };
        let replies: String = (2..=3)
            .map(|i| {
                post(
                    i,
                    &format!(
                        "<span>Reply {i}: check the expansion vessel first, its charge is often \
                         the culprit when the pressure falls overnight, and then the relief valve.</span>"
                    ),
                )
            })
            .collect();
        let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org",
            "@type":"DiscussionForumPosting","headline":"Pump pressure drops"}</script>"#;
        let html = format!(
            "<html><head>{ld}</head><body><main><h1>Pump pressure drops</h1>{}{replies}</main>\
             </body></html>",
            post(1, &format!("<p>{opening}</p>"))
        );
        let thread = extract_html(&html, None).expect("the thread");
        for i in 1..=3 {
            assert!(
                thread.text.contains(&format!("member{i}")),
                "{}",
                thread.text
            );
        }
        assert!(thread.text.contains("Reply 3:"), "{}", thread.text);
    }

    #[test]
    fn a_notice_bar_pinned_over_the_page_is_not_its_text() {
        // The bar's one long sentence, full of commas, scores high enough to join the page's
        // text as a sibling. (Its name counts on the strict rung, like every unlikely name:
        // the page has enough text to stop there.)
        let notice = "Important update: our clinic, its staff, its dentists, and its phone lines \
                      are not affiliated with the hospital of the same name downtown, whatever you \
                      may have read, heard, or been told; rest assured, we are open, and ready to serve you!";
        let section = |h: &str, p: &str| {
            format!("<div class=\"row\"><div class=\"col\"><div class=\"text\"><h2>{h}</h2><p>{p}</p></div></div></div>")
        };
        let page = [
            section("Dental care", "Our dentists and hygienists care for adults and children at four centres across the two counties we serve."),
            section("Procedures", "Screening exams and cleanings and extractions and fillings and x-rays are all done in our own rooms."),
            section("Fees", "We see patients with or without insurance and our fees are set on a sliding scale by household income."),
            section("Booking", "Call the centre nearest to you to book a visit or ask for a call back from our front desk team."),
            section("Languages", "Our staff speak Spanish and Arabic and Polish as well as English at every one of our centres."),
        ]
        .concat();
        for bar in [
            "announcement-bar",
            "bulletinwp-bulletin",
            "mysticky-welcomebar-fixed",
        ] {
            let html = format!(
                "<html><body><div class=\"{bar}\"><div><p>{notice}</p></div></div>{NAV}\
                 <div id=\"page\">{page}</div></body></html>"
            );
            let article = extract_html(&html, None).expect("the page's text");
            assert!(
                article.text.contains("Our dentists"),
                "{bar}: {}",
                article.text
            );
            assert!(
                !article.text.contains("not affiliated"),
                "{bar}: {}",
                article.text
            );
        }
    }
}
