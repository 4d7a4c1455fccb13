//! countsync and countasync, timed on tokio's paused clock.

use std::time::Duration;

use concepts::{countasync, countsync};
use support::clock::{ClockMode, run_blocking, smol_sleep, timed};
use support::{Console, Stopwatch};

const ASYNC_ORDER: [&str; 6] = ["One", "One", "One", "Two", "Two", "Two"];
const SYNC_ORDER: [&str; 6] = ["One", "Two", "One", "Two", "One", "Two"];

// ANCHOR: paused
#[tokio::test(start_paused = true)]
async fn countasync_takes_one_second_and_interleaves() {
    let console = Console::recorder();
    let ((), elapsed) =
        timed(countasync::main(&console, false, tokio::time::sleep)).await;
    assert_eq!(elapsed, Duration::from_secs(1));
    assert_eq!(console.lines(), ASYNC_ORDER);
}
// ANCHOR_END: paused

#[tokio::test(start_paused = true)]
async fn countasync_with_two_sleeps_takes_two_seconds() {
    let console = Console::recorder();
    let ((), elapsed) =
        timed(countasync::main(&console, true, tokio::time::sleep)).await;
    assert_eq!(elapsed, Duration::from_secs(2));
    assert_eq!(console.lines(), ASYNC_ORDER);
}

fn run_countsync(trailing_sleep: bool) -> (Vec<String>, Duration) {
    let console = Console::recorder();
    let elapsed = run_blocking(ClockMode::Virtual, |sleep| {
        let stopwatch = Stopwatch::start();
        countsync::main(&console, trailing_sleep, sleep);
        stopwatch.elapsed()
    })
    .unwrap();
    (console.lines(), elapsed)
}

#[test]
fn countsync_takes_three_seconds_one_count_after_another() {
    let (lines, elapsed) = run_countsync(false);
    assert_eq!(elapsed, Duration::from_secs(3));
    assert_eq!(lines, SYNC_ORDER);
}

#[test]
fn countsync_with_two_sleeps_takes_six_seconds() {
    let (lines, elapsed) = run_countsync(true);
    assert_eq!(elapsed, Duration::from_secs(6));
    assert_eq!(lines, SYNC_ORDER);
}

#[test]
fn countasync_on_smol_interleaves_the_same_way() {
    // smol has no paused clock: shrink the sleeps so the test stays quick,
    // and check the order, which is the lesson, rather than the time.
    let console = Console::recorder();
    smol::block_on(countasync::main(&console, true, |duration| {
        smol_sleep(duration / 100)
    }));
    assert_eq!(console.lines(), ASYNC_ORDER);
}
