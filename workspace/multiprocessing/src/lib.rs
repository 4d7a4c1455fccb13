//! Chapter 6 of *Async IO in Rust*: multiprocessing.
//!
//! - [`cli`]: the arguments both programs share, and the hidden `worker` subcommand;
//! - [`workload`]: the CPU-bound job, the sum of `i * i` below a limit;
//! - [`ways`]: the same jobs five ways: sequential, async tasks on one thread,
//!   `spawn_blocking`, scoped threads, worker processes;
//! - [`heartbeat`]: a task that measures how long the event loop was kept from it;
//! - [`report`]: the `cpu-bound` table, timing the five ways;
//! - [`worker`]: the worker process and the line protocol it speaks;
//! - [`pool`]: an async pool of worker processes, with a timeout per job;
//! - [`orchestrator`]: the `process-pool` program, streaming results and
//!   surviving workers that crash or hang;
//! - [`exercises`]: one job split across threads, and a retry for crashed jobs.

pub mod cli;
pub mod heartbeat;
pub mod orchestrator;
pub mod pool;
pub mod report;
pub mod ways;
pub mod worker;
pub mod workload;

/// The chapter's exercises: your code in `exercises/`, or with
/// `--features solutions` the worked solutions in `solutions/`.
#[cfg_attr(not(feature = "solutions"), path = "../exercises/mod.rs")]
#[cfg_attr(feature = "solutions", path = "../solutions/mod.rs")]
pub mod exercises;
