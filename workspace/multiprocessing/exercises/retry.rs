//! Exercise: retry a crashed job, once.
//!
//! Page: "Exercises", section "Exercise 2: one more try after a crash".

use std::future::Future;

use crate::pool::JobError;

// ANCHOR: starter
/// Runs a job by awaiting `attempt()`. If the worker crashed
/// (`JobError::Crashed`), runs it once more and returns the second result,
/// whatever it is. Any other result (a sum, a timeout, another failure) is
/// returned as it is, after one attempt.
pub async fn retry_crashed_once<F, Fut>(mut attempt: F) -> Result<u128, JobError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<u128, JobError>>,
{
    todo!("await attempt(), and once more if the worker crashed")
}
// ANCHOR_END: starter
