//! The Tools tab: what keeps the vault recoverable, without leaving for the
//! command line. Make a backup into a remembered folder (verified as it is
//! written), run a restore drill on the newest backup there, write the
//! emergency kit, split the recovery key into trustee shares (written as
//! the command line's `split --out` writes them), change the passphrase
//! (the current one asked again), erase the values removed items still
//! keep (listed newest first, one or all, after a confirmation that says
//! what a purge cannot reach), and read the doctor's findings with their
//! fixes, scrolled when longer than the screen. Right after a vault is
//! created the tab opens with the first backup and the kit offered. State,
//! pure update and view; the file work and Argon2id run as effects.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use crate::item::ItemKind;
use crate::recovery::doctor::{Finding, Severity};
use crate::recovery::split::{self, SplitPlan};
use crate::secret::SecretString;
use crate::tui::app::*;
use crate::tui::common::*;
use crate::tui::text;
use crate::vault::format::Payload;
use crate::vault::merge::purge_candidates;
use crate::vault::rekey::RekeyError;
use time::OffsetDateTime;

/// A tool of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// Write a verified backup into the backup folder.
    Backup,
    /// Open the newest backup in the folder and compare it (a drill).
    Drill,
    /// Write the printable emergency kit into the backup folder.
    Kit,
    /// Split the recovery key among trustees.
    Split,
    /// Change the passphrase.
    Passphrase,
    /// Erase the values removed items still keep (`lifeboat purge`).
    Purge,
    /// The security check-up.
    Doctor,
}

impl Tool {
    /// Every tool, in list order.
    pub const ALL: [Tool; 7] = [
        Tool::Backup,
        Tool::Drill,
        Tool::Kit,
        Tool::Split,
        Tool::Passphrase,
        Tool::Purge,
        Tool::Doctor,
    ];
}

/// The Tools tab.
#[derive(Debug, Default)]
pub struct ToolsState {
    /// The chosen tool.
    pub cursor: ListCursor,
    /// The backup folder being typed (open while `Some`).
    pub folder: Option<String>,
    /// What the last tool did, line by line.
    pub result: Vec<String>,
    /// The doctor's findings, once run.
    pub findings: Option<Vec<Finding>>,
    /// The split being planned: the "K of N" typed (open while `Some`).
    pub split_plan: Option<String>,
    /// The plan accepted, waiting for the folder of the share files.
    pub split_ready: Option<SplitPlan>,
    /// The passphrase change (open while `Some`).
    pub passwd: Option<PasswdForm>,
    /// The removed items whose values can be erased (open while `Some`).
    pub purge: Option<PurgeList>,
    /// Rows the panel under the list is scrolled by.
    pub scroll: u16,
    /// The most the panel can scroll and how many rows show (kept by the
    /// view, the only one that knows the width).
    pub room: Cell<(u16, u16)>,
    /// The vault was just created: the panel offers the first backup and
    /// the kit until a tool runs.
    pub first_run: bool,
}

/// A removed item whose tombstone still keeps its values, as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// The item's id (what the purge is given).
    pub id: String,
    /// Its name when removed.
    pub name: String,
    /// Its kind, when the tombstone keeps it.
    pub kind: Option<ItemKind>,
    /// When it was removed.
    pub at: OffsetDateTime,
}

/// What the erase question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EraseWhich {
    /// The entry at this index of the list.
    One(usize),
    /// Every entry of the list.
    All,
}

/// Erasing removed items: the list, and the question once asked.
#[derive(Debug, Default)]
pub struct PurgeList {
    /// The removed items that still keep values, newest removal first.
    pub entries: Vec<Removed>,
    /// The chosen entry.
    pub cursor: ListCursor,
    /// Asking before erasing (open while `Some`).
    pub confirm: Option<EraseWhich>,
}

impl PurgeList {
    /// The list for the vault as it is now.
    pub fn of(p: &Payload) -> PurgeList {
        let mut entries: Vec<Removed> = purge_candidates(p)
            .into_iter()
            .map(|(id, ts)| Removed {
                id: id.clone(),
                name: ts.name.clone(),
                kind: ts.kind(),
                at: ts.at,
            })
            .collect();
        // The one just removed is the one most likely meant.
        entries.reverse();
        PurgeList {
            entries,
            ..PurgeList::default()
        }
    }

    /// The ids the question is about.
    fn ids(&self, which: EraseWhich) -> Vec<String> {
        match which {
            EraseWhich::One(i) => self
                .entries
                .get(i)
                .map(|e| e.id.clone())
                .into_iter()
                .collect(),
            EraseWhich::All => self.entries.iter().map(|e| e.id.clone()).collect(),
        }
    }

    /// Keys on the list (`true`: close it).
    fn update(&mut self, msg: &Message) -> bool {
        let n = self.entries.len();
        match msg {
            Message::Up => self.cursor.step(-1, n),
            Message::Down => self.cursor.step(1, n),
            Message::Home => self.cursor.selected = 0,
            Message::End => self.cursor.selected = n.saturating_sub(1),
            Message::Open | Message::Submit if n > 0 => {
                self.confirm = Some(EraseWhich::One(self.cursor.selected.min(n - 1)));
            }
            Message::EraseAll if n > 0 => self.confirm = Some(EraseWhich::All),
            Message::Back => return true,
            _ => {}
        }
        false
    }
}

/// Changing the passphrase: the current one (asked again at an unlocked
/// screen) and the new one twice with its strength meter.
#[derive(Debug, Default)]
pub struct PasswdForm {
    /// The current passphrase.
    pub current: SecretString,
    /// The new passphrase and its repetition.
    pub new: NewPassphrase,
    /// 0 current, 1 new, 2 repeat.
    pub focus: usize,
    /// Why the last try was refused.
    pub error: Option<String>,
    /// Argon2id is running on a thread.
    pub working: bool,
}

impl PasswdForm {
    fn set_focus(&mut self, f: usize) {
        self.focus = f % 3;
        if self.focus > 0 {
            self.new.focus = self.focus - 1;
        }
    }

    fn field(&mut self) -> &mut SecretString {
        if self.focus == 0 {
            &mut self.current
        } else {
            self.new.field()
        }
    }

    /// Keys while typing; `Some` when the form asks to run the change.
    fn update(&mut self, msg: Message) -> Option<(SecretString, SecretString)> {
        match msg {
            Message::Input(t) => {
                if self.focus == 0 {
                    push_secret(&mut self.current, &t);
                } else {
                    self.new.input(&t);
                }
                self.error = None;
            }
            Message::Paste(t) => {
                let t = t.expose().trim_end_matches(['\r', '\n']).to_owned();
                if self.focus == 0 {
                    push_secret(&mut self.current, &t);
                } else {
                    self.new.input(&t);
                }
                self.error = None;
            }
            Message::Backspace => {
                if self.focus == 0 {
                    pop_secret(&mut self.current);
                } else {
                    self.new.backspace();
                }
            }
            Message::ClearField => *self.field() = SecretString::default(),
            Message::NextField | Message::Down => self.set_focus(self.focus + 1),
            Message::PrevField | Message::Up => self.set_focus(self.focus + 2),
            Message::Submit | Message::Save => {
                if self.focus == 0 {
                    if self.current.is_empty() {
                        self.error = Some(text::PASSWD_CURRENT_EMPTY.into());
                    } else {
                        self.set_focus(1);
                    }
                    return None;
                }
                if self.focus == 1 && matches!(msg, Message::Submit) {
                    self.set_focus(2);
                    return None;
                }
                self.new.focus = 1;
                match self.new.submit() {
                    Some(p) if self.current.is_empty() => {
                        drop(p);
                        self.error = Some(text::PASSWD_CURRENT_EMPTY.into());
                        self.set_focus(0);
                    }
                    Some(p) => {
                        self.working = true;
                        self.error = None;
                        return Some((self.current.clone(), p));
                    }
                    None => {
                        self.error = self.new.error.take();
                        self.focus = self.new.focus + 1;
                    }
                }
            }
            _ => {}
        }
        None
    }
}

/// The folder the share files are offered in: `shares` beside the vault
/// (not the backup folder: shares kept with a backup are the key itself).
pub fn shares_folder(app: &App) -> String {
    app.vault_path
        .parent()
        .unwrap_or(std::path::Path::new("."))
        .join("shares")
        .display()
        .to_string()
}

impl ToolsState {
    /// Scrolls the panel by `rows` (negative: up), within its length.
    fn scroll_by(&mut self, rows: i32) {
        let (max, _) = self.room.get();
        let to = i32::from(self.scroll) + rows;
        self.scroll = to.clamp(0, i32::from(max)) as u16;
    }

    fn page(&self) -> i32 {
        i32::from(self.room.get().1).saturating_sub(1).max(1)
    }

    /// A new result replaces the panel: back to its top.
    fn show(&mut self, lines: Vec<String>) {
        self.result = lines;
        self.scroll = 0;
        self.first_run = false;
    }
}

/// The backup folder: the one remembered in the vault, else the config
/// file's `backup_dir`, else `backups` beside the vault file.
pub fn backup_folder(app: &App, s: &Session) -> String {
    s.vault
        .payload()
        .settings
        .backup_dir
        .clone()
        .or_else(|| app.config.backup_dir.clone())
        .unwrap_or_else(|| {
            app.vault_path
                .parent()
                .unwrap_or(std::path::Path::new("."))
                .join("backups")
                .display()
                .to_string()
        })
}

pub(crate) fn update(app: &mut App, msg: Message) -> Vec<Effect> {
    let (folder_now, shares_now) = match app.session() {
        Some(s) => (backup_folder(app, s), shares_folder(app)),
        None => return Vec::new(),
    };
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    let st = &mut s.tools;
    if let Some(form) = &mut st.passwd {
        if form.working {
            return Vec::new();
        }
        if matches!(msg, Message::Back) {
            st.passwd = None;
            return Vec::new();
        }
        if let Some((current, new)) = form.update(msg) {
            return vec![Effect::Rekey {
                old: Box::new(s.vault.payload().keys.passphrase.clone()),
                current,
                new,
            }];
        }
        return Vec::new();
    }
    if let Some(list) = &mut st.purge {
        if list.confirm.is_none() {
            if list.update(&msg) {
                st.purge = None;
            }
            return Vec::new();
        }
        match msg {
            Message::Confirm(true) => {
                let which = list.confirm.take().unwrap_or(EraseWhich::All);
                if !s.vault.is_verified() {
                    // Nothing is changed in memory either: once proved,
                    // the user asks again.
                    app.error(text::PURGE_READ_ONLY);
                    return super::prove::open(app, false);
                }
                let ids = list.ids(which);
                st.purge = None;
                st.show(vec![text::TOOL_WORKING.text()]);
                return vec![Effect::Purge { ids }];
            }
            Message::Confirm(false) | Message::Back => list.confirm = None,
            _ => {}
        }
        return Vec::new();
    }
    if let Some(plan) = &mut st.split_plan {
        match msg {
            Message::Input(t) => plan.push_str(&t),
            Message::Paste(t) => plan.push_str(t.expose().lines().next().unwrap_or("")),
            Message::Backspace => {
                plan.pop();
            }
            Message::ClearField => plan.clear(),
            Message::Back => {
                st.split_plan = None;
                st.result.clear();
            }
            Message::Submit | Message::Save => match split::parse_group(plan) {
                Ok((k, n)) => {
                    st.split_plan = None;
                    st.split_ready = Some(SplitPlan::simple(k, n));
                    st.result.clear();
                    st.folder = Some(shares_now);
                }
                Err(e) => st.show(vec![e]),
            },
            _ => {}
        }
        return Vec::new();
    }
    if let Some(f) = &mut st.folder {
        match msg {
            Message::Input(t) => f.push_str(&t),
            Message::Paste(t) => f.push_str(t.expose().lines().next().unwrap_or("")),
            Message::Backspace => {
                f.pop();
            }
            Message::ClearField => f.clear(),
            Message::Back => {
                st.folder = None;
                st.split_ready = None;
            }
            Message::Submit | Message::Save => {
                let dir = f.trim().to_owned();
                if dir.is_empty() {
                    return Vec::new();
                }
                st.folder = None;
                st.show(vec![text::TOOL_WORKING.text()]);
                let tool = Tool::ALL[st.cursor.selected.min(Tool::ALL.len() - 1)];
                let dir = std::path::PathBuf::from(dir);
                return vec![match (tool, st.split_ready.take()) {
                    (Tool::Split, Some(plan)) => Effect::Split { dir, plan },
                    (Tool::Drill, _) => Effect::Drill { dir },
                    (Tool::Kit, _) => Effect::WriteKit { dir },
                    _ => Effect::Backup { dir },
                }];
            }
            _ => {}
        }
        return Vec::new();
    }
    let n = Tool::ALL.len();
    match msg {
        Message::Up => st.cursor.step(-1, n),
        Message::Down => st.cursor.step(1, n),
        Message::Home => st.cursor.selected = 0,
        Message::End => st.cursor.selected = n - 1,
        Message::PageDown => st.scroll_by(st.page()),
        Message::PageUp => st.scroll_by(-st.page()),
        Message::SwitchTab => s.tab = Tab::Items,
        Message::Open | Message::Submit => match Tool::ALL[st.cursor.selected.min(n - 1)] {
            Tool::Backup | Tool::Drill | Tool::Kit => {
                st.first_run = false;
                st.folder = Some(folder_now)
            }
            Tool::Split => {
                st.show(Vec::new());
                st.split_plan = Some(text::SPLIT_PLAN_DEFAULT.text());
            }
            Tool::Passphrase => {
                st.show(Vec::new());
                st.passwd = Some(PasswdForm::default());
            }
            Tool::Purge => {
                st.show(Vec::new());
                st.purge = Some(PurgeList::of(s.vault.payload()));
            }
            Tool::Doctor => {
                st.show(vec![text::TOOL_WORKING.text()]);
                return vec![Effect::Doctor];
            }
        },
        _ => {}
    }
    Vec::new()
}

/// The worker thread checked the passphrases and made the new key (or
/// refused): install and save it, or say what to fix with what was typed
/// kept where it was right.
pub(crate) fn on_rekeyed(
    app: &mut App,
    r: Result<Box<crate::vault::crypto::PassphraseKey>, RekeyError>,
) -> Vec<Effect> {
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    let Some(form) = &mut s.tools.passwd else {
        return Vec::new();
    };
    form.working = false;
    match r {
        Ok(key) => {
            s.tools.show(vec![text::TOOL_WORKING.text()]);
            return vec![Effect::InstallPassphraseKey(key)];
        }
        Err(e) => {
            match e {
                RekeyError::WrongCurrent => {
                    form.current = SecretString::default();
                    form.set_focus(0);
                }
                RekeyError::Weak(_) | RekeyError::Same => {
                    form.new = NewPassphrase::default();
                    form.set_focus(1);
                }
                _ => {}
            }
            form.error = Some(e.to_string());
        }
    }
    Vec::new()
}

/// A tool finished: show what it did (and remember the folder it used).
pub(crate) fn on_done(app: &mut App, r: Result<ToolDone, String>) -> Vec<Effect> {
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    // A finished passphrase change closes its form, saved or not.
    s.tools.passwd = None;
    // The tool's save may have merged another program's change: the item
    // list follows, and the user is told as after any save.
    let merged = s.vault.take_merge_report();
    if merged.is_some() {
        let items = &s.vault.payload().items;
        s.items.reindex(items);
    }
    match r {
        Ok(ToolDone::Lines(lines)) => s.tools.show(lines),
        Ok(ToolDone::Findings(f)) => {
            s.tools.show(Vec::new());
            s.tools.findings = Some(f);
        }
        Err(e) => {
            s.tools.show(vec![e.clone()]);
            app.error(e);
            return Vec::new();
        }
    }
    if let Some(m) = merged {
        app.info(text::merged_on_save(&m));
    }
    Vec::new()
}

pub(crate) struct ToolsView<'a> {
    pub(crate) app: &'a App,
    pub(crate) s: &'a Session,
}

impl Widget for ToolsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let st = &self.s.tools;
        let [list_area, info] = Layout::vertical([
            Constraint::Length(Tool::ALL.len() as u16 + 2),
            Constraint::Fill(1),
        ])
        .areas(area);
        let sel = st.cursor.selected.min(Tool::ALL.len() - 1);
        let lines: Vec<Line> = Tool::ALL
            .iter()
            .enumerate()
            .map(|(i, tool)| {
                let (name, what) = text::tool_label(*tool);
                let chosen = i == sel;
                let mut l = Line::from(vec![
                    Span::raw(if chosen { "› " } else { "  " }),
                    Span::styled(crate::textwidth::fill(&name, 22), t.key()),
                    Span::styled(what, t.dim()),
                ]);
                if chosen {
                    l = l.style(t.selected());
                }
                l
            })
            .collect();
        Paragraph::new(lines)
            .block(Block::bordered().title(Line::styled(text::TOOLS_TITLE, t.title())))
            .render(list_area, buf);
        let mut lines: Vec<Line> = Vec::new();
        // The row the panel must show (the chosen removed item).
        let mut follow: Option<usize> = None;
        let tool = Tool::ALL[sel];
        if let Some(form) = &st.passwd {
            // Compact, so the refusal shows at 80x24 without scrolling.
            lines.push(Line::styled(text::PASSWD_EXPLAIN, t.dim()));
            let on = |f: usize| form.focus == f && !form.working;
            lines.push(field_line(
                text::CURRENT_PASSPHRASE_LABEL,
                masked(form.current.expose().chars().count()),
                on(0),
                t,
            ));
            lines.push(field_line(
                text::NEW_PASSPHRASE_LABEL,
                masked(form.new.first.expose().chars().count()),
                on(1),
                t,
            ));
            lines.push(field_line(
                text::REPEAT_PASSPHRASE_LABEL,
                masked(form.new.second.expose().chars().count()),
                on(2),
                t,
            ));
            lines.extend(meter_lines(&form.new.meter, form.new.first.is_empty(), t));
            if let Some(e) = &form.error {
                lines.push(Line::styled(e.clone(), t.error()));
            }
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                if form.working {
                    text::PASSWD_WORKING
                } else {
                    text::PASSWD_KEYS
                },
                if form.working { t.warn() } else { t.dim() },
            ));
        } else if let Some(list) = &st.purge {
            follow = purge_lines(list, self.app.local_offset, t, &mut lines);
        } else if let Some(plan) = &st.split_plan {
            lines.push(Line::styled(text::SPLIT_PLAN_ASK, t.dim()));
            lines.push(Line::from(vec![
                Span::raw("> "),
                Span::raw(plan.clone()),
                Span::styled("▏", t.key()),
            ]));
            lines.push(Line::styled(text::SPLIT_PLAN_KEYS, t.dim()));
            for r in &st.result {
                lines.push(Line::styled(r.clone(), t.error()));
            }
            lines.push(Line::raw(""));
            for l in text::split_explain() {
                lines.push(Line::styled(l, t.dim()));
            }
            if crate::i18n::lang() != crate::lang::Lang::En {
                lines.push(Line::styled(text::SHARES_ARE_ENGLISH.text(), t.dim()));
            }
        } else if let Some(f) = &st.folder {
            if let Some(plan) = &st.split_ready {
                lines.push(Line::styled(
                    text::split_folder_ask(plan.total_shares()),
                    t.dim(),
                ));
            } else {
                lines.push(Line::styled(text::TOOL_FOLDER_ASK, t.dim()));
            }
            lines.push(Line::from(vec![
                Span::raw("> "),
                Span::raw(f.clone()),
                Span::styled("▏", t.key()),
            ]));
            lines.push(Line::styled(text::TOOL_FOLDER_KEYS, t.dim()));
        } else {
            if st.first_run {
                for l in text::first_run_tools() {
                    lines.push(Line::styled(l, t.warn()));
                }
                lines.push(Line::raw(""));
            }
            if matches!(tool, Tool::Backup | Tool::Drill | Tool::Kit) {
                lines.push(Line::styled(
                    text::tool_folder(&backup_folder(self.app, self.s)),
                    t.dim(),
                ));
            }
            for r in &st.result {
                lines.push(Line::raw(r.clone()));
            }
            if tool == Tool::Split
                && !st.result.is_empty()
                && crate::i18n::lang() != crate::lang::Lang::En
            {
                lines.push(Line::styled(text::SHARES_ARE_ENGLISH.text(), t.dim()));
            }
            if let (Tool::Doctor, Some(found)) = (tool, &st.findings) {
                for f in found {
                    let (mark, style) = match f.severity {
                        Severity::Critical => ("✗", t.error()),
                        Severity::Warning => ("!", t.warn()),
                        _ => ("✓", t.ok()),
                    };
                    lines.push(Line::from(vec![
                        Span::styled(format!("{mark} "), style.add_modifier(Modifier::BOLD)),
                        Span::raw(f.message.clone()),
                    ]));
                    let critical = f.severity == Severity::Critical;
                    // The TUI merges conflict copies itself (m).
                    let here = if f.check == "sync-conflict" {
                        Some(crate::tr!("sync-tool-fix"))
                    } else {
                        text::tool_fix(f.check, critical).map(|h| h.to_string())
                    };
                    if let (false, Some(here)) = (f.severity == Severity::Ok, here) {
                        lines.push(Line::styled(format!("  → {here}"), t.key()));
                    } else if !f.fix.is_empty() {
                        lines.push(Line::styled(format!("  → {}", f.fix), t.dim()));
                    }
                }
            }
        }
        let block = Block::bordered().padding(Padding::horizontal(1));
        let content = block.inner(info);
        block.render(info, buf);
        let para = Paragraph::new(breakable(lines)).wrap(Wrap { trim: false });
        let total = para.line_count(content.width).min(usize::from(u16::MAX)) as u16;
        let max = total.saturating_sub(content.height);
        st.room.set((max, content.height));
        let scroll = match follow {
            // Rows before the chosen entry do not wrap (one line each).
            Some(row) => (row as u16)
                .saturating_sub(content.height.saturating_sub(2))
                .min(max),
            None => st.scroll.min(max),
        };
        para.scroll((scroll, 0)).render(content, buf);
        // Markers on the frame say there is more, and which key shows it.
        let right = |label: &str, y: u16, buf: &mut Buffer| {
            let w = width_of(label) as u16;
            if w + 4 < info.width {
                buf.set_string(info.x + info.width - w - 2, y, label, t.warn());
            }
        };
        if scroll < max {
            right(
                &text::MORE_BELOW.text(),
                info.y + info.height.saturating_sub(1),
                buf,
            );
        }
        if scroll > 0 {
            right(&text::MORE_ABOVE.text(), info.y, buf);
        }
    }
}

/// The day a removal happened, in the user's time zone.
fn day(at: OffsetDateTime, offset: time::UtcOffset) -> String {
    let d = at.to_offset(offset).date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The panel of the erase tool: the list, or the question. Returns the
/// row of the chosen entry (the panel scrolls to keep it in view).
fn purge_lines(
    list: &PurgeList,
    offset: time::UtcOffset,
    t: crate::tui::theme::Theme,
    lines: &mut Vec<Line<'static>>,
) -> Option<usize> {
    if list.entries.is_empty() {
        lines.push(Line::styled(text::PURGE_NOTHING, t.ok()));
        lines.push(Line::raw(""));
        lines.push(Line::styled(text::PURGE_EMPTY_KEYS, t.dim()));
        return None;
    }
    if let Some(which) = list.confirm {
        let question = match which {
            EraseWhich::One(i) => {
                let e = &list.entries[i.min(list.entries.len() - 1)];
                text::purge_ask_one(&e.name)
            }
            EraseWhich::All => text::purge_ask_all(list.entries.len()),
        };
        lines.push(Line::styled(
            question,
            t.error().add_modifier(Modifier::BOLD),
        ));
        lines.push(Line::raw(""));
        lines.push(Line::raw(text::PURGE_KEEPS_DELETION.text()));
        lines.push(Line::styled(text::PURGE_NOT_REACHED.text(), t.warn()));
        lines.push(Line::raw(""));
        lines.push(Line::styled(text::PURGE_CONFIRM_KEYS, t.key()));
        return None;
    }
    lines.push(Line::styled(
        text::purge_heading(list.entries.len()),
        t.text(),
    ));
    let sel = list.cursor.selected.min(list.entries.len() - 1);
    for (i, e) in list.entries.iter().enumerate() {
        let chosen = i == sel;
        let kind = e.kind.map(text::kind_name).unwrap_or_default();
        let mut l = Line::from(vec![
            Span::raw(if chosen { "› " } else { "  " }),
            Span::raw(crate::textwidth::pad(&e.name, 34)),
            Span::raw(" "),
            Span::styled(crate::textwidth::pad(&kind, 10), t.dim()),
            Span::raw(" "),
            Span::styled(text::purge_removed_on(&day(e.at, offset)), t.dim()),
        ]);
        if chosen {
            l = l.style(t.selected());
        }
        lines.push(l);
    }
    lines.push(Line::styled(text::PURGE_LIST_KEYS, t.key()));
    lines.push(Line::raw(""));
    lines.push(Line::styled(text::PURGE_EXPLAIN, t.dim()));
    Some(1 + sel)
}
