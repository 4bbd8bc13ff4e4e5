//! QR codes in images, and zbarimg's output.
//!
//! This module owns reading the QR codes of a PNG or JPEG file in process
//! (`image` limited to those two decoders, `rqrr` to find and decode the
//! codes) and importing what they hold: an otpauth URI, a Google
//! Authenticator transfer (`otpauth-migration://`), or a SeedQR (digits
//! or compact bytes, handed to [`crate::item::seedqr`] and stored as a
//! BIP39 seed). The text zbarimg prints (`QR-Code:...` per code) is read
//! the same way. Image size is capped before decoding.

use std::io::Cursor;

use image::{ImageFormat, ImageReader, Limits};
use zeroize::Zeroizing;

use super::dedup::Carries;
use super::{gauth, totp_item, ImportReport, InteropError, Namer, Reason, Unit};
use crate::item::{seedqr, totp, Item, Secret, SeedScheme};
use crate::secret::SecretString;

/// Largest image side accepted, in pixels (a 12-megapixel photo fits).
pub const MAX_SIDE: u32 = 8192;
/// Most memory the decoder may allocate.
pub const MAX_ALLOC: u64 = 256 * 1024 * 1024;
/// Most QR codes read from one image.
pub const MAX_CODES: usize = 64;

/// The image format of `bytes`, when it is PNG or JPEG.
pub fn image_format(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageFormat::Png)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(ImageFormat::Jpeg)
    } else {
        None
    }
}

/// Decodes every QR code found in a PNG or JPEG image, in the order found;
/// each is the code's raw bytes (wiped when dropped).
pub fn decode_image(bytes: &[u8]) -> Result<Vec<Zeroizing<Vec<u8>>>, InteropError> {
    let format = image_format(bytes).ok_or(InteropError::BadImage)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let image = reader.decode().map_err(|_| InteropError::BadImage)?;
    let luma = image.to_luma8();
    let (w, h) = (luma.width() as usize, luma.height() as usize);
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        luma.get_pixel(x as u32, y as u32).0[0]
    });
    let mut out = Vec::new();
    for grid in prepared.detect_grids().into_iter().take(MAX_CODES) {
        let mut data = Zeroizing::new(Vec::new());
        if grid.decode_to(&mut *data).is_ok() {
            out.push(data);
        }
    }
    if out.is_empty() {
        return Err(InteropError::NoQrCode);
    }
    Ok(out)
}

/// The text of the one QR code in an image, for `add`: a code's text as
/// it is (a SeedQR digit stream, an otpauth URI), or the English words of
/// a CompactSeedQR (binary data of 16 or 32 bytes, which no text holds).
/// An image with several codes is refused: which one was meant is not
/// for lifeboat to guess.
pub fn single_code_text(bytes: &[u8]) -> Result<SecretString, InteropError> {
    let mut codes = decode_image(bytes)?;
    if codes.len() > 1 {
        return Err(InteropError::Unsupported(
            "the image holds more than one QR code; crop it to the one to add, or use `lifeboat import` to bring them all in",
        ));
    }
    let code = codes.pop().ok_or(InteropError::NoQrCode)?;
    match std::str::from_utf8(&code) {
        // Text has no control characters; 16 random bytes look like text
        // about once in ten million CompactSeedQRs.
        Ok(text) if !text.trim().is_empty() && !text.trim().chars().any(char::is_control) => {
            Ok(SecretString::from(text.trim()))
        }
        _ if matches!(code.len(), 16 | 32) => {
            seedqr::from_compact(&code).map_err(|_| InteropError::Unsupported(COMPACT_BAD))
        }
        _ => Err(InteropError::Unsupported(
            "the QR code holds binary data that is neither a CompactSeedQR nor text",
        )),
    }
}

const COMPACT_BAD: &str =
    "the QR code holds 16 or 32 bytes (a CompactSeedQR), but they do not make a valid BIP39 phrase";

/// Imports the QR codes of an image.
pub fn import_image(bytes: &[u8]) -> Result<ImportReport, InteropError> {
    let codes = decode_image(bytes)?;
    Ok(import_payloads(codes.iter().map(|c| c.as_slice())))
}

/// Whether text is zbarimg output (its first non-blank line starts with
/// `QR-Code:`).
pub fn is_zbar_text(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .is_some_and(|l| l.starts_with("QR-Code:"))
}

/// Imports zbarimg output: one `QR-Code:` line per code (a code's text can
/// run over several lines; those belong to the code before them).
pub fn import_zbar_text(text: &str) -> ImportReport {
    let mut codes: Vec<Zeroizing<String>> = Vec::new();
    for line in text.lines() {
        match line.strip_prefix("QR-Code:") {
            Some(rest) => codes.push(Zeroizing::new(rest.to_owned())),
            None => {
                if let Some(last) = codes.last_mut() {
                    last.push('\n');
                    last.push_str(line);
                }
            }
        }
    }
    import_payloads(codes.iter().map(|c| c.trim_end().as_bytes()))
}

/// Imports decoded QR payloads; each is entry N (its order in the image).
pub fn import_payloads<'a>(payloads: impl Iterator<Item = &'a [u8]>) -> ImportReport {
    let mut report = ImportReport::new(Unit::Entry, Carries::SECRET_ONLY);
    let mut namer = Namer::default();
    for (n, payload) in payloads.enumerate() {
        let position = n + 1;
        let text = std::str::from_utf8(payload).map(str::trim);
        let result = match text {
            Ok(t) if totp::strip_prefix_ci(t, "otpauth-migration://").is_some() => {
                let inner = gauth::import_gauth(t);
                for item in inner.items {
                    report.add(item, position);
                }
                for r in inner.rejected {
                    report.refuse(position, r.label, r.reason);
                }
                continue;
            }
            Ok(t) if totp::strip_prefix_ci(t, "otpauth://").is_some() => totp::parse_otpauth(t)
                .map(|secret| totp_item(secret, &mut namer))
                .map_err(|e| (super::uri_label(t), Reason::from(e))),
            // Standard SeedQR: four digits per BIP39 word index.
            Ok(t) if seedqr::looks_like_digits(t) => seedqr::from_digits(t)
                .map(|words| seed_item(words, &mut namer))
                .map_err(|e| (None, Reason::from(e))),
            // CompactSeedQR: the 16 or 32 bytes of BIP39 entropy.
            _ if matches!(payload.len(), 16 | 32) => seedqr::from_compact(payload)
                .map(|words| seed_item(words, &mut namer))
                .map_err(|e| (None, Reason::from(e))),
            _ => Err((None, Reason::NotOtpQr)),
        };
        match result {
            Ok(item) => report.add(item, position),
            Err((label, reason)) => report.refuse(position, label, reason),
        }
    }
    report
}

/// A seed item for the English BIP39 words of a SeedQR (checked by the
/// SeedQR decoder).
fn seed_item(words: SecretString, namer: &mut Namer) -> Item {
    Item::new(
        namer.name(Some("SeedQR seed"), None),
        Secret::Seed {
            words,
            scheme: SeedScheme::Bip39,
            language: Some("english".to_owned()),
            passphrase: None,
        },
    )
}
