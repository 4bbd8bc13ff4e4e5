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
//! keys are refused one by one.
//!
//! A password-protected JSON export (`"passwordProtected": true`) is opened
//! as Bitwarden's published format says: the key is PBKDF2-HMAC-SHA256
//! (`kdfType` 0) of the password with the `salt` string's UTF-8 bytes, or
//! Argon2id (`kdfType` 1) with the SHA-256 of that string as salt and
//! `kdfMemory` MiB; HKDF-Expand-SHA256 stretches it into an encryption key
//! (info `enc`) and a MAC key (info `mac`). `encKeyValidation_DO_NOT_EDIT`
//! and `data` are encrypted strings `2.IV|CIPHERTEXT|MAC` (base64 parts,
//! AES-256-CBC with PKCS#7 padding, HMAC-SHA256 over IV and ciphertext);
//! `data` holds the plain export. An account-restricted export (encrypted
//! with the Bitwarden account's own key) cannot be opened outside
//! Bitwarden and is refused with what to do.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::csv;
use super::dedup::Carries;
use super::logins::{add_login, add_note, Login};
use super::{
    entry_label, for_each_entry, parse_export, ImportReport, InteropError, Reason, Unit, WRONG_TYPE,
};
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

const WHAT: &str = "Bitwarden export";

/// The envelope of a password-protected export.
#[derive(Deserialize)]
struct Protected {
    salt: String,
    #[serde(rename = "kdfType")]
    kdf_type: i64,
    #[serde(rename = "kdfIterations")]
    kdf_iterations: i64,
    #[serde(rename = "kdfMemory")]
    kdf_memory: Option<i64>,
    #[serde(rename = "kdfParallelism")]
    kdf_parallelism: Option<i64>,
    #[serde(rename = "encKeyValidation_DO_NOT_EDIT")]
    validation: String,
    data: String,
}

/// Whether a Bitwarden JSON export is password-protected (and so can be
/// opened with its password): `passwordProtected` true and a `data` string.
pub fn is_password_protected(json: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .is_some_and(|v| {
            v.get("passwordProtected")
                .and_then(serde_json::Value::as_bool)
                == Some(true)
                && v.get("data").is_some_and(serde_json::Value::is_string)
        })
}

/// Opens a password-protected export and imports the export inside it.
pub fn import_bitwarden_protected(
    json: &str,
    password: Option<&SecretString>,
) -> Result<ImportReport, InteropError> {
    let env: Protected = serde_json::from_str(json).map_err(|_| InteropError::NotFormat {
        what: "a password-protected Bitwarden export",
        detail: "it lacks the salt, KDF settings or data of one",
    })?;
    let password = password.ok_or(InteropError::NeedPassword(WHAT))?;
    let bad_kdf = |_| InteropError::BadKdf(WHAT);
    let iterations = u32::try_from(env.kdf_iterations).map_err(bad_kdf)?;
    let pw = super::crypto::password_bytes(password);
    let key = match env.kdf_type {
        0 => super::crypto::pbkdf2_sha256(pw, env.salt.as_bytes(), iterations),
        1 => {
            use sha2::Digest;
            let salt = sha2::Sha256::digest(env.salt.as_bytes());
            let mib = u32::try_from(env.kdf_memory.unwrap_or(64)).map_err(bad_kdf)?;
            let lanes = u32::try_from(env.kdf_parallelism.unwrap_or(4)).map_err(bad_kdf)?;
            super::crypto::argon2id_key(
                pw,
                &salt,
                iterations,
                mib.checked_mul(1024).ok_or(InteropError::BadKdf(WHAT))?,
                lanes,
            )
        }
        _ => return Err(InteropError::BadKdf(WHAT)),
    }
    .map_err(|_| InteropError::BadKdf(WHAT))?;
    let enc = super::crypto::hkdf_expand_sha256(&key, b"enc");
    let mac = super::crypto::hkdf_expand_sha256(&key, b"mac");
    // The validation string opens only with the right password: check it
    // first, as Bitwarden does, so a wrong password is named as such.
    open_enc_string(&env.validation, &enc, &mac)?;
    let plain = open_enc_string(&env.data, &enc, &mac)?;
    let text =
        std::str::from_utf8(plain.expose()).map_err(|_| InteropError::WrongPassword(WHAT))?;
    if is_password_protected(text) {
        return Err(InteropError::NotFormat {
            what: "a Bitwarden export",
            detail: "it holds another encrypted export inside",
        });
    }
    import_bitwarden_json(text)
}

/// Opens a Bitwarden encrypted string of type 2 (`2.IV|CT|MAC`).
fn open_enc_string(
    s: &str,
    enc: &[u8; 32],
    mac: &[u8; 32],
) -> Result<crate::secret::SecretBytes, InteropError> {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD;
    let malformed = InteropError::NotFormat {
        what: "a password-protected Bitwarden export",
        detail:
            "an encrypted value is not of the form 2.IV|DATA|MAC (AES-256-CBC with HMAC-SHA256)",
    };
    let body = s.strip_prefix("2.").ok_or(InteropError::Unsupported(
        "this Bitwarden export uses an encryption type other than AES-256-CBC with HMAC-SHA256 (type 2); export it again from a current Bitwarden",
    ))?;
    let parts: Vec<&str> = body.split('|').collect();
    let [iv, ct, tag] = parts.as_slice() else {
        return Err(malformed);
    };
    let (Ok(iv), Ok(ct), Ok(tag)) = (b64.decode(iv), b64.decode(ct), b64.decode(tag)) else {
        return Err(malformed);
    };
    super::crypto::hmac_sha256_verify(mac, &[&iv, &ct], &tag)
        .map_err(|_| InteropError::WrongPassword(WHAT))?;
    super::crypto::cbc_open(enc, &iv, &ct).map_err(|_| InteropError::WrongPassword(WHAT))
}

/// Imports a Bitwarden JSON export.
pub fn import_bitwarden_json(json: &str) -> Result<ImportReport, InteropError> {
    let root: Root<'_> = parse_export(json, "a Bitwarden export", "its items are not a list")?;
    if root.password_protected {
        return Err(InteropError::NotFormat {
            what: "a password-protected Bitwarden export",
            detail: "it lacks the salt, KDF settings or data of one",
        });
    }
    if root.encrypted {
        return Err(InteropError::Unsupported(
            "this Bitwarden export is encrypted with the Bitwarden account's own key (\"account restricted\"), which only that account can open; export again as \".json\", or as encrypted \".json\" with \"Password protected\", and import that file",
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
    for_each_entry(
        &mut report,
        &items,
        WRONG_TYPE,
        |report, position, item: ItemJson| {
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
                        report,
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
                Some(2) => add_note(report, position, item.name, item.notes, tags),
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
        },
    );
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
