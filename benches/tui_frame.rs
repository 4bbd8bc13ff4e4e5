//! TUI frame and search-keystroke timings at 10,000 items (targets: a frame
//! under 5 ms, a search keystroke under 10 ms). Run with
//! `cargo bench --bench tui_frame`; prints medians and 95th percentiles.

use std::time::{Duration, Instant};

use lifeboat::item::{Item, RecoveryCode, Secret};
use lifeboat::secret::SecretString;
use lifeboat::tui::app::{update, App, Message};
use lifeboat::tui::theme::Theme;
use lifeboat::vault::crypto::KdfParams;
use lifeboat::vault::Vault;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

const ITEMS: usize = 10_000;

fn stats(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (ms(v[v.len() / 2]), ms(v[v.len() * 95 / 100]))
}

fn report(name: &str, v: Vec<Duration>) {
    let n = v.len();
    let (median, p95) = stats(v);
    println!("{name:<44} median {median:>7.3} ms   p95 {p95:>7.3} ms   ({n} runs)");
}

fn item(i: usize) -> Item {
    let secret = match i % 3 {
        0 => Secret::Note {
            text: SecretString::new(format!("note {i}")),
        },
        1 => Secret::Password {
            username: Some(format!("user{i}")),
            password: SecretString::new(format!("pw-{i}")),
            url: None,
        },
        _ => Secret::Codes {
            codes: (0..8)
                .map(|k| RecoveryCode {
                    code: SecretString::new(format!("{i}-{k}")),
                    used: None,
                })
                .collect(),
        },
    };
    let mut it = Item::new(format!("Item {i:05} service"), secret);
    it.account = Some(format!("account-{:03}.example", i % 200));
    it.tags = vec![format!("tag{}", i % 17), "bench".into()];
    it
}

fn draw(app: &App, area: Rect) -> Duration {
    let mut buf = Buffer::empty(area);
    let t = Instant::now();
    app.render(area, &mut buf);
    t.elapsed()
}

fn main() {
    let dir = std::env::temp_dir().join(format!("lifeboat-bench-{}", lifeboat::item::new_id()));
    let path = dir.join("vault.age");
    let mut vault = Vault::create(
        &path,
        &SecretString::from("bench passphrase"),
        KdfParams {
            m_kib: 8 * 1024,
            t: 1,
            p: 1,
        },
    )
    .expect("create the bench vault");
    vault.release_lock();
    vault.payload_mut().items.extend((0..ITEMS).map(item));
    let now = lifeboat::item::now_utc();
    let mut app = App::new(
        path.clone(),
        true,
        lifeboat::playbook::builtin(),
        Theme { color: true },
        now,
    );
    let t = Instant::now();
    app.enter_session(vault);
    println!("TUI benchmark, {ITEMS} items");
    println!(
        "{:<44} {:>7.3} ms",
        "open session (sort + search index)",
        t.elapsed().as_secs_f64() * 1000.0
    );

    for (w, h) in [(80u16, 24u16), (120, 40), (200, 60)] {
        let area = Rect::new(0, 0, w, h);
        let mut v = Vec::new();
        for i in 0..300 {
            // move the cursor so the list scrolls
            update(
                &mut app,
                if i % 2 == 0 {
                    Message::PageDown
                } else {
                    Message::Down
                },
            );
            v.push(draw(&app, area));
        }
        report(&format!("item list frame {w}x{h}"), v);
    }
    let area = Rect::new(0, 0, 120, 40);

    // Search keystrokes: type a query one character at a time, then erase it.
    let mut upd = Vec::new();
    let mut total = Vec::new();
    update(&mut app, Message::Home);
    for _ in 0..20 {
        update(&mut app, Message::StartSearch);
        for c in "item 0042 serv".chars() {
            let t = Instant::now();
            update(&mut app, Message::Input(c.to_string()));
            let u = t.elapsed();
            let d = draw(&app, area);
            upd.push(u);
            total.push(u + d);
        }
        for _ in 0..14 {
            let t = Instant::now();
            update(&mut app, Message::Backspace);
            let u = t.elapsed();
            let d = draw(&app, area);
            upd.push(u);
            total.push(u + d);
        }
        update(&mut app, Message::Back);
    }
    report("search keystroke: update only", upd);
    report("search keystroke: update + frame 120x40", total);

    // Item detail and playbook runner frames.
    update(&mut app, Message::Home);
    update(&mut app, Message::Open);
    update(&mut app, Message::Reveal);
    report(
        "item detail frame 120x40",
        (0..300).map(|_| draw(&app, area)).collect(),
    );
    update(&mut app, Message::Back);
    update(&mut app, Message::SwitchTab);
    report(
        "playbook list frame 120x40",
        (0..300).map(|_| draw(&app, area)).collect(),
    );
    update(&mut app, Message::Open);
    report(
        "playbook runner frame 120x40",
        (0..300).map(|_| draw(&app, area)).collect(),
    );

    drop(app);
    let _ = std::fs::remove_dir_all(&dir);
}
