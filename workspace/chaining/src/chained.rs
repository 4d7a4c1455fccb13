//! `chained`: each chain is two steps in order; the chains run concurrently.
//!
//! `part1` and `part2` each wait a random 0 to 10 seconds, standing in for
//! IO whose duration nobody knows in advance. Inside one chain, `part2` needs
//! `part1`'s result, so the chain awaits them one after the other. Across
//! chains nothing is shared but the random source, so the chains run side by
//! side: the program takes as long as its longest chain, not the sum.

use std::future::Future;
use std::time::Duration;

use support::clock::{Stopwatch, seconds};
use support::{Activity, Color, Console, SharedRandom, Timeline};

/// What every chain shares: the random source (one sequence, drawn in the
/// order the tasks run, like Python's module-level `random`), the console,
/// the runtime's sleep, and the timeline the waits are drawn on (`--timeline`).
#[derive(Debug, Clone)]
pub struct Shared<S> {
    pub random: SharedRandom,
    pub console: Console,
    pub sleep: S,
    pub timeline: Timeline,
}

impl<S, F> Shared<S>
where
    S: Fn(Duration) -> F,
    F: Future<Output = ()>,
{
    /// A random wait of 0 to 10 seconds, drawn on the timeline's `lane`;
    /// returns how long it was.
    async fn random_wait(
        &self,
        lane: &str,
        announce: impl FnOnce(u64) -> String,
        color: Color,
    ) -> u64 {
        let secs = self.random.randint(0..=10);
        self.say(color, announce(secs));
        let wait = (self.sleep)(Duration::from_secs(secs));
        self.timeline
            .lane(lane)
            .during(Activity::Sleeping, wait)
            .await;
        secs
    }

    fn say(&self, color: Color, text: String) {
        self.console.line(self.console.paint(color, text));
    }
}

fn color_of(n: u32) -> Color {
    Color::for_index(n as usize)
}

fn part1_lane(n: u32) -> String {
    format!("chain {n}: part1")
}

fn part2_lane(n: u32) -> String {
    format!("chain {n}: part2")
}

/// Gives each chain its two rows on the timeline, in the order of `ids`,
/// and starts the timeline's clock.
fn lay_out(ids: &[u32], timeline: &Timeline) {
    timeline.start();
    for &n in ids {
        timeline.lane(part1_lane(n));
        timeline.lane(part2_lane(n));
    }
}

// ANCHOR: parts
/// The first step of chain `n`: some IO of unknown length, then a result.
pub async fn part1<S, F>(n: u32, shared: &Shared<S>) -> String
where
    S: Fn(Duration) -> F,
    F: Future<Output = ()>,
{
    let color = color_of(n);
    shared
        .random_wait(
            &part1_lane(n),
            |i| format!("part1({n}) sleeping for {i} seconds."),
            color,
        )
        .await;
    let result = format!("result{n}-1");
    shared.say(color, format!("Returning part1({n}) == {result}."));
    result
}

/// The second step: it needs the first step's result to start.
pub async fn part2<S, F>(n: u32, arg: &str, shared: &Shared<S>) -> String
where
    S: Fn(Duration) -> F,
    F: Future<Output = ()>,
{
    let color = color_of(n);
    // The quotes mimic Python's tuple repr, so the lines match the notes'.
    shared
        .random_wait(
            &part2_lane(n),
            |i| format!("part2({n}, '{arg}') sleeping for {i} seconds."),
            color,
        )
        .await;
    let result = format!("result{n}-2 derived from {arg}");
    shared.say(color, format!("Returning part2({n}, '{arg}') == {result}."));
    result
}
// ANCHOR_END: parts

// ANCHOR: chain
/// Runs chain `n`, part1 then part2, and returns how long it took.
pub async fn chain<S, F>(n: u32, shared: Shared<S>) -> Duration
where
    S: Fn(Duration) -> F,
    F: Future<Output = ()>,
{
    let stopwatch = Stopwatch::start();
    // Sequential on purpose: part2 cannot start without part1's result.
    let p1 = part1(n, &shared).await;
    let p2 = part2(n, &p1, &shared).await;
    let took = stopwatch.elapsed();
    let line = format!(
        "-->Chained result{n} => {p2} (took {} seconds).",
        seconds(took)
    );
    shared.say(color_of(n), line);
    took
}
// ANCHOR_END: chain

// ANCHOR: runtimes
/// Runs every chain as its own task on the current tokio runtime and returns
/// each chain's duration, in the order of `ids`.
pub async fn run_on_tokio(
    ids: &[u32],
    seed: u64,
    console: &Console,
    timeline: &Timeline,
) -> Vec<Duration> {
    lay_out(ids, timeline);
    let shared = Shared {
        random: SharedRandom::seed(seed),
        console: console.clone(),
        sleep: tokio::time::sleep,
        timeline: timeline.clone(),
    };
    // Spawned in order on a one-thread runtime, the tasks first run in that
    // order too, so they draw their random numbers as Python's do.
    let handles: Vec<_> = ids
        .iter()
        .map(|&n| tokio::spawn(chain(n, shared.clone())))
        .collect();
    let mut took = Vec::with_capacity(handles.len());
    for handle in handles {
        took.push(handle.await.expect("a chain does not panic"));
    }
    took
}

/// The same on smol's single-threaded executor. The binary passes
/// `support::clock::smol_sleep` as `sleep`.
pub fn run_on_smol<S, F>(
    ids: &[u32],
    seed: u64,
    console: &Console,
    timeline: &Timeline,
    sleep: S,
) -> Vec<Duration>
where
    S: Fn(Duration) -> F + Clone + 'static,
    F: Future<Output = ()> + 'static,
{
    lay_out(ids, timeline);
    let shared = Shared {
        random: SharedRandom::seed(seed),
        console: console.clone(),
        sleep,
        timeline: timeline.clone(),
    };
    let executor = smol::LocalExecutor::new();
    let tasks: Vec<_> = ids
        .iter()
        .map(|&n| executor.spawn(chain(n, shared.clone())))
        .collect();
    smol::block_on(executor.run(futures::future::join_all(tasks)))
}
// ANCHOR_END: runtimes
