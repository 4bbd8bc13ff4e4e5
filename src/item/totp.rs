//! TOTP/HOTP codes and otpauth URIs.
//!
//! This module owns everything about one-time-password secrets: parsing
//! `otpauth://totp|hotp|steam/...` URIs and bare base32 secrets into
//! [`Secret::Totp`], writing them back out as URIs, and computing codes
//! (RFC 4226 HOTP, RFC 6238 TOTP with SHA-1, SHA-256 or SHA-512, and
//! Steam Guard's 5-character codes).
//!
//! Steam Guard arrives three ways: `otpauth://totp/...&encoder=steam` (as
//! KeePassXC and pyotp write it), `otpauth://steam/...` (as Aegis writes
//! it) and an authenticator's own "steam" type, which importers map with
//! [`steam_secret`]. It is stored as [`OtpType::Steam`] and written back
//! as `otpauth://totp/...&digits=5&encoder=steam`. Other non-standard
//! schemes (mOTP, Yandex) are refused with the reason: a secret whose codes
//! lifeboat would compute wrongly is worse than no secret.
//!
//! Secret bytes only ever live in [`SecretBytes`]/[`SecretString`]; no error
//! message repeats any part of a URI, because a URI carries its secret.

use hmac::{Hmac, Mac};

use crate::item::{OtpAlgorithm, OtpType, Secret};
use crate::secret::{SecretBytes, SecretString};

/// Digits a code may have.
pub const DIGITS: std::ops::RangeInclusive<u8> = 6..=8;
/// Time steps (seconds) a TOTP secret may use.
pub const PERIODS: std::ops::RangeInclusive<u64> = 1..=3600;
/// Longest base32 secret accepted (characters, after cleaning). Real secrets
/// are 16 to 128 characters; the cap bounds the work on hostile input.
pub const MAX_SECRET_CHARS: usize = 1024;
/// Longest issuer or account name accepted (characters). Real ones are
/// a few dozen; the bound keeps every URI lifeboat writes under
/// [`MAX_URI_CHARS`], so whatever is stored can be exported and read back.
pub const MAX_TEXT_CHARS: usize = 256;
/// Longest URI accepted, for the same reason as [`MAX_SECRET_CHARS`].
/// It is larger than the longest URI [`to_otpauth`] can write for a valid
/// secret ([`MAX_EXPORTED_URI_CHARS`]), checked at compile time below.
pub const MAX_URI_CHARS: usize = 16 * 1024;
/// The longest URI [`to_otpauth`] writes for a secret [`validate`] accepts:
/// issuer and account of [`MAX_TEXT_CHARS`] characters of 4 UTF-8 bytes,
/// each byte percent-encoded (3 characters), the issuer twice (label and
/// parameter), the longest secret, and every parameter at its widest.
pub const MAX_EXPORTED_URI_CHARS: usize = "otpauth://hotp/".len()
    + 2 * MAX_TEXT_CHARS * 4 * 3
    + ":?secret=".len()
    + MAX_SECRET_CHARS
    + "&issuer=".len()
    + MAX_TEXT_CHARS * 4 * 3
    + "&algorithm=SHA512&digits=8&counter=18446744073709551615&encoder=steam".len();
const _: () = assert!(MAX_EXPORTED_URI_CHARS <= MAX_URI_CHARS);

/// Steam Guard's code alphabet (digits and consonants that cannot be
/// confused with each other).
pub const STEAM_ALPHABET: &[u8; 26] = b"23456789BCDFGHJKMNPQRTVWXY";
/// Characters in a Steam Guard code.
pub const STEAM_CODE_CHARS: u8 = 5;

/// Why a TOTP/HOTP secret or URI was refused.
///
/// Messages never quote the input: a URI carries its secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TotpError {
    /// The text does not start with `otpauth://`.
    #[error("{}", crate::tr!("err-totp-totp-error-not-otpauth"))]
    NotOtpauth,
    /// A Google Authenticator export was given where one secret was expected.
    #[error("{}", crate::tr!("err-totp-totp-error-migration-uri"))]
    MigrationUri,
    /// The URI type is neither `totp`, `hotp` nor `steam`.
    #[error("{}", unsupported("err-totp-unsupported-type", _0))]
    UnsupportedType(String),
    /// mOTP (`otpauth://motp/`): MD5 of time, secret and a PIN.
    #[error("{}", crate::tr!("err-totp-totp-error-motp"))]
    Motp,
    /// Yandex Key (`otpauth://yaotp/`): codes depend on a PIN and a
    /// Yandex-specific algorithm.
    #[error("{}", crate::tr!("err-totp-totp-error-yandex"))]
    Yandex,
    /// An `encoder=` other than `steam`: the codes would be wrong.
    #[error("{}", unsupported("err-totp-unsupported-encoder", _0))]
    UnsupportedEncoder(String),
    /// A Steam Guard secret with parameters Steam never uses.
    #[error("{}", crate::tr!("err-totp-totp-error-steam-params"))]
    SteamParams,
    /// The issuer or account name is too long to be real.
    #[error("{}", crate::tr!("err-totp-totp-error-text-too-long", value = _0.to_string(), max_text_chars = MAX_TEXT_CHARS.to_string()))]
    TextTooLong(&'static str),
    /// The URI is too long to be a real otpauth URI.
    #[error("{}", crate::tr!("err-totp-totp-error-too-long", max_uri_chars = MAX_URI_CHARS.to_string()))]
    TooLong,
    /// Broken percent-encoding or text that is not UTF-8 after decoding.
    #[error("{}", crate::tr!("err-totp-totp-error-bad-encoding"))]
    BadEncoding,
    /// No `secret=` parameter.
    #[error("{}", crate::tr!("err-totp-totp-error-missing-secret"))]
    MissingSecret,
    /// The secret is empty, too long, or not base32.
    #[error("{}", crate::tr!("err-totp-totp-error-invalid-secret"))]
    InvalidSecret,
    /// `algorithm=` names a hash that is not supported.
    #[error("{}", unsupported("err-totp-unsupported-algorithm", _0))]
    UnsupportedAlgorithm(String),
    /// `digits=` is not 6, 7 or 8.
    #[error("{}", crate::tr!("err-totp-totp-error-invalid-digits"))]
    InvalidDigits,
    /// `period=` is not a whole number of seconds from 1 to 3600.
    #[error("{}", crate::tr!("err-totp-totp-error-invalid-period"))]
    InvalidPeriod,
    /// `counter=` is not a whole number.
    #[error("{}", crate::tr!("err-totp-totp-error-invalid-counter"))]
    InvalidCounter,
    /// A code was asked of an item that is not a TOTP/HOTP secret.
    #[error("{}", crate::tr!("err-totp-totp-error-not-totp"))]
    NotTotp,
}

/// Formats a short, harmless value for an error message: ASCII letters and
/// digits only, at most 12, so a pasted secret can never leak through it.
fn shown(value: &str) -> String {
    if !value.is_empty() && value.len() <= 12 && value.chars().all(|c| c.is_ascii_alphanumeric()) {
        format!(" \"{value}\"")
    } else {
        String::new()
    }
}

/// One of the "unsupported ..." messages: the catalogue's sentence, with
/// the value quoted when it is safe to show (see [`shown`]).
fn unsupported(id: &str, value: &str) -> String {
    let shown = if shown(value).is_empty() {
        String::new()
    } else {
        crate::tr!("err-totp-shown-value", value = value)
    };
    let mut args = crate::i18n::FluentArgs::new();
    args.set("value", shown);
    crate::i18n::message(id, Some(&args))
}

/// A harmless copy of `value` for an error variant (empty when unsafe to show).
fn safe_value(value: &str) -> String {
    if shown(value).is_empty() {
        String::new()
    } else {
        value.to_owned()
    }
}

/// Cleans a base32 secret as people paste it: drops spaces, dashes and `=`
/// padding, upper-cases, and checks it decodes to at least one byte.
pub fn normalize_base32(input: &str) -> Result<SecretString, TotpError> {
    let mut clean = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            ' ' | '\t' | '-' | '=' => {}
            'a'..='z' => clean.push(c.to_ascii_uppercase()),
            'A'..='Z' | '2'..='7' => clean.push(c),
            _ => {
                // Wipe what was copied so far before giving up.
                let _wipe = SecretString::new(clean);
                return Err(TotpError::InvalidSecret);
            }
        }
    }
    let clean = SecretString::new(clean);
    if clean.is_empty() || clean.len() > MAX_SECRET_CHARS {
        return Err(TotpError::InvalidSecret);
    }
    decode_base32(clean.expose())?;
    Ok(clean)
}

/// Decodes RFC 4648 base32 (upper- or lower-case, padding optional).
///
/// Leftover bits that do not fill a byte are ignored, as Python's
/// `base64.b32decode` and most authenticators do; lengths no encoder can
/// produce (1, 3 or 6 characters past a multiple of 8) are refused, as there.
pub fn decode_base32(text: &str) -> Result<SecretBytes, TotpError> {
    let text = text.trim_end_matches('=');
    if text.is_empty() || matches!(text.len() % 8, 1 | 3 | 6) {
        return Err(TotpError::InvalidSecret);
    }
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a',
            b'2'..=b'7' => c - b'2' + 26,
            _ => {
                let _wipe = SecretBytes::new(out);
                return Err(TotpError::InvalidSecret);
            }
        };
        acc = (acc << 5) | u32::from(v);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    let out = SecretBytes::new(out);
    if out.is_empty() {
        return Err(TotpError::InvalidSecret);
    }
    Ok(out)
}

/// Encodes bytes as base32 without padding (the form stored in items).
pub fn encode_base32(bytes: &[u8]) -> SecretString {
    SecretString::new(data_encoding::BASE32_NOPAD.encode(bytes))
}

/// Decodes `%XX` escapes (and `+` as a space when `plus_is_space`).
fn percent_decode(s: &str, plus_is_space: bool) -> Result<String, TotpError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).ok_or(TotpError::BadEncoding)?;
                let hex = std::str::from_utf8(hex).map_err(|_| TotpError::BadEncoding)?;
                let v = u8::from_str_radix(hex, 16).map_err(|_| TotpError::BadEncoding)?;
                out.push(v);
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| TotpError::BadEncoding)
}

/// Percent-decodes a query value (`+` means a space there).
pub(crate) fn decode_query_value(s: &str) -> Result<String, TotpError> {
    percent_decode(s, true)
}

/// Percent-decodes without treating `+` as a space (paths, base64 data).
pub(crate) fn decode_path(s: &str) -> Result<String, TotpError> {
    percent_decode(s, false)
}

/// Percent-encodes everything except RFC 3986 unreserved characters.
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Strips a case-insensitive ASCII prefix.
pub(crate) fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    if s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
    {
        Some(&s[prefix.len()..])
    } else {
        None
    }
}

/// Parses an algorithm name as written in otpauth URIs (any case, with or
/// without a dash: `SHA1`, `sha-256`).
pub fn parse_algorithm(name: &str) -> Result<OtpAlgorithm, TotpError> {
    let n: String = name
        .chars()
        .filter(|c| *c != '-')
        .collect::<String>()
        .to_ascii_uppercase();
    match n.as_str() {
        "SHA1" => Ok(OtpAlgorithm::Sha1),
        "SHA256" => Ok(OtpAlgorithm::Sha256),
        "SHA512" => Ok(OtpAlgorithm::Sha512),
        _ => Err(TotpError::UnsupportedAlgorithm(safe_value(name))),
    }
}

/// Parses an `otpauth://totp/...` or `otpauth://hotp/...` URI into a
/// [`Secret::Totp`].
///
/// The label is `ISSUER:ACCOUNT` or just `ACCOUNT`; an `issuer=` parameter
/// wins over the label's prefix. Defaults follow the Google Authenticator key
/// URI format: SHA1, 6 digits, 30 seconds, counter 0. Unknown parameters
/// (`image=` and the like) are ignored.
pub fn parse_otpauth(uri: &str) -> Result<Secret, TotpError> {
    let uri = uri.trim();
    if uri.len() > MAX_URI_CHARS {
        return Err(TotpError::TooLong);
    }
    if strip_prefix_ci(uri, "otpauth-migration://").is_some() {
        return Err(TotpError::MigrationUri);
    }
    let rest = strip_prefix_ci(uri, "otpauth://").ok_or(TotpError::NotOtpauth)?;
    let (type_and_label, query) = rest.split_once('?').unwrap_or((rest, ""));
    // Fragments are not part of the format; drop one if a tool added it.
    let query = query.split('#').next().unwrap_or("");
    let (otp_type, label) = type_and_label
        .split_once('/')
        .unwrap_or((type_and_label, ""));
    let mut otp_type = match otp_type.to_ascii_lowercase().as_str() {
        "totp" => OtpType::Totp,
        "hotp" => OtpType::Hotp,
        "steam" => OtpType::Steam,
        "motp" => return Err(TotpError::Motp),
        "yaotp" | "yandex" => return Err(TotpError::Yandex),
        _ => return Err(TotpError::UnsupportedType(safe_value(otp_type))),
    };

    let mut secret = None;
    let mut issuer = None;
    let mut algorithm = OtpAlgorithm::Sha1;
    let mut digits = 6u8;
    let mut period = 30u64;
    let mut counter = 0u64;
    let mut algorithm_given = false;
    let mut digits_given: Option<String> = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let value = SecretString::new(decode_query_value(raw)?);
        match key.to_ascii_lowercase().as_str() {
            "secret" => secret = Some(normalize_base32(value.expose())?),
            "issuer" => issuer = Some(value.expose().trim().to_owned()),
            "algorithm" => {
                algorithm = parse_algorithm(value.expose().trim())?;
                algorithm_given = true;
            }
            "encoder" => match value.expose().trim().to_ascii_lowercase().as_str() {
                "steam" if otp_type == OtpType::Totp => otp_type = OtpType::Steam,
                "steam" if otp_type == OtpType::Steam => {}
                "" => {}
                "yandex" | "yaotp" => return Err(TotpError::Yandex),
                "motp" => return Err(TotpError::Motp),
                other => return Err(TotpError::UnsupportedEncoder(safe_value(other))),
            },
            // Checked after the loop: an `encoder=steam` after it changes
            // what is valid.
            "digits" => digits_given = Some(value.expose().trim().to_owned()),
            "period" => {
                period = value
                    .expose()
                    .trim()
                    .parse()
                    .ok()
                    .filter(|p| PERIODS.contains(p))
                    .ok_or(TotpError::InvalidPeriod)?
            }
            "counter" => {
                counter = value
                    .expose()
                    .trim()
                    .parse()
                    .map_err(|_| TotpError::InvalidCounter)?
            }
            _ => {}
        }
    }
    let secret = secret.ok_or(TotpError::MissingSecret)?;
    let issuer = issuer.filter(|i| !i.is_empty());
    let (label_issuer, account) = split_label(label, issuer.as_deref())?;
    let issuer = issuer
        .filter(|i| !i.is_empty())
        .or(label_issuer.filter(|i| !i.is_empty()));
    let label = Some(account).filter(|a| !a.is_empty());
    check_text(issuer.as_deref(), label.as_deref())?;
    if otp_type == OtpType::Steam {
        // Steam codes always have 5 characters, whatever a writer put in
        // `digits=` (KeePassXC writes 5, others 6), as pyotp reads it.
        if algorithm_given && algorithm != OtpAlgorithm::Sha1 {
            return Err(TotpError::SteamParams);
        }
        digits = STEAM_CODE_CHARS;
    } else if let Some(d) = digits_given {
        digits = d
            .parse()
            .ok()
            .filter(|d| DIGITS.contains(d))
            .ok_or(TotpError::InvalidDigits)?;
    }
    Ok(Secret::Totp {
        secret,
        issuer,
        label,
        algorithm,
        digits,
        // A counter-based secret has no time step; keep the default so the
        // same secret always compares equal.
        period: if otp_type == OtpType::Hotp {
            30
        } else {
            period
        },
        otp_type,
        counter: if otp_type == OtpType::Hotp {
            counter
        } else {
            0
        },
    })
}

/// A Steam Guard secret, for importers whose format has a "steam" type
/// (Aegis, 2FAS, Bitwarden's `steam://`): SHA1, 5 characters, 30 seconds.
/// `secret` is base32 as people paste it; it is cleaned and checked here.
pub fn steam_secret(
    secret: &str,
    issuer: Option<String>,
    label: Option<String>,
) -> Result<Secret, TotpError> {
    let secret = normalize_base32(secret)?;
    let nonempty = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let (issuer, label) = (nonempty(issuer), nonempty(label));
    check_text(issuer.as_deref(), label.as_deref())?;
    Ok(Secret::Totp {
        secret,
        issuer,
        label,
        algorithm: OtpAlgorithm::Sha1,
        digits: STEAM_CODE_CHARS,
        period: 30,
        otp_type: OtpType::Steam,
        counter: 0,
    })
}

/// Checks the lengths of an issuer and an account name.
fn check_text(issuer: Option<&str>, label: Option<&str>) -> Result<(), TotpError> {
    if issuer.is_some_and(|i| i.chars().count() > MAX_TEXT_CHARS) {
        return Err(TotpError::TextTooLong("issuer"));
    }
    if label.is_some_and(|l| l.chars().count() > MAX_TEXT_CHARS) {
        return Err(TotpError::TextTooLong("account name"));
    }
    Ok(())
}

/// Splits a raw (still %-encoded) label into issuer and account.
///
/// A literal `:` separates them, and a `%3A` inside either part is part of
/// the name (as pyotp reads it). Without a literal `:`, Google's key URI
/// format also allows an encoded separator, which is honoured when it
/// agrees with the `issuer=` parameter or there is none.
fn split_label(raw: &str, issuer: Option<&str>) -> Result<(Option<String>, String), TotpError> {
    if let Some((i, a)) = raw.split_once(':') {
        return Ok((
            Some(decode_path(i)?.trim().to_owned()),
            decode_path(a)?.trim().to_owned(),
        ));
    }
    let label = decode_path(raw)?;
    if let Some((i, a)) = label.split_once(':') {
        if issuer.is_none_or(|p| p == i.trim()) {
            return Ok((Some(i.trim().to_owned()), a.trim().to_owned()));
        }
    }
    Ok((None, label.trim().to_owned()))
}

/// Parses what a user pastes when adding a TOTP item: an otpauth URI, or a
/// bare base32 secret (spaces, dashes, lower case and padding tolerated),
/// which gets the usual defaults: SHA1, 6 digits, 30 seconds.
pub fn parse_secret_input(input: &str) -> Result<Secret, TotpError> {
    let input = input.trim();
    if strip_prefix_ci(input, "otpauth").is_some() {
        return parse_otpauth(input);
    }
    Ok(Secret::Totp {
        secret: normalize_base32(input)?,
        issuer: None,
        label: None,
        algorithm: OtpAlgorithm::Sha1,
        digits: 6,
        period: 30,
        otp_type: OtpType::Totp,
        counter: 0,
    })
}

/// Checks an existing [`Secret::Totp`] (from a vault or another importer):
/// base32 secret, 6-8 digits (5 for Steam, with SHA1), a period from 1 to
/// 3600 seconds, issuer and account name of at most [`MAX_TEXT_CHARS`].
/// Whatever passes is written by [`to_otpauth`] within [`MAX_URI_CHARS`].
pub fn validate(secret: &Secret) -> Result<(), TotpError> {
    match secret {
        Secret::Totp {
            secret,
            issuer,
            label,
            algorithm,
            digits,
            period,
            otp_type,
            ..
        } => {
            normalize_base32(secret.expose())?;
            match otp_type {
                OtpType::Steam => {
                    if *digits != STEAM_CODE_CHARS {
                        return Err(TotpError::InvalidDigits);
                    }
                    if *algorithm != OtpAlgorithm::Sha1 {
                        return Err(TotpError::SteamParams);
                    }
                }
                OtpType::Totp | OtpType::Hotp if !DIGITS.contains(digits) => {
                    return Err(TotpError::InvalidDigits)
                }
                _ => {}
            }
            if otp_type.is_time_based() && !PERIODS.contains(period) {
                return Err(TotpError::InvalidPeriod);
            }
            check_text(issuer.as_deref(), label.as_deref())
        }
        _ => Err(TotpError::NotTotp),
    }
}

/// Writes a [`Secret::Totp`] as an otpauth URI that Google Authenticator,
/// Aegis, pyotp and oathtool-based tools read. `None` for other kinds.
///
/// Every parameter is written explicitly (algorithm, digits, period or
/// counter) so readers with other defaults agree on the code. Steam Guard
/// is written as KeePassXC and pyotp read it: `totp` with `digits=5` and
/// `encoder=steam`, without `algorithm=` (always SHA1).
pub fn to_otpauth(secret: &Secret) -> Option<String> {
    to_otpauth_named(secret, None)
}

/// [`to_otpauth`], with `fallback_label` as the account name when the
/// secret has neither issuer nor account (a bare base32 secret), so an
/// authenticator shows a named entry instead of a blank one.
pub fn to_otpauth_named(secret: &Secret, fallback_label: Option<&str>) -> Option<String> {
    let Secret::Totp {
        secret,
        issuer,
        label,
        algorithm,
        digits,
        period,
        otp_type,
        counter,
    } = secret
    else {
        return None;
    };
    let (kind, tail) = match otp_type {
        OtpType::Totp => ("totp", format!("period={period}")),
        OtpType::Hotp => ("hotp", format!("counter={counter}")),
        OtpType::Steam => ("totp", format!("period={period}&encoder=steam")),
    };
    let issuer_set = issuer.as_deref().is_some_and(|i| !i.is_empty());
    let account = match label.as_deref() {
        Some(l) if !l.is_empty() => l,
        _ if !issuer_set => fallback_label.map_or("", str::trim),
        _ => "",
    };
    let path = match issuer.as_deref().filter(|i| !i.is_empty()) {
        Some(i) => format!("{}:{}", percent_encode(i), percent_encode(account)),
        // An encoded `:` in a label without issuer reads back as the
        // issuer separator (Google's key URI format allows it); an empty
        // issuer before a literal `:` keeps the account whole.
        None if account.contains(':') => format!(":{}", percent_encode(account)),
        None => percent_encode(account),
    };
    let mut uri = format!("otpauth://{kind}/{path}?secret=");
    // Written from the normalized form so a stored secret with spaces or
    // lower case still gives a URI every reader accepts.
    let clean =
        normalize_base32(secret.expose()).unwrap_or_else(|_| SecretString::from(secret.expose()));
    uri.push_str(clean.expose());
    if let Some(i) = issuer.as_deref().filter(|i| !i.is_empty()) {
        uri.push_str("&issuer=");
        uri.push_str(&percent_encode(i));
    }
    // Steam is always SHA1, and pyotp refuses `algorithm=` beside
    // `encoder=steam` (KeePassXC does not write it either).
    if *otp_type != OtpType::Steam {
        uri.push_str("&algorithm=");
        uri.push_str(algorithm.as_str());
    }
    uri.push_str(&format!("&digits={digits}&{tail}"));
    Some(uri)
}

fn hmac_digest<M: Mac + hmac::digest::KeyInit>(key: &[u8], msg: &[u8]) -> Vec<u8> {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <M as hmac::digest::KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(msg);
    mac.finalize().into_bytes().to_vec()
}

/// RFC 4226 HOTP: HMAC of the big-endian counter, dynamic truncation, then
/// the low `digits` decimal digits, zero-padded. `digits` is clamped to 1-10.
pub fn hotp(key: &[u8], counter: u64, digits: u8, algorithm: OtpAlgorithm) -> String {
    let msg = counter.to_be_bytes();
    let mac = zeroize::Zeroizing::new(match algorithm {
        OtpAlgorithm::Sha1 => hmac_digest::<Hmac<sha1::Sha1>>(key, &msg),
        OtpAlgorithm::Sha256 => hmac_digest::<Hmac<sha2::Sha256>>(key, &msg),
        OtpAlgorithm::Sha512 => hmac_digest::<Hmac<sha2::Sha512>>(key, &msg),
    });
    let offset = usize::from(mac[mac.len() - 1] & 0x0f);
    let word = u32::from_be_bytes([
        mac[offset],
        mac[offset + 1],
        mac[offset + 2],
        mac[offset + 3],
    ]) & 0x7fff_ffff;
    let digits = u32::from(digits.clamp(1, 10));
    let code = u64::from(word) % 10u64.pow(digits);
    format!("{code:0width$}", width = digits as usize)
}

/// The code of a [`Secret::Totp`]: for TOTP the one valid at `unix_seconds`,
/// for HOTP the one for the stored counter.
pub fn code_at(secret: &Secret, unix_seconds: u64) -> Result<String, TotpError> {
    let Secret::Totp {
        secret,
        algorithm,
        digits,
        period,
        otp_type,
        counter,
        ..
    } = secret
    else {
        return Err(TotpError::NotTotp);
    };
    if *otp_type != OtpType::Steam && !DIGITS.contains(digits) {
        return Err(TotpError::InvalidDigits);
    }
    let key = decode_base32(normalize_base32(secret.expose())?.expose())?;
    let moving = match otp_type {
        OtpType::Hotp => *counter,
        OtpType::Totp | OtpType::Steam => {
            if !PERIODS.contains(period) {
                return Err(TotpError::InvalidPeriod);
            }
            unix_seconds / period
        }
    };
    if *otp_type == OtpType::Steam {
        return Ok(steam_code(key.expose(), moving));
    }
    Ok(hotp(key.expose(), moving, *digits, *algorithm))
}

/// Steam Guard: the HMAC-SHA1 of the counter truncated as in RFC 4226 to a
/// 31-bit number, written as 5 characters of [`STEAM_ALPHABET`], least
/// significant first.
pub fn steam_code(key: &[u8], counter: u64) -> String {
    let mac = zeroize::Zeroizing::new(hmac_digest::<Hmac<sha1::Sha1>>(key, &counter.to_be_bytes()));
    let offset = usize::from(mac[mac.len() - 1] & 0x0f);
    let mut word = u32::from_be_bytes([
        mac[offset],
        mac[offset + 1],
        mac[offset + 2],
        mac[offset + 3],
    ]) & 0x7fff_ffff;
    let mut code = String::with_capacity(usize::from(STEAM_CODE_CHARS));
    for _ in 0..STEAM_CODE_CHARS {
        code.push(char::from(STEAM_ALPHABET[(word % 26) as usize]));
        word /= 26;
    }
    code
}

/// Seconds until the TOTP code changes (1..=period); `None` for HOTP
/// secrets, other kinds, or an invalid period.
pub fn seconds_left(secret: &Secret, unix_seconds: u64) -> Option<u64> {
    match secret {
        Secret::Totp {
            period, otp_type, ..
        } if otp_type.is_time_based() && PERIODS.contains(period) => {
            Some(period - unix_seconds % period)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4226 Appendix D: secret "12345678901234567890", counters 0-9.
    #[test]
    fn rfc4226_appendix_d() {
        let key = b"12345678901234567890";
        let expected = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
            "399871", "520489",
        ];
        for (counter, want) in expected.iter().enumerate() {
            assert_eq!(hotp(key, counter as u64, 6, OtpAlgorithm::Sha1), *want);
        }
    }

    /// RFC 6238 Appendix B: 8 digits, 30 s, the seed repeated to the hash size.
    #[test]
    fn rfc6238_appendix_b() {
        let k1 = b"12345678901234567890".to_vec();
        let k256 = b"12345678901234567890123456789012".to_vec();
        let k512 = b"1234567890123456789012345678901234567890123456789012345678901234".to_vec();
        let table: [(u64, &str, &str, &str); 6] = [
            (59, "94287082", "46119246", "90693936"),
            (1111111109, "07081804", "68084774", "25091201"),
            (1111111111, "14050471", "67062674", "99943326"),
            (1234567890, "89005924", "91819424", "93441116"),
            (2000000000, "69279037", "90698825", "38618901"),
            (20000000000, "65353130", "77737706", "47863826"),
        ];
        for (t, s1, s256, s512) in table {
            for (key, alg, want) in [
                (&k1, OtpAlgorithm::Sha1, s1),
                (&k256, OtpAlgorithm::Sha256, s256),
                (&k512, OtpAlgorithm::Sha512, s512),
            ] {
                let secret = Secret::Totp {
                    secret: encode_base32(key),
                    issuer: None,
                    label: None,
                    algorithm: alg,
                    digits: 8,
                    period: 30,
                    otp_type: OtpType::Totp,
                    counter: 0,
                };
                assert_eq!(code_at(&secret, t).unwrap(), want, "t={t} {alg:?}");
                assert_eq!(hotp(key, t / 30, 8, alg), want);
            }
        }
    }

    #[test]
    fn base32_matches_rfc4648_vectors() {
        for (plain, enc) in [
            ("f", "MY"),
            ("fo", "MZXQ"),
            ("foo", "MZXW6"),
            ("foob", "MZXW6YQ"),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ] {
            assert_eq!(decode_base32(enc).unwrap().expose(), plain.as_bytes());
            assert_eq!(encode_base32(plain.as_bytes()).expose(), enc);
            let padded = format!("{enc:=<8}");
            assert_eq!(decode_base32(&padded).unwrap().expose(), plain.as_bytes());
        }
        assert_eq!(decode_base32("A"), Err(TotpError::InvalidSecret));
        assert_eq!(decode_base32("MZX"), Err(TotpError::InvalidSecret));
        assert_eq!(decode_base32("MZXW6Y"), Err(TotpError::InvalidSecret));
        assert_eq!(decode_base32("MZ1W"), Err(TotpError::InvalidSecret));
    }

    #[test]
    fn seconds_left_counts_down() {
        let s = parse_secret_input("JBSWY3DPEHPK3PXP").unwrap();
        assert_eq!(seconds_left(&s, 0), Some(30));
        assert_eq!(seconds_left(&s, 29), Some(1));
        assert_eq!(seconds_left(&s, 30), Some(30));
        let h = parse_otpauth("otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=3").unwrap();
        assert_eq!(seconds_left(&h, 10), None);
        assert_eq!(
            code_at(&h, 999).unwrap(),
            hotp(b"Hello!\xde\xad\xbe\xef", 3, 6, OtpAlgorithm::Sha1)
        );
    }

    /// Steam Guard codes for the RFC 6238 SHA1 key; expected values from
    /// pyotp's `contrib.Steam` (tests/totp_steam.rs checks it live).
    #[test]
    fn steam_codes_match_pyotp() {
        let key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        let forms = [
            format!("otpauth://totp/Steam:me?secret={key}&digits=5&encoder=steam"),
            format!("otpauth://totp/Steam:me?encoder=steam&secret={key}&digits=6"),
            format!("otpauth://steam/Steam:me?secret={key}"),
            format!("otpauth://totp/Steam:me?digits=5&secret={key}&ENCODER=Steam"),
        ];
        for uri in &forms {
            let s = parse_otpauth(uri).unwrap();
            assert!(
                matches!(
                    s,
                    Secret::Totp {
                        otp_type: OtpType::Steam,
                        digits: 5,
                        period: 30,
                        ..
                    }
                ),
                "{uri}"
            );
            validate(&s).unwrap();
            for (t, want) in [
                (0, "GG5F5"),
                (59, "PV9M4"),
                (1111111109, "PY4YB"),
                (1234567890, "VHHQY"),
                (2000000000, "9N776"),
            ] {
                assert_eq!(code_at(&s, t).unwrap(), want, "{uri} t={t}");
            }
            // Written back with the encoder, read back the same.
            let out = to_otpauth(&s).unwrap();
            assert!(
                out.contains("encoder=steam") && out.contains("digits=5"),
                "{out}"
            );
            assert_eq!(parse_otpauth(&out).unwrap(), s);
        }
        let imported = steam_secret(key, Some("Steam".into()), Some("me".into())).unwrap();
        assert_eq!(imported, parse_otpauth(&forms[0]).unwrap());
        assert_eq!(seconds_left(&imported, 59), Some(1));
    }

    #[test]
    fn unsupported_schemes_are_refused_with_a_reason() {
        let key = "GEZDGNBVGY3TQOJQ";
        assert_eq!(
            parse_otpauth(&format!("otpauth://motp/x?secret={key}")),
            Err(TotpError::Motp)
        );
        assert_eq!(
            parse_otpauth(&format!("otpauth://yaotp/x?secret={key}")),
            Err(TotpError::Yandex)
        );
        assert_eq!(
            parse_otpauth(&format!("otpauth://totp/x?secret={key}&encoder=yandex")),
            Err(TotpError::Yandex)
        );
        assert_eq!(
            parse_otpauth(&format!("otpauth://totp/x?secret={key}&encoder=base26")),
            Err(TotpError::UnsupportedEncoder("base26".into()))
        );
        assert_eq!(
            parse_otpauth(&format!(
                "otpauth://totp/x?secret={key}&encoder=steam&algorithm=SHA256"
            )),
            Err(TotpError::SteamParams)
        );
        // A Steam secret with other parameters is invalid when stored.
        let mut s = steam_secret(key, None, None).unwrap();
        if let Secret::Totp { digits, .. } = &mut s {
            *digits = 6;
        }
        assert_eq!(validate(&s), Err(TotpError::InvalidDigits));
        for e in [TotpError::Motp, TotpError::Yandex] {
            assert!(e.to_string().contains("cannot") || e.to_string().contains("not"));
        }
    }

    /// Regression: an issuer of 1,400 `!` was accepted, exported as a URI
    /// over the import limit (the issuer is written twice, %-encoded), and
    /// the export could not be imported back.
    #[test]
    fn every_accepted_uri_is_written_within_the_import_limit() {
        let long = format!(
            "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&issuer={}",
            "!".repeat(1400)
        );
        assert_eq!(parse_otpauth(&long), Err(TotpError::TextTooLong("issuer")));
        // The widest secret validate accepts still fits.
        let wide = "\u{1F600}".repeat(MAX_TEXT_CHARS);
        let s = Secret::Totp {
            secret: SecretString::new("A".repeat(MAX_SECRET_CHARS)),
            issuer: Some(wide.clone()),
            label: Some(wide),
            algorithm: OtpAlgorithm::Sha512,
            digits: 8,
            period: 30,
            otp_type: OtpType::Hotp,
            counter: u64::MAX,
        };
        validate(&s).unwrap();
        let uri = to_otpauth(&s).unwrap();
        assert!(uri.len() <= MAX_EXPORTED_URI_CHARS, "{}", uri.len());
        assert_eq!(parse_otpauth(&uri).unwrap(), s);
        let mut over = s;
        if let Secret::Totp { issuer, .. } = &mut over {
            *issuer = Some("x".repeat(MAX_TEXT_CHARS + 1));
        }
        assert_eq!(validate(&over), Err(TotpError::TextTooLong("issuer")));
    }

    /// The URI every caller (show --qr, --qr-svg, --qr-png, the otpauth export) gets,
    /// to the byte: escaping of issuer and account, every parameter
    /// written, the HOTP counter, Steam's encoder without `algorithm=`.
    #[test]
    fn otpauth_uris_are_written_byte_for_byte() {
        let totp = |issuer: Option<&str>,
                    label: Option<&str>,
                    algorithm,
                    digits,
                    period,
                    otp_type,
                    counter| Secret::Totp {
            secret: SecretString::from("jbsw y3dp ehpk 3pxp"),
            issuer: issuer.map(str::to_owned),
            label: label.map(str::to_owned),
            algorithm,
            digits,
            period,
            otp_type,
            counter,
        };
        let cases = [
            (
                totp(
                    Some("Big Bank & Co"),
                    Some("me@example.com"),
                    OtpAlgorithm::Sha256,
                    8,
                    60,
                    OtpType::Totp,
                    0,
                ),
                "otpauth://totp/Big%20Bank%20%26%20Co:me%40example.com?secret=JBSWY3DPEHPK3PXP\
                 &issuer=Big%20Bank%20%26%20Co&algorithm=SHA256&digits=8&period=60",
            ),
            (
                totp(
                    None,
                    Some("a:b/\u{fc}?x=1"),
                    OtpAlgorithm::Sha512,
                    7,
                    30,
                    OtpType::Hotp,
                    42,
                ),
                "otpauth://hotp/:a%3Ab%2F%C3%BC%3Fx%3D1?secret=JBSWY3DPEHPK3PXP\
                 &algorithm=SHA512&digits=7&counter=42",
            ),
            (
                totp(
                    Some("GitHub"),
                    None,
                    OtpAlgorithm::Sha1,
                    6,
                    30,
                    OtpType::Totp,
                    0,
                ),
                "otpauth://totp/GitHub:?secret=JBSWY3DPEHPK3PXP&issuer=GitHub\
                 &algorithm=SHA1&digits=6&period=30",
            ),
            (
                steam_secret("JBSWY3DPEHPK3PXP", Some("Steam".into()), Some("me".into())).unwrap(),
                "otpauth://totp/Steam:me?secret=JBSWY3DPEHPK3PXP&issuer=Steam\
                 &digits=5&period=30&encoder=steam",
            ),
        ];
        for (secret, want) in &cases {
            assert_eq!(to_otpauth(secret).as_deref(), Some(*want));
            // The fallback name is only for a secret with no name at all.
            assert_eq!(
                to_otpauth_named(secret, Some("other")).as_deref(),
                Some(*want)
            );
            // Read back and written again: the same bytes.
            let back = parse_otpauth(want).unwrap();
            assert_eq!(to_otpauth(&back).as_deref(), Some(*want));
        }
        let bare = totp(None, None, OtpAlgorithm::Sha1, 6, 30, OtpType::Totp, 0);
        assert_eq!(
            to_otpauth_named(&bare, Some(" Work: GitHub ")).as_deref(),
            Some("otpauth://totp/:Work%3A%20GitHub?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30")
        );
        assert_eq!(
            to_otpauth(&bare).as_deref(),
            Some("otpauth://totp/?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30")
        );
        let note = Secret::Note {
            text: SecretString::from("x"),
        };
        assert_eq!(to_otpauth(&note), None);
    }

    #[test]
    fn bare_secrets_are_labelled_with_the_fallback() {
        let bare = parse_secret_input("JBSWY3DPEHPK3PXP").unwrap();
        let uri = to_otpauth_named(&bare, Some("Work: GitHub 2FA")).unwrap();
        let back = parse_otpauth(&uri).unwrap();
        match back {
            Secret::Totp { issuer, label, .. } => {
                assert_eq!(issuer, None);
                assert_eq!(label.as_deref(), Some("Work: GitHub 2FA"));
            }
            _ => unreachable!(),
        }
        // An issuer or account of its own wins over the fallback.
        let named = parse_otpauth("otpauth://totp/GitHub:me?secret=JBSWY3DP").unwrap();
        assert_eq!(to_otpauth_named(&named, Some("other")), to_otpauth(&named));
    }

    #[test]
    fn errors_never_quote_the_secret() {
        let uri = "otpauth://totp/x?secret=SUPERSECRETVALUE1&digits=SUPERSECRET";
        let msg = parse_otpauth(uri).unwrap_err().to_string();
        assert!(!msg.contains("SUPERSECRET"), "{msg}");
        let uri = "otpauth://totp/x?secret=JBSWY3DP&algorithm=SUPERSECRETVALUE1";
        let msg = parse_otpauth(uri).unwrap_err().to_string();
        assert!(!msg.contains("SUPERSECRET"), "{msg}");
        assert_eq!(
            parse_otpauth("otpauth://totp/x?secret=JBSWY3DP&algorithm=MD5")
                .unwrap_err()
                .to_string(),
            "unsupported algorithm \"MD5\"; use SHA1, SHA256 or SHA512"
        );
    }
}
