//! What can be awaited: `cargo run -p rules --bin awaitables`.

use clap::Parser;
use rules::awaitables;
use support::cli::ClockArgs;
use support::clock::block_on_tokio;

/// Await an async fn, a builder that implements IntoFuture, and a future written by hand.
#[derive(Debug, Parser)]
#[command(name = "awaitables", version, max_term_width = 80)]
struct Cli {
    #[command(flatten)]
    timing: ClockArgs,
}

fn main() -> std::io::Result<()> {
    let cli = Cli::parse();
    // The runtime, and its clock (paused with `--clock virtual`), are chosen
    // here; the demo is plain tokio code.
    block_on_tokio(cli.timing.clock, awaitables::demo())
}
