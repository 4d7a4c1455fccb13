//! `scale`: how many things can wait at once, as OS threads, tokio tasks and
//! smol tasks.
//!
//! Every *unit* does the same thing: it waits one second and ends, the way a
//! request waits on a slow server. Only what runs the units differs:
//!
//! - an OS thread each, [`std::thread::sleep`] inside: the kernel keeps a
//!   stack, a scheduler entry and a process id per thread;
//! - a tokio task each, on the multi-threaded runtime: a task is a heap
//!   allocation holding the future's state machine, and a waiting task is not
//!   run at all until its timer fires;
//! - a smol task each, the same idea with a different, smaller library.
//!
//! The functions here run the units and time them. The [`report`] module runs
//! each kind in a child process of its own, so that its memory can be
//! measured apart from the others and a thread limit that kills the process
//! cannot take the report down with it.

use std::thread;
use std::time::Duration;

use support::Stopwatch;

pub mod chart;
pub mod memory;
pub mod report;

/// What runs the units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Kind {
    /// one OS thread per unit, std::thread::sleep inside
    Threads,
    /// one tokio task per unit, on the multi-threaded runtime
    Tokio,
    /// one smol task per unit, on a smol executor with a thread per core
    Smol,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Threads, Kind::Tokio, Kind::Smol];

    /// The name the table and the command line use.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Threads => "threads",
            Kind::Tokio => "tokio",
            Kind::Smol => "smol",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

/// How a run of units went, as timed from the inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Units started: all of them, unless the operating system refused more.
    pub spawned: usize,
    /// From the first spawn until the last spawn returned.
    pub spawn_time: Duration,
    /// From the first spawn until every unit had finished.
    pub total: Duration,
    /// Why spawning stopped early, if it did.
    pub stopped: Option<String>,
}

/// The stack each unit thread asks for. Rust's default is 2 MiB of address
/// space per thread; a unit that only sleeps needs a few KiB of it. A small
/// stack keeps the experiment about the number of threads, not about
/// running out of address space.
pub const THREAD_STACK: usize = 64 * 1024;

/// The most threads the experiment starts by default, whatever `--units`
/// says. A default Linux refuses long before this (at about 16 thousand
/// threads, see the book); a machine whose limits were raised would
/// otherwise go on until the out-of-memory killer stepped in.
pub const THREAD_CAP: usize = 100_000;

// ANCHOR: threads
/// Starts `units` OS threads (at most `cap`) that each sleep `wait`, then
/// joins them all.
///
/// `on_spawned` hears the running count now and then, so that a parent
/// process knows how far this one got even if the OS kills it mid-way.
pub fn threads(
    units: usize,
    cap: usize,
    wait: Duration,
    mut on_spawned: impl FnMut(usize),
) -> Outcome {
    let stopwatch = Stopwatch::start();
    let mut handles = Vec::with_capacity(units.min(cap));
    let mut stopped = None;
    while handles.len() < units {
        if handles.len() == cap {
            stopped = Some(format!("--max-threads is {cap}"));
            break;
        }
        // `thread::spawn` panics when the OS says no; `Builder::spawn`
        // returns the error instead, usually EAGAIN: "Resource temporarily
        // unavailable", the kernel's "no more threads for you".
        let spawned = thread::Builder::new()
            .stack_size(THREAD_STACK)
            .spawn(move || thread::sleep(wait));
        match spawned {
            Ok(handle) => handles.push(handle),
            Err(error) => {
                stopped = Some(error.to_string());
                break;
            }
        }
        if handles.len() % 256 == 0 {
            on_spawned(handles.len());
        }
    }
    let spawn_time = stopwatch.elapsed();
    let spawned = handles.len();
    for handle in handles {
        handle.join().expect("a sleeping thread does not panic");
    }
    Outcome {
        spawned,
        spawn_time,
        total: stopwatch.elapsed(),
        stopped,
    }
}
// ANCHOR_END: threads

// ANCHOR: tokio
/// Spawns `units` tokio tasks that each sleep `wait`, then awaits them all.
///
/// The experiment runs it with `block_on`, as `#[tokio::main]` runs `main`:
/// the main thread spawns and waits, and the runtime's worker threads run
/// the tasks.
pub async fn tokio_tasks(units: usize, wait: Duration) -> Outcome {
    let stopwatch = Stopwatch::start();
    let handles: Vec<_> = (0..units)
        .map(|_| tokio::spawn(tokio::time::sleep(wait)))
        .collect();
    let spawn_time = stopwatch.elapsed();
    for handle in handles {
        handle.await.expect("a sleeping task does not panic");
    }
    Outcome {
        spawned: units,
        spawn_time,
        total: stopwatch.elapsed(),
        stopped: None,
    }
}
// ANCHOR_END: tokio

// ANCHOR: smol
/// Spawns `units` smol tasks onto `executor` that each wait `wait` on a
/// smol timer, then awaits them all.
///
/// The experiment runs it with `smol::block_on` on the main thread, while
/// the executor's threads run the tasks: the same shape as tokio's run.
pub async fn smol_tasks(
    executor: &smol::Executor<'_>,
    units: usize,
    wait: Duration,
) -> Outcome {
    let stopwatch = Stopwatch::start();
    let tasks: Vec<_> = (0..units)
        .map(|_| {
            executor.spawn(async move {
                smol::Timer::after(wait).await;
            })
        })
        .collect();
    let spawn_time = stopwatch.elapsed();
    for task in tasks {
        task.await;
    }
    Outcome {
        spawned: units,
        spawn_time,
        total: stopwatch.elapsed(),
        stopped: None,
    }
}
// ANCHOR_END: smol

// ANCHOR: runtimes
/// The tokio runtime the experiment uses: the multi-threaded one, a worker
/// thread per core, as `#[tokio::main]` builds it.
pub fn tokio_runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_time()
        .build()
}

/// Runs `body` while a smol executor runs on a thread per core, the shape
/// of tokio's multi-threaded runtime. smol's executor is a plain value:
/// whoever calls `executor.run(..)` lends it a thread.
pub fn with_smol_executor<T>(body: impl FnOnce(&smol::Executor<'_>) -> T) -> T {
    let executor = smol::Executor::new();
    let cores = thread::available_parallelism().map_or(1, std::num::NonZero::get);
    // Dropping `stop` ends every `run`: `recv` then fails, and `run`
    // returns as soon as the future it was given does.
    let (stop, stopped) = smol::channel::bounded::<()>(1);
    thread::scope(|scope| {
        for _ in 0..cores {
            let (executor, stopped) = (&executor, stopped.clone());
            scope.spawn(move || smol::block_on(executor.run(stopped.recv())));
        }
        let result = body(&executor);
        drop(stop);
        result
    })
}
// ANCHOR_END: runtimes
