//! The Tools tab: what keeps the vault recoverable, without leaving for the
//! command line. Make a backup into a remembered folder (verified as it is
//! written), run a restore drill on the newest backup there, write the
//! emergency kit, and read the doctor's findings with their fixes. State,
//! pure update and view; the file work runs as effects.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use crate::recovery::doctor::{Finding, Severity};
use crate::tui::app::*;
use crate::tui::common::*;
use crate::tui::text;

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
    /// The security check-up.
    Doctor,
}

impl Tool {
    /// Every tool, in list order.
    pub const ALL: [Tool; 6] = [
        Tool::Backup,
        Tool::Drill,
        Tool::Kit,
        Tool::Split,
        Tool::Passphrase,
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
    let folder_now = match app.session() {
        Some(s) => backup_folder(app, s),
        None => return Vec::new(),
    };
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    let st = &mut s.tools;
    if let Some(f) = &mut st.folder {
        match msg {
            Message::Input(t) => f.push_str(&t),
            Message::Paste(t) => f.push_str(t.expose().lines().next().unwrap_or("")),
            Message::Backspace => {
                f.pop();
            }
            Message::ClearField => f.clear(),
            Message::Back => st.folder = None,
            Message::Submit | Message::Save => {
                let dir = f.trim().to_owned();
                st.folder = None;
                if dir.is_empty() {
                    return Vec::new();
                }
                st.result = vec![text::TOOL_WORKING.to_owned()];
                let tool = Tool::ALL[st.cursor.selected.min(Tool::ALL.len() - 1)];
                let dir = std::path::PathBuf::from(dir);
                return vec![match tool {
                    Tool::Drill => Effect::Drill { dir },
                    Tool::Kit => Effect::WriteKit { dir },
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
        Message::SwitchTab => s.tab = Tab::Items,
        Message::Open | Message::Submit => match Tool::ALL[st.cursor.selected.min(n - 1)] {
            Tool::Backup | Tool::Drill | Tool::Kit => st.folder = Some(folder_now),
            Tool::Split => st.result = text::TOOL_SPLIT.iter().map(|l| (*l).to_owned()).collect(),
            Tool::Passphrase => {
                st.result = text::TOOL_PASSPHRASE
                    .iter()
                    .map(|l| (*l).to_owned())
                    .collect()
            }
            Tool::Doctor => {
                st.result = vec![text::TOOL_WORKING.to_owned()];
                return vec![Effect::Doctor];
            }
        },
        _ => {}
    }
    Vec::new()
}

/// A tool finished: show what it did (and remember the folder it used).
pub(crate) fn on_done(app: &mut App, r: Result<ToolDone, String>) -> Vec<Effect> {
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    match r {
        Ok(ToolDone::Lines(lines)) => s.tools.result = lines,
        Ok(ToolDone::Findings(f)) => {
            s.tools.result = Vec::new();
            s.tools.findings = Some(f);
        }
        Err(e) => {
            s.tools.result = vec![e.clone()];
            app.error(e);
        }
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
                    Span::styled(format!("{name:<22}"), t.key()),
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
        if let Some(f) = &st.folder {
            lines.push(Line::styled(text::TOOL_FOLDER_ASK, t.dim()));
            lines.push(Line::from(vec![
                Span::raw("> "),
                Span::raw(f.clone()),
                Span::styled("▏", t.key()),
            ]));
            lines.push(Line::styled(text::TOOL_FOLDER_KEYS, t.dim()));
        } else {
            let tool = Tool::ALL[sel];
            if matches!(tool, Tool::Backup | Tool::Drill | Tool::Kit) {
                lines.push(Line::styled(
                    text::tool_folder(&backup_folder(self.app, self.s)),
                    t.dim(),
                ));
            }
            for r in &st.result {
                lines.push(Line::raw(r.clone()));
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
                    if !f.fix.is_empty() {
                        lines.push(Line::styled(format!("  → {}", f.fix), t.dim()));
                    }
                }
            }
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().padding(Padding::horizontal(1)))
            .render(info, buf);
    }
}
