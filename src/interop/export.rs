//! Writing items out in other authenticators' formats.
//!
//! This module owns the exports that other apps read: Aegis plaintext JSON
//! (database version 3, as Aegis's `docs/vault.md` documents it) and Google
//! Authenticator "Transfer accounts" URIs (`otpauth-migration://`, a
//! protobuf `MigrationPayload` in base64, split into batches as the app
//! splits them). Each export also says what it left out: items the target
//! cannot hold (with the reason) and fields it has no place for, so a lossy
//! export is never silent.

use base64::Engine;
use serde_json::{json, Value};

use crate::item::totp::{self, percent_encode};
use crate::item::{Item, OtpAlgorithm, OtpType, Secret};
use crate::secret::SecretString;

/// Accounts per Google Authenticator transfer QR code: the app puts at
/// most 10 in one code, and readers expect no more.
pub const GAUTH_BATCH_ACCOUNTS: usize = 10;
/// Longest migration URI put in one batch when it holds more than one
/// account, so each batch fits a QR code that phones scan easily.
pub const GAUTH_BATCH_CHARS: usize = 1500;

/// Why an item was left out of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SkipReason {
    /// Not a one-time-password secret.
    #[error("{}", crate::tr!("err-export-skip-reason-not-otp"))]
    NotOtp,
    /// Google Authenticator has no Steam Guard codes.
    #[error("{}", crate::tr!("err-export-skip-reason-gauth-steam"))]
    GauthSteam,
    /// Google Authenticator shows only 6 or 8 digits.
    #[error("{}", crate::tr!("err-export-skip-reason-gauth-digits"))]
    GauthDigits,
    /// Google Authenticator's transfer format has no period field.
    #[error("{}", crate::tr!("err-export-skip-reason-gauth-period"))]
    GauthPeriod,
}

/// What an export left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportNotes {
    /// Items not written, by name, with the reason.
    pub skipped: Vec<(String, SkipReason)>,
    /// Fields of the written items that the format has no place for.
    pub dropped_fields: &'static [&'static str],
}

/// Fields no authenticator format carries.
const OTP_DROPPED: &[&str] = &[
    "item names (the account name is kept)",
    "support contact",
    "created/updated times",
];
const OTPAUTH_DROPPED: &[&str] = &[
    "item names (the account name is kept)",
    "tags",
    "notes",
    "support contact",
    "created/updated times",
];
const GAUTH_DROPPED: &[&str] = &[
    "item names (the account name is kept)",
    "tags",
    "notes",
    "support contact",
    "created/updated times",
];

/// What the otpauth URI list export leaves out (see
/// [`super::export_otpauth`]).
pub fn otpauth_notes(items: &[Item]) -> ExportNotes {
    ExportNotes {
        skipped: not_otp(items),
        dropped_fields: OTPAUTH_DROPPED,
    }
}

fn not_otp(items: &[Item]) -> Vec<(String, SkipReason)> {
    items
        .iter()
        .filter(|i| !matches!(i.secret, Secret::Totp { .. }))
        .map(|i| (i.name.clone(), SkipReason::NotOtp))
        .collect()
}

/// The account name to show: the secret's own, else the item name.
fn account_of(item: &Item, label: &Option<String>) -> String {
    label
        .clone()
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| item.name.trim().to_owned())
}

/// A random version-4 UUID in its text form.
fn uuid4() -> String {
    use rand::RngCore;
    let mut b = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// Writes the TOTP, HOTP and Steam items as an Aegis plaintext export
/// (`header.slots` null, database version 3): issuer, account name (the
/// item name when the secret has none), note, tags as groups, and the OTP
/// parameters. Other kinds are skipped and listed in the notes.
pub fn export_aegis(items: &[Item]) -> (SecretString, ExportNotes) {
    let mut groups: Vec<(String, String)> = Vec::new();
    let mut entries = Vec::new();
    for item in items {
        let Secret::Totp {
            secret,
            issuer,
            label,
            algorithm,
            digits,
            period,
            otp_type,
            counter,
        } = &item.secret
        else {
            continue;
        };
        let clean = totp::normalize_base32(secret.expose())
            .unwrap_or_else(|_| SecretString::from(secret.expose()));
        let (kind, info) = match otp_type {
            OtpType::Totp => (
                "totp",
                json!({"secret": clean.expose(), "algo": algorithm.as_str(), "digits": digits, "period": period}),
            ),
            OtpType::Hotp => (
                "hotp",
                json!({"secret": clean.expose(), "algo": algorithm.as_str(), "digits": digits, "counter": counter}),
            ),
            OtpType::Steam => (
                "steam",
                json!({"secret": clean.expose(), "algo": "SHA1", "digits": totp::STEAM_CODE_CHARS, "period": period}),
            ),
        };
        let group_ids: Vec<String> = item
            .tags
            .iter()
            .map(|tag| match groups.iter().find(|(_, name)| name == tag) {
                Some((id, _)) => id.clone(),
                None => {
                    let id = uuid4();
                    groups.push((id.clone(), tag.clone()));
                    id
                }
            })
            .collect();
        entries.push(json!({
            "type": kind,
            "uuid": uuid4(),
            "name": account_of(item, label),
            "issuer": issuer.clone().or_else(|| item.account.clone()).unwrap_or_default(),
            "note": item.notes.clone().unwrap_or_default(),
            "favorite": false,
            "icon": Value::Null,
            "icon_mime": Value::Null,
            "icon_hash": Value::Null,
            "info": info,
            "groups": group_ids,
        }));
    }
    let doc = json!({
        "version": 1,
        "header": {"slots": Value::Null, "params": Value::Null},
        "db": {
            "version": 3,
            "entries": entries,
            "groups": groups.iter().map(|(uuid, name)| json!({"uuid": uuid, "name": name})).collect::<Vec<_>>(),
            "icons_optimized": true,
        },
    });
    // Serializing a Value built here cannot fail.
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    let notes = ExportNotes {
        skipped: not_otp(items),
        dropped_fields: OTP_DROPPED,
    };
    (SecretString::new(text), notes)
}

/// Appends a protobuf varint.
fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Appends a length-delimited field.
fn bytes_field(out: &mut Vec<u8>, number: u64, data: &[u8]) {
    varint(out, number << 3 | 2);
    varint(out, data.len() as u64);
    out.extend_from_slice(data);
}

/// Appends a varint field.
fn varint_field(out: &mut Vec<u8>, number: u64, v: u64) {
    varint(out, number << 3);
    varint(out, v);
}

/// One `OtpParameters` message, or why the item cannot be one.
fn gauth_account(item: &Item) -> Result<zeroize::Zeroizing<Vec<u8>>, SkipReason> {
    let Secret::Totp {
        secret,
        issuer,
        label,
        algorithm,
        digits,
        period,
        otp_type,
        counter,
    } = &item.secret
    else {
        return Err(SkipReason::NotOtp);
    };
    let digit_code = match (otp_type, digits) {
        (OtpType::Steam, _) => return Err(SkipReason::GauthSteam),
        (_, 6) => 1,
        (_, 8) => 2,
        _ => return Err(SkipReason::GauthDigits),
    };
    if *otp_type == OtpType::Totp && *period != 30 {
        return Err(SkipReason::GauthPeriod);
    }
    let raw = totp::normalize_base32(secret.expose())
        .and_then(|s| totp::decode_base32(s.expose()))
        .map_err(|_| SkipReason::NotOtp)?;
    let mut out = zeroize::Zeroizing::new(Vec::new());
    bytes_field(&mut out, 1, raw.expose());
    // Readers take a name with a `:` as "issuer:account"; prefix the
    // issuer (or nothing) so an account holding a `:` stays whole.
    let account = account_of(item, label);
    // (An issuer holding a `:` itself never matches such a prefix, so the
    // account goes as it is.)
    let issuer_text = issuer.as_deref().unwrap_or("");
    let name = if account.contains(':') && !issuer_text.contains(':') {
        format!("{issuer_text}:{account}")
    } else {
        account
    };
    bytes_field(&mut out, 2, name.as_bytes());
    if let Some(i) = issuer.as_deref().filter(|i| !i.is_empty()) {
        bytes_field(&mut out, 3, i.as_bytes());
    }
    let alg = match algorithm {
        OtpAlgorithm::Sha1 => 1,
        OtpAlgorithm::Sha256 => 2,
        OtpAlgorithm::Sha512 => 3,
    };
    varint_field(&mut out, 4, alg);
    varint_field(&mut out, 5, digit_code);
    let (kind, count) = match otp_type {
        OtpType::Hotp => (1, *counter),
        _ => (2, 0),
    };
    varint_field(&mut out, 6, kind);
    if kind == 1 {
        varint_field(&mut out, 7, count);
    }
    Ok(out)
}

/// One `otpauth-migration://offline?data=` URI for a batch.
fn migration_uri(accounts: &[&[u8]], batch: (usize, usize), batch_id: u32) -> SecretString {
    let mut payload = zeroize::Zeroizing::new(Vec::new());
    for a in accounts {
        bytes_field(&mut payload, 1, a);
    }
    varint_field(&mut payload, 2, 1); // version
    varint_field(&mut payload, 3, batch.1 as u64); // batch_size
    varint_field(&mut payload, 4, batch.0 as u64); // batch_index
    varint_field(&mut payload, 5, u64::from(batch_id));
    let b64 = zeroize::Zeroizing::new(base64::engine::general_purpose::STANDARD.encode(&*payload));
    SecretString::new(format!(
        "otpauth-migration://offline?data={}",
        percent_encode(&b64)
    ))
}

/// Writes the TOTP/HOTP items as Google Authenticator transfer URIs, split
/// into batches of at most [`GAUTH_BATCH_ACCOUNTS`] accounts (and
/// [`GAUTH_BATCH_CHARS`] characters, unless one account alone is longer),
/// each naming its place in the set (`batch_index`, `batch_size`, one
/// `batch_id`). Steam secrets, 7-digit codes and periods other than 30 s
/// cannot be carried and are listed in the notes.
pub fn export_gauth(items: &[Item]) -> (Vec<SecretString>, ExportNotes) {
    let mut notes = ExportNotes {
        skipped: Vec::new(),
        dropped_fields: GAUTH_DROPPED,
    };
    let mut accounts = Vec::new();
    for item in items {
        match gauth_account(item) {
            Ok(a) => accounts.push(a),
            Err(why) => notes.skipped.push((item.name.clone(), why)),
        }
    }
    // Group first, then number: batch_size must be known in every URI.
    let mut batches: Vec<Vec<&[u8]>> = Vec::new();
    for a in &accounts {
        let fits = batches.last().is_some_and(|b| {
            let mut with: Vec<&[u8]> = b.clone();
            with.push(a);
            with.len() <= GAUTH_BATCH_ACCOUNTS
                && migration_uri(&with, (0, 1), u32::MAX).len() <= GAUTH_BATCH_CHARS
        });
        match batches.last_mut() {
            Some(b) if fits => b.push(a),
            _ => batches.push(vec![a]),
        }
    }
    let batch_id = {
        use rand::RngCore;
        rand::rngs::OsRng.next_u32() & 0x7fff_ffff
    };
    let uris = batches
        .iter()
        .enumerate()
        .map(|(i, b)| migration_uri(b, (i, batches.len()), batch_id))
        .collect();
    (uris, notes)
}
