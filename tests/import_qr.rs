//! QR code images and zbarimg output, end to end: images made with
//! `qrencode` (PNG, and JPEG through ImageMagick), read back by `zbarimg`
//! as the oracle, then imported by lifeboat's own decoder.

mod cli_items_harness;
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use cli_items_harness::Env;

const URI: &str = "otpauth://totp/Example%20Bank:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example%20Bank&algorithm=SHA256&digits=8&period=60";

fn tools() -> Option<(PathBuf, PathBuf)> {
    Some((
        common::oracle_tool("qrencode")?,
        common::oracle_tool("zbarimg")?,
    ))
}

fn qrencode(tool: &Path, text: &str, out: &Path) {
    let st = Command::new(tool)
        .args(["-s", "6", "-o"])
        .arg(out)
        .arg(text)
        .status()
        .unwrap();
    assert!(st.success());
}

fn zbar(tool: &Path, files: &[&Path], raw: bool) -> String {
    let mut c = Command::new(tool);
    c.arg("--quiet");
    if raw {
        c.arg("--raw");
    }
    let out = c.args(files).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A Google Authenticator transfer URI holding one TOTP account, built
/// from the published message definition.
fn migration_uri() -> String {
    let secret = b"Hello!\xde\xad\xbe\xef";
    let mut account = vec![0x0a, secret.len() as u8];
    account.extend_from_slice(secret);
    account.extend([0x12, 5]);
    account.extend_from_slice(b"carol");
    account.extend([0x1a, 5]);
    account.extend_from_slice(b"Cloud");
    account.extend([0x20, 1, 0x28, 1, 0x30, 2]);
    let mut payload = vec![0x0a, account.len() as u8];
    payload.extend(account);
    payload.extend([0x10, 1]);
    let b64 = base64::engine::general_purpose::STANDARD.encode(payload);
    format!(
        "otpauth-migration://offline?data={}",
        b64.replace('+', "%2B")
            .replace('/', "%2F")
            .replace('=', "%3D")
    )
}

fn secrets(env: &Env) -> Vec<String> {
    let mut v: Vec<String> = env
        .list()
        .iter()
        .map(|i| {
            env.reveal(i["name"].as_str().unwrap())["secret"]["secret"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    v.sort();
    v
}

#[test]
fn png_and_jpeg_qr_codes_import_like_their_text() {
    let Some((qrencode_bin, zbarimg)) = tools() else {
        return;
    };
    let env = Env::new();
    let png = env.path("bank.png");
    qrencode(&qrencode_bin, URI, &png);
    // The oracle reads the image back to the same text.
    assert_eq!(zbar(&zbarimg, &[&png], true).trim(), URI);

    let out = env.run(&["import", png.to_str().unwrap()]).ok();
    assert!(out.stderr.contains("Imported 1 item(s)"), "{}", out.stderr);
    let item = env.reveal("Example Bank (bob)");
    assert_eq!(item["secret"]["secret"], "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assert_eq!(item["secret"]["algorithm"], "SHA256");
    assert_eq!(item["secret"]["digits"], 8);
    assert_eq!(item["secret"]["period"], 60);
    // The same code as the URI typed in by hand.
    let typed = Env::new();
    typed.run_in(&["add", "totp", "typed"], URI).ok();
    let at = ["code", "--at", "1700000000"];
    assert_eq!(
        env.run(&[at[0], "Example Bank (bob)", at[1], at[2]])
            .ok()
            .stdout,
        typed.run(&[at[0], "typed", at[1], at[2]]).ok().stdout
    );

    // A JPEG of it (lossy) reads the same.
    if let Some(convert) = common::oracle_tool("convert") {
        let jpg = env.path("bank.jpg");
        let st = Command::new(convert)
            .arg(&png)
            .args(["-quality", "85"])
            .arg(&jpg)
            .status()
            .unwrap();
        assert!(st.success());
        let other = Env::new();
        let out = other
            .run(&["import", jpg.to_str().unwrap(), "--format", "qr"])
            .ok();
        assert!(out.stderr.contains("Imported 1 item(s)"), "{}", out.stderr);
        assert_eq!(secrets(&other), secrets(&env));
    }
}

#[test]
fn transfer_qr_and_zbarimg_output() {
    let Some((qrencode_bin, zbarimg)) = tools() else {
        return;
    };
    let env = Env::new();
    let transfer = env.path("transfer.png");
    let bank = env.path("bank.png");
    qrencode(&qrencode_bin, &migration_uri(), &transfer);
    qrencode(&qrencode_bin, URI, &bank);

    let out = env.run(&["import", transfer.to_str().unwrap()]).ok();
    assert!(out.stderr.contains("Imported 1 item(s)"), "{}", out.stderr);
    assert_eq!(
        env.reveal("Cloud (carol)")["secret"]["secret"],
        "JBSWY3DPEHPK3PXP"
    );

    // zbarimg's own output, `QR-Code:` prefixes and all, for both images.
    let text = zbar(&zbarimg, &[&transfer, &bank], false);
    assert!(text.starts_with("QR-Code:"), "{text}");
    let listing = env.path("codes.txt");
    std::fs::write(&listing, &text).unwrap();
    let other = Env::new();
    let out = other.run(&["import", listing.to_str().unwrap()]).ok();
    assert!(out.stderr.contains("Imported 2 item(s)"), "{}", out.stderr);
    assert_eq!(
        secrets(&other),
        ["GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "JBSWY3DPEHPK3PXP"]
    );
}

#[test]
fn a_seedqr_image_imports_as_a_bip39_seed() {
    let Some((qrencode_bin, zbarimg)) = tools() else {
        return;
    };
    let env = Env::new();
    // "abandon" x 11 + "about": word indexes 0 ... 0, 3, four digits each.
    let digits = format!("{}0003", "0000".repeat(11));
    let png = env.path("seedqr.png");
    qrencode(&qrencode_bin, &digits, &png);
    assert_eq!(zbar(&zbarimg, &[&png], true).trim(), digits);
    let out = env.run(&["import", png.to_str().unwrap()]).ok();
    assert!(out.stderr.contains("Imported 1 item(s)"), "{}", out.stderr);
    assert!(!out.stderr.contains("abandon"), "{}", out.stderr);
    let seed = env.reveal("SeedQR seed");
    assert_eq!(seed["kind"], "seed");
    assert_eq!(
        seed["secret"]["words"],
        format!("{}about", "abandon ".repeat(11))
    );
    // The same code again is a duplicate.
    let out = env.run(&["import", png.to_str().unwrap()]).ok();
    assert!(
        out.stderr.contains("Imported 0 item(s); skipped 1"),
        "{}",
        out.stderr
    );
}

#[test]
fn images_without_a_usable_code_change_nothing() {
    let Some((qrencode_bin, _)) = tools() else {
        return;
    };
    let env = Env::new();
    let before = env.vault_bytes();
    // A SeedQR digit stream whose words fail the BIP39 checksum.
    let seed = env.path("seed.png");
    qrencode(
        &qrencode_bin,
        "000100020003000400050006000700080009001000110012",
        &seed,
    );
    let out = env.run(&["import", seed.to_str().unwrap()]).code(1);
    assert!(
        out.stderr
            .contains("SeedQR decodes to words whose BIP39 checksum fails"),
        "{}",
        out.stderr
    );
    // Some other text.
    let web = env.path("web.png");
    qrencode(&qrencode_bin, "https://example.com/", &web);
    let out = env.run(&["import", web.to_str().unwrap()]).code(1);
    assert!(out.stderr.contains("neither an otpauth"), "{}", out.stderr);
    // A truncated image.
    let png = std::fs::read(&web).unwrap();
    let blank = env.path("blank.png");
    std::fs::write(&blank, &png[..png.len() / 2]).unwrap();
    let out = env.run(&["import", blank.to_str().unwrap()]).code(1);
    assert!(out.stderr.contains("cannot be decoded"), "{}", out.stderr);
    assert_eq!(env.vault_bytes(), before);
}
