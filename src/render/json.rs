//! The article as JSON, the form the extension receives it in.
//!
//! Written by hand rather than by serde_json, so that the wasm links neither serde nor
//! serde_json (438 bytes of its gzip size): the article is a flat record of strings, one
//! number, one flag and one list. The text is what `serde_json::to_string` writes for the
//! same record, byte for byte (a test holds the two together), so the native CLI may keep
//! serde for its pretty output.

use crate::extract::{Article, Removed};

/// `article` as one JSON object, its fields named as in JavaScript (camelCase), followed by
/// the `extra` string fields that are present, in order.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn article(article: &Article, extra: &[(&str, Option<&str>)]) -> String {
    let mut out = Object::new(article.content_html.len() + article.text.len() + 512);
    out.string("title", &article.title);
    out.optional("byline", article.byline.as_deref());
    out.optional("siteName", article.site_name.as_deref());
    out.optional("published", article.published.as_deref());
    out.optional("lang", article.lang.as_deref());
    out.optional("dir", article.dir.as_deref());
    out.optional("leadImage", article.lead_image.as_deref());
    out.optional("excerpt", article.excerpt.as_deref());
    out.string("contentHtml", &article.content_html);
    out.string("text", &article.text);
    out.string("markdown", &article.markdown);
    out.key("wordCount");
    out.text.push_str(&article.word_count.to_string());
    out.key("readerable");
    out.text
        .push_str(if article.readerable { "true" } else { "false" });
    out.key("removed");
    removed(&mut out.text, &article.removed);
    for &(key, value) in extra {
        if let Some(value) = value {
            out.string(key, value);
        }
    }
    out.finish()
}

/// The removal report: `[{"kind":…,"count":…,"examples":[…]},…]`.
fn removed(out: &mut String, list: &[Removed]) {
    out.push('[');
    for (i, entry) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let mut item = Object::new(64);
        item.string("kind", entry.kind.name());
        item.key("count");
        item.text.push_str(&entry.count.to_string());
        item.key("examples");
        item.text.push('[');
        for (j, example) in entry.examples.iter().enumerate() {
            if j > 0 {
                item.text.push(',');
            }
            quote(&mut item.text, example);
        }
        item.text.push(']');
        out.push_str(&item.finish());
    }
    out.push(']');
}

/// A JSON object being written, field by field.
struct Object {
    text: String,
    empty: bool,
}

impl Object {
    fn new(capacity: usize) -> Self {
        let mut text = String::with_capacity(capacity);
        text.push('{');
        Object { text, empty: true }
    }

    /// Starts a field: the comma before it, its quoted name and the colon.
    fn key(&mut self, name: &str) {
        if !self.empty {
            self.text.push(',');
        }
        self.empty = false;
        quote(&mut self.text, name);
        self.text.push(':');
    }

    fn string(&mut self, name: &str, value: &str) {
        self.key(name);
        quote(&mut self.text, value);
    }

    /// A string or `null`.
    fn optional(&mut self, name: &str, value: Option<&str>) {
        match value {
            Some(value) => self.string(name, value),
            None => {
                self.key(name);
                self.text.push_str("null");
            }
        }
    }

    fn finish(mut self) -> String {
        self.text.push('}');
        self.text
    }
}

/// Appends `value` as a JSON string: quotes, backslashes and control characters escaped
/// (the short escapes where JSON has them), everything else as it is.
fn quote(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut plain = 0;
    for (i, byte) in value.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&value[plain..i]);
        plain = i + 1;
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 0xf)] as char);
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&value[plain..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ClutterKind;

    fn sample() -> Article {
        Article {
            title: "Quotes \" and \\ back\tslashes\u{1}\u{1f} / é 漢 🦀".into(),
            byline: Some("Ana\nBelén\r".into()),
            site_name: None,
            published: Some("2025-03-04T05:06:07+01:00".into()),
            lang: Some("es".into()),
            dir: None,
            lead_image: Some("https://example.org/a.jpg?x=1&y=2".into()),
            excerpt: Some("\u{8}\u{c}\u{7f}\u{2028}".into()),
            content_html: "<p class=\"x\">One</p>".into(),
            text: "One".into(),
            markdown: String::new(),
            word_count: 1234567,
            readerable: true,
            removed: vec![
                Removed {
                    kind: ClutterKind::AuthorBox,
                    count: 2,
                    examples: vec!["About \"me\"".into(), "x".into()],
                },
                Removed {
                    kind: ClutterKind::Ad,
                    count: 1,
                    examples: vec![],
                },
            ],
        }
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let mut article = sample();
        assert_eq!(
            super::article(&article, &[]),
            serde_json::to_string(&article).unwrap()
        );
        article.readerable = false;
        article.removed.clear();
        article.title.clear();
        assert_eq!(
            super::article(&article, &[]),
            serde_json::to_string(&article).unwrap()
        );
    }

    #[test]
    fn extra_fields_follow_when_present() {
        let article = sample();
        let json = super::article(
            &article,
            &[
                ("markdownDocument", Some("# T\n")),
                ("markdownFileName", None),
            ],
        );
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["markdownDocument"], "# T\n");
        assert!(value.get("markdownFileName").is_none());
        assert!(
            json.ends_with(",\"markdownDocument\":\"# T\\n\"}"),
            "{json}"
        );
    }

    #[test]
    fn every_clutter_kind_has_the_name_serde_gives_it() {
        for kind in ClutterKind::ALL {
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.name())
            );
        }
    }
}
