//! Authenticator Pro plain JSON backups.
//!
//! This module owns reading the unencrypted JSON backup of Authenticator Pro
//! (Stratum): `Authenticators` is a list with `Type` (1 HOTP, 2 TOTP,
//! 3 mOTP, 4 Steam, 5 Yandex), `Issuer`, `Username`, `Secret` (base32),
//! `Algorithm` (0 SHA1, 1 SHA256, 2 SHA512), `Digits`, `Period`, `Counter`;
//! `Categories` (`Id`, `Name`) and `AuthenticatorCategories` (`CategoryId`,
//! `AuthenticatorSecret`) put entries in categories, imported as tags. A
//! password-protected backup (binary, starting `AuthenticatorPro`) is
//! refused with what to do.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::dedup::Carries;
use super::otp::{self, Fields, Kind};
use super::{
    entry_label, for_each_entry, parse_export, ImportReport, InteropError, Namer, Reason, Unit,
    WRONG_TYPE,
};
use crate::secret::SecretString;

/// The first bytes of an older password-protected backup (PBKDF2, CBC).
pub const ENCRYPTED_MAGIC: &[u8] = b"AuthenticatorPro";
/// The first bytes of a current password-protected backup (Argon2id, GCM).
pub const STRONG_MAGIC: &[u8] = b"AUTHENTICATORPRO";

const WHAT: &str = "Authenticator Pro backup";

/// Whether `bytes` are a password-protected backup of either layout.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(ENCRYPTED_MAGIC) || bytes.starts_with(STRONG_MAGIC)
}

/// Opens a password-protected backup and imports the JSON inside.
pub fn import_authenticator_pro_encrypted(
    bytes: &[u8],
    password: Option<&SecretString>,
) -> Result<ImportReport, InteropError> {
    let password = password.ok_or(InteropError::NeedPassword(WHAT))?;
    let pw = super::crypto::password_bytes(password);
    let short = InteropError::NotFormat {
        what: "an Authenticator Pro backup",
        detail: "the file is too short to hold its salt, IV and data",
    };
    let plain = if let Some(rest) = bytes.strip_prefix(STRONG_MAGIC) {
        if rest.len() < 16 + 12 + 16 {
            return Err(short);
        }
        let (salt, rest) = rest.split_at(16);
        let (iv, sealed) = rest.split_at(12);
        let key = super::crypto::argon2id_key(pw, salt, 3, 64 * 1024, 4)
            .map_err(|_| InteropError::BadKdf(WHAT))?;
        super::crypto::open(&key, iv, sealed).map_err(|_| InteropError::WrongPassword(WHAT))?
    } else if let Some(rest) = bytes.strip_prefix(ENCRYPTED_MAGIC) {
        if rest.len() < 20 + 16 + 16 {
            return Err(short);
        }
        let (salt, rest) = rest.split_at(20);
        let (iv, data) = rest.split_at(16);
        let key =
            super::crypto::pbkdf2_sha1(pw, salt, 64_000).map_err(|_| InteropError::BadKdf(WHAT))?;
        super::crypto::cbc_open(&key, iv, data).map_err(|_| InteropError::WrongPassword(WHAT))?
    } else {
        return Err(InteropError::NotFormat {
            what: "a password-protected Authenticator Pro backup",
            detail: "it does not start with AuthenticatorPro or AUTHENTICATORPRO",
        });
    };
    let text = std::str::from_utf8(plain.expose())
        .ok()
        .filter(|t| t.trim_start().starts_with('{'))
        // Without a MAC, a wrong password can pass the padding check by
        // chance (about 1 in 256); the result is then not JSON.
        .ok_or(InteropError::WrongPassword(WHAT))?;
    import_authenticator_pro(text)
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Root<'a> {
    #[serde(borrow)]
    authenticators: Vec<&'a RawValue>,
    #[serde(default)]
    categories: Vec<Category>,
    #[serde(default)]
    authenticator_categories: Vec<Link>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Category {
    id: Option<String>,
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Link {
    category_id: Option<String>,
    authenticator_secret: Option<SecretString>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Entry {
    #[serde(rename = "Type")]
    kind: Option<i64>,
    issuer: Option<String>,
    username: Option<String>,
    secret: Option<SecretString>,
    algorithm: Option<i64>,
    digits: Option<i64>,
    period: Option<i64>,
    counter: Option<i64>,
}

/// Imports an Authenticator Pro plain JSON backup.
pub fn import_authenticator_pro(json: &str) -> Result<ImportReport, InteropError> {
    let root: Root<'_> = parse_export(
        json,
        "an Authenticator Pro backup",
        "it has no Authenticators list",
    )?;
    let names: HashMap<String, String> = root
        .categories
        .into_iter()
        .filter_map(|c| Some((c.id?, c.name?)))
        .collect();
    let mut report = ImportReport::new(Unit::Entry, Carries::TAGS);
    let mut namer = Namer::default();
    let links = &root.authenticator_categories;
    for_each_entry(
        &mut report,
        &root.authenticators,
        WRONG_TYPE,
        |report, position, entry: Entry| {
            let issuer = otp::nonempty(entry.issuer);
            let account = otp::nonempty(entry.username);
            let label = entry_label(issuer.as_deref(), account.as_deref());
            let made = (|| {
                let kind = match entry.kind {
                    Some(1) => Kind::Hotp,
                    Some(2) | None => Kind::Totp,
                    Some(3) => return Err(crate::item::totp::TotpError::Motp.into()),
                    Some(4) => Kind::Steam,
                    Some(5) => return Err(crate::item::totp::TotpError::Yandex.into()),
                    Some(_) => return Err(Reason::UnknownEnum("type")),
                };
                let algorithm = match entry.algorithm {
                    Some(0) | None => "SHA1",
                    Some(1) => "SHA256",
                    Some(2) => "SHA512",
                    Some(_) => return Err(Reason::UnknownEnum("algorithm")),
                };
                let secret = entry.secret.ok_or(Reason::Malformed("no secret"))?;
                otp::build(Fields::new(kind, secret).named(issuer, account).params(
                    Some(algorithm.to_owned()),
                    entry.digits,
                    entry.period,
                    entry.counter,
                ))
            })();
            otp::settle(report, &mut namer, position, label, made, |item| {
                if let crate::item::Secret::Totp { secret, .. } = &item.secret {
                    item.tags = links
                        .iter()
                        .filter(|l| {
                            l.authenticator_secret.as_ref().is_some_and(|s| {
                                crate::item::totp::normalize_base32(s.expose())
                                    .is_ok_and(|s| s.expose() == secret.expose())
                            })
                        })
                        .filter_map(|l| names.get(l.category_id.as_deref()?).cloned())
                        .collect();
                }
            });
        },
    );
    Ok(report)
}
