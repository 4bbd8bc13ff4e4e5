//! TOTP/HOTP codes and otpauth URIs.
//!
//! This module owns everything about one-time-password secrets: parsing
//! `otpauth://totp|hotp/...` URIs and bare base32 secrets into
//! [`Secret::Totp`], writing them back out as URIs, and computing codes
//! (RFC 4226 HOTP, RFC 6238 TOTP with SHA-1, SHA-256 or SHA-512).
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
/// Longest URI accepted, for the same reason.
pub const MAX_URI_CHARS: usize = 8192;

/// Why a TOTP/HOTP secret or URI was refused.
///
/// Messages never quote the input: a URI carries its secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TotpError {
    /// The text does not start with `otpauth://`.
    #[error("this is not an otpauth:// URI; paste the otpauth:// link behind the QR code, or the base32 secret alone")]
    NotOtpauth,
    /// A Google Authenticator export was given where one secret was expected.
    #[error("this is a Google Authenticator export (otpauth-migration://); import it with the gauth import format instead")]
    MigrationUri,
    /// The URI type is neither `totp` nor `hotp`.
    #[error("unsupported one-time-password type{}; only totp and hotp are supported", shown(.0))]
    UnsupportedType(String),
    /// The URI is too long to be a real otpauth URI.
    #[error("the otpauth URI is too long (over {MAX_URI_CHARS} characters); check that only one URI was pasted")]
    TooLong,
    /// Broken percent-encoding or text that is not UTF-8 after decoding.
    #[error("the otpauth URI has broken %-encoding; copy it again from the source")]
    BadEncoding,
    /// No `secret=` parameter.
    #[error("the otpauth URI has no secret= parameter; copy the whole URI again")]
    MissingSecret,
    /// The secret is empty, too long, or not base32.
    #[error("the secret is not valid base32 (letters A-Z and digits 2-7); check for typos such as 0/O, 1/I or 8/B")]
    InvalidSecret,
    /// `algorithm=` names a hash that is not supported.
    #[error("unsupported algorithm{}; use SHA1, SHA256 or SHA512", shown(.0))]
    UnsupportedAlgorithm(String),
    /// `digits=` is not 6, 7 or 8.
    #[error("the number of digits must be 6, 7 or 8")]
    InvalidDigits,
    /// `period=` is not a whole number of seconds from 1 to 3600.
    #[error("the period must be a whole number of seconds from 1 to 3600 (usually 30)")]
    InvalidPeriod,
    /// `counter=` is not a whole number.
    #[error("the HOTP counter must be a whole number (0 or more)")]
    InvalidCounter,
    /// A code was asked of an item that is not a TOTP/HOTP secret.
    #[error("this item is not a TOTP/HOTP secret, so it has no codes")]
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
    let otp_type = if otp_type.eq_ignore_ascii_case("totp") {
        OtpType::Totp
    } else if otp_type.eq_ignore_ascii_case("hotp") {
        OtpType::Hotp
    } else {
        return Err(TotpError::UnsupportedType(safe_value(otp_type)));
    };

    let mut secret = None;
    let mut issuer = None;
    let mut algorithm = OtpAlgorithm::Sha1;
    let mut digits = 6u8;
    let mut period = 30u64;
    let mut counter = 0u64;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let value = SecretString::new(decode_query_value(raw)?);
        match key.to_ascii_lowercase().as_str() {
            "secret" => secret = Some(normalize_base32(value.expose())?),
            "issuer" => issuer = Some(value.expose().trim().to_owned()),
            "algorithm" => algorithm = parse_algorithm(value.expose().trim())?,
            "digits" => {
                digits = value
                    .expose()
                    .trim()
                    .parse()
                    .ok()
                    .filter(|d| DIGITS.contains(d))
                    .ok_or(TotpError::InvalidDigits)?
            }
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
    Ok(Secret::Totp {
        secret,
        issuer,
        label: Some(account).filter(|a| !a.is_empty()),
        algorithm,
        digits,
        period,
        otp_type,
        counter: if otp_type == OtpType::Hotp {
            counter
        } else {
            0
        },
    })
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
/// base32 secret, 6-8 digits, a period from 1 to 3600 seconds.
pub fn validate(secret: &Secret) -> Result<(), TotpError> {
    match secret {
        Secret::Totp {
            secret,
            digits,
            period,
            otp_type,
            ..
        } => {
            normalize_base32(secret.expose())?;
            if !DIGITS.contains(digits) {
                return Err(TotpError::InvalidDigits);
            }
            if *otp_type == OtpType::Totp && !PERIODS.contains(period) {
                return Err(TotpError::InvalidPeriod);
            }
            Ok(())
        }
        _ => Err(TotpError::NotTotp),
    }
}

/// Writes a [`Secret::Totp`] as an otpauth URI that Google Authenticator,
/// Aegis, pyotp and oathtool-based tools read. `None` for other kinds.
///
/// Every parameter is written explicitly (algorithm, digits, period or
/// counter) so readers with other defaults agree on the code.
pub fn to_otpauth(secret: &Secret) -> Option<String> {
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
    };
    let account = label.as_deref().unwrap_or("");
    let path = match issuer.as_deref().filter(|i| !i.is_empty()) {
        Some(i) => format!("{}:{}", percent_encode(i), percent_encode(account)),
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
    uri.push_str(&format!(
        "&algorithm={}&digits={digits}&{tail}",
        algorithm.as_str()
    ));
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
    if !DIGITS.contains(digits) {
        return Err(TotpError::InvalidDigits);
    }
    let key = decode_base32(normalize_base32(secret.expose())?.expose())?;
    let moving = match otp_type {
        OtpType::Hotp => *counter,
        OtpType::Totp => {
            if !PERIODS.contains(period) {
                return Err(TotpError::InvalidPeriod);
            }
            unix_seconds / period
        }
    };
    Ok(hotp(key.expose(), moving, *digits, *algorithm))
}

/// Seconds until the TOTP code changes (1..=period); `None` for HOTP
/// secrets, other kinds, or an invalid period.
pub fn seconds_left(secret: &Secret, unix_seconds: u64) -> Option<u64> {
    match secret {
        Secret::Totp {
            period,
            otp_type: OtpType::Totp,
            ..
        } if PERIODS.contains(period) => Some(period - unix_seconds % period),
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
