//! Chapter 1's count on the teaching executor: `cargo run -p rules --bin mini-executor`.

use clap::Parser;
use concepts::{CountArgs, countasync};
use rules::executor::Executor;
use support::Console;
use support::cli::{self, ClockArgs};
use support::clock::seconds;

/// Run the three counts of countasync on a minimal executor written for teaching
/// (rules::executor), in place of tokio or smol.
///
/// No tokio runtime is involved: with --clock virtual the executor runs its own virtual
/// clock, which works like tokio's paused clock.
#[derive(Debug, Parser)]
#[command(version)]
struct Cli {
    #[command(flatten)]
    count: CountArgs,

    #[command(flatten)]
    timing: ClockArgs,

    /// Describe each step the executor's loop takes: polls, timers, waits
    #[arg(long)]
    trace: bool,
}

fn main() {
    let cli: Cli = cli::parse(|_: &Cli| Ok(()));
    let console = Console::stdout();
    // ANCHOR: run
    // `virtual` here is the executor's own virtual clock, not tokio's.
    let executor = if cli.trace {
        Executor::with_trace(cli.timing.clock, console.clone())
    } else {
        Executor::new(cli.timing.clock)
    };
    let count = countasync::main(&console, cli.count.trailing_sleep(), |duration| {
        executor.sleep(duration)
    });
    let ((), elapsed) = executor.block_on(executor.timed(count));
    // ANCHOR_END: run
    console.line(format!(
        "mini-executor ran countasync in {} seconds.",
        seconds(elapsed)
    ));
}
