//! What an async fn compiles to: sizes of state machines, and polling by hand.
//!
//! The futures print their steps with `println!`, as the page shows them, so
//! the tests that check those lines run the `state-machine` binary and read
//! what it printed.

use std::process::Command;
use std::task::Poll;

use rules::state_machine::{
    TwoSteps, YieldOnce, awaits_once, drops_buffer_before_await, future_sizes,
    holds_buffer_across_await, no_await, poll_to_completion, two_steps,
};

// Exact sizes depend on the compiler version, so these tests check only what
// any version must do: store what is alive across an `.await`, and no more.

#[test]
fn a_buffer_kept_across_an_await_lives_inside_the_future() {
    assert!(size_of_val(&holds_buffer_across_await()) > 1024);
}

#[test]
fn a_buffer_dropped_before_the_await_does_not() {
    let dropped_first = size_of_val(&drops_buffer_before_await());
    assert!(dropped_first < 1024, "{dropped_first} bytes");
    assert!(dropped_first < size_of_val(&holds_buffer_across_await()));
}

#[test]
fn awaiting_something_makes_a_future_at_least_as_big_as_what_it_awaits() {
    assert!(size_of_val(&awaits_once()) >= size_of_val(&YieldOnce::default()));
    assert!(size_of_val(&no_await()) <= size_of_val(&awaits_once()));
}

#[test]
fn the_reported_sizes_are_the_futures_sizes() {
    let sizes = future_sizes();
    assert_eq!(
        sizes[2],
        (
            "holds_buffer_across_await()",
            size_of_val(&holds_buffer_across_await())
        )
    );
}

const STEPS: [&str; 4] = [
    "  created the future: none of its body has run yet",
    "    body: runs up to the first .await",
    "    body: resumed, runs up to the second .await",
    "    body: resumed, returns 42",
];

fn expected_lines() -> Vec<String> {
    [
        STEPS[0],
        STEPS[1],
        "  poll 1 -> Pending",
        STEPS[2],
        "  poll 2 -> Pending",
        STEPS[3],
        "  poll 3 -> Ready(42)",
    ]
    .map(str::to_owned)
    .to_vec()
}

/// What the `state-machine` binary printed after `heading`, up to the next
/// blank line.
fn printed_after(heading: &str) -> Vec<String> {
    let output = Command::new(env!("CARGO_BIN_EXE_state-machine"))
        .output()
        .expect("the state-machine binary runs");
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).expect("the lines are UTF-8");
    stdout
        .lines()
        .skip_while(|line| *line != heading)
        .skip(1)
        .take_while(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn polling_the_async_fn_by_hand_gives_pending_pending_ready() {
    let answers = poll_to_completion(two_steps());
    assert_eq!(answers, [Poll::Pending, Poll::Pending, Poll::Ready(42)]);
    assert_eq!(
        printed_after("Polling the async fn two_steps() by hand:"),
        expected_lines()
    );
}

#[test]
fn the_hand_written_state_machine_behaves_the_same() {
    let answers = poll_to_completion(TwoSteps::default());
    assert_eq!(answers, [Poll::Pending, Poll::Pending, Poll::Ready(42)]);
    assert_eq!(
        printed_after("Polling the hand-written state machine TwoSteps by hand:"),
        expected_lines()
    );
}

#[test]
fn creating_a_future_runs_none_of_its_body() {
    // `poll_to_completion` announces the future once it has been created
    // and before its first poll: had creating it run any of the body, a
    // body line would come first.
    for heading in [
        "Polling the async fn two_steps() by hand:",
        "Polling the hand-written state machine TwoSteps by hand:",
    ] {
        let lines = printed_after(heading);
        assert_eq!(
            lines.first().map(String::as_str),
            Some(STEPS[0]),
            "{lines:?}"
        );
    }
}
