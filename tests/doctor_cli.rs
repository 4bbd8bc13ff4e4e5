//! `doctor` through the real binary: a fresh vault with realistic KDF
//! settings reports the missing backup, drill and key safeguards but nothing
//! critical (exit 0); the tiny test KDF and an open file mode are critical
//! (exit 1); the routines clear their findings; the JSON shape; whether
//! memory is locked in RAM, as the limits allow.

mod common;
mod recovery_support;

use std::os::unix::fs::PermissionsExt;

use recovery_support::{code, stderr, stdout, TestVault, REAL_KDF};
use serde_json::Value;

fn findings(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap()
}

fn severity(v: &Value, check: &str) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"] == check)
        .map(|f| f["severity"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn fresh_vault_reports_missing_routines_but_nothing_critical() {
    let tv = TestVault::new(REAL_KDF);
    let out = tv.run("doctor --json");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v = findings(&out);
    assert_eq!(v["ok"], true);
    assert_eq!(v["critical"], 0);
    assert_eq!(severity(&v, "backup"), ["warning"]);
    assert_eq!(severity(&v, "drill"), ["warning"]);
    assert_eq!(severity(&v, "recovery-key"), ["warning"]);
    assert_eq!(severity(&v, "kdf"), ["info"]);
    assert_eq!(severity(&v, "permissions"), ["ok"]);
    for f in v["findings"].as_array().unwrap() {
        for key in ["check", "severity", "message", "fix"] {
            assert!(f[key].is_string(), "{key} in {f}");
        }
        if f["severity"] == "warning" || f["severity"] == "critical" {
            assert!(!f["fix"].as_str().unwrap().is_empty(), "{f}");
        }
    }
    // Human output names severities and fixes.
    let human = stdout(&tv.ok("doctor"));
    assert!(
        human.contains("[WARNING ]") && human.contains("fix: "),
        "{human}"
    );
    assert!(human.contains("lifeboat backup DIR"), "{human}");

    // The routines clear their findings.
    let file = stdout(&tv.ok("backup bk")).trim().to_owned();
    tv.ok(&format!("verify {file}"));
    tv.ok("split --threshold 2 --shares 3");
    let v = findings(&tv.ok("doctor --json"));
    assert_eq!(severity(&v, "backup"), ["ok"]);
    assert_eq!(severity(&v, "drill"), ["ok"]);
    assert_eq!(severity(&v, "recovery-key"), ["ok"]);
    assert_eq!(severity(&v, "previous-generation"), ["info"]);
}

#[test]
fn weak_kdf_and_open_permissions_are_critical() {
    let tv = TestVault::fast();
    let out = tv.run("doctor --json");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let v = findings(&out);
    assert_eq!(v["ok"], false);
    assert_eq!(severity(&v, "kdf"), ["critical"]);
    let out = tv.run("doctor");
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).contains("[CRITICAL]"));
    assert!(stderr(&out).contains("critical"));

    let tv = TestVault::new(REAL_KDF);
    std::fs::set_permissions(tv.vault(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = tv.run("doctor --json");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let v = findings(&out);
    assert_eq!(severity(&v, "permissions"), ["critical"]);
    let fix = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["check"] == "permissions")
        .unwrap()["fix"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(fix.starts_with("chmod 600"), "{fix}");
}

#[test]
fn two_factor_without_codes_and_low_codes() {
    let tv = TestVault::new(REAL_KDF);
    let add = |args: &str, stdin: &str| {
        let out = tv.sh(&format!(
            "printf '{stdin}' | $LB add {args} --passphrase-fd 3 3<pw"
        ));
        assert!(out.status.success(), "{args}: {}", stderr(&out));
    };
    add("totp 'GitHub 2FA' --account GitHub", "JBSWY3DPEHPK3PXP");
    add("totp 'Mail 2FA' --account Mail", "JBSWY3DPEHPK3PXP");
    add(
        "codes 'GitHub codes' --account github",
        "aaaa-1111\\nbbbb-2222\\n",
    );
    let v = findings(&tv.ok("doctor --json"));
    let two_fa: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"] == "2fa-codes")
        .collect();
    assert_eq!(two_fa.len(), 1, "{two_fa:?}");
    assert_eq!(two_fa[0]["severity"], "warning");
    assert!(two_fa[0]["message"].as_str().unwrap().starts_with("Mail"));
    assert_eq!(severity(&v, "codes-low"), ["warning"]);
}

/// The memory finding follows what the process can do: with `CAP_IPC_LOCK`
/// (root, usually) or an unlimited `RLIMIT_MEMLOCK` pages are locked; with
/// a 64 KiB limit and no such capability they are not, and the finding
/// names the limit and the fix.
#[test]
fn memory_locking_is_reported_as_it_is() {
    let tv = TestVault::new(recovery_support::FAST_KDF);
    let memory = |out: &std::process::Output| -> Value {
        findings(out)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["check"] == "memory")
            .cloned()
            .expect("a memory finding")
    };
    let cap = has_ipc_lock();
    let unlimited = stdout(&tv.sh("ulimit -l")).trim() == "unlimited";
    let m = memory(&tv.run("doctor --json"));
    let msg = m["message"].as_str().unwrap();
    if cap || unlimited {
        assert_eq!(m["severity"], "ok", "{m}");
        assert!(msg.contains("locked in RAM"), "{m}");
    } else {
        assert!(msg.contains("cannot be locked"), "{m}");
    }
    // Now with a 64 KiB limit, and without the capability (setpriv,
    // util-linux), which would lift the limit.
    let drop_cap = if cap {
        if common::oracle_tool("setpriv").is_none() {
            return;
        }
        "setpriv --bounding-set -ipc_lock --inh-caps -ipc_lock "
    } else {
        ""
    };
    let m = memory(&tv.sh(&format!(
        "ulimit -l 64 && {drop_cap}$LB doctor --json --passphrase-fd 3 3<pw"
    )));
    let msg = m["message"].as_str().unwrap();
    assert!(
        msg.contains("cannot be locked") && msg.contains("64 KiB"),
        "{m}"
    );
    assert!(
        m["fix"].as_str().unwrap().contains("ulimit -l unlimited"),
        "{m}"
    );
    assert!(m["severity"] == "warning" || m["severity"] == "info", "{m}");
}

/// True when this process holds `CAP_IPC_LOCK` (so its children do too).
fn has_ipc_lock() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("CapEff:"))
        .and_then(|v| u64::from_str_radix(v.trim(), 16).ok())
        .is_some_and(|caps| caps & (1 << 14) != 0)
}
