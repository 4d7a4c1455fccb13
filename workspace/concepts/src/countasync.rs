//! Counting with async sleeps: the "Hello, World" of async IO.

use std::future::Future;
use std::time::Duration;

use futures::future::join_all;
use support::{Console, Timeline};

use crate::ONE_SECOND;

// ANCHOR: count
/// Prints `One`, sleeps, prints `Two`; with `trailing_sleep`, sleeps once more.
///
/// `sleep` is the runtime's timer: `tokio::time::sleep` or smol's
/// `Timer::after`. Awaiting it suspends this future and hands the thread
/// back to the event loop until the timer fires.
pub async fn count<F>(
    console: &Console,
    trailing_sleep: bool,
    sleep: impl Fn(Duration) -> F,
) where
    F: Future<Output = ()>,
{
    console.line("One");
    sleep(ONE_SECOND).await; // the event loop runs the other counts meanwhile
    console.line("Two");
    if trailing_sleep {
        sleep(ONE_SECOND).await;
    }
}

/// Three counts at once, like `asyncio.gather(count(), count(), count())`.
///
/// `join_all` polls its futures in order, on the current task: concurrency
/// on one thread, with no second thread involved.
pub async fn main<F>(
    console: &Console,
    trailing_sleep: bool,
    sleep: impl Fn(Duration) -> F,
) where
    F: Future<Output = ()>,
{
    join_all((0..3).map(|_| count(console, trailing_sleep, &sleep))).await;
}
// ANCHOR_END: count

// ANCHOR: timeline
/// [`main`], drawing what each count does on its own lane of `timeline`.
///
/// The counts are the same; each is handed the same sleep, wrapped so that
/// its lane notes when every sleep starts and ends.
pub async fn main_on_timeline<S, F>(
    console: &Console,
    trailing_sleep: bool,
    sleep: S,
    timeline: &Timeline,
) where
    S: Fn(Duration) -> F + Clone,
    F: Future<Output = ()>,
{
    timeline.start();
    join_all((1..=3).map(|n| {
        let lane = timeline.lane(format!("count {n}"));
        count(console, trailing_sleep, lane.sleeps(sleep.clone()))
    }))
    .await;
}
// ANCHOR_END: timeline
