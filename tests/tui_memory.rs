//! The memory attack on a locked TUI: someone who can read the process's
//! memory after the user locked (root, a debugger, a swap or crash image)
//! must find nothing of what was on screen or typed.
//!
//! The real binary runs in tmux on a vault holding a random 24-word seed.
//! The passphrase is typed key by key, pasted with bracketed paste, and
//! typed in one write (as auto-type tools do); each time the seed is
//! revealed, then the TUI is locked with `L` or by the idle timeout. After
//! each lock the test reads every readable mapping of the process through
//! `/proc/<pid>/mem` and counts:
//! - runs of 3 or more of the seed's words in order;
//! - numbered words as the detail shows them (`7. sausage`);
//! - whole copies of the passphrase, and places that hold any 8-character
//!   fragment of it.
//!
//! Every count must be zero. Before each lock the same scan must find the
//! secrets (the typed passphrase, the revealed words), so a scan that reads
//! nothing cannot pass.
//!
//! The binary is the test build's, or the one `LIFEBOAT_MEMORY_TEST_BIN`
//! names: CI runs this test a second time against the release binary it
//! installs, the one users run (an optimizer may keep or drop copies the
//! debug build does not). Reading another process's memory needs root (the
//! process is not dumpable); without it the test is skipped, except under
//! `CI=true`, where it fails.

mod common;

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::tmux::Tmux;
use lifeboat::secret::SecretString;
use lifeboat::vault::{Unlock, Vault};

/// The binary under attack: `LIFEBOAT_MEMORY_TEST_BIN` when set (the
/// release build), else this test build's.
fn bin() -> String {
    match std::env::var("LIFEBOAT_MEMORY_TEST_BIN") {
        Ok(b) if !b.is_empty() => {
            assert!(
                Path::new(&b).is_file(),
                "LIFEBOAT_MEMORY_TEST_BIN={b} is not a file"
            );
            b
        }
        _ => env!("CARGO_BIN_EXE_lifeboat").to_owned(),
    }
}

/// What one scan found.
#[derive(Debug, Default, Clone)]
struct Findings {
    /// Runs of 3 or more seed words in order (each maximal run once).
    runs: usize,
    /// The longest run of seed words in order.
    longest_run: usize,
    /// Occurrences of `k. word_k`.
    numbered: usize,
    /// Distinct positions k among them.
    numbered_positions: usize,
    /// Whole copies of the passphrase.
    passphrase_copies: usize,
    /// Places holding an 8-character fragment of the passphrase
    /// (overlapping hits merged).
    fragment_sites: usize,
    /// Bytes read.
    scanned: u64,
}

impl Findings {
    fn clean(&self) -> bool {
        self.runs == 0
            && self.numbered == 0
            && self.passphrase_copies == 0
            && self.fragment_sites == 0
    }

    fn add(&mut self, o: &Findings) {
        self.runs += o.runs;
        self.longest_run = self.longest_run.max(o.longest_run);
        self.numbered += o.numbered;
        self.passphrase_copies += o.passphrase_copies;
        self.fragment_sites += o.fragment_sites;
        self.scanned += o.scanned;
    }
}

/// The secrets to look for.
struct Needles {
    /// Seed word -> its 0-based positions in the phrase.
    words: HashMap<Vec<u8>, Vec<usize>>,
    passphrase: Vec<u8>,
    fragments: HashSet<[u8; 8]>,
    fragment_first: [bool; 256],
}

impl Needles {
    fn new(seed: &str, passphrase: &str) -> Needles {
        let mut words: HashMap<Vec<u8>, Vec<usize>> = HashMap::new();
        for (i, w) in seed.split_whitespace().enumerate() {
            words.entry(w.as_bytes().to_vec()).or_default().push(i);
        }
        let p = passphrase.as_bytes().to_vec();
        let mut fragments = HashSet::new();
        let mut fragment_first = [false; 256];
        for w in p.windows(8) {
            fragments.insert(<[u8; 8]>::try_from(w).unwrap());
            fragment_first[w[0] as usize] = true;
        }
        Needles {
            words,
            passphrase: p,
            fragments,
            fragment_first,
        }
    }

    /// Scans one contiguous piece of memory.
    fn scan(&self, buf: &[u8], f: &mut Findings, numbered_seen: &mut HashSet<usize>) {
        f.scanned += buf.len() as u64;
        // Seed words: lowercase runs. A run of words in order may be
        // separated by spaces, newlines, numbering or escape sequences (at
        // most 64 bytes, and no other word of 3+ letters in between).
        let mut runs: HashMap<usize, usize> = HashMap::new(); // next index -> length
        let mut last_end = 0usize;
        let mut i = 0;
        while i < buf.len() {
            if !buf[i].is_ascii_lowercase() {
                i += 1;
                continue;
            }
            let s = i;
            while i < buf.len() && buf[i].is_ascii_lowercase() {
                i += 1;
            }
            let token = &buf[s..i];
            if token.len() < 3 {
                continue;
            }
            let Some(idxs) = self.words.get(token) else {
                runs.clear();
                continue;
            };
            if s - last_end > 64 {
                runs.clear();
            }
            let mut next = HashMap::new();
            for &k in idxs {
                let len = runs.get(&k).copied().unwrap_or(0) + 1;
                if len == 3 {
                    f.runs += 1;
                }
                f.longest_run = f.longest_run.max(len);
                next.insert(k + 1, len);
            }
            runs = next;
            last_end = i;
            // "k. word" with up to 3 spaces after the dot.
            let mut j = s;
            let mut spaces = 0;
            while j > 0 && buf[j - 1] == b' ' && spaces < 3 {
                j -= 1;
                spaces += 1;
            }
            if j > 0 && buf[j - 1] == b'.' {
                let dot = j - 1;
                let mut d = dot;
                while d > 0 && buf[d - 1].is_ascii_digit() && dot - d < 2 {
                    d -= 1;
                }
                if d < dot && (d == 0 || !buf[d - 1].is_ascii_digit()) {
                    let n: usize = std::str::from_utf8(&buf[d..dot]).unwrap().parse().unwrap();
                    if n >= 1 && idxs.contains(&(n - 1)) {
                        f.numbered += 1;
                        numbered_seen.insert(n);
                    }
                }
            }
        }
        // Passphrase fragments.
        let p = &self.passphrase;
        let mut covered_to = 0usize;
        if buf.len() >= 8 {
            for i in 0..=buf.len() - 8 {
                if !self.fragment_first[buf[i] as usize] {
                    continue;
                }
                let w: [u8; 8] = buf[i..i + 8].try_into().unwrap();
                if !self.fragments.contains(&w) {
                    continue;
                }
                if i >= covered_to {
                    f.fragment_sites += 1;
                }
                covered_to = i + 8;
                if buf[i..].starts_with(p) {
                    f.passphrase_copies += 1;
                }
            }
        }
    }
}

/// Reads every readable mapping of `pid` and scans it. `Err` when the
/// memory cannot be read at all (no permission).
fn scan_process(pid: u32, needles: &Needles) -> Result<Findings, String> {
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps"))
        .map_err(|e| format!("/proc/{pid}/maps: {e}"))?;
    let mem = std::fs::File::open(format!("/proc/{pid}/mem"))
        .map_err(|e| format!("/proc/{pid}/mem: {e}"))?;
    let mut f = Findings::default();
    let mut numbered_seen = HashSet::new();
    for line in maps.lines() {
        let mut parts = line.split_whitespace();
        let range = parts.next().unwrap_or("");
        let perms = parts.next().unwrap_or("");
        let name = line.split_whitespace().nth(5).unwrap_or("");
        if !perms.starts_with('r') || name.starts_with("[vvar") || name == "[vsyscall]" {
            continue;
        }
        let (a, b) = range.split_once('-').unwrap();
        let start = u64::from_str_radix(a, 16).unwrap();
        let end = u64::from_str_radix(b, 16).unwrap();
        let mut buf = vec![0u8; (end - start) as usize];
        let mut got = 0usize;
        while got < buf.len() {
            match mem.read_at(&mut buf[got..], start + got as u64) {
                Ok(0) | Err(_) => break,
                Ok(n) => got += n,
            }
        }
        needles.scan(&buf[..got], &mut f, &mut numbered_seen);
    }
    f.numbered_positions = numbered_seen.len();
    if f.scanned == 0 {
        return Err(format!("nothing of /proc/{pid}/mem could be read"));
    }
    Ok(f)
}

/// True when this test can read another process's memory; under `CI=true`
/// it must.
fn can_read_memory() -> bool {
    let pid = std::process::id();
    let mut child = Command::new("sleep").arg("5").spawn().unwrap();
    let probe = std::fs::File::open(format!("/proc/{}/mem", child.id())).and_then(|m| {
        let maps = std::fs::read_to_string(format!("/proc/{}/maps", child.id()))?;
        let first = maps.lines().next().unwrap_or("").to_owned();
        let start = u64::from_str_radix(first.split('-').next().unwrap_or("0"), 16).unwrap_or(0);
        let mut b = [0u8; 16];
        m.read_at(&mut b, start)
    });
    let _ = child.kill();
    let _ = child.wait();
    match probe {
        Ok(_) => true,
        Err(e) => {
            let msg = format!("cannot read another process's memory (pid {pid}): {e}; run as root");
            if common::in_ci() {
                panic!("under CI=true the memory test must run: {msg}");
            }
            eprintln!("SKIPPED: {msg}");
            false
        }
    }
}

/// A random passphrase of letters and digits, unique to this run.
fn random_passphrase() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    let mut bytes = [0u8; 24];
    std::fs::File::open("/dev/urandom")
        .unwrap()
        .read_exact(&mut bytes)
        .unwrap();
    let mut s: String = bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    s.insert(12, '-');
    s
}

use common::bash_ok as run;

/// A vault with one random 24-word seed and a 10-second idle lock.
fn make_vault(dir: &Path, passphrase: &str, seed: &str) {
    std::fs::write(dir.join("pass"), format!("{passphrase}\n")).unwrap();
    let bin = bin();
    run(
        dir,
        &format!(
            "'{bin}' --vault vault.age init --kdf-memory 8 --kdf-time 1 --kdf-parallelism 1 \
             --allow-weak-passphrase --allow-weak-kdf --recovery-key-out key.txt --passphrase-fd 3 3<pass"
        ),
        "",
    );
    run(
        dir,
        &format!("'{bin}' --vault vault.age add seed 'Cold wallet' --passphrase-fd 3 3<pass"),
        seed,
    );
    std::fs::remove_file(dir.join("pass")).unwrap();
    let path = dir.join("vault.age");
    let mut v =
        Vault::open_for_update(&path, &Unlock::Passphrase(SecretString::from(passphrase))).unwrap();
    // The shortest idle lock the TUI accepts.
    v.payload_mut().settings.auto_lock_secs = 10;
    v.save().unwrap();
}

/// Opens the only item (unless unlocking returned to it) and reveals its
/// words.
fn reveal_seed(tmux: &Tmux, last_word: &str) {
    let s = tmux.wait_until("the item list or the item", |s| {
        s.contains("1 of 1") || s.contains("bip39, 24 words")
    });
    if !s.contains("bip39, 24 words") {
        tmux.keys(&["Enter"]);
        tmux.wait_for("bip39, 24 words");
    }
    let shown = format!("24. {last_word}");
    if !tmux.screen().contains(&shown) {
        tmux.keys(&["r"]);
    }
    tmux.wait_for(&shown);
}

/// Waits for the lock that `L` asks for. On a busy machine the scan
/// before it can outlast the 10 s idle lock, which then locks first; the
/// memory after either lock is what is checked.
fn wait_for_lock(tmux: &Tmux) {
    tmux.wait_until("the lock", |s| {
        s.contains("Locked; secrets were cleared") || s.contains("Locked after")
    });
}

#[test]
fn nothing_secret_left_in_memory_after_lock() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let Some(python) = common::oracle_python() else {
        return;
    };
    if !can_read_memory() {
        return;
    }
    let seed = common::run_python(
        &python,
        "from mnemonic import Mnemonic; print(Mnemonic('english').generate(256))",
        "",
    )
    .trim()
    .to_owned();
    let words: Vec<&str> = seed.split_whitespace().collect();
    assert_eq!(words.len(), 24);
    let passphrase = random_passphrase();
    let dir = tempfile::tempdir().unwrap();
    make_vault(dir.path(), &passphrase, &seed);
    let needles = Needles::new(&seed, &passphrase);

    let tmux = Tmux::start(120, 40);
    let d = dir.path().display();
    let bin = bin();
    eprintln!("binary under test: {bin}");
    tmux.type_text(&format!(
        "cd '{d}' && HOME='{d}' XDG_CONFIG_HOME='{d}/config' '{bin}' --vault vault.age"
    ));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Passphrase:");
    let pid = tmux.child_pid();
    let mut report: Vec<(&str, Findings)> = Vec::new();

    // 1. Typed key by key, revealed, locked with L.
    tmux.type_slowly(&passphrase);
    let typed = scan_process(pid, &needles).unwrap();
    assert!(
        typed.passphrase_copies >= 1,
        "control: the scan must see the passphrase being typed: {typed:?}"
    );
    tmux.keys(&["Enter"]);
    reveal_seed(&tmux, words[23]);
    let shown = scan_process(pid, &needles).unwrap();
    assert!(
        shown.longest_run == 24,
        "control: the scan must see the unlocked seed: {shown:?}"
    );
    report.push(("revealed (control, before lock)", shown));
    tmux.keys(&["L"]);
    wait_for_lock(&tmux);
    std::thread::sleep(Duration::from_millis(600));
    report.push((
        "typed key by key, locked with L",
        scan_process(pid, &needles).unwrap(),
    ));

    // 2. Pasted (bracketed paste), revealed, locked by the idle timeout.
    // (If the idle lock came before `L`, that `L` was typed into the
    // passphrase field: take it out.)
    tmux.keys(&["BSpace"]);
    tmux.paste(&passphrase);
    tmux.keys(&["Enter"]);
    reveal_seed(&tmux, words[23]);
    tmux.wait_until("the idle lock", |s| s.contains("Locked after"));
    std::thread::sleep(Duration::from_millis(600));
    report.push(("pasted, idle lock", scan_process(pid, &needles).unwrap()));

    // 3. Typed in one write (auto-type), revealed, locked with L.
    tmux.keys(&["BSpace"]);
    tmux.type_text(&passphrase);
    tmux.keys(&["Enter"]);
    reveal_seed(&tmux, words[23]);
    tmux.keys(&["L"]);
    wait_for_lock(&tmux);
    std::thread::sleep(Duration::from_millis(600));
    report.push((
        "typed in one write, locked with L",
        scan_process(pid, &needles).unwrap(),
    ));
    tmux.keys(&["q"]);

    let mut after = Findings::default();
    eprintln!("scan | runs>=3 (longest) | numbered (positions) | passphrase copies | 8-char fragment sites | MiB read");
    for (what, f) in &report {
        eprintln!(
            "{what} | {} ({}) | {} ({}) | {} | {} | {}",
            f.runs,
            f.longest_run,
            f.numbered,
            f.numbered_positions,
            f.passphrase_copies,
            f.fragment_sites,
            f.scanned / (1 << 20)
        );
    }
    for (_, f) in &report[1..] {
        after.add(f);
    }
    assert!(
        after.clean(),
        "secrets left in memory after lock: {:#?}",
        &report[1..]
    );
}
