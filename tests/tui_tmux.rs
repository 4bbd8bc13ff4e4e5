//! End-to-end test of the TUI: the real debug binary driven in tmux.
//! Unlock by typing the passphrase, search, open an item, reveal it, answer
//! and tick playbook steps, quit; then check with the library that the
//! steps are recorded in the vault, and that no secret is left on the
//! shell's screen or scrollback. tmux missing fails under `CI=true`.
//!
//! The newcomer test starts with no vault, as the README's first run does:
//! create it in the TUI (recovery key read off the screen and typed back),
//! add a seed, a TOTP secret and recovery codes through the form, walk
//! `account-locked` to the end and write the report; then the library, the
//! report file and stock `age -d` with the on-screen key check the result.
//!
//! The Tools tab's tests make a backup, split the key, change the
//! passphrase, and erase a removed seed's values (searched for in the
//! vault and `.prev` decrypted with the recovery key, before and after).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use lifeboat::item::{ItemKind, Secret};
use lifeboat::secret::SecretString;
use lifeboat::vault::{Unlock, Vault};

use common::bash_ok as sh;
use common::tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_lifeboat");

/// Starts the TUI on `dir/vault.age` from the pane's shell, with `dir` as
/// its home and config folder, and waits for the passphrase prompt.
fn launch(tmux: &Tmux, dir: &std::path::Path) {
    let d = dir.display();
    tmux.type_text(&format!(
        "cd '{d}' && HOME='{d}' XDG_CONFIG_HOME='{d}/config' '{BIN}' --vault vault.age"
    ));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Passphrase:");
}
const PASSPHRASE: &str = "tmux test passphrase 42";
const WORDS: &str =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

fn make_vault(dir: &Path) -> PathBuf {
    std::fs::write(dir.join("pass"), format!("{PASSPHRASE}\n")).unwrap();
    let vault = dir.join("vault.age");
    sh(
        dir,
        &format!(
            "'{BIN}' --vault vault.age init --kdf-memory 8 --kdf-time 1 --kdf-parallelism 1 --allow-weak-kdf \
             --allow-weak-passphrase --recovery-key-out key.txt --passphrase-fd 3 3<pass"
        ),
        "",
    );
    sh(
        dir,
        &format!("'{BIN}' --vault vault.age add seed 'Test wallet' --account wallet.example --passphrase-fd 3 3<pass"),
        WORDS,
    );
    sh(
        dir,
        &format!("'{BIN}' --vault vault.age add note 'Unrelated note' --passphrase-fd 3 3<pass"),
        "just a note",
    );
    vault
}

#[test]
fn unlock_search_reveal_tick_quit_in_tmux() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let vault = make_vault(dir.path());
    let tmux = Tmux::start(120, 40);
    launch(&tmux, dir.path());

    // A wrong passphrase first.
    tmux.type_text("not the passphrase");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Wrong passphrase");
    tmux.type_text(PASSPHRASE);
    let s = tmux.screen();
    assert!(!s.contains(PASSPHRASE), "the passphrase is masked");
    tmux.keys(&["Enter"]);
    tmux.wait_for("2 of 2");

    // Search and open.
    tmux.keys(&["/"]);
    tmux.type_text("wallet");
    tmux.wait_for("1 of 2");
    tmux.keys(&["Enter"]);
    let s = tmux.wait_for("bip39, 12 words");
    assert!(!s.contains("abandon"), "masked until revealed:\n{s}");
    tmux.keys(&["r"]);
    let s = tmux.wait_for("12. about");
    assert!(s.contains("1. abandon"));

    // Back (Esc alone, so it is not read as Alt+key), then the playbooks.
    tmux.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    let s = tmux.wait_for("Search: wallet");
    assert!(!s.contains("abandon"));
    tmux.keys(&["Tab"]);
    tmux.wait_for("I lost the phone with my authenticator");
    let pos = lifeboat::playbook::builtin()
        .iter()
        .position(|p| p.id == "lost-2fa-device")
        .unwrap();
    for _ in 0..pos {
        tmux.keys(&["j"]);
    }
    tmux.keys(&["Enter"]);
    // A new incident: the runner first asks which account it is about.
    tmux.wait_for("Which account is this incident about?");
    tmux.keys(&["Enter"]); // any account
    tmux.wait_for("Was the device stolen");
    tmux.keys(&["2"]); // broken: nobody else has it
    tmux.wait_for("1 of 9 steps done");
    tmux.keys(&["Space"]); // the cursor moved to list-accounts
    tmux.wait_for("2 of 9 steps done");
    tmux.wait_for("Saved.");
    tmux.keys(&["q"]);

    // Back at the shell: nothing secret on the screen or in scrollback.
    std::thread::sleep(Duration::from_millis(500));
    tmux.keys(&["echo", "shell-is-back", "Enter"]);
    tmux.wait_for("shell-is-back");
    let all = tmux.history();
    assert!(!all.contains("abandon"), "seed words left behind:\n{all}");
    assert!(!all.contains("Passphrase:"), "TUI left on screen:\n{all}");

    // The steps are in the vault.
    let v = Vault::open(&vault, &Unlock::Passphrase(SecretString::from(PASSPHRASE))).unwrap();
    let run = v
        .payload()
        .playbooks
        .run("lost-2fa-device")
        .expect("a run was recorded");
    assert_eq!(
        run.record("how-lost").and_then(|r| r.answer.as_deref()),
        Some("broken")
    );
    assert!(run
        .record("list-accounts")
        .is_some_and(|r| r.done_at.is_some()));
}

const NEW_PASSPHRASE: &str = "Quartz-meadow violin 47 tundra";
const TOTP_URI: &str =
    "otpauth://totp/GitHub:newcomer?secret=JBSWY3DPEHPK3PXP&issuer=GitHub&digits=6&period=30";
const TOTP_SECRET: &str = "JBSWY3DPEHPK3PXP";
const CODES: [&str; 4] = ["q7x2-9kd3", "m4p8-2zr6", "t5n1-8wj4", "h3v9-6cb7"];

/// The screen's text with box borders removed and whitespace collapsed, so
/// a sentence wrapped over lines reads as one.
fn flat(screen: &str) -> String {
    screen
        .replace(['│', '┃'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The 1-based positions in "type characters A-B and then C-D".
fn asked_positions(screen: &str) -> (usize, usize) {
    let f = flat(screen);
    let rest = &f[f.find("type characters ").expect("the question") + 16..];
    let nums: Vec<usize> = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .take(4)
        .map(|t| t.parse().unwrap())
        .collect();
    assert_eq!(nums[1], nums[0] + 1, "{f}");
    assert_eq!(nums[3], nums[2] + 1, "{f}");
    (nums[0], nums[2])
}

/// Fills the item form that `a` opened: kind (Right presses from seed),
/// name, account, then the secret; Ctrl+S saves.
fn fill_form(tmux: &Tmux, rights: usize, name: &str, account: &str, secret: &str) {
    tmux.wait_for("Add an item");
    for _ in 0..rights {
        tmux.keys(&["Right"]);
    }
    tmux.keys(&["Enter"]); // Kind -> Name
    tmux.type_text(name);
    tmux.keys(&["Enter"]); // -> Account
    tmux.type_text(account);
    tmux.keys(&["Enter"]); // -> Tags
    tmux.keys(&["Enter"]); // -> Scheme (seeds) or Secret
    if rights == 0 {
        tmux.keys(&["Enter"]); // Scheme (BIP39) -> Secret
    }
    tmux.type_text(secret);
    let s = tmux.screen();
    assert!(!s.contains(secret), "the secret field is masked:\n{s}");
}

#[test]
fn newcomer_creates_vault_adds_items_and_walks_account_locked() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let started_at = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault.age");
    let tmux = Tmux::start(120, 40);
    let d = dir.path().display();
    tmux.type_text(&format!(
        "cd '{d}' && HOME='{d}' XDG_CONFIG_HOME='{d}/config' XDG_DATA_HOME='{d}/data' '{BIN}' --vault vault.age"
    ));
    tmux.keys(&["Enter"]);

    // 1. No vault: the create screen. The passphrase twice.
    tmux.wait_for("Create a new vault");
    tmux.type_text(NEW_PASSPHRASE);
    tmux.wait_for("meets the policy");
    tmux.keys(&["Enter"]);
    tmux.type_text(NEW_PASSPHRASE);
    let s = tmux.screen();
    assert!(
        !s.contains(NEW_PASSPHRASE),
        "the passphrase is masked:\n{s}"
    );
    tmux.keys(&["Enter"]);
    let s = tmux.wait_for("AGE-SECRET-KEY-1");
    let key = s
        .split_whitespace()
        .find(|w| w.starts_with("AGE-SECRET-KEY-1"))
        .unwrap()
        .to_owned();
    assert_eq!(key.len(), 74, "{key}");
    tmux.keys(&["Enter"]);
    let s = tmux.wait_for("Check what you wrote");
    let (a, b) = asked_positions(&s);
    // A wrong answer first: refused, asked again.
    let wrong: String = key[a - 1..a + 1]
        .chars()
        .chain(key[b - 1..b + 1].chars())
        .map(|c| {
            if c.eq_ignore_ascii_case(&'q') {
                'p'
            } else {
                'q'
            }
        })
        .collect();
    tmux.type_text(&wrong);
    tmux.keys(&["Enter"]);
    tmux.wait_for("do not match");
    tmux.type_text(&format!("{}{}", &key[a - 1..a + 1], &key[b - 1..b + 1]));
    tmux.keys(&["Enter"]);
    // The new vault opens on Tools, offering the first backup: take it.
    tmux.wait_for("Your vault is new");
    let created = started_at.elapsed();
    assert!(vault.exists());
    tmux.keys(&["Enter"]);
    tmux.wait_for("Folder (a USB stick");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Backup written and verified");
    assert!(
        std::fs::read_dir(dir.path().join("backups"))
            .unwrap()
            .any(|e| e.unwrap().path().extension().is_some_and(|x| x == "age")),
        "the first backup is in the offered folder"
    );
    tmux.keys(&["Tab"]);
    tmux.wait_for("The vault is empty. Press a to add");

    // 2. A seed with a wrong checksum first: the form says so, nothing added.
    tmux.keys(&["a"]);
    let bad = "abandon ".repeat(12);
    fill_form(&tmux, 0, "Main wallet", "ledger", bad.trim_end());
    tmux.wait_for("(12 words)");
    tmux.keys(&["C-s"]);
    let s = tmux.wait_for("checksum does not match");
    assert!(s.contains("Add an item"), "the form stays open:\n{s}");
    assert!(!s.contains("Added"), "{s}");
    // The field is masked: Ctrl+U empties it, and the phrase is retyped.
    tmux.keys(&["C-u"]);
    let s = tmux.wait_until("an empty field", |s| !s.contains("(12 words)"));
    assert!(
        !s.contains("checksum"),
        "the error goes with the text:\n{s}"
    );
    tmux.type_text(WORDS);
    tmux.wait_for("(12 words)");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Added \"Main wallet\"");

    tmux.keys(&["a"]);
    fill_form(&tmux, 2, "GitHub 2FA", "github", TOTP_URI);
    tmux.keys(&["C-s"]);
    tmux.wait_for("Added \"GitHub 2FA\"");

    tmux.keys(&["a"]);
    fill_form(
        &tmux,
        3,
        "GitHub recovery codes",
        "github",
        &CODES.join(" "),
    );
    tmux.wait_for("(4 words)");
    tmux.keys(&["C-s"]);
    let s = tmux.wait_for("Added \"GitHub recovery codes\"");
    assert!(s.contains("3 of 3"), "{s}");
    for (badge, name) in [
        ("SEED", "Main wallet"),
        ("TOTP", "GitHub 2FA"),
        ("CODES", "GitHub recovery codes"),
    ] {
        assert!(
            s.lines().any(|l| l.contains(badge) && l.contains(name)),
            "{badge} {name}:\n{s}"
        );
    }
    assert!(s.contains("4/4 unused"), "{s}");

    // 3. The account-locked playbook, along the "reset worked" branch.
    tmux.keys(&["Tab"]);
    tmux.wait_for("My account is locked");
    let pos = lifeboat::playbook::builtin()
        .iter()
        .position(|p| p.id == "account-locked")
        .unwrap();
    for _ in 0..pos {
        tmux.keys(&["j"]);
    }
    tmux.keys(&["Enter"]);
    tmux.wait_for("Which account is this incident about?");
    tmux.keys(&["Enter"]); // any account
    tmux.wait_for("Write down the lock message");
    let done = |n: usize| {
        let want = format!(" {n} of ");
        move |s: &str| s.contains(&want) && s.contains("steps done")
    };
    // A note step: Space opens the note, Enter saves and ticks it.
    tmux.keys(&["Space"]);
    tmux.wait_for("Copy the exact wording");
    tmux.type_text("locked 09:12 after three wrong passwords");
    tmux.keys(&["Enter"]);
    tmux.wait_until("1 step done", done(1));
    // A note on a check step, then tick it.
    tmux.keys(&["n"]);
    tmux.wait_for("Enter save · Backspace delete · Esc cancel");
    tmux.type_text("no e-mail from the provider yet");
    tmux.keys(&["Enter"]);
    tmux.wait_for("no e-mail from the provider yet");
    tmux.keys(&["Space"]);
    tmux.wait_until("2 steps done", done(2));
    tmux.wait_for("Did you cause the lock yourself?");
    tmux.keys(&["1"]); // yes: wrong passwords
    tmux.wait_until("3 steps done", done(3));
    tmux.keys(&["Space"]); // forgot-password
    tmux.wait_until("4 steps done", done(4));
    tmux.wait_for("Did the password reset get you back in?");
    tmux.keys(&["1"]); // yes
    tmux.wait_until("5 steps done", done(5));
    tmux.wait_for("set a new, unique password");
    // protect-login, check-2fa (links the TOTP and the codes), review, habits.
    tmux.keys(&["Space"]);
    let s = tmux.wait_until("6 steps done", done(6));
    assert!(
        s.contains("GitHub 2FA") && s.contains("GitHub recovery codes"),
        "{s}"
    );
    for n in 7..=8 {
        tmux.keys(&["Space"]);
        tmux.wait_until("steps done", done(n));
    }
    tmux.keys(&["Space"]);
    tmux.wait_for("All steps on your path are done");
    tmux.keys(&["w"]);
    let s = tmux.wait_for("Report written to");
    assert!(s.contains("mode 0600"), "{s}");
    tmux.keys(&["q"]);

    // Back at the shell: nothing secret on the screen or in the scrollback.
    std::thread::sleep(Duration::from_millis(500));
    tmux.keys(&["echo", "shell-is-back", "Enter"]);
    tmux.wait_for("shell-is-back");
    let all = tmux.history();
    for secret in [
        "abandon",
        key.as_str(),
        &key[16..40],
        NEW_PASSPHRASE,
        TOTP_SECRET,
        CODES[0],
    ] {
        assert!(!all.contains(secret), "{secret:?} left behind:\n{all}");
    }
    assert!(
        !all.contains("Create a new vault"),
        "TUI left on screen:\n{all}"
    );

    // The report: a private file with no secret in it.
    let report = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("lifeboat-report-account-locked-")
        })
        .expect("the report file");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&report).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(
        text.contains("locked 09:12 after three wrong passwords"),
        "{text}"
    );
    for secret in ["abandon", &key[16..], NEW_PASSPHRASE, TOTP_SECRET] {
        assert!(!text.contains(secret), "{secret:?} in the report:\n{text}");
    }
    for c in CODES {
        assert!(!text.contains(c), "{c:?} in the report:\n{text}");
    }

    // 4. The vault, read with the library.
    let v = Vault::open(
        &vault,
        &Unlock::Passphrase(SecretString::from(NEW_PASSPHRASE)),
    )
    .unwrap();
    let items = &v.payload().items;
    assert_eq!(items.len(), 3, "the refused seed was not added");
    let find = |kind: ItemKind| {
        let found: Vec<_> = items.iter().filter(|i| i.kind() == kind).collect();
        assert_eq!(found.len(), 1, "{kind:?}");
        found[0]
    };
    match &find(ItemKind::Seed).secret {
        Secret::Seed { words, scheme, .. } => {
            assert_eq!(words.expose(), WORDS);
            assert_eq!(*scheme, lifeboat::item::SeedScheme::Bip39);
        }
        other => panic!("{other:?}"),
    }
    let totp = find(ItemKind::Totp);
    assert_eq!(totp.account.as_deref(), Some("github"));
    match &totp.secret {
        Secret::Totp { secret, issuer, .. } => {
            assert_eq!(secret.expose(), TOTP_SECRET);
            assert_eq!(issuer.as_deref(), Some("GitHub"));
        }
        other => panic!("{other:?}"),
    }
    match &find(ItemKind::Codes).secret {
        Secret::Codes { codes } => {
            let got: Vec<&str> = codes.iter().map(|c| c.code.expose()).collect();
            assert_eq!(got, CODES);
            assert!(codes.iter().all(|c| c.used.is_none()));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(v.payload().keys.recovery_identity.expose(), key);
    let run = v
        .payload()
        .playbooks
        .run("account-locked")
        .expect("a run was recorded");
    let rec = |id: &str| {
        run.record(id)
            .unwrap_or_else(|| panic!("no record for {id}"))
    };
    for id in [
        "write-down-message",
        "check-official-notice",
        "caused-lock",
        "forgot-password",
        "reset-worked",
        "protect-login",
        "check-2fa",
        "review-activity",
        "steady-habits",
    ] {
        assert!(rec(id).done_at.is_some(), "{id} not done");
    }
    assert_eq!(
        rec("write-down-message").note.as_deref(),
        Some("locked 09:12 after three wrong passwords")
    );
    assert_eq!(
        rec("check-official-notice").note.as_deref(),
        Some("no e-mail from the provider yet")
    );
    assert_eq!(rec("reset-worked").answer.as_deref(), Some("yes"));
    assert_eq!(rec("caused-lock").answer.as_deref(), Some("yes"));
    for id in [
        "contact-support",
        "wait-for-lock",
        "follow-up",
        "secure-email",
    ] {
        assert!(run.record(id).is_none_or(|r| r.done_at.is_none()), "{id}");
    }
    let book = lifeboat::playbook::builtin()
        .into_iter()
        .find(|p| p.id == "account-locked")
        .unwrap();
    assert!(lifeboat::playbook::progress(&book, Some(run)).complete);
    drop(v);

    // The recovery key read off the screen opens the vault with stock age.
    if let Some(age) = common::oracle_tool("age") {
        let key_file = dir.path().join("key-from-screen.txt");
        std::fs::write(&key_file, format!("{key}\n")).unwrap();
        let out = Command::new(age)
            .arg("-d")
            .arg("-i")
            .arg(&key_file)
            .arg(&vault)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let items = json["items"].as_array().unwrap();
        assert_eq!(items.len(), 3);
        assert!(
            items.iter().any(|i| i["secret"]["words"] == WORDS),
            "{json}"
        );
    }
    eprintln!(
        "newcomer test: vault created in {:.1?}, whole test {:.1?}",
        created,
        started_at.elapsed()
    );
}

#[test]
fn bare_lifeboat_without_a_terminal_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&[][..], &["tui"][..], &["demo"][..]] {
        let out = Command::new(BIN)
            .args(args)
            .arg("--vault")
            .arg(dir.path().join("vault.age"))
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
    }
}

/// The last words a step shows in the runner: its commands, else why it
/// matters, else its instruction.
fn last_words_of(step: &lifeboat::playbook::Step) -> String {
    let last = match (step.commands.last(), &step.why, &step.detail) {
        (Some(c), _, _) => c.clone(),
        (None, Some(w), _) => w.clone(),
        (None, None, Some(d)) => d.clone(),
        _ => step.title.clone(),
    };
    let words: Vec<&str> = last.split_whitespace().collect();
    words[words.len().saturating_sub(3)..].join(" ")
}

/// At 80x24: the last line of the longest step of every built-in playbook
/// scrolls into view; a note is visible while typed; the idle lock during
/// a note keeps it in the vault and unlocking returns to the step.
#[test]
fn runner_at_80x24_scrolls_shows_the_note_and_survives_the_idle_lock() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let vault = make_vault(dir.path());
    // The shortest idle lock the TUI accepts, so the test waits 10 s.
    {
        let mut v =
            Vault::open(&vault, &Unlock::Passphrase(SecretString::from(PASSPHRASE))).unwrap();
        v.payload_mut().settings.auto_lock_secs = 10;
        v.save().unwrap();
    }
    let tmux = Tmux::start(80, 24);
    launch(&tmux, dir.path());
    tmux.type_text(PASSPHRASE);
    tmux.keys(&["Enter"]);
    tmux.wait_for("2 of 2");
    tmux.keys(&["Tab"]);
    tmux.wait_for("My account is locked");

    let books = lifeboat::playbook::builtin();
    for (pos, pb) in books.iter().enumerate() {
        let (idx, step) = pb
            .steps
            .iter()
            .enumerate()
            .max_by_key(|(_, s)| {
                s.title.len()
                    + s.detail.as_deref().map_or(0, str::len)
                    + s.prompt.as_deref().map_or(0, str::len)
                    + s.why.as_deref().map_or(0, str::len)
                    + s.do_not.iter().map(String::len).sum::<usize>()
                    + s.commands.iter().map(String::len).sum::<usize>()
            })
            .unwrap();
        tmux.keys(&["g"]);
        for _ in 0..pos {
            tmux.keys(&["j"]);
        }
        tmux.keys(&["Enter"]);
        tmux.wait_for("Which account is this incident about?");
        tmux.keys(&["Escape"]);
        std::thread::sleep(Duration::from_millis(300));
        tmux.keys(&["g"]);
        for _ in 0..idx {
            tmux.keys(&["j"]);
        }
        tmux.wait_for(&format!(" {} ", idx + 1));
        let want = last_words_of(step);
        let mut seen = flat(&tmux.screen()).contains(&want);
        for _ in 0..15 {
            if seen {
                break;
            }
            let s = tmux.screen();
            assert!(s.contains("more: PgDn"), "{}: no more marker:\n{s}", pb.id);
            tmux.keys(&["PageDown"]);
            seen = flat(&tmux.screen()).contains(&want);
        }
        assert!(
            seen,
            "{}/{}: {want:?} never came into view:\n{}",
            pb.id,
            step.id,
            tmux.screen()
        );
        tmux.keys(&["Escape"]);
        std::thread::sleep(Duration::from_millis(300));
        tmux.wait_for("My account is locked");
    }

    // The note: every word visible while typed, at 80x24.
    let pos = books.iter().position(|p| p.id == "account-locked").unwrap();
    tmux.keys(&["g"]);
    for _ in 0..pos {
        tmux.keys(&["j"]);
    }
    tmux.keys(&["Enter"]);
    tmux.wait_for("Which account is this incident about?");
    tmux.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["g", "Space"]);
    tmux.wait_for("Enter save");
    let chunks = [
        "The site said: your account has been",
        "temporarily locked because of too many",
        "failed sign-in attempts. It happened at",
        "09:12 on my phone, right after I changed",
        "the SIM card; the third wrong password",
        "was typed by my son who borrowed it",
    ];
    let mut note = String::new();
    for c in chunks {
        if !note.is_empty() {
            note.push(' ');
            tmux.type_text(" ");
        }
        tmux.type_text(c);
        note.push_str(c);
        let s = tmux.screen();
        let f = flat(&s);
        let tail: String = c.split_whitespace().last().unwrap().to_owned();
        assert!(
            f.contains(c) || f.contains(&tail),
            "{c:?} not visible:\n{s}"
        );
        assert!(s.contains('▏'), "no cursor:\n{s}");
    }
    let s = tmux.screen();
    assert!(flat(&s).contains(chunks[chunks.len() - 1]), "{s}");

    // Leave it: the idle lock saves the note, then locks.
    let s = tmux.wait_for("Passphrase:");
    assert!(flat(&s).contains("unfinished note was saved"), "{s}");
    tmux.type_text(PASSPHRASE);
    tmux.keys(&["Enter"]);
    let s = tmux.wait_for("Write down the lock message");
    assert!(s.contains("›[>]  1."), "back on step 1:\n{s}");
    assert!(flat(&s).contains("Note: The site said"), "{s}");
    tmux.keys(&["q"]);
    std::thread::sleep(Duration::from_millis(500));

    let v = Vault::open(&vault, &Unlock::Passphrase(SecretString::from(PASSPHRASE))).unwrap();
    let rec = v
        .payload()
        .playbooks
        .run("account-locked")
        .and_then(|r| r.record("write-down-message").cloned())
        .expect("the note was saved");
    assert_eq!(rec.note.as_deref(), Some(note.as_str()));
    assert!(rec.done_at.is_none(), "kept as a note, not ticked");
}

/// Forgot passphrase at 80x24 with two trustee shares, one word of the
/// second typed wrong: the error names the word, every other word stays,
/// and fixing that one word where the cursor already is opens the vault.
#[test]
fn a_share_with_one_wrong_word_is_fixed_by_editing_that_word() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let vault = make_vault(dir.path());
    let out = Command::new(BIN)
        .args([
            "--vault",
            "vault.age",
            "split",
            "--threshold",
            "2",
            "--shares",
            "3",
        ])
        .args(["--passphrase-fd", "0"])
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .stdin(std::fs::File::open(dir.path().join("pass")).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let shares: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.split_whitespace().count() >= 20)
        .map(str::to_owned)
        .collect();
    assert_eq!(shares.len(), 3, "{shares:?}");
    let mut words: Vec<&str> = shares[1].split_whitespace().collect();
    let right = words[6];
    let wrong = if right == "academic" {
        "acid"
    } else {
        "academic"
    };
    words[6] = wrong;

    let tmux = Tmux::start(80, 24);
    launch(&tmux, dir.path());
    tmux.keys(&["C-r"]);
    tmux.wait_for("Forgot the passphrase");
    tmux.type_text(&shares[0]);
    tmux.keys(&["Enter"]);
    tmux.type_text(&words.join(" "));
    let last = words[words.len() - 1];
    tmux.wait_until("the second share typed", |s| {
        flat(s).contains(&format!("{last} ({} words)", words.len()))
    });
    tmux.keys(&["Enter"]);
    tmux.keys(&["Enter"]);
    let s = tmux.wait_for("checksum fails");
    let f = flat(&s);
    assert!(
        f.contains(&format!("word 7 \"{wrong}\" is probably \"{right}\"")),
        "{s}"
    );
    // Nothing typed was lost: the last words of both shares are still there.
    for share in [&shares[0], &shares[1]] {
        let last = share.split_whitespace().last().unwrap();
        assert!(f.contains(last), "{last} lost:\n{s}");
    }
    // The cursor is on the wrong word: erase it and type the right one.
    for _ in 0..wrong.len() {
        tmux.keys(&["BSpace"]);
    }
    tmux.type_text(right);
    tmux.keys(&["C-s"]);
    tmux.wait_for("Choose a new passphrase");
    let new_pass = "a brand new lifeboat passphrase 7";
    tmux.type_text(new_pass);
    tmux.keys(&["Tab"]);
    tmux.type_text(new_pass);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Test wallet");
    tmux.keys(&["q"]);
    std::thread::sleep(Duration::from_millis(500));
    Vault::open(&vault, &Unlock::Passphrase(SecretString::from(new_pass)))
        .expect("the new passphrase opens the vault");
}

/// The Tools tab at 80x24 makes a backup into a typed folder, and the
/// command line's `verify` accepts it.
#[test]
fn the_tools_tab_makes_a_backup_that_verify_accepts() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    make_vault(dir.path());
    let tmux = Tmux::start(80, 24);
    launch(&tmux, dir.path());
    tmux.type_text(PASSPHRASE);
    tmux.keys(&["Enter"]);
    tmux.wait_for("2 of 2");
    tmux.keys(&["Tab"]);
    tmux.wait_for("My account is locked");
    tmux.keys(&["Tab"]);
    tmux.wait_for("Make a backup");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Folder (a USB stick");
    tmux.keys(&["C-u"]);
    let folder = dir.path().join("usb-stick");
    tmux.type_text(&folder.display().to_string());
    tmux.keys(&["Enter"]);
    tmux.wait_for("Backup written and verified");
    tmux.keys(&["q"]);
    std::thread::sleep(Duration::from_millis(500));
    let backup = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "age"))
        .expect("a backup file");
    let out = Command::new(BIN)
        .args(["--vault", "vault.age", "--passphrase-fd", "0", "verify"])
        .arg(&backup)
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .stdin(std::fs::File::open(dir.path().join("pass")).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success(), "verify refused it: {out:?}");
}

/// On a terminal, a wrong passphrase is asked again (three tries in all);
/// from a descriptor it fails at once with exit 3, as before.
#[test]
fn a_wrong_passphrase_on_a_terminal_is_asked_again() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    make_vault(dir.path());
    let tmux = Tmux::start(80, 24);
    tmux.type_text(&format!(
        "cd '{}' && HOME='{}' '{BIN}' --vault vault.age list; echo EXIT=$?",
        dir.path().display(),
        dir.path().display()
    ));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Vault passphrase:");
    tmux.type_text("not it");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Try again (2 tries left");
    tmux.type_text(PASSPHRASE);
    tmux.keys(&["Enter"]);
    let s = tmux.wait_for("EXIT=");
    assert!(s.contains("EXIT=0"), "{s}");
    assert!(s.contains("Test wallet"), "{s}");
    // Three wrong tries: exit 3.
    tmux.type_text(&format!("'{BIN}' --vault vault.age list; echo CODE=$?"));
    tmux.keys(&["Enter"]);
    for left in ["2 tries", "1 try"] {
        tmux.wait_for("Vault passphrase:");
        tmux.type_text("wrong again");
        tmux.keys(&["Enter"]);
        tmux.wait_for(left);
    }
    tmux.type_text("wrong again");
    tmux.keys(&["Enter"]);
    let s = tmux.wait_for("CODE=");
    assert!(s.contains("CODE=3"), "{s}");
    // A script's descriptor: no second chance.
    std::fs::write(dir.path().join("bad"), "nope\n").unwrap();
    let out = Command::new(BIN)
        .args(["--vault", "vault.age", "--passphrase-fd", "0", "list"])
        .current_dir(dir.path())
        .stdin(std::fs::File::open(dir.path().join("bad")).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Try again"));
}

/// `passwd` on a terminal: a weak new passphrase is refused and asked
/// again, then a strong one is set.
#[test]
fn a_weak_new_passphrase_on_a_terminal_is_asked_again() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let vault = make_vault(dir.path());
    let tmux = Tmux::start(80, 24);
    tmux.type_text(&format!(
        "cd '{}' && HOME='{}' '{BIN}' --vault vault.age passwd --passphrase-fd 3 3<pass; echo EXIT=$?",
        dir.path().display(),
        dir.path().display()
    ));
    tmux.keys(&["Enter"]);
    tmux.wait_for("New passphrase");
    tmux.type_text("short");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Choose another (2 tries left");
    let strong = "seven lanterns drift over quiet harbours";
    tmux.type_text(strong);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Repeat the new passphrase");
    tmux.type_text(strong);
    tmux.keys(&["Enter"]);
    let s = tmux.wait_for("EXIT=");
    assert!(s.contains("EXIT=0"), "{s}");
    Vault::open(&vault, &Unlock::Passphrase(SecretString::from(strong)))
        .expect("the new passphrase opens the vault");
}

/// `add seed` on a terminal: a phrase whose checksum fails is asked again;
/// the right one is then stored.
#[test]
fn a_seed_with_a_bad_checksum_on_a_terminal_is_asked_again() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let vault = make_vault(dir.path());
    let tmux = Tmux::start(80, 24);
    tmux.type_text(&format!(
        "cd '{}' && HOME='{}' '{BIN}' --vault vault.age add seed Typed --passphrase-fd 3 3<pass; echo EXIT=$?",
        dir.path().display(),
        dir.path().display()
    ));
    tmux.keys(&["Enter"]);
    tmux.wait_for(":");
    std::thread::sleep(Duration::from_millis(300));
    // "abandon" x12 fails the BIP39 checksum.
    tmux.type_text(&["abandon"; 12].join(" "));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Type it again (2 tries left");
    tmux.type_text(WORDS);
    tmux.keys(&["Enter"]);
    let s = tmux.wait_for("EXIT=");
    assert!(s.contains("EXIT=0"), "{s}");
    assert!(!s.contains("abandon"), "the phrase was not echoed:\n{s}");
    let v = Vault::open(&vault, &Unlock::Passphrase(SecretString::from(PASSPHRASE))).unwrap();
    let i = v.find("Typed").expect("stored");
    match &v.payload().items[i].secret {
        Secret::Seed { words, .. } => assert_eq!(words.expose(), WORDS),
        other => panic!("{other:?}"),
    }
}

/// The Tools tab at 80x24 splits the recovery key into share files, and
/// the command line's `recover --shares` opens the vault with two of them;
/// then it changes the passphrase (the current one asked again, a wrong
/// one refused first) and only the new passphrase opens the vault.
#[test]
fn the_tools_tab_splits_the_key_and_changes_the_passphrase() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pass"), format!("{PASSPHRASE}\n")).unwrap();
    // At the KDF floor, so the change keeps the settings (and stays quick).
    sh(
        dir.path(),
        &format!(
            "'{BIN}' --vault vault.age init --kdf-memory 19 --kdf-time 2 --kdf-parallelism 1 \
             --allow-weak-passphrase --recovery-key-out key.txt --passphrase-fd 3 3<pass"
        ),
        "",
    );
    let vault = dir.path().join("vault.age");
    let tmux = Tmux::start(80, 24);
    launch(&tmux, dir.path());
    tmux.type_text(PASSPHRASE);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Playbooks");
    tmux.keys(&["Tab"]);
    tmux.keys(&["Tab"]);
    tmux.wait_for("Split the key");
    tmux.keys(&["j", "j", "j", "Enter"]);
    tmux.wait_for("rebuild the key");
    tmux.keys(&["C-u"]);
    tmux.type_text("2 of 3");
    tmux.keys(&["Enter"]);
    tmux.wait_for("share files");
    tmux.keys(&["C-u"]);
    let folder = dir.path().join("trustees");
    tmux.type_text(&folder.display().to_string());
    tmux.keys(&["Enter"]);
    tmux.wait_for("share files written");
    // Two of the three shares, as the command line reads them.
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 3, "{files:?}");
    let two = format!(
        "{}{}",
        std::fs::read_to_string(&files[0]).unwrap(),
        std::fs::read_to_string(&files[2]).unwrap()
    );
    std::fs::write(dir.path().join("two-shares.txt"), two).unwrap();

    // Change the passphrase: a wrong current one first.
    let new_pass = "violet harbour tractor sings 1987";
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("Old passphrase:");
    tmux.type_text("not my passphrase at all");
    tmux.keys(&["Tab"]);
    tmux.type_text(new_pass);
    tmux.keys(&["Tab"]);
    tmux.type_text(new_pass);
    tmux.keys(&["Enter"]);
    let s = tmux.wait_until("the refusal", |s| {
        flat(s).contains("current passphrase is wrong")
    });
    assert!(!s.contains(new_pass) && !s.contains(PASSPHRASE), "{s}");
    Vault::open(&vault, &Unlock::Passphrase(SecretString::from(PASSPHRASE)))
        .expect("unchanged after the refusal");
    // The cursor is back on the current passphrase; the new one is kept.
    tmux.type_text(PASSPHRASE);
    tmux.keys(&["Enter"]);
    tmux.keys(&["Enter"]);
    tmux.keys(&["Enter"]);
    tmux.wait_until("the change", |s| {
        flat(s).contains("Passphrase changed and saved")
    });
    tmux.keys(&["q"]);
    std::thread::sleep(Duration::from_millis(500));
    Vault::open(&vault, &Unlock::Passphrase(SecretString::from(new_pass)))
        .expect("the new passphrase opens the vault");
    assert!(Vault::open(&vault, &Unlock::Passphrase(SecretString::from(PASSPHRASE))).is_err());

    // The command line rebuilds the key from the TUI's shares.
    std::fs::write(
        dir.path().join("newpass"),
        "pelican quarry violin 2024 tundra\n",
    )
    .unwrap();
    sh(
        dir.path(),
        &format!(
            "'{BIN}' --vault vault.age recover --shares two-shares.txt --new-passphrase-fd 3 3<newpass"
        ),
        "",
    );
    Vault::open(
        &vault,
        &Unlock::Passphrase(SecretString::from("pelican quarry violin 2024 tundra")),
    )
    .expect("the shares opened the vault for recover");
}

/// The decrypted payload of a vault file, opened with the recovery key
/// file `init` wrote, as stock `age -d -i key.txt` would.
fn decrypted(dir: &Path, file: &Path) -> Vec<u8> {
    let key = std::fs::read_to_string(dir.join("key.txt")).unwrap();
    let line = key
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-1"))
        .expect("the recovery key");
    let id: age::x25519::Identity = line.parse().unwrap();
    age::decrypt(&id, &std::fs::read(file).unwrap()).unwrap()
}

fn holds_words(dir: &Path, file: &Path) -> bool {
    let plain = decrypted(dir, file);
    plain.windows(WORDS.len()).any(|w| w == WORDS.as_bytes())
}

// The attack first: a seed removed on the command line is still inside the
// decrypted vault; the real binary's Tools › Erase removed items, at
// 80x24, lists it, asks, and erases it from the vault and `.prev`.
#[test]
fn the_tools_tab_erases_a_removed_seed_for_good() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let vault = make_vault(dir.path());
    sh(
        dir.path(),
        &format!("'{BIN}' --vault vault.age rm 'Test wallet' --yes --passphrase-fd 3 3<pass"),
        "",
    );
    assert!(
        holds_words(dir.path(), &vault),
        "rm erased the seed already"
    );
    let tmux = Tmux::start(80, 24);
    launch(&tmux, dir.path());
    tmux.type_text(PASSPHRASE);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Unrelated note");
    tmux.keys(&["Tab"]);
    tmux.keys(&["Tab"]);
    tmux.wait_for("Erase removed items");
    tmux.keys(&["G", "k", "Enter"]);
    let s = tmux.wait_for("Test wallet");
    assert!(flat(&s).contains("seed"), "{s}");
    tmux.keys(&["Enter"]);
    tmux.wait_until("the question", |s| {
        flat(s).contains("Erase the values of \"Test wallet\" for good?")
    });
    // n keeps them.
    let before = std::fs::read(&vault).unwrap();
    tmux.keys(&["n"]);
    tmux.wait_for("Enter erase the chosen one");
    assert_eq!(std::fs::read(&vault).unwrap(), before);
    tmux.keys(&["Enter"]);
    tmux.wait_for("for good?");
    tmux.keys(&["y"]);
    tmux.wait_until("the erase", |s| {
        flat(s).contains("Erased the values of 1 removed item for good")
    });
    tmux.keys(&["q"]);
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        !holds_words(dir.path(), &vault),
        "the seed is still in the vault"
    );
    assert!(
        !holds_words(dir.path(), &dir.path().join("vault.age.prev")),
        "the seed is still in .prev"
    );
    // The vault still opens, with the note and without the wallet.
    let v = Vault::open(&vault, &Unlock::Passphrase(SecretString::from(PASSPHRASE))).unwrap();
    let names: Vec<&str> = v.payload().items.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, vec!["Unrelated note"]);
    assert_eq!(v.payload().sync.tombstones.len(), 1);
}
