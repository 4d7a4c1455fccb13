//! Three counts with async sleeps: `cargo run -p concepts --bin countasync`.

use std::future::Future;

use clap::Parser;
use concepts::{CountArgs, countasync};
use futures::future::join_all;
use support::cli::{self, RunArgs, Runtime};
use support::clock::{block_on_tokio, seconds, timed};
use support::timeline::TimelineArgs;
use support::{Activity, Timeline};

/// Count "One, Two" three times at once: while one count sleeps, the event loop runs the others.
#[derive(Debug, Parser)]
#[command(name = "countasync", version, max_term_width = 80)]
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
    let trailing_sleep = cli.count.trailing_sleep();
    let timeline = cli.timeline.timeline();
    // The runtime is chosen here: tokio's (on the paused clock with
    // `--clock virtual`) or smol's. The counts are the library's.
    let ((), elapsed) = match (cli.run.runtime, timeline.is_recording()) {
        (Runtime::Tokio, false) => {
            block_on_tokio(cli.run.clock(), timed(countasync::main(trailing_sleep)))?
        }
        (Runtime::Tokio, true) => block_on_tokio(
            cli.run.clock(),
            timed(three_counts_on(&timeline, || {
                countasync::count(trailing_sleep)
            })),
        )?,
        (Runtime::Smol, false) => {
            smol::block_on(timed(countasync::main_on_smol(trailing_sleep)))
        }
        (Runtime::Smol, true) => {
            smol::block_on(timed(three_counts_on(&timeline, || {
                countasync::count_on_smol(trailing_sleep)
            })))
        }
    };
    println!("countasync executed in {} seconds.", seconds(elapsed));
    cli.timeline.save(
        &timeline,
        "countasync: async sleeps, all three counts at once",
    );
    Ok(())
}

/// What `countasync::main` does, with each count drawn on a lane of its
/// own: from its first poll to its end it is asleep on its timer, and the
/// thread is free.
async fn three_counts_on<F: Future<Output = ()>>(
    timeline: &Timeline,
    count: impl Fn() -> F,
) {
    timeline.start();
    join_all((1..=3).map(|n| {
        timeline
            .lane(format!("count {n}"))
            .during(Activity::Sleeping, count())
    }))
    .await;
}
