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
    passphrase_stanza_params, random_bytes, DerivedKeyIdentity, KdfParams, NamedIdentity,
    PassphraseIdentity, PassphraseKey, PassphraseOutcome, PassphraseRecipient, PASSPHRASE_TAG,
};
use super::merge::SyncMeta;
use super::{header, VaultError};
use crate::item::{now_utc, Item, ItemHead, Text};
use crate::playbook::PlaybookState;
use crate::secret::{SecretBytes, SecretString};

/// The `format` field of every payload.
pub const FORMAT: &str = "lifeboat-vault";
/// The payload version this build writes and the newest it reads.
pub const VERSION: u32 = 3;
/// The stanza that carries the payload's authentication code.
pub const MAC_TAG: &str = "lifeboat.dev/hmac-sha256";
/// The `format` field of the inner envelope's JSON.
pub const KEYS_FORMAT: &str = "lifeboat-keys";
/// Length of the authentication key.
pub const AUTH_KEY_LEN: usize = 32;
/// The largest inner envelope accepted (base64 characters): a genuine one
/// is under 1,000; the cap keeps a hostile one from reaching age's parser
/// at any size.
pub const MAX_SEALED_LEN: usize = 8 * 1024;
/// A vault file larger than this is refused before decryption (256 MiB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// Most extra recipients a vault may have. With the passphrase, recovery
/// and grease stanzas this stays far inside the header scanner's limit of
/// [`header::MAX_STANZAS`], so every vault lifeboat writes it can open.
pub const MAX_EXTRA_RECIPIENTS: usize = 64;

/// Keys the vault keeps about itself. In memory the secrets are in the
/// clear once an open has proved them (see [`authenticate`]); on disk
/// (version 2) they travel only inside [`Keys::sealed`], an inner age
/// envelope that the passphrase and the recovery key open and extra
/// recipients do not. A version-1 payload carried them in the payload
/// itself, readable by every recipient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "KeysWire", into = "KeysWire")]
pub struct Keys {
    /// The recovery key, `AGE-SECRET-KEY-1...`: kept so the kit can be
    /// reprinted and the key split later. Empty when this session could
    /// not open the inner envelope (an extra identity).
    pub recovery_identity: SecretString,
    /// The recovery key's public recipient, `age1...`.
    pub recovery_recipient: String,
    /// The passphrase path's salt, parameters and Argon2id output `K`
    /// (`key` empty when this session could not open the inner envelope).
    pub passphrase: PassphraseKey,
    /// The random key of the payload's authentication code (HMAC-SHA256),
    /// so only a holder of the passphrase or the recovery key can write a
    /// vault that those paths accept. Empty until proved, and in a
    /// version-1 vault until its first save.
    pub auth_key: SecretBytes,
    /// The inner envelope as read or as last written (base64 of an age
    /// file); `None` for a version-1 payload.
    pub sealed: Option<String>,
}

impl Keys {
    /// Fresh keys for a new vault (or a rotation): this recovery key, this
    /// passphrase key and a new random authentication key.
    pub fn new(recovery: &NamedIdentity, passphrase: PassphraseKey) -> Keys {
        Keys {
            recovery_identity: recovery.text.clone(),
            recovery_recipient: recovery.recipient.clone(),
            passphrase,
            auth_key: random_bytes(AUTH_KEY_LEN),
            sealed: None,
        }
    }

    /// True when this session knows the secrets (it proved the passphrase
    /// or the recovery key), so it can write the vault.
    pub fn known(&self) -> bool {
        !self.recovery_identity.is_empty() && !self.passphrase.key.is_empty()
    }

    fn forget_secrets(&mut self) {
        self.recovery_identity = SecretString::default();
        self.passphrase.key = SecretBytes::default();
        self.auth_key = SecretBytes::default();
    }
}

/// `keys` as stored: version 2 writes `recovery_recipient`, the
/// passphrase's `salt` and `params`, and `sealed`; version 1 wrote
/// `recovery_identity` and the passphrase's `key` in the clear instead.
#[derive(Serialize, Deserialize)]
struct KeysWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    recovery_identity: Option<SecretString>,
    recovery_recipient: String,
    passphrase: PassphraseWire,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sealed: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct PassphraseWire {
    salt: SecretBytes,
    params: KdfParams,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<SecretBytes>,
}

impl From<KeysWire> for Keys {
    fn from(w: KeysWire) -> Keys {
        Keys {
            recovery_identity: w.recovery_identity.unwrap_or_default(),
            recovery_recipient: w.recovery_recipient,
            passphrase: PassphraseKey {
                salt: w.passphrase.salt,
                params: w.passphrase.params,
                key: w.passphrase.key.unwrap_or_default(),
            },
            auth_key: SecretBytes::default(),
            sealed: w.sealed,
        }
    }
}

impl From<Keys> for KeysWire {
    fn from(k: Keys) -> KeysWire {
        // With an inner envelope the secrets stay inside it; without one
        // (a version-1 payload, as tests build them) they are written as
        // version 1 wrote them.
        let v1 = k.sealed.is_none();
        KeysWire {
            recovery_identity: v1.then(|| k.recovery_identity.clone()),
            recovery_recipient: k.recovery_recipient.clone(),
            passphrase: PassphraseWire {
                salt: k.passphrase.salt.clone(),
                params: k.passphrase.params,
                key: v1.then(|| k.passphrase.key.clone()),
            },
            sealed: k.sealed.clone(),
        }
    }
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
    /// The folder the TUI last wrote a backup into, offered again next time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_dir: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            armor: false,
            backup_keep: 10,
            auto_lock_secs: 300,
            clipboard_clear_secs: 20,
            backup_dir: None,
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
    /// Revision metadata for merging copies (version 3; see
    /// [`super::merge`]). Absent in older payloads.
    #[serde(default, skip_serializing_if = "SyncMeta::is_empty")]
    pub sync: SyncMeta,
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
            sync: SyncMeta::default(),
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
                Err(format_mismatch(&e, e.line(), e.column()))
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
        crate::secret::wipe_vec(&mut self.0);
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
        crate::secret::wipe_vec(&mut self.0);
    }
}

/// A serde_json error as text that names fields and positions but never
/// quotes a value from the data: serde's "invalid type: string \"...\"" and
/// "invalid value: integer `...`" messages would otherwise print a seed
/// word, code or password from a damaged payload.
pub fn json_error_without_values(e: &serde_json::Error) -> String {
    json_error_without_values_at(e, e.line(), e.column())
}

/// Why the contents do not match the format: serde's own words (values
/// hidden) in English; other languages say which line and column, since
/// serde's description exists only in English.
fn format_mismatch(e: &serde_json::Error, line: usize, column: usize) -> VaultError {
    let detail = if crate::i18n::lang() == crate::lang::Lang::En {
        json_error_without_values_at(e, line, column)
    } else {
        crate::tr!("vault-json-detail", line = line, column = column)
    };
    VaultError::Corrupt {
        reason: crate::tr!("vault-format-mismatch", detail = detail),
    }
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

/// Which unlock path opened a vault, as proved by [`authenticate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenedBy {
    /// The passphrase.
    Passphrase,
    /// The recovery key.
    RecoveryKey,
    /// Another identity (an extra recipient), by its `age1...` recipient:
    /// the open proves nothing about who wrote the file, so the session is
    /// unverified and read-only.
    OtherIdentity(String),
}

impl OpenedBy {
    /// True when the open proved the file genuine (the passphrase or the
    /// recovery key); false for an extra identity's read-only open.
    pub fn is_verified(&self) -> bool {
        !matches!(self, OpenedBy::OtherIdentity(_))
    }
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
/// authentication stanza, the recovery key and each extra recipient.
///
/// Refreshes the inner envelope (`keys.sealed`) first, so the secrets
/// travel only inside it, and computes the payload's authentication code
/// over the exact JSON written. The payload's `version` is written as it
/// is: [`super::Vault`] sets it to [`VERSION`] before saving. Refused when
/// this session does not know the secrets (an extra identity's open).
pub fn seal(payload: &mut Payload) -> Result<(Vec<u8>, SecretBytes), VaultError> {
    if payload.recipients.len() > MAX_EXTRA_RECIPIENTS {
        return Err(VaultError::Invalid(crate::tr!(
            "vault-too-many-recipients",
            n = payload.recipients.len(),
            max = MAX_EXTRA_RECIPIENTS
        )));
    }
    if !payload.keys.known() {
        return Err(VaultError::Internal(
            "the vault's keys are not known in this session, so it cannot be written".into(),
        ));
    }
    if payload.keys.auth_key.is_empty() {
        // A version-1 vault's first save (migration).
        payload.keys.auth_key = random_bytes(AUTH_KEY_LEN);
    }
    payload.keys.sealed = Some(seal_inner(&payload.keys)?);
    let json = payload.to_json()?;
    let mac = MacRecipient(payload_mac(payload.keys.auth_key.expose(), json.expose()));
    let recovery: age::x25519::Recipient =
        payload.keys.recovery_recipient.parse().map_err(|_| {
            VaultError::Internal("the vault's recovery recipient is malformed".into())
        })?;
    let mut extras = Vec::new();
    for r in &payload.recipients {
        let parsed: age::x25519::Recipient = r.recipient.parse().map_err(|_| {
            VaultError::Invalid(crate::tr!(
                "vault-bad-stored-recipient",
                recipient = r.recipient.as_str()
            ))
        })?;
        extras.push(parsed);
    }
    let pass = PassphraseRecipient(&payload.keys.passphrase);
    let mut recipients: Vec<&dyn age::Recipient> = vec![&pass, &mac, &recovery];
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

/// HMAC-SHA256 of the payload's exact bytes under the authentication key.
pub fn payload_mac(auth_key: &[u8], plaintext: &[u8]) -> [u8; 32] {
    use hmac::Mac;
    // HMAC takes keys of any length.
    let mut m = hmac::Hmac::<sha2::Sha256>::new_from_slice(auth_key).expect("any key length");
    m.update(plaintext);
    m.finalize().into_bytes().into()
}

/// Writes the authentication stanza (`-> lifeboat.dev/hmac-sha256`, no
/// arguments, body = the 32-byte code). It wraps nothing: it only rides in
/// the header, which age's header MAC then covers. Empty label set, so it
/// sits beside X25519 stanzas; age implementations skip stanzas they do
/// not know, so `age -d -i` still opens the vault.
struct MacRecipient([u8; 32]);

impl age::Recipient for MacRecipient {
    fn wrap_file_key(
        &self,
        _file_key: &age_core::format::FileKey,
    ) -> Result<
        (
            Vec<age_core::format::Stanza>,
            std::collections::HashSet<String>,
        ),
        age::EncryptError,
    > {
        Ok((
            vec![age_core::format::Stanza {
                tag: MAC_TAG.to_owned(),
                args: Vec::new(),
                body: self.0.to_vec(),
            }],
            std::collections::HashSet::new(),
        ))
    }
}

/// The inner envelope's plaintext: what authenticates a save.
#[derive(Serialize, Deserialize)]
struct InnerKeys {
    format: String,
    version: u32,
    recovery_identity: SecretString,
    passphrase_key: SecretBytes,
    auth_key: SecretBytes,
}

/// Encrypts the secret keys to the passphrase path and the recovery key
/// only (never to extra recipients); base64 (padded) of the age file.
fn seal_inner(keys: &Keys) -> Result<String, VaultError> {
    use base64::Engine;
    let inside = NamedIdentity::parse(keys.recovery_identity.expose())
        .map_err(|_| VaultError::Internal("the vault's recovery key is malformed".into()))?;
    if inside.recipient != keys.recovery_recipient {
        return Err(VaultError::Internal(
            "the vault's recovery key does not match its recipient".into(),
        ));
    }
    let inner = InnerKeys {
        format: KEYS_FORMAT.to_owned(),
        version: 1,
        recovery_identity: keys.recovery_identity.clone(),
        passphrase_key: keys.passphrase.key.clone(),
        auth_key: keys.auth_key.clone(),
    };
    let json = zeroize::Zeroizing::new(
        serde_json::to_vec(&inner)
            .map_err(|e| VaultError::Internal(format!("could not serialize the keys: {e}")))?,
    );
    let pass = PassphraseRecipient(&keys.passphrase);
    let rec = inside.identity.to_public();
    let recipients: Vec<&dyn age::Recipient> = vec![&pass, &rec];
    let enc = age::Encryptor::with_recipients(recipients.into_iter())
        .map_err(|e| VaultError::Internal(format!("could not encrypt the keys: {e}")))?;
    let mut out = Vec::with_capacity(1024);
    let io = |e: std::io::Error| VaultError::Internal(format!("could not encrypt the keys: {e}"));
    let mut w = enc.wrap_output(&mut out).map_err(io)?;
    w.write_all(&json).map_err(io)?;
    w.finish().map_err(io)?;
    Ok(base64::engine::general_purpose::STANDARD.encode(out))
}

/// Opens the inner envelope with whichever of `ids` can. `Ok(None)` when
/// none of them can; an error when the envelope is malformed.
fn open_inner(sealed: &str, ids: &[&dyn Identity]) -> Result<Option<InnerKeys>, VaultError> {
    use base64::Engine;
    let bad = |why: &str| VaultError::Forged {
        reason: crate::tr!("vault-envelope", why = crate::i18n::translate_english(why)),
    };
    if sealed.len() > MAX_SEALED_LEN {
        return Err(bad("is far larger than any lifeboat writes"));
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(sealed.as_bytes())
        .map_err(|_| bad("is not base64"))?;
    // Measured like any header, although the length cap above already
    // keeps it small.
    let budget = header::budget();
    let dec =
        header::open_decryptor(bytes.as_slice(), &budget).map_err(|_| bad("is not an age file"))?;
    let mut reader = match dec.decrypt(ids.iter().copied()) {
        Ok(r) => r,
        Err(
            age::DecryptError::NoMatchingKeys
            | age::DecryptError::DecryptionFailed
            | age::DecryptError::KeyDecryptionFailed,
        ) => return Ok(None),
        Err(_) => return Err(bad("is damaged")),
    };
    let mut plain = zeroize::Zeroizing::new(Vec::new());
    reader
        .read_to_end(&mut plain)
        .map_err(|_| bad("fails authentication"))?;
    let inner: InnerKeys = serde_json::from_slice(&plain).map_err(|_| bad("is malformed"))?;
    if inner.format != KEYS_FORMAT || inner.version != 1 {
        return Err(bad("has an unknown format"));
    }
    Ok(Some(inner))
}

fn corrupt(reason: impl Into<String>) -> VaultError {
    VaultError::Corrupt {
        reason: reason.into(),
    }
}

fn forged(reason: impl Into<String>) -> VaultError {
    VaultError::Forged {
        reason: reason.into(),
    }
}

/// Decrypts vault bytes with an unlock path and checks that the result is a
/// genuine vault.
pub fn unseal(bytes: &[u8], unlock: &Unlock) -> Result<Unsealed, VaultError> {
    unseal_decrypted(decrypt_bytes(bytes, unlock)?)
}

/// What the header held, seen while decrypting: what [`authenticate`]
/// compares with the payload.
#[derive(Debug, Clone, Default)]
pub struct HeaderFacts {
    /// Each passphrase stanza's KDF salt and parameters (or why they are
    /// invalid).
    pub passphrase: Vec<Result<(Vec<u8>, KdfParams), String>>,
    /// How many X25519 stanzas.
    pub x25519: usize,
    /// The body of each authentication stanza.
    pub macs: Vec<Vec<u8>>,
}

/// An identity that unwraps nothing and records the header's stanzas. It
/// goes first in the list, so it sees every stanza before any real
/// identity runs.
struct HeaderObserver(std::cell::RefCell<HeaderFacts>);

impl Identity for HeaderObserver {
    fn unwrap_stanza(
        &self,
        _stanza: &age_core::format::Stanza,
    ) -> Option<Result<age_core::format::FileKey, age::DecryptError>> {
        None
    }

    fn unwrap_stanzas(
        &self,
        stanzas: &[age_core::format::Stanza],
    ) -> Option<Result<age_core::format::FileKey, age::DecryptError>> {
        let mut f = HeaderFacts::default();
        for s in stanzas {
            match s.tag.as_str() {
                PASSPHRASE_TAG => f.passphrase.push(passphrase_stanza_params(s)),
                "X25519" => f.x25519 += 1,
                MAC_TAG => f.macs.push(s.body.clone()),
                _ => {}
            }
        }
        *self.0.borrow_mut() = f;
        None
    }
}

/// What [`decrypt_bytes`] returns: the plaintext (not yet checked), the
/// path used, and what the checks need.
#[derive(Debug)]
pub struct Decrypted {
    /// The plaintext JSON (shared with the thread that computes the
    /// authentication code ahead, see [`with_early_mac`]).
    pub plaintext: std::sync::Arc<SecretBytes>,
    /// The path that unwrapped the file key; an X25519 open is reported as
    /// [`OpenedBy::OtherIdentity`] with the recipient of the identity in
    /// hand until [`authenticate`] proves more.
    pub opened_by: OpenedBy,
    /// For a passphrase unlock, the derived key.
    pub derived: Option<PassphraseKey>,
    /// The header's stanzas.
    pub header: HeaderFacts,
    /// Every identity given (any of them may be the recovery key, which
    /// proves the session even if another one unwrapped the file).
    pub identities: Vec<SecretString>,
    /// The authentication code being computed ahead on a thread started
    /// before the payload was decrypted (large files only).
    pending_mac: std::sync::Mutex<Option<std::thread::JoinHandle<Option<EarlyMac>>>>,
}

/// The second half of [`unseal`]: parse and check decrypted contents.
pub fn unseal_decrypted(decrypted: Decrypted) -> Result<Unsealed, VaultError> {
    let (payload, early) = with_early_mac(&decrypted, || {
        Payload::from_json(decrypted.plaintext.expose())
    });
    let mut payload = payload?;
    let opened_by = authenticate(
        decrypted.plaintext.expose(),
        payload.version,
        &mut payload.keys,
        &payload.recipients,
        &decrypted,
        early.as_ref(),
    )?;
    Ok(Unsealed { payload, opened_by })
}

/// Decrypts only (no JSON), returning the plaintext, the path used and, for
/// a passphrase unlock, the derived key.
pub fn decrypt_bytes(bytes: &[u8], unlock: &Unlock) -> Result<Decrypted, VaultError> {
    decrypt_reader(bytes, bytes.len(), unlock)
}

/// The file has no passphrase stanza: lifeboat never writes such a vault.
const NO_PASSPHRASE_STANZA: &str = "the file has no lifeboat passphrase stanza, which every vault lifeboat writes has, so it was made by something else (for example by someone who knows only the public recovery recipient)";

/// [`decrypt_bytes`] from any buffered reader (an open vault file, so the
/// ciphertext is streamed through a small buffer, as `age -d` does, rather
/// than read whole first). `len` is the input's size: 0 is refused as an
/// empty file, and it presizes the plaintext buffer.
pub fn decrypt_reader<R: std::io::BufRead>(
    input: R,
    len: usize,
    unlock: &Unlock,
) -> Result<Decrypted, VaultError> {
    decrypt_from(input, len, unlock, None)
}

/// [`decrypt_reader`] for an open vault file of `len` bytes. The age crate
/// reads and checks the header and unwraps the file key, as on every path;
/// a binary file's payload is then read and decrypted in place, on two
/// threads for a large vault ([`super::stream`]). An armored file streams
/// through the age crate.
pub fn decrypt_file(
    file: &std::fs::File,
    len: u64,
    unlock: &Unlock,
) -> Result<Decrypted, VaultError> {
    use std::io::BufRead;
    // The header is read from the start whatever the file's cursor (an
    // error here shows as a header that cannot be read).
    let mut start = file;
    let _ = std::io::Seek::rewind(&mut start);
    // The header is a few kilobytes; the payload is read by position.
    let mut input = std::io::BufReader::with_capacity(8 << 10, Read::take(file, MAX_FILE_BYTES));
    let binary = input
        .fill_buf()
        .is_ok_and(|b| b.starts_with(b"age-encryption.org/v1\n"));
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    decrypt_from(input, len, unlock, binary.then_some(file))
}

/// An identity that keeps a copy of the file key it unwraps, so the
/// payload can be decrypted from the file by position ([`super::stream`]).
struct KeyCatcher<'a> {
    inner: &'a dyn Identity,
    key: std::cell::RefCell<Option<zeroize::Zeroizing<[u8; 16]>>>,
}

impl KeyCatcher<'_> {
    fn keep(
        &self,
        r: Option<Result<age_core::format::FileKey, age::DecryptError>>,
    ) -> Option<Result<age_core::format::FileKey, age::DecryptError>> {
        if let Some(Ok(k)) = &r {
            use age_core::secrecy::ExposeSecret;
            *self.key.borrow_mut() = Some(zeroize::Zeroizing::new(*k.expose_secret()));
        }
        r
    }
}

impl Identity for KeyCatcher<'_> {
    fn unwrap_stanza(
        &self,
        stanza: &age_core::format::Stanza,
    ) -> Option<Result<age_core::format::FileKey, age::DecryptError>> {
        self.keep(self.inner.unwrap_stanza(stanza))
    }

    fn unwrap_stanzas(
        &self,
        stanzas: &[age_core::format::Stanza],
    ) -> Option<Result<age_core::format::FileKey, age::DecryptError>> {
        self.keep(self.inner.unwrap_stanzas(stanzas))
    }
}

/// The one decryption path: the header through the age crate; the payload
/// from `file` by position when given (binary files), else streamed.
fn decrypt_from<R: std::io::BufRead>(
    input: R,
    len: usize,
    unlock: &Unlock,
    file: Option<&std::fs::File>,
) -> Result<Decrypted, VaultError> {
    if len == 0 {
        return Err(corrupt("the vault file is empty"));
    }
    // The header is measured before the age crate parses it (hostile
    // headers would otherwise cost minutes: see `header`).
    let budget = header::budget();
    let (decryptor, header_len) =
        header::open_decryptor_at(input, &budget).map_err(|e| match e {
            header::OpenError::Header(h) => {
                corrupt(crate::tr!("vault-header-refused", reason = h.to_string()))
            }
            header::OpenError::Age(age::DecryptError::UnknownFormat) => {
                corrupt("the file is not an age v1 file (unknown format or version line)")
            }
            header::OpenError::Age(_) => {
                corrupt("the file is not a valid age file (its header cannot be read)")
            }
        })?;
    let observer = HeaderObserver(Default::default());
    let pass_id;
    let mut real: Vec<&dyn Identity> = Vec::new();
    match unlock {
        Unlock::Passphrase(p) => {
            pass_id = Some(PassphraseIdentity::new(p.clone()));
            if let Some(p) = &pass_id {
                real.push(p);
            }
        }
        Unlock::Identities(list) => {
            pass_id = None;
            real.extend(list.iter().map(|i| i as &dyn Identity));
        }
    }
    let catchers: Vec<KeyCatcher<'_>> = real
        .into_iter()
        .map(|inner| KeyCatcher {
            inner,
            key: Default::default(),
        })
        .collect();
    let ids = std::iter::once(&observer as &dyn Identity)
        .chain(catchers.iter().map(|c| c as &dyn Identity));
    let result = decryptor.decrypt(ids);
    let mut reader = match result {
        Ok(r) => r,
        Err(e) => {
            if let Some(p) = &pass_id {
                match p.outcome() {
                    PassphraseOutcome::Malformed(msg) => {
                        return Err(corrupt(crate::tr!("vault-stanza-invalid", why = msg)))
                    }
                    PassphraseOutcome::Memory(msg) => return Err(corrupt(msg)),
                    PassphraseOutcome::NoStanza => return Err(forged(NO_PASSPHRASE_STANZA)),
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
                other => corrupt(crate::tr!(
                    "vault-decryption-failed",
                    error = other.to_string()
                )),
            });
        }
    };
    let header = observer.0.into_inner();
    let (opened_by, derived, identities) = match unlock {
        Unlock::Passphrase(_) => (
            OpenedBy::Passphrase,
            pass_id.as_ref().and_then(|p| p.take_derived()),
            Vec::new(),
        ),
        Unlock::Identities(list) => {
            let used = list
                .iter()
                .find(|i| i.was_used())
                .ok_or_else(|| VaultError::Internal("no identity recorded the unlock".into()))?;
            (
                OpenedBy::OtherIdentity(used.recipient.clone()),
                None,
                list.iter().map(|i| i.text.clone()).collect(),
            )
        }
    };
    let failed =
        || corrupt("the encrypted contents fail authentication: the file is damaged or truncated");
    let file_key = catchers.iter().find_map(|c| c.key.borrow_mut().take());
    // A large payload's authentication code is computed on a second
    // thread beside the parse that follows. The thread starts now, and
    // waits for the plaintext, so that it is already running on the other
    // core when the plaintext is ready (a thread started later may wait
    // milliseconds for a core).
    let (mac_in, pending_mac) = match file {
        Some(_) if len >= EARLY_MAC_MIN_BYTES => start_early_mac(&opened_by, &derived, &identities),
        _ => (None, None),
    };
    let plaintext = match (file, file_key) {
        // The age crate has checked the header's MAC under this file key
        // (it returns the reader only then).
        (Some(file), Some(file_key)) => {
            drop(reader);
            super::stream::decrypt_file(&super::stream::Payload {
                file,
                offset: header_len as u64,
                file_len: len as u64,
                file_key: &file_key,
            })
            .map_err(|_| failed())?
        }
        _ => {
            // The plaintext is a little shorter than the file: one
            // allocation.
            let mut plain = zeroize::Zeroizing::new(Vec::with_capacity(len));
            reader.read_to_end(&mut plain).map_err(|_| failed())?;
            SecretBytes::new(std::mem::take(&mut *plain))
        }
    };
    let plaintext = std::sync::Arc::new(plaintext);
    if let Some(tx) = mac_in {
        // A thread that has gone leaves the code to `authenticate`.
        let _ = tx.send(plaintext.clone());
    }
    Ok(Decrypted {
        plaintext,
        opened_by,
        derived,
        header,
        identities,
        pending_mac: std::sync::Mutex::new(pending_mac),
    })
}

/// The authenticity check, the one rule every path goes through (open,
/// the read-only view, backups, restore, recovery, the TUI). It decides
/// what the open proves and returns the path to report:
///
/// - the header must be what lifeboat writes for these contents: exactly
///   one passphrase stanza, with the payload's KDF salt and parameters,
///   one X25519 stanza per key the payload lists (the recovery key and
///   each extra recipient) and, from version 2, exactly one
///   authentication stanza;
/// - **passphrase**: version 2: the derived `K` opens the inner envelope,
///   which holds that same `K`; version 1: the payload's `K` equals it;
/// - **recovery key** (any identity given): version 2: it opens the inner
///   envelope, which holds that very identity; version 1: the payload
///   holds that very identity. Compared as the identity in hand's own
///   recipient, never a recipient string from the payload;
/// - version 2, both paths: the payload's HMAC-SHA256 under the inner
///   envelope's authentication key equals the authentication stanza;
/// - **another identity** listed in the payload: nothing can be proved
///   (whoever holds it can read, and so can write, the same payload).
///   Reported as [`OpenedBy::OtherIdentity`]: unverified, read-only; the
///   secrets are forgotten.
///
/// Anything else is a possible forgery ([`VaultError::Forged`]).
fn authenticate(
    plain: &[u8],
    version: u32,
    keys: &mut Keys,
    recipients: &[ExtraRecipient],
    d: &Decrypted,
    early: Option<&EarlyMac>,
) -> Result<OpenedBy, VaultError> {
    let h = &d.header;
    match h.passphrase.as_slice() {
        [] => return Err(forged(NO_PASSPHRASE_STANZA)),
        [Ok((salt, params))] => {
            if salt.as_slice() != keys.passphrase.salt.expose() || *params != keys.passphrase.params
            {
                return Err(forged(
                    "the passphrase stanza's salt or cost does not match the vault's contents",
                ));
            }
        }
        [Err(msg)] => {
            return Err(corrupt(crate::tr!(
                "vault-stanza-invalid",
                why = msg.as_str()
            )))
        }
        more => {
            return Err(forged(crate::tr!(
                "vault-many-passphrase-stanzas",
                n = more.len()
            )))
        }
    }
    if h.x25519 != 1 + recipients.len() {
        return Err(forged(crate::tr!(
            "vault-key-count",
            keys = h.x25519,
            listed = 1 + recipients.len(),
            extra = recipients.len()
        )));
    }
    let listed = |r: &str| recipients.iter().any(|x| x.recipient == r);
    let opened = if version >= 2 {
        let Some(sealed) = keys.sealed.clone() else {
            return Err(forged("the contents have no key envelope"));
        };
        let mac = match h.macs.as_slice() {
            [m] => m.clone(),
            [] => return Err(forged("the file has no authentication stanza")),
            more => return Err(forged(crate::tr!("vault-many-mac-stanzas", n = more.len()))),
        };
        let opened = match &d.opened_by {
            OpenedBy::Passphrase => {
                let k = d
                    .derived
                    .as_ref()
                    .ok_or_else(|| forged("the passphrase open left no key"))?;
                let inner = open_inner(&sealed, &[&DerivedKeyIdentity(k)])?.ok_or_else(|| {
                    forged("the passphrase does not open the vault's key envelope")
                })?;
                if inner.passphrase_key != k.key {
                    return Err(forged(
                        "the key envelope holds another passphrase key than the passphrase gives",
                    ));
                }
                adopt(keys, inner);
                OpenedBy::Passphrase
            }
            OpenedBy::RecoveryKey | OpenedBy::OtherIdentity(_) => {
                let given = parse_all(&d.identities)?;
                let refs: Vec<&dyn Identity> = given.iter().map(|i| i as &dyn Identity).collect();
                match open_inner(&sealed, &refs)? {
                    Some(inner) => {
                        let holder = given.iter().find(|i| i.was_used()).ok_or_else(|| {
                            VaultError::Internal("no identity recorded the unlock".into())
                        })?;
                        let inside = NamedIdentity::parse(inner.recovery_identity.expose())
                            .map_err(|_| forged("the key envelope's recovery key is malformed"))?;
                        if inside.recipient != holder.recipient {
                            return Err(forged(
                                "the key envelope opens with this key but holds another recovery key",
                            ));
                        }
                        adopt(keys, inner);
                        OpenedBy::RecoveryKey
                    }
                    None => other_identity(d, keys, &listed)?,
                }
            }
        };
        if !matches!(opened, OpenedBy::OtherIdentity(_)) {
            // The code computed ahead counts only when it was made under
            // this very key, the one the checks above just proved.
            let want = match early {
                Some(e)
                    if bool::from(subtle::ConstantTimeEq::ct_eq(
                        e.auth_key.expose(),
                        keys.auth_key.expose(),
                    )) =>
                {
                    e.mac
                }
                _ => payload_mac(keys.auth_key.expose(), plain),
            };
            if !bool::from(subtle::ConstantTimeEq::ct_eq(&want[..], mac.as_slice())) {
                return Err(forged(
                    "the contents do not match their authentication code: they were written by someone who holds neither the passphrase nor the recovery key",
                ));
            }
        }
        opened
    } else {
        if !h.macs.is_empty() {
            return Err(forged(
                "a version-1 payload in a file with an authentication stanza",
            ));
        }
        if keys.sealed.is_some() || !keys.known() {
            return Err(corrupt(
                "the version-1 `keys` section is incomplete or mixed with version 2",
            ));
        }
        let inside = NamedIdentity::parse(keys.recovery_identity.expose())
            .map_err(|_| forged("the vault's recovery key is malformed"))?;
        match &d.opened_by {
            OpenedBy::Passphrase => {
                let k = d
                    .derived
                    .as_ref()
                    .ok_or_else(|| forged("the passphrase open left no key"))?;
                if k.key != keys.passphrase.key || k.salt != keys.passphrase.salt {
                    return Err(forged(
                        "the vault holds another passphrase key than the passphrase gives",
                    ));
                }
                OpenedBy::Passphrase
            }
            OpenedBy::RecoveryKey | OpenedBy::OtherIdentity(_) => {
                let given = parse_all(&d.identities)?;
                if given.iter().any(|g| g.recipient == inside.recipient) {
                    OpenedBy::RecoveryKey
                } else {
                    other_identity(d, keys, &listed)?
                }
            }
        }
    };
    if matches!(opened, OpenedBy::OtherIdentity(_)) {
        keys.forget_secrets();
    } else {
        let inside = NamedIdentity::parse(keys.recovery_identity.expose())
            .map_err(|_| forged("the vault's recovery key is malformed"))?;
        if inside.recipient != keys.recovery_recipient {
            return Err(forged(
                "the vault's recovery key does not match its recovery recipient",
            ));
        }
    }
    Ok(opened)
}

/// Below this many bytes of payload the authentication code is computed
/// after the parse, on the same thread: the thread and the second opening
/// of the key envelope cost about as much as the overlap saves (measured:
/// a 1,000-item vault of 350 KB gained nothing).
const EARLY_MAC_MIN_BYTES: usize = 1024 * 1024;

/// The payload's authentication code, computed on a second thread while
/// the parse runs on the first (both are full passes over the payload, and
/// the code is needed only once the parse has found and checked `keys`).
/// Only a head start: [`authenticate`] uses it when its key is the very
/// authentication key that the fully checked open proved, and computes the
/// code itself otherwise. Nothing is printed before [`authenticate`] has
/// compared the code.
struct EarlyMac {
    auth_key: SecretBytes,
    mac: [u8; 32],
}

/// Runs `parse` on this thread and [`early_mac`] on a second one, for a
/// payload large enough to gain from it.
fn with_early_mac<T>(d: &Decrypted, parse: impl FnOnce() -> T) -> (T, Option<EarlyMac>) {
    let pending = d.pending_mac.lock().ok().and_then(|mut p| p.take());
    if let Some(h) = pending {
        let parsed = parse();
        return (parsed, h.join().ok().flatten());
    }
    if d.plaintext.len() < EARLY_MAC_MIN_BYTES {
        return (parse(), None);
    }
    std::thread::scope(|s| {
        let early = std::thread::Builder::new()
            .name("lifeboat-mac".into())
            .spawn_scoped(s, || {
                early_mac(
                    d.plaintext.expose(),
                    &d.opened_by,
                    &d.derived,
                    &d.identities,
                )
            });
        let parsed = parse();
        // A thread that could not start, or failed, leaves the code to
        // `authenticate`.
        let early = early.ok().and_then(|h| h.join().ok()).flatten();
        (parsed, early)
    })
}

/// The authentication code under the key in the key envelope, found by a
/// quick look at the end of the payload (lifeboat writes `keys` last) and
/// opened with the unlock at hand. `None` when anything is not as lifeboat
/// writes it: the full checks then run without the head start.
fn early_mac(
    plain: &[u8],
    opened_by: &OpenedBy,
    derived: &Option<PassphraseKey>,
    identities: &[SecretString],
) -> Option<EarlyMac> {
    #[derive(Deserialize)]
    struct SealedOnly {
        sealed: Option<String>,
    }
    const KEY: &[u8] = b"\"keys\":";
    // `keys` is a few kilobytes at most (the envelope is capped).
    const TAIL: usize = 64 * 1024;
    let tail = &plain[plain.len().saturating_sub(TAIL)..];
    let at = tail.windows(KEY.len()).rposition(|w| w == KEY)? + KEY.len();
    let mut de = serde_json::Deserializer::from_slice(&tail[at..]);
    let sealed = SealedOnly::deserialize(&mut de).ok()?.sealed?;
    let inner = match opened_by {
        OpenedBy::Passphrase => {
            let k = derived.as_ref()?;
            open_inner(&sealed, &[&DerivedKeyIdentity(k)]).ok()??
        }
        OpenedBy::RecoveryKey | OpenedBy::OtherIdentity(_) => {
            let given = parse_all(identities).ok()?;
            let refs: Vec<&dyn Identity> = given.iter().map(|i| i as &dyn Identity).collect();
            open_inner(&sealed, &refs).ok()??
        }
    };
    let mac = payload_mac(inner.auth_key.expose(), plain);
    Some(EarlyMac {
        auth_key: inner.auth_key,
        mac,
    })
}

/// The plaintext, handed to the thread [`start_early_mac`] started.
type MacInput = std::sync::mpsc::SyncSender<std::sync::Arc<SecretBytes>>;

/// Starts the thread that computes the authentication code ahead once it
/// is handed the plaintext (see [`with_early_mac`]). It ends without a
/// code if the sender is dropped (the payload did not decrypt).
fn start_early_mac(
    opened_by: &OpenedBy,
    derived: &Option<PassphraseKey>,
    identities: &[SecretString],
) -> (
    Option<MacInput>,
    Option<std::thread::JoinHandle<Option<EarlyMac>>>,
) {
    let (tx, rx) = std::sync::mpsc::sync_channel::<std::sync::Arc<SecretBytes>>(1);
    let (opened_by, derived, identities) =
        (opened_by.clone(), derived.clone(), identities.to_vec());
    let spawned = std::thread::Builder::new()
        .name("lifeboat-mac".into())
        .spawn(move || {
            let plain = rx.recv().ok()?;
            early_mac(plain.expose(), &opened_by, &derived, &identities)
        });
    match spawned {
        Ok(h) => (Some(tx), Some(h)),
        Err(_) => (None, None),
    }
}

/// An identity open that proved nothing: an extra recipient the payload
/// lists (unverified, read-only), or else a possible forgery.
fn other_identity(
    d: &Decrypted,
    keys: &Keys,
    listed: &dyn Fn(&str) -> bool,
) -> Result<OpenedBy, VaultError> {
    let OpenedBy::OtherIdentity(r) = &d.opened_by else {
        return Err(VaultError::Internal("not an identity open".into()));
    };
    if *r == keys.recovery_recipient {
        return Err(forged(
            "this key is the vault's recovery recipient, but the vault does not hold it as its recovery key",
        ));
    }
    if listed(r) {
        Ok(OpenedBy::OtherIdentity(r.clone()))
    } else {
        Err(forged(
            "the key that opened the file is not one the vault's contents list",
        ))
    }
}

fn parse_all(texts: &[SecretString]) -> Result<Vec<NamedIdentity>, VaultError> {
    texts
        .iter()
        .map(|t| NamedIdentity::parse(t.expose()))
        .collect::<Result<_, _>>()
        .map_err(|e| VaultError::Internal(e.to_string()))
}

/// Takes the proved secrets from the inner envelope.
fn adopt(keys: &mut Keys, inner: InnerKeys) {
    keys.recovery_identity = inner.recovery_identity;
    keys.passphrase.key = inner.passphrase_key;
    keys.auth_key = inner.auth_key;
}

/// The payload as a read-only command sees it: only what the authenticity
/// check needs (`format`, `version`, `recipients`, `keys`, parsed by the
/// same rules as in [`Payload`]) and the items as borrowed JSON text. The
/// other sections (the playbooks, settings, history, audit log and the
/// revision metadata, `sync`) are skipped unparsed: no read-only command
/// prints them, and the age layer and the authentication code already
/// vouch for every byte. Keep these fields in step with [`Payload`].
#[derive(Deserialize)]
struct PayloadView<'a> {
    format: String,
    version: u32,
    #[serde(default, borrow)]
    items: Vec<&'a serde_json::value::RawValue>,
    #[serde(default)]
    recipients: Vec<ExtraRecipient>,
    keys: Keys,
}

/// One item of a [`View`]: its JSON text, read only as far as a command
/// needs it.
#[derive(Debug, Clone, Copy)]
pub struct ItemEntry<'a> {
    raw: &'a serde_json::value::RawValue,
    /// The whole payload, to report an error's position in it.
    whole: &'a str,
}

impl<'a> ItemEntry<'a> {
    /// The item's `id` and `name` (what finding it needs).
    pub fn id_and_name(&self) -> Result<(Text<'a>, Text<'a>), VaultError> {
        id_and_name(self.raw.get()).map_err(|e| self.error(&e))
    }

    /// The whole item, secret included (into zeroizing types), checked as
    /// a full open checks it.
    pub fn item(&self) -> Result<Item, VaultError> {
        serde_json::from_str(self.raw.get()).map_err(|e| self.error(&e))
    }

    /// The item's non-secret fields (for `list`); the secret is read no
    /// further than its kind.
    pub fn head(&self) -> Result<ItemHead<'a>, VaultError> {
        serde_json::from_str(self.raw.get()).map_err(|e| self.error(&e))
    }

    /// A parse error in this item, positioned in the whole payload as a
    /// full parse reports it, without quoting values.
    fn error(&self, e: &serde_json::Error) -> VaultError {
        let offset = self.raw.get().as_ptr() as usize - self.whole.as_ptr() as usize;
        let before = &self.whole[..offset];
        let line = 1 + before.matches('\n').count();
        let col0 = before.len() - before.rfind('\n').map_or(0, |i| i + 1);
        let (l, c) = if e.line() == 1 {
            (line, col0 + e.column())
        } else {
            (line + e.line() - 1, e.column())
        };
        format_mismatch(e, l, c)
    }
}

/// An item's `id` and `name`. lifeboat writes every item starting
/// `{"id":"…","name":"…",`; when the two strings need no unescaping they
/// are taken straight from the text (the item was already checked to be
/// well-formed JSON, so they hold no control characters), which reads a
/// few dozen bytes of each item instead of all of it. Anything else (other
/// key order, escapes, whitespace) is parsed.
fn id_and_name(raw: &str) -> Result<(Text<'_>, Text<'_>), serde_json::Error> {
    fn plain_string(s: &str) -> Option<(&str, &str)> {
        let end = s.find(['"', '\\'])?;
        (s.as_bytes()[end] == b'"').then(|| (&s[..end], &s[end + 1..]))
    }
    let quick = || {
        let (id, rest) = plain_string(raw.strip_prefix(r#"{"id":""#)?)?;
        let (name, _) = plain_string(rest.strip_prefix(r#","name":""#)?)?;
        Some((id, name))
    };
    if let Some((id, name)) = quick() {
        return Ok((Text(id.into()), Text(name.into())));
    }
    #[derive(Deserialize)]
    struct IdName<'a> {
        #[serde(borrow)]
        id: Text<'a>,
        #[serde(borrow)]
        name: Text<'a>,
    }
    let both: IdName<'_> = serde_json::from_str(raw)?;
    Ok((both.id, both.name))
}

/// A vault opened read-only (`list`, `show`, `code`): the format, version
/// and authenticity checks of [`unseal`]; each item is read only as far as
/// a command prints it. Full typed checks of every item are for the paths
/// that write or vouch for the vault ([`unseal`]: every change, `verify`,
/// `backup`, `doctor`), so a damaged item cannot be saved, while the items
/// around it stay readable.
#[derive(Debug)]
pub struct View<'a> {
    /// The unlock path used.
    pub opened_by: OpenedBy,
    items: Vec<&'a serde_json::value::RawValue>,
    whole: &'a str,
}

impl<'a> View<'a> {
    /// How many items the vault holds.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when the vault holds no item.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The items, in vault order.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = ItemEntry<'a>> + '_ {
        self.items.iter().map(|raw| ItemEntry {
            raw,
            whole: self.whole,
        })
    }

    /// The `n`th item.
    pub fn entry(&self, n: usize) -> Option<ItemEntry<'a>> {
        self.items.get(n).map(|raw| ItemEntry {
            raw,
            whole: self.whole,
        })
    }
}

/// Makes a [`View`] of decrypted contents (see [`decrypt_reader`]).
pub fn view(decrypted: &Decrypted) -> Result<View<'_>, VaultError> {
    let bytes = decrypted.plaintext.expose();
    let text = std::str::from_utf8(bytes).map_err(|_| VaultError::Corrupt {
        reason: "the decrypted contents are not valid JSON (not UTF-8 text)".into(),
    })?;
    let (head, early) = with_early_mac(decrypted, || serde_json::from_str::<PayloadView<'_>>(text));
    let mut head = match head {
        Ok(p) => p,
        // The full parse gives the same messages for every failure.
        Err(_) => {
            return Err(Payload::from_json(bytes).err().unwrap_or_else(|| {
                VaultError::Internal("the vault parses in full but not as a view".into())
            }))
        }
    };
    Payload::check_head(Some(&head.format), Some(head.version))?;
    let opened_by = authenticate(
        bytes,
        head.version,
        &mut head.keys,
        &head.recipients,
        decrypted,
        early.as_ref(),
    )?;
    Ok(View {
        opened_by,
        items: head.items,
        whole: text,
    })
}

/// Verifies freshly written bytes: they must decrypt with the recovery key
/// to exactly `expected`, pass the authenticity check on that path (inner
/// envelope and authentication code), and carry a passphrase stanza that
/// the stored passphrase key unwraps.
pub fn verify_written(bytes: &[u8], payload: &Payload, expected: &[u8]) -> Result<(), VaultError> {
    let recovery = NamedIdentity::parse(payload.keys.recovery_identity.expose())
        .map_err(|e| VaultError::Internal(e.to_string()))?;
    let decrypted = decrypt_bytes(bytes, &Unlock::Identities(vec![recovery]))?;
    if decrypted.plaintext.expose() != expected {
        return Err(VaultError::Internal(
            "the written file does not read back to what was written".into(),
        ));
    }
    // The bytes are the serialization of `payload`, so its keys and
    // recipients are what a full parse would find: no need to parse again.
    let mut keys = payload.keys.clone();
    let opened = authenticate(
        expected,
        payload.version,
        &mut keys,
        &payload.recipients,
        &decrypted,
        None,
    )?;
    if opened != OpenedBy::RecoveryKey || keys != payload.keys {
        return Err(VaultError::Internal(
            "the written file does not prove itself with the recovery key".into(),
        ));
    }
    // The passphrase path must work too: a save must never leave the user
    // with a vault their passphrase no longer opens.
    let budget = header::budget();
    let dec = header::open_decryptor(bytes, &budget)
        .map_err(|_| VaultError::Internal("the written header cannot be read back".into()))?;
    let id = DerivedKeyIdentity(&payload.keys.passphrase);
    // Opening the header is enough: `decrypt` checks the header MAC with the
    // file key this stanza unwraps, so success means it is the same file key
    // the recovery key unwrapped above, and the payload (already decrypted
    // and compared) reads the same. Decrypting it a second time would cost a
    // full pass over the vault on every save. The inner envelope's
    // passphrase stanza is checked the same way.
    dec.decrypt(std::iter::once(&id as &dyn Identity))
        .map_err(|_| {
            VaultError::Internal("the passphrase stanza does not open the written file".into())
        })?;
    if let Some(sealed) = &payload.keys.sealed {
        if open_inner(sealed, &[&id])?.is_none() {
            return Err(VaultError::Internal(
                "the passphrase does not open the written key envelope".into(),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fast() -> KdfParams {
        KdfParams {
            m_kib: 8 * 1024,
            t: 1,
            p: 1,
        }
    }

    fn new_payload() -> Payload {
        let rk = NamedIdentity::generate();
        let pk = super::super::crypto::new_passphrase_key(&"pw".into(), fast()).unwrap();
        Payload::new(Keys::new(&rk, pk))
    }

    fn recovery_of(p: &Payload) -> Unlock {
        Unlock::Identities(vec![NamedIdentity::parse(
            p.keys.recovery_identity.expose(),
        )
        .unwrap()])
    }

    /// Encrypts `json` as lifeboat's header would, with a chosen
    /// authentication stanza (or none) and extra X25519 recipients.
    fn encrypt_parts(
        keys: &Keys,
        json: &[u8],
        mac: Option<[u8; 32]>,
        extra: &[age::x25519::Recipient],
    ) -> Vec<u8> {
        let pass = PassphraseRecipient(&keys.passphrase);
        let rec: age::x25519::Recipient = keys.recovery_recipient.parse().unwrap();
        let m = mac.map(MacRecipient);
        let mut r: Vec<&dyn age::Recipient> = vec![&pass, &rec];
        if let Some(m) = &m {
            r.push(m);
        }
        r.extend(extra.iter().map(|x| x as &dyn age::Recipient));
        let enc = age::Encryptor::with_recipients(r.into_iter()).unwrap();
        let mut out = Vec::new();
        let mut w = enc.wrap_output(&mut out).unwrap();
        w.write_all(json).unwrap();
        w.finish().unwrap();
        out
    }

    fn is_forged(r: Result<Unsealed, VaultError>, why: &str) {
        match r {
            Err(VaultError::Forged { reason }) => assert!(reason.contains(why), "{reason}"),
            other => panic!("expected a forgery ({why}), got {other:?}"),
        }
    }

    #[test]
    fn every_proved_path_fills_the_keys_and_extra_identities_prove_nothing() {
        let mut p = new_payload();
        let extra = NamedIdentity::generate();
        p.recipients.push(ExtraRecipient {
            recipient: extra.recipient.clone(),
            added: now_utc(),
        });
        let (bytes, _) = seal(&mut p).unwrap();
        let u = unseal(&bytes, &Unlock::Passphrase("pw".into())).unwrap();
        assert_eq!(u.opened_by, OpenedBy::Passphrase);
        assert_eq!(u.payload.keys, p.keys);
        let u = unseal(&bytes, &recovery_of(&p)).unwrap();
        assert_eq!(u.opened_by, OpenedBy::RecoveryKey);
        assert_eq!(u.payload.keys, p.keys);
        let u = unseal(&bytes, &Unlock::Identities(vec![extra])).unwrap();
        assert_eq!(
            u.opened_by,
            OpenedBy::OtherIdentity(p.recipients[0].recipient.clone())
        );
        assert!(!u.opened_by.is_verified());
        assert!(!u.payload.keys.known() && u.payload.keys.auth_key.is_empty());
        // The read-only view applies the same rule.
        let d = decrypt_bytes(&bytes, &recovery_of(&p)).unwrap();
        assert_eq!(view(&d).unwrap().opened_by, OpenedBy::RecoveryKey);
    }

    /// A payload past the size at which the authentication code is
    /// computed on a second thread.
    fn large_payload() -> Payload {
        let mut p = new_payload();
        for n in 0..1500 {
            p.items.push(Item::new(
                format!("item-{n:05}"),
                crate::item::Secret::Note {
                    text: "x".repeat(700).into(),
                },
            ));
        }
        p
    }

    #[test]
    fn the_code_computed_ahead_matches_and_changed_contents_still_fail() {
        let mut p = large_payload();
        let (bytes, json) = seal(&mut p).unwrap();
        assert!(json.len() >= EARLY_MAC_MIN_BYTES);
        // Genuine: the head start is the code under the proved key, and
        // every path opens.
        let d = decrypt_bytes(&bytes, &recovery_of(&p)).unwrap();
        let early = early_mac(
            d.plaintext.expose(),
            &d.opened_by,
            &d.derived,
            &d.identities,
        )
        .expect("a head start for a genuine vault");
        assert_eq!(early.auth_key, p.keys.auth_key);
        assert_eq!(
            early.mac,
            payload_mac(p.keys.auth_key.expose(), json.expose())
        );
        assert_eq!(view(&d).unwrap().opened_by, OpenedBy::RecoveryKey);
        let u = unseal(&bytes, &Unlock::Passphrase("pw".into())).unwrap();
        assert_eq!(u.opened_by, OpenedBy::Passphrase);
        assert_eq!(
            unseal(&bytes, &recovery_of(&p))
                .unwrap()
                .payload
                .items
                .len(),
            1500
        );
        // Changed contents under the genuine code: refused by the full
        // open on both paths and by the read-only view.
        let mut changed = p.clone();
        changed.items[700].name = "planted".into();
        let json2 = changed.to_json().unwrap();
        let genuine_mac = payload_mac(p.keys.auth_key.expose(), json.expose());
        let bytes = encrypt_parts(&p.keys, json2.expose(), Some(genuine_mac), &[]);
        is_forged(
            unseal(&bytes, &Unlock::Passphrase("pw".into())),
            "authentication code",
        );
        is_forged(unseal(&bytes, &recovery_of(&p)), "authentication code");
        let d = decrypt_bytes(&bytes, &recovery_of(&p)).unwrap();
        match view(&d) {
            Err(VaultError::Forged { reason }) => {
                assert!(reason.contains("authentication code"), "{reason}")
            }
            other => panic!("expected a forgery, got {other:?}"),
        }
        // The same from a file: there the thread is started before the
        // payload is decrypted and handed the plaintext afterwards.
        let from_file = |b: &[u8], unlock: &Unlock| {
            let mut f = tempfile::tempfile().unwrap();
            f.write_all(b).unwrap();
            let d = decrypt_file(&f, b.len() as u64, unlock).unwrap();
            assert!(
                d.pending_mac.lock().unwrap().is_some(),
                "the code is computed on the thread started early"
            );
            d
        };
        for unlock in [Unlock::Passphrase("pw".into()), recovery_of(&p)] {
            let d = from_file(&bytes, &unlock);
            match view(&d) {
                Err(VaultError::Forged { reason }) => {
                    assert!(reason.contains("authentication code"), "{reason}")
                }
                other => panic!("expected a forgery, got {other:?}"),
            }
            is_forged(
                unseal_decrypted(from_file(&bytes, &unlock)),
                "authentication code",
            );
        }
        let (genuine, _) = seal(&mut p).unwrap();
        let d = from_file(&genuine, &recovery_of(&p));
        assert_eq!(view(&d).unwrap().opened_by, OpenedBy::RecoveryKey);
        let u = unseal_decrypted(from_file(&genuine, &Unlock::Passphrase("pw".into()))).unwrap();
        assert_eq!(u.opened_by, OpenedBy::Passphrase);
        assert_eq!(u.payload.items.len(), 1500);
    }

    #[test]
    fn a_code_computed_ahead_counts_only_under_the_proved_key() {
        let mut p = new_payload();
        let (_, json) = seal(&mut p).unwrap();
        let mut changed = p.clone();
        changed.items.push(Item::new(
            "planted",
            crate::item::Secret::Note { text: "x".into() },
        ));
        let json2 = changed.to_json().unwrap();
        let genuine_mac = payload_mac(p.keys.auth_key.expose(), json.expose());
        let bytes = encrypt_parts(&p.keys, json2.expose(), Some(genuine_mac), &[]);
        let d = decrypt_bytes(&bytes, &recovery_of(&p)).unwrap();
        let check = |early: &EarlyMac| {
            let mut parsed = Payload::from_json(d.plaintext.expose()).unwrap();
            authenticate(
                d.plaintext.expose(),
                parsed.version,
                &mut parsed.keys,
                &parsed.recipients,
                &d,
                Some(early),
            )
        };
        // A head start that claims the stanza's code under another key is
        // ignored: the code is computed again under the proved key.
        let decoy = EarlyMac {
            auth_key: SecretBytes::new(vec![7; AUTH_KEY_LEN]),
            mac: genuine_mac,
        };
        match check(&decoy) {
            Err(VaultError::Forged { reason }) => {
                assert!(reason.contains("authentication code"), "{reason}")
            }
            other => panic!("expected a forgery, got {other:?}"),
        }
        // Under the proved key it is used as it is: the real one fails.
        let real = early_mac(
            d.plaintext.expose(),
            &d.opened_by,
            &d.derived,
            &d.identities,
        )
        .unwrap();
        assert!(matches!(check(&real), Err(VaultError::Forged { .. })));
    }

    #[test]
    fn changed_contents_fail_the_authentication_code() {
        let mut p = new_payload();
        let (_, json) = seal(&mut p).unwrap();
        let mut changed = p.clone();
        changed.items.push(Item::new(
            "planted",
            crate::item::Secret::Note { text: "x".into() },
        ));
        let json2 = changed.to_json().unwrap();
        // The genuine code for the genuine contents, the changed contents.
        let genuine_mac = payload_mac(p.keys.auth_key.expose(), json.expose());
        let bytes = encrypt_parts(&p.keys, json2.expose(), Some(genuine_mac), &[]);
        is_forged(
            unseal(&bytes, &Unlock::Passphrase("pw".into())),
            "authentication code",
        );
        is_forged(unseal(&bytes, &recovery_of(&p)), "authentication code");
        // A code under another key.
        let other = payload_mac(&[7u8; 32], json2.expose());
        let bytes = encrypt_parts(&p.keys, json2.expose(), Some(other), &[]);
        is_forged(unseal(&bytes, &recovery_of(&p)), "authentication code");
        // No code at all.
        let bytes = encrypt_parts(&p.keys, json2.expose(), None, &[]);
        is_forged(unseal(&bytes, &recovery_of(&p)), "no authentication stanza");
        // Two codes.
        let good = payload_mac(p.keys.auth_key.expose(), json.expose());
        let two = {
            let pass = PassphraseRecipient(&p.keys.passphrase);
            let rec: age::x25519::Recipient = p.keys.recovery_recipient.parse().unwrap();
            let (m1, m2) = (MacRecipient(good), MacRecipient(good));
            let r: Vec<&dyn age::Recipient> = vec![&pass, &m1, &m2, &rec];
            let enc = age::Encryptor::with_recipients(r.into_iter()).unwrap();
            let mut out = Vec::new();
            let mut w = enc.wrap_output(&mut out).unwrap();
            w.write_all(json.expose()).unwrap();
            w.finish().unwrap();
            out
        };
        is_forged(unseal(&two, &recovery_of(&p)), "2 authentication stanzas");
        // The genuine pair still opens.
        let bytes = encrypt_parts(&p.keys, json.expose(), Some(good), &[]);
        assert_eq!(
            unseal(&bytes, &recovery_of(&p)).unwrap().opened_by,
            OpenedBy::RecoveryKey
        );
    }

    #[test]
    fn an_envelope_holding_another_recovery_key_is_refused() {
        // The attacker knows the victim's public recovery recipient and
        // encrypts an envelope to it, holding their own recovery key and
        // authentication key.
        let mut victim = new_payload();
        seal(&mut victim).unwrap();
        let attacker = NamedIdentity::generate();
        let mut fake = victim.clone();
        fake.keys.recovery_identity = attacker.text.clone();
        fake.keys.recovery_recipient = attacker.recipient.clone();
        let inner = InnerKeys {
            format: KEYS_FORMAT.into(),
            version: 1,
            recovery_identity: attacker.text.clone(),
            passphrase_key: fake.keys.passphrase.key.clone(),
            auth_key: fake.keys.auth_key.clone(),
        };
        let rec: age::x25519::Recipient = victim.keys.recovery_recipient.parse().unwrap();
        let blob = age::encrypt(&rec, &serde_json::to_vec(&inner).unwrap()).unwrap();
        use base64::Engine;
        fake.keys.sealed = Some(base64::engine::general_purpose::STANDARD.encode(blob));
        fake.keys.recovery_recipient = victim.keys.recovery_recipient.clone();
        let json = fake.to_json().unwrap();
        let mac = payload_mac(fake.keys.auth_key.expose(), json.expose());
        let bytes = encrypt_parts(&victim.keys, json.expose(), Some(mac), &[]);
        is_forged(
            unseal(&bytes, &recovery_of(&victim)),
            "holds another recovery key",
        );
    }

    #[test]
    fn header_must_match_the_contents() {
        let mut p = new_payload();
        let (_, json) = seal(&mut p).unwrap();
        let mac = payload_mac(p.keys.auth_key.expose(), json.expose());
        // Encrypted to a key the contents do not list.
        let stranger = NamedIdentity::generate();
        let r: age::x25519::Recipient = stranger.recipient.parse().unwrap();
        let bytes = encrypt_parts(&p.keys, json.expose(), Some(mac), &[r]);
        is_forged(unseal(&bytes, &recovery_of(&p)), "encrypted to 2 keys");
        is_forged(
            unseal(&bytes, &Unlock::Identities(vec![stranger])),
            "encrypted to 2 keys",
        );
        // No passphrase stanza: refused on the passphrase path too.
        let rec: age::x25519::Recipient = p.keys.recovery_recipient.parse().unwrap();
        let bytes = age::encrypt(&rec, json.expose()).unwrap();
        is_forged(
            unseal(&bytes, &recovery_of(&p)),
            "no lifeboat passphrase stanza",
        );
        is_forged(
            unseal(&bytes, &Unlock::Passphrase("pw".into())),
            "no lifeboat passphrase stanza",
        );
    }

    #[test]
    fn version_1_keeps_the_identity_in_hand_rule() {
        // A version-1 payload (secrets in the clear, no envelope).
        let mut p = new_payload();
        p.version = 1;
        let extra = NamedIdentity::generate();
        p.recipients.push(ExtraRecipient {
            recipient: extra.recipient.clone(),
            added: now_utc(),
        });
        let json = p.to_json().unwrap();
        let xr: age::x25519::Recipient = extra.recipient.parse().unwrap();
        let bytes = encrypt_parts(&p.keys, json.expose(), None, &[xr]);
        assert_eq!(
            unseal(&bytes, &recovery_of(&p)).unwrap().opened_by,
            OpenedBy::RecoveryKey
        );
        assert_eq!(
            unseal(&bytes, &Unlock::Passphrase("pw".into()))
                .unwrap()
                .opened_by,
            OpenedBy::Passphrase
        );
        let u = unseal(
            &bytes,
            &Unlock::Identities(vec![NamedIdentity::parse(extra.text.expose()).unwrap()]),
        )
        .unwrap();
        assert!(!u.opened_by.is_verified());
        assert!(
            !u.payload.keys.known(),
            "an unverified open must forget the secrets"
        );
        // The victim's recovery key listed as an extra, the attacker's as the
        // recovery key: never a recovery-key open.
        let attacker = NamedIdentity::generate();
        let mut fake = p.clone();
        fake.keys.recovery_identity = attacker.text.clone();
        fake.keys.recovery_recipient = attacker.recipient.clone();
        fake.recipients[0].recipient = p.keys.recovery_recipient.clone();
        let json = fake.to_json().unwrap();
        let victim: age::x25519::Recipient = p.keys.recovery_recipient.parse().unwrap();
        let bytes = encrypt_parts(&fake.keys, json.expose(), None, &[victim]);
        let u = unseal(&bytes, &recovery_of(&p)).unwrap();
        assert_eq!(
            u.opened_by,
            OpenedBy::OtherIdentity(p.keys.recovery_recipient.clone())
        );
    }

    #[test]
    fn id_and_name_reads_every_spelling_of_an_item() {
        // lifeboat's own form (read straight from the text), then forms
        // another writer may produce (parsed): same answers as serde.
        for raw in [
            r#"{"id":"00ff","name":"Bank","secret":{}}"#,
            r#"{"id":"00ff","name":"","secret":{}}"#,
            r#"{"id":"00ff","name":"Bank \"main\"","secret":{}}"#,
            r#"{"id":"00ff","name":"\u0042ank","secret":{}}"#,
            r#"{"id":"0\u0030ff","name":"Bank","secret":{}}"#,
            r#"{ "id": "00ff", "name": "Bank" }"#,
            r#"{"name":"Bank","id":"00ff"}"#,
            r#"{"id":"00ff","account":"a","name":"交易所"}"#,
        ] {
            #[derive(Deserialize)]
            struct Both {
                id: String,
                name: String,
            }
            let want: Both = serde_json::from_str(raw).unwrap();
            let (id, name) = id_and_name(raw).unwrap();
            assert_eq!((&*id, &*name), (&*want.id, &*want.name), "{raw}");
        }
        for bad in [
            r#"{"id":"00ff"}"#,
            r#"{"id":"00ff","name":7}"#,
            r#"{"id":7,"name":"Bank"}"#,
        ] {
            assert!(id_and_name(bad).is_err(), "{bad}");
        }
    }

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
