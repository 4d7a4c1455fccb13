//! What an async fn compiles to: `cargo run -p rules --bin state-machine`.

use clap::Parser;
use rules::state_machine;
use support::cli;

/// Show what an async fn becomes: the sizes of a few futures (what their state machines
/// store across each .await), and a future polled by hand, one step per poll.
#[derive(Debug, Parser)]
#[command(name = "state-machine", version, max_term_width = 80)]
struct Cli {}

fn main() {
    let _: Cli = cli::parse(|_: &Cli| Ok(()));
    state_machine::main();
}
