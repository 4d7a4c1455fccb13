//! Three tasks drawing random numbers: `cargo run -p rules --bin makerandom`.

use clap::Parser;
use rules::makerandom;
use support::Console;
use support::cli::{self, RunArgs, Runtime, SeedArgs};
use support::clock::{block_on_tokio, smol_sleep};
use support::timeline::TimelineArgs;

/// Three tasks draw random integers in 0..=10 until one beats their threshold (9, 8, 7),
/// sleeping 1, 2 and 3 seconds between tries.
///
/// The random source is Python's: with the default seed 444 the output is,
/// line for line, the one Real Python's article shows.
#[derive(Debug, Parser)]
#[command(name = "makerandom", version, max_term_width = 80)]
struct Cli {
    #[command(flatten)]
    seed: SeedArgs,

    #[command(flatten)]
    run: RunArgs,

    #[command(flatten)]
    timeline: TimelineArgs,
}

fn main() -> std::io::Result<()> {
    let cli: Cli = cli::parse(|cli: &Cli| cli.run.validate());
    let console = Console::stdout();
    let timeline = cli.timeline.timeline();
    let results = match cli.run.runtime {
        Runtime::Tokio => block_on_tokio(
            cli.run.clock(),
            makerandom::run_on_tokio(cli.seed.seed, &console, &timeline),
        )?,
        Runtime::Smol => {
            makerandom::run_on_smol(cli.seed.seed, &console, &timeline, smol_sleep)
        }
    };
    console.line("");
    console.line(makerandom::summary(&results));
    let title = format!(
        "makerandom, seed {}: three tasks, one thread",
        cli.seed.seed
    );
    cli.timeline.save(&timeline, &title);
    Ok(())
}
