//! Async iteration: a `Stream` yields items, awaiting between them.

use std::time::Duration;

use futures::stream::{self, Stream, StreamExt};
use tokio::time::sleep;

// ANCHOR: mygen
/// The powers of two below `2^count`, one every 100 ms: an async generator.
///
/// `stream::unfold` turns a state (the next exponent) and an async step into
/// a `Stream`. Like the article's generator, it pauses after each item.
pub fn powers_of_two(count: u32) -> impl Stream<Item = u64> {
    stream::unfold(0, move |exponent| async move {
        if exponent > 0 {
            sleep(Duration::from_millis(100)).await;
        }
        (exponent < count).then(|| (1u64 << exponent, exponent + 1))
    })
}

/// Every item, then only those whose `j / 3 % 5` is zero: two passes, one
/// after the other, because each `.await` on `collect` waits for its whole
/// stream.
pub async fn both_lists(count: u32) -> (Vec<u64>, Vec<u64>) {
    let every: Vec<u64> = powers_of_two(count).collect().await;
    let filtered: Vec<u64> = powers_of_two(count)
        .filter(|j| std::future::ready(j / 3 % 5 == 0))
        .collect()
        .await;
    (every, filtered)
}
// ANCHOR_END: mygen

// ANCHOR: concurrent
/// The same two lists, collected concurrently: both streams make progress
/// during each other's pauses.
pub async fn both_lists_concurrently(count: u32) -> (Vec<u64>, Vec<u64>) {
    let every = powers_of_two(count).collect::<Vec<u64>>();
    let filtered = powers_of_two(count)
        .filter(|j| std::future::ready(j / 3 % 5 == 0))
        .collect::<Vec<u64>>();
    tokio::join!(every, filtered)
}
// ANCHOR_END: concurrent
