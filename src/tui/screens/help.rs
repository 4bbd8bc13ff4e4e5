//! The help overlay: the keys of the current context.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Widget, Wrap};

use crate::tui::app::*;
use crate::tui::common::*;
use crate::tui::text;

pub(crate) struct HelpView<'a> {
    pub(crate) app: &'a App,
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
