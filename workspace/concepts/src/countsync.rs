//! Counting with blocking sleeps: the synchronous baseline.

use std::time::Duration;

use support::Console;

use crate::ONE_SECOND;

// ANCHOR: count
/// Prints `One`, sleeps, prints `Two`; with `trailing_sleep`, sleeps once more.
///
/// `sleep` blocks the calling thread. The binary passes
/// `std::thread::sleep`; the tests pass a sleep on a virtual clock so they
/// can check the timing without waiting.
pub fn count(console: &Console, trailing_sleep: bool, sleep: &dyn Fn(Duration)) {
    console.line("One");
    sleep(ONE_SECOND); // the thread does nothing else for a whole second
    console.line("Two");
    if trailing_sleep {
        sleep(ONE_SECOND);
    }
}

/// Three counts, strictly one after another.
pub fn main(console: &Console, trailing_sleep: bool, sleep: &dyn Fn(Duration)) {
    for _ in 0..3 {
        count(console, trailing_sleep, sleep);
    }
}
// ANCHOR_END: count
