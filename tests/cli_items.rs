//! Recovery material end to end, through the real binary: seeds (BIP39
//! checksum, typo hints, SLIP-39 shares, other schemes), private keys, TOTP
//! secrets (codes checked against oathtool and pyotp, the QR code decoded by
//! zbarimg) and recovery codes. A refused input leaves the vault file
//! byte-for-byte as it was.

mod cli_items_harness;
mod common;

use cli_items_harness::{run_command, Env, Out};
use serde_json::Value;

const VALID_12: &str =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
const BAD_CHECKSUM_12: &str =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon";

fn add(env: &Env, args: &[&str], secret: &str) -> Out {
    let mut all = vec!["add"];
    all.extend_from_slice(args);
    env.run_in(&all, secret)
}

/// Adds must be refused with exit 1, a message containing `needle`, and no
/// change to the vault file.
fn refused(env: &Env, args: &[&str], secret: &str, needle: &str) -> Out {
    let before = env.vault_bytes();
    let out = add(env, args, secret).code(1);
    assert!(
        out.stderr.to_lowercase().contains(&needle.to_lowercase()),
        "expected `{needle}` in: {}",
        out.stderr
    );
    assert_eq!(env.vault_bytes(), before, "vault changed by a refused add");
    out
}

// ---------------------------------------------------------------- seeds

#[test]
fn seed_with_a_bad_checksum_is_refused_and_the_vault_untouched() {
    let env = Env::new();
    let out = refused(&env, &["seed", "Wallet"], BAD_CHECKSUM_12, "checksum");
    assert!(out.stderr.contains("--scheme other"), "{}", out.stderr);
    assert!(!out.stderr.contains("abandon abandon"), "words leaked");
    assert!(env.list().is_empty());
}

#[test]
fn an_unknown_word_gets_did_you_mean() {
    let env = Env::new();
    let typo = VALID_12.replacen("about", "abuot", 1);
    let out = refused(&env, &["seed", "Wallet"], &typo, "did you mean");
    assert!(out.stderr.contains("word 12"), "{}", out.stderr);
    assert!(out.stderr.contains("about"), "{}", out.stderr);
}

#[test]
fn scheme_other_and_no_verify_accept_a_bad_checksum() {
    let env = Env::new();
    add(
        &env,
        &["seed", "Odd wallet", "--scheme", "other"],
        BAD_CHECKSUM_12,
    )
    .ok();
    add(&env, &["seed", "Unchecked", "--no-verify"], BAD_CHECKSUM_12).ok();
    let v = env.reveal("Odd wallet");
    assert_eq!(v["secret"]["scheme"], "other");
    assert_eq!(v["secret"]["words"], BAD_CHECKSUM_12);
    let v = env.reveal("Unchecked");
    assert_eq!(v["secret"]["scheme"], "bip39");
    assert_eq!(v["secret"]["words"], BAD_CHECKSUM_12);
}

#[test]
fn a_valid_seed_is_stored_masked_and_revealed_in_numbered_columns() {
    let env = Env::new();
    // Messy input: case, extra spaces, line breaks.
    let messy = "  Abandon abandon ABANDON abandon\nabandon abandon  abandon abandon\n abandon abandon abandon about \n";
    add(
        &env,
        &["seed", "Main", "--account", "wallet.example"],
        messy,
    )
    .ok();
    let v = env.reveal("Main");
    assert_eq!(v["secret"]["words"], VALID_12);
    assert_eq!(v["kind"], "seed");

    let out = env.run(&["show", "Main"]).ok();
    assert!(!out.stdout.contains("abandon"), "masked:\n{}", out.stdout);
    assert!(out.stdout.contains("12 words"), "{}", out.stdout);

    let out = env.run(&["show", "Main", "--reveal"]).ok();
    let numbered: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert_eq!(numbered.len(), 4, "12 words in rows of 3:\n{}", out.stdout);
    for (row, line) in numbered.iter().enumerate() {
        for col in 0..3 {
            let n = row * 3 + col + 1;
            assert!(line.contains(&format!("{n}. ")), "row {row}: {line}");
        }
    }
    assert!(numbered[3].contains("12. about"), "{}", numbered[3]);
    // Columns line up: the second entry starts at the same place on every row.
    let starts: Vec<usize> = numbered
        .iter()
        .map(|l| {
            l.find(" 2. ")
                .or_else(|| l.find(" 5. "))
                .or_else(|| l.find(" 8. "))
                .or_else(|| l.find("11. "))
                .unwrap()
        })
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0].abs_diff(w[1]) <= 1),
        "{starts:?}"
    );
}

fn slip39_vectors() -> Vec<Value> {
    let text = std::fs::read_to_string(common::vectors().join("slip39-vectors.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn vector<'a>(all: &'a [Value], prefix: &str) -> &'a Value {
    all.iter()
        .find(|v| v[0].as_str().unwrap().starts_with(prefix))
        .unwrap_or_else(|| panic!("no vector {prefix}"))
}

#[test]
fn slip39_shares_are_validated_with_rs1024() {
    let all = slip39_vectors();
    let env = Env::new();
    // An official share of a 2-of-3 split.
    let share = vector(&all, "4. ")[1][0].as_str().unwrap().to_owned();
    add(&env, &["seed", "Share 1", "--scheme", "slip39"], &share).ok();
    let v = env.reveal("Share 1");
    assert_eq!(v["secret"]["scheme"], "slip39");
    assert_eq!(v["secret"]["words"], share);

    // The official vector with a bad checksum.
    let bad = vector(&all, "2. ")[1][0].as_str().unwrap();
    refused(
        &env,
        &["seed", "Bad", "--scheme", "slip39"],
        bad,
        "checksum",
    );

    // Our own damage: one word swapped for another list word.
    let mut words: Vec<&str> = share.split(' ').collect();
    let pos = words.len() / 2;
    words[pos] = if words[pos] == "academic" {
        "acid"
    } else {
        "academic"
    };
    let damaged = words.join(" ");
    refused(
        &env,
        &["seed", "Damaged", "--scheme", "slip39"],
        &damaged,
        "",
    );
    // --no-verify stores it anyway.
    add(
        &env,
        &["seed", "Damaged", "--scheme", "slip39", "--no-verify"],
        &damaged,
    )
    .ok();
}

#[test]
fn slip39_share_from_shamir_mnemonic_is_accepted() {
    let Some(py) = common::oracle_python() else {
        return;
    };
    let shares = common::run_python(
        &py,
        "import shamir_mnemonic as s, os\n\
         g = s.generate_mnemonics(group_threshold=1, groups=[(2,3)], master_secret=os.urandom(16), passphrase=b'', extendable=True, iteration_exponent=1)\n\
         print('\\n'.join(g[0]))",
        "",
    );
    let env = Env::new();
    for (i, share) in shares.lines().enumerate() {
        add(
            &env,
            &["seed", &format!("Share {i}"), "--scheme", "slip39"],
            share,
        )
        .ok();
    }
    assert_eq!(env.list().len(), 3);
}

// ---------------------------------------------------------------- keys

fn wif(key: &[u8; 32]) -> String {
    let mut payload = vec![0x80];
    payload.extend_from_slice(key);
    payload.push(0x01);
    bs58::encode(payload).with_check().into_string()
}

const XPRV: &str = "xprv9s21ZrQH143K4QViKpwKCpS2zVbz8GrZgpEchMDg6KME9HZtjfL7iThE9w5muQA4YPHKN1u5VM1w8D4pvnjxa2BmpGMfXr7hnRrRHZ93awZ";
const XPUB: &str = "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8";

#[test]
fn keys_are_recognised_and_damaged_ones_refused() {
    let env = Env::new();
    let raw = [0x5au8; 32];
    let hex_key = hex::encode(raw);
    let wif_key = wif(&raw);
    for (name, key, format) in [
        ("Hex key", hex_key.as_str(), "hex"),
        ("WIF key", wif_key.as_str(), "wif"),
        ("Extended key", XPRV, "xprv"),
    ] {
        add(&env, &["key", name], &format!("{key}\n")).ok();
        let v = env.reveal(name);
        assert_eq!(v["secret"]["format"], format, "{name}");
        assert_eq!(v["secret"]["key"], key, "{name}");
        let out = env.run(&["show", name]).ok();
        assert!(out.stdout.contains(&format!("Format:   {format}")));
        assert!(!out.stdout.contains(key), "{name} shown unmasked");
    }
    // One character changed: the Base58Check checksum catches it.
    let mut damaged = wif_key.clone().into_bytes();
    let i = damaged.len() - 5;
    damaged[i] = if damaged[i] == b'a' { b'b' } else { b'a' };
    let damaged = String::from_utf8(damaged).unwrap();
    refused(&env, &["key", "Damaged WIF"], &damaged, "checksum");
    let mut damaged = XPRV.to_owned();
    damaged.replace_range(40..41, if &XPRV[40..41] == "Z" { "Y" } else { "Z" });
    refused(&env, &["key", "Damaged xprv"], &damaged, "checksum");
    // A public key cannot restore anything.
    let out = refused(&env, &["key", "Watch only"], XPUB, "public key");
    assert!(out.stderr.contains("xprv"), "{}", out.stderr);
    refused(&env, &["key", "Short hex"], &hex_key[1..], "63 hex digits");
    assert_eq!(env.list().len(), 3);
}

// ---------------------------------------------------------------- TOTP

/// (secret, algorithm, digits, period)
const TOTP_CASES: [(&str, &str, u8, u64); 6] = [
    ("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "SHA1", 6, 30),
    ("XOZ5DZF2ENJMV4JR2ATPLVN54OU7JYO3", "SHA256", 8, 60),
    ("H2AA6LC6LGWFMJUXIVJ45AYLZ4EXSPYV", "SHA512", 7, 15),
    ("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "SHA1", 8, 30),
    ("M5IQ3OLVM3LBTCPNJALARPUZUOP4E2DA", "SHA512", 6, 45),
    ("7O4SD4AKH7BWC7RA46B54BOQOMTN3C47", "SHA256", 6, 90),
];
const TIMES: [u64; 5] = [
    59,
    1_111_111_109,
    1_234_567_890,
    1_700_000_000,
    2_000_000_000,
];

fn uri(i: usize) -> String {
    let (secret, alg, digits, period) = TOTP_CASES[i];
    format!("otpauth://totp/Case%20{i}:user{i}%40example.com?secret={secret}&issuer=Case%20{i}&algorithm={alg}&digits={digits}&period={period}")
}

fn code_at(env: &Env, name: &str, t: u64) -> String {
    let out = env.run(&["code", name, "--at", &t.to_string()]).ok();
    let code = out.stdout.trim_end_matches('\n').to_owned();
    assert!(
        code.chars().all(|c| c.is_ascii_digit()) && !code.contains('\n'),
        "digits alone on one line: {:?}",
        out.stdout
    );
    code
}

fn totp_env() -> Env {
    let env = Env::new();
    for i in 0..TOTP_CASES.len() {
        add(&env, &["totp", &format!("Case {i}")], &uri(i)).ok();
    }
    // A bare base32 secret, with spaces and lower case as apps show it.
    add(&env, &["totp", "Bare"], "jbsw y3dp ehpk 3pxp\n").ok();
    env
}

#[test]
fn totp_codes_match_oathtool() {
    let Some(oathtool) = common::oracle_tool("oathtool") else {
        return;
    };
    let env = totp_env();
    let mut cases: Vec<(String, &str, &str, u8, u64)> = TOTP_CASES
        .iter()
        .enumerate()
        .map(|(i, &(s, a, d, p))| (format!("Case {i}"), s, a, d, p))
        .collect();
    cases.push(("Bare".into(), "JBSWY3DPEHPK3PXP", "SHA1", 6, 30));
    for (name, secret, alg, digits, period) in cases {
        for t in TIMES {
            let out = std::process::Command::new(&oathtool)
                .arg(format!("--totp={}", alg.to_lowercase()))
                .args(["-d", &digits.to_string(), "-s", &format!("{period}s")])
                .args(["-b", secret, "--now", &format!("@{t}")])
                .env("TZ", "UTC")
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let want = String::from_utf8(out.stdout).unwrap().trim().to_owned();
            assert_eq!(code_at(&env, &name, t), want, "{name} at {t}");
        }
    }
}

#[test]
fn totp_codes_match_pyotp() {
    let Some(py) = common::oracle_python() else {
        return;
    };
    let env = totp_env();
    let mut input = String::new();
    for i in 0..TOTP_CASES.len() {
        for t in TIMES {
            input.push_str(&format!("{} {t}\n", uri(i)));
        }
    }
    let codes = common::run_python(
        &py,
        "import pyotp, sys\nfor line in sys.stdin:\n    u, t = line.split()\n    print(pyotp.parse_uri(u).at(int(t)))",
        &input,
    );
    let mut want = codes.lines();
    for i in 0..TOTP_CASES.len() {
        for t in TIMES {
            assert_eq!(
                code_at(&env, &format!("Case {i}"), t),
                want.next().unwrap(),
                "case {i} at {t}"
            );
        }
    }
}

#[test]
fn totp_show_has_the_code_and_seconds_left_and_masks_the_secret() {
    let env = totp_env();
    let out = env.run(&["show", "Case 1"]).ok();
    let line = out
        .stdout
        .lines()
        .find(|l| l.starts_with("Code:"))
        .unwrap_or_else(|| panic!("no Code: line in\n{}", out.stdout));
    let parts: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(parts[1].len(), 8, "{line}");
    assert!(parts[1].chars().all(|c| c.is_ascii_digit()), "{line}");
    let left: u64 = parts[2].trim_start_matches('(').parse().unwrap();
    assert!((1..=60).contains(&left), "{line}");
    assert!(line.ends_with("s left)"), "{line}");
    assert!(!out.stdout.contains(TOTP_CASES[1].0), "secret shown masked");
    let v = env.reveal("Case 1");
    assert_eq!(v["secret"]["secret"], TOTP_CASES[1].0);
    assert_eq!(v["secret"]["algorithm"], "SHA256");
    assert_eq!(v["secret"]["digits"], 8);
    assert_eq!(v["secret"]["period"], 60);
    assert_eq!(v["secret"]["issuer"], "Case 1");
}

#[test]
fn bad_totp_input_is_refused() {
    let env = Env::new();
    refused(
        &env,
        &["totp", "Bad"],
        "otpauth://totp/x?secret=JBSWY3DP&digits=9",
        "digits",
    );
    refused(&env, &["totp", "Bad"], "not base32 at all 0189", "base32");
    refused(
        &env,
        &["totp", "Bad"],
        "otpauth://totp/x?issuer=y",
        "secret",
    );
}

/// Turns the half-block QR text of `show --qr` into a PGM image: each
/// character is two modules stacked, drawn dark on light, scaled up, with a
/// light border.
fn qr_text_to_pgm(stdout: &str) -> Vec<u8> {
    let rows: Vec<Vec<char>> = stdout
        .lines()
        .filter(|l| l.contains("\x1b[30;107m"))
        .map(|l| {
            l.replace("\x1b[30;107m", "")
                .replace("\x1b[0m", "")
                .chars()
                .collect()
        })
        .collect();
    assert!(rows.len() > 10, "no QR code in:\n{stdout}");
    let width = rows[0].len();
    let mut modules: Vec<Vec<bool>> = Vec::new();
    for row in &rows {
        assert_eq!(row.len(), width, "ragged QR row");
        let top = row.iter().map(|&c| c == '█' || c == '▀').collect();
        let bottom = row.iter().map(|&c| c == '█' || c == '▄').collect();
        modules.push(top);
        modules.push(bottom);
    }
    let scale = 6;
    let border = 4 * scale;
    let w = width * scale + 2 * border;
    let h = modules.len() * scale + 2 * border;
    let mut img = format!("P5\n{w} {h}\n255\n").into_bytes();
    for y in 0..h {
        for x in 0..w {
            let dark = y >= border
                && x >= border
                && modules
                    .get((y - border) / scale)
                    .and_then(|r| r.get((x - border) / scale))
                    .copied()
                    .unwrap_or(false);
            img.push(if dark { 0 } else { 255 });
        }
    }
    img
}

#[test]
fn show_qr_decodes_to_the_otpauth_uri() {
    let Some(zbarimg) = common::oracle_tool("zbarimg") else {
        return;
    };
    let env = totp_env();
    let exported = env.run(&["export", "--format", "otpauth"]).ok().stdout;
    for (name, line) in [("Case 1", 1), ("Case 2", 2), ("Bare", 6)] {
        // The blocks are drawn only on a terminal: `script` gives it one.
        let shell = format!(
            "exec '{}' --vault '{}' --identity '{}' show '{name}' --qr",
            cli_items_harness::bin(),
            env.vault.display(),
            env.key.display()
        );
        let out = std::process::Command::new("script")
            .args(["-qec", &shell, "/dev/null"])
            .env_remove("LIFEBOAT_VAULT")
            .env("LIFEBOAT_CONFIG_DIR", &env.config)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("script (util-linux)");
        assert!(out.status.success(), "{out:?}");
        let screen = String::from_utf8_lossy(&out.stdout).replace('\r', "");
        let pgm = env.path(&format!("qr-{line}.pgm"));
        std::fs::write(&pgm, qr_text_to_pgm(&screen)).unwrap();
        let decoded = std::process::Command::new(&zbarimg)
            .args(["--quiet", "--raw"])
            .arg(&pgm)
            .output()
            .unwrap();
        assert!(decoded.status.success(), "zbarimg found no code for {name}");
        let text = String::from_utf8(decoded.stdout).unwrap();
        let want = exported.lines().nth(line).unwrap();
        assert_eq!(text.trim_end(), want, "{name}");
        assert!(want.starts_with("otpauth://totp/"));
    }
    // To a pipe the blocks are refused with a hint for scripts.
    let out = env.run(&["show", "Case 1", "--qr"]).code(1);
    assert!(out.stderr.contains("--qr-png FILE"), "{}", out.stderr);
    // Not a TOTP item: refused.
    add(&env, &["note", "Plain"], "hello").ok();
    env.run(&["show", "Plain", "--qr-svg", "plain.svg"]).code(1);
}

// ---------------------------------------------------------------- codes

fn used_flags(env: &Env, name: &str) -> Vec<bool> {
    env.reveal(name)["secret"]["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| !c["used"].is_null())
        .collect()
}

#[test]
fn recovery_codes_are_used_once_with_a_warning_when_few_are_left() {
    let env = Env::new();
    add(
        &env,
        &["codes", "GitHub codes", "--account", "github.com"],
        "aaaa-1111\nbbbb-2222\ncccc-3333\ndddd-4444\n",
    )
    .ok();
    assert_eq!(used_flags(&env, "GitHub codes"), [false; 4]);

    // The code on stdin (kept out of argv and the shell history).
    let out = env
        .run_in(&["codes", "use", "GitHub codes"], "bbbb-2222\n")
        .ok();
    assert!(out.stderr.contains("3 unused left"), "{}", out.stderr);
    assert!(!out.stderr.contains("WARNING"), "{}", out.stderr);
    assert!(!out.stderr.contains("shell history"), "{}", out.stderr);
    assert_eq!(
        used_flags(&env, "GitHub codes"),
        [false, true, false, false]
    );
    let v = env.reveal("GitHub codes");
    assert!(v["secret"]["codes"][1]["used"]
        .as_str()
        .unwrap()
        .ends_with('Z'));

    // Spelled differently (case, no dash): the same code. As an argument
    // it still works, with a warning about argv and the shell history.
    let out = env.run(&["codes", "use", "GitHub codes", "AAAA1111"]).ok();
    assert!(out.stderr.contains("shell history"), "{}", out.stderr);
    assert!(
        out.stderr.contains("WARNING: only 2 unused"),
        "{}",
        out.stderr
    );

    let before = env.vault_bytes();
    let out = env
        .run(&["codes", "use", "GitHub codes", "bbbb-2222"])
        .code(1);
    assert!(out.stderr.contains("already"), "{}", out.stderr);
    let out = env
        .run(&["codes", "use", "GitHub codes", "zzzz-9999"])
        .code(1);
    assert!(out.stderr.contains("not one of"), "{}", out.stderr);
    assert!(!out.stderr.contains("cccc"), "codes leaked: {}", out.stderr);
    assert_eq!(env.vault_bytes(), before, "refused code changed the vault");

    let out = env.run(&["codes", "use", "GitHub codes", "cccc-3333"]).ok();
    assert!(
        out.stderr.contains("WARNING: only 1 unused"),
        "{}",
        out.stderr
    );
    let out = env.run(&["show", "GitHub codes"]).ok();
    assert!(out.stdout.contains("1 unused of 4"), "{}", out.stdout);
    assert!(!out.stdout.contains("dddd"), "masked: {}", out.stdout);
    assert!(out.stdout.contains("WARNING"), "{}", out.stdout);
}

#[test]
fn code_of_a_non_totp_item_is_refused() {
    let env = Env::new();
    add(&env, &["note", "Plain"], "hello").ok();
    let out = run_command(env.cmd(&["code", "Plain"]), "").code(1);
    assert!(out.stderr.contains("not a TOTP"), "{}", out.stderr);
}
