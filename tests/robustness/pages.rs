//! Generated hostile and huge pages, shared by `tests/robustness.rs` and the figures printed by
//! `examples/robustness_figures.rs`. Each builds a real-looking article page around its excess,
//! so the tests can check that the article still comes out, not merely that nothing panicked.

#![allow(dead_code)]

/// A paragraph of ordinary article prose (about 330 bytes), numbered so tests can find it.
pub fn paragraph(i: usize) -> String {
    format!(
        "<p>Paragraph {i} of the report: the council met on Tuesday, heard residents, \
         engineers and the mayor, and agreed that the bridge, closed since the spring floods, \
         will reopen in stages. Crews will work at night, the budget grows by a tenth, and \
         the ferry keeps running until the last lane is open again, officials said.</p>"
    )
}

/// A page with `article` as its article and `sidebar` as clutter beside it.
pub fn page(article: &str, sidebar: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Bridge reopens in stages</title></head>\
         <body><header class=site-header><a href=/>Home</a></header>\
         <main><article class=post><h1>Bridge reopens in stages</h1>{article}</article>\
         <aside class=sidebar>{sidebar}</aside></main>\
         <footer class=site-footer>© The Paper</footer></body></html>"
    )
}

/// An article of `n` paragraphs.
pub fn article(n: usize) -> String {
    (0..n).map(paragraph).collect()
}

/// About `elements` elements: a 30-paragraph article plus a sidebar of small nested blocks.
pub fn many_elements(elements: usize) -> String {
    let mut sidebar = String::with_capacity(elements * 40);
    for i in 0..elements / 4 {
        sidebar.push_str(&format!(
            "<div class=widget><span class=tag>t{i}</span><em>x</em><i>y</i></div>"
        ));
    }
    page(&article(30), &sidebar)
}

/// An article whose paragraphs hold about `bytes` bytes of text.
pub fn huge_text(bytes: usize) -> String {
    page(&article(bytes / 330 + 1), "")
}

/// An article whose middle paragraph is one text node of `bytes` bytes.
pub fn single_text_node(bytes: usize) -> String {
    let sentence = "One very long run of text, with commas, and no markup at all. ";
    let mut text = String::with_capacity(bytes + sentence.len());
    while text.len() < bytes {
        text.push_str(sentence);
    }
    page(&format!("{}<p>{text}</p>{}", article(3), paragraph(99)), "")
}

/// A 30-paragraph article followed by a link farm of `links` links.
pub fn many_links(links: usize) -> String {
    let mut farm = String::with_capacity(links * 50);
    farm.push_str("<ul class=related>");
    for i in 0..links {
        farm.push_str(&format!("<li><a href=/story/{i}>Story {i}</a></li>"));
    }
    farm.push_str("</ul>");
    page(&article(30), &farm)
}

/// The article inside `depth` nested `<tag>`s, closed properly.
pub fn nested(tag: &str, depth: usize) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Bridge reopens in stages</title></head><body>{}{}{}</body></html>",
        format!("<{tag}>").repeat(depth),
        article(12),
        format!("</{tag}>").repeat(depth)
    )
}

/// The article after `depth` start tags that are never closed (a broken template loop).
pub fn unclosed(tag: &str, depth: usize) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Bridge reopens in stages</title></head><body><article>{}</article>{}</body></html>",
        article(12),
        format!("<{tag} class=comment>reply").repeat(depth),
    )
}

/// A tree `depth` levels deep built the way the wasm builder copies a live DOM that a script
/// nested that deep (no parser in between), with a paragraph of `text(i)` every `depth / 10`
/// levels (`i` the level).
pub fn built_deep(depth: usize, text: impl Fn(usize) -> String) -> lector::dom::Document {
    use lector::dom::{Document, NodeId};
    let mut doc = Document::new();
    let html = doc.create_element("html", vec![]);
    doc.append(NodeId::DOCUMENT, html);
    let body = doc.create_element("body", vec![]);
    doc.append(html, body);
    let mut parent = body;
    for i in 0..depth {
        let div = doc.create_element("div", vec![]);
        doc.append_capped(parent, div);
        if i % (depth / 10).max(1) == 0 {
            let p = doc.create_element("p", vec![]);
            doc.append_capped(div, p);
            doc.append_text_capped(p, &text(i));
        }
        parent = div;
    }
    doc
}

/// A block of a page, numbered `i`.
pub type Block = fn(usize) -> String;

/// Blocks that pages repeat by the thousand, each shaped like a real site's, numbered `i`:
/// the scaling benchmark sets each after an article's first paragraphs and fits how the
/// time grows with their number. Each kind here once took the square of its number (a
/// rule comparing every block with all the others) or stands for one that could.
pub const REPEATED_BLOCKS: &[(&str, Block)] = &[
    ("cards, each its own class", |i| {
        format!("<div class=\"card c{i}\"><h3>Feature {i}</h3><p>This feature does a useful thing for your team, every day.</p></div>")
    }),
    ("cards linked whole", |i| {
        format!("<a class=\"tile t{i}\" href=/p{i}><h3>Offer {i}</h3><p>A description of the offer that runs long enough to count.</p></a>")
    }),
    ("dated teasers", |i| {
        format!("<div class=teaser><h2><a href=/a{i}>Story {i}</a></h2><time>4 May 2025</time><p>Summary of story {i}, with a comma.</p></div>")
    }),
    ("priced cards", |i| {
        format!("<div class=\"product p{i}\"><a href=/x{i}><img src=/i{i}.jpg><span>Item {i}</span></a><span class=price>${i}.99</span><form><button>Add to cart</button></form></div>")
    }),
    ("forum posts", |i| {
        format!("<div class=post id=post{i}><div class=author><a href=/members/u{i}>user{i}</a></div><div class=message>Reply number {i}, I agree with that.</div><span>#{i} · 3 May</span></div>")
    }),
    ("comments", |i| {
        format!("<div class=comment id=comment-{i}><span class=author>u{i}</span><time datetime=2025-01-01>Jan 1</time><p>Comment {i}, I think, yes.</p><a href=#reply>Reply</a></div>")
    }),
    ("forms", |i| {
        format!("<form class=f{i}><input name=q{i}><button>Go</button></form><p>Line {i}, words, more words.</p>")
    }),
    ("headlines", |i| {
        format!("<h1>Headline {i}</h1><p>Line {i}, prose, with commas.</p>")
    }),
    ("bylines", |i| {
        format!("<div class=\"byline b{i}\">By <a rel=author href=/au{i}>Author {i}</a></div><p>Line {i}, prose, with commas.</p>")
    }),
    ("sections of links", |i| {
        format!("<section class=sec><h2>Group {i}</h2><ul><li><a href=/a{i}>Item a {i} with text</a> note</li><li><a href=/b{i}>Item b {i} with text</a> note</li><li><a href=/c{i}>Item c {i}</a> note</li></ul></section>")
    }),
    ("share bars", |i| {
        format!("<div class=\"share-bar s{i}\"><a href=/t{i}>Tweet</a><a href=/f{i}>Share</a></div><p>Line {i}, prose, with commas.</p>")
    }),
    ("ad slots", |i| {
        format!("<div class=\"ad-slot a{i}\"><span>Advertisement</span></div><p>Line {i}, prose, with commas.</p>")
    }),
    ("boxes named widget", |i| {
        let p = "<p>The box describes the kettle in words: its steel body, its quick boil, its \
                 quiet base, and why we liked it in daily use, week after week.</p>";
        format!("<div class=\"widget w{i}\">{p}{p}</div>")
    }),
    ("questions", |i| {
        format!("<details><summary>Question {i}?</summary><p>Answer {i}, long enough to be read as text.</p></details>")
    }),
];

/// An article's first three paragraphs followed by `n` of `block`, then its last.
pub fn repeated(block: Block, n: usize) -> String {
    let blocks: String = (0..n).map(block).collect();
    page(&format!("{}{blocks}{}", article(3), paragraph(99)), "")
}
