//! Results in the order they finish: asyncio's `as_completed`.
//!
//! The article's example: one job sleeps 3 s and another 10 s. Gathered,
//! both results arrive together at 10 s. Taken as they complete, the first
//! arrives at 3 s, while the second is still running, and can be used at
//! once.

use std::time::Duration;

use futures::StreamExt;
use futures::future::join_all;
use futures::stream::FuturesUnordered;
use support::Console;
use tokio::task::JoinSet;

use crate::log::Log;

/// Sleeps as many seconds as the largest number, then returns the numbers
/// reversed: the article's stand-in for a slow computation.
pub async fn reverse_slowly(numbers: Vec<u64>) -> Vec<u64> {
    let longest = numbers.iter().copied().max().unwrap_or(0);
    tokio::time::sleep(Duration::from_secs(longest)).await;
    numbers.into_iter().rev().collect()
}

fn inputs() -> [Vec<u64>; 2] {
    [vec![3, 2, 1], vec![10, 5, 0]]
}

// ANCHOR: join_next
/// `JoinSet::join_next`: spawned tasks, each result as soon as its task ends.
pub async fn with_join_next(console: &Console) -> Vec<Vec<u64>> {
    let log = Log::start(console);
    let mut set = JoinSet::new();
    for numbers in inputs() {
        set.spawn(reverse_slowly(numbers));
    }
    log.say("start");
    let mut results = Vec::new();
    while let Some(joined) = set.join_next().await {
        let result = joined.expect("reverse_slowly does not panic");
        log.say(format!("result {result:?}"));
        results.push(result);
    }
    log.say(format!("end; every task done: {}", set.is_empty()));
    results
}
// ANCHOR_END: join_next

// ANCHOR: unordered
/// `FuturesUnordered`: plain futures (not spawned), polled by the current
/// task, each yielded as soon as it is ready. It belongs to the `futures`
/// crate, so it works the same on smol.
pub async fn with_futures_unordered(console: &Console) -> Vec<Vec<u64>> {
    let log = Log::start(console);
    let mut pending: FuturesUnordered<_> =
        inputs().into_iter().map(reverse_slowly).collect();
    log.say("start");
    let mut results = Vec::new();
    while let Some(result) = pending.next().await {
        log.say(format!("result {result:?}"));
        results.push(result);
    }
    log.say("end");
    results
}
// ANCHOR_END: unordered

// ANCHOR: gather
/// For contrast, gathered: nothing comes back until everything has.
pub async fn gathered(console: &Console) -> Vec<Vec<u64>> {
    let log = Log::start(console);
    log.say("start");
    let results = join_all(inputs().map(reverse_slowly)).await;
    log.say(format!("results {results:?}"));
    results
}
// ANCHOR_END: gather
