//! The chapter's complete program, `src/bin/rules-in-brief.rs`. Its timers
//! run here on tokio's paused clock, where the times are exact; its blocking
//! sleep holds a real thread, so those tests run on the real clock and check
//! only the order in which the tasks finished, and that no sleep ended early.

// The program's functions are private to it, as in a reader's main.rs;
// including the file makes them this test's own. Its `main` is not called.
#![allow(dead_code)]
include!("../src/bin/rules-in-brief.rs");

#[tokio::test(start_paused = true)]
async fn a_future_starts_its_timer_only_when_awaited() {
    let started = Instant::now();
    let future = say_after(SHORT, "hello");
    sleep(Duration::from_secs(1)).await;
    // Had the body run when the future was made, its timer would have ended
    // during that second, and awaiting it now would take no time.
    future.await;
    assert_eq!(started.elapsed(), Duration::from_secs(1) + SHORT);
}

#[tokio::test(start_paused = true)]
async fn awaiting_in_sequence_adds_up_the_waits() {
    assert_eq!(in_sequence().await, SHORT + LONG);
}

#[tokio::test(start_paused = true)]
async fn join_overlaps_the_waits_and_takes_the_longest() {
    assert_eq!(together().await, LONG);
}

// `#[tokio::test]` runs on a current-thread runtime, like the program.
#[tokio::test]
async fn a_blocking_sleep_holds_the_quick_task_up() {
    let (slept_until, quick_ran) = sleeper_and_quick_task(false).await;
    assert!(
        slept_until >= SHORT,
        "a sleep never ends early: {slept_until:?}"
    );
    // The sleep held the only thread, so the quick task, spawned second,
    // could run only after it: this order holds on any machine.
    assert!(
        quick_ran >= slept_until,
        "the quick task ran at {quick_ran:?}, during the sleep that ended at {slept_until:?}"
    );
}

#[tokio::test]
async fn spawn_blocking_lets_the_quick_task_run_during_the_sleep() {
    let (slept_until, quick_ran) = sleeper_and_quick_task(true).await;
    assert!(
        slept_until >= SHORT,
        "a sleep never ends early: {slept_until:?}"
    );
    // The sleeper handed its sleep to the pool and gave the thread back at
    // once, so the quick task, next in line, ran while the pool thread
    // slept. (Only a stall of the whole sleep, 200 ms, could reverse this.)
    assert!(
        quick_ran < slept_until,
        "the quick task ran at {quick_ran:?}, after the sleep that ended at {slept_until:?}"
    );
}
