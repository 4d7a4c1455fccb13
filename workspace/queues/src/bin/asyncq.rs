//! Producers, consumers and a queue: `cargo run -p queues --bin asyncq`.

use std::process::ExitCode;

use clap::Parser;
use queues::asyncq::{self, Config, Shutdown};
use queues::executor::{Executor, Smol, Tokio, until_ctrl_c};
use support::cli::{self, RunArgs, Runtime, SeedArgs, number_in};
use support::clock::block_on_tokio;
use support::timeline::TimelineArgs;
use support::{Console, Stopwatch, Timeline};

/// Producers put random items into a queue at random times; consumers take
/// them out and say how long each waited.
///
/// Each producer puts 0 to 10 items, sleeping 0 to 10 seconds before each;
/// each consumer sleeps 0 to 10 seconds before taking the next item. The
/// random source is Python's: with the default seed 444 the lines come out
/// in the order the notes show.
#[derive(Debug, Parser)]
#[command(name = "asyncq", version, max_term_width = 80)]
struct Cli {
    /// Number of producers
    #[arg(short = 'p', long, value_name = "N", default_value_t = 5)]
    #[arg(value_parser = number_in(0..=10_000_usize), allow_negative_numbers = true)]
    nprod: usize,

    /// Number of consumers
    #[arg(short = 'c', long, value_name = "N", default_value_t = 10)]
    #[arg(value_parser = number_in(0..=10_000_usize), allow_negative_numbers = true)]
    ncon: usize,

    #[command(flatten)]
    seed: SeedArgs,

    /// Most items waiting in the queue; 0 means no limit, as in Python
    #[arg(long, value_name = "N", default_value_t = 0)]
    #[arg(value_parser = number_in(0..=1_000_000_usize), allow_negative_numbers = true)]
    maxsize: usize,

    /// How to stop the consumers once the producers are done
    #[arg(long, value_enum, default_value_t)]
    shutdown: Shutdown,

    #[command(flatten)]
    run: RunArgs,

    #[command(flatten)]
    timeline: TimelineArgs,
}

impl Cli {
    fn config(&self) -> Config {
        Config {
            seed: self.seed.seed,
            maxsize: self.maxsize,
            shutdown: self.shutdown,
            ..Config::new(self.nprod, self.ncon)
        }
    }

    fn validate(&self) -> Result<(), String> {
        self.run.validate()?;
        self.config().validate()
    }

    /// The timeline's heading: the run's shape.
    fn title(&self) -> String {
        let queue = match self.maxsize {
            0 => "one queue".to_owned(),
            n => format!("a queue of at most {n}"),
        };
        let tasks = |n: usize, what: &str| match n {
            1 => format!("1 {what}"),
            n => format!("{n} {what}s"),
        };
        format!(
            "asyncq, seed {}: {}, {}, {queue}",
            self.seed.seed,
            tasks(self.nprod, "producer"),
            tasks(self.ncon, "consumer")
        )
    }
}

// ANCHOR: interrupt
/// Runs the program on `executor`, or stops it at Ctrl-C with status 130
/// (128 + SIGINT, what a shell reports for a program Ctrl-C stopped).
async fn run_or_interrupt(
    executor: &impl Executor,
    config: &Config,
    timeline: &Timeline,
) -> ExitCode {
    let console = Console::stdout();
    let stopwatch = Stopwatch::start();
    let run = asyncq::run(executor, config, &console, timeline);
    let finished = until_ctrl_c(executor, run).await;
    if finished.is_some() {
        return ExitCode::SUCCESS;
    }
    let seconds = stopwatch.elapsed().as_secs_f64();
    eprintln!("Interrupted by Ctrl-C after {seconds:.5} seconds; stopping.");
    ExitCode::from(130)
}
// ANCHOR_END: interrupt

// ANCHOR: main
fn main() -> std::io::Result<ExitCode> {
    let cli: Cli = cli::parse(Cli::validate);
    let config = cli.config();
    let timeline = cli.timeline.timeline();
    let status = match cli.run.runtime {
        Runtime::Tokio => block_on_tokio(
            cli.run.clock(),
            run_or_interrupt(&Tokio, &config, &timeline),
        )?,
        Runtime::Smol => {
            let smol = Smol::default();
            smol.block_on(run_or_interrupt(&smol, &config, &timeline))
        }
    };
    // The runtime is gone by now, and with it every task still alive, such
    // as the consumers `asyncq::run` cancelled: dropping them ended their
    // last waits, which are on the timeline, cut short where they stopped.
    cli.timeline.save(&timeline, &cli.title());
    Ok(status)
}
// ANCHOR_END: main
