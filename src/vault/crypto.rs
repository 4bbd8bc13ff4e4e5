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
            return Err(crate::tr!(
                "kdf-memory-outside",
                kib = self.m_kib,
                min = MIN_MEMORY_KIB,
                max = MAX_MEMORY_KIB
            ));
        }
        if self.t == 0 || self.t > MAX_TIME {
            return Err(crate::tr!("kdf-time-outside", t = self.t, max = MAX_TIME));
        }
        if self.p == 0 || self.p > MAX_PARALLELISM {
            return Err(crate::tr!(
                "kdf-parallelism-outside",
                p = self.p,
                max = MAX_PARALLELISM
            ));
        }
        if u64::from(self.m_kib) * u64::from(self.t) > MAX_WORK_KIB {
            return Err(crate::tr!(
                "kdf-work-over-cap",
                mib = self.m_kib / 1024,
                t = self.t,
                cap = MAX_WORK_KIB / 1024
            ));
        }
        Ok(())
    }

    /// RFC 9106's first recommended option (2 GiB, t=1, p=4).
    pub const RFC9106_FIRST: KdfParams = KdfParams {
        m_kib: 2 * 1024 * 1024,
        t: 1,
        p: 4,
    };

    /// OWASP's minimum configurations for Argon2id (Password Storage Cheat
    /// Sheet), as (memory KiB, passes): equal strength, trading memory for
    /// passes. The floor below which `init` and `passwd` refuse.
    pub const OWASP_MINIMUMS: [(u32, u32); 5] = [
        (47_104, 1),
        (19_456, 2),
        (12_288, 3),
        (9_216, 4),
        (7_168, 5),
    ];

    /// True when at least as strong as one of OWASP's minimum
    /// configurations (as much memory and as many passes).
    pub fn meets_owasp_minimum(&self) -> bool {
        Self::OWASP_MINIMUMS
            .iter()
            .any(|&(m, t)| self.m_kib >= m && self.t >= t)
    }

    /// True when the setting meets one of RFC 9106's recommendations,
    /// compared by memory and by memory x passes: at least the first
    /// option's memory, or at least the second option's memory and its
    /// memory x passes (so 128 MiB with one pass, 128 MiB-passes, does not
    /// meet the second option's 192).
    pub fn meets_rfc9106(&self) -> bool {
        let work = |p: &KdfParams| u64::from(p.m_kib) * u64::from(p.t);
        let second = Self::RFC9106_SECOND;
        self.m_kib >= Self::RFC9106_FIRST.m_kib
            || (self.m_kib >= second.m_kib && work(self) >= work(&second))
    }

    /// Where the setting stands against the published guidance.
    pub fn strength(&self) -> KdfStrength {
        if !self.meets_owasp_minimum() {
            KdfStrength::BelowFloor
        } else if !self.meets_rfc9106() {
            KdfStrength::BelowRecommendation
        } else {
            KdfStrength::Recommended
        }
    }

    /// True when weaker than RFC 9106's recommendations.
    pub fn is_weak(&self) -> bool {
        self.strength() != KdfStrength::Recommended
    }
}

/// How a KDF setting compares with the published guidance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KdfStrength {
    /// Below OWASP's minimum: `init` and `passwd` refuse it unless told
    /// `--allow-weak-kdf`; `doctor` reports it as critical.
    BelowFloor,
    /// At or above OWASP's minimum but below RFC 9106's recommendations:
    /// accepted with a warning.
    BelowRecommendation,
    /// Meets RFC 9106.
    Recommended,
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
    #[error("{}", crate::tr!("err-crypto-crypto-error-kdf", value = _0.to_string()))]
    Kdf(String),
    /// The KDF asks for more memory than the machine has available.
    #[error("{}", crate::tr!("err-crypto-crypto-error-memory", needed_mib = needed_mib.to_string(), available_mib = available_mib.to_string()))]
    Memory {
        /// What the parameters ask for.
        needed_mib: u32,
        /// What the machine has free.
        available_mib: u64,
    },
    /// The identity text is not an age identity.
    #[error("{0}")]
    BadIdentity(String),
}

/// Memory (KiB) left free beside the KDF's own: the rest of the process
/// and the system's working margin.
const MEMORY_MARGIN_KIB: u64 = 32 * 1024;

/// The memory this process can use now, in KiB: `MemAvailable` from
/// /proc/meminfo, lowered to what the process's cgroup still allows when
/// it has a limit. `None` where neither can be read (the caps still hold).
pub fn available_memory_kib() -> Option<u64> {
    let meminfo = std::fs::read_to_string("/proc/meminfo").ok();
    let system = meminfo.as_deref().and_then(parse_mem_available);
    let cgroup = cgroup_headroom_kib();
    match (system, cgroup) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// `MemAvailable` in KiB from the text of /proc/meminfo.
fn parse_mem_available(meminfo: &str) -> Option<u64> {
    let line = meminfo.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let mut words = line.split_whitespace().skip(1);
    let n: u64 = words.next()?.parse().ok()?;
    (words.next() == Some("kB")).then_some(n)
}

/// What a cgroup v2 memory limit still allows (limit minus usage), in KiB.
fn cgroup_headroom_kib() -> Option<u64> {
    let max = std::fs::read_to_string("/sys/fs/cgroup/memory.max").ok()?;
    let max: u64 = max.trim().parse().ok()?; // "max": no limit
    let used: u64 = std::fs::read_to_string("/sys/fs/cgroup/memory.current")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Some(max.saturating_sub(used) / 1024)
}

/// Refuses a KDF whose memory would not fit in `available_kib` (with a
/// margin), before any of it is allocated: a hostile header within the caps
/// could otherwise ask for 2 GiB on a machine that has less.
pub fn check_memory(m_kib: u32, available_kib: Option<u64>) -> Result<(), CryptoError> {
    let Some(avail) = available_kib else {
        return Ok(());
    };
    if u64::from(m_kib) + MEMORY_MARGIN_KIB > avail {
        return Err(CryptoError::Memory {
            needed_mib: m_kib / 1024,
            available_mib: avail / 1024,
        });
    }
    Ok(())
}

/// Runs Argon2id. Parameters must already be within the caps; the memory
/// they ask for must also be available (checked here).
pub fn derive_key(
    passphrase: &SecretString,
    salt: &[u8],
    params: KdfParams,
) -> Result<SecretBytes, CryptoError> {
    check_memory(params.m_kib, available_memory_kib())?;
    derive_key_unchecked(passphrase, salt, params)
}

/// [`derive_key`] without the memory check (done by the caller).
fn derive_key_unchecked(
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
        return Err(crate::tr!("stanza-arg-count", n = stanza.args.len()));
    }
    // The names are looked up only for a message: the catalogues are not
    // touched on the way to a successful unlock.
    let num = |i: usize, what: fn() -> String| -> Result<u32, String> {
        let s = &stanza.args[i];
        if s.is_empty()
            || s.len() > 10
            || !s.bytes().all(|b| b.is_ascii_digit())
            || (s.len() > 1 && s.starts_with('0'))
        {
            return Err(crate::tr!("stanza-not-number", what = what()));
        }
        s.parse::<u32>()
            .map_err(|_| crate::tr!("stanza-out-of-range", what = what()))
    };
    let salt = unb64(&stanza.args[0])
        .filter(|s| s.len() == SALT_LEN)
        .ok_or_else(|| crate::tr!("stanza-salt-malformed"))?;
    let params = KdfParams {
        m_kib: num(1, || crate::tr!("stanza-memory-cost"))?,
        t: num(2, || crate::tr!("stanza-time-cost"))?,
        p: num(3, || crate::tr!("stanza-parallelism"))?,
    };
    params.check()?;
    let wrap_salt = unb64(&stanza.args[4])
        .filter(|s| s.len() == SALT_LEN)
        .ok_or_else(|| crate::tr!("stanza-wrap-salt-malformed"))?;
    if stanza.body.len() != FILE_KEY_BYTES + 16 {
        return Err(crate::tr!("stanza-body-length"));
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
    /// The stanza asks for more memory than is available (the message).
    Memory(String),
    /// The derived key did not unwrap the file key: wrong passphrase.
    WrongPassphrase,
    /// Unlocked.
    Unlocked,
}

/// Unwraps the passphrase stanza by running Argon2id on a passphrase. Records
/// the outcome and, on success, the derived key for later saves.
pub struct PassphraseIdentity {
    passphrase: SecretString,
    /// Memory available for the KDF (KiB), read when the identity is made.
    available_kib: Option<u64>,
    outcome: RefCell<PassphraseOutcome>,
    derived: RefCell<Option<PassphraseKey>>,
}

impl PassphraseIdentity {
    /// An identity for this passphrase.
    pub fn new(passphrase: SecretString) -> Self {
        Self {
            passphrase,
            available_kib: available_memory_kib(),
            outcome: RefCell::new(PassphraseOutcome::NoStanza),
            derived: RefCell::new(None),
        }
    }

    /// The same identity, checking KDF memory against `kib` instead of
    /// what the machine reports (tests).
    pub fn with_available_memory(mut self, kib: u64) -> Self {
        self.available_kib = Some(kib);
        self
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
        if let Err(e) = check_memory(args.params.m_kib, self.available_kib) {
            *self.outcome.borrow_mut() = PassphraseOutcome::Memory(e.to_string());
            return Some(Err(DecryptError::InvalidHeader));
        }
        let key = match derive_key_unchecked(&self.passphrase, &args.salt, args.params) {
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
    #[error("{}", crate::tr!("err-crypto-identity-file-error-read", path = path.to_string(), source = crate::i18n::io_reason(source)))]
    Read {
        /// The file.
        path: String,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not an age X25519 identity file.
    #[error("{}", crate::tr!("err-crypto-identity-file-error-parse", path = path.to_string(), reason = reason.to_string()))]
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
    fn kdf_strength_against_owasp_and_rfc9106() {
        let p = |m_mib: u32, t: u32| KdfParams {
            m_kib: m_mib * 1024,
            t,
            p: 4,
        };
        use KdfStrength::*;
        for (params, want) in [
            (p(8, 1), BelowFloor),
            (p(19, 1), BelowFloor),
            (p(45, 1), BelowFloor),
            (p(46, 1), BelowRecommendation), // 47,104 KiB: exactly the floor
            (p(19, 2), BelowRecommendation),
            (p(12, 3), BelowRecommendation),
            (p(8, 4), BelowFloor), // 9 MiB needed at 4 passes
            (p(9, 4), BelowRecommendation),
            (p(7, 5), BelowRecommendation),
            (p(63, 3), BelowRecommendation),
            (p(64, 2), BelowRecommendation),
            (p(128, 1), BelowRecommendation), // the old doctor said "meets"
            (p(64, 3), Recommended),
            (p(128, 2), Recommended),
            (p(256, 3), Recommended),
            (p(2048, 1), Recommended),
        ] {
            assert_eq!(params.strength(), want, "{params:?}");
        }
        assert_eq!(
            KdfParams {
                m_kib: 47_104,
                t: 1,
                p: 1
            }
            .strength(),
            BelowRecommendation
        );
        assert_eq!(KdfParams::DEFAULT.strength(), Recommended);
        assert_eq!(KdfParams::RFC9106_SECOND.strength(), Recommended);
        assert_eq!(KdfParams::RFC9106_FIRST.strength(), Recommended);
    }

    #[test]
    fn kdf_memory_must_fit_in_what_is_available() {
        let meminfo = "MemTotal:       24683724 kB\nMemFree:         7805764 kB\nMemAvailable:   23934676 kB\n";
        assert_eq!(parse_mem_available(meminfo), Some(23_934_676));
        assert_eq!(parse_mem_available("MemTotal: 1 kB\n"), None);
        assert_eq!(parse_mem_available("MemAvailable: 12 MB\n"), None);
        // 2 GiB asked, 1 GiB free: refused, naming both figures.
        let e = check_memory(2 * 1024 * 1024, Some(1024 * 1024)).unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("2048 MiB") && text.contains("1024 MiB"),
            "{text}"
        );
        assert!(text.contains("--identity"), "{text}");
        // The margin counts: 256 MiB with 270 MiB free is too tight.
        assert!(check_memory(256 * 1024, Some(270 * 1024)).is_err());
        assert!(check_memory(256 * 1024, Some(512 * 1024)).is_ok());
        // Unknown availability: the caps alone decide.
        assert!(check_memory(MAX_MEMORY_KIB, None).is_ok());
        // This machine can run the default.
        assert!(available_memory_kib().is_some());
    }

    #[test]
    fn a_stanza_asking_more_memory_than_available_is_refused_before_the_kdf() {
        let pk = new_passphrase_key(&"pw".into(), fast()).unwrap();
        let fk = FileKey::new(Box::new([1u8; 16]));
        let (mut s, _) = PassphraseRecipient(&pk).wrap_file_key(&fk).unwrap();
        // Within the caps (2 GiB, one pass) on a machine with 1 GiB free.
        s[0].args[1] = MAX_MEMORY_KIB.to_string();
        let id = PassphraseIdentity::new("pw".into()).with_available_memory(1 << 20);
        let t = std::time::Instant::now();
        assert!(id.unwrap_stanza(&s[0]).unwrap().is_err());
        assert!(t.elapsed().as_secs() < 1, "the KDF ran");
        assert!(
            matches!(id.outcome(), PassphraseOutcome::Memory(ref m) if m.contains("2048 MiB")),
            "{:?}",
            id.outcome()
        );
        // The genuine stanza with enough memory still opens.
        let id = PassphraseIdentity::new("pw".into()).with_available_memory(1 << 20);
        s[0].args[1] = pk.params.m_kib.to_string();
        assert!(id.unwrap_stanza(&s[0]).unwrap().is_ok());
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
