//! SeedQR against SeedSigner's published test vectors, `add seed` from a
//! digit stream, and `show --seedqr` images read back by zbarimg (PNG
//! directly, SVG through a chromium rendering) and decoded to the same
//! words.

mod cli_items_harness;
mod common;

use cli_items_harness::Env;
use lifeboat::interop::qr::seedqr_matrix;
use lifeboat::item::seedqr::{from_compact, from_digits, to_compact, to_digits};

/// SeedSigner's test vectors: words, standard digit stream, and the
/// CompactSeedQR bit stream (vectors 1-9 of docs/seed_qr/README.md).
const VECTORS: [(&str, &str, &str); 9] = [
    ("attack pizza motion avocado network gather crop fresh patrol unusual wild holiday candy pony ranch winter theme error hybrid van cereal salon goddess expire",
     "011513251154012711900771041507421289190620080870026613431420201617920614089619290300152408010643",
     "0000111001110100101101100100000100000111111110010100110011000000110011001111101011100110101000010011110111001011111011000011011001100010000101010100111111101100011001111110000011100000000010011001100111000000011110001001001001011001011111010001100100001010"),
    ("atom solve joy ugly ankle message setup typical bean era cactus various odor refuse element afraid meadow quick medal plate wisdom swap noble shallow",
     "011416550964188800731119157218870156061002561932122514430573003611011405110613292018175411971576",
     "0000111001011001110111011110001001110110000000001001001100010111111100010010011101011111000100111000100110001000100000000111100011001001100100110110100011010001111010000010010010001001101101011111011000101001010100110001111111000101101101101010010101101110"),
    ("sound federal bonus bleak light raise false engage round stock update render quote truck quality fringe palace foot recipe labor glow tortoise potato still",
     "166206750203018810361417065805941507171219081456140818651401074412730727143709940798183613501710",
     "1100111111001010100011000110010110001011110010000001100101100010010101001001001001010010101111000111101011000011101110100101101100001011000000011101001001101011110010101110100010011111001010110101111011001110101111100010011000111101110010110010101000110110"),
    ("forum undo fragile fade shy sign arrest garment culture tube off merit",
     "073318950739065415961602009907670428187212261116",
     "01011011101111011001110101110001101010001110110001111001100100001000001100011010111111110011010110011101010000100110010101000101"),
    ("good battle boil exact add seed angle hurry success glad carbon whisper",
     "080301540200062600251559007008931730078802752004",
     "01100100011000100110100001100100001001110010000000110011100001011100001000110011011111011101100001001100010100001000100111111101"),
    ("approve fruit lens brass ring actual stool coin doll boss strong rate",
     "008607501025021714880023171503630517020917211425",
     "00001010110010111011101000000000100011011001101110100000000001011111010110011001011010110100000010100011010001110101110011011001"),
    ("dignity utility vacant shiver thought canoe feel multiply item youth actor coyote",
     "049619221923158517990268067811630950204300210397",
     "00111110000111100000101111000001111000110001111000001110010000110001010100110100100010110111011011011111111011000000101010011000"),
    ("corn voice scrap arrow original diamond trial property benefit choose junk lock",
     "038719631547010112530489185713790169032209701051",
     "00110000011111101010111100000101100001100101100111001010011110100111101000001101011000110001010100100101000010011110010101000001"),
    ("vocal tray giggle tool duck letter category pattern train magnet excite swamp",
     "196218530783182905421028028912901848107106301753",
     "11110101010111001111010110000111111100100101010000111101000000010000100100001101000010101110011100010000101111010011101101101101"),
];

fn bits_to_bytes(bits: &str) -> Vec<u8> {
    bits.as_bytes()
        .chunks(8)
        .map(|c| c.iter().fold(0u8, |acc, b| acc << 1 | (b - b'0')))
        .collect()
}

#[test]
fn seedsigner_vectors_both_forms_both_ways() {
    for (words, digits, bits) in VECTORS {
        assert_eq!(to_digits(words).unwrap().expose(), digits, "{words}");
        assert_eq!(from_digits(digits).unwrap().expose(), words);
        let bytes = bits_to_bytes(bits);
        assert_eq!(to_compact(words).unwrap().expose(), &bytes[..], "{words}");
        assert_eq!(from_compact(&bytes).unwrap().expose(), words);
        // The sizes the specification gives.
        let n = words.split(' ').count();
        let (standard, compact) = if n == 12 { (25, 21) } else { (29, 25) };
        assert_eq!(seedqr_matrix(words, false).unwrap().width(), standard);
        assert_eq!(seedqr_matrix(words, true).unwrap().width(), compact);
    }
}

fn zbar(file: &std::path::Path, binary: bool) -> Option<Vec<u8>> {
    let tool = common::oracle_tool("zbarimg")?;
    let mut c = std::process::Command::new(tool);
    c.args(["--quiet", "--raw"]);
    if binary {
        c.arg("-Sbinary");
    }
    let out = c.arg(file).output().unwrap();
    assert!(
        out.status.success(),
        "zbarimg read nothing from {}",
        file.display()
    );
    Some(out.stdout)
}

#[test]
fn add_from_digits_and_show_seedqr_read_back_by_zbarimg() {
    let env = Env::new();
    for (n, (words, digits, bits)) in VECTORS.iter().enumerate() {
        let name = format!("seed {n}");
        env.run_in(&["add", "seed", &name], digits).ok();
        assert_eq!(env.reveal(&name)["secret"]["words"], *words);
        let png = env.path(&format!("s{n}.png"));
        env.run(&["show", &name, "--seedqr", png.to_str().unwrap()])
            .ok();
        assert_eq!(cli_items_harness::mode(&png), 0o600);
        let Some(read) = zbar(&png, false) else {
            return;
        };
        let text = String::from_utf8(read).unwrap();
        assert_eq!(text.trim_end(), *digits);
        assert_eq!(from_digits(text.trim_end()).unwrap().expose(), *words);
        let cpng = env.path(&format!("c{n}.png"));
        env.run(&[
            "show",
            &name,
            "--seedqr",
            cpng.to_str().unwrap(),
            "--compact",
        ])
        .ok();
        let mut raw = zbar(&cpng, true).unwrap();
        if raw.len() == 17 && raw.last() == Some(&b'\n')
            || raw.len() == 33 && raw.last() == Some(&b'\n')
        {
            raw.pop();
        }
        assert_eq!(raw, bits_to_bytes(bits), "compact {n}");
        assert_eq!(from_compact(&raw).unwrap().expose(), *words);
    }
}

#[test]
fn show_seedqr_svg_renders_to_the_digit_stream() {
    let (Some(chromium), Some(_)) = (
        common::oracle_tool("chromium"),
        common::oracle_tool("zbarimg"),
    ) else {
        return;
    };
    let env = Env::new();
    let (words, digits, _) = VECTORS[0];
    env.run_in(&["add", "seed", "s"], words).ok();
    let svg = env.path("s.svg");
    env.run(&["show", "s", "--seedqr", svg.to_str().unwrap()])
        .ok();
    let shot = env.path("shot.png");
    screenshot(&chromium, &svg, &shot);
    let text = String::from_utf8(zbar(&shot, false).unwrap()).unwrap();
    assert_eq!(text.trim_end(), digits);
}

/// A 600x600 headless chromium rendering of `page` into `shot`.
fn screenshot(chromium: &std::path::Path, page: &std::path::Path, shot: &std::path::Path) {
    std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--window-size=600,600",
        ])
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
}

#[test]
fn seedqr_refusals_change_nothing() {
    let env = Env::new();
    env.run_in(&["add", "note", "n"], "text").ok();
    env.run_in(
        &["add", "seed", "o", "--scheme", "other"],
        "Not BIP39 At All",
    )
    .ok();
    let before = env.vault_bytes();
    let out = env
        .run(&["show", "n", "--seedqr", env.path("x.png").to_str().unwrap()])
        .code(1);
    assert!(
        out.stderr.contains("BIP39 seed items only"),
        "{}",
        out.stderr
    );
    env.run(&["show", "o", "--seedqr", env.path("x.png").to_str().unwrap()])
        .code(1);
    // A digit stream with a bad checksum or index is refused, not stored.
    let out = env
        .run_in(&["add", "seed", "bad"], &"0000".repeat(12))
        .code(1);
    assert!(out.stderr.contains("checksum"), "{}", out.stderr);
    env.run_in(&["add", "seed", "bad"], &"2048".repeat(12))
        .code(1);
    assert_eq!(env.vault_bytes(), before);
    assert!(!env.path("x.png").exists());
}

/// Writes `data` as a QR code PNG with qrencode (an independent encoder),
/// binary data in 8-bit mode.
fn qrencode(out: &std::path::Path, data: &[u8], eight_bit: bool) -> Option<()> {
    use std::io::Write;
    let tool = common::oracle_tool("qrencode")?;
    let mut c = std::process::Command::new(tool);
    c.args(["-l", "L", "-s", "6", "-o"]).arg(out);
    if eight_bit {
        c.arg("-8");
    }
    let mut child = c.stdin(std::process::Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(data).unwrap();
    assert!(child.wait().unwrap().success());
    Some(())
}

#[test]
fn add_seed_and_totp_from_an_image() {
    let env = Env::new();
    let (words, digits, _) = VECTORS[0];
    let png = env.path("standard.png");
    if qrencode(&png, digits.as_bytes(), false).is_none() {
        return;
    }
    env.run(&["add", "seed", "from png", "--image", png.to_str().unwrap()])
        .ok();
    assert_eq!(env.reveal("from png")["secret"]["words"], words);
    // CompactSeedQR: the entropy bytes as 8-bit data.
    let (words12, _, bits12) = VECTORS[3];
    let compact = env.path("compact.png");
    qrencode(&compact, &bits_to_bytes(bits12), true).unwrap();
    env.run(&[
        "add",
        "seed",
        "compact",
        "--image",
        compact.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(env.reveal("compact")["secret"]["words"], words12);
    // A JPEG photo of the code (ImageMagick converts, with JPEG loss).
    if let Some(convert) = common::oracle_tool("convert") {
        let jpg = env.path("standard.jpg");
        let st = std::process::Command::new(convert)
            .arg(&png)
            .args(["-quality", "80"])
            .arg(&jpg)
            .status()
            .unwrap();
        assert!(st.success());
        env.run(&["add", "seed", "from jpeg", "--image", jpg.to_str().unwrap()])
            .ok();
        assert_eq!(env.reveal("from jpeg")["secret"]["words"], words);
    }
    // A TOTP from an otpauth QR code.
    let uri = "otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example";
    let totp = env.path("totp.png");
    qrencode(&totp, uri.as_bytes(), false).unwrap();
    env.run(&["add", "totp", "t", "--image", totp.to_str().unwrap()])
        .ok();
    assert_eq!(env.reveal("t")["secret"]["secret"], "JBSWY3DPEHPK3PXP");
}

#[test]
fn add_from_a_bad_image_is_refused_and_changes_nothing() {
    let env = Env::new();
    env.run_in(&["add", "note", "n"], "x").ok();
    let before = env.vault_bytes();
    // Not an image at all.
    let text = env.path("not-image.png");
    std::fs::write(&text, "hello").unwrap();
    let out = env
        .run(&["add", "seed", "s", "--image", text.to_str().unwrap()])
        .code(1);
    assert!(out.stderr.contains("PNG"), "{}", out.stderr);
    // A SeedQR whose checksum fails.
    let bad = env.path("bad.png");
    if qrencode(&bad, "0000".repeat(12).as_bytes(), false).is_none() {
        return;
    }
    let out = env
        .run(&["add", "seed", "s", "--image", bad.to_str().unwrap()])
        .code(1);
    assert!(out.stderr.contains("checksum"), "{}", out.stderr);
    // An image of a kind that no QR code holds.
    let out = env
        .run(&["add", "password", "p", "--image", bad.to_str().unwrap()])
        .code(2);
    assert!(out.stderr.contains("--image"), "{}", out.stderr);
    // A missing file.
    env.run(&["add", "seed", "s", "--image", "/nonexistent/x.png"])
        .code(1);
    assert_eq!(env.vault_bytes(), before);
}

#[test]
fn kit_prints_a_seedqr_that_zbarimg_reads_back() {
    let (Some(chromium), Some(_)) = (
        common::oracle_tool("chromium"),
        common::oracle_tool("zbarimg"),
    ) else {
        return;
    };
    let env = Env::new();
    let (words, digits, _) = VECTORS[3];
    env.run_in(&["add", "seed", "cold wallet"], words).ok();
    env.run_in(&["add", "seed", "other", "--scheme", "other"], "xyz")
        .ok();
    let kit = env.path("kit.html");
    // Only BIP39 seeds can be asked for; nothing is written otherwise.
    let out = env
        .run(&["kit", "--out", kit.to_str().unwrap(), "--seedqr", "other"])
        .code(1);
    assert!(out.stderr.contains("BIP39"), "{}", out.stderr);
    assert!(!kit.exists());
    env.run(&[
        "kit",
        "--out",
        kit.to_str().unwrap(),
        "--seedqr",
        "cold wallet",
    ])
    .ok();
    assert_eq!(cli_items_harness::mode(&kit), 0o600);
    let html = std::fs::read_to_string(&kit).unwrap();
    let page = &html[html.find("id=\"seed-1\"").expect("seed page")..];
    let page = &page[..page.find("</section>").unwrap()];
    for w in words.split(' ') {
        assert!(page.contains(&format!("<li>{w}</li>")), "{w}");
    }
    // The page's QR code, rendered by chromium, read by zbarimg.
    let svg = &page[page.find("<svg").unwrap()..page.find("</svg>").unwrap() + 6];
    let svg_file = env.path("kit-seed.svg");
    std::fs::write(&svg_file, svg.replacen(" class=\"qr\"", "", 1)).unwrap();
    let shot = env.path("kit-shot.png");
    screenshot(&chromium, &svg_file, &shot);
    let text = String::from_utf8(zbar(&shot, false).unwrap()).unwrap();
    assert_eq!(text.trim_end(), digits);
    assert_eq!(from_digits(text.trim_end()).unwrap().expose(), words);
}
