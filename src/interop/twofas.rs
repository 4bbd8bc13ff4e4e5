//! 2FAS Authenticator backups (`.2fas`).
//!
//! This module owns reading the JSON backup 2FAS writes (schema versions 1
//! to 4): `services` is a list of entries, each with `name` (the service),
//! `secret` (base32) and `otp` (`account` or `label`, `issuer`, `digits`,
//! `period`, `algorithm`, `counter`, `tokenType` `TOTP`/`HOTP`/`STEAM`),
//! and `groupId` naming one of `groups` (`id`, `name`), imported as a tag.
//!
//! A password-protected backup leaves `services` empty and puts them in
//! `servicesEncrypted`: three base64 parts joined by `:` (ciphertext with
//! its 16-byte GCM tag, salt, 12-byte IV). The key is PBKDF2-HMAC-SHA256
//! of the password, 10,000 iterations, 256 bits; the plaintext is the JSON
//! list of services.

use std::collections::HashMap;

use base64::Engine;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::crypto;
use super::dedup::Carries;
use super::otp::{self, Fields, Kind};
use super::{
    entry_label, for_each_entry, parse_export, ImportReport, InteropError, Namer, Reason, Unit,
    WRONG_TYPE,
};
use crate::secret::SecretString;

const WHAT: &str = "2FAS backup";
/// PBKDF2 iterations 2FAS uses.
pub const ITERATIONS: u32 = 10_000;
/// The newest schema read.
pub const MAX_SCHEMA: u64 = 4;

#[derive(Deserialize)]
struct Root<'a> {
    #[serde(rename = "schemaVersion")]
    schema_version: Option<u64>,
    #[serde(borrow, default)]
    services: Vec<&'a RawValue>,
    #[serde(default)]
    groups: Vec<Group>,
    #[serde(rename = "servicesEncrypted", default)]
    services_encrypted: Option<String>,
}

#[derive(Deserialize)]
struct Group {
    id: Option<String>,
    name: Option<String>,
}

#[derive(Deserialize)]
struct Service {
    name: Option<String>,
    secret: Option<SecretString>,
    otp: Option<Otp>,
    #[serde(rename = "groupId")]
    group_id: Option<String>,
}

#[derive(Deserialize, Default)]
struct Otp {
    label: Option<String>,
    account: Option<String>,
    issuer: Option<String>,
    digits: Option<i64>,
    period: Option<i64>,
    algorithm: Option<String>,
    counter: Option<i64>,
    #[serde(rename = "tokenType")]
    token_type: Option<String>,
}

/// Whether a parsed 2FAS backup holds its services encrypted.
pub fn is_encrypted(json: &str) -> bool {
    serde_json::from_str::<Root<'_>>(json)
        .ok()
        .and_then(|r| r.services_encrypted)
        .is_some_and(|s| !s.trim().is_empty())
}

/// Imports a 2FAS backup; `password` opens an encrypted one.
pub fn import_2fas(
    json: &str,
    password: Option<&SecretString>,
) -> Result<ImportReport, InteropError> {
    let root: Root<'_> = parse_export(json, "a 2FAS backup", "it has no services list")?;
    match root.schema_version {
        Some(v) if (1..=MAX_SCHEMA).contains(&v) => {}
        Some(_) => return Err(InteropError::Unsupported(
            "this 2FAS backup uses a newer schema than lifeboat reads (1 to 4); update lifeboat",
        )),
        None => {
            return Err(InteropError::NotFormat {
                what: "a 2FAS backup",
                detail: "it has no schemaVersion",
            })
        }
    }
    let groups: HashMap<String, String> = root
        .groups
        .into_iter()
        .filter_map(|g| Some((g.id?, g.name?)))
        .collect();
    let encrypted = root.services_encrypted.filter(|s| !s.trim().is_empty());
    let mut report = ImportReport::new(Unit::Entry, Carries::TAGS);
    match encrypted {
        None => convert(&root.services, &groups, &mut report),
        Some(sealed) => {
            let password = password.ok_or(InteropError::NeedPassword(WHAT))?;
            let plain = decrypt(&sealed, password)?;
            let services: Vec<&RawValue> = serde_json::from_slice(plain.expose())
                .map_err(|_| InteropError::WrongPassword(WHAT))?;
            convert(&services, &groups, &mut report);
        }
    }
    Ok(report)
}

fn decrypt(
    sealed: &str,
    password: &SecretString,
) -> Result<crate::secret::SecretBytes, InteropError> {
    let bad = InteropError::NotFormat {
        what: "a readable encrypted 2FAS backup",
        detail: "servicesEncrypted is not three base64 parts",
    };
    let b64 = base64::engine::general_purpose::STANDARD;
    let parts: Vec<&str> = sealed.trim().split(':').collect();
    if parts.len() < 3 {
        return Err(bad);
    }
    let data = b64.decode(parts[0]).map_err(|_| bad.clone())?;
    let salt = b64.decode(parts[1]).map_err(|_| bad.clone())?;
    let iv = b64.decode(parts[2]).map_err(|_| bad.clone())?;
    let key = crypto::pbkdf2_sha256(crypto::password_bytes(password), &salt, ITERATIONS)
        .map_err(|_| InteropError::BadKdf(WHAT))?;
    crypto::open(&key, &iv, &data).map_err(|_| InteropError::WrongPassword(WHAT))
}

fn convert(services: &[&RawValue], groups: &HashMap<String, String>, report: &mut ImportReport) {
    let mut namer = Namer::default();
    for_each_entry(
        report,
        services,
        WRONG_TYPE,
        |report, position, service: Service| {
            let otp = service.otp.unwrap_or_default();
            let issuer = otp::nonempty(service.name).or(otp::nonempty(otp.issuer));
            let account = otp::nonempty(otp.account).or(otp::nonempty(otp.label));
            let label = entry_label(issuer.as_deref(), account.as_deref());
            let made = (|| {
                let secret = service.secret.ok_or(Reason::Malformed("no secret"))?;
                let kind = match otp.token_type.as_deref() {
                    None => Kind::Totp,
                    Some(t) => Kind::parse(t)?,
                };
                otp::build(Fields::new(kind, secret).named(issuer, account).params(
                    otp.algorithm,
                    otp.digits,
                    otp.period,
                    otp.counter,
                ))
            })();
            otp::settle(report, &mut namer, position, label, made, |item| {
                item.tags = service
                    .group_id
                    .and_then(|g| groups.get(&g).cloned())
                    .into_iter()
                    .collect();
            });
        },
    );
}
