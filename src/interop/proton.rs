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
use super::{
    entry_label, for_each_entry, parse_export, ImportReport, InteropError, Namer, Reason, Unit,
};
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
    let root: Root<'_> = parse_export(
        json,
        "a Proton Authenticator export",
        "it has no entries list",
    )?;
    let mut report = ImportReport::new(Unit::Entry, Carries::NOTES);
    let mut namer = Namer::default();
    let malformed = "no content.uri, or a field has the wrong type";
    for_each_entry(
        &mut report,
        &root.entries,
        malformed,
        |report, position, entry: Entry| {
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
            let label = entry_label(name.as_deref(), None);
            otp::settle(report, &mut namer, position, label, result, |item| {
                item.notes = otp::nonempty(entry.note);
            });
        },
    );
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
