//! The help overlay: the keys of the current context.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use crate::tui::app::*;
use crate::tui::common::*;
use crate::tui::text;

pub(crate) struct HelpView<'a> {
    pub(crate) app: &'a App,
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let ctx = self.app.context();
        let keys = text::help(ctx);
        let markers = text::help_markers(ctx);
        let mut lines: Vec<Line> = keys
            .into_iter()
            .map(|(k, d)| {
                Line::from(vec![
                    Span::styled(crate::textwidth::fill(&k, 16), t.key()),
                    Span::raw(d),
                ])
            })
            .collect();
        if !markers.is_empty() {
            lines.push(Line::raw(""));
            lines.extend(markers.iter().map(|m| Line::styled(m.clone(), t.dim())));
        }
        let w = if markers.is_empty() { 70 } else { 78 }.min(area.width);
        // Side padding only: at 80x24 every key and marker of the runner
        // must fit without scrolling.
        let h = wrapped_height(&lines, w.saturating_sub(4)) + 2;
        let boxed = centered(area, w, h);
        clear_popup(boxed, buf);
        Paragraph::new(breakable(lines))
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .title(Line::styled(text::HELP_TITLE, t.title()))
                    .padding(Padding::horizontal(1)),
            )
            .render(boxed, buf);
    }
}
