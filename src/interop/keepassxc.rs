//! KeePassXC CSV exports.
//!
//! This module owns reading the CSV KeePassXC writes (Database, Export to
//! CSV): a header `"Group","Title","Username","Password","URL","Notes",
//! "TOTP","Icon","Last Modified","Created"` (columns found by name), one
//! entry per record. The password becomes a password item and the TOTP
//! column (an otpauth URI) a TOTP item (see [`super::logins`]); the group
//! path, without the root group, becomes a tag.

use super::csv;
use super::dedup::Carries;
use super::logins::{add_login, Login};
use super::{ImportReport, InteropError, Unit};
use crate::secret::SecretString;

const COLUMNS: [&str; 7] = [
    "Group", "Title", "Username", "Password", "URL", "Notes", "TOTP",
];

/// Whether a CSV header is KeePassXC's.
pub fn is_keepassxc_header(first_line: &str) -> bool {
    let l = first_line.to_ascii_lowercase();
    l.contains("\"group\"") && l.contains("\"title\"") && l.contains("\"password\"")
}

/// Imports a KeePassXC CSV export.
pub fn import_keepassxc_csv(text: &str) -> Result<ImportReport, InteropError> {
    let not = |detail| InteropError::NotFormat {
        what: "a KeePassXC CSV export",
        detail,
    };
    let records = csv::parse(text)
        .map_err(|_| not("a quoted field is not closed or a quote is misplaced"))?;
    let mut records = records.into_iter();
    let header = records.next().ok_or(not("it is empty"))?;
    let cols = csv::columns(&header, &COLUMNS);
    if cols[1].is_none() || cols[3].is_none() {
        return Err(not("its first line lacks the Title or Password column"));
    }
    let mut report = ImportReport::new(Unit::Line, Carries::TITLED);
    for r in records {
        let text = |n: usize| Some(r.get(cols[n]).to_owned()).filter(|s| !s.is_empty());
        let secret = |n: usize| Some(SecretString::from(r.get(cols[n]))).filter(|s| !s.is_empty());
        // "Root/Work/Mail": the root group is the database itself.
        let group = r.get(cols[0]);
        let group = group.split_once('/').map_or("", |(_, rest)| rest);
        add_login(
            &mut report,
            r.line,
            Login {
                title: text(1),
                username: text(2),
                password: secret(3),
                url: text(4),
                notes: text(5),
                totp: secret(6),
                tags: Some(group.to_owned())
                    .filter(|g| !g.is_empty())
                    .into_iter()
                    .collect(),
            },
        );
    }
    Ok(report)
}
