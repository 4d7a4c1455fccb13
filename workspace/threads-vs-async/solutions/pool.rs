//! Solution: a pool of threads.

use std::sync::Mutex;
use std::thread;

// ANCHOR: solution
/// Runs every job on a pool of at most `workers` threads and returns the
/// jobs' results in the order of `jobs`. `workers` is at least 1.
///
/// Like Python's `ThreadPoolExecutor(max_workers=workers).map`: start the
/// threads (no more than there are jobs), let each take the next job from a
/// queue they share, run it, and come back for another until none is left.
pub fn run_on_pool<T, F>(jobs: Vec<F>, workers: usize) -> Vec<T>
where
    T: Send,
    F: FnOnce() -> T + Send,
{
    let count = jobs.len();
    // The queue: an iterator over the numbered jobs, behind a lock so that
    // each job is taken by exactly one thread.
    let queue = Mutex::new(jobs.into_iter().enumerate());
    let finished = Mutex::new(Vec::with_capacity(count));
    thread::scope(|scope| {
        for _ in 0..workers.clamp(1, count.max(1)) {
            scope.spawn(|| {
                loop {
                    // The guard is a temporary, dropped at the end of this
                    // statement: the lock is held to take a job, never
                    // while running one.
                    let next = queue.lock().expect("no job panics").next();
                    let Some((index, job)) = next else { break };
                    let result = job();
                    finished
                        .lock()
                        .expect("no job panics")
                        .push((index, result));
                }
            });
        }
    });
    // The threads finish jobs in any order; the numbers restore the order.
    let mut finished = finished.into_inner().expect("no job panicked");
    finished.sort_unstable_by_key(|(index, _)| *index);
    finished.into_iter().map(|(_, result)| result).collect()
}
// ANCHOR_END: solution
