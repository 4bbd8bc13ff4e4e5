//! Vault-core benchmarks (not timed tests): whole-process `show`, `list`,
//! `list --json` and `add` on vaults of 1,000 and 10,000 items, side by side
//! with `age -d` of the same files, and our Argon2id against the reference
//! C implementation (argon2-cffi) at equal parameters. Prints Markdown
//! tables for docs/performance.md.
//!
//!     cargo bench --bench vault_ops            # everything (a few minutes)
//!     LIFEBOAT_BENCH_RUNS=50 cargo bench --bench vault_ops
//!     LIFEBOAT_BENCH_SKIP_KDF=1 cargo bench --bench vault_ops
//!
//! Timings are medians over LIFEBOAT_BENCH_RUNS whole-process runs (default
//! 30) after 3 warm-up runs, with the minimum beside them: on a shared
//! machine the minimum shows what the code costs, the median what a user
//! sees. The commands of one vault size run round-robin (one run of each in
//! turn), so a burst of load elsewhere hits every row alike and the ratios
//! to `age -d` stay fair. Beside the wall time, each run's CPU time (user
//! and system, all threads, from `getrusage(RUSAGE_CHILDREN)` around the
//! run), which load elsewhere disturbs less.

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
/// The vault sizes measured.
const SIZES: [usize; 2] = [1_000, 10_000];

fn runs() -> usize {
    std::env::var("LIFEBOAT_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30)
}

struct Stat {
    median: Duration,
    min: Duration,
    /// Median CPU time (zero where not measured).
    cpu: Duration,
}

/// CPU time (user + system) of every child reaped so far.
fn children_cpu() -> Duration {
    // SAFETY: `getrusage` writes one `rusage` into the zeroed value we
    // pass; nothing else is touched.
    let usage = unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut u);
        u
    };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn stats(mut v: Vec<Duration>) -> Stat {
    v.sort();
    Stat {
        median: v[v.len() / 2],
        min: v[0],
        cpu: Duration::ZERO,
    }
}

/// A command to time; called with the run number (so `add` can use a new
/// name each time).
type Make<'a> = Box<dyn FnMut(usize) -> Command + 'a>;

/// Times whole processes round-robin: 3 warm-up rounds, then `runs`
/// rounds of one run of each command; stdout discarded.
fn time_round_robin(makes: &mut [Make<'_>], runs: usize) -> Vec<Stat> {
    let mut times = vec![Vec::new(); makes.len()];
    let mut cpus = vec![Vec::new(); makes.len()];
    for i in 0..runs + 3 {
        for ((make, times), cpus) in makes.iter_mut().zip(&mut times).zip(&mut cpus) {
            let mut c = make(i);
            c.stdout(Stdio::null())
                .stderr(Stdio::piped())
                .stdin(Stdio::null());
            let cpu0 = children_cpu();
            let t = Instant::now();
            let out = c.output().expect("spawn");
            let dt = t.elapsed();
            let cpu = children_cpu().saturating_sub(cpu0);
            assert!(
                out.status.success(),
                "benchmark command failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            if i >= 3 {
                times.push(dt);
                cpus.push(cpu);
            }
        }
    }
    times
        .into_iter()
        .zip(cpus)
        .map(|(t, c)| Stat {
            cpu: median(c),
            ..stats(t)
        })
        .collect()
}

/// Times one whole process `runs` times (3 warm-ups first).
fn time_cmd(make: impl FnMut(usize) -> Command, runs: usize) -> Stat {
    let mut one: [Make<'_>; 1] = [Box::new(make)];
    time_round_robin(&mut one, runs).remove(0)
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

/// Makes a vault of `items` items (passphrase at `params`) and its key
/// file.
fn make_vault(dir: &Path, params: KdfParams, items: usize) -> (PathBuf, PathBuf) {
    let path = dir.join("vault.age");
    let mut v = Vault::create(&path, &SecretString::from(PASSPHRASE), params).unwrap();
    let key = dir.join("key.txt");
    std::fs::write(
        &key,
        format!("{}\n", v.payload().keys.recovery_identity.expose()),
    )
    .unwrap();
    v.payload_mut().items.extend((0..items).map(item));
    v.save().unwrap();
    (path, key)
}

fn lifeboat(vault: &Path, key: &Path, args: &[&str]) -> Command {
    lifeboat_at(Path::new(BIN), vault, key, args)
}

fn lifeboat_at(bin: &Path, vault: &Path, key: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(bin);
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
        cpu: Duration::ZERO,
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

/// The figures of one vault size.
struct Sized {
    items: usize,
    bytes: u64,
    json: usize,
    rows: Vec<Stat>,
}

/// The rows of the main table, in order: label, and whether the row goes
/// through `bash -c 'exec ...'`.
const ROWS: [&str; 7] = [
    "`age -d -i key vault.age` (the floor)",
    "`lifeboat show NAME --identity key`",
    "`lifeboat show NAME --reveal --json --identity key`",
    "`lifeboat list --identity key`",
    "`lifeboat list --json --identity key`",
    "`lifeboat add note NAME --identity key` (full save, 2 fsyncs; note on stdin via bash)",
    "`bash -c 'exec true'` (inside the `add` row)",
];

/// LIFEBOAT_BENCH_BASELINE=PATH: another `lifeboat` binary (an older
/// build, say) measured in the same rounds, for before/after figures from
/// one run.
fn baseline() -> Option<PathBuf> {
    std::env::var_os("LIFEBOAT_BENCH_BASELINE").map(PathBuf::from)
}

/// The baseline's rows, after [`ROWS`].
const BASELINE_ROWS: [&str; 4] = [
    "baseline: `show NAME`",
    "baseline: `list`",
    "baseline: `list --json`",
    "baseline: `add note NAME`",
];

/// `add note NAME` with the note on stdin from a here-string.
fn add_note(bin: &Path, vault: &Path, key: &Path, name: &str) -> Command {
    let mut b = Command::new("bash");
    b.arg("-c")
        .arg(r#"exec "$@" <<< "benchmark note""#)
        .arg("bash")
        .arg(bin)
        .arg("--vault")
        .arg(vault)
        .arg("--identity")
        .arg(key)
        .args(["add", "note", name]);
    b
}

fn measure(dir: &Path, items: usize, runs: usize) -> Sized {
    let rfc = KdfParams::RFC9106_SECOND;
    let (vault, key) = if dir.join("vault.age").exists() {
        (dir.join("vault.age"), dir.join("key.txt"))
    } else {
        eprintln!("building a {items}-item vault...");
        std::fs::create_dir_all(dir).unwrap();
        make_vault(dir, rfc, items)
    };
    let bytes = std::fs::metadata(&vault).unwrap().len();
    let plain = Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(&key)
        .arg(&vault)
        .output()
        .expect("age");
    assert!(plain.status.success());
    // The item in the middle of the vault.
    let name = format!("item-{:05}", items / 2);
    let stamp = std::process::id();
    let (v, k, name) = (&vault, &key, name.as_str());
    let base = baseline();
    let mut makes: Vec<Make<'_>> = vec![
        Box::new(|_| {
            let mut c = Command::new("age");
            c.arg("-d").arg("-i").arg(k).arg(v);
            c
        }),
        Box::new(|_| lifeboat(v, k, &["show", name])),
        Box::new(|_| lifeboat(v, k, &["show", name, "--reveal", "--json"])),
        Box::new(|_| lifeboat(v, k, &["list"])),
        Box::new(|_| lifeboat(v, k, &["list", "--json"])),
        Box::new(|i| add_note(Path::new(BIN), v, k, &format!("bench-add-{stamp}-{i}"))),
        Box::new(|_| {
            let mut c = Command::new("bash");
            c.arg("-c").arg("exec true");
            c
        }),
    ];
    assert_eq!(makes.len(), ROWS.len());
    if let Some(b) = &base {
        makes.push(Box::new(move |_| lifeboat_at(b, v, k, &["show", name])));
        makes.push(Box::new(move |_| lifeboat_at(b, v, k, &["list"])));
        makes.push(Box::new(move |_| lifeboat_at(b, v, k, &["list", "--json"])));
        makes.push(Box::new(move |i| {
            add_note(b, v, k, &format!("bench-base-{stamp}-{i}"))
        }));
        assert_eq!(makes.len(), ROWS.len() + BASELINE_ROWS.len());
    }
    let rows = time_round_robin(&mut makes, runs);
    Sized {
        items,
        bytes,
        json: plain.stdout.len(),
        rows,
    }
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing we
    // need. Either way run once.
    let runs = runs();
    // LIFEBOAT_BENCH_DIR=DIR builds (or reuses) the vaults there (one
    // folder per size) and keeps them, for profiling by hand;
    // LIFEBOAT_BENCH_BUILD_ONLY=1 stops there.
    let tmp = tempfile::tempdir().unwrap();
    let dir = std::env::var_os("LIFEBOAT_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    let rfc = KdfParams::RFC9106_SECOND;
    if std::env::var_os("LIFEBOAT_BENCH_BUILD_ONLY").is_some() {
        for n in SIZES {
            let d = dir.join(n.to_string());
            if !d.join("vault.age").exists() {
                std::fs::create_dir_all(&d).unwrap();
                make_vault(&d, rfc, n);
            }
        }
        return;
    }
    let sized: Vec<Sized> = SIZES
        .iter()
        .map(|&n| measure(&dir.join(n.to_string()), n, runs))
        .collect();

    println!(
        "\n{runs} runs per row, whole processes; wall time median / min, and the ratio of \
         medians to `age -d`'s; CPU time (user + system) median, and its ratio"
    );
    for s in &sized {
        println!(
            "- {} items: {} bytes on disk, {} bytes of JSON",
            s.items, s.bytes, s.json
        );
    }
    print!("\n| what |");
    for s in &sized {
        print!(
            " {n}: wall | {n}: × age | {n}: CPU | {n}: CPU × age |",
            n = s.items
        );
    }
    print!("\n|---|");
    for _ in &sized {
        print!("---|---|---|---|");
    }
    println!();
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    let extra: &[&str] = if baseline().is_some() {
        &BASELINE_ROWS
    } else {
        &[]
    };
    let labels: Vec<&str> = ROWS.iter().chain(extra).copied().collect();
    for (r, label) in labels.iter().enumerate() {
        print!("| {label} |");
        for s in &sized {
            let (row, age) = (&s.rows[r], &s.rows[0]);
            print!(
                " {} / {} | {:.2} | {} | {:.2} |",
                ms(row.median),
                ms(row.min),
                ratio(row.median, age.median),
                ms(row.cpu),
                ratio(row.cpu, age.cpu)
            );
        }
        println!();
    }
    print!("\n**show / age -d** (wall medians; the goal is <= 1.5 at 10,000 items):");
    for s in &sized {
        print!(
            " {} items {:.2};",
            s.items,
            ratio(s.rows[1].median, s.rows[0].median)
        );
    }
    println!();

    // The passphrase path on the larger vault: the KDF dominates.
    let big = dir.join(SIZES[SIZES.len() - 1].to_string());
    let pass = big.join("pass.txt");
    std::fs::write(&pass, format!("{PASSPHRASE}\n")).unwrap();
    let show_pass = time_cmd(
        |_| {
            with_passphrase(
                &pass,
                &big.join("vault.age"),
                &["show", &format!("item-{:05}", SIZES[SIZES.len() - 1] / 2)],
            )
        },
        runs.min(15),
    );
    let kdf_rfc = ours(rfc, 5);
    println!(
        "\n| `lifeboat show NAME --passphrase-fd 3`, {} items (Argon2id 64 MiB, t=3, p=4) | {} / {} | KDF alone {} / {}: KDF + {} |",
        SIZES[SIZES.len() - 1],
        ms(show_pass.median),
        ms(show_pass.min),
        ms(kdf_rfc.median),
        ms(kdf_rfc.min),
        ms(show_pass.median.saturating_sub(kdf_rfc.median))
    );

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
