//! A fast producer, a slow consumer: `cargo run -p queues --bin backpressure`.

use clap::Parser;
use queues::backpressure::{self, Config};
use queues::executor::{Smol, Tokio};
use support::Console;
use support::cli::{self, RunArgs, Runtime, number_in};
use support::clock::block_on_tokio;
use support::machine::too_little_memory;
use support::timeline::TimelineArgs;

/// One producer makes an item every --every seconds; one consumer spends
/// --work seconds on each. Shows when the producer's puts happen, how many
/// items wait in the queue, and what they cost in memory.
///
/// With --maxsize 0 (no limit) a slow consumer lets items pile up; with a
/// limit, a full queue makes the producer wait: it slows to the consumer's
/// pace.
#[derive(Debug, Parser)]
#[command(name = "backpressure", version, max_term_width = 80)]
struct Cli {
    /// Items to produce
    #[arg(long, value_name = "N", default_value_t = 12)]
    #[arg(value_parser = number_in(1..=1_000_000_usize), allow_negative_numbers = true)]
    items: usize,

    /// Most items waiting in the queue; 0 means no limit
    #[arg(long, value_name = "N", default_value_t = 0)]
    #[arg(value_parser = number_in(0..=1_000_000_usize), allow_negative_numbers = true)]
    maxsize: usize,

    /// Seconds between two items, for the producer
    #[arg(long, value_name = "SECONDS", default_value_t = 1)]
    #[arg(value_parser = number_in(0..=3600_u32), allow_negative_numbers = true)]
    every: u32,

    /// Seconds of work per item, for the consumer
    #[arg(long, value_name = "SECONDS", default_value_t = 3)]
    #[arg(value_parser = number_in(0..=3600_u32), allow_negative_numbers = true)]
    work: u32,

    /// Bytes of data each item carries
    #[arg(long, value_name = "N", default_value_t = 1024)]
    #[arg(value_parser = number_in(0..=1_048_576_usize), allow_negative_numbers = true)]
    item_bytes: usize,

    /// Print only the summary, not a line per item
    #[arg(long)]
    quiet: bool,

    #[command(flatten)]
    run: RunArgs,

    #[command(flatten)]
    timeline: TimelineArgs,
}

impl Cli {
    fn config(&self) -> Config {
        Config {
            items: self.items,
            maxsize: self.maxsize,
            every: self.every,
            work: self.work,
            item_bytes: self.item_bytes,
            quiet: self.quiet,
            second: std::time::Duration::from_secs(1),
        }
    }

    fn validate(&self) -> Result<(), String> {
        self.run.validate()?;
        // Each flag is within its range, but together they can ask for more
        // memory than the machine has: refuse that now, rather than grow
        // until the operating system kills the program.
        match too_little_memory(backpressure::peak_memory(&self.config())) {
            Some(reason) => Err(format!(
                "--items {} of --item-bytes {} with {}: this run {reason}; \
                 make fewer or smaller items, or set --maxsize to cap the waiting ones",
                self.items,
                self.item_bytes,
                match self.maxsize {
                    0 => "no --maxsize".to_owned(),
                    n => format!("--maxsize {n}"),
                },
            )),
            None => Ok(()),
        }
    }
}

fn main() -> std::io::Result<()> {
    let cli: Cli = cli::parse(Cli::validate);
    let config = cli.config();
    let console = Console::stdout();
    let timeline = cli.timeline.timeline();
    match cli.run.runtime {
        Runtime::Tokio => {
            block_on_tokio(
                cli.run.clock(),
                backpressure::run(&Tokio, &config, &console, &timeline),
            )?;
        }
        Runtime::Smol => {
            let smol = Smol::default();
            smol.block_on(backpressure::run(&smol, &config, &console, &timeline));
        }
    }
    let limit = match cli.maxsize {
        0 => "no limit".to_owned(),
        n => format!("room for {n}"),
    };
    let title = format!(
        "backpressure: an item every {} s, {} s of work on each, {limit}",
        cli.every, cli.work
    );
    cli.timeline.save(&timeline, &title);
    Ok(())
}
