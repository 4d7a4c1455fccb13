//! Chapter 1's count on the teaching executor: `cargo run -p rules --bin mini-executor`.

use std::time::Duration;

use clap::Parser;
use futures::future::join_all;
use rules::executor::Executor;
use support::cli::{self, ClockArgs};
use support::clock::seconds;

/// Run the three counts of countasync on a minimal executor written for teaching
/// (rules::executor), in place of tokio or smol.
///
/// No tokio runtime is involved: with --clock virtual the executor runs its own virtual
/// clock, which works like tokio's paused clock.
#[derive(Debug, Parser)]
#[command(name = "mini-executor", version, max_term_width = 80)]
struct Cli {
    /// Sleeps per count: 1 (One, sleep, Two) or 2 (one more sleep after Two)
    #[arg(
        long,
        value_name = "N",
        default_value_t = 1,
        value_parser = support::cli::number_in(1u8..=2),
        allow_negative_numbers = true
    )]
    sleeps: u8,

    #[command(flatten)]
    timing: ClockArgs,

    /// Describe each step the executor's loop takes: polls, timers, waits
    #[arg(long)]
    trace: bool,
}

// ANCHOR: count
/// Chapter 1's count, awaiting this executor's timer: tokio's `sleep` works
/// only on tokio's runtime, and this executor is not tokio.
async fn count(executor: &Executor, trailing_sleep: bool) {
    println!("One");
    executor.sleep(Duration::from_secs(1)).await;
    println!("Two");
    if trailing_sleep {
        executor.sleep(Duration::from_secs(1)).await;
    }
}
// ANCHOR_END: count

fn main() {
    let cli: Cli = cli::parse(|_: &Cli| Ok(()));
    // ANCHOR: run
    // `virtual` here is the executor's own virtual clock, not tokio's.
    let executor = if cli.trace {
        Executor::with_trace(cli.timing.clock)
    } else {
        Executor::new(cli.timing.clock)
    };
    let counts = join_all((0..3).map(|_| count(&executor, cli.sleeps == 2)));
    let (_, elapsed) = executor.block_on(executor.timed(counts));
    // ANCHOR_END: run
    println!(
        "mini-executor ran countasync in {} seconds.",
        seconds(elapsed)
    );
}
