//! The invariants every fuzz target checks, in one place.

use lector::dom::html::parse_html;
use lector::dom::{Document, NodeId};
use lector::extract::patterns::Words;
use lector::render::html::{is_allowed_attribute, IMAGE_SCHEMES, KEEP, LINK_SCHEMES};
use lector::url;

/// Sanitized HTML, parsed again, holds only allowlisted tags, attributes and URL schemes.
pub fn assert_sanitized(html: &str) {
    let doc = parse_html(&format!("<body>{html}"), None);
    let body = doc.body().expect("a body");
    for n in doc.descendants(body).skip(1) {
        let Some(tag) = doc.tag(n) else { continue };
        // html5ever adds tbody to tables, as the sanitizer's own output does.
        assert!(KEEP.contains(tag), "tag <{tag}> in sanitized output: {html}");
        for (name, value) in doc.attrs(n) {
            assert!(
                is_allowed_attribute(tag, name),
                "attribute {name} on <{tag}> in sanitized output: {html}"
            );
            let schemes = match (tag, name.as_str()) {
                ("a", "href") => LINK_SCHEMES,
                ("img", "src") => IMAGE_SCHEMES,
                ("img", "srcset") => {
                    // The sanitizer writes candidates as "URL descriptors" joined by ", ".
                    for candidate in value.split(", ") {
                        let Some(u) = candidate.split_whitespace().next() else { continue };
                        assert_scheme(u, IMAGE_SCHEMES, html);
                    }
                    continue;
                }
                _ => continue,
            };
            assert_scheme(value, schemes, html);
        }
    }
}

fn assert_scheme(u: &str, allowed: Words, html: &str) {
    let scheme = url::scheme(u);
    assert!(
        scheme.as_deref().is_some_and(|s| allowed.contains(s)),
        "URL {u:?} with scheme {scheme:?} in sanitized output: {html}"
    );
}

/// Markdown parses (pulldown-cmark never fails; this catches panics and hangs in it).
pub fn assert_markdown(markdown: &str) {
    let mut html = String::new();
    let parser = pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::all());
    pulldown_cmark::html::push_html(&mut html, parser);
}

/// A Markdown file parses, opens with front matter that is valid YAML, and that front
/// matter gives `title` back (absent when blank).
pub fn assert_title(file: &str, title: &str) {
    assert_markdown(file);
    let rest = file.strip_prefix("---\n").expect("the file starts with front matter");
    let end = rest.find("\n---\n").expect("front matter is closed");
    let yaml: serde_yaml_ng::Value = serde_yaml_ng::from_str(&rest[..end + 1])
        .unwrap_or_else(|e| panic!("front matter is not YAML ({e}): {file}"));
    let expected = Some(title).filter(|t| !t.trim().is_empty());
    assert_eq!(yaml["title"].as_str(), expected, "front matter title: {file}");
}

/// The first element child of `root`'s subtree named `tag`, if any.
pub fn find(doc: &Document, root: NodeId, tag: &str) -> Option<NodeId> {
    doc.descendants(root).find(|&n| doc.is(n, tag))
}
