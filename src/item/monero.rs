//! Monero's 25-word (and 13-word) mnemonic seeds.
//!
//! This module owns checking a Monero seed as a person wrote it: the English
//! word list, the checksum word, and the triples of words that each stand for
//! 32 bits of the key. Facts from Monero's published sources
//! (`src/mnemonics/electrum-words.cpp`, `english.h`):
//!
//! - The English list has 1626 words, each unique in its first 3 letters;
//!   `monero_wordlist.txt` is that list (Monero project, BSD-3-Clause).
//! - Every 3 words (indices `w1 w2 w3`, list length `n`) encode the 32-bit
//!   little-endian value `w1 + n·((w2 − w1) mod n) + n²·((w3 − w2) mod n)`;
//!   a triple whose value does not fit in 32 bits is not a seed.
//! - The last word repeats one of the others: the CRC-32 of the first 3
//!   letters of each data word, concatenated, modulo the number of data
//!   words, says which.
//!
//! 25 words hold a 32-byte spend key; 13 words a 16-byte seed (the legacy
//! MyMonero form). Only the English list is known here.

use std::sync::OnceLock;

use crate::secret::SecretString;

/// The English word list, one word a line, in Monero's order.
const WORDLIST_TEXT: &str = include_str!("monero_wordlist.txt");

/// Letters of a word that identify it (and go into the checksum).
const PREFIX_LEN: usize = 3;

/// Why a Monero seed was refused. Only positions and unknown words are
/// named, never a valid word of the seed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneroError {
    /// Not 25 (or 13) words.
    #[error("{}", crate::tr!("err-monero-word-count", count = *count))]
    WrongWordCount {
        /// How many words were given.
        count: usize,
    },
    /// A word is not in Monero's English list.
    #[error("{}", crate::tr!("err-monero-unknown-word", position = *position, word = word.as_str(), hint = super::seed::did_you_mean(suggestions)))]
    UnknownWord {
        /// 1-based position.
        position: usize,
        /// The word as typed (cleaned, at most 40 characters).
        word: String,
        /// Close list words, best first (at most 3).
        suggestions: Vec<String>,
    },
    /// Three words do not encode a 32-bit value.
    #[error("{}", crate::tr!("err-monero-bad-triple", first = *first, last = *last))]
    BadTriple {
        /// 1-based position of the first word of the triple.
        first: usize,
        /// 1-based position of the last word of the triple.
        last: usize,
    },
    /// The checksum word does not match the others.
    #[error("{}", crate::tr!("err-monero-checksum", position = *position))]
    Checksum {
        /// 1-based position of the checksum word.
        position: usize,
    },
}

/// Monero's English word list (1626 words).
pub fn wordlist() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| WORDLIST_TEXT.lines().collect())
}

/// The index of a word: the whole word, or (as Monero's wallet accepts) any
/// word of 3 letters or more that starts with a list word's 3-letter prefix.
fn word_index(word: &str) -> Option<usize> {
    let list = wordlist();
    if let Some(i) = list.iter().position(|w| *w == word) {
        return Some(i);
    }
    let prefix = word.get(..PREFIX_LEN)?;
    list.iter()
        .position(|w| w.get(..PREFIX_LEN) == Some(prefix))
}

/// CRC-32 (IEEE 802.3, reflected, as zlib and Boost's `crc_32_type`).
fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// Which of `indices` the checksum word must repeat.
fn checksum_position(indices: &[usize]) -> usize {
    let list = wordlist();
    let mut prefixes = zeroize::Zeroizing::new(Vec::with_capacity(indices.len() * PREFIX_LEN));
    for &i in indices {
        let w = list[i].as_bytes();
        prefixes.extend_from_slice(&w[..PREFIX_LEN.min(w.len())]);
    }
    // The count is 24 or 12, so the remainder fits any integer type.
    (crc32(&prefixes) as usize) % indices.len()
}

/// What a valid seed holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoneroInfo {
    /// 25 or 13.
    pub word_count: usize,
}

/// Checks a Monero seed: word count, every word in the list, every triple
/// a 32-bit value, and the checksum word. `words` is cleaned text (lower
/// case, single spaces).
pub fn validate(words: &str) -> Result<MoneroInfo, MoneroError> {
    decode(words).map(|(_, info)| info)
}

/// Decodes a seed to its key bytes (32 for 25 words, 16 for 13), checking
/// everything [`validate`] checks.
pub fn decode(words: &str) -> Result<(zeroize::Zeroizing<Vec<u8>>, MoneroInfo), MoneroError> {
    let list: Vec<&str> = words.split_whitespace().collect();
    if list.len() != 25 && list.len() != 13 {
        return Err(MoneroError::WrongWordCount { count: list.len() });
    }
    let mut indices = zeroize::Zeroizing::new(Vec::with_capacity(list.len()));
    for (pos, word) in list.iter().enumerate() {
        match word_index(word) {
            Some(i) => indices.push(i),
            None => {
                return Err(MoneroError::UnknownWord {
                    position: pos + 1,
                    word: word.chars().take(40).collect(),
                    suggestions: suggest(word).into_iter().map(str::to_owned).collect(),
                })
            }
        }
    }
    let data = &indices[..list.len() - 1];
    let n = wordlist().len() as u64;
    let mut bytes = zeroize::Zeroizing::new(Vec::with_capacity(data.len() / 3 * 4));
    for (t, triple) in data.chunks(3).enumerate() {
        let (w1, w2, w3) = (triple[0] as u64, triple[1] as u64, triple[2] as u64);
        let value = w1 + n * ((n - w1 + w2) % n) + n * n * ((n - w2 + w3) % n);
        let value = u32::try_from(value).map_err(|_| MoneroError::BadTriple {
            first: t * 3 + 1,
            last: t * 3 + 3,
        })?;
        bytes.extend_from_slice(&value.to_le_bytes());
    }
    let expected = data[checksum_position(data)];
    let given = indices[list.len() - 1];
    if expected != given {
        return Err(MoneroError::Checksum {
            position: list.len(),
        });
    }
    Ok((
        bytes,
        MoneroInfo {
            word_count: list.len(),
        },
    ))
}

/// Up to three list words close to `word`: those sharing its first three
/// letters, then those one or two edits away.
pub fn suggest(word: &str) -> Vec<&'static str> {
    let typed: Vec<char> = word.chars().collect();
    let mut scored: Vec<(usize, &'static str)> = wordlist()
        .iter()
        .filter_map(|w| {
            let cand: Vec<char> = w.chars().collect();
            let d = super::seed::edit_distance(&typed, &cand, 2);
            (d <= 2 && d > 0).then_some((d, *w))
        })
        .collect();
    scored.sort_unstable();
    scored.into_iter().take(3).map(|(_, w)| w).collect()
}

/// The words of a seed written with Monero's 3-letter prefixes (or any
/// word sharing one) as the full list words.
pub fn full_words(words: &str) -> Option<SecretString> {
    let mut out = Vec::new();
    for w in words.split_whitespace() {
        out.push(wordlist()[word_index(w)?]);
    }
    Some(SecretString::new(out.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Monero's stagenet sample wallet, published with its secret spend key
    /// (used in the OpenMonero and Dero test suites).
    const SAMPLE: &str = "sequence atlas unveil summon pebbles tuesday beer rudely snake rockets different fuselage woven tagged bested dented vegan hover rapid fawns obvious muppet randomly seasons randomly";
    const SAMPLE_SPEND_KEY: &str =
        "b0ef6bd527b9b23b9ceef70dc8b4cd1ee83ca14541964e764ad23f5151204f0f";

    #[test]
    fn list_has_unique_prefixes() {
        let list = wordlist();
        assert_eq!(list.len(), 1626);
        let prefixes: std::collections::HashSet<&str> =
            list.iter().map(|w| &w[..PREFIX_LEN]).collect();
        assert_eq!(prefixes.len(), 1626);
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn published_seed_decodes_to_its_spend_key() {
        let (key, info) = decode(SAMPLE).unwrap();
        assert_eq!(hex::encode(&*key), SAMPLE_SPEND_KEY);
        assert_eq!(info.word_count, 25);
        // Monero's wallet accepts 3-letter prefixes for every word.
        let short: Vec<&str> = SAMPLE.split(' ').map(|w| &w[..3]).collect();
        assert_eq!(
            hex::encode(&*decode(&short.join(" ")).unwrap().0),
            SAMPLE_SPEND_KEY
        );
        assert_eq!(full_words(&short.join(" ")).unwrap().expose(), SAMPLE);
    }

    #[test]
    fn wrong_checksum_word_and_swapped_words_are_refused() {
        let mut words: Vec<&str> = SAMPLE.split(' ').collect();
        words[24] = "sequence";
        assert_eq!(
            validate(&words.join(" ")),
            Err(MoneroError::Checksum { position: 25 })
        );
        let mut words: Vec<&str> = SAMPLE.split(' ').collect();
        words.swap(0, 1);
        assert!(validate(&words.join(" ")).is_err());
        assert_eq!(
            validate("sequence atlas"),
            Err(MoneroError::WrongWordCount { count: 2 })
        );
        let typo = SAMPLE.replacen("atlas", "xtlas", 1);
        match validate(&typo).unwrap_err() {
            MoneroError::UnknownWord {
                position,
                suggestions,
                ..
            } => {
                assert_eq!(position, 2);
                assert_eq!(suggestions[0], "atlas");
            }
            e => panic!("{e:?}"),
        }
    }

    #[test]
    fn triple_over_32_bits_is_refused() {
        // w1 = 0, w2 = 1625, w3 = 1624: 1625·n + 1625·n² > 2^32.
        let list = wordlist();
        let mut words = vec![list[0], list[1625], list[1624]];
        words.extend(std::iter::repeat_n(list[0], 21));
        words.push(list[0]);
        assert_eq!(
            validate(&words.join(" ")),
            Err(MoneroError::BadTriple { first: 1, last: 3 })
        );
    }
}
