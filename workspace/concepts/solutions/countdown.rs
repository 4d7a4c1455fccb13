//! Solution: two countdowns at once.

use std::time::Duration;

use tokio::time::sleep;

// ANCHOR: solution
/// Prints `"{name}: {n}"` for `n` from `from` down to 1, sleeping one
/// second after each number, then prints `"{name}: liftoff!"`.
pub async fn countdown(name: &str, from: u32) {
    for n in (1..=from).rev() {
        println!("{name}: {n}");
        sleep(Duration::from_secs(1)).await;
    }
    println!("{name}: liftoff!");
}

/// Runs countdown "A" from 3 and countdown "B" from 2 at the same time, so
/// that the whole thing takes 3 seconds, not 5.
pub async fn two_countdowns() {
    // Both futures are polled by one `join!`: while A sleeps, B runs.
    tokio::join!(countdown("A", 3), countdown("B", 2));
}
// ANCHOR_END: solution
