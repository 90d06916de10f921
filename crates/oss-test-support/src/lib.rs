//! Test helpers shared by the oss-core crates.
//!
//! [`CountingAllocator`] wraps the system allocator and counts allocations per thread, so
//! a test can prove that a call allocates nothing even while other tests run in parallel.
//! Install it once per test binary:
//!
//! ```
//! use oss_test_support::{CountingAllocator, allocations};
//!
//! #[global_allocator]
//! static ALLOC: CountingAllocator = CountingAllocator;
//!
//! # fn main() {
//! let (sum, count) = allocations(|| 1 + 1);
//! assert_eq!((sum, count), (2, 0));
//! let (_v, count) = allocations(|| vec![1u8; 16]);
//! assert!(count >= 1);
//! # }
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

thread_local! {
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

fn bump() {
    // `try_with` fails only while the thread is being torn down; nothing to count then.
    let _ = COUNT.try_with(|count| count.set(count.get() + 1));
}

/// A global allocator that counts allocations and reallocations made by each thread.
#[derive(Debug, Clone, Copy, Default)]
pub struct CountingAllocator;

// SAFETY: every method forwards to `System`, which upholds the `GlobalAlloc` contract;
// the counter is a const-initialised thread-local `Cell` that never allocates.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: forwarded unchanged; the caller upholds `alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: forwarded unchanged; the caller upholds `alloc_zeroed`'s contract.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump();
        // SAFETY: forwarded unchanged; the caller upholds `realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged; the caller upholds `dealloc`'s contract.
        unsafe { System.dealloc(ptr, layout) }
    }
}

/// Runs `f` and returns its result with the number of allocations it made on this thread.
///
/// Counts are only meaningful when [`CountingAllocator`] is the global allocator.
pub fn allocations<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = COUNT.with(Cell::get);
    let result = f();
    let after = COUNT.with(Cell::get);
    (result, after - before)
}

/// Runs `f` and panics (failing the test) if it allocated.
///
/// # Panics
/// When `f` allocates at least once.
#[track_caller]
pub fn assert_no_alloc<R>(f: impl FnOnce() -> R) -> R {
    let (result, count) = allocations(f);
    assert_eq!(count, 0, "expected no allocation, saw {count}");
    result
}
