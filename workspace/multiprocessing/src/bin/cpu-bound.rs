//! CPU-bound work five ways: `cargo run --release -p multiprocessing --bin cpu-bound`.

use std::io;
use std::process::ExitCode;

use clap::Parser;
use multiprocessing::cli::{Mode, WorkloadArgs};
use multiprocessing::pool::WorkerCommand;
use multiprocessing::report::{self, Settings};
use support::Console;
use support::cli::{self, number_in};

/// Times one CPU-bound workload (the sum of i*i for i below 5,000,000 + x, for
/// 20 values of x) five ways: sequential, async tasks on one thread,
/// spawn_blocking, scoped threads and worker processes.
///
/// Run it with --release: a debug build is many times slower, and its
/// figures say nothing about the ways. It always runs on the real clock and
/// ignores COURSE_CLOCK: the work takes real CPU time.
#[derive(Debug, Parser)]
#[command(name = "cpu-bound", version, max_term_width = 80)]
struct Cli {
    #[command(subcommand)]
    mode: Option<Mode>,

    #[command(flatten)]
    workload: WorkloadArgs,

    /// Run every way N times and show each one's fastest run
    #[arg(long, value_name = "N", default_value_t = 5)]
    #[arg(value_parser = number_in(1_usize..=20), allow_negative_numbers = true)]
    rounds: usize,
}

fn main() -> io::Result<ExitCode> {
    let cli: Cli = cli::parse(|_: &Cli| Ok(()));
    if cli.mode == Some(Mode::Worker) {
        return Ok(multiprocessing::worker::run());
    }
    let settings = Settings {
        jobs: cli.workload.jobs,
        size: cli.workload.size,
        workers: cli.workload.workers(),
        rounds: cli.rounds,
    };
    let rows = report::measure(&settings, &WorkerCommand::this_program()?)?;
    let agree = report::print(&rows, &settings, &Console::stdout());
    Ok(if agree {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
