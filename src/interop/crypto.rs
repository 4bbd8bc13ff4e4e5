//! Opening password-encrypted authenticator exports.
//!
//! This module owns the key derivation and decryption that Aegis, 2FAS and
//! andOTP exports share: scrypt or PBKDF2 from the export's password, then
//! AES-256-GCM with a 96-bit nonce. The KDF parameters come from the file,
//! so they are untrusted: each is capped before any work starts, so a
//! hostile file cannot take minutes or gigabytes. Derived keys and
//! plaintexts are wiped when dropped.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use sha1::Sha1;
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::secret::{SecretBytes, SecretString};

/// Largest scrypt memory accepted (128 * N * r bytes): 256 MiB. Aegis uses
/// N = 2^15, r = 8 (32 MiB).
pub const MAX_SCRYPT_BYTES: u64 = 256 * 1024 * 1024;
/// Largest scrypt work accepted (N * r * p), 16 times Aegis's.
pub const MAX_SCRYPT_WORK: u64 = 16 * (1 << 15) * 8;
/// Largest PBKDF2 iteration count accepted. andOTP uses about 150,000,
/// 2FAS 10,000.
pub const MAX_PBKDF2_ITERATIONS: u32 = 10_000_000;

/// Why a key could not be derived or a ciphertext opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CryptoError {
    /// KDF parameters outside what the format allows or over the caps.
    BadParameters,
    /// Authentication failed: wrong password or a damaged file.
    Open,
}

/// A 256-bit key, wiped on drop.
pub type Key = Zeroizing<[u8; 32]>;

/// scrypt with `n` (a power of two), `r`, `p`, checked against the caps.
pub fn scrypt_key(
    password: &[u8],
    salt: &[u8],
    n: u64,
    r: u64,
    p: u64,
) -> Result<Key, CryptoError> {
    if n < 2 || !n.is_power_of_two() || r == 0 || p == 0 {
        return Err(CryptoError::BadParameters);
    }
    let memory = 128u64.checked_mul(n).and_then(|m| m.checked_mul(r));
    let work = n.checked_mul(r).and_then(|w| w.checked_mul(p));
    match (memory, work) {
        (Some(m), Some(w)) if m <= MAX_SCRYPT_BYTES && w <= MAX_SCRYPT_WORK => {}
        _ => return Err(CryptoError::BadParameters),
    }
    let log_n = n.trailing_zeros() as u8;
    let r = u32::try_from(r).map_err(|_| CryptoError::BadParameters)?;
    let p = u32::try_from(p).map_err(|_| CryptoError::BadParameters)?;
    let params = scrypt::Params::new(log_n, r, p, 32).map_err(|_| CryptoError::BadParameters)?;
    let mut key = Zeroizing::new([0u8; 32]);
    scrypt::scrypt(password, salt, &params, key.as_mut())
        .map_err(|_| CryptoError::BadParameters)?;
    Ok(key)
}

/// PBKDF2-HMAC-SHA256, `iterations` capped.
pub fn pbkdf2_sha256(password: &[u8], salt: &[u8], iterations: u32) -> Result<Key, CryptoError> {
    if iterations == 0 || iterations > MAX_PBKDF2_ITERATIONS {
        return Err(CryptoError::BadParameters);
    }
    let mut key = Zeroizing::new([0u8; 32]);
    pbkdf2::pbkdf2_hmac::<Sha256>(password, salt, iterations, key.as_mut());
    Ok(key)
}

/// PBKDF2-HMAC-SHA1, `iterations` capped.
pub fn pbkdf2_sha1(password: &[u8], salt: &[u8], iterations: u32) -> Result<Key, CryptoError> {
    if iterations == 0 || iterations > MAX_PBKDF2_ITERATIONS {
        return Err(CryptoError::BadParameters);
    }
    let mut key = Zeroizing::new([0u8; 32]);
    pbkdf2::pbkdf2_hmac::<Sha1>(password, salt, iterations, key.as_mut());
    Ok(key)
}

/// AES-256-GCM decryption of `ciphertext` followed by its 16-byte tag,
/// with a 12-byte nonce and no associated data.
pub fn open(
    key: &[u8; 32],
    nonce: &[u8],
    ciphertext_and_tag: &[u8],
) -> Result<SecretBytes, CryptoError> {
    if nonce.len() != 12 || ciphertext_and_tag.len() < 16 {
        return Err(CryptoError::Open);
    }
    let cipher = Aes256Gcm::new_from_slice(key).map_err(|_| CryptoError::Open)?;
    cipher
        .decrypt(Nonce::from_slice(nonce), ciphertext_and_tag)
        .map(SecretBytes::new)
        .map_err(|_| CryptoError::Open)
}

/// [`open`] with the tag given apart from the ciphertext (as Aegis stores it).
pub fn open_detached(
    key: &[u8; 32],
    nonce: &[u8],
    ciphertext: &[u8],
    tag: &[u8],
) -> Result<SecretBytes, CryptoError> {
    if tag.len() != 16 {
        return Err(CryptoError::Open);
    }
    let mut joined = Zeroizing::new(Vec::with_capacity(ciphertext.len() + 16));
    joined.extend_from_slice(ciphertext);
    joined.extend_from_slice(tag);
    open(key, nonce, &joined)
}

/// The password's bytes as the exporting apps feed them to their KDF
/// (UTF-8, as Java's PBEKeySpec and Aegis's scrypt code do for ASCII and
/// most text).
pub fn password_bytes(password: &SecretString) -> &[u8] {
    password.expose().as_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kdf_parameters_are_capped_before_work() {
        let bad = Some(CryptoError::BadParameters);
        assert_eq!(scrypt_key(b"p", b"s", 3, 8, 1).err(), bad);
        assert_eq!(scrypt_key(b"p", b"s", 1 << 30, 8, 1).err(), bad);
        assert_eq!(scrypt_key(b"p", b"s", 1 << 15, 8, 1000).err(), bad);
        assert_eq!(scrypt_key(b"p", b"s", 1 << 15, 0, 1).err(), bad);
        assert!(pbkdf2_sha1(b"p", b"s", 0).is_err());
        assert!(pbkdf2_sha256(b"p", b"s", u32::MAX).is_err());
    }

    #[test]
    fn known_answers() {
        // RFC 7914 section 12, second vector: scrypt("password", "NaCl", N=1024, r=8, p=16).
        let k = scrypt_key(b"password", b"NaCl", 1024, 8, 16).unwrap();
        assert_eq!(
            hex::encode(&k[..]),
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
        );
        // RFC 6070: PBKDF2-HMAC-SHA1("password", "salt", 2), first 20 bytes.
        let k = pbkdf2_sha1(b"password", b"salt", 2).unwrap();
        assert_eq!(
            hex::encode(&k[..20]),
            "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"
        );
    }

    #[test]
    fn gcm_rejects_tampering() {
        use aes_gcm::aead::Aead;
        let key = [7u8; 32];
        let nonce = [1u8; 12];
        let sealed = Aes256Gcm::new_from_slice(&key)
            .unwrap()
            .encrypt(Nonce::from_slice(&nonce), &b"hello"[..])
            .unwrap();
        assert_eq!(open(&key, &nonce, &sealed).unwrap().expose(), b"hello");
        let (ct, tag) = sealed.split_at(5);
        assert_eq!(
            open_detached(&key, &nonce, ct, tag).unwrap().expose(),
            b"hello"
        );
        let mut bad = sealed.clone();
        bad[0] ^= 1;
        assert_eq!(open(&key, &nonce, &bad).err(), Some(CryptoError::Open));
        assert!(open(&key, &nonce[..8], &sealed).is_err());
        assert!(open(&[8u8; 32], &nonce, &sealed).is_err());
    }
}
