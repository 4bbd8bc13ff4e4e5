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

/// Renders `html` (written beside `png`) to `png` with headless Chromium;
/// `fonts` replaces the machine's font configuration when given.
fn screenshot(
    chromium: &std::path::Path,
    html: &std::path::Path,
    png: &std::path::Path,
    fonts: Option<&std::path::Path>,
) {
    let profile = png.with_extension("profile");
    let mut cmd = Command::new(chromium);
    cmd.args([
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
    .arg("--window-size=1240,900")
    .arg(format!("file://{}", html.display()));
    if let Some(f) = fonts {
        cmd.env("FONTCONFIG_FILE", f);
    }
    let out = cmd.output().unwrap();
    assert!(png.is_file(), "no screenshot: {}", stderr(&out));
}

/// A Chinese kit (`lang="zh-CN"`, CJK font stack) draws its Chinese text
/// with real glyphs, not missing-glyph boxes. Two kits that differ only in
/// the Chinese characters of the vault path (same count, all full width,
/// so the layout is the same) are rendered: with a CJK font the pictures
/// differ; without one every character is the same box and the pictures
/// are identical. The test proves that last claim too, by rendering both
/// with a font configuration holding only DejaVu (no CJK glyphs), so a
/// pass means the glyphs were really drawn.
#[test]
fn chromium_draws_a_chinese_kit_without_missing_glyph_boxes() {
    use lifeboat::lang::Lang;
    use lifeboat::recovery::kit::{render, KitInput};
    use lifeboat::vault::crypto::NamedIdentity;

    let Some(chromium) = common::oracle_tool("chromium") else {
        return;
    };
    let fonts = Command::new("fc-list")
        .args([":lang=zh", "family"])
        .output()
        .expect("fc-list (fontconfig) runs");
    assert!(
        !stdout(&fonts).trim().is_empty(),
        "no font with Chinese glyphs is installed (install fonts-noto-cjk)"
    );
    let dejavu = Command::new("fc-match")
        .args(["-f", "%{file}", "DejaVu Sans"])
        .output()
        .expect("fc-match (fontconfig) runs");
    let dejavu = std::path::PathBuf::from(stdout(&dejavu).trim().to_owned());
    assert!(
        dejavu.is_file(),
        "DejaVu Sans is not installed (fonts-dejavu-core)"
    );

    let dir = tempfile::tempdir().unwrap();
    let id = NamedIdentity::generate();
    let kit = |path: &str, name: &str| {
        let input = KitInput {
            recovery_key: id.text.clone(),
            recipient: id.recipient.clone(),
            vault_path: path.to_owned(),
            vault_id: "0f3c2a9e".to_owned(),
            generated: "2026-01-01T00:00:00Z".to_owned(),
            shares: Vec::new(),
            seeds: Vec::new(),
        };
        let html = render(&input, Lang::ZhCn).unwrap();
        assert!(html.expose().contains("<html lang=\"zh-CN\">"));
        assert!(html.expose().contains(path));
        let file = dir.path().join(format!("{name}.html"));
        std::fs::write(&file, html.expose()).unwrap();
        file
    };
    let a = kit("/数据/我的钱包/交易所（主账户）紧急备用.age", "a");
    let b = kit("/资料/他的账本/银行卡（副账号）日常开支.age", "b");

    // The control: DejaVu alone has no Chinese glyphs.
    let conf = dir.path().join("fonts.conf");
    std::fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n<dir>{}</dir>\n<cachedir>{}</cachedir>\n</fontconfig>\n",
            dejavu.parent().unwrap().display(),
            dir.path().join("fc-cache").display()
        ),
    )
    .unwrap();
    let shot = |html: &std::path::Path, name: &str, fonts: Option<&std::path::Path>| {
        let png = dir.path().join(format!("{name}.png"));
        screenshot(&chromium, html, &png, fonts);
        std::fs::read(&png).unwrap()
    };
    let (boxed_a, boxed_b) = (
        shot(&a, "boxed-a", Some(&conf)),
        shot(&b, "boxed-b", Some(&conf)),
    );
    assert_eq!(
        boxed_a, boxed_b,
        "without a CJK font the two kits should draw the same boxes; the check cannot tell glyphs from boxes"
    );
    let (drawn_a, drawn_b) = (shot(&a, "drawn-a", None), shot(&b, "drawn-b", None));
    assert_ne!(
        drawn_a, drawn_b,
        "the Chinese text is drawn as missing-glyph boxes (no CJK font reached the page)"
    );
    assert_ne!(
        drawn_a, boxed_a,
        "the page with fonts looks like the page without"
    );
}
