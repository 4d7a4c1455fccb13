//! Spawning a task and awaiting its handle: asyncio's `create_task`.
//!
//! `tokio::spawn` hands a future to the runtime, which polls it from then
//! on, whether or not anyone awaits the handle it returns. On a one-thread
//! runtime the new task cannot run while the spawning code runs: it starts
//! at the spawner's next `.await` that has to wait, exactly as an asyncio
//! task starts when the coroutine that created it yields to the event loop.
//! (On tokio's multi-thread runtime another worker may start it at once.)

use support::Console;

use crate::job::job;
use crate::log::Log;

// ANCHOR: create_task
/// Spawns a 2 s download, does 1 s of its own work meanwhile, then awaits
/// the download's handle. Returns what the handle gave.
pub async fn create_task(console: &Console) -> &'static str {
    let log = Log::start(console);
    let handle = tokio::spawn(job("download", 2, log.clone()));
    log.say("main: spawned download; it has not started yet");
    // main's own work: waiting here is what lets the runtime start the task.
    job("main's own work", 1, log.clone()).await;
    let result = handle.await.expect("the download does not panic");
    log.say(format!("main: awaited the handle, got {result:?}"));
    result
}
// ANCHOR_END: create_task
