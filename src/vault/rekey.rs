//! Changing the passphrase of a vault that is already open, as the TUI does
//! (the command line's `passwd` asks for the passphrase to open the vault,
//! which proves it; an open TUI session must ask again, because whoever
//! sits at an unlocked screen is not necessarily the owner).
//!
//! This module owns the three checks and the one slow step, all without
//! touching the vault, so they can run on a worker thread and a refusal
//! leaves the vault exactly as it was: the current passphrase must derive
//! the stored passphrase key (compared in constant time), the new one must
//! meet [`super::policy`], and the new key's KDF settings never fall below
//! the floor ([`KdfParams::meets_owasp_minimum`]). The caller installs the
//! new key with [`install`] and saves through the save protocol.

use subtle::ConstantTimeEq;

use super::crypto::{derive_key, new_passphrase_key, CryptoError, KdfParams, PassphraseKey};
use super::policy::{passphrase_problem, PassphraseProblem};
use super::Vault;
use crate::secret::SecretString;

/// Why a passphrase change was refused. Never holds secret material.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RekeyError {
    /// The current passphrase typed is not the vault's.
    #[error("{}", crate::tr!("err-rekey-rekey-error-wrong-current"))]
    WrongCurrent,
    /// The new passphrase fails the strength policy.
    #[error("{}", crate::tr!("err-rekey-rekey-error-weak", value = _0.to_string()))]
    Weak(PassphraseProblem),
    /// The new passphrase is the current one, and the KDF settings already
    /// meet the floor: nothing would change.
    #[error("{}", crate::tr!("err-rekey-rekey-error-same"))]
    Same,
    /// Argon2id could not run (memory, parameters).
    #[error("{0}")]
    Crypto(#[from] CryptoError),
}

/// The KDF settings a new passphrase gets: the vault's own when they meet
/// the floor, else the default (a vault made below the floor, e.g. with
/// `--allow-weak-kdf`, is raised rather than kept weak).
pub fn params_for_new(current: KdfParams) -> KdfParams {
    if current.meets_owasp_minimum() {
        current
    } else {
        KdfParams::DEFAULT
    }
}

/// True when `passphrase` derives `key` (one Argon2id run).
pub fn matches(key: &PassphraseKey, passphrase: &SecretString) -> Result<bool, CryptoError> {
    let got = derive_key(passphrase, key.salt.expose(), key.params)?;
    Ok(bool::from(got.expose().ct_eq(key.key.expose())))
}

/// Checks `current` against the vault's passphrase key `old` and `new`
/// against the policy, then derives the key for `new` with a fresh salt.
/// Slow (two Argon2id runs); touches no vault.
pub fn new_key(
    old: &PassphraseKey,
    current: &SecretString,
    new: &SecretString,
) -> Result<PassphraseKey, RekeyError> {
    // The policy first: it costs nothing, and a weak passphrase is refused
    // whatever the current one is.
    if let Some(p) = passphrase_problem(new) {
        return Err(RekeyError::Weak(p));
    }
    if !matches(old, current)? {
        return Err(RekeyError::WrongCurrent);
    }
    let params = params_for_new(old.params);
    // The same passphrase again is a change only when it raises the KDF
    // settings to the floor.
    if current.expose() == new.expose() && params == old.params {
        return Err(RekeyError::Same);
    }
    Ok(new_passphrase_key(new, params)?)
}

/// Puts a key made by [`new_key`] into the open vault (in memory; the
/// caller saves) and records the change in the audit log. Returns the key
/// it replaced, for the caller to put back if the save fails.
pub fn install(vault: &mut Vault, key: PassphraseKey) -> PassphraseKey {
    let old = std::mem::replace(&mut vault.payload_mut().keys.passphrase, key);
    vault.audit("passwd", None);
    old
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::format::Unlock;

    const CURRENT: &str = "a long test passphrase";
    const NEW: &str = "violet harbour tractor sings 1987";

    fn tiny() -> KdfParams {
        KdfParams {
            m_kib: 8 * 1024,
            t: 1,
            p: 1,
        }
    }

    fn vault(dir: &std::path::Path) -> Vault {
        let mut v =
            Vault::create(&dir.join("vault.age"), &SecretString::from(CURRENT), tiny()).unwrap();
        v.release_lock();
        v
    }

    // The attacks first: someone at an unlocked screen who does not know
    // the passphrase, or an owner choosing a weak one, changes nothing.
    #[test]
    fn a_wrong_current_passphrase_or_a_weak_new_one_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let v = vault(dir.path());
        let before = std::fs::read(v.path()).unwrap();
        let old = v.payload().keys.passphrase.clone();
        for wrong in ["", "a long test passphrasE", "not it at all, sorry"] {
            let e = new_key(&old, &SecretString::from(wrong), &SecretString::from(NEW));
            assert!(
                matches!(e, Err(RekeyError::WrongCurrent)),
                "{wrong:?}: {e:?}"
            );
        }
        for weak in ["short", "aaaaaaaaaaaaaaaa", ""] {
            let e = new_key(
                &old,
                &SecretString::from(CURRENT),
                &SecretString::from(weak),
            );
            assert!(matches!(e, Err(RekeyError::Weak(_))), "{weak:?}: {e:?}");
        }
        // Nothing touched the vault: in memory and on disk as before.
        assert_eq!(v.payload().keys.passphrase, old);
        assert_eq!(std::fs::read(v.path()).unwrap(), before);
        // The messages name the problem and never the passphrases.
        let msg = RekeyError::WrongCurrent.to_string();
        assert!(msg.contains("current passphrase is wrong"), "{msg}");
        assert!(!msg.contains(CURRENT));
    }

    #[test]
    fn the_new_key_never_falls_below_the_floor() {
        assert_eq!(params_for_new(tiny()), KdfParams::DEFAULT);
        let ok = KdfParams {
            m_kib: 64 * 1024,
            t: 3,
            p: 4,
        };
        assert_eq!(params_for_new(ok), ok);
        assert!(params_for_new(tiny()).meets_owasp_minimum());
    }

    #[test]
    fn the_new_passphrase_opens_the_saved_vault_and_the_old_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let mut v = vault(dir.path());
        // A vault at the floor keeps its settings (and the test stays fast).
        let floor = KdfParams {
            m_kib: 19 * 1024,
            t: 2,
            p: 1,
        };
        v.set_passphrase(&SecretString::from(CURRENT), floor)
            .unwrap();
        v.save().unwrap();
        let old = v.payload().keys.passphrase.clone();
        // At the floor, the same passphrase again would change nothing.
        let e = new_key(
            &old,
            &SecretString::from(CURRENT),
            &SecretString::from(CURRENT),
        );
        assert!(matches!(e, Err(RekeyError::Same)), "{e:?}");
        let key = new_key(&old, &SecretString::from(CURRENT), &SecretString::from(NEW)).unwrap();
        assert_eq!(key.params, floor);
        let replaced = install(&mut v, key);
        assert_eq!(replaced, old);
        v.save().unwrap();
        let path = v.path().to_path_buf();
        drop(v);
        assert!(Vault::open(&path, &Unlock::Passphrase(SecretString::from(NEW))).is_ok());
        assert!(Vault::open(&path, &Unlock::Passphrase(SecretString::from(CURRENT))).is_err());
    }
}
