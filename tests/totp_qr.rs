//! QR codes for otpauth URIs, read back by `zbarimg` (zbar-tools): the
//! terminal rendering is turned back into pixels exactly as a terminal
//! would show it (half blocks on the forced white background) and decoded.

mod common;

use lifeboat::interop::qr::{to_svg, to_terminal, try_to_terminal, QrError};

/// Rebuilds the module grid from the terminal text: strips the ANSI colour
/// codes, then each character is two stacked modules.
fn terminal_to_modules(text: &str) -> Vec<Vec<bool>> {
    let mut rows = Vec::new();
    for line in text.lines() {
        let plain = line.replace("\x1b[30;107m", "").replace("\x1b[0m", "");
        let (mut top, mut bottom) = (Vec::new(), Vec::new());
        for c in plain.chars() {
            let (t, b) = match c {
                '█' => (true, true),
                '▀' => (true, false),
                '▄' => (false, true),
                ' ' => (false, false),
                other => panic!("unexpected character {other:?} in terminal QR"),
            };
            top.push(t);
            bottom.push(b);
        }
        rows.push(top);
        rows.push(bottom);
    }
    rows
}

/// Writes the grid as a plain PBM image, 6 pixels per module, with a
/// generous white border as a terminal window would give.
fn write_pbm(modules: &[Vec<bool>], path: &std::path::Path) {
    let scale = 6;
    let border = 4 * scale;
    let w = modules[0].len() * scale + 2 * border;
    let h = modules.len() * scale + 2 * border;
    let mut out = format!("P1\n{w} {h}\n");
    for y in 0..h {
        for x in 0..w {
            let dark = y >= border
                && x >= border
                && modules
                    .get((y - border) / scale)
                    .and_then(|r| r.get((x - border) / scale))
                    .copied()
                    .unwrap_or(false);
            out.push_str(if dark { "1 " } else { "0 " });
        }
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn terminal_qr_scans_back_with_zbarimg() {
    let Some(zbarimg) = common::oracle_tool("zbarimg") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        "otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub&algorithm=SHA1&digits=6&period=30".to_owned(),
        "otpauth://totp/B%C3%BCcher:%C3%BCrsula?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZHXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=B%C3%BCcher&algorithm=SHA512&digits=8&period=60".to_owned(),
        "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX".to_owned(),
        "x".repeat(1000),
    ];
    for (i, text) in texts.iter().enumerate() {
        let rendered = to_terminal(text);
        let modules = terminal_to_modules(&rendered);
        let path = dir.path().join(format!("qr{i}.pbm"));
        write_pbm(&modules, &path);
        let out = std::process::Command::new(&zbarimg)
            .args(["--quiet", "--raw"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "zbarimg failed on case {i}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8(out.stdout)
                .unwrap()
                .trim_end_matches('\n'),
            text
        );
    }
}

#[test]
fn svg_and_limits() {
    let svg = to_svg("otpauth://totp/x?secret=JBSWY3DP");
    assert!(svg.contains("<svg") && svg.contains("</svg>"), "{svg}");
    assert!(svg.contains("#000000") && svg.contains("#ffffff"));
    let huge = "x".repeat(5000);
    assert_eq!(try_to_terminal(&huge), Err(QrError::TooLong));
    assert_eq!(to_terminal(&huge), "");
    assert_eq!(to_svg(&huge), "");
}
