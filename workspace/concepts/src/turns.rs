//! Who decides when a task stops running: the OS, or the task itself?

use support::Console;

// ANCHOR: thread
/// On an OS thread, nothing in the code marks where it may be interrupted.
pub fn arithmetic_on_a_thread(console: &Console) {
    let a = 2;
    // The OS may pause this thread here, or between any two instructions,
    // to run another thread; the code cannot tell and has no say.
    let b = 3 + a;
    console.line(format!("thread: b = {b}"));
}
// ANCHOR_END: thread

// ANCHOR: task
/// In an async task, every place the task may give way is an `.await`.
pub async fn arithmetic_in_a_task(name: &str, console: &Console) {
    let a = 2;
    console.line(format!("{name}: a = {a}, giving way"));
    // The only point where this task can be paused. `yield_now` waits for
    // nothing: it just lets the event loop run someone else first.
    tokio::task::yield_now().await;
    let b = 3 + a;
    console.line(format!("{name}: b = {b}"));
}

/// Two tasks on one thread take turns exactly at their `.await`s.
pub async fn two_tasks(console: &Console) {
    let first = tokio::spawn({
        let console = console.clone();
        async move { arithmetic_in_a_task("task 1", &console).await }
    });
    let second = tokio::spawn({
        let console = console.clone();
        async move { arithmetic_in_a_task("task 2", &console).await }
    });
    for task in [first, second] {
        task.await.expect("the tasks only print");
    }
}
// ANCHOR_END: task
