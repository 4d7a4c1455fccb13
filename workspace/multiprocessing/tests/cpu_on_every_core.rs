//! The chapter's complete program, `src/bin/cpu-on-every-core.rs`: its sums
//! are right and the same both ways, and only the way with blocking threads
//! leaves the event loop free while they are computed. Nothing here asserts
//! how fast this machine computes: where the jobs must run for a while, the
//! test first finds a size that takes that long here.

// The program's functions are private to it, as in a reader's main.rs;
// including the file makes them this test's own. Its `main` is not called.
#![allow(dead_code)]
include!("../src/bin/cpu-on-every-core.rs");

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// How often the ticker beside the jobs asks to run.
const PERIOD: Duration = Duration::from_millis(10);

/// The sum of `i * i` below `limit` without the loop: n(n-1)(2n-1)/6.
fn closed_formula(limit: u64) -> u128 {
    let n = u128::from(limit);
    if n == 0 {
        0
    } else {
        n * (n - 1) * (2 * n - 1) / 6
    }
}

fn expected(limits: &[u64]) -> Vec<u128> {
    limits.iter().map(|&limit| closed_formula(limit)).collect()
}

/// Four limits, each a job that takes at least `at_least` here on its own:
/// the size doubles until one does, in this build, on this machine as
/// loaded as it is now.
fn jobs_that_each_take(at_least: Duration) -> Vec<u64> {
    let mut size = 100_000;
    loop {
        let started = Instant::now();
        sum_of_squares_below(size);
        if started.elapsed() >= at_least {
            return (0..4).map(|x| size + x).collect();
        }
        size *= 2;
    }
}

/// Starts a task on the test's event loop that ticks every `PERIOD` and
/// writes down when; the task ends with the test's runtime.
fn start_ticking() -> Arc<Mutex<Vec<Instant>>> {
    let ticks = Arc::new(Mutex::new(Vec::new()));
    tokio::spawn({
        let ticks = Arc::clone(&ticks);
        async move {
            let mut interval = tokio::time::interval(PERIOD);
            loop {
                interval.tick().await;
                let now = Instant::now();
                ticks
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(now);
            }
        }
    });
    ticks
}

/// The ticks strictly between `from` and `to`.
fn ticks_between(
    ticks: &Mutex<Vec<Instant>>,
    from: Instant,
    to: Instant,
) -> Vec<Instant> {
    let ticks = ticks.lock().unwrap_or_else(PoisonError::into_inner);
    ticks
        .iter()
        .copied()
        .filter(|&t| from < t && t < to)
        .collect()
}

/// The longest stretch from `from` to `to` without a tick.
fn longest_gap(from: Instant, ticks: &[Instant], to: Instant) -> Duration {
    let mut times = vec![from];
    times.extend_from_slice(ticks);
    times.push(to);
    times
        .windows(2)
        .map(|w| w[1] - w[0])
        .max()
        .unwrap_or_default()
}

#[tokio::test]
async fn the_programs_sums_agree_with_the_closed_formula_both_ways() {
    for limit in [0, 1, 2, 3, 10, 1_000, 3_900_000] {
        assert_eq!(
            sum_of_squares_below(limit),
            closed_formula(limit),
            "below {limit}"
        );
    }
    // The program's own jobs, whose sums are too large for a u64.
    assert!(closed_formula(LIMITS[0]) > u128::from(u64::MAX));
    assert_eq!(one_after_another(&LIMITS), expected(&LIMITS));
    assert_eq!(on_blocking_threads(&LIMITS).await, expected(&LIMITS));
}

#[tokio::test]
async fn on_blocking_threads_returns_the_sums_in_job_order() {
    // Short jobs after long ones finish first, but come back in their place.
    let limits = [300_000, 5, 200_000, 0, 7, 100_000];
    assert_eq!(on_blocking_threads(&limits).await, expected(&limits));
    assert_eq!(one_after_another(&limits), expected(&limits));
}

#[tokio::test]
async fn one_after_another_holds_up_every_other_task() {
    // Jobs long enough (forty periods in all) that a ticker with the
    // smallest chance to run would tick.
    let limits = jobs_that_each_take(PERIOD * 10);
    let started_ticking = Instant::now();
    let ticks = start_ticking();
    tokio::time::sleep(PERIOD * 3).await;
    let before = Instant::now();
    assert!(
        !ticks_between(&ticks, started_ticking, before).is_empty(),
        "the ticker did not tick even while the test slept"
    );

    let sums = one_after_another(&limits);
    let after = Instant::now();
    assert_eq!(sums, expected(&limits));
    // It ran in this task with no `.await`, so the ticker did not run once:
    // not a late tick but none at all, however fast or slow the machine.
    let during = ticks_between(&ticks, before, after);
    assert!(
        during.is_empty(),
        "the ticker ticked {} times in {:?} while the jobs held the event loop",
        during.len(),
        after - before
    );
}

#[tokio::test]
async fn on_blocking_threads_the_event_loop_keeps_ticking() {
    // Each job takes thirty periods here, so the run takes at least that
    // long however many cores share the four jobs.
    let limits = jobs_that_each_take(PERIOD * 30);
    let ticks = start_ticking();
    tokio::time::sleep(PERIOD * 3).await;
    let before = Instant::now();

    let sums = on_blocking_threads(&limits).await;
    let after = Instant::now();
    assert_eq!(sums, expected(&limits));
    // The event loop's thread only waited for the handles, so the ticker
    // kept running while the threads computed. A loaded machine may run a
    // tick late, but not for half of the run.
    let during = ticks_between(&ticks, before, after);
    let run = after - before;
    assert!(
        during.len() >= 3,
        "the ticker ticked only {} times in {run:?} beside the blocking threads",
        during.len()
    );
    let gap = longest_gap(before, &during, after);
    assert!(
        gap * 2 < run,
        "the ticker went {gap:?} without running, in a run of {run:?}"
    );
}
