//! Any markup straight into the sanitizer (no extraction in between, so every tag and
//! attribute reaches it): the output holds only allowlisted markup, and sanitizing the
//! output again changes nothing (it re-parses to the same tree).
#![no_main]

use libfuzzer_sys::fuzz_target;
use lector::dom::html::parse_html;
use lector::render::{html, markdown, text};

fuzz_target!(|data: &str| {
    let base = Some("https://fuzz.example/dir/page");
    let doc = parse_html(data, base);
    let Some(body) = doc.body() else { return };
    let (clean, root) = html::sanitize(&doc, body, base);
    let out = html::serialize(&clean, root);
    lector_fuzz::assert_sanitized(&out);
    let _ = text::to_text(&clean, root);
    lector_fuzz::assert_markdown(&markdown::to_markdown(&clean, root));

    let again = parse_html(&format!("<body>{out}"), base);
    let again_body = again.body().expect("a body");
    let twice = html::to_html(&again, again_body, base);
    assert_eq!(out, twice, "sanitized output does not re-parse to itself");
});
