//! The playbook runner: the checklist, the chosen step with its linked
//! items, notes, decisions, the incident's account and the report.
//! State, pure update and view.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, StatefulWidget, Widget, Wrap};
use time::OffsetDateTime;

use crate::item::{Item, ItemKind};
use crate::playbook::{self, Playbook, Run, StepKind, StepState, StepView};
use crate::tui::app::*;
use crate::tui::common::*;
use crate::tui::screens::playbooks::progress_bar;
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::vault::Vault;

/// Why the runner's note field is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotePurpose {
    /// A note step: the note ticks it.
    Tick,
    /// A wait ended early: the note says why and ticks it.
    EndWaitEarly,
    /// Just a note on the step.
    Annotate,
    /// The step does not apply: the note is the reason it is set aside.
    Skip,
}

/// An entry of the runner's account picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountChoice {
    /// No account: linked items of every account.
    Any,
    /// An account named by vault items.
    Existing(String),
    /// The text typed, naming an account no item has.
    Typed(String),
}

impl AccountChoice {
    /// The account to set (`None` clears it).
    pub fn account(&self) -> Option<String> {
        match self {
            AccountChoice::Any => None,
            AccountChoice::Existing(a) | AccountChoice::Typed(a) => Some(a.clone()),
        }
    }
}

/// The runner's picker of the incident's account.
#[derive(Debug, Default)]
pub struct AccountPicker {
    /// The vault's accounts (and the run's current one), sorted.
    pub accounts: Vec<String>,
    /// Typed text: filters the accounts, or names another one.
    pub query: String,
    /// The chosen entry of [`AccountPicker::choices`].
    pub cursor: ListCursor,
}

impl AccountPicker {
    /// A picker over the items' accounts, on `current` if set.
    pub fn new(items: &[Item], current: Option<&str>) -> AccountPicker {
        let mut accounts: Vec<String> = Vec::new();
        for a in items
            .iter()
            .filter_map(|i| i.account.as_deref())
            .chain(current)
        {
            let a = a.trim();
            if !a.is_empty() && !accounts.iter().any(|x| x.eq_ignore_ascii_case(a)) {
                accounts.push(a.to_owned());
            }
        }
        accounts.sort_by_key(|a| a.to_lowercase());
        let mut p = AccountPicker {
            accounts,
            ..AccountPicker::default()
        };
        if let Some(cur) = current {
            p.cursor.selected = p
                .choices()
                .iter()
                .position(|c| matches!(c, AccountChoice::Existing(a) if a.eq_ignore_ascii_case(cur.trim())))
                .unwrap_or(0);
        }
        p
    }

    /// The entries shown: without a query "any account" then every
    /// account; with one, the accounts containing it, then the typed text
    /// itself unless an account has exactly that name.
    pub fn choices(&self) -> Vec<AccountChoice> {
        let q = self.query.trim();
        if q.is_empty() {
            return std::iter::once(AccountChoice::Any)
                .chain(self.accounts.iter().cloned().map(AccountChoice::Existing))
                .collect();
        }
        let ql = q.to_lowercase();
        let mut v: Vec<AccountChoice> = self
            .accounts
            .iter()
            .filter(|a| a.to_lowercase().contains(&ql))
            .cloned()
            .map(AccountChoice::Existing)
            .collect();
        if !self.accounts.iter().any(|a| a.eq_ignore_ascii_case(q)) {
            v.push(AccountChoice::Typed(q.to_owned()));
        }
        v
    }
}

/// A playbook being worked through.
#[derive(Debug)]
pub struct RunnerState {
    /// Index into [`App::playbooks`].
    pub playbook: usize,
    /// The chosen step.
    pub steps: ListCursor,
    /// The chosen linked item of the step.
    pub link: usize,
    /// The open note editor.
    pub note: Option<NoteEditor>,
    /// Asking whether to archive the run and start over.
    pub confirm_reset: bool,
    /// The open account picker.
    pub account: Option<AccountPicker>,
    /// Rows the step's text is scrolled by.
    pub text_scroll: u16,
    /// The most the step's text can scroll, and how many rows show (both
    /// kept by the view, which is the only one that knows the width).
    pub text_room: Cell<(u16, u16)>,
}

impl RunnerState {
    /// The runner on step `selected` of playbook `playbook`.
    pub fn new(playbook: usize, selected: usize) -> RunnerState {
        RunnerState {
            playbook,
            steps: ListCursor {
                selected,
                offset: Cell::new(0),
            },
            link: 0,
            note: None,
            confirm_reset: false,
            account: None,
            text_scroll: 0,
            text_room: Cell::new((0, 0)),
        }
    }

    /// Scrolls the step's text by `rows` (negative: up), within its length.
    fn scroll_text(&mut self, rows: i32) {
        let (max, _) = self.text_room.get();
        let to = i32::from(self.text_scroll) + rows;
        self.text_scroll = to.clamp(0, i32::from(max)) as u16;
    }

    /// Rows a page of step text moves: the visible height less one row, so
    /// the last row read stays on screen.
    fn text_page(&self) -> i32 {
        let (_, shown) = self.text_room.get();
        i32::from(shown).saturating_sub(1).max(1)
    }

    fn choose_step(&mut self, delta: isize, n: usize) {
        self.steps.step(delta, n);
        self.link = 0;
        self.text_scroll = 0;
    }
}

/// The note being written in the runner: a popup editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    /// Why it is open.
    pub purpose: NotePurpose,
    /// The text typed so far (the cursor is at its end).
    pub text: String,
    /// Why Enter was refused, if it was.
    pub error: Option<crate::i18n::Msg>,
}

impl NoteEditor {
    /// An empty editor.
    pub fn new(purpose: NotePurpose) -> NoteEditor {
        NoteEditor {
            purpose,
            text: String::new(),
            error: None,
        }
    }
}

/// Saves what the open note editor holds as a note on the step, without
/// ticking it: the idle lock calls this so a half-written note is kept in
/// the vault rather than lost. Returns whether anything was saved.
pub(crate) fn keep_open_note(s: &mut Session, playbooks: &[Playbook], now: OffsetDateTime) -> bool {
    let Some(Page::Runner(r)) = s.pages.last_mut() else {
        return false;
    };
    let Some(editor) = r.note.take() else {
        return false;
    };
    let Some(pb) = playbooks.get(r.playbook) else {
        return false;
    };
    let Some(step) = pb.steps.get(r.steps.selected) else {
        return false;
    };
    let text_ = editor.text.trim().to_owned();
    if text_.is_empty() {
        return false;
    }
    let id = step.id.clone();
    change_run(&mut s.vault, pb, now, |pb, run| {
        playbook::note(pb, run, &id, &text_, now)
    })
    .is_ok()
}

/// Applies `f` to the playbook's run (starting one only if `f` succeeds).
pub(crate) fn change_run(
    vault: &mut Vault,
    pb: &Playbook,
    now: OffsetDateTime,
    f: impl FnOnce(&Playbook, &mut Run) -> Result<(), playbook::PlaybookError>,
) -> Result<(), String> {
    let state = &mut vault.payload_mut().playbooks;
    let mut run = state
        .run(&pb.id)
        .cloned()
        .unwrap_or_else(|| Run::new(&pb.id, now));
    f(pb, &mut run).map_err(|e| e.to_string())?;
    match state.run_mut(&pb.id) {
        Some(r) => *r = run,
        None => state.active.push(run),
    }
    Ok(())
}

/// A file name for a report: `lifeboat-report-ID-YYYYMMDD-HHMMSS.md`.
pub fn report_file_name(id: &str, now: OffsetDateTime) -> String {
    format!(
        "lifeboat-report-{id}-{:04}{:02}{:02}-{:02}{:02}{:02}.md",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    )
}

pub(crate) fn update(app: &mut App, msg: Message) -> Vec<Effect> {
    let now = app.now;
    let local_offset = app.local_offset;
    let App {
        screen, playbooks, ..
    } = app;
    let Screen::Main(s) = screen else {
        return Vec::new();
    };
    let Some(Page::Runner(r)) = s.pages.last_mut() else {
        return Vec::new();
    };
    let Some(pb) = playbooks.get(r.playbook) else {
        s.pages.pop();
        return Vec::new();
    };
    let n = pb.steps.len();
    let sel = r.steps.selected.min(n.saturating_sub(1));
    let Some(step) = pb.steps.get(sel) else {
        s.pages.pop();
        return Vec::new();
    };
    let items = &s.vault.payload().items;
    let run = s.vault.payload().playbooks.run(&pb.id);
    let linked: Vec<String> = playbook::linked_items_for_run(step, run, items)
        .iter()
        .map(|i| i.id.clone())
        .collect();

    // The note editor takes the keys while open.
    if let Some(ed) = &mut r.note {
        match msg {
            Message::Input(t) => {
                ed.text.push_str(&t);
                ed.error = None;
            }
            Message::Paste(t) => {
                ed.text.push_str(&t.expose().replace("\r\n", "\n"));
                ed.error = None;
            }
            Message::Backspace => {
                ed.text.pop();
            }
            Message::ClearField => ed.text.clear(),
            Message::Back => r.note = None,
            Message::Submit => {
                if ed.text.trim().is_empty() {
                    // The engine's refusal names a command-line flag; say
                    // what to do with the keys on screen instead.
                    ed.error = Some(match ed.purpose {
                        NotePurpose::Tick => text::NOTE_EMPTY_REQUIRED,
                        NotePurpose::EndWaitEarly => text::NOTE_EMPTY_WAIT,
                        NotePurpose::Annotate => text::NOTE_EMPTY,
                        NotePurpose::Skip => text::SKIP_EMPTY,
                    });
                    return Vec::new();
                }
                let text_ = std::mem::take(&mut ed.text);
                let purpose = ed.purpose;
                r.note = None;
                let id = step.id.clone();
                let res = change_run(&mut s.vault, pb, now, |pb, run| match purpose {
                    NotePurpose::Annotate => playbook::note(pb, run, &id, &text_, now),
                    NotePurpose::Skip => playbook::skip(pb, run, &id, &text_, now),
                    NotePurpose::Tick | NotePurpose::EndWaitEarly => {
                        playbook::check(pb, run, &id, Some(text_.clone()), now)
                    }
                });
                return match res {
                    Ok(()) => {
                        advance_if_done(s, pb, sel);
                        vec![Effect::Save]
                    }
                    Err(e) => {
                        app.error(e);
                        Vec::new()
                    }
                };
            }
            _ => {}
        }
        return Vec::new();
    }

    if r.confirm_reset {
        match msg {
            Message::Confirm(true) => {
                r.confirm_reset = false;
                // Archives the run with its history; nothing is deleted.
                if s.vault.payload_mut().playbooks.reset(&pb.id, now) {
                    s.vault.audit("playbook-reset", Some(&pb.id));
                    r.steps.selected = 0;
                    r.link = 0;
                    r.text_scroll = 0;
                    app.info(text::RUN_RESET);
                    return vec![Effect::Save];
                }
            }
            Message::Confirm(false) | Message::Back => r.confirm_reset = false,
            _ => {}
        }
        return Vec::new();
    }

    if let Some(p) = &mut r.account {
        let len = p.choices().len();
        match msg {
            Message::Input(t) => {
                p.query.push_str(&t);
                p.cursor.selected = 0;
            }
            Message::Paste(t) => {
                p.query.push_str(t.expose().lines().next().unwrap_or(""));
                p.cursor.selected = 0;
            }
            Message::Backspace => {
                p.query.pop();
                p.cursor.selected = 0;
            }
            Message::ClearField => {
                p.query.clear();
                p.cursor.selected = 0;
            }
            Message::Up | Message::PrevField => p.cursor.step(-1, len),
            Message::Down | Message::NextField => p.cursor.step(1, len),
            Message::Back => r.account = None,
            Message::Submit | Message::Save => {
                let choices = p.choices();
                let Some(choice) = choices.get(p.cursor.selected.min(len.saturating_sub(1))) else {
                    return Vec::new();
                };
                let account = choice.account();
                r.account = None;
                let current = run.and_then(|r| r.account.clone());
                let same = match (&current, &account) {
                    (Some(a), Some(b)) => a == b.trim(),
                    (None, None) => true,
                    _ => false,
                };
                if same {
                    return Vec::new();
                }
                let shown = account.clone();
                let res = change_run(&mut s.vault, pb, now, |_, run| {
                    playbook::set_account(run, account, now);
                    Ok(())
                });
                r.link = 0;
                return match res {
                    Ok(()) => {
                        match shown {
                            Some(a) => app.info(text::account_set(a.trim())),
                            None => app.info(text::ACCOUNT_CLEARED),
                        }
                        vec![Effect::Save]
                    }
                    Err(e) => {
                        app.error(e);
                        Vec::new()
                    }
                };
            }
            _ => {}
        }
        return Vec::new();
    }

    let views = playbook::step_states(pb, run, now);
    let view = &views[sel];
    let mut result: Option<Result<(), String>> = None;
    let mut advance = false;
    let mut info: Option<String> = None;
    match msg {
        Message::Up => r.choose_step(-1, n),
        Message::Down => r.choose_step(1, n),
        // Page keys scroll the step's text: the list of steps is short,
        // the text of one step may not fit at 80x24.
        Message::PageUp => {
            let page = r.text_page();
            r.scroll_text(-page);
        }
        Message::PageDown => {
            let page = r.text_page();
            r.scroll_text(page);
        }
        Message::Home => r.choose_step(-(n as isize), n),
        Message::End => r.choose_step(n as isize, n),
        Message::Left => r.link = r.link.saturating_sub(1),
        Message::Right => r.link = (r.link + 1).min(linked.len().saturating_sub(1)),
        Message::Back => {
            s.pages.pop();
        }
        Message::Open | Message::Submit => {
            if let Some(id) = linked.get(r.link.min(linked.len().saturating_sub(1))) {
                s.pages.push(Page::Detail(DetailState::new(id.clone())));
            }
        }
        Message::AddNote => r.note = Some(NoteEditor::new(NotePurpose::Annotate)),
        Message::SkipStep => r.note = Some(NoteEditor::new(NotePurpose::Skip)),
        Message::ResetRun => match run {
            Some(_) => r.confirm_reset = true,
            None => info = Some(text::NOTHING_TO_RESET.text()),
        },
        Message::PickAccount => {
            r.account = Some(AccountPicker::new(
                items,
                run.and_then(|r| r.account.as_deref()),
            ));
        }
        Message::Answer(k) if step.kind == StepKind::Decision => {
            let id = step.id.clone();
            result = Some(change_run(&mut s.vault, pb, now, |pb, run| {
                playbook::answer(pb, run, &id, &k.to_string(), now)
            }));
            advance = true;
        }
        Message::Toggle => {
            let id = step.id.clone();
            let done = view.state == StepState::Done;
            match step.kind {
                StepKind::Decision if !done => {
                    info = Some(text::answer_with_numbers(step.choices.len()));
                }
                _ if done => {
                    result = Some(change_run(&mut s.vault, pb, now, |pb, run| {
                        playbook::uncheck(pb, run, &id, now)
                    }));
                }
                StepKind::Note => r.note = Some(NoteEditor::new(NotePurpose::Tick)),
                StepKind::Wait if view.state == StepState::Waiting => {
                    r.note = Some(NoteEditor::new(NotePurpose::EndWaitEarly));
                }
                _ => {
                    result = Some(change_run(&mut s.vault, pb, now, |pb, run| {
                        playbook::check(pb, run, &id, None, now)
                    }));
                    advance = true;
                }
            }
        }
        Message::WriteReport => {
            return match run {
                Some(run) => vec![Effect::WriteReport {
                    file_name: report_file_name(&pb.id, now),
                    text: playbook::render_report(pb, run, items, now.to_offset(local_offset)),
                }],
                None => {
                    app.info(text::NOTHING_TO_REPORT);
                    Vec::new()
                }
            };
        }
        _ => {}
    }
    let effects = match result {
        Some(Ok(())) => {
            if advance {
                advance_if_done(s, pb, sel);
            }
            vec![Effect::Save]
        }
        Some(Err(e)) => {
            app.error(e);
            Vec::new()
        }
        None => Vec::new(),
    };
    if let Some(i) = info {
        app.info(i);
    }
    effects
}

/// After a step at `from` is done, moves the runner's cursor to the next
/// step to do, so ticking through a playbook needs no arrow keys.
pub(crate) fn advance_if_done(s: &mut Session, pb: &Playbook, from: usize) {
    let run = s.vault.payload().playbooks.run(&pb.id);
    let done = pb
        .steps
        .get(from)
        .and_then(|st| run.and_then(|r| r.record(&st.id)))
        .is_some_and(|rec| rec.done_at.is_some());
    if !done {
        return;
    }
    let Some(next) = playbook::progress(pb, run)
        .next_step
        .and_then(|id| pb.step_index(&id))
    else {
        return;
    };
    if let Some(Page::Runner(r)) = s.pages.last_mut() {
        r.steps.selected = next;
        r.link = 0;
        r.text_scroll = 0;
    }
}

/// The playbook steps as a checklist. Its state is the scroll offset.
pub struct Checklist<'a> {
    /// The steps with their states.
    pub steps: &'a [StepView],
    /// The chosen step.
    pub selected: usize,
    /// The steps the progress counts (see [`playbook::path`]); an open
    /// step outside it waits on an answer not given yet.
    pub counted: &'a [usize],
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
                // Set aside with a reason: done, but not the same as done.
                StepState::Done if v.not_applicable.is_some() => ("[/]", t.dim()),
                StepState::Done => ("[x]", t.ok()),
                StepState::Next => ("[>]", t.warn()),
                // Behind an open question: not counted until answered.
                StepState::Open if !self.counted.contains(&v.index) => ("[?]", t.dim()),
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
                Span::styled(
                    ellipsize(&v.title, usize::from(area.width).saturating_sub(12)),
                    title_style,
                ),
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

pub(crate) struct RunnerView<'a> {
    pub(crate) app: &'a App,
    pub(crate) s: &'a Session,
    pub(crate) pb: &'a Playbook,
    pub(crate) st: &'a RunnerState,
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
            text::RUN_COMPLETE.text()
        } else {
            text::runner_progress(p.done, p.total_on_path)
        };
        let mut title = vec![Span::styled(
            format!(" {}", ellipsize(&pb.title, usize::from(area.width) / 2)),
            t.title(),
        )];
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
            // At 80x24 the step's text matters more than the whole list:
            // the list keeps a few rows and scrolls.
            let list_h = (views.len() as u16 + 2).min(body.height / 3).max(4);
            Layout::vertical([Constraint::Length(list_h), Constraint::Fill(1)]).areas(body)
        };
        let lb = Block::bordered().title(Line::styled(text::STEPS_TITLE, t.dim()));
        let li = lb.inner(list_area);
        lb.render(list_area, buf);
        let sel = self.st.steps.selected.min(views.len().saturating_sub(1));
        let mut off = self.st.steps.offset.get();
        let counted = playbook::path(pb, run);
        Checklist {
            steps: &views,
            selected: sel,
            counted: &counted,
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
                    text::step_state(v.state)
                ),
                t.dim(),
            ))
            .padding(Padding::horizontal(1));
        let di = db.inner(detail_area);
        db.render(detail_area, buf);
        let confirm_h = if self.st.confirm_reset { 3 } else { 0 };
        let [content, confirm_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(confirm_h)]).areas(di);

        let lines = step_lines(self.s, pb, step, v, self.st, now, t);
        let para = Paragraph::new(breakable(lines)).wrap(Wrap { trim: false });
        let total = para.line_count(content.width).min(usize::from(u16::MAX)) as u16;
        let max = total.saturating_sub(content.height);
        self.st.text_room.set((max, content.height));
        let scroll = self.st.text_scroll.min(max);
        para.scroll((scroll, 0)).render(content, buf);
        // Markers on the frame say there is more, and which key shows it.
        let right = |label: &str, y: u16, buf: &mut Buffer| {
            let w = width_of(label) as u16;
            if w + 4 < detail_area.width {
                buf.set_string(
                    detail_area.x + detail_area.width - w - 2,
                    y,
                    label,
                    t.warn(),
                );
            }
        };
        if scroll < max {
            right(
                &text::MORE_BELOW.text(),
                detail_area.y + detail_area.height.saturating_sub(1),
                buf,
            );
        }
        if scroll > 0 {
            right(&text::MORE_ABOVE.text(), detail_area.y, buf);
        }
        if self.st.confirm_reset {
            Paragraph::new(breakable(vec![
                Line::styled(text::CONFIRM_RESET, t.warn().add_modifier(Modifier::BOLD)),
                Line::styled(text::RESET_EXPLAIN, t.dim()),
            ]))
            .wrap(Wrap { trim: false })
            .block(Block::new().borders(Borders::TOP))
            .render(confirm_area, buf);
        }
        if let Some(ed) = &self.st.note {
            let prompt = match ed.purpose {
                NotePurpose::EndWaitEarly => text::EARLY_WAIT_PROMPT.text(),
                NotePurpose::Skip => text::SKIP_PROMPT.text(),
                _ => step.prompt.clone().unwrap_or_else(|| step.title.clone()),
            };
            NoteEditorView {
                ed,
                prompt: &prompt,
                theme: t,
            }
            .render(body, buf);
        }
        if let Some(p) = &self.st.account {
            AccountPickerView { p, theme: t }.render(area, buf);
        }
    }
}

/// Steps that send the user to a provider's support: they show the
/// contacts stored for the incident's account. Playbooks mark them with
/// `contact = true`; the id test keeps user playbooks written before that
/// key existed working.
fn is_contact_step(step: &playbook::Step) -> bool {
    step.contact || step.id.contains("contact") || step.id.contains("support")
}

/// The text of the chosen step, in reading order: what to do, what not to
/// do, then what it needs (choices, timer, contacts, items), the user's
/// note, why, and the commands.
fn step_lines<'a>(
    s: &'a Session,
    pb: &'a Playbook,
    step: &'a playbook::Step,
    v: &'a StepView,
    st: &RunnerState,
    now: OffsetDateTime,
    t: Theme,
) -> Vec<Line<'a>> {
    let payload = s.vault.payload();
    let run = payload.playbooks.run(&pb.id);
    let mut lines = vec![Line::styled(
        step.title.clone(),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    if let Some(d) = &step.detail {
        lines.push(Line::raw(d.clone()));
    }
    // A note step's prompt says what to write down: it is its instruction.
    if let (StepKind::Note, Some(p)) = (step.kind, &step.prompt) {
        lines.push(Line::raw(p.clone()));
    }
    for d in &step.do_not {
        lines.push(Line::from(vec![
            Span::styled(
                format!(" {} ", text::H_DO_NOT.text().trim_end()),
                t.danger(),
            ),
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
                (Some(_), _) => Some(text::WAIT_OVER.text()),
            };
            if let Some(l) = line {
                lines.push(Line::styled(l, t.warn()));
            }
        }
        _ => {}
    }
    if is_contact_step(step) {
        match run.and_then(|r| r.account.as_deref()) {
            None => lines.push(Line::styled(text::CONTACTS_NEED_ACCOUNT, t.dim())),
            Some(acc) => {
                lines.push(Line::styled(text::h_contacts(acc), t.dim()));
                let contacts = playbook::account_contacts(&payload.items, acc);
                if contacts.is_empty() {
                    lines.push(Line::styled(format!("  {}", text::NO_CONTACTS), t.dim()));
                }
                for c in contacts {
                    let l = match c.username {
                        Some(u) => text::username_line(&c.item, u.as_str()),
                        None => format!("{}: {}", c.item, c.support.unwrap_or_default()),
                    };
                    lines.push(Line::styled(format!("  {l}"), t.key()));
                }
            }
        }
    }
    if step.link.is_some() {
        let linked = playbook::linked_items_for_run(step, run, &payload.items);
        lines.push(Line::styled(text::H_LINKED, t.dim()));
        if linked.is_empty() {
            lines.push(Line::styled(format!("  {}", text::NO_LINKED), t.dim()));
        }
        let cur = st.link.min(linked.len().saturating_sub(1));
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
                    format!("  {}", text::linked_unused(it.unused_codes())),
                    t.dim(),
                ));
            }
            lines.push(Line::from(spans));
        }
        if linked.len() > 6 {
            lines.push(Line::styled(
                format!("   {}", text::linked_more(linked.len() - 6)),
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
    lines
}

/// The note editor: a box over the runner showing the prompt, every typed
/// row wrapped to its width, and the cursor. When the text outgrows the
/// box, the last rows show, so the cursor is always in view.
pub(crate) struct NoteEditorView<'a> {
    pub(crate) ed: &'a NoteEditor,
    pub(crate) prompt: &'a str,
    pub(crate) theme: Theme,
}

impl Widget for NoteEditorView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let w = area.width.saturating_sub(2).min(78);
        let inner_w = usize::from(w.saturating_sub(4));
        let prompt_rows = wrap_rows(self.prompt, inner_w);
        // The cursor sits after the text: a full last row pushes it down.
        let mut rows = wrap_rows(&self.ed.text, inner_w.saturating_sub(1));
        let cursor_row = rows.len() - 1;
        let extra = usize::from(self.ed.error.is_some()) * 2;
        let fixed = prompt_rows.len() + 1 + 1 + extra + 2;
        let max_text = usize::from(area.height).saturating_sub(fixed).max(1);
        let shown_text = rows.len().clamp(3, max_text.max(1)).min(max_text);
        let h = (fixed + shown_text).min(usize::from(area.height)) as u16;
        let r = centered(area, w, h);
        clear_popup(r, buf);
        let mut lines: Vec<Line> = prompt_rows
            .into_iter()
            .map(|p| Line::styled(p, t.key()))
            .collect();
        lines.push(Line::raw(""));
        let skip = rows.len().saturating_sub(shown_text);
        let last = rows.len() - 1;
        for (i, row) in rows.drain(..).enumerate().skip(skip) {
            let mut spans = vec![Span::raw(row)];
            if i == last && i == cursor_row {
                spans.push(Span::styled("▏", t.key()));
            }
            lines.push(Line::from(spans));
        }
        while lines.len() < h as usize - 2 - 1 - extra {
            lines.push(Line::raw(""));
        }
        if let Some(e) = self.ed.error {
            lines.push(Line::raw(""));
            lines.push(Line::styled(e.text(), t.error()));
        }
        lines.push(Line::styled(text::NOTE_KEYS, t.dim()));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .title(Line::styled(text::NOTE_TITLE, t.title()))
                    .padding(Padding::horizontal(1)),
            )
            .render(r, buf);
    }
}

/// The runner's account picker, a box over the runner.
pub(crate) struct AccountPickerView<'a> {
    pub(crate) p: &'a AccountPicker,
    theme: Theme,
}

impl Widget for AccountPickerView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        const ROWS: usize = 8;
        let t = self.theme;
        let choices = self.p.choices();
        let shown = choices.len().min(ROWS);
        let boxed = centered(area, 64, shown as u16 + 4);
        clear_popup(boxed, buf);
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
                AccountChoice::Any => text::ACCOUNT_ANY.text(),
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
