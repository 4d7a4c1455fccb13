//! Exercise: a chain whose second step fans out.

use std::time::Duration;

// ANCHOR: starter
/// Chain `n`, whose second step fans out. Step one takes `first` seconds and
/// returns `result{n}-1`. Then comes one second step per entry of `fan_out`:
/// step `k` takes `fan_out[k]` seconds and returns
/// `result{n}-2.{k} derived from result{n}-1`. Returns the second steps'
/// results in the order of `fan_out`.
///
/// This version is correct but slow: it runs the second steps one after the
/// other. They do not depend on each other, only on step one. Make them run
/// concurrently, so the chain takes `first + max(fan_out)` seconds instead
/// of `first + sum(fan_out)`, and keep the results in order.
pub async fn fan_out_chain(n: u32, first: u64, fan_out: &[u64]) -> Vec<String> {
    tokio::time::sleep(Duration::from_secs(first)).await;
    let p1 = format!("result{n}-1");
    let mut results = Vec::new();
    for (k, &secs) in fan_out.iter().enumerate() {
        tokio::time::sleep(Duration::from_secs(secs)).await;
        results.push(format!("result{n}-2.{k} derived from {p1}"));
    }
    results
}
// ANCHOR_END: starter
