//! Terminal display width: padding and truncating text by the cells it
//! takes, not by its `char`s.
//!
//! Chinese, Japanese and Korean characters (and most emoji) take two cells
//! in a terminal, so `format!("{:<20}")` (which counts `char`s) shifts every
//! column after a name such as 我的钱包. Both front ends pad and cut through
//! this module; cuts fall on grapheme boundaries (an accent stays with its
//! letter) and never split a wide character, and a cut is marked with `…`.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The mark that ends a truncated text (one cell wide).
pub const ELLIPSIS: &str = "…";

/// Cells `s` takes in a terminal.
pub fn width(s: &str) -> usize {
    // Printable ASCII (most names, accounts and tags) takes one cell a
    // byte; `list` measures every cell of 10,000 rows.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` cells, ending in `…` when anything was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    // Room for the ellipsis (one cell).
    let budget = max - 1;
    let mut used = 0;
    let mut end = 0;
    for (at, g) in s.grapheme_indices(true) {
        let w = width(g);
        if used + w > budget {
            break;
        }
        used += w;
        end = at + g.len();
    }
    Cow::Owned(format!("{}{ELLIPSIS}", &s[..end]))
}

/// `s` cut to `cells` (see [`truncate`]) and padded with spaces to exactly
/// `cells` cells, for a left-aligned column.
pub fn pad(s: &str, cells: usize) -> String {
    let cut = truncate(s, cells);
    let w = width(&cut);
    let mut out = String::with_capacity(cut.len() + cells.saturating_sub(w));
    out.push_str(&cut);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// `s` padded with spaces to at least `cells` cells and never cut: for
/// labels, whose words must all show even when a translation runs long.
pub fn fill(s: &str, cells: usize) -> String {
    let w = width(s);
    let mut out = String::with_capacity(s.len() + cells.saturating_sub(w));
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// `s` cut from the left to at most `max` cells, starting with `…` when
/// anything was cut: for paths, whose end matters most.
pub fn truncate_left(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let budget = max - 1;
    let mut used = 0;
    let mut start = s.len();
    for (at, g) in s.grapheme_indices(true).rev() {
        let w = width(g);
        if used + w > budget {
            break;
        }
        used += w;
        start = at;
    }
    Cow::Owned(format!("{ELLIPSIS}{}", &s[start..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_shortcut_agrees_with_unicode_width() {
        let printable: String = (0x20u8..0x7f).map(char::from).collect();
        assert_eq!(
            width(&printable),
            UnicodeWidthStr::width(printable.as_str())
        );
        assert_eq!(width(&printable), 95);
        // Anything else is measured by the tables: control characters,
        // accents, wide and zero-width characters.
        for s in [
            "a\tb",
            "a\u{7f}",
            "caf\u{e9}",
            "e\u{301}",
            "\u{4e2d}\u{6587}",
            "a\u{200b}b",
            "",
        ] {
            assert_eq!(width(s), UnicodeWidthStr::width(s), "{s:?}");
        }
    }

    #[test]
    fn wide_characters_count_two_cells() {
        assert_eq!(width("我的钱包"), 8);
        assert_eq!(width("abc"), 3);
        assert_eq!(width("交易所（主账户）紧急备用"), 24);
    }

    #[test]
    fn truncation_never_splits_a_wide_character() {
        // 5 cells: two ideographs (4) would leave no room for the mark, so
        // two fit only with the mark in the fifth cell.
        assert_eq!(truncate("我的钱包", 5), "我的…");
        assert_eq!(width(&truncate("我的钱包", 5)), 5);
        // 4 cells: one ideograph and the mark; the second would need 5.
        assert_eq!(truncate("我的钱包", 4), "我…");
        assert_eq!(width(&truncate("我的钱包", 4)), 3);
        assert_eq!(truncate("我的钱包", 8), "我的钱包");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn truncation_keeps_graphemes_whole() {
        // "e" + combining acute: one grapheme, one cell.
        let s = "e\u{301}e\u{301}e\u{301}e\u{301}";
        assert_eq!(truncate(s, 3), "e\u{301}e\u{301}…");
    }

    #[test]
    fn padding_fills_to_the_cell_count() {
        let a = pad("我的钱包", 12);
        let b = pad("Main wallet", 12);
        assert_eq!(width(&a), 12);
        assert_eq!(width(&b), 12);
        assert_eq!(a, "我的钱包    ");
        let cut = pad("交易所（主账户）紧急备用", 10);
        assert_eq!(width(&cut), 10);
        assert!(cut.starts_with("交易所（") && cut.trim_end().ends_with('…'));
    }

    #[test]
    fn fill_pads_by_cells_and_never_cuts() {
        assert_eq!(fill("助记词", 10), "助记词    ");
        assert_eq!(width(&fill("助记词", 10)), 10);
        assert_eq!(fill("Recovery codes", 4), "Recovery codes");
    }

    #[test]
    fn left_truncation_keeps_the_end() {
        assert_eq!(truncate_left("/home/user/vault.age", 10), "…vault.age");
        assert_eq!(truncate_left("/数据/保险库.age", 11), "…保险库.age");
        assert!(width(&truncate_left("/数据/保险库.age", 11)) <= 11);
    }
}
