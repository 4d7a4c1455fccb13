//! `makerandom`: tasks that keep drawing random numbers until one is high enough.
//!
//! Drawing a number is instant; the sleep between draws stands in for an IO
//! wait of uncertain length, such as waiting for a message from a peer. Three
//! tasks share one random source, so the numbers each one sees depend on when
//! the others drew theirs: the output is a record of how the event loop
//! interleaved them.

use std::future::Future;
use std::time::Duration;

use support::{Color, Console, SharedRandom, Timeline};

// ANCHOR: makerandom
/// Draws integers in `0..=10` until one exceeds `threshold`, sleeping
/// `idx + 1` seconds after each draw that is too low. Returns the winner.
pub async fn makerandom<F>(
    idx: usize,
    threshold: u64,
    random: SharedRandom,
    console: Console,
    sleep: impl Fn(Duration) -> F,
) -> u64
where
    F: Future<Output = ()>,
{
    let color = Color::for_index(idx);
    console.line(console.paint(color, format!("Initiated makerandom({idx}).")));
    let mut number = random.randint(0..=10);
    while number <= threshold {
        let line = format!("makerandom({idx}) == {number} too low; retrying.");
        console.line(console.paint(color, line));
        sleep(Duration::from_secs(idx as u64 + 1)).await;
        number = random.randint(0..=10);
    }
    let line = format!("---> Finished: makerandom({idx}) == {number}");
    console.line(console.paint(color, line));
    number
}
// ANCHOR_END: makerandom

/// The three tasks of the example, with thresholds 9, 8 and 7, ready to spawn.
///
/// Each future owns what it uses (a handle on the random source, the
/// console, the timer), so it is `'static` and can be handed to a runtime's
/// `spawn`. Each task's sleeps are drawn on its own lane of `timeline`
/// (which records nothing unless the program was asked for a picture).
pub fn three_tasks<S, F>(
    seed: u64,
    console: &Console,
    timeline: &Timeline,
    sleep: S,
) -> Vec<impl Future<Output = u64> + Send + 'static>
where
    S: Fn(Duration) -> F + Clone + Send + 'static,
    F: Future<Output = ()> + Send + 'static,
{
    let random = SharedRandom::seed(seed);
    timeline.start();
    (0..3)
        .map(|idx| {
            let lane = timeline.lane(format!("makerandom({idx})"));
            makerandom(
                idx,
                10 - idx as u64 - 1,
                random.clone(),
                console.clone(),
                lane.sleeps(sleep.clone()),
            )
        })
        .collect()
}

// ANCHOR: runtimes
/// Spawns the three tasks on the current tokio runtime and gathers their results.
pub async fn run_on_tokio(
    seed: u64,
    console: &Console,
    timeline: &Timeline,
) -> Vec<u64> {
    let handles: Vec<_> = three_tasks(seed, console, timeline, tokio::time::sleep)
        .into_iter()
        .map(tokio::spawn)
        .collect();
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.expect("makerandom does not panic"));
    }
    results
}

/// The same on smol: a single-threaded executor, driven by `block_on`.
/// The binary passes `support::clock::smol_sleep` as `sleep`.
pub fn run_on_smol<S, F>(
    seed: u64,
    console: &Console,
    timeline: &Timeline,
    sleep: S,
) -> Vec<u64>
where
    S: Fn(Duration) -> F + Clone + Send + 'static,
    F: Future<Output = ()> + Send + 'static,
{
    let executor = smol::LocalExecutor::new();
    let tasks: Vec<_> = three_tasks(seed, console, timeline, sleep)
        .into_iter()
        .map(|task| executor.spawn(task))
        .collect();
    smol::block_on(executor.run(async {
        let mut results = Vec::new();
        for task in tasks {
            results.push(task.await);
        }
        results
    }))
}
// ANCHOR_END: runtimes

/// The closing line: `r1: 10, r2: 10, r3: 9`.
pub fn summary(results: &[u64]) -> String {
    results
        .iter()
        .enumerate()
        .map(|(i, r)| format!("r{}: {r}", i + 1))
        .collect::<Vec<_>>()
        .join(", ")
}
