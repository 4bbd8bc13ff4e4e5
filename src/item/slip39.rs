//! SLIP-39 Shamir backup: word list, RS1024, encryption, split and combine.
//!
//! This module owns lifeboat's implementation of SatoshiLabs' SLIP-39
//! ("Shamir's Secret-Sharing for Mnemonic Codes"), written from the public
//! specification:
//!
//! - the 1024-word list ([`wordlist`]) and typo help ([`suggest`], [`complete`]);
//! - one share's mnemonic form: header fields, padding and the RS1024
//!   checksum ([`decode_mnemonic`], [`encode_mnemonic`]);
//! - the passphrase encryption of the master secret (a 4-round Feistel
//!   network over PBKDF2-HMAC-SHA256);
//! - two-level sharing: the encrypted secret is split among groups, and each
//!   group's share among its members ([`split`], [`combine`]), with the
//!   spec's 4-byte digest share guarding every threshold above 1.
//!
//! Field arithmetic lives in [`super::gf256`] and is constant time. Secret
//! bytes travel in [`SecretBytes`]/[`SecretString`] or [`Zeroizing`] buffers.
//!
//! NOTE: SLIP-39 cannot tell a wrong passphrase from a right one: any
//! passphrase decrypts to *some* master secret. The digest check in
//! [`combine`] proves the shares fit together, not that the passphrase is
//! the one used at [`split`] time.

use std::sync::OnceLock;

use hmac::{Hmac, Mac};
use rand::rngs::OsRng;
use rand::RngCore;
use sha2::Sha256;
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, Zeroizing};

use super::gf256;
use crate::secret::{SecretBytes, SecretString};

/// Bits carried by one word (the list has 2^10 words).
const RADIX_BITS: usize = 10;
/// Words holding identifier, extendable flag and iteration exponent.
const ID_EXP_WORDS: usize = 2;
/// Words holding the group and member parameters.
const PARAMS_WORDS: usize = 2;
/// Words of RS1024 checksum at the end of every share.
const CHECKSUM_WORDS: usize = 3;
/// Words that are not share value.
const METADATA_WORDS: usize = ID_EXP_WORDS + PARAMS_WORDS + CHECKSUM_WORDS;
/// The shortest master secret the spec allows (128 bits).
const MIN_SECRET_BYTES: usize = 16;
/// The shortest share: metadata plus a 128-bit value (13 words).
const MIN_MNEMONIC_WORDS: usize = METADATA_WORDS + (MIN_SECRET_BYTES * 8).div_ceil(RADIX_BITS);
/// Group and member counts are 4-bit fields.
const MAX_SHARE_COUNT: usize = 16;
/// The iteration exponent is a 4-bit field.
const MAX_ITERATION_EXPONENT: u8 = 15;
/// The x coordinate of the digest share.
const DIGEST_INDEX: u8 = 254;
/// The x coordinate of the shared secret.
const SECRET_INDEX: u8 = 255;
/// Bytes of HMAC-SHA256 kept as the digest.
const DIGEST_BYTES: usize = 4;
/// PBKDF2 iterations at exponent 0, summed over all Feistel rounds.
const BASE_ITERATIONS: u32 = 10_000;
/// Feistel rounds of the master-secret encryption.
const ROUND_COUNT: u8 = 4;
/// RS1024 customization string for shares without the extendable flag.
const CUSTOMIZATION: &[u8] = b"shamir";
/// RS1024 customization string for extendable shares.
const CUSTOMIZATION_EXTENDABLE: &[u8] = b"shamir_extendable";

/// The standard word list, one word a line, sorted (it is part of the spec).
const WORDLIST_TEXT: &str = include_str!("slip39_wordlist.txt");

/// One decoded SLIP-39 share.
///
/// Indices are 0-based as in the mnemonic (`group_index`, `member_index`);
/// thresholds and counts are the real numbers (1 to 16), not the stored
/// value minus one. `Debug` shows the metadata but never `value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    /// Random 15-bit identifier common to all shares of one backup.
    pub identifier: u16,
    /// Whether the backup is extendable (no identifier in the encryption
    /// salt, so more groups can be made later from the same secret).
    pub extendable: bool,
    /// PBKDF2 cost: 10000 << e iterations in total (0 to 15).
    pub iteration_exponent: u8,
    /// This share's group, 0-based.
    pub group_index: u8,
    /// How many groups are needed to recover the secret.
    pub group_threshold: u8,
    /// How many groups the backup has.
    pub group_count: u8,
    /// This share's index within its group, 0-based.
    pub member_index: u8,
    /// How many shares of this group are needed to recover its part.
    pub member_threshold: u8,
    /// The share value (as long as the master secret).
    pub value: SecretBytes,
}

impl Share {
    fn customization(&self) -> &'static [u8] {
        customization(self.extendable)
    }
}

fn customization(extendable: bool) -> &'static [u8] {
    if extendable {
        CUSTOMIZATION_EXTENDABLE
    } else {
        CUSTOMIZATION
    }
}

/// Why a SLIP-39 operation failed. Every message says what went wrong in
/// terms a person holding paper shares can act on, and none contains
/// secret bytes. `share` numbers are 1-based positions in the list given to
/// [`combine`] (absent when a single mnemonic was decoded); group and member
/// numbers are 1-based too.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Slip39Error {
    /// A word is not in the SLIP-39 word list.
    #[error("{}", crate::tr!("err-slip39-unknown-word", prefix = share_prefix(share), position = *position, word = word.as_str(), hint = did_you_mean(suggestions)))]
    UnknownWord {
        /// Which share (1-based), if several were given.
        share: Option<usize>,
        /// Which word (1-based).
        position: usize,
        /// The word as typed.
        word: String,
        /// Close words from the list, best first.
        suggestions: Vec<&'static str>,
    },
    /// The number of words cannot be a SLIP-39 share.
    #[error("{}", crate::tr!("err-slip39-wrong-word-count", prefix = share_prefix(share), count = *count))]
    WrongWordCount {
        /// Which share (1-based), if several were given.
        share: Option<usize>,
        /// How many words were given.
        count: usize,
    },
    /// The RS1024 checksum does not match.
    #[error("{}", crate::tr!("err-slip39-checksum", prefix = share_prefix(share)))]
    ChecksumFailed {
        /// Which share (1-based), if several were given.
        share: Option<usize>,
    },
    /// The padding bits in front of the share value are not zero.
    #[error("{}", crate::tr!("err-slip39-padding", prefix = share_prefix(share)))]
    InvalidPadding {
        /// Which share (1-based), if several were given.
        share: Option<usize>,
    },
    /// The share's own group fields contradict each other.
    #[error("{}", crate::tr!("err-slip39-group-params", prefix = share_prefix(share), group = *group, group_count = *group_count, group_threshold = *group_threshold))]
    InvalidGroupParameters {
        /// Which share (1-based), if several were given.
        share: Option<usize>,
        /// The group number (1-based).
        group: u8,
        /// Groups needed.
        group_threshold: u8,
        /// Groups in the backup.
        group_count: u8,
    },
    /// [`combine`] was given no shares.
    #[error("{}", crate::tr!("err-slip39-slip39-error-no-shares"))]
    NoShares,
    /// Shares come from different backups.
    #[error("{}", crate::tr!("err-slip39-different-sets", share = *share, first = *first, field = field_name(field)))]
    DifferentSets {
        /// The share that does not match.
        share: usize,
        /// The share it was compared with.
        first: usize,
        /// Which field differs: "identifier", "extendable flag" or "iteration exponent".
        field: &'static str,
    },
    /// Shares disagree on how many groups there are or are needed.
    #[error("{}", crate::tr!("err-slip39-group-mismatch", share = *share, share_threshold = *share_threshold, share_count = *share_count, first = *first, first_threshold = *first_threshold, first_count = *first_count))]
    GroupParametersMismatch {
        /// The share that does not match.
        share: usize,
        /// Its group threshold.
        share_threshold: u8,
        /// Its group count.
        share_count: u8,
        /// The share it was compared with.
        first: usize,
        /// That share's group threshold.
        first_threshold: u8,
        /// That share's group count.
        first_count: u8,
    },
    /// Shares of one group disagree on the member threshold.
    #[error("{}", crate::tr!("err-slip39-member-mismatch", group = *group, share = *share, share_threshold = *share_threshold, first = *first, first_threshold = *first_threshold))]
    MemberThresholdMismatch {
        /// The group (1-based).
        group: u8,
        /// The share that does not match.
        share: usize,
        /// Its member threshold.
        share_threshold: u8,
        /// The share it was compared with.
        first: usize,
        /// That share's member threshold.
        first_threshold: u8,
    },
    /// Shares have values of different lengths.
    #[error("{}", crate::tr!("err-slip39-length-mismatch", share = *share, share_words = *share_words, first = *first, first_words = *first_words))]
    ShareLengthMismatch {
        /// The share that does not match.
        share: usize,
        /// Its word count.
        share_words: usize,
        /// The share it was compared with.
        first: usize,
        /// That share's word count.
        first_words: usize,
    },
    /// Two different shares claim the same member index in one group.
    #[error("{}", crate::tr!("err-slip39-duplicate-member", first = *first, share = *share, member = *member, group = *group))]
    DuplicateMemberIndex {
        /// The group (1-based).
        group: u8,
        /// The member number (1-based).
        member: u8,
        /// The first share with that member number.
        first: usize,
        /// The later share with the same member number.
        share: usize,
    },
    /// Fewer groups than the group threshold.
    #[error("{}", crate::tr!("err-slip39-slip39-error-not-enough-groups", needed = needed.to_string(), count = count.to_string(), given = given.to_string()))]
    NotEnoughGroups {
        /// Groups needed.
        needed: u8,
        /// Groups in the backup.
        count: u8,
        /// Distinct groups among the shares given.
        given: usize,
    },
    /// A group has fewer shares than its threshold.
    #[error("{}", crate::tr!("err-slip39-slip39-error-not-enough-shares", group = group.to_string(), needed = needed.to_string(), given = given.to_string()))]
    NotEnoughShares {
        /// The group (1-based).
        group: u8,
        /// Shares needed in this group.
        needed: u8,
        /// Distinct shares of this group given.
        given: usize,
    },
    /// A share beyond the threshold contradicts the others of its group.
    #[error("{}", crate::tr!("err-slip39-share-does-not-fit", group = *group, share = *share))]
    ShareDoesNotFit {
        /// The group (1-based).
        group: u8,
        /// The share that does not fit (1-based).
        share: usize,
    },
    /// A group beyond the group threshold contradicts the others.
    #[error("{}", crate::tr!("err-slip39-group-does-not-fit", group = *group))]
    GroupDoesNotFit {
        /// The group (1-based).
        group: u8,
    },
    /// The digest check failed: the shares do not belong together.
    #[error("{}", crate::tr!("err-slip39-digest", subject = digest_subject(group)))]
    DigestMismatch {
        /// The group (1-based) whose shares failed, or `None` for the groups.
        group: Option<u8>,
    },
    /// The master secret has a length SLIP-39 cannot share.
    #[error("{}", crate::tr!("err-slip39-secret-length", len = *len))]
    MasterSecretLength {
        /// The length given.
        len: usize,
    },
    /// The passphrase has characters outside printable ASCII.
    #[error("{}", crate::tr!("err-slip39-passphrase-ascii"))]
    PassphraseNotPrintable,
    /// The iteration exponent does not fit its 4-bit field.
    #[error("{}", crate::tr!("err-slip39-slip39-error-iteration-exponent", exponent = exponent.to_string()))]
    IterationExponent {
        /// The exponent given.
        exponent: u8,
    },
    /// Too few or too many groups.
    #[error("{}", crate::tr!("err-slip39-slip39-error-group-count", count = count.to_string()))]
    GroupCount {
        /// The number of groups given.
        count: usize,
    },
    /// The group threshold is 0 or above the number of groups.
    #[error(
        "a group threshold of {threshold} with {count} groups is impossible: it must be between 1 \
         and the number of groups"
    )]
    GroupThreshold {
        /// The threshold given.
        threshold: u8,
        /// The number of groups.
        count: usize,
    },
    /// A group has too few or too many members.
    #[error("{}", crate::tr!("err-slip39-slip39-error-member-count", group = group.to_string(), count = count.to_string()))]
    MemberCount {
        /// The group (1-based).
        group: usize,
        /// The member count given.
        count: u8,
    },
    /// A member threshold is 0 or above the group's member count.
    #[error(
        "group {group}: a threshold of {threshold} with {count} shares is impossible: it must be \
         between 1 and the number of shares"
    )]
    MemberThreshold {
        /// The group (1-based).
        group: usize,
        /// The threshold given.
        threshold: u8,
        /// The member count given.
        count: u8,
    },
    /// The spec forbids 1-of-n member sharing with n > 1.
    #[error(
        "group {group}: 1 of {count} shares is not allowed by SLIP-39 (each share would be a full \
         copy); use 1 of 1, or a threshold of 2 or more"
    )]
    MemberThresholdOne {
        /// The group (1-based).
        group: usize,
        /// The member count given.
        count: u8,
    },
}

fn share_prefix(share: &Option<usize>) -> String {
    share
        .map(|n| crate::tr!("err-slip39-share-prefix", n = n))
        .unwrap_or_default()
}

fn did_you_mean(suggestions: &[&'static str]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        crate::tr!("err-slip39-did-you-mean", words = suggestions.join(", "))
    }
}

fn digest_subject(group: &Option<u8>) -> String {
    match group {
        Some(g) => crate::tr!("err-slip39-shares-of-group", group = *g),
        None => crate::tr!("err-slip39-the-groups"),
    }
}

/// The name of a share field that differs between backups.
fn field_name(field: &str) -> String {
    match field {
        "identifier" => crate::tr!("err-slip39-field-identifier"),
        "extendable flag" => crate::tr!("err-slip39-field-extendable"),
        "iteration exponent" => crate::tr!("err-slip39-field-iteration-exponent"),
        other => other.to_owned(),
    }
}

// ---------------------------------------------------------------------------
// Word list and typo help

/// The SLIP-39 word list: 1024 words, sorted, unique by their first 4 letters.
pub fn wordlist() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| WORDLIST_TEXT.lines().collect())
}

fn word_index(word: &str) -> Option<u16> {
    // The index is at most 1023, so the conversion cannot fail.
    wordlist()
        .binary_search(&word)
        .ok()
        .and_then(|i| u16::try_from(i).ok())
}

/// The words starting with `prefix` (case-insensitive), in list order.
/// Four letters are always enough to leave at most one word.
pub fn complete(prefix: &str) -> Vec<&'static str> {
    let prefix = prefix.trim().to_lowercase();
    let words = wordlist();
    let start = words.partition_point(|w| *w < prefix.as_str());
    words[start..]
        .iter()
        .take_while(|w| w.starts_with(prefix.as_str()))
        .copied()
        .collect()
}

/// Up to five list words closest to a mistyped `word`, best first: the word
/// its first four letters pin down (if any), then words within an edit
/// distance of two (counting a swap of neighbouring letters as one edit).
pub fn suggest(word: &str) -> Vec<&'static str> {
    const MAX_SUGGESTIONS: usize = 5;
    const MAX_DISTANCE: usize = 2;
    let word = word.trim().to_lowercase();
    if word.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<&'static str> = Vec::new();
    let four: String = word.chars().take(4).collect();
    if four.chars().count() == 4 {
        out.extend(complete(&four));
    }
    // A word whose length differs by more than the distance cannot be
    // within it; skipping those keeps a pasted wall of text cheap (the
    // full distance costs its length times each list word).
    let len = word.chars().count();
    let mut scored: Vec<(usize, &'static str)> = wordlist()
        .iter()
        .filter(|w| w.len().abs_diff(len) <= MAX_DISTANCE)
        .map(|w| (edit_distance(&word, w), *w))
        .filter(|(d, _)| *d <= MAX_DISTANCE)
        .collect();
    scored.sort();
    for (_, w) in scored {
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out.truncate(MAX_SUGGESTIONS);
    out
}

/// Optimal-string-alignment distance: insertions, deletions, substitutions
/// and transpositions of adjacent characters each cost one.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (i, row) in d.chunks_mut(width).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

// ---------------------------------------------------------------------------
// RS1024 checksum (a Reed-Solomon code over GF(1024), as in the spec)

const RS1024_GENERATOR: [u32; 10] = [
    0x00E0_E040,
    0x01C1_C080,
    0x0383_8100,
    0x0707_0200,
    0x0E0E_0009,
    0x1C0C_2412,
    0x3808_6C24,
    0x3090_FC48,
    0x21B1_F890,
    0x03F3_F120,
];

fn rs1024_polymod(customization: &[u8], values: &[u16]) -> u32 {
    let mut chk = 1u32;
    let all = customization
        .iter()
        .map(|&b| u32::from(b))
        .chain(values.iter().map(|&v| u32::from(v)));
    for v in all {
        let top = chk >> 20;
        chk = ((chk & 0x000F_FFFF) << 10) ^ v;
        // Masks instead of `if`: share words are secret.
        for (i, g) in RS1024_GENERATOR.iter().enumerate() {
            chk ^= g & 0u32.wrapping_sub((top >> i) & 1);
        }
    }
    chk
}

fn rs1024_checksum(customization: &[u8], data: &[u16]) -> [u16; CHECKSUM_WORDS] {
    let mut values = Zeroizing::new(Vec::with_capacity(data.len() + CHECKSUM_WORDS));
    values.extend_from_slice(data);
    values.extend_from_slice(&[0; CHECKSUM_WORDS]);
    let chk = rs1024_polymod(customization, &values) ^ 1;
    // Each value is masked to 10 bits, so it fits in u16.
    [
        (chk >> 20) as u16 & 0x3FF,
        (chk >> 10) as u16 & 0x3FF,
        chk as u16 & 0x3FF,
    ]
}

fn rs1024_verify(customization: &[u8], data: &[u16]) -> bool {
    rs1024_polymod(customization, data) == 1
}

/// For a share whose words are all in the list but whose checksum fails:
/// the one word that, changed, makes the checksum match, as its 1-based
/// position and the word it should be. RS1024 corrects any single wrong
/// word, so at most one change fits; `None` when the share is fine, has an
/// unknown word, or more than one word is wrong.
pub fn find_single_wrong_word(mnemonic: &str) -> Option<(usize, &'static str)> {
    let mut indices: Zeroizing<Vec<u16>> = Zeroizing::new(Vec::new());
    for raw in mnemonic.split_whitespace() {
        indices.push(word_index(&Zeroizing::new(raw.to_lowercase()))?);
    }
    if indices.len() < MIN_MNEMONIC_WORDS {
        return None;
    }
    let custom = |ix: &[u16]| {
        let id_exp = (u32::from(ix[0]) << 10) | u32::from(ix[1]);
        customization((id_exp >> 4) & 1 == 1)
    };
    if rs1024_verify(custom(&indices), &indices) {
        return None;
    }
    let mut found = None;
    for pos in 0..indices.len() {
        let original = indices[pos];
        for candidate in 0..1024u16 {
            if candidate == original {
                continue;
            }
            indices[pos] = candidate;
            if rs1024_verify(custom(&indices), &indices) {
                if found.is_some() {
                    indices[pos] = original;
                    return None;
                }
                found = Some((pos + 1, wordlist()[usize::from(candidate)]));
            }
        }
        indices[pos] = original;
    }
    found
}

// ---------------------------------------------------------------------------
// One share <-> mnemonic

/// Decodes and checks one share mnemonic: every word in the list, a
/// possible length, the RS1024 checksum (with the customization string the
/// extendable flag selects), the padding and the group fields. Words are
/// separated by whitespace; case does not matter.
pub fn decode_mnemonic(mnemonic: &str) -> Result<Share, Slip39Error> {
    decode_share(mnemonic, None)
}

fn decode_share(mnemonic: &str, share: Option<usize>) -> Result<Share, Slip39Error> {
    let mut indices: Zeroizing<Vec<u16>> = Zeroizing::new(Vec::new());
    for (i, raw) in mnemonic.split_whitespace().enumerate() {
        let word = Zeroizing::new(raw.to_lowercase());
        match word_index(&word) {
            Some(index) => indices.push(index),
            None => {
                return Err(Slip39Error::UnknownWord {
                    share,
                    position: i + 1,
                    // Quoted in messages: a typo is short, a paste may not be.
                    word: raw.chars().take(40).collect(),
                    suggestions: suggest(&word),
                });
            }
        }
    }
    let count = indices.len();
    if count < MIN_MNEMONIC_WORDS {
        return Err(Slip39Error::WrongWordCount { share, count });
    }
    let value_words = count - METADATA_WORDS;
    // The value is an even number of bytes, left-padded with at most 8 zero
    // bits to whole words; any other length cannot come from a valid secret.
    let padding = (RADIX_BITS * value_words) % 16;
    if padding > 8 {
        return Err(Slip39Error::WrongWordCount { share, count });
    }

    let id_exp = (u32::from(indices[0]) << 10) | u32::from(indices[1]);
    let identifier = (id_exp >> 5) as u16;
    let extendable = (id_exp >> 4) & 1 == 1;
    let iteration_exponent = (id_exp & 0xF) as u8;

    if !rs1024_verify(customization(extendable), &indices) {
        return Err(Slip39Error::ChecksumFailed { share });
    }

    let params = (u32::from(indices[2]) << 10) | u32::from(indices[3]);
    let field = |shift: u32| ((params >> shift) & 0xF) as u8;
    let group_index = field(16);
    let group_threshold = field(12) + 1;
    let group_count = field(8) + 1;
    let member_index = field(4);
    let member_threshold = field(0) + 1;
    if group_threshold > group_count || group_index >= group_count {
        return Err(Slip39Error::InvalidGroupParameters {
            share,
            group: group_index + 1,
            group_threshold,
            group_count,
        });
    }

    let value_data = &indices[ID_EXP_WORDS + PARAMS_WORDS..count - CHECKSUM_WORDS];
    let value = unpack_value(value_data, padding).ok_or(Slip39Error::InvalidPadding { share })?;

    Ok(Share {
        identifier,
        extendable,
        iteration_exponent,
        group_index,
        group_threshold,
        group_count,
        member_index,
        member_threshold,
        value: SecretBytes::new(value.to_vec()),
    })
}

/// Turns 10-bit words into bytes, dropping `padding` leading bits, which
/// must be zero. `None` when they are not.
fn unpack_value(words: &[u16], padding: usize) -> Option<Zeroizing<Vec<u8>>> {
    let total_bits = RADIX_BITS * words.len() - padding;
    let mut out = Zeroizing::new(Vec::with_capacity(total_bits / 8));
    let mut acc = 0u32;
    let mut bits = 0usize;
    let mut padding_left = padding;
    for &w in words {
        acc = (acc << RADIX_BITS) | u32::from(w);
        bits += RADIX_BITS;
        if padding_left > 0 {
            // Padding is at most 8 bits, so it all sits in the first word.
            if acc >> (bits - padding_left) != 0 {
                acc.zeroize();
                return None;
            }
            bits -= padding_left;
            padding_left = 0;
        }
        while bits >= 8 {
            out.push((acc >> (bits - 8)) as u8);
            bits -= 8;
            acc &= (1u32 << bits) - 1;
        }
    }
    acc.zeroize();
    Some(out)
}

/// Turns bytes into 10-bit words, left-padding with zero bits to whole words.
fn pack_value(bytes: &[u8]) -> Zeroizing<Vec<u16>> {
    let total_bits = bytes.len() * 8;
    let words = total_bits.div_ceil(RADIX_BITS);
    let mut out = Zeroizing::new(Vec::with_capacity(words));
    let mut acc = 0u32;
    // Leading zero bits count as already-buffered input.
    let mut bits = words * RADIX_BITS - total_bits;
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= RADIX_BITS {
            out.push((acc >> (bits - RADIX_BITS)) as u16);
            bits -= RADIX_BITS;
            acc &= (1u32 << bits) - 1;
        }
    }
    acc.zeroize();
    out
}

/// Writes one share as its mnemonic. Fields are masked to their bit widths
/// (a [`Share`] from [`decode_mnemonic`] or [`split`] always fits).
pub fn encode_mnemonic(share: &Share) -> SecretString {
    let id_exp = (u32::from(share.identifier & 0x7FFF) << 5)
        | (u32::from(share.extendable) << 4)
        | u32::from(share.iteration_exponent & 0xF);
    let nibble = |v: u8| u32::from(v & 0xF);
    let params = (nibble(share.group_index) << 16)
        | (nibble(share.group_threshold.wrapping_sub(1)) << 12)
        | (nibble(share.group_count.wrapping_sub(1)) << 8)
        | (nibble(share.member_index) << 4)
        | nibble(share.member_threshold.wrapping_sub(1));
    let value = pack_value(share.value.expose());
    let mut data: Zeroizing<Vec<u16>> =
        Zeroizing::new(Vec::with_capacity(METADATA_WORDS + value.len()));
    for v in [id_exp >> 10, id_exp, params >> 10, params] {
        data.push((v & 0x3FF) as u16);
    }
    data.extend_from_slice(&value);
    let checksum = rs1024_checksum(share.customization(), &data);
    data.extend_from_slice(&checksum);

    let words = wordlist();
    // Longest word is 8 letters; reserving up front avoids reallocations
    // that would leave unzeroed copies behind.
    let mut text = String::with_capacity(data.len() * 9);
    for (i, &index) in data.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(words[usize::from(index)]);
    }
    SecretString::new(text)
}

// ---------------------------------------------------------------------------
// Encryption of the master secret

/// The 4-round Feistel network of the spec. `encrypt` selects the round
/// order; decryption is the same network run backwards.
fn feistel(
    input: &[u8],
    passphrase: &[u8],
    iteration_exponent: u8,
    identifier: u16,
    extendable: bool,
    encrypt: bool,
) -> Zeroizing<Vec<u8>> {
    let half = input.len() / 2;
    let mut left = Zeroizing::new(input[..half].to_vec());
    let mut right = Zeroizing::new(input[half..].to_vec());
    // Extendable backups leave the identifier out of the salt, so new
    // shares with a new identifier can encrypt the same secret identically.
    let mut salt_prefix = Vec::new();
    if !extendable {
        salt_prefix.extend_from_slice(CUSTOMIZATION);
        salt_prefix.extend_from_slice(&identifier.to_be_bytes());
    }
    let iterations = (BASE_ITERATIONS << iteration_exponent) / u32::from(ROUND_COUNT);
    for step in 0..ROUND_COUNT {
        let round = if encrypt {
            step
        } else {
            ROUND_COUNT - 1 - step
        };
        let f = round_function(round, passphrase, iterations, &salt_prefix, &right);
        for (l, k) in left.iter_mut().zip(f.iter()) {
            *l ^= k;
        }
        std::mem::swap(&mut left, &mut right);
    }
    let mut out = Zeroizing::new(Vec::with_capacity(input.len()));
    out.extend_from_slice(&right);
    out.extend_from_slice(&left);
    out
}

fn round_function(
    round: u8,
    passphrase: &[u8],
    iterations: u32,
    salt_prefix: &[u8],
    right: &[u8],
) -> Zeroizing<Vec<u8>> {
    let mut password = Zeroizing::new(Vec::with_capacity(1 + passphrase.len()));
    password.push(round);
    password.extend_from_slice(passphrase);
    let mut salt = Zeroizing::new(Vec::with_capacity(salt_prefix.len() + right.len()));
    salt.extend_from_slice(salt_prefix);
    salt.extend_from_slice(right);
    let mut out = Zeroizing::new(vec![0u8; right.len()]);
    pbkdf2::pbkdf2_hmac::<Sha256>(&password, &salt, iterations, &mut out);
    out
}

// ---------------------------------------------------------------------------
// Shamir sharing of one level

fn digest(random_part: &[u8], secret: &[u8]) -> [u8; DIGEST_BYTES] {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(random_part)
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(secret);
    let full = mac.finalize().into_bytes();
    let mut out = [0u8; DIGEST_BYTES];
    out.copy_from_slice(&full[..DIGEST_BYTES]);
    out
}

/// Splits `secret` into `count` shares (indices 0..count) of which any
/// `threshold` recover it. Parameters were validated by the caller.
fn split_secret(threshold: u8, count: u8, secret: &[u8]) -> Vec<Zeroizing<Vec<u8>>> {
    if threshold == 1 {
        return (0..count)
            .map(|_| Zeroizing::new(secret.to_vec()))
            .collect();
    }
    let random_count = threshold - 2;
    let mut shares: Vec<Zeroizing<Vec<u8>>> = (0..random_count)
        .map(|_| {
            let mut v = Zeroizing::new(vec![0u8; secret.len()]);
            OsRng.fill_bytes(&mut v);
            v
        })
        .collect();
    let mut digest_share = Zeroizing::new(vec![0u8; secret.len()]);
    OsRng.fill_bytes(&mut digest_share[DIGEST_BYTES..]);
    let d = digest(&digest_share[DIGEST_BYTES..], secret);
    digest_share[..DIGEST_BYTES].copy_from_slice(&d);

    let mut base: Vec<(u8, &[u8])> = (0..random_count)
        .zip(shares.iter())
        .map(|(x, v)| (x, v.as_slice()))
        .collect();
    base.push((DIGEST_INDEX, &digest_share));
    base.push((SECRET_INDEX, secret));
    let rest: Vec<Zeroizing<Vec<u8>>> = (random_count..count)
        .map(|x| {
            gf256::interpolate(&base, x)
                .unwrap_or_else(|_| unreachable!("base points are distinct and equally long"))
        })
        .collect();
    shares.extend(rest);
    shares
}

/// Why one level of recovery failed, before it is given its user-facing
/// context.
enum RecoverError {
    Digest,
}

/// Recovers the secret from exactly `threshold` points with distinct x and
/// equal lengths (checked by the caller), verifying the digest share.
fn recover_secret(
    threshold: u8,
    points: &[(u8, &[u8])],
) -> Result<Zeroizing<Vec<u8>>, RecoverError> {
    if threshold == 1 {
        return Ok(Zeroizing::new(points[0].1.to_vec()));
    }
    let interpolate = |x| {
        gf256::interpolate(points, x)
            .unwrap_or_else(|_| unreachable!("points are distinct and equally long"))
    };
    let secret = interpolate(SECRET_INDEX);
    let digest_share = interpolate(DIGEST_INDEX);
    let expected = digest(&digest_share[DIGEST_BYTES..], &secret);
    if bool::from(expected.ct_eq(&digest_share[..DIGEST_BYTES])) {
        Ok(secret)
    } else {
        Err(RecoverError::Digest)
    }
}

/// True when `extra` lies on the polynomial through `points`.
fn point_fits(points: &[(u8, &[u8])], extra: (u8, &[u8])) -> bool {
    match gf256::interpolate(points, extra.0) {
        Ok(expected) => bool::from(expected.as_slice().ct_eq(extra.1)),
        Err(_) => false,
    }
}

// ---------------------------------------------------------------------------
// Split and combine

/// Splits `master_secret` into SLIP-39 share mnemonics, one inner `Vec` per
/// group in the order of `groups`, whose entries are
/// `(member_threshold, member_count)`; any `group_threshold` complete
/// groups recover the secret.
///
/// The secret is first encrypted with `passphrase` (printable ASCII, may be
/// empty) at cost `iteration_exponent` (0 to 15; each step doubles the
/// PBKDF2 work). `extendable` sets the spec's extendable-backup flag.
/// The identifier and share randomness come from the operating system.
pub fn split(
    master_secret: &[u8],
    passphrase: &[u8],
    group_threshold: u8,
    groups: &[(u8, u8)],
    extendable: bool,
    iteration_exponent: u8,
) -> Result<Vec<Vec<SecretString>>, Slip39Error> {
    let len = master_secret.len();
    if len < MIN_SECRET_BYTES || !len.is_multiple_of(2) {
        return Err(Slip39Error::MasterSecretLength { len });
    }
    if !passphrase.iter().all(|b| (32..=126).contains(b)) {
        return Err(Slip39Error::PassphraseNotPrintable);
    }
    if iteration_exponent > MAX_ITERATION_EXPONENT {
        return Err(Slip39Error::IterationExponent {
            exponent: iteration_exponent,
        });
    }
    if groups.is_empty() || groups.len() > MAX_SHARE_COUNT {
        return Err(Slip39Error::GroupCount {
            count: groups.len(),
        });
    }
    if group_threshold == 0 || usize::from(group_threshold) > groups.len() {
        return Err(Slip39Error::GroupThreshold {
            threshold: group_threshold,
            count: groups.len(),
        });
    }
    for (i, &(threshold, count)) in groups.iter().enumerate() {
        let group = i + 1;
        if count == 0 || usize::from(count) > MAX_SHARE_COUNT {
            return Err(Slip39Error::MemberCount { group, count });
        }
        if threshold == 0 || threshold > count {
            return Err(Slip39Error::MemberThreshold {
                group,
                threshold,
                count,
            });
        }
        if threshold == 1 && count > 1 {
            return Err(Slip39Error::MemberThresholdOne { group, count });
        }
    }

    let identifier = (OsRng.next_u32() & 0x7FFF) as u16;
    let encrypted = feistel(
        master_secret,
        passphrase,
        iteration_exponent,
        identifier,
        extendable,
        true,
    );
    // At most 16 groups (checked above), so the count fits in u8.
    let group_count = groups.len() as u8;
    let group_secrets = split_secret(group_threshold, group_count, &encrypted);

    let mut out = Vec::with_capacity(groups.len());
    for ((group_index, &(member_threshold, member_count)), group_secret) in
        (0u8..).zip(groups).zip(&group_secrets)
    {
        let members = split_secret(member_threshold, member_count, group_secret);
        let mnemonics = (0u8..)
            .zip(members.iter())
            .map(|(member_index, value)| {
                encode_mnemonic(&Share {
                    identifier,
                    extendable,
                    iteration_exponent,
                    group_index,
                    group_threshold,
                    group_count,
                    member_index,
                    member_threshold,
                    value: SecretBytes::new(value.to_vec()),
                })
            })
            .collect();
        out.push(mnemonics);
    }
    Ok(out)
}

/// The shares of one group as given, in input order, duplicates removed.
struct GroupInput<'a> {
    index: u8,
    /// (1-based share number, share)
    members: Vec<(usize, &'a Share)>,
}

/// Recovers the master secret from share mnemonics and the passphrase.
///
/// Shares may come in any order. An exact duplicate of a share is ignored.
/// Groups with fewer shares than their threshold are ignored when enough
/// complete groups are present; shares and groups beyond a threshold are
/// checked against the others (a wrong one is reported, not skipped).
/// A wrong passphrase is not detected: it yields a different secret.
pub fn combine(mnemonics: &[&str], passphrase: &[u8]) -> Result<SecretBytes, Slip39Error> {
    if mnemonics.is_empty() {
        return Err(Slip39Error::NoShares);
    }
    let shares = mnemonics
        .iter()
        .enumerate()
        .map(|(i, m)| decode_share(m, Some(i + 1)))
        .collect::<Result<Vec<Share>, Slip39Error>>()?;

    let first = &shares[0];
    let words_of = |s: &Share| METADATA_WORDS + (s.value.len() * 8).div_ceil(RADIX_BITS);
    for (i, s) in shares.iter().enumerate().skip(1) {
        let number = i + 1;
        let field = if s.identifier != first.identifier {
            Some("identifier")
        } else if s.extendable != first.extendable {
            Some("extendable flag")
        } else if s.iteration_exponent != first.iteration_exponent {
            Some("iteration exponent")
        } else {
            None
        };
        if let Some(field) = field {
            return Err(Slip39Error::DifferentSets {
                share: number,
                first: 1,
                field,
            });
        }
        if s.group_threshold != first.group_threshold || s.group_count != first.group_count {
            return Err(Slip39Error::GroupParametersMismatch {
                share: number,
                share_threshold: s.group_threshold,
                share_count: s.group_count,
                first: 1,
                first_threshold: first.group_threshold,
                first_count: first.group_count,
            });
        }
        if s.value.len() != first.value.len() {
            return Err(Slip39Error::ShareLengthMismatch {
                share: number,
                share_words: words_of(s),
                first: 1,
                first_words: words_of(first),
            });
        }
    }

    // Sort shares into groups, keeping the order in which they were given.
    let mut groups: Vec<GroupInput<'_>> = Vec::new();
    for (i, s) in shares.iter().enumerate() {
        let number = i + 1;
        let pos = match groups.iter().position(|g| g.index == s.group_index) {
            Some(pos) => pos,
            None => {
                groups.push(GroupInput {
                    index: s.group_index,
                    members: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let group = &mut groups[pos];
        let (first_number, first_share) = group.members[..].first().copied().unwrap_or((number, s));
        if s.member_threshold != first_share.member_threshold {
            return Err(Slip39Error::MemberThresholdMismatch {
                group: s.group_index + 1,
                share: number,
                share_threshold: s.member_threshold,
                first: first_number,
                first_threshold: first_share.member_threshold,
            });
        }
        if let Some(&(other_number, other)) = group
            .members
            .iter()
            .find(|(_, m)| m.member_index == s.member_index)
        {
            if bool::from(other.value.expose().ct_eq(s.value.expose())) {
                continue;
            }
            return Err(Slip39Error::DuplicateMemberIndex {
                group: s.group_index + 1,
                member: s.member_index + 1,
                first: other_number,
                share: number,
            });
        }
        group.members.push((number, s));
    }

    let group_threshold = first.group_threshold;
    let complete: Vec<&GroupInput<'_>> = groups
        .iter()
        .filter(|g| g.members.len() >= usize::from(g.members[0].1.member_threshold))
        .collect();
    if complete.len() < usize::from(group_threshold) {
        if groups.len() < usize::from(group_threshold) {
            return Err(Slip39Error::NotEnoughGroups {
                needed: group_threshold,
                count: first.group_count,
                given: groups.len(),
            });
        }
        // Enough groups were started, so point at the first one that is short.
        if let Some(short) = groups
            .iter()
            .find(|g| g.members.len() < usize::from(g.members[0].1.member_threshold))
        {
            return Err(Slip39Error::NotEnoughShares {
                group: short.index + 1,
                needed: short.members[0].1.member_threshold,
                given: short.members.len(),
            });
        }
    }

    let mut group_secrets: Vec<(u8, Zeroizing<Vec<u8>>)> = Vec::with_capacity(complete.len());
    for group in &complete {
        let threshold = group.members[0].1.member_threshold;
        let points: Vec<(u8, &[u8])> = group
            .members
            .iter()
            .map(|(_, s)| (s.member_index, s.value.expose()))
            .collect();
        let (used, extra) = points.split_at(usize::from(threshold));
        let secret = recover_secret(threshold, used).map_err(|RecoverError::Digest| {
            Slip39Error::DigestMismatch {
                group: Some(group.index + 1),
            }
        })?;
        for (k, point) in extra.iter().enumerate() {
            if !point_fits(used, *point) {
                return Err(Slip39Error::ShareDoesNotFit {
                    group: group.index + 1,
                    share: group.members[usize::from(threshold) + k].0,
                });
            }
        }
        group_secrets.push((group.index, secret));
    }

    let points: Vec<(u8, &[u8])> = group_secrets
        .iter()
        .map(|(x, v)| (*x, v.as_slice()))
        .collect();
    let (used, extra) = points.split_at(usize::from(group_threshold));
    let encrypted = recover_secret(group_threshold, used)
        .map_err(|RecoverError::Digest| Slip39Error::DigestMismatch { group: None })?;
    for point in extra {
        if !point_fits(used, *point) {
            return Err(Slip39Error::GroupDoesNotFit { group: point.0 + 1 });
        }
    }

    let master = feistel(
        &encrypted,
        passphrase,
        first.iteration_exponent,
        first.identifier,
        first.extendable,
        false,
    );
    Ok(SecretBytes::new(master.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET16: [u8; 16] = *b"0123456789abcdef";

    #[test]
    fn wordlist_has_the_standard_shape() {
        let words = wordlist();
        assert_eq!(words.len(), 1024);
        assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
        let prefixes: std::collections::BTreeSet<&str> =
            words.iter().map(|w| &w[..4.min(w.len())]).collect();
        assert_eq!(prefixes.len(), 1024, "unique by first four letters");
        assert_eq!(words[0], "academic");
        assert_eq!(words[1023], "zero");
        assert!(words.iter().all(|w| (4..=8).contains(&w.len())));
    }

    #[test]
    fn complete_and_suggest_help_with_typos() {
        assert_eq!(complete("acad"), vec!["academic"]);
        assert_eq!(complete("ZER"), vec!["zero"]);
        assert!(complete("ac").len() > 1);
        assert!(complete("qqq").is_empty());
        assert_eq!(suggest("academik")[0], "academic");
        assert!(suggest("acadmeic").contains(&"academic"), "swap");
        assert!(suggest("zzzzzzzzzzzz").is_empty());
        assert!(suggest("").is_empty());
        assert!(suggest("duckling").len() <= 5);
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("abcd", "abcd"), 0);
        assert_eq!(edit_distance("abcd", "abdc"), 1);
        assert_eq!(edit_distance("abcd", "abd"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn pack_and_unpack_are_inverse() {
        for len in [16usize, 18, 20, 32, 64] {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let words = pack_value(&bytes);
            assert_eq!(words.len(), (len * 8).div_ceil(10));
            let padding = (10 * words.len()) % 16;
            assert_eq!(padding, words.len() * 10 - len * 8);
            assert_eq!(
                unpack_value(&words, padding).unwrap().as_slice(),
                &bytes[..]
            );
        }
        // A set padding bit is refused.
        let mut words = pack_value(&[0xFF; 16]);
        words[0] |= 0x200;
        assert!(unpack_value(&words, 2).is_none());
    }

    #[test]
    fn a_single_wrong_word_is_found_with_its_replacement() {
        let shares = split(&[7u8; 16], b"", 1, &[(2, 3)], true, 0).unwrap();
        let good = shares[0][0].expose().to_owned();
        assert_eq!(find_single_wrong_word(&good), None);
        let mut words: Vec<&str> = good.split_whitespace().collect();
        let at = 7;
        let right = words[at - 1];
        let wrong = if right == "academic" {
            "acid"
        } else {
            "academic"
        };
        words[at - 1] = wrong;
        let bad = words.join(" ");
        assert!(matches!(
            decode_mnemonic(&bad),
            Err(Slip39Error::ChecksumFailed { .. })
        ));
        assert_eq!(find_single_wrong_word(&bad), Some((at, right)));
        // two wrong words: no single change fits
        words[at] = if words[at] == "academic" {
            "acid"
        } else {
            "academic"
        };
        assert_eq!(find_single_wrong_word(&words.join(" ")), None);
    }

    #[test]
    fn checksum_detects_any_single_word_change() {
        let share = sample_share(false);
        let text = encode_mnemonic(&share);
        let words: Vec<&str> = text.expose().split(' ').collect();
        for pos in 0..words.len() {
            let mut changed = words.clone();
            let old = word_index(words[pos]).unwrap();
            changed[pos] = wordlist()[usize::from((old + 1) % 1024)];
            let err = decode_mnemonic(&changed.join(" ")).unwrap_err();
            assert!(
                matches!(err, Slip39Error::ChecksumFailed { share: None }),
                "position {pos}: {err}"
            );
        }
    }

    #[test]
    fn customization_string_follows_the_extendable_flag() {
        // The same data under the other customization string fails the check.
        let share = sample_share(true);
        let text = encode_mnemonic(&share);
        let indices: Vec<u16> = text
            .expose()
            .split(' ')
            .map(|w| word_index(w).unwrap())
            .collect();
        assert!(rs1024_verify(CUSTOMIZATION_EXTENDABLE, &indices));
        assert!(!rs1024_verify(CUSTOMIZATION, &indices));
    }

    fn sample_share(extendable: bool) -> Share {
        Share {
            identifier: 0x5A5A,
            extendable,
            iteration_exponent: 3,
            group_index: 1,
            group_threshold: 2,
            group_count: 3,
            member_index: 4,
            member_threshold: 3,
            value: SecretBytes::new(SECRET16.to_vec()),
        }
    }

    #[test]
    fn encode_then_decode_round_trips() {
        for extendable in [false, true] {
            let share = sample_share(extendable);
            let text = encode_mnemonic(&share);
            assert_eq!(text.expose().split(' ').count(), 20);
            assert_eq!(decode_mnemonic(text.expose()).unwrap(), share);
            let shouted = text.expose().to_uppercase().replace(' ', "  \n");
            assert_eq!(decode_mnemonic(&shouted).unwrap(), share);
        }
    }

    #[test]
    fn debug_never_shows_the_value() {
        let share = sample_share(false);
        let dbg = format!("{share:?}");
        assert!(dbg.contains("[REDACTED]"));
        assert!(!dbg.contains("48"), "no byte of the value: {dbg}");
    }

    #[test]
    fn a_huge_unknown_word_is_cheap_and_quoted_short() {
        // Found while fuzzing slip39_decode: suggestions ran a full edit
        // distance against every list word, O(length) each, and the error
        // quoted the whole word.
        let huge = "a".repeat(200_000);
        let start = std::time::Instant::now();
        let err = decode_mnemonic(&huge).unwrap_err();
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
        match &err {
            Slip39Error::UnknownWord {
                word, suggestions, ..
            } => {
                assert_eq!(word.chars().count(), 40);
                assert!(suggestions.iter().all(|s| s.starts_with("aaaa")));
            }
            other => panic!("{other:?}"),
        }
        assert!(err.to_string().len() < 400);
    }

    #[test]
    fn decoding_reports_position_word_and_suggestions() {
        let text = encode_mnemonic(&sample_share(false));
        let mut words: Vec<String> = text.expose().split(' ').map(str::to_owned).collect();
        let original = words[6].clone();
        words[6].push('x');
        let err = decode_mnemonic(&words.join(" ")).unwrap_err();
        match &err {
            Slip39Error::UnknownWord {
                share: None,
                position: 7,
                suggestions,
                ..
            } => assert_eq!(suggestions[0], original),
            other => panic!("unexpected {other:?}"),
        }
        assert!(err.to_string().contains("did you mean"));

        let err = decode_mnemonic(&words[..19].join(" ")).unwrap_err();
        assert!(matches!(err, Slip39Error::UnknownWord { .. }));
        let short: Vec<&str> = text.expose().split(' ').take(19).collect();
        let err = decode_mnemonic(&short.join(" ")).unwrap_err();
        assert!(matches!(err, Slip39Error::WrongWordCount { count: 19, .. }));
        assert!(matches!(
            decode_mnemonic("").unwrap_err(),
            Slip39Error::WrongWordCount { count: 0, .. }
        ));
    }

    #[test]
    fn feistel_decrypts_what_it_encrypts() {
        let secret = SECRET16;
        for extendable in [false, true] {
            let enc = feistel(&secret, b"TREZOR", 0, 7, extendable, true);
            assert_ne!(enc.as_slice(), &secret[..]);
            let dec = feistel(&enc, b"TREZOR", 0, 7, extendable, false);
            assert_eq!(dec.as_slice(), &secret[..]);
            let wrong = feistel(&enc, b"trezor", 0, 7, extendable, false);
            assert_ne!(wrong.as_slice(), &secret[..]);
        }
        // The identifier is in the salt only when not extendable.
        let a = feistel(&secret, b"", 0, 1, false, true);
        let b = feistel(&secret, b"", 0, 2, false, true);
        assert_ne!(a, b);
        let a = feistel(&secret, b"", 0, 1, true, true);
        let b = feistel(&secret, b"", 0, 2, true, true);
        assert_eq!(a, b);
    }

    #[test]
    fn split_secret_then_recover_any_threshold_subset() {
        let secret = SECRET16;
        let shares = split_secret(3, 5, &secret);
        assert_eq!(shares.len(), 5);
        for subset in [[0u8, 1, 2], [0, 2, 4], [4, 3, 1]] {
            let points: Vec<(u8, &[u8])> = subset
                .iter()
                .map(|&i| (i, shares[usize::from(i)].as_slice()))
                .collect();
            let got = recover_secret(3, &points).ok().unwrap();
            assert_eq!(got.as_slice(), &secret[..]);
        }
        // Two shares and a wrong third fail the digest.
        let mut bad = shares[2].to_vec();
        bad[0] ^= 1;
        let points = [
            (0u8, shares[0].as_slice()),
            (1, shares[1].as_slice()),
            (2, &bad[..]),
        ];
        assert!(recover_secret(3, &points).is_err());
    }

    #[test]
    fn split_and_combine_two_levels() {
        let groups = [(2u8, 3u8), (1, 1), (3, 5)];
        let sets = split(&SECRET16, b"pw", 2, &groups, false, 0).unwrap();
        assert_eq!(sets.iter().map(Vec::len).collect::<Vec<_>>(), vec![3, 1, 5]);
        let pick = |g: usize, m: usize| sets[g][m].expose();

        let ok = combine(
            &[pick(2, 4), pick(0, 1), pick(2, 0), pick(0, 2), pick(2, 2)],
            b"pw",
        );
        assert_eq!(ok.unwrap().expose(), &SECRET16[..]);
        let ok = combine(&[pick(1, 0), pick(0, 0), pick(0, 2)], b"pw").unwrap();
        assert_eq!(ok.expose(), &SECRET16[..]);
        // A wrong passphrase is not detected; it gives another secret.
        let wrong = combine(&[pick(1, 0), pick(0, 0), pick(0, 2)], b"PW").unwrap();
        assert_ne!(wrong.expose(), &SECRET16[..]);
        // An extra share and an extra group are checked and accepted.
        let ok = combine(&[pick(1, 0), pick(0, 0), pick(0, 2), pick(0, 1)], b"pw").unwrap();
        assert_eq!(ok.expose(), &SECRET16[..]);
        let all: Vec<&str> = sets.iter().flatten().map(SecretString::expose).collect();
        assert_eq!(combine(&all, b"pw").unwrap().expose(), &SECRET16[..]);
        // An incomplete group is ignored when enough complete groups are there.
        let ok = combine(&[pick(1, 0), pick(2, 1), pick(0, 0), pick(0, 2)], b"pw").unwrap();
        assert_eq!(ok.expose(), &SECRET16[..]);
        // An exact duplicate is ignored.
        let ok = combine(&[pick(1, 0), pick(0, 0), pick(0, 0), pick(0, 2)], b"pw").unwrap();
        assert_eq!(ok.expose(), &SECRET16[..]);
    }

    #[test]
    fn combine_explains_what_is_missing() {
        let groups = [(2u8, 3u8), (1, 1), (3, 5)];
        let sets = split(&SECRET16, b"", 2, &groups, false, 0).unwrap();
        let pick = |g: usize, m: usize| sets[g][m].expose();

        let err = combine(&[pick(0, 0), pick(0, 1)], b"").unwrap_err();
        assert!(matches!(
            err,
            Slip39Error::NotEnoughGroups {
                needed: 2,
                count: 3,
                given: 1
            }
        ));
        assert_eq!(
            err.to_string().split(':').next().unwrap(),
            "2 of 3 groups needed, 1 given"
        );
        let err = combine(&[pick(0, 0), pick(2, 3)], b"").unwrap_err();
        assert!(matches!(
            err,
            Slip39Error::NotEnoughShares {
                group: 1,
                needed: 2,
                given: 1
            }
        ));
        assert!(err
            .to_string()
            .starts_with("group 1: 2 shares needed, 1 given"));
        assert!(matches!(
            combine(&[], b"").unwrap_err(),
            Slip39Error::NoShares
        ));

        // Shares of another backup.
        let other = split(&SECRET16, b"", 2, &groups, false, 0).unwrap();
        let err = combine(&[pick(1, 0), other[0][0].expose()], b"").unwrap_err();
        assert!(matches!(
            err,
            Slip39Error::DifferentSets {
                share: 2,
                first: 1,
                ..
            }
        ));
    }

    #[test]
    fn combine_reports_which_share_is_broken() {
        let sets = split(&SECRET16, b"", 1, &[(2, 3)], false, 0).unwrap();
        let mut words: Vec<&str> = sets[0][1].expose().split(' ').collect();
        words.swap(5, 6);
        let broken = words.join(" ");
        let err = combine(&[sets[0][0].expose(), &broken], b"").unwrap_err();
        assert!(matches!(
            err,
            Slip39Error::ChecksumFailed { share: Some(2) }
        ));
        assert!(err.to_string().starts_with("share 2: "));
    }

    #[test]
    fn duplicate_member_index_with_other_value_is_refused() {
        let sets = split(&SECRET16, b"", 1, &[(2, 3)], false, 0).unwrap();
        let mut share = decode_mnemonic(sets[0][1].expose()).unwrap();
        share.member_index = 0;
        let forged = encode_mnemonic(&share);
        let err = combine(&[sets[0][0].expose(), forged.expose()], b"").unwrap_err();
        assert!(matches!(
            err,
            Slip39Error::DuplicateMemberIndex {
                group: 1,
                member: 1,
                first: 1,
                share: 2
            }
        ));
    }

    #[test]
    fn forged_share_fails_the_digest_or_the_fit_check() {
        let sets = split(&SECRET16, b"", 1, &[(2, 3)], false, 0).unwrap();
        let mut share = decode_mnemonic(sets[0][1].expose()).unwrap();
        let mut value = share.value.expose().to_vec();
        value[3] ^= 0x40;
        share.value = SecretBytes::new(value);
        let forged = encode_mnemonic(&share);
        let err = combine(&[sets[0][0].expose(), forged.expose()], b"").unwrap_err();
        assert!(matches!(
            err,
            Slip39Error::DigestMismatch { group: Some(1) }
        ));
        let err = combine(
            &[sets[0][0].expose(), sets[0][2].expose(), forged.expose()],
            b"",
        )
        .unwrap_err();
        assert!(matches!(
            err,
            Slip39Error::ShareDoesNotFit { group: 1, share: 3 }
        ));
    }

    #[test]
    fn split_validates_parameters() {
        use Slip39Error as E;
        let s = &SECRET16;
        assert!(matches!(
            split(&s[..15], b"", 1, &[(1, 1)], false, 0),
            Err(E::MasterSecretLength { len: 15 })
        ));
        assert!(matches!(
            split(&[0; 17], b"", 1, &[(1, 1)], false, 0),
            Err(E::MasterSecretLength { len: 17 })
        ));
        assert!(matches!(
            split(s, b"caf\xc3\xa9", 1, &[(1, 1)], false, 0),
            Err(E::PassphraseNotPrintable)
        ));
        assert!(matches!(
            split(s, b"", 1, &[(1, 1)], false, 16),
            Err(E::IterationExponent { exponent: 16 })
        ));
        assert!(matches!(
            split(s, b"", 1, &[], false, 0),
            Err(E::GroupCount { count: 0 })
        ));
        assert!(matches!(
            split(s, b"", 1, &[(1, 1); 17], false, 0),
            Err(E::GroupCount { count: 17 })
        ));
        assert!(matches!(
            split(s, b"", 3, &[(1, 1), (1, 1)], false, 0),
            Err(E::GroupThreshold {
                threshold: 3,
                count: 2
            })
        ));
        assert!(matches!(
            split(s, b"", 0, &[(1, 1)], false, 0),
            Err(E::GroupThreshold { threshold: 0, .. })
        ));
        assert!(matches!(
            split(s, b"", 1, &[(2, 17)], false, 0),
            Err(E::MemberCount {
                group: 1,
                count: 17
            })
        ));
        assert!(matches!(
            split(s, b"", 1, &[(1, 1), (4, 3)], false, 0),
            Err(E::MemberThreshold {
                group: 2,
                threshold: 4,
                count: 3
            })
        ));
        assert!(matches!(
            split(s, b"", 1, &[(1, 3)], false, 0),
            Err(E::MemberThresholdOne { group: 1, count: 3 })
        ));
    }

    #[test]
    fn one_of_one_is_a_single_share() {
        let sets = split(&[7u8; 32], b"", 1, &[(1, 1)], true, 0).unwrap();
        assert_eq!(sets.len(), 1);
        assert_eq!(sets[0][0].expose().split(' ').count(), 33);
        assert_eq!(
            combine(&[sets[0][0].expose()], b"").unwrap().expose(),
            &[7u8; 32][..]
        );
    }
}
