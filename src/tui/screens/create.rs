//! First run: choosing a passphrase, creating the vault, showing the
//! recovery key once and asking characters of it back. State, pure update
//! and view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::secret::SecretString;
use crate::tui::app::*;
use crate::tui::common::*;
use crate::tui::text;
use crate::vault::{Vault, VaultError};

/// Steps of first-run creation.
#[derive(Debug)]
pub enum CreateStage {
    /// Choosing the passphrase.
    Passphrase(NewPassphrase),
    /// The vault is being created.
    Working,
    /// The recovery key is shown once.
    ShowKey,
    /// The user types characters of the key back.
    Confirm {
        /// What was typed.
        typed: SecretString,
        /// Last check failed.
        error: bool,
    },
}

/// First run: no vault at the path.
#[derive(Debug)]
pub struct CreateState {
    /// Where in the flow.
    pub stage: CreateStage,
    /// The created vault, held until the key is confirmed.
    pub vault: Option<Box<Vault>>,
    /// The recovery key text, shown once.
    pub key: SecretString,
    /// 0-based positions of the two character pairs asked back.
    pub positions: [usize; 2],
}

impl Default for CreateState {
    fn default() -> Self {
        CreateState {
            stage: CreateStage::Passphrase(NewPassphrase::default()),
            vault: None,
            key: SecretString::default(),
            positions: [16, 30],
        }
    }
}

pub(crate) fn on_created(
    app: &mut App,
    r: Result<Box<Vault>, VaultError>,
    positions: [usize; 2],
) -> Vec<Effect> {
    let Screen::Create(c) = &mut app.screen else {
        return Vec::new();
    };
    match r {
        Ok(v) => {
            c.key = v.payload().keys.recovery_identity.clone();
            c.vault = Some(v);
            c.positions = positions;
            c.stage = CreateStage::ShowKey;
        }
        Err(e) => {
            c.stage = CreateStage::Passphrase(NewPassphrase {
                error: Some(e.to_string()),
                ..NewPassphrase::default()
            });
        }
    }
    Vec::new()
}

/// The four characters the confirmation asks for.
pub fn expected_chars(key: &str, positions: [usize; 2]) -> Option<String> {
    let mut out = String::new();
    for p in positions {
        out.push_str(key.get(p..p + 2)?);
    }
    Some(out)
}

pub(crate) fn update(app: &mut App, msg: Message) -> Vec<Effect> {
    let now = app.now;
    let Screen::Create(c) = &mut app.screen else {
        return Vec::new();
    };
    match &mut c.stage {
        CreateStage::Passphrase(f) => match msg {
            Message::Input(s) => f.input(&s),
            Message::Paste(s) => f.input(s.expose().trim_end_matches(['\r', '\n'])),
            Message::Backspace => f.backspace(),
            Message::NextField | Message::PrevField | Message::Up | Message::Down => {
                f.focus = 1 - f.focus.min(1);
            }
            Message::Submit => {
                if let Some(p) = f.submit() {
                    c.stage = CreateStage::Working;
                    return vec![Effect::CreateVault(p)];
                }
            }
            Message::Back => return vec![Effect::Quit],
            _ => {}
        },
        CreateStage::Working => {}
        CreateStage::ShowKey => {
            if matches!(msg, Message::Submit | Message::Open) {
                c.stage = CreateStage::Confirm {
                    typed: SecretString::default(),
                    error: false,
                };
            }
        }
        CreateStage::Confirm { typed, error } => match msg {
            Message::Input(s) => {
                let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                push_secret(typed, &s);
                *error = false;
            }
            Message::Backspace => pop_secret(typed),
            Message::Back => c.stage = CreateStage::ShowKey,
            Message::Submit => {
                let ok = expected_chars(c.key.expose(), c.positions)
                    .is_some_and(|want| want.eq_ignore_ascii_case(typed.expose()));
                if !ok {
                    *error = true;
                    *typed = SecretString::default();
                    return Vec::new();
                }
                let Some(mut vault) = c.vault.take() else {
                    return Vec::new();
                };
                vault.payload_mut().history.recovery_key_exported = Some(now);
                app.enter_session(*vault);
                // Offer what makes the new vault recoverable right away.
                if let Some(s) = app.session_mut() {
                    s.tab = Tab::Tools;
                    s.tools.first_run = true;
                }
                app.info(text::CREATED);
                return vec![Effect::Save];
            }
            _ => {}
        },
    }
    Vec::new()
}

/// Marks every tenth column under the recovery key, numbered, so a
/// position can be found without counting.
pub(crate) fn ruler(len: usize) -> (String, String) {
    let mut marks = String::new();
    let mut nums = vec![' '; len + 2];
    for i in 1..=len {
        marks.push(if i % 10 == 0 {
            '|'
        } else if i % 5 == 0 {
            '·'
        } else {
            ' '
        });
        if i % 10 == 0 {
            let s = i.to_string();
            for (k, ch) in s.chars().enumerate() {
                let col = i - s.len() + k;
                if let Some(c) = nums.get_mut(col) {
                    *c = ch;
                }
            }
        }
    }
    (
        marks,
        nums.into_iter().collect::<String>().trim_end().to_owned(),
    )
}

pub(crate) struct CreateView<'a> {
    pub(crate) app: &'a App,
    pub(crate) st: &'a CreateState,
}

impl Widget for CreateView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let (title, lines) = match &self.st.stage {
            CreateStage::Passphrase(f) => {
                let mut lines = vec![
                    Line::raw(text::create_intro(&tail(
                        &self.app.vault_path.display().to_string(),
                        50,
                    ))),
                    Line::raw(""),
                ];
                lines.extend(passphrase_lines(f, t));
                (text::CREATE_TITLE, lines)
            }
            CreateStage::Working => (
                text::CREATE_TITLE,
                vec![Line::styled(
                    format!("{} {}", spinner(self.app.ticks), text::CREATING),
                    t.warn(),
                )],
            ),
            CreateStage::ShowKey => {
                let key = self.st.key.expose();
                let (marks, nums) = ruler(key.chars().count());
                let mut lines = vec![
                    Line::raw(text::KEY_EXPLAIN),
                    Line::raw(""),
                    Line::styled(key.to_owned(), t.secret().add_modifier(Modifier::BOLD)),
                    Line::styled(marks, t.dim()),
                    Line::styled(nums, t.dim()),
                    Line::raw(""),
                    Line::styled(text::KEY_GROUPS, t.dim()),
                ];
                // The same key in numbered groups of five, as on the kit:
                // easier to copy by hand and to read aloud.
                let groups = crate::recovery::kit::group_key(key);
                for row in groups.chunks(6).enumerate() {
                    let (r, chunk) = row;
                    let mut spans = Vec::new();
                    for (i, g) in chunk.iter().enumerate() {
                        spans.push(Span::styled(format!("{:>3} ", r * 6 + i + 1), t.dim()));
                        spans.push(Span::styled(
                            format!("{g}  "),
                            t.secret().add_modifier(Modifier::BOLD),
                        ));
                    }
                    lines.push(Line::from(spans));
                }
                lines.push(Line::raw(""));
                lines.push(Line::styled(text::KEY_CONTINUE, t.key()));
                (text::KEY_TITLE, lines)
            }
            CreateStage::Confirm { typed, error } => {
                let [a, b] = self.st.positions;
                let mut lines = vec![
                    Line::raw(text::confirm_ask(a, b)),
                    Line::raw(""),
                    field_line(text::CONFIRM_LABEL, typed.expose().to_owned(), true, t),
                ];
                if *error {
                    lines.push(Line::raw(""));
                    lines.push(Line::styled(text::CONFIRM_WRONG, t.error()));
                }
                debug_assert!(expected_chars(self.st.key.expose(), self.st.positions).is_some());
                (text::CONFIRM_TITLE, lines)
            }
        };
        boxed_paragraph(area, buf, Line::styled(title, t.title()), lines, 80);
    }
}
