//! FreeOTP+ JSON backups.
//!
//! This module owns reading the JSON FreeOTP+ exports: `tokens` is a list of
//! entries with `type` (`TOTP`, `HOTP`), `algo`, `digits`, `period`,
//! `counter`, `issuerExt` (the service), `label` (the account) and `secret`
//! as a list of signed bytes (-128 to 127); `tokenOrder` only orders them.
//! FreeOTP marks Steam entries only by the issuer `Steam` with 5 digits;
//! those become Steam Guard items.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::dedup::Carries;
use super::otp::{self, Fields, Kind};
use super::{
    entry_label, for_each_entry, parse_export, ImportReport, InteropError, Namer, Reason, Unit,
    WRONG_TYPE,
};
use crate::item::totp;

#[derive(Deserialize)]
struct Root<'a> {
    #[serde(borrow)]
    tokens: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct Token {
    #[serde(rename = "type")]
    kind: Option<String>,
    algo: Option<String>,
    digits: Option<i64>,
    period: Option<i64>,
    counter: Option<i64>,
    #[serde(rename = "issuerExt")]
    issuer_ext: Option<String>,
    #[serde(rename = "issuerInt")]
    issuer_int: Option<String>,
    label: Option<String>,
    secret: Option<SignedBytes>,
}

/// The secret as FreeOTP+ writes it; wiped when dropped.
#[derive(Deserialize)]
#[serde(transparent)]
struct SignedBytes(Vec<i64>);

impl Drop for SignedBytes {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

/// Imports a FreeOTP+ JSON export.
pub fn import_freeotp_plus(json: &str) -> Result<ImportReport, InteropError> {
    let root: Root<'_> = parse_export(json, "a FreeOTP+ export", "it has no tokens list")?;
    let mut report = ImportReport::new(Unit::Entry, Carries::SECRET_ONLY);
    let mut namer = Namer::default();
    for_each_entry(
        &mut report,
        &root.tokens,
        WRONG_TYPE,
        |report, position, token: Token| {
            let issuer = otp::nonempty(token.issuer_ext).or(otp::nonempty(token.issuer_int));
            let account = otp::nonempty(token.label);
            let label = entry_label(issuer.as_deref(), account.as_deref());
            let made = (|| {
                let mut kind = Kind::parse(token.kind.as_deref().unwrap_or("TOTP"))?;
                if kind == Kind::Totp
                    && issuer.as_deref() == Some("Steam")
                    && token.digits == Some(5)
                {
                    kind = Kind::Steam;
                }
                let values = token.secret.ok_or(Reason::Malformed("no secret"))?;
                let values = &values.0;
                if values.is_empty() || values.len() > totp::MAX_SECRET_CHARS {
                    return Err(Reason::Malformed("the secret is empty or too long"));
                }
                let bytes: zeroize::Zeroizing<Vec<u8>> = zeroize::Zeroizing::new(
                    values
                        .iter()
                        .map(|&v| i8::try_from(v).map(|b| b as u8))
                        .collect::<Result<_, _>>()
                        .map_err(|_| Reason::Malformed("a secret byte is outside -128..127"))?,
                );
                otp::build(
                    Fields::new(kind, totp::encode_base32(&bytes))
                        .named(issuer, account)
                        .params(token.algo, token.digits, token.period, token.counter),
                )
            })();
            otp::settle(report, &mut namer, position, label, made, |_| {});
        },
    );
    Ok(report)
}
