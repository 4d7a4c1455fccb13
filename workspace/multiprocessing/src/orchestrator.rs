//! `orchestrator`: the `process-pool` program. An async parent hands jobs
//! to worker processes, prints each result the moment it arrives, and
//! carries on past workers that crash or hang.

use std::time::Duration;

use futures::StreamExt;
use support::Console;

use crate::pool::{Job, JobError, Pool, WorkerCommand};

/// Every job with its result, in job order.
pub type Results = Vec<(Job, Result<u128, JobError>)>;

// ANCHOR: orchestrate
/// Runs `jobs` on at most `workers` worker processes, each job allowed
/// `timeout`; prints every result as it arrives, then a summary.
pub async fn orchestrate(
    jobs: Vec<Job>,
    workers: usize,
    timeout: Duration,
    command: WorkerCommand,
    console: &Console,
) -> Results {
    console.line(format!(
        "{}, {}, {} s timeout per job",
        counted(jobs.len(), "job", "jobs"),
        counted(workers, "worker process", "worker processes"),
        timeout.as_secs_f64()
    ));
    let pool = Pool::new(command, timeout);
    let mut results = Vec::with_capacity(jobs.len());
    let mut finished = pool.run_all(jobs, workers);
    // Streaming: each result is printed when its job finishes, whatever
    // the other jobs are doing. A hung job holds up nobody but itself.
    while let Some((job, result)) = finished.next().await {
        match &result {
            Ok(sum) => console.line(format!("job {}: {sum}", job.number)),
            Err(error) => console.line(format!("job {}: {error}", job.number)),
        }
        results.push((job, result));
    }
    drop(finished);
    pool.shutdown().await;

    results.sort_by_key(|(job, _)| job.number);
    console.line(summary(&results));
    results
}
// ANCHOR_END: orchestrate

/// `1 job`, `20 jobs`.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `18 done, 1 crashed, 1 timed out`: how the jobs ended, counted.
pub fn summary(results: &Results) -> String {
    let count = |wanted: fn(&Result<u128, JobError>) -> bool| {
        results.iter().filter(|(_, result)| wanted(result)).count()
    };
    let mut parts = vec![format!("{} done", count(Result::is_ok))];
    let failures = [
        ("crashed", count(|r| matches!(r, Err(JobError::Crashed(_))))),
        (
            "timed out",
            count(|r| matches!(r, Err(JobError::TimedOut(_)))),
        ),
        ("failed", count(|r| matches!(r, Err(JobError::Failed(_))))),
    ];
    for (what, how_many) in failures {
        if how_many > 0 {
            parts.push(format!("{how_many} {what}"));
        }
    }
    parts.join(", ")
}
