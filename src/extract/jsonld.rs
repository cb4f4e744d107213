//! The JSON a page's `<script type="application/ld+json">` holds, read into the few shapes
//! metadata needs: strings, arrays and objects. Objects keep their members in a list rather
//! than serde_json's `Value` (whose objects are B-tree maps): JSON-LD objects have a handful
//! of keys, and the map's code cost the wasm about 3 KB of gzip for nothing else.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

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
    pub fn get(&self, key: &str) -> Option<&Value> {
        lookup(&self.0, key)
    }

    /// Whether the object has `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The members' values in source order (a repeated key where it first stood).
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl Value {
    /// Parses JSON text; `None` when it is not JSON.
    pub fn parse(text: &str) -> Option<Value> {
        serde_json::from_str(text).ok()
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(o) => o.get(key),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Value, E> {
        Ok(Value::Other)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Value, E> {
        Ok(Value::Other)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Value, E> {
        Ok(Value::Other)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Value, E> {
        Ok(Value::Other)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Other)
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_string()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members: Vec<(String, Value)> = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            match members.iter_mut().find(|(k, _)| *k == key) {
                Some(member) => member.1 = value,
                None => members.push((key, value)),
            }
        }
        Ok(Value::Object(Object(members)))
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
    fn deep_nesting_is_refused_not_overflowing() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(Value::parse(&deep), None);
    }
}
