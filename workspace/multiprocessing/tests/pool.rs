//! The pool of worker processes: results, crashes, hangs and bad commands.
//!
//! Real processes run on the real clock. The timeout is the one figure
//! here that depends on time: a job that should succeed (starting a worker
//! process included) must finish within it, and a hung job costs it in
//! full. Five seconds is a hundred times what a worker needs on a quiet
//! machine, so a slow or loaded one still passes; nothing asserts how fast
//! anything was.

use std::time::Duration;

use futures::StreamExt;
use multiprocessing::orchestrator::{Results, orchestrate, summary};
use multiprocessing::pool::{Job, JobError, Pool, WorkerCommand};
use multiprocessing::worker::{Fault, Request};
use multiprocessing::workload::{limits, sum_of_squares_below};
use support::Console;

const TIMEOUT: Duration = Duration::from_secs(5);

fn worker() -> WorkerCommand {
    WorkerCommand::new(env!("CARGO_BIN_EXE_process-pool"), ["worker"])
}

fn jobs_with_faults(count: usize, faults: &[(usize, Fault)]) -> Vec<Job> {
    let mut jobs = Job::numbered(&limits(1_000, count));
    for &(number, fault) in faults {
        jobs[number - 1].request.fault = fault;
    }
    jobs
}

fn request(limit: u64, fault: Fault) -> Request {
    Request { limit, fault }
}

#[tokio::test]
async fn a_worker_answers_and_is_reused() {
    let pool = Pool::new(worker(), TIMEOUT);
    for limit in [0, 10, 1_000] {
        assert_eq!(
            pool.run(request(limit, Fault::None)).await,
            Ok(sum_of_squares_below(limit))
        );
    }
    pool.shutdown().await;
}

#[tokio::test]
async fn a_crash_is_reported_with_the_exit_status_and_the_next_job_gets_a_new_worker() {
    let pool = Pool::new(worker(), TIMEOUT);
    assert_eq!(
        pool.run(request(10, Fault::Crash)).await,
        // A panic ends a Rust program with status 101.
        Err(JobError::Crashed("exit status: 101".to_owned()))
    );
    assert_eq!(pool.run(request(10, Fault::None)).await, Ok(285));
    pool.shutdown().await;
}

#[tokio::test]
async fn a_hang_times_out_and_the_worker_is_replaced() {
    let pool = Pool::new(worker(), TIMEOUT);
    assert_eq!(
        pool.run(request(10, Fault::Hang)).await,
        Err(JobError::TimedOut(TIMEOUT))
    );
    assert_eq!(pool.run(request(10, Fault::None)).await, Ok(285));
    pool.shutdown().await;
}

#[tokio::test]
async fn a_worker_that_cannot_start_fails_the_job_not_the_program() {
    let pool = Pool::new(
        WorkerCommand::new("/no/such/worker-program", ["worker"]),
        TIMEOUT,
    );
    let result = pool.run(request(10, Fault::None)).await;
    assert!(
        matches!(&result, Err(JobError::Failed(reason)) if reason.starts_with("cannot start")),
        "{result:?}"
    );
}

#[tokio::test]
async fn a_worker_that_answers_nonsense_fails_the_job() {
    // A "worker" that reads the request and answers with a word, not a sum.
    let pool = Pool::new(
        WorkerCommand::new("sh", ["-c", "read request; echo hello"]),
        TIMEOUT,
    );
    assert_eq!(
        pool.run(request(10, Fault::None)).await,
        Err(JobError::Failed("unreadable answer \"hello\"".to_owned()))
    );
}

#[tokio::test]
async fn results_stream_in_finishing_order_and_a_hang_holds_up_only_itself() {
    // Two workers: job 1 hangs on one of them, and the other runs jobs
    // 2 to 6, one after another, long before job 1's timeout.
    let pool = Pool::new(worker(), TIMEOUT);
    let jobs = jobs_with_faults(6, &[(1, Fault::Hang)]);
    let finished: Vec<_> = pool.run_all(jobs, 2).collect().await;
    pool.shutdown().await;
    let order: Vec<usize> = finished.iter().map(|(job, _)| job.number).collect();
    assert_eq!(order, [2, 3, 4, 5, 6, 1]);
    assert_eq!(finished[5].1, Err(JobError::TimedOut(TIMEOUT)));
}

/// Runs the orchestrator quietly and returns its results and its lines.
async fn orchestrate_recorded(
    jobs: Vec<Job>,
    workers: usize,
) -> (Results, Vec<String>) {
    let console = Console::recorder();
    let results = orchestrate(jobs, workers, TIMEOUT, worker(), &console).await;
    (results, console.lines())
}

#[tokio::test]
async fn the_orchestrator_keeps_every_other_result_when_one_crashes_and_one_hangs() {
    let jobs = jobs_with_faults(8, &[(3, Fault::Crash), (6, Fault::Hang)]);
    let (results, lines) = orchestrate_recorded(jobs, 3).await;

    let numbers: Vec<usize> = results.iter().map(|(job, _)| job.number).collect();
    assert_eq!(
        numbers,
        [1, 2, 3, 4, 5, 6, 7, 8],
        "results come back in job order"
    );
    for (job, result) in &results {
        let expected = match job.number {
            3 => Err(JobError::Crashed("exit status: 101".to_owned())),
            6 => Err(JobError::TimedOut(TIMEOUT)),
            _ => Ok(sum_of_squares_below(job.request.limit)),
        };
        assert_eq!(result, &expected, "job {}", job.number);
    }
    assert_eq!(summary(&results), "6 done, 1 crashed, 1 timed out");

    assert_eq!(lines[0], "8 jobs, 3 worker processes, 5 s timeout per job");
    assert!(lines.contains(&"job 3: crashed (exit status: 101)".to_owned()));
    assert_eq!(
        lines[lines.len() - 2],
        "job 6: timed out after 5 s, worker killed"
    );
    assert_eq!(lines.last().unwrap(), "6 done, 1 crashed, 1 timed out");
}

#[tokio::test]
async fn one_worker_runs_the_jobs_in_order_whatever_fails() {
    let jobs = jobs_with_faults(4, &[(2, Fault::Crash)]);
    let (results, lines) = orchestrate_recorded(jobs, 1).await;
    assert_eq!(summary(&results), "3 done, 1 crashed");
    let job_lines: Vec<&str> = lines[1..5].iter().map(|line| &line[..6]).collect();
    assert_eq!(job_lines, ["job 1:", "job 2:", "job 3:", "job 4:"]);
}
