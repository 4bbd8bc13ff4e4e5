//! Vault-core benchmarks (not timed tests): whole-process `show`, `list` and
//! `add` on a 10,000-item vault against `age -d` of the same file, and our
//! Argon2id against the reference C implementation (argon2-cffi) at equal
//! parameters. Prints a Markdown table for docs/performance.md.
//!
//!     cargo bench --bench vault_ops            # everything (about 2 minutes)
//!     LIFEBOAT_BENCH_RUNS=50 cargo bench --bench vault_ops
//!     LIFEBOAT_BENCH_SKIP_KDF=1 cargo bench --bench vault_ops
//!
//! Timings are medians over LIFEBOAT_BENCH_RUNS whole-process runs (default
//! 30) after 3 warm-up runs, with the minimum beside them: on a shared
//! machine the minimum shows what the code costs, the median what a user
//! sees.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lifeboat::item::totp::encode_base32;
use lifeboat::item::{Item, OtpAlgorithm, OtpType, RecoveryCode, Secret, SeedScheme};
use lifeboat::secret::SecretString;
use lifeboat::vault::crypto::derive_key;
use lifeboat::vault::{KdfParams, Vault};

const BIN: &str = env!("CARGO_BIN_EXE_lifeboat");
const PASSPHRASE: &str = "benchmark passphrase, long enough";
const ITEMS: usize = 10_000;

fn runs() -> usize {
    std::env::var("LIFEBOAT_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30)
}

struct Stat {
    median: Duration,
    min: Duration,
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn stats(mut v: Vec<Duration>) -> Stat {
    v.sort();
    Stat {
        median: v[v.len() / 2],
        min: v[0],
    }
}

/// Times a whole process `runs` times (3 warm-ups first); stdout discarded.
fn time_cmd(mut make: impl FnMut(usize) -> Command, runs: usize) -> Stat {
    let mut times = Vec::new();
    for i in 0..runs + 3 {
        let mut c = make(i);
        c.stdout(Stdio::null())
            .stderr(Stdio::piped())
            .stdin(Stdio::null());
        let t = Instant::now();
        let out = c.output().expect("spawn");
        let dt = t.elapsed();
        assert!(
            out.status.success(),
            "benchmark command failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if i >= 3 {
            times.push(dt);
        }
    }
    stats(times)
}

fn item(n: usize) -> Item {
    let words =
        "abandon ability able about above absent absorb abstract absurd abuse access accident";
    let secret = match n % 6 {
        0 => Secret::Seed {
            words: words.into(),
            scheme: SeedScheme::Other,
            language: None,
            passphrase: None,
        },
        1 => Secret::Key {
            key: format!("{:064x}", n as u128 * 0x9e37_79b9_7f4a_7c15).into(),
            format: Some("hex".into()),
        },
        2 => Secret::Totp {
            secret: encode_base32(&(n as u64).to_be_bytes().repeat(3)),
            issuer: Some(format!("Service {n}")),
            label: Some(format!("user{n}@example.com")),
            algorithm: OtpAlgorithm::Sha1,
            digits: 6,
            period: 30,
            otp_type: OtpType::Totp,
            counter: 0,
        },
        3 => Secret::Codes {
            codes: (0..5)
                .map(|c| RecoveryCode {
                    code: format!("{n:05}-{c:04}").into(),
                    used: None,
                })
                .collect(),
        },
        4 => Secret::Password {
            username: Some(format!("user{n}")),
            password: format!("pw-{n}-correct-horse-battery").into(),
            url: Some(format!("https://site{n}.example.com/login")),
        },
        _ => Secret::Note {
            text: format!("Note {n}: the spare key is in the blue box.").into(),
        },
    };
    let mut i = Item::new(format!("item-{n:05}"), secret);
    // Sized like the peers' data set: about 2.3 MB of JSON for 10,000 items.
    if n.is_multiple_of(2) {
        i.account = Some(format!("account-{}", n % 97));
    }
    if n.is_multiple_of(4) {
        i.tags = vec![format!("group-{}", n % 13)];
    }
    if n.is_multiple_of(10) {
        i.notes = Some("created by the benchmark".into());
    }
    i
}

/// Makes the 10,000-item vault (passphrase at `params`) and its key file.
fn make_vault(dir: &Path, params: KdfParams) -> (PathBuf, PathBuf) {
    let path = dir.join("vault.age");
    let mut v = Vault::create(&path, &SecretString::from(PASSPHRASE), params).unwrap();
    let key = dir.join("key.txt");
    std::fs::write(
        &key,
        format!("{}\n", v.payload().keys.recovery_identity.expose()),
    )
    .unwrap();
    v.payload_mut().items.extend((0..ITEMS).map(item));
    v.save().unwrap();
    (path, key)
}

fn lifeboat(vault: &Path, key: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--vault")
        .arg(vault)
        .arg("--identity")
        .arg(key)
        .args(args);
    c
}

fn with_passphrase(pass: &Path, vault: &Path, args: &[&str]) -> Command {
    let mut c = Command::new("bash");
    c.arg("-c")
        .arg(r#"f=$1; shift; exec "$@" 3<"$f""#)
        .arg("bash")
        .arg(pass)
        .arg(BIN)
        .arg("--vault")
        .arg(vault)
        .arg("--passphrase-fd")
        .arg("3")
        .args(args);
    c
}

fn python() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv-oracles/bin/python3");
    p.exists().then_some(p)
}

/// argon2-cffi's `hash_secret_raw`, timed inside Python: (median, min).
fn argon2_cffi(params: KdfParams, runs: usize) -> Option<Stat> {
    let py = python()?;
    let code = format!(
        r#"
import time
from argon2.low_level import hash_secret_raw, Type
ts = []
for i in range({runs} + 1):
    t = time.perf_counter()
    hash_secret_raw(b"{PASSPHRASE}", b"0123456789abcdef", {t}, {m}, {p}, 32, Type.ID)
    ts.append(time.perf_counter() - t)
ts = sorted(ts[1:])
print(ts[len(ts)//2], ts[0])
"#,
        t = params.t,
        m = params.m_kib,
        p = params.p,
    );
    let out = Command::new(py).arg("-c").arg(code).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut it = text.split_whitespace().map(|s| s.parse::<f64>().unwrap());
    Some(Stat {
        median: Duration::from_secs_f64(it.next()?),
        min: Duration::from_secs_f64(it.next()?),
    })
}

fn ours(params: KdfParams, runs: usize) -> Stat {
    let pw = SecretString::from(PASSPHRASE);
    let _ = derive_key(&pw, b"0123456789abcdef", params).unwrap();
    stats(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                let _ = derive_key(&pw, b"0123456789abcdef", params).unwrap();
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing we
    // need. Either way run once.
    let runs = runs();
    // LIFEBOAT_BENCH_DIR=DIR builds (or reuses) the vault there and keeps
    // it, for profiling by hand; LIFEBOAT_BENCH_BUILD_ONLY=1 stops there.
    let tmp = tempfile::tempdir().unwrap();
    let dir = std::env::var_os("LIFEBOAT_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    let rfc = KdfParams::RFC9106_SECOND;
    let (vault, key) = if dir.join("vault.age").exists() {
        (dir.join("vault.age"), dir.join("key.txt"))
    } else {
        eprintln!("building a {ITEMS}-item vault...");
        std::fs::create_dir_all(&dir).unwrap();
        make_vault(&dir, rfc)
    };
    if std::env::var_os("LIFEBOAT_BENCH_BUILD_ONLY").is_some() {
        return;
    }
    let pass = dir.join("pass.txt");
    std::fs::write(&pass, format!("{PASSPHRASE}\n")).unwrap();
    let size = std::fs::metadata(&vault).unwrap().len();
    let plain = Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(&key)
        .arg(&vault)
        .output()
        .expect("age");
    assert!(plain.status.success());

    let mut rows: Vec<(String, Stat, String)> = Vec::new();
    let age = time_cmd(
        |_| {
            let mut c = Command::new("age");
            c.arg("-d").arg("-i").arg(&key).arg(&vault);
            c
        },
        runs,
    );
    let floor = age.median;
    rows.push((
        "`age -d -i key vault.age` (the floor)".into(),
        age,
        "11 ms (peers' figure)".into(),
    ));
    rows.push((
        "`lifeboat show item-05000 --identity key`".into(),
        time_cmd(|_| lifeboat(&vault, &key, &["show", "item-05000"]), runs),
        format!("<= 1.5 x age -d = {}", ms(floor.mul_f64(1.5))),
    ));
    rows.push((
        "`lifeboat show item-05000 --reveal --json --identity key`".into(),
        time_cmd(
            |_| lifeboat(&vault, &key, &["show", "item-05000", "--reveal", "--json"]),
            runs,
        ),
        format!("<= {}", ms(floor.mul_f64(1.5))),
    ));
    rows.push((
        "`lifeboat list --identity key` (10,000 lines)".into(),
        time_cmd(|_| lifeboat(&vault, &key, &["list"]), runs),
        "< 20 ms".into(),
    ));
    rows.push((
        "`lifeboat list --json --identity key`".into(),
        time_cmd(|_| lifeboat(&vault, &key, &["list", "--json"]), runs),
        "< 20 ms".into(),
    ));
    let stamp = std::process::id();
    rows.push((
        "`lifeboat add note NAME --identity key` (full save, fsync)".into(),
        time_cmd(
            |i| {
                // The note comes on stdin, from a here-string.
                let mut b = Command::new("bash");
                b.arg("-c")
                    .arg(r#"exec "$@" <<< "benchmark note""#)
                    .arg("bash")
                    .arg(BIN)
                    .arg("--vault")
                    .arg(&vault)
                    .arg("--identity")
                    .arg(&key)
                    .args(["add", "note", &format!("bench-add-{stamp}-{i}")]);
                b
            },
            runs,
        ),
        "< 40 ms".into(),
    ));
    let bash = time_cmd(
        |_| {
            let mut c = Command::new("bash");
            c.arg("-c").arg("exec true");
            c
        },
        runs,
    );
    rows.push((
        "(`bash -c 'exec true'`, included in the two rows around it)".into(),
        bash,
        String::new(),
    ));
    let show_pass = time_cmd(
        |_| with_passphrase(&pass, &vault, &["show", "item-05000"]),
        runs.min(15),
    );
    let kdf_rfc = ours(rfc, 5);
    let over = show_pass.median.saturating_sub(kdf_rfc.median);
    rows.push((
        "`lifeboat show item-05000 --passphrase-fd 3` (64 MiB, t=3, p=4)".into(),
        show_pass,
        format!("KDF + <= 20 ms (here KDF + {})", ms(over)),
    ));

    println!(
        "\nvault: {ITEMS} items, {size} bytes on disk, {} bytes of JSON; {runs} runs per row\n",
        plain.stdout.len()
    );
    println!("| what | median | min | target |\n|---|---|---|---|");
    for (what, s, target) in &rows {
        println!("| {what} | {} | {} | {target} |", ms(s.median), ms(s.min));
    }

    if std::env::var_os("LIFEBOAT_BENCH_SKIP_KDF").is_none() {
        println!("\n| Argon2id | lifeboat (`derive_key`) median / min | argon2-cffi `hash_secret_raw` median / min | ratio (medians) |\n|---|---|---|---|");
        for params in [rfc, KdfParams::DEFAULT] {
            let a = ours(params, 5);
            let label = format!(
                "{} MiB, t={}, p={}",
                params.m_kib / 1024,
                params.t,
                params.p
            );
            match argon2_cffi(params, 5) {
                Some(c) => println!(
                    "| {label} | {} / {} | {} / {} | {:.2} |",
                    ms(a.median),
                    ms(a.min),
                    ms(c.median),
                    ms(c.min),
                    a.median.as_secs_f64() / c.median.as_secs_f64()
                ),
                None => println!(
                    "| {label} | {} / {} | (argon2-cffi missing) | |",
                    ms(a.median),
                    ms(a.min)
                ),
            }
        }
    }
}
