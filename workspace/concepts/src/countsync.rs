//! Counting with blocking sleeps: the synchronous baseline.

use std::thread::sleep;
use std::time::Duration;

// ANCHOR: count
/// Prints `One`, sleeps, prints `Two`; with `trailing_sleep`, sleeps once more.
pub fn count(trailing_sleep: bool) {
    println!("One");
    sleep(Duration::from_secs(1)); // the thread does nothing else for a whole second
    println!("Two");
    if trailing_sleep {
        sleep(Duration::from_secs(1));
    }
}

/// Three counts, strictly one after another.
pub fn main(trailing_sleep: bool) {
    for _ in 0..3 {
        count(trailing_sleep);
    }
}
// ANCHOR_END: count
