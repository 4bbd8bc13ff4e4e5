//! The item list (the Items tab): search, grouping by account, the
//! cursor. State, pure update and view.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use crate::item::{Item, Secret};
use crate::tui::app::*;
use crate::tui::common::*;
use crate::tui::text;
use crate::tui::theme::Theme;

/// A row of the grouped item list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow {
    /// An account heading: the item index of the group's first item.
    Header(usize),
    /// An item: its position in [`ItemsState::matches`].
    Item(usize),
}

/// The item list: search and grouping.
#[derive(Debug, Default)]
pub struct ItemsState {
    /// The search text.
    pub query: String,
    /// Typing goes into the search.
    pub searching: bool,
    /// Item indexes matching the query, grouped by account.
    pub matches: Vec<usize>,
    /// Rows as displayed (headings and items).
    pub rows: Vec<ListRow>,
    /// For each match, its row.
    pub row_of: Vec<usize>,
    /// The selected match and the scroll offset (in rows).
    pub cursor: ListCursor,
    /// All item indexes in display order (by account, then name).
    pub order: Vec<usize>,
    /// Lowercased name, account and tags of each item, for the search.
    pub haystack: Vec<String>,
    /// For each item, whether another item has the same name (ignoring
    /// case): a merge keeps both when two copies each added one, and the
    /// list marks them so they can be told apart.
    pub shared_name: Vec<bool>,
}

impl ItemsState {
    /// Rebuilds the order and search text after the items changed.
    pub fn reindex(&mut self, items: &[Item]) {
        let mut order: Vec<usize> = (0..items.len()).collect();
        let key = |i: &Item| {
            (
                i.account.is_none(),
                i.account.as_deref().unwrap_or("").to_lowercase(),
                i.name.to_lowercase(),
            )
        };
        let keys: Vec<_> = items.iter().map(key).collect();
        order.sort_by(|a, b| keys[*a].cmp(&keys[*b]));
        self.order = order;
        self.haystack = items
            .iter()
            .map(|i| {
                let mut s = i.name.to_lowercase();
                if let Some(a) = &i.account {
                    s.push('\u{1}');
                    s.push_str(&a.to_lowercase());
                }
                for t in &i.tags {
                    s.push('\u{1}');
                    s.push_str(&t.to_lowercase());
                }
                s
            })
            .collect();
        let lower: Vec<String> = items.iter().map(|i| i.name.to_lowercase()).collect();
        let mut names: std::collections::HashMap<&str, u32> =
            std::collections::HashMap::with_capacity(items.len());
        for l in &lower {
            *names.entry(l).or_default() += 1;
        }
        self.shared_name = lower.iter().map(|l| names[l.as_str()] > 1).collect();
        self.refilter(items);
    }

    /// Recomputes the matches and rows for the current query.
    pub fn refilter(&mut self, items: &[Item]) {
        let q = self.query.to_lowercase();
        let terms: Vec<&str> = q.split_whitespace().collect();
        self.matches = self
            .order
            .iter()
            .copied()
            .filter(|&i| terms.iter().all(|t| self.haystack[i].contains(t)))
            .collect();
        self.rows.clear();
        self.row_of.clear();
        let mut last: Option<Option<&str>> = None;
        for (m, &i) in self.matches.iter().enumerate() {
            let acc = items[i].account.as_deref();
            let same = last.is_some_and(|l| match (l, acc) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                (None, None) => true,
                _ => false,
            });
            if !same {
                self.rows.push(ListRow::Header(i));
                last = Some(acc);
            }
            self.row_of.push(self.rows.len());
            self.rows.push(ListRow::Item(m));
        }
        let len = self.matches.len();
        self.cursor.selected = self.cursor.selected.min(len.saturating_sub(1));
    }

    /// The selected item's index in the vault, if any.
    pub fn selected_item(&self) -> Option<usize> {
        self.matches.get(self.cursor.selected).copied()
    }

    pub(crate) fn select_item(&mut self, index: usize) {
        if let Some(m) = self.matches.iter().position(|&i| i == index) {
            self.cursor.selected = m;
        }
    }
}

pub(crate) fn update(app: &mut App, msg: Message) -> Vec<Effect> {
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    let len = s.items.matches.len();
    let items = &s.vault.payload().items;
    let st = &mut s.items;
    match msg {
        Message::Up => st.cursor.step(-1, len),
        Message::Down => st.cursor.step(1, len),
        Message::PageUp => st.cursor.step(-PAGE, len),
        Message::PageDown => st.cursor.step(PAGE, len),
        Message::Home => st.cursor.selected = 0,
        Message::End => st.cursor.selected = len.saturating_sub(1),
        Message::StartSearch => {
            st.searching = true;
            if !st.query.is_empty() {
                st.query.clear();
                st.refilter(items);
            }
        }
        Message::Input(t) if st.searching => {
            st.query.push_str(&t);
            st.cursor.selected = 0;
            st.refilter(items);
        }
        Message::Paste(t) if st.searching => {
            st.query.push_str(t.expose().lines().next().unwrap_or(""));
            st.refilter(items);
        }
        Message::Backspace if st.searching => {
            st.query.pop();
            st.refilter(items);
        }
        Message::Back => {
            st.searching = false;
            if !st.query.is_empty() {
                st.query.clear();
                st.refilter(items);
            }
        }
        Message::Submit | Message::Open => {
            st.searching = false;
            if let Some(i) = st.selected_item() {
                let id = items[i].id.clone();
                s.pages.push(Page::Detail(DetailState::new(id)));
            }
        }
        Message::SwitchTab => s.tab = Tab::Playbooks,
        Message::AddItem => s.pages.push(Page::Form(Box::new(FormState::new_item()))),
        _ => {}
    }
    Vec::new()
}

pub(crate) struct ItemsView<'a> {
    pub(crate) app: &'a App,
    pub(crate) s: &'a Session,
}

impl Widget for ItemsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let st = &self.s.items;
        let items = &self.s.vault.payload().items;
        // Banners: one line each, above the search, for what the user must
        // know about this vault before anything else.
        let banners = banners(self.app, self.s, t);
        let [banner_area, search, list] = Layout::vertical([
            Constraint::Length(banners.len() as u16),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        Paragraph::new(banners).render(banner_area, buf);
        // Search line.
        let count = format!(" {} ", text::matches_count(st.matches.len(), items.len()));
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
                Span::styled(format!("  {}", text::ESC_CLEARS), t.dim()),
            ])
        } else {
            Line::styled(format!(" {}", text::SEARCH_HINT), t.dim())
        };
        search_line.render(search, buf);
        let cw = crate::textwidth::width(&count) as u16;
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
            Paragraph::new(breakable(Line::styled(msg, t.dim())))
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
                    let label = items[i]
                        .account
                        .clone()
                        .unwrap_or_else(|| text::NO_ACCOUNT.text());
                    Line::styled(format!(" ▾ {label}"), t.title()).render(line_area, buf);
                }
                ListRow::Item(m) => {
                    let item = &items[st.matches[m]];
                    let selected = m == st.cursor.selected;
                    let shared = st.shared_name.get(st.matches[m]).copied();
                    item_row(item, selected, name_w, shared.unwrap_or(false), t)
                        .render(line_area, buf);
                    if selected {
                        buf.set_style(line_area, t.selected());
                    }
                }
            }
        }
    }
}

/// One item of the list. `shared`: another item has the same name, so
/// the row says so and shows the start of the id that tells them apart.
pub(crate) fn item_row<'a>(
    item: &'a Item,
    selected: bool,
    name_w: usize,
    shared: bool,
    t: Theme,
) -> Line<'a> {
    // Measured in cells: a Chinese name takes two per character.
    let name = crate::textwidth::pad(&item.name, name_w);
    let mut spans = vec![
        Span::raw(if selected { " › " } else { "   " }),
        Span::styled(kind_badge(item.kind()), t.badge(item.kind())),
        Span::raw("  "),
        Span::styled(name, Style::new().add_modifier(Modifier::BOLD)),
        Span::raw("  "),
    ];
    if shared {
        let short = item.id.get(..6).unwrap_or(&item.id);
        spans.push(Span::styled(
            format!("{}  ", crate::tr!("sync-tui-same-name", id = short)),
            t.error(),
        ));
    }
    if let Secret::Codes { codes } = &item.secret {
        spans.push(Span::styled(
            format!(
                "{}  ",
                text::codes_unused_short(item.unused_codes(), codes.len())
            ),
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

/// The banner lines of the items screen, most important first. Each is one
/// line; add new ones here.
pub(crate) fn banners(app: &App, s: &Session, t: crate::tui::theme::Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    // A folder others can write to means the file may be a planted one.
    if app.unsafe_folder.is_some() {
        out.push(Line::styled(text::UNSAFE_FOLDER_BANNER, t.warn()));
    }
    // An extra identity's open proves nothing about who wrote the file:
    // say so above the list, every frame, for as long as it is open.
    if !s.vault.is_verified() {
        out.push(Line::styled(text::UNVERIFIED_BANNER, t.warn()));
    }
    // A sync tool kept another version beside the vault: changes made
    // there are not in it until merged.
    if !app.sync_copies.is_empty() {
        out.push(Line::styled(
            crate::tr!("sync-banner", count = app.sync_copies.len()),
            t.warn(),
        ));
    }
    let h = &s.vault.payload().history;
    if h.recovery_key_exported.is_none() && h.kit_printed.is_none() {
        out.push(Line::styled(text::BANNER_KEY_NOT_CONFIRMED, t.warn()));
    }
    out
}
