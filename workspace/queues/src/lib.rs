//! Chapter 4 of *Async IO in Rust*: producers, consumers and a queue between them.
//!
//! - [`queue`]: a queue that can be joined, like Python's `asyncio.Queue`,
//!   built on async-channel and usable from any runtime;
//! - [`executor`]: the four things the programs need from a runtime, for
//!   tokio and for smol;
//! - [`asyncq`]: the notes' producers and consumers, with three ways to shut down;
//! - [`backpressure`]: a fast producer, a slow consumer, and what a queue's
//!   size limit changes;
//! - [`exercises`]: a priority lane, and a throughput report.

pub mod asyncq;
pub mod backpressure;
pub mod executor;
pub mod queue;

/// The chapter's exercises: your code in `exercises/`, or with
/// `--features solutions` the worked solutions in `solutions/`.
#[cfg_attr(not(feature = "solutions"), path = "../exercises/mod.rs")]
#[cfg_attr(feature = "solutions", path = "../solutions/mod.rs")]
pub mod exercises;
