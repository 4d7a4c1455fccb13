//! Async iteration: `cargo run -p rules --bin mygen`.

use clap::Parser;
use rules::stream;
use support::Console;
use support::cli::ClockArgs;
use support::clock::{block_on_tokio, seconds, timed};

/// Collect an async stream of powers of two twice: one pass after the other, then both at once.
#[derive(Debug, Parser)]
#[command(name = "mygen", version, max_term_width = 80)]
struct Cli {
    #[command(flatten)]
    timing: ClockArgs,
}

const COUNT: u32 = 10;

fn main() -> std::io::Result<()> {
    let cli = Cli::parse();
    let console = Console::stdout();
    block_on_tokio(cli.timing.clock, async {
        let ((every, filtered), took) = timed(stream::both_lists(COUNT)).await;
        console.line(format!("one after the other, {} s:", seconds(took)));
        console.line(format!("  every:    {every:?}"));
        console.line(format!("  filtered: {filtered:?}"));
        let ((every, filtered), took) =
            timed(stream::both_lists_concurrently(COUNT)).await;
        console.line(format!("both at once, {} s:", seconds(took)));
        console.line(format!("  every:    {every:?}"));
        console.line(format!("  filtered: {filtered:?}"));
    })
}
