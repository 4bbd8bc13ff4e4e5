//! Key and mouse bindings: [`map_key`] turns a key press into a
//! [`Message`] for the current [`Context`]. Pure: it only reads the app.
//!
//! In text fields printable keys are text, so commands there use Enter,
//! Esc, Tab, function keys and Ctrl combinations; elsewhere single letters
//! are commands.

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};

use super::app::{App, Context, Message};

/// The message for a key press in the app's current context, if any.
pub fn map_key(app: &App, key: KeyEvent) -> Option<Message> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if app.confirm_quit {
        return match key.code {
            KeyCode::Char('c') | KeyCode::Char('q') if ctrl => Some(Message::QuitNow),
            KeyCode::Char('y') | KeyCode::Char('Y') => Some(Message::QuitNow),
            _ => Some(Message::CancelQuit),
        };
    }
    if ctrl && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('q')) {
        return Some(Message::Quit);
    }
    if app.help {
        return Some(Message::CloseHelp);
    }
    let ctx = app.context();
    if key.code == KeyCode::F(1) {
        return Some(Message::Help);
    }
    match ctx {
        Context::Busy => None,
        Context::CreateKey => match key.code {
            KeyCode::Enter => Some(Message::Submit),
            _ => None,
        },
        Context::Unlock
        | Context::CreatePassphrase
        | Context::CreateConfirm
        | Context::RecoverMaterial
        | Context::RecoverPassphrase
        | Context::Search
        | Context::Form
        | Context::NoteEntry
        | Context::AccountEntry
        | Context::ToolsFolder
        | Context::ToolsSplit
        | Context::ToolsPassphrase
        | Context::Prove => text_key(ctx, key, ctrl),
        Context::ConfirmDelete | Context::ConfirmReset | Context::ConfirmPurge => match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') => Some(Message::Confirm(true)),
            KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => Some(Message::Confirm(false)),
            _ => None,
        },
        Context::Items
        | Context::Playbooks
        | Context::Detail
        | Context::DetailCodes
        | Context::DetailHotp
        | Context::Runner
        | Context::Tools
        | Context::ToolsPurge
        | Context::SyncCopies => command_key(ctx, key, ctrl),
    }
}

fn text_key(ctx: Context, key: KeyEvent, ctrl: bool) -> Option<Message> {
    if ctrl {
        return match key.code {
            KeyCode::Char('r') if ctx == Context::Unlock => Some(Message::Forgot),
            KeyCode::Char('r') if ctx == Context::Form => Some(Message::Reveal),
            KeyCode::Char('s') => Some(Message::Save),
            KeyCode::Char('u')
                if matches!(
                    ctx,
                    Context::Form
                        | Context::AccountEntry
                        | Context::ToolsFolder
                        | Context::ToolsSplit
                        | Context::ToolsPassphrase
                ) =>
            {
                Some(Message::ClearField)
            }
            _ => None,
        };
    }
    match key.code {
        KeyCode::Char(c) => Some(Message::Input(c.to_string())),
        KeyCode::Backspace => Some(Message::Backspace),
        KeyCode::Enter => Some(Message::Submit),
        KeyCode::Esc => Some(Message::Back),
        KeyCode::Tab => Some(Message::NextField),
        KeyCode::BackTab => Some(Message::PrevField),
        KeyCode::Up => Some(Message::Up),
        KeyCode::Down => Some(Message::Down),
        KeyCode::Left => Some(Message::Left),
        KeyCode::Right => Some(Message::Right),
        KeyCode::F(2) if ctx == Context::Unlock => Some(Message::Forgot),
        _ => None,
    }
}

fn command_key(ctx: Context, key: KeyEvent, ctrl: bool) -> Option<Message> {
    if ctrl {
        return match key.code {
            KeyCode::Char('d') => Some(Message::PageDown),
            KeyCode::Char('u') => Some(Message::PageUp),
            _ => None,
        };
    }
    let common = match key.code {
        KeyCode::Char('q') => Some(Message::Quit),
        KeyCode::Char('?') => Some(Message::Help),
        KeyCode::Char('L') => Some(Message::Lock),
        KeyCode::Char('P') => Some(Message::StartProve),
        KeyCode::Up | KeyCode::Char('k') => Some(Message::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(Message::Down),
        KeyCode::PageUp => Some(Message::PageUp),
        KeyCode::PageDown => Some(Message::PageDown),
        KeyCode::Home | KeyCode::Char('g') => Some(Message::Home),
        KeyCode::End | KeyCode::Char('G') => Some(Message::End),
        KeyCode::Esc | KeyCode::Backspace => Some(Message::Back),
        KeyCode::Enter => Some(Message::Open),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    match (ctx, key.code) {
        (Context::Items | Context::Playbooks | Context::Tools, KeyCode::Tab | KeyCode::BackTab) => {
            Some(Message::SwitchTab)
        }
        (Context::Items, KeyCode::Char('/')) => Some(Message::StartSearch),
        (Context::Items, KeyCode::Char('a')) => Some(Message::AddItem),
        (Context::ToolsPurge, KeyCode::Char('a')) => Some(Message::EraseAll),
        (Context::Items | Context::Tools, KeyCode::Char('m')) => Some(Message::ReviewCopies),
        (Context::Detail | Context::DetailCodes | Context::DetailHotp, KeyCode::Char('r')) => {
            Some(Message::Reveal)
        }
        (Context::Detail | Context::DetailCodes | Context::DetailHotp, KeyCode::Char('c')) => {
            Some(Message::Copy)
        }
        (Context::Detail | Context::DetailCodes | Context::DetailHotp, KeyCode::Char('e')) => {
            Some(Message::EditItem)
        }
        (Context::Detail | Context::DetailCodes | Context::DetailHotp, KeyCode::Char('d')) => {
            Some(Message::DeleteItem)
        }
        (Context::DetailCodes, KeyCode::Char('u') | KeyCode::Char(' ')) => Some(Message::MarkUsed),
        (Context::DetailHotp, KeyCode::Char('n')) => Some(Message::NextCode),
        (Context::Runner, KeyCode::Char(' ') | KeyCode::Char('x')) => Some(Message::Toggle),
        (Context::Runner, KeyCode::Char(c @ '1'..='9')) => {
            Some(Message::Answer(c as usize - '0' as usize))
        }
        (Context::Runner, KeyCode::Char('n')) => Some(Message::AddNote),
        (Context::Runner, KeyCode::Char('S')) => Some(Message::SkipStep),
        (Context::Runner, KeyCode::Char('w')) => Some(Message::WriteReport),
        (Context::Runner, KeyCode::Char('R')) => Some(Message::ResetRun),
        (Context::Runner, KeyCode::Char('A')) => Some(Message::PickAccount),
        (Context::Runner, KeyCode::Left | KeyCode::Char('h')) => Some(Message::Left),
        (Context::Runner, KeyCode::Right | KeyCode::Char('l')) => Some(Message::Right),
        _ => None,
    }
}

/// The message for a mouse event: the wheel scrolls.
pub fn map_mouse(app: &App, ev: MouseEvent) -> Option<Message> {
    if app.help {
        return None;
    }
    match ev.kind {
        MouseEventKind::ScrollUp => Some(Message::Up),
        MouseEventKind::ScrollDown => Some(Message::Down),
        _ => None,
    }
}
