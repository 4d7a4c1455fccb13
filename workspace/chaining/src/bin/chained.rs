//! Chained steps, concurrent chains: `cargo run -p chaining --bin chained`.

use clap::Parser;
use support::Console;
use support::cli::{self, RunArgs, Runtime, SeedArgs, number_in};
use support::clock::{Stopwatch, block_on_tokio, seconds, smol_sleep};
use support::timeline::TimelineArgs;

use chaining::chained;

/// Each chain runs two steps in order, part1 then part2, each waiting a random 0 to
/// 10 seconds; all the chains run at once. The program takes as long as its longest
/// chain, not the sum of them.
///
/// The random source is Python's: with the default seed 444 and chains 1 2 3 the
/// output is, line for line, the one Real Python's article shows.
#[derive(Debug, Parser)]
#[command(name = "chained", version, max_term_width = 80)]
struct Cli {
    /// The chains to run, by number
    #[arg(value_name = "ID", default_values_t = [1, 2, 3])]
    #[arg(value_parser = number_in(0..=MAX_ID), allow_negative_numbers = true)]
    ids: Vec<u32>,

    #[command(flatten)]
    seed: SeedArgs,

    #[command(flatten)]
    run: RunArgs,

    #[command(flatten)]
    timeline: TimelineArgs,
}

const MAX_ID: u32 = 999_999;

/// Each chain prints five lines; more chains than this is a wall of text,
/// not a lesson.
const MAX_CHAINS: usize = 100;

fn validate(cli: &Cli) -> Result<(), String> {
    if cli.ids.len() > MAX_CHAINS {
        return Err(format!(
            "{} chain ids given; run at most {MAX_CHAINS} chains at once",
            cli.ids.len()
        ));
    }
    cli.run.validate()
}

fn main() -> std::io::Result<()> {
    let cli: Cli = cli::parse(validate);
    let console = Console::stdout();
    let timeline = cli.timeline.timeline();
    let total = match cli.run.runtime {
        Runtime::Tokio => block_on_tokio(cli.run.clock(), async {
            let stopwatch = Stopwatch::start();
            chained::run_on_tokio(&cli.ids, cli.seed.seed, &console, &timeline).await;
            stopwatch.elapsed()
        })?,
        Runtime::Smol => {
            let stopwatch = Stopwatch::start();
            chained::run_on_smol(
                &cli.ids,
                cli.seed.seed,
                &console,
                &timeline,
                smol_sleep,
            );
            stopwatch.elapsed()
        }
    };
    console.line(format!("Program finished in {} seconds.", seconds(total)));
    let ids: Vec<String> = cli.ids.iter().map(ToString::to_string).collect();
    let title = format!("chained {}, seed {}", ids.join(" "), cli.seed.seed);
    cli.timeline.save(&timeline, &title);
    Ok(())
}
