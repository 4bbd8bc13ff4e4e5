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

/// Zeroes every byte of `v`'s allocation, the spare capacity included.
/// `zeroize` wipes a `Vec` element by element (one volatile write per
/// byte, about a millisecond for the 3.5 MB of a decrypted 10,000-item
/// vault); as a byte slice it wipes with one fill that an optimization
/// barrier keeps, at memory speed.
pub fn wipe_vec(v: &mut Vec<u8>) {
    let len = v.len();
    // The spare capacity may hold bytes of a former, longer content.
    v.resize(v.capacity(), 0);
    v.as_mut_slice().zeroize();
    v.truncate(len);
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

    /// The secret bytes, to fill in place (for example, to decrypt into).
    pub fn expose_mut(&mut self) -> &mut [u8] {
        self.0.as_mut_slice()
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
