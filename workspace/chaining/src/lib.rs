//! Chapter 3 of *Async IO in Rust*: chaining futures, and the toolbox
//! around them.
//!
//! - [`chained`]: steps that depend on each other run in order; independent
//!   chains run concurrently, so the whole takes as long as the longest chain;
//! - [`log`]: a console that stamps each line with the runtime's clock;
//! - [`job`]: the toolbox's unit of work, which says when it is cancelled;
//! - [`spawning`]: spawning a task and awaiting its handle (`create_task`);
//! - [`gathering`]: waiting for them all (`gather`): `join!`, `try_join!`,
//!   `join_all`, `JoinSet`;
//! - [`completion`]: results in the order they finish (`as_completed`);
//! - [`racing`]: the first to finish wins, the others are dropped (`select!`);
//! - [`deadline`]: giving up after a while (`timeout`, asyncio's `wait_for`);
//! - [`cancelling`]: `abort`, dropping, detaching, and cooperative shutdown;
//! - [`failures`]: how one task's error reaches the others;
//! - [`exercises`]: a chain that fans out, and a deadline for the slowest chain.

pub mod cancelling;
pub mod chained;
pub mod completion;
pub mod deadline;
pub mod failures;
pub mod gathering;
pub mod job;
pub mod log;
pub mod racing;
pub mod spawning;

/// The chapter's exercises: your code in `exercises/`, or with
/// `--features solutions` the worked solutions in `solutions/`.
#[cfg_attr(not(feature = "solutions"), path = "../exercises/mod.rs")]
#[cfg_attr(feature = "solutions", path = "../solutions/mod.rs")]
pub mod exercises;
