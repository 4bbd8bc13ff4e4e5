//! A Chinese user's first bad day, end to end, in a real terminal (tmux,
//! 80x24): with only `LANG=zh_CN.UTF-8` set (no `LIFEBOAT_LANG`, no
//! `LC_ALL`, no config file), start the TUI with no vault, create one
//! (passphrase twice, recovery key read off the screen and four of its
//! characters typed back), add a Chinese BIP39 seed typed without spaces,
//! walk the `account-locked` playbook (账户被锁定) to the end and write the
//! report. Every screen on the way is Chinese (its headings and hints come
//! from the zh-CN catalogues, and no English sentence of the TUI's English
//! catalogue shows); the seed is stored in its canonical form (checked with
//! `lifeboat show`, the passphrase on a file descriptor, never in argv);
//! the report is Chinese. The phrase comes from the reference
//! implementation (python `mnemonic`). tmux or the oracle venv missing
//! fails under `CI=true`.

mod common;
mod zh_check;

use std::path::Path;
use std::time::Duration;

use common::tmux::Tmux;
use lifeboat::i18n::{message_in, FluentArgs, CATALOGUES};
use lifeboat::lang::Lang;

const BIN: &str = env!("CARGO_BIN_EXE_lifeboat");
const PASSPHRASE: &str = "绿色 海边 灯塔 2026 lifeboat";
const NOTE: &str = "09:12 连续输错三次密码后被锁定";

/// A message of the Chinese catalogue, with `args` (name, value) pairs.
fn zh(id: &str, args: &[(&str, &str)]) -> String {
    let mut a = FluentArgs::new();
    for (k, v) in args {
        a.set(*k, v.to_string());
    }
    let text = message_in(Lang::ZhCn, id, Some(&a));
    assert_ne!(text, id, "{id} is not in the catalogue");
    text.trim().to_owned()
}

/// The start of a message, up to its first placeholder value: what fits
/// on one screen line and can be searched for.
fn zh_start(id: &str, args: &[(&str, &str)], chars: usize) -> String {
    zh(id, args).chars().take(chars).collect()
}

/// Every sentence of the TUI's English catalogue (four words or more, the
/// variables cut out): none may show on a Chinese screen.
fn english_tui_sentences() -> Vec<String> {
    let tui = CATALOGUES
        .iter()
        .find(|c| c.file == "tui.ftl")
        .expect("the TUI catalogue");
    let mut out = Vec::new();
    for line in tui.en.lines() {
        let Some((id, _)) = line.split_once(" =") else {
            continue;
        };
        if id.is_empty() || id.starts_with([' ', '#']) {
            continue;
        }
        let text = message_in(Lang::En, id, None);
        // Unfilled variables come back as `{$name}`: cut there.
        for piece in text.split(['{', '}', '\n']) {
            let piece = piece.trim();
            if piece.split(' ').filter(|w| !w.is_empty()).count() >= 4 {
                out.push(piece.to_owned());
            }
        }
    }
    assert!(out.len() > 50, "{} English sentences", out.len());
    out
}

/// The screen is Chinese: it holds Chinese, and no English TUI sentence.
#[track_caller]
fn chinese_screen(what: &str, screen: &str, english: &[String]) {
    assert!(zh_check::has_cjk(screen), "{what}: no Chinese:\n{screen}");
    // Wrapped lines are joined, so a sentence over two lines is found too.
    let flat = screen
        .replace(['│', '┃', '─', '┌', '┐', '└', '┘'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for s in english {
        assert!(
            !flat.contains(s.as_str()),
            "{what}: English {s:?} on the screen:\n{screen}"
        );
    }
}

/// The 1-based positions in tui-confirm-ask ("输入第 A-B 个和第 C-D 个字符").
fn asked_positions(screen: &str) -> (usize, usize) {
    let flat: String = screen.split_whitespace().collect();
    let at = flat.find("输入第").expect("the question");
    let nums: Vec<usize> = flat[at..]
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .take(4)
        .map(|t| t.parse().unwrap())
        .collect();
    assert_eq!(nums.len(), 4, "{flat}");
    assert_eq!(nums[1], nums[0] + 1, "{flat}");
    assert_eq!(nums[3], nums[2] + 1, "{flat}");
    (nums[0], nums[2])
}

/// A Chinese (simplified) BIP39 phrase from the reference implementation,
/// words separated by spaces as it writes them.
fn reference_phrase() -> Option<String> {
    let py = common::oracle_python()?;
    let out = common::run_python(
        &py,
        "from mnemonic import Mnemonic\n\
         print(Mnemonic('chinese_simplified').to_mnemonic(bytes.fromhex('9e885d952ad362caeb4efe34a8e91bd2')))",
        "",
    );
    let phrase = out.trim().to_owned();
    assert_eq!(phrase.split(' ').count(), 12, "{phrase}");
    Some(phrase)
}

/// The shell command that starts the TUI as a Chinese user would: only
/// `LANG` names a language, HOME and the config live in `dir`.
fn start_command(dir: &Path) -> String {
    let d = dir.display();
    format!(
        "cd '{d}' && env -u LC_ALL -u LC_MESSAGES -u LC_CTYPE -u LIFEBOAT_LANG -u LIFEBOAT_VAULT \
         LANG=zh_CN.UTF-8 HOME='{d}' XDG_CONFIG_HOME='{d}/config' XDG_DATA_HOME='{d}/data' \
         LIFEBOAT_CONFIG='{d}/config/lifeboat/config.toml' '{BIN}' --vault vault.age"
    )
}

#[test]
fn a_chinese_user_creates_a_vault_adds_a_seed_and_walks_account_locked() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let Some(phrase) = reference_phrase() else {
        return;
    };
    let typed: String = phrase.split(' ').collect();
    assert!(!typed.contains(' '));
    let english = english_tui_sentences();
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault.age");
    let tmux = Tmux::start(80, 24);
    tmux.type_text(&start_command(dir.path()));
    tmux.keys(&["Enter"]);

    // 1. No vault: the create screen, in Chinese. The passphrase twice.
    let s = tmux.wait_for(&zh("tui-create-title", &[]));
    chinese_screen("create", &s, &english);
    tmux.type_text(PASSPHRASE);
    tmux.wait_for(&zh("tui-policy-ok", &[]));
    tmux.keys(&["Enter"]);
    tmux.type_text(PASSPHRASE);
    tmux.keys(&["Enter"]);
    let s = tmux.wait_for("AGE-SECRET-KEY-1");
    chinese_screen("recovery key", &s, &english);
    let key = s
        .split_whitespace()
        .find(|w| w.starts_with("AGE-SECRET-KEY-1"))
        .unwrap()
        .to_owned();
    assert_eq!(key.len(), 74, "{key}");
    tmux.keys(&["Enter"]);
    let s = tmux.wait_for(&zh("tui-confirm-title", &[]));
    chinese_screen("confirm the key", &s, &english);
    let (a, b) = asked_positions(&s);
    // A wrong answer first: refused in Chinese, asked again.
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
    tmux.wait_for(&zh_start("tui-confirm-wrong", &[], 8));
    tmux.type_text(&format!("{}{}", &key[a - 1..a + 1], &key[b - 1..b + 1]));
    tmux.keys(&["Enter"]);
    // The new vault opens on Tools, offering the first backup.
    let s = tmux.wait_for(&zh_start("tui-first-run-tools", &[], 8));
    chinese_screen("first run tools", &s, &english);
    assert!(vault.exists());
    tmux.keys(&["Tab"]);
    let s = tmux.wait_for(&zh_start("tui-empty-vault", &[], 6));
    chinese_screen("empty vault", &s, &english);

    // 2. A Chinese seed typed without spaces through the add form.
    tmux.keys(&["a"]);
    let s = tmux.wait_for(&zh("tui-form-add", &[]));
    chinese_screen("add form", &s, &english);
    tmux.keys(&["Enter"]); // Kind (seed) -> Name
    tmux.type_text("我的钱包");
    tmux.keys(&["Enter"]); // -> Account
    tmux.type_text("imToken");
    tmux.keys(&["Enter"]); // -> Tags
    tmux.keys(&["Enter"]); // -> Scheme
    tmux.keys(&["Enter"]); // Scheme (BIP39) -> Secret
    tmux.type_text(&typed);
    let s = tmux.wait_for(&zh("tui-words-typed", &[("n", "12")]));
    assert!(!s.contains(&typed[..9]), "the seed field is masked:\n{s}");
    chinese_screen("seed typed", &s, &english);
    tmux.keys(&["C-s"]);
    let s = tmux.wait_for(&zh("tui-added", &[("name", "我的钱包")]));
    chinese_screen("seed added", &s, &english);

    // 3. account-locked (账户被锁定), along the "reset worked" branch.
    let pbs = lifeboat::playbook::builtin::all(Lang::ZhCn);
    let pos = pbs.iter().position(|p| p.id == "account-locked").unwrap();
    let pb = &pbs[pos];
    assert_eq!(pb.title, "账户被锁定");
    let title = |id: &str| pb.step(id).unwrap().title.clone();
    tmux.keys(&["Tab"]);
    let s = tmux.wait_for(&pb.title);
    chinese_screen("playbooks", &s, &english);
    for _ in 0..pos {
        tmux.keys(&["j"]);
    }
    tmux.keys(&["Enter"]);
    let s = tmux.wait_for(&zh("tui-account-title", &[]));
    chinese_screen("which account", &s, &english);
    tmux.keys(&["Enter"]); // any account
    let s = tmux.wait_for(&title("write-down-message"));
    chinese_screen("runner", &s, &english);
    let done = |n: usize| {
        let want = zh(
            "tui-runner-progress",
            &[("done", &n.to_string()), ("total", "9")],
        );
        move |s: &str| s.contains(&want)
    };
    // A note step: Space opens the note, Enter saves it and ticks the step.
    let prompt: String = pb
        .step("write-down-message")
        .unwrap()
        .prompt
        .clone()
        .expect("a note step asks for its note")
        .chars()
        .take(6)
        .collect();
    tmux.keys(&["Space"]);
    tmux.wait_for(&prompt);
    tmux.type_text(NOTE);
    tmux.keys(&["Enter"]);
    tmux.wait_until("1 step done", done(1));
    tmux.keys(&["Space"]); // check-official-notice
    tmux.wait_until("2 steps done", done(2));
    let s = tmux.wait_for(&title("caused-lock"));
    chinese_screen("a question", &s, &english);
    tmux.keys(&["1"]); // yes: wrong passwords
    tmux.wait_until("3 steps done", done(3));
    tmux.keys(&["Space"]); // forgot-password
    tmux.wait_until("4 steps done", done(4));
    tmux.wait_for(&title("reset-worked"));
    tmux.keys(&["1"]); // yes
    tmux.wait_until("5 steps done", done(5));
    for n in 6..=8 {
        tmux.keys(&["Space"]);
        let s = tmux.wait_until("steps done", done(n));
        chinese_screen(&format!("step {n}"), &s, &english);
    }
    tmux.keys(&["Space"]);
    let s = tmux.wait_for(&zh_start("tui-run-complete", &[], 8));
    chinese_screen("all done", &s, &english);
    tmux.keys(&["w"]);
    let s = tmux.wait_for(&zh_start("tui-report-written", &[("path", "")], 5));
    chinese_screen("report written", &s, &english);
    tmux.keys(&["q"]);
    std::thread::sleep(Duration::from_millis(500));
    tmux.keys(&["echo", "shell-is-back", "Enter"]);
    tmux.wait_for("shell-is-back");
    let all = tmux.history();
    for secret in [typed.as_str(), &phrase, key.as_str(), PASSPHRASE] {
        assert!(!all.contains(secret), "{secret:?} left behind:\n{all}");
    }

    // 4. The report: Chinese headings (the playbook's own words), the note
    // as written, no English heading.
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
    let text = std::fs::read_to_string(&report).unwrap();
    let zh_words = lifeboat::playbook::strings::for_lang(Lang::ZhCn);
    let en_words = lifeboat::playbook::strings::for_lang(Lang::En);
    assert!(
        text.starts_with(&format!("# {}: {}", zh_words.report_title, pb.title)),
        "{text}"
    );
    for heading in [
        &zh_words.timeline,
        &zh_words.decisions,
        &zh_words.support_asks,
    ] {
        assert!(
            text.contains(&format!("## {heading}")),
            "{heading}:\n{text}"
        );
    }
    for heading in [
        &en_words.report_title,
        &en_words.timeline,
        &en_words.decisions,
        &en_words.support_asks,
    ] {
        assert!(
            !text.contains(heading.as_str()),
            "English {heading:?}:\n{text}"
        );
    }
    assert!(text.contains(NOTE), "{text}");
    assert!(text.contains(&title("caused-lock")), "{text}");
    assert!(text.contains("年") && text.contains("(UTC"), "{text}");
    assert!(!text.contains(&typed) && !text.contains(&phrase));

    // 5. The seed, stored canonically: the reference phrase with single
    // spaces, its language detected. The passphrase goes on descriptor 3.
    std::fs::write(dir.path().join("pass"), format!("{PASSPHRASE}\n")).unwrap();
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "'{BIN}' --vault vault.age --json show 我的钱包 --reveal --passphrase-fd 3 3<pass"
        ))
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .env(
            "LIFEBOAT_CONFIG",
            dir.path().join("config/lifeboat/config.toml"),
        )
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["kind"], "seed");
    assert_eq!(v["account"], "imToken");
    assert_eq!(v["secret"]["scheme"], "bip39");
    assert_eq!(v["secret"]["words"], phrase.as_str());
    assert_eq!(v["secret"]["language"], "chinese_simplified");
}
