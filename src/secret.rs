//! Secret-holding newtypes.
//!
//! This module owns every type that carries secret material through the
//! program: text such as seed words, passwords and TOTP secrets
//! ([`SecretString`]) and raw key bytes ([`SecretBytes`]). Both zeroize their
//! memory on drop, print `[REDACTED]` under `Debug`, and deliberately do not
//! implement `Display`, so a secret can only leave one through an explicit
//! `expose()` call that is easy to find in review.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use zeroize::{Zeroize, Zeroizing};

/// A secret UTF-8 string, wiped from memory when dropped.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SecretString(Zeroizing<String>);

impl SecretString {
    /// Wraps a string; the caller's copy moves in and is wiped on drop.
    pub fn new(s: String) -> Self {
        Self(Zeroizing::new(s))
    }

    /// The secret text. Call sites are the places to audit.
    pub fn expose(&self) -> &str {
        self.0.as_str()
    }

    /// True when the secret is the empty string.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl From<&str> for SecretString {
    fn from(s: &str) -> Self {
        Self::new(s.to_owned())
    }
}

impl From<String> for SecretString {
    fn from(s: String) -> Self {
        Self::new(s)
    }
}

impl std::fmt::Debug for SecretString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[REDACTED]")
    }
}

impl Serialize for SecretString {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.expose())
    }
}

impl<'de> Deserialize<'de> for SecretString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Self::new(String::deserialize(d)?))
    }
}

/// Secret bytes (keys, KDF outputs, a decrypted vault), wiped from memory
/// when dropped.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SecretBytes(Vec<u8>);

impl Drop for SecretBytes {
    fn drop(&mut self) {
        wipe_vec(&mut self.0);
    }
}

/// Zeroes every byte of `v`'s allocation, the spare capacity included,
/// with `zeroize`'s volatile writes, eight bytes at a time: the decrypted
/// vault is megabytes, and byte-wise volatile writes cost about a
/// millisecond per 3 MB.
pub fn wipe_vec(v: &mut Vec<u8>) {
    let len = v.len();
    // The spare capacity may hold bytes of a former, longer content.
    v.resize(v.capacity(), 0);
    wipe_slice(v.as_mut_slice());
    v.truncate(len);
}

/// Zeroes `b` as [`wipe_vec`] does: aligned words, bytes at either end.
fn wipe_slice(b: &mut [u8]) {
    let (head, words, tail) = bytemuck::pod_align_to_mut::<u8, u64>(b);
    head.zeroize();
    words.zeroize();
    tail.zeroize();
}

impl SecretBytes {
    /// Wraps bytes; they are wiped on drop.
    pub fn new(b: Vec<u8>) -> Self {
        Self(b)
    }

    /// The secret bytes.
    pub fn expose(&self) -> &[u8] {
        self.0.as_slice()
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are no bytes.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for SecretBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[REDACTED]")
    }
}

/// Bytes are stored in the payload as standard base64.
impl Serialize for SecretBytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use base64::Engine;
        let mut text = base64::engine::general_purpose::STANDARD.encode(self.expose());
        let r = s.serialize_str(&text);
        text.zeroize();
        r
    }
}

impl<'de> Deserialize<'de> for SecretBytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use base64::Engine;
        let text = Zeroizing::new(String::deserialize(d)?);
        base64::engine::general_purpose::STANDARD
            .decode(text.as_bytes())
            .map(SecretBytes::new)
            .map_err(|_| serde::de::Error::custom("invalid base64 in secret bytes"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wipe_slice_zeroes_exactly_its_bytes_at_any_alignment() {
        for start in 0..9 {
            for len in [0, 1, 7, 8, 9, 63, 64, 65, 1000] {
                let mut buf = vec![0xa5u8; start + len + 9];
                wipe_slice(&mut buf[start..start + len]);
                assert!(buf[..start].iter().all(|&b| b == 0xa5));
                assert!(buf[start..start + len].iter().all(|&b| b == 0));
                assert!(buf[start + len..].iter().all(|&b| b == 0xa5));
            }
        }
    }

    #[test]
    fn wipe_vec_keeps_length_and_capacity_and_zeroes_the_contents() {
        let mut v = Vec::with_capacity(100);
        v.extend_from_slice(&[7u8; 40]);
        let cap = v.capacity();
        wipe_vec(&mut v);
        assert_eq!((v.len(), v.capacity()), (40, cap));
        assert!(v.iter().all(|&b| b == 0));
    }

    #[test]
    fn debug_is_redacted() {
        let s = SecretString::from("correct horse battery staple");
        let b = SecretBytes::new(vec![0xde, 0xad, 0xbe, 0xef]);
        assert_eq!(format!("{s:?}"), "[REDACTED]");
        assert_eq!(format!("{b:?}"), "[REDACTED]");
        assert!(!format!("{:?}", (s, b)).contains("horse"));
    }

    #[test]
    fn serde_round_trip() {
        let b = SecretBytes::new(vec![1, 2, 3, 255]);
        let json = serde_json::to_string(&b).unwrap();
        let back: SecretBytes = serde_json::from_str(&json).unwrap();
        assert_eq!(back.expose(), &[1, 2, 3, 255]);
    }
}
