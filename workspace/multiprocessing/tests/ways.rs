//! The five ways agree, and the async ones show what they do to the event loop.
//!
//! Small workloads only: these tests check results, never speed. The
//! speed-ups are the `cpu-bound` report's business, and the book shows a
//! real run of it.

use std::time::Duration;

use multiprocessing::heartbeat::{self, Heartbeat};
use multiprocessing::pool::WorkerCommand;
use multiprocessing::report::{self, Settings, Way};
use multiprocessing::ways;
use multiprocessing::workload::{limits, sum_of_squares_below};
use support::Console;

fn worker() -> WorkerCommand {
    WorkerCommand::new(env!("CARGO_BIN_EXE_cpu-bound"), ["worker"])
}

#[test]
fn all_five_ways_return_the_same_sums_in_job_order() {
    let limits = limits(2_000, 7);
    let expected: Vec<u128> = limits.iter().map(|&l| sum_of_squares_below(l)).collect();
    assert_eq!(ways::sequential(&limits), expected);
    assert_eq!(
        ways::async_tasks_on_one_thread(&limits).unwrap().0,
        expected
    );
    assert_eq!(ways::spawn_blocking(&limits).unwrap().0, expected);
    for threads in [1, 2, 3, 16] {
        assert_eq!(
            ways::scoped_threads(&limits, threads),
            expected,
            "{threads} threads"
        );
    }
    for workers in [1, 2, 3] {
        assert_eq!(
            ways::worker_processes(&limits, workers, &worker()).unwrap(),
            expected,
            "{workers} worker processes"
        );
    }
}

#[test]
fn the_report_runs_every_way_and_finds_them_in_agreement() {
    let settings = Settings {
        jobs: 4,
        size: 1_000,
        workers: 2,
        rounds: 2,
    };
    let rows = report::measure(&settings, &worker()).unwrap();
    let ways: Vec<Way> = rows.iter().map(|row| row.way).collect();
    assert_eq!(ways, Way::ALL);
    assert!(report::same_results(&rows));
    // Only the two ways with an event loop have a heartbeat to report.
    let with_heartbeat: Vec<Way> = rows
        .iter()
        .filter(|row| row.heartbeat.is_some())
        .map(|row| row.way)
        .collect();
    assert_eq!(
        with_heartbeat,
        [Way::AsyncTasksOnOneThread, Way::SpawnBlocking]
    );

    let console = Console::recorder();
    assert!(report::print(&rows, &settings, &console));
    let lines = console.lines();
    assert!(lines[0].starts_with("machine: "), "{lines:?}");
    assert_eq!(lines.len(), 3 + 5 + 2, "{lines:?}");
    assert!(
        lines
            .last()
            .unwrap()
            .starts_with("same results in all five ways: yes")
    );
}

#[test]
fn a_way_that_disagrees_is_reported() {
    let settings = Settings {
        jobs: 2,
        size: 10,
        workers: 1,
        rounds: 1,
    };
    let mut rows = report::measure(&settings, &worker()).unwrap();
    rows[3].sums[1] += 1;
    assert!(!report::same_results(&rows));
    let console = Console::recorder();
    assert!(!report::print(&rows, &settings, &console));
    assert_eq!(
        console.lines().last().unwrap(),
        "same results in all five ways: NO"
    );
}

// The heartbeat on its own: on tokio's paused clock, a free event loop lets
// it run exactly on time.
#[tokio::test(start_paused = true)]
async fn a_heartbeat_on_a_free_event_loop_runs_on_time() {
    let heartbeat = Heartbeat::start(heartbeat::PERIOD);
    tokio::time::sleep(heartbeat::PERIOD * 10).await;
    assert_eq!(heartbeat.stop(), heartbeat::PERIOD);
}

// CPU work holds the real thread for real time, which the paused clock
// would not see, so this one runs on the real clock. A blocking sleep
// stands in for the CPU work; it never ends early, so the lower bound holds
// on any machine.
#[tokio::test]
async fn a_task_that_never_awaits_starves_the_heartbeat() {
    let hold = Duration::from_millis(150);
    let heartbeat = Heartbeat::start(heartbeat::PERIOD);
    tokio::spawn(async move { std::thread::sleep(hold) })
        .await
        .unwrap();
    let gap = heartbeat.stop();
    assert!(
        gap >= hold,
        "the heartbeat waited {gap:?}, less than {hold:?}"
    );
}

/// A workload of 8 jobs that takes at least `at_least` to compute here,
/// one job after another: the size doubles until it does. The tests size
/// their work this way instead of trusting how fast a debug or release build
/// of this machine happens to be.
fn limits_that_take(at_least: Duration) -> Vec<u64> {
    let mut size = 50_000;
    loop {
        let limits = limits(size, 8);
        let started = std::time::Instant::now();
        ways::sequential(&limits);
        if started.elapsed() >= at_least {
            return limits;
        }
        size *= 2;
    }
}

#[test]
fn async_tasks_on_one_thread_starve_the_heartbeat_for_the_whole_run() {
    // Work long enough that a heartbeat let in between tasks (a gap near
    // its 10 ms period) could not pass for a starved one, on any machine.
    let limits = limits_that_take(heartbeat::PERIOD * 20);
    let started = std::time::Instant::now();
    let (_, gap) = ways::async_tasks_on_one_thread(&limits).unwrap();
    let run = started.elapsed();
    // None of the tasks awaits, so the heartbeat waits behind all of them:
    // its gap is (nearly) the whole run. Both figures come from this one
    // run, so a slow or loaded machine stretches them together.
    assert!(
        gap * 2 >= run,
        "the heartbeat's longest gap {gap:?} should be most of the run {run:?}"
    );
    assert!(
        gap >= heartbeat::PERIOD * 10,
        "a gap of {gap:?} is no longer than a heartbeat that ran between the tasks"
    );
}

#[test]
fn spawn_blocking_leaves_the_heartbeat_on_time() {
    // The same work on the blocking pool: the event loop's thread stays
    // free, so the heartbeat keeps running while the sums are computed.
    // Its worst gap is a small part of the run; a loaded machine may delay
    // one beat by a few milliseconds, but not for half of a run that is
    // forty periods long however fast the machine computes.
    let limits = limits_that_take(heartbeat::PERIOD * 40);
    let started = std::time::Instant::now();
    let (_, gap) = ways::spawn_blocking(&limits).unwrap();
    let run = started.elapsed();
    assert!(
        gap * 2 < run,
        "the heartbeat's longest gap {gap:?} should be well under the run {run:?}"
    );
}
