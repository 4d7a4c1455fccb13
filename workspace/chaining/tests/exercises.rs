//! Checks the chaining chapter's exercises: `cargo test -p chaining --test exercises`.
//!
//! Without features this tests your code in `exercises/`; CI runs it with
//! `--features solutions` to prove the worked solutions.

use std::time::Duration;

use chaining::exercises::{deadline, fan_out};
use support::Console;
use support::clock::timed;

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

// Exercise 1: a chain that fans out.

#[tokio::test(start_paused = true)]
async fn fan_out_second_steps_run_concurrently() {
    let (results, took) = timed(fan_out::fan_out_chain(1, 2, &[5, 1, 3])).await;
    assert_eq!(
        took,
        secs(2 + 5),
        "part one (2 s), then the longest second step (5 s), not their sum (2 + 9 s)"
    );
    assert_eq!(
        results,
        [
            "result1-2.0 derived from result1-1",
            "result1-2.1 derived from result1-1",
            "result1-2.2 derived from result1-1",
        ],
        "the results come back in the order of fan_out"
    );
}

#[tokio::test(start_paused = true)]
async fn fan_out_with_nothing_to_fan_out_takes_the_first_step() {
    let (results, took) = timed(fan_out::fan_out_chain(7, 3, &[])).await;
    assert!(results.is_empty());
    assert_eq!(took, secs(3));
}

// Exercise 2: a deadline for every chain.

#[tokio::test(start_paused = true)]
async fn deadline_cuts_off_the_slowest_chain_and_reports_it() {
    // With seed 444, chains 1, 2 and 3 take 11 s, 8 s and 4 s.
    let console = Console::recorder();
    let (outcomes, took) = timed(deadline::chains_with_deadline(
        &[1, 2, 3],
        444,
        secs(10),
        &console,
    ))
    .await;
    let lines = console.lines();
    assert_eq!(outcomes, [None, Some(secs(8)), Some(secs(4))]);
    assert_eq!(
        took,
        secs(10),
        "the program ends at the deadline, not at 11 s"
    );
    assert!(
        lines
            .iter()
            .any(|l| l == "-->Chain 1 timed out after 10.00 seconds."),
        "report the chain that timed out: {lines:#?}"
    );
    assert!(
        !lines.iter().any(|l| l.starts_with("-->Chained result1")),
        "a chain that timed out must not finish"
    );
}

#[tokio::test(start_paused = true)]
async fn deadline_that_is_generous_changes_nothing() {
    let console = Console::recorder();
    let (outcomes, took) = timed(deadline::chains_with_deadline(
        &[1, 2, 3],
        444,
        secs(12),
        &console,
    ))
    .await;
    assert_eq!(outcomes, [Some(secs(11)), Some(secs(8)), Some(secs(4))]);
    assert_eq!(took, secs(11));
    assert!(!console.lines().iter().any(|l| l.contains("timed out")));
}
