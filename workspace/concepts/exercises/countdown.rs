//! Exercise: two countdowns at once.
//!
//! Page: "Counting, blocking and async", section "Exercise: two countdowns".

use std::future::Future;
use std::time::Duration;

use support::Console;

// ANCHOR: starter
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
    todo!("print the numbers, awaiting `sleep(Duration::from_secs(1))` after each")
}

/// Runs countdown "A" from 3 and countdown "B" from 2 at the same time, so
/// that the whole thing takes 3 seconds, not 5.
pub async fn two_countdowns<F>(console: &Console, sleep: impl Fn(Duration) -> F)
where
    F: Future<Output = ()>,
{
    todo!("run both countdowns concurrently, as countasync::main runs its counts")
}
// ANCHOR_END: starter
