//! Import and export formats (native JSON, otpauth lists, Aegis, Google Authenticator migration).
//!
//! This module owns reading other tools' exports into [`Item`]s and writing
//! lifeboat's TOTP items back out: plain lists of otpauth URIs, Aegis
//! plaintext JSON exports ([`aegis`]), Google Authenticator
//! `otpauth-migration://` URIs ([`gauth`]), and QR codes ([`qr`]). The native
//! lifeboat JSON format lives in a sibling module written separately.
//!
//! Importers never stop at the first bad entry: each entry either becomes an
//! item or a [`Rejection`] saying where and why, and the rest go on. Every
//! user-facing reason is a [`Reason`] variant, so the wording lives in one
//! place; reasons never quote secrets.

use std::collections::HashSet;

use crate::item::totp::{self, TotpError};
use crate::item::{Item, Secret};

pub mod aegis;
pub mod aegis_vault;
pub mod andotp;
pub mod authpro;
pub mod bitwarden;
pub mod crypto;
pub mod csv;
pub mod dedup;
pub mod detect;
pub mod export;
pub mod freeotp;
pub mod gauth;
pub mod keepassxc;
pub(crate) mod logins;
pub mod native;
pub(crate) mod otp;
pub mod proton;
pub mod qr;
pub mod qr_image;
pub mod twofas;

pub use aegis::import_aegis;
pub use gauth::import_gauth;

/// Largest import accepted, in bytes. Real exports are a few hundred
/// kilobytes at most; the cap bounds the work on a hostile or wrong file.
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// One entry that was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// 1-based line number for line formats; 1-based entry index for JSON.
    pub line: usize,
    /// Why, in plain words (never the secret).
    pub reason: String,
    /// Whether `line` counts lines or entries.
    pub unit: Unit,
    /// What the entry was, e.g. `GitHub, alice` (issuer and account; never
    /// the secret), when the file said.
    pub label: Option<String>,
}

impl Rejection {
    /// Where the entry was, in the UI language, for a person: `line 3`,
    /// `第 7 个条目（GitHub, alice）`. ([`Rejection::place`] is the fixed
    /// English form that `--json` carries.)
    pub fn place_text(&self) -> String {
        let at = match self.unit {
            Unit::Line => crate::tr!("import-place-line", n = self.line),
            Unit::Entry => crate::tr!("import-place-entry", n = self.line),
        };
        match &self.label {
            Some(label) => crate::tr!("import-place-labelled", place = at, label = label.as_str()),
            None => at,
        }
    }

    /// Where the entry was, for a report: `line 3` or `entry 7 (GitHub, alice)`.
    pub fn place(&self) -> String {
        let unit = match self.unit {
            Unit::Line => "line",
            Unit::Entry => "entry",
        };
        match &self.label {
            Some(label) => format!("{unit} {} ({label})", self.line),
            None => format!("{unit} {}", self.line),
        }
    }
}

/// What a position in an import counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    /// Lines of a text file.
    #[default]
    Line,
    /// Entries of a JSON or CSV export (1-based, in file order).
    Entry,
}

/// What an import produced: the items to add and the entries left out.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// Items ready to add, named uniquely within this import.
    pub items: Vec<Item>,
    /// Entries that were refused, with where and why.
    pub rejected: Vec<Rejection>,
    /// For each item, the 1-based line or entry it came from (same order
    /// as `items`; empty when the importer did not say).
    pub origins: Vec<usize>,
    /// What `origins` counts.
    pub unit: Unit,
    /// Which item fields the format carries, for duplicate detection.
    pub carries: dedup::Carries,
}

impl ImportReport {
    /// An empty report whose positions count `unit`.
    pub fn new(unit: Unit, carries: dedup::Carries) -> ImportReport {
        ImportReport {
            unit,
            carries,
            ..ImportReport::default()
        }
    }

    /// Adds an item that came from line or entry `position`.
    pub fn add(&mut self, item: Item, position: usize) {
        self.items.push(item);
        self.origins.push(position);
    }

    /// Refuses line or entry `position` (labelled when the file said what
    /// it was) for `reason`.
    pub fn refuse(&mut self, position: usize, label: Option<String>, reason: impl ToString) {
        self.rejected.push(Rejection {
            line: position,
            reason: reason.to_string(),
            unit: self.unit,
            label,
        });
    }

    /// Adds the item made from entry `position`, or refuses the entry
    /// (named by `label`) for the reason it could not be made.
    pub(crate) fn settle(
        &mut self,
        position: usize,
        label: Option<String>,
        made: Result<Item, Reason>,
    ) {
        match made {
            Ok(item) => self.add(item, position),
            Err(reason) => self.refuse(position, label, reason),
        }
    }
}

/// Reads a JSON export whose top level is `T`. Valid JSON of another shape
/// is not `what` (with `detail` saying what is missing); text that is not
/// JSON says where the parser stopped.
pub(crate) fn parse_export<'a, T: serde::Deserialize<'a>>(
    json: &'a str,
    what: &'static str,
    detail: &'static str,
) -> Result<T, InteropError> {
    serde_json::from_str(json).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => InteropError::NotFormat { what, detail },
        _ => InteropError::NotJson {
            line: e.line(),
            column: e.column(),
        },
    })
}

/// Why an entry of a JSON list could not be read, in most formats.
pub(crate) const WRONG_TYPE: &str = "a field has the wrong type";

/// Hands each entry of a JSON list to `each` as `T`, with its 1-based
/// position. An entry of another shape (a field of the wrong type) is
/// refused there as `malformed`, without a label: its fields could not be
/// read. Entries are kept raw until here so one bad entry does not stop
/// the others.
pub(crate) fn for_each_entry<T: serde::de::DeserializeOwned>(
    report: &mut ImportReport,
    entries: &[&serde_json::value::RawValue],
    malformed: &'static str,
    mut each: impl FnMut(&mut ImportReport, usize, T),
) {
    for (n, raw) in entries.iter().enumerate() {
        let position = n + 1;
        match serde_json::from_str(raw.get()) {
            Ok(entry) => each(report, position, entry),
            Err(_) => report.refuse(position, None, Reason::Malformed(malformed)),
        }
    }
}

/// A short, printable label naming an entry by issuer and account (never
/// the secret): control characters dropped, at most 80 characters.
pub fn entry_label(issuer: Option<&str>, account: Option<&str>) -> Option<String> {
    let clean = |s: Option<&str>| {
        s.map(|s| {
            s.chars()
                .filter(|c| !c.is_control())
                .collect::<String>()
                .trim()
                .to_owned()
        })
        .filter(|s| !s.is_empty())
    };
    let text = match (clean(issuer), clean(account)) {
        (Some(i), Some(a)) if i != a => format!("{i}, {a}"),
        (Some(i), _) => i,
        (None, Some(a)) => a,
        (None, None) => return None,
    };
    let mut short: String = text.chars().take(80).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    Some(short)
}

/// Why a whole import failed (as opposed to single entries).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InteropError {
    /// The file is too large to be an export.
    #[error("{}", crate::tr!("err-import-interop-error-too-large"))]
    TooLarge,
    /// The file is not valid JSON.
    #[error("{}", crate::tr!("err-import-interop-error-not-json", line = line.to_string(), column = column.to_string()))]
    NotJson {
        /// Where the parser stopped.
        line: usize,
        /// Where the parser stopped.
        column: usize,
    },
    /// The Aegis export is encrypted and no password was given.
    #[error("{}", crate::tr!("err-import-interop-error-aegis-encrypted"))]
    AegisEncrypted,
    /// Valid JSON, but not shaped like an Aegis export.
    #[error("{}", crate::tr!("err-import-interop-error-not-aegis"))]
    NotAegis,
    /// An encrypted export and no password.
    #[error("{}", crate::tr!("err-import-interop-error-need-password", value = crate::i18n::translate_english(_0)))]
    NeedPassword(&'static str),
    /// The password does not open the export.
    #[error("{}", crate::tr!("err-import-interop-error-wrong-password", value = crate::i18n::translate_english(_0)))]
    WrongPassword(&'static str),
    /// Key-derivation parameters that the app never writes, or over the caps.
    #[error("{}", crate::tr!("err-import-interop-error-bad-kdf", value = crate::i18n::translate_english(_0)))]
    BadKdf(&'static str),
    /// The file is not in the format named.
    #[error("{}", crate::tr!("err-import-interop-error-not-format", what = crate::i18n::translate_english(what), detail = crate::i18n::translate_english(detail)))]
    NotFormat {
        /// The format, with an article (`an andOTP export`).
        what: &'static str,
        /// What is wrong, in plain words (never a value from the file).
        detail: &'static str,
    },
    /// A variant of the format that lifeboat does not read.
    #[error("{}", crate::i18n::translate_english(_0))]
    Unsupported(&'static str),
    /// Neither text nor an image.
    #[error("{}", crate::tr!("err-import-interop-error-not-text"))]
    NotText,
    /// `--format` names another format than the file's.
    #[error("{}", crate::tr!("err-import-interop-error-wrong-format", looks_like = crate::i18n::translate_english(looks_like), asked = crate::i18n::translate_english(asked), suggest = suggest.to_string()))]
    WrongFormat {
        /// The format asked for, with an article.
        asked: &'static str,
        /// What the file looks like, with an article.
        looks_like: &'static str,
        /// The `--format` value for what it looks like.
        suggest: &'static str,
    },
    /// `--format auto` could not tell.
    #[error("{}", crate::tr!("err-import-interop-error-unknown"))]
    Unknown,
    /// An image without a readable QR code.
    #[error("{}", crate::tr!("err-import-interop-error-no-qr-code"))]
    NoQrCode,
    /// An image that cannot be decoded.
    #[error("{}", crate::tr!("err-import-interop-error-bad-image"))]
    BadImage,
    /// A lifeboat export that cannot be read.
    #[error("{0}")]
    Native(String),
}

/// Why one entry was refused. The Display text is the user-facing reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Reason {
    /// The TOTP data itself is invalid.
    #[error("{0}")]
    Totp(#[from] TotpError),
    /// A line that is not an otpauth URI in an otpauth list.
    #[error("{}", crate::tr!("err-import-reason-not-otpauth-line"))]
    NotOtpauthLine,
    /// An Aegis entry type lifeboat cannot compute codes for.
    #[error("{}", crate::tr!("err-import-reason-aegis-type", value = _0.to_string()))]
    AegisType(String),
    /// An Aegis entry whose fields have the wrong types.
    #[error("{}", crate::tr!("err-import-reason-aegis-malformed"))]
    AegisMalformed,
    /// An Aegis entry without the fields every entry has.
    #[error("{}", crate::tr!("err-import-reason-aegis-missing", value = _0.to_string()))]
    AegisMissing(&'static str),
    /// A line that is not an `otpauth-migration://` URI in a gauth file.
    #[error("{}", crate::tr!("err-import-reason-not-migration-uri"))]
    NotMigrationUri,
    /// The `data=` parameter is missing or not base64.
    #[error("{}", crate::tr!("err-import-reason-bad-migration-data"))]
    BadMigrationData,
    /// The protobuf payload is damaged.
    #[error("{}", crate::tr!("err-import-reason-bad-migration-payload"))]
    BadMigrationPayload,
    /// An entry inside a migration payload was refused.
    #[error("{}", crate::tr!("err-import-reason-in-entry", index = index.to_string(), reason = reason.to_string()))]
    InEntry {
        /// 1-based position of the account within the payload.
        index: usize,
        /// Why it was refused.
        reason: Box<Reason>,
    },
    /// MD5 (Google Authenticator's algorithm 4) has no place in TOTP.
    #[error("{}", crate::tr!("err-import-reason-md5"))]
    Md5,
    /// An enum value outside the published range.
    #[error("{}", crate::tr!("err-import-reason-unknown-enum", value = crate::i18n::translate_english(_0)))]
    UnknownEnum(&'static str),
    /// An OTP type other than TOTP, HOTP or Steam.
    #[error("{}", crate::tr!("err-import-reason-otp-type", value = _0.to_string()))]
    OtpType(String),
    /// An entry whose fields have the wrong types or are missing.
    #[error("{}", crate::tr!("err-import-reason-malformed", value = crate::i18n::translate_english(_0)))]
    Malformed(&'static str),
    /// An entry kind that is not recovery material lifeboat keeps.
    #[error("{}", crate::tr!("err-import-reason-not-imported", value = _0.to_string()))]
    NotImported(&'static str),
    /// A SeedQR that does not decode to a BIP39 phrase.
    #[error("{0}")]
    SeedQr(#[from] crate::item::seedqr::SeedQrError),
    /// A QR code holding something else.
    #[error("{}", crate::tr!("err-import-reason-not-otp-qr"))]
    NotOtpQr,
    /// A secure note without text.
    #[error("{}", crate::tr!("err-import-reason-empty-note"))]
    EmptyNote,
    /// An entry with nothing to import.
    #[error("{}", crate::tr!("err-import-reason-empty"))]
    Empty,
}

impl Reason {
    fn at(self, line: usize) -> Rejection {
        Rejection {
            line,
            reason: self.to_string(),
            unit: Unit::Line,
            label: None,
        }
    }
}

/// Hands out item names unique within one import: `"GitHub (alice)"`, then
/// `"GitHub (alice) 2"`, and so on.
#[derive(Debug, Default)]
pub(crate) struct Namer {
    used: HashSet<String>,
}

impl Namer {
    /// Builds a name from issuer and account, made valid (printable, at most
    /// 200 characters) and unique.
    pub(crate) fn name(&mut self, issuer: Option<&str>, account: Option<&str>) -> String {
        let clean = |s: Option<&str>| {
            s.map(|s| {
                s.chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect::<String>()
                    .trim()
                    .to_owned()
            })
            .filter(|s| !s.is_empty())
        };
        let base = match (clean(issuer), clean(account)) {
            (Some(i), Some(a)) if i != a => format!("{i} ({a})"),
            (Some(i), _) => i,
            (None, Some(a)) => a,
            (None, None) => "TOTP".to_owned(),
        };
        // Leave room for a " 12345" suffix within the 200-character limit.
        let base: String = base.chars().take(190).collect();
        let base = base.trim_end().to_owned();
        let mut name = base.clone();
        let mut n = 2;
        while !self.used.insert(name.clone()) {
            name = format!("{base} {n}");
            n += 1;
        }
        name
    }
}

/// Turns a validated [`Secret::Totp`] into an item: named "Issuer (account)",
/// account set to the issuer.
pub(crate) fn totp_item(secret: Secret, namer: &mut Namer) -> Item {
    let (issuer, label) = match &secret {
        Secret::Totp { issuer, label, .. } => (issuer.clone(), label.clone()),
        _ => (None, None),
    };
    let name = namer.name(issuer.as_deref(), label.as_deref());
    let mut item = Item::new(name, secret);
    item.account = issuer;
    item
}

/// Imports a list of otpauth URIs, one per line; blank lines and lines
/// starting with `#` are skipped.
pub fn import_otpauth_list(text: &str) -> ImportReport {
    let mut report = ImportReport::new(Unit::Line, dedup::Carries::SECRET_ONLY);
    let mut namer = Namer::default();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if totp::strip_prefix_ci(line, "otpauth").is_none() {
            report.rejected.push(Reason::NotOtpauthLine.at(index + 1));
            continue;
        }
        match totp::parse_otpauth(line) {
            Ok(secret) => report.add(totp_item(secret, &mut namer), index + 1),
            Err(e) => {
                let mut r = Reason::from(e).at(index + 1);
                r.label = uri_label(line);
                report.rejected.push(r);
            }
        }
    }
    report
}

/// Issuer and account of an otpauth URI that may not parse, for naming it
/// in a report: the label path and the `issuer=` parameter, decoded where
/// possible. Never the secret.
pub(crate) fn uri_label(uri: &str) -> Option<String> {
    let rest = totp::strip_prefix_ci(uri.trim(), "otpauth://")?;
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let label = path.split_once('/').map_or("", |(_, l)| l);
    let label = totp::decode_path(label).unwrap_or_else(|_| label.to_owned());
    let issuer_param = query
        .split('&')
        .find_map(|p| p.strip_prefix("issuer="))
        .map(|i| totp::decode_query_value(i).unwrap_or_else(|_| i.to_owned()));
    let (issuer, account) = match label.split_once(':') {
        Some((i, a)) => (Some(i.trim().to_owned()), Some(a.trim().to_owned())),
        None => (None, Some(label.trim().to_owned())),
    };
    entry_label(issuer_param.or(issuer).as_deref(), account.as_deref())
}

/// Writes the TOTP/HOTP/Steam items as otpauth URIs, one per line; other
/// kinds are skipped. A bare secret (no issuer, no account) is labelled
/// with the item name, so an authenticator shows a named entry. The text
/// carries secrets: the caller decides where it goes.
pub fn export_otpauth(items: &[Item]) -> String {
    let mut out = String::new();
    for uri in items
        .iter()
        .filter_map(|i| totp::to_otpauth_named(&i.secret, Some(&i.name)))
    {
        out.push_str(&uri);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_valid() {
        let mut n = Namer::default();
        assert_eq!(n.name(Some("GitHub"), Some("alice")), "GitHub (alice)");
        assert_eq!(n.name(Some("GitHub"), Some("alice")), "GitHub (alice) 2");
        assert_eq!(n.name(Some("GitHub"), Some("alice")), "GitHub (alice) 3");
        assert_eq!(n.name(Some("Bank"), Some("Bank")), "Bank");
        assert_eq!(n.name(None, Some("bob@x")), "bob@x");
        assert_eq!(n.name(Some(" "), None), "TOTP");
        assert_eq!(n.name(Some("a\nb"), None), "a b");
        let long = "x".repeat(500);
        let name = n.name(Some(&long), None);
        assert!(crate::item::validate_name(&name).is_ok());
    }

    #[test]
    fn list_skips_comments_and_reports_lines() {
        let text =
            "# mine\n\notpauth://totp/A:a?secret=JBSWY3DP\nhello\notpauth://totp/B?secret=1\n";
        let r = import_otpauth_list(text);
        assert_eq!(r.items.len(), 1);
        assert_eq!(r.items[0].name, "A (a)");
        assert_eq!(r.items[0].account.as_deref(), Some("A"));
        let lines: Vec<usize> = r.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, [4, 5]);
        assert_eq!(r.rejected[1].place(), "line 5 (B)");
        assert_eq!(
            uri_label("otpauth://totp/Big%20Bank:me%40x?secret=1&issuer=Big%20Bank").as_deref(),
            Some("Big Bank, me@x")
        );
        assert_eq!(uri_label("otpauth://totp/?secret=%zz"), None);
    }
}
