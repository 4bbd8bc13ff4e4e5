//! The views: pure functions of the [`App`] drawn into a ratatui `Buffer`.
//!
//! [`App`] renders as a `Widget` (`impl Widget for &App`), which lays out
//! the header, the screen body, the status line and the footer, and the
//! help overlay on top. Each screen is a small widget borrowing the state
//! it shows; the playbook checklist is a `StatefulWidget` whose state is
//! its scroll offset. Time comes from `app.now`, never the clock, so
//! snapshots are stable. Secrets appear only when revealed.
//!
//! The screens' own views live with their state in [`super::screens`].

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::{App, Context, Page, Screen, Session, Tab};
use super::common::tail;
use super::screens::create::CreateView;
use super::screens::detail::DetailView;
use super::screens::form::FormView;
use super::screens::help::HelpView;
use super::screens::items::ItemsView;
use super::screens::playbooks::PlaybooksView;
use super::screens::prove::ProveView;
use super::screens::recover::RecoverView;
use super::screens::runner::RunnerView;
use super::screens::sync::SyncView;
use super::screens::tools::ToolsView;
use super::screens::unlock::UnlockView;
use super::text;

pub use super::screens::runner::Checklist;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 60 || area.height < 16 {
            Paragraph::new(super::common::breakable(text::TOO_SMALL))
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        // A long status message (an error) gets a second line.
        let status_h = match &self.status {
            Some(s) if crate::textwidth::width(&s.text) + 2 > usize::from(area.width) => 2,
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
            Screen::Main(s) => {
                MainView { app: self, s }.render(body, buf);
                if let Some(p) = &s.prove {
                    ProveView { app: self, st: p }.render(body, buf);
                }
            }
        }
        render_status(self, status, buf);
        let ctx = self.context();
        let hints = if ctx == Context::Items && !self.sync_copies.is_empty() {
            // The banner above the list says to press m; so does the footer.
            super::screens::sync::items_footer()
        } else if ctx == Context::ToolsPurge
            && self
                .session()
                .and_then(|s| s.tools.purge.as_ref())
                .is_some_and(|l| l.entries.is_empty())
        {
            // Nothing to choose or erase: only the way back.
            text::PURGE_EMPTY_FOOTER.text()
        } else {
            text::footer(ctx)
        };
        Line::styled(format!(" {hints}"), self.theme.dim()).render(footer, buf);
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
            (Tab::Tools, text::TAB_TOOLS),
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
    // What the user must not miss on any screen: a session that proves
    // nothing, a folder others can write to.
    if app.session().is_some_and(|s| !s.vault.is_verified()) {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            format!(" {} ", text::UNVERIFIED_MARK),
            t.error(),
        ));
    }
    if app.unsafe_folder.is_some() {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            format!(" {} ", text::UNSAFE_FOLDER_MARK),
            t.error(),
        ));
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
        right = format!("{} ", text::clipboard_clears_in(secs.unsigned_abs()));
    }
    let rw = crate::textwidth::width(&right) as u16;
    if let Some(s) = &app.status {
        let style = if s.error { t.error() } else { t.ok() };
        let w = area.width.saturating_sub(rw + 1);
        Paragraph::new(super::common::breakable(Line::styled(
            s.text.clone(),
            style,
        )))
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
                Tab::Tools => ToolsView {
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
            Some(Page::Sync(st)) => SyncView { app: self.app, st }.render(area, buf),
        }
    }
}
