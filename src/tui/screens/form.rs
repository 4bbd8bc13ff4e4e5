//! Adding or editing an item: the fields per kind, validation through the
//! same parsers as the command line. State, pure update and view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use crate::item::{Item, ItemKind, Secret, SeedScheme};
use crate::secret::SecretString;
use crate::tui::app::*;
use crate::tui::common::*;
use crate::tui::text;

/// A field of the item form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    /// The kind (new items only).
    Kind,
    /// Name.
    Name,
    /// Account.
    Account,
    /// Tags, comma-separated.
    Tags,
    /// Seed scheme.
    Scheme,
    /// Username (passwords).
    Username,
    /// URL (passwords).
    Url,
    /// The secret.
    Secret,
    /// Optional BIP39 passphrase of a seed (the "25th word"); masked.
    Passphrase,
    /// Support contact.
    Support,
    /// Notes.
    Notes,
}

/// Adding or editing an item.
#[derive(Debug)]
pub struct FormState {
    /// The item being edited, or `None` for a new one.
    pub editing: Option<String>,
    /// Kind.
    pub kind: ItemKind,
    /// Seed scheme.
    pub scheme: SeedScheme,
    /// Name.
    pub name: String,
    /// Account.
    pub account: String,
    /// Tags, comma-separated.
    pub tags: String,
    /// Support.
    pub support: String,
    /// Notes.
    pub notes: String,
    /// Username.
    pub username: String,
    /// URL.
    pub url: String,
    /// The secret as typed.
    pub secret: SecretString,
    /// A seed's optional BIP39 passphrase, verbatim (empty: none). When
    /// editing it starts as the stored one, so clearing it removes it.
    pub passphrase: SecretString,
    /// The focused field.
    pub focus: FormField,
    /// The secret and passphrase fields show what was typed (Ctrl+R).
    pub reveal: bool,
    /// A word of the secret chosen with ←/→ for editing in place: typing
    /// and Backspace change that word only. `None`: typing appends.
    pub word: Option<usize>,
    /// Why saving was refused.
    pub error: Option<String>,
}

impl FormState {
    /// Something was typed that quitting would lose. An item being edited
    /// counts as typed: its fields start filled and may have been changed.
    pub fn has_input(&self) -> bool {
        self.editing.is_some()
            || [
                &self.name,
                &self.account,
                &self.tags,
                &self.support,
                &self.notes,
                &self.username,
                &self.url,
            ]
            .iter()
            .any(|f| !f.trim().is_empty())
            || !self.secret.is_empty()
            || !self.passphrase.is_empty()
    }

    /// An empty form for a new item.
    pub fn new_item() -> FormState {
        FormState {
            editing: None,
            kind: ItemKind::Seed,
            scheme: SeedScheme::Bip39,
            name: String::new(),
            account: String::new(),
            tags: String::new(),
            support: String::new(),
            notes: String::new(),
            username: String::new(),
            url: String::new(),
            secret: SecretString::default(),
            passphrase: SecretString::default(),
            focus: FormField::Kind,
            error: None,
            reveal: false,
            word: None,
        }
    }

    /// A form filled from an item; the secret field starts empty (keep).
    pub fn edit(item: &Item) -> FormState {
        let mut f = FormState::new_item();
        f.editing = Some(item.id.clone());
        f.kind = item.kind();
        f.name = item.name.clone();
        f.account = item.account.clone().unwrap_or_default();
        f.tags = item.tags.join(", ");
        f.support = item.support.clone().unwrap_or_default();
        f.notes = item.notes.clone().unwrap_or_default();
        match &item.secret {
            Secret::Seed {
                scheme, passphrase, ..
            } => {
                f.scheme = *scheme;
                f.passphrase = passphrase.clone().unwrap_or_default();
            }
            Secret::Password { username, url, .. } => {
                f.username = username.clone().unwrap_or_default();
                f.url = url.clone().unwrap_or_default();
            }
            _ => {}
        }
        f.focus = FormField::Name;
        f
    }

    /// The fields shown for the current kind, in order.
    pub fn fields(&self) -> Vec<FormField> {
        let mut v = Vec::new();
        if self.editing.is_none() {
            v.push(FormField::Kind);
        }
        v.extend([FormField::Name, FormField::Account, FormField::Tags]);
        match self.kind {
            ItemKind::Seed => v.push(FormField::Scheme),
            ItemKind::Password => v.extend([FormField::Username, FormField::Url]),
            _ => {}
        }
        v.push(FormField::Secret);
        if self.kind == ItemKind::Seed {
            v.push(FormField::Passphrase);
        }
        v.extend([FormField::Support, FormField::Notes]);
        v
    }

    pub(crate) fn move_focus(&mut self, delta: isize) {
        let f = self.fields();
        let i = f.iter().position(|x| *x == self.focus).unwrap_or(0) as isize;
        let n = f.len() as isize;
        self.focus = f[((i + delta).rem_euclid(n)) as usize];
    }

    pub(crate) fn is_last(&self) -> bool {
        self.fields().last() == Some(&self.focus)
    }

    pub(crate) fn text_field(&mut self) -> Option<&mut String> {
        Some(match self.focus {
            FormField::Name => &mut self.name,
            FormField::Account => &mut self.account,
            FormField::Tags => &mut self.tags,
            FormField::Support => &mut self.support,
            FormField::Notes => &mut self.notes,
            FormField::Username => &mut self.username,
            FormField::Url => &mut self.url,
            FormField::Kind | FormField::Scheme | FormField::Secret | FormField::Passphrase => {
                return None
            }
        })
    }

    /// The focused masked field, if the focus is on one.
    pub(crate) fn secret_field(&mut self) -> Option<&mut SecretString> {
        match self.focus {
            FormField::Secret => Some(&mut self.secret),
            FormField::Passphrase => Some(&mut self.passphrase),
            _ => None,
        }
    }

    /// The passphrase to store: only for seeds, verbatim, `None` if empty.
    pub(crate) fn seed_passphrase(&self) -> Option<SecretString> {
        (self.kind == ItemKind::Seed && !self.passphrase.is_empty())
            .then(|| self.passphrase.clone())
    }

    pub(crate) fn cycle(&mut self, delta: isize) {
        match self.focus {
            FormField::Kind => {
                let all = ItemKind::ALL;
                let i = all.iter().position(|k| *k == self.kind).unwrap_or(0) as isize;
                self.kind = all[((i + delta).rem_euclid(all.len() as isize)) as usize];
            }
            FormField::Scheme => {
                let all = [
                    SeedScheme::Bip39,
                    SeedScheme::Slip39,
                    SeedScheme::Electrum,
                    SeedScheme::Monero,
                    SeedScheme::Other,
                ];
                let i = all.iter().position(|k| *k == self.scheme).unwrap_or(0) as isize;
                self.scheme = all[((i + delta).rem_euclid(all.len() as isize)) as usize];
            }
            _ => {}
        }
    }
}

pub(crate) fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Builds the secret from the form with the core's validation.
pub(crate) fn form_secret(f: &FormState) -> Result<Secret, String> {
    use crate::item::input::{parse_secret, SecretInput, SecretInputError};
    let opts = SecretInput {
        scheme: Some(f.scheme),
        username: non_empty(&f.username),
        url: non_empty(&f.url),
        ..SecretInput::default()
    };
    parse_secret(f.kind, &f.secret, &opts).map_err(|e| match e {
        // The form has a scheme field where the command line has flags.
        e if e.seed_check() => text::refused_seed(&e.to_string()),
        SecretInputError::Key(_) => text::refused_key(&e.to_string()),
        e => e.to_string(),
    })
}

/// Validates the form into an item: a new one, or `existing` changed.
pub fn form_to_item(
    f: &FormState,
    existing: Option<&Item>,
    others: &[Item],
) -> Result<Item, String> {
    let name = f.name.trim().to_owned();
    crate::item::validate_name(&name).map_err(|e| e.to_string())?;
    let lower = name.to_lowercase();
    if others
        .iter()
        .any(|i| i.name.to_lowercase() == lower && Some(&i.id) != existing.map(|e| &e.id))
    {
        return Err(text::name_taken(&name));
    }
    let mut secret = match existing {
        Some(old) if f.secret.is_empty() => {
            let mut s = old.secret.clone();
            if let Secret::Password { username, url, .. } = &mut s {
                *username = non_empty(&f.username);
                *url = non_empty(&f.url);
            }
            s
        }
        _ => {
            if f.secret.expose().trim().is_empty() {
                return Err(text::SECRET_REQUIRED.into());
            }
            form_secret(f)?
        }
    };
    if let Secret::Seed { passphrase, .. } = &mut secret {
        *passphrase = f.seed_passphrase();
    }
    let mut item = match existing {
        Some(old) => {
            let mut i = old.clone();
            i.secret = secret;
            i
        }
        None => Item::new(name.clone(), secret),
    };
    item.name = name;
    item.account = non_empty(&f.account);
    item.tags = crate::item::split_tags(&f.tags);
    item.support = non_empty(&f.support);
    item.notes = non_empty(&f.notes);
    item.validate_common().map_err(|e| e.to_string())?;
    Ok(item)
}

pub(crate) fn update(app: &mut App, msg: Message) -> Vec<Effect> {
    let now = app.now;
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    let Some(Page::Form(f)) = s.pages.last_mut() else {
        return Vec::new();
    };
    // A chosen word of the secret takes typing and Backspace.
    if let (Some(w), FormField::Secret) = (f.word, f.focus) {
        match &msg {
            Message::Input(t) if !t.chars().any(char::is_whitespace) => {
                edit_word(&mut f.secret, w, |word| word.push_str(t));
                f.error = None;
                return Vec::new();
            }
            Message::Backspace => {
                edit_word(&mut f.secret, w, |word| {
                    word.pop();
                });
                return Vec::new();
            }
            _ => {}
        }
    }
    let save = match msg {
        Message::Reveal => {
            f.reveal = !f.reveal;
            false
        }
        Message::Left | Message::Right if f.focus == FormField::Secret => {
            // Choose a word to fix in place; past the last: append again.
            let n = f.secret.expose().split_whitespace().count();
            f.word = match (f.word, matches!(msg, Message::Left)) {
                (None, true) => n.checked_sub(1),
                (None, false) => None,
                (Some(w), true) => Some(w.saturating_sub(1)),
                (Some(w), false) => (w + 1 < n).then_some(w + 1),
            };
            false
        }
        Message::Input(t) => {
            if let Some(secret) = f.secret_field() {
                push_secret(secret, &t);
            } else if let Some(field) = f.text_field() {
                field.push_str(&t);
            }
            f.error = None;
            false
        }
        Message::Paste(t) => {
            if let Some(secret) = f.secret_field() {
                push_secret(secret, t.expose().trim_end_matches(['\r', '\n']));
            } else if let Some(field) = f.text_field() {
                field.push_str(t.expose().lines().next().unwrap_or(""));
            }
            false
        }
        Message::Backspace => {
            if let Some(secret) = f.secret_field() {
                pop_secret(secret);
            } else if let Some(field) = f.text_field() {
                field.pop();
            }
            false
        }
        Message::ClearField => {
            // The secret is masked, so retyping it whole is the way to fix
            // a phrase the checksum refused.
            if let Some(secret) = f.secret_field() {
                *secret = SecretString::default();
            } else if let Some(field) = f.text_field() {
                field.clear();
            }
            f.error = None;
            false
        }
        Message::NextField | Message::Down => {
            f.move_focus(1);
            false
        }
        Message::PrevField | Message::Up => {
            f.move_focus(-1);
            false
        }
        Message::Left => {
            f.cycle(-1);
            false
        }
        Message::Right => {
            f.cycle(1);
            false
        }
        Message::Submit => {
            if f.is_last() {
                true
            } else {
                f.move_focus(1);
                false
            }
        }
        Message::Save => true,
        Message::Back => {
            s.pages.pop();
            false
        }
        _ => false,
    };
    if !save {
        return Vec::new();
    }
    let Some(Page::Form(f)) = s.pages.last() else {
        return Vec::new();
    };
    let items = &s.vault.payload().items;
    let existing = f
        .editing
        .as_deref()
        .and_then(|id| items.iter().find(|i| i.id == id));
    let result = form_to_item(f, existing, items);
    let editing = f.editing.clone();
    let key_as_text = f.kind == ItemKind::Key
        && !f.secret.is_empty()
        && crate::item::keys::recognise(f.secret.expose().trim())
            .is_ok_and(|k| k == crate::item::keys::KeyFormat::Text);
    let mut item = match result {
        Ok(i) => i,
        Err(e) => {
            if let Some(Page::Form(f)) = s.pages.last_mut() {
                // A word named in the refusal is chosen, ready to fix.
                if f.kind == ItemKind::Seed {
                    f.word = word_named_in(&e).map(|n| n - 1);
                    f.focus = FormField::Secret;
                }
                f.error = Some(e);
            }
            return Vec::new();
        }
    };
    let name = item.name.clone();
    let status = match &editing {
        Some(id) => {
            let Some(idx) = s.item_index(id) else {
                return Vec::new();
            };
            item.updated = now;
            s.vault.payload_mut().items[idx] = item;
            s.vault.audit("edit", Some(&name));
            text::changed(&name)
        }
        None => {
            if let Err(e) = s.vault.add_item(item) {
                if let Some(Page::Form(f)) = s.pages.last_mut() {
                    f.error = Some(e.to_string());
                }
                return Vec::new();
            }
            text::added(&name)
        }
    };
    s.pages.pop();
    let items = &s.vault.payload().items;
    s.items.reindex(items);
    if let Some(i) = items.iter().position(|i| i.name == name) {
        s.items.select_item(i);
    }
    if key_as_text {
        app.info(text::sentences(&status, &text::KEY_AS_TEXT.text()));
    } else {
        app.info(status);
    }
    vec![Effect::Save]
}

pub(crate) struct FormView<'a> {
    pub(crate) app: &'a App,
    pub(crate) st: &'a FormState,
}

impl Widget for FormView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.app.theme;
        let f = self.st;
        let title = match &f.editing {
            Some(_) => text::form_edit(&f.name),
            None => text::FORM_ADD.text(),
        };
        let mut lines = Vec::new();
        for field in f.fields() {
            let focused = f.focus == field;
            let (label, value) = match field {
                FormField::Kind => (
                    text::L_KIND.text(),
                    format!("‹ {} ›  {}", text::kind_name(f.kind), text::CYCLE_HINT),
                ),
                FormField::Scheme => (
                    text::L_SCHEME.text(),
                    format!("‹ {} ›  {}", f.scheme.as_str(), text::CYCLE_HINT),
                ),
                FormField::Name => (text::L_NAME.text(), f.name.clone()),
                FormField::Account => (text::L_ACCOUNT.text(), f.account.clone()),
                FormField::Tags => (
                    text::L_TAGS.text(),
                    format!("{}  {}", f.tags, text::TAGS_HINT),
                ),
                FormField::Support => (text::L_SUPPORT.text(), f.support.clone()),
                FormField::Notes => (text::L_NOTES.text(), f.notes.clone()),
                FormField::Username => (text::L_USERNAME.text(), f.username.clone()),
                FormField::Url => (text::L_URL.text(), f.url.clone()),
                FormField::Secret if f.word.is_some() || (f.reveal && f.kind == ItemKind::Seed) => {
                    (text::secret_label(f.kind), String::new())
                }
                FormField::Secret if f.reveal => {
                    (text::secret_label(f.kind), f.secret.expose().to_owned())
                }
                FormField::Passphrase if f.reveal => (
                    text::L_SEED_PASSPHRASE.text(),
                    f.passphrase.expose().to_owned(),
                ),
                FormField::Secret => {
                    let n = f.secret.expose().chars().count();
                    let hint = if f.editing.is_some() && n == 0 {
                        text::KEEP_SECRET.text()
                    } else if matches!(f.kind, ItemKind::Seed | ItemKind::Codes) && n > 0 {
                        // A seed counts as lifeboat will read it: a Chinese
                        // phrase typed without spaces is one word a character.
                        let words = if f.kind == ItemKind::Seed {
                            let clean = crate::item::seed::normalize_words(f.secret.expose());
                            let count = clean.expose().split(' ').filter(|w| !w.is_empty()).count();
                            count
                        } else {
                            f.secret.expose().split_whitespace().count()
                        };
                        format!("{} {}", masked(n.min(24)), text::words_typed(words))
                    } else {
                        masked(n)
                    };
                    (text::secret_label(f.kind), hint)
                }
                FormField::Passphrase => {
                    let n = f.passphrase.expose().chars().count();
                    let hint = if n == 0 {
                        text::SEED_PASSPHRASE_HINT.text()
                    } else {
                        masked(n)
                    };
                    (text::L_SEED_PASSPHRASE.text(), hint)
                }
            };
            let label = crate::textwidth::fill(&label, 24);
            let marker = if focused { "› " } else { "  " };
            let mut spans = vec![
                Span::styled(marker, t.key()),
                Span::styled(label, if focused { t.title() } else { t.dim() }),
                Span::raw(value),
            ];
            if focused && !matches!(field, FormField::Kind | FormField::Scheme) {
                spans.push(Span::styled("▏", t.key()));
            }
            lines.push(Line::from(spans));
            if field == FormField::Secret
                && (f.word.is_some() || (f.reveal && f.kind == ItemKind::Seed))
            {
                lines.push(seed_words_line(f, t));
            }
        }
        if f.word.is_some() {
            lines.push(Line::styled(text::WORD_EDIT_HINT, t.dim()));
        }
        if let Some(e) = &f.error {
            lines.push(Line::raw(""));
            lines.push(Line::styled(e.clone(), t.error()));
        }
        Paragraph::new(breakable(lines))
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .title(Line::styled(title, t.title()))
                    .padding(Padding::new(1, 1, 1, 0)),
            )
            .render(area, buf);
    }
}

/// Changes word `at` of a secret with `f`, wiping the old buffer; the words
/// are joined again with single spaces.
fn edit_word(secret: &mut SecretString, at: usize, f: impl FnOnce(&mut String)) {
    let mut words: Vec<String> = secret
        .expose()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    if let Some(w) = words.get_mut(at) {
        f(w);
    }
    let joined = words.join(" ");
    // The copies in `words` are wiped as they drop.
    for w in &mut words {
        zeroize::Zeroize::zeroize(w);
    }
    *secret = SecretString::new(joined);
}

/// The 1-based word position a refusal names ("word 7 ...", or in Chinese
/// "第 7 个词"), if any.
fn word_named_in(e: &str) -> Option<usize> {
    let number_after = |at: usize| -> Option<usize> {
        let digits: String = e[at..]
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok().filter(|n| *n > 0)
    };
    if let Some(at) = e.find("word ") {
        return number_after(at + "word ".len());
    }
    let at = e.find('第')?;
    let n = number_after(at + '第'.len_utf8())?;
    e[at..].contains("个词").then_some(n)
}

/// The seed's words, numbered, the chosen one marked; masked unless the
/// form is revealed.
fn seed_words_line<'a>(f: &FormState, t: crate::tui::theme::Theme) -> Line<'a> {
    let mut spans = vec![Span::raw("    ")];
    for (i, w) in f.secret.expose().split_whitespace().enumerate() {
        let shown = if f.reveal {
            w.to_owned()
        } else {
            masked(w.chars().count())
        };
        let chosen = f.word == Some(i);
        spans.push(Span::styled(format!("{}:", i + 1), t.dim()));
        spans.push(Span::styled(
            shown,
            if chosen {
                t.selected()
                    .add_modifier(ratatui::style::Modifier::REVERSED)
            } else {
                t.text()
            },
        ));
        if chosen {
            spans.push(Span::styled("▏", t.key()));
        }
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::word_named_in;

    #[test]
    fn the_word_a_refusal_names_is_found_in_either_language() {
        let en = "word 5 \"abandn\" is not in the BIP39 word list";
        assert_eq!(word_named_in(en), Some(5));
        assert_eq!(
            word_named_in("第 12 个词“abandn”不在 BIP39 词表中"),
            Some(12)
        );
        assert_eq!(word_named_in("第 2 行：校验和不符"), None);
        assert_eq!(word_named_in("the checksum does not match"), None);
        assert_eq!(word_named_in("word 0 is nothing"), None);
    }
}
