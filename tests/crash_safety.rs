//! The save protocol under crashes and I/O errors, with the real binary:
//! `kill -9` at random moments of `lifeboat add`, and syscall failures
//! injected with `strace -e inject=...` (fsync EIO, write ENOSPC, rename
//! EIO, ...). After every one the vault opens and holds the old or the new
//! state, never less; a failed save leaves it byte-for-byte unchanged, says
//! so, and leaves no temp file behind.
//!
//! LIFEBOAT_CRASH_ITERATIONS (default 200) and LIFEBOAT_TEST_SEED replay a run.

mod common;
mod vault_harness;

use std::process::Command;
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use vault_harness::{Env, Out};

fn rng() -> StdRng {
    let seed = std::env::var("LIFEBOAT_TEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| rand::thread_rng().gen());
    eprintln!("LIFEBOAT_TEST_SEED={seed}");
    StdRng::seed_from_u64(seed)
}

#[test]
fn kill_9_during_add_never_loses_a_saved_item() {
    let iterations: usize = std::env::var("LIFEBOAT_CRASH_ITERATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let mut rng = rng();
    let env = Env::init();
    env.add_note("base-1", "first");
    env.add_note("base-2", "second");
    // How long one whole `add` takes on this machine (passphrase and key
    // paths alike), so that the kill delays cover the whole save whether
    // the machine is fast or loaded: a fixed range either kills nothing on a
    // slow machine or lets nothing finish on a fast one.
    let mut took = Vec::new();
    for (k, key_path) in [false, true, false, true].into_iter().enumerate() {
        let name = format!("calibrate-{k}");
        let t = Instant::now();
        if key_path {
            env.key_cmd(&["add", "note", &name], Some(b"calibration note"))
                .ok();
        } else {
            env.add_note(&name, "calibration note");
        }
        took.push(t.elapsed());
    }
    took.sort();
    let span = (took[took.len() / 2] * 2).max(Duration::from_millis(5));
    let mut expected = env.names();
    let (mut killed, mut completed, mut landed_new, mut temps_seen) = (0, 0, 0, 0);
    let start = Instant::now();
    for i in 0..iterations {
        let name = format!("crash-{i}");
        // Alternate the unlock paths: the passphrase run also does the KDF.
        let cmd = if i % 2 == 0 {
            env.pass_command(&["add", "note", &name])
        } else {
            env.key_command(&["add", "note", &name])
        };
        let delay = span.mul_f64(rng.gen::<f64>());
        let mut child = vault_harness::spawn(cmd, Some(b"crash test note"));
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL; harmless if it already exited
        let status = child.wait().unwrap();
        if status.success() {
            completed += 1;
        } else {
            killed += 1;
        }
        temps_seen += usize::from(!env.temp_files().is_empty());

        // The vault must open (recovery key, read-only: no cleanup) and hold
        // exactly the old items, or the old items plus the new one.
        let out = env.key_cmd(&["list", "--json"], None);
        assert_eq!(
            out.code, 0,
            "iteration {i} (killed after {delay:?}): the vault does not open: {out:#?}"
        );
        let names: Vec<String> = out
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["name"].as_str().unwrap().to_owned())
            .collect();
        let mut with_new = expected.clone();
        with_new.push(name.clone());
        if names == with_new {
            landed_new += 1;
            expected = with_new;
        } else {
            assert_eq!(
                names, expected,
                "iteration {i} (killed after {delay:?}): lost or unexpected items"
            );
            assert!(
                !status.success(),
                "iteration {i}: add reported success but the item is missing"
            );
        }
    }
    // The next writer cleans what crashed saves left, and the passphrase
    // path still opens the final state.
    env.add_note("final", "after the storm");
    assert!(env.temp_files().is_empty(), "{:?}", env.temp_files());
    let out = env.pass_cmd(&["list", "--json"], None).ok();
    assert_eq!(out.json().as_array().unwrap().len(), expected.len() + 1);
    eprintln!(
        "{iterations} runs in {:?} (delays up to {span:?}): {killed} killed, {completed} completed, {landed_new} saved; \
         {temps_seen} left a temp file (cleaned by the next writer)",
        start.elapsed()
    );
    // Make sure the loop exercised both outcomes, or it proved little.
    assert!(killed >= iterations / 10, "too few kills: {killed}");
    assert!(landed_new >= iterations / 10, "too few saves: {landed_new}");
}

/// Runs `lifeboat add note NAME` under strace with an injected fault.
fn add_under_strace(env: &Env, inject: &str, name: &str) -> Option<Out> {
    let strace = common::oracle_tool("strace")?;
    let mut c = Command::new(strace);
    c.args(["-f", "-o", "/dev/null", "-e"])
        .arg(format!("inject={inject}"))
        .arg(vault_harness::BIN)
        .args(env.vault_args(&["add", "note", name]))
        .arg("--identity")
        .arg(&env.key);
    Some(vault_harness::run(
        c,
        Some(b"note under fault"),
        Duration::from_secs(30),
    ))
}

#[test]
fn injected_io_errors_leave_the_vault_unchanged() {
    // The write path of `add` (see the module docs of src/vault/store.rs):
    // write(tmp) fsync(tmp) ... linkat(prev) rename(prev) rename(tmp->vault)
    // fsync(dir). The first `write` syscall of the process is the hardening
    // at start ("0" to /proc/self/coredump_filter, always written once); the
    // second is the temp file (nothing else is written before the save), so
    // `when=2` hits it alone.
    for (inject, words) in [
        (
            "fsync:error=EIO",
            &["fsync", "unchanged", "input/output error"][..],
        ),
        (
            "fsync:error=ENOSPC",
            &["fsync", "unchanged", "no space left"][..],
        ),
        (
            "write:error=ENOSPC:when=2",
            &["writing the temporary file", "unchanged", "no space left"][..],
        ),
        (
            "write:error=EIO:when=2",
            &["writing the temporary file", "unchanged"][..],
        ),
        ("rename:error=EIO:when=2", &["renaming", "unchanged"][..]),
        (
            "rename:error=EIO:when=1",
            &["previous generation", "unchanged"][..],
        ),
    ] {
        let env = Env::init();
        env.add_note("kept", "before the fault");
        let before = env.snapshot();
        let Some(out) = add_under_strace(&env, inject, "faulty") else {
            return;
        };
        let out = out.no_panic();
        assert_ne!(out.code, 0, "{inject}: reported success: {out:#?}");
        let out = out.says(words);
        before.assert_unchanged(&env.vault, inject);
        assert!(
            env.temp_files().is_empty(),
            "{inject}: temp files left: {:?}",
            env.temp_files()
        );
        assert_eq!(env.names(), ["kept"], "{inject}");
        // And the next save works normally.
        env.add_note("next", "after the fault");
        assert_eq!(env.names(), ["kept", "next"], "{inject}: {out:?}");
    }
}

#[test]
fn failed_directory_fsync_is_reported_not_hidden() {
    // fsync #2 is the folder, after the rename: the new file is in place but
    // may not survive a power cut. lifeboat must say so (non-zero exit)
    // rather than claim success, and never retry the fsync.
    let env = Env::init();
    env.add_note("kept", "before the fault");
    let Some(out) = add_under_strace(&env, "fsync:error=EIO:when=2", "late") else {
        return;
    };
    let out = out.no_panic().says(&["flushing the folder", "power cut"]);
    // Exit 1 (the operation failed), not 4: the vault is not damaged.
    assert_eq!(out.code, 1, "{out:#?}");
    assert_eq!(env.names(), ["kept", "late"]);
    assert!(env.temp_files().is_empty());
}

#[test]
fn link_failure_falls_back_to_copying_the_previous_generation() {
    let env = Env::init();
    env.add_note("kept", "before");
    let before = std::fs::read(&env.vault).unwrap();
    let Some(out) = add_under_strace(&env, "linkat:error=EPERM", "after") else {
        return;
    };
    out.ok();
    assert_eq!(env.names(), ["kept", "after"]);
    let mut prev = env.vault.clone().into_os_string();
    prev.push(".prev");
    assert_eq!(std::fs::read(prev).unwrap(), before);
    assert!(env.temp_files().is_empty());
}

#[test]
fn save_after_a_crash_between_prev_and_rename_leaves_no_temp_file() {
    // A kill between "keep the previous generation" and "rename into place"
    // leaves vault.age and vault.age.prev as hard links of one file. The
    // next save's rename(tmp-prev, prev) is then a no-op by POSIX rules and
    // used to leave `.vault.age.tmp.prev.*` behind after a successful save.
    let env = Env::init();
    env.add_note("kept", "before");
    let mut prev = env.vault.clone().into_os_string();
    prev.push(".prev");
    std::fs::remove_file(&prev).unwrap();
    std::fs::hard_link(&env.vault, &prev).unwrap();
    let before = std::fs::read(&env.vault).unwrap();
    env.add_note("after", "the crash");
    assert!(env.temp_files().is_empty(), "{:?}", env.temp_files());
    assert_eq!(std::fs::read(&prev).unwrap(), before);
    assert_eq!(env.names(), ["kept", "after"]);
}
