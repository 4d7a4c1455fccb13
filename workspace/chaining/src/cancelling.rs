//! Cancelling: aborting a task, dropping a future, detaching, and asking a
//! task to stop.
//!
//! A task is cancelled by never being polled again: its future is dropped
//! where it waits, and its destructors run. The task sees nothing, no
//! exception and no last chance to `.await`; whatever must always happen
//! belongs in a `Drop` (see [`crate::job::CancelNotice`]). Cleanup that
//! needs to await, such as flushing a buffer to a socket, needs the task's
//! cooperation instead: a signal it checks, and a clean return.

use std::time::Duration;

use support::Console;
use tokio::sync::oneshot;

use crate::job::job;
use crate::log::Log;

// ANCHOR: abort
/// Aborts a 10 s task after 2 s. Returns whether the handle reported it
/// cancelled.
pub async fn abort_a_task(console: &Console) -> bool {
    let log = Log::start(console);
    let handle = tokio::spawn(job("worker", 10, log.clone()));
    tokio::time::sleep(Duration::from_secs(2)).await;
    log.say("main: abort()");
    handle.abort();
    // The task stops at its next turn; the handle then says how it ended.
    let cancelled = handle.await.is_err_and(|error| error.is_cancelled());
    log.say(format!("main: the handle reports cancelled: {cancelled}"));
    cancelled
}
// ANCHOR_END: abort

// ANCHOR: detach
/// Drops a task's handle: the task is detached, not cancelled, and runs on.
/// (smol's `Task` is the opposite: dropping it cancels the task, and
/// `detach()` is how to let it run.)
pub async fn drop_a_handle(console: &Console) {
    let log = Log::start(console);
    let handle = tokio::spawn(job("logger", 3, log.clone()));
    drop(handle);
    log.say("main: dropped the logger's handle");
    tokio::time::sleep(Duration::from_secs(4)).await;
    log.say("main: done");
}
// ANCHOR_END: detach

// ANCHOR: cooperative
/// A worker that does 1 s steps until told to stop, then cleans up with an
/// `.await` of its own. Returns how many steps it completed.
pub async fn worker(stop: oneshot::Receiver<()>, log: Log) -> u32 {
    let mut stop = stop;
    let mut steps = 0;
    loop {
        tokio::select! {
            // Checked first, so a stop request beats a step that ends at
            // the same instant.
            biased;
            _ = &mut stop => break,
            () = tokio::time::sleep(Duration::from_secs(1)) => steps += 1,
        }
    }
    log.say(format!(
        "worker: asked to stop after {steps} steps; flushing"
    ));
    tokio::time::sleep(Duration::from_secs(1)).await;
    log.say("worker: flushed, returning");
    steps
}

/// Asks the worker to stop after 2.5 s and waits for its clean return.
pub async fn stop_cooperatively(console: &Console) -> u32 {
    let log = Log::start(console);
    let (ask_to_stop, stop) = oneshot::channel();
    let handle = tokio::spawn(worker(stop, log.clone()));
    tokio::time::sleep(Duration::from_millis(2500)).await;
    log.say("main: asking the worker to stop");
    // The worker holds the receiver until it returns, so this cannot fail.
    let _ = ask_to_stop.send(());
    let steps = handle.await.expect("the worker does not panic");
    log.say(format!("main: the worker returned {steps}"));
    steps
}
// ANCHOR_END: cooperative
