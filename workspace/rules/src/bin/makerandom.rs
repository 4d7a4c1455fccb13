//! Three tasks drawing random numbers: `cargo run -p rules --bin makerandom`.

use std::future::{Future, Pending};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

use clap::Parser;
use rules::makerandom;
use support::cli::{self, RunArgs, Runtime, SeedArgs};
use support::clock::block_on_tokio;
use support::timeline::{During, TimelineArgs};
use support::{Activity, Lane, PyRandom, Timeline};

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
    let seed = cli.seed.seed;
    let timeline = cli.timeline.timeline();
    // The runtime is chosen here: tokio's (on the paused clock with
    // `--clock virtual`) or smol's. The tasks are the library's.
    let results = match (cli.run.runtime, timeline.is_recording()) {
        (Runtime::Tokio, false) => {
            block_on_tokio(cli.run.clock(), makerandom::main(seed))?
        }
        (Runtime::Tokio, true) => {
            block_on_tokio(cli.run.clock(), on_tokio_drawn(seed, &timeline))?
        }
        (Runtime::Smol, false) => makerandom::main_on_smol(seed),
        (Runtime::Smol, true) => on_smol_drawn(seed, &timeline),
    };
    println!();
    println!("{}", makerandom::summary(&results));
    let title = format!("makerandom, seed {seed}: three tasks, one thread");
    cli.timeline.save(&timeline, &title);
    Ok(())
}

/// What `makerandom::main` does, with each task's sleeps drawn on a lane of
/// its own.
async fn on_tokio_drawn(seed: u64, timeline: &Timeline) -> Vec<u64> {
    let random = Arc::new(Mutex::new(PyRandom::seed(seed)));
    timeline.start();
    let handles: Vec<_> = (0..3)
        .map(|idx| {
            let task = makerandom::makerandom(idx, 10 - idx - 1, Arc::clone(&random));
            tokio::spawn(drawn(lane(timeline, idx), task))
        })
        .collect();
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.expect("makerandom does not panic"));
    }
    results
}

/// What `makerandom::main_on_smol` does, drawn the same way.
fn on_smol_drawn(seed: u64, timeline: &Timeline) -> Vec<u64> {
    let random = Arc::new(Mutex::new(PyRandom::seed(seed)));
    let executor = smol::LocalExecutor::new();
    timeline.start();
    let tasks: Vec<_> = (0..3)
        .map(|idx| {
            let task =
                makerandom::makerandom_on_smol(idx, 10 - idx - 1, Arc::clone(&random));
            executor.spawn(drawn(lane(timeline, idx), task))
        })
        .collect();
    smol::block_on(executor.run(async {
        let mut results = Vec::new();
        for task in tasks {
            results.push(task.await);
        }
        results
    }))
}

fn lane(timeline: &Timeline, idx: u64) -> Lane {
    timeline.lane(format!("makerandom({idx})"))
}

/// `task`, with every wait of it drawn on `lane` as a sleep: from a poll
/// that leaves it pending to the next poll. A makerandom task waits only on
/// its timer, and its runtime polls it again only when the timer has fired,
/// so each span is one sleep between two draws.
fn drawn<F: Future>(lane: Lane, task: F) -> Drawn<F> {
    Drawn {
        task: Box::pin(task),
        lane,
        waiting: None,
    }
}

struct Drawn<F> {
    task: Pin<Box<F>>,
    lane: Lane,
    /// The wait in progress: a span that starts when the task answers
    /// `Pending`, and is recorded up to the moment it is dropped.
    waiting: Option<During<Pending<()>>>,
}

impl<F: Future> Future for Drawn<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = self.get_mut();
        // Polled again: the wait, if there was one, ends now.
        this.waiting = None;
        let poll = this.task.as_mut().poll(cx);
        if poll.is_pending() {
            let mut wait = this.lane.during(Activity::Sleeping, std::future::pending());
            // Its first poll notes when the wait began; it never finishes,
            // so nobody needs waking.
            let _ = Pin::new(&mut wait).poll(&mut Context::from_waker(Waker::noop()));
            this.waiting = Some(wait);
        }
        poll
    }
}
