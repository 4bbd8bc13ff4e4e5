//! The age v1 payload (the STREAM construction: ChaCha20-Poly1305 over
//! 64 KiB chunks) decrypted straight from a vault file, on two threads for
//! a large vault.
//!
//! Why this exists: the age crate decrypts one chunk at a time through a
//! chain of readers (a copy per layer and a fresh allocation per chunk).
//! Opening a 10,000-item vault is mostly that decryption, and every chunk
//! carries its own nonce and tag, so the chunks can be read and
//! authenticated independently. Here each chunk is read with one
//! positioned read into its final place in the plaintext buffer and
//! decrypted there, and the two halves of a large payload run on two
//! threads.
//!
//! What stays with the age crate: the header (its grammar, the recipient
//! stanzas, the unwrapping of the file key and the header's MAC). This
//! module starts only once the age crate has accepted the header and an
//! identity has unwrapped the file key; it takes that file key and the
//! offset where the header ends.
//!
//! The rules (from the age specification, and what the age crate checks):
//! the payload is a 16-byte nonce, then chunks of 64 KiB of plaintext plus
//! a 16-byte tag each; the payload key is HKDF-SHA256 of the file key,
//! salted with that nonce, labelled `payload`; chunk `i`'s AEAD nonce is
//! `i` as an 11-byte big-endian counter followed by a byte that is 1 for
//! the final chunk and 0 otherwise. Only the final chunk may be shorter
//! than 64 KiB, and it may be empty only when it is the only one. Because
//! the flag is bound into every tag, a file cut at a chunk boundary, a file
//! with chunks appended, reordered or dropped, and any changed byte all
//! fail authentication.

use std::fs::File;

use chacha20poly1305::aead::AeadInPlace;
use chacha20poly1305::{ChaCha20Poly1305, KeyInit};
use zeroize::Zeroizing;

use crate::secret::SecretBytes;

/// Plaintext bytes per chunk.
pub const CHUNK: usize = 64 * 1024;
/// Poly1305 tag bytes per chunk.
pub const TAG: usize = 16;
/// Bytes per full chunk in the file.
pub const ENCRYPTED_CHUNK: usize = CHUNK + TAG;
/// Bytes of the payload nonce before the first chunk.
pub const NONCE: usize = 16;

/// From this many bytes of plaintext the second half is decrypted on a
/// second thread. Below it, starting the thread costs about what it saves.
pub const PARALLEL_MIN_BYTES: usize = 512 * 1024;

/// Why the payload could not be decrypted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamError {
    /// The file ends where it cannot (no nonce, no chunk, or a final chunk
    /// too short to hold its tag, or empty after others).
    Truncated,
    /// A chunk fails authentication: the file was changed, cut or extended.
    Authentication,
    /// The file could not be read.
    Read(std::io::ErrorKind),
}

/// The plaintext length of a payload whose chunks (after the nonce) take
/// `body` bytes, or why no valid payload has that length.
pub fn plaintext_len(body: u64) -> Result<usize, StreamError> {
    let body = usize::try_from(body).map_err(|_| StreamError::Truncated)?;
    if body < TAG {
        return Err(StreamError::Truncated);
    }
    let chunks = body.div_ceil(ENCRYPTED_CHUNK);
    let last = body - (chunks - 1) * ENCRYPTED_CHUNK;
    // `last >= TAG` whenever there is one chunk (checked above); with more
    // than one, an empty final chunk is not allowed.
    if chunks > 1 && last <= TAG {
        return Err(StreamError::Truncated);
    }
    Ok(body - chunks * TAG)
}

/// Where the payload sits in a file and the file key that opens it.
pub struct Payload<'a> {
    /// The open vault file.
    pub file: &'a File,
    /// Offset of the payload nonce (the header's length).
    pub offset: u64,
    /// The file's length.
    pub file_len: u64,
    /// The file key the header's recipient stanza gave.
    pub file_key: &'a [u8; 16],
}

/// Reads and decrypts the whole payload. Nothing is returned unless every
/// chunk authenticates.
pub fn decrypt_file(p: &Payload<'_>) -> Result<SecretBytes, StreamError> {
    decrypt_with(p, PARALLEL_MIN_BYTES)
}

/// [`decrypt_file`] with the size from which two threads are used (the
/// tests run both ways on small inputs).
fn decrypt_with(p: &Payload<'_>, parallel_min: usize) -> Result<SecretBytes, StreamError> {
    let body = p
        .file_len
        .checked_sub(p.offset)
        .and_then(|b| b.checked_sub(NONCE as u64))
        .ok_or(StreamError::Truncated)?;
    let len = plaintext_len(body)?;
    let mut nonce = [0u8; NONCE];
    read_at(p.file, &mut nonce, p.offset)?;
    let key = payload_key(p.file_key, &nonce);
    let aead = ChaCha20Poly1305::new(key.as_slice().into());
    let chunks = len.div_ceil(CHUNK).max(1);
    // Zeroed by the allocator (fresh pages for a large block), then
    // overwritten chunk by chunk; wiped on drop like every secret buffer.
    let mut plain = SecretBytes::new(vec![0u8; len]);
    let body_at = p.offset + NONCE as u64;
    let run = |first: usize, out: &mut [u8]| -> Result<(), StreamError> {
        for (n, slot) in out.chunks_mut(CHUNK).enumerate() {
            let i = first + n;
            let at = body_at + (i * ENCRYPTED_CHUNK) as u64;
            let mut tag = [0u8; TAG];
            read_at(p.file, slot, at)?;
            read_at(p.file, &mut tag, at + slot.len() as u64)?;
            aead.decrypt_in_place_detached(
                &chunk_nonce(i, i + 1 == chunks),
                &[],
                slot,
                (&tag).into(),
            )
            .map_err(|_| StreamError::Authentication)?;
        }
        Ok(())
    };
    let out = plain.expose_mut();
    if len == 0 {
        // One empty final chunk: only its tag is in the file.
        let mut tag = [0u8; TAG];
        read_at(p.file, &mut tag, body_at)?;
        aead.decrypt_in_place_detached(&chunk_nonce(0, true), &[], &mut [], (&tag).into())
            .map_err(|_| StreamError::Authentication)?;
    } else if len < parallel_min || chunks < 2 {
        run(0, out)?;
    } else {
        let mid = chunks / 2;
        let (front, back) = out.split_at_mut(mid * CHUNK);
        let (a, b) = std::thread::scope(|s| {
            let second = std::thread::Builder::new()
                .name("lifeboat-decrypt".into())
                .spawn_scoped(s, || run(mid, back));
            let a = run(0, front);
            // `None`: no second thread could start; this one does the rest.
            let b = second
                .ok()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            (a, b)
        });
        a?;
        match b {
            Some(b) => b?,
            None => run(mid, &mut plain.expose_mut()[mid * CHUNK..])?,
        }
    }
    Ok(plain)
}

/// Fills `buf` from `file` at `offset` (a positioned read: the threads
/// share the file without a shared cursor).
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> Result<(), StreamError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        file.read_exact_at(buf, offset).map_err(read_error)
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::FileExt;
        let mut done = 0;
        while done < buf.len() {
            match file.seek_read(&mut buf[done..], offset + done as u64) {
                Ok(0) => return Err(StreamError::Truncated),
                Ok(n) => done += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(read_error(e)),
            }
        }
        Ok(())
    }
}

fn read_error(e: std::io::Error) -> StreamError {
    match e.kind() {
        // The file is shorter than its length said: it changed under us.
        std::io::ErrorKind::UnexpectedEof => StreamError::Truncated,
        k => StreamError::Read(k),
    }
}

/// HKDF-SHA256(salt = payload nonce, key = file key, info = "payload").
fn payload_key(file_key: &[u8; 16], nonce: &[u8; NONCE]) -> Zeroizing<[u8; 32]> {
    let mut key = Zeroizing::new([0u8; 32]);
    hkdf::Hkdf::<sha2::Sha256>::new(Some(nonce), file_key)
        .expand(b"payload", key.as_mut_slice())
        .expect("32 bytes is a valid HKDF-SHA256 output length");
    key
}

/// Chunk `i`'s AEAD nonce: an 11-byte big-endian counter, then the final
/// flag.
fn chunk_nonce(i: usize, last: bool) -> chacha20poly1305::Nonce {
    let mut n = [0u8; 12];
    n[3..11].copy_from_slice(&(i as u64).to_be_bytes());
    n[11] = u8::from(last);
    n.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// An age file to one X25519 recipient, its file key, and where its
    /// payload starts. The file key is caught by an identity that wraps
    /// the real one, as the vault's open does.
    fn encrypt(plain: &[u8]) -> (Vec<u8>, [u8; 16], u64) {
        let id = age::x25519::Identity::generate();
        let enc = age::Encryptor::with_recipients(std::iter::once(&id.to_public() as _)).unwrap();
        let mut out = Vec::new();
        let mut w = enc.wrap_output(&mut out).unwrap();
        w.write_all(plain).unwrap();
        w.finish().unwrap();
        let (key, offset) = file_key(&out, &id);
        (out, key, offset)
    }

    /// Records the file key the real identity unwraps.
    struct Catch<'a>(&'a age::x25519::Identity, std::cell::Cell<Option<[u8; 16]>>);

    impl age::Identity for Catch<'_> {
        fn unwrap_stanza(
            &self,
            stanza: &age_core::format::Stanza,
        ) -> Option<Result<age_core::format::FileKey, age::DecryptError>> {
            use age_core::secrecy::ExposeSecret;
            let r = self.0.unwrap_stanza(stanza);
            if let Some(Ok(k)) = &r {
                self.1.set(Some(*k.expose_secret()));
            }
            r
        }
    }

    fn file_key(bytes: &[u8], id: &age::x25519::Identity) -> ([u8; 16], u64) {
        let catch = Catch(id, Default::default());
        let d = age::Decryptor::new(bytes).unwrap();
        drop(
            d.decrypt(std::iter::once(&catch as &dyn age::Identity))
                .unwrap(),
        );
        // The header ends with the line that starts `---`.
        let mac = bytes.windows(4).position(|w| w == b"\n---").unwrap() + 1;
        let end = mac + bytes[mac..].iter().position(|&b| b == b'\n').unwrap() + 1;
        (catch.1.get().unwrap(), end as u64)
    }

    fn as_file(bytes: &[u8]) -> File {
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(bytes).unwrap();
        f
    }

    fn open(
        bytes: &[u8],
        key: &[u8; 16],
        offset: u64,
        parallel_min: usize,
    ) -> Result<Vec<u8>, StreamError> {
        let f = as_file(bytes);
        let p = Payload {
            file: &f,
            offset,
            file_len: bytes.len() as u64,
            file_key: key,
        };
        decrypt_with(&p, parallel_min).map(|s| s.expose().to_vec())
    }

    fn sample(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 31 + i / 7) as u8).collect()
    }

    #[test]
    fn every_length_around_the_chunk_edges_matches_what_was_encrypted() {
        for len in [
            0,
            1,
            CHUNK - 1,
            CHUNK,
            CHUNK + 1,
            2 * CHUNK,
            2 * CHUNK + 1,
            3 * CHUNK - 1,
            5 * CHUNK,
            7 * CHUNK + 12_345,
        ] {
            let plain = sample(len);
            let (file, key, offset) = encrypt(&plain);
            for parallel_min in [usize::MAX, 1] {
                assert_eq!(
                    open(&file, &key, offset, parallel_min).unwrap(),
                    plain,
                    "length {len}, parallel from {parallel_min}"
                );
            }
        }
    }

    #[test]
    fn the_age_crate_reads_the_same_plaintext() {
        // A cross-check of the construction against the age crate's own
        // reader on one multi-chunk file.
        let plain = sample(3 * CHUNK + 99);
        let id = age::x25519::Identity::generate();
        let enc = age::Encryptor::with_recipients(std::iter::once(&id.to_public() as _)).unwrap();
        let mut file = Vec::new();
        let mut w = enc.wrap_output(&mut file).unwrap();
        w.write_all(&plain).unwrap();
        w.finish().unwrap();
        let theirs = age::decrypt(&id, &file).unwrap();
        let (key, offset) = file_key(&file, &id);
        assert_eq!(open(&file, &key, offset, 1).unwrap(), theirs);
    }

    #[test]
    fn any_changed_byte_in_any_chunk_is_refused() {
        let plain = sample(4 * CHUNK + 7);
        let (file, key, offset) = encrypt(&plain);
        let start = offset as usize;
        let mut at = start;
        while at < file.len() {
            let mut bad = file.clone();
            bad[at] ^= 0x01;
            for parallel_min in [usize::MAX, 1] {
                assert_eq!(
                    open(&bad, &key, offset, parallel_min),
                    Err(StreamError::Authentication),
                    "byte {at} changed"
                );
            }
            // The nonce, each chunk's first and last bytes, and its tag.
            at += if at < start + NONCE { 5 } else { 9_973 };
        }
        let mut bad = file.clone();
        *bad.last_mut().unwrap() ^= 0x80;
        assert_eq!(
            open(&bad, &key, offset, 1),
            Err(StreamError::Authentication)
        );
    }

    #[test]
    fn a_file_cut_or_extended_at_a_chunk_edge_is_refused() {
        let plain = sample(3 * CHUNK + 500);
        let (file, key, offset) = encrypt(&plain);
        let body = offset as usize + NONCE;
        // Cut after the first and after the second full chunk: the new
        // final chunk was written as a middle one.
        for keep in [1, 2] {
            let cut = &file[..body + keep * ENCRYPTED_CHUNK];
            for parallel_min in [usize::MAX, 1] {
                assert_eq!(
                    open(cut, &key, offset, parallel_min),
                    Err(StreamError::Authentication),
                    "cut after {keep} chunks"
                );
            }
        }
        // Cut inside the final chunk's tag, or to less than a tag.
        assert_eq!(
            open(&file[..file.len() - 1], &key, offset, 1),
            Err(StreamError::Authentication)
        );
        assert_eq!(
            open(&file[..body + 3 * ENCRYPTED_CHUNK + 10], &key, offset, 1),
            Err(StreamError::Truncated)
        );
        assert_eq!(
            open(&file[..body - 3], &key, offset, 1),
            Err(StreamError::Truncated)
        );
        // A copy of the final chunk appended: the old final chunk is now
        // read as a middle one.
        let mut longer = file.clone();
        longer.extend_from_slice(&file[body + 3 * ENCRYPTED_CHUNK..]);
        assert_eq!(
            open(&longer, &key, offset, 1),
            Err(StreamError::Authentication)
        );
    }

    #[test]
    fn swapped_chunks_and_a_wrong_key_are_refused() {
        let plain = sample(4 * CHUNK + 1);
        let (file, key, offset) = encrypt(&plain);
        let body = offset as usize + NONCE;
        let mut swapped = file.clone();
        let (a, b) = (body, body + ENCRYPTED_CHUNK);
        let first = file[a..a + ENCRYPTED_CHUNK].to_vec();
        swapped.copy_within(b..b + ENCRYPTED_CHUNK, a);
        swapped[b..b + ENCRYPTED_CHUNK].copy_from_slice(&first);
        assert_eq!(
            open(&swapped, &key, offset, 1),
            Err(StreamError::Authentication)
        );
        let mut other = key;
        other[0] ^= 1;
        assert_eq!(
            open(&file, &other, offset, 1),
            Err(StreamError::Authentication)
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        /// Any plaintext length reads back exactly; any cut of the file
        /// (anywhere, at any length) is an error, never a panic or a
        /// shorter plaintext.
        #[test]
        fn any_length_reads_back_and_any_cut_is_refused(
            len in 0usize..(4 * CHUNK + 100),
            cut in 0.0f64..1.0,
            parallel in proptest::bool::ANY,
        ) {
            let plain = sample(len);
            let (file, key, offset) = encrypt(&plain);
            let parallel_min = if parallel { 1 } else { usize::MAX };
            proptest::prop_assert_eq!(open(&file, &key, offset, parallel_min).unwrap(), plain);
            let keep = ((file.len() as f64) * cut) as usize;
            let cut_file = &file[..keep.min(file.len() - 1)];
            proptest::prop_assert!(open(cut_file, &key, offset, parallel_min).is_err());
        }
    }

    #[test]
    fn lengths_that_no_payload_can_have() {
        assert_eq!(plaintext_len(0), Err(StreamError::Truncated));
        assert_eq!(plaintext_len(15), Err(StreamError::Truncated));
        assert_eq!(plaintext_len(16), Ok(0));
        assert_eq!(plaintext_len(17), Ok(1));
        assert_eq!(plaintext_len(ENCRYPTED_CHUNK as u64), Ok(CHUNK));
        // One full chunk and an empty final one: not allowed.
        assert_eq!(
            plaintext_len((ENCRYPTED_CHUNK + TAG) as u64),
            Err(StreamError::Truncated)
        );
        assert_eq!(
            plaintext_len((ENCRYPTED_CHUNK + TAG + 1) as u64),
            Ok(CHUNK + 1)
        );
    }
}
