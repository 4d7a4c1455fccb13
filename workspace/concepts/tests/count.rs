//! countsync and countasync, timed on tokio's paused clock.

use std::time::Duration;

use concepts::{countasync, countsync};
use support::clock::{ClockMode, run_blocking, smol_sleep, timed};
use support::{Activity, Console, Stopwatch, Timeline};

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

/// Each span of a timeline as (lane, activity, start, end), in whole seconds.
fn spans_in_seconds(timeline: &Timeline) -> Vec<(String, Activity, u64, u64)> {
    timeline
        .spans()
        .into_iter()
        .map(|span| {
            let seconds = |d: Duration| {
                assert_eq!(d.subsec_nanos(), 0, "{span:?} is not on whole seconds");
                d.as_secs()
            };
            (
                span.lane.clone(),
                span.activity,
                seconds(span.start),
                seconds(span.end),
            )
        })
        .collect()
}

#[tokio::test(start_paused = true)]
async fn on_the_timeline_the_async_counts_sleep_side_by_side() {
    let console = Console::recorder();
    let timeline = Timeline::recording();
    countasync::main_on_timeline(&console, false, tokio::time::sleep, &timeline).await;
    assert_eq!(console.lines(), ASYNC_ORDER, "the same program as main");
    let sleeping = |lane: &str| (lane.to_owned(), Activity::Sleeping, 0, 1);
    assert_eq!(
        spans_in_seconds(&timeline),
        [
            sleeping("count 1"),
            sleeping("count 2"),
            sleeping("count 3")
        ]
    );
}

#[test]
fn on_the_timeline_the_blocking_counts_hold_the_thread_in_turn() {
    let console = Console::recorder();
    let timeline = Timeline::recording();
    run_blocking(ClockMode::Virtual, |sleep| {
        countsync::main_on_timeline(&console, false, sleep, &timeline);
    })
    .unwrap();
    assert_eq!(console.lines(), SYNC_ORDER, "the same program as main");
    let blocked =
        |lane: &str, start| (lane.to_owned(), Activity::Blocked, start, start + 1);
    assert_eq!(
        spans_in_seconds(&timeline),
        [
            blocked("count 1", 0),
            blocked("count 2", 1),
            blocked("count 3", 2)
        ]
    );
}
