//! Bitwarden exports, JSON and CSV.
//!
//! This module owns reading Bitwarden's unencrypted exports. JSON:
//! `{"encrypted": false, "folders": [{"id", "name"}], "items": [...]}`,
//! each item with `type` (1 login, 2 secure note, 3 card, 4 identity,
//! 5 SSH key), `name`, `notes`, `folderId` and, for logins, `login` with
//! `username`, `password`, `totp` and `uris` (`[{"uri"}]`). CSV: the header
//! `folder,favorite,type,name,notes,fields,reprompt,login_uri,
//! login_username,login_password,login_totp`, `type` being `login` or
//! `note`. Logins become password items (and TOTP items, see
//! [`super::logins`]); secure notes become notes; cards, identities and SSH
//! keys are refused one by one. Encrypted exports are refused as a whole.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::csv;
use super::dedup::Carries;
use super::logins::{add_login, add_note, Login};
use super::{entry_label, ImportReport, InteropError, Reason, Unit};
use crate::secret::SecretString;

/// The CSV columns read, in this order.
const CSV_COLUMNS: [&str; 8] = [
    "folder",
    "type",
    "name",
    "notes",
    "login_uri",
    "login_username",
    "login_password",
    "login_totp",
];

#[derive(Deserialize)]
struct Root<'a> {
    #[serde(default)]
    encrypted: bool,
    #[serde(rename = "passwordProtected", default)]
    password_protected: bool,
    #[serde(default)]
    folders: Vec<Folder>,
    #[serde(borrow, default)]
    items: Option<Vec<&'a RawValue>>,
}

#[derive(Deserialize)]
struct Folder {
    id: Option<String>,
    name: Option<String>,
}

#[derive(Deserialize)]
struct ItemJson {
    #[serde(rename = "type")]
    kind: Option<i64>,
    name: Option<String>,
    notes: Option<SecretString>,
    #[serde(rename = "folderId")]
    folder_id: Option<String>,
    login: Option<LoginJson>,
}

#[derive(Deserialize)]
struct LoginJson {
    username: Option<String>,
    password: Option<SecretString>,
    totp: Option<SecretString>,
    #[serde(default)]
    uris: Option<Vec<Uri>>,
}

#[derive(Deserialize)]
struct Uri {
    uri: Option<String>,
}

/// Imports a Bitwarden JSON export.
pub fn import_bitwarden_json(json: &str) -> Result<ImportReport, InteropError> {
    let root: Root<'_> = serde_json::from_str(json).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => InteropError::NotFormat {
            what: "a Bitwarden export",
            detail: "its items are not a list",
        },
        _ => InteropError::NotJson {
            line: e.line(),
            column: e.column(),
        },
    })?;
    if root.encrypted || root.password_protected {
        return Err(InteropError::Unsupported(
            "this Bitwarden export is encrypted; export again as \".json\" (not \"encrypted\"), import that file, then delete it securely",
        ));
    }
    let items = root.items.ok_or(InteropError::NotFormat {
        what: "a Bitwarden export",
        detail: "it has no items list",
    })?;
    let folders: HashMap<String, String> = root
        .folders
        .into_iter()
        .filter_map(|f| Some((f.id?, f.name?)))
        .collect();
    let mut report = ImportReport::new(Unit::Entry, Carries::TITLED);
    for (n, raw) in items.iter().enumerate() {
        let position = n + 1;
        let item: ItemJson = match serde_json::from_str(raw.get()) {
            Ok(i) => i,
            Err(_) => {
                report.refuse(
                    position,
                    None,
                    Reason::Malformed("a field has the wrong type"),
                );
                continue;
            }
        };
        let tags: Vec<String> = item
            .folder_id
            .and_then(|f| folders.get(&f).cloned())
            .into_iter()
            .collect();
        match item.kind {
            Some(1) => {
                let login = item.login.unwrap_or(LoginJson {
                    username: None,
                    password: None,
                    totp: None,
                    uris: None,
                });
                add_login(
                    &mut report,
                    position,
                    Login {
                        title: item.name,
                        username: login.username,
                        password: login.password,
                        url: login
                            .uris
                            .unwrap_or_default()
                            .into_iter()
                            .find_map(|u| u.uri),
                        notes: item.notes.map(|n| n.expose().to_owned()),
                        totp: login.totp,
                        tags,
                    },
                );
            }
            Some(2) => add_note(&mut report, position, item.name, item.notes, tags),
            other => {
                let what = match other {
                    Some(3) => "card",
                    Some(4) => "identity",
                    Some(5) => "SSH key",
                    _ => "unknown",
                };
                let label = entry_label(item.name.as_deref(), None);
                report.refuse(position, label, Reason::NotImported(what));
            }
        }
    }
    Ok(report)
}

/// Whether a CSV header is Bitwarden's.
pub fn is_bitwarden_header(first_line: &str) -> bool {
    let l = first_line.to_ascii_lowercase();
    l.contains("login_password") && l.contains("login_username")
}

/// Imports a Bitwarden CSV export.
pub fn import_bitwarden_csv(text: &str) -> Result<ImportReport, InteropError> {
    let records = csv::parse(text).map_err(|_| InteropError::NotFormat {
        what: "a Bitwarden CSV export",
        detail: "a quoted field is not closed or a quote is misplaced",
    })?;
    let mut records = records.into_iter();
    let header = records.next().ok_or(InteropError::NotFormat {
        what: "a Bitwarden CSV export",
        detail: "it is empty",
    })?;
    let cols = csv::columns(&header, &CSV_COLUMNS);
    if cols[1].is_none() || cols[2].is_none() || cols[6].is_none() {
        return Err(InteropError::NotFormat {
            what: "a Bitwarden CSV export",
            detail: "its first line lacks the type, name or login_password column",
        });
    }
    let mut report = ImportReport::new(Unit::Line, Carries::TITLED);
    for r in records {
        let text = |n: usize| Some(r.get(cols[n]).to_owned()).filter(|s| !s.is_empty());
        let secret = |n: usize| Some(SecretString::from(r.get(cols[n]))).filter(|s| !s.is_empty());
        let tags: Vec<String> = text(0).into_iter().collect();
        match r.get(cols[1]).trim() {
            "login" => add_login(
                &mut report,
                r.line,
                Login {
                    title: text(2),
                    username: text(5),
                    password: secret(6),
                    url: text(4),
                    notes: text(3),
                    totp: secret(7),
                    tags,
                },
            ),
            "note" => add_note(&mut report, r.line, text(2), secret(3), tags),
            other => {
                let what = match other {
                    "card" => "card",
                    "identity" => "identity",
                    _ => "unknown",
                };
                report.refuse(
                    r.line,
                    entry_label(text(2).as_deref(), None),
                    Reason::NotImported(what),
                );
            }
        }
    }
    Ok(report)
}
