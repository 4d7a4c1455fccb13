//! Solution: retry a crashed job, once.

use std::future::Future;

use crate::pool::JobError;

// ANCHOR: solution
/// Runs a job by awaiting `attempt()`. If the worker crashed
/// (`JobError::Crashed`), runs it once more and returns the second result,
/// whatever it is. Any other result (a sum, a timeout, another failure) is
/// returned as it is, after one attempt.
pub async fn retry_crashed_once<F, Fut>(mut attempt: F) -> Result<u128, JobError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<u128, JobError>>,
{
    match attempt().await {
        // A crash may be bad luck (a worker that ran out of memory, a
        // machine that was rebooting), and a fresh worker may succeed.
        Err(JobError::Crashed(_)) => attempt().await,
        // A timeout is not retried: the job may well hang again, and a
        // second try would cost a second full timeout.
        other => other,
    }
}
// ANCHOR_END: solution
