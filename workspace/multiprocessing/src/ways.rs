//! `ways`: the same CPU-bound jobs, run five ways.
//!
//! Every function takes the jobs' limits and returns their sums in the same
//! order, so the results can be compared. The two async ways also return the
//! worst gap of a [`Heartbeat`] that ran beside the jobs on the event loop.

use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::StreamExt;
use support::clock::{ClockMode, tokio_runtime};
use tokio::task::JoinHandle;

use crate::heartbeat::{self, Heartbeat};
use crate::pool::{Job, Pool, WorkerCommand};
use crate::workload::sum_of_squares_below;

// ANCHOR: sequential
/// One job after another, on this thread.
pub fn sequential(limits: &[u64]) -> Vec<u128> {
    limits
        .iter()
        .map(|&limit| sum_of_squares_below(limit))
        .collect()
}
// ANCHOR_END: sequential

// ANCHOR: async_tasks
/// One async task per job, on tokio's current-thread runtime: the asyncio way.
pub fn async_tasks_on_one_thread(limits: &[u64]) -> io::Result<(Vec<u128>, Duration)> {
    on_event_loop(limits, |limit| {
        // A task, but one with no `.await` inside: once polled, it computes
        // to the end. The tasks can only take turns on the one thread, and
        // the heartbeat waits behind all of them.
        tokio::spawn(async move { sum_of_squares_below(limit) })
    })
}
// ANCHOR_END: async_tasks

// ANCHOR: on_event_loop
/// Starts every job with `start` on a current-thread tokio runtime, with a
/// heartbeat beside them; returns their sums in job order and the
/// heartbeat's longest gap.
fn on_event_loop(
    limits: &[u64],
    start: impl Fn(u64) -> JoinHandle<u128>,
) -> io::Result<(Vec<u128>, Duration)> {
    // The real clock, always: the work really takes CPU time, which a
    // paused clock would not see.
    let runtime = tokio_runtime(ClockMode::Real)?;
    runtime.block_on(async {
        let heartbeat = Heartbeat::start(heartbeat::PERIOD);
        let jobs: Vec<JoinHandle<u128>> =
            limits.iter().map(|&limit| start(limit)).collect();
        let mut sums = Vec::with_capacity(jobs.len());
        for job in jobs {
            sums.push(job.await.expect("a sum does not panic"));
        }
        Ok((sums, heartbeat.stop()))
    })
}
// ANCHOR_END: on_event_loop

// ANCHOR: spawn_blocking
/// One `spawn_blocking` call per job: the work goes to tokio's blocking
/// threads, and the event loop's thread stays free.
pub fn spawn_blocking(limits: &[u64]) -> io::Result<(Vec<u128>, Duration)> {
    on_event_loop(limits, |limit| {
        tokio::task::spawn_blocking(move || sum_of_squares_below(limit))
    })
}
// ANCHOR_END: spawn_blocking

// ANCHOR: scoped_threads
/// `threads` threads that take the next job until there is none left.
pub fn scoped_threads(limits: &[u64], threads: usize) -> Vec<u128> {
    // The index of the next job nobody has taken. Threads that finish early
    // take more jobs, so a slow job does not leave a core idle.
    let next_job = AtomicUsize::new(0);
    // A scope's threads are joined before `scope` returns, so they may
    // borrow `limits` and `next_job` from this stack frame: no Arc, no
    // `'static`, no copying the jobs.
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next_job.fetch_add(1, Ordering::Relaxed);
                        let Some(&limit) = limits.get(index) else {
                            break done;
                        };
                        done.push((index, sum_of_squares_below(limit)));
                    }
                })
            })
            .collect();
        let mut sums = vec![0; limits.len()];
        for handle in handles {
            for (index, sum) in handle.join().expect("a sum does not panic") {
                sums[index] = sum;
            }
        }
        sums
    })
}
// ANCHOR_END: scoped_threads

// ANCHOR: worker_processes
/// `workers` worker processes, fed by the async [`Pool`].
pub fn worker_processes(
    limits: &[u64],
    workers: usize,
    command: &WorkerCommand,
) -> io::Result<Vec<u128>> {
    // No job here should come near this; it only keeps a broken worker
    // from hanging the report.
    const TIMEOUT: Duration = Duration::from_secs(600);
    let runtime = tokio_runtime(ClockMode::Real)?;
    runtime.block_on(async {
        let pool = Pool::new(command.clone(), TIMEOUT);
        let mut sums = vec![0; limits.len()];
        let mut finished = pool.run_all(Job::numbered(limits), workers);
        while let Some((job, result)) = finished.next().await {
            sums[job.number - 1] = result.map_err(|error| {
                io::Error::other(format!("job {}: {error}", job.number))
            })?;
        }
        drop(finished);
        pool.shutdown().await;
        Ok(sums)
    })
}
// ANCHOR_END: worker_processes
