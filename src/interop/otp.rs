//! One-time-password entries as other apps describe them.
//!
//! This module owns turning the fields an authenticator export gives for
//! one entry (type name, base32 or raw secret, issuer, account, algorithm,
//! digits, period, counter) into a validated [`Secret::Totp`], with the
//! defaults of the key URI format where a field is missing. Every importer
//! goes through here, so the rules (Steam entries mapped to
//! [`totp::steam_secret`], mOTP and Yandex refused) are the same for all.

use super::{totp_item, ImportReport, Namer, Reason};
use crate::item::totp::{self, TotpError};
use crate::item::{Item, OtpAlgorithm, OtpType, Secret};
use crate::secret::SecretString;

/// The kinds of entry an export may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// RFC 6238.
    Totp,
    /// RFC 4226.
    Hotp,
    /// Steam Guard (TOTP with Steam's own alphabet).
    Steam,
}

impl Kind {
    /// Reads a type name in any case (`totp`, `TOTP`, `Steam`); anything
    /// else is refused, its name shown only when harmless.
    pub(crate) fn parse(name: &str) -> Result<Kind, Reason> {
        match name.trim().to_ascii_lowercase().as_str() {
            "totp" => Ok(Kind::Totp),
            "hotp" => Ok(Kind::Hotp),
            "steam" => Ok(Kind::Steam),
            "motp" => Err(TotpError::Motp.into()),
            "yandex" | "yaotp" => Err(TotpError::Yandex.into()),
            _ => Err(Reason::OtpType(harmless(name))),
        }
    }
}

/// A type name safe to repeat in a message. Type names are short words
/// (totp, hotp, steam, motp, yandex); a longer value, or one with digits,
/// may be a secret written into the wrong field, so it is not repeated
/// (`…` stands for it).
pub(crate) fn harmless(name: &str) -> String {
    let kept: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
    if (1..=7).contains(&kept.len()) && kept.chars().all(|c| c.is_ascii_alphabetic()) {
        kept
    } else {
        "…".to_owned()
    }
}

/// The fields of one entry, before validation. The numbers are as wide as
/// any format's (a signed or an unsigned 64-bit field), so a value out of
/// range is refused by [`build`] with the reason, not cut to fit.
#[derive(Debug)]
pub(crate) struct Fields {
    /// What kind of entry.
    pub kind: Kind,
    /// The shared secret, base32 (spaces, dashes, padding and lower case
    /// tolerated).
    pub secret: SecretString,
    /// The service.
    pub issuer: Option<String>,
    /// The account at the service.
    pub account: Option<String>,
    /// `SHA1`, `SHA256` or `SHA512` in any spelling; SHA1 when absent or
    /// empty.
    pub algorithm: Option<String>,
    /// 6 to 8; 6 when absent.
    pub digits: Option<i128>,
    /// Seconds; 30 when absent.
    pub period: Option<i128>,
    /// HOTP counter; 0 when absent.
    pub counter: Option<i128>,
}

impl Fields {
    /// A TOTP entry with this secret and no other field set.
    pub(crate) fn new(kind: Kind, secret: SecretString) -> Fields {
        Fields {
            kind,
            secret,
            issuer: None,
            account: None,
            algorithm: None,
            digits: None,
            period: None,
            counter: None,
        }
    }

    /// The entry's service and account.
    pub(crate) fn named(self, issuer: Option<String>, account: Option<String>) -> Fields {
        Fields {
            issuer,
            account,
            ..self
        }
    }

    /// The code parameters as the export gives them; a missing one takes
    /// the key URI format's default.
    pub(crate) fn params<N: Into<i128>>(
        self,
        algorithm: Option<String>,
        digits: Option<N>,
        period: Option<N>,
        counter: Option<N>,
    ) -> Fields {
        Fields {
            algorithm,
            digits: digits.map(Into::into),
            period: period.map(Into::into),
            counter: counter.map(Into::into),
            ..self
        }
    }
}

/// Trims a text field and drops it when empty.
pub(crate) fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Validates the fields into a [`Secret::Totp`], checking them in one
/// order for every format: the secret, the algorithm, the digits, the
/// period, the counter, then what the vault checks when it stores the
/// secret (the length of issuer and account).
pub(crate) fn build(f: Fields) -> Result<Secret, Reason> {
    let otp_type = match f.kind {
        Kind::Totp => OtpType::Totp,
        Kind::Hotp => OtpType::Hotp,
        Kind::Steam => OtpType::Steam,
    };
    let secret = totp::normalize_base32(f.secret.expose())?;
    let algorithm = match f.algorithm.as_deref().map(str::trim) {
        None | Some("") => OtpAlgorithm::Sha1,
        Some(a) => totp::parse_algorithm(a)?,
    };
    let digits = match otp_type {
        // Steam codes are always 5 characters: the digits an app writes
        // for them (5, or 6 in some) are not used.
        OtpType::Steam => totp::STEAM_CODE_CHARS,
        OtpType::Totp | OtpType::Hotp => {
            within(f.digits, 6, totp::DIGITS).ok_or(TotpError::InvalidDigits)?
        }
    };
    let period = match otp_type {
        OtpType::Totp | OtpType::Steam => {
            within(f.period, 30, totp::PERIODS).ok_or(TotpError::InvalidPeriod)?
        }
        OtpType::Hotp => 30,
    };
    let counter = match otp_type {
        OtpType::Hotp => f
            .counter
            .unwrap_or(0)
            .try_into()
            .map_err(|_| TotpError::InvalidCounter)?,
        OtpType::Totp | OtpType::Steam => 0,
    };
    let secret = match otp_type {
        // Steam codes are SHA1 every 30 seconds, whatever the entry says.
        OtpType::Steam => totp::steam_secret(secret.expose(), f.issuer, f.account)?,
        OtpType::Totp | OtpType::Hotp => Secret::Totp {
            secret,
            issuer: nonempty(f.issuer),
            label: nonempty(f.account),
            algorithm,
            digits,
            period,
            otp_type,
            counter,
        },
    };
    // What the vault would refuse to store (an issuer or account over the
    // length limit) is refused here, for this entry alone.
    totp::validate(&secret)?;
    Ok(secret)
}

/// `value` (`default` when absent) when it lies in `range`.
fn within<T: TryFrom<i128> + PartialOrd>(
    value: Option<i128>,
    default: i128,
    range: std::ops::RangeInclusive<T>,
) -> Option<T> {
    T::try_from(value.unwrap_or(default))
        .ok()
        .filter(|v| range.contains(v))
}

/// Adds the item for entry `position` made from `made` (named by `namer`,
/// then given by `finish` what only the format carries: tags, notes), or
/// refuses the entry, named by `label`, for the reason it could not be made.
pub(crate) fn settle(
    report: &mut ImportReport,
    namer: &mut Namer,
    position: usize,
    label: Option<String>,
    made: Result<Secret, Reason>,
    finish: impl FnOnce(&mut Item),
) {
    let made = made.map(|secret| {
        let mut item = totp_item(secret, namer);
        finish(&mut item);
        item
    });
    report.settle(position, label, made);
}

/// Parses what a password manager keeps in its TOTP field: an otpauth URI,
/// a `steam://` secret, or a bare base32 secret. `issuer` and `account`
/// fill in what a bare secret lacks.
pub(crate) fn from_totp_field(
    field: &str,
    issuer: Option<&str>,
    account: Option<&str>,
) -> Result<Secret, Reason> {
    let field = field.trim();
    let own = |s: Option<&str>| s.map(str::to_owned);
    if let Some(secret) = totp::strip_prefix_ci(field, "steam://") {
        return Ok(totp::steam_secret(secret, own(issuer), own(account))?);
    }
    if totp::strip_prefix_ci(field, "otpauth").is_some() {
        let mut secret = totp::parse_otpauth(field)?;
        if let Secret::Totp {
            issuer: i,
            label: l,
            ..
        } = &mut secret
        {
            if i.is_none() {
                *i = issuer.map(str::to_owned).and_then(|s| nonempty(Some(s)));
            }
            if l.is_none() {
                *l = account.map(str::to_owned).and_then(|s| nonempty(Some(s)));
            }
        }
        return Ok(secret);
    }
    let mut fields = Fields::new(Kind::Totp, SecretString::from(field));
    fields.issuer = issuer.map(str::to_owned);
    fields.account = account.map(str::to_owned);
    build(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_limits() {
        let s = build(Fields::new(Kind::Totp, "jbsw y3dp".into())).unwrap();
        assert_eq!(
            totp::to_otpauth(&s).unwrap(),
            "otpauth://totp/?secret=JBSWY3DP&algorithm=SHA1&digits=6&period=30"
        );
        let mut f = Fields::new(Kind::Hotp, "JBSWY3DP".into());
        f.counter = Some(-1);
        assert!(build(f).is_err());
        let mut f = Fields::new(Kind::Totp, "JBSWY3DP".into());
        f.period = Some(0);
        assert!(build(f).is_err());
        let mut f = Fields::new(Kind::Totp, "JBSWY3DP".into());
        f.digits = Some(5);
        assert!(build(f).is_err());
        let steam = build(Fields::new(Kind::Steam, "JBSWY3DP".into())).unwrap();
        assert!(matches!(
            steam,
            Secret::Totp {
                otp_type: OtpType::Steam,
                digits: 5,
                ..
            }
        ));
        // Over the vault's length limit: refused here, not when stored.
        let mut f = Fields::new(Kind::Totp, "JBSWY3DP".into());
        f.issuer = Some("x".repeat(totp::MAX_TEXT_CHARS + 1));
        assert_eq!(
            build(f).unwrap_err(),
            Reason::Totp(TotpError::TextTooLong("issuer"))
        );
        let mut f = Fields::new(Kind::Hotp, "JBSWY3DP".into());
        f.account = Some("y".repeat(totp::MAX_TEXT_CHARS + 1));
        assert!(build(f).is_err());
        assert!(Kind::parse("yandex").is_err());
        assert_eq!(
            Kind::parse("MOTP"),
            Err(Reason::Totp(crate::item::totp::TotpError::Motp))
        );
        assert_eq!(Kind::parse("hmac"), Err(Reason::OtpType("hmac".into())));
        assert_eq!(Kind::parse("a\"b<c>"), Err(Reason::OtpType("abc".into())));
        // A secret in the type field is never repeated.
        for secret in ["JBSWY3DP", "JBSWY3DPEHPK3PXP", "abcdefgh", "t0tp"] {
            assert_eq!(Kind::parse(secret), Err(Reason::OtpType("…".into())));
        }
    }

    /// The rules every format gets from [`build`]: a Steam entry names a
    /// valid algorithm and period like any time-based entry (its own are
    /// then used), an empty algorithm is SHA1, and an unsigned 64-bit
    /// counter (Aegis, Google Authenticator) is kept whole.
    #[test]
    fn one_set_of_rules_for_every_format() {
        let steam = |algorithm: &str, period: i64| {
            build(Fields::new(Kind::Steam, "JBSWY3DP".into()).params(
                Some(algorithm.to_owned()),
                Some(5),
                Some(period),
                None,
            ))
        };
        let s = steam("SHA1", 30).unwrap();
        assert_eq!(s, totp::steam_secret("JBSWY3DP", None, None).unwrap());
        assert_eq!(steam("sha-256", 60).unwrap(), s);
        assert_eq!(
            steam("MD5", 30).unwrap_err(),
            Reason::Totp(TotpError::UnsupportedAlgorithm("MD5".into()))
        );
        assert_eq!(
            steam("SHA1", 0).unwrap_err(),
            Reason::Totp(TotpError::InvalidPeriod)
        );
        let empty = Fields::new(Kind::Totp, "JBSWY3DP".into()).params(
            Some(" ".to_owned()),
            None::<i64>,
            None,
            None,
        );
        assert!(matches!(
            build(empty).unwrap(),
            Secret::Totp {
                algorithm: OtpAlgorithm::Sha1,
                ..
            }
        ));
        let wide = Fields::new(Kind::Hotp, "JBSWY3DP".into()).params(
            None,
            Some(8u64),
            None,
            Some(u64::MAX),
        );
        assert!(matches!(
            build(wide).unwrap(),
            Secret::Totp {
                digits: 8,
                counter: u64::MAX,
                ..
            }
        ));
        let mut f = Fields::new(Kind::Totp, "JBSWY3DP".into());
        f.digits = Some(i128::from(u64::MAX) + 6);
        assert_eq!(
            build(f).unwrap_err(),
            Reason::Totp(TotpError::InvalidDigits)
        );
    }

    #[test]
    fn totp_fields_of_password_managers() {
        let s = from_totp_field("JBSWY3DPEHPK3PXP", Some("Mail"), Some("me")).unwrap();
        let uri = totp::to_otpauth(&s).unwrap();
        assert!(
            uri.starts_with("otpauth://totp/Mail:me?secret=JBSWY3DPEHPK3PXP"),
            "{uri}"
        );
        let s = from_totp_field(
            "otpauth://totp/X:y?secret=JBSWY3DP&digits=8",
            Some("Mail"),
            None,
        )
        .unwrap();
        assert!(totp::to_otpauth(&s).unwrap().contains("digits=8"));
        let steam = from_totp_field("steam://JBSWY3DP", Some("Steam"), None).unwrap();
        assert!(matches!(
            steam,
            Secret::Totp {
                otp_type: OtpType::Steam,
                ..
            }
        ));
        assert!(from_totp_field("not base32!", None, None).is_err());
    }
}
