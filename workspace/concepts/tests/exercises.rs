//! Checks the concepts chapter's exercises: `cargo test -p concepts --test exercises`.
//!
//! Without features this tests your code in `exercises/`; CI runs it with
//! `--features solutions` to prove the worked solutions.
//!
//! Your countdowns print with `println!`, so these tests run them through
//! the `countdown` binary, which runs them on tokio's paused clock and says
//! how long they took there, and read what it printed.

/// What `countdown RUN` printed: its lines, and the seconds it reported.
fn run(which: &str) -> (Vec<String>, String) {
    support::testing::run_exercise(env!("CARGO_BIN_EXE_countdown"), &[which])
}

#[test]
fn countdown_prints_every_number_then_lifts_off() {
    let (lines, took) = run("one");
    assert_eq!(lines, ["A: 3", "A: 2", "A: 1", "A: liftoff!"]);
    assert_eq!(
        took, "took 3 s on the paused clock",
        "one second after each number"
    );
}

#[test]
fn countdown_two_countdowns_overlap() {
    let (lines, took) = run("two");
    let of = |name: &str| -> Vec<&str> {
        lines
            .iter()
            .map(String::as_str)
            .filter(|l| l.starts_with(name))
            .collect()
    };
    assert_eq!(of("A:"), ["A: 3", "A: 2", "A: 1", "A: liftoff!"]);
    assert_eq!(of("B:"), ["B: 2", "B: 1", "B: liftoff!"]);
    assert_eq!(lines.len(), 7, "only countdown lines: {lines:?}");
    assert_eq!(
        took, "took 3 s on the paused clock",
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
