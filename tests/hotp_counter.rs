//! `code NAME` on an HOTP secret shows the code for the stored counter and
//! saves the counter moved on (through the save protocol); `--peek` shows
//! the next code and changes nothing. Codes checked with oathtool.

mod cli_items_harness;
mod common;

use cli_items_harness::Env;

/// RFC 4226's key "12345678901234567890" in base32 and hex.
const KEY_B32: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const KEY_HEX: &str = "3132333435363738393031323334353637383930";

fn oathtool(counter: u64) -> Option<String> {
    let tool = common::oracle_tool("oathtool")?;
    let out = std::process::Command::new(tool)
        .args(["--hotp", "-c", &counter.to_string(), KEY_HEX])
        .output()
        .unwrap();
    assert!(out.status.success());
    Some(String::from_utf8(out.stdout).unwrap().trim().to_owned())
}

#[test]
fn code_advances_the_counter_and_peek_does_not() {
    let env = Env::new();
    env.run_in(
        &["add", "totp", "vpn"],
        &format!("otpauth://hotp/VPN:me?secret={KEY_B32}&counter=5"),
    )
    .ok();
    for counter in 5..8 {
        let Some(want) = oathtool(counter) else {
            return;
        };
        // Peeking twice shows the same code and leaves the vault alone.
        let before = env.vault_bytes();
        for _ in 0..2 {
            let out = env.run(&["code", "vpn", "--peek"]).ok();
            assert_eq!(out.stdout.trim(), want, "peek at {counter}");
        }
        assert_eq!(env.vault_bytes(), before, "--peek wrote the vault");
        let out = env.run(&["code", "vpn"]).ok();
        assert_eq!(out.stdout.trim(), want, "counter {counter}");
        assert_ne!(env.vault_bytes(), before, "the advanced counter was saved");
        assert!(env.path("vault.age.prev").exists());
        let v = env.reveal("vpn");
        assert_eq!(v["secret"]["counter"], counter + 1);
    }
    let out = env.run(&["--json", "code", "vpn"]).ok();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["counter"], 8);
    assert_eq!(v["next_counter"], 9);
}

#[test]
fn a_totp_code_changes_nothing() {
    let env = Env::new();
    env.run_in(&["add", "totp", "t"], KEY_B32).ok();
    let before = env.vault_bytes();
    env.run(&["code", "t", "--at", "59"]).ok();
    assert_eq!(env.vault_bytes(), before);
}

/// The passphrase from a descriptor is read once: `code` on an HOTP item
/// opens the vault to read it, then again to save the counter, and a
/// descriptor gives its line only once.
#[test]
fn code_with_the_passphrase_from_a_descriptor_advances_the_counter() {
    let env = Env::new();
    env.run_in(
        &["add", "totp", "vpn"],
        &format!("otpauth://hotp/VPN:me?secret={KEY_B32}&counter=5"),
    )
    .ok();
    let Some(want) = oathtool(5) else {
        return;
    };
    let pass = env.path("pass");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg("exec \"$0\" --vault \"$1\" code vpn --passphrase-fd 3 3<\"$2\"")
        .arg(env!("CARGO_BIN_EXE_lifeboat"))
        .arg(&env.vault)
        .arg(&pass)
        .env_remove("LIFEBOAT_VAULT")
        .env("LIFEBOAT_CONFIG_DIR", &env.config)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "code with --passphrase-fd: {stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), want);
    assert_eq!(env.reveal("vpn")["secret"]["counter"], 6);
}
