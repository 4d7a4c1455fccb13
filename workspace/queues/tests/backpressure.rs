//! backpressure on tokio's paused clock: a bound holds the producer to the
//! consumer's pace and caps the items waiting; no bound lets them pile up.

mod common;

use std::time::Duration;

use common::lane;
use queues::backpressure::{self, Config, Report, human_bytes};
use queues::executor::Tokio;
use support::{Activity, Console, Timeline};

fn config(items: usize, maxsize: usize, every: u32, work: u32) -> Config {
    Config {
        items,
        maxsize,
        every,
        work,
        item_bytes: 1024,
        quiet: true,
        second: Duration::from_secs(1),
    }
}

async fn run(config: &Config) -> Report {
    backpressure::run(&Tokio, config, &Console::recorder(), &Timeline::off()).await
}

fn seconds(values: &[u64]) -> Vec<Duration> {
    values.iter().copied().map(Duration::from_secs).collect()
}

#[tokio::test(start_paused = true)]
async fn unbounded_the_producer_runs_ahead_and_items_pile_up() {
    let report = run(&config(12, 0, 1, 3)).await;
    assert_eq!(report.put_at, seconds(&(1..=12).collect::<Vec<_>>()));
    assert_eq!(report.producer_done, Duration::from_secs(12));
    // The consumer takes item k at 1 + 3(k - 1) s: by 12 s it has taken 4
    // of the 12 items, so 8 wait.
    assert_eq!(report.peak_waiting, 8);
    assert_eq!(report.consumer_done, Duration::from_secs(1 + 12 * 3));
    assert!(report.item_size >= 1024);
    assert_eq!(report.peak_bytes(), 8 * report.item_size);
}

#[tokio::test(start_paused = true)]
async fn bounded_the_producer_slows_to_the_consumers_pace() {
    let report = run(&config(12, 2, 1, 3)).await;
    // Items 1 to 4 go in at the producer's pace; then each put waits for
    // the consumer to take an item, every 3 s.
    assert_eq!(
        report.put_at,
        seconds(&[1, 2, 3, 4, 7, 10, 13, 16, 19, 22, 25, 28])
    );
    assert_eq!(report.producer_done, Duration::from_secs(28));
    assert_eq!(report.peak_waiting, 2);
    // The consumer was the bottleneck all along: it ends when it would have.
    assert_eq!(report.consumer_done, Duration::from_secs(37));
}

#[tokio::test(start_paused = true)]
async fn the_cost_of_no_bound_grows_with_the_run_and_a_bound_caps_it() {
    let unbounded = run(&Config {
        item_bytes: 4096,
        ..config(10_000, 0, 1, 3)
    })
    .await;
    assert_eq!(unbounded.peak_waiting, 6_667);
    assert!(human_bytes(unbounded.peak_bytes()).ends_with("MiB"));
    let bounded = run(&Config {
        item_bytes: 4096,
        ..config(10_000, 10, 1, 3)
    })
    .await;
    assert_eq!(bounded.peak_waiting, 10);
    assert_eq!(bounded.consumer_done, unbounded.consumer_done);
    assert_eq!(bounded.consumer_done, Duration::from_secs(1 + 10_000 * 3));
}

#[tokio::test(start_paused = true)]
async fn a_bound_costs_nothing_when_the_consumer_keeps_up() {
    for (every, work) in [(3, 1), (2, 2), (1, 0)] {
        for maxsize in [0, 1, 5] {
            let report = run(&config(20, maxsize, every, work)).await;
            let what = format!("--every {every} --work {work} --maxsize {maxsize}");
            assert_eq!(
                report.producer_done,
                Duration::from_secs(20 * u64::from(every)),
                "{what}"
            );
            assert!(report.peak_waiting <= 1, "{what}: {report:?}");
        }
    }
}

#[tokio::test(start_paused = true)]
async fn a_bounded_queue_never_holds_more_than_its_size() {
    for maxsize in 1..=6 {
        for (every, work) in [(1, 2), (1, 5), (2, 7)] {
            let report = run(&config(30, maxsize, every, work)).await;
            assert!(report.peak_waiting <= maxsize, "{report:?}");
            assert_eq!(report.put_at.len(), 30);
        }
    }
}

#[test]
fn sizes_read_like_an_allocator_counts_them() {
    assert_eq!(human_bytes(840), "840 bytes");
    assert_eq!(human_bytes(2048), "2.0 KiB");
    assert_eq!(human_bytes(6_667 * 4_128), "26.2 MiB");
}

#[tokio::test(start_paused = true)]
async fn on_the_timeline_a_bound_turns_the_producers_lead_into_waits_for_room() {
    use Activity::{Sleeping, Waiting};
    let consumer: Vec<_> = std::iter::once((Waiting, 0, 1))
        .chain((0..12).map(|k| (Sleeping, 1 + 3 * k, 4 + 3 * k)))
        .collect();

    let unbounded = Timeline::recording();
    backpressure::run(
        &Tokio,
        &config(12, 0, 1, 3),
        &Console::recorder(),
        &unbounded,
    )
    .await;
    let producer: Vec<_> = (0..12).map(|k| (Sleeping, k, k + 1)).collect();
    assert_eq!(lane(&unbounded, "producer"), producer);
    assert_eq!(lane(&unbounded, "consumer"), consumer);

    let bounded = Timeline::recording();
    backpressure::run(&Tokio, &config(12, 2, 1, 3), &Console::recorder(), &bounded)
        .await;
    // Four items at the producer's pace, then each of the other eight: a
    // second's sleep, and two seconds' wait for room.
    let producer: Vec<_> = (0..4)
        .map(|k| (Sleeping, k, k + 1))
        .chain((0..8).flat_map(|k| {
            [
                (Sleeping, 4 + 3 * k, 5 + 3 * k),
                (Waiting, 5 + 3 * k, 7 + 3 * k),
            ]
        }))
        .collect();
    assert_eq!(lane(&bounded, "producer"), producer);
    // The consumer's lane is the same with or without the bound.
    assert_eq!(lane(&bounded, "consumer"), consumer);
}
