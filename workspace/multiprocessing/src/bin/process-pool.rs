//! An async parent and its worker processes: `cargo run -p multiprocessing --bin process-pool`.

use std::io;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use multiprocessing::cli::{Mode, WorkloadArgs};
use multiprocessing::orchestrator::orchestrate;
use multiprocessing::pool::{Job, WorkerCommand};
use multiprocessing::worker::Fault;
use support::Console;
use support::cli::{self, number_in};
use support::clock::{ClockMode, block_on_tokio};

/// Runs CPU-bound jobs (the sum of i*i for i below 5,000,000 + x) on a pool
/// of worker processes, from one async thread: results print as they
/// arrive, and a worker that crashes or hangs costs only its own job. The exit
/// status is 1 if any job failed.
///
/// It always runs on the real clock and ignores COURSE_CLOCK: the workers
/// are real processes, and their timeouts real time.
#[derive(Debug, Parser)]
#[command(name = "process-pool", version, max_term_width = 80)]
struct Cli {
    #[command(subcommand)]
    mode: Option<Mode>,

    #[command(flatten)]
    workload: WorkloadArgs,

    /// Seconds a job may take before its worker is killed
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    #[arg(value_parser = number_in(1_u64..=3600), allow_negative_numbers = true)]
    timeout: u64,

    /// Make job N's worker crash (panic), to see the pool carry on
    #[arg(long, value_name = "N")]
    #[arg(value_parser = number_in(1_usize..=1000), allow_negative_numbers = true)]
    crash_job: Option<usize>,

    /// Make job N's worker hang, to see the timeout kill it
    #[arg(long, value_name = "N")]
    #[arg(value_parser = number_in(1_usize..=1000), allow_negative_numbers = true)]
    hang_job: Option<usize>,
}

impl Cli {
    fn validate(&self) -> Result<(), String> {
        for (flag, job) in [
            ("--crash-job", self.crash_job),
            ("--hang-job", self.hang_job),
        ] {
            if let Some(job) = job
                && job > self.workload.jobs
            {
                return Err(match self.workload.jobs {
                    1 => format!("{flag} {job}: there is only 1 job (see --jobs)"),
                    jobs => {
                        format!("{flag} {job}: there are only {jobs} jobs (see --jobs)")
                    }
                });
            }
        }
        if self.crash_job.is_some() && self.crash_job == self.hang_job {
            return Err("a job cannot both crash and hang".to_owned());
        }
        Ok(())
    }

    fn jobs(&self) -> Vec<Job> {
        let mut jobs = Job::numbered(&self.workload.limits());
        for job in &mut jobs {
            if Some(job.number) == self.crash_job {
                job.request.fault = Fault::Crash;
            } else if Some(job.number) == self.hang_job {
                job.request.fault = Fault::Hang;
            }
        }
        jobs
    }
}

fn main() -> io::Result<ExitCode> {
    let cli: Cli = cli::parse(Cli::validate);
    if cli.mode == Some(Mode::Worker) {
        return Ok(multiprocessing::worker::run());
    }
    let workers = cli.workload.workers();
    let console = Console::stdout();
    // One thread for the parent: all it does is wait on pipes and timers.
    let results = block_on_tokio(
        ClockMode::Real,
        orchestrate(
            cli.jobs(),
            workers,
            Duration::from_secs(cli.timeout),
            WorkerCommand::this_program()?,
            &console,
        ),
    )?;
    // The pool carried on past the failed jobs, but the run as a whole did
    // not do all it was asked: say so to whoever runs it from a script.
    Ok(if results.iter().all(|(_, result)| result.is_ok()) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
