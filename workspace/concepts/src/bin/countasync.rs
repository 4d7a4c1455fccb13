//! Three counts with async sleeps: `cargo run -p concepts --bin countasync`.

use clap::Parser;
use concepts::{CountArgs, countasync};
use support::Console;
use support::cli::{self, RunArgs, Runtime};
use support::clock::{block_on_tokio, seconds, smol_sleep, timed};
use support::timeline::TimelineArgs;

/// Count "One, Two" three times at once: while one count sleeps, the event loop runs the others.
#[derive(Debug, Parser)]
#[command(version, max_term_width = 80)]
struct Cli {
    #[command(flatten)]
    count: CountArgs,

    #[command(flatten)]
    run: RunArgs,

    #[command(flatten)]
    timeline: TimelineArgs,
}

fn main() -> std::io::Result<()> {
    let cli: Cli = cli::parse(|cli: &Cli| cli.run.validate());
    let console = Console::stdout();
    let trailing_sleep = cli.count.trailing_sleep();
    let timeline = cli.timeline.timeline();
    // ANCHOR: runtimes
    // The same lesson code on either event loop; only the timer differs.
    let ((), elapsed) = match cli.run.runtime {
        Runtime::Tokio => block_on_tokio(
            cli.run.clock(),
            timed(countasync::main_on_timeline(
                &console,
                trailing_sleep,
                tokio::time::sleep,
                &timeline,
            )),
        )?,
        Runtime::Smol => smol::block_on(timed(countasync::main_on_timeline(
            &console,
            trailing_sleep,
            smol_sleep,
            &timeline,
        ))),
    };
    // ANCHOR_END: runtimes
    console.line(format!(
        "countasync executed in {} seconds.",
        seconds(elapsed)
    ));
    cli.timeline.save(
        &timeline,
        "countasync: async sleeps, all three counts at once",
    );
    Ok(())
}
