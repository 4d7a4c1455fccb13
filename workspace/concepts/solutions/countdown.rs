//! Solution: two countdowns at once.

use std::future::Future;
use std::time::Duration;

use support::Console;

// ANCHOR: solution
/// Prints `"{name}: {n}"` for `n` from `from` down to 1, sleeping one
/// second after each number, then prints `"{name}: liftoff!"`.
pub async fn countdown<F>(
    console: &Console,
    name: &str,
    from: u32,
    sleep: impl Fn(Duration) -> F,
) where
    F: Future<Output = ()>,
{
    for n in (1..=from).rev() {
        console.line(format!("{name}: {n}"));
        sleep(Duration::from_secs(1)).await;
    }
    console.line(format!("{name}: liftoff!"));
}

/// Runs countdown "A" from 3 and countdown "B" from 2 at the same time, so
/// that the whole thing takes 3 seconds, not 5.
pub async fn two_countdowns<F>(console: &Console, sleep: impl Fn(Duration) -> F)
where
    F: Future<Output = ()>,
{
    // Both futures are polled by one `join`: while A sleeps, B runs.
    futures::join!(
        countdown(console, "A", 3, &sleep),
        countdown(console, "B", 2, &sleep)
    );
}
// ANCHOR_END: solution
