//! The `lifeboat` binary's global allocator: the system allocator, except
//! that while [`lifeboat::secure_mem::freed_memory_wiped`] is on, every
//! block is zeroed before it goes back to the system, and growing a block
//! always moves it (and wipes the old one) instead of letting `realloc`
//! copy it and leave the original behind.
//!
//! Why an allocator: the text on screen passes through many short-lived
//! strings (the detail's laid-out word columns, ratatui's lines and spans,
//! JSON parsing), most of them inside dependencies. Wiping each by hand
//! would miss some; wiping every free misses none. The cost, a write over
//! each freed byte, is paid only where the switch is on (the TUI).
//!
//! This module is part of the binary crate, not the library, because the
//! library forbids unsafe code and a global allocator cannot be written
//! without it.

use std::alloc::{GlobalAlloc, Layout, System};

/// The system allocator with wiping of freed blocks.
pub struct WipingAllocator;

/// Zeroes `len` bytes at `ptr` (a `memset`, fast even for the KDF's
/// hundreds of MiB), then hands the pointer to an opaque barrier so the
/// compiler cannot drop the zeroing as a dead store before `free`.
///
/// # Safety
/// `ptr` must be valid for writes of `len` bytes.
unsafe fn wipe(ptr: *mut u8, len: usize) {
    // SAFETY: the caller guarantees `ptr..ptr+len` is writable.
    unsafe { std::ptr::write_bytes(ptr, 0, len) };
    std::hint::black_box(ptr);
    std::sync::atomic::compiler_fence(std::sync::atomic::Ordering::SeqCst);
}

// SAFETY: every method forwards to `System` with the same layouts; `realloc`
// builds its new layout from the old alignment and a size the caller
// guarantees is valid, exactly as `GlobalAlloc::realloc`'s default does.
unsafe impl GlobalAlloc for WipingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if lifeboat::secure_mem::freed_memory_wiped() {
            // SAFETY: `ptr` was allocated with `layout`, so `layout.size()`
            // bytes are ours to write until we free them.
            unsafe { wipe(ptr, layout.size()) };
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !lifeboat::secure_mem::freed_memory_wiped() {
            // SAFETY: same contract as the caller's.
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        // SAFETY: the caller guarantees `new_size`, rounded up to
        // `layout.align()`, does not overflow `isize`.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: `new_layout` has a non-zero size (the caller's contract).
        let new = unsafe { System.alloc(new_layout) };
        if !new.is_null() {
            // SAFETY: both blocks are valid for the smaller size and do
            // not overlap (the new one was just allocated); then the old
            // block is wiped and freed with its own layout.
            unsafe {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        new
    }
}
