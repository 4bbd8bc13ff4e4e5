//! Logins from password managers, shared by the Bitwarden and KeePassXC
//! importers.
//!
//! This module owns turning one login (title, username, password, URL,
//! notes, TOTP field, folder) into items: a `password` item named after the
//! title when there is a password, and a `totp` item when the TOTP field
//! holds an otpauth URI or a base32 secret (named `Title 2FA` beside a
//! password item). A `steam://` TOTP is refused with its reason; the
//! password item still comes through.

use super::{entry_label, otp, ImportReport, Reason};
use crate::item::{Item, Secret};
use crate::secret::SecretString;

/// One login as a password manager exports it.
#[derive(Debug, Default)]
pub(crate) struct Login {
    /// The entry's title.
    pub title: Option<String>,
    /// The user name.
    pub username: Option<String>,
    /// The password (may be empty).
    pub password: Option<SecretString>,
    /// The first URL.
    pub url: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// The TOTP field (otpauth URI, base32 secret, `steam://...`).
    pub totp: Option<SecretString>,
    /// Folder or group names, as tags.
    pub tags: Vec<String>,
}

/// A name valid for an item: printable, at most 190 characters (room for
/// a ` 2` suffix), never empty.
pub(crate) fn item_name(title: Option<&str>, fallback: &str) -> String {
    let clean: String = title
        .unwrap_or("")
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .chars()
        .take(190)
        .collect();
    let clean = clean.trim_end().to_owned();
    if clean.is_empty() {
        fallback.to_owned()
    } else {
        clean
    }
}

/// Adds the items of one login to `report` (entry `position`), or refuses
/// what cannot be imported.
pub(crate) fn add_login(report: &mut ImportReport, position: usize, login: Login) {
    let title = otp::nonempty(login.title);
    let username = otp::nonempty(login.username);
    let label = entry_label(title.as_deref(), username.as_deref());
    let name = item_name(title.as_deref(), "Login");
    let password = login.password.filter(|p| !p.is_empty());
    let totp = login.totp.filter(|t| !t.expose().trim().is_empty());
    let notes = otp::nonempty(login.notes);
    let tags: Vec<String> = login
        .tags
        .into_iter()
        .filter_map(|t| otp::nonempty(Some(t)))
        .collect();
    if password.is_none() && totp.is_none() {
        report.refuse(position, label, Reason::Empty);
        return;
    }
    let has_password = password.is_some();
    if let Some(password) = password {
        let mut item = Item::new(
            name.clone(),
            Secret::Password {
                username: username.clone(),
                password,
                url: otp::nonempty(login.url),
            },
        );
        item.account = title.clone();
        item.notes = notes.clone();
        item.tags = tags.clone();
        report.add(item, position);
    }
    if let Some(field) = totp {
        match otp::from_totp_field(field.expose(), title.as_deref(), username.as_deref()) {
            Ok(secret) => {
                let name = if has_password {
                    format!("{name} 2FA")
                } else {
                    name
                };
                let mut item = Item::new(name, secret);
                item.account = title;
                if !has_password {
                    item.notes = notes;
                }
                item.tags = tags;
                report.add(item, position);
            }
            Err(reason) => report.refuse(position, label, reason),
        }
    }
}

/// Adds a secure note (`text` is the secret; empty notes are refused).
pub(crate) fn add_note(
    report: &mut ImportReport,
    position: usize,
    title: Option<String>,
    text: Option<SecretString>,
    tags: Vec<String>,
) {
    let title = otp::nonempty(title);
    let label = entry_label(title.as_deref(), None);
    match text.filter(|t| !t.expose().trim().is_empty()) {
        Some(text) => {
            let mut item = Item::new(item_name(title.as_deref(), "Note"), Secret::Note { text });
            item.tags = tags;
            report.add(item, position);
        }
        None => report.refuse(position, label, Reason::EmptyNote),
    }
}
