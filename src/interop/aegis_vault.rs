//! Encrypted Aegis exports.
//!
//! This module owns opening an Aegis vault file whose `db` is encrypted, as
//! Aegis's docs/vault.md describes it: the content is AES-256-GCM under a
//! random master key (`header.params` holds the hex nonce and tag, `db` the
//! base64 ciphertext); each password slot (`type` 1) holds the master key
//! encrypted with AES-256-GCM under `scrypt(password, salt, N, r, p)`, its
//! nonce and tag in `key_params`. Raw and biometric slots (types 0 and 2)
//! need key material from the phone and are passed over. scrypt parameters
//! are capped before the KDF runs ([`super::crypto`]).

use base64::Engine;
use serde_json::{Map, Value};

use super::crypto::{self, CryptoError};
use super::InteropError;
use crate::secret::{SecretBytes, SecretString};

const WHAT: &str = "Aegis export";

/// Decrypts the `db` of an encrypted Aegis export (given as its top-level
/// object, `db` removed or not) into the content JSON.
pub fn decrypt(root: &Map<String, Value>, password: &SecretString) -> Result<Value, InteropError> {
    let malformed = |detail| InteropError::NotFormat {
        what: "a readable encrypted Aegis export",
        detail,
    };
    let header = root.get("header").ok_or(malformed("it has no header"))?;
    let params = header
        .get("params")
        .ok_or(malformed("its header has no params"))?;
    let nonce = hex_field(params, "nonce").ok_or(malformed("the header's nonce is not hex"))?;
    let tag = hex_field(params, "tag").ok_or(malformed("the header's tag is not hex"))?;
    let db = root
        .get("db")
        .and_then(Value::as_str)
        .ok_or(malformed("its db is not a base64 string"))?;
    let ciphertext = base64::engine::general_purpose::STANDARD
        .decode(db.trim())
        .map_err(|_| malformed("its db is not valid base64"))?;
    let slots = header
        .get("slots")
        .and_then(Value::as_array)
        .ok_or(malformed("its header has no slots list"))?;

    let mut tried = false;
    for slot in slots {
        if slot.get("type").and_then(Value::as_u64) != Some(1) {
            continue;
        }
        tried = true;
        let master = match open_slot(slot, password) {
            Ok(k) => k,
            Err(SlotError::Kdf) => return Err(InteropError::BadKdf(WHAT)),
            Err(SlotError::Shape) => return Err(malformed("a password slot is incomplete")),
            Err(SlotError::NotThisSlot) => continue,
        };
        let key: [u8; 32] = master
            .expose()
            .try_into()
            .map_err(|_| malformed("the master key is not 256 bits"))?;
        let key = zeroize::Zeroizing::new(key);
        let plain = crypto::open_detached(&key, &nonce, &ciphertext, &tag)
            .map_err(|_| InteropError::WrongPassword(WHAT))?;
        return serde_json::from_slice(plain.expose()).map_err(|e| InteropError::NotJson {
            line: e.line(),
            column: e.column(),
        });
    }
    if tried {
        Err(InteropError::WrongPassword(WHAT))
    } else {
        Err(InteropError::Unsupported(
            "this Aegis export has no password slot (only fingerprint or raw-key slots); in Aegis, set a password (Settings, Security) and export again",
        ))
    }
}

enum SlotError {
    Kdf,
    Shape,
    NotThisSlot,
}

fn open_slot(slot: &Value, password: &SecretString) -> Result<SecretBytes, SlotError> {
    let n = slot
        .get("n")
        .and_then(Value::as_u64)
        .ok_or(SlotError::Shape)?;
    let r = slot
        .get("r")
        .and_then(Value::as_u64)
        .ok_or(SlotError::Shape)?;
    let p = slot
        .get("p")
        .and_then(Value::as_u64)
        .ok_or(SlotError::Shape)?;
    let salt = hex_field(slot, "salt").ok_or(SlotError::Shape)?;
    let key = hex_field(slot, "key").ok_or(SlotError::Shape)?;
    let kp = slot.get("key_params").ok_or(SlotError::Shape)?;
    let nonce = hex_field(kp, "nonce").ok_or(SlotError::Shape)?;
    let tag = hex_field(kp, "tag").ok_or(SlotError::Shape)?;
    let derived = crypto::scrypt_key(crypto::password_bytes(password), &salt, n, r, p)
        .map_err(|_| SlotError::Kdf)?;
    crypto::open_detached(&derived, &nonce, &key, &tag).map_err(|e| match e {
        CryptoError::Open => SlotError::NotThisSlot,
        CryptoError::BadParameters => SlotError::Kdf,
    })
}

fn hex_field(v: &Value, name: &str) -> Option<Vec<u8>> {
    hex::decode(v.get(name)?.as_str()?.trim()).ok()
}
