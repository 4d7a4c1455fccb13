//! Three counts with blocking sleeps: `cargo run -p concepts --bin countsync`.

use clap::Parser;
use concepts::{CountArgs, countsync};
use support::cli::ClockArgs;
use support::clock::{run_blocking, seconds};
use support::timeline::TimelineArgs;
use support::{Console, Stopwatch};

/// Count "One, Two" three times, sleeping with blocking calls: each count waits for the last.
#[derive(Debug, Parser)]
#[command(version, max_term_width = 80)]
struct Cli {
    #[command(flatten)]
    count: CountArgs,

    #[command(flatten)]
    timing: ClockArgs,

    #[command(flatten)]
    timeline: TimelineArgs,
}

fn main() -> std::io::Result<()> {
    let cli = Cli::parse();
    let console = Console::stdout();
    let timeline = cli.timeline.timeline();
    let elapsed = run_blocking(cli.timing.clock, |sleep| {
        let stopwatch = Stopwatch::start();
        let trailing_sleep = cli.count.trailing_sleep();
        countsync::main_on_timeline(&console, trailing_sleep, sleep, &timeline);
        stopwatch.elapsed()
    })?;
    console.line(format!(
        "countsync executed in {} seconds.",
        seconds(elapsed)
    ));
    cli.timeline.save(
        &timeline,
        "countsync: blocking sleeps, one count after another",
    );
    Ok(())
}
