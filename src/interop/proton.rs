//! Proton Authenticator JSON exports.
//!
//! This module owns reading the export Proton Authenticator writes:
//! `{"version": 1, "entries": [...]}`, each entry with `content.uri` (an
//! otpauth URI, or a `steam://` secret), `content.entry_type` (`Totp` or
//! `Steam`), `content.name` (the entry's name) and `note` (kept as the
//! item's notes).

use serde::Deserialize;
use serde_json::value::RawValue;

use super::dedup::Carries;
use super::otp;
use super::{entry_label, totp_item, ImportReport, InteropError, Namer, Reason, Unit};
use crate::secret::SecretString;

#[derive(Deserialize)]
struct Root<'a> {
    #[serde(borrow)]
    entries: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct Entry {
    content: Content,
    note: Option<String>,
}

#[derive(Deserialize)]
struct Content {
    uri: SecretString,
    entry_type: Option<String>,
    name: Option<String>,
}

/// Imports a Proton Authenticator export.
pub fn import_proton(json: &str) -> Result<ImportReport, InteropError> {
    let root: Root<'_> = serde_json::from_str(json).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => InteropError::NotFormat {
            what: "a Proton Authenticator export",
            detail: "it has no entries list",
        },
        _ => InteropError::NotJson {
            line: e.line(),
            column: e.column(),
        },
    })?;
    let mut report = ImportReport::new(Unit::Entry, Carries::NOTES);
    let mut namer = Namer::default();
    for (n, raw) in root.entries.iter().enumerate() {
        let position = n + 1;
        let entry: Entry = match serde_json::from_str(raw.get()) {
            Ok(e) => e,
            Err(_) => {
                report.refuse(
                    position,
                    None,
                    Reason::Malformed("no content.uri, or a field has the wrong type"),
                );
                continue;
            }
        };
        let name = otp::nonempty(entry.content.name);
        let result = match entry
            .content
            .entry_type
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None | Some("totp" | "steam") => {
                otp::from_totp_field(entry.content.uri.expose(), None, name.as_deref())
            }
            Some(other) => Err(Reason::OtpType(otp::harmless(other))),
        };
        match result {
            Ok(secret) => {
                let mut item = totp_item(secret, &mut namer);
                item.notes = otp::nonempty(entry.note);
                report.add(item, position);
            }
            Err(reason) => report.refuse(position, entry_label(name.as_deref(), None), reason),
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_fills_a_missing_account() {
        let json = r#"{"version":1,"entries":[{"id":"1","content":{"uri":"otpauth://totp/?secret=JBSWY3DP&issuer=Mail","entry_type":"Totp","name":"me@example.com"},"note":"n"}]}"#;
        let r = import_proton(json).unwrap();
        assert!(matches!(
            r.items[0].secret,
            crate::item::Secret::Totp { .. }
        ));
        assert_eq!(r.items[0].name, "Mail (me@example.com)");
        assert_eq!(r.items[0].notes.as_deref(), Some("n"));
    }
}
