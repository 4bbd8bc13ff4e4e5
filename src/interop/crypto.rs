//! Opening password-encrypted authenticator exports.
//!
//! This module owns the key derivation and decryption that Aegis, 2FAS,
//! andOTP, Bitwarden and Authenticator Pro exports share: scrypt, PBKDF2 or
//! Argon2id from the export's password, then AES-256-GCM with a 96-bit
//! nonce, or AES-256-CBC (PKCS#7 padding) checked by HMAC-SHA256. The KDF parameters come from the file,
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

/// Argon2id caps: Bitwarden lets a user choose at most 1024 MiB, 10 passes
/// and 16 lanes; Authenticator Pro writes 64 MiB, 3 passes, 4 lanes.
pub const MAX_ARGON2_MIB: u32 = 1024;
/// Most Argon2id passes accepted.
pub const MAX_ARGON2_PASSES: u32 = 10;
/// Most Argon2id lanes accepted.
pub const MAX_ARGON2_LANES: u32 = 16;

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

/// Argon2id (version 0x13) with `passes`, `memory_kib` and `lanes`,
/// checked against the caps.
pub fn argon2id_key(
    password: &[u8],
    salt: &[u8],
    passes: u32,
    memory_kib: u32,
    lanes: u32,
) -> Result<Key, CryptoError> {
    if passes == 0
        || passes > MAX_ARGON2_PASSES
        || lanes == 0
        || lanes > MAX_ARGON2_LANES
        || memory_kib > MAX_ARGON2_MIB * 1024
    {
        return Err(CryptoError::BadParameters);
    }
    let params = argon2::Params::new(memory_kib, passes, lanes, Some(32))
        .map_err(|_| CryptoError::BadParameters)?;
    let kdf = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut key = Zeroizing::new([0u8; 32]);
    kdf.hash_password_into(password, salt, key.as_mut())
        .map_err(|_| CryptoError::BadParameters)?;
    Ok(key)
}

/// HKDF-Expand with SHA-256 (RFC 5869) of a 32-byte key to 32 bytes: the
/// one block `HMAC(prk, info || 0x01)`.
pub fn hkdf_expand_sha256(prk: &[u8; 32], info: &[u8]) -> Key {
    use hmac::{Hmac, Mac};
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(prk)
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(info);
    mac.update(&[1]);
    let mut out = Zeroizing::new([0u8; 32]);
    out.copy_from_slice(&mac.finalize().into_bytes());
    out
}

/// HMAC-SHA256 of `parts` joined, compared in constant time with `tag`.
pub fn hmac_sha256_verify(key: &[u8], parts: &[&[u8]], tag: &[u8]) -> Result<(), CryptoError> {
    use hmac::{Hmac, Mac};
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    for p in parts {
        mac.update(p);
    }
    mac.verify_slice(tag).map_err(|_| CryptoError::Open)
}

/// AES-256-CBC decryption with PKCS#7 padding removed. Callers check a MAC
/// first where the format has one (a bad padding alone says little).
pub fn cbc_open(key: &[u8; 32], iv: &[u8], ciphertext: &[u8]) -> Result<SecretBytes, CryptoError> {
    use aes::cipher::{generic_array::GenericArray, BlockDecrypt, KeyInit as _};
    if iv.len() != 16 || ciphertext.is_empty() || !ciphertext.len().is_multiple_of(16) {
        return Err(CryptoError::Open);
    }
    let cipher = aes::Aes256::new_from_slice(key).map_err(|_| CryptoError::Open)?;
    let mut plain = Zeroizing::new(Vec::with_capacity(ciphertext.len()));
    let mut previous = [0u8; 16];
    previous.copy_from_slice(iv);
    for block in ciphertext.chunks(16) {
        let mut b = GenericArray::clone_from_slice(block);
        cipher.decrypt_block(&mut b);
        plain.extend(b.iter().zip(previous.iter()).map(|(x, y)| x ^ y));
        previous.copy_from_slice(block);
        b.iter_mut().for_each(|x| *x = 0);
    }
    let pad = usize::from(*plain.last().ok_or(CryptoError::Open)?);
    if pad == 0
        || pad > 16
        || plain[plain.len() - pad..]
            .iter()
            .any(|&x| usize::from(x) != pad)
    {
        return Err(CryptoError::Open);
    }
    let len = plain.len() - pad;
    Ok(SecretBytes::new(plain[..len].to_vec()))
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
    fn argon2_hkdf_and_cbc_known_answers() {
        // RFC 9106 section 5.3 uses a secret and associated data, which
        // these exports do not; the argon2-cffi oracle checks the plain
        // form in tests/import_formats.rs. Here: the caps.
        assert!(argon2id_key(b"p", b"saltsalt", 0, 64, 1).is_err());
        assert!(argon2id_key(b"p", b"saltsalt", 3, MAX_ARGON2_MIB * 1024 + 1, 1).is_err());
        assert!(argon2id_key(b"p", b"saltsalt", 3, 64, 17).is_err());
        // RFC 5869 A.1: PRK and the first 32 bytes of OKM for info f0..f9
        // (the OKM is 42 bytes; its first block is what one block gives).
        let prk: [u8; 32] =
            hex::decode("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5")
                .unwrap()
                .try_into()
                .unwrap();
        let info = hex::decode("f0f1f2f3f4f5f6f7f8f9").unwrap();
        assert_eq!(
            hex::encode(&hkdf_expand_sha256(&prk, &info)[..]),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
        );
        // NIST SP 800-38A F.2.5 (CBC-AES256 decrypt), first block, with a
        // full padding block appended by encrypting 16 bytes of 0x10.
        let key: [u8; 32] =
            hex::decode("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")
                .unwrap()
                .try_into()
                .unwrap();
        let iv = hex::decode("000102030405060708090a0b0c0d0e0f").unwrap();
        let c1 = hex::decode("f58c4c04d6e5f1ba779eabfb5f7bfbd6").unwrap();
        assert!(cbc_open(&key, &iv, &c1).is_err(), "no valid padding");
        assert!(cbc_open(&key, &iv[..8], &c1).is_err());
        use aes::cipher::{generic_array::GenericArray, BlockEncrypt, KeyInit as _};
        let mut pad_block = GenericArray::clone_from_slice(&[0x10u8; 16]);
        pad_block.iter_mut().zip(&c1).for_each(|(p, c)| *p ^= c);
        aes::Aes256::new_from_slice(&key)
            .unwrap()
            .encrypt_block(&mut pad_block);
        let mut ct = c1.clone();
        ct.extend_from_slice(&pad_block);
        assert_eq!(
            hex::encode(cbc_open(&key, &iv, &ct).unwrap().expose()),
            "6bc1bee22e409f96e93d7e117393172a"
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
