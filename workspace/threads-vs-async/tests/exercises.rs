//! Checks the threads-vs-async chapter's exercises:
//! `cargo test -p threads-vs-async --test exercises`.
//!
//! Without features this tests your code in `exercises/`; CI runs it with
//! `--features solutions` to prove the worked solutions.

use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use threads_vs_async::exercises::pool::run_on_pool;

// Exercise: a pool of threads.

#[test]
fn pool_returns_every_result_in_the_order_of_the_jobs() {
    let jobs: Vec<_> = (0..200u64).map(|n| move || n * n).collect();
    let squares: Vec<u64> = (0..200).map(|n| n * n).collect();
    assert_eq!(run_on_pool(jobs, 4), squares);
}

#[test]
fn pool_with_no_jobs_returns_nothing() {
    let jobs: Vec<fn() -> u8> = Vec::new();
    assert!(run_on_pool(jobs, 3).is_empty());
}

#[test]
fn pool_runs_each_job_exactly_once_on_at_most_workers_threads() {
    let runs = AtomicUsize::new(0);
    let threads = Mutex::new(HashSet::new());
    let jobs: Vec<_> = (0..50)
        .map(|_| {
            || {
                runs.fetch_add(1, Ordering::SeqCst);
                threads.lock().unwrap().insert(thread::current().id());
                thread::sleep(Duration::from_millis(1));
            }
        })
        .collect();
    run_on_pool(jobs, 3);
    assert_eq!(runs.load(Ordering::SeqCst), 50, "every job runs once");
    let used = threads.lock().unwrap().len();
    assert!(used <= 3, "3 workers, but the jobs ran on {used} threads");
}

#[test]
fn pool_never_runs_more_than_workers_jobs_at_once() {
    let running = AtomicUsize::new(0);
    let most = AtomicUsize::new(0);
    let jobs: Vec<_> = (0..40)
        .map(|_| {
            || {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                thread::sleep(Duration::from_millis(2));
                running.fetch_sub(1, Ordering::SeqCst);
            }
        })
        .collect();
    run_on_pool(jobs, 4);
    let most = most.load(Ordering::SeqCst);
    assert!(most <= 4, "4 workers, but {most} jobs ran at the same time");
}

#[test]
fn pool_runs_workers_jobs_side_by_side() {
    // Each job waits until four jobs have started (or gives up after a long
    // while, so that a pool that runs fewer at once fails instead of hanging).
    let started = AtomicUsize::new(0);
    let met = AtomicUsize::new(0);
    let jobs: Vec<_> = (0..4)
        .map(|_| {
            || {
                started.fetch_add(1, Ordering::SeqCst);
                let deadline = Instant::now() + Duration::from_secs(10);
                while started.load(Ordering::SeqCst) < 4 && Instant::now() < deadline {
                    thread::sleep(Duration::from_millis(1));
                }
                if started.load(Ordering::SeqCst) >= 4 {
                    met.fetch_add(1, Ordering::SeqCst);
                }
            }
        })
        .collect();
    run_on_pool(jobs, 4);
    assert_eq!(
        met.load(Ordering::SeqCst),
        4,
        "with 4 workers, 4 jobs should all be running at the same time"
    );
}

#[test]
fn pool_of_w_threads_needs_n_over_w_rounds_of_waiting() {
    // 10 waits of 20 ms on 5 threads: at most 5 wait at a time, so at least
    // two rounds. A sleep never ends early, so this holds on any machine.
    let wait = Duration::from_millis(20);
    let jobs: Vec<_> = (0..10).map(|_| move || thread::sleep(wait)).collect();
    let started = Instant::now();
    run_on_pool(jobs, 5);
    assert!(started.elapsed() >= 2 * wait);
}
