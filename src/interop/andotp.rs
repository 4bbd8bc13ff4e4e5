//! andOTP backups.
//!
//! This module owns reading andOTP's JSON backup: a list of entries with
//! `secret` (base32), `issuer`, `label`, `digits`, `period`, `counter`,
//! `algorithm`, `type` (`TOTP`, `HOTP`, `STEAM`) and `tags` (imported as
//! tags). Old backups have no `issuer` and write `Issuer - account` in the
//! label.
//!
//! Encrypted backups (`.json.aes`) are binary. The current layout is a
//! 4-byte big-endian PBKDF2 iteration count, a 12-byte salt, a 12-byte
//! nonce, then AES-256-GCM ciphertext with its 16-byte tag; the key is
//! PBKDF2-HMAC-SHA1 of the password (256 bits). The first layout has only
//! the nonce and the ciphertext, under SHA-256 of the password; it is tried
//! when the current one does not open.

use serde::Deserialize;
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

use super::crypto::{self, CryptoError};
use super::dedup::Carries;
use super::otp::{self, Fields, Kind};
use super::{
    entry_label, for_each_entry, parse_export, ImportReport, InteropError, Namer, Reason, Unit,
    WRONG_TYPE,
};
use crate::secret::{SecretBytes, SecretString};

const WHAT: &str = "andOTP backup";
const HEADER: usize = 4 + 12;

#[derive(Deserialize)]
struct Entry {
    secret: Option<SecretString>,
    issuer: Option<String>,
    label: Option<String>,
    digits: Option<i64>,
    period: Option<i64>,
    counter: Option<i64>,
    algorithm: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
}

/// Imports a plaintext andOTP backup (a JSON list).
pub fn import_andotp(json: &str) -> Result<ImportReport, InteropError> {
    let entries: Vec<&RawValue> =
        parse_export(json, "an andOTP backup", "it is not a list of entries")?;
    let mut report = ImportReport::new(Unit::Entry, Carries::TAGS);
    let mut namer = Namer::default();
    for_each_entry(
        &mut report,
        &entries,
        WRONG_TYPE,
        |report, position, entry: Entry| {
            let (issuer, account) = match (otp::nonempty(entry.issuer), entry.label) {
                (Some(i), label) => (Some(i), otp::nonempty(label)),
                (None, Some(label)) => match label.split_once(" - ") {
                    Some((i, a)) => (
                        otp::nonempty(Some(i.to_owned())),
                        otp::nonempty(Some(a.to_owned())),
                    ),
                    None => (None, otp::nonempty(Some(label))),
                },
                (None, None) => (None, None),
            };
            let label = entry_label(issuer.as_deref(), account.as_deref());
            let made = (|| {
                let kind = Kind::parse(entry.kind.as_deref().unwrap_or("TOTP"))?;
                let secret = entry.secret.ok_or(Reason::Malformed("no secret"))?;
                otp::build(Fields::new(kind, secret).named(issuer, account).params(
                    entry.algorithm,
                    entry.digits,
                    entry.period,
                    entry.counter,
                ))
            })();
            otp::settle(report, &mut namer, position, label, made, |item| {
                item.tags = entry
                    .tags
                    .into_iter()
                    .filter_map(|t| otp::nonempty(Some(t)))
                    .collect();
            });
        },
    );
    Ok(report)
}

/// Decrypts an encrypted andOTP backup and imports it.
pub fn import_andotp_encrypted(
    data: &[u8],
    password: &SecretString,
) -> Result<ImportReport, InteropError> {
    let plain = decrypt(data, password)?;
    let text =
        std::str::from_utf8(plain.expose()).map_err(|_| InteropError::WrongPassword(WHAT))?;
    import_andotp(text)
}

/// Opens either layout of an encrypted andOTP backup.
pub fn decrypt(data: &[u8], password: &SecretString) -> Result<SecretBytes, InteropError> {
    if data.len() < 12 + 16 {
        return Err(InteropError::NotFormat {
            what: "an encrypted andOTP backup",
            detail: "it is too short",
        });
    }
    let pw = crypto::password_bytes(password);
    if data.len() >= HEADER + 12 + 16 {
        let iterations = u32::from_be_bytes([data[0], data[1], data[2], data[3]]);
        if (1..=crypto::MAX_PBKDF2_ITERATIONS).contains(&iterations) {
            let key = crypto::pbkdf2_sha1(pw, &data[4..HEADER], iterations)
                .map_err(|_| InteropError::BadKdf(WHAT))?;
            match crypto::open(&key, &data[HEADER..HEADER + 12], &data[HEADER + 12..]) {
                Ok(plain) => return Ok(plain),
                Err(CryptoError::Open | CryptoError::BadParameters) => {}
            }
        }
    }
    // The first layout: SHA-256 of the password, nonce, ciphertext.
    let key = zeroize::Zeroizing::new(<[u8; 32]>::from(Sha256::digest(pw)));
    crypto::open(&key, &data[..12], &data[12..]).map_err(|_| InteropError::WrongPassword(WHAT))
}

/// Whether binary data could be an encrypted andOTP backup (current layout:
/// a plausible iteration count in front).
pub fn looks_encrypted(data: &[u8]) -> bool {
    data.len() >= HEADER + 12 + 16 && {
        let iterations = u32::from_be_bytes([data[0], data[1], data[2], data[3]]);
        (1_000..=crypto::MAX_PBKDF2_ITERATIONS).contains(&iterations)
    }
}
