//! Property tests (proptest): Markdown escaping gives text back through a CommonMark parser,
//! and URL resolution is absolute, idempotent, agrees with a full URL parser on ordinary
//! references, and never lets a script URL through the sanitizer.

use lector::dom::html::parse_html;
use lector::render::html::{sanitize, serialize, LINK_SCHEMES};
use lector::render::markdown::to_markdown;
use lector::url::{resolve, scheme};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The Markdown of `<p>` holding `text` as one text node.
fn paragraph_markdown(text: &str) -> String {
    let mut doc = lector::dom::Document::new();
    let html = doc.create_element("html", vec![]);
    doc.append(lector::dom::NodeId::DOCUMENT, html);
    let body = doc.create_element("body", vec![]);
    doc.append(html, body);
    let p = doc.create_element("p", vec![]);
    doc.append(body, p);
    doc.append_text(p, text);
    let (clean, root) = sanitize(&doc, body, None);
    to_markdown(&clean, root)
}

/// The text a CommonMark reader sees in `markdown`, or the first event that is not text.
fn read_back(markdown: &str) -> Result<String, String> {
    let mut out = String::new();
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Text(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            other => return Err(format!("{other:?}")),
        }
    }
    Ok(out)
}

/// HTML folds whitespace in text; so does the reader. This is what should come back.
fn folded(text: &str) -> String {
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text rich in Markdown syntax: emphasis, code, links, headings, lists, HTML, entities,
/// tables, line-start markers, escapes, and some non-ASCII.
fn markdown_prone_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[a-zA-Z0-9]{1,6}",
            Just(" ".to_string()),
            Just("\n".to_string()),
            "[*_`#>+=|~!\\[\\]()<>&;:\\\\.-]",
            Just("1.".to_string()),
            Just("1)".to_string()),
            Just("---".to_string()),
            Just("&amp;".to_string()),
            Just("&#42;".to_string()),
            Just("<b>".to_string()),
            Just("<!--".to_string()),
            Just("http://x.example".to_string()),
            Just("    ".to_string()),
            "[äé日本ß€]",
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn escaped_text_reads_back_as_the_same_text(text in markdown_prone_text()) {
        let markdown = paragraph_markdown(&text);
        let back = read_back(&markdown)
            .map_err(|e| TestCaseError::fail(format!("{text:?} → {markdown:?} reads as {e}")))?;
        prop_assert_eq!(folded(&back), folded(&text), "markdown {:?}", markdown);
    }
}

/// Bases the sanitizer sees: http(s) pages with paths, queries and fragments.
fn base_url() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just("http"), Just("https")],
        "[a-z]{1,8}(\\.[a-z]{2,5}){1,2}",
        proptest::option::of(":[1-9][0-9]{1,3}"),
        "(/[a-z0-9._-]{0,6}){0,4}",
        proptest::option::of("\\?[a-z0-9=&]{0,8}"),
        proptest::option::of("#[a-z0-9]{0,5}"),
    )
        .prop_map(|(s, host, port, path, q, f)| {
            format!(
                "{s}://{host}{}{path}{}{}",
                port.unwrap_or_default(),
                q.unwrap_or_default(),
                f.unwrap_or_default()
            )
        })
}

/// Relative references built from ordinary segments, dot segments, queries and fragments.
fn ordinary_reference() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            Just(""),
            Just("/"),
            Just("./"),
            Just("../"),
            Just("../../"),
            Just("//cdn.example/")
        ],
        proptest::collection::vec(
            prop_oneof![
                "[a-z0-9_-]{1,6}",
                Just(".".to_string()),
                Just("..".to_string())
            ],
            0..5,
        ),
        proptest::bool::ANY,
        proptest::option::of("\\?[a-z0-9=&]{0,8}"),
        proptest::option::of("#[a-z0-9]{0,5}"),
    )
        .prop_map(|(start, segs, slash, q, f)| {
            let mut r = format!("{start}{}", segs.join("/"));
            if slash && !r.is_empty() && !r.ends_with('/') {
                r.push('/');
            }
            format!("{r}{}{}", q.unwrap_or_default(), f.unwrap_or_default())
        })
}

/// Script URLs in the spellings browsers accept: any case, tabs and newlines inside,
/// spaces and control characters in front.
fn script_url() -> impl Strategy<Value = String> {
    (
        "[ \\x00-\\x1f]{0,3}",
        prop_oneof![Just("javascript"), Just("vbscript"), Just("data")],
        proptest::collection::vec(proptest::bool::ANY, 10),
        proptest::collection::vec(
            prop_oneof![Just(""), Just(""), Just("\t"), Just("\n"), Just("\r")],
            10,
        ),
        "[a-z(1);/,]{0,10}",
    )
        .prop_map(|(lead, name, upper, inserts, tail)| {
            let mut s = lead;
            for (i, c) in name.chars().enumerate() {
                s.push_str(inserts[i % 10]);
                s.push(if upper[i % 10] {
                    c.to_ascii_uppercase()
                } else {
                    c
                });
            }
            format!("{s}:{tail}")
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn relative_references_resolve_like_a_url_parser(base in base_url(), reference in ordinary_reference()) {
        let ours = resolve(Some(&base), &reference);
        let theirs = url::Url::parse(&base).unwrap().join(&reference).unwrap();
        // Compared as parsed URLs: a default port (":443") is the same address without it.
        prop_assert_eq!(url::Url::parse(&ours).map_err(|e| TestCaseError::fail(e.to_string()))?, theirs, "base {} reference {}", base, reference);
        prop_assert!(matches!(scheme(&ours).as_deref(), Some("http" | "https")));
    }

    #[test]
    fn resolution_is_idempotent(base in base_url(), reference in prop_oneof![ordinary_reference(), script_url(), "\\PC{0,20}"]) {
        let once = resolve(Some(&base), &reference);
        prop_assert_eq!(resolve(Some(&base), &once), once.clone());
        // A resolved URL is absolute: it has a scheme.
        prop_assert!(scheme(&once).is_some() || scheme(&base).is_none(), "{:?} → {:?}", reference, once);
    }

    #[test]
    fn script_urls_keep_their_scheme_and_never_pass_the_sanitizer(base in base_url(), href in script_url()) {
        let resolved = resolve(Some(&base), &href);
        let s = scheme(&resolved);
        prop_assert!(matches!(s.as_deref(), Some("javascript" | "vbscript" | "data")), "{:?} → {:?}", href, s);
        // In markup a NUL becomes U+FFFD, which makes the address relative (browsers agree).
        prop_assume!(!href.contains('\0'));
        let html = format!("<body><p><a href=\"{}\">link</a> <img src=\"{}\"></p>", escape(&href), escape(&href));
        let out = sanitized(&html, &base);
        prop_assert!(!out.contains("href") && !out.contains("<img"), "{:?} → {}", href, out);
        prop_assert!(out.contains("link"));
    }

    #[test]
    fn sanitized_links_are_absolute_web_or_mail_urls(base in base_url(), href in prop_oneof![ordinary_reference(), script_url(), "\\PC{0,24}", "mailto:[a-z@.]{1,12}"]) {
        let out = sanitized(&format!("<body><p><a href=\"{}\">link</a></p>", escape(&href)), &base);
        let doc = parse_html(&out, None);
        for n in doc.descendants(lector::dom::NodeId::DOCUMENT) {
            if let Some(h) = doc.attr(n, "href") {
                let s = scheme(h);
                prop_assert!(s.as_deref().is_some_and(|s| LINK_SCHEMES.contains(s)), "{:?} → {:?}", href, h);
            }
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;")
}

fn sanitized(html: &str, base: &str) -> String {
    let doc = parse_html(html, Some(base));
    let (clean, root) = sanitize(&doc, doc.body().unwrap(), Some(base));
    serialize(&clean, root)
}
