//! `cli`: the arguments both programs take, to size the workload.

use support::cli::number_in;

use crate::workload::{self, ARTICLE_JOBS, ARTICLE_SIZE, MAX_JOBS, MAX_SIZE};

/// `--jobs`, `--size` and `--workers`, flattened into each program's arguments.
///
/// The bounds keep a typo from starting hours of computing, or a pool with
/// no one in it: anything outside them is refused with exit status 2.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct WorkloadArgs {
    /// How many jobs: x runs from 0 to N - 1
    #[arg(long, value_name = "N", default_value_t = ARTICLE_JOBS)]
    #[arg(value_parser = number_in(1_usize..=MAX_JOBS), allow_negative_numbers = true)]
    pub jobs: usize,

    /// Each job sums the squares below N + x
    #[arg(long, value_name = "N", default_value_t = ARTICLE_SIZE)]
    #[arg(value_parser = number_in(1_u64..=MAX_SIZE), allow_negative_numbers = true)]
    pub size: u64,

    /// Threads or worker processes at a time [default: the number of cores]
    #[arg(long, value_name = "N")]
    #[arg(value_parser = number_in(1_usize..=256), allow_negative_numbers = true)]
    pub workers: Option<usize>,
}

impl WorkloadArgs {
    /// The jobs' limits: `size + x` for each `x`.
    pub fn limits(&self) -> Vec<u64> {
        workload::limits(self.size, self.jobs)
    }

    /// `--workers`, or one per core as the OS reports them.
    pub fn workers(&self) -> usize {
        self.workers.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, usize::from)
        })
    }
}

/// The hidden subcommand that turns either program into a worker process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::Subcommand)]
pub enum Mode {
    /// Serve jobs on standard input and output (the parent starts this)
    #[command(hide = true)]
    Worker,
}
