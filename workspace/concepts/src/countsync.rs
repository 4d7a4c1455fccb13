//! Counting with blocking sleeps: the synchronous baseline.

use std::time::Duration;

use support::{Console, Timeline};

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

// ANCHOR: timeline
/// [`main`], drawing what each count does on its own lane of `timeline`:
/// each blocking sleep shows as the thread held, asleep.
pub fn main_on_timeline(
    console: &Console,
    trailing_sleep: bool,
    sleep: &dyn Fn(Duration),
    timeline: &Timeline,
) {
    timeline.start();
    for n in 1..=3 {
        let lane = timeline.lane(format!("count {n}"));
        count(console, trailing_sleep, &lane.blocking_sleeps(sleep));
    }
}
// ANCHOR_END: timeline
