//! `race`: the concurrency article's shared counter, which thousands of
//! threads each add to.
//!
//! In Python the unsynchronised version runs and can lose updates: two
//! threads read the same old value, both add one, and one write overwrites
//! the other. In Rust that version does not compile: a value that several
//! threads can change must be behind something that makes the change safe,
//! a `Mutex` or an atomic integer (the `compile_fail` doctests on
//! [`CompileFail`] show the versions the compiler rejects).
//!
//! What Rust rules out is the *data race*: unsynchronised access to the same
//! memory, which is undefined behaviour. It cannot rule out every *race
//! condition*, a result that depends on timing. [`count_with_load_then_store`]
//! is one that compiles: every access is atomic, but reading and writing
//! are two steps, and an update can still fall between them.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

/// How the threads share the counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Counter {
    /// a `Mutex<u64>`: one thread at a time reads, adds and writes
    Mutex,
    /// an `AtomicU64` and `fetch_add`: the add is one indivisible step
    Atomic,
    /// an `AtomicU64` read with `load`, then written with `store`: compiles, loses updates
    LoadStore,
}

impl Counter {
    pub fn name(self) -> &'static str {
        match self {
            Counter::Mutex => "mutex",
            Counter::Atomic => "atomic",
            Counter::LoadStore => "load-store",
        }
    }

    /// Runs `threads` threads that each add one to a shared counter
    /// `increments` times, and returns the final count.
    pub fn count(self, threads: usize, increments: u64) -> u64 {
        match self {
            Counter::Mutex => count_with_mutex(threads, increments),
            Counter::Atomic => count_with_atomic(threads, increments),
            Counter::LoadStore => count_with_load_then_store(threads, increments),
        }
    }
}

/// The most threads alive at once. 5000 threads at the same moment are fine
/// on a default Linux, but not on every machine; batches of this size keep
/// the lesson about the counter, not about the thread limit (the scale
/// experiment is about that).
pub const BATCH: usize = 1000;

// ANCHOR: batches
/// Runs `work` on `threads` threads, [`BATCH`] at a time.
///
/// Scoped threads (`thread::scope`) may borrow from the caller, here the
/// counter, because the scope does not end until every thread in it has
/// finished: no thread can outlive what it borrows.
pub fn in_batches(threads: usize, work: impl Fn() + Sync) {
    let mut started = 0;
    while started < threads {
        let batch = BATCH.min(threads - started);
        thread::scope(|scope| {
            for _ in 0..batch {
                scope.spawn(&work);
            }
        });
        started += batch;
    }
}
// ANCHOR_END: batches

// ANCHOR: mutex
/// Every thread locks the counter, adds one, and unlocks it (when the
/// guard goes out of scope). While one thread holds the lock, any other
/// that wants it waits, so no update is lost.
pub fn count_with_mutex(threads: usize, increments: u64) -> u64 {
    let counter = Mutex::new(0u64);
    in_batches(threads, || {
        for _ in 0..increments {
            *counter.lock().expect("no thread panics holding the lock") += 1;
        }
    });
    counter
        .into_inner()
        .expect("no thread panicked holding the lock")
}
// ANCHOR_END: mutex

// ANCHOR: atomic
/// `fetch_add` reads, adds and writes as one indivisible step of the
/// processor, so two threads can never both add to the same old value.
/// `Relaxed` is enough: the threads only need the count itself to be right,
/// and joining them makes every add visible to the code after the scope.
pub fn count_with_atomic(threads: usize, increments: u64) -> u64 {
    let counter = AtomicU64::new(0);
    in_batches(threads, || {
        for _ in 0..increments {
            counter.fetch_add(1, Ordering::Relaxed);
        }
    });
    counter.into_inner()
}
// ANCHOR_END: atomic

// ANCHOR: load_store
/// Python's `counter += 1`, spelled out in Rust: read the value, then write
/// the value plus one. Each step is atomic, so this compiles and has no
/// undefined behaviour; but another thread can add between the two steps,
/// and this thread's write then wipes out that add.
pub fn count_with_load_then_store(threads: usize, increments: u64) -> u64 {
    let counter = AtomicU64::new(0);
    in_batches(threads, || {
        for _ in 0..increments {
            let seen = counter.load(Ordering::Relaxed);
            // The OS may switch threads here at any time; this asks it to.
            // Without it, the gap between the two steps is a nanosecond,
            // and in a release build the optimiser may even merge the
            // whole loop into one load and one store (it is allowed to).
            thread::yield_now();
            counter.store(seen + 1, Ordering::Relaxed);
        }
    });
    counter.into_inner()
}
// ANCHOR_END: load_store

/// The counters the compiler rejects. Each block below is a `compile_fail`
/// doctest, so `cargo test` fails if one of them ever compiles.
///
/// Every thread borrowing the counter mutably at once (error E0499):
///
/// ```compile_fail,E0499
#[doc = include_str!("../compile_fail/race_shared_mut.rs")]
/// ```
///
/// A `static mut` counter, written without `unsafe` (error E0133):
///
/// ```compile_fail,E0133
#[doc = include_str!("../compile_fail/race_static_mut.rs")]
/// ```
///
/// An `Rc<Cell<_>>` moved to other threads: not `Send` (error E0277):
///
/// ```compile_fail,E0277
#[doc = include_str!("../compile_fail/race_rc_cell.rs")]
/// ```
///
/// An `Arc<Cell<_>>`: the `Arc` may be shared, the `Cell` may not (E0277):
///
/// ```compile_fail,E0277
#[doc = include_str!("../compile_fail/race_arc_cell.rs")]
/// ```
#[derive(Debug)]
pub struct CompileFail;
