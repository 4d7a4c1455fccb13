// Chained steps, chains at once: each chain runs part1, then part2 with
// part1's result; the chains do not depend on each other, so all of them run
// at the same time, and the program takes as long as its longest chain.
//
// A complete program: in a new project (`cargo new chains`), put this in
// src/main.rs, add tokio with `cargo add tokio --features full`, and
// `cargo run`. It takes a little over a second.

use std::time::Duration;

use tokio::time::{Instant, sleep};

/// Each chain's number and how long its part1 and part2 wait, in ms: fixed
/// and far apart, so the lines come in the same order on every run.
const CHAINS: [(u32, u64, u64); 3] = [(1, 400, 700), (2, 300, 500), (3, 100, 400)];

/// The first step: some IO of a known length here, then a result.
async fn part1(n: u32, ms: u64) -> String {
    println!("part1({n}) sleeping for {ms} ms.");
    sleep(Duration::from_millis(ms)).await;
    let result = format!("result{n}-1");
    println!("Returning part1({n}) == {result}.");
    result
}

/// The second step: it needs part1's result, so it cannot start before.
async fn part2(n: u32, arg: String, ms: u64) -> String {
    println!("part2({n}, '{arg}') sleeping for {ms} ms.");
    sleep(Duration::from_millis(ms)).await;
    let result = format!("result{n}-2 derived from {arg}");
    println!("Returning part2({n}, '{arg}') == {result}.");
    result
}

/// One chain: its two steps in order. Returns part2's result and the time.
async fn chain(n: u32, first_ms: u64, second_ms: u64) -> (String, Duration) {
    let started = Instant::now();
    let p1 = part1(n, first_ms).await;
    let p2 = part2(n, p1, second_ms).await;
    let took = started.elapsed();
    let seconds = took.as_secs_f64();
    println!("-->Chained result{n} => {p2} (took {seconds:.2} s).");
    (p2, took)
}

/// Spawns every chain as a task of its own, then collects their results in
/// the order of `chains`, like `asyncio.gather(*(chain(n) for n in ...))`.
async fn run_chains(chains: &[(u32, u64, u64)]) -> Vec<(String, Duration)> {
    let handles: Vec<_> = chains
        .iter()
        .map(|&(n, first_ms, second_ms)| tokio::spawn(chain(n, first_ms, second_ms)))
        .collect();
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.unwrap());
    }
    results
}

// `current_thread`: one thread, as asyncio has, so the tasks first run in
// the order they were spawned and the three part1 lines keep their order.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let started = Instant::now();
    let results = run_chains(&CHAINS).await;
    let total = started.elapsed().as_secs_f64();
    let sum: f64 = results.iter().map(|(_, took)| took.as_secs_f64()).sum();
    println!("Program finished in {total:.2} s; one chain after another: {sum:.2} s.");
}
