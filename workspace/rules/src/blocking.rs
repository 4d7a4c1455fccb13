//! `blocking`: what one blocking call does to every task on the event loop.
//!
//! Three tasks each wait one second. If the wait is a blocking call, the
//! thread the event loop runs on is stuck in it, and the other tasks cannot
//! even start: three seconds. If the wait is a future the task awaits, or a
//! blocking call handed to another thread, the waits overlap: one second.
//!
//! A blocking sleep really holds the thread, so it cannot run on tokio's
//! paused clock. This lesson is timed on the real clock; its tests check the
//! order of the lines instead of exact times.

use std::time::Duration;

/// How each task waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Wait {
    /// std::thread::sleep inside the task: blocks the event loop (the sin)
    #[default]
    Blocking,
    /// tokio::time::sleep(..).await: hands the thread back while waiting
    Async,
    /// std::thread::sleep moved to tokio::task::spawn_blocking, and awaited: off the event loop
    SpawnBlocking,
}

// ANCHOR: task
/// One task: says it started, waits `duration` the way `wait` says, says it is done.
pub async fn task(number: usize, wait: Wait, duration: Duration) {
    println!("task {number}: started");
    match wait {
        // The sin. `std::thread::sleep` knows nothing of futures: it holds
        // the thread until the time is up, and that thread is the one the
        // event loop runs on. No other task can start, resume or finish
        // until this call returns.
        Wait::Blocking => std::thread::sleep(duration),

        // A timer future. While it is pending, `.await` returns control to
        // the event loop, which runs the other tasks on the same thread.
        Wait::Async => tokio::time::sleep(duration).await,

        // The same blocking call, run on tokio's pool of blocking threads.
        // It still holds a thread for the whole second, but not the event
        // loop's: this task awaits the result like any other future.
        // Three pool threads sleep at once and wake in whatever order the
        // operating system picks, so the "done" lines may come in any order.
        Wait::SpawnBlocking => {
            tokio::task::spawn_blocking(move || std::thread::sleep(duration))
                .await
                .unwrap();
        }
    }
    println!("task {number}: done");
}
// ANCHOR_END: task

// ANCHOR: run
/// Spawns three tasks that each wait `duration`, and waits for all of them.
///
/// Call it on a current-thread runtime, the course's usual event loop: with
/// only one thread for the tasks, a blocking call stalls all of them. (On a
/// multi-threaded runtime it would stall one worker thread and every task
/// queued behind it, which is harder to see but just as wrong.)
pub async fn run(wait: Wait, duration: Duration) {
    let handles: Vec<_> = (1..=3)
        .map(|number| tokio::spawn(task(number, wait, duration)))
        .collect();
    for handle in handles {
        handle.await.unwrap();
    }
}
// ANCHOR_END: run

/// Elapsed time to a tenth of a second, `3.0`: on the real clock the
/// hundredths vary from run to run. Cut, not rounded: a sleep never ends
/// early, only late, so three one-second sleeps read `3.0` unless the
/// machine is a whole tenth of a second late.
pub fn tenths(duration: Duration) -> String {
    let tenths = duration.as_millis() / 100;
    format!("{}.{}", tenths / 10, tenths % 10)
}
