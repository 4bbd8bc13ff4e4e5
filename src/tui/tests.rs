//! Unit tests of the pure core (`map_key`, `update`) and snapshot tests of
//! every screen rendered into a `TestBackend` at 80x24 and 120x40, with a
//! fixed clock and fixed data.

use std::path::PathBuf;

use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Terminal;
use time::macros::datetime;
use time::OffsetDateTime;

use super::app::*;
use super::demo;
use super::keys::map_key;
use super::text;
use super::theme::Theme;
use crate::item::{Item, ItemKind, Secret};
use crate::secret::SecretString;
use crate::vault::crypto::KdfParams;
use crate::vault::{Vault, VaultError};

const NOW: OffsetDateTime = datetime!(2024-05-01 10:00:00 UTC);
const FAKE_KEY: &str = "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ";

fn fast() -> KdfParams {
    KdfParams {
        m_kib: 8 * 1024,
        t: 1,
        p: 1,
    }
}

fn shown_path() -> PathBuf {
    PathBuf::from("/home/ada/.local/share/lifeboat/vault.age")
}

/// A vault on disk (small KDF) holding the demo items and a playbook run,
/// all stamped with the fixed clock.
fn vault_in(dir: &tempfile::TempDir) -> Vault {
    let pbs = crate::playbook::builtin::all(crate::i18n::lang());
    let mut v = Vault::create(
        &dir.path().join(crate::item::new_id()).join("vault.age"),
        &SecretString::from("a long test passphrase"),
        fast(),
    )
    .unwrap();
    v.release_lock();
    demo::fill(&mut v, &pbs, NOW);
    v
}

fn locked_app(exists: bool) -> App {
    App::new(
        shown_path(),
        exists,
        crate::playbook::builtin::all(crate::i18n::lang()),
        Theme { color: false },
        NOW,
    )
}

fn unlocked_app(dir: &tempfile::TempDir) -> App {
    let mut app = locked_app(true);
    app.enter_session(vault_in(dir));
    app
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Sends keys through `map_key` and `update`, like the runtime does.
fn press(app: &mut App, keys: &[KeyEvent]) -> Vec<Effect> {
    let mut fx = Vec::new();
    for k in keys {
        if let Some(m) = map_key(app, *k) {
            fx.extend(update(app, m));
        }
    }
    fx
}

fn type_text(app: &mut App, s: &str) -> Vec<Effect> {
    let keys: Vec<KeyEvent> = s.chars().map(ch).collect();
    press(app, &keys)
}

fn session(app: &App) -> &Session {
    app.session().expect("unlocked")
}

fn detail(app: &App) -> &DetailState {
    match session(app).pages.last() {
        Some(Page::Detail(d)) => d,
        other => panic!("not on a detail page: {other:?}"),
    }
}

fn open_item(app: &mut App, query: &str) {
    press(app, &[ch('/')]);
    type_text(app, query);
    press(app, &[key(KeyCode::Enter)]);
}

fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    t
}

fn screen_text(app: &App, w: u16, h: u16) -> String {
    render(app, w, h).backend().to_string()
}

/// Snapshots a screen: in English at both sizes; when the test runs with
/// the interface in Simplified Chinese, at 80x24 as `zh_{name}`, after
/// checking that no English sentence of the TUI's catalogue is left on it.
fn snap(app: &App, name: &str) {
    if crate::i18n::lang() == crate::lang::Lang::ZhCn {
        let t = render(app, 80, 24);
        assert_no_english(&t, name);
        insta::assert_snapshot!(format!("zh_{name}_80x24"), t.backend());
        return;
    }
    snap_both_sizes(app, name);
}

/// Snapshots a screen at 80x24 and 120x40 in the current language.
fn snap_both_sizes(app: &App, name: &str) {
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let t = render(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
    }
}

/// What a test looks for on a screen: `en` when the interface is in
/// English, `zh` when it is in Chinese.
fn say<'a>(en: &'a str, zh: &'a str) -> &'a str {
    if crate::i18n::lang() == crate::lang::Lang::ZhCn {
        zh
    } else {
        en
    }
}

/// Runs a snapshot test in English, then again with the interface in
/// Simplified Chinese (the same keys, the same data), so every screen has
/// a Chinese snapshot and a string left out of the catalogue shows up.
fn in_both_languages(test: impl Fn()) {
    {
        let _en = crate::i18n::scoped(crate::lang::Lang::En);
        test();
    }
    let _zh = crate::i18n::scoped(crate::lang::Lang::ZhCn);
    test();
}

/// The fixed parts of every English message of `tui.ftl` (the text between
/// its variables) long enough to be a sentence rather than a word, and that
/// the Chinese message does not itself keep (a command, a key's format).
fn english_sentences() -> Vec<String> {
    // The TUI's own catalogue, the sync page's, and the folder warnings the
    // vault's code words for the unlock screen.
    let en = [
        include_str!("../../i18n/en/tui.ftl"),
        include_str!("../../i18n/en/sync.ftl"),
        include_str!("../../i18n/en/errors.ftl"),
    ]
    .concat();
    let mut out = Vec::new();
    for line in en.lines() {
        let Some((id, _)) = line.split_once(" = ") else {
            continue;
        };
        if !(id.starts_with("tui-") || id.starts_with("sync-") || id.starts_with("vault-folder-")) {
            continue;
        }
        let english = crate::i18n::message_in(crate::lang::Lang::En, id, None);
        let chinese = crate::i18n::message_in(crate::lang::Lang::ZhCn, id, None);
        // Variables without arguments format as `{$name}`: split there.
        for part in english.split(['{', '}']) {
            for row in part.lines() {
                let row = row.trim();
                if row.chars().count() > 12 && !row.starts_with('$') && !chinese.contains(row) {
                    out.push(row.to_owned());
                }
            }
        }
    }
    out
}

/// A rendered screen without the notes the test backend appends to rows
/// holding wide characters (`Hidden by multi-width symbols: [...]`), so a
/// sentence wrapped after such a row reads on.
fn without_width_notes(screen: &str) -> String {
    screen
        .lines()
        .map(|l| {
            l.split_once("\" Hidden by multi-width")
                .map_or(l, |(row, _)| row)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Fails when an English sentence of the TUI's catalogue is on a screen
/// drawn in Chinese (a literal that bypasses the catalogue), or an English
/// kind badge.
fn assert_no_english(t: &Terminal<TestBackend>, name: &str) {
    let flat = without_width_notes(&t.backend().to_string())
        .replace(['│', '┃', '"'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for kind in crate::item::ItemKind::ALL {
        let badge = crate::i18n::message_in(
            crate::lang::Lang::En,
            "tui-kind-badge",
            Some(&{
                let mut a = crate::i18n::FluentArgs::new();
                a.set("kind", kind.as_str());
                a
            }),
        );
        assert!(
            !flat.split_whitespace().any(|w| w == badge),
            "{name}: the English badge {badge} on a Chinese screen\n{}",
            t.backend()
        );
    }
    for s in english_sentences() {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            !flat.contains(&s),
            "{name}: English left on a Chinese screen: {s:?}\n{}",
            t.backend()
        );
    }
}

// ---- map_key ---------------------------------------------------------

#[test]
fn letters_are_text_in_fields_and_commands_in_lists() {
    let app = locked_app(true);
    assert!(matches!(map_key(&app, ch('q')), Some(Message::Input(s)) if s == "q"));
    assert!(matches!(
        map_key(&app, key(KeyCode::Esc)),
        Some(Message::Back)
    ));
    assert!(matches!(map_key(&app, ctrl('r')), Some(Message::Forgot)));
    assert!(matches!(map_key(&app, ctrl('c')), Some(Message::Quit)));

    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    assert!(matches!(map_key(&app, ch('q')), Some(Message::Quit)));
    assert!(matches!(map_key(&app, ch('/')), Some(Message::StartSearch)));
    assert!(matches!(
        map_key(&app, key(KeyCode::Tab)),
        Some(Message::SwitchTab)
    ));
    assert!(matches!(map_key(&app, ch('j')), Some(Message::Down)));
    assert!(matches!(map_key(&app, ch('?')), Some(Message::Help)));
    press(&mut app, &[ch('/')]);
    assert!(matches!(map_key(&app, ch('q')), Some(Message::Input(s)) if s == "q"));
    let mut release = ch('x');
    release.kind = KeyEventKind::Release;
    assert!(map_key(&app, release).is_none());
}

#[test]
fn runner_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    press(&mut app, &[key(KeyCode::Tab), key(KeyCode::Enter)]);
    // not started yet: the runner asks for the account first
    assert_eq!(app.context(), Context::AccountEntry);
    press(&mut app, &[key(KeyCode::Esc)]);
    assert_eq!(app.context(), Context::Runner);
    assert!(matches!(map_key(&app, ch(' ')), Some(Message::Toggle)));
    assert!(matches!(map_key(&app, ch('2')), Some(Message::Answer(2))));
    assert!(matches!(map_key(&app, ch('w')), Some(Message::WriteReport)));
    assert!(matches!(map_key(&app, ch('n')), Some(Message::AddNote)));
    assert!(matches!(map_key(&app, ch('R')), Some(Message::ResetRun)));
    assert!(matches!(map_key(&app, ch('A')), Some(Message::PickAccount)));
    // lower case r and a stay free (r is not reset)
    assert!(map_key(&app, ch('r')).is_none());
    // a playbook with a run, so R asks
    let mut app = unlocked_app(&dir);
    open_runner(&mut app, "lost-2fa-device");
    press(&mut app, &[ch('R')]);
    assert_eq!(app.context(), Context::ConfirmReset);
    assert!(matches!(
        map_key(&app, ch('y')),
        Some(Message::Confirm(true))
    ));
    assert!(matches!(
        map_key(&app, ch('n')),
        Some(Message::Confirm(false))
    ));
    assert!(matches!(
        map_key(&app, key(KeyCode::Esc)),
        Some(Message::Confirm(false))
    ));
    press(&mut app, &[ch('n'), ch('A')]);
    assert_eq!(app.context(), Context::AccountEntry);
    // letters are text in the picker
    assert!(matches!(map_key(&app, ch('q')), Some(Message::Input(s)) if s == "q"));
    assert!(matches!(
        map_key(&app, ctrl('u')),
        Some(Message::ClearField)
    ));
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    press(&mut app, &[ch('?')]);
    assert!(app.help);
    assert!(matches!(map_key(&app, ch('j')), Some(Message::CloseHelp)));
    press(&mut app, &[ch('j')]);
    assert!(!app.help);
    // F1 works where letters are text.
    let mut app = locked_app(true);
    press(&mut app, &[key(KeyCode::F(1))]);
    assert!(app.help);
}

// ---- unlock ----------------------------------------------------------

#[test]
fn unlock_submits_passphrase_to_a_thread_and_clears_the_field() {
    let mut app = locked_app(true);
    type_text(&mut app, "hunter2 hunter2");
    let fx = press(&mut app, &[key(KeyCode::Enter)]);
    assert!(
        matches!(&fx[..], [Effect::UnlockWithPassphrase(p)] if p.expose() == "hunter2 hunter2")
    );
    let Screen::Unlock(u) = &app.screen else {
        panic!()
    };
    assert!(u.working && u.input.is_empty());
    assert_eq!(app.context(), Context::Busy);
    // keys are ignored while Argon2id runs
    assert!(map_key(&app, ch('x')).is_none());
    update(
        &mut app,
        Message::Unlocked(Err(VaultError::Auth("wrong".into()))),
    );
    let Screen::Unlock(u) = &app.screen else {
        panic!()
    };
    assert_eq!(
        u.error.as_deref(),
        Some(text::WRONG_PASSPHRASE.text().as_str())
    );
    assert!(!u.working);
}

#[test]
fn empty_submit_uses_identity_files_when_given() {
    let mut app = locked_app(true);
    assert!(press(&mut app, &[key(KeyCode::Enter)]).is_empty());
    app.has_identities = true;
    let fx = press(&mut app, &[key(KeyCode::Enter)]);
    assert!(matches!(&fx[..], [Effect::UnlockWithIdentityFiles]));
}

#[test]
fn unlocked_message_opens_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = locked_app(true);
    type_text(&mut app, "x");
    press(&mut app, &[key(KeyCode::Enter)]);
    update(&mut app, Message::Unlocked(Ok(Box::new(vault_in(&dir)))));
    assert_eq!(app.context(), Context::Items);
    assert_eq!(session(&app).items.matches.len(), 6);
}

// ---- create ----------------------------------------------------------

#[test]
fn create_flow_enforces_policy_and_confirms_the_key() {
    in_both_languages(|| {
        let mut app = locked_app(false);
        assert_eq!(app.context(), Context::CreatePassphrase);
        type_text(&mut app, "short");
        press(&mut app, &[key(KeyCode::Tab)]);
        type_text(&mut app, "short");
        assert!(press(&mut app, &[key(KeyCode::Enter)]).is_empty());
        let Screen::Create(c) = &app.screen else {
            panic!()
        };
        let CreateStage::Passphrase(f) = &c.stage else {
            panic!()
        };
        assert_eq!(
            f.error.as_deref(),
            Some(text::POLICY_NOT_MET.text().as_str())
        );

        let mut app = locked_app(false);
        let strong = "purple otter juggles seven lanterns";
        type_text(&mut app, strong);
        press(&mut app, &[key(KeyCode::Enter)]);
        type_text(&mut app, "purple otter juggles seven lantern");
        press(&mut app, &[key(KeyCode::Enter)]);
        let Screen::Create(c) = &app.screen else {
            panic!()
        };
        let CreateStage::Passphrase(f) = &c.stage else {
            panic!()
        };
        assert_eq!(f.error.as_deref(), Some(text::MISMATCH.text().as_str()));
        type_text(&mut app, strong);
        let fx = press(&mut app, &[key(KeyCode::Enter)]);
        assert!(matches!(&fx[..], [Effect::CreateVault(p)] if p.expose() == strong));

        let dir = tempfile::tempdir().unwrap();
        let v = vault_in(&dir);
        let real_key = v.payload().keys.recovery_identity.expose().to_owned();
        update(&mut app, Message::Created(Ok(Box::new(v)), [20, 40]));
        assert_eq!(app.context(), Context::CreateKey);
        assert!(screen_text(&app, 80, 24).contains(&real_key));
        press(&mut app, &[key(KeyCode::Enter)]);
        assert_eq!(app.context(), Context::CreateConfirm);
        // The key is no longer on screen while confirming.
        assert!(!screen_text(&app, 80, 24).contains(&real_key));
        type_text(&mut app, "zzzz");
        assert!(press(&mut app, &[key(KeyCode::Enter)]).is_empty());
        assert_eq!(app.context(), Context::CreateConfirm);
        let want = format!("{}{}", &real_key[20..22], &real_key[40..42]).to_lowercase();
        type_text(&mut app, &want);
        let fx = press(&mut app, &[key(KeyCode::Enter)]);
        assert!(matches!(&fx[..], [Effect::Save]));
        // The new vault opens on the Tools tab, offering the first backup
        // (Enter) and the kit.
        assert_eq!(app.context(), Context::Tools);
        let f = flat_text(&app, 80, 24);
        assert!(
            f.contains(say("Your vault is new", "你的保险库是新建的")),
            "{f}"
        );
        assert!(f.contains(say("› Make a backup", "› 备份")), "{f}");
        assert_eq!(
            session(&app).vault.payload().history.recovery_key_exported,
            Some(NOW)
        );
        let Screen::Main(s) = &mut app.screen else {
            panic!()
        };
        s.vault.payload_mut().settings.backup_dir = Some("/media/usb/lifeboat".into());
        snap(&app, "tools_first_run");
        // Enter asks for the backup folder at once.
        press(&mut app, &[key(KeyCode::Enter)]);
        assert_eq!(app.context(), Context::ToolsFolder);
    });
}

// ---- recover ---------------------------------------------------------

#[test]
fn recover_takes_a_pasted_key_then_a_new_passphrase() {
    in_both_languages(|| {
        let mut app = locked_app(true);
        press(&mut app, &[ctrl('r')]);
        assert_eq!(app.context(), Context::RecoverMaterial);
        update(&mut app, Message::Paste(SecretString::from(FAKE_KEY)));
        // The paper the user holds is shown, to compare it word by word.
        assert!(flat_text(&app, 120, 40).contains("QQQQ"));
        let fx = press(&mut app, &[key(KeyCode::Enter)]);
        assert!(matches!(&fx[..], [Effect::OpenForRecovery(m)] if m.expose() == FAKE_KEY));

        // Shares: Enter adds lines until an empty line.
        let mut app = locked_app(true);
        press(&mut app, &[ctrl('r')]);
        type_text(&mut app, "academic acid");
        assert!(press(&mut app, &[key(KeyCode::Enter)]).is_empty());
        type_text(&mut app, "acne academic");
        assert!(press(&mut app, &[key(KeyCode::Enter)]).is_empty());
        let fx = press(&mut app, &[key(KeyCode::Enter)]);
        assert!(
            matches!(&fx[..], [Effect::OpenForRecovery(m)] if m.expose() == "academic acid\nacne academic\n")
        );

        let dir = tempfile::tempdir().unwrap();
        update(
            &mut app,
            Message::RecoveryOpened(Ok(Box::new(vault_in(&dir)))),
        );
        assert_eq!(app.context(), Context::RecoverPassphrase);
        let strong = "brand new otter lantern passphrase";
        type_text(&mut app, strong);
        press(&mut app, &[key(KeyCode::Tab)]);
        type_text(&mut app, strong);
        snap(&app, "recover_new_passphrase");
        let fx = press(&mut app, &[key(KeyCode::Enter)]);
        let Some(Effect::SetPassphrase { vault, passphrase }) = fx.into_iter().next() else {
            panic!("no SetPassphrase effect")
        };
        assert_eq!(passphrase.expose(), strong);
        update(&mut app, Message::PassphraseSet(vault, Ok(())));
        assert_eq!(app.context(), Context::Items);
    });
}

// ---- items -----------------------------------------------------------

#[test]
fn search_filters_names_accounts_and_tags() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    press(&mut app, &[ch('/')]);
    type_text(&mut app, "example.com");
    assert_eq!(session(&app).items.matches.len(), 2);
    press(&mut app, &[key(KeyCode::Backspace)]);
    type_text(&mut app, "m 2fa");
    assert_eq!(session(&app).items.matches.len(), 2);
    let mut app = unlocked_app(&dir);
    press(&mut app, &[ch('/')]);
    type_text(&mut app, "CRYPTO");
    assert_eq!(session(&app).items.matches.len(), 2, "tags match, any case");
    press(&mut app, &[key(KeyCode::Esc)]);
    assert_eq!(session(&app).items.matches.len(), 6);
    assert!(!session(&app).items.searching);
}

#[test]
fn list_is_grouped_by_account() {
    let dir = tempfile::tempdir().unwrap();
    let app = unlocked_app(&dir);
    let s = session(&app);
    let headers = s
        .items
        .rows
        .iter()
        .filter(|r| matches!(r, ListRow::Header(_)))
        .count();
    assert_eq!(headers, 4);
    let items = &s.vault.payload().items;
    let accounts: Vec<_> = s
        .items
        .matches
        .iter()
        .map(|&i| items[i].account.clone().unwrap_or_default())
        .collect();
    let mut sorted = accounts.clone();
    sorted.sort_by_key(|a| a.to_lowercase());
    assert_eq!(accounts, sorted);
}

#[test]
fn secrets_are_masked_until_revealed_and_again_after_30_s_or_leaving() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_item(&mut app, "demo wallet");
    assert!(!screen_text(&app, 80, 24).contains("abandon"));
    press(&mut app, &[ch('r')]);
    assert!(screen_text(&app, 80, 24).contains("12. about"));
    update(&mut app, Message::Tick(NOW + time::Duration::seconds(29)));
    assert!(detail(&app).revealed_at.is_some());
    update(&mut app, Message::Tick(NOW + time::Duration::seconds(30)));
    assert!(detail(&app).revealed_at.is_none());
    assert!(!screen_text(&app, 80, 24).contains("abandon"));
    press(&mut app, &[ch('r'), key(KeyCode::Esc), key(KeyCode::Enter)]);
    assert!(detail(&app).revealed_at.is_none(), "leaving masks again");
}

#[test]
fn copy_asks_the_runtime_and_clears_after_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_item(&mut app, "mail login");
    let fx = press(&mut app, &[ch('c')]);
    assert!(matches!(&fx[..], [Effect::Copy(s)] if s.expose() == "correct horse battery staple"));
    update(&mut app, Message::Copied(Ok("xclip")));
    assert_eq!(
        app.clipboard_clear_at,
        Some(NOW + time::Duration::seconds(20))
    );
    assert!(update(&mut app, Message::Tick(NOW + time::Duration::seconds(19))).is_empty());
    let fx = update(&mut app, Message::Tick(NOW + time::Duration::seconds(20)));
    assert!(matches!(&fx[..], [Effect::ClearClipboard]));
    // no clipboard tool: said on the status line
    update(&mut app, Message::Copied(Err(text::NO_CLIPBOARD.into())));
    assert!(app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn totp_copy_is_the_current_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_item(&mut app, "2fa (fake)");
    let fx = press(&mut app, &[ch('c')]);
    let want = crate::item::totp::code_at(
        &session(&app).item(&detail(&app).item_id).unwrap().secret,
        NOW.unix_timestamp() as u64,
    )
    .unwrap();
    assert!(matches!(&fx[..], [Effect::Copy(s)] if s.expose() == want));
}

#[test]
fn recovery_codes_can_be_marked_used() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_item(&mut app, "recovery codes");
    assert_eq!(app.context(), Context::DetailCodes);
    let fx = press(&mut app, &[ch('j'), ch('j'), ch('u')]);
    assert!(matches!(&fx[..], [Effect::Save]));
    let item = session(&app).item(&detail(&app).item_id).unwrap();
    let Secret::Codes { codes } = &item.secret else {
        panic!()
    };
    assert_eq!(codes[2].used, Some(NOW));
    assert_eq!(item.unused_codes(), 5);
    press(&mut app, &[ch('u')]);
    let item = session(&app).item(&detail(&app).item_id).unwrap();
    assert_eq!(item.unused_codes(), 6, "u again takes it back");
}

#[test]
fn add_validates_like_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    press(&mut app, &[ch('a')]);
    assert_eq!(app.context(), Context::Form);
    // kind: seed (first); name, account, tags, scheme, secret
    press(&mut app, &[key(KeyCode::Tab)]);
    type_text(&mut app, "Bad seed");
    press(
        &mut app,
        &[
            key(KeyCode::Tab),
            key(KeyCode::Tab),
            key(KeyCode::Tab),
            key(KeyCode::Tab),
        ],
    );
    type_text(&mut app, &["abandon"; 12].join(" "));
    assert!(press(&mut app, &[ctrl('s')]).is_empty());
    let Some(Page::Form(f)) = session(&app).pages.last() else {
        panic!()
    };
    assert!(
        f.error.as_deref().unwrap().contains("checksum"),
        "{:?}",
        f.error
    );
    assert_eq!(session(&app).vault.payload().items.len(), 6);
    // Ctrl+U empties the masked field; retype the phrase
    press(&mut app, &[ctrl('u')]);
    let Some(Page::Form(f)) = session(&app).pages.last() else {
        panic!()
    };
    assert!(f.secret.is_empty() && f.error.is_none());
    assert_eq!(f.name, "Bad seed", "only the focused field");
    type_text(&mut app, &["abandon"; 11].join(" "));
    type_text(&mut app, " abandn");
    // or fix the last word
    for _ in 0.."abandn".len() {
        press(&mut app, &[key(KeyCode::Backspace)]);
    }
    type_text(&mut app, "about");
    let fx = press(&mut app, &[ctrl('s')]);
    assert!(matches!(&fx[..], [Effect::Save]));
    let s = session(&app);
    let item = s.vault.item("Bad seed").unwrap();
    assert_eq!(item.kind(), ItemKind::Seed);
    assert_eq!(s.items.matches.len(), 7);
    // names are unique
    let mut app = unlocked_app(&dir);
    press(
        &mut app,
        &[ch('a'), key(KeyCode::Right), key(KeyCode::Right)],
    );
    press(&mut app, &[key(KeyCode::Tab)]);
    type_text(&mut app, "mail login (FAKE)");
    let fx = press(&mut app, &[ctrl('s')]);
    assert!(fx.is_empty());
    let Some(Page::Form(f)) = session(&app).pages.last() else {
        panic!()
    };
    assert!(f.error.as_deref().unwrap().contains("already exists"));
}

#[test]
fn edit_keeps_the_secret_when_left_empty_and_delete_asks() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_item(&mut app, "mail login");
    press(&mut app, &[ch('e')]);
    press(&mut app, &[key(KeyCode::Tab)]);
    type_text(&mut app, "2");
    let fx = press(&mut app, &[ctrl('s')]);
    assert!(matches!(&fx[..], [Effect::Save]));
    let item = session(&app).vault.item("Mail login (fake)").unwrap();
    assert_eq!(item.account.as_deref(), Some("mail.example.org2"));
    let Secret::Password { password, .. } = &item.secret else {
        panic!()
    };
    assert_eq!(password.expose(), "correct horse battery staple");
    assert_eq!(item.updated, NOW);

    assert!(press(&mut app, &[ch('d')]).is_empty());
    assert_eq!(app.context(), Context::ConfirmDelete);
    press(&mut app, &[ch('n')]);
    assert!(session(&app).vault.item("Mail login (fake)").is_ok());
    press(&mut app, &[ch('d')]);
    let fx = press(&mut app, &[ch('y')]);
    assert!(matches!(&fx[..], [Effect::Save]));
    assert!(session(&app).vault.item("Mail login (fake)").is_err());
    assert_eq!(app.context(), Context::Items);
}

fn form(app: &App) -> &FormState {
    match session(app).pages.last() {
        Some(Page::Form(f)) => f,
        other => panic!("not on the form: {other:?}"),
    }
}

/// Opens the add form and types a valid seed; the focus ends on the
/// passphrase field, which follows the words for seeds.
fn add_seed_up_to_passphrase(app: &mut App, name: &str) {
    press(app, &[ch('a'), key(KeyCode::Tab)]);
    type_text(app, name);
    // name -> account -> tags -> scheme -> words
    for _ in 0..4 {
        press(app, &[key(KeyCode::Tab)]);
    }
    type_text(app, &format!("{} about", ["abandon"; 11].join(" ")));
    press(app, &[key(KeyCode::Enter)]);
    assert_eq!(form(app).focus, FormField::Passphrase);
}

#[test]
fn seed_form_stores_an_optional_bip39_passphrase_masked_until_revealed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    add_seed_up_to_passphrase(&mut app, "Hidden wallet");
    // verbatim: spaces count in a BIP39 passphrase
    type_text(&mut app, " TREZOR x");
    press(&mut app, &[key(KeyCode::Backspace)]);
    assert_eq!(form(&app).passphrase.expose(), " TREZOR ");
    assert!(!screen_text(&app, 80, 24).contains("TREZOR"));
    let fx = press(&mut app, &[ctrl('s')]);
    assert!(matches!(&fx[..], [Effect::Save]), "{fx:?}");
    let item = session(&app).vault.item("Hidden wallet").unwrap();
    let Secret::Seed { passphrase, .. } = &item.secret else {
        panic!()
    };
    assert_eq!(passphrase.as_ref().unwrap().expose(), " TREZOR ");
    // the detail masks it like the words until r
    open_item(&mut app, "hidden wallet");
    let masked = screen_text(&app, 80, 24);
    assert!(
        masked.contains(&text::F_BIP39_PASSPHRASE.text()),
        "{masked}"
    );
    assert!(!masked.contains("TREZOR"));
    press(&mut app, &[ch('r')]);
    assert!(screen_text(&app, 80, 24).contains("TREZOR"));
    // editing starts with the stored passphrase; Ctrl+U removes it and the
    // words (left empty) are kept
    press(&mut app, &[ch('e')]);
    assert_eq!(form(&app).passphrase.expose(), " TREZOR ");
    while form(&app).focus != FormField::Passphrase {
        press(&mut app, &[key(KeyCode::Tab)]);
    }
    press(&mut app, &[ctrl('u')]);
    let fx = press(&mut app, &[ctrl('s')]);
    assert!(matches!(&fx[..], [Effect::Save]), "{fx:?}");
    let item = session(&app).vault.item("Hidden wallet").unwrap();
    let Secret::Seed {
        passphrase, words, ..
    } = &item.secret
    else {
        panic!()
    };
    assert!(passphrase.is_none());
    assert!(words.expose().ends_with("about"));
}

#[test]
fn seed_passphrase_field_is_for_seeds_only() {
    let mut f = FormState::new_item();
    assert!(f.fields().contains(&FormField::Passphrase));
    f.kind = ItemKind::Note;
    assert!(!f.fields().contains(&FormField::Passphrase));
    // typed while a seed, then switched kind: not stored
    f.name = "Note".into();
    f.secret = "text".into();
    f.passphrase = "leftover".into();
    let item = form_to_item(&f, None, &[]).unwrap();
    assert!(matches!(item.secret, Secret::Note { .. }));
    // empty means none
    f.kind = ItemKind::Seed;
    f.passphrase = SecretString::default();
    f.secret = format!("{} about", ["abandon"; 11].join(" ")).into();
    let item = form_to_item(&f, None, &[]).unwrap();
    assert!(matches!(
        item.secret,
        Secret::Seed {
            passphrase: None,
            ..
        }
    ));
}

// ---- playbooks -------------------------------------------------------

fn open_runner(app: &mut App, id: &str) {
    press(app, &[key(KeyCode::Tab)]);
    let n = app.playbooks.iter().position(|p| p.id == id).unwrap();
    for _ in 0..n {
        press(app, &[ch('j')]);
    }
    press(app, &[key(KeyCode::Enter)]);
    // A playbook without a run asks first which account it is about.
    if app.context() == Context::AccountEntry {
        press(app, &[key(KeyCode::Esc)]);
    }
}

#[test]
fn runner_ticks_answers_and_notes_are_recorded_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_runner(&mut app, "account-locked");
    let pb = app
        .playbooks
        .iter()
        .find(|p| p.id == "account-locked")
        .unwrap()
        .clone();
    // step 1 is a note step: Space asks for the note, Enter ticks it
    assert!(press(&mut app, &[ch(' ')]).is_empty());
    assert_eq!(app.context(), Context::NoteEntry);
    type_text(&mut app, "Account locked, 3 tries");
    let fx = press(&mut app, &[key(KeyCode::Enter)]);
    assert!(matches!(&fx[..], [Effect::Save]), "{fx:?}");
    // step 2 is a check: Space ticks it
    let fx = press(&mut app, &[ch(' ')]);
    assert!(matches!(&fx[..], [Effect::Save]), "{fx:?}");
    let run = session(&app)
        .vault
        .payload()
        .playbooks
        .run("account-locked")
        .unwrap()
        .clone();
    let first = run.record(&pb.steps[0].id).unwrap();
    assert_eq!(first.done_at, Some(NOW));
    assert_eq!(first.note.as_deref(), Some("Account locked, 3 tries"));
    assert_eq!(run.record(&pb.steps[1].id).unwrap().done_at, Some(NOW));
    // the cursor moved on to the next step each time
    let Some(Page::Runner(r)) = session(&app).pages.last() else {
        panic!()
    };
    assert_eq!(r.steps.selected, 2);
    assert_eq!(
        crate::playbook::progress(&pb, Some(&run))
            .next_step
            .as_deref(),
        Some(pb.steps[2].id.as_str())
    );
    // Space again on a done step takes the tick back
    press(&mut app, &[ch('k')]);
    let fx = press(&mut app, &[ch(' ')]);
    assert!(matches!(&fx[..], [Effect::Save]));
    let run = session(&app)
        .vault
        .payload()
        .playbooks
        .run("account-locked")
        .unwrap();
    assert_eq!(run.record(&pb.steps[1].id).unwrap().done_at, None);
    // a note on a step without ticking it
    press(&mut app, &[ch('n')]);
    assert_eq!(app.context(), Context::NoteEntry);
    type_text(&mut app, "called support at 10:00");
    let fx = press(&mut app, &[key(KeyCode::Enter)]);
    assert!(matches!(&fx[..], [Effect::Save]));
    let run = session(&app)
        .vault
        .payload()
        .playbooks
        .run("account-locked")
        .unwrap();
    let rec = run.record(&pb.steps[1].id).unwrap();
    assert_eq!(rec.note.as_deref(), Some("called support at 10:00"));
    assert_eq!(rec.done_at, None);
}

#[test]
fn runner_answers_decisions_and_refuses_to_tick_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_runner(&mut app, "lost-2fa-device");
    // step 1 is the decision "how-lost" (answered "broken" by the demo):
    // Space re-opens it, a second Space explains how to answer
    let fx = press(&mut app, &[ch('g'), ch(' ')]);
    assert!(matches!(&fx[..], [Effect::Save]));
    assert!(press(&mut app, &[ch(' ')]).is_empty());
    assert!(app.status.as_ref().unwrap().text.contains("number key"));
    let fx = press(&mut app, &[ch('1')]);
    assert!(matches!(&fx[..], [Effect::Save]));
    let run = session(&app)
        .vault
        .payload()
        .playbooks
        .run("lost-2fa-device")
        .unwrap();
    assert_eq!(
        run.record("how-lost").unwrap().answer.as_deref(),
        Some("stolen")
    );
}

#[test]
fn linked_items_open_in_place_and_back_returns_to_the_runner() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_runner(&mut app, "lost-2fa-device");
    // demo state: next step is codes-from-vault (linked to totp items)
    let Some(Page::Runner(r)) = session(&app).pages.last() else {
        panic!()
    };
    let _ = r;
    let pb = app
        .playbooks
        .iter()
        .find(|p| p.id == "lost-2fa-device")
        .unwrap();
    let idx = pb.step_index("codes-from-vault").unwrap();
    press(&mut app, &[ch('g')]);
    for _ in 0..idx {
        press(&mut app, &[ch('j')]);
    }
    press(&mut app, &[key(KeyCode::Enter)]);
    assert_eq!(app.context(), Context::Detail);
    let item = session(&app).item(&detail(&app).item_id).unwrap();
    assert_eq!(item.kind(), ItemKind::Totp);
    press(&mut app, &[key(KeyCode::Esc)]);
    assert_eq!(app.context(), Context::Runner);
}

fn runner(app: &App) -> &RunnerState {
    match session(app).pages.last() {
        Some(Page::Runner(r)) => r,
        other => panic!("not in the runner: {other:?}"),
    }
}

#[test]
fn reset_asks_then_archives_the_run_and_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_runner(&mut app, "lost-2fa-device");
    let before = session(&app)
        .vault
        .payload()
        .playbooks
        .run("lost-2fa-device")
        .unwrap()
        .clone();
    // R asks; n and Esc keep the run
    for cancel in [ch('n'), key(KeyCode::Esc)] {
        assert!(press(&mut app, &[ch('R')]).is_empty());
        assert_eq!(app.context(), Context::ConfirmReset);
        assert!(screen_text(&app, 80, 24).contains(&text::CONFIRM_RESET.text()));
        assert!(press(&mut app, &[cancel]).is_empty());
        assert_eq!(app.context(), Context::Runner);
        let p = &session(&app).vault.payload().playbooks;
        assert_eq!(p.run("lost-2fa-device"), Some(&before));
    }
    // y archives (never deletes) and saves; the cursor goes to the top
    let fx = press(&mut app, &[ch('R'), ch('y')]);
    assert!(matches!(&fx[..], [Effect::Save]), "{fx:?}");
    assert_eq!(app.context(), Context::Runner);
    let p = &session(&app).vault.payload().playbooks;
    assert!(p.run("lost-2fa-device").is_none());
    let archived: Vec<_> = p.archived_runs("lost-2fa-device").collect();
    assert_eq!(archived.len(), 1);
    assert_eq!(archived[0].archived_at, Some(NOW));
    assert_eq!(archived[0].steps, before.steps);
    assert_eq!(runner(&app).steps.selected, 0);
    assert_eq!(app.status.as_ref().unwrap().text, text::RUN_RESET.text());
    assert!(session(&app)
        .vault
        .payload()
        .audit
        .iter()
        .any(|a| a.action == "playbook-reset"));
    // nothing left to reset: says so, asks nothing
    assert!(press(&mut app, &[ch('R')]).is_empty());
    assert_eq!(app.context(), Context::Runner);
    assert_eq!(
        app.status.as_ref().unwrap().text,
        text::NOTHING_TO_RESET.text()
    );
}

#[test]
fn account_picker_lists_vault_accounts_or_takes_free_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_runner(&mut app, "lost-2fa-device");
    let account = |app: &App| {
        session(app)
            .vault
            .payload()
            .playbooks
            .run("lost-2fa-device")
            .and_then(|r| r.account.clone())
    };
    assert!(press(&mut app, &[ch('A')]).is_empty());
    let Some(p) = &runner(&app).account else {
        panic!()
    };
    assert_eq!(
        p.choices(),
        vec![
            AccountChoice::Any,
            AccountChoice::Existing("Example Bank".into()),
            AccountChoice::Existing("Example Wallet".into()),
            AccountChoice::Existing("example.com".into()),
            AccountChoice::Existing("mail.example.org".into()),
        ]
    );
    // typing filters; Enter sets the chosen one and saves
    type_text(&mut app, "wallet");
    let fx = press(&mut app, &[key(KeyCode::Enter)]);
    assert!(matches!(&fx[..], [Effect::Save]), "{fx:?}");
    assert_eq!(app.context(), Context::Runner);
    assert_eq!(account(&app).as_deref(), Some("Example Wallet"));
    assert_eq!(
        app.status.as_ref().unwrap().text,
        text::account_set("Example Wallet")
    );
    // the header shows it, and linked items narrow to it (no 2FA there)
    let screen = screen_text(&app, 80, 24);
    assert!(
        screen.contains(&text::runner_account("Example Wallet")),
        "{screen}"
    );
    assert!(screen.contains(&text::NO_LINKED.text()), "{screen}");
    // reopening starts on the current account; Esc changes nothing
    press(&mut app, &[ch('A')]);
    let Some(p) = &runner(&app).account else {
        panic!()
    };
    assert_eq!(
        p.choices()[p.cursor.selected],
        AccountChoice::Existing("Example Wallet".into())
    );
    assert!(press(&mut app, &[key(KeyCode::Esc)]).is_empty());
    assert_eq!(account(&app).as_deref(), Some("Example Wallet"));
    // free text names an account no item has
    press(&mut app, &[ch('A')]);
    type_text(&mut app, "Nowhere Bank");
    let Some(p) = &runner(&app).account else {
        panic!()
    };
    assert_eq!(
        p.choices(),
        vec![AccountChoice::Typed("Nowhere Bank".into())]
    );
    let fx = press(&mut app, &[key(KeyCode::Enter)]);
    assert!(matches!(&fx[..], [Effect::Save]));
    assert_eq!(account(&app).as_deref(), Some("Nowhere Bank"));
    // choosing the same again saves nothing
    press(&mut app, &[ch('A')]);
    assert!(press(&mut app, &[key(KeyCode::Enter)]).is_empty());
    // "any account" clears it
    press(&mut app, &[ch('A'), key(KeyCode::Home)]);
    press(&mut app, &[key(KeyCode::Up); 6]);
    let fx = press(&mut app, &[key(KeyCode::Enter)]);
    assert!(matches!(&fx[..], [Effect::Save]));
    assert_eq!(account(&app), None);
    assert_eq!(
        app.status.as_ref().unwrap().text,
        text::ACCOUNT_CLEARED.text()
    );
    assert!(!screen_text(&app, 80, 24).contains("account:"));
}

#[test]
fn account_picker_without_a_run_starts_one_only_for_an_account() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_runner(&mut app, "account-locked");
    let run = |app: &App| {
        session(app)
            .vault
            .payload()
            .playbooks
            .run("account-locked")
            .cloned()
    };
    assert!(run(&app).is_none());
    // "any account" on a playbook not started: nothing to do
    assert!(press(&mut app, &[ch('A'), key(KeyCode::Enter)]).is_empty());
    assert!(run(&app).is_none());
    press(&mut app, &[ch('A')]);
    type_text(&mut app, "mail.");
    let fx = press(&mut app, &[key(KeyCode::Enter)]);
    assert!(matches!(&fx[..], [Effect::Save]));
    assert_eq!(
        run(&app).unwrap().account.as_deref(),
        Some("mail.example.org")
    );
}

#[test]
fn report_effect_holds_no_secret() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_runner(&mut app, "lost-2fa-device");
    let fx = press(&mut app, &[ch('w')]);
    let [Effect::WriteReport { file_name, text }] = &fx[..] else {
        panic!("{fx:?}")
    };
    assert_eq!(
        file_name,
        "lifeboat-report-lost-2fa-device-20240501-100000.md"
    );
    assert!(text.contains("lost"));
    for secret in ["abandon", "JBSWY3DP", "fake-3333", "correct horse"] {
        assert!(!text.contains(secret), "{secret} in the report");
    }
    // not started: nothing to report
    press(&mut app, &[key(KeyCode::Esc), ch('g'), key(KeyCode::Enter)]);
    assert!(press(&mut app, &[ch('w')]).is_empty());
}

// ---- safety ----------------------------------------------------------

#[test]
fn idle_auto_lock_drops_the_session_and_clears_the_clipboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_item(&mut app, "demo wallet");
    press(&mut app, &[ch('r')]);
    app.clipboard_clear_at = Some(NOW + time::Duration::seconds(400));
    assert_eq!(app.lock_in(), Some(300));
    assert!(update(&mut app, Message::Tick(NOW + time::Duration::seconds(299))).is_empty());
    assert!(app.session().is_some());
    let fx = update(&mut app, Message::Tick(NOW + time::Duration::seconds(300)));
    assert!(matches!(&fx[..], [Effect::ClearClipboard]));
    assert!(app.session().is_none());
    assert_eq!(app.context(), Context::Unlock);
    let shown = screen_text(&app, 80, 24);
    assert!(!shown.contains("abandon"));
    assert!(shown.contains("Locked after 5 minutes"));
    assert!(!format!("{app:?}").contains("abandon"));
}

#[test]
fn activity_postpones_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    update(&mut app, Message::Tick(NOW + time::Duration::seconds(200)));
    press(&mut app, &[ch('j')]);
    update(&mut app, Message::Tick(NOW + time::Duration::seconds(450)));
    assert!(app.session().is_some());
    assert_eq!(app.lock_in(), Some(50));
}

#[test]
fn debug_output_never_shows_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_item(&mut app, "demo wallet");
    press(&mut app, &[ch('r')]);
    let msg = Message::Paste(SecretString::from("AGE-SECRET-KEY-1SECRET"));
    let dbg = format!("{app:?} {msg:?} {:?}", Effect::Copy("topsecret".into()));
    for s in [
        "abandon",
        "SECRET-KEY-1SECRET",
        "topsecret",
        "correct horse",
    ] {
        assert!(!dbg.contains(s), "{s} leaked into Debug");
    }
}

#[test]
fn small_terminals_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    for (w, h) in [(1, 1), (20, 5), (59, 15), (60, 16), (80, 24)] {
        render(&app, w, h);
    }
    open_runner(&mut app, "lost-2fa-device");
    for (w, h) in [(1, 1), (60, 16), (80, 24), (200, 60)] {
        render(&app, w, h);
    }
}

#[test]
fn item_form_to_item_trims_and_splits_tags() {
    let mut f = FormState::new_item();
    f.kind = ItemKind::Note;
    f.name = "  Note  ".into();
    f.tags = " a, ,b ".into();
    f.secret = "text".into();
    let item: Item = form_to_item(&f, None, &[]).unwrap();
    assert_eq!(item.name, "Note");
    assert_eq!(item.tags, vec!["a", "b"]);
}

// ---- snapshots -------------------------------------------------------

#[test]
fn snapshot_unlock() {
    in_both_languages(|| {
        let mut app = locked_app(true);
        type_text(&mut app, "secret");
        snap(&app, "unlock");
        press(&mut app, &[key(KeyCode::Enter)]);
        snap(&app, "unlock_working");
        update(
            &mut app,
            Message::Unlocked(Err(VaultError::Auth("x".into()))),
        );
        snap(&app, "unlock_wrong");
    });
}

#[test]
fn snapshot_create() {
    in_both_languages(|| {
        let mut app = locked_app(false);
        type_text(&mut app, "purple otter");
        snap(&app, "create_passphrase");
        let Screen::Create(c) = &mut app.screen else {
            panic!()
        };
        c.key = SecretString::from(FAKE_KEY);
        c.positions = [20, 40];
        c.stage = CreateStage::ShowKey;
        snap(&app, "create_key");
        press(&mut app, &[key(KeyCode::Enter)]);
        type_text(&mut app, "QQ");
        snap(&app, "create_confirm");
    });
}

#[test]
fn snapshot_recover() {
    in_both_languages(|| {
        let mut app = locked_app(true);
        press(&mut app, &[ctrl('r')]);
        type_text(&mut app, "academic acid acne");
        press(&mut app, &[key(KeyCode::Enter)]);
        type_text(&mut app, "academic");
        snap(&app, "recover");
    });
}

#[test]
fn snapshot_items() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        snap(&app, "items");
        press(&mut app, &[ch('/')]);
        type_text(&mut app, "example");
        snap(&app, "items_search");
        press(&mut app, &[key(KeyCode::Esc), ch('?')]);
        snap(&app, "items_help");
        press(&mut app, &[key(KeyCode::Esc)]);
        update(&mut app, Message::Saved(Err(VaultError::Changed)));
        snap(&app, "status_error");
        assert!(screen_text(&app, 80, 24).contains(say(
            "redo the change",
            "未保存：打开后，另一个程序修改了保险库"
        )));
    });
}

#[test]
fn snapshot_details() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        open_item(&mut app, "demo wallet");
        snap(&app, "detail_seed_masked");
        press(&mut app, &[ch('r')]);
        update(&mut app, Message::Tick(NOW + time::Duration::seconds(12)));
        snap(&app, "detail_seed_revealed");
        press(&mut app, &[key(KeyCode::Esc)]);
        open_item(&mut app, "2fa (fake)");
        snap(&app, "detail_totp");
        press(&mut app, &[key(KeyCode::Esc)]);
        open_item(&mut app, "recovery codes");
        press(&mut app, &[ch('j'), ch('j')]);
        snap(&app, "detail_codes");
        press(&mut app, &[ch('d')]);
        snap(&app, "detail_confirm_delete");
    });
}

#[test]
fn snapshot_form() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        press(&mut app, &[ch('a')]);
        for _ in 0..4 {
            press(&mut app, &[key(KeyCode::Right)]);
        }
        press(&mut app, &[key(KeyCode::Tab)]);
        type_text(&mut app, "Bank login");
        press(&mut app, &[key(KeyCode::Tab)]);
        type_text(&mut app, "bank.example");
        snap(&app, "form_add");
        press(&mut app, &[key(KeyCode::Esc)]);
        add_seed_up_to_passphrase(&mut app, "Hidden wallet");
        type_text(&mut app, "TREZOR");
        snap(&app, "form_seed_passphrase");
    });
}

#[test]
fn snapshot_playbooks() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        press(&mut app, &[key(KeyCode::Tab)]);
        snap(&app, "playbooks");
        press(&mut app, &[key(KeyCode::Tab)]);
        snap(&app, "tools");
        press(&mut app, &[key(KeyCode::Tab)]);
        open_runner(&mut app, "lost-2fa-device");
        snap(&app, "runner");
        press(&mut app, &[ch('n')]);
        type_text(&mut app, "old phone fell in the lake");
        snap(&app, "runner_note");
        press(&mut app, &[key(KeyCode::Esc), ch('R')]);
        snap(&app, "runner_reset_confirm");
        press(&mut app, &[ch('n'), ch('A')]);
        type_text(&mut app, "ex");
        snap(&app, "runner_account_picker");
        press(
            &mut app,
            &[key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Enter)],
        );
        snap(&app, "runner_account");
    });
}

// ---- the runner at 80x24 ---------------------------------------------

/// Opens playbook `id` in the runner on step `step` (no account asked).
fn runner_at(app: &mut App, id: &str, step: usize) {
    open_runner(app, id);
    press(app, &[ch('g')]);
    for _ in 0..step {
        press(app, &[ch('j')]);
    }
    assert_eq!(runner(app).steps.selected, step);
}

/// The last words a step shows: its commands, else why it matters.
fn last_words_of(step: &crate::playbook::Step) -> String {
    let last = match (step.commands.last(), &step.why, &step.detail) {
        (Some(c), _, _) => c.clone(),
        (None, Some(w), _) => w.clone(),
        (None, None, Some(d)) => d.clone(),
        _ => step.title.clone(),
    };
    let words: Vec<&str> = last.split_whitespace().collect();
    words[words.len().saturating_sub(3)..].join(" ")
}

/// The screen with borders removed and whitespace collapsed, so a sentence
/// wrapped over rows reads as one.
fn flat_text(app: &App, w: u16, h: u16) -> String {
    without_width_notes(&screen_text(app, w, h))
        .replace(['│', '┃', '"'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn page_down_brings_the_last_line_of_every_playbooks_longest_step_into_view() {
    let dir = tempfile::tempdir().unwrap();
    let pbs = crate::playbook::builtin();
    for pb in &pbs {
        // The longest step by the length of its text.
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
        let mut app = unlocked_app(&dir);
        runner_at(&mut app, &pb.id, idx);
        let want = last_words_of(step);
        let mut seen = flat_text(&app, 80, 24).contains(&want);
        for _ in 0..20 {
            if seen {
                break;
            }
            // Before it is in view, the frame says there is more.
            assert!(
                screen_text(&app, 80, 24).contains(text::MORE_BELOW.text().trim()),
                "{}: no more marker",
                pb.id
            );
            press(&mut app, &[key(KeyCode::PageDown)]);
            seen = flat_text(&app, 80, 24).contains(&want);
        }
        assert!(seen, "{}/{}: {want:?} never shown", pb.id, step.id);
        // Back up to the top, and the title shows again.
        for _ in 0..20 {
            press(&mut app, &[key(KeyCode::PageUp)]);
        }
        assert_eq!(runner(&app).text_scroll, 0);
    }
}

#[test]
fn the_note_editor_shows_every_typed_word_and_the_cursor_at_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    runner_at(&mut app, "account-locked", 0);
    press(&mut app, &[ch(' ')]);
    assert_eq!(app.context(), Context::NoteEntry);
    let mut typed = String::new();
    for i in 0..60 {
        let word = format!("word{i} ");
        type_text(&mut app, &word);
        typed.push_str(&word);
        let screen = screen_text(&app, 80, 24);
        // The last word typed and the cursor are always on screen.
        assert!(screen.contains(&format!("word{i}")), "{screen}");
        assert!(screen.contains('▏'), "{screen}");
    }
    // Enter saves it whole and ticks the step.
    let fx = press(&mut app, &[key(KeyCode::Enter)]);
    assert!(matches!(&fx[..], [Effect::Save]));
    let run = session(&app)
        .vault
        .payload()
        .playbooks
        .run("account-locked")
        .unwrap();
    assert_eq!(
        run.record("write-down-message").unwrap().note.as_deref(),
        Some(typed.trim())
    );
}

#[test]
fn enter_on_an_empty_required_note_says_what_to_do_with_the_keys() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        runner_at(&mut app, "account-locked", 0);
        press(&mut app, &[ch(' ')]);
        type_text(&mut app, "   ");
        assert!(press(&mut app, &[key(KeyCode::Enter)]).is_empty());
        assert_eq!(app.context(), Context::NoteEntry);
        let f = flat_text(&app, 80, 24);
        assert!(
            f.contains(say("type the note, then Enter", "输入内容后按 Enter")),
            "{f}"
        );
        assert!(!f.contains("--note"), "{f}");
        snap(&app, "runner_note_empty");
        // typing clears the message
        type_text(&mut app, "x");
        assert!(!flat_text(&app, 80, 24).contains("type the note, then Enter"));
    });
}

#[test]
fn opening_a_playbook_without_a_run_asks_for_the_account() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    press(&mut app, &[key(KeyCode::Tab)]);
    let n = app
        .playbooks
        .iter()
        .position(|p| p.id == "account-locked")
        .unwrap();
    for _ in 0..n {
        press(&mut app, &[ch('j')]);
    }
    press(&mut app, &[key(KeyCode::Enter)]);
    assert_eq!(app.context(), Context::AccountEntry);
    // a playbook with a run opens straight on its step
    press(&mut app, &[key(KeyCode::Esc), key(KeyCode::Esc)]);
    let m = app
        .playbooks
        .iter()
        .position(|p| p.id == "lost-2fa-device")
        .unwrap();
    press(&mut app, &[ch('g')]);
    for _ in 0..m {
        press(&mut app, &[ch('j')]);
    }
    press(&mut app, &[key(KeyCode::Enter)]);
    assert_eq!(app.context(), Context::Runner);
}

#[test]
fn contact_steps_show_the_accounts_support_and_username() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        let idx = app
            .playbooks
            .iter()
            .find(|p| p.id == "account-locked")
            .unwrap()
            .step_index("contact-support")
            .unwrap();
        runner_at(&mut app, "account-locked", idx);
        assert!(flat_text(&app, 80, 24).contains(say(
            "A: set the incident's account",
            "按 A 设置本次事件的账户"
        )));
        press(&mut app, &[ch('A')]);
        type_text(&mut app, "mail.example.org");
        press(&mut app, &[key(KeyCode::Enter)]);
        let items = &session(&app).vault.payload().items;
        let contacts = crate::playbook::account_contacts(items, "mail.example.org");
        assert!(!contacts.is_empty(), "the demo has a mail login");
        let f = flat_text(&app, 120, 40);
        assert!(f.contains(&text::h_contacts("mail.example.org")), "{f}");
        for c in contacts {
            if let Some(u) = c.username {
                assert!(f.contains(&u), "{u} not shown: {f}");
            }
            if let Some(s) = c.support {
                let start: String = s.chars().take(20).collect();
                assert!(f.contains(&start), "{s} not shown: {f}");
            }
        }
        snap(&app, "runner_contacts");
    });
}

#[test]
fn help_in_the_runner_explains_every_marker() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        runner_at(&mut app, "lost-2fa-device", 0);
        press(&mut app, &[ch('?')]);
        let f = flat_text(&app, 80, 24);
        for m in [
            "[x]",
            "[>]",
            "[ ]",
            "[~]",
            "[-]",
            "✎",
            say("? question", "? 问题"),
            say("~ wait", "~ 等待"),
            "!",
            say("[/] set aside", "[/] 已跳过"),
            say("[?] waits on an open question", "[?] 等待一个未回答的问题"),
            say("▼ more", "▼ 更多"),
            "▲",
            say("n of m steps", "n/m 步"),
        ] {
            assert!(f.contains(m), "{m} not explained: {f}");
        }
        snap(&app, "runner_help");
    });
}

/// A step set aside (S, with a reason) is drawn [/], not [x], and counts
/// towards the progress like a done step: "1 of M steps done".
#[test]
fn a_step_set_aside_is_marked_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    runner_at(&mut app, "account-locked", 0);
    let progress = |app: &App| {
        let f = flat_text(app, 80, 24);
        let i = f.find(" steps done").expect("progress");
        let words: Vec<&str> = f[..i].rsplit(' ').take(3).collect();
        (
            words[2].parse::<usize>().unwrap(),
            words[0].parse::<usize>().unwrap(),
        )
    };
    let (done, total) = progress(&app);
    assert!(!screen_text(&app, 80, 24).contains("[/]"));
    press(&mut app, &[ch('S')]);
    type_text(&mut app, "no message was shown");
    press(&mut app, &[key(KeyCode::Enter)]);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("[/]  1."), "{s}");
    assert_eq!(progress(&app), (done + 1, total), "{s}");
}

#[test]
fn long_step_titles_end_with_an_ellipsis() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    runner_at(&mut app, "lost-2fa-device", 0);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains('…'), "{s}");
    assert_eq!(
        crate::tui::common::ellipsize("Lock or wipe the device remotely", 20),
        "Lock or wipe the…"
    );
    assert_eq!(crate::tui::common::ellipsize("short", 20), "short");
    let rows = crate::tui::common::wrap_rows("aaaa bbbb cccc", 9);
    assert_eq!(rows, vec!["aaaa bbbb ", "cccc"]);
    let rows = crate::tui::common::wrap_rows("abcdefghijkl", 5);
    assert_eq!(rows, vec!["abcde", "fghij", "kl"]);
}

// ---- the idle lock ------------------------------------------------------

#[test]
fn idle_lock_keeps_a_half_written_note_and_returns_to_the_step() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        let idx = 5;
        runner_at(&mut app, "account-locked", idx);
        press(&mut app, &[ch('n')]);
        type_text(&mut app, "ticket 4471, call back Friday");
        let secs = app.auto_lock_secs as i64;
        // Idle: the note is saved first...
        let fx = update(&mut app, Message::Tick(NOW + time::Duration::seconds(secs)));
        assert!(matches!(&fx[..], [Effect::Save]), "{fx:?}");
        let step_id = app.playbooks[runner(&app).playbook].steps[idx].id.clone();
        let rec = |app: &App| {
            session(app)
                .vault
                .payload()
                .playbooks
                .run("account-locked")
                .and_then(|r| r.record(&step_id).cloned())
        };
        assert_eq!(
            rec(&app).unwrap().note.as_deref(),
            Some("ticket 4471, call back Friday")
        );
        assert!(rec(&app).unwrap().done_at.is_none(), "saved, not ticked");
        // ...then, once saved, the vault locks.
        let vault = {
            let Screen::Main(s) = &mut app.screen else {
                panic!()
            };
            s.vault.save().unwrap();
            s.vault.path().to_path_buf()
        };
        update(&mut app, Message::Saved(Ok(())));
        assert_eq!(app.context(), Context::Unlock);
        let f = flat_text(&app, 80, 24);
        assert!(
            f.contains(say("unfinished note was saved", "没写完的记录已保存")),
            "{f}"
        );
        snap(&app, "unlock_idle_note_kept");
        // Unlock: back on the same step of the same playbook.
        let v = Vault::open(
            &vault,
            &crate::vault::Unlock::Passphrase(SecretString::from("a long test passphrase")),
        )
        .unwrap();
        update(&mut app, Message::Unlocked(Ok(Box::new(v))));
        assert_eq!(app.context(), Context::Runner);
        assert_eq!(runner(&app).steps.selected, idx);
        assert_eq!(
            app.playbooks[runner(&app).playbook].id,
            "account-locked".to_owned()
        );
        assert_eq!(
            rec(&app).unwrap().note.as_deref(),
            Some("ticket 4471, call back Friday")
        );
    });
}

#[test]
fn idle_lock_discards_an_unsaved_form_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_item(&mut app, "demo wallet");
    press(&mut app, &[ch('e')]);
    assert_eq!(app.context(), Context::Form);
    type_text(&mut app, " renamed");
    let secs = app.auto_lock_secs as i64;
    update(&mut app, Message::Tick(NOW + time::Duration::seconds(secs)));
    assert_eq!(app.context(), Context::Unlock);
    let f = flat_text(&app, 80, 24);
    assert!(f.contains("was not saved and was discarded"), "{f}");
    assert_eq!(
        app.resume.as_ref().unwrap().pages.len(),
        1,
        "the item page is reopened, the form is not"
    );
}

// ---- typing recovery material ----------------------------------------------

fn recover_text(app: &App) -> (String, usize, Option<String>) {
    match &app.screen {
        Screen::Recover(r) => match &r.stage {
            RecoverStage::Material {
                text: t,
                cursor,
                error,
            } => (t.expose().to_owned(), *cursor, error.clone()),
            other => panic!("not typing: {other:?}"),
        },
        _ => panic!("not recovering"),
    }
}

/// Two shares of a 2-of-3 set (SLIP-39 test vector 4): fixed, so the
/// snapshots are too.
fn two_shares() -> Vec<String> {
    vec![
        "shadow pistol academic always adequate wildlife fancy gross oasis cylinder mustang wrist rescue view short owner flip making coding armed".to_owned(),
        "shadow pistol academic acid actress prayer class unknown daughter sweater depict flip twice unkind craft early superior advocate guest smoking".to_owned(),
    ]
}

#[test]
fn an_unknown_share_word_is_marked_at_once_with_its_suggestion() {
    in_both_languages(|| {
        let mut app = locked_app(true);
        press(&mut app, &[ctrl('r')]);
        type_text(&mut app, "academic acdi ");
        let f = flat_text(&app, 80, 24);
        assert!(
            f.contains(say(
                "word 2 acdi is not a share word: did you mean acid",
                "第 2 个词“acdi”不是份额词：是不是“acid”？"
            )),
            "{f}"
        );
        // the word being typed is not flagged while it can still become one
        type_text(&mut app, "acn");
        let f = flat_text(&app, 80, 24);
        assert!(!f.contains(say("word 3", "第 3 个词")), "{f}");
        snap(&app, "recover_unknown_word");
    });
}

#[test]
fn a_share_with_one_wrong_word_keeps_the_others_and_is_fixed_in_place() {
    in_both_languages(|| {
        let shares = two_shares();
        let mut words: Vec<String> = shares[1].split_whitespace().map(str::to_owned).collect();
        let right = words[6].clone();
        let wrong = if right == "academic" {
            "acid"
        } else {
            "academic"
        };
        words[6] = wrong.to_owned();
        let typed = format!("{}\n{}\n", shares[0], words.join(" "));
        let mut app = locked_app(true);
        press(&mut app, &[ctrl('r')]);
        update(&mut app, Message::Paste(SecretString::from(typed.as_str())));
        // Enter on the empty line: refused before any work, nothing wiped,
        // the cursor at the end of the wrong word, the fix named.
        assert!(press(&mut app, &[key(KeyCode::Enter)]).is_empty());
        let (t, cursor, error) = recover_text(&app);
        assert_eq!(t, typed);
        let error = error.unwrap();
        assert!(
            error.contains(&format!(
                "{} \"{wrong}\" {} \"{right}\"",
                say("word 7", "第 7 个词"),
                say("is probably", "可能应为")
            )) || error.contains(&format!("第 7 个词“{wrong}”可能应为“{right}”")),
            "{error}"
        );
        let line2_start = shares[0].chars().count() + 1;
        let word_end = line2_start + words[..7].join(" ").chars().count();
        assert_eq!(cursor, word_end);
        snap(&app, "recover_checksum_word");
        // Fix that one word where the cursor is, then continue.
        for _ in 0..wrong.chars().count() {
            press(&mut app, &[key(KeyCode::Backspace)]);
        }
        type_text(&mut app, &right);
        press(&mut app, &[ctrl('s')]);
        let _ = &app;
        let fixed = format!("{}\n{}\n", shares[0], shares[1]);
        match &app.screen {
            Screen::Recover(r) => {
                assert!(matches!(r.stage, RecoverStage::Working(_)));
                assert_eq!(r.kept.expose(), fixed);
            }
            _ => panic!(),
        }
        // If opening fails anyway, the text comes back whole.
        update(
            &mut app,
            Message::RecoveryOpened(Err("not this vault".into())),
        );
        let (t, _, error) = recover_text(&app);
        assert_eq!(t, fixed);
        assert!(error.unwrap().contains("not this vault"));
    });
}

#[test]
fn recover_cursor_moves_and_edits_in_the_middle() {
    let mut app = locked_app(true);
    press(&mut app, &[ctrl('r')]);
    type_text(&mut app, "academic acne");
    press(
        &mut app,
        &[
            key(KeyCode::Left),
            key(KeyCode::Left),
            key(KeyCode::Left),
            key(KeyCode::Left),
        ],
    );
    press(&mut app, &[key(KeyCode::Backspace)]);
    type_text(&mut app, "\u{20}");
    let (t, cursor, _) = recover_text(&app);
    assert_eq!(t, "academic acne");
    assert_eq!(cursor, 9);
    type_text(&mut app, "acid ");
    assert_eq!(recover_text(&app).0, "academic acid acne");
}

// ---- unverified opens ---------------------------------------------------

#[test]
fn extra_identity_session_shows_the_unverified_banner_and_cannot_save() {
    use crate::vault::format::ExtraRecipient;
    use crate::vault::{NamedIdentity, Unlock};
    let dir = tempfile::tempdir().unwrap();
    let mut v = vault_in(&dir);
    let extra = NamedIdentity::generate();
    v.payload_mut().recipients.push(ExtraRecipient {
        recipient: extra.recipient.clone(),
        added: NOW,
    });
    v.save().unwrap();
    let path = v.path().to_path_buf();
    drop(v);
    let mut ro = Vault::open(&path, &Unlock::Identities(vec![extra])).unwrap();
    assert!(!ro.is_verified());
    ro.release_lock();
    let mut app = locked_app(true);
    app.enter_session(ro);
    let text = screen_text(&app, 80, 24);
    // Whole, at 80 columns.
    assert!(
        text.contains(text::UNVERIFIED_BANNER.text().trim()),
        "{text}"
    );
    // Every save of the session is refused by the core.
    let Screen::Main(s) = &mut app.screen else {
        panic!("not in a session")
    };
    let e = s.vault.save().unwrap_err();
    assert!(matches!(e, VaultError::Unverified { .. }), "{e:?}");
    // A proved session has no banner.
    let genuine = unlocked_app(&dir);
    assert!(!screen_text(&genuine, 80, 24).contains("UNVERIFIED"));
}

/// A vault with an extra recipient, opened with that extra key (a
/// read-only session) in an unlocked app. Returns the app, the vault path
/// and the recovery key's text.
fn read_only_app(dir: &tempfile::TempDir) -> (App, PathBuf, String) {
    use crate::vault::format::ExtraRecipient;
    use crate::vault::{NamedIdentity, Unlock};
    let mut v = vault_in(dir);
    let extra = NamedIdentity::generate();
    v.payload_mut().recipients.push(ExtraRecipient {
        recipient: extra.recipient.clone(),
        added: NOW,
    });
    v.save().unwrap();
    let path = v.path().to_path_buf();
    let rk = v.payload().keys.recovery_identity.expose().to_owned();
    drop(v);
    let mut ro = Vault::open(&path, &Unlock::Identities(vec![extra])).unwrap();
    assert!(!ro.is_verified());
    ro.release_lock();
    let mut app = locked_app(true);
    app.enter_session(ro);
    (app, path, rk)
}

/// Runs a prove effect the way the runtime does and feeds the result back.
fn run_prove(app: &mut App, path: &std::path::Path, fx: Vec<Effect>) -> Vec<Effect> {
    let mut out = Vec::new();
    for e in fx {
        match e {
            Effect::Prove(m) => out.extend(update(
                app,
                Message::Proved(crate::tui::runtime::prove_session(path, &m).map(Box::new)),
            )),
            other => panic!("unexpected {other:?}"),
        }
    }
    out
}

/// Runs save effects the way the runtime does.
fn run_saves(app: &mut App, fx: Vec<Effect>) -> Vec<Effect> {
    let mut out = Vec::new();
    for e in fx {
        let Effect::Save = e else {
            panic!("unexpected {e:?}")
        };
        let Screen::Main(s) = &mut app.screen else {
            panic!("locked")
        };
        let r = s.vault.save();
        out.extend(update(app, Message::Saved(r)));
    }
    out
}

#[test]
fn read_only_session_is_marked_on_every_screen() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let (mut app, _, _) = read_only_app(&dir);
        snap(&app, "items_unverified");
        // The header says so on every page, not only above the list.
        open_item(&mut app, "Mail login");
        assert!(screen_text(&app, 80, 24).contains(&text::UNVERIFIED_MARK.text()));
        press(
            &mut app,
            &[key(KeyCode::Esc), key(KeyCode::Esc), key(KeyCode::Tab)],
        );
        assert!(screen_text(&app, 80, 24).contains(&text::UNVERIFIED_MARK.text()));
        let genuine = unlocked_app(&dir);
        assert!(!screen_text(&genuine, 120, 40).contains(&text::UNVERIFIED_MARK.text()));
    });
}

#[test]
fn read_only_session_proved_with_the_passphrase_saves_a_genuine_file() {
    in_both_languages(|| {
        use crate::vault::Unlock;
        let dir = tempfile::tempdir().unwrap();
        let (mut app, path, _) = read_only_app(&dir);
        let before = std::fs::read(&path).unwrap();
        // Delete an item: the save is refused and the prompt opens by itself.
        open_item(&mut app, "Mail login");
        press(&mut app, &[ch('d')]);
        let fx = press(&mut app, &[ch('y')]);
        let fx = run_saves(&mut app, fx);
        assert!(fx.is_empty(), "{fx:?}");
        assert_eq!(app.context(), Context::Prove);
        assert_eq!(std::fs::read(&path).unwrap(), before);
        snap(&app, "prove_prompt");
        // A wrong passphrase: refused, still read-only, the file untouched.
        type_text(&mut app, "not the passphrase");
        let fx = press(&mut app, &[key(KeyCode::Enter)]);
        assert_eq!(app.context(), Context::Busy);
        let fx = run_prove(&mut app, &path, fx);
        assert!(fx.is_empty(), "{fx:?}");
        assert_eq!(app.context(), Context::Prove);
        let shown = flat_text(&app, 120, 40);
        assert!(shown.contains(&text::PROOF_FAILED.text()), "{shown}");
        assert!(!session(&app).vault.is_verified());
        assert_eq!(std::fs::read(&path).unwrap(), before);
        // The right one: proved, and the refused change is saved.
        type_text(&mut app, "a long test passphrase");
        let fx = press(&mut app, &[key(KeyCode::Enter)]);
        let fx = run_prove(&mut app, &path, fx);
        assert!(matches!(&fx[..], [Effect::Save]), "{fx:?}");
        run_saves(&mut app, fx);
        assert!(session(&app).vault.is_verified());
        assert!(!screen_text(&app, 120, 40).contains(&text::UNVERIFIED_MARK.text()));
        assert_ne!(std::fs::read(&path).unwrap(), before);
        let v = Vault::open(
            &path,
            &Unlock::Passphrase(SecretString::from("a long test passphrase")),
        )
        .unwrap();
        assert!(v.is_verified());
        assert!(v
            .payload()
            .items
            .iter()
            .all(|i| !i.name.contains("Mail login")));
    });
}

#[test]
fn read_only_session_proved_with_the_recovery_key() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path, rk) = read_only_app(&dir);
    let fx = press(&mut app, &[ch('P')]);
    assert!(fx.is_empty());
    assert_eq!(app.context(), Context::Prove);
    // Esc stays read-only.
    press(&mut app, &[key(KeyCode::Esc)]);
    assert_eq!(app.context(), Context::Items);
    assert!(!session(&app).vault.is_verified());
    press(&mut app, &[ch('P')]);
    update(
        &mut app,
        Message::Paste(SecretString::from(format!("{rk}\n"))),
    );
    let fx = press(&mut app, &[key(KeyCode::Enter)]);
    let fx = run_prove(&mut app, &path, fx);
    // Opened with P, not by a refused save: nothing to save.
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(app.context(), Context::Items);
    let s = session(&app);
    assert_eq!(s.vault.opened_by(), &crate::vault::OpenedBy::RecoveryKey);
    let Screen::Main(s) = &mut app.screen else {
        panic!("locked")
    };
    s.vault.save().unwrap();
}

#[test]
fn unsafe_vault_folder_is_shown_before_unlock_and_above_the_items() {
    in_both_languages(|| {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let v = vault_in(&dir);
        let path = v.path().to_path_buf();
        drop(v);
        let folder = path.parent().unwrap();
        let mut app = App::new(
            path.clone(),
            true,
            crate::playbook::builtin(),
            Theme { color: false },
            NOW,
        );
        app.check_folder();
        assert!(app.unsafe_folder.is_none(), "a 0700 folder is private");
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o777)).unwrap();
        app.check_folder();
        let (why, fix) = app
            .unsafe_folder
            .clone()
            .expect("a 0777 folder is not private");
        assert!(why.contains("0777"), "{why}");
        assert!(fix.contains("chmod go-w"), "{fix}");
        let flat = flat_text(&app, 120, 40);
        assert!(
            flat.contains(say(
                "the vault's folder is not private",
                "保险库所在的文件夹不是私有的"
            )),
            "{flat}"
        );
        // The command stands whole on one row, so it can be copied without
        // a line break inside: at both sizes for a folder path as long as
        // the 80-column box holds, and a longer one where the terminal is
        // wide enough (the box widens for it).
        for (folder, sizes) in [
            (folder.display().to_string(), &[(80, 24), (120, 40)][..]),
            (
                "/home/ada/.local/share/lifeboat".to_owned(),
                &[(80, 24), (120, 40)],
            ),
            (
                format!("/home/ada/{}", "Sync/".repeat(9)),
                &[(80, 24), (120, 40)],
            ),
            (format!("/home/ada/{}", "Sync/".repeat(18)), &[(120, 40)]),
        ] {
            let mut app = locked_app(true);
            let fix = format!("chmod go-w '{folder}'");
            app.unsafe_folder = Some((why.clone(), fix.clone()));
            for &(w, h) in sizes {
                let t = render(&app, w, h);
                assert!(
                    rows_of(&t).iter().any(|r| r.contains(&fix)),
                    "{fix} split at {w}x{h}:\n{}",
                    t.backend()
                );
            }
        }
        // Snapshots with a fixed folder, so they do not hold a temp path.
        let fixed = (
            crate::vault::store::folder_risk_text(crate::vault::store::FolderRisk::Writable {
                mode: 0o777,
            }),
            "chmod go-w '/home/ada/.local/share/lifeboat'".to_owned(),
        );
        let mut locked = locked_app(true);
        locked.unsafe_folder = Some(fixed.clone());
        snap(&locked, "unlock_unsafe_folder");
        let mut open = unlocked_app(&dir);
        open.unsafe_folder = Some(fixed);
        snap(&open, "items_unsafe_folder");
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700)).unwrap();
    });
}

// ---- the tools tab -------------------------------------------------------

/// Runs a tool effect the way the runtime does and feeds the result back.
fn run_tool(app: &mut App, fx: Vec<Effect>) {
    for e in fx {
        let Screen::Main(s) = &mut app.screen else {
            panic!("locked")
        };
        let done = match e {
            Effect::Backup { dir } => crate::tui::tool_work::make_backup(&mut s.vault, &dir),
            Effect::Drill { dir } => crate::tui::tool_work::drill(&mut s.vault, &dir),
            Effect::WriteKit { dir } => crate::tui::tool_work::write_kit(&mut s.vault, &dir),
            Effect::Doctor => Ok(crate::tui::tool_work::check_up(&s.vault)),
            Effect::Split { dir, plan } => crate::tui::tool_work::split(&mut s.vault, &dir, &plan),
            Effect::InstallPassphraseKey(k) => {
                crate::tui::tool_work::install_passphrase(&mut s.vault, *k)
            }
            Effect::Purge { ids } => crate::tui::tool_work::purge(&mut s.vault, &ids),
            Effect::Rekey { old, current, new } => {
                // The worker thread's work, done here.
                let r = crate::vault::rekey::new_key(&old, &current, &new).map(Box::new);
                let fx = update(app, Message::Rekeyed(r));
                run_tool(app, fx);
                continue;
            }
            other => panic!("unexpected {other:?}"),
        };
        update(app, Message::ToolDone(done));
    }
}

#[test]
fn tools_make_a_backup_drill_it_write_the_kit_and_check_up() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        press(&mut app, &[key(KeyCode::Tab), key(KeyCode::Tab)]);
        assert_eq!(app.context(), Context::Tools);
        // Make a backup: the folder is asked (the default beside the vault).
        press(&mut app, &[key(KeyCode::Enter)]);
        assert_eq!(app.context(), Context::ToolsFolder);
        press(&mut app, &[ctrl('u')]);
        type_text(&mut app, "/media/usb/lifeboat");
        snap(&app, "tools_folder");
        press(&mut app, &[ctrl('u')]);
        let folder = dir.path().join("usb");
        type_text(&mut app, &folder.display().to_string());
        let fx = press(&mut app, &[key(KeyCode::Enter)]);
        assert!(
            matches!(&fx[..], [Effect::Backup { dir }] if *dir == folder),
            "{fx:?}"
        );
        run_tool(&mut app, fx);
        let f = flat_text(&app, 120, 40);
        assert!(
            f.contains(say("Backup written and verified", "备份已写入并验证")),
            "{f}"
        );
        let backups = crate::recovery::backup::list_backups(&folder).unwrap();
        assert_eq!(backups.len(), 1);
        // The backup opens with the recovery key alone.
        let rk = crate::vault::NamedIdentity::parse(
            session(&app)
                .vault
                .payload()
                .keys
                .recovery_identity
                .expose(),
        )
        .unwrap();
        let v = Vault::open(
            &backups[0].path,
            &crate::vault::Unlock::Identities(vec![rk]),
        )
        .unwrap();
        assert_eq!(
            v.payload().items.len(),
            session(&app).vault.payload().items.len()
        );
        drop(v);
        // The folder is remembered, the backup recorded.
        let p = session(&app).vault.payload();
        assert_eq!(
            p.settings.backup_dir.as_deref(),
            Some(folder.to_str().unwrap())
        );
        assert!(p.history.last_backup.is_some());
        // Restore drill on it: the remembered folder is offered.
        press(&mut app, &[ch('j'), key(KeyCode::Enter)]);
        let fx = press(&mut app, &[key(KeyCode::Enter)]);
        assert!(
            matches!(&fx[..], [Effect::Drill { dir }] if *dir == folder),
            "{fx:?}"
        );
        run_tool(&mut app, fx);
        assert!(flat_text(&app, 120, 40)
            .contains(say("opens with the recovery key", "能用恢复密钥打开")));
        assert!(session(&app).vault.payload().history.last_drill.is_some());
        // The kit: a private file in the folder.
        press(&mut app, &[ch('j'), key(KeyCode::Enter)]);
        let fx = press(&mut app, &[key(KeyCode::Enter)]);
        run_tool(&mut app, fx);
        let kit = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "html"))
            .expect("the kit");
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&kit).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(session(&app).vault.payload().history.kit_printed.is_some());
        // The doctor's findings, with their fixes.
        press(&mut app, &[ch('G')]);
        let fx = press(&mut app, &[key(KeyCode::Enter)]);
        assert!(matches!(&fx[..], [Effect::Doctor]));
        run_tool(&mut app, fx);
        assert!(session(&app)
            .tools
            .findings
            .as_ref()
            .is_some_and(|f| !f.is_empty()));
        // Paths vary per run: snapshot the doctor with the folder hidden.
        let Screen::Main(s) = &mut app.screen else {
            panic!()
        };
        s.vault.payload_mut().settings.backup_dir = Some("/media/usb/lifeboat".into());
        let real = s.vault.path().parent().unwrap().display().to_string();
        for f in s.tools.findings.as_mut().unwrap() {
            f.message = f.message.replace(&real, "/home/ada/.local/share/lifeboat");
        }
        snap(&app, "tools_doctor");
    });
}

/// The Tools tab's split: the plan typed, then the folder; the share files
/// are those `lifeboat split --out` writes (same names and header), 0600,
/// and any two of three rebuild the vault's recovery key.
#[test]
fn tools_split_the_recovery_key_into_share_files_that_rebuild_it() {
    in_both_languages(|| {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        press(&mut app, &[key(KeyCode::Tab), key(KeyCode::Tab)]);
        press(&mut app, &[ch('j'), ch('j'), ch('j'), key(KeyCode::Enter)]);
        assert_eq!(app.context(), Context::ToolsSplit);
        snap(&app, "tools_split");
        // A plan that cannot work is refused with what to type, and kept.
        press(&mut app, &[ctrl('u')]);
        type_text(&mut app, "5 of 3");
        assert!(press(&mut app, &[key(KeyCode::Enter)]).is_empty());
        assert_eq!(app.context(), Context::ToolsSplit);
        assert!(flat_text(&app, 120, 40).contains(say("between 1 and N", "1 到 N 个")));
        press(&mut app, &[ctrl('u')]);
        type_text(&mut app, "2 of 3");
        press(&mut app, &[key(KeyCode::Enter)]);
        assert_eq!(app.context(), Context::ToolsFolder);
        let f = flat_text(&app, 120, 40);
        assert!(
            f.contains(say(
                "Folder for the 3 share files",
                "存放 3 个份额文件的文件夹"
            )),
            "{f}"
        );
        press(&mut app, &[ctrl('u')]);
        type_text(&mut app, "/media/usb/shares");
        snap(&app, "tools_split_folder");
        press(&mut app, &[ctrl('u')]);
        let out = dir.path().join("shares");
        type_text(&mut app, &out.display().to_string());
        let fx = press(&mut app, &[key(KeyCode::Enter)]);
        assert!(
            matches!(&fx[..], [Effect::Split { dir, plan }] if *dir == out && plan.groups == [(2, 3)]),
            "{fx:?}"
        );
        run_tool(&mut app, fx);
        let f = flat_text(&app, 120, 40);
        assert!(
            f.contains(say("3 share files written", "已把 3 个份额文件写入")),
            "{f}"
        );
        let mut files: Vec<_> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        assert_eq!(files.len(), 3);
        let mut shares = Vec::new();
        for p in &files {
            let name = p.file_name().unwrap().to_str().unwrap();
            assert!(
                name.starts_with("lifeboat-share-") && name.ends_with(".txt"),
                "{name}"
            );
            let mode = std::fs::metadata(p).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
            let body = std::fs::read_to_string(p).unwrap();
            assert!(
                body.starts_with(say(
                    "# lifeboat recovery-key share: share ",
                    "# lifeboat 恢复密钥份额：份额 "
                )),
                "{body}"
            );
            shares.extend(crate::recovery::split::mnemonics_from_text(&body));
        }
        assert_eq!(shares.len(), 3);
        let key = session(&app).vault.payload().keys.recovery_identity.clone();
        for pair in [[0, 1], [0, 2], [1, 2]] {
            let two = [shares[pair[0]].clone(), shares[pair[1]].clone()];
            let rebuilt = crate::recovery::split::rebuild_key(&two).unwrap();
            assert_eq!(rebuilt.text.expose(), key.expose());
        }
        assert!(crate::recovery::split::rebuild_key(&shares[..1]).is_err());
        assert!(session(&app)
            .vault
            .payload()
            .history
            .recovery_key_split
            .is_some());
    });
}

/// The vault of a session at the KDF floor (fast, and kept as it is).
fn at_the_floor(app: &mut App) -> KdfParams {
    let floor = KdfParams {
        m_kib: 19 * 1024,
        t: 2,
        p: 1,
    };
    let Screen::Main(s) = &mut app.screen else {
        panic!()
    };
    s.vault
        .set_passphrase(&SecretString::from("a long test passphrase"), floor)
        .unwrap();
    s.vault.save().unwrap();
    floor
}

fn passwd_form(app: &App) -> &crate::tui::screens::tools::PasswdForm {
    session(app)
        .tools
        .passwd
        .as_ref()
        .expect("the passphrase form")
}

// The attack first: someone at an unlocked screen who does not know the
// passphrase cannot set one, a weak one is refused, and a refusal leaves
// the vault file byte for byte as it was.
#[test]
fn tools_change_passphrase_refuses_a_wrong_current_or_weak_new_one() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        at_the_floor(&mut app);
        let path = session(&app).vault.path().to_path_buf();
        let before = std::fs::read(&path).unwrap();
        press(&mut app, &[key(KeyCode::Tab), key(KeyCode::Tab)]);
        press(&mut app, &[ch('j'), ch('j'), ch('j'), ch('j')]);
        press(&mut app, &[key(KeyCode::Enter)]);
        assert_eq!(app.context(), Context::ToolsPassphrase);
        // Letters are text here, not commands (q does not quit).
        assert!(matches!(map_key(&app, ch('q')), Some(Message::Input(_))));
        // Enter on an empty current passphrase says what to type.
        assert!(press(&mut app, &[key(KeyCode::Enter)]).is_empty());
        assert!(flat_text(&app, 120, 40).contains(say(
            "Type the current passphrase first",
            "请先输入当前的主密码"
        )));
        // Wrong current passphrase, strong new one: refused after the check.
        type_text(&mut app, "not the passphrase");
        press(&mut app, &[key(KeyCode::Enter)]);
        type_text(&mut app, "violet harbour tractor sings 1987");
        press(&mut app, &[key(KeyCode::Enter)]);
        type_text(&mut app, "violet harbour tractor sings 1987");
        snap(&app, "tools_passphrase");
        let fx = press(&mut app, &[key(KeyCode::Enter)]);
        assert!(matches!(&fx[..], [Effect::Rekey { .. }]), "{fx:?}");
        assert_eq!(app.context(), Context::Busy);
        run_tool(&mut app, fx);
        assert_eq!(app.context(), Context::ToolsPassphrase);
        assert!(flat_text(&app, 120, 40).contains(say("current passphrase is wrong", "当前主密码")));
        let form = passwd_form(&app);
        assert!(form.current.is_empty(), "the wrong one is cleared");
        assert_eq!(form.focus, 0);
        assert_eq!(
            form.new.first.expose(),
            "violet harbour tractor sings 1987",
            "the new one is kept"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
        // Right current passphrase, weak new one: refused at once, no effect.
        press(&mut app, &[key(KeyCode::Esc)]);
        press(&mut app, &[key(KeyCode::Enter)]);
        type_text(&mut app, "a long test passphrase");
        press(&mut app, &[key(KeyCode::Enter)]);
        type_text(&mut app, "password1");
        press(&mut app, &[key(KeyCode::Enter)]);
        type_text(&mut app, "password1");
        assert!(press(&mut app, &[key(KeyCode::Enter)]).is_empty());
        assert_eq!(passwd_form(&app).focus, 1);
        assert!(passwd_form(&app).error.is_some());
        // Mismatched repetition: refused at once too.
        press(&mut app, &[key(KeyCode::Esc), key(KeyCode::Enter)]);
        type_text(&mut app, "a long test passphrase");
        press(&mut app, &[key(KeyCode::Enter)]);
        type_text(&mut app, "violet harbour tractor sings 1987");
        press(&mut app, &[key(KeyCode::Enter)]);
        type_text(&mut app, "violet harbour tractor sings 1988");
        assert!(press(&mut app, &[key(KeyCode::Enter)]).is_empty());
        // Esc leaves with nothing changed.
        press(&mut app, &[key(KeyCode::Esc)]);
        assert_eq!(app.context(), Context::Tools);
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert!(Vault::open(
            &path,
            &crate::vault::Unlock::Passphrase(SecretString::from("a long test passphrase"))
        )
        .is_ok());
    });
}

#[test]
fn tools_change_passphrase_saves_a_new_one_that_opens_the_vault() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    let floor = at_the_floor(&mut app);
    let path = session(&app).vault.path().to_path_buf();
    press(&mut app, &[key(KeyCode::Tab), key(KeyCode::Tab)]);
    press(&mut app, &[ch('j'), ch('j'), ch('j'), ch('j')]);
    press(&mut app, &[key(KeyCode::Enter)]);
    type_text(&mut app, "a long test passphrase");
    press(&mut app, &[key(KeyCode::Tab)]);
    type_text(&mut app, "violet harbour tractor sings 1987");
    press(&mut app, &[key(KeyCode::Tab)]);
    type_text(&mut app, "violet harbour tractor sings 1987");
    let fx = press(&mut app, &[key(KeyCode::Enter)]);
    run_tool(&mut app, fx);
    assert_eq!(app.context(), Context::Tools);
    let f = flat_text(&app, 120, 40);
    assert!(f.contains("Passphrase changed and saved"), "{f}");
    assert!(!f.contains("below the floor"), "{f}");
    assert_eq!(session(&app).vault.payload().keys.passphrase.params, floor);
    assert_eq!(
        session(&app)
            .vault
            .payload()
            .audit
            .last()
            .map(|a| a.action.as_str()),
        Some("passwd")
    );
    assert!(Vault::open(
        &path,
        &crate::vault::Unlock::Passphrase(SecretString::from("violet harbour tractor sings 1987"))
    )
    .is_ok());
    assert!(Vault::open(
        &path,
        &crate::vault::Unlock::Passphrase(SecretString::from("a long test passphrase"))
    )
    .is_err());
}

/// Findings longer than the panel scroll with PgDn, with a marker saying
/// there is more.
#[test]
fn tools_doctor_findings_scroll_into_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    press(&mut app, &[key(KeyCode::Tab), key(KeyCode::Tab), ch('G')]);
    let fx = press(&mut app, &[key(KeyCode::Enter)]);
    run_tool(&mut app, fx);
    let last = session(&app)
        .tools
        .findings
        .as_ref()
        .and_then(|f| f.last())
        .map(|f| f.message.clone())
        .unwrap();
    // A fix a tool of this tab makes is named by that tool, not by a
    // command (the test vault's KDF is below the floor).
    let wide = flat_text(&app, 120, 40);
    assert!(wide.contains("→ here: Change passphrase"), "{wide}");
    assert!(!wide.contains("lifeboat passwd --kdf-memory"), "{wide}");
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("▼ more"), "{screen}");
    assert!(!flat_text(&app, 80, 24).contains(&last));
    for _ in 0..10 {
        press(&mut app, &[key(KeyCode::PageDown)]);
        let _ = screen_text(&app, 80, 24);
    }
    let f = flat_text(&app, 80, 24);
    assert!(f.contains(&last), "{f}");
    assert!(screen_text(&app, 80, 24).contains("▲"));
    assert!(!screen_text(&app, 80, 24).contains("▼ more"));
    press(&mut app, &[key(KeyCode::PageUp); 10]);
    assert_eq!(session(&app).tools.scroll, 0);
}

#[test]
fn a_vault_whose_key_was_never_confirmed_shows_a_banner_until_the_kit() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        assert!(!flat_text(&app, 80, 24).contains("Recovery key not confirmed"));
        let Screen::Main(s) = &mut app.screen else {
            panic!()
        };
        s.vault.payload_mut().history.recovery_key_exported = None;
        assert!(
            flat_text(&app, 80, 24).contains(say("Recovery key not confirmed", "恢复密钥尚未确认"))
        );
        snap(&app, "items_key_banner");
        let Screen::Main(s) = &mut app.screen else {
            panic!()
        };
        s.vault.payload_mut().history.kit_printed = Some(NOW);
        assert!(!flat_text(&app, 80, 24).contains("Recovery key not confirmed"));
    });
}

// ---- the seed form -------------------------------------------------------

#[test]
fn a_seed_refused_for_one_word_is_fixed_by_editing_that_word() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        press(&mut app, &[ch('a'), key(KeyCode::Tab)]);
        type_text(&mut app, "Typo wallet");
        for _ in 0..4 {
            press(&mut app, &[key(KeyCode::Tab)]);
        }
        let mut words = vec!["abandon"; 11];
        words.push("about");
        words[4] = "abandn";
        type_text(&mut app, &words.join(" "));
        assert!(press(&mut app, &[ctrl('s')]).is_empty(), "refused");
        // The refusal names word 5: it is chosen, nothing was wiped.
        assert_eq!(form(&app).word, Some(4));
        assert_eq!(form(&app).focus, FormField::Secret);
        assert_eq!(form(&app).secret.expose(), words.join(" "));
        // Masked until shown; Ctrl+R shows the words.
        assert!(!screen_text(&app, 120, 40).contains("1:abandon"));
        press(&mut app, &[ctrl('r')]);
        assert!(screen_text(&app, 120, 40).contains("1:abandon"));
        assert!(screen_text(&app, 120, 40).contains("5:abandn"));
        snap(&app, "form_seed_word_fix");
        // Fix that word alone.
        press(&mut app, &[key(KeyCode::Backspace)]);
        type_text(&mut app, "on");
        assert_eq!(
            form(&app).secret.expose(),
            format!("{} about", ["abandon"; 11].join(" "))
        );
        // ←/→ choose other words; past the last, typing appends again.
        press(&mut app, &[key(KeyCode::Right)]);
        assert_eq!(form(&app).word, Some(5));
        for _ in 0..7 {
            press(&mut app, &[key(KeyCode::Right)]);
        }
        assert_eq!(form(&app).word, None);
        let fx = press(&mut app, &[ctrl('s')]);
        assert!(matches!(&fx[..], [Effect::Save]), "{fx:?}");
    });
}

#[test]
fn config_file_settings_beat_the_vaults_within_limits() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = locked_app(true);
    app.config = ConfigSettings {
        auto_lock_secs: Some(90),
        clipboard_clear_secs: Some(45),
        backup_dir: Some("/media/usb/lifeboat".into()),
    };
    app.enter_session(vault_in(&dir));
    assert_eq!(app.auto_lock_secs, 90);
    assert_eq!(app.clipboard_clear_secs, 45);
    let s = session(&app);
    assert_eq!(
        crate::tui::screens::tools::backup_folder(&app, s),
        "/media/usb/lifeboat"
    );
    // Without the file: the vault's settings (defaults 5 min and 20 s).
    let mut app = locked_app(true);
    app.enter_session(vault_in(&dir));
    assert_eq!(app.auto_lock_secs, 300);
    assert_eq!(app.clipboard_clear_secs, 20);
    // Out-of-range values are held to sane limits.
    let mut app = locked_app(true);
    app.config.auto_lock_secs = Some(1);
    app.config.clipboard_clear_secs = Some(100_000);
    app.enter_session(vault_in(&dir));
    assert_eq!(app.auto_lock_secs, 10);
    assert_eq!(app.clipboard_clear_secs, 600);
}

// ---- wide (CJK) text -------------------------------------------------

/// The demo vault plus items with Chinese names, long and short.
fn cjk_app(dir: &tempfile::TempDir) -> App {
    let mut v = vault_in(dir);
    for (name, account) in [
        ("我的钱包", "Example Wallet"),
        (
            "交易所（主账户）紧急备用恢复码一二三四五六七八九十",
            "Example Wallet",
        ),
    ] {
        let mut item = Item::new(
            name.to_owned(),
            Secret::Note {
                text: SecretString::from("x"),
            },
        );
        item.account = Some(account.to_owned());
        item.tags = vec!["备用".to_owned()];
        item.created = NOW;
        item.updated = NOW;
        v.add_item(item).unwrap();
    }
    let mut app = locked_app(true);
    app.enter_session(v);
    app
}

#[test]
fn wide_names_keep_the_item_columns_aligned() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let app = cjk_app(&dir);
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let t = render(&app, w, h);
            let buf = t.backend().buffer();
            // Rows holding a tag: the cell where '#' starts must be the same on
            // every row (a wide character takes two cells of the buffer).
            let mut tag_cols = Vec::new();
            for y in 0..h {
                let row: Vec<&str> = (0..w).map(|x| buf[(x, y)].symbol()).collect();
                let line = row.concat();
                // A wide character's second cell holds a space: squeeze them.
                let squeezed = line.replace(' ', "");
                if squeezed.contains(say("NOTE", "笔记"))
                    || squeezed.contains(say("SEED", "助记词"))
                {
                    let col = row.iter().position(|s| *s == "#").expect("a tag column");
                    tag_cols.push(col);
                }
            }
            assert!(tag_cols.len() >= 3, "{tag_cols:?}");
            assert!(
                tag_cols.iter().all(|c| *c == tag_cols[0]),
                "tags not aligned at {w}x{h}: {tag_cols:?}\n{}",
                t.backend()
            );
        }
        snap(&app, "items_cjk");
    });
}

/// Each row of the screen as text, read cell by cell the way a terminal
/// draws it (a wide character covers the cell after it). A row that does
/// not end exactly at the screen's edge holds a cut wide character.
fn rows_of(t: &Terminal<TestBackend>) -> Vec<String> {
    let buf = t.backend().buffer();
    let (w, h) = (buf.area.width, buf.area.height);
    (0..h)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < w {
                let sym = buf[(x, y)].symbol();
                row.push_str(sym);
                x += crate::textwidth::width(sym).max(1) as u16;
            }
            assert_eq!(x, w, "row {y} overruns the edge: {row:?}\n{}", t.backend());
            row
        })
        .collect()
}

/// The CJK demo vault with the Simplified Chinese playbooks.
fn zh_app(dir: &tempfile::TempDir) -> App {
    let mut app = cjk_app(dir);
    app.playbooks = crate::playbook::builtin::all(crate::lang::Lang::ZhCn);
    app
}

#[test]
fn chinese_playbook_titles_are_cut_with_a_mark_in_the_list() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = zh_app(&dir);
        press(&mut app, &[key(KeyCode::Tab)]);
        let t = render(&app, 80, 24);
        let rows = rows_of(&t);
        let mut seen = 0;
        for pb in &app.playbooks {
            let first: String = pb.title.chars().take(3).collect();
            let Some(row) = rows.iter().find(|r| r.contains(&first)) else {
                continue;
            };
            seen += 1;
            // The title starts in the same cell on every row, after the
            // marker, severity, bar and status columns.
            let cells_before = crate::textwidth::width(&row[..row.find(&first).unwrap()]);
            assert_eq!(cells_before, 34, "{row:?}");
            if crate::textwidth::width(&pb.title) > 80 - 36 - 2 {
                assert!(row.contains('…'), "a cut title is marked: {row:?}");
            } else {
                assert!(row.contains(pb.title.as_str()), "{row:?}");
            }
        }
        assert!(
            seen >= 8,
            "only {seen} playbook rows found\n{}",
            t.backend()
        );
        snap(&app, "playbooks_zh");
    });
}

#[test]
fn chinese_runner_steps_line_up_and_cut_with_a_mark() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = zh_app(&dir);
        open_runner(&mut app, "account-locked");
        let pb = crate::playbook::builtin::get("account-locked", crate::lang::Lang::ZhCn).unwrap();
        let t = render(&app, 80, 24);
        let rows = rows_of(&t);
        let mut starts = Vec::new();
        for s in &pb.steps {
            let head: String = s.title.chars().take(4).collect();
            if let Some(row) = rows.iter().find(|r| r.contains(&head)) {
                starts.push(crate::textwidth::width(&row[..row.find(&head).unwrap()]));
                if crate::textwidth::width(&s.title) + 14 > 80 {
                    assert!(row.contains('…'), "a cut step is marked: {row:?}");
                }
            }
        }
        assert!(starts.len() >= 3, "{starts:?}\n{}", t.backend());
        assert!(
            starts.iter().all(|c| *c == starts[0]),
            "step titles start in different cells: {starts:?}\n{}",
            t.backend()
        );
        snap(&app, "runner_zh");
    });
}

#[test]
fn an_item_with_a_chinese_name_shows_whole_in_its_detail_and_form() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = zh_app(&dir);
        open_item(&mut app, "我的钱包");
        let t = render(&app, 80, 24);
        let rows = rows_of(&t);
        assert!(
            rows.iter().any(|r| r.contains("我的钱包")),
            "{}",
            t.backend()
        );
        snap(&app, "detail_cjk");
        press(&mut app, &[key(KeyCode::Esc), key(KeyCode::Esc), ch('a')]);
        press(&mut app, &[key(KeyCode::Tab)]);
        type_text(&mut app, "交易所（主账户）紧急备用");
        press(&mut app, &[key(KeyCode::Tab)]);
        type_text(&mut app, "我的钱包");
        let t = render(&app, 80, 24);
        let rows = rows_of(&t);
        assert!(
            rows.iter().any(|r| r.contains("交易所（主账户）紧急备用")),
            "{}",
            t.backend()
        );
        snap(&app, "form_cjk");
    });
}

#[test]
fn a_chinese_interface_says_share_words_are_english_where_shares_are_made_or_typed() {
    let note_head: String = {
        let _zh = crate::i18n::scoped(crate::lang::Lang::ZhCn);
        text::SHARES_ARE_ENGLISH.text().chars().take(12).collect()
    };
    assert!(note_head.contains("SLIP-39"), "{note_head}");
    for lang in [crate::lang::Lang::ZhCn, crate::lang::Lang::En] {
        let _in = crate::i18n::scoped(lang);
        let chinese = lang == crate::lang::Lang::ZhCn;
        // Typing shares to recover.
        let mut app = locked_app(true);
        press(&mut app, &[ctrl('r')]);
        type_text(&mut app, "academic acid acne");
        let f = rows_of(&render(&app, 120, 40)).join("\n");
        assert_eq!(f.contains(&note_head), chinese, "{lang:?}: {f}");
        if chinese {
            snap_both_sizes(&app, "recover_zh_note");
        }
        // Splitting the recovery key into shares.
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        press(&mut app, &[key(KeyCode::Tab), key(KeyCode::Tab)]);
        press(&mut app, &[ch('j'), ch('j'), ch('j'), key(KeyCode::Enter)]);
        assert_eq!(app.context(), Context::ToolsSplit);
        let f = rows_of(&render(&app, 120, 40)).join("\n");
        assert_eq!(f.contains(&note_head), chinese, "{lang:?}: {f}");
    }
}

#[test]
fn a_step_that_does_not_apply_is_set_aside_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_runner(&mut app, "account-locked");
    let pb = app
        .playbooks
        .iter()
        .find(|p| p.id == "account-locked")
        .unwrap()
        .clone();
    // Step 1 is a note step; S opens the reason editor instead.
    assert!(matches!(map_key(&app, ch('S')), Some(Message::SkipStep)));
    press(&mut app, &[ch('S')]);
    assert_eq!(app.context(), Context::NoteEntry);
    // An empty reason is refused with what to do, in TUI keys.
    assert!(press(&mut app, &[key(KeyCode::Enter)]).is_empty());
    let screen = screen_text(&app, 80, 24);
    assert!(
        screen.contains("Say why this step does not apply"),
        "{screen}"
    );
    type_text(&mut app, "No message was shown");
    let fx = press(&mut app, &[key(KeyCode::Enter)]);
    assert!(matches!(&fx[..], [Effect::Save]), "{fx:?}");
    let run = session(&app)
        .vault
        .payload()
        .playbooks
        .run("account-locked")
        .unwrap()
        .clone();
    let rec = run.record(&pb.steps[0].id).unwrap();
    assert_eq!(rec.not_applicable.as_deref(), Some("No message was shown"));
    assert_eq!(rec.done_at, Some(NOW));
    // The help lists the key.
    press(&mut app, &[ch('?')]);
    assert!(screen_text(&app, 120, 40).contains("set it aside with the reason"));
}

#[test]
fn ctrl_c_in_a_half_filled_form_asks_before_discarding() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        // Nothing typed: Ctrl+C quits at once.
        let fx = press(&mut app, &[ctrl('c')]);
        assert!(matches!(&fx[..], [Effect::Quit]), "{fx:?}");

        let mut app = unlocked_app(&dir);
        press(&mut app, &[ch('a')]);
        assert_eq!(app.context(), Context::Form);
        // An empty new form: nothing to lose, but it is still the form.
        press(&mut app, &[key(KeyCode::Tab)]);
        type_text(&mut app, "Half-typed name");
        let fx = press(&mut app, &[ctrl('c')]);
        assert!(fx.is_empty(), "{fx:?}");
        assert!(app.confirm_quit);
        assert!(screen_text(&app, 80, 24).contains(say(
            "Quit and lose what you typed?",
            "退出并丢弃你输入的内容？"
        )));
        snap(&app, "form_quit_confirm");
        // Any other key goes back, with everything kept.
        let fx = press(&mut app, &[ch('n')]);
        assert!(fx.is_empty(), "{fx:?}");
        assert!(!app.confirm_quit);
        assert_eq!(form(&app).name, "Half-typed name");
        // Asked again, y quits.
        press(&mut app, &[ctrl('c')]);
        let fx = press(&mut app, &[ch('y')]);
        assert!(matches!(&fx[..], [Effect::Quit]), "{fx:?}");
        // Ctrl+C twice quits too.
        let mut app = unlocked_app(&dir);
        press(&mut app, &[ch('a'), key(KeyCode::Tab)]);
        type_text(&mut app, "x");
        press(&mut app, &[ctrl('c')]);
        let fx = press(&mut app, &[ctrl('c')]);
        assert!(matches!(&fx[..], [Effect::Quit]), "{fx:?}");
    });
}

#[test]
fn ctrl_c_while_writing_a_note_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    open_runner(&mut app, "account-locked");
    press(&mut app, &[ch('n')]);
    type_text(&mut app, "support said 48 hours");
    assert!(press(&mut app, &[ctrl('c')]).is_empty());
    press(&mut app, &[key(KeyCode::Esc)]);
    assert_eq!(app.context(), Context::NoteEntry);
}

#[test]
fn hotp_codes_are_made_one_at_a_time_after_the_counter_is_saved() {
    use crate::item::{OtpAlgorithm, OtpType};
    use crate::tui::screens::detail::HotpCode;
    let dir = tempfile::tempdir().unwrap();
    let mut v = vault_in(&dir);
    // RFC 4226 appendix D: the secret "12345678901234567890" gives 755224
    // at counter 0 and 287082 at counter 1.
    v.add_item(crate::item::Item::new(
        "vpn hotp",
        Secret::Totp {
            secret: SecretString::from("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
            issuer: Some("VPN".into()),
            label: None,
            algorithm: OtpAlgorithm::Sha1,
            digits: 6,
            period: 30,
            otp_type: OtpType::Hotp,
            counter: 0,
        },
    ))
    .unwrap();
    let mut app = locked_app(true);
    app.enter_session(v);
    open_item(&mut app, "vpn hotp");
    assert_eq!(app.context(), Context::DetailHotp);
    let counter = |app: &App| match &session(app).item(&detail(app).item_id).unwrap().secret {
        Secret::Totp { counter, .. } => *counter,
        _ => unreachable!(),
    };
    // Nothing to copy before a code was made, and the page shows none.
    assert!(press(&mut app, &[ch('c')]).is_empty());
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    assert!(!screen_text(&app, 100, 40).contains("755"));
    // n: the counter moves on and is saved; the code waits for the save.
    let fx = press(&mut app, &[ch('n')]);
    assert!(matches!(&fx[..], [Effect::Save]));
    assert_eq!(counter(&app), 1);
    assert!(matches!(
        detail(&app).hotp,
        HotpCode::Saving { counter: 0, .. }
    ));
    assert!(!screen_text(&app, 100, 40).contains("755"));
    // A second n while saving does nothing.
    assert!(press(&mut app, &[ch('n')]).is_empty());
    assert_eq!(counter(&app), 1);
    update(&mut app, Message::Saved(Ok(())));
    assert!(screen_text(&app, 100, 40).contains("755 224"));
    let fx = press(&mut app, &[ch('c')]);
    assert!(matches!(&fx[..], [Effect::Copy(s)] if s.expose() == "755224"));
    // A failed save shows no code.
    press(&mut app, &[ch('n')]);
    assert_eq!(counter(&app), 2);
    update(
        &mut app,
        Message::Saved(Err(crate::vault::VaultError::Changed)),
    );
    assert!(matches!(detail(&app).hotp, HotpCode::None));
    assert!(!screen_text(&app, 100, 40).contains("287"));
    // Saved through the save protocol: a fresh open sees the counter.
    let fx = press(&mut app, &[ch('n')]);
    assert!(matches!(&fx[..], [Effect::Save]));
    app.session_mut().unwrap().vault.save().unwrap();
    update(&mut app, Message::Saved(Ok(())));
    let reopened = Vault::open(
        session(&app).vault.path(),
        &crate::vault::Unlock::Passphrase(SecretString::from("a long test passphrase")),
    )
    .unwrap();
    let item = reopened.item("vpn hotp").unwrap();
    assert!(matches!(item.secret, Secret::Totp { counter: 3, .. }));
}

// ---- sync conflict copies ---------------------------------------------

const SYNCTHING_COPY: &str = "vault.sync-conflict-20261130-081200-ABCDEFG.age";
const DROPBOX_COPY: &str = "vault (conflicted copy 2026-11-30).age";

/// The session's vault saved (the demo items are only in memory), and its
/// file's folder.
fn saved_session(app: &mut App) -> PathBuf {
    let s = app.session_mut().unwrap();
    s.vault.save().unwrap();
    s.vault.path().parent().unwrap().to_path_buf()
}

/// Another device's copy of the session's vault: one item added, one
/// item's notes changed; written beside the vault under `name`.
fn device_copy(app: &App, name: &str) -> PathBuf {
    let s = session(app);
    let other_dir = tempfile::tempdir().unwrap();
    let other = other_dir.path().join("vault.age");
    std::fs::copy(s.vault.path(), &other).unwrap();
    let mut v = Vault::open(
        &other,
        &crate::vault::Unlock::Passphrase(SecretString::from("a long test passphrase")),
    )
    .unwrap();
    let first = v.payload().items[0].name.clone();
    let mut item = Item::new(
        "Laptop note",
        Secret::Note {
            text: SecretString::from("written on the laptop"),
        },
    );
    item.created = NOW;
    item.updated = NOW;
    v.add_item(item).unwrap();
    v.item_mut(&first).unwrap().notes = Some("changed on the laptop".into());
    v.save().unwrap();
    let to = s.vault.path().parent().unwrap().join(name);
    std::fs::copy(&other, &to).unwrap();
    to
}

/// A copy planted by someone who knows only the public recovery
/// recipient: the contents with an item of their own, encrypted with
/// stock age to that recipient.
fn planted_copy(app: &App, name: &str) -> PathBuf {
    use std::io::Write;
    let s = session(app);
    let key = s.vault.payload().keys.recovery_identity.clone();
    let id: age::x25519::Identity = key.expose().parse().unwrap();
    let plain = age::decrypt(&id, &std::fs::read(s.vault.path()).unwrap()).unwrap();
    let mut json: serde_json::Value = serde_json::from_slice(&plain).unwrap();
    json["items"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "00112233445566ff",
            "name": "planted",
            "created": "2026-01-01T00:00:00Z",
            "updated": "2026-01-01T00:00:00Z",
            "secret": {"kind": "note", "text": "send the coins elsewhere"}
        }));
    let public = id.to_public();
    let enc =
        age::Encryptor::with_recipients(std::iter::once(&public as &dyn age::Recipient)).unwrap();
    let mut forged = Vec::new();
    let mut w = enc.wrap_output(&mut forged).unwrap();
    w.write_all(&serde_json::to_vec(&json).unwrap()).unwrap();
    w.finish().unwrap();
    let to = s.vault.path().parent().unwrap().join(name);
    std::fs::write(&to, forged).unwrap();
    to
}

/// What the runtime does for the page's effects.
fn run_sync_effects(app: &mut App, fx: Vec<Effect>) {
    for e in fx {
        let msg = match e {
            Effect::PreviewCopies => {
                Message::CopiesPreviewed(super::tool_work::preview_copies(&session(app).vault))
            }
            Effect::MergeCopy(p) => {
                let s = app.session_mut().unwrap();
                Message::CopyMerged(super::tool_work::merge_copy(&mut s.vault, &p, None))
            }
            other => panic!("unexpected effect {other:?}"),
        };
        let more = update(app, msg);
        run_sync_effects(app, more);
    }
}

fn sync_page(app: &App) -> &SyncState {
    match session(app).pages.last() {
        Some(Page::Sync(st)) => st,
        other => panic!("not on the sync page: {other:?}"),
    }
}

#[test]
fn the_items_screen_offers_the_conflict_copies_and_m_opens_them() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        let folder = saved_session(&mut app);
        // No copy yet: the footer keeps Tab, the help lists m all the same.
        let m_hint = say("m review copies", "m 查看冲突副本");
        let last_row = |app: &App| rows_of(&render(app, 80, 24)).pop().unwrap();
        assert!(!last_row(&app).contains(m_hint), "{}", last_row(&app));
        assert!(text::help(Context::Items).iter().any(|(k, _)| k == "m"));
        let copy = device_copy(&app, SYNCTHING_COPY);
        // The runtime's look beside the vault.
        let found = crate::vault::store::conflict_copies(session(&app).vault.path());
        update(&mut app, Message::CopiesFound(found));
        assert_eq!(app.sync_copies, vec![(copy.clone(), "Syncthing")]);
        let screen = screen_text(&app, 80, 24);
        assert!(
            screen.contains(say("m to review and merge", "按 m 查看并合并")),
            "{screen}"
        );
        assert!(last_row(&app).contains(m_hint), "{}", last_row(&app));
        snap(&app, "items_sync_banner");
        let fx = press(&mut app, &[ch('m')]);
        assert!(matches!(fx.as_slice(), [Effect::PreviewCopies]), "{fx:?}");
        assert_eq!(app.context(), Context::Busy);
        run_sync_effects(&mut app, fx);
        assert_eq!(app.context(), Context::SyncCopies);
        let st = sync_page(&app);
        assert_eq!(st.copies.len(), 1);
        let r = st.copies[0].preview.as_ref().expect("a genuine copy");
        assert_eq!(r.added, vec!["Laptop note".to_owned()]);
        assert_eq!(r.changed.len(), 1);
        // Nothing was written by looking.
        assert!(copy.exists());
        assert!(!folder.join("lifeboat-merged").exists());
        // Esc leaves it for later.
        press(&mut app, &[key(KeyCode::Esc)]);
        assert_eq!(app.context(), Context::Items);
        assert!(copy.exists());
        assert!(app
            .status
            .as_ref()
            .unwrap()
            .text
            .contains(say("not merged", "未合并")));
    });
}

#[test]
fn enter_merges_a_genuine_copy_and_a_planted_one_is_refused() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        let folder = saved_session(&mut app);
        let good = device_copy(&app, SYNCTHING_COPY);
        let planted = planted_copy(&app, DROPBOX_COPY);
        let fx = press(&mut app, &[ch('m')]);
        run_sync_effects(&mut app, fx);
        snap(&app, "sync_copies");
        let st = sync_page(&app);
        // Sorted by name: the Dropbox-named one first.
        assert_eq!(st.copies[0].path, planted);
        let why = st.copies[0].preview.as_ref().unwrap_err();
        assert!(why.contains(say("authenticity", "真实性")), "{why}");
        let screen = screen_text(&app, 80, 24);
        assert!(
            screen.contains(say("refused, never merged", "已拒绝，绝不合并")),
            "{screen}"
        );
        assert!(
            screen.contains(say("adds: Laptop note", "新增：Laptop note")),
            "{screen}"
        );

        // Enter on the planted copy: refused, nothing to run.
        let vault_bytes = std::fs::read(session(&app).vault.path()).unwrap();
        let fx = press(&mut app, &[key(KeyCode::Enter)]);
        assert!(fx.is_empty(), "{fx:?}");
        let status = app.status.clone().unwrap();
        assert!(
            status.error && status.text.contains(say("was not merged", "未合并")),
            "{status:?}"
        );
        assert_eq!(
            std::fs::read(session(&app).vault.path()).unwrap(),
            vault_bytes
        );

        // Enter on the genuine one: merged through the save, moved aside.
        press(&mut app, &[ch('j')]);
        let fx = press(&mut app, &[key(KeyCode::Enter)]);
        assert!(
            matches!(fx.as_slice(), [Effect::MergeCopy(p)] if *p == good),
            "{fx:?}"
        );
        run_sync_effects(&mut app, fx);
        let status = app.status.clone().unwrap();
        assert!(!status.error, "{status:?}");
        assert!(status.text.contains(say("Merged", "已合并")), "{status:?}");
        assert!(!good.exists(), "the merged copy is moved aside");
        let kept = folder.join("lifeboat-merged").join(SYNCTHING_COPY);
        assert!(kept.exists(), "kept in the backup folder, never deleted");
        assert!(planted.exists(), "a refused copy stays where it is");
        assert_eq!(app.sync_copies, vec![(planted.clone(), "Dropbox")]);
        // The page stays for the copy left, and the list shows the new item.
        assert_eq!(sync_page(&app).copies.len(), 1);
        let on_disk = Vault::open(
            session(&app).vault.path(),
            &crate::vault::Unlock::Passphrase(SecretString::from("a long test passphrase")),
        )
        .unwrap();
        let names: Vec<&str> = on_disk
            .payload()
            .items
            .iter()
            .map(|i| i.name.as_str())
            .collect();
        assert!(names.contains(&"Laptop note"), "{names:?}");
        assert!(!names.contains(&"planted"), "{names:?}");
        assert!(on_disk
            .payload()
            .items
            .iter()
            .any(|i| i.notes.as_deref() == Some("changed on the laptop")));
        press(&mut app, &[key(KeyCode::Esc)]);
        assert!(session(&app)
            .items
            .matches
            .iter()
            .any(|&i| session(&app).vault.payload().items[i].name == "Laptop note"));
    });
}

#[test]
fn a_copy_with_other_keys_is_refused_and_never_merged() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    saved_session(&mut app);
    let stranger = vault_in(&dir);
    let copy = session(&app)
        .vault
        .path()
        .parent()
        .unwrap()
        .join("vault_conflict-20261130-081200.age");
    std::fs::copy(stranger.path(), &copy).unwrap();
    let entries = super::tool_work::preview_copies(&session(&app).vault);
    assert_eq!(entries.len(), 1);
    // The stranger's recovery key is not ours: it does not open.
    let why = entries[0].preview.as_ref().unwrap_err();
    assert!(why.contains("recovery key does not open it"), "{why}");
    // Merging it anyway (the file swapped after the preview) is refused
    // and changes nothing.
    let before = std::fs::read(session(&app).vault.path()).unwrap();
    let s = app.session_mut().unwrap();
    let r = super::tool_work::merge_copy(&mut s.vault, &copy, None);
    assert!(r.is_err());
    assert_eq!(std::fs::read(session(&app).vault.path()).unwrap(), before);
    assert!(copy.exists());
}

#[test]
fn the_sync_page_footer_and_help_name_its_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    saved_session(&mut app);
    device_copy(&app, SYNCTHING_COPY);
    let fx = press(&mut app, &[ch('m')]);
    run_sync_effects(&mut app, fx);
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("Enter merge this copy"), "{screen}");
    press(&mut app, &[ch('?')]);
    let screen = screen_text(&app, 80, 24);
    assert!(
        screen.contains("keep the copy in the backup folder"),
        "{screen}"
    );
}

#[test]
fn the_preview_names_conflicts_restored_items_and_shared_names() {
    use crate::vault::merge::{Conflict, MergeReport};
    let r = MergeReport {
        added: (0..7).map(|n| format!("new {n}")).collect(),
        restored: vec!["Kept".into(), "Purged once".into()],
        restored_erased: vec!["Purged once".into()],
        conflicts: vec![
            Conflict {
                item: "Bank".into(),
                field: "notes".into(),
                theirs_won: true,
            },
            Conflict {
                item: "Mail".into(),
                field: "secret".into(),
                theirs_won: false,
            },
        ],
        duplicate_names: vec!["Bank".into()],
        ..MergeReport::default()
    };
    let lines = super::screens::sync::preview_lines(&r);
    assert_eq!(
        lines[0],
        "adds: new 0, new 1, new 2, new 3, new 4 and 2 more"
    );
    let all = lines.join("\n");
    assert!(all.contains("Kept"), "{all}");
    assert!(
        all.contains("without the values you purged (only the edit comes back): Purged once"),
        "{all}"
    );
    assert!(
        all.contains("both changed Bank (notes); the copy's value is newer"),
        "{all}"
    );
    assert!(
        all.contains("both changed Mail (secret); this vault's value is newer"),
        "{all}"
    );
    assert!(all.contains("two items are now named \"Bank\""), "{all}");
    assert!(!all.contains("nothing new"), "{all}");
    let empty = super::screens::sync::preview_lines(&MergeReport::default());
    assert_eq!(empty.len(), 1);
    assert!(empty[0].contains("nothing new"), "{empty:?}");
}

#[test]
fn snapshot_sync_copies_in_chinese() {
    let _zh = crate::i18n::scoped(crate::lang::Lang::ZhCn);
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    saved_session(&mut app);
    device_copy(&app, SYNCTHING_COPY);
    planted_copy(&app, DROPBOX_COPY);
    let found = crate::vault::store::conflict_copies(session(&app).vault.path());
    update(&mut app, Message::CopiesFound(found));
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("按 m 查看并合并"), "{screen}");
    let fx = press(&mut app, &[ch('m')]);
    run_sync_effects(&mut app, fx);
    snap_both_sizes(&app, "sync_copies_zh");
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("同步冲突副本"), "{screen}");
    assert!(screen.contains("新增：Laptop note"), "{screen}");
    assert!(screen.contains("未通过真实性检查"), "{screen}");
}

#[test]
fn a_read_only_session_merges_no_copy_until_proved() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path, _) = read_only_app(&dir);
    // A genuine copy from another device, beside the vault.
    let copy = path.parent().unwrap().join(SYNCTHING_COPY);
    std::fs::copy(&path, &copy).unwrap();
    let before = std::fs::read(&path).unwrap();
    let fx = press(&mut app, &[ch('m')]);
    run_sync_effects(&mut app, fx);
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("This session is read-only"), "{screen}");
    let why = sync_page(&app).copies[0].preview.as_ref().unwrap_err();
    assert!(why.contains("read-only"), "{why}");
    assert!(press(&mut app, &[key(KeyCode::Enter)]).is_empty());
    // Even asked directly, the merge is refused and nothing is written.
    let s = app.session_mut().unwrap();
    assert!(super::tool_work::merge_copy(&mut s.vault, &copy, None).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(copy.exists());
}

#[test]
fn a_save_that_merged_another_programs_deletions_shows_the_merged_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    saved_session(&mut app);
    let path = session(&app).vault.path().to_path_buf();
    // Another program removes three items and adds one meanwhile.
    let mut other = Vault::open(
        &path,
        &crate::vault::Unlock::Passphrase(SecretString::from("a long test passphrase")),
    )
    .unwrap();
    let gone: Vec<String> = other.payload().items[..3]
        .iter()
        .map(|i| i.name.clone())
        .collect();
    for name in &gone {
        other.remove_item(name).unwrap();
    }
    other
        .add_item(Item::new(
            "Added elsewhere",
            Secret::Note {
                text: SecretString::from("x"),
            },
        ))
        .unwrap();
    other.save().unwrap();
    drop(other);
    // The TUI changes an item and saves: the save merges.
    let s = app.session_mut().unwrap();
    let last = s.vault.payload().items.len() - 1;
    s.vault.payload_mut().items[last].notes = Some("changed in the TUI".into());
    run_saves(&mut app, vec![Effect::Save]);
    assert!(
        app.status.as_ref().unwrap().text.contains("merged"),
        "{:?}",
        app.status
    );
    let s = session(&app);
    let items = &s.vault.payload().items;
    assert_eq!(s.items.matches.len(), items.len());
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains("Added elsewhere"), "{screen}");
    for name in &gone {
        assert!(
            !screen.contains(name.as_str()),
            "{name} still listed: {screen}"
        );
    }
}

#[test]
fn a_tool_whose_save_merged_another_programs_change_updates_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = unlocked_app(&dir);
    saved_session(&mut app);
    let path = session(&app).vault.path().to_path_buf();
    let mut other = Vault::open(
        &path,
        &crate::vault::Unlock::Passphrase(SecretString::from("a long test passphrase")),
    )
    .unwrap();
    let gone = other.payload().items[0].name.clone();
    other.remove_item(&gone).unwrap();
    other.save().unwrap();
    drop(other);
    let backups = dir.path().join("backups");
    let s = app.session_mut().unwrap();
    let done = super::tool_work::make_backup(&mut s.vault, &backups);
    update(&mut app, Message::ToolDone(done));
    let status = app.status.clone().unwrap();
    assert!(status.text.contains("merged"), "{status:?}");
    let s = session(&app);
    assert_eq!(s.items.matches.len(), s.vault.payload().items.len());
    assert_eq!(s.tab, Tab::Items);
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains("of 5"), "{screen}");
    assert!(!screen.contains(gone.as_str()), "{screen}");
}

// ---- Chinese: nothing left in English, everything fits ----------------

#[test]
fn the_english_check_fails_on_a_screen_drawn_in_english() {
    // The check the Chinese snapshots run must catch a forgotten literal:
    // on a screen drawn in English it finds the catalogue's sentences.
    assert!(
        english_sentences().len() > 150,
        "{}",
        english_sentences().len()
    );
    let _en = crate::i18n::scoped(crate::lang::Lang::En);
    let mut app = locked_app(true);
    type_text(&mut app, "secret");
    let t = render(&app, 80, 24);
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        assert_no_english(&t, "english unlock");
    }));
    assert!(caught.is_err(), "an English screen passed the check");
    // And the same screen in Chinese passes it.
    let _zh = crate::i18n::scoped(crate::lang::Lang::ZhCn);
    let mut app = locked_app(true);
    type_text(&mut app, "secret");
    assert_no_english(&render(&app, 80, 24), "chinese unlock");
}

#[test]
fn every_footer_fits_one_row_of_80_columns_in_both_languages() {
    use Context::*;
    let all = [
        Unlock,
        Busy,
        CreatePassphrase,
        CreateKey,
        CreateConfirm,
        RecoverMaterial,
        RecoverPassphrase,
        Items,
        Search,
        Detail,
        DetailCodes,
        DetailHotp,
        ConfirmDelete,
        Form,
        Playbooks,
        Runner,
        NoteEntry,
        ConfirmReset,
        AccountEntry,
        Tools,
        ToolsFolder,
        ToolsSplit,
        ToolsPassphrase,
        ToolsPurge,
        ConfirmPurge,
        Prove,
        SyncCopies,
    ];
    for lang in [crate::lang::Lang::En, crate::lang::Lang::ZhCn] {
        let _in = crate::i18n::scoped(lang);
        for ctx in all {
            // The footer is drawn after one space, on one row.
            let f = text::footer(ctx);
            assert!(
                crate::textwidth::width(&f) <= 78,
                "{lang:?} {ctx:?}: {} cells: {f}",
                crate::textwidth::width(&f)
            );
            // A help key column is 16 cells wide.
            for (k, _) in text::help(ctx) {
                assert!(crate::textwidth::width(&k) < 16, "{lang:?} {ctx:?}: {k}");
            }
        }
        for f in [
            crate::tui::screens::sync::items_footer(),
            text::PURGE_EMPTY_FOOTER.text(),
        ] {
            assert!(crate::textwidth::width(&f) <= 78, "{lang:?}: {f}");
        }
        // The banners above the items are one row too.
        for banner in [
            text::BANNER_KEY_NOT_CONFIRMED,
            text::UNVERIFIED_BANNER,
            text::UNSAFE_FOLDER_BANNER,
        ] {
            let b = banner.text();
            assert!(crate::textwidth::width(&b) <= 80, "{lang:?}: {b}");
        }
    }
}

#[test]
fn chinese_text_wraps_between_characters_but_never_before_a_comma() {
    let _zh = crate::i18n::scoped(crate::lang::Lang::ZhCn);
    let mut app = locked_app(true);
    press(&mut app, &[ctrl('r')]);
    for row in rows_of(&render(&app, 80, 24)) {
        let inner = row.trim_start_matches(['│', ' ']);
        for bad in ['，', '。', '）', '：', '；'] {
            assert!(!inner.starts_with(bad), "a row starts with {bad}: {row:?}");
        }
    }
    // Rows of a wrapped Chinese paragraph are filled, not cut at the last
    // space: the explanation's first row reaches the right border.
    let rows = rows_of(&render(&app, 80, 24));
    let first = rows
        .iter()
        .find(|r| r.contains("粘贴恢复密钥"))
        .expect("the explanation is shown");
    let used = crate::textwidth::width(first.trim_end_matches(['│', ' ']));
    assert!(used >= 74, "{used} cells: {first:?}");
}

#[test]
fn rows_of_typed_chinese_keep_every_character_and_break_between_characters() {
    use super::common::wrap_rows;
    let text = "把提示的原话、时间，以及出现之前你在做什么都记下来（例如：09:40 在手机上第三次输错密码）。\u{200B}end";
    for width in [10, 17, 30, 41] {
        let rows = wrap_rows(text, width);
        // Exact: the rows are the text, so the cursor can be found in them.
        assert_eq!(rows.concat(), text, "width {width}");
        for (i, r) in rows.iter().enumerate() {
            assert!(crate::textwidth::width(r) <= width, "{width}: {r:?}");
            // Filled: a Chinese row is not cut short at the last space.
            if i + 1 < rows.len() {
                assert!(
                    crate::textwidth::width(r) + 2 + 6 > width,
                    "{width}: short row {r:?} in {rows:?}"
                );
            }
            for bad in ['，', '。', '）', '：', '、'] {
                assert!(!r.starts_with(bad), "{width}: {r:?}");
            }
        }
    }
    // English is wrapped as before: at spaces.
    assert_eq!(
        wrap_rows("one two three four", 9),
        vec!["one two ", "three ", "four"]
    );
}

#[test]
fn two_items_with_one_name_are_marked_in_the_list_with_their_ids() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        let s = app.session_mut().unwrap();
        // A merge keeps both when two copies each added one.
        let mut ids = Vec::new();
        for (name, text) in [("Bank", "from A"), ("bank", "from B")] {
            let item = Item::new(
                name,
                Secret::Note {
                    text: SecretString::from(text),
                },
            );
            ids.push(item.id.clone());
            s.vault.payload_mut().items.push(item);
        }
        s.items.reindex(&s.vault.payload().items);
        let screen = screen_text(&app, 100, 40);
        let marker = say("same name, id", "同名，id");
        let rows: Vec<&str> = screen.lines().filter(|r| r.contains(marker)).collect();
        assert_eq!(rows.len(), 2, "{screen}");
        for id in &ids {
            assert!(rows.iter().any(|r| r.contains(&id[..6])), "{id}: {screen}");
        }
        // Items whose names are their own carry no marker.
        assert!(
            screen
                .lines()
                .filter(|r| r.contains(marker))
                .all(|r| r.to_lowercase().contains("bank")),
            "{screen}"
        );
    });
}

#[test]
fn a_box_over_a_wide_character_keeps_its_left_border() {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::{Block, Widget};
    let mut buf = Buffer::empty(Rect::new(0, 0, 12, 3));
    // "验" covers columns 3 and 4; the box starts at column 4.
    buf.set_string(2, 1, "A验B", ratatui::style::Style::new());
    let boxed = Rect::new(4, 0, 6, 3);
    crate::tui::common::clear_popup(boxed, &mut buf);
    Block::bordered().render(boxed, &mut buf);
    assert_eq!(
        buf[(3, 1)].symbol(),
        " ",
        "the covering character is blanked"
    );
    assert_eq!(buf[(4, 1)].symbol(), "│");
    // A terminal draws every cell of the border: none is covered.
    let drawn: String = (0..12).map(|x| buf[(x, 1)].symbol()).collect();
    assert_eq!(drawn, "  A │    │  ");
    // Narrow text beside a box is left alone.
    let mut buf = Buffer::empty(Rect::new(0, 0, 12, 3));
    buf.set_string(1, 1, "ABC", ratatui::style::Style::new());
    crate::tui::common::clear_popup(boxed, &mut buf);
    assert_eq!(buf[(3, 1)].symbol(), "C");
}

#[test]
fn a_steps_linked_codes_say_how_many_are_left_in_the_interfaces_language() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        // Step 7 of the lost-device playbook links the recovery codes.
        runner_at(&mut app, "lost-2fa-device", 6);
        let flat = flat_text(&app, 80, 24);
        assert!(
            flat.contains(say(
                "CODES Example recovery codes (fake) 6 unused",
                "恢复码 Example recovery codes (fake) 6 个未用"
            )),
            "{flat}"
        );
    });
}

/// The decrypted payload of a vault file, opened with the recovery key
/// alone as stock `age -d -i` would.
fn plaintext_of(file: &std::path::Path, recovery_key: &str) -> Vec<u8> {
    let id: age::x25519::Identity = recovery_key.parse().unwrap();
    age::decrypt(&id, &std::fs::read(file).unwrap()).unwrap()
}

fn holds(file: &std::path::Path, recovery_key: &str, secret: &str) -> bool {
    plaintext_of(file, recovery_key)
        .windows(secret.len())
        .any(|w| w == secret.as_bytes())
}

/// The demo's mail password (a removed item's secret in the tests below).
const MAIL_PASSWORD: &str = "correct horse battery staple";

/// An unlocked app whose vault, saved, has had its seed and then its mail
/// login deleted through the item page; the removals are dated a day
/// apart at the fixed clock. Returns the app, the vault file, the
/// recovery key and a copy of the vault made before the removals.
fn app_with_removed_items(dir: &tempfile::TempDir) -> (App, PathBuf, String, PathBuf) {
    let mut app = unlocked_app(dir);
    saved_session(&mut app);
    let path = session(&app).vault.path().to_path_buf();
    let rk = session(&app)
        .vault
        .payload()
        .keys
        .recovery_identity
        .expose()
        .to_owned();
    let older = dir.path().join("older-copy.age");
    std::fs::copy(&path, &older).unwrap();
    for name in ["Demo wallet", "Mail login"] {
        open_item(&mut app, name);
        press(&mut app, &[ch('d')]);
        let fx = press(&mut app, &[ch('y')]);
        run_saves(&mut app, fx);
        press(&mut app, &[key(KeyCode::Esc)]);
    }
    let Screen::Main(s) = &mut app.screen else {
        panic!("locked")
    };
    let tombs = &mut s.vault.payload_mut().sync.tombstones;
    assert_eq!(tombs.len(), 2, "{:?}", tombs.keys());
    for ts in tombs.values_mut() {
        ts.at = if ts.name.starts_with("Demo wallet") {
            NOW - time::Duration::days(1)
        } else {
            NOW
        };
    }
    (app, path, rk, older)
}

fn purge_list(app: &App) -> &crate::tui::screens::tools::PurgeList {
    session(app).tools.purge.as_ref().expect("the erase list")
}

/// Opens Tools › Erase removed items.
fn open_erase_tool(app: &mut App) {
    press(app, &[key(KeyCode::Tab), key(KeyCode::Tab)]);
    assert_eq!(app.context(), Context::Tools);
    // Second from the bottom, above the check-up.
    press(app, &[ch('G'), ch('k'), key(KeyCode::Enter)]);
    assert_eq!(app.context(), Context::ToolsPurge);
}

// The attack first: a removed item's secret is still inside the decrypted
// vault; after erasing it through the Tools tab it is in neither the vault
// nor its previous generation, the removal itself stays (an older copy
// merged later brings neither the item nor the secret back), and every
// cancel leaves the file byte for byte as it was.
#[test]
fn tools_erase_removed_items_values_for_good_after_asking() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let (mut app, path, rk, older) = app_with_removed_items(&dir);
        let seed = demo::TEST_MNEMONIC;
        assert!(
            holds(&path, &rk, seed),
            "the removal already erased the seed"
        );
        assert!(holds(&path, &rk, MAIL_PASSWORD));
        open_erase_tool(&mut app);
        // Newest removal first, with kind and day.
        let list = purge_list(&app);
        let names: Vec<&str> = list.entries.iter().map(|e| e.name.as_str()).collect();
        assert!(names[0].starts_with("Mail login"), "{names:?}");
        assert!(names[1].starts_with("Demo wallet"), "{names:?}");
        let shown = flat_text(&app, 80, 24);
        assert!(
            shown.contains("2024-04-30") && shown.contains("2024-05-01"),
            "{shown}"
        );
        snap(&app, "tools_purge_list");
        // Cancelling, by n or by Esc, at the question or at the list,
        // changes nothing.
        let before = std::fs::read(&path).unwrap();
        let prev_before = std::fs::read(crate::vault::store::prev_path(&path)).unwrap();
        assert!(press(&mut app, &[key(KeyCode::Enter)]).is_empty());
        assert_eq!(app.context(), Context::ConfirmPurge);
        snap(&app, "tools_purge_confirm");
        let shown = flat_text(&app, 120, 40);
        assert!(
            shown.contains(say("Mail login", "Mail login"))
                && shown.contains(say("backups", "备份"))
                && shown.contains(say("git history", "git 历史")),
            "{shown}"
        );
        assert!(press(&mut app, &[ch('n')]).is_empty());
        assert_eq!(app.context(), Context::ToolsPurge);
        assert!(press(&mut app, &[ch('a'), key(KeyCode::Esc)]).is_empty());
        assert_eq!(app.context(), Context::ToolsPurge);
        assert!(press(&mut app, &[key(KeyCode::Esc)]).is_empty());
        assert_eq!(app.context(), Context::Tools);
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(
            std::fs::read(crate::vault::store::prev_path(&path)).unwrap(),
            prev_before
        );
        // Erase the chosen one (the mail login): only its values go.
        press(&mut app, &[key(KeyCode::Enter)]);
        press(&mut app, &[key(KeyCode::Enter)]);
        let fx = press(&mut app, &[ch('y')]);
        assert!(
            matches!(&fx[..], [Effect::Purge { ids }] if ids.len() == 1),
            "{fx:?}"
        );
        run_tool(&mut app, fx);
        assert_eq!(app.context(), Context::Tools);
        let shown = flat_text(&app, 120, 40);
        assert!(
            shown.contains(say(
                "Erased the values of 1 removed item for good",
                "已永久抹除 1 个已删除条目的内容"
            )),
            "{shown}"
        );
        assert!(
            !holds(&path, &rk, MAIL_PASSWORD),
            "the password is still in the vault"
        );
        let prev = crate::vault::store::prev_path(&path);
        assert!(
            !holds(&prev, &rk, MAIL_PASSWORD),
            "the password is still in .prev"
        );
        assert!(holds(&path, &rk, seed), "the seed went too");
        // Then all that is left: the seed.
        press(&mut app, &[key(KeyCode::Enter)]);
        assert_eq!(purge_list(&app).entries.len(), 1);
        press(&mut app, &[ch('a')]);
        assert!(flat_text(&app, 120, 40).contains(say(
            "Erase the values of 1 removed item for good?",
            "永久抹除全部 1 个已删除条目的内容吗？"
        )));
        let fx = press(&mut app, &[ch('y')]);
        run_tool(&mut app, fx);
        assert!(!holds(&path, &rk, seed), "the seed is still in the vault");
        assert!(!holds(&prev, &rk, seed), "the seed is still in .prev");
        // The removals themselves stay, marked purged.
        let p: serde_json::Value = serde_json::from_slice(&plaintext_of(&path, &rk)).unwrap();
        let tombs = p["sync"]["tombstones"].as_object().unwrap();
        assert_eq!(tombs.len(), 2, "{tombs:?}");
        assert!(tombs
            .values()
            .all(|t| t["seen"]["purged:secret"].is_object()));
        // A copy made before the removals, merged in: neither the items
        // nor their secrets come back.
        let Screen::Main(s) = &mut app.screen else {
            panic!("locked")
        };
        let other = crate::vault::store::open_copy(&older, s.vault.payload()).unwrap();
        s.vault.merge_in(&other).unwrap();
        s.vault.save().unwrap();
        let names: Vec<String> = s
            .vault
            .payload()
            .items
            .iter()
            .map(|i| i.name.clone())
            .collect();
        assert!(
            names
                .iter()
                .all(|n| !n.starts_with("Mail login") && !n.starts_with("Demo wallet")),
            "resurrected: {names:?}"
        );
        assert!(!holds(&path, &rk, seed) && !holds(&path, &rk, MAIL_PASSWORD));
        // Nothing is left to erase, and the tool says so.
        press(&mut app, &[key(KeyCode::Enter)]);
        assert!(purge_list(&app).entries.is_empty());
        assert!(flat_text(&app, 120, 40).contains(say(
            "Nothing to erase: no removed item keeps its values.",
            "没有可抹除的内容"
        )));
        // y does nothing here; Esc goes back.
        assert!(press(&mut app, &[ch('a'), key(KeyCode::Enter)]).is_empty());
        press(&mut app, &[key(KeyCode::Esc)]);
        assert_eq!(app.context(), Context::Tools);
    });
}

// A read-only session (opened with an extra recipient's key) erases
// nothing: the question's yes is refused as other writes are, the
// prompt that proves the session opens, and the file is untouched; once
// proved, the erase goes through.
#[test]
fn a_read_only_session_erases_nothing_until_proved() {
    use crate::vault::format::ExtraRecipient;
    use crate::vault::{NamedIdentity, Unlock};
    let dir = tempfile::tempdir().unwrap();
    let mut v = vault_in(&dir);
    v.save().unwrap();
    v.remove_item("Mail login (fake)").unwrap();
    let extra = NamedIdentity::generate();
    v.payload_mut().recipients.push(ExtraRecipient {
        recipient: extra.recipient.clone(),
        added: NOW,
    });
    v.save().unwrap();
    let path = v.path().to_path_buf();
    let rk = v.payload().keys.recovery_identity.expose().to_owned();
    drop(v);
    let mut ro = Vault::open(&path, &Unlock::Identities(vec![extra])).unwrap();
    assert!(!ro.is_verified());
    ro.release_lock();
    let mut app = locked_app(true);
    app.enter_session(ro);
    assert!(holds(&path, &rk, MAIL_PASSWORD));
    let before = std::fs::read(&path).unwrap();
    open_erase_tool(&mut app);
    assert_eq!(purge_list(&app).entries.len(), 1);
    press(&mut app, &[key(KeyCode::Enter)]);
    let fx = press(&mut app, &[ch('y')]);
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(app.context(), Context::Prove);
    let status = app.status.clone().expect("a refusal");
    assert!(status.error);
    assert_eq!(status.text, text::PURGE_READ_ONLY.text());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Nothing was erased in memory either.
    assert!(session(&app)
        .vault
        .payload()
        .sync
        .tombstones
        .values()
        .all(|t| !t.is_purged()));
    // The core refuses too, should the question be skipped.
    let Screen::Main(s) = &mut app.screen else {
        panic!("locked")
    };
    let ids: Vec<String> = s.vault.payload().sync.tombstones.keys().cloned().collect();
    let e = crate::tui::tool_work::purge(&mut s.vault, &ids).unwrap_err();
    assert_eq!(e, text::PURGE_READ_ONLY.text());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Proved with the passphrase, the same question erases.
    type_text(&mut app, "a long test passphrase");
    let fx = press(&mut app, &[key(KeyCode::Enter)]);
    let fx = run_prove(&mut app, &path, fx);
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(app.context(), Context::ToolsPurge);
    press(&mut app, &[key(KeyCode::Enter)]);
    let fx = press(&mut app, &[ch('y')]);
    run_tool(&mut app, fx);
    assert!(!holds(&path, &rk, MAIL_PASSWORD));
}

#[test]
fn the_doctor_points_removed_items_that_keep_values_to_the_erase_tool() {
    let _en = crate::i18n::scoped(crate::lang::Lang::En);
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _, _, _) = app_with_removed_items(&dir);
    press(&mut app, &[key(KeyCode::Tab), key(KeyCode::Tab), ch('G')]);
    let fx = press(&mut app, &[key(KeyCode::Enter)]);
    run_tool(&mut app, fx);
    let found = session(&app).tools.findings.as_ref().unwrap();
    assert!(found.iter().any(|f| f.check == "deleted-kept"), "{found:?}");
    // The panel scrolls: look at all of its text.
    let mut all = String::new();
    for _ in 0..6 {
        all.push_str(&flat_text(&app, 80, 24));
        press(&mut app, &[key(KeyCode::PageDown)]);
    }
    assert!(all.contains("here: Erase removed items"), "{all}");
}

#[test]
fn the_erase_list_keeps_the_chosen_item_in_view_and_says_when_empty() {
    in_both_languages(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unlocked_app(&dir);
        open_erase_tool(&mut app);
        assert!(purge_list(&app).entries.is_empty());
        snap(&app, "tools_purge_empty");
        // Enter and a do nothing on an empty list.
        assert!(press(&mut app, &[key(KeyCode::Enter), ch('a')]).is_empty());
        assert_eq!(app.context(), Context::ToolsPurge);
        press(&mut app, &[key(KeyCode::Esc)]);
        assert_eq!(app.context(), Context::Tools);
        // Twelve removed notes: more than the panel holds at 80x24.
        let Screen::Main(s) = &mut app.screen else {
            panic!("locked")
        };
        let name = |n: usize| format!("Old note {n:02}");
        for n in 0..12 {
            let mut item = Item::new(
                name(n),
                Secret::Note {
                    text: SecretString::from(format!("note text {n}")),
                },
            );
            item.created = NOW;
            item.updated = NOW;
            s.vault.add_item(item).unwrap();
        }
        s.vault.save().unwrap();
        for n in 0..12 {
            s.vault.remove_item(&name(n)).unwrap();
        }
        s.vault.save().unwrap();
        // Note 00 was removed last.
        for ts in s.vault.payload_mut().sync.tombstones.values_mut() {
            let n: i64 = ts.name[9..].parse().unwrap();
            ts.at = NOW - time::Duration::hours(n);
        }
        press(&mut app, &[key(KeyCode::Enter)]);
        let list = purge_list(&app);
        assert_eq!(list.entries.len(), 12);
        assert_eq!(list.entries[0].name, name(0));
        assert_eq!(list.entries[11].name, name(11));
        let shown = screen_text(&app, 80, 24);
        assert!(
            shown.contains(&name(0)) && !shown.contains(&name(11)),
            "{shown}"
        );
        press(&mut app, &[ch('G')]);
        let shown = screen_text(&app, 80, 24);
        assert!(shown.contains(&format!("› {}", name(11))), "{shown}");
        press(&mut app, &[ch('g')]);
        let shown = screen_text(&app, 80, 24);
        assert!(shown.contains(&format!("› {}", name(0))), "{shown}");
        // a asks about all twelve.
        press(&mut app, &[ch('a')]);
        assert!(flat_text(&app, 120, 40).contains(say(
            "Erase the values of all 12 removed items for good?",
            "永久抹除全部 12 个已删除条目的内容吗？"
        )));
    });
}
