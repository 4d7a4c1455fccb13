//! Checks the concepts chapter's exercises: `cargo test -p concepts --test exercises`.
//!
//! Without features this tests your code in `exercises/`; CI runs it with
//! `--features solutions` to prove the worked solutions.

use std::time::Duration;

use concepts::exercises::countdown;
use support::Console;
use support::clock::timed;

#[tokio::test(start_paused = true)]
async fn a_countdown_prints_every_number_then_lifts_off() {
    let console = Console::recorder();
    let ((), elapsed) =
        timed(countdown::countdown(&console, "A", 3, tokio::time::sleep)).await;
    assert_eq!(console.lines(), ["A: 3", "A: 2", "A: 1", "A: liftoff!"]);
    assert_eq!(
        elapsed,
        Duration::from_secs(3),
        "one second after each number"
    );
}

#[tokio::test(start_paused = true)]
async fn two_countdowns_overlap() {
    let console = Console::recorder();
    let ((), elapsed) =
        timed(countdown::two_countdowns(&console, tokio::time::sleep)).await;
    let lines = console.lines();
    let of = |name: &str| -> Vec<String> {
        lines
            .iter()
            .filter(|l| l.starts_with(name))
            .cloned()
            .collect()
    };
    assert_eq!(of("A:"), ["A: 3", "A: 2", "A: 1", "A: liftoff!"]);
    assert_eq!(of("B:"), ["B: 2", "B: 1", "B: liftoff!"]);
    assert_eq!(lines.len(), 7, "only countdown lines: {lines:?}");
    assert_eq!(
        elapsed,
        Duration::from_secs(3),
        "3 seconds, not 3 + 2: the sleeps should overlap"
    );
    // Which of two lines due at the same second comes first is up to the
    // join you chose, but B, with less to count, must lift off first.
    let position = |line: &str| lines.iter().position(|l| l == line);
    assert!(
        position("B: liftoff!") < position("A: liftoff!"),
        "{lines:?}"
    );
}
