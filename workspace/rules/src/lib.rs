//! Chapter 2 of *Async IO in Rust*: the rules of async/await.
//!
//! - [`syntax`]: async fn and blocks, `.await`, lazy futures, `IntoFuture`, `Send + 'static`;
//! - [`signal`]: a future written by hand, with its `poll` and `Waker`;
//! - [`awaitables`]: the three kinds of awaitable, awaited side by side;
//! - [`stream`]: async iteration, and why it is not concurrency;
//! - [`makerandom`]: three tasks drawing Python's random numbers, on tokio or smol;
//! - [`blocking`]: one blocking call inside async code stalls every task on the event loop;
//! - [`state_machine`]: what an async fn compiles to, its size, and polling it by hand;
//! - [`executor`]: a minimal executor with timers, written for teaching: the event loop taken apart;
//! - [`exercises`]: a future written by hand, and a blocked program to unblock.

pub mod awaitables;
pub mod blocking;
pub mod executor;
pub mod makerandom;
pub mod signal;
pub mod state_machine;
pub mod stream;
pub mod syntax;

// ANCHOR: exercises
/// The chapter's exercises: your code in `exercises/`, or with
/// `--features solutions` the worked solutions in `solutions/`.
#[cfg_attr(not(feature = "solutions"), path = "../exercises/mod.rs")]
#[cfg_attr(feature = "solutions", path = "../solutions/mod.rs")]
pub mod exercises;
// ANCHOR_END: exercises
