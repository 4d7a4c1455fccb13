//! Futures are lazy: `cargo run -p rules --bin lazy`.

use clap::Parser;
use rules::syntax;
use support::clock::{ClockMode, block_on_tokio};

/// Show that calling an async fn runs nothing until the future is awaited or spawned.
#[derive(Debug, Parser)]
#[command(name = "lazy", version, max_term_width = 80)]
struct Cli {}

fn main() -> std::io::Result<()> {
    Cli::parse();
    // Nothing here sleeps, so the real clock is all it needs.
    block_on_tokio(ClockMode::Real, syntax::lazy_futures())
}
