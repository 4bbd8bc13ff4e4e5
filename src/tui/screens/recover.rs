//! "Forgot passphrase": opening the vault with the recovery key or
//! SLIP-39 shares, then choosing a new passphrase. State, pure update and
//! view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::secret::SecretString;
use crate::tui::app::*;
use crate::tui::common::*;
use crate::tui::text;
use crate::vault::{Vault, VaultError};

/// Steps of "forgot passphrase".
#[derive(Debug)]
pub enum RecoverStage {
    /// Pasting the key or shares.
    Material {
        /// The text (may span lines).
        text: SecretString,
        /// Why the last attempt failed.
        error: Option<String>,
    },
    /// Opening the vault or saving the new passphrase.
    Working(&'static str),
    /// The vault is open; choosing the new passphrase.
    NewPassphrase {
        /// The opened vault.
        vault: Option<Box<Vault>>,
        /// The fields.
        fields: NewPassphrase,
    },
}

/// Forgot passphrase.
#[derive(Debug)]
pub struct RecoverState {
    /// Where in the flow.
    pub stage: RecoverStage,
}

impl Default for RecoverState {
    fn default() -> Self {
        RecoverState {
            stage: RecoverStage::Material {
                text: SecretString::default(),
                error: None,
            },
        }
    }
}

pub(crate) fn on_recovery_opened(app: &mut App, r: Result<Box<Vault>, String>) -> Vec<Effect> {
    let Screen::Recover(rs) = &mut app.screen else {
        return Vec::new();
    };
    rs.stage = match r {
        Ok(v) => RecoverStage::NewPassphrase {
            vault: Some(v),
            fields: NewPassphrase::default(),
        },
        Err(e) => RecoverStage::Material {
            text: SecretString::default(),
            error: Some(text::recover_failed(&e)),
        },
    };
    Vec::new()
}

pub(crate) fn on_passphrase_set(
    app: &mut App,
    v: Box<Vault>,
    r: Result<(), VaultError>,
) -> Vec<Effect> {
    if !matches!(app.screen, Screen::Recover(_)) {
        return Vec::new();
    }
    match r {
        Ok(()) => {
            app.enter_session(*v);
            app.info(text::RECOVERED);
        }
        Err(e) => {
            app.screen = Screen::Recover(Box::new(RecoverState {
                stage: RecoverStage::NewPassphrase {
                    vault: Some(v),
                    fields: NewPassphrase {
                        error: Some(e.to_string()),
                        ..NewPassphrase::default()
                    },
                },
            }));
        }
    }
    Vec::new()
}

pub(crate) fn update(app: &mut App, msg: Message) -> Vec<Effect> {
    let Screen::Recover(rs) = &mut app.screen else {
        return Vec::new();
    };
    match &mut rs.stage {
        RecoverStage::Material { text: t, error } => match msg {
            Message::Input(s) => {
                push_secret(t, &s);
                *error = None;
            }
            Message::Paste(s) => {
                push_secret(t, s.expose());
                *error = None;
            }
            Message::Backspace => pop_secret(t),
            Message::Submit | Message::Save => {
                let body = t.expose().trim();
                let single_key = !body.contains('\n')
                    && body.to_ascii_uppercase().starts_with("AGE-SECRET-KEY-1");
                let on_empty_line = t.expose().ends_with('\n') || t.is_empty();
                if matches!(msg, Message::Save) || single_key || on_empty_line {
                    if body.is_empty() {
                        *error = Some(text::RECOVER_EMPTY.into());
                        return Vec::new();
                    }
                    let material = std::mem::take(t);
                    rs.stage = RecoverStage::Working(text::RECOVER_OPENING);
                    return vec![Effect::OpenForRecovery(material)];
                }
                push_secret(t, "\n");
            }
            Message::Back => app.screen = Screen::Unlock(UnlockState::default()),
            _ => {}
        },
        RecoverStage::Working(_) => {}
        RecoverStage::NewPassphrase { vault, fields } => match msg {
            Message::Input(s) => fields.input(&s),
            Message::Paste(s) => fields.input(s.expose().trim_end_matches(['\r', '\n'])),
            Message::Backspace => fields.backspace(),
            Message::NextField | Message::PrevField | Message::Up | Message::Down => {
                fields.focus = 1 - fields.focus.min(1);
            }
            Message::Submit => {
                if let Some(p) = fields.submit() {
                    if let Some(v) = vault.take() {
                        rs.stage = RecoverStage::Working(text::RECOVER_SAVING);
                        return vec![Effect::SetPassphrase {
                            vault: v,
                            passphrase: p,
                        }];
                    }
                }
            }
            Message::Back => app.screen = Screen::Unlock(UnlockState::default()),
            _ => {}
        },
    }
    Vec::new()
}

pub(crate) struct RecoverView<'a> {
    pub(crate) app: &'a App,
    pub(crate) st: &'a RecoverState,
}

impl Widget for RecoverView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let mut lines = Vec::new();
        match &self.st.stage {
            RecoverStage::Material { text: body, error } => {
                lines.push(Line::raw(text::RECOVER_EXPLAIN));
                lines.push(Line::styled(text::RECOVER_KEYS, t.dim()));
                lines.push(Line::raw(""));
                let parts: Vec<&str> = body.expose().split('\n').collect();
                let n = parts.len();
                for (i, l) in parts.iter().enumerate() {
                    let words = l.split_whitespace().count();
                    let mut spans = vec![
                        Span::styled(format!("{:>2}: ", i + 1), t.dim()),
                        Span::raw(masked(l.chars().count())),
                    ];
                    if i + 1 == n {
                        spans.push(Span::styled("▏", t.key()));
                    }
                    if words > 1 {
                        spans.push(Span::styled(format!("  ({words} words)"), t.dim()));
                    }
                    lines.push(Line::from(spans));
                }
                if let Some(e) = error {
                    lines.push(Line::raw(""));
                    lines.push(Line::styled(e.clone(), t.error()));
                }
            }
            RecoverStage::Working(what) => {
                lines.push(Line::styled(
                    format!("{} {what}", spinner(self.app.ticks)),
                    t.warn(),
                ));
            }
            RecoverStage::NewPassphrase { fields, .. } => {
                lines.push(Line::raw(text::RECOVER_NEW));
                lines.push(Line::raw(""));
                lines.extend(passphrase_lines(fields, t));
            }
        }
        boxed_paragraph(
            area,
            buf,
            Line::styled(text::RECOVER_TITLE, t.title()),
            lines,
            80,
        );
    }
}
