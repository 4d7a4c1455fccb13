//! The rules of async/await, each shown with code that compiles, and the
//! mistakes shown with code that must not (the `compile_fail` doctests on
//! [`CompileFail`] prove the compiler rejects them).

use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

// ANCHOR: async_fn
/// An async fn: calling it returns a future of `u32`; only awaiting it runs the body.
#[allow(clippy::unused_async)] // nothing to await: the point is what `async` does
pub async fn double(x: u32) -> u32 {
    x * 2
}

/// What `async fn double` means: a plain fn returning an `async` block.
#[allow(clippy::manual_async_fn)] // spelled out on purpose
pub fn double_spelled_out(x: u32) -> impl Future<Output = u32> {
    async move { x * 2 }
}

/// `.await` is allowed here because `quadruple` is itself async.
pub async fn quadruple(x: u32) -> u32 {
    let twice = double(x).await; // pause here until double(x) is ready
    double_spelled_out(twice).await
}
// ANCHOR_END: async_fn

// ANCHOR: lazy
#[allow(clippy::unused_async)] // async on purpose: the lesson is when it runs
async fn say(what: &str) {
    println!("    {what}");
}

/// Calling an async fn does nothing until the future is awaited (or spawned).
pub async fn lazy_futures() {
    println!("1. call say() and keep the future, without awaiting it");
    let future = say("hello from the first future");
    println!("2. the future exists, but its body has not run");
    future.await;
    println!("3. awaited it: now it ran");

    let forgotten = say("hello from a future nobody awaits");
    drop(forgotten);
    println!("4. dropped a future without awaiting it: its body never ran");

    let spawned = tokio::spawn(say("hello from a spawned task"));
    println!("5. spawned a task: the runtime runs it as soon as we give way");
    spawned.await.unwrap();
    println!("6. waited for the spawned task to finish");
}
// ANCHOR_END: lazy

// ANCHOR: into_future
/// A request builder: set options, then `.await` the builder itself.
///
/// `IntoFuture` is Rust's hook for "awaitable things that are not futures
/// yet", the way `__await__` makes a Python object awaitable.
#[derive(Debug, Clone)]
pub struct Greeting {
    name: String,
    delay: Duration,
}

impl Greeting {
    pub fn to(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            delay: Duration::ZERO,
        }
    }

    #[must_use]
    pub fn after(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
}

impl IntoFuture for Greeting {
    type Output = String;
    type IntoFuture = Pin<Box<dyn Future<Output = String> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            tokio::time::sleep(self.delay).await;
            format!("hello, {}", self.name)
        })
    }
}
// ANCHOR_END: into_future

// ANCHOR: send_fixes
/// Fix 1: `Arc` is the thread-safe `Rc`; the future is `Send` and spawns.
pub async fn count_visits_shared() -> usize {
    let visits = Arc::new(0);
    tokio::task::yield_now().await;
    *visits
}

/// Fix 2: keep the `Rc` but drop it before the `.await`, so the state
/// machine never has to store it across the pause.
pub async fn count_visits_scoped() -> usize {
    let count = {
        let visits = Rc::new(0);
        *visits
    };
    tokio::task::yield_now().await;
    count
}

/// Fix for borrowing: `async move` moves `name` into the task, which then
/// owns everything it uses and is `'static`.
pub async fn greet_owned() -> String {
    let name = String::from("Judit");
    let task = tokio::spawn(async move { format!("hello, {name}") });
    task.await.expect("the task only formats a string")
}
// ANCHOR_END: send_fixes

/// Code the compiler must reject. Each block below is a `compile_fail`
/// doctest, so `cargo test` fails if one of them ever compiles.
///
/// `.await` outside async code (error E0728):
///
/// ```compile_fail,E0728
#[doc = include_str!("../compile_fail/await_outside_async.rs")]
/// ```
///
/// A future created and dropped unawaited (the `unused_must_use` lint,
/// denied here, is a warning by default):
///
/// ```compile_fail
#[doc = include_str!("../compile_fail/future_never_awaited.rs")]
/// ```
///
/// Spawning a future that holds an `Rc` across an `.await`: not `Send`.
///
/// ```compile_fail
#[doc = include_str!("../compile_fail/rc_across_await.rs")]
/// ```
///
/// Spawning a task that borrows a local: not `'static` (error E0373).
///
/// ```compile_fail,E0373
#[doc = include_str!("../compile_fail/borrowed_local_in_spawn.rs")]
/// ```
#[derive(Debug)]
pub struct CompileFail;
