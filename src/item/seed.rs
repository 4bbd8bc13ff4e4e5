//! BIP39 seed-phrase validation with typo suggestions.
//!
//! This module owns checking a BIP39 mnemonic as a person typed it: cleaning
//! the text (case, spacing, Unicode NFKD), finding the word list, pointing at
//! the first unknown word with suggestions from the list, verifying the
//! checksum, and laying the words out in numbered columns for paper.
//! The word lists and checksum arithmetic come from the `bip39` crate.

use std::borrow::Cow;

use bip39::{Language, Mnemonic};

use crate::secret::SecretString;

/// Word counts BIP39 allows.
pub const WORD_COUNTS: [usize; 5] = [12, 15, 18, 21, 24];

/// What a valid mnemonic turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bip39Info {
    /// Word-list name, as in [`LANGUAGES`] (`"english"`, `"japanese"`, ...).
    pub language: &'static str,
    /// Number of words (12, 15, 18, 21 or 24).
    pub word_count: usize,
}

/// Why a mnemonic was refused.
///
/// An unknown word is quoted: it is not in the word list, so it reveals
/// little, and the user needs to see which one it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SeedError {
    /// The phrase has no words.
    #[error("{}", crate::tr!("err-seed-seed-error-empty"))]
    Empty,
    /// Not 12, 15, 18, 21 or 24 words.
    #[error("{}", crate::tr!("err-seed-seed-error-wrong-word-count", count = count.to_string()))]
    WrongWordCount {
        /// How many words were given.
        count: usize,
    },
    /// A word is not in the word list.
    #[error("{}", crate::tr!("err-seed-unknown-word", position = *position, word = word.as_str(), hint = did_you_mean(suggestions)))]
    UnknownWord {
        /// 1-based position of the word in the phrase.
        position: usize,
        /// The word as typed (after cleaning).
        word: String,
        /// Close words from the list, best first (at most 3).
        suggestions: Vec<String>,
    },
    /// Every word is valid but the checksum fails.
    #[error("{}", crate::tr!("err-seed-seed-error-checksum"))]
    Checksum,
    /// An Electrum seed was given where BIP39 was asked for.
    #[error("{}", crate::tr!("err-seed-seed-error-electrum-not-bip39", value = _0.to_string()))]
    ElectrumNotBip39(&'static str),
    /// A Monero seed was given where BIP39 was asked for.
    #[error("{}", crate::tr!("err-seed-seed-error-monero-not-bip39"))]
    MoneroNotBip39,
    /// `--scheme electrum`, but the words carry no Electrum version.
    #[error("{}", crate::tr!("err-seed-seed-error-not-electrum"))]
    NotElectrum,
    /// The requested word-list language is not known.
    #[error("{}", crate::tr!("err-seed-seed-error-unknown-language", value = _0.to_string()))]
    UnknownLanguage(String),
}

/// "did you mean ...?" for a list of suggested words, or advice to check
/// the spelling when there are none.
pub(crate) fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        crate::tr!("err-seed-check-spelling")
    } else {
        let quoted: Vec<String> = suggestions
            .iter()
            .map(|s| crate::tr!("err-seed-quoted-word", word = s.as_str()))
            .collect();
        crate::tr!(
            "err-seed-did-you-mean",
            words = quoted.join(&crate::tr!("err-seed-or"))
        )
    }
}

/// The word lists, by the names the Python `mnemonic` package uses, in the
/// order language detection tries them (English first).
pub const LANGUAGES: [(&str, Language); 10] = [
    ("english", Language::English),
    ("chinese_simplified", Language::SimplifiedChinese),
    ("chinese_traditional", Language::TraditionalChinese),
    ("czech", Language::Czech),
    ("french", Language::French),
    ("italian", Language::Italian),
    ("japanese", Language::Japanese),
    ("korean", Language::Korean),
    ("portuguese", Language::Portuguese),
    ("spanish", Language::Spanish),
];

/// Finds a word list by name (`"english"`, `"chinese-simplified"`, `"zh-cn"`...).
pub fn language_by_name(name: &str) -> Option<(&'static str, Language)> {
    let n = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    let n = match n.as_str() {
        "en" => "english",
        "zh_cn" | "zh_hans" | "chinese" => "chinese_simplified",
        "zh_tw" | "zh_hant" => "chinese_traditional",
        "cs" => "czech",
        "fr" => "french",
        "it" => "italian",
        "ja" => "japanese",
        "ko" => "korean",
        "pt" => "portuguese",
        "es" => "spanish",
        other => other,
    };
    LANGUAGES.into_iter().find(|(l, _)| *l == n)
}

/// Cleans a typed phrase: Unicode NFKD (as BIP39 requires), lower case,
/// surrounding and repeated whitespace (including the ideographic space
/// Japanese phrases use) collapsed to single spaces. Commas, semicolons and
/// the ideographic comma (、; full-width ，and ；become ASCII under NFKD)
/// separate words too, and a run of Chinese characters written without
/// spaces (每个字一个词, the usual way to write a Chinese phrase) is split
/// into one word per character: every word of the two Chinese BIP39 lists is
/// a single character, so nothing is lost. Kana and hangul words (Japanese,
/// Korean) have several characters and are never split.
pub fn normalize_words(input: &str) -> SecretString {
    let mut text = Cow::Borrowed(input);
    Mnemonic::normalize_utf8_cow(&mut text);
    let lower = SecretString::new(text.to_lowercase());
    if let Cow::Owned(s) = text {
        drop(SecretString::new(s));
    }
    // Sized once so the secret text is never reallocated (a reallocation
    // would leave an unwiped copy behind): each split character adds one
    // space, at most one byte per three.
    let mut buf = zeroize::Zeroizing::new(String::with_capacity(lower.expose().len() * 2));
    for token in lower
        .expose()
        .split(|c: char| c.is_whitespace() || WORD_SEPARATORS.contains(&c))
        .filter(|t| !t.is_empty())
    {
        let split = token.chars().nth(1).is_some() && token.chars().all(is_han);
        if split {
            for c in token.chars() {
                if !buf.is_empty() {
                    buf.push(' ');
                }
                buf.push(c);
            }
        } else {
            if !buf.is_empty() {
                buf.push(' ');
            }
            buf.push_str(token);
        }
    }
    SecretString::new(std::mem::take(&mut *buf))
}

/// Punctuation that people put between the words of a written phrase.
const WORD_SEPARATORS: [char; 3] = [',', ';', '\u{3001}'];

/// Han ideographs (the characters of the two Chinese BIP39 lists).
fn is_han(c: char) -> bool {
    matches!(u32::from(c),
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Validates a BIP39 mnemonic: word count, every word in the list, checksum.
///
/// `language` names the word list; `None` detects it, trying English first.
/// When no list holds every word, the error points at the first unknown word
/// of the list that recognises the most words.
pub fn validate_bip39(words: &str, language: Option<&str>) -> Result<Bip39Info, SeedError> {
    let phrase = normalize_words(words);
    let list: Vec<&str> = phrase
        .expose()
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect();
    if list.is_empty() {
        return Err(SeedError::Empty);
    }
    if !WORD_COUNTS.contains(&list.len()) {
        return Err(SeedError::WrongWordCount { count: list.len() });
    }
    let candidates: Vec<(&'static str, Language)> = match language {
        Some(name) => vec![language_by_name(name)
            .ok_or_else(|| SeedError::UnknownLanguage(name.chars().take(40).collect()))?],
        None => LANGUAGES.to_vec(),
    };

    // Lists that hold every word; a phrase may fit several (English and
    // French share words, the two Chinese lists share most), so the first
    // whose checksum also matches wins.
    let complete: Vec<(&'static str, Language)> = candidates
        .iter()
        .copied()
        .filter(|(_, lang)| list.iter().all(|w| lang.find_word(w).is_some()))
        .collect();
    if complete.is_empty() {
        // The list recognising the most words is the one the user meant;
        // ties go to the earlier list (English first).
        let best_known = candidates
            .iter()
            .map(|(_, l)| count_known(&list, *l))
            .max()
            .unwrap_or(0);
        let (name, lang) = candidates
            .iter()
            .copied()
            .find(|(_, l)| count_known(&list, *l) == best_known)
            .unwrap_or(LANGUAGES[0]);
        let (index, word) = list
            .iter()
            .enumerate()
            .find(|(_, w)| lang.find_word(w).is_none())
            .map(|(i, w)| (i, *w))
            .unwrap_or((0, list[0]));
        return Err(SeedError::UnknownWord {
            position: index + 1,
            word: word.chars().take(40).collect(),
            suggestions: suggest_words(word, name)
                .into_iter()
                .map(str::to_owned)
                .collect(),
        });
    }
    for (name, lang) in &complete {
        if Mnemonic::parse_in_normalized(*lang, phrase.expose()).is_ok() {
            return Ok(Bip39Info {
                language: name,
                word_count: list.len(),
            });
        }
    }
    Err(SeedError::Checksum)
}

fn count_known(list: &[&str], lang: Language) -> usize {
    list.iter().filter(|w| lang.find_word(w).is_some()).count()
}

/// Restricted Damerau-Levenshtein distance (adjacent swaps count as one
/// edit), over characters, giving up early past `limit`.
pub(crate) fn edit_distance(a: &[char], b: &[char], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let w = b.len() + 1;
    let mut prev2 = vec![0usize; w];
    let mut prev: Vec<usize> = (0..w).collect();
    let mut cur = vec![0usize; w];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Up to three words from the list close to `word`, best first.
///
/// Closeness is edit distance (insertions, deletions, substitutions and
/// swapped neighbours), at most 2, and less for very short input so a
/// one-character Chinese word does not match the whole list. English words
/// are unique in their first four letters, so a word that shares them with a
/// list word ranks that word as a one-edit match. Unknown language: empty.
pub fn suggest_words(word: &str, language: &str) -> Vec<&'static str> {
    let Some((_, lang)) = language_by_name(language) else {
        return Vec::new();
    };
    let typed = normalize_words(word);
    let typed: Vec<char> = typed.expose().chars().collect();
    if typed.is_empty() {
        return Vec::new();
    }
    let limit = 2.min(typed.len() - 1);
    let mut scored: Vec<(usize, usize, std::cmp::Reverse<usize>, usize, &'static str)> = Vec::new();
    for (index, candidate) in lang.word_list().iter().enumerate() {
        let cand: Vec<char> = candidate.chars().collect();
        let distance = edit_distance(&typed, &cand, limit);
        let shares_prefix = typed.len() >= 4 && cand.len() >= 4 && typed[..4] == cand[..4];
        let score = if shares_prefix {
            distance.min(1)
        } else {
            distance
        };
        if score <= limit && score > 0 {
            // Among equally close words, the one sharing more of its start
            // and end with the typed word is likelier meant ("bild" is
            // "build" rather than "bind").
            let affix = common_prefix(&typed, &cand) + common_suffix(&typed, &cand);
            scored.push((
                score,
                distance,
                std::cmp::Reverse(affix.min(cand.len())),
                index,
                candidate,
            ));
        }
    }
    scored.sort_unstable();
    scored.into_iter().take(3).map(|(.., w)| w).collect()
}

fn common_prefix(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &[char], b: &[char]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Expands BIP39 words written in the 4-letter short form used on metal
/// plates: every English word is unique in its first four letters, so a
/// 4-letter word that is not itself in the list but starts exactly one
/// list word stands for that word. `None` unless at least one word was
/// expanded and every word is then in the English list. The caller checks
/// the checksum and asks the user to confirm the result.
pub fn expand_short_words(input: &str) -> Option<SecretString> {
    let lang = Language::English;
    let phrase = normalize_words(input);
    let mut out: Vec<&'static str> = Vec::new();
    let mut expanded = false;
    for word in phrase.expose().split(' ').filter(|w| !w.is_empty()) {
        if let Some(i) = lang.find_word(word) {
            out.push(lang.word_list()[usize::from(i)]);
            continue;
        }
        if word.chars().count() != 4 {
            return None;
        }
        let mut matches = lang.words_by_prefix_iter(word);
        match (matches.next(), matches.next()) {
            (Some(full), None) => {
                out.push(full);
                expanded = true;
            }
            _ => return None,
        }
    }
    expanded.then(|| SecretString::new(out.join(" ")))
}

/// The kinds of Electrum seed, told apart by the version their HMAC
/// carries (Electrum's `seed_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElectrumKind {
    /// Version prefix `01`: legacy (P2PKH) wallet.
    Standard,
    /// Version prefix `100`: native segwit wallet.
    Segwit,
    /// Version prefix `101`: two-factor (TrustedCoin) wallet.
    TwoFactor,
    /// Version prefix `102`: two-factor segwit wallet.
    TwoFactorSegwit,
    /// A seed from before Electrum 2.0: 12 or 24 words of its own
    /// 1626-word list, without a version or checksum.
    Old,
}

impl ElectrumKind {
    /// How Electrum names the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            ElectrumKind::Standard => "standard",
            ElectrumKind::Segwit => "segwit",
            ElectrumKind::TwoFactor => "2fa",
            ElectrumKind::TwoFactorSegwit => "2fa-segwit",
            ElectrumKind::Old => "old",
        }
    }
}

/// Electrum's text normalization before the version check: NFKD, lower
/// case, accents (combining marks) removed, whitespace collapsed, and no
/// space between two CJK characters.
pub fn electrum_normalize(input: &str) -> SecretString {
    use unicode_normalization::char::is_combining_mark;
    let nfkd = normalize_words(input);
    let plain: Vec<char> = nfkd
        .expose()
        .chars()
        .filter(|c| !is_combining_mark(*c))
        .collect();
    let words = SecretString::new(plain.iter().collect::<String>());
    let chars: Vec<char> = words
        .expose()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect();
    let mut out = String::with_capacity(chars.len() * 4);
    for (i, c) in chars.iter().enumerate() {
        let between_cjk = *c == ' '
            && i > 0
            && is_cjk(chars[i - 1])
            && chars.get(i + 1).copied().is_some_and(is_cjk);
        if !between_cjk {
            out.push(*c);
        }
    }
    let _wipe = SecretString::new(chars.into_iter().collect());
    SecretString::new(out)
}

/// CJK ideographs, kana and hangul: the scripts written without spaces.
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x2FF0..=0x31FF | 0x3200..=0x4DBF
        | 0x4E00..=0xA4CF | 0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF | 0x16FE0..=0x18AFF | 0x1B000..=0x1B2FF | 0x20000..=0x3134F)
}

/// The word list of Electrum's seeds before version 2.0 (1626 words, in
/// Electrum's order; from Electrum's `old_mnemonic.py`, MIT licence).
const ELECTRUM_OLD_WORDLIST_TEXT: &str = include_str!("electrum_old_wordlist.txt");

/// Electrum's pre-2.0 word list.
pub fn electrum_old_wordlist() -> &'static [&'static str] {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| ELECTRUM_OLD_WORDLIST_TEXT.lines().collect())
}

/// True for an old (pre-2.0) Electrum seed, by Electrum's own rule: 12 or
/// 24 words, every one in the old list. Those seeds carry no checksum, so
/// nothing more can be checked.
pub fn is_electrum_old(words: &str) -> bool {
    let text = electrum_normalize(words);
    let list: Vec<&str> = text.expose().split(' ').collect();
    (list.len() == 12 || list.len() == 24)
        && list.iter().all(|w| electrum_old_wordlist().contains(w))
}

/// Decodes an old Electrum seed to its hex seed as Electrum does
/// (`mn_decode`: each 3 words give 8 hex digits). `None` when
/// [`is_electrum_old`] is false.
pub fn electrum_old_decode(words: &str) -> Option<SecretString> {
    if !is_electrum_old(words) {
        return None;
    }
    let text = electrum_normalize(words);
    let list = electrum_old_wordlist();
    let n = list.len() as u64;
    let index = |w: &str| list.iter().position(|x| *x == w).map(|i| i as u64);
    let words: Vec<&str> = text.expose().split(' ').collect();
    let mut out = zeroize::Zeroizing::new(String::new());
    for t in words.chunks(3) {
        let (w1, w2, w3) = (index(t[0])?, index(t[1])?, index(t[2])?);
        let x = w1 + n * ((w2 + n - w1) % n) + n * n * ((w3 + n - w2) % n);
        out.push_str(&format!("{x:08x}"));
    }
    Some(SecretString::new(std::mem::take(&mut *out)))
}

/// Which kind of Electrum seed `words` is, by Electrum's rules: an old
/// seed first (12 or 24 words of the pre-2.0 list), else the version its
/// HMAC-SHA512 keyed with "Seed version" of the normalized text starts
/// with (in hex). `None` for anything else. A random phrase matches
/// `standard` once in 256 tries, so a phrase that is also valid BIP39 is
/// ambiguous; callers say so.
pub fn electrum_kind(words: &str) -> Option<ElectrumKind> {
    use hmac::{Hmac, Mac};
    if is_electrum_old(words) {
        return Some(ElectrumKind::Old);
    }
    let text = electrum_normalize(words);
    if text.expose().split(' ').count() < 2 {
        return None;
    }
    let mut mac = <Hmac<sha2::Sha512> as Mac>::new_from_slice(b"Seed version")
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(text.expose().as_bytes());
    let digest = zeroize::Zeroizing::new(mac.finalize().into_bytes().to_vec());
    let (first, nibble) = (digest[0], digest[1] >> 4);
    match (first, nibble) {
        (0x01, _) => Some(ElectrumKind::Standard),
        (0x10, 0) => Some(ElectrumKind::Segwit),
        (0x10, 1) => Some(ElectrumKind::TwoFactor),
        (0x10, 2) => Some(ElectrumKind::TwoFactorSegwit),
        _ => None,
    }
}

/// Lays the words out numbered, row by row, for copying onto paper:
/// `"  1. abandon    2. ability"`. Numbers are right-aligned and words padded
/// so the columns line up; `columns` of 0 is treated as 1.
pub fn format_columns(words: &str, columns: usize) -> String {
    let phrase = normalize_words(words);
    let list: Vec<&str> = phrase
        .expose()
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect();
    let columns = columns.max(1);
    let num_width = list.len().to_string().len().max(2) + 1;
    // Cells, not chars: a Chinese word is one character two cells wide.
    let word_width = list
        .iter()
        .map(|w| crate::textwidth::width(w))
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (row, chunk) in list.chunks(columns).enumerate() {
        let mut line = String::new();
        for (col, word) in chunk.iter().enumerate() {
            let n = row * columns + col + 1;
            if col > 0 {
                line.push_str("  ");
            }
            line.push_str(&format!(
                "{n:>num_width$}. {}",
                crate::textwidth::fill(word, word_width)
            ));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ABOUT: &str = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    #[test]
    fn valid_english_phrase() {
        let info = validate_bip39(ABOUT, None).unwrap();
        assert_eq!(
            info,
            Bip39Info {
                language: "english",
                word_count: 12
            }
        );
        let messy = format!("  {}\n\t", ABOUT.to_uppercase().replace(' ', "   "));
        assert_eq!(validate_bip39(&messy, Some("english")).unwrap(), info);
    }

    #[test]
    fn checksum_and_count_errors() {
        let bad = ABOUT.replace("about", "abandon");
        let err = validate_bip39(&bad, None).unwrap_err();
        assert_eq!(err, SeedError::Checksum);
        assert!(err.to_string().contains("checksum"));
        assert_eq!(
            validate_bip39("abandon about", None),
            Err(SeedError::WrongWordCount { count: 2 })
        );
        assert_eq!(validate_bip39(" \n", None), Err(SeedError::Empty));
        assert!(matches!(
            validate_bip39(ABOUT, Some("klingon")),
            Err(SeedError::UnknownLanguage(_))
        ));
    }

    #[test]
    fn typo_gets_suggestions() {
        let typo = ABOUT
            .replacen("abandon", "abandn", 1)
            .replace("about", "abuot");
        match validate_bip39(&typo, None).unwrap_err() {
            SeedError::UnknownWord {
                position,
                word,
                suggestions,
            } => {
                assert_eq!(position, 1);
                assert_eq!(word, "abandn");
                assert_eq!(suggestions[0], "abandon");
            }
            e => panic!("{e:?}"),
        }
        assert_eq!(suggest_words("abuot", "english")[0], "about");
        assert_eq!(suggest_words("qqqqqq", "english"), Vec::<&str>::new());
        assert_eq!(suggest_words("abandonn", "english")[0], "abandon");
        assert_eq!(suggest_words("problme", "english")[0], "problem");
        assert_eq!(suggest_words("bild", "english")[0], "build");
        assert!(suggest_words("x", "english").is_empty());
        let msg = validate_bip39(&typo, None).unwrap_err().to_string();
        assert!(msg.contains("did you mean \"abandon\""), "{msg}");
    }

    #[test]
    fn old_electrum_seed_is_recognised_and_decoded() {
        // Electrum's own test vector for its pre-2.0 seeds.
        let old =
            "powerful random nobody notice nothing important anyway look away hidden message over";
        assert_eq!(electrum_kind(old), Some(ElectrumKind::Old));
        assert_eq!(
            electrum_old_decode(old).unwrap().expose(),
            "acb740e454c3134901d7c8f16497cc1c"
        );
        assert_eq!(electrum_old_wordlist().len(), 1626);
        // 11 words, or a word outside the list, is not an old seed.
        let short = old.rsplit_once(' ').unwrap().0;
        assert!(!is_electrum_old(short));
        assert!(!is_electrum_old(&old.replace("powerful", "abandon")));
        assert_eq!(electrum_kind(ABOUT), None);
    }

    #[test]
    fn columns_are_numbered() {
        let text = format_columns(ABOUT, 4);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[0],
            "  1. abandon    2. abandon    3. abandon    4. abandon"
        );
        assert_eq!(
            lines[2],
            "  9. abandon   10. abandon   11. abandon   12. about"
        );
    }
}
