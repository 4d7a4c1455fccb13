//! Waiting for them all: asyncio's `gather`, four ways.
//!
//! Each example runs the same three jobs: `a` takes 3 s, `b` 1 s and `c` 2 s.
//! Run together they take 3 s, the longest of them, whichever tool joins
//! them. What differs is where they run (inside the current task, or as
//! tasks of their own) and the order the results come back in.

use futures::future::join_all;
use support::Console;
use tokio::task::JoinSet;

use crate::job::job;
use crate::log::Log;

/// The jobs each example gathers: name and seconds.
pub const JOBS: [(&str, u64); 3] = [("a", 3), ("b", 1), ("c", 2)];

// ANCHOR: join
/// `tokio::join!`: a fixed number of futures, of any types, polled inside
/// the current task; a tuple of results, in the order written.
pub async fn with_join(console: &Console) -> Vec<&'static str> {
    let log = Log::start(console);
    let (a, b, c) = tokio::join!(
        job("a", 3, log.clone()),
        job("b", 1, log.clone()),
        job("c", 2, log.clone()),
    );
    log.say(format!("join! gave ({a:?}, {b:?}, {c:?})"));
    vec![a, b, c]
}
// ANCHOR_END: join

// ANCHOR: join_all
/// `join_all`: any number of futures of one type, polled inside the current
/// task; a `Vec` of results in the order of the input. Runtime-agnostic
/// (it comes from the `futures` crate), so smol programs use it too.
pub async fn with_join_all(console: &Console) -> Vec<&'static str> {
    let log = Log::start(console);
    let jobs = JOBS.map(|(name, secs)| job(name, secs, log.clone()));
    let results = join_all(jobs).await;
    log.say(format!("join_all gave {results:?}"));
    results
}
// ANCHOR_END: join_all

// ANCHOR: handles
/// Spawned tasks, then their handles awaited in turn: the tasks run on the
/// runtime on their own (on several threads, with a multi-thread runtime);
/// awaiting the handles in input order gives the results in input order.
pub async fn with_handles(console: &Console) -> Vec<&'static str> {
    let log = Log::start(console);
    let handles = JOBS.map(|(name, secs)| tokio::spawn(job(name, secs, log.clone())));
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.expect("a job does not panic"));
    }
    log.say(format!("the handles gave {results:?}"));
    results
}
// ANCHOR_END: handles

// ANCHOR: join_set
/// `JoinSet`: spawned tasks owned by one collection. `join_all` on it gives
/// the results in the order the tasks *finished*, and dropping the set
/// aborts whatever is still running.
pub async fn with_join_set(console: &Console) -> Vec<&'static str> {
    let log = Log::start(console);
    let mut set = JoinSet::new();
    for (name, secs) in JOBS {
        set.spawn(job(name, secs, log.clone()));
    }
    let results = set.join_all().await;
    log.say(format!("JoinSet::join_all gave {results:?}"));
    results
}
// ANCHOR_END: join_set
