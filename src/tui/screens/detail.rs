//! One item's page: masked or revealed secret, copying, recovery codes
//! marked used, HOTP codes made one at a time (the counter saved before
//! the code is shown, as `lifeboat code` does), deleting. State, pure
//! update and view.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};
use time::OffsetDateTime;

use crate::item::{Item, Secret};
use crate::secret::SecretString;
use crate::tui::app::*;
use crate::tui::common::*;
use crate::tui::text;
use crate::tui::theme::Theme;

/// Seconds a revealed secret stays revealed.
pub const REVEAL_SECS: i64 = 30;

/// One item's detail page.
#[derive(Debug)]
pub struct DetailState {
    /// The item's id.
    pub item_id: String,
    /// When the secret was revealed; `None` while masked.
    pub revealed_at: Option<OffsetDateTime>,
    /// Recovery codes: the chosen code.
    pub code: ListCursor,
    /// Asking whether to delete.
    pub confirm_delete: bool,
    /// HOTP: the code made on this page, if any.
    pub hotp: HotpCode,
}

/// An HOTP code made on the detail page.
#[derive(Debug, Default)]
pub enum HotpCode {
    /// None made yet.
    #[default]
    None,
    /// Made for `counter`; the counter moved on is being saved. Not shown
    /// until the save succeeds.
    Saving {
        /// The counter the code belongs to.
        counter: u64,
        /// The code.
        code: SecretString,
    },
    /// Saved: shown and copyable.
    Shown {
        /// The counter the code belongs to.
        counter: u64,
        /// The code.
        code: SecretString,
    },
}

/// Whether an item is an HOTP secret.
pub fn is_hotp(item: &Item) -> bool {
    matches!(
        item.secret,
        Secret::Totp {
            otp_type: crate::item::OtpType::Hotp,
            ..
        }
    )
}

/// After a save: an HOTP code waiting for it is shown when the save
/// succeeded, and dropped (never shown) when it failed.
pub(crate) fn saved(app: &mut App, ok: bool) {
    let mut failed = false;
    if let Some(s) = app.session_mut() {
        for page in s.pages.iter_mut() {
            if let Page::Detail(d) = page {
                if let HotpCode::Saving { counter, code } = std::mem::take(&mut d.hotp) {
                    if ok {
                        d.hotp = HotpCode::Shown { counter, code };
                    } else {
                        failed = true;
                    }
                }
            }
        }
    }
    if failed {
        app.error(text::HOTP_NOT_SAVED);
    }
}

impl DetailState {
    /// The page of item `item_id`, secret masked.
    pub fn new(item_id: String) -> DetailState {
        DetailState {
            item_id,
            revealed_at: None,
            code: ListCursor::default(),
            confirm_delete: false,
            hotp: HotpCode::None,
        }
    }
}

/// What `c` copies: the secret, or for TOTP the current code, or for
/// recovery codes the chosen code; nothing for HOTP (its code is copied
/// only after `n` made it and saved the counter).
pub fn copy_text(item: &Item, code_cursor: usize, unix: u64) -> Option<SecretString> {
    Some(match &item.secret {
        Secret::Seed { words, .. } => words.clone(),
        Secret::Key { key, .. } => key.clone(),
        // HOTP codes are copied only once made with n (see `update`).
        Secret::Totp { .. } if is_hotp(item) => return None,
        Secret::Totp { .. } => {
            SecretString::new(crate::item::totp::code_at(&item.secret, unix).ok()?)
        }
        Secret::Codes { codes } => codes.get(code_cursor)?.code.clone(),
        Secret::Password { password, .. } => password.clone(),
        Secret::Note { text } => text.clone(),
    })
}

pub(crate) fn update(app: &mut App, msg: Message) -> Vec<Effect> {
    let now = app.now;
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    let Some(Page::Detail(d)) = s.pages.last_mut() else {
        return Vec::new();
    };
    let Some(idx) = s
        .vault
        .payload()
        .items
        .iter()
        .position(|i| i.id == d.item_id)
    else {
        s.pages.pop();
        return Vec::new();
    };
    if d.confirm_delete {
        match msg {
            Message::Confirm(true) => {
                let name = s.vault.payload().items[idx].name.clone();
                let id = d.item_id.clone();
                s.pages.pop();
                if s.vault.remove_item(&id).is_ok() {
                    let items = &s.vault.payload().items;
                    s.items.reindex(items);
                    app.info(text::deleted(&name));
                    return vec![Effect::Save];
                }
            }
            Message::Confirm(false) | Message::Back => d.confirm_delete = false,
            _ => {}
        }
        return Vec::new();
    }
    let n_codes = match &s.vault.payload().items[idx].secret {
        Secret::Codes { codes } => codes.len(),
        _ => 0,
    };
    match msg {
        Message::Back => {
            s.pages.pop();
        }
        Message::Reveal => {
            d.revealed_at = match d.revealed_at {
                Some(_) => None,
                None => Some(now),
            }
        }
        Message::Up => d.code.step(-1, n_codes),
        Message::Down => d.code.step(1, n_codes),
        Message::Copy if is_hotp(&s.vault.payload().items[idx]) => {
            return match &d.hotp {
                HotpCode::Shown { code, .. } => vec![Effect::Copy(code.clone())],
                _ => {
                    app.error(text::HOTP_COPY_FIRST);
                    Vec::new()
                }
            };
        }
        Message::NextCode if is_hotp(&s.vault.payload().items[idx]) => {
            if matches!(d.hotp, HotpCode::Saving { .. }) {
                return Vec::new();
            }
            let item = &mut s.vault.payload_mut().items[idx];
            let Ok(code) = crate::item::totp::code_at(&item.secret, 0) else {
                return Vec::new();
            };
            let Secret::Totp { counter, .. } = &mut item.secret else {
                return Vec::new();
            };
            let used = *counter;
            let Some(next) = used.checked_add(1) else {
                app.error(text::HOTP_COUNTER_END);
                return Vec::new();
            };
            *counter = next;
            item.updated = now;
            let name = item.name.clone();
            s.vault.audit("hotp-code", Some(&name));
            d.hotp = HotpCode::Saving {
                counter: used,
                code: SecretString::new(code),
            };
            return vec![Effect::Save];
        }
        Message::Copy => {
            let item = &s.vault.payload().items[idx];
            let unix = now.unix_timestamp().max(0) as u64;
            return match copy_text(item, d.code.selected, unix) {
                Some(t) => vec![Effect::Copy(t)],
                None => {
                    app.error(text::NOTHING_TO_COPY);
                    Vec::new()
                }
            };
        }
        Message::MarkUsed if n_codes > 0 => {
            let sel = d.code.selected.min(n_codes - 1);
            let item = &mut s.vault.payload_mut().items[idx];
            let mut used = false;
            if let Secret::Codes { codes } = &mut item.secret {
                let c = &mut codes[sel];
                c.used = match c.used {
                    Some(_) => None,
                    None => Some(now),
                };
                used = c.used.is_some();
            }
            item.updated = now;
            let name = item.name.clone();
            s.vault
                .audit(if used { "codes-use" } else { "codes-unuse" }, Some(&name));
            app.info(text::code_marked(sel + 1, used));
            return vec![Effect::Save];
        }
        Message::EditItem => {
            let form = FormState::edit(&s.vault.payload().items[idx]);
            s.pages.push(Page::Form(Box::new(form)));
        }
        Message::DeleteItem => d.confirm_delete = true,
        _ => {}
    }
    Vec::new()
}

pub(crate) struct DetailView<'a> {
    pub(crate) app: &'a App,
    pub(crate) item: &'a Item,
    pub(crate) st: &'a DetailState,
}

impl DetailView<'_> {
    fn revealed(&self) -> bool {
        self.st.revealed_at.is_some()
    }

    fn secret_span(&self, s: &str) -> Span<'static> {
        if self.revealed() {
            Span::styled(s.to_owned(), self.app.theme.secret())
        } else {
            Span::styled(text::masked_with_hint(), self.app.theme.dim())
        }
    }
}

pub(crate) fn kv<'a>(label: impl Into<String>, value: impl Into<Span<'a>>, t: Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(crate::textwidth::fill(&label.into(), 17), t.dim()),
        value.into(),
    ])
}

impl Widget for DetailView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let item = self.item;
        let title = Line::from(vec![
            Span::raw(" "),
            Span::styled(text::kind_badge(item.kind()), t.badge(item.kind())),
            Span::raw(" "),
            Span::styled(item.name.clone(), t.title()),
            Span::raw(" "),
        ]);
        let block = Block::bordered()
            .title(title)
            .padding(Padding::horizontal(1));
        let inner = block.inner(area);
        block.render(area, buf);

        let mut lines = Vec::new();
        let reveal_line = match self.st.revealed_at {
            Some(at) => {
                let left = (REVEAL_SECS - (self.app.now - at).whole_seconds()).max(0);
                Line::styled(text::revealed_for(left), t.warn())
            }
            None => Line::styled(text::REVEAL_HINT, t.dim()),
        };
        if let Some(a) = &item.account {
            lines.push(kv(text::F_ACCOUNT, a.clone(), t));
        }
        if !item.tags.is_empty() {
            lines.push(kv(text::F_TAGS, item.tags.join(", "), t));
        }
        if let Some(s) = &item.support {
            lines.push(kv(text::F_SUPPORT, s.clone(), t));
        }
        if let Some(n) = &item.notes {
            lines.push(kv(text::F_NOTES, n.clone(), t));
        }
        lines.push(kv(text::F_UPDATED, fmt_time(item.updated), t));
        lines.push(Line::raw(""));
        let unix = self.app.now.unix_timestamp().max(0) as u64;
        let mut codes_area_needed = false;
        match &item.secret {
            Secret::Seed {
                words,
                scheme,
                passphrase,
                ..
            } => {
                let n = words.expose().split_whitespace().count();
                lines.push(kv(
                    text::F_SCHEME,
                    text::scheme_words(scheme.as_str(), n),
                    t,
                ));
                lines.push(reveal_line);
                lines.push(Line::raw(""));
                let cols = if inner.width >= 72 {
                    4
                } else if inner.width >= 54 {
                    3
                } else {
                    2
                };
                if self.revealed() && *scheme == crate::item::SeedScheme::Other {
                    // Shown exactly as stored: case and spacing may matter.
                    lines.push(Line::styled(words.expose().to_owned(), t.secret()));
                } else if self.revealed() {
                    let laid = crate::item::seed::format_columns(words.expose(), cols);
                    for l in laid.lines() {
                        lines.push(Line::styled(l.to_owned(), t.secret()));
                    }
                } else {
                    let nw = n.to_string().len().max(2);
                    for row in 0..n.div_ceil(cols) {
                        let mut l = String::new();
                        for c in 0..cols {
                            let k = row * cols + c + 1;
                            if k > n {
                                break;
                            }
                            if c > 0 {
                                l.push_str("  ");
                            }
                            l.push_str(&format!("{k:>nw$}. {}", "•".repeat(8)));
                        }
                        lines.push(Line::styled(l, t.dim()));
                    }
                }
                if let Some(p) = passphrase {
                    lines.push(Line::raw(""));
                    lines.push(kv(
                        text::F_BIP39_PASSPHRASE,
                        self.secret_span(p.expose()),
                        t,
                    ));
                }
            }
            Secret::Key { key, format } => {
                if let Some(f) = format {
                    lines.push(kv(text::F_FORMAT, f.clone(), t));
                }
                lines.push(kv(text::F_KEY, self.secret_span(key.expose()), t));
                if self.revealed() {
                    lines.push(reveal_line);
                }
            }
            Secret::Totp {
                secret,
                issuer,
                label,
                algorithm,
                digits,
                period,
                otp_type,
                counter,
            } => {
                let spaced = |c: &str| {
                    let mid = c.len() / 2;
                    format!("{} {}", &c[..mid], &c[mid..])
                };
                let hotp = *otp_type == crate::item::OtpType::Hotp;
                // HOTP: a code only after its counter is saved (never the
                // next one on sight: showing it would spend it unrecorded).
                let code = match &self.st.hotp {
                    _ if !hotp => crate::item::totp::code_at(&item.secret, unix)
                        .map(|c| spaced(&c))
                        .unwrap_or_else(|e| e.to_string()),
                    HotpCode::Shown { code, .. } => spaced(code.expose()),
                    HotpCode::Saving { .. } => text::HOTP_SAVING.text(),
                    HotpCode::None => text::HOTP_NO_CODE.text(),
                };
                lines.push(kv(
                    text::F_CODE,
                    Span::styled(code, t.secret().add_modifier(Modifier::BOLD)),
                    t,
                ));
                if hotp {
                    let note = match &self.st.hotp {
                        HotpCode::Shown { counter, .. } => text::hotp_made(*counter),
                        _ => text::hotp_next(*counter),
                    };
                    lines.push(kv("", note, t));
                } else if let Some(left) = crate::item::totp::seconds_left(&item.secret, unix) {
                    let width = 20usize;
                    let filled = (left as usize * width).div_ceil((*period).max(1) as usize);
                    let filled = filled.min(width);
                    lines.push(kv(
                        "",
                        Span::styled(
                            format!(
                                "{}{} {}",
                                "█".repeat(filled),
                                "░".repeat(width - filled),
                                text::code_changes_in(left)
                            ),
                            if left <= 5 { t.warn() } else { t.ok() },
                        ),
                        t,
                    ));
                }
                lines.push(Line::raw(""));
                if let Some(i) = issuer {
                    lines.push(kv(text::F_ISSUER, i.clone(), t));
                }
                if let Some(l) = label {
                    lines.push(kv(text::F_LABEL, l.clone(), t));
                }
                lines.push(kv(
                    text::F_PARAMS,
                    text::totp_params(algorithm.as_str(), *digits, *period),
                    t,
                ));
                lines.push(kv(text::F_SECRET, self.secret_span(secret.expose()), t));
                if self.revealed() {
                    lines.push(reveal_line);
                }
            }
            Secret::Codes { codes } => {
                lines.push(kv(
                    "",
                    text::codes_summary(item.unused_codes(), codes.len()),
                    t,
                ));
                lines.push(reveal_line);
                lines.push(Line::raw(""));
                codes_area_needed = true;
            }
            Secret::Password {
                username,
                password,
                url,
            } => {
                if let Some(u) = username {
                    lines.push(kv(text::F_USERNAME, u.clone(), t));
                }
                if let Some(u) = url {
                    lines.push(kv(text::F_URL, u.clone(), t));
                }
                lines.push(kv(text::F_PASSWORD, self.secret_span(password.expose()), t));
                if self.revealed() {
                    lines.push(reveal_line);
                }
            }
            Secret::Note { text: body } => {
                lines.push(reveal_line);
                lines.push(Line::raw(""));
                if self.revealed() {
                    for l in body.expose().lines() {
                        lines.push(Line::styled(l.to_owned(), t.secret()));
                    }
                } else {
                    lines.push(Line::styled(text::MASK, t.dim()));
                }
            }
        }
        let confirm_h = u16::from(self.st.confirm_delete) * 2;
        let [top, bottom, confirm] = Layout::vertical([
            if codes_area_needed {
                Constraint::Length(lines.len() as u16)
            } else {
                Constraint::Fill(1)
            },
            Constraint::Fill(if codes_area_needed { 1 } else { 0 }),
            Constraint::Length(confirm_h),
        ])
        .areas(inner);
        Paragraph::new(breakable(lines))
            .wrap(Wrap { trim: false })
            .render(top, buf);
        if codes_area_needed {
            if let Secret::Codes { codes } = &item.secret {
                let h = bottom.height as usize;
                let sel = self.st.code.selected.min(codes.len().saturating_sub(1));
                let off = scroll(self.st.code.offset.get(), sel, h, codes.len());
                self.st.code.offset.set(off);
                for (row, (i, c)) in codes.iter().enumerate().skip(off).take(h).enumerate() {
                    let shown = if self.revealed() {
                        Span::styled(format!("{:<24}", c.code.expose()), t.secret())
                    } else {
                        Span::styled(format!("{:<24}", text::MASK), t.dim())
                    };
                    let state = match c.used {
                        Some(at) => Span::styled(text::used_at(&fmt_time(at)), t.dim()),
                        None => Span::styled(text::UNUSED, t.ok()),
                    };
                    let selected = i == sel;
                    let line = Line::from(vec![
                        Span::raw(if selected { "› " } else { "  " }),
                        Span::raw(format!("{:>2}. ", i + 1)),
                        shown,
                        state,
                    ]);
                    let r = Rect {
                        x: bottom.x,
                        y: bottom.y + row as u16,
                        width: bottom.width,
                        height: 1,
                    };
                    line.render(r, buf);
                    if selected {
                        buf.set_style(r, t.selected());
                    }
                }
            }
        }
        if self.st.confirm_delete {
            Paragraph::new(vec![
                Line::raw(""),
                Line::styled(text::confirm_delete(&item.name), t.error()),
            ])
            .render(confirm, buf);
        }
    }
}
