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
//! Blocks of 1 MiB and more (on Linux: the decrypted vault, the buffers of
//! a save, the KDF's memory) are mapped on their own, aligned to 2 MiB and
//! marked for transparent huge pages. A fresh page costs a fault in the
//! kernel on first touch; the 3.5 MB plaintext of a 10,000-item vault
//! took about 850 of them per open in 4 KiB pages, and takes two in
//! 2 MiB pages (where the system allows huge pages; otherwise the kernel
//! quietly uses small ones). They are wiped and unmapped on free like any
//! other block.
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

/// Huge-page mappings for large blocks (Linux only).
#[cfg(target_os = "linux")]
mod large {
    use rustix::mm::{
        madvise, mmap_anonymous, mremap, munmap, Advice, MapFlags, MremapFlags, ProtFlags,
    };
    use std::ffi::c_void;

    /// Blocks of this size and more get their own mapping.
    pub const MIN: usize = 1 << 20;
    /// The huge page size on x86-64 and most arm64 kernels; elsewhere the
    /// alignment is merely generous.
    const HUGE: usize = 2 << 20;

    /// The alignment every block keeps, even after [`realloc`] moved it.
    const PAGE: usize = 4096;

    /// True for the layouts served here. The test depends on the layout
    /// alone, so `dealloc` with the same layout takes the same branch.
    pub fn serves(size: usize, align: usize) -> bool {
        size >= MIN && align <= PAGE
    }

    /// The length mapped for a block of `size` bytes: whole huge pages.
    fn mapped_len(size: usize) -> Option<usize> {
        size.checked_add(HUGE - 1).map(|n| n & !(HUGE - 1))
    }

    /// Maps a zeroed, 2 MiB-aligned block of at least `size` bytes, or
    /// returns null.
    pub fn alloc(size: usize) -> *mut u8 {
        let Some(len) = mapped_len(size) else {
            return std::ptr::null_mut();
        };
        let Some(over) = len.checked_add(HUGE) else {
            return std::ptr::null_mut();
        };
        // SAFETY: a new private anonymous mapping at an address the kernel
        // picks aliases nothing.
        let Ok(raw) = (unsafe {
            mmap_anonymous(
                std::ptr::null_mut(),
                over,
                ProtFlags::READ | ProtFlags::WRITE,
                MapFlags::PRIVATE,
            )
        }) else {
            return std::ptr::null_mut();
        };
        // Keep the 2 MiB-aligned `len` bytes inside and give the rest back.
        let start = raw as usize;
        let aligned = (start + HUGE - 1) & !(HUGE - 1);
        let head = aligned - start;
        let tail = over - head - len;
        // SAFETY: both ranges lie inside the mapping just made and outside
        // the part kept; a failed unmap only leaves address space mapped.
        unsafe {
            if head > 0 {
                let _ = munmap(raw, head);
            }
            if tail > 0 {
                let _ = munmap((aligned + len) as *mut c_void, tail);
            }
            // Only advice: without huge pages the block works the same.
            let _ = madvise(aligned as *mut c_void, len, Advice::LinuxHugepage);
        }
        aligned as *mut u8
    }

    /// Resizes a block from [`alloc`] to `new_size` (also served here) by
    /// remapping its pages: nothing is copied, and nothing stays behind at
    /// the old address. Null when the kernel refuses; the block is then
    /// unchanged.
    ///
    /// # Safety
    /// `ptr` came from [`alloc`] (or this function) with `old_size`.
    pub unsafe fn realloc(ptr: *mut u8, old_size: usize, new_size: usize) -> *mut u8 {
        let (Some(old_len), Some(new_len)) = (mapped_len(old_size), mapped_len(new_size)) else {
            return std::ptr::null_mut();
        };
        if old_len == new_len {
            return ptr;
        }
        // SAFETY: the caller's contract: `ptr..ptr+old_len` is our mapping.
        match unsafe { mremap(ptr.cast(), old_len, new_len, MremapFlags::MAYMOVE) } {
            Ok(p) => p.cast(),
            Err(_) => std::ptr::null_mut(),
        }
    }

    /// Unmaps a block from [`alloc`].
    ///
    /// # Safety
    /// `ptr` came from [`alloc`] with this `size` and is not used again.
    pub unsafe fn dealloc(ptr: *mut u8, size: usize) {
        if let Some(len) = mapped_len(size) {
            // SAFETY: the caller's contract: this is exactly our mapping.
            let _ = unsafe { munmap(ptr.cast(), len) };
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod large {
    pub fn serves(_size: usize, _align: usize) -> bool {
        false
    }
    pub fn alloc(_size: usize) -> *mut u8 {
        std::ptr::null_mut()
    }
    pub unsafe fn realloc(_ptr: *mut u8, _old_size: usize, _new_size: usize) -> *mut u8 {
        std::ptr::null_mut()
    }
    pub unsafe fn dealloc(_ptr: *mut u8, _size: usize) {}
}

// SAFETY: small blocks go to `System` with the same layouts; large ones
// (`large::serves`, decided by the layout alone, so a block is freed by the
// branch that made it) are mappings of at least their size, page-aligned
// at least (2 MiB when new), which satisfies every alignment `serves`
// accepts. `realloc`
// builds its new layout from the old alignment and a size the caller
// guarantees is valid, exactly as `GlobalAlloc::realloc`'s default does.
unsafe impl GlobalAlloc for WipingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if large::serves(layout.size(), layout.align()) {
            return large::alloc(layout.size());
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if large::serves(layout.size(), layout.align()) {
            // Fresh anonymous mappings are zeroed by the kernel.
            return large::alloc(layout.size());
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if lifeboat::secure_mem::freed_memory_wiped() {
            // SAFETY: `ptr` was allocated with `layout`, so `layout.size()`
            // bytes are ours to write until we free them.
            unsafe { wipe(ptr, layout.size()) };
        }
        if large::serves(layout.size(), layout.align()) {
            // SAFETY: `alloc` made this block in `large` (same layout).
            return unsafe { large::dealloc(ptr, layout.size()) };
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let (was_large, is_large) = (
            large::serves(layout.size(), layout.align()),
            large::serves(new_size, layout.align()),
        );
        if was_large && is_large {
            if new_size < layout.size() && lifeboat::secure_mem::freed_memory_wiped() {
                // SAFETY: the bytes past `new_size` are ours until the
                // block shrinks.
                unsafe { wipe(ptr.add(new_size), layout.size() - new_size) };
            }
            // SAFETY: `alloc` or an earlier `realloc` made this block in
            // `large` with `layout.size()`.
            return unsafe { large::realloc(ptr, layout.size(), new_size) };
        }
        if !was_large && !is_large && !lifeboat::secure_mem::freed_memory_wiped() {
            // SAFETY: same contract as the caller's.
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        // SAFETY: the caller guarantees `new_size`, rounded up to
        // `layout.align()`, does not overflow `isize`.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: `new_layout` has a non-zero size (the caller's contract).
        let new = unsafe { self.alloc(new_layout) };
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Fills `len` bytes at `p` with a pattern that depends on the offset.
    ///
    /// # Safety
    /// `p` must be valid for writes of `len` bytes.
    unsafe fn fill(p: *mut u8, len: usize) {
        for i in 0..len {
            // SAFETY: the caller's contract.
            unsafe { p.add(i).write((i % 251) as u8) };
        }
    }

    /// True when the first `len` bytes at `p` hold the pattern of [`fill`].
    ///
    /// # Safety
    /// `p` must be valid for reads of `len` bytes.
    unsafe fn holds(p: *const u8, len: usize) -> bool {
        // SAFETY: the caller's contract.
        (0..len).all(|i| unsafe { p.add(i).read() } == (i % 251) as u8)
    }

    /// Small and large blocks, across every kind of resize, keep their
    /// contents and alignment, with wiping off and on (the TUI's mode).
    #[test]
    fn blocks_keep_their_contents_across_every_resize() {
        const MIB: usize = 1 << 20;
        let a = WipingAllocator;
        for wiping in [false, true] {
            if wiping {
                lifeboat::secure_mem::wipe_freed_memory();
            }
            // small -> large -> larger -> smaller large -> small
            let sizes = [64 * 1024, 3 * MIB, 5 * MIB + 17, MIB + 3, 1000];
            let align = 16;
            // SAFETY: every block is used within its current size, resized
            // with the layout it has, and freed once with its last layout.
            unsafe {
                let mut layout = Layout::from_size_align(sizes[0], align).unwrap();
                let mut p = a.alloc(layout);
                assert!(!p.is_null());
                fill(p, sizes[0]);
                for &size in &sizes[1..] {
                    let kept = layout.size().min(size);
                    p = a.realloc(p, layout, size);
                    assert!(!p.is_null(), "resize to {size}");
                    assert_eq!(p as usize % align, 0);
                    assert!(holds(p, kept), "contents kept resizing to {size}");
                    layout = Layout::from_size_align(size, align).unwrap();
                    fill(p, size);
                }
                a.dealloc(p, layout);
                // A fresh large block is zeroed and 2 MiB-aligned on Linux.
                let big = Layout::from_size_align(2 * MIB, 4096).unwrap();
                let z = a.alloc_zeroed(big);
                assert!(!z.is_null());
                assert!((0..big.size()).step_by(4096).all(|i| z.add(i).read() == 0));
                if cfg!(target_os = "linux") {
                    assert_eq!(z as usize % (2 * MIB), 0);
                }
                a.dealloc(z, big);
            }
        }
    }
}
