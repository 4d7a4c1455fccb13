//! Two tasks taking turns at their awaits: `cargo run -p concepts --bin turns`.

use clap::Parser;
use concepts::turns;
use support::Console;
use support::clock::{ClockMode, block_on_tokio};

/// Run two async tasks on one thread and show that they switch only where they await.
#[derive(Debug, Parser)]
#[command(name = "turns", version, max_term_width = 80)]
struct Cli {}

fn main() -> std::io::Result<()> {
    Cli::parse();
    let console = Console::stdout();
    // Nothing here sleeps, so the real clock is all it needs.
    block_on_tokio(ClockMode::Real, turns::two_tasks(&console))
}
