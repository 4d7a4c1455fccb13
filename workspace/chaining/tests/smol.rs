//! The smol column of the chapter's table, checked: the same tools exist,
//! and where smol differs from tokio (dropping a task), it differs as the
//! page says. smol has no paused clock, so these tests use short real
//! sleeps and check orders and results, never durations. A job that is
//! meant to lose is given hundreds of ticks, so that a slow, busy machine
//! cannot let it finish first.

use std::time::Duration;

use chaining::job::CancelNotice;
use chaining::log::Log;
use futures::StreamExt;
use futures::stream::FuturesUnordered;
use smol::future::FutureExt;
use smol::{Executor, Timer, future};
use support::Console;

const TICK: Duration = Duration::from_millis(20);

/// A smol job: waits `ticks` ticks, then returns its name; says if dropped.
async fn job(name: &'static str, ticks: u32, log: Log) -> &'static str {
    let notice = CancelNotice::new(name, &log);
    Timer::after(TICK * ticks).await;
    notice.finished();
    log.say(format!("{name}: finished"));
    name
}

fn mentions(console: &Console, text: &str) -> bool {
    console.lines().iter().any(|line| line.ends_with(text))
}

#[test]
fn dropping_a_smol_task_cancels_it_and_detach_lets_it_run() {
    let executor = Executor::new();
    let console = Console::recorder();
    future::block_on(executor.run(async {
        let log = Log::start(&console);
        let dropped = executor.spawn(job("dropped", 500, log.clone()));
        executor.spawn(job("detached", 2, log.clone())).detach();
        Timer::after(TICK).await;
        drop(dropped);
        Timer::after(TICK * 50).await;
    }));
    assert!(mentions(&console, "dropped: cancelled"));
    assert!(!mentions(&console, "dropped: finished"));
    assert!(mentions(&console, "detached: finished"));
}

#[test]
fn a_cancelled_smol_task_gives_none() {
    let executor = Executor::new();
    let console = Console::recorder();
    let outcome = future::block_on(executor.run(async {
        let log = Log::start(&console);
        let task = executor.spawn(job("worker", 500, log));
        Timer::after(TICK).await;
        task.cancel().await
    }));
    assert_eq!(outcome, None);
    assert!(mentions(&console, "worker: cancelled"));
}

#[test]
fn or_and_race_keep_the_first_and_or_makes_a_timeout() {
    let console = Console::recorder();
    let winner = future::block_on(async {
        let log = Log::start(&console);
        job("fast", 1, log.clone()).or(job("slow", 500, log)).await
    });
    assert_eq!(winner, "fast");
    assert!(mentions(&console, "slow: cancelled"));

    // race starts with either future at random; the first to finish wins.
    let console = Console::recorder();
    let winner = future::block_on(async {
        let log = Log::start(&console);
        future::race(job("slow", 500, log.clone()), job("fast", 1, log)).await
    });
    assert_eq!(winner, "fast");
    assert!(mentions(&console, "slow: cancelled"));

    // A timeout is a race against a timer.
    let console = Console::recorder();
    let outcome = future::block_on(async {
        let log = Log::start(&console);
        let answered = async { Some(job("query", 500, log).await) };
        answered
            .or(async {
                Timer::after(TICK).await;
                None
            })
            .await
    });
    assert_eq!(outcome, None);
    assert!(mentions(&console, "query: cancelled"));
}

#[test]
fn futures_unordered_yields_in_finishing_order_on_smol_too() {
    let console = Console::recorder();
    let order = future::block_on(async {
        let log = Log::start(&console);
        let mut pending: FuturesUnordered<_> =
            [("slow", 20), ("fast", 1), ("middle", 10)]
                .into_iter()
                .map(|(name, ticks)| job(name, ticks, log.clone()))
                .collect();
        let mut order = Vec::new();
        while let Some(name) = pending.next().await {
            order.push(name);
        }
        order
    });
    assert_eq!(order, ["fast", "middle", "slow"]);
}
