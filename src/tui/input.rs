//! Terminal input, read and decoded here rather than by crossterm.
//!
//! This module owns everything between the terminal's file descriptor and
//! a key press: reading bytes, decoding key, paste and mouse sequences into
//! [`Input`]s, noticing that the terminal is gone, and waking up for the
//! signals that end the program or resize the screen.
//!
//! Why not crossterm's event reader: it keeps the last kilobyte read from
//! the terminal in a buffer that lives as long as the process, and a paste
//! in a second buffer that grows and is freed without being wiped, so a
//! pasted passphrase stayed in memory after the vault was locked. It also
//! spins when the terminal reaches end of file. Here every byte read lands
//! in one fixed buffer that is zeroed as soon as it is decoded, a paste is
//! gathered in a zeroizing buffer that becomes the [`SecretString`] without
//! a copy, and end of file or `EIO` becomes [`Input::Closed`].
//!
//! The decoder ([`Decoder`]) is pure and tested on byte strings; it
//! understands what xterm-compatible terminals (tmux, VTE, kitty, Windows
//! Terminal over ssh) send for the keys the TUI uses, bracketed paste and
//! SGR mouse reports, and skips any other sequence whole.

use std::collections::VecDeque;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use zeroize::{Zeroize, Zeroizing};

use crate::secret::SecretString;

/// Bytes read from the terminal in one go; also the most a pending
/// (incomplete) escape sequence may hold.
const READ_BUF: usize = 4096;
/// The longest paste kept; the rest is dropped (and wiped).
const MAX_PASTE: usize = 1 << 20;
/// The longest escape sequence decoded; longer ones are skipped.
const MAX_SEQUENCE: usize = 64;
const PASTE_END: &[u8] = b"\x1b[201~";

/// One thing that happened at the terminal.
#[derive(Debug)]
pub enum Input {
    /// A key press.
    Key(KeyEvent),
    /// Pasted text (bracketed paste); may be a secret.
    Paste(SecretString),
    /// A mouse report.
    Mouse(MouseEvent),
    /// The terminal changed size.
    Resize,
    /// The terminal is gone: end of file, `EIO` or hang-up.
    Closed,
    /// SIGTERM, SIGHUP or SIGINT arrived (its number).
    Signal(i32),
}

/// What decoding the start of a byte string gave.
#[derive(Debug, PartialEq, Eq)]
enum Step {
    /// An input and how many bytes it used.
    Event(Decoded, usize),
    /// Bytes that mean nothing to the TUI, to drop.
    Skip(usize),
    /// The start of a sequence; wait for more bytes.
    Incomplete,
}

/// A decoded sequence before pastes are gathered.
#[derive(Debug, PartialEq, Eq)]
enum Decoded {
    Key(KeyEvent),
    Mouse(MouseEvent),
    PasteStart,
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Decoded {
    Decoded::Key(KeyEvent::new(code, modifiers))
}

/// xterm's modifier parameter (1 + bits: 1 shift, 2 alt, 4 ctrl).
fn modifiers(param: Option<u16>) -> KeyModifiers {
    let bits = param.unwrap_or(1).saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

/// Decodes one UTF-8 character (a printable key).
fn decode_char(buf: &[u8]) -> Step {
    let len = match buf[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Skip(1),
    };
    if buf.len() < len {
        return Step::Incomplete;
    }
    match std::str::from_utf8(&buf[..len])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => {
            let m = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            Step::Event(key(KeyCode::Char(c), m), len)
        }
        None => Step::Skip(1),
    }
}

/// The numeric parameters of a CSI sequence (`1;5` -> [1, 5]).
fn params(bytes: &[u8]) -> Vec<Option<u16>> {
    bytes
        .split(|b| *b == b';')
        .map(|p| std::str::from_utf8(p).ok().and_then(|s| s.parse().ok()))
        .collect()
}

fn decode_sgr_mouse(body: &[u8], release: bool) -> Option<Decoded> {
    let p = params(body);
    let (cb, cx, cy) = (
        p.first()?.as_ref()?,
        p.get(1)?.as_ref()?,
        p.get(2)?.as_ref()?,
    );
    let mut m = KeyModifiers::NONE;
    if cb & 4 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if cb & 8 != 0 {
        m |= KeyModifiers::ALT;
    }
    if cb & 16 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    let button = match cb & 3 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = if cb & 64 != 0 {
        match cb & 3 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if cb & 32 != 0 {
        if cb & 3 == 3 {
            MouseEventKind::Moved
        } else {
            MouseEventKind::Drag(button)
        }
    } else if release {
        MouseEventKind::Up(button)
    } else {
        MouseEventKind::Down(button)
    };
    Some(Decoded::Mouse(MouseEvent {
        kind,
        column: cx.saturating_sub(1),
        row: cy.saturating_sub(1),
        modifiers: m,
    }))
}

/// Decodes `ESC [ ...`.
fn decode_csi(buf: &[u8]) -> Step {
    // Old X10 mouse reports: ESC [ M and three bytes.
    if buf.get(2) == Some(&b'M') {
        if buf.len() < 6 {
            return Step::Incomplete;
        }
        let cb = buf[3].wrapping_sub(32);
        let kind = match cb & 0b0100_0011 {
            0b0100_0000 => MouseEventKind::ScrollUp,
            0b0100_0001 => MouseEventKind::ScrollDown,
            _ => return Step::Skip(6),
        };
        return Step::Event(
            Decoded::Mouse(MouseEvent {
                kind,
                column: u16::from(buf[4].wrapping_sub(33)),
                row: u16::from(buf[5].wrapping_sub(33)),
                modifiers: KeyModifiers::NONE,
            }),
            6,
        );
    }
    let Some(end) = buf[2..].iter().position(|b| (0x40..=0x7e).contains(b)) else {
        return if buf.len() > MAX_SEQUENCE {
            Step::Skip(buf.len())
        } else {
            Step::Incomplete
        };
    };
    let end = end + 2;
    let body = &buf[2..end];
    let used = end + 1;
    let event = match (buf[end], body.first()) {
        (b'M' | b'm', Some(b'<')) => decode_sgr_mouse(&body[1..], buf[end] == b'm'),
        (final_byte, _) if body.iter().all(|b| b.is_ascii_digit() || *b == b';') => {
            let p = params(body);
            let first = p.first().copied().flatten();
            let mods = modifiers(p.get(1).copied().flatten());
            match final_byte {
                b'A' => Some(key(KeyCode::Up, mods)),
                b'B' => Some(key(KeyCode::Down, mods)),
                b'C' => Some(key(KeyCode::Right, mods)),
                b'D' => Some(key(KeyCode::Left, mods)),
                b'H' => Some(key(KeyCode::Home, mods)),
                b'F' => Some(key(KeyCode::End, mods)),
                b'Z' => Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
                b'P' => Some(key(KeyCode::F(1), mods)),
                b'Q' => Some(key(KeyCode::F(2), mods)),
                b'R' => Some(key(KeyCode::F(3), mods)),
                b'S' => Some(key(KeyCode::F(4), mods)),
                b'~' => match first {
                    Some(1 | 7) => Some(key(KeyCode::Home, mods)),
                    Some(2) => Some(key(KeyCode::Insert, mods)),
                    Some(3) => Some(key(KeyCode::Delete, mods)),
                    Some(4 | 8) => Some(key(KeyCode::End, mods)),
                    Some(5) => Some(key(KeyCode::PageUp, mods)),
                    Some(6) => Some(key(KeyCode::PageDown, mods)),
                    Some(n @ 11..=15) => Some(key(KeyCode::F((n - 10) as u8), mods)),
                    Some(n @ 17..=21) => Some(key(KeyCode::F((n - 11) as u8), mods)),
                    Some(n @ 23..=24) => Some(key(KeyCode::F((n - 12) as u8), mods)),
                    Some(200) => Some(Decoded::PasteStart),
                    _ => None,
                },
                _ => None,
            }
        }
        _ => None,
    };
    match event {
        Some(e) => Step::Event(e, used),
        None => Step::Skip(used),
    }
}

/// Decodes one input from the start of `buf`. `more` says whether more
/// bytes may follow at once (the read filled its buffer): a lone ESC at
/// the end of a read is the Esc key, otherwise wait.
fn decode(buf: &[u8], more: bool) -> Step {
    const ESC: u8 = 0x1b;
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    match buf[0] {
        ESC => match buf.get(1) {
            None if more => Step::Incomplete,
            None => Step::Event(key(KeyCode::Esc, none), 1),
            Some(b'[') => decode_csi(buf),
            Some(b'O') => match buf.get(2) {
                None if more => Step::Incomplete,
                None => Step::Event(key(KeyCode::Char('O'), KeyModifiers::ALT), 2),
                Some(c) => {
                    let code = match c {
                        b'A' => Some(KeyCode::Up),
                        b'B' => Some(KeyCode::Down),
                        b'C' => Some(KeyCode::Right),
                        b'D' => Some(KeyCode::Left),
                        b'H' => Some(KeyCode::Home),
                        b'F' => Some(KeyCode::End),
                        b'P' => Some(KeyCode::F(1)),
                        b'Q' => Some(KeyCode::F(2)),
                        b'R' => Some(KeyCode::F(3)),
                        b'S' => Some(KeyCode::F(4)),
                        _ => None,
                    };
                    match code {
                        Some(code) => Step::Event(key(code, none), 3),
                        None => Step::Skip(3),
                    }
                }
            },
            Some(&ESC) => Step::Event(key(KeyCode::Esc, none), 1),
            Some(_) => match decode(&buf[1..], more) {
                Step::Event(Decoded::Key(k), n) => {
                    Step::Event(key(k.code, k.modifiers | KeyModifiers::ALT), n + 1)
                }
                Step::Event(_, n) | Step::Skip(n) => Step::Skip(n + 1),
                Step::Incomplete => Step::Incomplete,
            },
        },
        b'\r' | b'\n' => Step::Event(key(KeyCode::Enter, none), 1),
        b'\t' => Step::Event(key(KeyCode::Tab, none), 1),
        0x7f => Step::Event(key(KeyCode::Backspace, none), 1),
        0x00 => Step::Event(key(KeyCode::Char(' '), ctrl), 1),
        c @ 0x01..=0x1a => Step::Event(key(KeyCode::Char((c - 1 + b'a') as char), ctrl), 1),
        c @ 0x1c..=0x1f => Step::Event(key(KeyCode::Char((c - 0x1c + b'4') as char), ctrl), 1),
        _ => decode_char(buf),
    }
}

/// Appends to a zeroizing buffer without leaving a copy behind when it
/// grows: the bigger buffer is allocated first, the old one wiped on drop.
fn push_wiping(v: &mut Zeroizing<Vec<u8>>, bytes: &[u8]) {
    if v.len() + bytes.len() > v.capacity() {
        let cap = (v.len() + bytes.len()).max(v.capacity() * 2).max(256);
        let mut bigger = Vec::with_capacity(cap);
        bigger.extend_from_slice(v);
        *v = Zeroizing::new(bigger);
    }
    v.extend_from_slice(bytes);
}

/// Turns bytes into [`Input`]s. Every byte it holds is wiped once decoded.
pub struct Decoder {
    /// Bytes not yet decoded (an incomplete sequence) in
    /// `pending[..filled]`; the rest is zero. Fixed size: it never
    /// reallocates, so it never leaves a copy behind.
    pending: Zeroizing<Vec<u8>>,
    filled: usize,
    /// A bracketed paste being gathered.
    paste: Option<Zeroizing<Vec<u8>>>,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder {
            pending: Zeroizing::new(vec![0; READ_BUF + MAX_SEQUENCE]),
            filled: 0,
            paste: None,
        }
    }
}

impl Decoder {
    /// Decodes `bytes` (one read; `full` when it filled the read buffer)
    /// into `out`, then wipes `bytes`.
    pub fn feed(&mut self, bytes: &mut [u8], full: bool, out: &mut VecDeque<Input>) {
        let mut start = 0;
        while start < bytes.len() {
            if self.filled == self.pending.len() {
                // Only a runaway sequence fills it: drop it.
                self.consume(self.filled);
            }
            let take = (self.pending.len() - self.filled).min(bytes.len() - start);
            self.pending[self.filled..self.filled + take]
                .copy_from_slice(&bytes[start..start + take]);
            self.filled += take;
            start += take;
            self.decode_pending(full || start < bytes.len(), out);
        }
        bytes.zeroize();
    }

    /// Drops the first `n` pending bytes and wipes what they leave behind.
    fn consume(&mut self, n: usize) {
        let len = self.filled;
        self.pending.copy_within(n..len, 0);
        self.pending[len - n..len].zeroize();
        self.filled = len - n;
    }

    fn decode_pending(&mut self, more: bool, out: &mut VecDeque<Input>) {
        loop {
            if self.filled == 0 {
                return;
            }
            let pending = &self.pending[..self.filled];
            if let Some(paste) = self.paste.as_mut() {
                match pending
                    .windows(PASTE_END.len())
                    .position(|w| w == PASTE_END)
                {
                    Some(i) => {
                        if paste.len() + i <= MAX_PASTE {
                            push_wiping(paste, &pending[..i]);
                        }
                        self.consume(i + PASTE_END.len());
                        let mut bytes = self.paste.take().unwrap_or_default();
                        out.push_back(Input::Paste(paste_text(&mut bytes)));
                    }
                    None => {
                        // Keep what could be the start of the end marker.
                        let keep = pending.len().min(PASTE_END.len() - 1);
                        let n = pending.len() - keep;
                        if paste.len() + n <= MAX_PASTE {
                            push_wiping(paste, &pending[..n]);
                        }
                        self.consume(n);
                        return;
                    }
                }
                continue;
            }
            match decode(pending, more) {
                Step::Incomplete => return,
                Step::Skip(n) => self.consume(n),
                Step::Event(d, n) => {
                    self.consume(n);
                    match d {
                        Decoded::Key(k) => out.push_back(Input::Key(k)),
                        Decoded::Mouse(m) => out.push_back(Input::Mouse(m)),
                        Decoded::PasteStart => self.paste = Some(Zeroizing::new(Vec::new())),
                    }
                }
            }
        }
    }
}

/// The pasted bytes as a secret string, moved rather than copied when they
/// are valid UTF-8; the buffer is left empty and wiped.
fn paste_text(bytes: &mut Zeroizing<Vec<u8>>) -> SecretString {
    let v = std::mem::take(&mut **bytes);
    match String::from_utf8(v) {
        Ok(s) => SecretString::new(s),
        Err(e) => {
            let mut v = Zeroizing::new(e.into_bytes());
            let text = String::from_utf8_lossy(&v).into_owned();
            v.zeroize();
            SecretString::new(text)
        }
    }
}

/// The signals that end the TUI, and SIGWINCH; each writes a byte to a
/// socket so the poll wakes at once.
struct Signals {
    wake: UnixStream,
    /// The last terminating signal (0: none).
    terminate: Arc<AtomicUsize>,
    /// Set by the first terminating signal: a second SIGTERM or SIGINT
    /// while the TUI is shutting down ends the process at once.
    stopping: Arc<AtomicBool>,
    resized: Arc<AtomicBool>,
    ids: Vec<signal_hook::SigId>,
}

impl Signals {
    fn register() -> std::io::Result<Signals> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
        let (wake, notify) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        notify.set_nonblocking(true)?;
        let terminate = Arc::new(AtomicUsize::new(0));
        let stopping = Arc::new(AtomicBool::new(false));
        let resized = Arc::new(AtomicBool::new(false));
        let mut ids = Vec::new();
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            // A second SIGTERM or SIGINT means "now": exit at once. Not so
            // for SIGHUP, which commonly arrives twice when a terminal
            // closes (from the kernel and again from the shell).
            if sig != SIGHUP {
                ids.push(signal_hook::flag::register_conditional_shutdown(
                    sig,
                    128 + sig,
                    Arc::clone(&stopping),
                )?);
            }
            ids.push(signal_hook::flag::register(sig, Arc::clone(&stopping))?);
            ids.push(signal_hook::flag::register_usize(
                sig,
                Arc::clone(&terminate),
                sig as usize,
            )?);
            ids.push(signal_hook::low_level::pipe::register(
                sig,
                notify.try_clone()?,
            )?);
        }
        ids.push(signal_hook::flag::register(SIGWINCH, Arc::clone(&resized))?);
        ids.push(signal_hook::low_level::pipe::register(SIGWINCH, notify)?);
        Ok(Signals {
            wake,
            terminate,
            stopping,
            resized,
            ids,
        })
    }

    fn drain(&self) {
        let mut b = [0u8; 64];
        while matches!(std::io::Read::read(&mut &self.wake, &mut b), Ok(n) if n > 0) {}
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        // A signal after this point finds no action and is ignored until
        // the process exits, which follows at once; the conditional
        // shutdown stays armed once a first signal arrived.
        if !self.stopping.load(Ordering::SeqCst) {
            for id in self.ids.drain(..) {
                signal_hook::low_level::unregister(id);
            }
        }
    }
}

/// Reads the terminal: [`InputReader::next`] waits for the next input.
pub struct InputReader {
    tty: OwnedFd,
    buf: Zeroizing<Vec<u8>>,
    decoder: Decoder,
    queue: VecDeque<Input>,
    signals: Signals,
    closed: bool,
}

impl InputReader {
    /// Reads the terminal the TUI runs on (standard input, or `/dev/tty`
    /// when standard input is not a terminal) and watches for SIGTERM,
    /// SIGHUP, SIGINT and SIGWINCH.
    pub fn open() -> std::io::Result<InputReader> {
        use std::io::IsTerminal;
        let tty: OwnedFd = if std::io::stdin().is_terminal() {
            std::io::stdin().as_fd().try_clone_to_owned()?
        } else {
            std::fs::OpenOptions::new()
                .read(true)
                .open("/dev/tty")?
                .into()
        };
        Ok(InputReader {
            tty,
            buf: Zeroizing::new(vec![0u8; READ_BUF]),
            decoder: Decoder::default(),
            queue: VecDeque::new(),
            signals: Signals::register()?,
            closed: false,
        })
    }

    /// The next input, waiting at most `timeout`; `None` when nothing came.
    /// Once the terminal is gone, every call returns [`Input::Closed`].
    pub fn next(&mut self, timeout: Duration) -> Option<Input> {
        use rustix::event::{poll, PollFd, PollFlags, Timespec};
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(i) = self.queue.pop_front() {
                return Some(i);
            }
            if self.closed {
                return Some(Input::Closed);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            let ts = Timespec {
                tv_sec: left.as_secs() as _,
                tv_nsec: left.subsec_nanos() as _,
            };
            let mut fds = [
                PollFd::new(&self.tty, PollFlags::IN),
                PollFd::new(&self.signals.wake, PollFlags::IN),
            ];
            match poll(&mut fds, Some(&ts)) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(rustix::io::Errno::INTR) => continue,
                Err(_) => {
                    self.closed = true;
                    continue;
                }
            }
            let tty_ready = !fds[0].revents().is_empty();
            if !fds[1].revents().is_empty() {
                self.signals.drain();
                let sig = self.signals.terminate.swap(0, Ordering::SeqCst);
                if sig != 0 {
                    return Some(Input::Signal(sig as i32));
                }
                if self.signals.resized.swap(false, Ordering::SeqCst) {
                    self.queue.push_back(Input::Resize);
                }
            }
            if tty_ready {
                self.read_tty();
            }
        }
    }

    fn read_tty(&mut self) {
        match rustix::io::read(&self.tty, &mut self.buf[..]) {
            Ok(0) => self.closed = true,
            Ok(n) => {
                let full = n == self.buf.len();
                self.decoder.feed(&mut self.buf[..n], full, &mut self.queue);
            }
            Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => {}
            // EIO: the terminal hung up.
            Err(_) => self.closed = true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(chunks: &[&[u8]]) -> Vec<Input> {
        let mut d = Decoder::default();
        let mut out = VecDeque::new();
        for c in chunks {
            let mut v = c.to_vec();
            d.feed(&mut v, false, &mut out);
            assert!(v.iter().all(|b| *b == 0), "the read buffer is wiped");
        }
        out.into_iter().collect()
    }

    fn keys(chunks: &[&[u8]]) -> Vec<(KeyCode, KeyModifiers)> {
        decode_all(chunks)
            .into_iter()
            .map(|i| match i {
                Input::Key(k) => (k.code, k.modifiers),
                other => panic!("not a key: {other:?}"),
            })
            .collect()
    }

    const N: KeyModifiers = KeyModifiers::NONE;
    const C: KeyModifiers = KeyModifiers::CONTROL;
    const S: KeyModifiers = KeyModifiers::SHIFT;
    const A: KeyModifiers = KeyModifiers::ALT;

    #[test]
    fn plain_and_control_keys() {
        assert_eq!(
            keys(&[b"aZ\r\t\x7f\x03\x15\x13"]),
            vec![
                (KeyCode::Char('a'), N),
                (KeyCode::Char('Z'), S),
                (KeyCode::Enter, N),
                (KeyCode::Tab, N),
                (KeyCode::Backspace, N),
                (KeyCode::Char('c'), C),
                (KeyCode::Char('u'), C),
                (KeyCode::Char('s'), C),
            ]
        );
        assert_eq!(
            keys(&["é€😀".as_bytes()]),
            vec![
                (KeyCode::Char('é'), N),
                (KeyCode::Char('€'), N),
                (KeyCode::Char('😀'), N)
            ]
        );
    }

    #[test]
    fn a_character_split_across_reads_waits_for_its_end() {
        let e = "é".as_bytes();
        assert_eq!(keys(&[&e[..1], &e[1..]]), vec![(KeyCode::Char('é'), N)]);
    }

    #[test]
    fn escape_sequences_as_tmux_and_xterm_send_them() {
        assert_eq!(
            keys(&[
                b"\x1b[A\x1b[B\x1b[C\x1b[D\x1bOA\x1b[H\x1b[F\x1b[1~\x1b[4~\x1b[5~\x1b[6~\x1b[3~\x1b[Z"
            ]),
            vec![
                (KeyCode::Up, N),
                (KeyCode::Down, N),
                (KeyCode::Right, N),
                (KeyCode::Left, N),
                (KeyCode::Up, N),
                (KeyCode::Home, N),
                (KeyCode::End, N),
                (KeyCode::Home, N),
                (KeyCode::End, N),
                (KeyCode::PageUp, N),
                (KeyCode::PageDown, N),
                (KeyCode::Delete, N),
                (KeyCode::BackTab, S),
            ]
        );
        assert_eq!(
            keys(&[b"\x1bOP\x1bOQ\x1b[15~\x1b[24~\x1b[1;5C\x1b[1;2A"]),
            vec![
                (KeyCode::F(1), N),
                (KeyCode::F(2), N),
                (KeyCode::F(5), N),
                (KeyCode::F(12), N),
                (KeyCode::Right, C),
                (KeyCode::Up, S),
            ]
        );
    }

    #[test]
    fn a_lone_escape_is_the_esc_key_and_escape_letter_is_alt() {
        assert_eq!(keys(&[b"\x1b"]), vec![(KeyCode::Esc, N)]);
        assert_eq!(keys(&[b"\x1bx"]), vec![(KeyCode::Char('x'), A)]);
        assert_eq!(
            keys(&[b"\x1b\x1b[A"]),
            vec![(KeyCode::Esc, N), (KeyCode::Up, N)]
        );
    }

    #[test]
    fn unknown_sequences_are_skipped_whole() {
        assert_eq!(
            keys(&[b"\x1b[?1;2c\x1b[I\x1b[>0;1uq"]),
            vec![(KeyCode::Char('q'), N)]
        );
    }

    #[test]
    fn a_sequence_split_across_reads_is_decoded_once_complete() {
        assert_eq!(keys(&[b"\x1b[1;", b"5A"]), vec![(KeyCode::Up, C)]);
    }

    #[test]
    fn sgr_mouse_wheel_and_clicks() {
        let got: Vec<MouseEventKind> =
            decode_all(&[b"\x1b[<64;10;5M\x1b[<65;1;1M\x1b[<0;3;4M\x1b[<0;3;4m"])
                .into_iter()
                .map(|i| match i {
                    Input::Mouse(m) => m.kind,
                    other => panic!("{other:?}"),
                })
                .collect();
        assert_eq!(
            got,
            vec![
                MouseEventKind::ScrollUp,
                MouseEventKind::ScrollDown,
                MouseEventKind::Down(MouseButton::Left),
                MouseEventKind::Up(MouseButton::Left),
            ]
        );
    }

    fn pasted(chunks: &[&[u8]]) -> Vec<String> {
        decode_all(chunks)
            .into_iter()
            .filter_map(|i| match i {
                Input::Paste(s) => Some(s.expose().to_owned()),
                Input::Key(_) => None,
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn bracketed_paste_is_one_secret_even_across_reads() {
        assert_eq!(
            pasted(&[b"\x1b[200~correct horse\x1b[201~"]),
            vec!["correct horse"]
        );
        // Split anywhere, including inside both markers; except right
        // after the opening ESC, where a read that ends in a lone ESC is the
        // Esc key (terminals send the marker in one write).
        let whole: &[u8] = b"x\x1b[200~line one\rline \x1b two\x1b[201~y";
        for cut in (1..whole.len()).filter(|c| *c != 2) {
            let got = decode_all(&[&whole[..cut], &whole[cut..]]);
            let texts: Vec<String> = got
                .iter()
                .filter_map(|i| match i {
                    Input::Paste(s) => Some(s.expose().to_owned()),
                    _ => None,
                })
                .collect();
            assert_eq!(texts, vec!["line one\rline \x1b two"], "cut at {cut}");
            assert_eq!(got.len(), 3, "x, the paste, y (cut at {cut})");
        }
    }

    #[test]
    fn the_decoder_keeps_no_copy_of_a_paste() {
        let mut d = Decoder::default();
        let mut out = VecDeque::new();
        let mut a = b"\x1b[200~hunter2-hunter2".to_vec();
        d.feed(&mut a, false, &mut out);
        let mut b = b"-hunter2\x1b[201~".to_vec();
        d.feed(&mut b, false, &mut out);
        assert!(
            matches!(out.pop_front(), Some(Input::Paste(s)) if s.expose() == "hunter2-hunter2-hunter2")
        );
        // Nothing pending, and the whole pending buffer is zero again.
        assert_eq!(d.filled, 0);
        assert!(d.paste.is_none());
        assert!(d.pending.iter().all(|b| *b == 0));
    }

    #[test]
    fn a_runaway_sequence_is_dropped_not_grown() {
        let mut d = Decoder::default();
        let mut out = VecDeque::new();
        let cap = d.pending.len();
        let mut junk = vec![b'1'; cap * 3];
        junk[0] = 0x1b;
        junk[1] = b'[';
        d.feed(&mut junk, false, &mut out);
        let mut q = b"q".to_vec();
        d.feed(&mut q, false, &mut out);
        assert_eq!(d.pending.len(), cap);
        assert!(matches!(out.back(), Some(Input::Key(k)) if k.code == KeyCode::Char('q')));
    }

    #[test]
    fn invalid_utf8_in_a_paste_is_replaced_not_dropped() {
        assert_eq!(pasted(&[b"\x1b[200~a\xffb\x1b[201~"]), vec!["a\u{fffd}b"]);
    }
}
