//! Solution: a chain whose second step fans out.

use std::time::Duration;

use futures::future::join_all;

// ANCHOR: solution
/// Chain `n`, whose second step fans out: see the exercise for the spec.
pub async fn fan_out_chain(n: u32, first: u64, fan_out: &[u64]) -> Vec<String> {
    tokio::time::sleep(Duration::from_secs(first)).await;
    let p1 = format!("result{n}-1");
    // Every second step borrows p1; none needs another's result, so they
    // are joined: all wait at once, and join_all keeps the input order.
    let second_steps = fan_out.iter().enumerate().map(|(k, &secs)| {
        let p1 = &p1;
        async move {
            tokio::time::sleep(Duration::from_secs(secs)).await;
            format!("result{n}-2.{k} derived from {p1}")
        }
    });
    join_all(second_steps).await
}
// ANCHOR_END: solution
