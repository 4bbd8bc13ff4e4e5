//! Building blocks shared by several screens: the list cursor, the
//! passphrase fields and their meter, editing secrets without copies, and
//! small view helpers (centring, scrolling, masking, times).

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Widget, Wrap};

use crate::item::ItemKind;
use crate::secret::SecretString;
use crate::tui::text;
use crate::tui::theme::Theme;

/// Rows a page key moves.
pub const PAGE: isize = 10;

/// A cursor in a scrolling list; the offset is adjusted while rendering.
#[derive(Debug, Default, Clone)]
pub struct ListCursor {
    /// The selected entry.
    pub selected: usize,
    /// The first visible row (kept by the view).
    pub offset: Cell<usize>,
}

impl ListCursor {
    /// Moves by `delta` within `0..len`.
    pub fn step(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        let cur = self.selected.min(len - 1) as isize;
        self.selected = (cur + delta).clamp(0, len as isize - 1) as usize;
    }
}

/// A passphrase strength reading for the live meter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meter {
    /// zxcvbn score 0..=4.
    pub score: u8,
    /// What the policy says is wrong, if anything.
    pub problem: Option<String>,
}

impl Meter {
    /// Measures a candidate passphrase.
    pub fn of(p: &SecretString) -> Meter {
        if p.is_empty() {
            return Meter {
                score: 0,
                problem: crate::vault::policy::passphrase_problem(p).map(|e| e.to_string()),
            };
        }
        Meter {
            score: u8::from(zxcvbn::zxcvbn(p.expose(), &["lifeboat"]).score()),
            problem: crate::vault::policy::passphrase_problem(p).map(|e| e.to_string()),
        }
    }
}

/// Two passphrase fields with a strength meter (create and recover).
#[derive(Debug, Default)]
pub struct NewPassphrase {
    /// The passphrase.
    pub first: SecretString,
    /// Its repetition.
    pub second: SecretString,
    /// 0 = first field, 1 = second.
    pub focus: usize,
    /// Strength of `first`.
    pub meter: Meter,
    /// Why the last submit was refused.
    pub error: Option<String>,
}

impl NewPassphrase {
    pub(crate) fn field(&mut self) -> &mut SecretString {
        if self.focus == 0 {
            &mut self.first
        } else {
            &mut self.second
        }
    }

    pub(crate) fn input(&mut self, s: &str) {
        push_secret(self.field(), s);
        self.error = None;
        if self.focus == 0 {
            self.meter = Meter::of(&self.first);
        }
    }

    pub(crate) fn backspace(&mut self) {
        pop_secret(self.field());
        if self.focus == 0 {
            self.meter = Meter::of(&self.first);
        }
    }

    /// Enter: move to the second field, or return the accepted passphrase.
    pub(crate) fn submit(&mut self) -> Option<SecretString> {
        if self.focus == 0 {
            self.focus = 1;
            return None;
        }
        self.meter = Meter::of(&self.first);
        if self.meter.problem.is_some() {
            self.error = Some(text::POLICY_NOT_MET.into());
            self.focus = 0;
            return None;
        }
        if self.first != self.second {
            self.error = Some(text::MISMATCH.into());
            self.second = SecretString::default();
            return None;
        }
        Some(self.first.clone())
    }
}

/// Appends to a secret without leaving a copy behind: the new buffer is
/// allocated at its final size, and the old one is wiped when dropped.
pub fn push_secret(s: &mut SecretString, extra: &str) {
    let mut n = String::with_capacity(s.len() + extra.len());
    n.push_str(s.expose());
    n.push_str(extra);
    *s = SecretString::new(n);
}

/// Removes the last character of a secret, wiping the old buffer.
pub fn pop_secret(s: &mut SecretString) {
    let mut n = String::with_capacity(s.len());
    n.push_str(s.expose());
    n.pop();
    *s = SecretString::new(n);
}

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// Blanks `area` for a box drawn over a screen. A wide (Chinese) character
/// just left of the box covers the box's first column, and a terminal
/// skips the cell a wide character covers, so the box's left border would
/// be missing on that row: such a character is blanked as well.
pub(crate) fn clear_popup(area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let Some(left) = area.x.checked_sub(1) else {
        return;
    };
    for y in area.top()..area.bottom() {
        if let Some(cell) = buf.cell_mut((left, y)) {
            if crate::textwidth::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}

/// A rectangle of at most `w` x `h` centred in `area`.
pub(crate) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Keeps `selected` inside a window of `height` rows starting at `offset`.
pub(crate) fn scroll(offset: usize, selected: usize, height: usize, len: usize) -> usize {
    if height == 0 {
        return 0;
    }
    let mut off = offset;
    if selected < off {
        off = selected;
    }
    if selected >= off + height {
        off = selected + 1 - height;
    }
    off.min(len.saturating_sub(height))
}

/// Rows `lines` take when wrapped to `width` (a close estimate: words
/// wrap a little earlier than characters).
pub(crate) fn wrapped_height(lines: &[Line], width: u16) -> u16 {
    let w = usize::from(width.max(1));
    lines
        .iter()
        .map(|l| {
            let n = l.width();
            if n == 0 {
                1
            } else {
                (n + n / 12).div_ceil(w)
            }
        })
        .sum::<usize>()
        .min(u16::MAX as usize) as u16
}

/// A bordered box just tall enough for `lines`, centred in `area`.
pub(crate) fn boxed_paragraph(
    area: Rect,
    buf: &mut Buffer,
    title: Line,
    lines: Vec<Line>,
    max_w: u16,
) {
    let w = max_w.min(area.width);
    let h = wrapped_height(&lines, w.saturating_sub(4)) + 2;
    let r = centered(area, w, h);
    Paragraph::new(breakable(lines))
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .title(title)
                .padding(Padding::horizontal(1)),
        )
        .render(r, buf);
}

pub(crate) fn spinner(ticks: u64) -> &'static str {
    SPINNER[(ticks % SPINNER.len() as u64) as usize]
}

pub(crate) fn masked(len: usize) -> String {
    "•".repeat(len.min(40))
}

pub(crate) fn field_line<'a>(
    label: impl Into<std::borrow::Cow<'a, str>>,
    value: String,
    focused: bool,
    theme: Theme,
) -> Line<'a> {
    let marker = if focused { "› " } else { "  " };
    let mut spans = vec![
        Span::styled(marker, theme.key()),
        Span::styled(label, if focused { theme.title() } else { theme.text() }),
        Span::raw(value),
    ];
    if focused {
        spans.push(Span::styled("▏", theme.key()));
    }
    Line::from(spans)
}

/// An item kind's badge in the interface's language (`SEED`, `助记词`),
/// padded to the display width of the language's widest badge so the names
/// after it line up: English badges take five cells, Chinese ones six.
pub(crate) fn kind_badge(kind: ItemKind) -> String {
    let widest = ItemKind::ALL
        .iter()
        .map(|k| crate::textwidth::width(&text::kind_badge(*k)))
        .max()
        .unwrap_or(0);
    crate::textwidth::fill(&text::kind_badge(kind), widest)
}

pub(crate) fn fmt_time(t: time::OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// Truncates from the left so the end of a path stays visible.
pub(crate) fn tail(s: &str, width: usize) -> String {
    crate::textwidth::truncate_left(s, width).into_owned()
}

pub(crate) fn meter_lines<'a>(m: &Meter, empty: bool, t: Theme) -> Vec<Line<'a>> {
    let filled = usize::from(m.score.min(4));
    let style = match m.score {
        0 | 1 => t.error(),
        2 => t.warn(),
        _ => t.ok(),
    };
    let mut v = vec![Line::from(vec![
        Span::raw(format!("  {}", text::STRENGTH)),
        Span::styled("█".repeat(filled * 3), style),
        Span::styled("░".repeat((4 - filled) * 3), t.dim()),
        Span::raw(format!(" {}/4", m.score)),
    ])];
    match &m.problem {
        _ if empty => v.push(Line::raw("")),
        Some(p) => v.push(Line::styled(format!("  {p}"), t.warn())),
        None => v.push(Line::styled(format!("  ✓ {}", text::POLICY_OK), t.ok())),
    }
    v
}

pub(crate) fn passphrase_lines<'a>(f: &NewPassphrase, t: Theme) -> Vec<Line<'a>> {
    let mut lines = vec![
        field_line(
            text::NEW_PASSPHRASE_LABEL,
            masked(f.first.expose().chars().count()),
            f.focus == 0,
            t,
        ),
        field_line(
            text::REPEAT_PASSPHRASE_LABEL,
            masked(f.second.expose().chars().count()),
            f.focus == 1,
            t,
        ),
        Line::raw(""),
    ];
    lines.extend(meter_lines(&f.meter, f.first.is_empty(), t));
    lines.push(Line::raw(""));
    lines.push(Line::styled(text::POLICY, t.dim()));
    if let Some(e) = &f.error {
        lines.push(Line::raw(""));
        lines.push(Line::styled(e.clone(), t.error()));
    }
    lines
}

/// Display width of a string in terminal columns.
pub(crate) fn width_of(s: &str) -> usize {
    Span::raw(s).width()
}

/// Display width of one character.
fn char_width(c: char) -> usize {
    let mut b = [0u8; 4];
    width_of(c.encode_utf8(&mut b))
}

/// Shortens `s` to at most `width` columns, ending with "…" when cut, so a
/// cut title never passes for a whole one.
pub(crate) fn ellipsize(s: &str, width: usize) -> String {
    if width_of(s) <= width {
        return s.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    // Cut on grapheme boundaries, never inside a wide character; the mark
    // is put back after the word-boundary trim below.
    let cut = crate::textwidth::truncate(s, width);
    let mut out = cut
        .strip_suffix(crate::textwidth::ELLIPSIS)
        .unwrap_or(&cut)
        .to_owned();
    // Prefer to end at a word boundary when one is close.
    if let Some(sp) = out.rfind(' ') {
        if width_of(&out[sp..]) <= 12 && sp > 0 {
            out.truncate(sp);
        }
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// Wraps `text` into rows of at most `width` columns: at spaces where it
/// can, and in Chinese between characters (as [`breakable`] does), inside
/// a word only when one is longer than a row. Explicit line breaks are
/// kept. The rows are exact (every character of `text`, in order, nothing
/// added), so the caller knows where the end of the text (the cursor) is.
pub(crate) fn wrap_rows(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut rows = Vec::new();
    for para in text.split('\n') {
        let mut row = String::new();
        let mut row_w = 0;
        // A break inside Chinese is marked with a private-use character
        // nobody types, split at and dropped again, so every typed
        // character (even a zero-width space) stays in the rows.
        let pieces: Vec<String> = match cjk_breaks_with(para, BREAK_MARK) {
            Some(marked) => marked
                .split_inclusive([' ', BREAK_MARK])
                .map(|w| w.replace(BREAK_MARK, ""))
                .collect(),
            None => para.split_inclusive(' ').map(str::to_owned).collect(),
        };
        for word in &pieces {
            let word = word.as_str();
            let ww = width_of(word);
            let ww_trim = width_of(word.trim_end_matches(' '));
            if row_w + ww_trim > width && row_w > 0 {
                rows.push(std::mem::take(&mut row));
                row_w = 0;
            }
            if ww_trim > width {
                for c in word.chars() {
                    let cw = char_width(c);
                    if row_w + cw > width {
                        rows.push(std::mem::take(&mut row));
                        row_w = 0;
                    }
                    row.push(c);
                    row_w += cw;
                }
            } else {
                row.push_str(word);
                row_w += ww;
            }
        }
        rows.push(row);
    }
    rows
}

/// Punctuation a Chinese line never starts with.
const CLOSING: &str = "，。、；：！？）」』”’》〉】…";
/// Punctuation a Chinese line never ends with.
const OPENING: &str = "（「『“‘《〈【";
/// Zero-width space: ratatui's wrapping breaks there, and draws nothing.
const ZWSP: char = '\u{200B}';

/// Marks a break inside Chinese for [`wrap_rows`] (a private-use code point).
const BREAK_MARK: char = '\u{E000}';

/// `s` with a break opportunity between characters where Chinese may wrap,
/// or `None` when it holds no wide character (English is left alone).
fn cjk_breaks(s: &str) -> Option<String> {
    cjk_breaks_with(s, ZWSP)
}

/// [`cjk_breaks`] with `mark` as the break.
fn cjk_breaks_with(s: &str, mark: char) -> Option<String> {
    if !s.chars().any(|c| char_width(c) > 1) {
        return None;
    }
    let mut out = String::with_capacity(s.len() + s.len() / 2);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if let Some(p) = prev {
            let wide = char_width(p) > 1 || char_width(c) > 1;
            if wide
                && !p.is_whitespace()
                && !c.is_whitespace()
                && p != ZWSP
                && c != ZWSP
                && p != mark
                && !CLOSING.contains(c)
                && !OPENING.contains(p)
            {
                out.push(mark);
            }
        }
        out.push(c);
        prev = Some(c);
    }
    Some(out)
}

/// Text ready for a wrapping paragraph in any language. ratatui wraps only
/// at spaces, and Chinese has none between words: a sentence after the
/// last space would be pushed whole onto the next row and cut there, or a
/// row would start with a comma. Between two characters where Chinese may
/// break (never before closing punctuation such as `，` or `）`, never
/// after opening punctuation) this puts a zero-width space, which ratatui
/// takes as a break and does not draw. Text without wide characters is
/// unchanged.
pub(crate) fn breakable<'a>(text: impl Into<ratatui::text::Text<'a>>) -> ratatui::text::Text<'a> {
    let mut text = text.into();
    for line in &mut text.lines {
        for span in &mut line.spans {
            if let Some(s) = cjk_breaks(&span.content) {
                span.content = s.into();
            }
        }
    }
    text
}
