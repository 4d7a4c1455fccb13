//! Counting with async sleeps: the "Hello, World" of async IO, on tokio and
//! on smol.

use std::time::Duration;

use futures::future::join_all;

// ANCHOR: count
/// Prints `One`, sleeps, prints `Two`; with `trailing_sleep`, sleeps once more.
///
/// Awaiting tokio's timer suspends this future and hands the thread back to
/// the event loop until the timer fires.
pub async fn count(trailing_sleep: bool) {
    println!("One");
    tokio::time::sleep(Duration::from_secs(1)).await; // the event loop runs the other counts meanwhile
    println!("Two");
    if trailing_sleep {
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

/// Three counts at once, like `asyncio.gather(count(), count(), count())`.
///
/// `join_all` polls its futures in order, on the current task: concurrency
/// on one thread, with no second thread involved.
pub async fn main(trailing_sleep: bool) {
    join_all((0..3).map(|_| count(trailing_sleep))).await;
}
// ANCHOR_END: count

// ANCHOR: smol
/// The same count on smol, whose timer is `smol::Timer`. Only the timer
/// differs: tokio's `sleep` needs tokio's runtime, smol's `Timer` works on
/// any executor.
pub async fn count_on_smol(trailing_sleep: bool) {
    println!("One");
    smol::Timer::after(Duration::from_secs(1)).await;
    println!("Two");
    if trailing_sleep {
        smol::Timer::after(Duration::from_secs(1)).await;
    }
}

/// Three smol counts at once.
pub async fn main_on_smol(trailing_sleep: bool) {
    join_all((0..3).map(|_| count_on_smol(trailing_sleep))).await;
}
// ANCHOR_END: smol
