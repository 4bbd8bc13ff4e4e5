//! The hand-written `Deserialize` for [`Secret`].
//!
//! The derive for an internally tagged enum (`#[serde(tag = "kind")]`)
//! buffers the whole object into serde's private `Content` tree before it
//! knows which variant to build, then deserializes the variant from that
//! tree: an extra allocation per field and a second walk for every item.
//! At 10,000 items that was a large share of opening a vault.
//!
//! lifeboat always writes `kind` first, so this reads the first key, and
//! when it is `kind` deserializes the rest of the object straight into the
//! variant's field struct. Otherwise (another writer, hand-edited JSON, a
//! sequence) it falls back to the derive's behaviour exactly: the object is
//! buffered (into a `serde_json::Value` whose strings are wiped afterwards)
//! and deserialized with a derived internally tagged enum of the same field
//! structs. Both paths accept the same input and give the same errors
//! (`missing field`, `unknown variant`, `duplicate field`, wrong types).

use std::fmt;

use serde::de::{self, value::MapAccessDeserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use zeroize::Zeroize;

use super::{ItemKind, OtpAlgorithm, OtpType, RecoveryCode, Secret, SeedScheme};
use crate::secret::SecretString;

/// A second `kind` inside the object: the derive refuses it.
type DupKind = Option<IgnoredAny>;

fn no_dup_kind<E: de::Error>(k: &DupKind) -> Result<(), E> {
    match k {
        Some(_) => Err(E::duplicate_field("kind")),
        None => Ok(()),
    }
}

#[derive(Deserialize)]
struct SeedFields {
    words: SecretString,
    #[serde(default)]
    scheme: SeedScheme,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    passphrase: Option<SecretString>,
    #[serde(default, rename = "kind")]
    dup_kind: DupKind,
}

#[derive(Deserialize)]
struct KeyFields {
    key: SecretString,
    #[serde(default)]
    format: Option<String>,
    #[serde(default, rename = "kind")]
    dup_kind: DupKind,
}

#[derive(Deserialize)]
struct TotpFields {
    secret: SecretString,
    #[serde(default)]
    issuer: Option<String>,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    algorithm: OtpAlgorithm,
    digits: u8,
    period: u64,
    #[serde(default)]
    otp_type: OtpType,
    #[serde(default)]
    counter: u64,
    #[serde(default, rename = "kind")]
    dup_kind: DupKind,
}

#[derive(Deserialize)]
struct CodesFields {
    codes: Vec<RecoveryCode>,
    #[serde(default, rename = "kind")]
    dup_kind: DupKind,
}

#[derive(Deserialize)]
struct PasswordFields {
    #[serde(default)]
    username: Option<String>,
    password: SecretString,
    #[serde(default)]
    url: Option<String>,
    #[serde(default, rename = "kind")]
    dup_kind: DupKind,
}

#[derive(Deserialize)]
struct NoteFields {
    text: SecretString,
    #[serde(default, rename = "kind")]
    dup_kind: DupKind,
}

/// The fallback: what the derive on `Secret` used to be, with the same
/// field structs.
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Tagged {
    Seed(SeedFields),
    Key(KeyFields),
    Totp(TotpFields),
    Codes(CodesFields),
    Password(PasswordFields),
    Note(NoteFields),
}

impl SeedFields {
    fn build<E: de::Error>(self) -> Result<Secret, E> {
        no_dup_kind(&self.dup_kind)?;
        Ok(Secret::Seed {
            words: self.words,
            scheme: self.scheme,
            language: self.language,
            passphrase: self.passphrase,
        })
    }
}

impl KeyFields {
    fn build<E: de::Error>(self) -> Result<Secret, E> {
        no_dup_kind(&self.dup_kind)?;
        Ok(Secret::Key {
            key: self.key,
            format: self.format,
        })
    }
}

impl TotpFields {
    fn build<E: de::Error>(self) -> Result<Secret, E> {
        no_dup_kind(&self.dup_kind)?;
        Ok(Secret::Totp {
            secret: self.secret,
            issuer: self.issuer,
            label: self.label,
            algorithm: self.algorithm,
            digits: self.digits,
            period: self.period,
            otp_type: self.otp_type,
            counter: self.counter,
        })
    }
}

impl CodesFields {
    fn build<E: de::Error>(self) -> Result<Secret, E> {
        no_dup_kind(&self.dup_kind)?;
        Ok(Secret::Codes { codes: self.codes })
    }
}

impl PasswordFields {
    fn build<E: de::Error>(self) -> Result<Secret, E> {
        no_dup_kind(&self.dup_kind)?;
        Ok(Secret::Password {
            username: self.username,
            password: self.password,
            url: self.url,
        })
    }
}

impl NoteFields {
    fn build<E: de::Error>(self) -> Result<Secret, E> {
        no_dup_kind(&self.dup_kind)?;
        Ok(Secret::Note { text: self.text })
    }
}

impl Tagged {
    fn build<E: de::Error>(self) -> Result<Secret, E> {
        match self {
            Tagged::Seed(f) => f.build(),
            Tagged::Key(f) => f.build(),
            Tagged::Totp(f) => f.build(),
            Tagged::Codes(f) => f.build(),
            Tagged::Password(f) => f.build(),
            Tagged::Note(f) => f.build(),
        }
    }
}

/// The first key of the object: `kind`, or any other name (kept for the
/// fallback).
enum FirstKey {
    Kind,
    Other(String),
}

impl<'de> Deserialize<'de> for FirstKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = FirstKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FirstKey, E> {
                Ok(if v == "kind" {
                    FirstKey::Kind
                } else {
                    FirstKey::Other(v.to_owned())
                })
            }
        }
        d.deserialize_identifier(V)
    }
}

/// A buffered value whose strings are wiped when it is dropped: the
/// fallback holds secrets in it.
struct Wiped(serde_json::Value);

fn wipe(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::String(s) => s.zeroize(),
        serde_json::Value::Array(a) => a.iter_mut().for_each(wipe),
        serde_json::Value::Object(m) => m.values_mut().for_each(wipe),
        _ => {}
    }
}

impl Drop for Wiped {
    fn drop(&mut self) {
        wipe(&mut self.0);
    }
}

impl Wiped {
    fn build<E: de::Error>(&self) -> Result<Secret, E> {
        Tagged::deserialize(&self.0).map_err(E::custom)?.build()
    }
}

struct SecretVisitor;

impl<'de> Visitor<'de> for SecretVisitor {
    type Value = Secret;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The derive's wording for an internally tagged enum.
        f.write_str("internally tagged enum Secret")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Secret, A::Error> {
        match map.next_key::<FirstKey>()? {
            Some(FirstKey::Kind) => {
                let kind: ItemKind = map.next_value()?;
                let rest = MapAccessDeserializer::new(map);
                match kind {
                    ItemKind::Seed => SeedFields::deserialize(rest)?.build(),
                    ItemKind::Key => KeyFields::deserialize(rest)?.build(),
                    ItemKind::Totp => TotpFields::deserialize(rest)?.build(),
                    ItemKind::Codes => CodesFields::deserialize(rest)?.build(),
                    ItemKind::Password => PasswordFields::deserialize(rest)?.build(),
                    ItemKind::Note => NoteFields::deserialize(rest)?.build(),
                }
            }
            first => {
                let mut buf = Wiped(serde_json::Value::Object(serde_json::Map::new()));
                let serde_json::Value::Object(obj) = &mut buf.0 else {
                    unreachable!()
                };
                if let Some(FirstKey::Other(k)) = first {
                    let v = map.next_value::<serde_json::Value>()?;
                    obj.insert(k, v);
                    while let Some((k, v)) = map.next_entry::<String, serde_json::Value>()? {
                        if let Some(mut old) = obj.insert(k.clone(), v) {
                            wipe(&mut old);
                            // The derive saw both and refused the second.
                            return Err(de::Error::custom(format_args!("duplicate field `{k}`")));
                        }
                    }
                }
                buf.build()
            }
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Secret, A::Error> {
        // The derive also accepts `[kind, fields...]`; keep that.
        let mut buf = Wiped(serde_json::Value::Array(Vec::new()));
        while let Some(v) = seq.next_element::<serde_json::Value>()? {
            if let serde_json::Value::Array(a) = &mut buf.0 {
                a.push(v);
            }
        }
        buf.build()
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SecretVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::Item;

    fn all_kinds() -> Vec<Secret> {
        vec![
            Secret::Seed {
                words: "abandon ability able".into(),
                scheme: SeedScheme::Slip39,
                language: Some("english".into()),
                passphrase: Some("tr\u{e9}s \"secret\"\n".into()),
            },
            Secret::Seed {
                words: "abandon ability able".into(),
                scheme: SeedScheme::Bip39,
                language: None,
                passphrase: None,
            },
            Secret::Key {
                key: "00ff".into(),
                format: Some("hex".into()),
            },
            Secret::Key {
                key: "k".into(),
                format: None,
            },
            Secret::Totp {
                secret: "JBSWY3DPEHPK3PXP".into(),
                issuer: Some("GitHub".into()),
                label: Some("me@example.com".into()),
                algorithm: OtpAlgorithm::Sha256,
                digits: 8,
                period: 60,
                otp_type: OtpType::Hotp,
                counter: 42,
            },
            Secret::Codes {
                codes: vec![
                    RecoveryCode {
                        code: "a-1".into(),
                        used: None,
                    },
                    RecoveryCode {
                        code: "b-2".into(),
                        used: Some(time::macros::datetime!(2024-05-06 07:08:09 UTC)),
                    },
                ],
            },
            Secret::Codes { codes: vec![] },
            Secret::Password {
                username: Some("me".into()),
                password: "pw".into(),
                url: Some("https://x".into()),
            },
            Secret::Password {
                username: None,
                password: "pw".into(),
                url: None,
            },
            Secret::Note {
                text: "line 1\nline 2 \u{1F511}".into(),
            },
        ]
    }

    /// The bytes the derive wrote before this module existed (the derive
    /// still writes them: only deserialization changed).
    const GOLDEN: [&str; 10] = [
        r#"{"kind":"seed","words":"abandon ability able","scheme":"slip39","language":"english","passphrase":"trés \"secret\"\n"}"#,
        r#"{"kind":"seed","words":"abandon ability able","scheme":"bip39"}"#,
        r#"{"kind":"key","key":"00ff","format":"hex"}"#,
        r#"{"kind":"key","key":"k"}"#,
        r#"{"kind":"totp","secret":"JBSWY3DPEHPK3PXP","issuer":"GitHub","label":"me@example.com","algorithm":"SHA256","digits":8,"period":60,"otp_type":"hotp","counter":42}"#,
        r#"{"kind":"codes","codes":[{"code":"a-1","used":null},{"code":"b-2","used":"2024-05-06T07:08:09Z"}]}"#,
        r#"{"kind":"codes","codes":[]}"#,
        r#"{"kind":"password","username":"me","password":"pw","url":"https://x"}"#,
        r#"{"kind":"password","password":"pw"}"#,
        r#"{"kind":"note","text":"line 1\nline 2 🔑"}"#,
    ];

    #[test]
    fn serialization_is_unchanged_and_round_trips() {
        for (s, golden) in all_kinds().into_iter().zip(GOLDEN) {
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, golden);
            let back: Secret = serde_json::from_str(&json).unwrap();
            assert_eq!(back, s);
            // Through a Value too (import uses `from_value`).
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(serde_json::from_value::<Secret>(v).unwrap(), s);
            // Inside an item.
            let item = Item::new("x", s.clone());
            let text = serde_json::to_string(&item).unwrap();
            assert!(text.contains(golden), "{text}");
            assert_eq!(serde_json::from_str::<Item>(&text).unwrap(), item);
        }
    }

    /// Every rotation of the fields (so `kind` comes anywhere), plus
    /// unknown fields, parses to the same secret.
    #[test]
    fn any_field_order_and_unknown_fields() {
        for (s, golden) in all_kinds().into_iter().zip(GOLDEN) {
            let v: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(golden).unwrap();
            let mut fields: Vec<(String, serde_json::Value)> = v.into_iter().collect();
            fields.push(("zz_unknown".into(), serde_json::json!({"a": [1, "x"]})));
            fields.insert(0, ("aa_unknown".into(), serde_json::json!(null)));
            for r in 0..fields.len() {
                fields.rotate_left(1);
                let body: Vec<String> = fields
                    .iter()
                    .map(|(k, v)| format!("{}:{}", serde_json::json!(k), v))
                    .collect();
                let text = format!("{{{}}}", body.join(","));
                let back: Secret = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("rotation {r} of {text}: {e}"));
                assert_eq!(back, s, "{text}");
            }
        }
    }

    /// The derive this module replaced, verbatim, to compare errors with.
    mod old {
        use super::*;
        #[derive(Debug, Deserialize)]
        #[serde(tag = "kind", rename_all = "lowercase")]
        #[allow(dead_code)]
        pub enum Secret {
            Seed {
                words: SecretString,
                #[serde(default)]
                scheme: SeedScheme,
                #[serde(default)]
                language: Option<String>,
                #[serde(default)]
                passphrase: Option<SecretString>,
            },
            Key {
                key: SecretString,
                #[serde(default)]
                format: Option<String>,
            },
            Totp {
                secret: SecretString,
                #[serde(default)]
                issuer: Option<String>,
                #[serde(default)]
                label: Option<String>,
                #[serde(default)]
                algorithm: OtpAlgorithm,
                digits: u8,
                period: u64,
                #[serde(default)]
                otp_type: OtpType,
                #[serde(default)]
                counter: u64,
            },
            Codes {
                codes: Vec<RecoveryCode>,
            },
            Password {
                #[serde(default)]
                username: Option<String>,
                password: SecretString,
                #[serde(default)]
                url: Option<String>,
            },
            Note {
                text: SecretString,
            },
        }
    }

    fn strip_position(e: serde_json::Error) -> String {
        let msg = e.to_string();
        match msg.find(" at line ") {
            Some(i) => msg[..i].to_owned(),
            None => msg,
        }
    }

    /// The new error, after checking it is the old one (position aside:
    /// the derive reported errors at the end of the buffered object).
    fn err(text: &str) -> String {
        let new = strip_position(serde_json::from_str::<Secret>(text).unwrap_err());
        let old = strip_position(serde_json::from_str::<old::Secret>(text).unwrap_err());
        assert_eq!(new, old, "{text}");
        new
    }

    #[test]
    fn errors_match_the_derive() {
        for (text, want) in [
            (r#"{"kind":"note"}"#, "missing field `text`"),
            (r#"{"text":"x"}"#, "missing field `kind`"),
            (r#"{}"#, "missing field `kind`"),
            (
                r#"{"kind":"totp","secret":"A","period":30}"#,
                "missing field `digits`",
            ),
            (
                r#"{"secret":"A","kind":"totp","period":30}"#,
                "missing field `digits`",
            ),
            (r#"{"kind":"nope","text":"x"}"#, "unknown variant `nope`"),
            (r#"{"text":"x","kind":"nope"}"#, "unknown variant `nope`"),
            (
                r#"{"kind":"note","kind":"note","text":"x"}"#,
                "duplicate field `kind`",
            ),
            (
                r#"{"kind":"note","text":"x","text":"y"}"#,
                "duplicate field `text`",
            ),
            (
                r#"{"text":"x","kind":"note","text":"y"}"#,
                "duplicate field `text`",
            ),
            (r#"{"kind":"codes","codes":"S"}"#, "invalid type: string"),
            (r#"{"codes":"S","kind":"codes"}"#, "invalid type: string"),
            (
                r#"{"kind":"totp","secret":"A","digits":300,"period":30}"#,
                "invalid value: integer `300`",
            ),
            (r#""note""#, "invalid type: string"),
        ] {
            let e = err(text);
            assert!(e.contains(want), "{text}: {e}");
        }
        // The sequence form the derive accepted.
        let s: Secret = serde_json::from_str(r#"["note","hi"]"#).unwrap();
        assert_eq!(s, Secret::Note { text: "hi".into() });
    }
}
