//! Telling an export's format from its content, and importing any format.
//!
//! This module owns `import --format auto`: [`detect`] looks at the bytes
//! (image magic numbers, the shape of the JSON, the CSV header, the URI
//! scheme of the first meaningful line) and says which format the file is
//! and whether it is encrypted; [`import`] hands the bytes to that
//! format's importer. A UTF-8 byte-order mark is dropped and CRLF line ends
//! are accepted for every text format.

use serde_json::Value;

use super::{
    aegis, andotp, authpro, bitwarden, freeotp, gauth, keepassxc, native, proton, qr_image, twofas,
    ImportReport, InteropError, MAX_IMPORT_BYTES,
};
use crate::item::totp;
use crate::secret::SecretString;

/// Every format `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ImportFormat {
    /// lifeboat's own export.
    Lifeboat,
    /// otpauth URIs, one per line.
    Otpauth,
    /// Aegis (plaintext, encrypted, or the `db` object alone).
    Aegis,
    /// Google Authenticator `otpauth-migration://` URIs.
    Gauth,
    /// 2FAS `.2fas` backups.
    TwoFas,
    /// Bitwarden JSON or CSV.
    Bitwarden,
    /// andOTP backups (plain or encrypted).
    AndOtp,
    /// FreeOTP+ JSON.
    FreeOtpPlus,
    /// Proton Authenticator JSON.
    Proton,
    /// Authenticator Pro plain JSON.
    AuthenticatorPro,
    /// KeePassXC CSV.
    KeepassxcCsv,
    /// PNG/JPEG images with QR codes, or zbarimg output.
    Qr,
}

impl ImportFormat {
    /// The `--format` value.
    pub fn cli_name(self) -> &'static str {
        match self {
            ImportFormat::Lifeboat => "lifeboat",
            ImportFormat::Otpauth => "otpauth",
            ImportFormat::Aegis => "aegis",
            ImportFormat::Gauth => "gauth",
            ImportFormat::TwoFas => "2fas",
            ImportFormat::Bitwarden => "bitwarden",
            ImportFormat::AndOtp => "andotp",
            ImportFormat::FreeOtpPlus => "freeotp-plus",
            ImportFormat::Proton => "proton",
            ImportFormat::AuthenticatorPro => "authenticator-pro",
            ImportFormat::KeepassxcCsv => "keepassxc-csv",
            ImportFormat::Qr => "qr",
        }
    }

    /// The format in words, with an article: `an Aegis export`.
    pub fn describe(self) -> &'static str {
        match self {
            ImportFormat::Lifeboat => "a lifeboat export",
            ImportFormat::Otpauth => "a list of otpauth:// URIs",
            ImportFormat::Aegis => "an Aegis export",
            ImportFormat::Gauth => "a Google Authenticator export (otpauth-migration:// URIs)",
            ImportFormat::TwoFas => "a 2FAS backup",
            ImportFormat::Bitwarden => "a Bitwarden export",
            ImportFormat::AndOtp => "an andOTP backup",
            ImportFormat::FreeOtpPlus => "a FreeOTP+ export",
            ImportFormat::Proton => "a Proton Authenticator export",
            ImportFormat::AuthenticatorPro => "an Authenticator Pro backup",
            ImportFormat::KeepassxcCsv => "a KeePassXC CSV export",
            ImportFormat::Qr => "a QR code image or zbarimg output",
        }
    }
}

/// What [`detect`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    /// The format.
    pub format: ImportFormat,
    /// Whether opening it needs a password.
    pub encrypted: bool,
}

/// The text of an import: UTF-8 with a byte-order mark dropped, or `None`
/// for binary data.
pub fn text_of(bytes: &[u8]) -> Option<&str> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    std::str::from_utf8(bytes).ok()
}

/// Tells the format of an export from its content; `None` when unsure.
pub fn detect(bytes: &[u8]) -> Option<Detected> {
    let plain = |format| {
        Some(Detected {
            format,
            encrypted: false,
        })
    };
    if qr_image::image_format(bytes).is_some() {
        return plain(ImportFormat::Qr);
    }
    if authpro::is_encrypted(bytes) {
        return Some(Detected {
            format: ImportFormat::AuthenticatorPro,
            encrypted: true,
        });
    }
    let Some(text) = text_of(bytes) else {
        return andotp::looks_encrypted(bytes).then_some(Detected {
            format: ImportFormat::AndOtp,
            encrypted: true,
        });
    };
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return detect_json(text);
    }
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))?;
    if bitwarden::is_bitwarden_header(first) {
        return plain(ImportFormat::Bitwarden);
    }
    if keepassxc::is_keepassxc_header(first) {
        return plain(ImportFormat::KeepassxcCsv);
    }
    if first.starts_with("QR-Code:") {
        return plain(ImportFormat::Qr);
    }
    // The first line with a URI scheme decides between the line formats.
    for line in text.lines().map(str::trim) {
        if totp::strip_prefix_ci(line, "otpauth-migration://").is_some() {
            return plain(ImportFormat::Gauth);
        }
        if totp::strip_prefix_ci(line, "otpauth://").is_some() {
            return plain(ImportFormat::Otpauth);
        }
    }
    None
}

fn detect_json(text: &str) -> Option<Detected> {
    let v: Value = serde_json::from_str(text).ok()?;
    let found = |format, encrypted| Some(Detected { format, encrypted });
    match &v {
        Value::Array(entries) => {
            // andOTP: a list of entries with secret and type.
            let looks = entries.is_empty()
                || entries[0].get("secret").is_some() && entries[0].get("type").is_some();
            looks.then_some(Detected {
                format: ImportFormat::AndOtp,
                encrypted: false,
            })
        }
        Value::Object(o) => {
            if o.get("format").and_then(Value::as_str) == Some(native::EXPORT_FORMAT) {
                return found(ImportFormat::Lifeboat, false);
            }
            if o.contains_key("db") && o.contains_key("header") {
                let encrypted = o.get("db").is_some_and(|d| !d.is_object());
                return found(ImportFormat::Aegis, encrypted);
            }
            if o.contains_key("schemaVersion") && o.contains_key("services") {
                let encrypted = o
                    .get("servicesEncrypted")
                    .and_then(Value::as_str)
                    .is_some_and(|s| !s.trim().is_empty());
                return found(ImportFormat::TwoFas, encrypted);
            }
            if o.contains_key("tokens") && o.contains_key("tokenOrder") {
                return found(ImportFormat::FreeOtpPlus, false);
            }
            if o.contains_key("Authenticators") {
                return found(ImportFormat::AuthenticatorPro, false);
            }
            if o.contains_key("items") && (o.contains_key("encrypted") || o.contains_key("folders"))
            {
                return found(ImportFormat::Bitwarden, false);
            }
            if o.get("passwordProtected").and_then(Value::as_bool) == Some(true)
                && o.contains_key("data")
            {
                return found(ImportFormat::Bitwarden, true);
            }
            if let Some(Value::Array(entries)) = o.get("entries") {
                let first = entries.first();
                if first.is_some_and(|e| e.get("content").is_some()) {
                    return found(ImportFormat::Proton, false);
                }
                if first.is_none_or(|e| e.get("info").is_some()) {
                    // Aegis's `db` object alone, as its decrypt script prints.
                    return found(ImportFormat::Aegis, false);
                }
            }
            None
        }
        _ => None,
    }
}

/// Why [`detect`] found nothing, as precisely as the bytes allow: empty,
/// not text, broken JSON (with where), or simply unknown.
pub fn explain_unknown(bytes: &[u8]) -> InteropError {
    let Some(text) = text_of(bytes) else {
        return InteropError::NotText;
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return InteropError::NotFormat {
            what: "an export",
            detail: "the file is empty",
        };
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            return InteropError::NotJson {
                line: e.line(),
                column: e.column(),
            };
        }
    }
    InteropError::Unknown
}

/// Whether `asked` can read a file detected as `found`.
fn compatible(asked: ImportFormat, found: ImportFormat) -> bool {
    asked == found
}

/// Checks a forced `--format` against the content: a file that clearly
/// is another format is refused, saying what it looks like.
pub fn check_forced(asked: ImportFormat, bytes: &[u8]) -> Result<(), InteropError> {
    match detect(bytes) {
        Some(d) if !compatible(asked, d.format) => Err(InteropError::WrongFormat {
            asked: asked.describe(),
            looks_like: d.format.describe(),
            suggest: d.format.cli_name(),
        }),
        _ => Ok(()),
    }
}

/// Whether `bytes`, read as `format`, need a password.
pub fn needs_password(format: ImportFormat, bytes: &[u8]) -> bool {
    match format {
        // Binary andOTP data is always encrypted (even the first layout,
        // which has no header to recognize).
        ImportFormat::AndOtp => text_of(bytes).is_none(),
        ImportFormat::AuthenticatorPro => authpro::is_encrypted(bytes),
        ImportFormat::Bitwarden => text_of(bytes).is_some_and(bitwarden::is_password_protected),
        _ => detect(bytes).is_some_and(|d| d.format == format && d.encrypted),
    }
}

/// Imports `bytes` as `format`; `password` opens encrypted exports.
pub fn import(
    format: ImportFormat,
    bytes: &[u8],
    password: Option<&SecretString>,
) -> Result<ImportReport, InteropError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(InteropError::TooLarge);
    }
    if format == ImportFormat::Qr && qr_image::image_format(bytes).is_some() {
        return qr_image::import_image(bytes);
    }
    if format == ImportFormat::AndOtp && text_of(bytes).is_none() {
        let password = password.ok_or(InteropError::NeedPassword("andOTP backup"))?;
        return andotp::import_andotp_encrypted(bytes, password);
    }
    if format == ImportFormat::AuthenticatorPro && authpro::is_encrypted(bytes) {
        return authpro::import_authenticator_pro_encrypted(bytes, password);
    }
    let text = text_of(bytes).ok_or(InteropError::NotText)?;
    Ok(match format {
        ImportFormat::Lifeboat => {
            native::import(text).map_err(|e| InteropError::Native(e.to_string()))?
        }
        ImportFormat::Otpauth => super::import_otpauth_list(text),
        ImportFormat::Aegis => aegis::import_aegis_with_password(text, password)?,
        ImportFormat::Gauth => gauth::import_gauth(text),
        ImportFormat::TwoFas => twofas::import_2fas(text, password)?,
        ImportFormat::Bitwarden => {
            let first = text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("");
            if first.starts_with('{') && bitwarden::is_password_protected(text) {
                bitwarden::import_bitwarden_protected(text, password)?
            } else if first.starts_with('{') {
                bitwarden::import_bitwarden_json(text)?
            } else {
                bitwarden::import_bitwarden_csv(text)?
            }
        }
        ImportFormat::AndOtp => andotp::import_andotp(text)?,
        ImportFormat::FreeOtpPlus => freeotp::import_freeotp_plus(text)?,
        ImportFormat::Proton => proton::import_proton(text)?,
        ImportFormat::AuthenticatorPro => authpro::import_authenticator_pro(text)?,
        ImportFormat::KeepassxcCsv => keepassxc::import_keepassxc_csv(text)?,
        ImportFormat::Qr => qr_image::import_zbar_text(text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format_of(text: &str) -> Option<ImportFormat> {
        detect(text.as_bytes()).map(|d| d.format)
    }

    #[test]
    fn shapes_are_told_apart() {
        use ImportFormat::*;
        let cases: &[(&str, Option<ImportFormat>)] = &[
            (r#"{"format":"lifeboat-export","version":1,"items":[]}"#, Some(Lifeboat)),
            (r#"{"version":1,"header":{"slots":null},"db":{"entries":[]}}"#, Some(Aegis)),
            (r#"{"version":2,"entries":[{"type":"totp","info":{}}]}"#, Some(Aegis)),
            (r#"{"version":1,"entries":[{"content":{"uri":"x"}}]}"#, Some(Proton)),
            (r#"{"schemaVersion":4,"services":[]}"#, Some(TwoFas)),
            (r#"{"tokens":[],"tokenOrder":[]}"#, Some(FreeOtpPlus)),
            (r#"{"Authenticators":[]}"#, Some(AuthenticatorPro)),
            (r#"{"encrypted":false,"items":[]}"#, Some(Bitwarden)),
            (r#"[{"secret":"A","type":"TOTP"}]"#, Some(AndOtp)),
            ("\u{feff}# mine\r\notpauth://totp/x?secret=A\r\n", Some(Otpauth)),
            ("hello\notpauth-migration://offline?data=x\n", Some(Gauth)),
            ("QR-Code:otpauth://totp/x?secret=A\n", Some(Qr)),
            ("folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n", Some(Bitwarden)),
            ("\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\",\"TOTP\"\r\n", Some(KeepassxcCsv)),
            ("just words", None),
            ("{not json", None),
            (r#"{"something":"else"}"#, None),
        ];
        for (text, want) in cases {
            assert_eq!(format_of(text), *want, "{text}");
        }
        let enc = detect(br#"{"version":1,"header":{"slots":[]},"db":"AAAA"}"#).unwrap();
        assert!(enc.encrypted);
        let enc =
            detect(br#"{"schemaVersion":4,"services":[],"servicesEncrypted":"a:b:c"}"#).unwrap();
        assert!(enc.encrypted);
        let mut andotp = 150_000u32.to_be_bytes().to_vec();
        andotp.extend([0xffu8; 60]);
        assert_eq!(
            detect(&andotp),
            Some(Detected {
                format: AndOtp,
                encrypted: true
            })
        );
        assert_eq!(detect(b"\x89PNG\r\n\x1a\nrest").map(|d| d.format), Some(Qr));
    }

    #[test]
    fn a_forced_format_that_does_not_fit_says_what_the_file_is() {
        let aegis = br#"{"version":1,"header":{"slots":null},"db":{"entries":[]}}"#;
        let e = check_forced(ImportFormat::Otpauth, aegis).unwrap_err();
        assert_eq!(e.to_string(), "this file looks like an Aegis export, not a list of otpauth:// URIs; run the import again with --format aegis, or without --format to let lifeboat tell");
        assert!(check_forced(ImportFormat::Aegis, aegis).is_ok());
        assert!(check_forced(ImportFormat::Aegis, b"{broken").is_ok());
    }
}
