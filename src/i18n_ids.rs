//! The rule that finds the message ids a Fluent catalogue text defines,
//! shared by `build.rs` (the compile-time index of which file holds which
//! message) and `src/i18n.rs`: every line that starts with an identifier
//! followed by `=` (attributes, comments and continuation lines start
//! otherwise).

/// The message ids `text` defines, in order.
pub fn defined_ids(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter_map(|line| {
        if !line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let (id, _) = line.split_once('=')?;
        let id = id.trim_end();
        id.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            .then_some(id)
    })
}
