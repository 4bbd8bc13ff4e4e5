//! Merge benchmarks (not timed tests): two copies of one vault of 1,000
//! and 10,000 items that went their own ways, each with about 1% of the
//! items edited (a tenth of those on both sides, so they conflict), a few
//! added and a few deleted. Measures the pure merge of the two payloads
//! (`vault::merge::merge`, in process) and the whole `lifeboat merge`
//! process (open both copies with the recovery key, merge, and either
//! print the dry run or save through the save protocol). Prints Markdown
//! tables for docs/performance.md.
//!
//!     cargo bench --bench merge
//!     LIFEBOAT_BENCH_RUNS=50 cargo bench --bench merge
//!
//! Timings are medians over LIFEBOAT_BENCH_RUNS runs (default 20) after 3
//! warm-up runs, with the minimum beside them: on a shared machine the
//! minimum shows what the code costs, the median what a user sees.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lifeboat::item::{Item, Secret};
use lifeboat::secret::SecretString;
use lifeboat::vault::merge::{self, MergeReport};
use lifeboat::vault::{KdfParams, NamedIdentity, Unlock, Vault};

const BIN: &str = env!("CARGO_BIN_EXE_lifeboat");
const PASSPHRASE: &str = "benchmark passphrase, long enough";
/// The vault sizes measured.
const SIZES: [usize; 2] = [1_000, 10_000];

fn runs() -> usize {
    std::env::var("LIFEBOAT_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20)
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

/// An item of the benchmark vault: a mix of notes and passwords, with the
/// account, tags and notes a real vault has.
fn item(n: usize) -> Item {
    let secret = if n.is_multiple_of(2) {
        Secret::Password {
            username: Some(format!("user{n}")),
            password: format!("pw-{n}-correct-horse-battery").into(),
            url: Some(format!("https://site{n}.example.com/login")),
        }
    } else {
        Secret::Note {
            text: format!("Note {n}: the spare key is in the blue box.").into(),
        }
    };
    let mut i = Item::new(format!("item-{n:05}"), secret);
    if n.is_multiple_of(3) {
        i.account = Some(format!("account-{}", n % 97));
    }
    if n.is_multiple_of(4) {
        i.tags = vec![format!("group-{}", n % 13)];
    }
    i
}

fn unlock(key: &Path) -> Unlock {
    let text = std::fs::read_to_string(key).unwrap();
    Unlock::Identities(vec![NamedIdentity::parse(text.trim()).unwrap()])
}

/// Edits about 1% of the items (`side` 0 or 1 picks which: the two sides
/// share a tenth of them), adds `items / 1000` and deletes as many, and
/// saves (which stamps every change).
fn diverge(path: &Path, key: &Path, items: usize, side: usize) {
    let mut v = Vault::open(path, &unlock(key)).unwrap();
    let edits = (items / 100).max(1);
    let shared = (edits / 10).max(1);
    for k in 0..edits {
        // The first `shared` edits hit the same items on both sides.
        let n = if k < shared {
            k * 37 % items
        } else {
            (k * 37 + 1 + side * 500) % items
        };
        let name = format!("item-{n:05}");
        let it = v.item_mut(&name).unwrap();
        it.notes = Some(format!("edited on side {side}"));
    }
    for k in 0..(items / 1000).max(1) {
        v.add_item(Item::new(
            format!("new-{side}-{k}"),
            Secret::Note {
                text: format!("added on side {side}").into(),
            },
        ))
        .unwrap();
        let gone = format!("item-{:05}", items - 1 - k - side * 7);
        v.remove_item(&gone).unwrap();
    }
    v.save().unwrap();
}

/// The two diverged copies of one vault of `items` items, and the key.
fn make_pair(dir: &Path, items: usize) -> (PathBuf, PathBuf, PathBuf) {
    let a = dir.join("vault.age");
    let params = KdfParams {
        m_kib: 8 * 1024,
        t: 1,
        p: 1,
    };
    let mut v = Vault::create(&a, &SecretString::from(PASSPHRASE), params).unwrap();
    let key = dir.join("key.txt");
    std::fs::write(
        &key,
        format!("{}\n", v.payload().keys.recovery_identity.expose()),
    )
    .unwrap();
    v.payload_mut().items.extend((0..items).map(item));
    v.save().unwrap();
    drop(v);
    let b_dir = dir.join("other");
    std::fs::create_dir_all(&b_dir).unwrap();
    let b = b_dir.join("vault.age");
    std::fs::copy(&a, &b).unwrap();
    diverge(&a, &key, items, 0);
    diverge(&b, &key, items, 1);
    (a, b, key)
}

/// Times the in-process merge of the two payloads.
fn time_merge(a: &Path, b: &Path, key: &Path, runs: usize) -> (Stat, MergeReport) {
    let va = Vault::open(a, &unlock(key)).unwrap();
    let vb = Vault::open(b, &unlock(key)).unwrap();
    let mut report = MergeReport::default();
    let mut times = Vec::new();
    for i in 0..runs + 3 {
        let t = Instant::now();
        let (merged, r) = merge::merge(va.payload(), vb.payload());
        let dt = t.elapsed();
        drop(merged);
        if i >= 3 {
            times.push(dt);
        }
        report = r;
    }
    (stats(times), report)
}

/// Times whole `lifeboat merge` processes; `fresh` copies the untouched
/// vault over the working one before each run (outside the timing), so a
/// real merge has something to do every time.
fn time_process(
    work: &Path,
    fresh: Option<&Path>,
    other: &Path,
    key: &Path,
    dry: bool,
    runs: usize,
) -> Stat {
    let mut times = Vec::new();
    for i in 0..runs + 3 {
        if let Some(f) = fresh {
            std::fs::copy(f, work).unwrap();
        }
        let mut c = Command::new(BIN);
        c.arg("--vault")
            .arg(work)
            .arg("--identity")
            .arg(key)
            .arg("merge")
            .arg(other);
        if dry {
            c.arg("--dry-run");
        }
        c.stdout(Stdio::null())
            .stderr(Stdio::piped())
            .stdin(Stdio::null());
        let t = Instant::now();
        let out = c.output().expect("spawn");
        let dt = t.elapsed();
        assert!(
            out.status.success(),
            "lifeboat merge failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if i >= 3 {
            times.push(dt);
        }
    }
    stats(times)
}

/// One vault size: items, file bytes, what the merge found, and the three
/// timings (in process, dry run, saved).
type Row = (usize, u64, MergeReport, [Stat; 3]);

fn main() {
    let runs = runs();
    let mut rows: Vec<Row> = Vec::new();
    for items in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, key) = make_pair(dir.path(), items);
        let bytes = std::fs::metadata(&a).unwrap().len();
        let (pure, report) = time_merge(&a, &b, &key, runs);
        let dry = time_process(&a, None, &b, &key, true, runs);
        let pristine = dir.path().join("pristine.age");
        std::fs::copy(&a, &pristine).unwrap();
        let work = dir.path().join("work.age");
        let full = time_process(&work, Some(&pristine), &b, &key, false, runs);
        rows.push((items, bytes, report, [pure, dry, full]));
    }
    println!("| | {} |", SIZES.map(|s| format!("{s} items")).join(" | "));
    println!("|---|{}", "---|".repeat(SIZES.len()));
    let cell = |f: &dyn Fn(&Row) -> String| rows.iter().map(f).collect::<Vec<_>>().join(" | ");
    println!(
        "| vault file | {} |",
        cell(&|r| format!("{:.2} MB", r.1 as f64 / 1e6))
    );
    println!(
        "| what the merge finds (added, changed, deleted, conflicts) | {} |",
        cell(&|r| format!(
            "{}, {}, {}, {}",
            r.2.added.len(),
            r.2.changed.len(),
            r.2.deleted.len(),
            r.2.conflicts.len()
        ))
    );
    for (k, label) in [
        "`vault::merge::merge` of the two payloads (in process)",
        "`lifeboat merge OTHER --dry-run --identity key` (whole process)",
        "`lifeboat merge OTHER --identity key` (whole process, saved: 2 fsyncs)",
    ]
    .iter()
    .enumerate()
    {
        println!(
            "| {label} | {} |",
            cell(&|r| format!("{} (min {})", ms(r.3[k].median), ms(r.3[k].min)))
        );
    }
    println!("\n(median of {runs} runs after 3 warm-ups; minimum in brackets)");
}
