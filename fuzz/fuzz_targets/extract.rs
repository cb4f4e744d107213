//! Bytes in as a page (charset sniffing included) → article → sanitized HTML, text and
//! Markdown out. No panic; the sanitized HTML holds only allowlisted markup; the Markdown
//! file parses and its front matter is YAML with the article's title.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (html, _) = lector::dom::html::decode_html(data);
    let Ok(doc) = lector::dom::html::try_parse_html(&html, Some("https://fuzz.example/a/b")) else {
        return;
    };
    let _ = lector::is_probably_readerable(&doc);
    let Some(article) = lector::extract(&doc) else { return };
    lector_fuzz::assert_sanitized(&article.content_html);
    lector_fuzz::assert_markdown(&article.markdown);
    let file = lector::render::markdown::document(&article, Some("https://fuzz.example/a/b"), "2026-11-25");
    lector_fuzz::assert_title(&file, &article.title);
    assert!(!lector::render::markdown::file_name(&article.title).is_empty());
});
