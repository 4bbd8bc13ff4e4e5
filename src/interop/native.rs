//! lifeboat's native export format: plaintext JSON holding every item with
//! all its fields, lossless on a round trip. Written by `export`, read by
//! `import --format lifeboat`. Keys, settings and history stay in the vault.

use serde_json::{json, Value};

use super::dedup::Carries;
use super::{ImportReport, Unit};
use crate::item::Item;
use crate::secret::SecretString;
use crate::vault::format::Payload;

/// The `format` field of an export.
pub const EXPORT_FORMAT: &str = "lifeboat-export";
/// The export version written.
pub const EXPORT_VERSION: u64 = 1;

/// Why an export could not be read or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum NativeError {
    /// Not JSON.
    #[error("{}", crate::tr!("err-native-native-error-not-json", value = _0.to_string()))]
    NotJson(String),
    /// JSON, but not ours.
    #[error("{}", crate::tr!("err-native-native-error-wrong-format"))]
    WrongFormat,
    /// A newer export.
    #[error("{}", crate::tr!("err-native-native-error-too-new", value = _0.to_string()))]
    TooNew(u64),
    /// Serializing failed.
    #[error("{}", crate::tr!("err-native-native-error-write", value = _0.to_string()))]
    Write(String),
}

/// Writes the export of a vault's items (and playbook progress).
pub fn export(payload: &Payload) -> Result<SecretString, NativeError> {
    export_items(&payload.vault_id, &payload.items, &payload.playbooks)
}

/// Writes the export of these items and playbook progress.
pub fn export_items(
    vault_id: &str,
    items: &[Item],
    playbooks: &crate::playbook::PlaybookState,
) -> Result<SecretString, NativeError> {
    let v = json!({
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported": crate::item::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
        "vault_id": vault_id,
        "items": items,
        "playbooks": playbooks,
    });
    let mut s = serde_json::to_string_pretty(&v).map_err(|e| NativeError::Write(e.to_string()))?;
    s.push('\n');
    Ok(SecretString::new(s))
}

/// Reads an export. Each item that does not parse or validate is rejected
/// with its 1-based position; the others still come through.
pub fn import(text: &str) -> Result<ImportReport, NativeError> {
    let v: Value = serde_json::from_str(text).map_err(|e| NativeError::NotJson(e.to_string()))?;
    if v.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        return Err(NativeError::WrongFormat);
    }
    match v.get("version").and_then(Value::as_u64) {
        Some(n) if n > EXPORT_VERSION => return Err(NativeError::TooNew(n)),
        Some(_) => {}
        None => return Err(NativeError::WrongFormat),
    }
    let mut report = ImportReport::new(Unit::Entry, Carries::NATIVE);
    let Some(items) = v.get("items").and_then(Value::as_array) else {
        return Err(NativeError::WrongFormat);
    };
    for (n, raw) in items.iter().enumerate() {
        let label = raw
            .get("name")
            .and_then(Value::as_str)
            .and_then(|name| super::entry_label(Some(name), None));
        match serde_json::from_value::<Item>(raw.clone()) {
            Ok(item) => match item.validate_common() {
                Ok(()) => report.add(item, n + 1),
                Err(e) => report.refuse(n + 1, label, e),
            },
            // serde_json's messages can quote the offending value, which
            // may be a secret: keep only the field and what was expected.
            Err(e) => report.refuse(
                n + 1,
                label,
                format!(
                    "item {} is malformed: {}",
                    n + 1,
                    crate::vault::format::json_error_without_values(&e)
                ),
            ),
        }
    }
    Ok(report)
}
