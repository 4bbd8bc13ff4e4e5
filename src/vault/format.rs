//! The vault file format: an age v1 file whose plaintext is versioned JSON.
//!
//! This module owns the [`Payload`] (everything the vault holds), its
//! serialization, and the two directions of the envelope: [`seal`] (payload
//! to age bytes, one stanza per unlock path) and [`unseal`] (age bytes to
//! payload, with precise errors and the authenticity check that stops a
//! forged vault from opening cleanly). docs/vault-format.md is the
//! specification; keep the two in step.

use std::io::{Read, Write};

use age::Identity;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::crypto::{
    DerivedKeyIdentity, NamedIdentity, PassphraseIdentity, PassphraseKey, PassphraseOutcome,
    PassphraseRecipient,
};
use super::VaultError;
use crate::item::{now_utc, Item, ItemHead};
use crate::playbook::PlaybookState;
use crate::secret::{SecretBytes, SecretString};

/// The `format` field of every payload.
pub const FORMAT: &str = "lifeboat-vault";
/// The payload version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// A vault file larger than this is refused before decryption (256 MiB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Keys the vault keeps about itself, inside the encryption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keys {
    /// The recovery key, `AGE-SECRET-KEY-1...`: kept so the kit can be
    /// reprinted and the key split later, and so a file opened with it can
    /// prove it is genuine (see docs/threat-model.md).
    pub recovery_identity: SecretString,
    /// The recovery key's public recipient, `age1...`.
    pub recovery_recipient: String,
    /// The passphrase path's salt, parameters and Argon2id output.
    pub passphrase: PassphraseKey,
}

/// An extra age recipient the vault is also encrypted to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraRecipient {
    /// The `age1...` string.
    pub recipient: String,
    /// When it was added.
    #[serde(with = "time::serde::rfc3339")]
    pub added: OffsetDateTime,
}

/// User settings stored in the vault (they travel with it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Write the vault ASCII-armored (PEM-style) instead of binary.
    pub armor: bool,
    /// How many backups `backup DIR` keeps in a folder.
    pub backup_keep: u32,
    /// TUI idle seconds before it locks.
    pub auto_lock_secs: u64,
    /// Seconds before a copied secret is cleared from the clipboard.
    pub clipboard_clear_secs: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            armor: false,
            backup_keep: 10,
            auto_lock_secs: 300,
            clipboard_clear_secs: 20,
        }
    }
}

/// Dates of the safety routines `doctor` reports on.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct History {
    /// Last verified backup written by `backup`.
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_backup: Option<OffsetDateTime>,
    /// Last restore drill (`verify`).
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_drill: Option<OffsetDateTime>,
    /// When the recovery key was last shown or written out.
    #[serde(with = "time::serde::rfc3339::option")]
    pub recovery_key_exported: Option<OffsetDateTime>,
    /// When the recovery key was last split into shares.
    #[serde(with = "time::serde::rfc3339::option")]
    pub recovery_key_split: Option<OffsetDateTime>,
    /// When an emergency kit was last written.
    #[serde(with = "time::serde::rfc3339::option")]
    pub kit_printed: Option<OffsetDateTime>,
}

/// One line of the audit log. Holds names and actions, never secrets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// What, e.g. `add`, `rm`, `passwd`.
    pub action: String,
    /// The item or object concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
}

/// Everything the vault holds: the plaintext of the age file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Payload {
    /// Always [`FORMAT`].
    pub format: String,
    /// Payload version, see [`VERSION`].
    pub version: u32,
    /// Random id of this vault, stable across saves (backups compare it).
    pub vault_id: String,
    /// When the vault was created.
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    /// When it was last saved.
    #[serde(with = "time::serde::rfc3339")]
    pub updated: OffsetDateTime,
    /// The recovery material.
    #[serde(default)]
    pub items: Vec<Item>,
    /// Playbook progress.
    #[serde(default)]
    pub playbooks: PlaybookState,
    /// Extra recipients.
    #[serde(default)]
    pub recipients: Vec<ExtraRecipient>,
    /// Settings.
    #[serde(default)]
    pub settings: Settings,
    /// Safety-routine dates.
    #[serde(default)]
    pub history: History,
    /// What was done when (no secrets).
    #[serde(default)]
    pub audit: Vec<AuditEntry>,
    /// The vault's own keys.
    pub keys: Keys,
}

impl Payload {
    /// A new, empty payload for these keys.
    pub fn new(keys: Keys) -> Payload {
        let now = now_utc();
        Payload {
            format: FORMAT.to_owned(),
            version: VERSION,
            vault_id: crate::item::new_id(),
            created: now,
            updated: now,
            items: Vec::new(),
            playbooks: PlaybookState::default(),
            recipients: Vec::new(),
            settings: Settings::default(),
            history: History::default(),
            audit: Vec::new(),
            keys,
        }
    }

    /// Serializes to the JSON plaintext.
    pub fn to_json(&self) -> Result<SecretBytes, VaultError> {
        // Start at the size last read (plus room for the change), so the
        // buffer rarely has to grow: each growth copies and wipes.
        let hint = JSON_SIZE_HINT.load(std::sync::atomic::Ordering::Relaxed);
        let mut w = ZeroizingWriter(Vec::with_capacity(hint + hint / 8 + 4096));
        serde_json::to_writer(&mut w, self)
            .map_err(|e| VaultError::Internal(format!("could not serialize the vault: {e}")))?;
        Ok(SecretBytes::new(std::mem::take(&mut w.0)))
    }

    /// Parses and checks the JSON plaintext.
    pub fn from_json(bytes: &[u8]) -> Result<Payload, VaultError> {
        // One UTF-8 check for the whole text, then the faster `from_str`
        // (serde_json's `from_slice` re-validates every string).
        JSON_SIZE_HINT.store(bytes.len(), std::sync::atomic::Ordering::Relaxed);
        let text = std::str::from_utf8(bytes).map_err(|_| VaultError::Corrupt {
            reason: "the decrypted contents are not valid JSON (not UTF-8 text)".into(),
        })?;
        match serde_json::from_str::<Payload>(text) {
            Ok(p) => {
                Self::check_head(Some(&p.format), Some(p.version))?;
                Ok(p)
            }
            Err(e) => {
                // Only on failure, peek at format and version so a newer or
                // foreign file gets the right message rather than a field
                // error. (Peeking first would parse every vault twice.)
                #[derive(Deserialize)]
                struct Head {
                    format: Option<String>,
                    version: Option<u32>,
                }
                let head: Head = serde_json::from_str(text).map_err(|_| VaultError::Corrupt {
                    reason: "the decrypted contents are not valid JSON".into(),
                })?;
                Self::check_head(head.format.as_deref(), head.version)?;
                Err(VaultError::Corrupt {
                    reason: format!(
                        "the vault's contents do not match the format: {}",
                        json_error_without_values(&e)
                    ),
                })
            }
        }
    }

    fn check_head(format: Option<&str>, version: Option<u32>) -> Result<(), VaultError> {
        if format != Some(FORMAT) {
            return Err(VaultError::Corrupt {
                reason: "the file decrypts but is not a lifeboat vault (wrong `format` field)"
                    .into(),
            });
        }
        match version {
            Some(v) if v > VERSION => Err(VaultError::TooNew { version: v }),
            Some(0) | None => Err(VaultError::Corrupt {
                reason: "the vault has no valid `version` field".into(),
            }),
            _ => Ok(()),
        }
    }
}

/// The size of the last payload parsed: the starting capacity for the next
/// serialization (only a hint; any value is safe).
static JSON_SIZE_HINT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A growing buffer for plaintext JSON that wipes each outgrown allocation:
/// `serde_json::to_vec` grows its `Vec` by reallocation, which leaves copies
/// of the secrets in freed heap memory. Growth is geometric, from 64 KiB.
struct ZeroizingWriter(Vec<u8>);

impl ZeroizingWriter {
    #[cold]
    fn grow(&mut self, need: usize) {
        let mut bigger = Vec::with_capacity(need.max(2 * self.0.capacity()).max(64 << 10));
        bigger.extend_from_slice(&self.0);
        zeroize::Zeroize::zeroize(&mut self.0);
        self.0 = bigger;
    }
}

impl Write for ZeroizingWriter {
    #[inline]
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        let need = self.0.len() + buf.len();
        if need > self.0.capacity() {
            self.grow(need);
        }
        self.0.extend_from_slice(buf);
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for ZeroizingWriter {
    fn drop(&mut self) {
        // Only on an error path: the success path takes the buffer out.
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

/// A serde_json error as text that names fields and positions but never
/// quotes a value from the data: serde's "invalid type: string \"...\"" and
/// "invalid value: integer `...`" messages would otherwise print a seed
/// word, code or password from a damaged payload.
pub fn json_error_without_values(e: &serde_json::Error) -> String {
    json_error_without_values_at(e, e.line(), e.column())
}

/// [`json_error_without_values`], reporting the position `line`:`column`
/// (for an error in a part parsed on its own, mapped back to the whole).
fn json_error_without_values_at(e: &serde_json::Error, line: usize, column: usize) -> String {
    let msg = e.to_string();
    let at = format!(" at line {} column {}", e.line(), e.column());
    let core = msg.strip_suffix(at.as_str()).unwrap_or(&msg);
    let quotes_value = core.starts_with("invalid type: ")
        || core.starts_with("invalid value: ")
        || core.starts_with("invalid length ");
    let safe = if quotes_value {
        // "invalid type: string \"VALUE\", expected a sequence": keep the
        // kind of value and what was expected, drop the value.
        let (head, rest) = core.split_once(": ").unwrap_or((core, ""));
        let kind = rest
            .split(['"', '`'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_end_matches(',');
        let expected = rest
            .rfind(", expected ")
            .map(|i| &rest[i + 2..])
            .unwrap_or("");
        match (kind.is_empty(), expected.is_empty()) {
            (false, false) => format!("{head}: {kind} (value hidden), {expected}"),
            (false, true) => format!("{head}: {kind} (value hidden)"),
            _ => head.to_owned(),
        }
    } else if core.contains('"') {
        "a field has the wrong type or value".to_owned()
    } else {
        core.to_owned()
    };
    if e.line() == 0 {
        safe
    } else {
        format!("{safe} at line {line} column {column}")
    }
}

/// How to unlock a vault.
pub enum Unlock {
    /// The passphrase (Argon2id stanza).
    Passphrase(SecretString),
    /// One or more X25519 identities (the recovery key or others).
    Identities(Vec<NamedIdentity>),
}

impl std::fmt::Debug for Unlock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unlock::Passphrase(_) => f.write_str("Unlock::Passphrase([REDACTED])"),
            Unlock::Identities(ids) => write!(f, "Unlock::Identities({} identities)", ids.len()),
        }
    }
}

/// Which unlock path opened a vault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenedBy {
    /// The passphrase.
    Passphrase,
    /// The recovery key.
    RecoveryKey,
    /// Another identity (an extra recipient), by its `age1...` recipient.
    OtherIdentity(String),
}

/// A decrypted vault and how it was opened.
#[derive(Debug)]
pub struct Unsealed {
    /// The contents.
    pub payload: Payload,
    /// The unlock path used.
    pub opened_by: OpenedBy,
}

/// Encrypts the payload to every unlock path: the passphrase stanza, the
/// recovery key and each extra recipient.
pub fn seal(payload: &Payload) -> Result<(Vec<u8>, SecretBytes), VaultError> {
    let json = payload.to_json()?;
    let recovery: age::x25519::Recipient =
        payload.keys.recovery_recipient.parse().map_err(|_| {
            VaultError::Internal("the vault's recovery recipient is malformed".into())
        })?;
    let mut extras = Vec::new();
    for r in &payload.recipients {
        let parsed: age::x25519::Recipient = r.recipient.parse().map_err(|_| {
            VaultError::Invalid(format!(
                "the stored recipient {} is not a valid age1 recipient; remove it with `lifeboat recipient rm`",
                r.recipient
            ))
        })?;
        extras.push(parsed);
    }
    let pass = PassphraseRecipient(&payload.keys.passphrase);
    let mut recipients: Vec<&dyn age::Recipient> = vec![&pass, &recovery];
    recipients.extend(extras.iter().map(|r| r as &dyn age::Recipient));
    let enc = age::Encryptor::with_recipients(recipients.into_iter())
        .map_err(|e| VaultError::Internal(format!("could not encrypt: {e}")))?;
    let mut out = Vec::with_capacity(json.len() + 4096);
    let io = |e: std::io::Error| VaultError::Internal(format!("could not encrypt: {e}"));
    if payload.settings.armor {
        let armored =
            age::armor::ArmoredWriter::wrap_output(&mut out, age::armor::Format::AsciiArmor)
                .map_err(io)?;
        let mut w = enc.wrap_output(armored).map_err(io)?;
        w.write_all(json.expose()).map_err(io)?;
        w.finish().and_then(|a| a.finish()).map_err(io)?;
    } else {
        let mut w = enc.wrap_output(&mut out).map_err(io)?;
        w.write_all(json.expose()).map_err(io)?;
        w.finish().map_err(io)?;
    }
    Ok((out, json))
}

fn corrupt(reason: impl Into<String>) -> VaultError {
    VaultError::Corrupt {
        reason: reason.into(),
    }
}

/// Decrypts vault bytes with an unlock path and checks that the result is a
/// genuine vault.
pub fn unseal(bytes: &[u8], unlock: &Unlock) -> Result<Unsealed, VaultError> {
    unseal_decrypted(decrypt_bytes(bytes, unlock)?)
}

/// What [`decrypt_bytes`] returns: the plaintext (not yet checked), the
/// path used and, for a passphrase unlock, the derived key.
pub type Decrypted = (SecretBytes, OpenedBy, Option<PassphraseKey>);

/// The second half of [`unseal`]: parse and check decrypted contents.
pub fn unseal_decrypted(decrypted: Decrypted) -> Result<Unsealed, VaultError> {
    let (plaintext, opened_by, derived) = decrypted;
    let payload = Payload::from_json(plaintext.expose())?;
    check_authentic(
        &payload.keys,
        &payload.recipients,
        &opened_by,
        derived.as_ref(),
    )?;
    let opened_by = classify(opened_by, &payload);
    Ok(Unsealed { payload, opened_by })
}

/// Decrypts only (no JSON), returning the plaintext, the path used and, for
/// a passphrase unlock, the derived key.
pub fn decrypt_bytes(bytes: &[u8], unlock: &Unlock) -> Result<Decrypted, VaultError> {
    decrypt_reader(bytes, bytes.len(), unlock)
}

/// [`decrypt_bytes`] from any buffered reader (an open vault file, so the
/// ciphertext is streamed through a small buffer, as `age -d` does, rather
/// than read whole first). `len` is the input's size: 0 is refused as an
/// empty file, and it presizes the plaintext buffer.
pub fn decrypt_reader<R: std::io::BufRead>(
    input: R,
    len: usize,
    unlock: &Unlock,
) -> Result<Decrypted, VaultError> {
    if len == 0 {
        return Err(corrupt("the vault file is empty"));
    }
    let reader = age::armor::ArmoredReader::new(input);
    let decryptor = age::Decryptor::new_buffered(reader).map_err(|e| match e {
        age::DecryptError::UnknownFormat => {
            corrupt("the file is not an age v1 file (unknown format or version line)")
        }
        _ => corrupt("the file is not a valid age file (its header cannot be read)"),
    })?;
    let pass_id;
    let mut ids: Vec<&dyn Identity> = Vec::new();
    match unlock {
        Unlock::Passphrase(p) => {
            pass_id = Some(PassphraseIdentity::new(p.clone()));
            if let Some(p) = &pass_id {
                ids.push(p);
            }
        }
        Unlock::Identities(list) => {
            pass_id = None;
            ids.extend(list.iter().map(|i| i as &dyn Identity));
        }
    }
    let result = decryptor.decrypt(ids.into_iter());
    let mut reader = match result {
        Ok(r) => r,
        Err(e) => {
            if let Some(p) = &pass_id {
                match p.outcome() {
                    PassphraseOutcome::Malformed(msg) => {
                        return Err(corrupt(format!("the passphrase stanza is invalid: {msg}")))
                    }
                    PassphraseOutcome::NoStanza => {
                        return Err(VaultError::Auth(
                            "this file has no lifeboat passphrase stanza; open it with --identity and the recovery key".into(),
                        ))
                    }
                    PassphraseOutcome::WrongPassphrase => {
                        return Err(VaultError::Auth("wrong passphrase".into()))
                    }
                    PassphraseOutcome::Unlocked => {}
                }
            }
            return Err(match e {
                age::DecryptError::InvalidMac => {
                    corrupt("the header's authentication tag does not match: the header is damaged")
                }
                age::DecryptError::InvalidHeader => {
                    corrupt("the header is damaged (a recipient stanza is malformed)")
                }
                age::DecryptError::NoMatchingKeys
                | age::DecryptError::DecryptionFailed
                | age::DecryptError::KeyDecryptionFailed => {
                    VaultError::Auth("none of the given identities can open this vault".into())
                }
                other => corrupt(format!("decryption failed: {other}")),
            });
        }
    };
    // The plaintext is a little shorter than the file: one allocation.
    let mut plain = zeroize::Zeroizing::new(Vec::with_capacity(len));
    reader.read_to_end(&mut plain).map_err(|_| {
        corrupt("the encrypted contents fail authentication: the file is damaged or truncated")
    })?;
    let plaintext = SecretBytes::new(std::mem::take(&mut *plain));
    let (opened_by, derived) = match unlock {
        Unlock::Passphrase(_) => (
            OpenedBy::Passphrase,
            pass_id.as_ref().and_then(|p| p.take_derived()),
        ),
        Unlock::Identities(list) => {
            let used = list
                .iter()
                .find(|i| i.was_used())
                .ok_or_else(|| VaultError::Internal("no identity recorded the unlock".into()))?;
            (OpenedBy::OtherIdentity(used.recipient.clone()), None)
        }
    };
    Ok((plaintext, opened_by, derived))
}

/// The forgery check. Anyone holding a public recipient can make an age
/// file that decrypts with the matching identity, so decryption alone does
/// not prove the vault is ours:
/// - a passphrase unlock is proof by itself (the Argon2id output is needed
///   to make the stanza); the payload's stored key must agree with it;
/// - an identity unlock must find, inside the payload, the very recovery
///   key that opened it, which someone holding only the public recipient
///   cannot put there; an extra identity must at least be listed.
fn check_authentic(
    keys: &Keys,
    recipients: &[ExtraRecipient],
    opened_by: &OpenedBy,
    derived: Option<&PassphraseKey>,
) -> Result<(), VaultError> {
    let forged = || VaultError::Forged;
    match opened_by {
        OpenedBy::Passphrase => {
            let d = derived.ok_or_else(forged)?;
            if d.key != keys.passphrase.key || d.salt != keys.passphrase.salt {
                return Err(forged());
            }
        }
        OpenedBy::OtherIdentity(recipient) => {
            if *recipient == keys.recovery_recipient {
                // Opened by the recovery key's recipient: the secret inside must
                // be that same key.
                let inside =
                    NamedIdentity::parse(keys.recovery_identity.expose()).map_err(|_| forged())?;
                if inside.recipient != *recipient {
                    return Err(forged());
                }
            } else if !recipients.iter().any(|r| r.recipient == *recipient) {
                return Err(forged());
            }
        }
        OpenedBy::RecoveryKey => {}
    }
    // The stored recovery secret must match the stored recipient in any case.
    let inside = NamedIdentity::parse(keys.recovery_identity.expose()).map_err(|_| forged())?;
    if inside.recipient != keys.recovery_recipient {
        return Err(forged());
    }
    Ok(())
}

/// Classifies how an unsealed vault was opened, telling the recovery key
/// apart from other identities.
pub fn classify(opened_by: OpenedBy, payload: &Payload) -> OpenedBy {
    classify_by(opened_by, &payload.keys)
}

fn classify_by(opened_by: OpenedBy, keys: &Keys) -> OpenedBy {
    match opened_by {
        OpenedBy::OtherIdentity(r) if r == keys.recovery_recipient => OpenedBy::RecoveryKey,
        other => other,
    }
}

/// The payload as a read-only command sees it: every section parsed and
/// checked as in [`Payload`] (same fields and rules), but the items kept as
/// borrowed JSON text, read one at a time into [`ItemHead`]s. Keep the
/// fields in step with [`Payload`].
#[derive(Deserialize)]
#[allow(dead_code)] // Parsed so that a damaged section is refused, as by `Payload`.
struct PayloadView<'a> {
    format: String,
    version: u32,
    vault_id: String,
    #[serde(with = "time::serde::rfc3339")]
    created: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    updated: OffsetDateTime,
    #[serde(default, borrow)]
    items: Vec<&'a serde_json::value::RawValue>,
    #[serde(default)]
    playbooks: PlaybookState,
    #[serde(default)]
    recipients: Vec<ExtraRecipient>,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    history: History,
    #[serde(default)]
    audit: Vec<AuditEntry>,
    keys: Keys,
}

/// One item of a [`View`]: its non-secret fields, and its JSON text for
/// reading the whole item when a command needs the secret.
#[derive(Debug)]
pub struct ItemEntry<'a> {
    /// The non-secret fields.
    pub head: ItemHead<'a>,
    raw: &'a serde_json::value::RawValue,
}

impl ItemEntry<'_> {
    /// The whole item, secret included (into zeroizing types).
    pub fn item(&self) -> Result<Item, VaultError> {
        // Already checked when the view was made, so this cannot fail on a
        // view that opened.
        serde_json::from_str(self.raw.get()).map_err(|e| VaultError::Corrupt {
            reason: format!(
                "the vault's contents do not match the format: {}",
                json_error_without_values(&e)
            ),
        })
    }
}

/// A vault opened read-only (`list`, `show`, `code`): checked exactly as
/// [`unseal`] checks it (format and version, every section and item
/// parsed, the authenticity check), without building every [`Item`].
#[derive(Debug)]
pub struct View<'a> {
    /// The unlock path used.
    pub opened_by: OpenedBy,
    /// The items, in vault order.
    pub items: Vec<ItemEntry<'a>>,
}

/// Makes a [`View`] of decrypted contents (see [`decrypt_reader`]).
pub fn view<'a>(
    plaintext: &'a SecretBytes,
    opened_by: OpenedBy,
    derived: Option<&PassphraseKey>,
) -> Result<View<'a>, VaultError> {
    let bytes = plaintext.expose();
    let text = std::str::from_utf8(bytes).map_err(|_| VaultError::Corrupt {
        reason: "the decrypted contents are not valid JSON (not UTF-8 text)".into(),
    })?;
    let head: PayloadView<'a> = match serde_json::from_str(text) {
        Ok(p) => p,
        // The full parse gives the same messages for every failure.
        Err(_) => {
            return Err(Payload::from_json(bytes).err().unwrap_or_else(|| {
                VaultError::Internal("the vault parses in full but not as a view".into())
            }))
        }
    };
    Payload::check_head(Some(&head.format), Some(head.version))?;
    let mut items = Vec::with_capacity(head.items.len());
    for raw in head.items {
        let item_head: ItemHead<'a> = serde_json::from_str(raw.get()).map_err(|e| {
            // Report the position in the whole payload, as a full parse does.
            let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
            let before = &text[..offset];
            let line = 1 + before.matches('\n').count();
            let col0 = before.len() - before.rfind('\n').map_or(0, |i| i + 1);
            let (l, c) = if e.line() == 1 {
                (line, col0 + e.column())
            } else {
                (line + e.line() - 1, e.column())
            };
            VaultError::Corrupt {
                reason: format!(
                    "the vault's contents do not match the format: {}",
                    json_error_without_values_at(&e, l, c)
                ),
            }
        })?;
        items.push(ItemEntry {
            head: item_head,
            raw,
        });
    }
    check_authentic(&head.keys, &head.recipients, &opened_by, derived)?;
    Ok(View {
        opened_by: classify_by(opened_by, &head.keys),
        items,
    })
}

/// Verifies freshly written bytes: they must decrypt with the recovery key
/// and with the stored passphrase key to exactly `expected`.
pub fn verify_written(bytes: &[u8], payload: &Payload, expected: &[u8]) -> Result<(), VaultError> {
    let recovery = NamedIdentity::parse(payload.keys.recovery_identity.expose())
        .map_err(|e| VaultError::Internal(e.to_string()))?;
    let (plain, _, _) = decrypt_bytes(bytes, &Unlock::Identities(vec![recovery]))?;
    if plain.expose() != expected {
        return Err(VaultError::Internal(
            "the written file does not read back to what was written".into(),
        ));
    }
    // The passphrase path must work too: a save must never leave the user
    // with a vault their passphrase no longer opens.
    let reader = age::armor::ArmoredReader::new(bytes);
    let dec = age::Decryptor::new_buffered(reader)
        .map_err(|_| VaultError::Internal("the written header cannot be read back".into()))?;
    let id = DerivedKeyIdentity(&payload.keys.passphrase);
    // Opening the header is enough: `decrypt` checks the header MAC with the
    // file key this stanza unwraps, so success means it is the same file key
    // the recovery key unwrapped above, and the payload (already decrypted
    // and compared) reads the same. Decrypting it a second time would cost a
    // full pass over the vault on every save.
    dec.decrypt(std::iter::once(&id as &dyn Identity))
        .map_err(|_| {
            VaultError::Internal("the passphrase stanza does not open the written file".into())
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zeroizing_writer_keeps_every_byte() {
        // Start at the size last read (plus room for the change), so the
        // buffer rarely has to grow: each growth copies and wipes.
        let hint = JSON_SIZE_HINT.load(std::sync::atomic::Ordering::Relaxed);
        let mut w = ZeroizingWriter(Vec::with_capacity(hint + hint / 8 + 4096));
        let chunk: Vec<u8> = (0..=255u8).collect();
        for _ in 0..1000 {
            w.write_all(&chunk).unwrap();
        }
        assert_eq!(w.0.len(), 256_000);
        assert!(w.0.chunks(256).all(|c| c == chunk.as_slice()));
    }

    #[test]
    fn json_errors_never_quote_values() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct T {
            codes: Vec<String>,
            n: u8,
        }
        for (bad, kept) in [
            (r#"{"codes": "SECRET-1", "n": 1}"#, "expected a sequence"),
            (r#"{"codes": [7654321], "n": 1}"#, "expected a string"),
            (r#"{"codes": [], "n": 123456}"#, "expected u8"),
            (r#"{"codes": [], "n": "SECRET-1"}"#, "expected u8"),
            (r#"{"codes": []}"#, "missing field `n`"),
        ] {
            let e = serde_json::from_str::<T>(bad).unwrap_err();
            let text = json_error_without_values(&e);
            assert!(!text.contains("SECRET-1"), "{text}");
            assert!(
                !text.contains("7654321") && !text.contains("123456"),
                "{text}"
            );
            assert!(text.contains(kept), "{text}");
            assert!(text.contains("line 1 column"), "{text}");
        }
    }
}
