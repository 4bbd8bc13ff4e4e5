//! Styles. With `NO_COLOR` set, every style falls back to modifiers only
//! (bold, reverse, underline), so nothing depends on colour to be seen.

use ratatui::style::{Color, Modifier, Style};

use crate::item::ItemKind;

/// The palette, with or without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False under `NO_COLOR`.
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to a non-empty value
    /// (<https://no-color.org>).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Plain text.
    pub fn text(self) -> Style {
        Style::new()
    }
    /// Headings and titles.
    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    /// Less important text.
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }
    /// The selected row.
    pub fn selected(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
    /// Errors and warnings.
    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    /// "Do not" warnings.
    pub fn danger(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }
    /// Success.
    pub fn ok(self) -> Style {
        self.fg(Color::Green)
    }
    /// Needs attention.
    pub fn warn(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    /// A revealed secret.
    pub fn secret(self) -> Style {
        self.fg(Color::Yellow)
    }
    /// Key names in hints.
    pub fn key(self) -> Style {
        self.fg(Color::Cyan)
    }
    /// The active tab.
    pub fn tab_active(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }
    /// The badge of an item kind.
    pub fn badge(self, kind: ItemKind) -> Style {
        let c = match kind {
            ItemKind::Seed => Color::Magenta,
            ItemKind::Key => Color::Red,
            ItemKind::Totp => Color::Green,
            ItemKind::Codes => Color::Yellow,
            ItemKind::Password => Color::Blue,
            ItemKind::Note => Color::Gray,
        };
        self.fg(c).add_modifier(Modifier::BOLD)
    }
}
