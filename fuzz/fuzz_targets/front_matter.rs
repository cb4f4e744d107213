//! Article metadata with any text (quotes, colons, newlines, YAML keywords, control
//! characters) → Markdown file: the front matter is always YAML and gives the fields back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    let mut fields = data.split('\u{1}');
    let mut next = || fields.next().map(str::to_string);
    let title = next().unwrap_or_default();
    let article = lector::Article {
        title: title.clone(),
        byline: next(),
        site_name: next(),
        published: next(),
        lang: next(),
        dir: None,
        lead_image: next(),
        excerpt: next(),
        content_html: String::new(),
        text: String::new(),
        markdown: next().unwrap_or_default(),
        word_count: 0,
        readerable: true,
        removed: Vec::new(),
    };
    let url = next();
    let file = lector::render::markdown::document(&article, url.as_deref(), "2026-11-25");
    lector_fuzz::assert_title(&file, &title);
    let name = lector::render::markdown::file_name(&title);
    assert!(!name.is_empty() && !name.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|']), "{name:?}");
});
