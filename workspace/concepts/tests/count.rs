//! countsync and countasync: how long they take, and what they print.
//!
//! The counts print with `println!`, so the lines (and their order) are the
//! transcripts' business: `tests/transcripts.rs` runs the binaries and
//! compares every line with the book. Here the times are checked.

use std::time::{Duration, Instant};

use concepts::{countasync, countsync};
use support::clock::timed;

// ANCHOR: paused
// On the paused clock the runtime jumps straight to each timer's deadline:
// three counts that each sleep a second take exactly one second, and the
// test takes no real time at all.
#[tokio::test(start_paused = true)]
async fn countasync_takes_one_second() {
    let ((), elapsed) = timed(countasync::main(false)).await;
    assert_eq!(elapsed, Duration::from_secs(1));
}
// ANCHOR_END: paused

#[tokio::test(start_paused = true)]
async fn countasync_with_two_sleeps_takes_two_seconds() {
    let ((), elapsed) = timed(countasync::main(true)).await;
    assert_eq!(elapsed, Duration::from_secs(2));
}

#[test]
fn countsync_holds_the_thread_for_every_second_of_its_sleeps() {
    // std::thread::sleep is real: no clock can skip it. A sleep never ends
    // early, so three counts one after another take three seconds at least,
    // on any machine.
    let started = Instant::now();
    countsync::main(false);
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_secs(3), "{elapsed:?}");
}

#[test]
fn countasync_on_smol_overlaps_its_sleeps_too() {
    // smol has no paused clock, so this runs on the real one: three
    // one-second sleeps at once take at least one second and well under
    // the three that one after another would.
    let started = Instant::now();
    smol::block_on(countasync::main_on_smol(false));
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_secs(1), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
}
