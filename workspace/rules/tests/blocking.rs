//! The blocking lesson, checked by the order of its lines.
//!
//! A blocking sleep holds a real thread, so most of these tests run on the
//! real clock with short waits. Real time depends on the machine, so they
//! assert only what no machine can change: the order of the lines, and
//! lower bounds on the time (a sleep never ends early). The async variant
//! alone can use tokio's paused clock and assert an exact time. The tasks
//! print with `println!`, so the order of their lines is read from the
//! `blocking` program's output.

use std::process::Command;
use std::time::{Duration, Instant};

use rules::blocking::{self, Wait};
use support::clock::timed;

// Long enough that "the waits overlap" (under two waits) and "the waits
// take turns" (at least three) stay far apart on a slow or loaded machine:
// only a scheduling delay of a whole wait could blur them.
const WAIT: Duration = Duration::from_millis(200);

/// Runs the three tasks with `wait`, returning the real time taken.
async fn run(wait: Wait) -> Duration {
    let started = Instant::now();
    blocking::run(wait, WAIT).await;
    started.elapsed()
}

/// The tasks' lines, as the `blocking` program prints them with `--wait`
/// `wait`: the tasks print with `println!`, so their order is read from the
/// program's output. (It waits a real second per task, as the book shows.)
fn printed(wait: &str) -> Vec<String> {
    let output = Command::new(env!("CARGO_BIN_EXE_blocking"))
        .args(["--wait", wait])
        .output()
        .expect("the blocking binary runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout)
        .expect("the lines are UTF-8")
        .lines()
        .filter(|line| line.starts_with("task "))
        .map(str::to_owned)
        .collect()
}

/// Whether every `started` line comes before every `done` line.
fn all_start_before_any_finishes(lines: &[String]) -> bool {
    let last_start = lines.iter().rposition(|l| l.ends_with("started"));
    let first_done = lines.iter().position(|l| l.ends_with("done"));
    matches!((last_start, first_done), (Some(s), Some(d)) if s < d)
}

/// The three tasks' lines, each once, whatever the order.
fn sorted(lines: &[String]) -> Vec<String> {
    let mut sorted = lines.to_vec();
    sorted.sort();
    sorted
}

const EVERY_LINE: [&str; 6] = [
    "task 1: done",
    "task 1: started",
    "task 2: done",
    "task 2: started",
    "task 3: done",
    "task 3: started",
];

#[test]
fn a_blocking_wait_makes_the_tasks_take_turns() {
    // Each task runs from start to finish before the next can begin.
    assert_eq!(
        printed("blocking"),
        [
            "task 1: started",
            "task 1: done",
            "task 2: started",
            "task 2: done",
            "task 3: started",
            "task 3: done",
        ]
    );
}

// `#[tokio::test]` runs on a current-thread runtime, like the program.
#[tokio::test]
async fn a_blocking_wait_takes_three_waits() {
    let elapsed = run(Wait::Blocking).await;
    assert!(
        elapsed >= 3 * WAIT,
        "three waits, one after another: {elapsed:?}"
    );
}

#[test]
fn an_async_wait_starts_every_task_before_any_finishes() {
    let lines = printed("async");
    assert!(all_start_before_any_finishes(&lines), "{lines:?}");
    assert_eq!(sorted(&lines), EVERY_LINE);
}

#[tokio::test(start_paused = true)]
async fn an_async_wait_overlaps_and_takes_exactly_one_wait() {
    let ((), elapsed) = timed(blocking::run(Wait::Async, WAIT)).await;
    assert_eq!(elapsed, WAIT, "the three waits overlap completely");
}

#[test]
fn spawn_blocking_lets_every_task_start_before_any_finishes() {
    let lines = printed("spawn-blocking");
    assert!(all_start_before_any_finishes(&lines), "{lines:?}");
    // The threads wake in any order, so the done lines may too.
    assert_eq!(sorted(&lines), EVERY_LINE);
}

#[tokio::test]
async fn spawn_blocking_moves_the_wait_off_the_event_loop() {
    let elapsed = run(Wait::SpawnBlocking).await;
    // No sleep ends early; and the three overlap, so together they take
    // well under the three waits that blocking the event loop costs.
    assert!(elapsed >= WAIT, "{elapsed:?}");
    assert!(elapsed < 2 * WAIT, "the waits should overlap: {elapsed:?}");
}

#[test]
fn the_time_is_shown_to_a_tenth_of_a_second() {
    assert_eq!(blocking::tenths(Duration::from_millis(3004)), "3.0");
    assert_eq!(blocking::tenths(Duration::from_millis(1099)), "1.0");
    assert_eq!(blocking::tenths(Duration::from_millis(12_345)), "12.3");
    assert_eq!(blocking::tenths(Duration::from_millis(60)), "0.0");
}
