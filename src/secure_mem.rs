//! Keeping secrets out of freed memory, swap and crash images.
//!
//! This module owns the process-wide memory protections:
//! - whether freed heap memory is wiped: the `lifeboat` binary installs an
//!   allocator that zeroes every block before handing it back to the system
//!   while [`wipe_freed_memory`] is on (the TUI turns it on; the library
//!   itself cannot install an allocator, it only holds the switch);
//! - locking the process's pages in RAM (`mlockall`) where
//!   `RLIMIT_MEMLOCK` or the `CAP_IPC_LOCK` capability allows, so secrets
//!   never reach swap;
//! - excluding every mapping from core dumps (`/proc/self/coredump_filter`
//!   set to 0: the effect of `MADV_DONTDUMP` on all memory at once,
//!   without unsafe code; `RLIMIT_CORE` 0 and a non-dumpable process come
//!   first, in the command line's hardening);
//! - [`status`], what `doctor` reports.
//!
//! Nothing here needs unsafe code; the allocator lives in the binary.

use std::sync::atomic::{AtomicBool, Ordering};

static WIPE_FREED: AtomicBool = AtomicBool::new(false);
static WIPING_ALLOCATOR: AtomicBool = AtomicBool::new(false);
static LOCKED: AtomicBool = AtomicBool::new(false);
static PROTECTED: AtomicBool = AtomicBool::new(false);

/// Called once by a binary whose global allocator honours
/// [`freed_memory_wiped`].
pub fn note_wiping_allocator() {
    WIPING_ALLOCATOR.store(true, Ordering::SeqCst);
}

/// True when this process runs under an allocator that can wipe freed
/// memory.
pub fn has_wiping_allocator() -> bool {
    WIPING_ALLOCATOR.load(Ordering::SeqCst)
}

/// From now on every freed heap block is zeroed first (where the binary
/// installed the wiping allocator). Returns whether it is in effect.
pub fn wipe_freed_memory() -> bool {
    WIPE_FREED.store(true, Ordering::SeqCst);
    has_wiping_allocator()
}

/// Read by the allocator on every free: wipe the block first?
#[inline]
pub fn freed_memory_wiped() -> bool {
    WIPE_FREED.load(Ordering::Relaxed)
}

/// Why pages could not be locked in RAM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotLocked {
    /// `RLIMIT_MEMLOCK` is finite (bytes) and there is no `CAP_IPC_LOCK`:
    /// locking everything would exceed it, and a locked process whose
    /// later allocations fail would crash, so nothing is locked.
    Limit(u64),
    /// `mlockall` failed (the message of the error).
    Failed(String),
    /// Not Linux.
    Unsupported,
}

/// The memory protections in effect for this process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// Pages are locked in RAM (`mlockall`), or why not.
    pub locked: Result<(), NotLocked>,
    /// Every mapping is excluded from core dumps.
    pub no_dump: bool,
    /// Freed memory is wiped.
    pub wipes_freed: bool,
    /// Some swap is active (where unlocked pages could go).
    pub swap_in_use: bool,
}

/// True when the process holds `CAP_IPC_LOCK` (root usually does), which
/// lifts `RLIMIT_MEMLOCK`.
fn has_ipc_lock_capability() -> bool {
    const CAP_IPC_LOCK: u32 = 14;
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("CapEff:"))
                .and_then(|v| u64::from_str_radix(v.trim(), 16).ok())
        })
        .is_some_and(|caps| caps & (1 << CAP_IPC_LOCK) != 0)
}

/// Whether `mlockall` may be used safely: an unlimited `RLIMIT_MEMLOCK` or
/// `CAP_IPC_LOCK`. `Err` carries the limit.
pub fn can_lock_memory() -> Result<(), NotLocked> {
    if !cfg!(target_os = "linux") {
        return Err(NotLocked::Unsupported);
    }
    if has_ipc_lock_capability() {
        return Ok(());
    }
    let limit = rustix::process::getrlimit(rustix::process::Resource::Memlock);
    match limit.current {
        None => Ok(()),
        Some(bytes) => Err(NotLocked::Limit(bytes)),
    }
}

/// Locks every current and future page of the process in RAM, where that
/// is allowed without risking failed allocations later (see
/// [`can_lock_memory`]). Pages are locked as they are first touched
/// (`MCL_ONFAULT`), so reserved but unused memory costs nothing.
pub fn lock_memory() -> Result<(), NotLocked> {
    if LOCKED.load(Ordering::SeqCst) {
        return Ok(());
    }
    can_lock_memory()?;
    use rustix::mm::MlockAllFlags;
    rustix::mm::mlockall(MlockAllFlags::CURRENT | MlockAllFlags::FUTURE | MlockAllFlags::ONFAULT)
        .map_err(|e| NotLocked::Failed(e.to_string()))?;
    LOCKED.store(true, Ordering::SeqCst);
    Ok(())
}

/// Excludes every mapping of this process (and its children) from core
/// dumps. Returns whether that is in effect. Always tries the write once,
/// so the process's system calls at start do not depend on its parent.
pub fn exclude_from_core_dumps() -> bool {
    // A non-dumpable process cannot write its own filter (its /proc files
    // belong to root), so the command line does this first, at start; a
    // later call only reads back what is in effect.
    let _ = std::fs::write("/proc/self/coredump_filter", "0");
    no_dump_in_effect()
}

fn no_dump_in_effect() -> bool {
    std::fs::read_to_string("/proc/self/coredump_filter")
        .ok()
        .and_then(|s| u32::from_str_radix(s.trim(), 16).ok())
        == Some(0)
}

/// True when `/proc/swaps` lists an active swap area.
pub fn swap_in_use() -> bool {
    std::fs::read_to_string("/proc/swaps")
        .is_ok_and(|s| s.lines().skip(1).any(|l| !l.trim().is_empty()))
}

/// Applies every protection this process can have: wipe freed memory,
/// lock pages in RAM, exclude memory from core dumps. Returns what is in
/// effect.
pub fn protect() -> Status {
    PROTECTED.store(true, Ordering::SeqCst);
    let wipes_freed = wipe_freed_memory();
    let locked = lock_memory();
    let no_dump = exclude_from_core_dumps();
    Status {
        locked,
        no_dump,
        wipes_freed,
        swap_in_use: swap_in_use(),
    }
}

/// What [`protect`] put in effect in this process; `None` when it was
/// never called (a library user, a unit test).
pub fn protected_status() -> Option<Status> {
    PROTECTED.load(Ordering::SeqCst).then(status)
}

/// What is in effect now, without changing anything.
pub fn status() -> Status {
    Status {
        locked: if LOCKED.load(Ordering::SeqCst) {
            Ok(())
        } else {
            can_lock_memory().and(Err(NotLocked::Failed("not requested".into())))
        },
        no_dump: no_dump_in_effect(),
        wipes_freed: freed_memory_wiped() && has_wiping_allocator(),
        swap_in_use: swap_in_use(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_dump_exclusion_reads_back() {
        // The test process may do this too: it only affects core dumps.
        assert!(exclude_from_core_dumps());
        assert!(status().no_dump);
    }

    #[test]
    fn locking_follows_the_limit_or_the_capability() {
        match can_lock_memory() {
            Ok(()) => {
                assert!(
                    has_ipc_lock_capability()
                        || rustix::process::getrlimit(rustix::process::Resource::Memlock)
                            .current
                            .is_none()
                );
            }
            Err(NotLocked::Limit(n)) => {
                assert_eq!(
                    rustix::process::getrlimit(rustix::process::Resource::Memlock).current,
                    Some(n)
                );
                assert_eq!(lock_memory(), Err(NotLocked::Limit(n)));
            }
            Err(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_library_alone_does_not_claim_to_wipe() {
        // No binary installed the allocator in the unit tests.
        assert!(!has_wiping_allocator());
        assert!(!wipe_freed_memory());
    }
}
