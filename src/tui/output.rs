//! What the TUI writes to the terminal, and what it keeps of it.
//!
//! This module owns the output writer under ratatui's backend and the
//! wiping of rendered frames:
//! - [`WipingWriter`] gathers a frame's bytes in one fixed buffer, writes
//!   them straight to the terminal's file descriptor and zeroes the buffer
//!   after every flush. The standard library's `Stdout` would keep the last
//!   kilobyte of every frame (revealed seed words included) in its line
//!   buffer for the life of the process.
//! - [`wipe_frames`] blanks both of ratatui's frame buffers (the cells of
//!   the screen now and of the previous frame) and the screen itself, for
//!   the moment the vault locks.

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsFd;

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::Terminal;
use zeroize::{Zeroize, Zeroizing};

/// Bytes gathered before a write: a full 200x60 frame with colours fits.
const CAPACITY: usize = 256 * 1024;

/// A terminal writer whose buffer is zeroed after each flush.
pub struct WipingWriter {
    out: File,
    buf: Zeroizing<Vec<u8>>,
}

impl WipingWriter {
    /// Writes to standard output (a duplicate of its descriptor, so the
    /// standard library's buffered `Stdout` is bypassed).
    pub fn stdout() -> io::Result<WipingWriter> {
        Ok(WipingWriter::new(File::from(
            io::stdout().as_fd().try_clone_to_owned()?,
        )))
    }

    /// Writes to `out`.
    pub fn new(out: File) -> WipingWriter {
        WipingWriter {
            out,
            buf: Zeroizing::new(Vec::with_capacity(CAPACITY)),
        }
    }

    fn write_out(&mut self) -> io::Result<()> {
        let r = self.out.write_all(&self.buf);
        // Zeroes the contents and the spare capacity; the allocation stays.
        self.buf.zeroize();
        r
    }

    /// True when nothing is held (every byte written out has been wiped).
    pub fn is_wiped(&self) -> bool {
        self.buf.is_empty()
    }
}

impl Write for WipingWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if self.buf.len() + data.len() > self.buf.capacity() {
            self.write_out()?;
        }
        if data.len() > self.buf.capacity() {
            // Bigger than the buffer: straight through, nothing kept.
            return self.out.write(data);
        }
        // Fits within the capacity: no reallocation, no stray copy.
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.write_out()?;
        self.out.flush()
    }
}

/// The TUI's terminal.
pub type Term = Terminal<CrosstermBackend<WipingWriter>>;

/// Blanks both frame buffers and the screen: nothing rendered before this
/// call survives in the process or on the terminal. The next draw repaints
/// everything. (Not `Terminal::clear`: it asks the terminal for the cursor
/// position, which would read input behind the TUI's own reader.)
pub fn wipe_frames(terminal: &mut Term) -> io::Result<()> {
    terminal.current_buffer_mut().reset();
    // Resets the other buffer and makes it current; then this one too.
    terminal.swap_buffers();
    terminal.current_buffer_mut().reset();
    terminal.backend_mut().clear()?;
    Backend::flush(terminal.backend_mut())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn written(path: &std::path::Path) -> Vec<u8> {
        let mut got = Vec::new();
        File::open(path).unwrap().read_to_end(&mut got).unwrap();
        got
    }

    #[test]
    fn bytes_pass_through_and_the_buffer_is_wiped_after_flush() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out");
        let mut w = WipingWriter::new(File::create(&path).unwrap());
        w.write_all(b"7. sausage").unwrap();
        assert!(!w.is_wiped());
        w.flush().unwrap();
        assert!(w.is_wiped());
        let big = vec![b'x'; CAPACITY + 10];
        w.write_all(&big).unwrap();
        w.flush().unwrap();
        let got = written(&path);
        assert_eq!(&got[..10], b"7. sausage");
        assert_eq!(got.len(), 10 + CAPACITY + 10);
        assert_eq!(w.buf.capacity(), CAPACITY, "never grew");
    }

    #[test]
    fn wiping_frames_blanks_both_buffers() {
        use ratatui::widgets::Paragraph;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out");
        let backend = CrosstermBackend::new(WipingWriter::new(File::create(&path).unwrap()));
        let area = ratatui::layout::Rect::new(0, 0, 30, 3);
        let mut t = Terminal::with_options(
            backend,
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(area),
            },
        )
        .unwrap();
        let text = |b: &ratatui::buffer::Buffer| -> String {
            b.content().iter().map(|c| c.symbol()).collect()
        };
        let secret = Paragraph::new("7. sausage 8. lemon");
        // A drawn frame becomes the previous buffer...
        let drawn = t.draw(|f| f.render_widget(&secret, f.area())).unwrap();
        assert!(text(drawn.buffer).contains("sausage"));
        // ...and the next one is being rendered into the current buffer.
        t.get_frame().render_widget(&secret, area);
        assert!(text(t.current_buffer_mut()).contains("sausage"));
        wipe_frames(&mut t).unwrap();
        assert!(!text(t.current_buffer_mut()).contains("sausage"));
        // The previous buffer is blank too: flushing a blank frame against
        // it moves the cursor nowhere (no cell differs).
        let before = written(&path).len();
        t.flush().unwrap();
        let after = written(&path);
        assert!(
            !after[before..].contains(&b'H'),
            "cells were redrawn: {:?}",
            String::from_utf8_lossy(&after[before..])
        );
    }
}
