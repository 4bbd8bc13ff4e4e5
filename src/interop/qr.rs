//! QR codes for otpauth URIs and recovery keys.
//!
//! This module owns turning text into a QR code for a terminal (Unicode
//! half blocks, two modules per character cell), for a page (SVG) or for a
//! file (PNG, written by a small encoder of its own). The
//! terminal form forces black modules on a white background with ANSI
//! colours, so it scans the same on dark and light terminal themes; front
//! ends that style text themselves use [`QrMatrix::half_block_lines`].

use qrcode::{Color, EcLevel, QrCode};

/// Light modules kept around the code in the terminal form. The standard
/// asks for 4; 2 scans reliably on screens and saves terminal space.
pub const TERMINAL_QUIET_ZONE: usize = 2;

/// Why a QR code could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QrError {
    /// The text does not fit in the largest QR code.
    #[error("{}", crate::tr!("err-qr-qr-error-too-long"))]
    TooLong,
}

/// The dark/light modules of a QR code, row by row, without a quiet zone.
#[derive(Clone, PartialEq, Eq)]
pub struct QrMatrix {
    width: usize,
    dark: Vec<bool>,
}

impl std::fmt::Debug for QrMatrix {
    // The modules encode the (possibly secret) text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "QrMatrix({0}x{0})", self.width)
    }
}

impl QrMatrix {
    /// Encodes `text` with medium error correction (15%).
    pub fn encode(text: &str) -> Result<QrMatrix, QrError> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
            .map_err(|_| QrError::TooLong)?;
        Ok(QrMatrix::from_code(&code))
    }

    /// The modules of a code built elsewhere (a fixed version or mode).
    pub(crate) fn from_code(code: &QrCode) -> QrMatrix {
        QrMatrix {
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect(),
        }
    }

    /// A PNG image of the code: 8-bit grayscale, black on white, `scale`
    /// pixels per module and a 4-module quiet zone, as the standard asks.
    pub fn to_png(&self, scale: usize) -> Vec<u8> {
        let scale = scale.max(1);
        let quiet = 4isize;
        let side = (self.width + 8) * scale;
        let mut raw = Vec::with_capacity(side * (side + 1));
        for py in 0..side {
            raw.push(0u8); // filter type: none
            let y = (py / scale) as isize - quiet;
            for px in 0..side {
                let x = (px / scale) as isize - quiet;
                raw.push(if self.is_dark(x, y) { 0 } else { 255 });
            }
        }
        png::grayscale(side as u32, side as u32, &raw)
    }

    /// A standalone SVG document of the code (black on white, 4-module
    /// quiet zone, `scale` units per module).
    pub fn to_svg(&self, scale: usize) -> String {
        let side = (self.width + 8) * scale.max(1);
        let mut path = String::new();
        for y in 0..self.width {
            for x in 0..self.width {
                if self.is_dark(x as isize, y as isize) {
                    path.push_str(&format!("M{} {}h1v1h-1z", x + 4, y + 4));
                }
            }
        }
        format!(
            "<?xml version=\"1.0\" standalone=\"yes\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{side}\" height=\"{side}\" viewBox=\"0 0 {v} {v}\" shape-rendering=\"crispEdges\"><rect width=\"{v}\" height=\"{v}\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"{path}\"/></svg>\n",
            v = self.width + 8
        )
    }

    /// Modules per side.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Whether the module at column `x`, row `y` is dark; outside is light.
    pub fn is_dark(&self, x: isize, y: isize) -> bool {
        let w = self.width as isize;
        (0..w).contains(&x) && (0..w).contains(&y) && self.dark[(y * w + x) as usize]
    }

    /// One string per terminal row, two module rows per row: `█` both dark,
    /// `▀` top dark, `▄` bottom dark, space both light. Draw it dark on light.
    pub fn half_block_lines(&self, quiet: usize) -> Vec<String> {
        let q = quiet as isize;
        let side = self.width as isize + 2 * q;
        let mut lines = Vec::new();
        let mut y = -q;
        while y < side - q {
            let line: String = (-q..side - q)
                .map(|x| match (self.is_dark(x, y), self.is_dark(x, y + 1)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                })
                .collect();
            lines.push(line);
            y += 2;
        }
        lines
    }
}

/// The QR code for a terminal: half blocks in black on a bright-white
/// background (ANSI), with a quiet zone, one line per two module rows.
pub fn try_to_terminal(text: &str) -> Result<String, QrError> {
    let matrix = QrMatrix::encode(text)?;
    let mut out = String::new();
    for line in matrix.half_block_lines(TERMINAL_QUIET_ZONE) {
        out.push_str("\x1b[30;107m");
        out.push_str(&line);
        out.push_str("\x1b[0m\n");
    }
    Ok(out)
}

/// [`try_to_terminal`], or an empty string when the text does not fit.
pub fn to_terminal(text: &str) -> String {
    try_to_terminal(text).unwrap_or_default()
}

/// The QR code as a standalone SVG document (black on white, 4-module
/// quiet zone, at least 256 px).
pub fn try_to_svg(text: &str) -> Result<String, QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|_| QrError::TooLong)?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(256, 256)
        .dark_color(qrcode::render::svg::Color("#000000"))
        .light_color(qrcode::render::svg::Color("#ffffff"))
        .quiet_zone(true)
        .build())
}

/// [`try_to_svg`], or an empty string when the text does not fit.
pub fn to_svg(text: &str) -> String {
    try_to_svg(text).unwrap_or_default()
}

/// The SeedQR of a 12- or 24-word English BIP39 phrase, drawn as
/// SeedSigner specifies: error correction L; the standard form as numeric
/// data in a 25x25 (12 words) or 29x29 (24 words) code, the compact form
/// as byte data in a 21x21 or 25x25 code.
pub fn seedqr_matrix(words: &str, compact: bool) -> Result<QrMatrix, SeedQrCodeError> {
    use crate::item::seedqr;
    use qrcode::bits::Bits;
    use qrcode::Version;
    let mut bits;
    if compact {
        let data = seedqr::to_compact(words)?;
        let version = if data.expose().len() == 16 { 1 } else { 2 };
        bits = Bits::new(Version::Normal(version));
        bits.push_byte_data(data.expose())
            .map_err(|_| SeedQrCodeError::Qr(QrError::TooLong))?;
    } else {
        let digits = seedqr::to_digits(words)?;
        let version = if digits.len() == 48 { 2 } else { 3 };
        bits = Bits::new(Version::Normal(version));
        bits.push_numeric_data(digits.expose().as_bytes())
            .map_err(|_| SeedQrCodeError::Qr(QrError::TooLong))?;
    }
    bits.push_terminator(EcLevel::L)
        .map_err(|_| SeedQrCodeError::Qr(QrError::TooLong))?;
    let code =
        QrCode::with_bits(bits, EcLevel::L).map_err(|_| SeedQrCodeError::Qr(QrError::TooLong))?;
    Ok(QrMatrix::from_code(&code))
}

/// Why a SeedQR could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SeedQrCodeError {
    /// The phrase cannot be a SeedQR.
    #[error("{0}")]
    Seed(#[from] crate::item::seedqr::SeedQrError),
    /// The QR code could not be built.
    #[error("{0}")]
    Qr(QrError),
}

/// The QR code of `text` as a PNG image (see [`QrMatrix::to_png`]).
pub fn try_to_png(text: &str) -> Result<Vec<u8>, QrError> {
    Ok(QrMatrix::encode(text)?.to_png(8))
}

/// A minimal PNG writer: one 8-bit grayscale image, the pixel rows
/// (each led by its filter byte) kept in stored (uncompressed) deflate
/// blocks. QR images are small, so size does not matter, and no image
/// library is needed to write them.
mod png {
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    fn adler32(data: &[u8]) -> u32 {
        let (mut a, mut b) = (1u32, 0u32);
        for &x in data {
            a = (a + u32::from(x)) % 65521;
            b = (b + a) % 65521;
        }
        (b << 16) | a
    }

    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let crc = crc32(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    }

    /// `raw` holds `height` rows of 1 filter byte and `width` gray bytes.
    pub(super) fn grayscale(width: u32, height: u32, raw: &[u8]) -> Vec<u8> {
        let mut zlib = vec![0x78, 0x01];
        let mut blocks = raw.chunks(65_535).peekable();
        if blocks.peek().is_none() {
            zlib.extend_from_slice(&[1, 0, 0, 0xFF, 0xFF]);
        }
        while let Some(block) = blocks.next() {
            zlib.push(u8::from(blocks.peek().is_none()));
            let len = block.len() as u16;
            zlib.extend_from_slice(&len.to_le_bytes());
            zlib.extend_from_slice(&(!len).to_le_bytes());
            zlib.extend_from_slice(block);
        }
        zlib.extend_from_slice(&adler32(raw).to_be_bytes());
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut header = Vec::with_capacity(13);
        header.extend_from_slice(&width.to_be_bytes());
        header.extend_from_slice(&height.to_be_bytes());
        header.extend_from_slice(&[8, 0, 0, 0, 0]); // 8-bit gray, no interlace
        chunk(&mut out, b"IHDR", &header);
        chunk(&mut out, b"IDAT", &zlib);
        chunk(&mut out, b"IEND", &[]);
        out
    }

    #[cfg(test)]
    #[test]
    fn checksums_match_known_values() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_rows_cover_the_code() {
        let m = QrMatrix::encode("otpauth://totp/x?secret=JBSWY3DP").unwrap();
        let lines = m.half_block_lines(2);
        assert_eq!(lines.len(), (m.width() + 4).div_ceil(2));
        assert!(lines.iter().all(|l| l.chars().count() == m.width() + 4));
        // The finder pattern's top-left corner is dark.
        assert!(m.is_dark(0, 0));
        assert!(!m.is_dark(-1, 0));
        let t = to_terminal("hello");
        assert!(t.starts_with("\x1b[30;107m"));
        assert!(to_svg("hello").contains("<svg"));
        assert_eq!(to_terminal(&"x".repeat(8000)), "");
    }
}
