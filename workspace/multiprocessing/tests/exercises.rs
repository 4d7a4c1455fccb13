//! Checks the multiprocessing chapter's exercises:
//! `cargo test -p multiprocessing --test exercises`.
//!
//! Without features this tests your code in `exercises/`; CI runs it with
//! `--features solutions` to prove the worked solutions.

use std::cell::Cell;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Condvar, Mutex};
use std::thread::ThreadId;
use std::time::Duration;

use multiprocessing::exercises::retry::retry_crashed_once;
use multiprocessing::exercises::split_sum::split_sum;
use multiprocessing::pool::{JobError, Pool, WorkerCommand};
use multiprocessing::worker::{Fault, Request};
use multiprocessing::workload::{sum_of_squares_below, sum_of_squares_in};

// Exercise 1: one job, many threads.

/// Calls `split_sum`, recording each range it sums and the thread it sums it on.
fn split_and_record(limit: u64, threads: usize) -> (u128, Vec<(Range<u64>, ThreadId)>) {
    let parts = Mutex::new(Vec::new());
    let sum = split_sum(limit, threads, |range| {
        parts
            .lock()
            .unwrap()
            .push((range.clone(), std::thread::current().id()));
        sum_of_squares_in(range)
    });
    let mut parts = parts.into_inner().unwrap();
    parts.sort_by_key(|(range, _)| (range.start, range.end));
    (sum, parts)
}

#[test]
fn split_sum_adds_up_to_the_whole_job() {
    for (limit, threads) in [
        (0, 1),
        (1, 1),
        (10, 3),
        (1_000, 4),
        (7, 7),
        (12_345, 2),
        (3, 8),
    ] {
        let (sum, _) = split_and_record(limit, threads);
        assert_eq!(
            sum,
            sum_of_squares_below(limit),
            "limit {limit}, {threads} threads"
        );
    }
}

#[test]
fn split_sum_covers_every_number_once_in_ranges_of_nearly_equal_length() {
    for (limit, threads) in [(10, 3), (1_000, 4), (7, 7), (12_345, 2), (100, 1), (3, 8)]
    {
        let (_, parts) = split_and_record(limit, threads);
        assert_eq!(parts.len(), threads, "one range per thread: {parts:?}");
        let mut next = 0;
        for (range, _) in &parts {
            assert_eq!(range.start, next, "gap or overlap in {parts:?}");
            next = range.end;
        }
        assert_eq!(next, limit, "the ranges should end at {limit}: {parts:?}");
        let lengths: Vec<u64> = parts.iter().map(|(r, _)| r.end - r.start).collect();
        let (shortest, longest) = (lengths.iter().min(), lengths.iter().max());
        assert!(
            longest.unwrap() - shortest.unwrap() <= 1,
            "lengths should differ by at most one: {lengths:?}"
        );
    }
}

#[test]
fn split_sum_runs_each_range_on_a_thread_of_its_own() {
    let (_, parts) = split_and_record(1_000, 4);
    let threads: HashSet<ThreadId> = parts.iter().map(|(_, thread)| *thread).collect();
    assert_eq!(threads.len(), 4, "four ranges should run on four threads");
    assert!(
        !threads.contains(&std::thread::current().id()),
        "the caller's thread should wait for the others, not sum a range itself"
    );
}

#[test]
fn split_sum_runs_the_parts_at_the_same_time() {
    const THREADS: usize = 4;
    // Each part waits (a while, not forever) until all four have started.
    // Parts that run one after another never all meet, and each gives up
    // after its wait.
    let started = Mutex::new(0);
    let all_started = Condvar::new();
    let met = Mutex::new(Vec::new());
    split_sum(1_000, THREADS, |range| {
        let mut count = started.lock().unwrap();
        *count += 1;
        all_started.notify_all();
        let (_count, wait) = all_started
            .wait_timeout_while(count, Duration::from_secs(2), |count| *count < THREADS)
            .unwrap();
        met.lock().unwrap().push(!wait.timed_out());
        sum_of_squares_in(range)
    });
    assert_eq!(
        met.into_inner().unwrap(),
        [true; THREADS],
        "the parts should all be running at once: spawn every thread before joining any"
    );
}

// Exercise 2: one more try after a crash.

fn crashed() -> JobError {
    JobError::Crashed("exit status: 101".to_owned())
}

/// Runs `retry_crashed_once` with attempts that return `script`'s results
/// in turn. Returns its result and how many attempts it made.
async fn retry_with(
    script: &[Result<u128, JobError>],
) -> (Result<u128, JobError>, usize) {
    let attempts = Cell::new(0);
    let result = retry_crashed_once(|| {
        let attempt = attempts.get();
        attempts.set(attempt + 1);
        let result = script
            .get(attempt)
            .cloned()
            .expect("more attempts than the test allows");
        async move { result }
    })
    .await;
    (result, attempts.get())
}

#[tokio::test]
async fn retry_returns_a_first_success_after_one_attempt() {
    assert_eq!(retry_with(&[Ok(285)]).await, (Ok(285), 1));
}

#[tokio::test]
async fn retry_tries_a_crashed_job_once_more() {
    assert_eq!(retry_with(&[Err(crashed()), Ok(285)]).await, (Ok(285), 2));
    assert_eq!(
        retry_with(&[Err(crashed()), Err(crashed())]).await,
        (Err(crashed()), 2),
        "a job that crashes twice is reported as crashed, after two attempts"
    );
}

#[tokio::test]
async fn retry_does_not_retry_a_timeout_or_a_failure() {
    let timed_out = JobError::TimedOut(Duration::from_secs(2));
    assert_eq!(
        retry_with(&[Err(timed_out.clone())]).await,
        (Err(timed_out), 1)
    );
    let failed = JobError::Failed("cannot start".to_owned());
    assert_eq!(retry_with(&[Err(failed.clone())]).await, (Err(failed), 1));
}

// With real worker processes: the first attempt's worker crashes, the
// pool starts a fresh one for the second, and that one answers.
#[tokio::test]
async fn retry_recovers_a_job_whose_worker_crashed_once() {
    let worker = WorkerCommand::new(env!("CARGO_BIN_EXE_process-pool"), ["worker"]);
    let pool = Pool::new(worker, Duration::from_secs(5));
    let attempts = Cell::new(0);
    let result = retry_crashed_once(|| {
        attempts.set(attempts.get() + 1);
        let fault = if attempts.get() == 1 {
            Fault::Crash
        } else {
            Fault::None
        };
        pool.run(Request { limit: 10, fault })
    })
    .await;
    assert_eq!((result, attempts.get()), (Ok(285), 2));
    pool.shutdown().await;
}
