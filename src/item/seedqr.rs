//! SeedQR: a BIP39 English phrase as the data of a QR code, as SeedSigner
//! specifies it.
//!
//! This module owns the two data forms (the QR drawing lives in
//! `interop::qr`): the *standard* form is a digit stream, each word's
//! index in the English list as four digits (48 digits for 12 words, 96
//! for 24), readable by any QR app and by a person; the *compact* form is
//! the phrase's entropy alone, the word bits without the checksum (16 or
//! 32 bytes). Both carry only 12- or 24-word English phrases, as the
//! specification does.

use bip39::{Language, Mnemonic};

use super::seed;
use crate::secret::{SecretBytes, SecretString};

/// Why a phrase or a SeedQR payload was refused. Never quotes the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SeedQrError {
    /// SeedQR carries 12- or 24-word English BIP39 phrases only.
    #[error("{}", crate::tr!("err-seedqr-seed-qr-error-unsupported"))]
    Unsupported,
    /// A digit stream of the wrong length or with an index over 2047.
    #[error("{}", crate::tr!("err-seedqr-seed-qr-error-bad-digits"))]
    BadDigits,
    /// A compact payload of the wrong length.
    #[error("{}", crate::tr!("err-seedqr-seed-qr-error-bad-compact"))]
    BadCompact,
    /// The words decoded from a digit stream fail the BIP39 checksum.
    #[error("{}", crate::tr!("err-seedqr-seed-qr-error-checksum"))]
    Checksum,
}

/// Whether `text` (trimmed) looks like a standard SeedQR digit stream.
pub fn looks_like_digits(text: &str) -> bool {
    let t = text.trim();
    (t.len() == 48 || t.len() == 96) && t.bytes().all(|b| b.is_ascii_digit())
}

fn english_phrase(words: &str) -> Result<Mnemonic, SeedQrError> {
    let phrase = seed::normalize_words(words);
    let m = Mnemonic::parse_in_normalized(Language::English, phrase.expose())
        .map_err(|_| SeedQrError::Unsupported)?;
    if !matches!(m.word_count(), 12 | 24) {
        return Err(SeedQrError::Unsupported);
    }
    Ok(m)
}

/// The standard SeedQR digit stream of a 12- or 24-word English phrase.
pub fn to_digits(words: &str) -> Result<SecretString, SeedQrError> {
    let m = english_phrase(words)?;
    let mut out = String::with_capacity(96);
    for index in m.word_indices() {
        out.push_str(&format!("{index:04}"));
    }
    Ok(SecretString::new(out))
}

/// The words of a standard SeedQR digit stream, checksum verified.
pub fn from_digits(digits: &str) -> Result<SecretString, SeedQrError> {
    let d = digits.trim();
    if !looks_like_digits(d) {
        return Err(SeedQrError::BadDigits);
    }
    let list = Language::English.word_list();
    let mut words = Vec::with_capacity(24);
    for group in d.as_bytes().chunks(4) {
        let index: usize = group
            .iter()
            .fold(0, |acc, b| acc * 10 + usize::from(b - b'0'));
        words.push(*list.get(index).ok_or(SeedQrError::BadDigits)?);
    }
    let phrase = SecretString::new(words.join(" "));
    Mnemonic::parse_in_normalized(Language::English, phrase.expose())
        .map_err(|_| SeedQrError::Checksum)?;
    Ok(phrase)
}

/// The CompactSeedQR payload (the entropy: 16 or 32 bytes).
pub fn to_compact(words: &str) -> Result<SecretBytes, SeedQrError> {
    let m = english_phrase(words)?;
    Ok(SecretBytes::new(m.to_entropy()))
}

/// The words of a CompactSeedQR payload (the checksum word is computed).
pub fn from_compact(bytes: &[u8]) -> Result<SecretString, SeedQrError> {
    if !matches!(bytes.len(), 16 | 32) {
        return Err(SeedQrError::BadCompact);
    }
    let m =
        Mnemonic::from_entropy_in(Language::English, bytes).map_err(|_| SeedQrError::BadCompact)?;
    Ok(SecretString::new(m.words().collect::<Vec<_>>().join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SeedSigner's test vector 4.
    #[test]
    fn vector_4_both_ways() {
        let words = "forum undo fragile fade shy sign arrest garment culture tube off merit";
        let digits = "073318950739065415961602009907670428187212261116";
        assert_eq!(to_digits(words).unwrap().expose(), digits);
        assert_eq!(from_digits(digits).unwrap().expose(), words);
        let compact = to_compact(words).unwrap();
        assert_eq!(
            hex::encode(compact.expose()),
            "5bbd9d71a8ec7990831aff359d426545"
        );
        assert_eq!(from_compact(compact.expose()).unwrap().expose(), words);
    }

    #[test]
    fn refusals() {
        assert_eq!(from_digits("12"), Err(SeedQrError::BadDigits));
        let over = "2048".repeat(12);
        assert_eq!(from_digits(&over), Err(SeedQrError::BadDigits));
        assert_eq!(from_digits(&"0000".repeat(12)), Err(SeedQrError::Checksum));
        assert_eq!(from_compact(&[0; 20]), Err(SeedQrError::BadCompact));
        let fifteen = "abandon ".repeat(14) + "address";
        assert_eq!(to_digits(&fifteen).unwrap_err(), SeedQrError::Unsupported);
        assert!(looks_like_digits(&format!(" {} ", "1".repeat(48))));
        assert!(!looks_like_digits(&"1".repeat(47)));
    }
}
