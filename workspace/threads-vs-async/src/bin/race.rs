//! The shared counter, added to by 5000 threads:
//! `cargo run -p threads-vs-async --bin race`.

use clap::Parser;
use support::cli::{self, number_in};
use threads_vs_async::race::{BATCH, Counter};
use threads_vs_async::scale::report::grouped;

/// Start many threads that each add to one shared counter, and print the
/// final count for each way of sharing it.
///
/// mutex and atomic always reach the expected count. load-store compiles too,
/// but reads and writes in two steps, so it can lose updates; how many
/// depends on timing, and differs from run to run.
#[derive(Debug, Parser)]
#[command(name = "race", version, max_term_width = 80)]
struct Cli {
    /// How many threads add to the counter
    #[arg(long, value_name = "N", default_value_t = 5000)]
    #[arg(value_parser = number_in(1usize..=100_000), allow_negative_numbers = true)]
    threads: usize,

    /// How many times each thread adds one
    #[arg(long, value_name = "N", default_value_t = 1)]
    #[arg(value_parser = number_in(1u64..=1_000_000), allow_negative_numbers = true)]
    increments: u64,

    /// Which counters to run (repeat the option for several); mutex and atomic by default
    #[arg(long, value_enum, value_name = "COUNTER")]
    counter: Vec<Counter>,
}

/// More additions than this take too long to be a demonstration.
const MOST_ADDITIONS: u64 = 100_000_000;

fn main() {
    let cli: Cli = cli::parse(|cli: &Cli| {
        if cli.threads as u64 * cli.increments > MOST_ADDITIONS {
            return Err(format!(
                "--threads times --increments must be at most {}",
                grouped(MOST_ADDITIONS)
            ));
        }
        Ok(())
    });
    let counters = if cli.counter.is_empty() {
        vec![Counter::Mutex, Counter::Atomic]
    } else {
        cli.counter.clone()
    };
    let expected = cli.threads as u64 * cli.increments;
    let each_adds = if cli.increments == 1 {
        "1".to_owned()
    } else {
        format!("1, {} times,", grouped(cli.increments))
    };
    println!(
        "{} threads ({} at a time) each add {each_adds} to a shared counter.",
        grouped(cli.threads as u64),
        grouped(BATCH.min(cli.threads) as u64),
    );
    println!("Expected count: {}", grouped(expected));
    for counter in counters {
        let count = counter.count(cli.threads, cli.increments);
        println!(
            "{:<11} {:>12}   (lost {})",
            format!("{}:", counter.name()),
            grouped(count),
            grouped(expected - count)
        );
    }
}
