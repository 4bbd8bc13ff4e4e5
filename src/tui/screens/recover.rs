//! "Forgot passphrase": opening the vault with the recovery key or
//! SLIP-39 shares, then choosing a new passphrase. State, pure update and
//! view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::item::slip39;
use crate::secret::SecretString;
use crate::tui::app::*;
use crate::tui::common::*;
use crate::tui::text;
use crate::vault::{Vault, VaultError};

/// Steps of "forgot passphrase".
#[derive(Debug)]
pub enum RecoverStage {
    /// Typing or pasting the key or shares.
    Material {
        /// The text (may span lines). Shown as typed: it is the paper the
        /// user holds.
        text: SecretString,
        /// The cursor, as a character index into `text`.
        cursor: usize,
        /// Why the last attempt failed.
        error: Option<String>,
    },
    /// Opening the vault or saving the new passphrase.
    Working(crate::i18n::Msg),
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
    /// The material sent to be tried, kept so a failure never wipes what
    /// was typed.
    pub kept: SecretString,
}

impl Default for RecoverState {
    fn default() -> Self {
        RecoverState {
            stage: RecoverStage::Material {
                text: SecretString::default(),
                cursor: 0,
                error: None,
            },
            kept: SecretString::default(),
        }
    }
}

/// What is wrong with a word of the recovery material.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordProblem {
    /// Not a SLIP-39 word; the closest list words.
    Unknown(Vec<&'static str>),
    /// The share's checksum fails and this word is the one to change.
    Checksum(&'static str),
    /// The share's checksum fails; which word is wrong is not known.
    ShareChecksum,
    /// A character that cannot appear in a recovery key.
    KeyCharacter,
}

/// A word of the material with a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordCheck {
    /// The line (0-based).
    pub line: usize,
    /// The word in its line (1-based, as on paper).
    pub position: usize,
    /// Its characters in the whole text: `start..end`.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The word as typed.
    pub word: String,
    /// What is wrong.
    pub problem: WordProblem,
}

/// The characters of an age secret key after its prefix (bech32).
const BECH32: &str = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

/// Checks every word as typed: share words against the SLIP-39 list (the
/// word under the cursor may still be a beginning), a complete share
/// against its checksum (naming the word to change when one change fixes
/// it), and a recovery key's characters.
pub fn check_words(text: &str, cursor: usize) -> Vec<WordCheck> {
    let mut out = Vec::new();
    let mut line_start = 0usize;
    for (line_no, line) in text.split('\n').enumerate() {
        let line_len = line.chars().count();
        let mut words: Vec<(usize, usize, String)> = Vec::new();
        let mut cur: Option<(usize, String)> = None;
        for (i, c) in line.chars().enumerate() {
            if c.is_whitespace() {
                if let Some((s, w)) = cur.take() {
                    words.push((line_start + s, line_start + i, w));
                }
            } else {
                cur.get_or_insert_with(|| (i, String::new())).1.push(c);
            }
        }
        if let Some((s, w)) = cur.take() {
            words.push((line_start + s, line_start + line_len, w));
        }
        let is_key = line
            .trim_start()
            .to_ascii_uppercase()
            .starts_with("AGE-SECRET-KEY-1");
        if is_key {
            if let Some((s, e, w)) = words.first() {
                let body = &w["AGE-SECRET-KEY-1".len()..];
                if body
                    .chars()
                    .any(|c| !BECH32.contains(c.to_ascii_lowercase()))
                {
                    out.push(WordCheck {
                        line: line_no,
                        position: 1,
                        start: *s,
                        end: *e,
                        word: String::new(),
                        problem: WordProblem::KeyCharacter,
                    });
                }
            }
        } else {
            let mut all_known = true;
            for (n, (s, e, w)) in words.iter().enumerate() {
                let lower = w.to_lowercase();
                let known = slip39::wordlist().binary_search(&lower.as_str()).is_ok();
                let typing = cursor == *e && !slip39::complete(&lower).is_empty();
                if !known {
                    all_known = false;
                }
                if !known && !typing {
                    out.push(WordCheck {
                        line: line_no,
                        position: n + 1,
                        start: *s,
                        end: *e,
                        word: w.clone(),
                        problem: WordProblem::Unknown(slip39::suggest(&lower)),
                    });
                }
            }
            // A line still being typed at its end is not judged whole yet
            // (20 words may be the start of a 33-word share).
            let typing_line = cursor == line_start + line_len;
            let full = matches!(words.len(), 20 | 33);
            if all_known && full && !typing_line {
                if let Err(slip39::Slip39Error::ChecksumFailed { .. }) =
                    slip39::decode_mnemonic(line)
                {
                    match slip39::find_single_wrong_word(line) {
                        Some((pos, right)) => {
                            let (s, e, w) = &words[pos - 1];
                            out.push(WordCheck {
                                line: line_no,
                                position: pos,
                                start: *s,
                                end: *e,
                                word: w.clone(),
                                problem: WordProblem::Checksum(right),
                            });
                        }
                        None => {
                            let (s, e, _) = &words[0];
                            out.push(WordCheck {
                                line: line_no,
                                position: 1,
                                start: *s,
                                end: *e,
                                word: String::new(),
                                problem: WordProblem::ShareChecksum,
                            });
                        }
                    }
                }
            }
        }
        line_start += line_len + 1;
    }
    out
}

/// The sentence for a problem, naming the line and the word as on paper.
pub fn problem_text(c: &WordCheck) -> String {
    match &c.problem {
        WordProblem::Unknown(s) => text::share_word_unknown(c.line + 1, c.position, &c.word, s),
        WordProblem::Checksum(right) => {
            text::share_word_checksum(c.line + 1, c.position, &c.word, right)
        }
        WordProblem::ShareChecksum => text::share_checksum(c.line + 1),
        WordProblem::KeyCharacter => text::KEY_CHARACTER.text(),
    }
}

/// Inserts `extra` at character `at` of a secret, wiping the old buffer.
fn insert_secret(s: &mut SecretString, at: usize, extra: &str) {
    let old = s.expose();
    let byte = old.char_indices().nth(at).map_or(old.len(), |(b, _)| b);
    let mut n = String::with_capacity(old.len() + extra.len());
    n.push_str(&old[..byte]);
    n.push_str(extra);
    n.push_str(&old[byte..]);
    *s = SecretString::new(n);
}

/// Removes the character before `at` of a secret, wiping the old buffer.
fn remove_secret_char(s: &mut SecretString, at: usize) {
    if at == 0 {
        return;
    }
    let old = s.expose();
    let mut n = String::with_capacity(old.len());
    for (i, c) in old.chars().enumerate() {
        if i + 1 != at {
            n.push(c);
        }
    }
    *s = SecretString::new(n);
}

/// The (line, column) of character `at`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let mut line = 0;
    let mut col = 0;
    for c in text.chars().take(at) {
        if c == '\n' {
            line += 1;
            col = 0;
        } else {
            col += 1;
        }
    }
    (line, col)
}

/// The character index of (line, column), the column clamped to the line.
fn index_of(text: &str, line: usize, col: usize) -> usize {
    let mut idx = 0;
    for (i, l) in text.split('\n').enumerate() {
        let n = l.chars().count();
        if i == line {
            return idx + col.min(n);
        }
        idx += n + 1;
    }
    text.chars().count()
}

pub(crate) fn on_recovery_opened(app: &mut App, r: Result<Box<Vault>, String>) -> Vec<Effect> {
    let Screen::Recover(rs) = &mut app.screen else {
        return Vec::new();
    };
    rs.stage = match r {
        Ok(v) => {
            rs.kept = SecretString::default();
            RecoverStage::NewPassphrase {
                vault: Some(v),
                fields: NewPassphrase::default(),
            }
        }
        Err(e) => {
            // Everything typed comes back, the cursor on the first word
            // found wrong (or at the end).
            let text = std::mem::take(&mut rs.kept);
            let end = text.expose().chars().count();
            let cursor = check_words(text.expose(), end)
                .first()
                .map_or(end, |c| c.end);
            RecoverStage::Material {
                text,
                cursor,
                error: Some(text::recover_failed(&e)),
            }
        }
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
                kept: SecretString::default(),
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
        RecoverStage::Material {
            text: t,
            cursor,
            error,
        } => {
            let len = t.expose().chars().count();
            *cursor = (*cursor).min(len);
            match msg {
                Message::Input(s) => {
                    insert_secret(t, *cursor, &s);
                    *cursor += s.chars().count();
                    *error = None;
                }
                Message::Paste(s) => {
                    let s = s.expose().replace("\r\n", "\n");
                    insert_secret(t, *cursor, &s);
                    *cursor += s.chars().count();
                    *error = None;
                }
                Message::Backspace => {
                    remove_secret_char(t, *cursor);
                    *cursor = cursor.saturating_sub(1);
                }
                Message::Left => *cursor = cursor.saturating_sub(1),
                Message::Right => *cursor = (*cursor + 1).min(len),
                Message::Up | Message::Down => {
                    let (l, c) = line_col(t.expose(), *cursor);
                    let l = if matches!(msg, Message::Up) {
                        l.saturating_sub(1)
                    } else {
                        l + 1
                    };
                    *cursor = index_of(t.expose(), l, c);
                }
                Message::NextField | Message::PrevField => {
                    // Jump to the next word found wrong, after the cursor
                    // (wrapping round).
                    let checks = check_words(t.expose(), usize::MAX);
                    let next = checks.iter().find(|c| c.end > *cursor).or(checks.first());
                    if let Some(c) = next {
                        *cursor = c.end;
                    }
                }
                Message::Submit | Message::Save => {
                    let body = t.expose().trim();
                    let single_key = !body.contains('\n')
                        && body.to_ascii_uppercase().starts_with("AGE-SECRET-KEY-1");
                    let at_end = *cursor == len;
                    let on_empty_line = at_end && (t.expose().ends_with('\n') || t.is_empty());
                    if matches!(msg, Message::Save) || (single_key && at_end) || on_empty_line {
                        if body.is_empty() {
                            *error = Some(text::RECOVER_EMPTY.into());
                            return Vec::new();
                        }
                        // A word known wrong: stay, the cursor on it.
                        if let Some(c) = check_words(t.expose(), usize::MAX).first() {
                            *error = Some(problem_text(c));
                            *cursor = c.end;
                            return Vec::new();
                        }
                        let material = t.clone();
                        rs.kept = std::mem::take(t);
                        rs.stage = RecoverStage::Working(text::RECOVER_OPENING);
                        return vec![Effect::OpenForRecovery(material)];
                    }
                    insert_secret(t, *cursor, "\n");
                    *cursor += 1;
                }
                Message::Back => app.screen = Screen::Unlock(UnlockState::default()),
                _ => {}
            }
        }
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
            RecoverStage::Material {
                text: body,
                cursor,
                error,
            } => {
                lines.push(Line::raw(text::RECOVER_EXPLAIN));
                lines.push(Line::styled(text::RECOVER_VISIBLE, t.warn()));
                if crate::i18n::lang() != crate::lang::Lang::En {
                    lines.push(Line::styled(text::SHARES_ARE_ENGLISH.text(), t.dim()));
                }
                lines.push(Line::raw(""));
                let checks = check_words(body.expose(), *cursor);
                let mut idx = 0usize;
                for (i, l) in body.expose().split('\n').enumerate() {
                    let words = l.split_whitespace().count();
                    let mut spans = vec![Span::styled(format!("{:>2}: ", i + 1), t.dim())];
                    let mut run = String::new();
                    let mut run_style = Style::new();
                    let n = l.chars().count();
                    for (j, c) in l.chars().chain(std::iter::once(' ')).enumerate() {
                        let at = idx + j;
                        let bad = checks.iter().find(|k| at >= k.start && at < k.end);
                        let mut style = match bad.map(|k| &k.problem) {
                            Some(WordProblem::Checksum(_)) => t.warn(),
                            Some(_) => t.error(),
                            None => Style::new(),
                        };
                        if bad.is_some() {
                            style = style.add_modifier(Modifier::UNDERLINED);
                        }
                        if at == *cursor {
                            style = style.add_modifier(Modifier::REVERSED);
                        } else if j == n {
                            break;
                        }
                        if style != run_style && !run.is_empty() {
                            spans.push(Span::styled(std::mem::take(&mut run), run_style));
                        }
                        run_style = style;
                        run.push(c);
                    }
                    if !run.is_empty() {
                        spans.push(Span::styled(run, run_style));
                    }
                    if words > 1 {
                        spans.push(Span::styled(
                            format!("  {}", text::words_typed(words)),
                            t.dim(),
                        ));
                    }
                    lines.push(Line::from(spans));
                    idx += n + 1;
                }
                if !checks.is_empty() {
                    lines.push(Line::raw(""));
                }
                for c in checks.iter().take(3) {
                    lines.push(Line::styled(problem_text(c), t.error()));
                }
                // The refusal repeats a problem listed above: say it once.
                if let Some(e) = error
                    .as_ref()
                    .filter(|e| !checks.iter().any(|c| problem_text(c) == **e))
                {
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
