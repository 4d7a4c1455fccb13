//! `asyncq`: producers put items into a queue, consumers take them out.
//!
//! The producers do not know the consumers, nor how many there are, and no
//! consumer knows how many items will come: the queue is all they share.
//! Every sleep stands for IO of unknown length (a request coming in, a
//! record being written), so producers put items at staggered, random times,
//! and consumers take them whenever they come back for more.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use rand::rngs::Xoshiro256PlusPlus;
use rand::{Rng, SeedableRng};
use support::{Activity, Console, Lane, PyRandom, SharedRandom, Timeline};
use tokio::time::Instant;

use crate::executor::Executor;
use crate::queue::Queue;

/// How `main` ends the consumers, which would otherwise wait for items forever.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Shutdown {
    /// Wait until every item is done (`q.join()`), then cancel the consumers
    #[default]
    Cancel,
    /// Close the queue: consumers take what is left, then find it closed and exit
    Close,
    /// Put one stop sentinel per consumer behind the last item
    Sentinel,
}

/// What one run is made of.
#[derive(Debug, Clone)]
pub struct Config {
    /// Producers, Python's `-p/--nprod`.
    pub nprod: usize,
    /// Consumers, Python's `-c/--ncon`.
    pub ncon: usize,
    /// Seeds Python's random sequence (counts and sleeps) and the item bytes.
    pub seed: u64,
    /// Most items waiting in the queue; 0 for no limit.
    pub maxsize: usize,
    pub shutdown: Shutdown,
    /// How long one of the program's "seconds" lasts: one second, except in
    /// tests on smol, which has no paused clock and shrinks them instead.
    pub second: Duration,
}

impl Config {
    /// The notes' run: seed 444, an unbounded queue, cancelled consumers.
    pub fn new(nprod: usize, ncon: usize) -> Self {
        Self {
            nprod,
            ncon,
            seed: 444,
            maxsize: 0,
            shutdown: Shutdown::Cancel,
            second: Duration::from_secs(1),
        }
    }

    /// Refuses runs that could never end: items to consume and no consumer.
    pub fn validate(&self) -> Result<(), String> {
        let items = planned_items(self.seed, self.nprod);
        if self.ncon == 0 && items > 0 {
            return Err(format!(
                "-c 0: with seed {} the {} producer(s) will put {items} item(s), \
                 and with no consumer to take them the program would wait forever; \
                 use -c 1 or more",
                self.seed, self.nprod
            ));
        }
        Ok(())
    }
}

/// How many items `nprod` producers will put with `seed`, known before the run.
///
/// Each producer draws its item count, then (if it has items) its first
/// sleep, before the next producer starts, and nothing else draws in
/// between: replaying those draws gives every producer's count.
pub fn planned_items(seed: u64, nprod: usize) -> u64 {
    let mut random = PyRandom::seed(seed);
    let mut items = 0;
    for _ in 0..nprod {
        let n = random.randint(0..=10);
        if n > 0 {
            random.randint(0..=10);
        }
        items += n;
    }
    items
}

// ANCHOR: item
/// An item and the moment it was made: Python's `(i, t)` tuple.
#[derive(Debug)]
pub struct Item {
    pub hex: String,
    pub made: Instant,
}

/// What travels through the queue: an item, or (in `Shutdown::Sentinel`)
/// the signal to stop. Python would use a special value such as `None`; an
/// enum makes the sentinel a case the consumer's `match` must handle.
#[derive(Debug)]
pub enum Message {
    Item(Item),
    Stop,
}
// ANCHOR_END: item

/// What the producers and consumers share besides the queue.
#[derive(Debug, Clone)]
struct Shared {
    /// Python's module-level `random`, shared by every task, so the numbers
    /// each task draws depend on when the others drew theirs.
    random: SharedRandom,
    /// The items' bytes. Python takes them from `os.urandom`, outside the
    /// seeded sequence; a separate generator keeps them out of it too, and
    /// seeding it from `--seed` makes the book's transcripts reproducible.
    item_bytes: Arc<Mutex<Xoshiro256PlusPlus>>,
    console: Console,
    tally: Arc<Mutex<Tally>>,
    second: Duration,
}

/// What happened to the items, for the report (and the tests).
#[derive(Debug, Default)]
struct Tally {
    produced: Vec<String>,
    consumed: Vec<String>,
    last_consumed: Option<Instant>,
}

fn locked<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A plain mutex is right for these: each is held for one draw or one
    // push, never across an `.await`.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    fn randint(&self) -> u64 {
        self.random.randint(0..=10)
    }

    fn record(&self, update: impl FnOnce(&mut Tally)) {
        update(&mut locked(&self.tally));
    }

    fn report(&self, started: Instant, queue: &Queue<Message>) -> Report {
        let tally = std::mem::take(&mut *locked(&self.tally));
        Report {
            produced: tally.produced,
            consumed: tally.consumed,
            last_consumed: tally.last_consumed.map(|at| at - started),
            elapsed: started.elapsed(),
            peak_waiting: queue.peak_waiting(),
        }
    }
}

// ANCHOR: helpers
/// A random 5-byte string in hex: Python's `os.urandom(5).hex()`.
fn makeitem(shared: &Shared) -> String {
    // Five bytes are 40 random bits: ten hex digits.
    let bits = locked(&shared.item_bytes).next_u64() >> 24;
    format!("{bits:010x}")
}

/// Draws 0..=10, says so, and sleeps that many seconds, drawing the sleep
/// on the caller's `lane` of the timeline (which records nothing unless the
/// program was asked for a picture).
async fn randsleep<E: Executor>(caller: &str, lane: &Lane, shared: &Shared) {
    let seconds = shared.randint();
    shared
        .console
        .line(format!("{caller} sleeping for {seconds} seconds."));
    if seconds == 0 {
        // `asyncio.sleep(0)` sets no timer: it puts the task at the back of
        // the ready queue, behind every task already waiting to run. The
        // same on both runtimes is a future that wakes itself and returns
        // `Pending` once: futures-lite's `yield_now`, which smol re-exports.
        // (tokio's sleep of zero is ready at once, without yielding, and
        // tokio's own `yield_now` wakes yielded tasks last-in first-out.)
        smol::future::yield_now().await;
    } else {
        let sleep = E::sleep(shared.second * seconds as u32);
        lane.during(Activity::Sleeping, sleep).await;
    }
}
// ANCHOR_END: helpers

// ANCHOR: produce
async fn produce<E: Executor>(
    name: usize,
    queue: Queue<Message>,
    shared: Shared,
    lane: Lane,
) {
    let n = shared.randint();
    for _ in 0..n {
        randsleep::<E>(&format!("Producer {name}"), &lane, &shared).await;
        let hex = makeitem(&shared);
        let item = Item {
            hex: hex.clone(),
            made: Instant::now(),
        };
        // Waits while a bounded queue is full; fails only once the queue is
        // closed, which `main` does after every producer has finished.
        let put = queue.put(Message::Item(item));
        if lane.during(Activity::Waiting, put).await.is_err() {
            return;
        }
        shared.record(|tally| tally.produced.push(hex.clone()));
        shared
            .console
            .line(format!("Producer {name} added <{hex}> to queue."));
    }
}
// ANCHOR_END: produce

// ANCHOR: consume
async fn consume<E: Executor>(
    name: usize,
    queue: Queue<Message>,
    shared: Shared,
    lane: Lane,
) {
    loop {
        randsleep::<E>(&format!("Consumer {name}"), &lane, &shared).await;
        let Some((message, receipt)) =
            lane.during(Activity::Waiting, queue.get()).await
        else {
            shared
                .console
                .line(format!("Consumer {name} found the queue closed and empty."));
            return;
        };
        let Message::Item(item) = message else {
            receipt.task_done();
            shared
                .console
                .line(format!("Consumer {name} got a sentinel."));
            return;
        };
        let waited = item.made.elapsed().as_secs_f64();
        shared.record(|tally| {
            tally.consumed.push(item.hex.clone());
            tally.last_consumed = Some(Instant::now());
        });
        shared.console.line(format!(
            "Consumer {name} got element <{}> in {waited:.5} seconds.",
            item.hex
        ));
        receipt.task_done();
    }
}
// ANCHOR_END: consume

/// What a run did, for the tests and the reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Every item put, in the order they were put.
    pub produced: Vec<String>,
    /// Every item taken, in the order they were taken.
    pub consumed: Vec<String>,
    /// When the last item was taken, from the start.
    pub last_consumed: Option<Duration>,
    /// The whole run, from the start to "Program completed".
    pub elapsed: Duration,
    /// The most items that were ever waiting in the queue at once.
    pub peak_waiting: usize,
}

// ANCHOR: main
/// The program: start the producers, then the consumers, wait for the
/// producers, then end the consumers the way `config.shutdown` says. Each
/// task draws its sleeps and waits on its own lane of `timeline`.
pub async fn run<E: Executor>(
    executor: &E,
    config: &Config,
    console: &Console,
    timeline: &Timeline,
) -> Report {
    timeline.start();
    let started = Instant::now();
    let queue = Queue::new(config.maxsize);
    let shared = Shared {
        random: SharedRandom::seed(config.seed),
        item_bytes: Arc::new(Mutex::new(Xoshiro256PlusPlus::seed_from_u64(
            config.seed,
        ))),
        console: console.clone(),
        tally: Arc::default(),
        second: config.second,
    };
    let producers: Vec<E::Task> = (0..config.nprod)
        .map(|n| {
            let lane = timeline.lane(format!("Producer {n}"));
            executor.spawn(produce::<E>(n, queue.clone(), shared.clone(), lane))
        })
        .collect();
    let consumers: Vec<E::Task> = (0..config.ncon)
        .map(|n| {
            let lane = timeline.lane(format!("Consumer {n}"));
            executor.spawn(consume::<E>(n, queue.clone(), shared.clone(), lane))
        })
        .collect();
    // asyncio.gather(*producers)
    for producer in producers {
        producer.await;
    }
    match config.shutdown {
        Shutdown::Cancel => {
            // Every item is in the queue; wait until each has been marked
            // done, then stop the consumers, who would wait forever.
            queue.join().await;
            for consumer in consumers {
                executor.cancel(consumer);
            }
        }
        Shutdown::Close => {
            // No more items will come: say so, and let each consumer find
            // out when it next asks for one, after the last has been taken.
            queue.close();
            for consumer in consumers {
                consumer.await;
            }
        }
        Shutdown::Sentinel => {
            // One stop sign per consumer, queued behind the last item: each
            // consumer takes exactly one and exits.
            for _ in 0..consumers.len() {
                let _ = queue.put(Message::Stop).await;
            }
            for consumer in consumers {
                consumer.await;
            }
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    console.line(format!("Program completed in {elapsed:.5} seconds."));
    shared.report(started, &queue)
}
// ANCHOR_END: main
