//! The chapter's complete program, `src/bin/hello-async.rs`, on tokio's
//! paused clock: the program itself is what a reader pastes into a new
//! project, so it runs on the real clock, and these tests prove the timing
//! it prints without waiting for it.

// The program's functions are private to it, as in a reader's main.rs;
// including the file makes them this test's own. Its `main` is not called.
#![allow(dead_code)]
include!("../src/bin/hello-async.rs");

#[tokio::test(start_paused = true)]
async fn one_count_takes_one_second() {
    let started = Instant::now();
    count().await;
    assert_eq!(started.elapsed(), Duration::from_secs(1));
}

#[tokio::test(start_paused = true)]
async fn three_counts_at_once_still_take_one_second() {
    let started = Instant::now();
    count_three_times().await;
    assert_eq!(started.elapsed(), Duration::from_secs(1));
}
