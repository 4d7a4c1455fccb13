//! Every claim the toolbox pages make, checked on the paused clock: what
//! happens, in which order, and at which second.

use std::time::Duration;

use chaining::job::JobFailed;
use chaining::{
    cancelling, completion, deadline, failures, gathering, racing, spawning,
};
use support::Console;
use support::clock::timed;

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// The position of the first line that ends with `text` stamped at `at`
/// (`"  2.00 s  download: finished"` is `at("2.00", "download: finished")`).
#[track_caller]
fn position(lines: &[String], at: &str, text: &str) -> usize {
    lines
        .iter()
        .position(|line| line.trim_start() == format!("{at} s  {text}"))
        .unwrap_or_else(|| panic!("no line {at:?} {text:?} in {lines:#?}"))
}

fn mentions(lines: &[String], text: &str) -> bool {
    lines.iter().any(|line| line.contains(text))
}

#[tokio::test(start_paused = true)]
async fn a_spawned_task_starts_when_main_waits_and_runs_alongside() {
    let console = Console::recorder();
    let (result, took) = timed(spawning::create_task(&console)).await;
    let lines = console.lines();
    assert_eq!(result, "download");
    // 2 s, not 1 + 2: the download ran while main did its own work.
    assert_eq!(took, secs(2));
    let spawned = position(
        &lines,
        "0.00",
        "main: spawned download; it has not started yet",
    );
    let own_work = position(&lines, "0.00", "main's own work: started, takes 1 s");
    let started = position(&lines, "0.00", "download: started, takes 2 s");
    assert!(spawned < own_work && own_work < started, "{lines:#?}");
    position(&lines, "2.00", "download: finished");
}

#[tokio::test(start_paused = true)]
async fn every_way_of_gathering_takes_the_longest_job() {
    let console = Console::recorder();
    let in_order = ["a", "b", "c"];
    let (results, took) = timed(gathering::with_join(&console)).await;
    assert_eq!((results, took), (in_order.to_vec(), secs(3)));
    let (results, took) = timed(gathering::with_join_all(&console)).await;
    assert_eq!((results, took), (in_order.to_vec(), secs(3)));
    let (results, took) = timed(gathering::with_handles(&console)).await;
    assert_eq!((results, took), (in_order.to_vec(), secs(3)));
    // A JoinSet hands results back in the order the tasks finished.
    let (results, took) = timed(gathering::with_join_set(&console)).await;
    assert_eq!((results, took), (vec!["b", "c", "a"], secs(3)));
}

#[tokio::test(start_paused = true)]
async fn as_completed_gives_the_first_result_at_3_s_and_the_second_at_10_s() {
    for unordered in [false, true] {
        let console = Console::recorder();
        let (results, took) = if unordered {
            timed(completion::with_futures_unordered(&console)).await
        } else {
            timed(completion::with_join_next(&console)).await
        };
        let lines = console.lines();
        assert_eq!(results, [vec![1, 2, 3], vec![0, 5, 10]]);
        assert_eq!(took, secs(10));
        let first = position(&lines, "3.00", "result [1, 2, 3]");
        let second = position(&lines, "10.00", "result [0, 5, 10]");
        assert!(first < second);
    }
    let console = Console::recorder();
    let (results, took) = timed(completion::gathered(&console)).await;
    assert_eq!(results, [vec![1, 2, 3], vec![0, 5, 10]]);
    assert_eq!(took, secs(10));
    // Gathered, nothing is seen before the end.
    assert_eq!(console.lines().len(), 2);
    position(&console.lines(), "10.00", "results [[1, 2, 3], [0, 5, 10]]");
}

#[tokio::test(start_paused = true)]
async fn select_returns_the_first_and_drops_the_rest_at_that_moment() {
    let console = Console::recorder();
    let (winner, took) = timed(racing::first_mirror(&console)).await;
    let lines = console.lines();
    assert_eq!((winner, took), ("fast mirror", secs(2)));
    position(&lines, "2.00", "slow mirror: cancelled");
    assert!(!mentions(&lines, "slow mirror: finished"));
}

#[tokio::test(start_paused = true)]
async fn timeout_cancels_what_it_wraps_when_the_deadline_passes() {
    let console = Console::recorder();
    let (in_time, took) = timed(deadline::query_with_deadlines(&console)).await;
    let lines = console.lines();
    assert_eq!(in_time, [false, true]);
    // 3 s given up, then 5 s for the second attempt.
    assert_eq!(took, secs(8));
    position(&lines, "3.00", "query: cancelled");
    position(&lines, "3.00", "timeout(3 s): deadline has elapsed");
    position(&lines, "8.00", "timeout(10 s): query answered in time");
}

#[tokio::test(start_paused = true)]
async fn a_timeout_on_a_handle_stops_the_waiting_not_the_task() {
    let console = Console::recorder();
    let (finished, took) = timed(deadline::deadline_on_a_handle(&console)).await;
    let lines = console.lines();
    assert!(finished);
    assert_eq!(took, secs(5));
    position(
        &lines,
        "3.00",
        "main: no report after 3 s; waiting on anyway",
    );
    position(&lines, "5.00", "report: finished");
    assert!(!mentions(&lines, "report: cancelled"));
}

#[tokio::test(start_paused = true)]
async fn abort_stops_a_task_at_its_await_and_the_handle_says_so() {
    let console = Console::recorder();
    let (cancelled, took) = timed(cancelling::abort_a_task(&console)).await;
    let lines = console.lines();
    assert!(cancelled);
    assert_eq!(took, secs(2));
    position(&lines, "2.00", "worker: cancelled");
    assert!(!mentions(&lines, "worker: finished"));
}

#[tokio::test(start_paused = true)]
async fn a_dropped_handle_detaches_its_task() {
    let console = Console::recorder();
    cancelling::drop_a_handle(&console).await;
    let lines = console.lines();
    position(&lines, "3.00", "logger: finished");
    assert!(!mentions(&lines, "logger: cancelled"));
}

#[tokio::test(start_paused = true)]
async fn a_task_asked_to_stop_can_clean_up_with_an_await() {
    let console = Console::recorder();
    let (steps, took) = timed(cancelling::stop_cooperatively(&console)).await;
    let lines = console.lines();
    assert_eq!(steps, 2);
    assert_eq!(took, Duration::from_millis(3500));
    position(
        &lines,
        "2.50",
        "worker: asked to stop after 2 steps; flushing",
    );
    position(&lines, "3.50", "worker: flushed, returning");
}

const B_FAILED: JobFailed = JobFailed { name: "b" };

#[tokio::test(start_paused = true)]
async fn try_join_returns_the_first_error_and_cancels_the_others() {
    let console = Console::recorder();
    let (outcome, took) = timed(failures::with_try_join(&console)).await;
    let lines = console.lines();
    assert_eq!(outcome, Err(B_FAILED));
    assert_eq!(took, secs(2));
    position(&lines, "2.00", "c: cancelled");
    assert!(!mentions(&lines, "c: finished"));
}

#[tokio::test(start_paused = true)]
async fn with_spawned_handles_the_error_returns_and_the_others_run_on() {
    let console = Console::recorder();
    let outcome = failures::with_handles(&console).await;
    let lines = console.lines();
    assert_eq!(outcome, Err(B_FAILED));
    let error = position(
        &lines,
        "2.00",
        "the handles gave Err(JobFailed { name: \"b\" })",
    );
    let c_done = position(&lines, "3.00", "c: finished");
    assert!(error < c_done);
}

#[tokio::test(start_paused = true)]
async fn a_join_set_left_at_the_first_error_aborts_the_others() {
    let console = Console::recorder();
    let outcome = failures::with_join_set(&console).await;
    let lines = console.lines();
    assert_eq!(outcome, Err(B_FAILED));
    position(&lines, "2.00", "c: cancelled");
    assert!(!mentions(&lines, "c: finished"));
}

#[tokio::test(start_paused = true)]
async fn collected_results_wait_for_every_job_errors_included() {
    let console = Console::recorder();
    let (outcomes, took) = timed(failures::collecting_results(&console)).await;
    assert_eq!(outcomes, [Ok("a"), Err(B_FAILED), Ok("c")]);
    assert_eq!(took, secs(3));
    assert!(!mentions(&console.lines(), "cancelled"));
}
