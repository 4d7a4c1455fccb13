//! Async iteration: `cargo run -p rules --bin mygen`.

use clap::Parser;
use rules::stream;
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
    block_on_tokio(cli.timing.clock, async {
        let ((every, filtered), took) = timed(stream::both_lists(COUNT)).await;
        println!("one after the other, {} s:", seconds(took));
        println!("  every:    {every:?}");
        println!("  filtered: {filtered:?}");
        let ((every, filtered), took) =
            timed(stream::both_lists_concurrently(COUNT)).await;
        println!("both at once, {} s:", seconds(took));
        println!("  every:    {every:?}");
        println!("  filtered: {filtered:?}");
    })
}
