//! `makerandom`: tasks that keep drawing random numbers until one is high enough.
//!
//! Drawing a number is instant; the sleep between draws stands in for an IO
//! wait of uncertain length, such as waiting for a message from a peer. Three
//! tasks share one random source, so the numbers each one sees depend on when
//! the others drew theirs: the output is a record of how the event loop
//! interleaved them.
//!
//! The random source is [`PyRandom`], Python's Mersenne Twister with
//! Python's seeding and `randint`, so that the numbers are the article's.
//! It is an ordinary generator: `PyRandom::seed(444)`, then `randint(0..=10)`.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use support::PyRandom;

// ANCHOR: makerandom
/// Draws integers in `0..=10` until one exceeds `threshold`, sleeping
/// `idx + 1` seconds after each draw that is too low. Returns the winner.
pub async fn makerandom(idx: u64, threshold: u64, random: Arc<Mutex<PyRandom>>) -> u64 {
    println!("Initiated makerandom({idx}).");
    let mut number = random.lock().unwrap().randint(0..=10);
    while number <= threshold {
        println!("makerandom({idx}) == {number} too low; retrying.");
        tokio::time::sleep(Duration::from_secs(idx + 1)).await;
        number = random.lock().unwrap().randint(0..=10);
    }
    println!("---> Finished: makerandom({idx}) == {number}");
    number
}
// ANCHOR_END: makerandom

// ANCHOR: runtimes
/// Spawns the three tasks, with thresholds 9, 8 and 7, on the current tokio
/// runtime, and gathers their results.
///
/// The tasks share one generator: an `Arc` so that each task owns a handle
/// on it (a spawned task must be `'static`), a `Mutex` so that a draw
/// changes it. Each lock is released at the end of its statement, before
/// any `.await`.
pub async fn main(seed: u64) -> Vec<u64> {
    let random = Arc::new(Mutex::new(PyRandom::seed(seed)));
    let handles: Vec<_> = (0..3)
        .map(|idx| tokio::spawn(makerandom(idx, 10 - idx - 1, Arc::clone(&random))))
        .collect();
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.unwrap());
    }
    results
}
// ANCHOR_END: runtimes

// ANCHOR: smol
/// The same task on smol, whose timer is `smol::Timer`: tokio's `sleep`
/// needs tokio's runtime, smol's `Timer` works on any executor.
pub async fn makerandom_on_smol(
    idx: u64,
    threshold: u64,
    random: Arc<Mutex<PyRandom>>,
) -> u64 {
    println!("Initiated makerandom({idx}).");
    let mut number = random.lock().unwrap().randint(0..=10);
    while number <= threshold {
        println!("makerandom({idx}) == {number} too low; retrying.");
        smol::Timer::after(Duration::from_secs(idx + 1)).await;
        number = random.lock().unwrap().randint(0..=10);
    }
    println!("---> Finished: makerandom({idx}) == {number}");
    number
}

/// The three tasks on a smol `LocalExecutor`: a single-threaded executor,
/// driven by `block_on` on this thread.
pub fn main_on_smol(seed: u64) -> Vec<u64> {
    let random = Arc::new(Mutex::new(PyRandom::seed(seed)));
    let executor = smol::LocalExecutor::new();
    let tasks: Vec<_> = (0..3)
        .map(|idx| {
            executor.spawn(makerandom_on_smol(idx, 10 - idx - 1, Arc::clone(&random)))
        })
        .collect();
    smol::block_on(executor.run(async {
        let mut results = Vec::new();
        for task in tasks {
            results.push(task.await);
        }
        results
    }))
}
// ANCHOR_END: smol

/// The closing line: `r1: 10, r2: 10, r3: 9`.
pub fn summary(results: &[u64]) -> String {
    results
        .iter()
        .enumerate()
        .map(|(i, r)| format!("r{}: {r}", i + 1))
        .collect::<Vec<_>>()
        .join(", ")
}
