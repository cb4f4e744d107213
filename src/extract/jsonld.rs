//! The JSON a page's `<script type="application/ld+json">` holds, read into the few shapes
//! metadata needs: strings, arrays and objects. Objects keep their members in a list (JSON-LD
//! objects have a handful of keys), and the reader is a small one of its own: serde_json's
//! map cost the wasm about 3 KB of gzip, and its reader (numbers to floats, error messages)
//! about as much, for values metadata never reads.

use super::lookup;

/// A JSON value; numbers, booleans and null are `Other` (metadata reads none of them).
#[derive(Debug, PartialEq)]
pub enum Value {
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Object),
    /// A number, a boolean or null.
    Other,
}

/// A JSON object's members in source order; a repeated key keeps its last value, as
/// serde_json's map does.
#[derive(Debug, PartialEq, Default)]
pub struct Object(Vec<(String, Value)>);

impl Object {
    /// The value of `key`.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn get(&self, key: &str) -> Option<&Value> {
        lookup(&self.0, key)
    }

    /// Whether the object has `key`.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The members' values in source order (a repeated key where it first stood).
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl Value {
    /// Parses JSON text (RFC 8259, as strictly as serde_json); `None` when it is not JSON,
    /// or nests deeper than [`MAX_DEPTH`].
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn parse(text: &str) -> Option<Value> {
        let mut reader = Reader { text, at: 0 };
        let value = reader.value(0)?;
        reader.skip_space();
        (reader.at == text.len()).then_some(value)
    }

    /// The member `key` of an object.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(o) => o.get(key),
            _ => None,
        }
    }

    /// The string, if this is one.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Arrays and objects nested deeper than this are refused (as serde_json does), so that a
/// page cannot exhaust the stack.
const MAX_DEPTH: usize = 127;

/// A reader over JSON text, byte by byte: every byte it stops at is ASCII, so the text
/// between stops is whole UTF-8.
struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Takes `byte` (after white space) or fails.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_space();
        (self.peek()? == byte).then(|| self.at += 1)
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn value(&mut self, depth: usize) -> Option<Value> {
        self.skip_space();
        match self.peek()? {
            b'"' => self.string().map(Value::String),
            b'[' | b'{' if depth >= MAX_DEPTH => None,
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                self.skip_space();
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Some(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.skip_space();
                    match self.peek()? {
                        b',' => self.at += 1,
                        b']' => break,
                        _ => return None,
                    }
                }
                self.at += 1;
                Some(Value::Array(items))
            }
            b'{' => {
                self.at += 1;
                let mut members: Vec<(String, Value)> = Vec::new();
                self.skip_space();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    return Some(Value::Object(Object(members)));
                }
                loop {
                    self.skip_space();
                    if self.peek()? != b'"' {
                        return None;
                    }
                    let key = self.string()?;
                    self.expect(b':')?;
                    let value = self.value(depth + 1)?;
                    // A repeated key keeps its first place and its last value.
                    match members.iter_mut().find(|(k, _)| *k == key) {
                        Some(member) => member.1 = value,
                        None => members.push((key, value)),
                    }
                    self.skip_space();
                    match self.peek()? {
                        b',' => self.at += 1,
                        b'}' => break,
                        _ => return None,
                    }
                }
                self.at += 1;
                Some(Value::Object(Object(members)))
            }
            b't' => self.word("true"),
            b'f' => self.word("false"),
            b'n' => self.word("null"),
            _ => self.number(),
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn word(&mut self, word: &str) -> Option<Value> {
        let rest = &self.text.as_bytes()[self.at..];
        rest.starts_with(word.as_bytes()).then(|| {
            self.at += word.len();
            Value::Other
        })
    }

    /// A number's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn number(&mut self) -> Option<Value> {
        let bytes = self.text.as_bytes();
        let digits = |at: &mut usize| {
            let start = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > start
        };
        let mut at = self.at;
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        if bytes.get(at) == Some(&b'0') {
            at += 1;
        } else if !digits(&mut at) {
            return None;
        }
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            if !digits(&mut at) {
                return None;
            }
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            if !digits(&mut at) {
                return None;
            }
        }
        self.at = at;
        Some(Value::Other)
    }

    /// A string at its opening quote: escapes decoded; raw control characters and lone
    /// surrogates are errors, as in serde_json.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let bytes = self.text.as_bytes();
        let mut out = String::new();
        let mut run = self.at;
        loop {
            let byte = *bytes.get(self.at)?;
            match byte {
                b'"' => {
                    out.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    out.push_str(&self.text[run..self.at]);
                    let escape = *bytes.get(self.at + 1)?;
                    self.at += 2;
                    match escape {
                        b'"' | b'\\' | b'/' => out.push(escape as char),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.unicode_escape()?),
                        _ => return None,
                    }
                    run = self.at;
                }
                0..=0x1f => return None,
                _ => self.at += 1,
            }
        }
    }

    /// The character of a `\u` escape whose four hex digits are next (a surrogate pair takes
    /// the following `\u` escape too).
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        let code = match first {
            0xd800..=0xdbff => {
                if self.text.as_bytes().get(self.at..self.at + 2) != Some(b"\\u") {
                    return None;
                }
                self.at += 2;
                let low = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&low) {
                    return None;
                }
                0x10000 + ((first - 0xd800) << 10) + (low - 0xdc00)
            }
            0xdc00..=0xdfff => return None,
            _ => first,
        };
        char::from_u32(code)
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.as_bytes().get(self.at..self.at + 4)?;
        let mut code = 0;
        for &d in digits {
            code = code * 16 + (d as char).to_digit(16)?;
        }
        self.at += 4;
        Some(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_strings_arrays_and_objects_and_passes_over_the_rest() {
        let v = Value::parse(
            r#"{"@type":["NewsArticle"],"headline":"A \u00e9t\u00e9","wordCount":812,
                "isFree":true,"author":{"name":"Ana"},"x":null,"headline":"Last wins"}"#,
        )
        .unwrap();
        assert_eq!(v.get("headline").and_then(Value::as_str), Some("Last wins"));
        assert_eq!(v.get("wordCount"), Some(&Value::Other));
        assert_eq!(v.get("isFree"), Some(&Value::Other));
        assert_eq!(v.get("x"), Some(&Value::Other));
        assert_eq!(
            v.get("author")
                .and_then(|a| a.get("name"))
                .and_then(Value::as_str),
            Some("Ana")
        );
        let Some(Value::Array(types)) = v.get("@type") else {
            panic!("@type is an array")
        };
        assert_eq!(types[0].as_str(), Some("NewsArticle"));
        assert!(v.get("missing").is_none());
        let Value::Object(o) = &v else {
            panic!("an object")
        };
        let in_order: Vec<_> = o.values().map(|v| v.as_str()).collect();
        assert_eq!(in_order.len(), 6);
        assert_eq!(in_order[..2], [None, Some("Last wins")]); // @type, headline
        assert!(Value::String("s".into()).get("headline").is_none());
    }

    #[test]
    fn text_that_is_not_json_gives_none() {
        assert_eq!(Value::parse("{\"a\": }"), None);
        assert_eq!(Value::parse(""), None);
        assert_eq!(Value::parse("[1, 2"), None);
    }

    #[test]
    fn strings_decode_every_escape_and_refuse_what_json_forbids() {
        let v = Value::parse(r#"["a\"b\\c\/d\b\f\n\r\t", "\ud83d\ude00 \u00e9t\u00C9", "é 😀"]"#)
            .unwrap();
        let Value::Array(items) = v else {
            panic!("an array")
        };
        assert_eq!(items[0].as_str(), Some("a\"b\\c/d\u{8}\u{c}\n\r\t"));
        assert_eq!(items[1].as_str(), Some("😀 étÉ"));
        assert_eq!(items[2].as_str(), Some("é 😀"));
        for bad in [
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\x""#,
            r#""\u12""#,
            "\"a\nb\"",
            r#""open"#,
        ] {
            assert_eq!(Value::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn numbers_and_words_follow_the_grammar() {
        for good in [
            "0", "-0", "12", "-3.25", "1e5", "2.5E-3", "1e+9", "true", "false", "null", " [ ] ",
            "{ }",
        ] {
            assert!(Value::parse(good).is_some(), "{good}");
        }
        for bad in [
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "+1",
            "tru",
            "nul",
            "NaN",
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "[1] x",
            "{\"a\" 1}",
        ] {
            assert_eq!(Value::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn agrees_with_serde_json_on_random_text() {
        // Short texts from JSON's own characters, the same verdict and the same strings as
        // serde_json (exponents left out: serde_json refuses those too large for a float).
        let alphabet: Vec<char> = "[]{}\",:\\/ u0123456789abcdefABCDEF-.truenlsé\n"
            .chars()
            .collect();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..200_000 {
            let len = 1 + next(12);
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            if text.contains(['e', 'E']) && text.contains(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let ours = Value::parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text).ok();
            assert_eq!(ours.is_some(), theirs.is_some(), "{text:?}");
            if let (Some(Value::String(a)), Some(serde_json::Value::String(b))) = (&ours, &theirs) {
                assert_eq!(a, b, "{text:?}");
            }
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowing() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(Value::parse(&deep), None);
        let nested = |n: usize| "[".repeat(n) + &"]".repeat(n);
        assert!(Value::parse(&nested(MAX_DEPTH)).is_some());
        assert_eq!(Value::parse(&nested(MAX_DEPTH + 1)), None);
    }
}
