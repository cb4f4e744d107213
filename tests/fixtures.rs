//! The fixture folders are the spec: each `tests/pages/<case>/` holds a `source.html` modelled
//! on a real site's markup and an `expected.json` saying what the reader must show and must
//! not show. Adding a case is adding a folder.
//!
//! Keys of `expected.json` (all optional but `article`): `title`, `byline`, `site_name`, `lang`,
//! `dir`, `published`, `lead_image`; `must_contain` / `must_not_contain` (text, folded
//! whitespace; must-not also checks the HTML); `must_contain_once` (exactly one occurrence);
//! `images` / `not_images` (substrings of `<img src>` that must / must not be shown);
//! `links` (hrefs that must be in the article); `headings` (texts shown as `<h2>`..`<h6>`,
//! inline markup inside them ignored); `code_languages` (`language-*` classes kept);
//! `min_code_blocks`, `min_tables`, `max_tables`, `min_paragraphs`; `min_removed` (kind →
//! least count in the removal report). `live_must_contain` (text only the live page has, such
//! as content a script renders into a shadow root; in reading order), `live_must_not_contain`
//! and `live` (page scripts that open modals, lock scrolling or lazy-load images) are for the
//! browser tests (`tests/e2e/clutter.test.mjs`, `tests/e2e/shadow.test.mjs`).

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("tests/pages exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("source.html").exists())
        .collect();
    dirs.sort();
    assert!(
        dirs.len() >= 4,
        "expected the committed fixture folders in {}",
        root.display()
    );
    dirs
}

fn fold(s: &str) -> String {
    lector::dom::fold_whitespace(s)
}

fn str_list<'a>(v: &'a Value, key: &str) -> Vec<&'a str> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// Checks one case and returns its failures, so every case reports before the test fails.
fn check(dir: &Path) -> Vec<String> {
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let bytes = fs::read(dir.join("source.html")).unwrap();
    let (html, _) = lector::dom::html::decode_html(&bytes);
    let expected: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let url = format!("https://fixtures.example/{name}/");
    let article = lector::extract_html(&html, Some(&url));
    let mut fails = Vec::new();
    let want_article = expected["article"].as_bool().unwrap_or(true);
    let Some(a) = article else {
        if want_article {
            fails.push(format!("{name}: no article found"));
        }
        return fails;
    };
    if !want_article {
        fails.push(format!(
            "{name}: an article was found on a page without one: {:?}",
            a.text.get(..200)
        ));
        return fails;
    }
    let mut field = |key: &str, got: Option<&str>, exact: bool| {
        if let Some(want) = expected.get(key).and_then(Value::as_str) {
            let ok = got.is_some_and(|g| {
                if exact {
                    fold(g) == fold(want)
                } else {
                    g.contains(want)
                }
            });
            if !ok {
                fails.push(format!("{name}: {key}: want {want:?}, got {got:?}"));
            }
        }
    };
    field("title", Some(&a.title), true);
    field("byline", a.byline.as_deref(), true);
    field("site_name", a.site_name.as_deref(), true);
    field("lang", a.lang.as_deref(), true);
    field("dir", a.dir.as_deref(), true);
    field("published", a.published.as_deref(), false);
    field("lead_image", a.lead_image.as_deref(), false);

    let text = fold(&a.text);
    for s in str_list(&expected, "must_contain") {
        if !text.contains(&fold(s)) {
            fails.push(format!("{name}: missing from the article: {s:?}"));
        }
    }
    for s in str_list(&expected, "must_not_contain") {
        if text.contains(&fold(s)) || a.content_html.contains(s) {
            fails.push(format!("{name}: clutter reached the article: {s:?}"));
        }
    }
    if let Some(min) = expected.get("min_paragraphs").and_then(Value::as_u64) {
        let n = a.content_html.matches("<p>").count() + a.content_html.matches("<p ").count();
        if (n as u64) < min {
            fails.push(format!("{name}: {n} paragraphs, want at least {min}"));
        }
    }
    for s in str_list(&expected, "must_contain_once") {
        let n = text.matches(&fold(s)).count();
        if n != 1 {
            fails.push(format!("{name}: {n} copies of {s:?}, want exactly one"));
        }
    }
    let img_srcs: Vec<&str> = a
        .content_html
        .split("<img ")
        .skip(1)
        .filter_map(|tag| tag.split("src=\"").nth(1)?.split('"').next())
        .collect();
    for s in str_list(&expected, "images") {
        if !img_srcs.iter().any(|src| src.contains(s)) {
            fails.push(format!(
                "{name}: image {s:?} not shown (images: {img_srcs:?})"
            ));
        }
    }
    for s in str_list(&expected, "not_images") {
        if a.content_html.contains(s) {
            fails.push(format!("{name}: {s:?} reached the article"));
        }
    }
    for s in str_list(&expected, "links") {
        if !a.content_html.contains(&format!("href=\"{s}\"")) {
            fails.push(format!("{name}: no link to {s:?}"));
        }
    }
    let headings = shown_headings(&a.content_html);
    for h in str_list(&expected, "headings") {
        if !headings.iter().any(|shown| shown == h) {
            fails.push(format!("{name}: no heading {h:?} (headings: {headings:?})"));
        }
    }
    for lang in str_list(&expected, "code_languages") {
        if !a
            .content_html
            .contains(&format!("class=\"language-{lang}\""))
        {
            fails.push(format!("{name}: code language {lang:?} lost"));
        }
    }
    let count = |tag: &str| a.content_html.matches(tag).count() as u64;
    let bound = |key: &str| expected.get(key).and_then(Value::as_u64);
    if let Some(min) = bound("min_code_blocks") {
        if count("<pre") < min {
            fails.push(format!(
                "{name}: {} code blocks, want at least {min}",
                count("<pre")
            ));
        }
    }
    if let Some(min) = bound("min_tables") {
        if count("<table") < min {
            fails.push(format!(
                "{name}: {} tables, want at least {min}",
                count("<table")
            ));
        }
    }
    if let Some(max) = bound("max_tables") {
        if count("<table") > max {
            fails.push(format!(
                "{name}: {} tables, want at most {max}",
                count("<table")
            ));
        }
    }
    if let Some(mins) = expected.get("min_removed").and_then(Value::as_object) {
        for (kind, min) in mins {
            let got = a
                .removed
                .iter()
                .find(|r| {
                    serde_json::to_value(r.kind)
                        .ok()
                        .as_ref()
                        .and_then(Value::as_str)
                        == Some(kind)
                })
                .map_or(0, |r| r.count);
            if u64::from(got) < min.as_u64().unwrap_or(0) {
                fails.push(format!(
                    "{name}: removed {got} {kind}, want at least {min} (report: {:?})",
                    a.removed
                ));
            }
        }
    }
    // Judged on the parsed markup: text that merely reads like a tag ("&lt;script&gt;", an
    // alt text quoting a handler) is the article's text, shown as text.
    let doc = lector::dom::html::parse_html(&a.content_html, None);
    for n in doc.descendants(lector::dom::NodeId::DOCUMENT) {
        let Some(tag) = doc.tag(n) else { continue };
        if matches!(
            tag,
            "script" | "iframe" | "style" | "object" | "embed" | "form"
        ) {
            fails.push(format!("{name}: unsanitized <{tag}> in content_html"));
        }
        for (key, value) in doc.attrs(n) {
            let url: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_lowercase();
            if key.starts_with("on") || key == "style" || url.contains("javascript:") {
                fails.push(format!(
                    "{name}: unsanitized {key}={value:?} on <{tag}> in content_html"
                ));
            }
        }
    }
    fails
}

#[test]
fn fixture_pages_give_their_expected_articles() {
    let fails: Vec<String> = cases().iter().flat_map(|d| check(d)).collect();
    assert!(
        fails.is_empty(),
        "{} fixture failures:\n{}",
        fails.len(),
        fails.join("\n")
    );
}

/// The extension receives the article as the hand-written JSON of `render::json`; the CLI
/// writes it with serde. On every fixture page the two are the same text.
#[test]
fn the_extensions_json_is_what_serde_writes() {
    for dir in cases() {
        let bytes = fs::read(dir.join("source.html")).unwrap();
        let (html, _) = lector::dom::html::decode_html(&bytes);
        let Some(article) = lector::extract_html(&html, Some("https://fixtures.example/")) else {
            continue;
        };
        assert_eq!(
            lector::render::json::article(&article, &[]),
            serde_json::to_string(&article).unwrap(),
            "{}",
            dir.display()
        );
    }
}

/// The text of every `<h2>`..`<h6>` in `html`, whitespace folded, in document order.
fn shown_headings(html: &str) -> Vec<String> {
    let doc = lector::dom::html::parse_html(html, None);
    doc.descendants(lector::dom::NodeId::DOCUMENT)
        .filter(|&n| matches!(doc.tag(n), Some("h2" | "h3" | "h4" | "h5" | "h6")))
        .map(|n| fold(&doc.text_content(n)))
        .collect()
}
