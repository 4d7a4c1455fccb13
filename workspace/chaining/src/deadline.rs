//! Giving up after a while: `tokio::time::timeout`, asyncio's `wait_for`.
//!
//! `timeout` wraps a future and races it against a timer. If the timer wins,
//! the wrapped future is dropped, so it is cancelled, and the caller gets
//! `Err(Elapsed)`, as `wait_for` cancels its task and raises `TimeoutError`.
//! One difference matters: wrapping a task's *handle* only stops the
//! waiting. The task runs on, because dropping a tokio `JoinHandle` does not
//! cancel its task.

use std::time::Duration;

use support::Console;
use tokio::time::timeout;

use crate::job::job;
use crate::log::Log;

// ANCHOR: timeout
/// A 5 s query, given 3 s and then 10 s. Returns whether each finished in time.
pub async fn query_with_deadlines(console: &Console) -> [bool; 2] {
    let log = Log::start(console);
    let mut in_time = [false; 2];
    for (attempt, limit) in [3, 10].into_iter().enumerate() {
        match timeout(Duration::from_secs(limit), job("query", 5, log.clone())).await {
            Ok(rows) => {
                log.say(format!("timeout({limit} s): {rows} answered in time"));
                in_time[attempt] = true;
            }
            Err(elapsed) => log.say(format!("timeout({limit} s): {elapsed}")),
        }
    }
    in_time
}
// ANCHOR_END: timeout

// ANCHOR: handle
/// A deadline on a task's handle stops the waiting, not the task; `abort`
/// is how to stop the task too.
pub async fn deadline_on_a_handle(console: &Console) -> bool {
    let log = Log::start(console);
    let mut handle = tokio::spawn(job("report", 5, log.clone()));
    if timeout(Duration::from_secs(3), &mut handle).await.is_err() {
        log.say("main: no report after 3 s; waiting on anyway");
    }
    let finished = handle.await.is_ok();
    log.say(format!("main: the report task finished: {finished}"));
    finished
}
// ANCHOR_END: handle
