//! `backpressure`: one fast producer, one slow consumer, and a queue between.
//!
//! The producer makes an item every `every` seconds; the consumer spends
//! `work` seconds on each. When the consumer is the slower of the two, the
//! items it has not reached yet must wait somewhere. In an unbounded queue
//! they pile up, and each one holds its memory until it is taken. In a
//! bounded queue, `put` waits for room once the queue is full, so the
//! producer is held back to the consumer's pace: that waiting is
//! *backpressure*, the slow end of a pipeline slowing the fast end.

use std::time::Duration;

use support::{Activity, Console, Lane, Timeline};
use tokio::time::Instant;

use crate::executor::Executor;
use crate::queue::Queue;

/// The shape of one run.
#[derive(Debug, Clone)]
pub struct Config {
    /// Items the producer makes.
    pub items: usize,
    /// Most items waiting in the queue; 0 for no limit.
    pub maxsize: usize,
    /// Seconds between items, for the producer.
    pub every: u32,
    /// Seconds of work per item, for the consumer.
    pub work: u32,
    /// The bytes each item carries.
    pub item_bytes: usize,
    /// Print only the summary, not a line per item.
    pub quiet: bool,
    /// How long one of the program's "seconds" lasts (shrunk by smol tests).
    pub second: Duration,
}

/// An item with a payload, so that waiting items cost what real ones would.
#[derive(Debug)]
struct Item {
    number: usize,
    #[allow(dead_code)] // carried, never read: it stands for the data
    payload: Vec<u8>,
}

/// What one run measured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// When each item went into the queue, from the start.
    pub put_at: Vec<Duration>,
    /// When the producer's last put returned.
    pub producer_done: Duration,
    /// When the consumer finished its last item.
    pub consumer_done: Duration,
    /// The most items that were ever waiting in the queue at once.
    pub peak_waiting: usize,
    /// The memory one waiting item holds: its struct and its payload.
    pub item_size: usize,
}

impl Report {
    /// About how much memory the waiting items held at their peak.
    pub fn peak_bytes(&self) -> usize {
        self.peak_waiting * self.item_size
    }
}

fn at(started: Instant, second: Duration) -> String {
    let seconds = started.elapsed().as_secs_f64() / second.as_secs_f64();
    format!("{seconds:5.1} s")
}

// ANCHOR: producer
async fn producer<E: Executor>(
    config: Config,
    queue: Queue<Item>,
    started: Instant,
    console: Console,
    lane: Lane,
) -> Vec<Duration> {
    let mut put_at: Vec<Duration> = Vec::new();
    for number in 1..=config.items {
        let sleep = E::sleep(config.second * config.every);
        lane.during(Activity::Sleeping, sleep).await;
        let ready = Instant::now();
        let item = Item {
            number,
            payload: vec![0; config.item_bytes],
        };
        // With a full bounded queue, this is where the producer waits.
        let _ = lane.during(Activity::Waiting, queue.put(item)).await;
        let waited = ready.elapsed().as_secs_f64() / config.second.as_secs_f64();
        let now = started.elapsed();
        if !config.quiet {
            console.line(format!(
                "{}  put item {number:>2} (waited {waited:.0} s for room); {} waiting",
                at(started, config.second),
                queue.len()
            ));
        }
        put_at.push(now);
    }
    put_at
}
// ANCHOR_END: producer

// ANCHOR: consumer
async fn consumer<E: Executor>(
    config: Config,
    queue: Queue<Item>,
    started: Instant,
    console: Console,
    lane: Lane,
) {
    while let Some((item, receipt)) = lane.during(Activity::Waiting, queue.get()).await
    {
        if !config.quiet {
            console.line(format!(
                "{}  took item {:>2}; {} waiting",
                at(started, config.second),
                item.number,
                queue.len()
            ));
        }
        let work = E::sleep(config.second * config.work);
        lane.during(Activity::Sleeping, work).await;
        receipt.task_done();
    }
}
// ANCHOR_END: consumer

/// Runs the producer and the consumer to the end, then prints the summary.
/// Each draws its sleeps and its waits on the queue on its own lane of
/// `timeline`.
pub async fn run<E: Executor>(
    executor: &E,
    config: &Config,
    console: &Console,
    timeline: &Timeline,
) -> Report {
    timeline.start();
    let started = Instant::now();
    let queue = Queue::new(config.maxsize);
    let producing = timeline.lane("producer");
    let consuming = executor.spawn(consumer::<E>(
        config.clone(),
        queue.clone(),
        started,
        console.clone(),
        timeline.lane("consumer"),
    ));
    // The program itself is the producer: the consumer runs as a task
    // alongside it.
    let put_at = producer::<E>(
        config.clone(),
        queue.clone(),
        started,
        console.clone(),
        producing,
    )
    .await;
    let producer_done = started.elapsed();
    // Every item is in: closing lets the consumer finish the rest and exit.
    queue.close();
    consuming.await;
    let report = Report {
        put_at,
        producer_done,
        consumer_done: started.elapsed(),
        peak_waiting: queue.peak_waiting(),
        item_size: std::mem::size_of::<Item>() + config.item_bytes,
    };
    for line in summary(config, &report) {
        console.line(line);
    }
    report
}

/// The most memory a run can hold at once, in bytes, at worst: the items
/// alive at once ([`items_held_at_most`]) and the list of times items were put.
pub fn peak_memory(config: &Config) -> u64 {
    let item = (std::mem::size_of::<Item>() + config.item_bytes) as u64;
    items_held_at_most(config) * item
        + config.items as u64 * std::mem::size_of::<Duration>() as u64
}

/// The most items alive at once: every item that may be waiting in the
/// queue, plus the one the producer is making and the one the consumer is
/// working on.
///
/// Items pile up only when the consumer is the slower end: with a limit, at
/// most `maxsize` of them; with none, all of them, unless the producer waits
/// longer between items than the consumer works on each (then the consumer
/// has always finished one before the next arrives).
pub fn items_held_at_most(config: &Config) -> u64 {
    let items = config.items as u64;
    let mut waiting = items;
    if config.maxsize > 0 {
        waiting = waiting.min(config.maxsize as u64);
    }
    if config.every > config.work {
        waiting = waiting.min(1);
    }
    (waiting + 2).min(items)
}

/// The closing lines: who finished when, and what the waiting items cost.
pub fn summary(config: &Config, report: &Report) -> [String; 3] {
    let seconds =
        |duration: Duration| duration.as_secs_f64() / config.second.as_secs_f64();
    let alone = config.items as u64 * u64::from(config.every);
    let limit = match config.maxsize {
        0 => "an unbounded queue".to_owned(),
        n => format!("a queue of at most {n}"),
    };
    [
        format!(
            "With {limit}, the producer finished at {:.0} s (alone it needs {alone} s), \
             the consumer at {:.0} s.",
            seconds(report.producer_done),
            seconds(report.consumer_done)
        ),
        format!(
            "Peak: {} item(s) waiting at once, {} bytes each: about {}.",
            report.peak_waiting,
            report.item_size,
            human_bytes(report.peak_bytes())
        ),
        "(Each waiting item keeps its memory until it is taken; the allocator adds a little.)"
            .to_owned(),
    ]
}

/// `3.2 MiB`, `840 bytes`: binary units, as allocators count.
pub fn human_bytes(bytes: usize) -> String {
    const UNITS: [&str; 3] = ["KiB", "MiB", "GiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{Config, items_held_at_most, peak_memory};

    fn config(items: usize, maxsize: usize, every: u32, work: u32) -> Config {
        Config {
            items,
            maxsize,
            every,
            work,
            item_bytes: 1 << 20,
            quiet: true,
            second: Duration::from_secs(1),
        }
    }

    #[test]
    fn memory_is_counted_for_the_items_that_can_be_alive_at_once() {
        let held = |config: &Config| items_held_at_most(config);
        // No limit and a slow consumer: every item may be waiting.
        assert_eq!(held(&config(1_000_000, 0, 1, 3)), 1_000_000);
        assert_eq!(held(&config(1_000_000, 0, 0, 0)), 1_000_000);
        assert_eq!(held(&config(1_000_000, 0, 2, 2)), 1_000_000);
        // A limit caps it, and so does a consumer that keeps up.
        assert_eq!(held(&config(1_000_000, 10, 1, 3)), 12);
        assert_eq!(held(&config(1_000_000, 0, 3, 1)), 3);
        // Never more items than the run makes.
        assert_eq!(held(&config(1, 0, 1, 3)), 1);
        // A tebibyte of payload, and a little more for the items themselves
        // and the times they were put.
        let tebibyte = peak_memory(&config(1_000_000, 0, 1, 3));
        assert!(tebibyte > 1_000_000 << 20, "{tebibyte}");
        assert!(tebibyte < 1_000_100 << 20, "{tebibyte}");
    }
}
