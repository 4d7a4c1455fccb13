//! Chapter 1 of *Async IO in Rust*: the 10,000-foot view.
//!
//! - [`countsync`]: three counts, one after another, each blocking the thread while it sleeps;
//! - [`countasync`]: the same three counts as futures, interleaved by an event loop;
//! - [`turns`]: where a thread can be interrupted, and where a task can;
//! - [`chess`]: Judit Polgár's simultaneous exhibition, played both ways on tokio's virtual clock.
//!
//! The binaries in `src/bin/` only parse arguments and pick a runtime; the
//! lesson is here, where the tests and the book can reach it.

pub mod chess;
pub mod countasync;
pub mod countsync;
pub mod turns;

/// The chapter's exercises: your code in `exercises/`, or with
/// `--features solutions` the worked solutions in `solutions/`.
#[cfg_attr(not(feature = "solutions"), path = "../exercises/mod.rs")]
#[cfg_attr(feature = "solutions", path = "../solutions/mod.rs")]
pub mod exercises;

use std::time::Duration;

/// Every sleep in the counting examples lasts one second.
pub const ONE_SECOND: Duration = Duration::from_secs(1);
