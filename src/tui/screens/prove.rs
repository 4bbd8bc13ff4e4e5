//! Proving a read-only session: a vault opened with an extra recipient's
//! key can be read but not changed (the open proves nothing about who
//! wrote the file). This prompt, drawn over the session, takes the
//! passphrase or the recovery key; once the core has checked that it opens
//! the very file the session read, the session may save. Its state, its
//! pure update and its view.
//!
//! It opens with `P` in a read-only session, and by itself when a save
//! was refused because the session is read-only; then the change is saved
//! as soon as the proof is accepted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use crate::secret::SecretString;
use crate::tui::app::*;
use crate::tui::common::*;
use crate::tui::text;
use crate::vault::store::Proof;
use crate::vault::VaultError;

/// The prompt's state (inside the [`Session`], so locking wipes it).
#[derive(Debug, Default)]
pub struct ProveState {
    /// The typed or pasted passphrase or recovery key.
    pub input: SecretString,
    /// The check runs on a thread (the KDF takes about a second).
    pub working: bool,
    /// Why the last try failed.
    pub error: Option<String>,
    /// Opened because a save was refused: save once proved.
    pub save_after: bool,
}

/// Opens the prompt (`P`, or a save refused as read-only).
pub(crate) fn open(app: &mut App, save_after: bool) -> Vec<Effect> {
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    if s.vault.is_verified() {
        app.info(text::ALREADY_PROVED);
        return Vec::new();
    }
    let st = s.prove.get_or_insert_with(ProveState::default);
    st.save_after |= save_after;
    Vec::new()
}

/// Keys while the prompt is open.
pub(crate) fn update(app: &mut App, msg: Message) -> Vec<Effect> {
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    let Some(st) = s.prove.as_mut() else {
        return Vec::new();
    };
    if st.working {
        return Vec::new();
    }
    match msg {
        Message::Input(c) => {
            push_secret(&mut st.input, &c);
            st.error = None;
        }
        Message::Paste(p) => {
            push_secret(&mut st.input, p.expose().trim_end_matches(['\r', '\n']));
            st.error = None;
        }
        Message::Backspace => pop_secret(&mut st.input),
        Message::Submit => {
            if st.input.expose().trim().is_empty() {
                st.error = Some(text::EMPTY_PASSPHRASE.into());
                return Vec::new();
            }
            st.working = true;
            st.error = None;
            return vec![Effect::Prove(std::mem::take(&mut st.input))];
        }
        Message::Back => {
            let unsaved = st.save_after;
            s.prove = None;
            if unsaved {
                app.error(text::NOT_SAVED_READ_ONLY);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// The check came back from its thread.
pub(crate) fn on_proved(app: &mut App, r: Result<Box<Proof>, VaultError>) -> Vec<Effect> {
    let Some(s) = app.session_mut() else {
        // Locked meanwhile: the proof is dropped with its keys.
        return Vec::new();
    };
    let Some(st) = s.prove.as_mut() else {
        return Vec::new();
    };
    st.working = false;
    let r = r.and_then(|proof| s.vault.accept_proof(*proof));
    match r {
        Ok(()) => {
            let save = st.save_after;
            s.prove = None;
            app.info(text::PROVED);
            if save {
                return vec![Effect::Save];
            }
        }
        Err(e) => {
            st.error = Some(match e {
                VaultError::Auth(_) | VaultError::Unverified { .. } => text::PROOF_FAILED.into(),
                VaultError::Changed => text::CHANGED_ON_DISK.into(),
                other => other.to_string(),
            });
        }
    }
    Vec::new()
}

/// The prompt, drawn over the session.
pub(crate) struct ProveView<'a> {
    pub(crate) app: &'a App,
    pub(crate) st: &'a ProveState,
}

impl Widget for ProveView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let mut lines = vec![
            Line::styled(text::PROVE_WHY, t.text()),
            Line::raw(""),
            field_line(
                text::PROVE_LABEL,
                masked(self.st.input.expose().chars().count()),
                !self.st.working,
                t,
            ),
            Line::raw(""),
        ];
        if self.st.working {
            lines.push(Line::styled(
                format!("{} {}", spinner(self.app.ticks), text::PROVING),
                t.warn(),
            ));
        } else if let Some(e) = &self.st.error {
            lines.push(Line::styled(e.clone(), t.error()));
        }
        let w = 72.min(area.width);
        let h = wrapped_height(&lines, w.saturating_sub(4)) + 4;
        let boxed = centered(area, w, h);
        clear_popup(boxed, buf);
        Paragraph::new(breakable(lines))
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .title(Line::styled(text::PROVE_TITLE, t.title()))
                    .padding(Padding::uniform(1)),
            )
            .render(boxed, buf);
    }
}
