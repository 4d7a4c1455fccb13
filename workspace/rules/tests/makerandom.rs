//! makerandom reproduces the article's seed-444 run, on the paused clock.

use std::time::Duration;

use rules::makerandom;
use support::clock::timed;
use support::{Activity, Console, Timeline};

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
    let (results, elapsed) =
        timed(makerandom::run_on_tokio(444, &console, &Timeline::off())).await;
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
        let results = makerandom::run_on_tokio(seed, &console, &Timeline::off()).await;
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

#[tokio::test(start_paused = true)]
async fn the_timeline_shows_each_task_sleeping_between_its_draws() {
    let console = Console::recorder();
    let timeline = Timeline::recording();
    makerandom::run_on_tokio(444, &console, &timeline).await;
    // Every recorded span is a sleep between two draws, so task `idx`
    // sleeps `idx + 1` seconds once per "too low" line, back to back from
    // time zero: 12 sleeps of 1 s, 2 of 2 s, 3 of 3 s.
    let spans = timeline.spans();
    for (idx, retries) in [(0u64, 12u64), (1, 2), (2, 3)] {
        let lane = format!("makerandom({idx})");
        let expected: Vec<(Activity, Duration, Duration)> = (0..retries)
            .map(|n| {
                let length = Duration::from_secs(idx + 1);
                (
                    Activity::Sleeping,
                    length * n as u32,
                    length * (n as u32 + 1),
                )
            })
            .collect();
        let recorded: Vec<_> = spans
            .iter()
            .filter(|span| span.lane == lane)
            .map(|span| (span.activity, span.start, span.end))
            .collect();
        assert_eq!(recorded, expected, "{lane}");
        let too_low = console
            .lines()
            .iter()
            .filter(|line| line.starts_with(&format!("{lane} == ")))
            .count();
        assert_eq!(too_low as u64, retries, "{lane}: one sleep per retry");
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
    let results =
        makerandom::run_on_smol(444, &console, &Timeline::off(), |duration| {
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
