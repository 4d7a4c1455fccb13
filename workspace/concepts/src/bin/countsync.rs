//! Three counts with blocking sleeps: `cargo run -p concepts --bin countsync`.

use clap::Parser;
use concepts::countsync;
use support::cli::{ClockArgs, number_in};
use support::clock::{run_blocking, seconds};
use support::{Console, Stopwatch};

/// Count "One, Two" three times, sleeping with blocking calls: each count waits for the last.
#[derive(Debug, Parser)]
#[command(version)]
struct Cli {
    /// Sleeps per count: 1 (One, sleep, Two) or 2 (one more sleep after Two)
    #[arg(long, default_value_t = 1, value_parser = number_in(1u8..=2), allow_negative_numbers = true)]
    sleeps: u8,

    #[command(flatten)]
    timing: ClockArgs,
}

fn main() -> std::io::Result<()> {
    let cli = Cli::parse();
    let console = Console::stdout();
    let elapsed = run_blocking(cli.timing.clock, |sleep| {
        let stopwatch = Stopwatch::start();
        countsync::main(&console, cli.sleeps == 2, sleep);
        stopwatch.elapsed()
    })?;
    console.line(format!(
        "countsync executed in {} seconds.",
        seconds(elapsed)
    ));
    Ok(())
}
