//! Exercise: two countdowns at once.
//!
//! Page: "Counting, blocking and async", section "Exercise: two countdowns".

// ANCHOR: starter
/// Prints `"{name}: {n}"` for `n` from `from` down to 1, sleeping one
/// second after each number, then prints `"{name}: liftoff!"`.
pub async fn countdown(name: &str, from: u32) {
    todo!("print each number, then `tokio::time::sleep(Duration::from_secs(1)).await`")
}

/// Runs countdown "A" from 3 and countdown "B" from 2 at the same time, so
/// that the whole thing takes 3 seconds, not 5.
pub async fn two_countdowns() {
    todo!("run both countdowns concurrently, as hello-async runs its counts")
}
// ANCHOR_END: starter
