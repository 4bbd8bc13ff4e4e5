//! Typed recovery material.
//!
//! This module owns the [`Item`] model stored in the vault: the six kinds
//! (`seed`, `key`, `totp`, `codes`, `password`, `note`), the fields every item
//! shares, and how each kind serializes into the vault's JSON payload. Secret
//! fields are [`SecretString`]s, so an `Item`'s `Debug` output never shows
//! them. Deep validation of each kind lives in the submodules; [`input`]
//! turns what a person typed into a validated [`Secret`] for both front ends.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::secret::SecretString;

mod secret_de;

pub mod gf256;
pub mod input;
pub mod keys;
pub mod monero;
pub mod seed;
pub mod seedqr;
pub mod slip39;
pub mod totp;

/// The six kinds of recovery material.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// A wallet seed phrase (BIP39, SLIP-39 share, or another scheme).
    Seed,
    /// A private key (hex, WIF, extended key, or free text).
    Key,
    /// A TOTP/HOTP shared secret.
    Totp,
    /// One-time recovery codes.
    Codes,
    /// A username and password.
    Password,
    /// Free-form secret text.
    Note,
}

impl ItemKind {
    /// Every kind, in display order.
    pub const ALL: [ItemKind; 6] = [
        ItemKind::Seed,
        ItemKind::Key,
        ItemKind::Totp,
        ItemKind::Codes,
        ItemKind::Password,
        ItemKind::Note,
    ];

    /// The stable lowercase name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Seed => "seed",
            ItemKind::Key => "key",
            ItemKind::Totp => "totp",
            ItemKind::Codes => "codes",
            ItemKind::Password => "password",
            ItemKind::Note => "note",
        }
    }

    /// Parses the stable name; `None` for anything else.
    pub fn parse(s: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl std::fmt::Display for ItemKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which standard a seed phrase follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SeedScheme {
    /// BIP39 mnemonic (checksum verified on entry).
    #[default]
    Bip39,
    /// One SLIP-39 share (RS1024 checksum verified on entry).
    Slip39,
    /// An Electrum seed (its version prefix verified on entry): not BIP39,
    /// so a BIP39 wallet would restore other addresses from it.
    Electrum,
    /// A Monero seed (25 words, or 13 for MyMonero; the checksum word
    /// verified on entry).
    Monero,
    /// Anything else (stored byte for byte as given, not verified).
    Other,
}

impl SeedScheme {
    /// The stable lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            SeedScheme::Bip39 => "bip39",
            SeedScheme::Slip39 => "slip39",
            SeedScheme::Electrum => "electrum",
            SeedScheme::Monero => "monero",
            SeedScheme::Other => "other",
        }
    }
}

/// HMAC hash used by a TOTP/HOTP secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "UPPERCASE")]
pub enum OtpAlgorithm {
    /// HMAC-SHA1, the common default.
    #[default]
    Sha1,
    /// HMAC-SHA256.
    Sha256,
    /// HMAC-SHA512.
    Sha512,
}

impl OtpAlgorithm {
    /// The name as written in otpauth URIs (`SHA1`, `SHA256`, `SHA512`).
    pub fn as_str(self) -> &'static str {
        match self {
            OtpAlgorithm::Sha1 => "SHA1",
            OtpAlgorithm::Sha256 => "SHA256",
            OtpAlgorithm::Sha512 => "SHA512",
        }
    }
}

/// Time-based or counter-based one-time passwords.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OtpType {
    /// RFC 6238 time-based.
    #[default]
    Totp,
    /// RFC 4226 counter-based.
    Hotp,
    /// Steam Guard: RFC 6238 with SHA1 and a 30 s step, but the code is 5
    /// characters from Steam's own alphabet instead of decimal digits.
    Steam,
}

impl OtpType {
    /// The stable lowercase name (`totp`, `hotp`, `steam`), as stored and
    /// as in `show --json`.
    pub fn as_str(self) -> &'static str {
        match self {
            OtpType::Totp => "totp",
            OtpType::Hotp => "hotp",
            OtpType::Steam => "steam",
        }
    }

    /// Whether codes follow the clock (TOTP and Steam) rather than a counter.
    pub fn is_time_based(self) -> bool {
        matches!(self, OtpType::Totp | OtpType::Steam)
    }
}

/// One recovery code and when it was used, if it was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecoveryCode {
    /// The code as the provider printed it.
    pub code: SecretString,
    /// When the user marked it used.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub used: Option<OffsetDateTime>,
}

/// The secret part of an item, by kind.
///
/// Serialized by the derive (internally tagged: `"kind"` first, then the
/// variant's fields); deserialized by hand in [`secret_de`], which reads the
/// fields straight into the variant when `kind` comes first (as lifeboat
/// writes it) instead of buffering every secret through serde's `Content`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Secret {
    /// A seed phrase.
    Seed {
        /// The words, single-spaced.
        words: SecretString,
        /// The standard it follows.
        #[serde(default)]
        scheme: SeedScheme,
        /// BIP39 word-list language (`english` by default).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        language: Option<String>,
        /// Optional BIP39 passphrase ("25th word").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        passphrase: Option<SecretString>,
    },
    /// A private key.
    Key {
        /// The key text as entered.
        key: SecretString,
        /// The recognised format (`hex`, `wif`, `xprv`, `text`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        format: Option<String>,
    },
    /// A one-time-password secret.
    Totp {
        /// The shared secret, base32 without padding.
        secret: SecretString,
        /// Issuer (the service).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        issuer: Option<String>,
        /// The account name at the issuer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        /// HMAC hash.
        #[serde(default)]
        algorithm: OtpAlgorithm,
        /// Number of digits (6 to 8; 5 characters for Steam).
        digits: u8,
        /// Time step in seconds (TOTP).
        period: u64,
        /// TOTP or HOTP.
        #[serde(default)]
        otp_type: OtpType,
        /// Next counter value (HOTP).
        #[serde(default)]
        counter: u64,
    },
    /// One-time recovery codes.
    Codes {
        /// The codes in the order given.
        codes: Vec<RecoveryCode>,
    },
    /// A login.
    Password {
        /// The username, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        username: Option<String>,
        /// The password.
        password: SecretString,
        /// Where it is used.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        url: Option<String>,
    },
    /// Free secret text.
    Note {
        /// The text.
        text: SecretString,
    },
}

impl Secret {
    /// The empty secret of the same kind, for a value a purge erased: no
    /// secret text, no issuer, label, username or address; only the
    /// parameters a code needs to stay well-formed (seed scheme, TOTP
    /// algorithm, digits, period and type) are kept.
    pub fn erased(&self) -> Secret {
        match self {
            Secret::Seed { scheme, .. } => Secret::Seed {
                words: SecretString::from(""),
                scheme: *scheme,
                language: None,
                passphrase: None,
            },
            Secret::Key { .. } => Secret::Key {
                key: SecretString::from(""),
                format: None,
            },
            Secret::Totp {
                algorithm,
                digits,
                period,
                otp_type,
                ..
            } => Secret::Totp {
                secret: SecretString::from(""),
                issuer: None,
                label: None,
                algorithm: *algorithm,
                digits: *digits,
                period: *period,
                otp_type: *otp_type,
                counter: 0,
            },
            Secret::Codes { .. } => Secret::Codes { codes: Vec::new() },
            Secret::Password { .. } => Secret::Password {
                username: None,
                password: SecretString::from(""),
                url: None,
            },
            Secret::Note { .. } => Secret::Note {
                text: SecretString::from(""),
            },
        }
    }

    /// The kind this secret belongs to.
    pub fn kind(&self) -> ItemKind {
        match self {
            Secret::Seed { .. } => ItemKind::Seed,
            Secret::Key { .. } => ItemKind::Key,
            Secret::Totp { .. } => ItemKind::Totp,
            Secret::Codes { .. } => ItemKind::Codes,
            Secret::Password { .. } => ItemKind::Password,
            Secret::Note { .. } => ItemKind::Note,
        }
    }
}

/// One piece of recovery material with its common fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Stable random id (16 hex digits), never reused.
    pub id: String,
    /// Unique human name, e.g. "GitHub 2FA".
    pub name: String,
    /// The account or provider it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Free tags for grouping and playbook links.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// How to reach the provider's support (URL, phone, e-mail).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<String>,
    /// Non-secret notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// When the item was created.
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    /// When the item last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated: OffsetDateTime,
    /// The secret material.
    pub secret: Secret,
}

/// Item text borrowed from the payload when it has no escapes (owned
/// otherwise). Only for non-secret fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text<'a>(pub std::borrow::Cow<'a, str>);

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text(std::borrow::Cow::Owned(v.to_owned())))
            }
        }
        d.deserialize_str(V)
    }
}

/// The non-secret fields of an item, borrowed from the payload text: what
/// `list` prints, without building 10,000 [`Item`]s. These fields are
/// parsed by the same rules as in [`Item`] (same types, defaults and
/// timestamp format; unknown fields ignored); of the secret only its
/// `kind` is read, so the secret never leaves the payload text. Refusing
/// a damaged secret is the job of the full parse that every write runs.
#[derive(Debug, Deserialize)]
pub struct ItemHead<'a> {
    /// See [`Item::id`].
    #[serde(borrow)]
    pub id: Text<'a>,
    /// See [`Item::name`].
    #[serde(borrow)]
    pub name: Text<'a>,
    /// See [`Item::account`].
    #[serde(default, borrow)]
    pub account: Option<Text<'a>>,
    /// See [`Item::tags`].
    #[serde(default, borrow)]
    pub tags: Vec<Text<'a>>,
    /// See [`Item::support`].
    #[serde(default, borrow)]
    pub support: Option<Text<'a>>,
    /// See [`Item::notes`].
    #[serde(default, borrow)]
    pub notes: Option<Text<'a>>,
    /// See [`Item::created`].
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    /// See [`Item::updated`].
    #[serde(with = "time::serde::rfc3339")]
    pub updated: OffsetDateTime,
    /// The kind of [`Item::secret`] (its other fields are not read).
    #[serde(rename = "secret", deserialize_with = "secret_kind")]
    pub kind: ItemKind,
}

fn secret_kind<'de, D: serde::Deserializer<'de>>(d: D) -> Result<ItemKind, D::Error> {
    #[derive(Deserialize)]
    struct KindOnly {
        kind: ItemKind,
    }
    KindOnly::deserialize(d).map(|k| k.kind)
}

/// Why an item's common fields were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ItemError {
    /// The name is empty or only spaces.
    #[error("{}", crate::tr!("err-item-item-error-empty-name"))]
    EmptyName,
    /// The name has control characters or is too long.
    #[error("{}", crate::tr!("err-item-item-error-bad-name"))]
    BadName,
    /// The secret is empty.
    #[error("{}", crate::tr!("err-item-item-error-empty-secret"))]
    EmptySecret,
    /// A kind-specific validation failed.
    #[error("{0}")]
    Invalid(String),
}

impl Item {
    /// A new item with a fresh random id, stamped now.
    pub fn new(name: impl Into<String>, secret: Secret) -> Item {
        let now = now_utc();
        Item {
            id: new_id(),
            name: name.into(),
            account: None,
            tags: Vec::new(),
            support: None,
            notes: None,
            created: now,
            updated: now,
            secret,
        }
    }

    /// The item's kind.
    pub fn kind(&self) -> ItemKind {
        self.secret.kind()
    }

    /// Checks the common fields and that the secret is not empty.
    pub fn validate_common(&self) -> Result<(), ItemError> {
        validate_name(&self.name)?;
        let empty = match &self.secret {
            Secret::Seed { words, .. } => words.expose().trim().is_empty(),
            Secret::Key { key, .. } => key.expose().trim().is_empty(),
            Secret::Totp { secret, .. } => secret.expose().trim().is_empty(),
            Secret::Codes { codes } => codes.is_empty(),
            Secret::Password { password, .. } => password.is_empty(),
            Secret::Note { text } => text.is_empty(),
        };
        if empty {
            return Err(ItemError::EmptySecret);
        }
        // Whatever is stored must survive every export that carries it
        // (the otpauth form has a length limit on the way back in).
        if let Secret::Totp { .. } = &self.secret {
            totp::validate(&self.secret).map_err(|e| ItemError::Invalid(e.to_string()))?;
        }
        Ok(())
    }

    /// Recovery codes not yet used (0 for other kinds).
    pub fn unused_codes(&self) -> usize {
        match &self.secret {
            Secret::Codes { codes } => codes.iter().filter(|c| c.used.is_none()).count(),
            _ => 0,
        }
    }
}

/// Checks an item name: non-empty, printable, at most 200 characters.
pub fn validate_name(name: &str) -> Result<(), ItemError> {
    if name.trim().is_empty() {
        return Err(ItemError::EmptyName);
    }
    if name.chars().count() > 200 || name.chars().any(char::is_control) {
        return Err(ItemError::BadName);
    }
    Ok(())
}

/// Characters that separate tags (and one-line lists of recovery codes):
/// the ASCII comma and semicolon and their Chinese counterparts, the
/// full-width comma and semicolon and the ideographic comma.
pub const LIST_SEPARATORS: [char; 5] = [',', ';', '\u{FF0C}', '\u{FF1B}', '\u{3001}'];

/// Splits typed tags ("crypto, 2fa" or "交易所，备用") into trimmed,
/// non-empty tags.
pub fn split_tags(text: &str) -> Vec<String> {
    text.split(LIST_SEPARATORS)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The current time in UTC, truncated to whole seconds so timestamps
/// round-trip exactly through RFC 3339 text.
pub fn now_utc() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}

/// A fresh random item id: 16 lowercase hex digits.
pub fn new_id() -> String {
    use rand::RngCore;
    let mut b = [0u8; 8];
    rand::rngs::OsRng.fill_bytes(&mut b);
    hex::encode(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_every_secret_kind() {
        let secrets = [
            Secret::Seed {
                words: "SECRETWORDS".into(),
                scheme: SeedScheme::Bip39,
                language: None,
                passphrase: Some("SECRETPASS".into()),
            },
            Secret::Key {
                key: "SECRETKEY".into(),
                format: None,
            },
            Secret::Totp {
                secret: "SECRETTOTP".into(),
                issuer: None,
                label: None,
                algorithm: OtpAlgorithm::Sha1,
                digits: 6,
                period: 30,
                otp_type: OtpType::Totp,
                counter: 0,
            },
            Secret::Codes {
                codes: vec![RecoveryCode {
                    code: "SECRETCODE".into(),
                    used: None,
                }],
            },
            Secret::Password {
                username: None,
                password: "SECRETPW".into(),
                url: None,
            },
            Secret::Note {
                text: "SECRETNOTE".into(),
            },
        ];
        for s in secrets {
            let item = Item::new("x", s);
            let dbg = format!("{item:?} {item:#?}");
            assert!(!dbg.contains("SECRET"), "leak in {dbg}");
        }
    }

    #[test]
    fn json_round_trip_keeps_kind_and_fields() {
        let mut item = Item::new(
            "GitHub codes",
            Secret::Codes {
                codes: vec![RecoveryCode {
                    code: "abcd-1234".into(),
                    used: Some(now_utc()),
                }],
            },
        );
        item.account = Some("github.com".into());
        item.tags = vec!["work".into()];
        let json = serde_json::to_string(&item).unwrap();
        assert!(json.contains("\"kind\":\"codes\""));
        let back: Item = serde_json::from_str(&json).unwrap();
        assert_eq!(back, item);
    }

    #[test]
    fn names_are_checked() {
        assert_eq!(validate_name("  "), Err(ItemError::EmptyName));
        assert_eq!(validate_name("a\nb"), Err(ItemError::BadName));
        assert!(validate_name("GitHub 2FA").is_ok());
    }
}
