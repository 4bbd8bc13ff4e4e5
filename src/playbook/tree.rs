//! A TOML document as a tree that remembers where every key and value sits.
//!
//! `toml::Value` forgets positions, and `#[derive(Deserialize)]` stops at the
//! first problem. Validation wants both: every problem, each with a line and a
//! column. So the document is first read into this loose tree (any shape is
//! accepted) and `validate` then walks it, collecting diagnostics.

use std::ops::Range;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

// NOTE: these are the marker names `serde_spanned::Spanned` itself uses to ask
// the toml deserializer for a span. We use them directly so that a value
// without a span (rare: implicit tables) still deserializes instead of failing.
use serde_spanned::__unstable::{END_FIELD, NAME, START_FIELD, VALUE_FIELD};

const FIELDS: &[&str] = &[START_FIELD, END_FIELD, VALUE_FIELD];
/// The marker key toml uses to pass a datetime through serde.
const DATETIME_FIELD: &str = "$__toml_private_datetime";

/// A key with its position in the text, when known.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Key {
    pub(crate) name: String,
    pub(crate) span: Option<Range<usize>>,
}

/// A value with its position in the text, when known.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub(crate) value: Value,
    pub(crate) span: Option<Range<usize>>,
}

/// The shapes a TOML value can take.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    String(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    Datetime(String),
    Array(Vec<Node>),
    Table(Vec<(Key, Node)>),
}

impl Value {
    /// The TOML type name, for "expected a string, found an integer" messages.
    pub(crate) fn type_name(&self) -> String {
        match self {
            Value::String(_) => crate::tr!("pb-validate-type-string"),
            Value::Integer(_) => crate::tr!("pb-validate-type-integer"),
            Value::Float(_) => crate::tr!("pb-validate-type-float"),
            Value::Boolean(_) => crate::tr!("pb-validate-type-boolean"),
            Value::Datetime(_) => crate::tr!("pb-validate-type-datetime"),
            Value::Array(_) => crate::tr!("pb-validate-type-array"),
            Value::Table(_) => crate::tr!("pb-validate-type-table"),
        }
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_struct(NAME, FIELDS, KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
        Ok(Key {
            name: v.to_owned(),
            span: None,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Key, A::Error> {
        let (start, end) = read_span(&mut map)?;
        let name: String = map.next_value()?;
        Ok(Key {
            name,
            span: Some(start..end),
        })
    }
}

/// Reads the start and end entries of a spanned map; the caller reads the value.
fn read_span<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(usize, usize), A::Error> {
    let k: Option<String> = map.next_key()?;
    if k.as_deref() != Some(START_FIELD) {
        return Err(de::Error::custom("spanned value without start"));
    }
    let start: usize = map.next_value()?;
    let k: Option<String> = map.next_key()?;
    if k.as_deref() != Some(END_FIELD) {
        return Err(de::Error::custom("spanned value without end"));
    }
    let end: usize = map.next_value()?;
    let k: Option<String> = map.next_key()?;
    if k.as_deref() != Some(VALUE_FIELD) {
        return Err(de::Error::custom("spanned value without value"));
    }
    Ok((start, end))
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_struct(NAME, FIELDS, NodeVisitor)
    }
}

/// Reads a node that may arrive with a span (a map of start, end, value) or
/// without one (the bare value).
struct NodeVisitor;

fn bare(value: Value) -> Node {
    Node { value, span: None }
}

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a TOML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(bare(Value::Boolean(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(bare(Value::Integer(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        i64::try_from(v)
            .map(|v| bare(Value::Integer(v)))
            .map_err(|_| E::custom("integer out of range"))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Ok(bare(Value::Float(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(bare(Value::String(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        Ok(bare(Value::String(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(n) = seq.next_element::<Node>()? {
            items.push(n);
        }
        Ok(bare(Value::Array(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let first: Option<Key> = map.next_key()?;
        let Some(first) = first else {
            return Ok(bare(Value::Table(Vec::new())));
        };
        if first.name == START_FIELD {
            let start: usize = map.next_value()?;
            let k: Option<String> = map.next_key()?;
            if k.as_deref() != Some(END_FIELD) {
                return Err(de::Error::custom("spanned value without end"));
            }
            let end: usize = map.next_value()?;
            let k: Option<String> = map.next_key()?;
            if k.as_deref() != Some(VALUE_FIELD) {
                return Err(de::Error::custom("spanned value without value"));
            }
            let inner: Inner = map.next_value()?;
            return Ok(Node {
                value: inner.0,
                span: Some(start..end),
            });
        }
        if first.name == DATETIME_FIELD {
            let s: String = map.next_value()?;
            return Ok(bare(Value::Datetime(s)));
        }
        let mut entries = Vec::new();
        let v: Node = map.next_value()?;
        entries.push((first, v));
        while let Some(k) = map.next_key::<Key>()? {
            let v: Node = map.next_value()?;
            entries.push((k, v));
        }
        Ok(bare(Value::Table(entries)))
    }
}

/// The value inside a spanned wrapper, read without asking for a span again.
struct Inner(Value);

impl<'de> Deserialize<'de> for Inner {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor).map(|n| Inner(n.value))
    }
}

/// The whole document: a table whose own span is the file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Document(pub(crate) Vec<(Key, Node)>);

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = d.deserialize_map(NodeVisitor)?;
        match n.value {
            Value::Table(t) => Ok(Document(t)),
            _ => Err(de::Error::custom("expected a table")),
        }
    }
}

/// Converts a byte offset into a 1-based line and column (columns count
/// characters, so non-ASCII text such as Chinese lines up in editors).
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut line = 1;
    let mut line_start = 0;
    for (i, b) in text.as_bytes().iter().enumerate().take(offset) {
        if *b == b'\n' {
            line += 1;
            line_start = i + 1;
        }
    }
    let col = text
        .get(line_start..offset)
        .map(|s| s.chars().count())
        .unwrap_or(offset - line_start)
        + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_spans_for_keys_values_and_array_tables() {
        let text = "id = \"x\"\n[[steps]]\nid = \"a\"\nn = 3\nl = [1, \"b\"]\nd = 1979-05-27\n[[steps]]\nid = \"b\"\n";
        let doc: Document = toml::from_str(text).unwrap();
        let (k, v) = &doc.0[0];
        assert_eq!(k.name, "id");
        assert_eq!(line_col(text, k.span.clone().unwrap().start), (1, 1));
        assert_eq!(line_col(text, v.span.clone().unwrap().start), (1, 6));
        let (_, steps) = &doc.0[1];
        let Value::Array(steps) = &steps.value else {
            panic!()
        };
        assert_eq!(steps.len(), 2);
        let Value::Table(t) = &steps[0].value else {
            panic!()
        };
        assert!(steps[0].span.is_some());
        assert_eq!(t[1].1.value, Value::Integer(3));
        assert_eq!(line_col(text, t[1].0.span.clone().unwrap().start), (4, 1));
        assert!(matches!(t[3].1.value, Value::Datetime(_)));
        let Value::Array(l) = &t[2].1.value else {
            panic!()
        };
        assert_eq!(line_col(text, l[1].span.clone().unwrap().start), (5, 9));
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_col("名字 = 1", 7), (1, 4));
    }
}
