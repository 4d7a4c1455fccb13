//! When one of several concurrent jobs fails.
//!
//! Each example runs three jobs: `a` succeeds after 1 s, `b` fails after
//! 2 s, `c` succeeds after 3 s. Where the error goes, and whether `c` is
//! cancelled, depends on the tool:
//!
//! | tool | the caller gets | `c` |
//! |---|---|---|
//! | `try_join!` | `b`'s error at 2 s | cancelled (dropped) |
//! | spawned tasks, handles awaited with `?` | `b`'s error at 2 s | runs on, detached |
//! | `JoinSet`, returned from on the first error | `b`'s error at 2 s | aborted with the set |
//! | `join!` (or `join_all`) over `Result`s | every result, at 3 s | finishes |
//!
//! asyncio's `gather` behaves like the second row by default (the first
//! exception propagates, the other tasks go on) and like the last row with
//! `return_exceptions=True`.

use std::time::Duration;

use support::Console;
use tokio::task::JoinSet;

use crate::job::{JobFailed, failing_job, fallible_job};
use crate::log::Log;

// ANCHOR: try_join
/// `try_join!`: the first error returns at once and drops the other futures.
pub async fn with_try_join(console: &Console) -> Result<Vec<&'static str>, JobFailed> {
    let log = Log::start(console);
    let outcome = tokio::try_join!(
        fallible_job("a", 1, log.clone()),
        failing_job("b", 2, log.clone()),
        fallible_job("c", 3, log.clone()),
    )
    .map(|(a, b, c)| vec![a, b, c]);
    log.say(format!("try_join! gave {outcome:?}"));
    outcome
}
// ANCHOR_END: try_join

// ANCHOR: handles
async fn first_error_of_handles(log: &Log) -> Result<Vec<&'static str>, JobFailed> {
    let handles = [
        tokio::spawn(fallible_job("a", 1, log.clone())),
        tokio::spawn(failing_job("b", 2, log.clone())),
        tokio::spawn(fallible_job("c", 3, log.clone())),
    ];
    let mut results = Vec::new();
    for handle in handles {
        // `?` returns on b's error; the handles not yet awaited are dropped,
        // which detaches their tasks rather than cancelling them.
        results.push(handle.await.expect("a job does not panic")?);
    }
    Ok(results)
}

/// Spawned tasks whose handles are awaited with `?`: the error propagates,
/// the other tasks run on. asyncio's `gather` by default.
pub async fn with_handles(console: &Console) -> Result<Vec<&'static str>, JobFailed> {
    let log = Log::start(console);
    let outcome = first_error_of_handles(&log).await;
    log.say(format!("the handles gave {outcome:?}"));
    // Keep the runtime alive a little longer, to see what c does.
    tokio::time::sleep(Duration::from_secs(2)).await;
    outcome
}
// ANCHOR_END: handles

// ANCHOR: join_set
/// A `JoinSet`, left at the first error: dropping the set aborts the rest.
pub async fn with_join_set(console: &Console) -> Result<Vec<&'static str>, JobFailed> {
    let log = Log::start(console);
    let outcome = async {
        let mut set = JoinSet::new();
        set.spawn(fallible_job("a", 1, log.clone()));
        set.spawn(failing_job("b", 2, log.clone()));
        set.spawn(fallible_job("c", 3, log.clone()));
        let mut results = Vec::new();
        while let Some(joined) = set.join_next().await {
            results.push(joined.expect("a job does not panic")?);
        }
        Ok(results)
    }
    .await;
    log.say(format!("the JoinSet gave {outcome:?}"));
    tokio::time::sleep(Duration::from_secs(2)).await;
    outcome
}
// ANCHOR_END: join_set

// ANCHOR: collect
/// `join!` over `Result`s: every job runs to its end and every outcome comes
/// back, errors included: `gather(..., return_exceptions=True)`. (`join_all`
/// over a `Vec` of `Result` futures does the same for any number of jobs.)
pub async fn collecting_results(
    console: &Console,
) -> Vec<Result<&'static str, JobFailed>> {
    let log = Log::start(console);
    let (a, b, c) = tokio::join!(
        fallible_job("a", 1, log.clone()),
        failing_job("b", 2, log.clone()),
        fallible_job("c", 3, log.clone()),
    );
    let outcomes = vec![a, b, c];
    log.say(format!("join! gave {outcomes:?}"));
    outcomes
}
// ANCHOR_END: collect
