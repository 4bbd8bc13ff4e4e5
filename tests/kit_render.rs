//! The emergency kit through the real binary: headless Chromium renders it,
//! `zbarimg` reads the QR code back from the screenshot, and it must equal
//! the recovery key. Also the kit's contents (stock-age commands, share
//! pages), its file mode, overwrite refusal and share checks.

mod common;
mod recovery_support;

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use recovery_support::{code, stderr, stdout, TestVault};

#[test]
fn chromium_renders_the_kit_and_zbarimg_reads_the_key_back() {
    let tv = TestVault::fast();
    tv.ok("kit --out kit.html");
    let (Some(chromium), Some(zbarimg)) = (
        common::oracle_tool("chromium"),
        common::oracle_tool("zbarimg"),
    ) else {
        return;
    };
    let png = tv.join("kit.png");
    let profile = tv.join("chromium-profile");
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1240,1754")
        .arg(format!("file://{}", tv.join("kit.html").display()))
        .output()
        .unwrap();
    assert!(png.is_file(), "no screenshot: {}", stderr(&out));
    let out = Command::new(zbarimg)
        .args(["--quiet", "--raw"])
        .arg(&png)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "zbarimg found no code: {}",
        stderr(&out)
    );
    assert_eq!(stdout(&out).trim(), tv.key());
}

#[test]
fn kit_holds_the_age_commands_and_a_page_per_share() {
    let tv = TestVault::fast();
    tv.ok("split --threshold 2 --shares 3 --out shares");
    let out = tv.ok("kit --out kit.html --shares shares");
    let err = stderr(&out);
    assert!(
        err.contains("WARNING") && err.contains("RECOVERY KEY"),
        "{err}"
    );
    assert!(err.contains("recombined"), "{err}");
    let path = tv.join("kit.html");
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("age -d -i recovery-key.txt "), "age command");
    // Piped, so the recipe leaves no plaintext copy behind.
    for line in html.lines().filter(|l| l.contains("age -d ")) {
        assert!(!line.contains("&gt;"), "plaintext left on disk: {line}");
    }
    assert!(html.contains(" | jq "));
    assert!(html.contains("jq "));
    assert!(html.contains(&tv.key()));
    assert!(html.contains(&tv.vault().display().to_string()));
    assert_eq!(html.matches("class=\"page share\"").count(), 3);
    assert!(html.contains("Trustee contact sheet"));
    assert!(html.contains("Where the copies are kept"));
    assert!(html.contains("@page") && html.contains("break-after: page"));
    for external in ["src=", "href=", "url(", "@import", "<script"] {
        assert!(!html.contains(external), "{external}");
    }
    // Every share page shows its words.
    for f in std::fs::read_dir(tv.join("shares")).unwrap().flatten() {
        let t = std::fs::read_to_string(f.path()).unwrap();
        let words = t.lines().last().unwrap();
        let first = words.split(' ').next().unwrap();
        assert!(html.contains(&format!("<li>{first}</li>")));
    }
    if let Some(p) = tv.payload() {
        assert!(p["history"]["kit_printed"].is_string());
    }
    // Never overwrites.
    let out = tv.run("kit --out kit.html");
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("already exists"));
}

#[test]
fn kit_refuses_shares_of_another_key() {
    let tv = TestVault::fast();
    let other = TestVault::fast();
    let theirs = stdout(&other.ok("split --threshold 2 --shares 2"));
    std::fs::write(tv.join("theirs.txt"), theirs).unwrap();
    let out = tv.run("kit --out kit.html --shares theirs.txt");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("different key"), "{}", stderr(&out));
    assert!(!tv.join("kit.html").exists());
    // A single share cannot be checked, but is printed with a note.
    let ours = stdout(&tv.ok("split --threshold 2 --shares 2"));
    std::fs::write(tv.join("one.txt"), ours.lines().next().unwrap()).unwrap();
    let out = tv.ok("kit --out kit.html --shares one.txt");
    assert!(
        stderr(&out).contains("could not be checked"),
        "{}",
        stderr(&out)
    );
}
