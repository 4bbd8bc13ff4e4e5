//! The playbook list (the Playbooks tab) with each playbook's progress.
//! Pure update and view; its state is a [`ListCursor`] in the session.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Widget, Wrap};

use crate::playbook::{self};
use crate::tui::app::*;
use crate::tui::common::*;
use crate::tui::text;

pub(crate) fn update(app: &mut App, msg: Message) -> Vec<Effect> {
    let len = app.playbooks.len();
    let App {
        screen, playbooks, ..
    } = app;
    let Screen::Main(s) = screen else {
        return Vec::new();
    };
    match msg {
        Message::Up => s.playbooks.step(-1, len),
        Message::Down => s.playbooks.step(1, len),
        Message::PageUp => s.playbooks.step(-PAGE, len),
        Message::PageDown => s.playbooks.step(PAGE, len),
        Message::Home => s.playbooks.selected = 0,
        Message::End => s.playbooks.selected = len.saturating_sub(1),
        Message::SwitchTab => s.tab = Tab::Tools,
        Message::Open | Message::Submit if len > 0 => {
            let pb = s.playbooks.selected.min(len - 1);
            // Start at the step to do now.
            let book = &playbooks[pb];
            let next = playbook::progress(book, s.vault.payload().playbooks.run(&book.id))
                .next_step
                .and_then(|id| book.step_index(&id))
                .unwrap_or(0);
            let mut runner = RunnerState::new(pb, next);
            // A new incident: ask first which account it is about, so the
            // steps and the report stay with that account's items.
            if s.vault.payload().playbooks.run(&book.id).is_none() {
                runner.account = Some(AccountPicker::new(&s.vault.payload().items, None));
            }
            s.pages.push(Page::Runner(runner));
        }
        _ => {}
    }
    Vec::new()
}

pub(crate) fn progress_bar(done: usize, total: usize, width: usize) -> String {
    let filled = if total == 0 {
        0
    } else {
        (done * width).div_ceil(total).min(width)
    };
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

pub(crate) struct PlaybooksView<'a> {
    pub(crate) app: &'a App,
    pub(crate) s: &'a Session,
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
                None => text::NOT_STARTED.text(),
                Some(_) if p.complete => text::COMPLETE.text(),
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
                Span::styled(
                    crate::textwidth::fill(&text::severity(pb.severity.as_str()), 9),
                    sev_style,
                ),
                Span::styled(
                    progress_bar(p.done, p.total_on_path, 8),
                    if run.is_some() { t.ok() } else { t.dim() },
                ),
                Span::raw(format!(" {} ", crate::textwidth::fill(&status, 12))),
                Span::styled(
                    crate::textwidth::truncate(&pb.title, title_w).into_owned(),
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
            Paragraph::new(breakable(lines))
                .wrap(Wrap { trim: false })
                .block(Block::new().padding(Padding::horizontal(2)))
                .render(info, buf);
        }
    }
}
