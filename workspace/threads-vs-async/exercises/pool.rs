//! Exercise: a pool of threads.
//!
//! Page: "Exercises", section "Exercise: a pool of threads".

// The starter holds on to `jobs` without using it, until you write the body.
#[allow(clippy::needless_pass_by_value)]
// ANCHOR: starter
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
    todo!("run {} jobs on {workers} threads", jobs.len())
}
// ANCHOR_END: starter
