//! The sync conflict copies page: the versions of the vault a sync tool
//! (Syncthing, Nextcloud, Dropbox) left beside it, each with what merging
//! it would change (as `lifeboat merge --dry-run` says), merged one at a
//! time on Enter. A merge goes through the save protocol and then moves
//! the copy into the backup folder, never deleting it. A copy that cannot
//! be proved to be this vault (opened with its recovery key, passing the
//! authenticity check) shows why it is refused and cannot be merged.
//!
//! The runtime finds the copies (a look at the vault's folder on unlock
//! and every few seconds) and does the file work
//! ([`crate::tui::tool_work::preview_copies`],
//! [`crate::tui::tool_work::merge_copy`]); this module holds the page's
//! state, its pure update and its view.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tr;
use crate::tui::app::*;
use crate::tui::common::*;
use crate::vault::merge::MergeReport;

/// One conflict copy and what merging it would do.
#[derive(Debug, Clone)]
pub struct CopyEntry {
    /// The file.
    pub path: PathBuf,
    /// The sync tool that named it so.
    pub tool: &'static str,
    /// What a merge would change, or why the copy is refused.
    pub preview: Result<MergeReport, String>,
}

impl CopyEntry {
    /// The file's name, as shown.
    pub fn name(&self) -> String {
        file_name(&self.path)
    }
}

/// A merged copy: what it brought and where the copy went.
#[derive(Debug)]
pub struct MergedCopy {
    /// The copy as it was found.
    pub path: PathBuf,
    /// What the merge changed.
    pub report: MergeReport,
    /// Where the copy was moved, or why it could not be (it stays).
    pub moved: Result<PathBuf, String>,
}

/// The page.
#[derive(Debug, Default)]
pub struct SyncState {
    /// The copies, as last looked at.
    pub copies: Vec<CopyEntry>,
    /// The chosen copy.
    pub cursor: ListCursor,
    /// The copies are being opened and compared.
    pub loading: bool,
    /// A merge is running.
    pub working: bool,
}

fn file_name(p: &std::path::Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// Opens the page (from the banner's key) and asks for the previews.
pub(crate) fn open(app: &mut App) -> Vec<Effect> {
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    s.pages.push(Page::Sync(SyncState {
        loading: true,
        ..SyncState::default()
    }));
    vec![Effect::PreviewCopies]
}

fn state(app: &mut App) -> Option<&mut SyncState> {
    match app.session_mut()?.pages.last_mut() {
        Some(Page::Sync(st)) => Some(st),
        _ => None,
    }
}

/// Keys on the page.
pub(crate) fn update(app: &mut App, msg: Message) -> Vec<Effect> {
    let Some(st) = state(app) else {
        return Vec::new();
    };
    if st.loading || st.working {
        return Vec::new();
    }
    let n = st.copies.len();
    match msg {
        Message::Up => st.cursor.step(-1, n),
        Message::Down => st.cursor.step(1, n),
        Message::Home => st.cursor.selected = 0,
        Message::End => st.cursor.selected = n.saturating_sub(1),
        Message::Open | Message::Submit => {
            let Some(c) = st.copies.get(st.cursor.selected) else {
                return Vec::new();
            };
            match &c.preview {
                Ok(_) => {
                    let path = c.path.clone();
                    st.working = true;
                    return vec![Effect::MergeCopy(path)];
                }
                Err(why) => {
                    let msg = tr!("sync-not-merged", file = c.name(), reason = why.as_str());
                    app.error(msg);
                }
            }
        }
        Message::Back => {
            let left = st.copies.len();
            if let Some(s) = app.session_mut() {
                s.pages.pop();
            }
            if left > 0 {
                app.info(tr!("sync-left-for-later", count = left));
            }
        }
        _ => {}
    }
    Vec::new()
}

/// The previews came back: show them, and let the banner count the same
/// files.
pub(crate) fn on_previewed(app: &mut App, copies: Vec<CopyEntry>) -> Vec<Effect> {
    app.sync_copies = copies.iter().map(|c| (c.path.clone(), c.tool)).collect();
    if let Some(st) = state(app) {
        st.loading = false;
        st.copies = copies;
        let n = st.copies.len();
        st.cursor.step(0, n);
    }
    Vec::new()
}

/// A merge finished: the copy leaves the list (merged and moved aside), or
/// shows why it was not merged.
pub(crate) fn on_merged(
    app: &mut App,
    r: Result<Box<MergedCopy>, (PathBuf, String)>,
) -> Vec<Effect> {
    match r {
        Ok(m) => {
            let name = file_name(&m.path);
            app.sync_copies.retain(|(p, _)| *p != m.path);
            let (added, changed, deleted) = (
                m.report.added.len(),
                m.report.changed.len(),
                m.report.deleted.len(),
            );
            let mut notice = tr!(
                "sync-merged",
                file = name.as_str(),
                added = added,
                changed = changed,
                deleted = deleted
            );
            if !m.report.conflicts.is_empty() {
                notice = crate::tui::text::sentences(
                    &notice,
                    &tr!("sync-merged-conflicts", count = m.report.conflicts.len()),
                );
            }
            let moved = m.moved;
            if let Some(s) = app.session_mut() {
                let items = &s.vault.payload().items;
                s.items.reindex(items);
                let empty = match s.pages.last_mut() {
                    Some(Page::Sync(st)) => {
                        st.working = false;
                        st.copies.retain(|c| c.path != m.path);
                        let n = st.copies.len();
                        st.cursor.step(0, n);
                        n == 0
                    }
                    _ => false,
                };
                if empty {
                    s.pages.pop();
                }
            }
            match moved {
                Ok(to) => {
                    let moved = tr!("sync-moved", to = to.display().to_string());
                    app.info(crate::tui::text::sentences(&notice, &moved));
                }
                Err(e) => {
                    let not_moved = tr!("sync-not-moved", error = e.as_str());
                    app.error(crate::tui::text::sentences(&notice, &not_moved));
                }
            }
        }
        Err((path, why)) => {
            let msg = tr!(
                "sync-not-merged",
                file = file_name(&path),
                reason = why.as_str()
            );
            if let Some(st) = state(app) {
                st.working = false;
                if let Some(c) = st.copies.iter_mut().find(|c| c.path == path) {
                    c.preview = Err(why);
                }
            }
            app.error(msg);
        }
    }
    Vec::new()
}

/// The footer of the page.
pub fn footer() -> String {
    tr!("sync-footer")
}

/// The Items footer while conflict copies are beside the vault: `m` takes
/// the place of `Tab` (the tabs are in the header; Tab stays in the help)
/// so the row still fits 78 cells.
pub fn items_footer() -> String {
    tr!("sync-footer-items")
}

/// The help overlay's row for `m` on the Items and Tools tabs; listed
/// whether or not copies are there now, so the key can be learned before
/// the day it is needed.
pub fn review_key() -> (String, String) {
    ("m".to_owned(), tr!("sync-help-review"))
}

/// The help overlay's keys on the page.
pub fn help() -> Vec<(String, String)> {
    vec![
        ("↑↓ / j k".to_owned(), tr!("sync-help-move")),
        ("Enter".to_owned(), tr!("sync-help-merge")),
        ("Esc".to_owned(), tr!("sync-help-back")),
        ("?".to_owned(), tr!("sync-help-help")),
    ]
}

/// Up to five names, then how many more.
fn names(list: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut out = list
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if list.len() > SHOWN {
        out.push_str(&tr!("sync-and-more", count = list.len() - SHOWN));
    }
    out
}

/// `text` broken into lines of at most `width` cells, each after
/// `indent`: at spaces where it can, between characters in Chinese, inside
/// a run without either (a long file name) only when it is longer than a
/// line ([`wrap_rows`]).
fn hang(text: &str, width: usize, indent: &str) -> Vec<String> {
    let room = width.saturating_sub(crate::textwidth::width(indent)).max(8);
    wrap_rows(text, room)
        .into_iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{indent}{}", l.trim_end()))
        .collect()
}

/// What merging a copy would change, one line each (`merge --dry-run`).
pub fn preview_lines(r: &MergeReport) -> Vec<String> {
    let mut out = Vec::new();
    if !r.added.is_empty() {
        out.push(tr!("sync-adds", names = names(&r.added)));
    }
    if !r.changed.is_empty() {
        out.push(tr!("sync-changes", names = names(&r.changed)));
    }
    if !r.deleted.is_empty() {
        out.push(tr!("sync-deletes", names = names(&r.deleted)));
    }
    if !r.restored.is_empty() {
        out.push(tr!("sync-restores", names = names(&r.restored)));
    }
    if !r.restored_erased.is_empty() {
        out.push(tr!(
            "sync-restores-erased",
            names = names(&r.restored_erased)
        ));
    }
    for c in &r.conflicts {
        out.push(if c.theirs_won {
            tr!(
                "sync-conflict-theirs",
                item = c.item.as_str(),
                field = crate::tui::text::merge_field(&c.field)
            )
        } else {
            tr!(
                "sync-conflict-ours",
                item = c.item.as_str(),
                field = crate::tui::text::merge_field(&c.field)
            )
        });
    }
    for name in &r.duplicate_names {
        out.push(tr!("sync-duplicate-name", name = name.as_str()));
    }
    if !r.vault_changes.is_empty() {
        out.push(tr!("sync-settings", names = names(&r.vault_changes)));
    }
    if r.playbooks_changed {
        out.push(tr!("sync-playbooks"));
    }
    if r.is_empty() {
        out.push(tr!("sync-nothing-new"));
    }
    out
}

pub(crate) struct SyncView<'a> {
    pub(crate) app: &'a App,
    pub(crate) st: &'a SyncState,
}

impl Widget for SyncView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let st = self.st;
        let inner = Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(2),
            ..area
        };
        let mut head: Vec<Line> = vec![
            Line::styled(tr!("sync-title"), t.title()),
            Line::styled(tr!("sync-explain"), t.dim()),
        ];
        if !self.app.session().is_some_and(|s| s.vault.is_verified()) {
            head.push(Line::styled(tr!("sync-read-only"), t.warn()));
        }
        head.push(Line::raw(""));
        let w = usize::from(inner.width);
        let mut body: Vec<Line> = Vec::new();
        // Where each copy's lines start in `body`, and how many it has.
        let mut spans: Vec<(usize, usize)> = Vec::new();
        if st.loading {
            body.push(Line::styled(tr!("sync-loading"), t.warn()));
        } else if st.copies.is_empty() {
            body.push(Line::styled(tr!("sync-none"), t.dim()));
        }
        for (i, c) in st.copies.iter().enumerate() {
            let chosen = i == st.cursor.selected;
            let start = body.len();
            let title = tr!("sync-copy-title", file = c.name(), tool = c.tool);
            body.push(Line::from(vec![
                Span::raw(if chosen { "› " } else { "  " }),
                Span::styled(
                    crate::textwidth::truncate(&title, w.saturating_sub(2)).into_owned(),
                    t.key().add_modifier(Modifier::BOLD),
                ),
            ]));
            match &c.preview {
                Ok(r) => {
                    for l in preview_lines(r) {
                        body.extend(hang(&l, w, "    ").into_iter().map(Line::raw));
                    }
                }
                Err(why) => {
                    let l = format!("✗ {}", tr!("sync-refused", reason = why.as_str()));
                    body.extend(
                        hang(&l, w, "    ")
                            .into_iter()
                            .map(|l| Line::styled(l, t.error())),
                    );
                }
            }
            if chosen && st.working {
                body.push(Line::styled(
                    format!("    {}", tr!("sync-merging")),
                    t.warn(),
                ));
            }
            spans.push((start, body.len() - start));
        }
        let head_p = Paragraph::new(breakable(head)).wrap(Wrap { trim: false });
        let head_h = (head_p.line_count(inner.width) as u16).min(inner.height);
        head_p.render(
            Rect {
                height: head_h,
                ..inner
            },
            buf,
        );
        let list = Rect {
            y: inner.y + head_h,
            height: inner.height.saturating_sub(head_h),
            ..inner
        };
        // Keep the chosen copy on screen, its first line as high as needed.
        let room = usize::from(list.height);
        let scroll = match spans.get(st.cursor.selected) {
            Some(&(start, h)) if start + h > room => (start + h - room).min(start),
            _ => 0,
        };
        Paragraph::new(body)
            .scroll((scroll.min(usize::from(u16::MAX)) as u16, 0))
            .render(list, buf);
    }
}
