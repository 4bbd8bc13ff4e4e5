//! The passphrase screen: its state, its pure update and its view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::secret::SecretString;
use crate::tui::app::*;
use crate::tui::common::*;
use crate::tui::text;
use crate::vault::{Vault, VaultError};

/// The passphrase screen.
#[derive(Debug, Default)]
pub struct UnlockState {
    /// The typed passphrase.
    pub input: SecretString,
    /// Argon2id is running.
    pub working: bool,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// A note shown above the field (e.g. why the vault locked).
    pub notice: Option<String>,
}

pub(crate) fn on_unlocked(app: &mut App, r: Result<Box<Vault>, VaultError>) -> Vec<Effect> {
    let Screen::Unlock(u) = &mut app.screen else {
        return Vec::new();
    };
    match r {
        Ok(v) => {
            app.status = None;
            app.enter_session(*v);
        }
        Err(e) => {
            u.working = false;
            u.error = Some(match e {
                VaultError::Auth(_) => text::WRONG_PASSPHRASE.text(),
                other => other.to_string(),
            });
        }
    }
    Vec::new()
}

pub(crate) fn update(app: &mut App, msg: Message) -> Vec<Effect> {
    let has_ids = app.has_identities;
    let Screen::Unlock(u) = &mut app.screen else {
        return Vec::new();
    };
    if u.working {
        return Vec::new();
    }
    match msg {
        Message::Input(s) => {
            push_secret(&mut u.input, &s);
            u.error = None;
        }
        Message::Paste(s) => {
            push_secret(&mut u.input, s.expose().trim_end_matches(['\r', '\n']));
            u.error = None;
        }
        Message::Backspace => pop_secret(&mut u.input),
        Message::Submit => {
            if u.input.is_empty() {
                if has_ids {
                    u.working = true;
                    u.error = None;
                    return vec![Effect::UnlockWithIdentityFiles];
                }
                u.error = Some(text::EMPTY_PASSPHRASE.into());
                return Vec::new();
            }
            u.working = true;
            u.error = None;
            let p = std::mem::take(&mut u.input);
            return vec![Effect::UnlockWithPassphrase(p)];
        }
        Message::Forgot => app.screen = Screen::Recover(Box::default()),
        Message::Back => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}

pub(crate) struct UnlockView<'a> {
    pub(crate) app: &'a App,
    pub(crate) st: &'a UnlockState,
}

impl Widget for UnlockView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let mut lines = Vec::new();
        let mut width = 76;
        // Before any passphrase is typed into what may be a planted file.
        if let Some((why, fix)) = &self.app.unsafe_folder {
            // As wide as the command where the terminal allows, so a long
            // folder path is not split either.
            let fix_width = crate::textwidth::width(fix) + 4;
            width = width.max(u16::try_from(fix_width).unwrap_or(u16::MAX));
            lines.push(Line::styled(text::unsafe_folder(why), t.error()));
            // On a line of its own: wrapped into the sentence it could be
            // split between rows, and copied with a line break inside.
            lines.push(Line::styled(fix.clone(), t.error()));
            lines.push(Line::raw(""));
        }
        if let Some(n) = &self.st.notice {
            lines.push(Line::styled(n.clone(), t.warn()));
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(
            tail(&self.app.vault_path.display().to_string(), 70),
            t.dim(),
        ));
        lines.push(Line::raw(""));
        lines.push(field_line(
            text::PASSPHRASE_LABEL,
            masked(self.st.input.expose().chars().count()),
            !self.st.working,
            t,
        ));
        lines.push(Line::raw(""));
        if self.st.working {
            lines.push(Line::styled(
                format!("{} {}", spinner(self.app.ticks), text::UNLOCKING),
                t.warn(),
            ));
        } else if let Some(e) = &self.st.error {
            lines.push(Line::styled(e.clone(), t.error()));
        }
        if self.app.has_identities {
            lines.push(Line::styled(text::IDENTITY_HINT, t.dim()));
        }
        lines.push(Line::styled(text::FORGOT_LINK, t.dim()));
        if let Some(p) = &self.app.demo_passphrase {
            lines.push(Line::raw(""));
            lines.push(Line::styled(text::demo_passphrase(p.expose()), t.key()));
        }
        boxed_paragraph(
            area,
            buf,
            Line::styled(text::UNLOCK_TITLE, t.title()),
            lines,
            width,
        );
    }
}
