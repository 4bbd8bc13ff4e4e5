//! The vault on disk: opening, locking and the save protocol.
//!
//! This module owns [`Vault`], the only way the program reads or writes a
//! vault file. Every write follows the same protocol, so a crash, a full
//! disk or a failing fsync can never leave the user without a vault that
//! opens:
//!
//! 1. take an exclusive lock on `<file>.lock` (a separate file, so the
//!    vault itself can be replaced by rename);
//! 2. refuse if the vault changed on disk since it was loaded;
//! 3. write the new file to a temp file in the same directory, created
//!    with `O_EXCL` and mode 0600;
//! 4. fsync it (a failed fsync is reported and never retried: the page
//!    cache may have dropped the data, so a retry could "succeed" falsely);
//! 5. read it back from disk and decrypt it with the recovery key and the
//!    passphrase path, comparing the plaintext;
//! 6. keep the current vault as `<file>.prev` (hard link, then rename);
//! 7. rename the temp file over the vault (atomic on POSIX);
//! 8. fsync the directory so the rename itself is durable.
//!
//! Opening cleans temp files left by a crashed save (only under the lock,
//! when no save can be running).

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::crypto::{new_passphrase_key, KdfParams, NamedIdentity};
use super::format::{self, AuditEntry, Keys, OpenedBy, Payload, Unlock};
use super::merge::{self, MergeReport};
use super::VaultError;
use crate::item::{now_utc, Item};
use crate::secret::SecretString;

/// How long a writer waits for another to release the lock, unless
/// `LIFEBOAT_LOCK_WAIT_MS` says otherwise.
const DEFAULT_LOCK_WAIT: Duration = Duration::from_secs(10);

/// The default vault location: `<XDG data dir>/lifeboat/vault.age`.
pub fn default_vault_path() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.data_dir().join("lifeboat").join("vault.age"))
}

/// The user's lifeboat config folder: `$LIFEBOAT_CONFIG_DIR` when set and
/// not empty (tests, portable setups), else `<XDG config dir>/lifeboat`.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("LIFEBOAT_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::BaseDirs::new().map(|d| d.config_dir().join("lifeboat"))
}

/// The previous generation kept beside a vault.
pub fn prev_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".prev");
    PathBuf::from(s)
}

/// The lock file beside a vault: its full file name plus `.lock`
/// (`vault.age` -> `vault.age.lock`), so a vault called `x.lock` never
/// locks itself, and two vaults that differ only in extension never share
/// a lock.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".lock");
    PathBuf::from(s)
}

/// Resolves a vault path once, before anything else uses it: symbolic
/// links are followed (also a link to a vault not created yet) and the
/// folder made canonical, so the lock, the temp files, `.prev` and the
/// vault itself all sit beside the real file, and every path naming one
/// vault shares one lock. A save renames over the real file and leaves the
/// link in place. Parts that do not exist yet are kept as given.
pub fn resolve_vault_path(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    // A dangling link (the vault it names is yet to be made): follow it by
    // hand, as far as the kernel would (40 links).
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match fs::read_link(&p) {
            Ok(target) if target.is_absolute() => p = target,
            Ok(target) => p = dir_of(&p).join(target),
            Err(_) => break,
        }
    }
    match (p.file_name(), fs::canonicalize(dir_of(&p))) {
        (Some(name), Ok(dir)) => dir.join(name),
        _ => p,
    }
}

/// Why the vault's folder lets someone else plant or swap a vault file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderRisk {
    /// Group or others may create and rename files in it.
    Writable {
        /// Its permission bits.
        mode: u32,
    },
    /// It belongs to another user (not us, not root).
    ForeignOwner {
        /// The owner's uid.
        uid: u32,
    },
}

/// Checks the folder that holds `vault` (a resolved path, see
/// [`resolve_vault_path`]). `None`: only we (and root) can change what is
/// in it, or the folder does not exist yet.
pub fn folder_risk(vault: &Path) -> Option<FolderRisk> {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(dir_of(vault)).ok()?;
    folder_risk_of(meta.mode(), meta.uid(), rustix::process::geteuid().as_raw())
}

/// [`folder_risk`] from the folder's mode and owner and our uid. Root may
/// own the folder: root can replace any file anyway.
pub fn folder_risk_of(mode: u32, owner: u32, me: u32) -> Option<FolderRisk> {
    if mode & 0o022 != 0 {
        return Some(FolderRisk::Writable {
            mode: mode & 0o7777,
        });
    }
    if owner != me && owner != 0 {
        return Some(FolderRisk::ForeignOwner { uid: owner });
    }
    None
}

/// What `doctor` reports about the vault's folder: what is wrong and the
/// command that fixes it, or `None` when it is private.
pub fn folder_finding(vault: &Path) -> Option<(String, String)> {
    folder_risk(vault).map(|risk| (folder_risk_text(risk), folder_fix(vault, risk)))
}

/// What to run about a risky folder: the `chmod` that makes a writable
/// folder private again, or, for another user's folder (which only they
/// can change), the move into a folder of one's own.
pub fn folder_fix(vault: &Path, risk: FolderRisk) -> String {
    match risk {
        FolderRisk::Writable { .. } => format!("chmod go-w '{}'", dir_of(vault).display()),
        FolderRisk::ForeignOwner { .. } => crate::tr!(
            "vault-folder-move",
            command = format!(
                "mkdir -m 700 ~/lifeboat && mv '{}' ~/lifeboat/",
                vault.display()
            ),
            vault = format!(
                "~/lifeboat/{}",
                vault
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            )
        ),
    }
}

/// The name prefix of a save's temp files beside the vault.
pub fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "vault".into());
    format!(".{name}.tmp.")
}

fn dir_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn show(path: &Path) -> String {
    path.display().to_string()
}

/// What is wrong with a folder, in words (in the interface's language).
pub fn folder_risk_text(risk: FolderRisk) -> String {
    match risk {
        // The mode is octal as `ls -l`/`chmod` show it; the uid is passed
        // as text so no language groups its digits.
        FolderRisk::Writable { mode } => {
            crate::tr!("vault-folder-writable", mode = format!("{mode:04o}"))
        }
        FolderRisk::ForeignOwner { uid } => {
            crate::tr!("vault-folder-foreign", uid = uid.to_string())
        }
    }
}

/// Creates the vault's folder (mode 0700) when it does not exist yet.
fn ensure_private_dir(dir: &Path) -> Result<(), VaultError> {
    if dir.exists() {
        return Ok(());
    }
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|source| VaultError::Io {
            op: "creating the folder",
            path: show(dir),
            source,
        })
}

/// Identity of a file version: device, inode, size and modification time.
/// Every save replaces the file by rename, so the inode changes each time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileStamp {
    dev: u64,
    ino: u64,
    len: u64,
    mtime_ns: i128,
}

impl FileStamp {
    fn of(meta: &fs::Metadata) -> FileStamp {
        use std::os::unix::fs::MetadataExt;
        FileStamp {
            dev: meta.dev(),
            ino: meta.ino(),
            len: meta.len(),
            mtime_ns: i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
        }
    }
}

/// An exclusive lock on the vault's lock file, released on drop.
#[derive(Debug)]
pub struct LockGuard {
    file: File,
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

fn lock_wait() -> Duration {
    std::env::var("LIFEBOAT_LOCK_WAIT_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .map(Duration::from_millis)
        .unwrap_or(DEFAULT_LOCK_WAIT)
}

/// Takes the exclusive lock, waiting up to the configured time.
pub fn acquire_lock(path: &Path) -> Result<LockGuard, VaultError> {
    use std::os::unix::fs::OpenOptionsExt;
    let lp = lock_path(path);
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(&lp)
        .map_err(|source| VaultError::Io {
            op: "opening the lock file",
            path: show(&lp),
            source,
        })?;
    let deadline = Instant::now() + lock_wait();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(LockGuard { file }),
            Err(fs::TryLockError::WouldBlock) => {
                if Instant::now() >= deadline {
                    return Err(VaultError::Locked { path: show(&lp) });
                }
                std::thread::sleep(Duration::from_millis(25));
            }
            Err(fs::TryLockError::Error(source)) => {
                return Err(VaultError::Io {
                    op: "locking",
                    path: show(&lp),
                    source,
                })
            }
        }
    }
}

/// Reads a vault file, refusing one too large to be a vault.
pub fn read_guarded(path: &Path) -> Result<(Vec<u8>, fs::Metadata), VaultError> {
    let (mut f, meta) = open_guarded(path)?;
    let mut buf = Vec::with_capacity(meta.len() as usize);
    std::io::Read::read_to_end(&mut f, &mut buf).map_err(|source| VaultError::Io {
        op: "reading",
        path: show(path),
        source,
    })?;
    Ok((buf, meta))
}

/// Opens a vault file for reading, refusing one too large to be a vault.
/// The reader stops at [`format::MAX_FILE_BYTES`] even if the file grows
/// after the size check.
pub fn open_guarded(path: &Path) -> Result<(std::io::Take<File>, fs::Metadata), VaultError> {
    let f = File::open(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            VaultError::Missing { path: show(path) }
        } else {
            VaultError::Io {
                op: "opening",
                path: show(path),
                source,
            }
        }
    })?;
    let meta = f.metadata().map_err(|source| VaultError::Io {
        op: "reading metadata of",
        path: show(path),
        source,
    })?;
    if !meta.is_file() {
        return Err(VaultError::Corrupt {
            reason: crate::tr!("vault-not-regular-file", path = show(path)),
        });
    }
    if meta.len() > format::MAX_FILE_BYTES {
        return Err(VaultError::Corrupt {
            reason: crate::tr!("vault-too-large", path = show(path), size = meta.len()),
        });
    }
    Ok((std::io::Read::take(f, format::MAX_FILE_BYTES), meta))
}

/// Decrypts a vault file: the header through a small buffer, the payload
/// read by position straight into the plaintext buffer (no copy of the
/// whole file in memory).
fn decrypt_file(
    path: &Path,
    unlock: &Unlock,
) -> Result<(format::Decrypted, fs::Metadata), VaultError> {
    let (f, meta) = open_guarded(path)?;
    let d = format::decrypt_file(f.get_ref(), meta.len(), unlock)
        .map_err(|e| with_prev_hint(e, path))?;
    Ok((d, meta))
}

/// An open vault.
#[derive(Debug)]
pub struct Vault {
    path: PathBuf,
    payload: Payload,
    stamp: Option<FileStamp>,
    opened_by: OpenedBy,
    lock: Option<LockGuard>,
    /// For an unverified open: SHA-256 of the plaintext as read, so a later
    /// proof ([`Vault::accept_proof`]) can show it authenticated exactly
    /// the contents this session holds.
    opened_digest: Option<[u8; 32]>,
    /// The payload as opened or last saved: a save stamps what differs
    /// from it (see [`merge::record_changes`]).
    base: Option<Payload>,
    /// Instead of `base` after [`Vault::save_final`]: the JSON that save
    /// wrote, parsed into `base` only if this session saves again.
    written: Option<Written>,
    /// What the last save merged in from a version another program wrote
    /// meanwhile.
    last_merge: Option<MergeReport>,
}

/// A save's snapshot kept as the bytes it wrote (see [`Vault::save_final`]).
#[derive(Debug)]
struct Written {
    json: crate::secret::SecretBytes,
    /// The keys, which the JSON holds only sealed.
    keys: Keys,
}

/// What proving a read-only session's file with the passphrase or the
/// recovery key found: the proved keys of that very file, and which file
/// it was. Made by [`Vault::prove_file`] (slow: the KDF runs), taken by
/// [`Vault::accept_proof`].
pub struct Proof {
    stamp: FileStamp,
    digest: [u8; 32],
    keys: Keys,
    opened_by: OpenedBy,
}

impl std::fmt::Debug for Proof {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Proof({:?}, [REDACTED])", self.opened_by)
    }
}

fn digest(plain: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(plain).into()
}

/// This program run's writer id in revision stamps: random, so two
/// programs on one device (the TUI and the CLI) never make equal stamps.
fn writer_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(crate::item::new_id)
}

/// Wall-clock milliseconds for revision stamps.
fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

impl Vault {
    /// Creates a new vault at `path` with a passphrase and a fresh recovery
    /// key (in `payload().keys.recovery_identity`). Refuses to overwrite.
    pub fn create(
        path: &Path,
        passphrase: &SecretString,
        params: KdfParams,
    ) -> Result<Vault, VaultError> {
        let path = &resolve_vault_path(path);
        ensure_private_dir(&dir_of(path))?;
        // Anyone who can write to the folder could swap the vault for one
        // of their own making: refuse to start one there.
        if let Some(risk) = folder_risk(path) {
            return Err(VaultError::UnsafeFolder {
                folder: show(&dir_of(path)),
                why: folder_risk_text(risk),
                fix: folder_fix(path, risk),
            });
        }
        let lock = acquire_lock(path)?;
        if path.exists() {
            return Err(VaultError::Exists { path: show(path) });
        }
        let passphrase_key = new_passphrase_key(passphrase, params)
            .map_err(|e| VaultError::Invalid(e.to_string()))?;
        let recovery = NamedIdentity::generate();
        let keys = Keys::new(&recovery, passphrase_key);
        let mut payload = Payload::new(keys);
        payload.audit.push(AuditEntry {
            at: now_utc(),
            action: "init".into(),
            subject: None,
        });
        let mut v = Vault {
            path: path.to_path_buf(),
            payload,
            stamp: None,
            opened_by: OpenedBy::Passphrase,
            lock: Some(lock),
            opened_digest: None,
            base: None,
            written: None,
            last_merge: None,
        };
        v.write_protocol(true, true)?;
        Ok(v)
    }

    /// Opens a vault for reading. A later [`Vault::save`] takes the lock and
    /// refuses if the file changed in between.
    pub fn open(path: &Path, unlock: &Unlock) -> Result<Vault, VaultError> {
        Self::open_inner(&resolve_vault_path(path), unlock, None)
    }

    /// Decrypts a vault for a read-only command; [`DecryptedVault::view`]
    /// then parses and checks it. Cheaper than [`Vault::open`] on a large
    /// vault: items are not built until asked for.
    pub fn open_view(path: &Path, unlock: &Unlock) -> Result<DecryptedVault, VaultError> {
        let path = &resolve_vault_path(path);
        let (decrypted, _) = decrypt_file(path, unlock)?;
        Ok(DecryptedVault {
            path: path.to_path_buf(),
            decrypted,
        })
    }

    /// Opens a vault for a read-modify-write: takes the lock first (waiting
    /// for another writer to finish), cleans stale temp files, then reads.
    /// Two writers in a row therefore both succeed, the second seeing the
    /// first one's change.
    pub fn open_for_update(path: &Path, unlock: &Unlock) -> Result<Vault, VaultError> {
        let v = Self::open_locked(path, unlock)?;
        v.require_verified()?;
        Ok(v)
    }

    /// [`Vault::open_for_update`], except that an extra identity's open
    /// comes back unverified (still refusing every save) for the caller to
    /// prove with [`Vault::prove`] in the same session.
    pub fn open_locked(path: &Path, unlock: &Unlock) -> Result<Vault, VaultError> {
        let path = &resolve_vault_path(path);
        if !path.exists() {
            return Err(VaultError::Missing { path: show(path) });
        }
        let lock = acquire_lock(path)?;
        clean_stale_temps(path);
        Self::open_inner(path, unlock, Some(lock))
    }

    /// Proves an unverified session (see [`Vault::prove_file`] and
    /// [`Vault::accept_proof`]); nothing to do in a verified one.
    pub fn prove(&mut self, unlock: &Unlock) -> Result<(), VaultError> {
        if self.is_verified() {
            return Ok(());
        }
        let proof = Self::prove_file(&self.path, unlock)?;
        self.accept_proof(proof)
    }

    /// Opens the vault file at `path` with the passphrase or the recovery
    /// key, to prove a session an extra identity opened. Runs every check
    /// an open runs; an open that proves nothing (another extra identity)
    /// is refused with [`VaultError::Unverified`]. Needs no [`Vault`], so
    /// the slow KDF can run on another thread.
    pub fn prove_file(path: &Path, unlock: &Unlock) -> Result<Proof, VaultError> {
        let path = &resolve_vault_path(path);
        let (decrypted, meta) = decrypt_file(path, unlock)?;
        let digest = digest(decrypted.plaintext.expose());
        let unsealed = format::unseal_decrypted(decrypted).map_err(|e| with_prev_hint(e, path))?;
        require_verified(&unsealed.opened_by)?;
        Ok(Proof {
            stamp: FileStamp::of(&meta),
            digest,
            keys: unsealed.payload.keys,
            opened_by: unsealed.opened_by,
        })
    }

    /// Makes an unverified session verified with a [`Proof`] of the same
    /// file: the file must not have changed since this session read it
    /// ([`VaultError::Changed`]), and the proved open must have read
    /// exactly the contents the extra identity read (else a possible
    /// forgery). The session then holds the proved keys and may save;
    /// changes it made before are kept.
    pub fn accept_proof(&mut self, proof: Proof) -> Result<(), VaultError> {
        if self.is_verified() {
            return Ok(());
        }
        if Some(proof.stamp) != self.stamp {
            return Err(VaultError::Changed);
        }
        if Some(proof.digest) != self.opened_digest {
            return Err(VaultError::Forged {
                reason: "the file reads differently with the passphrase or the recovery key than with the extra key".into(),
            });
        }
        self.payload.keys = proof.keys;
        // The keys were the file's all along, not a change of this session.
        if let Some(base) = &mut self.base {
            base.keys = self.payload.keys.clone();
        }
        if let Some(w) = &mut self.written {
            w.keys = self.payload.keys.clone();
        }
        self.opened_by = proof.opened_by;
        self.opened_digest = None;
        Ok(())
    }

    /// Opens a vault with what the user says is its recovery key (the
    /// `recover` command, trustee shares, the TUI's recovery): for update,
    /// like [`Vault::open_for_update`], and only if one of the identities
    /// is the recovery key the vault holds. An extra recipient's key, or a
    /// file that lists the key only as an extra recipient, is refused with
    /// [`VaultError::NotRecoveryKey`].
    pub fn open_for_recovery(path: &Path, unlock: &Unlock) -> Result<Vault, VaultError> {
        let path = &resolve_vault_path(path);
        if !path.exists() {
            return Err(VaultError::Missing { path: show(path) });
        }
        let lock = acquire_lock(path)?;
        clean_stale_temps(path);
        let v = Self::open_inner(path, unlock, Some(lock))?;
        match &v.opened_by {
            OpenedBy::RecoveryKey => Ok(v),
            OpenedBy::OtherIdentity(r) => Err(VaultError::NotRecoveryKey {
                recipient: r.clone(),
            }),
            OpenedBy::Passphrase => Err(VaultError::Internal(
                "a recovery open needs the recovery key, not the passphrase".into(),
            )),
        }
    }

    /// True when the open proved the file genuine (passphrase or recovery
    /// key). An extra identity's open is unverified: readable, never
    /// written.
    pub fn is_verified(&self) -> bool {
        self.opened_by.is_verified()
    }

    /// Refuses a write in an unverified session.
    pub fn require_verified(&self) -> Result<(), VaultError> {
        require_verified(&self.opened_by)
    }

    fn open_inner(
        path: &Path,
        unlock: &Unlock,
        lock: Option<LockGuard>,
    ) -> Result<Vault, VaultError> {
        let (decrypted, meta) = decrypt_file(path, unlock)?;
        // Only an identity open can turn out unverified; the digest lets a
        // later proof show it is of these very contents.
        let opened_digest = matches!(decrypted.opened_by, OpenedBy::OtherIdentity(_))
            .then(|| digest(decrypted.plaintext.expose()));
        let unsealed = format::unseal_decrypted(decrypted).map_err(|e| with_prev_hint(e, path))?;
        let opened_digest = opened_digest.filter(|_| !unsealed.opened_by.is_verified());
        Ok(Vault {
            path: path.to_path_buf(),
            base: Some(unsealed.payload.clone()),
            written: None,
            payload: unsealed.payload,
            stamp: Some(FileStamp::of(&meta)),
            opened_by: unsealed.opened_by,
            lock,
            opened_digest,
            last_merge: None,
        })
    }

    /// Replaces whatever is at `path` (a vault that opens, a damaged file,
    /// or nothing at all) with `payload`, through the full save protocol:
    /// the lock is taken, the current file (if any) is kept as the previous
    /// generation, and the new file is verified before it is renamed into
    /// place. The caller must already have authenticated `payload` (it comes
    /// from an opened backup); this is how `restore` works even when the
    /// current vault can no longer be read.
    pub fn restore_from(
        path: &Path,
        payload: Payload,
        opened_by: OpenedBy,
    ) -> Result<Vault, VaultError> {
        require_verified(&opened_by)?;
        let path = &resolve_vault_path(path);
        ensure_private_dir(&dir_of(path))?;
        let lock = acquire_lock(path)?;
        clean_stale_temps(path);
        // Taken under the lock, so the change check in the save protocol
        // compares against exactly the file being replaced.
        let stamp = fs::metadata(path).ok().map(|m| FileStamp::of(&m));
        let mut v = Vault {
            path: path.to_path_buf(),
            payload,
            stamp,
            opened_by,
            lock: Some(lock),
            opened_digest: None,
            base: None,
            written: None,
            last_merge: None,
        };
        v.write_protocol(false, true)?;
        Ok(v)
    }

    /// The vault file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Which unlock path opened it.
    pub fn opened_by(&self) -> &OpenedBy {
        &self.opened_by
    }

    /// The contents.
    pub fn payload(&self) -> &Payload {
        &self.payload
    }

    /// The contents, for changing; call [`Vault::save`] afterwards.
    pub fn payload_mut(&mut self) -> &mut Payload {
        &mut self.payload
    }

    /// Replaces the whole payload (restore); keys are taken from the new one.
    pub fn replace_payload(&mut self, payload: Payload) {
        self.payload = payload;
    }

    /// Releases the lock early (the TUI keeps a vault open for long).
    pub fn release_lock(&mut self) {
        self.lock = None;
    }

    /// Appends an audit entry (names and actions only).
    pub fn audit(&mut self, action: &str, subject: Option<&str>) {
        self.payload.audit.push(AuditEntry {
            at: now_utc(),
            action: action.to_owned(),
            subject: subject.map(str::to_owned),
        });
    }

    /// Finds an item by exact name, then by case-insensitive name, then by
    /// id. `None` also when the name is held by more than one item (see
    /// [`Vault::lookup`], which says so).
    pub fn find(&self, name: &str) -> Option<usize> {
        match find_in(&self.payload.items, name, |i| &i.name, |i| &i.id) {
            Found::One(n) => Some(n),
            Found::Many(_) | Found::None => None,
        }
    }

    /// The position of the one item `name` means (as [`Vault::find`]), or
    /// an error: no such item (with close names), or several items with
    /// that name (a merge keeps both when two copies each added one),
    /// listed with their ids and kinds so the user can name one by id.
    pub fn lookup(&self, name: &str) -> Result<usize, VaultError> {
        let items = &self.payload.items;
        match find_in(items, name, |i| &i.name, |i| &i.id) {
            Found::One(n) => Ok(n),
            Found::Many(hits) => Err(ambiguous(
                name,
                hits.iter()
                    .map(|&n| (items[n].id.as_str(), items[n].kind().as_str())),
            )),
            Found::None => Err(not_found(name, items.iter().map(|i| i.name.as_str()))),
        }
    }

    /// The item called `name`, or an error that says how to list items
    /// (or, for a name several items hold, how to pick one).
    pub fn item(&self, name: &str) -> Result<&Item, VaultError> {
        self.lookup(name).map(|n| &self.payload.items[n])
    }

    /// The item called `name`, for changing.
    pub fn item_mut(&mut self, name: &str) -> Result<&mut Item, VaultError> {
        let n = self.lookup(name)?;
        Ok(&mut self.payload.items[n])
    }

    /// Adds an item; names are unique (ignoring case).
    pub fn add_item(&mut self, item: Item) -> Result<(), VaultError> {
        item.validate_common()
            .map_err(|e| VaultError::Invalid(e.to_string()))?;
        let lower = item.name.to_lowercase();
        if self
            .payload
            .items
            .iter()
            .any(|i| same_name(&i.name, &item.name, &lower))
        {
            return Err(VaultError::Invalid(crate::tr!(
                "cli-name-taken",
                name = item.name.as_str()
            )));
        }
        let name = item.name.clone();
        self.payload.items.push(item);
        self.audit("add", Some(&name));
        Ok(())
    }

    /// Removes an item and returns it.
    pub fn remove_item(&mut self, name: &str) -> Result<Item, VaultError> {
        let n = self.lookup(name)?;
        let item = self.payload.items.remove(n);
        self.audit("rm", Some(&item.name));
        Ok(item)
    }

    /// Erases for good the values the tombstones of these deleted items
    /// keep (see [`merge::Tombstone::purge`]); ids of items that exist, or
    /// whose deletion was purged already, are skipped. Items removed in
    /// this session count: their deletion is stamped first. Returns how
    /// many were purged; [`Vault::save_purged`] writes the result.
    pub fn purge_deleted(&mut self, ids: &[String]) -> Result<usize, VaultError> {
        self.require_verified()?;
        self.record_changes()?;
        let mut names = Vec::new();
        for id in ids {
            if self.payload.items.iter().any(|i| &i.id == id) {
                continue;
            }
            if let Some(ts) = self.payload.sync.tombstones.get_mut(id) {
                if ts.purge() {
                    names.push(ts.name.clone());
                }
            }
        }
        for name in &names {
            self.audit("purge", Some(name));
        }
        // The stamped state is the base of the next save, as after a merge.
        self.base = Some(self.payload.clone());
        Ok(names.len())
    }

    /// Saves after [`Vault::purge_deleted`]: twice, through the full
    /// protocol each time, so that the previous generation kept beside the
    /// vault (`.prev`, which sync tools copy like the vault) is the first
    /// of the two saves and holds none of the erased values either.
    pub fn save_purged(&mut self) -> Result<(), VaultError> {
        self.save()?;
        let first = self.last_merge.take();
        self.save_final()?;
        if self.last_merge.is_none() {
            self.last_merge = first;
        }
        Ok(())
    }

    /// Sets a new passphrase (fresh salt; the KDF runs once here).
    pub fn set_passphrase(
        &mut self,
        passphrase: &SecretString,
        params: KdfParams,
    ) -> Result<(), VaultError> {
        self.payload.keys.passphrase = new_passphrase_key(passphrase, params)
            .map_err(|e| VaultError::Invalid(e.to_string()))?;
        self.audit("passwd", None);
        Ok(())
    }

    /// Makes new keys after a device, a key or a copy was lost: a new
    /// recovery key, a new passphrase key `K` (fresh salt, from
    /// `passphrase`, which becomes the passphrase) and a new authentication
    /// key. Returns the new recovery key's text. Shares, kits and backups
    /// made before hold the old key and keep opening old copies.
    pub fn rotate_keys(
        &mut self,
        passphrase: &SecretString,
        params: KdfParams,
    ) -> Result<SecretString, VaultError> {
        self.require_verified()?;
        let passphrase_key = new_passphrase_key(passphrase, params)
            .map_err(|e| VaultError::Invalid(e.to_string()))?;
        let recovery = NamedIdentity::generate();
        self.payload.keys = Keys::new(&recovery, passphrase_key);
        let h = &mut self.payload.history;
        h.recovery_key_exported = None;
        h.recovery_key_split = None;
        h.kit_printed = None;
        self.audit("rotate", None);
        Ok(recovery.text.clone())
    }

    /// Joins another copy of this vault into this one (see [`merge::merge`]);
    /// [`Vault::save`] then writes the result. Refused in an unverified
    /// session, and for a copy of another vault. The caller must have
    /// opened `other` with a proved path.
    pub fn merge_in(&mut self, other: &Payload) -> Result<MergeReport, VaultError> {
        self.require_verified()?;
        if other.vault_id != self.payload.vault_id {
            return Err(VaultError::DifferentVault {
                ours: self.payload.vault_id.clone(),
                theirs: other.vault_id.clone(),
            });
        }
        // Stamp this session's own edits first, so the merge sees them.
        self.record_changes()?;
        let (merged, report) = merge::merge(&self.payload, other);
        self.payload = merged;
        self.base = Some(self.payload.clone());
        Ok(report)
    }

    /// What the last save merged in because another program had saved the
    /// vault meanwhile (`None` when it did not have to). Taken once.
    pub fn take_merge_report(&mut self) -> Option<MergeReport> {
        self.last_merge.take()
    }

    /// Another program saved the vault after this one read it: reads the
    /// new version with the recovery key this session holds (which proves
    /// it genuine, as any open does) and merges this session's changes
    /// into it. Anything less than a proved copy of the same vault (a
    /// rotated key, a planted or damaged file) is not merged: the save is
    /// refused as before, and nothing is written.
    fn merge_from_disk(&mut self) -> Result<(), VaultError> {
        if !self.payload.keys.known() {
            return Err(VaultError::Changed);
        }
        let id = NamedIdentity::parse(self.payload.keys.recovery_identity.expose())
            .map_err(|_| VaultError::Changed)?;
        let (decrypted, meta) = decrypt_file(&self.path, &Unlock::Identities(vec![id]))
            .map_err(|_| VaultError::Changed)?;
        let theirs = format::unseal_decrypted(decrypted).map_err(|_| VaultError::Changed)?;
        if theirs.opened_by != OpenedBy::RecoveryKey
            || theirs.payload.vault_id != self.payload.vault_id
        {
            return Err(VaultError::Changed);
        }
        let (merged, report) = merge::merge(&self.payload, &theirs.payload);
        self.payload = merged;
        // This session's edits are stamped in it already.
        self.base = Some(self.payload.clone());
        self.stamp = Some(FileStamp::of(&meta));
        self.last_merge = Some(report);
        Ok(())
    }

    /// Saves through the full protocol (see the module docs). Refused in an
    /// unverified session.
    pub fn save(&mut self) -> Result<(), VaultError> {
        self.require_verified()?;
        self.write_protocol(false, true)
    }

    /// [`Vault::save`] for a session that most likely ends with it (one
    /// command line). A save keeps a snapshot of what it wrote for the
    /// next save to compare against; this one keeps the written JSON
    /// instead of a copy of the payload (for 10,000 items a copy is about
    /// 15 MB and a fifth of the command's time) and parses it back only if
    /// the session does save again, which then behaves as [`Vault::save`].
    pub fn save_final(&mut self) -> Result<(), VaultError> {
        self.require_verified()?;
        self.write_protocol(false, false)
    }

    /// Stamps this session's changes (see [`merge::record_changes`])
    /// against the payload as opened or last saved.
    fn record_changes(&mut self) -> Result<(), VaultError> {
        if let Some(w) = self.written.take() {
            let mut base = Payload::from_json(w.json.expose())?;
            base.keys = w.keys;
            self.base = Some(base);
        }
        merge::record_changes(self.base.as_ref(), &mut self.payload, now_ms(), writer_id());
        Ok(())
    }

    fn write_protocol(&mut self, creating: bool, keep_base: bool) -> Result<(), VaultError> {
        let path = self.path.clone();
        // Hold the lock for the whole protocol; keep an existing one.
        let temp_lock = if self.lock.is_none() {
            Some(acquire_lock(&path)?)
        } else {
            None
        };
        // Stamp what this session changed (item fields, deletions,
        // settings) before anything else, so a merge below sees it.
        self.record_changes()?;
        if !creating {
            let current = fs::metadata(&path).map(|m| FileStamp::of(&m)).ok();
            if current != self.stamp {
                self.merge_from_disk()?;
            }
        }
        self.payload.updated = now_utc();
        // Every save writes the current format (a version-1 vault migrates
        // on its first save).
        self.payload.version = format::VERSION;
        let (bytes, json) = format::seal(&mut self.payload)?;
        let dir = dir_of(&path);
        let tmp = dir.join(format!("{}{}", temp_prefix(&path), crate::item::new_id()));
        let result = write_verified(&tmp, &bytes, &self.payload, json.expose());
        if let Err(e) = result {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        if !creating && path.exists() {
            if let Err(e) = keep_previous(&path) {
                let _ = fs::remove_file(&tmp);
                return Err(e);
            }
        }
        rename_into_place(&tmp, &path, &dir)?;
        self.stamp = fs::metadata(&path).ok().map(|m| FileStamp::of(&m));
        if keep_base {
            self.base = Some(self.payload.clone());
        } else {
            self.base = None;
            self.written = Some(Written {
                json,
                keys: self.payload.keys.clone(),
            });
        }
        drop(temp_lock);
        Ok(())
    }
}

/// Files beside the vault that a sync tool left as conflict copies of it
/// (see [`merge::conflict_copy_tool`]), with the tool's name, sorted.
pub fn conflict_copies(vault: &Path) -> Vec<(PathBuf, &'static str)> {
    let Some(name) = vault.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let Ok(entries) = fs::read_dir(dir_of(vault)) else {
        return Vec::new();
    };
    let mut out: Vec<(PathBuf, &'static str)> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            merge::conflict_copy_tool(&name, &n).map(|tool| (e.path(), tool))
        })
        .collect();
    out.sort();
    out
}

/// Opens another copy of the vault (a sync tool's conflict copy, a
/// backup) with the recovery key of the vault in hand, `ours`, and proves
/// it: it must open on the recovery-key path, pass the authenticity check
/// every open runs, and be a copy of this very vault. A copy whose keys
/// were changed does not open here (an [`VaultError::Auth`]); a planted or
/// damaged file is refused as any open refuses it. Nothing is written.
pub fn open_copy(file: &Path, ours: &Payload) -> Result<Payload, VaultError> {
    let id = NamedIdentity::parse(ours.keys.recovery_identity.expose())
        .map_err(|e| VaultError::Internal(e.to_string()))?;
    let (bytes, _) = read_guarded(file)?;
    let u = format::unseal(&bytes, &Unlock::Identities(vec![id]))?;
    if let OpenedBy::OtherIdentity(r) = &u.opened_by {
        return Err(VaultError::Unverified {
            recipient: r.clone(),
        });
    }
    if u.payload.vault_id != ours.vault_id {
        return Err(VaultError::DifferentVault {
            ours: ours.vault_id.clone(),
            theirs: u.payload.vault_id.clone(),
        });
    }
    Ok(u.payload)
}

/// Where a merged conflict copy is kept: the config file's `backup_dir`,
/// else the folder backups were last written to (the vault's setting),
/// else `lifeboat-merged` beside the vault.
pub fn merged_copies_dir(
    config_backup_dir: Option<&Path>,
    ours: &Payload,
    vault: &Path,
) -> PathBuf {
    config_backup_dir
        .map(Path::to_path_buf)
        .or_else(|| ours.settings.backup_dir.as_ref().map(PathBuf::from))
        .unwrap_or_else(|| dir_of(vault).join("lifeboat-merged"))
}

/// Moves a merged copy into `dir` (made 0700 if missing), never over a
/// file already there (`NAME.1`, `NAME.2`, ... instead); across
/// filesystems it is copied, flushed, then removed. Returns where it went.
pub fn move_aside(copy: &Path, dir: &Path) -> std::io::Result<PathBuf> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let name = copy.file_name().unwrap_or_default();
    let mut to = dir.join(name);
    let mut n = 1;
    while to.exists() {
        to = dir.join(format!("{}.{n}", name.to_string_lossy()));
        n += 1;
    }
    if fs::rename(copy, &to).is_err() {
        // Another filesystem: copy, flush, then remove the original.
        fs::copy(copy, &to)?;
        File::open(&to)?.sync_all()?;
        fs::remove_file(copy)?;
    }
    Ok(to)
}

/// Writes `payload` as a vault file at `path` without the lock or a
/// previous generation (the git merge driver's output, a file git owns):
/// a new temp file beside it, fsynced, read back and verified, then
/// renamed over `path`. Either the old file or the complete new one is
/// there at every instant.
pub fn write_copy(path: &Path, payload: &mut Payload) -> Result<(), VaultError> {
    payload.updated = now_utc();
    payload.version = format::VERSION;
    let (bytes, json) = format::seal(payload)?;
    let dir = dir_of(path);
    let tmp = dir.join(format!("{}{}", temp_prefix(path), crate::item::new_id()));
    if let Err(e) = write_verified(&tmp, &bytes, payload, json.expose()) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    rename_into_place(&tmp, path, &dir)
}

/// Finds an item by exact name, then by case-insensitive name (when only
/// one matches), then by id: the rule of [`Vault::find`] and
/// [`VaultView::find`].
/// What a name lookup found.
enum Found {
    /// Exactly one item.
    One(usize),
    /// Several items hold the name (exactly, or ignoring case when none
    /// holds it exactly).
    Many(Vec<usize>),
    /// None, neither by name nor by id.
    None,
}

fn find_in<T>(
    items: &[T],
    name: &str,
    name_of: impl Fn(&T) -> &str,
    id_of: impl Fn(&T) -> &str,
) -> Found {
    let exact: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, i)| name_of(i) == name)
        .map(|(n, _)| n)
        .collect();
    if exact.len() > 1 {
        return Found::Many(exact);
    }
    if let Some(&n) = exact.first() {
        return Found::One(n);
    }
    let lower = name.to_lowercase();
    let hits: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, i)| same_name(name_of(i), name, &lower))
        .map(|(n, _)| n)
        .collect();
    match hits.len() {
        1 => Found::One(hits[0]),
        0 => match items.iter().position(|i| id_of(i) == name) {
            Some(n) => Found::One(n),
            None => Found::None,
        },
        _ => Found::Many(hits),
    }
}

/// Several items hold `name`: each one's id and kind, and how to choose.
fn ambiguous<'a>(name: &str, hits: impl Iterator<Item = (&'a str, &'a str)>) -> VaultError {
    let hits: Vec<(&str, &str)> = hits.collect();
    let matches: Vec<String> = hits
        .iter()
        .map(|(id, kind)| {
            // The kind as a word of the language (the id in English).
            let kind = crate::tr!("cli-kind-name", kind = *kind);
            crate::tr!("sync-ambiguous-one", id = *id, kind = kind)
        })
        .collect();
    VaultError::Ambiguous {
        name: name.to_owned(),
        count: hits.len(),
        matches: matches.join(&crate::tr!("cli-list-separator")),
        first: hits.first().map(|h| h.0.to_owned()).unwrap_or_default(),
    }
}

/// A vault decrypted for a read-only command, not yet parsed or checked:
/// its contents are reachable only through [`DecryptedVault::view`], which
/// runs every check [`Vault::open`] runs.
pub struct DecryptedVault {
    path: PathBuf,
    decrypted: format::Decrypted,
}

impl std::fmt::Debug for DecryptedVault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DecryptedVault({})", show(&self.path))
    }
}

impl DecryptedVault {
    /// Checks the contents (format, version, authenticity) and indexes
    /// the items by name, borrowing from the decrypted text (see
    /// [`format::View`]).
    pub fn view(&self) -> Result<VaultView<'_>, VaultError> {
        let view = format::view(&self.decrypted).map_err(|e| with_prev_hint(e, &self.path))?;
        Ok(VaultView {
            view,
            path: &self.path,
        })
    }
}

/// A read-only view of a vault (`list`, `show`, `code`): the format,
/// version and authenticity checks of [`Vault::open`], but each item is
/// read from the decrypted text only as far as the command prints it, so a
/// large vault opens without building every item, and one damaged item
/// does not hide the others. Anything that changes the vault uses
/// [`Vault`], whose full parse refuses a damaged item, so one is never
/// saved.
#[derive(Debug)]
pub struct VaultView<'a> {
    view: format::View<'a>,
    path: &'a Path,
}

impl<'a> VaultView<'a> {
    /// Which unlock path opened it.
    pub fn opened_by(&self) -> &OpenedBy {
        &self.view.opened_by
    }

    /// True when the open proved the file genuine (see [`Vault::is_verified`]).
    pub fn is_verified(&self) -> bool {
        self.view.opened_by.is_verified()
    }

    /// How many items the vault holds.
    pub fn len(&self) -> usize {
        self.view.len()
    }

    /// True when the vault holds no item.
    pub fn is_empty(&self) -> bool {
        self.view.is_empty()
    }

    /// Every item's non-secret fields, in vault order (what `list` prints).
    /// A large vault is read on two threads, which take blocks of items
    /// in turn (so a second thread that starts late only takes fewer);
    /// the error reported is the first in vault order, as on one thread.
    pub fn heads(&self) -> Result<Vec<crate::item::ItemHead<'a>>, VaultError> {
        const BLOCK: usize = 512;
        let n = self.view.len();
        let read = |from: usize, to: usize| -> Result<Vec<crate::item::ItemHead<'a>>, VaultError> {
            (from..to)
                .filter_map(|i| self.view.entry(i))
                .map(|e| e.head().map_err(|e| with_prev_hint(e, self.path)))
                .collect()
        };
        if n < 4 * BLOCK {
            return read(0, n);
        }
        let blocks = n.div_ceil(BLOCK);
        let next = std::sync::atomic::AtomicUsize::new(0);
        let work = || {
            let mut done = Vec::new();
            loop {
                let b = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if b >= blocks {
                    return done;
                }
                done.push((b, read(b * BLOCK, ((b + 1) * BLOCK).min(n))));
            }
        };
        let mut done = std::thread::scope(|s| {
            let other = std::thread::Builder::new()
                .name("lifeboat-list".into())
                .spawn_scoped(s, work);
            let mut mine = work();
            if let Ok(h) = other {
                mine.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            }
            mine
        });
        done.sort_unstable_by_key(|(b, _)| *b);
        let mut heads = Vec::with_capacity(n);
        for (_, block) in done {
            heads.extend(block?);
        }
        Ok(heads)
    }

    /// Finds an item as [`Vault::lookup`] does (exact name, then the one
    /// name equal ignoring case, then id), reading only ids and names; a
    /// name several items hold is an error that lists them.
    pub fn find(&self, name: &str) -> Result<Option<usize>, VaultError> {
        let lower = name.to_lowercase();
        let (mut exact, mut folded, mut by_id) = (Vec::new(), Vec::new(), None);
        for (n, e) in self.view.entries().enumerate() {
            let (id, this) = e.id_and_name().map_err(|e| with_prev_hint(e, self.path))?;
            if *this == *name {
                exact.push(n);
            } else if exact.is_empty() && same_name(&this, name, &lower) {
                folded.push(n);
            }
            if by_id.is_none() && *id == *name {
                by_id = Some(n);
            }
        }
        let hits = if exact.is_empty() { folded } else { exact };
        match hits.len() {
            0 => Ok(by_id),
            1 => Ok(Some(hits[0])),
            _ => {
                let mut found = Vec::with_capacity(hits.len());
                for &n in &hits {
                    if let Some(e) = self.view.entry(n) {
                        let h = e.head().map_err(|e| with_prev_hint(e, self.path))?;
                        found.push(((*h.id).to_owned(), h.kind.as_str()));
                    }
                }
                Err(ambiguous(
                    name,
                    found.iter().map(|(id, kind)| (id.as_str(), *kind)),
                ))
            }
        }
    }

    /// The whole item called `name` (secret included), or an error that
    /// says how to list items. Only this item is read in full.
    pub fn item(&self, name: &str) -> Result<Item, VaultError> {
        let Some(n) = self.find(name)? else {
            let mut names = Vec::with_capacity(self.len());
            for e in self.view.entries() {
                names.push(e.id_and_name()?.1);
            }
            return Err(not_found(name, names.iter().map(|t| &**t)));
        };
        self.view
            .entry(n)
            .ok_or_else(|| VaultError::Internal("an item found is missing".into()))?
            .item()
            .map_err(|e| with_prev_hint(e, self.path))
    }
}

/// Case-insensitive name equality (`a.to_lowercase() == b_lower`, where
/// `b_lower` is `b.to_lowercase()`), without allocating for ASCII names:
/// `find` and `add_item` compare against every item, 10,000 of them in a
/// large vault.
fn same_name(a: &str, b: &str, b_lower: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b_lower
    }
}

fn require_verified(opened_by: &OpenedBy) -> Result<(), VaultError> {
    match opened_by {
        OpenedBy::OtherIdentity(r) => Err(VaultError::Unverified {
            recipient: r.clone(),
        }),
        _ => Ok(()),
    }
}

fn not_found<'a>(name: &str, names: impl Iterator<Item = &'a str>) -> VaultError {
    let close = closest_names(name, names);
    if close.is_empty() {
        return VaultError::Invalid(crate::tr!("vault-no-item", name = name));
    }
    let quoted: Vec<String> = close
        .iter()
        .map(|n| crate::tr!("err-seed-quoted-word", word = *n))
        .collect();
    VaultError::Invalid(crate::tr!(
        "vault-no-item-did-you-mean",
        name = name,
        names = quoted.join(&crate::tr!("err-seed-or"))
    ))
}

/// Up to three item names close to `wanted` (ignoring case): a typo or two
/// away (edit distance at most a third of the length, at least 1), or
/// containing it as a word-start prefix. Best first.
pub fn closest_names<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let w: Vec<char> = wanted.to_lowercase().chars().collect();
    if w.is_empty() {
        return Vec::new();
    }
    let limit = (w.len() / 3).max(1);
    let mut scored: Vec<(usize, &'a str)> = names
        .filter_map(|n| {
            let lower = n.to_lowercase();
            let c: Vec<char> = lower.chars().collect();
            if w.len() >= 3 && lower.starts_with(&*wanted.to_lowercase()) {
                return Some((0, n));
            }
            let d = edit_distance(&w, &c, limit);
            (d <= limit).then_some((d, n))
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, n)| n).collect()
}

/// Levenshtein distance, giving up (returning `limit + 1`) once past `limit`.
fn edit_distance(a: &[char], b: &[char], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().min().is_some_and(|m| *m > limit) {
            return limit + 1;
        }
        prev = cur;
    }
    prev[b.len()]
}

fn with_prev_hint(e: VaultError, path: &Path) -> VaultError {
    match e {
        VaultError::Corrupt { reason } if prev_path(path).exists() => VaultError::Corrupt {
            reason: crate::tr!(
                "vault-prev-hint",
                reason = crate::i18n::translate_english(&reason),
                prev = show(&prev_path(path))
            ),
        },
        VaultError::Corrupt { reason } => VaultError::Corrupt {
            reason: crate::tr!(
                "vault-no-prev-hint",
                reason = crate::i18n::translate_english(&reason),
                prev = show(&prev_path(path))
            ),
        },
        other => other,
    }
}

/// The last steps of the save protocol: the verified temp file `tmp`
/// replaces `path` (removed if the rename fails), then the folder `dir` is
/// fsynced so the rename survives a power cut; a failure of that is
/// reported rather than called success.
fn rename_into_place(tmp: &Path, path: &Path, dir: &Path) -> Result<(), VaultError> {
    if let Err(source) = fs::rename(tmp, path) {
        let _ = fs::remove_file(tmp);
        return Err(VaultError::SaveFailed {
            step: "renaming the new file into place",
            source,
        });
    }
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|source| VaultError::NotDurable {
            path: show(dir),
            source,
        })
}

/// Writes `bytes` to a new temp file, fsyncs it, reads it back and verifies.
fn write_verified(
    tmp: &Path,
    bytes: &[u8],
    payload: &Payload,
    json: &[u8],
) -> Result<(), VaultError> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(tmp)
        .map_err(|source| VaultError::SaveFailed {
            step: "creating the temporary file",
            source,
        })?;
    f.write_all(bytes)
        .map_err(|source| VaultError::SaveFailed {
            step: "writing the temporary file",
            source,
        })?;
    // Never retried: after a failed fsync the kernel may have dropped the dirty
    // pages, and a second fsync could report success for data that is gone.
    f.sync_all().map_err(|source| VaultError::SaveFailed {
        step: "flushing the temporary file to disk (fsync)",
        source,
    })?;
    drop(f);
    let (back, _) = read_guarded(tmp).map_err(|_| VaultError::SaveFailed {
        step: "reading the temporary file back",
        source: std::io::Error::other("read-back failed"),
    })?;
    if back != bytes {
        return Err(VaultError::SaveFailed {
            step: "verifying the temporary file",
            source: std::io::Error::other("the bytes read back differ from those written"),
        });
    }
    format::verify_written(&back, payload, json).map_err(|e| VaultError::SaveFailed {
        step: "verifying that the new file decrypts",
        source: std::io::Error::other(e.to_string()),
    })
}

/// Keeps the current vault as `<file>.prev`: hard link to a temp name, then
/// rename over the old `.prev`, so `.prev` is always a complete file.
fn keep_previous(path: &Path) -> Result<(), VaultError> {
    let prev = prev_path(path);
    let dir = dir_of(path);
    let tmp_prev = dir.join(format!(
        "{}prev.{}",
        temp_prefix(path),
        crate::item::new_id()
    ));
    let linked = fs::hard_link(path, &tmp_prev).or_else(|_| {
        // Some filesystems have no hard links; copy and flush instead.
        fs::copy(path, &tmp_prev)
            .and_then(|_| File::open(&tmp_prev))
            .and_then(|f| f.sync_all())
    });
    linked.map_err(|source| VaultError::SaveFailed {
        step: "keeping the previous generation",
        source,
    })?;
    fs::rename(&tmp_prev, &prev).map_err(|source| {
        let _ = fs::remove_file(&tmp_prev);
        VaultError::SaveFailed {
            step: "keeping the previous generation",
            source,
        }
    })?;
    // After a crash between this step and the final rename, the vault and
    // `.prev` are one file under two names; rename() between two links of
    // one file does nothing and leaves the temp name behind. Drop it.
    let _ = fs::remove_file(&tmp_prev);
    Ok(())
}

/// Removes temp files a crashed save left behind. Only called under the
/// lock, when no save can be in progress.
fn clean_stale_temps(path: &Path) {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(dir_of(path)) else {
        return;
    };
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::Secret;

    fn fast() -> KdfParams {
        KdfParams {
            m_kib: 8 * 1024,
            t: 1,
            p: 1,
        }
    }

    /// A vault with one extra recipient; returns its path, the passphrase,
    /// the recovery key and the extra identity.
    fn with_extra(dir: &Path) -> (PathBuf, SecretString, NamedIdentity, NamedIdentity) {
        let path = dir.join("vault.age");
        let pw: SecretString = "a long enough passphrase".into();
        let mut v = Vault::create(&path, &pw, fast()).unwrap();
        let rk = NamedIdentity::parse(v.payload().keys.recovery_identity.expose()).unwrap();
        let extra = NamedIdentity::generate();
        v.payload_mut().recipients.push(format::ExtraRecipient {
            recipient: extra.recipient.clone(),
            added: now_utc(),
        });
        v.save().unwrap();
        (path, pw, rk, extra)
    }

    fn extra_only(extra: &NamedIdentity) -> Unlock {
        Unlock::Identities(vec![NamedIdentity::parse(extra.text.expose()).unwrap()])
    }

    #[test]
    fn an_extra_identity_session_proved_by_the_passphrase_may_save() {
        let dir = tempfile::tempdir().unwrap();
        let (path, pw, rk, extra) = with_extra(dir.path());
        let mut v = Vault::open_locked(&path, &extra_only(&extra)).unwrap();
        assert!(!v.is_verified());
        // A change made before the proof is kept, but cannot be saved yet.
        v.add_item(Item::new("n", Secret::Note { text: "hi".into() }))
            .unwrap();
        assert!(matches!(v.save(), Err(VaultError::Unverified { .. })));
        let before = fs::read(&path).unwrap();
        // A wrong passphrase proves nothing and changes nothing.
        let e = v.prove(&Unlock::Passphrase("wrong".into())).unwrap_err();
        assert!(matches!(e, VaultError::Auth(_)), "{e:?}");
        assert!(!v.is_verified());
        assert!(matches!(v.save(), Err(VaultError::Unverified { .. })));
        // Another extra identity proves nothing either.
        let other = NamedIdentity::generate();
        assert!(v.prove(&extra_only(&other)).is_err());
        assert!(v.prove(&extra_only(&extra)).is_err());
        assert!(!v.is_verified());
        assert_eq!(fs::read(&path).unwrap(), before);
        v.prove(&Unlock::Passphrase(pw.clone())).unwrap();
        assert_eq!(v.opened_by(), &OpenedBy::Passphrase);
        v.save().unwrap();
        drop(v);
        // The saved file is genuine on both proving paths.
        let v = Vault::open(&path, &Unlock::Passphrase(pw)).unwrap();
        assert_eq!(v.payload().items.len(), 1);
        let v = Vault::open(&path, &Unlock::Identities(vec![rk])).unwrap();
        assert_eq!(v.opened_by(), &OpenedBy::RecoveryKey);
        assert_eq!(v.payload().items.len(), 1);
    }

    #[test]
    fn an_extra_identity_session_proved_by_the_recovery_key_may_save() {
        let dir = tempfile::tempdir().unwrap();
        let (path, pw, rk, extra) = with_extra(dir.path());
        let mut v = Vault::open_locked(&path, &extra_only(&extra)).unwrap();
        v.prove(&Unlock::Identities(vec![rk])).unwrap();
        assert_eq!(v.opened_by(), &OpenedBy::RecoveryKey);
        v.add_item(Item::new("n", Secret::Note { text: "hi".into() }))
            .unwrap();
        v.save().unwrap();
        drop(v);
        assert!(Vault::open(&path, &Unlock::Passphrase(pw))
            .unwrap()
            .is_verified());
    }

    #[test]
    fn a_proof_of_another_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (path, pw, _, extra) = with_extra(dir.path());
        // The session reads the file; then it is replaced (a save by
        // someone else): the proof is of a file this session never read.
        let mut ro = Vault::open(&path, &extra_only(&extra)).unwrap();
        let mut w = Vault::open_for_update(&path, &Unlock::Passphrase(pw.clone())).unwrap();
        w.save().unwrap();
        drop(w);
        let e = ro.prove(&Unlock::Passphrase(pw.clone())).unwrap_err();
        assert!(matches!(e, VaultError::Changed), "{e:?}");
        assert!(!ro.is_verified());
        // Same stamp, other contents (a proof made up for another file).
        let mut ro = Vault::open(&path, &extra_only(&extra)).unwrap();
        let mut proof = Vault::prove_file(&path, &Unlock::Passphrase(pw)).unwrap();
        proof.digest[0] ^= 1;
        let e = ro.accept_proof(proof).unwrap_err();
        assert!(matches!(e, VaultError::Forged { .. }), "{e:?}");
        assert!(!ro.is_verified());
    }

    #[test]
    fn create_open_add_save_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v").join("vault.age");
        let pw: SecretString = "a long enough passphrase".into();
        let v = Vault::create(&path, &pw, fast()).unwrap();
        let rk = v.payload().keys.recovery_identity.clone();
        drop(v);
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let mut v = Vault::open_for_update(&path, &Unlock::Passphrase(pw.clone())).unwrap();
        assert_eq!(v.opened_by(), &OpenedBy::Passphrase);
        v.add_item(Item::new("n", Secret::Note { text: "hi".into() }))
            .unwrap();
        v.save().unwrap();
        drop(v);
        assert!(prev_path(&path).exists());
        let ids = vec![NamedIdentity::parse(rk.expose()).unwrap()];
        let v = Vault::open(&path, &Unlock::Identities(ids)).unwrap();
        assert_eq!(v.opened_by(), &OpenedBy::RecoveryKey);
        assert_eq!(v.payload().items.len(), 1);
        // the recovery-key session can save and the passphrase still opens it
        let mut v = v;
        v.save().unwrap();
        Vault::open(&path, &Unlock::Passphrase(pw)).unwrap();
        // wrong passphrase
        let e = Vault::open(&path, &Unlock::Passphrase("wrong".into())).unwrap_err();
        assert!(matches!(e, VaultError::Auth(_)), "{e:?}");
    }

    #[test]
    fn forged_vault_is_detected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vault.age");
        let pw: SecretString = "a long enough passphrase".into();
        let v = Vault::create(&path, &pw, fast()).unwrap();
        let real = v.payload().clone();
        // An attacker knows only the public recovery recipient: they make a
        // payload with their own keys and encrypt it to the real recipient.
        let attacker = NamedIdentity::generate();
        let mut fake = real.clone();
        fake.keys.recovery_identity = attacker.text.clone();
        fake.keys.recovery_recipient = attacker.recipient.clone();
        fake.keys.passphrase = new_passphrase_key(&"x".into(), fast()).unwrap();
        let recipient: age::x25519::Recipient = real.keys.recovery_recipient.parse().unwrap();
        let json = fake.to_json().unwrap();
        let bytes = age::encrypt(&recipient, json.expose()).unwrap();
        fs::write(&path, bytes).unwrap();
        let ids = vec![NamedIdentity::parse(real.keys.recovery_identity.expose()).unwrap()];
        let e = Vault::open(&path, &Unlock::Identities(ids)).unwrap_err();
        assert!(matches!(e, VaultError::Forged { .. }), "{e:?}");
        // The read-only view runs the same check.
        let ids = vec![NamedIdentity::parse(real.keys.recovery_identity.expose()).unwrap()];
        let e = Vault::open_view(&path, &Unlock::Identities(ids))
            .unwrap()
            .view()
            .unwrap_err();
        assert!(matches!(e, VaultError::Forged { .. }), "{e:?}");
    }

    #[test]
    fn view_reads_what_open_reads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vault.age");
        let pw: SecretString = "a long enough passphrase".into();
        let mut v = Vault::create(&path, &pw, fast()).unwrap();
        let mut a = Item::new(
            "Bank \"main\"",
            Secret::Note {
                text: "1\n2".into(),
            },
        );
        a.tags = vec!["x".into(), "y\tz".into()];
        a.account = Some("acc".into());
        v.add_item(a).unwrap();
        v.add_item(Item::new(
            "other",
            Secret::Key {
                key: "k".into(),
                format: None,
            },
        ))
        .unwrap();
        v.save().unwrap();
        drop(v);
        let unlock = Unlock::Passphrase(pw);
        let full = Vault::open(&path, &unlock).unwrap();
        let text = Vault::open_view(&path, &unlock).unwrap();
        let view = text.view().unwrap();
        assert_eq!(view.opened_by(), full.opened_by());
        assert_eq!(view.len(), 2);
        let heads = view.heads().unwrap();
        assert_eq!(view.len(), heads.len());
        for (n, (h, i)) in heads.iter().zip(&full.payload().items).enumerate() {
            assert_eq!(&*h.name, i.name);
            assert_eq!(&*h.id, i.id);
            assert_eq!(h.kind, i.kind());
            assert_eq!(h.account.as_deref(), i.account.as_deref());
            let tags: Vec<&str> = h.tags.iter().map(|t| &**t).collect();
            assert_eq!(tags, i.tags);
            assert_eq!(h.created, i.created);
            assert_eq!(&view.item(&i.name).unwrap(), i);
            assert_eq!(view.find(&i.id).unwrap(), Some(n));
        }
        for name in ["bank \"MAIN\"", "other", "OTHER", "nope"] {
            assert_eq!(view.find(name).unwrap(), full.find(name), "{name}");
        }
        assert_eq!(&view.item("other").unwrap(), full.item("other").unwrap());
    }

    #[test]
    fn names_compare_without_case() {
        for (a, b, same) in [
            ("Bank", "bank", true),
            ("GitHub 2FA", "github 2fa", true),
            ("Ärger", "ärger", true),
            ("ÄRGER", "ärger", true),
            ("bank", "bank2", false),
            ("straße", "STRASSE", false),
        ] {
            assert_eq!(same_name(a, b, &b.to_lowercase()), same, "{a} / {b}");
        }
    }

    #[test]
    fn a_save_merges_a_change_another_program_saved_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vault.age");
        let pw: SecretString = "a long enough passphrase".into();
        drop(Vault::create(&path, &pw, fast()).unwrap());
        // The TUI's long-lived session (no lock held), and a CLI command.
        let mut tui = Vault::open(&path, &Unlock::Passphrase(pw.clone())).unwrap();
        let mut cli = Vault::open_for_update(&path, &Unlock::Passphrase(pw.clone())).unwrap();
        cli.add_item(Item::new("from cli", Secret::Note { text: "1".into() }))
            .unwrap();
        cli.save().unwrap();
        drop(cli);
        tui.add_item(Item::new("from tui", Secret::Note { text: "2".into() }))
            .unwrap();
        tui.save().unwrap();
        let report = tui.take_merge_report().expect("the save merged");
        assert_eq!(report.added, vec!["from cli".to_owned()]);
        assert!(report.conflicts.is_empty());
        let v = Vault::open(&path, &Unlock::Passphrase(pw)).unwrap();
        let mut names: Vec<&str> = v.payload().items.iter().map(|i| i.name.as_str()).collect();
        names.sort();
        assert_eq!(names, ["from cli", "from tui"]);
        assert_eq!(v.payload().version, format::VERSION);
    }

    #[test]
    fn a_file_swapped_in_meanwhile_that_is_not_proved_is_never_merged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vault.age");
        let pw: SecretString = "a long enough passphrase".into();
        let v = Vault::create(&path, &pw, fast()).unwrap();
        let real = v.payload().clone();
        drop(v);
        let mut session = Vault::open(&path, &Unlock::Passphrase(pw.clone())).unwrap();
        // Someone who knows the public recovery recipient plants a file
        // with an item of their own while the session is open.
        let mut fake = real.clone();
        fake.items.push(Item::new(
            "planted",
            Secret::Note {
                text: "send it here".into(),
            },
        ));
        let recipient: age::x25519::Recipient = real.keys.recovery_recipient.parse().unwrap();
        let planted = age::encrypt(&recipient, fake.to_json().unwrap().expose()).unwrap();
        fs::write(&path, &planted).unwrap();
        session
            .add_item(Item::new("mine", Secret::Note { text: "1".into() }))
            .unwrap();
        assert!(matches!(session.save().unwrap_err(), VaultError::Changed));
        assert_eq!(fs::read(&path).unwrap(), planted, "nothing written");
        assert!(session.payload().items.iter().all(|i| i.name != "planted"));
    }

    #[test]
    fn a_version_2_vault_opens_and_is_upgraded_on_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vault.age");
        let pw: SecretString = "a long enough passphrase".into();
        let mut v = Vault::create(&path, &pw, fast()).unwrap();
        v.add_item(Item::new("old", Secret::Note { text: "1".into() }))
            .unwrap();
        v.save().unwrap();
        // Write it as version 2 wrote it: no revision metadata.
        let mut p = v.payload().clone();
        drop(v);
        p.version = 2;
        p.sync = Default::default();
        let (bytes, _) = format::seal(&mut p).unwrap();
        fs::write(&path, bytes).unwrap();
        let plain =
            format::decrypt_bytes(&fs::read(&path).unwrap(), &Unlock::Passphrase(pw.clone()))
                .unwrap()
                .plaintext;
        let text = std::str::from_utf8(plain.expose()).unwrap();
        assert!(text.contains("\"version\":2") && !text.contains("\"sync\""));

        let mut v = Vault::open_for_update(&path, &Unlock::Passphrase(pw.clone())).unwrap();
        assert_eq!(v.payload().version, 2);
        assert!(v.payload().sync.is_empty());
        let updated = v.payload().items[0].updated;
        v.item_mut("old").unwrap().notes = Some("edited".into());
        v.save().unwrap();
        drop(v);
        let v = Vault::open(&path, &Unlock::Passphrase(pw)).unwrap();
        let p = v.payload();
        assert_eq!(p.version, 3);
        let meta = &p.sync.items[&p.items[0].id];
        assert_eq!(meta.rev.len(), merge::FIELDS.len(), "every field stamped");
        // The untouched fields carry the item's old date; the edit is newer
        // and the old value (none) is in history.
        let old = meta.rev["name"].clone();
        assert_eq!(old.t, (updated.unix_timestamp() as u64) * 1000);
        assert!(meta.rev["notes"] > old);
        assert_eq!(meta.history.len(), 1);
        assert_eq!(meta.history[0].field, "notes");
        assert_eq!(meta.history[0].text, None);
    }

    #[test]
    fn a_deleted_item_leaves_a_tombstone_and_an_edit_keeps_the_old_value() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vault.age");
        let pw: SecretString = "a long enough passphrase".into();
        let mut v = Vault::create(&path, &pw, fast()).unwrap();
        v.add_item(Item::new("a", Secret::Note { text: "one".into() }))
            .unwrap();
        v.add_item(Item::new("b", Secret::Note { text: "x".into() }))
            .unwrap();
        v.save().unwrap();
        v.item_mut("a").unwrap().secret = Secret::Note { text: "two".into() };
        let id_b = v.item("b").unwrap().id.clone();
        v.remove_item("b").unwrap();
        v.save().unwrap();
        let p = v.payload();
        assert_eq!(p.sync.tombstones[&id_b].name, "b");
        assert!(!p.sync.items.contains_key(&id_b));
        let h = &p.sync.items[&p.items[0].id].history;
        assert!(matches!(&h[0].secret, Some(Secret::Note { text }) if text.expose() == "one"));
    }

    #[test]
    fn a_save_after_save_final_records_changes_as_after_save() {
        // The same two edits, saved with `save` twice and with
        // `save_final` then `save`: the second save must find the same
        // changes (the base parsed back from the written bytes equals a
        // copy of the payload), and nothing of the first save again.
        let run = |first_final: bool| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("vault.age");
            let pw: SecretString = "a long enough passphrase".into();
            let mut v = Vault::create(&path, &pw, fast()).unwrap();
            v.add_item(Item::new("a", Secret::Note { text: "one".into() }))
                .unwrap();
            v.add_item(Item::new("b", Secret::Note { text: "x".into() }))
                .unwrap();
            v.save().unwrap();
            v.item_mut("a").unwrap().notes = Some("first".into());
            if first_final {
                v.save_final().unwrap();
            } else {
                v.save().unwrap();
            }
            let keys_stamp = v.payload().sync.fields.get("keys").cloned();
            v.item_mut("a").unwrap().secret = Secret::Note { text: "two".into() };
            let id_b = v.item("b").unwrap().id.clone();
            v.remove_item("b").unwrap();
            v.save().unwrap();
            let p = v.payload().clone();
            drop(v);
            let reopened = Vault::open(&path, &Unlock::Passphrase(pw)).unwrap();
            assert_eq!(reopened.payload().items, p.items);
            let meta = &p.sync.items[&p.items[0].id];
            let history: Vec<(String, Option<String>, Option<String>)> = meta
                .history
                .iter()
                .map(|r| {
                    let secret = match &r.secret {
                        Some(Secret::Note { text }) => Some(text.expose().to_owned()),
                        _ => None,
                    };
                    (r.field.clone(), r.text.clone(), secret)
                })
                .collect();
            // The keys did not change: no new key stamp in either flow.
            assert_eq!(p.sync.fields.get("keys").cloned(), keys_stamp);
            let stamps_after_first: Vec<bool> = merge::FIELDS
                .iter()
                .map(|f| meta.rev[*f] > meta.rev["name"])
                .collect();
            (
                history,
                p.sync.tombstones[&id_b].name.clone(),
                stamps_after_first,
            )
        };
        let plain = run(false);
        let final_first = run(true);
        assert_eq!(plain, final_first);
        // The history holds the two old values, once each.
        assert_eq!(
            plain.0,
            vec![
                ("notes".to_owned(), None, None),
                ("secret".to_owned(), None, Some("one".to_owned())),
            ]
        );
    }
}
