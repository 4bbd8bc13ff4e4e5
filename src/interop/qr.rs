//! QR codes for otpauth URIs and recovery keys.
//!
//! This module owns turning text into a QR code for a terminal (Unicode
//! half blocks, two modules per character cell) or for a page (SVG). The
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
    #[error("the text is too long to fit in a QR code")]
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
        Ok(QrMatrix {
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect(),
        })
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
