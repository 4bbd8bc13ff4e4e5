//! The age header, measured before the age crate parses it.
//!
//! This module owns the limits a vault's header must meet and the scanner
//! that enforces them. The age crate's header parser re-parses the whole
//! header after every line it reads, so its cost grows with the square of
//! the header's size: a 1 MiB stanza body or 10,000 recipient stanzas keep
//! it busy for half a minute or more. Every path that opens a vault
//! (`Vault::open*`, backups, `verify`, `restore`, `recover`, the TUI) goes
//! through [`open_decryptor`], which
//!
//! 1. strips the ASCII armor if there is one, letting at most
//!    [`MAX_ARMORED_HEADER_BYTES`] raw bytes through before the header is
//!    complete (an armor line with no end cannot grow without bound);
//! 2. reads the header line by line, each line capped at
//!    [`MAX_LINE_BYTES`], and refuses a header over [`MAX_HEADER_BYTES`],
//!    with more than [`MAX_STANZAS`] stanzas, a stanza with more than
//!    [`MAX_ARGS`] arguments or a body over [`MAX_BODY_CHARS`], a body line
//!    over 64 columns, or a line that is neither a stanza, a body line nor
//!    the MAC line;
//! 3. hands the age crate the complete, measured header in one piece (so it
//!    parses it once), followed by the rest of the file.
//!
//! The limits leave every vault lifeboat writes far inside them: a vault
//! has the passphrase stanza, the recovery key's stanza, the age crate's
//! one random "grease" stanza and at most
//! [`MAX_EXTRA_RECIPIENTS`](crate::vault::format::MAX_EXTRA_RECIPIENTS)
//! extra recipients, about 100 bytes each (docs/vault-format.md lists the
//! numbers).

use std::cell::Cell;
use std::io::{self, BufRead, Read};

/// Largest header accepted, in bytes after the armor is removed, from the
/// version line through the MAC line's newline.
pub const MAX_HEADER_BYTES: usize = 64 * 1024;
/// Most recipient stanzas a header may hold.
pub const MAX_STANZAS: usize = 128;
/// Most arguments one stanza line may carry (after its tag).
pub const MAX_ARGS: usize = 16;
/// Longest header line, newline excluded (post-quantum plugin stanzas
/// carry about 1.5 KB of arguments).
pub const MAX_LINE_BYTES: usize = 4096;
/// Longest stanza body, in base64 characters (6 KiB of data).
pub const MAX_BODY_CHARS: usize = 8 * 1024;
/// Raw bytes an armored file may take to deliver its header: the base64
/// of [`MAX_HEADER_BYTES`] (4/3 of it) in 64-column lines, plus the
/// begin marker, with room for CRLF line ends.
pub const MAX_ARMORED_HEADER_BYTES: u64 = (MAX_HEADER_BYTES as u64) * 3 / 2 + 4096;

/// The age v1 version line.
const VERSION_LINE: &[u8] = b"age-encryption.org/v1";
/// Columns of a full stanza body line (age spec).
const BODY_COLUMNS: usize = 64;

/// Why a header was refused. Each message names the problem; the caller
/// adds what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HeaderError {
    /// The first line is not the age v1 version line.
    #[error("{}", crate::tr!("err-header-header-error-not-age-v1"))]
    NotAgeV1,
    /// The file ends inside the header.
    #[error("{}", crate::tr!("err-header-header-error-truncated"))]
    Truncated,
    /// The header is larger than any vault's.
    #[error("{}", crate::tr!("err-header-header-error-too-large", max_header_bytes = MAX_HEADER_BYTES.to_string()))]
    TooLarge,
    /// Too many recipient stanzas.
    #[error("{}", crate::tr!("err-header-header-error-too-many-stanzas", max_stanzas = MAX_STANZAS.to_string()))]
    TooManyStanzas,
    /// A stanza line with too many arguments.
    #[error("{}", crate::tr!("err-header-header-error-too-many-args", stanza = stanza.to_string(), max_args = MAX_ARGS.to_string()))]
    TooManyArgs {
        /// 1-based stanza number.
        stanza: usize,
    },
    /// A line longer than any vault's.
    #[error("{}", crate::tr!("err-header-header-error-line-too-long", line = line.to_string(), max_line_bytes = MAX_LINE_BYTES.to_string()))]
    LineTooLong {
        /// 1-based line number.
        line: usize,
    },
    /// A stanza body larger than any vault's.
    #[error("{}", crate::tr!("err-header-header-error-body-too-long", stanza = stanza.to_string(), max_body_chars = MAX_BODY_CHARS.to_string()))]
    BodyTooLong {
        /// 1-based stanza number.
        stanza: usize,
    },
    /// A line that breaks the header's grammar.
    #[error("{}", crate::tr!("err-header-header-error-malformed", line = line.to_string(), what = crate::i18n::translate_english(what)))]
    Malformed {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        what: &'static str,
    },
    /// The armor (or the file) could not be read.
    #[error("{}", crate::tr!("err-header-header-error-unreadable", value = _0.to_string()))]
    Unreadable(String),
}

/// What a scan found in a header that passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderStats {
    /// Header size in bytes, MAC line included.
    pub bytes: usize,
    /// Recipient stanzas.
    pub stanzas: usize,
}

/// Incremental state of a scan: one line is fed at a time.
struct Scanner {
    line_no: usize,
    bytes: usize,
    stanzas: usize,
    body_chars: usize,
    /// The current stanza's body has ended (a short line was seen).
    body_done: bool,
}

/// What a line told the scanner.
enum Step {
    More,
    Done,
}

impl Scanner {
    fn new() -> Scanner {
        Scanner {
            line_no: 0,
            bytes: 0,
            stanzas: 0,
            body_chars: 0,
            body_done: true,
        }
    }

    /// Feeds one line, newline included (the last line of a truncated file
    /// has none).
    fn feed(&mut self, raw: &[u8]) -> Result<Step, HeaderError> {
        self.line_no += 1;
        let line_no = self.line_no;
        self.bytes += raw.len();
        let Some(line) = raw.strip_suffix(b"\n") else {
            if line_no == 1 && !VERSION_LINE.starts_with(raw) {
                return Err(HeaderError::NotAgeV1);
            }
            if raw.len() > MAX_LINE_BYTES {
                return Err(HeaderError::LineTooLong { line: line_no });
            }
            return Err(if line_no == 1 {
                HeaderError::NotAgeV1
            } else {
                HeaderError::Truncated
            });
        };
        if line.len() > MAX_LINE_BYTES {
            return Err(if line_no == 1 {
                HeaderError::NotAgeV1
            } else {
                HeaderError::LineTooLong { line: line_no }
            });
        }
        if self.bytes > MAX_HEADER_BYTES {
            return Err(HeaderError::TooLarge);
        }
        if line_no == 1 {
            return if line == VERSION_LINE {
                Ok(Step::More)
            } else {
                Err(HeaderError::NotAgeV1)
            };
        }
        if let Some(rest) = line.strip_prefix(b"-> ") {
            self.stanzas += 1;
            if self.stanzas > MAX_STANZAS {
                return Err(HeaderError::TooManyStanzas);
            }
            // Tag and arguments are separated by single spaces.
            let fields = rest.split(|&b| b == b' ').count();
            if fields > MAX_ARGS + 1 {
                return Err(HeaderError::TooManyArgs {
                    stanza: self.stanzas,
                });
            }
            self.body_chars = 0;
            self.body_done = false;
            return Ok(Step::More);
        }
        if line.starts_with(b"---") {
            // The MAC line ends the header; the age crate checks its form.
            return Ok(Step::Done);
        }
        if self.stanzas == 0 || self.body_done {
            return Err(HeaderError::Malformed {
                line: line_no,
                what: "it is neither a recipient stanza, a stanza body line nor the MAC line",
            });
        }
        if line.len() > BODY_COLUMNS {
            return Err(HeaderError::Malformed {
                line: line_no,
                what: "a stanza body line is longer than 64 columns",
            });
        }
        self.body_chars += line.len();
        if self.body_chars > MAX_BODY_CHARS {
            return Err(HeaderError::BodyTooLong {
                stanza: self.stanzas,
            });
        }
        // A body ends with its first line shorter than 64 columns.
        self.body_done = line.len() < BODY_COLUMNS;
        Ok(Step::More)
    }

    fn stats(&self) -> HeaderStats {
        HeaderStats {
            bytes: self.bytes,
            stanzas: self.stanzas,
        }
    }
}

/// Checks the header at the start of `bytes` (binary, not armored) against
/// the limits, without reading past it. The fuzz target and tests call it;
/// [`open_decryptor`] runs the same scanner on a stream.
pub fn scan(bytes: &[u8]) -> Result<HeaderStats, HeaderError> {
    let mut input = bytes;
    read_header(&mut input).map(|(_, stats)| stats)
}

/// Reads and checks the header from `input`, returning its bytes (version
/// line through the MAC line's newline) and what it holds. Never reads
/// more than one line past [`MAX_HEADER_BYTES`], and no line longer than
/// [`MAX_LINE_BYTES`].
pub fn read_header<R: BufRead>(input: &mut R) -> Result<(Vec<u8>, HeaderStats), HeaderError> {
    let mut scanner = Scanner::new();
    let mut header = Vec::with_capacity(4096);
    loop {
        let start = header.len();
        // One more byte than a line may hold (plus its newline), so a line
        // that is too long is seen as such without reading all of it.
        let cap = (MAX_LINE_BYTES + 2) as u64;
        let n = input
            .by_ref()
            .take(cap)
            .read_until(b'\n', &mut header)
            .map_err(unreadable)?;
        if n == 0 {
            return Err(if scanner.line_no == 0 {
                HeaderError::NotAgeV1
            } else {
                HeaderError::Truncated
            });
        }
        match scanner.feed(&header[start..])? {
            Step::More => {}
            Step::Done => return Ok((header, scanner.stats())),
        }
    }
}

fn unreadable(e: io::Error) -> HeaderError {
    if e.get_ref().is_some_and(|inner| inner.is::<BudgetSpent>()) {
        return HeaderError::TooLarge;
    }
    HeaderError::Unreadable(crate::i18n::io_reason(&e))
}

/// The marker error of [`Budgeted`] once its budget is spent.
#[derive(Debug)]
struct BudgetSpent;

impl std::fmt::Display for BudgetSpent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the header is too large")
    }
}

impl std::error::Error for BudgetSpent {}

/// A reader that lets at most `left` bytes through, then fails. The
/// budget lives outside, so the armor reader that owns this one can be
/// given an unlimited budget once the header is read.
pub struct Budgeted<'a, R> {
    inner: R,
    left: &'a Cell<u64>,
}

impl<R: BufRead> Read for Budgeted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Budgeted<'_, R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let left = self.left.get();
        let buf = self.inner.fill_buf()?;
        if left == 0 && !buf.is_empty() {
            return Err(io::Error::new(io::ErrorKind::InvalidData, BudgetSpent));
        }
        let n = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        Ok(&buf[..n])
    }

    fn consume(&mut self, amt: usize) {
        self.left.set(self.left.get().saturating_sub(amt as u64));
        self.inner.consume(amt);
    }
}

/// A measured header followed by the rest of the file.
///
/// NOTE: `read_until` hands over the whole remaining header at once,
/// although that is several lines. The age crate reads a header with
/// `read_until(b'\n')` and re-parses everything it has after each call;
/// given the header in one piece it parses it once. This is sound because
/// the header ends with the MAC line's newline, so the bytes returned still
/// end at a delimiter, and the age crate only appends them to its buffer.
pub struct HeaderFirst<R> {
    header: Vec<u8>,
    pos: usize,
    rest: R,
}

impl<R: BufRead> Read for HeaderFirst<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos < self.header.len() {
            let n = (self.header.len() - self.pos).min(buf.len());
            buf[..n].copy_from_slice(&self.header[self.pos..self.pos + n]);
            self.pos += n;
            return Ok(n);
        }
        self.rest.read(buf)
    }
}

impl<R: BufRead> BufRead for HeaderFirst<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos < self.header.len() {
            return Ok(&self.header[self.pos..]);
        }
        self.rest.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if self.pos < self.header.len() {
            self.pos += amt;
        } else {
            self.rest.consume(amt);
        }
    }

    fn read_until(&mut self, byte: u8, buf: &mut Vec<u8>) -> io::Result<usize> {
        if self.pos < self.header.len() && byte == b'\n' {
            let n = self.header.len() - self.pos;
            buf.extend_from_slice(&self.header[self.pos..]);
            self.pos = self.header.len();
            return Ok(n);
        }
        if self.pos < self.header.len() {
            // Not the age crate's call: keep the usual meaning.
            let avail = &self.header[self.pos..];
            let n = avail
                .iter()
                .position(|&b| b == byte)
                .map_or(avail.len(), |i| i + 1);
            buf.extend_from_slice(&avail[..n]);
            self.pos += n;
            if n < avail.len() || avail[n - 1] == byte {
                return Ok(n);
            }
            return Ok(n + self.rest.read_until(byte, buf)?);
        }
        self.rest.read_until(byte, buf)
    }
}

/// The reader the age crate decrypts from: armor removed, header measured.
pub type Measured<'a, R> = HeaderFirst<age::armor::ArmoredReader<io::BufReader<Budgeted<'a, R>>>>;

/// The budget cell [`open_decryptor`] needs; create one per open, on the
/// caller's stack, so the returned decryptor can borrow it.
pub fn budget() -> Cell<u64> {
    Cell::new(MAX_ARMORED_HEADER_BYTES)
}

/// Opens `input` (a binary or armored age file) for the age crate after
/// checking its header (see the module docs). `budget` must come from
/// [`budget`]. Errors: the scanner's refusal, or the age crate's own.
pub fn open_decryptor<'a, R: BufRead>(
    input: R,
    budget: &'a Cell<u64>,
) -> Result<age::Decryptor<Measured<'a, R>>, OpenError> {
    open_decryptor_at(input, budget).map(|(d, _)| d)
}

/// [`open_decryptor`], also giving the header's length (in a binary file,
/// the offset of the payload that follows it).
pub fn open_decryptor_at<'a, R: BufRead>(
    input: R,
    budget: &'a Cell<u64>,
) -> Result<(age::Decryptor<Measured<'a, R>>, usize), OpenError> {
    let mut armored = age::armor::ArmoredReader::new(Budgeted {
        inner: input,
        left: budget,
    });
    let (header, _) = read_header(&mut armored).map_err(OpenError::Header)?;
    let len = header.len();
    // Past the header the payload streams through, however large.
    budget.set(u64::MAX);
    let measured = HeaderFirst {
        header,
        pos: 0,
        rest: armored,
    };
    age::Decryptor::new_buffered(measured)
        .map(|d| (d, len))
        .map_err(OpenError::Age)
}

/// Why [`open_decryptor`] failed.
#[derive(Debug)]
pub enum OpenError {
    /// The scanner refused the header before the age crate saw it.
    Header(HeaderError),
    /// The age crate refused the (measured) header.
    Age(age::DecryptError),
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAC: &[u8] = b"--- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n";

    fn header_with(stanzas: &[(&str, usize)]) -> Vec<u8> {
        let mut h = b"age-encryption.org/v1\n".to_vec();
        for (line, body) in stanzas {
            h.extend_from_slice(line.as_bytes());
            h.push(b'\n');
            let mut left = *body;
            loop {
                let n = left.min(64);
                h.extend(std::iter::repeat_n(b'A', n));
                h.push(b'\n');
                left -= n;
                if n < 64 {
                    break;
                }
            }
        }
        h.extend_from_slice(MAC);
        h
    }

    #[test]
    fn a_vault_sized_header_passes() {
        let mut s = vec![("-> lifeboat.dev/argon2id s 262144 3 4 w", 43)];
        s.extend(std::iter::repeat_n(("-> X25519 AAAA", 43), 65));
        s.push(("-> x-grease a b c d", 100 * 4 / 3));
        let h = header_with(&s);
        let stats = scan(&h).unwrap();
        assert_eq!(stats.stanzas, 67);
        assert_eq!(stats.bytes, h.len());
        // A body of exactly 64 columns is followed by an empty line.
        assert!(scan(&header_with(&[("-> X25519 A", 64)])).is_ok());
    }

    #[test]
    fn limits_are_enforced() {
        let many = vec![("-> X25519 AAAA", 43); MAX_STANZAS + 1];
        assert_eq!(scan(&header_with(&many)), Err(HeaderError::TooManyStanzas));
        assert!(scan(&header_with(&many[..MAX_STANZAS])).is_ok());
        assert_eq!(
            scan(&header_with(&[("-> X25519 A", MAX_BODY_CHARS + 1)])),
            Err(HeaderError::BodyTooLong { stanza: 1 })
        );
        let args = format!("-> t{}", " a".repeat(MAX_ARGS + 1));
        assert_eq!(
            scan(&header_with(&[(&args, 0)])),
            Err(HeaderError::TooManyArgs { stanza: 1 })
        );
        let long = format!("-> t {}", "a".repeat(MAX_LINE_BYTES));
        assert_eq!(
            scan(&header_with(&[(&long, 0)])),
            Err(HeaderError::LineTooLong { line: 2 })
        );
        let big = vec![("-> X25519 AAAA", MAX_BODY_CHARS - 100); 10];
        assert_eq!(scan(&header_with(&big)), Err(HeaderError::TooLarge));
    }

    #[test]
    fn grammar_breaks_are_refused() {
        assert_eq!(scan(b""), Err(HeaderError::NotAgeV1));
        assert_eq!(scan(b"age-encryption.org/v2\n"), Err(HeaderError::NotAgeV1));
        assert_eq!(scan(b"age-encr"), Err(HeaderError::NotAgeV1));
        assert_eq!(scan(&[b'x'; 10_000]), Err(HeaderError::NotAgeV1));
        assert_eq!(
            scan(b"age-encryption.org/v1\n-> X25519 A\nAAAA"),
            Err(HeaderError::Truncated)
        );
        assert!(matches!(
            scan(b"age-encryption.org/v1\nAAAA\n"),
            Err(HeaderError::Malformed { line: 2, .. })
        ));
        // A second body after a short line.
        assert!(matches!(
            scan(b"age-encryption.org/v1\n-> X25519 A\nAAAA\nAAAA\n"),
            Err(HeaderError::Malformed { line: 4, .. })
        ));
        let mut wide = b"age-encryption.org/v1\n-> X25519 A\n".to_vec();
        wide.extend_from_slice(&[b'A'; 65]);
        wide.push(b'\n');
        assert!(matches!(
            scan(&wide),
            Err(HeaderError::Malformed { line: 3, .. })
        ));
    }

    #[test]
    fn a_huge_line_is_not_read_whole() {
        // 10 MiB in one stanza line: refused after reading one capped line.
        let mut h = b"age-encryption.org/v1\n-> X25519 ".to_vec();
        h.resize(10 << 20, b'A');
        let mut input = &h[..];
        assert_eq!(
            read_header(&mut input).unwrap_err(),
            HeaderError::LineTooLong { line: 2 }
        );
        assert!(input.len() > (10 << 20) - 2 * MAX_LINE_BYTES - 100);
    }

    #[test]
    fn armored_input_is_bounded_too() {
        // An armored file whose second line never ends.
        let mut f = b"-----BEGIN AGE ENCRYPTED FILE-----\n".to_vec();
        f.resize(8 << 20, b'A');
        let budget = budget();
        let e = open_decryptor(&f[..], &budget).err().unwrap();
        assert!(
            matches!(
                e,
                OpenError::Header(HeaderError::TooLarge | HeaderError::Unreadable(_))
            ),
            "{e:?}"
        );
    }

    #[test]
    fn header_first_hands_over_the_header_then_the_rest() {
        let mut r = HeaderFirst {
            header: b"a\nb\n".to_vec(),
            pos: 0,
            rest: &b"c\nd"[..],
        };
        let mut buf = Vec::new();
        assert_eq!(r.read_until(b'\n', &mut buf).unwrap(), 4);
        assert_eq!(r.read_until(b'\n', &mut buf).unwrap(), 2);
        let mut tail = String::new();
        r.read_to_string(&mut tail).unwrap();
        assert_eq!(buf, b"a\nb\nc\n");
        assert_eq!(tail, "d");
    }
}
