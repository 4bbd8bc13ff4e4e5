//! The vault's own cryptography on top of age.
//!
//! This module owns the `lifeboat.dev/argon2id` passphrase stanza: Argon2id
//! parameters and their caps, key derivation, and the age [`Recipient`] and
//! [`Identity`] implementations that wrap and unwrap the file key with it. It
//! also loads X25519 identities (the recovery key and any others) from text.
//!
//! Stanza layout (see docs/vault-format.md):
//!
//! ```text
//! -> lifeboat.dev/argon2id <kdf-salt> <m-KiB> <t> <p> <wrap-salt>
//! <ChaCha20-Poly1305(wrap-key, nonce 0, file-key)>
//! ```
//!
//! The Argon2id output `K` depends on the passphrase and the KDF salt only, so
//! it can be kept (encrypted, inside the payload) and reused for every save.
//! Each save draws a fresh 16-byte wrap salt and wraps the file key under
//! `HKDF-SHA256(salt = wrap-salt, ikm = K, info = TAG)`, so no (key, nonce)
//! pair ever repeats even though the nonce is fixed at zero.

use std::cell::RefCell;
use std::collections::HashSet;

use age::{DecryptError, EncryptError, Identity, Recipient};
use age_core::format::{FileKey, Stanza, FILE_KEY_BYTES};
use age_core::secrecy::ExposeSecret;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::secret::{SecretBytes, SecretString};

/// The stanza tag of the passphrase unlock path.
pub const PASSPHRASE_TAG: &str = "lifeboat.dev/argon2id";

/// Length of the Argon2id output and of the derived wrap key.
pub const KEY_LEN: usize = 32;

const SALT_LEN: usize = 16;

/// Largest memory cost a vault header may ask for (2 GiB). Anything above is
/// treated as a hostile or corrupt header, before any work is done.
pub const MAX_MEMORY_KIB: u32 = 2 * 1024 * 1024;
/// Largest time cost a header may ask for.
pub const MAX_TIME: u32 = 16;
/// Largest parallelism a header may ask for.
pub const MAX_PARALLELISM: u32 = 16;
/// Largest total work (memory x passes, in KiB) a header may ask for: 4 GiB
/// of memory traffic, a few seconds here. Keeps a hostile file from taking
/// minutes even when each parameter is within its own cap.
pub const MAX_WORK_KIB: u64 = 4 * 1024 * 1024;
/// Smallest memory cost accepted when reading (8 MiB): below that a header
/// is not one lifeboat wrote.
pub const MIN_MEMORY_KIB: u32 = 8 * 1024;

/// Argon2id cost parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory cost in KiB.
    pub m_kib: u32,
    /// Number of passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl KdfParams {
    /// The default: 256 MiB, 4 lanes, 3 passes (about a second here).
    pub const DEFAULT: KdfParams = KdfParams {
        m_kib: 256 * 1024,
        t: 3,
        p: 4,
    };

    /// RFC 9106's second recommended option (64 MiB, t=3, p=4): the floor
    /// below which `doctor` reports the vault's KDF as weak.
    pub const RFC9106_SECOND: KdfParams = KdfParams {
        m_kib: 64 * 1024,
        t: 3,
        p: 4,
    };

    /// Checks the parameters against the caps; the error says which is off.
    pub fn check(&self) -> Result<(), String> {
        if self.m_kib < MIN_MEMORY_KIB || self.m_kib > MAX_MEMORY_KIB {
            return Err(format!(
                "Argon2id memory {} KiB is outside {}..={} KiB",
                self.m_kib, MIN_MEMORY_KIB, MAX_MEMORY_KIB
            ));
        }
        if self.t == 0 || self.t > MAX_TIME {
            return Err(format!(
                "Argon2id time cost {} is outside 1..={MAX_TIME}",
                self.t
            ));
        }
        if self.p == 0 || self.p > MAX_PARALLELISM {
            return Err(format!(
                "Argon2id parallelism {} is outside 1..={MAX_PARALLELISM}",
                self.p
            ));
        }
        if u64::from(self.m_kib) * u64::from(self.t) > MAX_WORK_KIB {
            return Err(format!(
                "Argon2id work {} MiB x {} passes exceeds the cap of {} MiB-passes",
                self.m_kib / 1024,
                self.t,
                MAX_WORK_KIB / 1024
            ));
        }
        Ok(())
    }

    /// True when weaker than RFC 9106's second recommendation.
    pub fn is_weak(&self) -> bool {
        self.m_kib < Self::RFC9106_SECOND.m_kib
            || (self.m_kib == Self::RFC9106_SECOND.m_kib && self.t < 3)
    }
}

/// The passphrase unlock path's persistent material: the KDF salt, its
/// parameters and the Argon2id output. Kept inside the encrypted payload so
/// that a session opened with any identity can still write a passphrase
/// stanza that the passphrase opens, without knowing the passphrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassphraseKey {
    /// Argon2id salt (16 random bytes).
    pub salt: SecretBytes,
    /// Argon2id parameters.
    pub params: KdfParams,
    /// Argon2id output (32 bytes).
    pub key: SecretBytes,
}

/// Errors of the vault's own cryptography.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CryptoError {
    /// Argon2 refused the parameters.
    #[error("Argon2id failed: {0}")]
    Kdf(String),
    /// The identity text is not an age identity.
    #[error("{0}")]
    BadIdentity(String),
}

/// Runs Argon2id. Parameters must already be within the caps.
pub fn derive_key(
    passphrase: &SecretString,
    salt: &[u8],
    params: KdfParams,
) -> Result<SecretBytes, CryptoError> {
    let p = argon2::Params::new(params.m_kib, params.t, params.p, Some(KEY_LEN))
        .map_err(|e| CryptoError::Kdf(e.to_string()))?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, p);
    let mut out = Zeroizing::new(vec![0u8; KEY_LEN]);
    argon
        .hash_password_into(passphrase.expose().as_bytes(), salt, &mut out)
        .map_err(|e| CryptoError::Kdf(e.to_string()))?;
    Ok(SecretBytes::new(out.to_vec()))
}

/// Makes a new passphrase key with a fresh salt.
pub fn new_passphrase_key(
    passphrase: &SecretString,
    params: KdfParams,
) -> Result<PassphraseKey, CryptoError> {
    params.check().map_err(CryptoError::Kdf)?;
    let salt = random_bytes(SALT_LEN);
    let key = derive_key(passphrase, salt.expose(), params)?;
    Ok(PassphraseKey { salt, params, key })
}

/// Fresh random bytes from the operating system.
pub fn random_bytes(n: usize) -> SecretBytes {
    use rand::RngCore;
    let mut v = vec![0u8; n];
    rand::rngs::OsRng.fill_bytes(&mut v);
    SecretBytes::new(v)
}

fn b64(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD_NO_PAD.encode(data)
}

fn unb64(s: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(s.as_bytes())
        .ok()
}

fn wrap_key(kdf_out: &[u8], wrap_salt: &[u8]) -> Zeroizing<[u8; 32]> {
    let hk = hkdf::Hkdf::<sha2::Sha256>::new(Some(wrap_salt), kdf_out);
    let mut k = Zeroizing::new([0u8; 32]);
    // 32 bytes is always a valid HKDF-SHA256 output length.
    hk.expand(PASSPHRASE_TAG.as_bytes(), k.as_mut())
        .expect("32-byte HKDF output");
    k
}

/// Wraps the file key to the passphrase path with a stored Argon2id output.
pub struct PassphraseRecipient<'a>(pub &'a PassphraseKey);

impl Recipient for PassphraseRecipient<'_> {
    fn wrap_file_key(
        &self,
        file_key: &FileKey,
    ) -> Result<(Vec<Stanza>, HashSet<String>), EncryptError> {
        let pk = self.0;
        let wrap_salt = random_bytes(SALT_LEN);
        let k = wrap_key(pk.key.expose(), wrap_salt.expose());
        let aead = ChaCha20Poly1305::new(Key::from_slice(k.as_ref()));
        let body = aead
            .encrypt(
                Nonce::from_slice(&[0u8; 12]),
                file_key.expose_secret().as_slice(),
            )
            .map_err(|_| EncryptError::Io(std::io::Error::other("wrap failed")))?;
        let stanza = Stanza {
            tag: PASSPHRASE_TAG.to_owned(),
            args: vec![
                b64(pk.salt.expose()),
                pk.params.m_kib.to_string(),
                pk.params.t.to_string(),
                pk.params.p.to_string(),
                b64(wrap_salt.expose()),
            ],
            body,
        };
        // An empty label set lets this stanza sit beside X25519 stanzas.
        Ok((vec![stanza], HashSet::new()))
    }
}

/// The parsed arguments of a passphrase stanza.
struct StanzaArgs {
    salt: Vec<u8>,
    params: KdfParams,
    wrap_salt: Vec<u8>,
}

fn parse_stanza_args(stanza: &Stanza) -> Result<StanzaArgs, String> {
    if stanza.args.len() != 5 {
        return Err(format!(
            "the passphrase stanza has {} arguments, expected 5",
            stanza.args.len()
        ));
    }
    let num = |i: usize, what: &str| -> Result<u32, String> {
        let s = &stanza.args[i];
        if s.is_empty()
            || s.len() > 10
            || !s.bytes().all(|b| b.is_ascii_digit())
            || (s.len() > 1 && s.starts_with('0'))
        {
            return Err(format!("the passphrase stanza's {what} is not a number"));
        }
        s.parse::<u32>()
            .map_err(|_| format!("the passphrase stanza's {what} is out of range"))
    };
    let salt = unb64(&stanza.args[0])
        .filter(|s| s.len() == SALT_LEN)
        .ok_or("the passphrase stanza's salt is malformed")?;
    let params = KdfParams {
        m_kib: num(1, "memory cost")?,
        t: num(2, "time cost")?,
        p: num(3, "parallelism")?,
    };
    params.check()?;
    let wrap_salt = unb64(&stanza.args[4])
        .filter(|s| s.len() == SALT_LEN)
        .ok_or("the passphrase stanza's wrap salt is malformed")?;
    if stanza.body.len() != FILE_KEY_BYTES + 16 {
        return Err("the passphrase stanza's body has the wrong length".into());
    }
    Ok(StanzaArgs {
        salt,
        params,
        wrap_salt,
    })
}

/// The KDF salt and parameters of a passphrase stanza, checked as an
/// unlock would check them (no KDF run): what the header says, to compare
/// with what the payload says.
pub fn passphrase_stanza_params(stanza: &Stanza) -> Result<(Vec<u8>, KdfParams), String> {
    parse_stanza_args(stanza).map(|a| (a.salt, a.params))
}

fn unwrap_with_key(kdf_out: &[u8], args: &StanzaArgs, body: &[u8]) -> Option<FileKey> {
    let k = wrap_key(kdf_out, &args.wrap_salt);
    let aead = ChaCha20Poly1305::new(Key::from_slice(k.as_ref()));
    let pt = Zeroizing::new(aead.decrypt(Nonce::from_slice(&[0u8; 12]), body).ok()?);
    let mut fk = Box::new([0u8; FILE_KEY_BYTES]);
    fk.copy_from_slice(&pt);
    Some(FileKey::new(fk))
}

/// What happened when the passphrase identity met the header, for precise
/// error messages (age's own errors are coarse).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PassphraseOutcome {
    /// The header has no passphrase stanza.
    NoStanza,
    /// The stanza is malformed or asks for out-of-range work.
    Malformed(String),
    /// The derived key did not unwrap the file key: wrong passphrase.
    WrongPassphrase,
    /// Unlocked.
    Unlocked,
}

/// Unwraps the passphrase stanza by running Argon2id on a passphrase. Records
/// the outcome and, on success, the derived key for later saves.
pub struct PassphraseIdentity {
    passphrase: SecretString,
    outcome: RefCell<PassphraseOutcome>,
    derived: RefCell<Option<PassphraseKey>>,
}

impl PassphraseIdentity {
    /// An identity for this passphrase.
    pub fn new(passphrase: SecretString) -> Self {
        Self {
            passphrase,
            outcome: RefCell::new(PassphraseOutcome::NoStanza),
            derived: RefCell::new(None),
        }
    }

    /// What happened at the last unwrap attempt.
    pub fn outcome(&self) -> PassphraseOutcome {
        self.outcome.borrow().clone()
    }

    /// The derived passphrase key after a successful unlock.
    pub fn take_derived(&self) -> Option<PassphraseKey> {
        self.derived.borrow_mut().take()
    }
}

impl Identity for PassphraseIdentity {
    fn unwrap_stanza(&self, stanza: &Stanza) -> Option<Result<FileKey, DecryptError>> {
        if stanza.tag != PASSPHRASE_TAG {
            return None;
        }
        // Header values are untrusted: parse and cap them before any KDF work.
        let args = match parse_stanza_args(stanza) {
            Ok(a) => a,
            Err(msg) => {
                *self.outcome.borrow_mut() = PassphraseOutcome::Malformed(msg);
                return Some(Err(DecryptError::InvalidHeader));
            }
        };
        let key = match derive_key(&self.passphrase, &args.salt, args.params) {
            Ok(k) => k,
            Err(e) => {
                *self.outcome.borrow_mut() = PassphraseOutcome::Malformed(e.to_string());
                return Some(Err(DecryptError::InvalidHeader));
            }
        };
        match unwrap_with_key(key.expose(), &args, &stanza.body) {
            Some(fk) => {
                *self.outcome.borrow_mut() = PassphraseOutcome::Unlocked;
                *self.derived.borrow_mut() = Some(PassphraseKey {
                    salt: SecretBytes::new(args.salt),
                    params: args.params,
                    key,
                });
                Some(Ok(fk))
            }
            None => {
                *self.outcome.borrow_mut() = PassphraseOutcome::WrongPassphrase;
                Some(Err(DecryptError::DecryptionFailed))
            }
        }
    }
}

/// Unwraps the passphrase stanza with an already-derived key (no KDF). Used
/// to verify a freshly written file.
pub struct DerivedKeyIdentity<'a>(pub &'a PassphraseKey);

impl Identity for DerivedKeyIdentity<'_> {
    fn unwrap_stanza(&self, stanza: &Stanza) -> Option<Result<FileKey, DecryptError>> {
        if stanza.tag != PASSPHRASE_TAG {
            return None;
        }
        let args = match parse_stanza_args(stanza) {
            Ok(a) => a,
            Err(_) => return Some(Err(DecryptError::InvalidHeader)),
        };
        if args.salt != self.0.salt.expose() || args.params != self.0.params {
            return Some(Err(DecryptError::DecryptionFailed));
        }
        Some(
            unwrap_with_key(self.0.key.expose(), &args, &stanza.body)
                .ok_or(DecryptError::DecryptionFailed),
        )
    }
}

/// An X25519 identity together with its text form, so the vault can tell
/// which one opened it.
pub struct NamedIdentity {
    /// The `AGE-SECRET-KEY-1...` text.
    pub text: SecretString,
    /// The parsed identity.
    pub identity: age::x25519::Identity,
    /// Its public recipient string (`age1...`).
    pub recipient: String,
    used: RefCell<bool>,
}

impl NamedIdentity {
    /// Parses one `AGE-SECRET-KEY-1...` string.
    pub fn parse(text: &str) -> Result<NamedIdentity, CryptoError> {
        let t = text.trim();
        let identity: age::x25519::Identity = t.parse().map_err(|_| {
            CryptoError::BadIdentity(
                "this is not a valid age identity (expected a line starting AGE-SECRET-KEY-1)"
                    .into(),
            )
        })?;
        let recipient = identity.to_public().to_string();
        Ok(NamedIdentity {
            text: SecretString::from(t.to_uppercase()),
            identity,
            recipient,
            used: RefCell::new(false),
        })
    }

    /// A brand-new random identity.
    pub fn generate() -> NamedIdentity {
        let identity = age::x25519::Identity::generate();
        let text = SecretString::from(identity.to_string().expose_secret().to_owned());
        let recipient = identity.to_public().to_string();
        NamedIdentity {
            text,
            identity,
            recipient,
            used: RefCell::new(false),
        }
    }

    /// True once this identity unwrapped the file key.
    pub fn was_used(&self) -> bool {
        *self.used.borrow()
    }
}

impl std::fmt::Debug for NamedIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NamedIdentity")
            .field("recipient", &self.recipient)
            .finish_non_exhaustive()
    }
}

impl Identity for NamedIdentity {
    fn unwrap_stanza(&self, stanza: &Stanza) -> Option<Result<FileKey, DecryptError>> {
        let r = self.identity.unwrap_stanza(stanza);
        if matches!(r, Some(Ok(_))) {
            *self.used.borrow_mut() = true;
        }
        r
    }
}

/// The 32 raw secret bytes of an X25519 identity (what SLIP-39 splits).
pub fn identity_to_bytes(text: &SecretString) -> Result<SecretBytes, CryptoError> {
    let bad = || CryptoError::BadIdentity("the recovery key does not decode".into());
    let lower = Zeroizing::new(text.expose().trim().to_lowercase());
    let (hrp, data) = bech32::decode(&lower).map_err(|_| bad())?;
    if hrp.as_str() != "age-secret-key-" || data.len() != 32 {
        return Err(bad());
    }
    Ok(SecretBytes::new(data))
}

/// Rebuilds an X25519 identity from its 32 raw secret bytes.
pub fn identity_from_bytes(bytes: &[u8]) -> Result<NamedIdentity, CryptoError> {
    if bytes.len() != 32 {
        return Err(CryptoError::BadIdentity(format!(
            "a recovery key has 32 bytes, these shares give {}",
            bytes.len()
        )));
    }
    let hrp = bech32::Hrp::parse("age-secret-key-").expect("valid constant hrp");
    let text = Zeroizing::new(
        bech32::encode::<bech32::Bech32>(hrp, bytes)
            .map_err(|_| CryptoError::BadIdentity("cannot encode the key".into()))?
            .to_uppercase(),
    );
    NamedIdentity::parse(&text)
}

/// Reads an identity file from disk and parses it (see
/// [`parse_identity_file`]).
pub fn load_identity_file(path: &std::path::Path) -> Result<Vec<NamedIdentity>, IdentityFileError> {
    let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|source| {
        IdentityFileError::Read {
            path: path.display().to_string(),
            source,
        }
    })?);
    parse_identity_file(&text).map_err(|e| IdentityFileError::Parse {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

/// Why an identity file could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IdentityFileError {
    /// The file could not be read.
    #[error("cannot read identity file {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not an age X25519 identity file.
    #[error("identity file {path}: {reason}")]
    Parse {
        /// The file.
        path: String,
        /// What is wrong (never key material).
        reason: String,
    },
}

/// Picks the number of Argon2id passes that makes one unlock take about a
/// second on this machine (at least 1, at most 10). One pass and two passes
/// are timed so the fixed cost (allocating and filling the memory) is told
/// apart from the cost of each extra pass.
pub fn calibrate_passes(m_kib: u32, p: u32) -> Result<u32, CryptoError> {
    let time = |t: u32| -> Result<f64, CryptoError> {
        let params = KdfParams { m_kib, t, p };
        params.check().map_err(CryptoError::Kdf)?;
        let start = std::time::Instant::now();
        derive_key(&SecretString::from("calibration"), &[0u8; 16], params)?;
        Ok(start.elapsed().as_secs_f64())
    };
    let one = time(1)?;
    let two = time(2)?;
    let per_pass = (two - one).max(one / 4.0).max(0.001);
    let fixed = (one - per_pass).max(0.0);
    let passes = ((1.0 - fixed) / per_pass).round();
    Ok((passes.max(1.0) as u32).clamp(1, 10))
}

/// Parses an identity file's text: one `AGE-SECRET-KEY-1...` per line,
/// `#` comments and blank lines ignored.
pub fn parse_identity_file(text: &str) -> Result<Vec<NamedIdentity>, CryptoError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        if !l.to_ascii_uppercase().starts_with("AGE-SECRET-KEY-1") {
            return Err(CryptoError::BadIdentity(format!(
                "line {} is not an age X25519 identity (expected AGE-SECRET-KEY-1...); plugin and SSH identities are not supported",
                n + 1
            )));
        }
        out.push(NamedIdentity::parse(l).map_err(|_| {
            CryptoError::BadIdentity(format!(
                "line {} looks like an age identity but does not decode; check for typos",
                n + 1
            ))
        })?);
    }
    if out.is_empty() {
        return Err(CryptoError::BadIdentity(
            "the identity file holds no AGE-SECRET-KEY-1... line".into(),
        ));
    }
    Ok(out)
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

    #[test]
    fn identity_bytes_round_trip() {
        let id = NamedIdentity::generate();
        let bytes = identity_to_bytes(&id.text).unwrap();
        assert_eq!(bytes.len(), 32);
        let back = identity_from_bytes(bytes.expose()).unwrap();
        assert_eq!(back.text, id.text);
        assert_eq!(back.recipient, id.recipient);
    }

    #[test]
    fn caps_refuse_absurd_parameters() {
        for bad in [
            KdfParams {
                m_kib: 1 << 30,
                t: 1,
                p: 1,
            },
            KdfParams {
                m_kib: 8192,
                t: 0,
                p: 1,
            },
            KdfParams {
                m_kib: 8192,
                t: 1,
                p: 255,
            },
            KdfParams {
                m_kib: 1 << 21,
                t: 16,
                p: 4,
            },
            KdfParams {
                m_kib: 8,
                t: 1,
                p: 1,
            },
        ] {
            assert!(bad.check().is_err(), "{bad:?} accepted");
        }
        assert!(KdfParams::DEFAULT.check().is_ok());
    }

    #[test]
    fn stanza_wraps_with_fresh_salt_each_time() {
        let pk = new_passphrase_key(&"pw".into(), fast()).unwrap();
        let fk = FileKey::new(Box::new([7u8; 16]));
        let (s1, l1) = PassphraseRecipient(&pk).wrap_file_key(&fk).unwrap();
        let (s2, _) = PassphraseRecipient(&pk).wrap_file_key(&fk).unwrap();
        assert!(l1.is_empty());
        assert_ne!(s1[0].args[4], s2[0].args[4], "wrap salt reused");
        assert_ne!(s1[0].body, s2[0].body);
        let id = PassphraseIdentity::new("pw".into());
        let got = id.unwrap_stanza(&s1[0]).unwrap().unwrap();
        assert_eq!(got.expose_secret(), &[7u8; 16]);
        assert_eq!(id.take_derived().unwrap().key, pk.key);
        let wrong = PassphraseIdentity::new("nope".into());
        assert!(wrong.unwrap_stanza(&s1[0]).unwrap().is_err());
        assert_eq!(wrong.outcome(), PassphraseOutcome::WrongPassphrase);
        let derived = DerivedKeyIdentity(&pk)
            .unwrap_stanza(&s2[0])
            .unwrap()
            .unwrap();
        assert_eq!(derived.expose_secret(), &[7u8; 16]);
    }

    #[test]
    fn absurd_header_is_refused_before_kdf() {
        let pk = new_passphrase_key(&"pw".into(), fast()).unwrap();
        let fk = FileKey::new(Box::new([1u8; 16]));
        let (mut s, _) = PassphraseRecipient(&pk).wrap_file_key(&fk).unwrap();
        s[0].args[1] = "4294967295".into();
        let id = PassphraseIdentity::new("pw".into());
        let t = std::time::Instant::now();
        assert!(id.unwrap_stanza(&s[0]).unwrap().is_err());
        assert!(t.elapsed().as_secs() < 2);
        assert!(matches!(id.outcome(), PassphraseOutcome::Malformed(_)));
    }
}
