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

/// `--sleeps`, shared by `countsync` and `countasync`.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct CountArgs {
    /// Sleeps per count: 1 (One, sleep, Two) or 2 (one more sleep after Two)
    #[arg(
        long,
        value_name = "N",
        default_value_t = 1,
        value_parser = support::cli::number_in(1u8..=2),
        allow_negative_numbers = true
    )]
    sleeps: u8,
}

impl CountArgs {
    /// Whether each count sleeps again after printing `Two`.
    pub fn trailing_sleep(&self) -> bool {
        self.sleeps == 2
    }
}
