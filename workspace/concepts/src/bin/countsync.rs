//! Three counts with blocking sleeps: `cargo run -p concepts --bin countsync`.

use std::time::{Duration, Instant};

use clap::Parser;
use concepts::{CountArgs, countsync};
use support::clock::seconds;
use support::timeline::TimelineArgs;
use support::{Activity, Timeline};

/// Count "One, Two" three times, sleeping with blocking calls: each count waits for the last.
///
/// The sleeps are real: std::thread::sleep holds the thread, and no clock can skip it.
#[derive(Debug, Parser)]
#[command(name = "countsync", version, max_term_width = 80)]
struct Cli {
    #[command(flatten)]
    count: CountArgs,

    #[command(flatten)]
    timeline: TimelineArgs,
}

fn main() {
    let cli = Cli::parse();
    let trailing_sleep = cli.count.trailing_sleep();
    // On the real clock each sleep ends a little late; a tenth of a second
    // is as fine as the picture needs, and keeps it the same from run to run.
    let timeline = cli
        .timeline
        .timeline_to_the_nearest(Duration::from_millis(100));
    let started = Instant::now();
    if timeline.is_recording() {
        three_counts_on(&timeline, trailing_sleep);
    } else {
        countsync::main(trailing_sleep);
    }
    println!(
        "countsync executed in {} seconds.",
        seconds(started.elapsed())
    );
    cli.timeline.save(
        &timeline,
        "countsync: blocking sleeps, one count after another",
    );
}

/// What `countsync::main` does, with each count drawn on a lane of its own
/// as holding the thread for as long as it runs.
fn three_counts_on(timeline: &Timeline, trailing_sleep: bool) {
    timeline.start();
    for n in 1..=3 {
        timeline
            .lane(format!("count {n}"))
            .during_blocking(Activity::Blocked, || countsync::count(trailing_sleep));
    }
}
