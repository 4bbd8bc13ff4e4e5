//! Google Authenticator "Transfer accounts" exports.
//!
//! This module owns decoding `otpauth-migration://offline?data=...` URIs:
//! the `data` parameter is base64 of a protobuf `MigrationPayload`, decoded
//! here by hand (varints and length-delimited fields), with the published
//! field numbers:
//!
//! ```text
//! MigrationPayload { repeated OtpParameters otp_parameters = 1; int32 version = 2;
//!                    int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5; }
//! OtpParameters    { bytes secret = 1; string name = 2; string issuer = 3;
//!                    Algorithm algorithm = 4;  // 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5
//!                    DigitCount digits = 5;    // 0 unspecified, 1 six, 2 eight
//!                    OtpType type = 6;         // 0 unspecified, 1 HOTP, 2 TOTP
//!                    int64 counter = 7; }
//! ```
//!
//! Google Authenticator always uses a 30-second period. Unknown fields are
//! skipped, as protobuf readers must.

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use zeroize::Zeroizing;

use super::dedup::Carries;
use super::otp::{self, Fields, Kind};
use super::{totp_item, ImportReport, Namer, Reason, Unit, MAX_IMPORT_BYTES};
use crate::item::totp;
use crate::item::{OtpAlgorithm, Secret};
use crate::secret::SecretBytes;

/// One account as the payload describes it, before validation.
#[derive(Debug, Default)]
pub struct OtpParameters {
    /// The raw shared secret.
    pub secret: SecretBytes,
    /// Account name (sometimes `issuer:account`).
    pub name: String,
    /// Issuer.
    pub issuer: String,
    /// Algorithm enum value.
    pub algorithm: u64,
    /// Digit-count enum value.
    pub digits: u64,
    /// Type enum value.
    pub otp_type: u64,
    /// HOTP counter.
    pub counter: u64,
}

/// A damaged protobuf payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PayloadError;

/// A protobuf field value; fixed-width values are only skipped.
enum Value<'a> {
    Varint(u64),
    Bytes(&'a [u8]),
    Fixed,
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    fn varint(&mut self) -> Result<u64, PayloadError> {
        let mut value = 0u64;
        for shift in (0..70).step_by(7) {
            let byte = *self.buf.get(self.pos).ok_or(PayloadError)?;
            self.pos += 1;
            if shift == 63 && byte > 1 {
                return Err(PayloadError);
            }
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(PayloadError)
    }

    fn take(&mut self, n: u64) -> Result<&'a [u8], PayloadError> {
        let n = usize::try_from(n).map_err(|_| PayloadError)?;
        let end = self.pos.checked_add(n).ok_or(PayloadError)?;
        let bytes = self.buf.get(self.pos..end).ok_or(PayloadError)?;
        self.pos = end;
        Ok(bytes)
    }

    /// The next (field number, value), or `None` at the end.
    fn field(&mut self) -> Result<Option<(u64, Value<'a>)>, PayloadError> {
        if self.pos >= self.buf.len() {
            return Ok(None);
        }
        let key = self.varint()?;
        let number = key >> 3;
        if number == 0 {
            return Err(PayloadError);
        }
        let value = match key & 7 {
            0 => Value::Varint(self.varint()?),
            1 => {
                self.take(8)?;
                Value::Fixed
            }
            2 => {
                let len = self.varint()?;
                Value::Bytes(self.take(len)?)
            }
            5 => {
                self.take(4)?;
                Value::Fixed
            }
            // Groups (3, 4) are deprecated and never used by this payload.
            _ => return Err(PayloadError),
        };
        Ok(Some((number, value)))
    }
}

fn text(bytes: &[u8]) -> Result<String, PayloadError> {
    String::from_utf8(bytes.to_vec()).map_err(|_| PayloadError)
}

fn decode_otp_parameters(buf: &[u8]) -> Result<OtpParameters, PayloadError> {
    let mut p = OtpParameters::default();
    let mut r = Reader::new(buf);
    while let Some((number, value)) = r.field()? {
        match (number, value) {
            (1, Value::Bytes(b)) => p.secret = SecretBytes::new(b.to_vec()),
            (2, Value::Bytes(b)) => p.name = text(b)?,
            (3, Value::Bytes(b)) => p.issuer = text(b)?,
            (4, Value::Varint(v)) => p.algorithm = v,
            (5, Value::Varint(v)) => p.digits = v,
            (6, Value::Varint(v)) => p.otp_type = v,
            (7, Value::Varint(v)) => p.counter = v,
            // A known field with the wrong wire type is corruption.
            (1..=7, _) => return Err(PayloadError),
            _ => {}
        }
    }
    Ok(p)
}

/// Decodes a `MigrationPayload` into its accounts.
pub fn decode_payload(buf: &[u8]) -> Result<Vec<OtpParameters>, PayloadError> {
    let mut out = Vec::new();
    let mut r = Reader::new(buf);
    while let Some((number, value)) = r.field()? {
        match (number, value) {
            (1, Value::Bytes(b)) => out.push(decode_otp_parameters(b)?),
            (1, _) => return Err(PayloadError),
            (2..=5, Value::Varint(_)) => {}
            (2..=5, _) => return Err(PayloadError),
            _ => {}
        }
    }
    Ok(out)
}

/// Extracts and base64-decodes the `data=` parameter of one migration URI.
pub fn migration_data(uri: &str) -> Result<SecretBytes, Reason> {
    let rest =
        totp::strip_prefix_ci(uri.trim(), "otpauth-migration://").ok_or(Reason::NotMigrationUri)?;
    let query = rest.split_once('?').map(|(_, q)| q).unwrap_or("");
    let raw = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("data="))
        .ok_or(Reason::BadMigrationData)?;
    // `+` is literal base64 here, not a form-encoded space; a space is a
    // `+` that some tool decoded too eagerly.
    let decoded = Zeroizing::new(totp::decode_path(raw).map_err(|_| Reason::BadMigrationData)?);
    let cleaned: Zeroizing<String> = Zeroizing::new(
        decoded
            .chars()
            .filter(|c| !matches!(c, '\n' | '\r' | '\t'))
            .map(|c| if c == ' ' { '+' } else { c })
            .collect(),
    );
    let config =
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
    let engine = if cleaned.contains(['-', '_']) {
        GeneralPurpose::new(&base64::alphabet::URL_SAFE, config)
    } else {
        GeneralPurpose::new(&base64::alphabet::STANDARD, config)
    };
    engine
        .decode(cleaned.as_bytes())
        .map(SecretBytes::new)
        .map_err(|_| Reason::BadMigrationData)
}

fn to_secret(p: OtpParameters) -> Result<Secret, Reason> {
    let algorithm = match p.algorithm {
        0 | 1 => OtpAlgorithm::Sha1,
        2 => OtpAlgorithm::Sha256,
        3 => OtpAlgorithm::Sha512,
        4 => return Err(Reason::Md5),
        _ => return Err(Reason::UnknownEnum("algorithm")),
    };
    let digits: u64 = match p.digits {
        0 | 1 => 6,
        2 => 8,
        _ => return Err(Reason::UnknownEnum("digit count")),
    };
    let kind = match p.otp_type {
        0 | 2 => Kind::Totp,
        1 => Kind::Hotp,
        _ => return Err(Reason::UnknownEnum("type")),
    };
    // Stored as base32 (8 characters per 5 bytes), within the cap.
    if p.secret.is_empty() || p.secret.len() > totp::MAX_SECRET_CHARS / 8 * 5 {
        return Err(totp::TotpError::InvalidSecret.into());
    }
    // The name is often "Issuer:account"; keep the account part only.
    let mut issuer = p.issuer.trim().to_owned();
    let mut account = p.name.trim().to_owned();
    if let Some((prefix, rest)) = p.name.split_once(':') {
        let prefix = prefix.trim();
        if issuer.is_empty() || prefix == issuer {
            issuer = prefix.to_owned();
            account = rest.trim().to_owned();
        }
    }
    otp::build(
        Fields::new(kind, totp::encode_base32(p.secret.expose()))
            .named(Some(issuer), Some(account))
            .params(
                Some(algorithm.as_str().to_owned()),
                Some(digits),
                // The format has no period: its codes change every 30 s.
                None,
                Some(p.counter),
            ),
    )
}

/// Imports Google Authenticator export URIs, one per line (a multi-QR
/// export gives several). Blank lines and `#` comments are skipped; a bad
/// account is rejected with its line, and the other accounts still import.
pub fn import_gauth(text: &str) -> ImportReport {
    let mut report = ImportReport::new(Unit::Line, Carries::SECRET_ONLY);
    if text.len() > MAX_IMPORT_BYTES {
        report.rejected.push(Reason::BadMigrationData.at(1));
        return report;
    }
    let mut namer = Namer::default();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let data = match migration_data(line) {
            Ok(d) => d,
            Err(reason) => {
                report.rejected.push(reason.at(index + 1));
                continue;
            }
        };
        let accounts = match decode_payload(data.expose()) {
            Ok(a) => a,
            Err(PayloadError) => {
                report
                    .rejected
                    .push(Reason::BadMigrationPayload.at(index + 1));
                continue;
            }
        };
        for (n, account) in accounts.into_iter().enumerate() {
            match to_secret(account) {
                Ok(secret) => report.add(totp_item(secret, &mut namer), index + 1),
                Err(reason) => report.rejected.push(
                    Reason::InEntry {
                        index: n + 1,
                        reason: Box::new(reason),
                    }
                    .at(index + 1),
                ),
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_bounds() {
        assert_eq!(Reader::new(&[0x96, 0x01]).varint(), Ok(150));
        assert_eq!(Reader::new(&[0x96]).varint(), Err(PayloadError));
        assert_eq!(Reader::new(&[0xff; 11]).varint(), Err(PayloadError));
        let max = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
        assert_eq!(Reader::new(&max).varint(), Ok(u64::MAX));
        // Length running past the end.
        assert!(decode_payload(&[0x0a, 0x05, 0x01]).is_err());
        // Field number 0.
        assert!(decode_payload(&[0x00, 0x00]).is_err());
        // Unknown fields are skipped; empty payload has no accounts.
        assert_eq!(decode_payload(&[0x50, 0x01]).unwrap().len(), 0);
    }
}
