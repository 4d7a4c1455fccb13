//! makerandom reproduces the article's seed-444 run, on the paused clock.

use std::time::Duration;

use rules::makerandom;
use support::Console;
use support::clock::timed;

/// Real Python's transcript for `random.seed(444)`, line for line.
const SEED_444: [&str; 23] = [
    "Initiated makerandom(0).",
    "makerandom(0) == 4 too low; retrying.",
    "Initiated makerandom(1).",
    "makerandom(1) == 4 too low; retrying.",
    "Initiated makerandom(2).",
    "makerandom(2) == 0 too low; retrying.",
    "makerandom(0) == 4 too low; retrying.",
    "makerandom(1) == 7 too low; retrying.",
    "makerandom(0) == 4 too low; retrying.",
    "makerandom(2) == 4 too low; retrying.",
    "makerandom(0) == 8 too low; retrying.",
    "---> Finished: makerandom(1) == 10",
    "makerandom(0) == 7 too low; retrying.",
    "makerandom(0) == 8 too low; retrying.",
    "makerandom(2) == 4 too low; retrying.",
    "makerandom(0) == 7 too low; retrying.",
    "makerandom(0) == 1 too low; retrying.",
    "makerandom(0) == 6 too low; retrying.",
    "---> Finished: makerandom(2) == 9",
    "makerandom(0) == 3 too low; retrying.",
    "makerandom(0) == 9 too low; retrying.",
    "makerandom(0) == 7 too low; retrying.",
    "---> Finished: makerandom(0) == 10",
];

#[tokio::test(start_paused = true)]
async fn seed_444_prints_the_articles_transcript() {
    let console = Console::recorder();
    let (results, elapsed) = timed(makerandom::run_on_tokio(444, &console)).await;
    assert_eq!(console.lines(), SEED_444);
    assert_eq!(results, [10, 10, 9]);
    assert_eq!(makerandom::summary(&results), "r1: 10, r2: 10, r3: 9");
    // Task 0 retried 12 times at 1 s; tasks 1 and 2 finished earlier
    // (2 x 2 s and 3 x 3 s), so the whole run lasts as long as task 0.
    assert_eq!(elapsed, Duration::from_secs(12));
}

#[tokio::test(start_paused = true)]
async fn every_result_beats_its_threshold_whatever_the_seed() {
    for seed in 0..50 {
        let console = Console::recorder();
        let results = makerandom::run_on_tokio(seed, &console).await;
        for (idx, result) in results.iter().enumerate() {
            assert!(
                *result > 10 - idx as u64 - 1,
                "seed {seed}: task {idx} returned {result}"
            );
        }
        let finished = console
            .lines()
            .iter()
            .filter(|l| l.starts_with("---> Finished"))
            .count();
        assert_eq!(finished, 3, "seed {seed}");
    }
}

/// The number at the end of a "== N too low" or "Finished ... == N" line.
fn drawn_number(line: &str) -> Option<u64> {
    let (_, rest) = line.split_once("== ")?;
    rest.split(' ').next()?.parse().ok()
}

#[test]
fn on_smol_the_tasks_share_pythons_sequence() {
    // smol has no paused clock, so shrink every sleep 200-fold (12 s become
    // 60 ms). On a real clock, timers "due together" are a few microseconds
    // apart and the order they fire in can change from run to run; what
    // cannot change is that the three tasks, between them, consume Python's
    // seed-444 sequence in order, and that each stops above its threshold.
    let console = Console::recorder();
    let results = makerandom::run_on_smol(444, &console, |duration| {
        support::clock::smol_sleep(duration / 200)
    });
    let drawn: Vec<u64> = console
        .lines()
        .iter()
        .filter_map(|l| drawn_number(l))
        .collect();
    let mut python = support::PyRandom::seed(444);
    let expected: Vec<u64> = drawn.iter().map(|_| python.randint(0..=10)).collect();
    assert_eq!(drawn, expected);
    for (idx, result) in results.iter().enumerate() {
        assert!(
            *result > 10 - idx as u64 - 1,
            "task {idx} returned {result}"
        );
    }
}
