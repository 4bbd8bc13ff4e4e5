//! Aegis Authenticator plaintext JSON exports.
//!
//! This module owns reading the unencrypted export Aegis writes
//! (`{"version":1,"header":{"slots":null,...},"db":{"version":N,"entries":[...],"groups":[...]}}`).
//! TOTP, HOTP and Steam entries become items (issuer, account name, note,
//! group names as tags); mOTP and Yandex entries are rejected one by one
//! with the reason. The `db` object alone (what Aegis's decrypt script
//! prints) is read the same way. An encrypted export (the `db` is a base64
//! string) is opened with its password by [`super::aegis_vault`].

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

use super::dedup::Carries;
use super::otp::{self, Fields, Kind};
use super::{
    entry_label, totp_item, ImportReport, InteropError, Namer, Reason, Unit, MAX_IMPORT_BYTES,
};
use crate::item::totp::TotpError;
use crate::item::Item;
use crate::secret::SecretString;

#[derive(Deserialize)]
struct Entry {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    issuer: Option<String>,
    #[serde(default)]
    note: Option<String>,
    info: Option<Info>,
    /// Aegis 2.x and later: group UUIDs, named in `db.groups`.
    #[serde(default)]
    groups: Vec<String>,
    /// Older Aegis: one group name.
    #[serde(default)]
    group: Option<String>,
}

#[derive(Deserialize)]
struct Info {
    secret: Option<SecretString>,
    #[serde(default)]
    algo: Option<String>,
    #[serde(default)]
    digits: Option<u64>,
    #[serde(default)]
    period: Option<u64>,
    #[serde(default)]
    counter: Option<u64>,
}

/// Imports an Aegis plaintext JSON export (or the `db` object alone, as
/// Aegis's decrypt script prints it). An encrypted export is refused with
/// [`InteropError::AegisEncrypted`]; [`import_aegis_with_password`] opens it.
///
/// Whole-file problems (not JSON, encrypted, not Aegis, too large) are an
/// [`InteropError`]; a bad entry is a rejection with its 1-based index.
pub fn import_aegis(json: &str) -> Result<ImportReport, InteropError> {
    import_aegis_with_password(json, None)
}

/// Imports any Aegis export: plaintext, `db` only, or encrypted with a
/// password slot (then `password` opens it; see [`super::aegis_vault`]).
pub fn import_aegis_with_password(
    json: &str,
    password: Option<&SecretString>,
) -> Result<ImportReport, InteropError> {
    if json.len() > MAX_IMPORT_BYTES {
        return Err(InteropError::TooLarge);
    }
    let root: Value = serde_json::from_str(json).map_err(|e| InteropError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let Value::Object(mut root) = root else {
        return Err(InteropError::NotAegis);
    };
    let encrypted_header = root
        .get("header")
        .and_then(|h| h.get("slots"))
        .is_some_and(|s| !s.is_null());
    if encrypted_header && !root.get("db").is_some_and(Value::is_object) {
        let password = password.ok_or(InteropError::AegisEncrypted)?;
        return match super::aegis_vault::decrypt(&root, password)? {
            Value::Object(db) => import_db(db),
            _ => Err(InteropError::NotAegis),
        };
    }
    let db = match root.remove("db") {
        Some(Value::Object(db)) => db,
        Some(Value::String(_)) => return Err(InteropError::AegisEncrypted),
        // The `db` object alone: what Aegis's decrypt script prints.
        None if root.contains_key("entries") => root,
        _ => return Err(InteropError::NotAegis),
    };
    import_db(db)
}

/// Imports the entries of a decrypted `db` object.
fn import_db(mut db: serde_json::Map<String, Value>) -> Result<ImportReport, InteropError> {
    let mut report = ImportReport::new(Unit::Entry, Carries::NOTES_AND_TAGS);
    let Some(Value::Array(entries)) = db.remove("entries") else {
        return Err(InteropError::NotAegis);
    };
    let group_names: HashMap<String, String> = db
        .get("groups")
        .and_then(Value::as_array)
        .map(|groups| {
            groups
                .iter()
                .filter_map(|g| {
                    Some((
                        g.get("uuid")?.as_str()?.to_owned(),
                        g.get("name")?.as_str()?.to_owned(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();

    let mut namer = Namer::default();
    for (index, value) in entries.into_iter().enumerate() {
        let label = entry_label(
            value.get("issuer").and_then(Value::as_str),
            value.get("name").and_then(Value::as_str),
        );
        let made = entry_to_item(value, &group_names, &mut namer);
        report.settle(index + 1, label, made);
    }
    Ok(report)
}

fn entry_to_item(
    value: Value,
    group_names: &HashMap<String, String>,
    namer: &mut Namer,
) -> Result<Item, Reason> {
    // Moves the JSON strings into the entry (and the secret into a
    // SecretString) rather than copying them.
    let entry: Entry = serde_json::from_value(value).map_err(|_| Reason::AegisMalformed)?;
    let kind = entry.kind.ok_or(Reason::AegisMissing("type"))?;
    // Aegis's own type names: `yaotp` is not one of them.
    let kind = match kind.to_ascii_lowercase().as_str() {
        "totp" => Kind::Totp,
        "hotp" => Kind::Hotp,
        "steam" => Kind::Steam,
        "motp" => return Err(TotpError::Motp.into()),
        "yandex" => return Err(TotpError::Yandex.into()),
        _ => return Err(Reason::AegisType(otp::harmless(&kind))),
    };
    let info = entry.info.ok_or(Reason::AegisMissing("info"))?;
    let raw = info.secret.ok_or(Reason::AegisMissing("info.secret"))?;
    let secret = otp::build(
        Fields::new(kind, raw)
            .named(entry.issuer, entry.name)
            .params(info.algo, info.digits, info.period, info.counter),
    )?;
    let mut item = totp_item(secret, namer);
    item.notes = otp::nonempty(entry.note);
    let mut tags: Vec<String> = entry
        .groups
        .iter()
        .filter_map(|uuid| group_names.get(uuid).cloned())
        .chain(otp::nonempty(entry.group))
        .collect();
    tags.dedup();
    item.tags = tags;
    Ok(item)
}
