//! Turning what a person typed or piped into a validated [`Secret`].
//!
//! This module owns the rules both front ends share: how a seed phrase is
//! cleaned and checked (BIP39 checksum, SLIP-39 share), how a key is
//! recognised, how a TOTP URI or base32 secret is read, how recovery codes
//! are split. The command line and the TUI call [`parse_secret`] and add
//! only their own hints (flags on one, form fields on the other) to the
//! [`SecretInputError`] it returns.

use super::{keys, monero, seed, seedqr, slip39, totp, ItemKind, RecoveryCode, Secret, SeedScheme};
use crate::secret::SecretString;

/// What else, beside the raw text, decides how input becomes a secret.
#[derive(Debug, Clone, Default)]
pub struct SecretInput {
    /// Seed scheme (`None`: BIP39).
    pub scheme: Option<SeedScheme>,
    /// BIP39 word-list language (`None`: detect).
    pub language: Option<String>,
    /// Skip the seed checksum (store a phrase even if it does not verify).
    pub no_verify: bool,
    /// Username (password items).
    pub username: Option<String>,
    /// URL (password items).
    pub url: Option<String>,
    /// Expand BIP39 words written as 4-letter short forms without asking
    /// (the user confirmed, or asked for it up front).
    pub expand_short: bool,
}

/// Why the input was refused. Messages never quote secret text, except a
/// seed word that is not in the word list (it reveals little and the user
/// must see which one it is).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SecretInputError {
    /// A BIP39 phrase failed its checks.
    #[error("{0}")]
    Bip39(#[source] seed::SeedError),
    /// A SLIP-39 share failed its checks.
    #[error("{0}")]
    Slip39(#[source] slip39::Slip39Error),
    /// A private key looks like a known format but is broken.
    #[error("{0}")]
    Key(#[source] keys::KeyError),
    /// The words are 4-letter short forms of a valid phrase: the front end
    /// shows `expanded` to the user and asks before storing it.
    #[error("{}", crate::tr!("err-input-secret-input-error-short-forms"))]
    ShortForms {
        /// The full words.
        expanded: SecretString,
    },
    /// A SeedQR digit stream is malformed.
    #[error("{0}")]
    SeedQr(#[source] seedqr::SeedQrError),
    /// A Monero seed failed its checks.
    #[error("{0}")]
    Monero(#[source] monero::MoneroError),
    /// A TOTP URI or secret is malformed.
    #[error("{0}")]
    Totp(#[source] totp::TotpError),
}

impl SecretInputError {
    /// True when storing the text anyway (`--scheme other`, `--no-verify`,
    /// or the form's scheme field) is a way out.
    pub fn seed_check(&self) -> bool {
        matches!(
            self,
            SecretInputError::Bip39(_) | SecretInputError::Slip39(_) | SecretInputError::Monero(_)
        )
    }
}

/// Turns raw input into a validated [`Secret`] of `kind`. A seed's BIP39
/// passphrase is not read here (the caller asks for it after the words
/// passed, and sets it on the result).
pub fn parse_secret(
    kind: ItemKind,
    raw: &SecretString,
    opts: &SecretInput,
) -> Result<Secret, SecretInputError> {
    Ok(match kind {
        ItemKind::Seed => parse_seed(raw, opts)?,
        ItemKind::Key => {
            let key = SecretString::from(raw.expose().trim());
            let format = keys::recognise(key.expose()).map_err(SecretInputError::Key)?;
            Secret::Key {
                key,
                format: Some(format.as_str().to_owned()),
            }
        }
        ItemKind::Totp => {
            totp::parse_secret_input(raw.expose().trim()).map_err(SecretInputError::Totp)?
        }
        ItemKind::Codes => Secret::Codes {
            codes: split_codes(raw.expose()),
        },
        ItemKind::Password => Secret::Password {
            username: opts.username.clone(),
            password: SecretString::from(raw.expose().lines().next().unwrap_or("")),
            url: opts.url.clone(),
        },
        ItemKind::Note => Secret::Note {
            text: SecretString::from(raw.expose().trim_end_matches('\n')),
        },
    })
}

/// Recovery codes: one per line; text on a single line is split at spaces
/// and at commas or semicolons (ASCII or full-width, or the ideographic
/// comma 、).
fn split_codes(raw: &str) -> Vec<RecoveryCode> {
    let one_line = !raw.contains('\n');
    raw.split(|c: char| {
        c == '\n' || (one_line && (c.is_whitespace() || super::LIST_SEPARATORS.contains(&c)))
    })
    .map(str::trim)
    .filter(|l| !l.is_empty())
    .map(|l| RecoveryCode {
        code: SecretString::from(l),
        used: None,
    })
    .collect()
}

fn parse_seed(raw: &SecretString, opts: &SecretInput) -> Result<Secret, SecretInputError> {
    if opts.scheme == Some(SeedScheme::Other) {
        // Material lifeboat cannot check is kept exactly as given: case,
        // spacing and Unicode form may all matter to the wallet (an XRP
        // secret's checksum breaks when lower-cased).
        return Ok(Secret::Seed {
            words: SecretString::from(raw.expose().trim()),
            scheme: SeedScheme::Other,
            language: opts.language.clone(),
            passphrase: None,
        });
    }
    // A standard SeedQR digit stream (what a QR app shows for one) stands
    // for the English words it encodes.
    let from_qr = match opts.scheme {
        None | Some(SeedScheme::Bip39) if seedqr::looks_like_digits(raw.expose()) => {
            Some(seedqr::from_digits(raw.expose()).map_err(SecretInputError::SeedQr)?)
        }
        _ => None,
    };
    let mut words = match from_qr {
        Some(w) => w,
        None => seed::normalize_words(raw.expose()),
    };
    let mut scheme = opts.scheme.unwrap_or(SeedScheme::Bip39);
    let mut language = opts.language.clone();
    if !opts.no_verify {
        match scheme {
            SeedScheme::Bip39 => {
                match seed::validate_bip39(words.expose(), opts.language.as_deref()) {
                    Ok(info) => language = Some(info.language.to_owned()),
                    Err(seed::SeedError::UnknownWord { .. })
                        if short_forms(&words, opts.language.as_deref()).is_some() =>
                    {
                        let expanded = short_forms(&words, opts.language.as_deref())
                            .unwrap_or_else(|| SecretString::from(""));
                        if !opts.expand_short {
                            return Err(SecretInputError::ShortForms { expanded });
                        }
                        return Ok(Secret::Seed {
                            words: expanded,
                            scheme,
                            language: Some("english".to_owned()),
                            passphrase: None,
                        });
                    }
                    // Not BIP39, but an Electrum or Monero seed: say so
                    // instead of calling its words typos.
                    Err(e) => match seed::electrum_kind(words.expose()) {
                        Some(_) if opts.scheme.is_none() => {
                            scheme = SeedScheme::Electrum;
                            language = None;
                        }
                        Some(kind) => {
                            return Err(SecretInputError::Bip39(seed::SeedError::ElectrumNotBip39(
                                kind.as_str(),
                            )))
                        }
                        None if monero::validate(words.expose()).is_ok() => {
                            if opts.scheme.is_some() {
                                return Err(SecretInputError::Bip39(
                                    seed::SeedError::MoneroNotBip39,
                                ));
                            }
                            scheme = SeedScheme::Monero;
                            language = None;
                            words = monero::full_words(words.expose()).unwrap_or(words);
                        }
                        None => return Err(SecretInputError::Bip39(e)),
                    },
                }
            }
            SeedScheme::Slip39 => {
                slip39::decode_mnemonic(words.expose()).map_err(SecretInputError::Slip39)?;
            }
            SeedScheme::Electrum => {
                seed::electrum_kind(words.expose())
                    .ok_or(SecretInputError::Bip39(seed::SeedError::NotElectrum))?;
            }
            SeedScheme::Monero => {
                monero::validate(words.expose()).map_err(SecretInputError::Monero)?;
                words = monero::full_words(words.expose()).unwrap_or(words);
                language = Some("english".to_owned());
            }
            SeedScheme::Other => {}
        }
    }
    Ok(Secret::Seed {
        words,
        scheme,
        language,
        passphrase: None,
    })
}

/// The full words of a phrase written in 4-letter short forms, when they
/// make a valid English BIP39 phrase.
fn short_forms(words: &SecretString, language: Option<&str>) -> Option<SecretString> {
    if language.is_some_and(|l| seed::language_by_name(l).map(|(n, _)| n) != Some("english")) {
        return None;
    }
    let expanded = seed::expand_short_words(words.expose())?;
    seed::validate_bip39(expanded.expose(), Some("english"))
        .is_ok()
        .then_some(expanded)
}

/// Something a front end should tell the user about a seed just parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedNote {
    /// The words were recognised as an Electrum seed of this kind and
    /// stored with scheme `electrum`.
    Electrum(seed::ElectrumKind),
    /// Valid BIP39, but the words also carry an Electrum version (1 in 256
    /// BIP39 phrases do by chance, and 1 in 16 Electrum seeds pass the
    /// BIP39 checksum): the user should know which wallet made it.
    AlsoElectrum(seed::ElectrumKind),
    /// A Monero seed, its checksum word verified, stored with scheme
    /// `monero`.
    Monero,
}

/// What to tell the user about a parsed seed, if anything.
pub fn seed_note(secret: &Secret) -> Option<SeedNote> {
    match secret {
        Secret::Seed {
            words,
            scheme: SeedScheme::Electrum,
            ..
        } => seed::electrum_kind(words.expose()).map(SeedNote::Electrum),
        Secret::Seed {
            words,
            scheme: SeedScheme::Bip39,
            ..
        } => seed::electrum_kind(words.expose()).map(SeedNote::AlsoElectrum),
        Secret::Seed {
            scheme: SeedScheme::Monero,
            ..
        } => Some(SeedNote::Monero),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ABOUT: &str = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    fn parse(kind: ItemKind, raw: &str, opts: &SecretInput) -> Result<Secret, SecretInputError> {
        parse_secret(kind, &SecretString::from(raw), opts)
    }

    #[test]
    fn full_width_punctuation_separates_codes_and_tags() {
        let codes: Vec<String> =
            split_codes("aaaa-1111，bbbb-2222、cccc-3333；dddd-4444, eeee-5555")
                .into_iter()
                .map(|c| c.code.expose().to_owned())
                .collect();
        assert_eq!(
            codes,
            [
                "aaaa-1111",
                "bbbb-2222",
                "cccc-3333",
                "dddd-4444",
                "eeee-5555"
            ]
        );
        // One per line: a line is one code, whatever it holds.
        assert_eq!(split_codes("a b\nc").len(), 2);
        assert_eq!(
            crate::item::split_tags("交易所，备用、 crypto ;2fa；,"),
            ["交易所", "备用", "crypto", "2fa"]
        );
    }

    #[test]
    fn bip39_checksum_is_checked_unless_told_otherwise() {
        let bad = ABOUT.replace("about", "abandon");
        let e = parse(ItemKind::Seed, &bad, &SecretInput::default()).unwrap_err();
        assert!(matches!(
            e,
            SecretInputError::Bip39(seed::SeedError::Checksum)
        ));
        assert!(e.seed_check());
        let other = SecretInput {
            scheme: Some(SeedScheme::Other),
            ..Default::default()
        };
        assert!(parse(ItemKind::Seed, &bad, &other).is_ok());
        let unverified = SecretInput {
            no_verify: true,
            ..Default::default()
        };
        assert!(parse(ItemKind::Seed, &bad, &unverified).is_ok());
        match parse(
            ItemKind::Seed,
            &format!("  {}\n", ABOUT.to_uppercase()),
            &SecretInput::default(),
        )
        .unwrap()
        {
            Secret::Seed {
                words,
                scheme,
                language,
                passphrase,
            } => {
                assert_eq!(words.expose(), ABOUT);
                assert_eq!(scheme, SeedScheme::Bip39);
                assert_eq!(language.as_deref(), Some("english"));
                assert!(passphrase.is_none());
            }
            other => panic!("not a seed: {:?}", other.kind()),
        }
    }

    #[test]
    fn slip39_share_is_checked() {
        let slip = SecretInput {
            scheme: Some(SeedScheme::Slip39),
            ..Default::default()
        };
        let e = parse(ItemKind::Seed, ABOUT, &slip).unwrap_err();
        assert!(matches!(e, SecretInputError::Slip39(_)));
    }

    #[test]
    fn codes_split_by_line_or_by_space_on_one_line() {
        let Secret::Codes { codes } = parse(
            ItemKind::Codes,
            "aaaa-1111 bbbb-2222",
            &SecretInput::default(),
        )
        .unwrap() else {
            panic!("not codes")
        };
        assert_eq!(codes.len(), 2);
        let Secret::Codes { codes } = parse(
            ItemKind::Codes,
            "aaaa 1111\n\n bbbb 2222 \n",
            &SecretInput::default(),
        )
        .unwrap() else {
            panic!("not codes")
        };
        let got: Vec<&str> = codes.iter().map(|c| c.code.expose()).collect();
        assert_eq!(got, ["aaaa 1111", "bbbb 2222"]);
    }

    #[test]
    fn key_totp_password_note() {
        let broken_hex = "ab".repeat(31) + "a";
        assert!(matches!(
            parse(ItemKind::Key, &broken_hex, &SecretInput::default()),
            Err(SecretInputError::Key(_))
        ));
        assert!(matches!(
            parse(
                ItemKind::Totp,
                "otpauth://totp/x?secret=0000",
                &SecretInput::default()
            ),
            Err(SecretInputError::Totp(_))
        ));
        let opts = SecretInput {
            username: Some("ann".into()),
            ..Default::default()
        };
        let Secret::Password {
            username, password, ..
        } = parse(ItemKind::Password, "hunter2 long\nsecond", &opts).unwrap()
        else {
            panic!("not a password")
        };
        assert_eq!(username.as_deref(), Some("ann"));
        assert_eq!(password.expose(), "hunter2 long");
        let Secret::Note { text } = parse(
            ItemKind::Note,
            "line 1\nline 2\n\n",
            &SecretInput::default(),
        )
        .unwrap() else {
            panic!("not a note")
        };
        assert_eq!(text.expose(), "line 1\nline 2");
    }
}
