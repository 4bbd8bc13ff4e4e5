//! The views: pure functions of the [`App`] drawn into a ratatui `Buffer`.
//!
//! [`App`] renders as a `Widget` (`impl Widget for &App`), which lays out
//! the header, the screen body, the status line and the footer, and the
//! help overlay on top. Each screen is a small widget borrowing the state
//! it shows; the playbook checklist is a `StatefulWidget` whose state is
//! its scroll offset. Time comes from `app.now`, never the clock, so
//! snapshots are stable. Secrets appear only when revealed.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, StatefulWidget, Widget, Wrap};

use super::app::{
    expected_chars, AccountChoice, AccountPicker, App, CreateStage, CreateState, DetailState,
    FormField, FormState, ListRow, Meter, NewPassphrase, Page, RecoverStage, RecoverState,
    RunnerState, Screen, Session, Tab, UnlockState, REVEAL_SECS,
};
use super::text;
use super::theme::Theme;
use crate::item::{Item, ItemKind, Secret};
use crate::playbook::{self, Playbook, StepKind, StepState, StepView};

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// A rectangle of at most `w` x `h` centred in `area`.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Keeps `selected` inside a window of `height` rows starting at `offset`.
fn scroll(offset: usize, selected: usize, height: usize, len: usize) -> usize {
    if height == 0 {
        return 0;
    }
    let mut off = offset;
    if selected < off {
        off = selected;
    }
    if selected >= off + height {
        off = selected + 1 - height;
    }
    off.min(len.saturating_sub(height))
}

/// Rows `lines` take when wrapped to `width` (a close estimate: words
/// wrap a little earlier than characters).
fn wrapped_height(lines: &[Line], width: u16) -> u16 {
    let w = usize::from(width.max(1));
    lines
        .iter()
        .map(|l| {
            let n = l.width();
            if n == 0 {
                1
            } else {
                (n + n / 12).div_ceil(w)
            }
        })
        .sum::<usize>()
        .min(u16::MAX as usize) as u16
}

/// A bordered box just tall enough for `lines`, centred in `area`.
fn boxed_paragraph(area: Rect, buf: &mut Buffer, title: Line, lines: Vec<Line>, max_w: u16) {
    let w = max_w.min(area.width);
    let h = wrapped_height(&lines, w.saturating_sub(4)) + 2;
    let r = centered(area, w, h);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .title(title)
                .padding(Padding::horizontal(1)),
        )
        .render(r, buf);
}

fn spinner(ticks: u64) -> &'static str {
    SPINNER[(ticks % SPINNER.len() as u64) as usize]
}

fn masked(len: usize) -> String {
    "•".repeat(len.min(40))
}

fn field_line<'a>(label: &'a str, value: String, focused: bool, theme: Theme) -> Line<'a> {
    let marker = if focused { "› " } else { "  " };
    let mut spans = vec![
        Span::styled(marker, theme.key()),
        Span::styled(label, if focused { theme.title() } else { theme.text() }),
        Span::raw(value),
    ];
    if focused {
        spans.push(Span::styled("▏", theme.key()));
    }
    Line::from(spans)
}

fn kind_badge(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Seed => "SEED ",
        ItemKind::Key => "KEY  ",
        ItemKind::Totp => "TOTP ",
        ItemKind::Codes => "CODES",
        ItemKind::Password => "LOGIN",
        ItemKind::Note => "NOTE ",
    }
}

fn fmt_time(t: time::OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// Truncates from the left so the end of a path stays visible.
fn tail(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n <= width {
        return s.to_owned();
    }
    let skip = n + 1 - width;
    format!("…{}", s.chars().skip(skip).collect::<String>())
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 60 || area.height < 16 {
            Paragraph::new(text::TOO_SMALL)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        // A long status message (an error) gets a second line.
        let status_h = match &self.status {
            Some(s) if s.text.chars().count() + 2 > usize::from(area.width) => 2,
            _ => 1,
        };
        let [header, body, status, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(status_h),
            Constraint::Length(1),
        ])
        .areas(area);
        render_header(self, header, buf);
        match &self.screen {
            Screen::Unlock(u) => UnlockView { app: self, st: u }.render(body, buf),
            Screen::Create(c) => CreateView { app: self, st: c }.render(body, buf),
            Screen::Recover(r) => RecoverView { app: self, st: r }.render(body, buf),
            Screen::Main(s) => MainView { app: self, s }.render(body, buf),
        }
        render_status(self, status, buf);
        let ctx = self.context();
        Line::styled(format!(" {}", text::footer(ctx)), self.theme.dim()).render(footer, buf);
        if self.help {
            HelpView { app: self }.render(body, buf);
        }
    }
}

fn render_header(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let mut spans = vec![Span::styled(format!(" {} ", text::APP_NAME), t.title())];
    if let Some(s) = app.session() {
        for (tab, name) in [
            (Tab::Items, text::TAB_ITEMS),
            (Tab::Playbooks, text::TAB_PLAYBOOKS),
        ] {
            let style = if s.tab == tab {
                t.tab_active()
            } else {
                t.dim()
            };
            spans.push(Span::raw(" "));
            spans.push(Span::styled(format!(" {name} "), style));
        }
    }
    let left = Line::from(spans);
    let left_w = left.width() as u16;
    left.render(area, buf);
    let right = match app.lock_in() {
        Some(secs) if secs <= 60 => {
            Span::styled(format!("{} ", text::auto_lock_in(secs)), t.warn())
        }
        _ => {
            let room = area.width.saturating_sub(left_w + 3) as usize;
            Span::styled(
                format!(
                    "{} ",
                    tail(
                        &app.vault_path.display().to_string(),
                        room.saturating_sub(1)
                    )
                ),
                t.dim(),
            )
        }
    };
    let w = right.width() as u16;
    if w < area.width.saturating_sub(left_w) {
        buf.set_span(area.x + area.width - w, area.y, &right, w);
    }
}

fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let mut right = String::new();
    if let Some(at) = app.clipboard_clear_at {
        let secs = (at - app.now).whole_seconds().max(0);
        right = format!("clipboard clears in {secs} s ");
    }
    let rw = right.chars().count() as u16;
    if let Some(s) = &app.status {
        let style = if s.error { t.error() } else { t.ok() };
        let w = area.width.saturating_sub(rw + 1);
        Paragraph::new(Line::styled(s.text.clone(), style))
            .wrap(Wrap { trim: true })
            .render(
                Rect {
                    x: area.x + 1,
                    width: w.saturating_sub(1),
                    ..area
                },
                buf,
            );
    }
    if rw > 0 && rw < area.width {
        buf.set_stringn(
            area.x + area.width - rw,
            area.y,
            &right,
            rw as usize,
            t.warn(),
        );
    }
}

struct UnlockView<'a> {
    app: &'a App,
    st: &'a UnlockState,
}

impl Widget for UnlockView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let mut lines = Vec::new();
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
            76,
        );
    }
}

fn meter_lines<'a>(m: &Meter, empty: bool, t: Theme) -> Vec<Line<'a>> {
    let filled = usize::from(m.score.min(4));
    let style = match m.score {
        0 | 1 => t.error(),
        2 => t.warn(),
        _ => t.ok(),
    };
    let mut v = vec![Line::from(vec![
        Span::raw(format!("  {}", text::STRENGTH)),
        Span::styled("█".repeat(filled * 3), style),
        Span::styled("░".repeat((4 - filled) * 3), t.dim()),
        Span::raw(format!(" {}/4", m.score)),
    ])];
    match &m.problem {
        _ if empty => v.push(Line::raw("")),
        Some(p) => v.push(Line::styled(format!("  {p}"), t.warn())),
        None => v.push(Line::styled(format!("  ✓ {}", text::POLICY_OK), t.ok())),
    }
    v
}

fn passphrase_lines<'a>(f: &NewPassphrase, t: Theme) -> Vec<Line<'a>> {
    let mut lines = vec![
        field_line(
            text::NEW_PASSPHRASE_LABEL,
            masked(f.first.expose().chars().count()),
            f.focus == 0,
            t,
        ),
        field_line(
            text::REPEAT_PASSPHRASE_LABEL,
            masked(f.second.expose().chars().count()),
            f.focus == 1,
            t,
        ),
        Line::raw(""),
    ];
    lines.extend(meter_lines(&f.meter, f.first.is_empty(), t));
    lines.push(Line::raw(""));
    lines.push(Line::styled(text::POLICY, t.dim()));
    if let Some(e) = &f.error {
        lines.push(Line::raw(""));
        lines.push(Line::styled(e.clone(), t.error()));
    }
    lines
}

/// Marks every tenth column under the recovery key, numbered, so a
/// position can be found without counting.
fn ruler(len: usize) -> (String, String) {
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

struct CreateView<'a> {
    app: &'a App,
    st: &'a CreateState,
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
                (
                    text::KEY_TITLE,
                    vec![
                        Line::raw(text::KEY_EXPLAIN),
                        Line::raw(""),
                        Line::styled(key.to_owned(), t.secret().add_modifier(Modifier::BOLD)),
                        Line::styled(marks, t.dim()),
                        Line::styled(nums, t.dim()),
                        Line::raw(""),
                        Line::styled(text::KEY_CONTINUE, t.key()),
                    ],
                )
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

struct RecoverView<'a> {
    app: &'a App,
    st: &'a RecoverState,
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

struct MainView<'a> {
    app: &'a App,
    s: &'a Session,
}

impl Widget for MainView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        match self.s.pages.last() {
            None => match self.s.tab {
                Tab::Items => ItemsView {
                    app: self.app,
                    s: self.s,
                }
                .render(area, buf),
                Tab::Playbooks => PlaybooksView {
                    app: self.app,
                    s: self.s,
                }
                .render(area, buf),
            },
            Some(Page::Detail(d)) => {
                if let Some(item) = self.s.item(&d.item_id) {
                    DetailView {
                        app: self.app,
                        item,
                        st: d,
                    }
                    .render(area, buf)
                }
            }
            Some(Page::Form(f)) => FormView {
                app: self.app,
                st: f,
            }
            .render(area, buf),
            Some(Page::Runner(r)) => {
                if let Some(pb) = self.app.playbooks.get(r.playbook) {
                    RunnerView {
                        app: self.app,
                        s: self.s,
                        pb,
                        st: r,
                    }
                    .render(area, buf)
                }
            }
        }
    }
}

struct ItemsView<'a> {
    app: &'a App,
    s: &'a Session,
}

impl Widget for ItemsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let st = &self.s.items;
        let items = &self.s.vault.payload().items;
        let [search, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        // Search line.
        let count = format!(" {} of {} ", st.matches.len(), items.len());
        let search_line = if st.searching {
            Line::from(vec![
                Span::styled(format!(" {}", text::SEARCH_PROMPT), t.key()),
                Span::raw(st.query.clone()),
                Span::styled("▏", t.key()),
            ])
        } else if !st.query.is_empty() {
            Line::from(vec![
                Span::styled(format!(" {}", text::SEARCH_PROMPT), t.dim()),
                Span::raw(st.query.clone()),
                Span::styled("  (Esc clears)", t.dim()),
            ])
        } else {
            Line::styled(format!(" {}", text::SEARCH_HINT), t.dim())
        };
        search_line.render(search, buf);
        let cw = count.chars().count() as u16;
        if cw < search.width {
            buf.set_stringn(
                search.x + search.width - cw,
                search.y,
                &count,
                cw as usize,
                t.dim(),
            );
        }
        if st.rows.is_empty() {
            let msg = if items.is_empty() {
                text::EMPTY_VAULT
            } else {
                text::NO_MATCHES
            };
            Paragraph::new(Line::styled(msg, t.dim()))
                .wrap(Wrap { trim: true })
                .block(Block::new().padding(Padding::new(2, 2, 1, 0)))
                .render(list, buf);
            return;
        }
        let h = list.height as usize;
        let sel_row = st.row_of.get(st.cursor.selected).copied().unwrap_or(0);
        let mut off = scroll(st.cursor.offset.get(), sel_row, h, st.rows.len());
        // Keep a group's heading on screen above its first item.
        if off == sel_row && off > 0 && matches!(st.rows[off - 1], ListRow::Header(_)) {
            off -= 1;
        }
        st.cursor.offset.set(off);
        let name_w = (list.width as usize).saturating_sub(40).clamp(16, 48);
        for (y, row) in st.rows.iter().skip(off).take(h).enumerate() {
            let yy = list.y + y as u16;
            let line_area = Rect {
                x: list.x,
                y: yy,
                width: list.width,
                height: 1,
            };
            match *row {
                ListRow::Header(i) => {
                    let label = items[i].account.as_deref().unwrap_or(text::NO_ACCOUNT);
                    Line::styled(format!(" ▾ {label}"), t.title()).render(line_area, buf);
                }
                ListRow::Item(m) => {
                    let item = &items[st.matches[m]];
                    let selected = m == st.cursor.selected;
                    item_row(item, selected, name_w, t).render(line_area, buf);
                    if selected {
                        buf.set_style(line_area, t.selected());
                    }
                }
            }
        }
    }
}

fn item_row<'a>(item: &'a Item, selected: bool, name_w: usize, t: Theme) -> Line<'a> {
    let name: String = item.name.chars().take(name_w).collect();
    let pad = name_w.saturating_sub(name.chars().count());
    let mut spans = vec![
        Span::raw(if selected { " › " } else { "   " }),
        Span::styled(kind_badge(item.kind()), t.badge(item.kind())),
        Span::raw("  "),
        Span::styled(name, Style::new().add_modifier(Modifier::BOLD)),
        Span::raw(" ".repeat(pad + 2)),
    ];
    if let Secret::Codes { codes } = &item.secret {
        spans.push(Span::styled(
            format!("{}/{} unused  ", item.unused_codes(), codes.len()),
            if item.unused_codes() == 0 {
                t.error()
            } else {
                t.text()
            },
        ));
    }
    if !item.tags.is_empty() {
        let tags: Vec<String> = item.tags.iter().map(|x| format!("#{x}")).collect();
        spans.push(Span::styled(tags.join(" "), t.dim()));
    }
    Line::from(spans)
}

struct DetailView<'a> {
    app: &'a App,
    item: &'a Item,
    st: &'a DetailState,
}

impl DetailView<'_> {
    fn revealed(&self) -> bool {
        self.st.revealed_at.is_some()
    }

    fn secret_span(&self, s: &str) -> Span<'static> {
        if self.revealed() {
            Span::styled(s.to_owned(), self.app.theme.secret())
        } else {
            Span::styled(
                format!("{}  ({})", text::MASK, text::REVEAL_HINT),
                self.app.theme.dim(),
            )
        }
    }
}

fn kv<'a>(label: &str, value: impl Into<Span<'a>>, t: Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label:<17}"), t.dim()),
        value.into(),
    ])
}

impl Widget for DetailView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let item = self.item;
        let title = Line::from(vec![
            Span::raw(" "),
            Span::styled(
                kind_badge(item.kind()).trim_end().to_owned(),
                t.badge(item.kind()),
            ),
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
                    format!("{}, {n} words", scheme.as_str()),
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
                if self.revealed() {
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
                let code = crate::item::totp::code_at(&item.secret, unix)
                    .map(|c| {
                        let mid = c.len() / 2;
                        format!("{} {}", &c[..mid], &c[mid..])
                    })
                    .unwrap_or_else(|e| e.to_string());
                lines.push(kv(
                    text::F_CODE,
                    Span::styled(code, t.secret().add_modifier(Modifier::BOLD)),
                    t,
                ));
                match crate::item::totp::seconds_left(&item.secret, unix) {
                    Some(left) => {
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
                    None => {
                        if *otp_type == crate::item::OtpType::Hotp {
                            lines.push(kv("", text::hotp_counter(*counter), t));
                        }
                    }
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
        Paragraph::new(lines)
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

struct FormView<'a> {
    app: &'a App,
    st: &'a FormState,
}

impl Widget for FormView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let f = self.st;
        let title = match &f.editing {
            Some(_) => text::form_edit(&f.name),
            None => text::FORM_ADD.to_owned(),
        };
        let mut lines = Vec::new();
        for field in f.fields() {
            let focused = f.focus == field;
            let (label, value) = match field {
                FormField::Kind => (
                    text::L_KIND,
                    format!("‹ {} ›  {}", f.kind.as_str(), text::CYCLE_HINT),
                ),
                FormField::Scheme => (
                    text::L_SCHEME,
                    format!("‹ {} ›  {}", f.scheme.as_str(), text::CYCLE_HINT),
                ),
                FormField::Name => (text::L_NAME, f.name.clone()),
                FormField::Account => (text::L_ACCOUNT, f.account.clone()),
                FormField::Tags => (text::L_TAGS, format!("{}  {}", f.tags, text::TAGS_HINT)),
                FormField::Support => (text::L_SUPPORT, f.support.clone()),
                FormField::Notes => (text::L_NOTES, f.notes.clone()),
                FormField::Username => (text::L_USERNAME, f.username.clone()),
                FormField::Url => (text::L_URL, f.url.clone()),
                FormField::Secret => {
                    let n = f.secret.expose().chars().count();
                    let hint = if f.editing.is_some() && n == 0 {
                        text::KEEP_SECRET.to_owned()
                    } else if matches!(f.kind, ItemKind::Seed | ItemKind::Codes) && n > 0 {
                        let words = f.secret.expose().split_whitespace().count();
                        format!("{} {}", masked(n.min(24)), text::words_typed(words))
                    } else {
                        masked(n)
                    };
                    (text::secret_label(f.kind), hint)
                }
                FormField::Passphrase => {
                    let n = f.passphrase.expose().chars().count();
                    let hint = if n == 0 {
                        text::SEED_PASSPHRASE_HINT.to_owned()
                    } else {
                        masked(n)
                    };
                    (text::L_SEED_PASSPHRASE, hint)
                }
            };
            let label = format!("{label:<24}");
            let marker = if focused { "› " } else { "  " };
            let mut spans = vec![
                Span::styled(marker, t.key()),
                Span::styled(label, if focused { t.title() } else { t.dim() }),
                Span::raw(value),
            ];
            if focused && !matches!(field, FormField::Kind | FormField::Scheme) {
                spans.push(Span::styled("▏", t.key()));
            }
            lines.push(Line::from(spans));
        }
        if let Some(e) = &f.error {
            lines.push(Line::raw(""));
            lines.push(Line::styled(e.clone(), t.error()));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .title(Line::styled(title, t.title()))
                    .padding(Padding::new(1, 1, 1, 0)),
            )
            .render(area, buf);
    }
}

fn progress_bar(done: usize, total: usize, width: usize) -> String {
    let filled = if total == 0 {
        0
    } else {
        (done * width).div_ceil(total).min(width)
    };
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

struct PlaybooksView<'a> {
    app: &'a App,
    s: &'a Session,
}

impl Widget for PlaybooksView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let pbs = &self.app.playbooks;
        let state = &self.s.vault.payload().playbooks;
        let list_h = (pbs.len() as u16 + 2)
            .min(area.height.saturating_sub(6))
            .max(3);
        let [list, info] =
            Layout::vertical([Constraint::Length(list_h), Constraint::Fill(1)]).areas(area);
        let block = Block::new()
            .borders(Borders::BOTTOM)
            .padding(Padding::top(1));
        let inner = block.inner(list);
        block.render(list, buf);
        let h = inner.height as usize;
        let sel = self.s.playbooks.selected.min(pbs.len().saturating_sub(1));
        let off = scroll(self.s.playbooks.offset.get(), sel, h, pbs.len());
        self.s.playbooks.offset.set(off);
        let title_w = (inner.width as usize).saturating_sub(36);
        for (row, (i, pb)) in pbs.iter().enumerate().skip(off).take(h).enumerate() {
            let run = state.run(&pb.id);
            let p = playbook::progress(pb, run);
            let status = match run {
                None => text::NOT_STARTED.to_owned(),
                Some(_) if p.complete => text::COMPLETE.to_owned(),
                Some(_) => text::progress(p.done, p.total_on_path),
            };
            let sev_style = match pb.severity.as_str() {
                "critical" | "high" => t.error(),
                "medium" => t.warn(),
                _ => t.dim(),
            };
            let selected = i == sel;
            let line = Line::from(vec![
                Span::raw(if selected { " › " } else { "   " }),
                Span::styled(format!("{:<9}", pb.severity.as_str()), sev_style),
                Span::styled(
                    progress_bar(p.done, p.total_on_path, 8),
                    if run.is_some() { t.ok() } else { t.dim() },
                ),
                Span::raw(format!(" {status:<12} ")),
                Span::styled(
                    pb.title.chars().take(title_w).collect::<String>(),
                    Style::new(),
                ),
            ]);
            let r = Rect {
                x: inner.x,
                y: inner.y + row as u16,
                width: inner.width,
                height: 1,
            };
            line.render(r, buf);
            if selected {
                buf.set_style(r, t.selected());
            }
        }
        if let Some(pb) = pbs.get(sel) {
            let mut lines = vec![
                Line::styled(pb.summary.clone(), Style::new()),
                Line::raw(""),
            ];
            lines.push(Line::styled(text::WHEN_TO_USE, t.dim()));
            for s in &pb.symptoms {
                lines.push(Line::raw(format!(" • {s}")));
            }
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(Block::new().padding(Padding::horizontal(2)))
                .render(info, buf);
        }
    }
}

/// The playbook steps as a checklist. Its state is the scroll offset.
pub struct Checklist<'a> {
    /// The steps with their states.
    pub steps: &'a [StepView],
    /// The chosen step.
    pub selected: usize,
    /// Styles.
    pub theme: Theme,
}

impl StatefulWidget for Checklist<'_> {
    type State = usize;

    fn render(self, area: Rect, buf: &mut Buffer, offset: &mut usize) {
        let t = self.theme;
        let h = area.height as usize;
        *offset = scroll(*offset, self.selected, h, self.steps.len());
        for (row, v) in self.steps.iter().skip(*offset).take(h).enumerate() {
            let (mark, style) = match v.state {
                StepState::Done => ("[x]", t.ok()),
                StepState::Next => ("[>]", t.warn()),
                StepState::Open => ("[ ]", t.text()),
                StepState::Skipped => ("[-]", t.dim()),
                StepState::Waiting => ("[~]", t.warn()),
            };
            let kind = match v.kind {
                StepKind::Decision => "?",
                StepKind::Note => "✎",
                StepKind::Wait => "~",
                _ => " ",
            };
            let warn = !v.do_not.is_empty() && v.state != StepState::Skipped;
            let title_style = if v.state == StepState::Skipped {
                t.dim()
            } else {
                Style::new()
            };
            let selected = v.index == self.selected;
            let spans = vec![
                Span::raw(if selected { "›" } else { " " }),
                Span::styled(mark, style),
                Span::raw(format!(" {:>2}. ", v.index + 1)),
                Span::raw(kind),
                Span::styled(if warn { "! " } else { "  " }, t.error()),
                Span::styled(v.title.clone(), title_style),
            ];
            let r = Rect {
                x: area.x,
                y: area.y + row as u16,
                width: area.width,
                height: 1,
            };
            Line::from(spans).render(r, buf);
            if selected {
                buf.set_style(r, t.selected());
            }
        }
    }
}

struct RunnerView<'a> {
    app: &'a App,
    s: &'a Session,
    pb: &'a Playbook,
    st: &'a RunnerState,
}

impl Widget for RunnerView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let now = self.app.now;
        let pb = self.pb;
        let payload = self.s.vault.payload();
        let run = payload.playbooks.run(&pb.id);
        let views = playbook::step_states(pb, run, now);
        let p = playbook::progress(pb, run);
        let [head, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
        let status = if p.complete && run.is_some() {
            text::RUN_COMPLETE.to_owned()
        } else {
            text::runner_progress(p.done, p.total_on_path)
        };
        let mut title = vec![Span::styled(format!(" {}", pb.title), t.title())];
        if let Some(a) = run.and_then(|r| r.account.as_deref()) {
            title.push(Span::raw("  · "));
            title.push(Span::styled(text::runner_account(a), t.key()));
        }
        Paragraph::new(vec![
            Line::from(title),
            Line::from(vec![
                Span::styled(
                    format!(" {} ", progress_bar(p.done, p.total_on_path, 12)),
                    t.ok(),
                ),
                Span::raw(status),
            ]),
        ])
        .render(head, buf);
        let wide = body.width >= 110;
        let [list_area, detail_area] = if wide {
            Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(body)
        } else {
            let list_h = (views.len() as u16 + 2).min(body.height / 2).max(4);
            Layout::vertical([Constraint::Length(list_h), Constraint::Fill(1)]).areas(body)
        };
        let lb = Block::bordered().title(Line::styled(" Steps ", t.dim()));
        let li = lb.inner(list_area);
        lb.render(list_area, buf);
        let sel = self.st.steps.selected.min(views.len().saturating_sub(1));
        let mut off = self.st.steps.offset.get();
        Checklist {
            steps: &views,
            selected: sel,
            theme: t,
        }
        .render(li, buf, &mut off);
        self.st.steps.offset.set(off);

        let Some(v) = views.get(sel) else {
            return;
        };
        let Some(step) = pb.steps.get(sel) else {
            return;
        };
        let db = Block::bordered()
            .title(Line::styled(
                format!(
                    " {} {} · {} ",
                    sel + 1,
                    text::kind_label(v.kind),
                    v.state.as_str()
                ),
                t.dim(),
            ))
            .padding(Padding::horizontal(1));
        let di = db.inner(detail_area);
        db.render(detail_area, buf);
        let note_h = if self.st.note.is_some() || self.st.confirm_reset {
            3
        } else {
            0
        };
        let [content, note_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(note_h)]).areas(di);

        let mut lines = vec![Line::styled(
            step.title.clone(),
            Style::new().add_modifier(Modifier::BOLD),
        )];
        for d in &step.do_not {
            lines.push(Line::from(vec![
                Span::styled(format!(" {} ", text::H_DO_NOT.trim_end()), t.danger()),
                Span::styled(format!(" {d}"), t.error()),
            ]));
        }
        match step.kind {
            StepKind::Decision => {
                lines.push(Line::styled(text::H_CHOICES, t.dim()));
                for (i, c) in step.choices.iter().enumerate() {
                    let chosen = v.answer.as_deref() == Some(c.id.as_str());
                    lines.push(Line::from(vec![
                        Span::styled(format!(" {} ", i + 1), t.key()),
                        Span::styled(
                            format!("{} {}", if chosen { "●" } else { "○" }, c.title),
                            if chosen { t.ok() } else { Style::new() },
                        ),
                    ]));
                }
            }
            StepKind::Wait => {
                let total = step.wait_seconds.unwrap_or(0);
                let line = match (v.wait_ends, v.state) {
                    (_, StepState::Done) => None,
                    (None, _) => Some(text::wait_not_started(&playbook::format_duration(total))),
                    (Some(ends), StepState::Waiting) => Some(text::wait_left(
                        &playbook::format_duration((ends - now).whole_seconds().max(0)),
                    )),
                    (Some(_), _) => Some(text::WAIT_OVER.to_owned()),
                };
                if let Some(l) = line {
                    lines.push(Line::styled(l, t.warn()));
                }
            }
            _ => {}
        }
        if step.link.is_some() {
            let linked = playbook::linked_items_for_run(step, run, &payload.items);
            lines.push(Line::styled(text::H_LINKED, t.dim()));
            if linked.is_empty() {
                lines.push(Line::styled(format!("  {}", text::NO_LINKED), t.dim()));
            }
            let cur = self.st.link.min(linked.len().saturating_sub(1));
            for (i, it) in linked.iter().enumerate().take(6) {
                let chosen = i == cur;
                let mut spans = vec![
                    Span::raw(if chosen { " ▸ " } else { "   " }),
                    Span::styled(kind_badge(it.kind()), t.badge(it.kind())),
                    Span::raw(" "),
                    Span::styled(
                        it.name.clone(),
                        if chosen {
                            t.key().add_modifier(Modifier::BOLD)
                        } else {
                            Style::new()
                        },
                    ),
                ];
                if it.kind() == ItemKind::Codes {
                    spans.push(Span::styled(
                        format!("  {} unused", it.unused_codes()),
                        t.dim(),
                    ));
                }
                lines.push(Line::from(spans));
            }
            if linked.len() > 6 {
                lines.push(Line::styled(
                    format!("   … {} more", linked.len() - 6),
                    t.dim(),
                ));
            }
        }
        if let Some(n) = &v.note {
            lines.push(Line::from(vec![
                Span::styled(text::H_NOTE, t.dim()),
                Span::raw(n.clone()),
            ]));
        }
        if let Some(d) = &step.detail {
            lines.push(Line::raw(""));
            lines.push(Line::raw(d.clone()));
        }
        if let Some(w) = &step.why {
            lines.push(Line::from(vec![
                Span::styled(text::H_WHY, t.dim()),
                Span::raw(w.clone()),
            ]));
        }
        if !step.commands.is_empty() {
            lines.push(Line::from(vec![
                Span::styled(text::H_COMMANDS, t.dim()),
                Span::styled(step.commands.join("  ·  "), t.key()),
            ]));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(content, buf);
        if let Some((purpose, note)) = &self.st.note {
            let prompt = match purpose {
                super::app::NotePurpose::EndWaitEarly => text::EARLY_WAIT_PROMPT,
                _ => step.prompt.as_deref().unwrap_or(text::NOTE_PROMPT),
            };
            Paragraph::new(vec![
                Line::styled(prompt.to_owned(), t.key()),
                Line::from(vec![
                    Span::raw("> "),
                    Span::raw(note.clone()),
                    Span::styled("▏", t.key()),
                ]),
            ])
            .wrap(Wrap { trim: false })
            .block(Block::new().borders(Borders::TOP))
            .render(note_area, buf);
        }
        if self.st.confirm_reset {
            Paragraph::new(vec![
                Line::styled(text::CONFIRM_RESET, t.warn().add_modifier(Modifier::BOLD)),
                Line::styled(text::RESET_EXPLAIN, t.dim()),
            ])
            .wrap(Wrap { trim: false })
            .block(Block::new().borders(Borders::TOP))
            .render(note_area, buf);
        }
        if let Some(p) = &self.st.account {
            AccountPickerView { p, theme: t }.render(area, buf);
        }
    }
}

/// The runner's account picker, a box over the runner.
struct AccountPickerView<'a> {
    p: &'a AccountPicker,
    theme: Theme,
}

impl Widget for AccountPickerView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        const ROWS: usize = 8;
        let t = self.theme;
        let choices = self.p.choices();
        let shown = choices.len().min(ROWS);
        let boxed = centered(area, 64, shown as u16 + 4);
        Clear.render(boxed, buf);
        let sel = self.p.cursor.selected.min(choices.len().saturating_sub(1));
        let off = scroll(self.p.cursor.offset.get(), sel, ROWS, choices.len());
        self.p.cursor.offset.set(off);
        let mut lines = vec![
            Line::styled(text::ACCOUNT_EXPLAIN, t.dim()),
            Line::from(vec![
                Span::raw("> "),
                Span::raw(self.p.query.clone()),
                Span::styled("▏", t.key()),
            ]),
        ];
        for (i, c) in choices.iter().enumerate().skip(off).take(ROWS) {
            let label = match c {
                AccountChoice::Any => text::ACCOUNT_ANY.to_owned(),
                AccountChoice::Existing(a) => a.clone(),
                AccountChoice::Typed(a) => text::account_typed(a),
            };
            let chosen = i == sel;
            lines.push(Line::styled(
                format!("{}{label}", if chosen { " › " } else { "   " }),
                if chosen { t.selected() } else { Style::new() },
            ));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .title(Line::styled(text::ACCOUNT_TITLE, t.title()))
                    .padding(Padding::horizontal(1)),
            )
            .render(boxed, buf);
    }
}

struct HelpView<'a> {
    app: &'a App,
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let keys = text::help(self.app.context());
        let h = keys.len() as u16 + 4;
        let boxed = centered(area, 70, h);
        Clear.render(boxed, buf);
        let lines: Vec<Line> = keys
            .iter()
            .map(|(k, d)| {
                Line::from(vec![
                    Span::styled(format!("{k:<16}"), t.key()),
                    Span::raw(*d),
                ])
            })
            .collect();
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .title(Line::styled(text::HELP_TITLE, t.title()))
                    .padding(Padding::uniform(1)),
            )
            .render(boxed, buf);
    }
}
