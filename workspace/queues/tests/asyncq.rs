//! asyncq on tokio's paused clock: the notes' order, and no item lost or
//! taken twice, whatever the seed, the shape or the shutdown.

mod common;

use std::collections::HashSet;
use std::time::Duration;

use common::lane;
use queues::asyncq::{self, Config, Report, Shutdown, planned_items};
use queues::executor::Tokio;
use support::clock::block_on_tokio;
use support::{Activity, ClockMode, Console, Timeline};

/// The lines the notes show for `random.seed(444)`, `main(5, 10)`, up to
/// where their listing is cut off. The items' hex and the time each waited
/// in the queue are masked: Python draws the hex from `os.urandom` and its
/// clock is a real one.
const NOTES: [&str; 26] = [
    "Producer 0 sleeping for 4 seconds.",
    "Producer 2 sleeping for 7 seconds.",
    "Producer 3 sleeping for 4 seconds.",
    "Producer 4 sleeping for 10 seconds.",
    "Consumer 0 sleeping for 7 seconds.",
    "Consumer 1 sleeping for 8 seconds.",
    "Consumer 2 sleeping for 4 seconds.",
    "Consumer 3 sleeping for 7 seconds.",
    "Consumer 4 sleeping for 1 seconds.",
    "Consumer 5 sleeping for 6 seconds.",
    "Consumer 6 sleeping for 9 seconds.",
    "Consumer 7 sleeping for 3 seconds.",
    "Consumer 8 sleeping for 9 seconds.",
    "Consumer 9 sleeping for 7 seconds.",
    "Producer 0 added <ff1e73ad31> to queue.",
    "Producer 0 sleeping for 10 seconds.",
    "Producer 3 added <2a2a128332> to queue.",
    "Producer 3 sleeping for 0 seconds.",
    "Consumer 2 got element <ff1e73ad31> in 0.00057 seconds.",
    "Consumer 2 sleeping for 1 seconds.",
    "Consumer 4 got element <2a2a128332> in 0.00074 seconds.",
    "Consumer 4 sleeping for 0 seconds.",
    "Producer 3 added <e19d97dc32> to queue.",
    "Producer 3 sleeping for 1 seconds.",
    "Consumer 4 got element <e19d97dc32> in 0.00277 seconds.",
    "Consumer 4 sleeping for 9 seconds.",
];

/// `<ff1e73ad31>` becomes `<item>` and `in 0.00057 seconds` becomes
/// `in # seconds`, so runs with other bytes and clocks compare equal.
fn masked(line: &str) -> String {
    let mut line = line.to_owned();
    if let (Some(open), Some(close)) = (line.find('<'), line.find('>')) {
        line.replace_range(open + 1..close, "item");
    }
    if let Some(start) = line.find(" in ")
        && let Some(end) = line.rfind(" seconds.")
    {
        line.replace_range(start + 4..end, "#");
    }
    line
}

async fn run(config: &Config) -> (Report, Vec<String>) {
    let console = Console::recorder();
    let report = asyncq::run(&Tokio, config, &console, &Timeline::off()).await;
    (report, console.lines())
}

#[tokio::test(start_paused = true)]
async fn seed_444_prints_the_notes_lines_in_order() {
    let (_, lines) = run(&Config::new(5, 10)).await;
    let ours: Vec<String> = lines[..NOTES.len()].iter().map(|l| masked(l)).collect();
    let notes: Vec<String> = NOTES.iter().map(|l| masked(l)).collect();
    assert_eq!(ours, notes);
    // The notes' listing stops in the middle of the next line.
    assert!(lines[NOTES.len()].starts_with("Producer 3 "));
    // On the paused clock, an item taken the instant it was put waited 0 s.
    for line in lines[..NOTES.len()].iter().filter(|l| l.contains(" got ")) {
        assert!(line.ends_with(" in 0.00000 seconds."), "{line}");
    }
}

#[tokio::test(start_paused = true)]
async fn seed_444_puts_and_takes_every_planned_item_and_ends_with_the_last() {
    let (report, lines) = run(&Config::new(5, 10)).await;
    assert_eq!(report.produced.len() as u64, planned_items(444, 5));
    // Producer 1 draws 0 items, so it never prints.
    assert!(!lines.iter().any(|l| l.starts_with("Producer 1 ")));
    assert_eq!(report.last_consumed, Some(report.elapsed));
    assert_eq!(
        lines.last().map(String::as_str),
        Some("Program completed in 40.00000 seconds.")
    );
}

/// Every item put is taken exactly once, and nothing is taken that was not put.
#[track_caller]
fn assert_each_item_taken_once(report: &Report, what: &str) {
    let produced: HashSet<&String> = report.produced.iter().collect();
    assert_eq!(
        produced.len(),
        report.produced.len(),
        "{what}: two items drew the same bytes; the check below needs them distinct"
    );
    let mut consumed = report.consumed.clone();
    consumed.sort();
    let before = consumed.len();
    consumed.dedup();
    assert_eq!(consumed.len(), before, "{what}: an item was taken twice");
    let mut produced = report.produced.clone();
    produced.sort();
    assert_eq!(consumed, produced, "{what}: items lost or invented");
}

/// (producers, consumers): none, one of each, many producers for few
/// consumers, few producers for many consumers, and the notes' shape.
const SHAPES: [(usize, usize); 7] =
    [(0, 0), (0, 1), (1, 1), (5, 10), (40, 2), (2, 40), (30, 1)];

#[tokio::test(start_paused = true)]
async fn nothing_lost_nothing_twice_and_the_end_is_the_last_item() {
    for seed in 0..25 {
        for (nprod, ncon) in SHAPES {
            for maxsize in [0, 1, 3] {
                let config = Config {
                    seed,
                    maxsize,
                    ..Config::new(nprod, ncon)
                };
                let what =
                    format!("seed {seed}, -p {nprod} -c {ncon} --maxsize {maxsize}");
                let (report, _) = run(&config).await;
                assert_eq!(
                    report.produced.len() as u64,
                    planned_items(seed, nprod),
                    "{what}"
                );
                assert_each_item_taken_once(&report, &what);
                // Cancelling after join: the program ends the instant the
                // last item is marked done (right after it is taken).
                match report.last_consumed {
                    Some(last) => assert_eq!(report.elapsed, last, "{what}"),
                    None => assert_eq!(report.elapsed, Duration::ZERO, "{what}"),
                }
                if maxsize > 0 {
                    assert!(report.peak_waiting <= maxsize, "{what}: {report:?}");
                }
            }
        }
    }
}

#[tokio::test(start_paused = true)]
async fn the_three_shutdowns_take_the_same_items_in_the_same_order() {
    for seed in 0..25 {
        for (nprod, ncon) in SHAPES {
            let config = |shutdown| Config {
                seed,
                shutdown,
                ..Config::new(nprod, ncon)
            };
            let what = format!("seed {seed}, -p {nprod} -c {ncon}");
            let (cancel, cancel_lines) = run(&config(Shutdown::Cancel)).await;
            let (close, close_lines) = run(&config(Shutdown::Close)).await;
            let (sentinel, sentinel_lines) = run(&config(Shutdown::Sentinel)).await;
            for report in [&cancel, &close, &sentinel] {
                assert_each_item_taken_once(report, &what);
                assert_eq!(report.consumed, cancel.consumed, "{what}");
                assert_eq!(report.last_consumed, cancel.last_consumed, "{what}");
            }
            // Up to the moment `main` cancels, the runs are the same run.
            let shared = cancel_lines.len() - 1;
            assert_eq!(close_lines[..shared], cancel_lines[..shared], "{what}");
            assert_eq!(sentinel_lines[..shared], cancel_lines[..shared], "{what}");
            // Closing or sending sentinels lets every consumer finish the
            // sleep it is in and come back to the queue once more: the run
            // ends later than cancelling does, and each consumer says why.
            assert!(close.elapsed >= cancel.elapsed, "{what}");
            assert_eq!(sentinel.elapsed, close.elapsed, "{what}");
            let said = |lines: &[String], words: &str| {
                lines.iter().filter(|l| l.ends_with(words)).count()
            };
            assert_eq!(
                said(&close_lines, "found the queue closed and empty."),
                ncon
            );
            assert_eq!(said(&sentinel_lines, "got a sentinel."), ncon);
        }
    }
}

#[tokio::test(start_paused = true)]
async fn a_bounded_queue_never_holds_more_than_maxsize() {
    for maxsize in 1..=4 {
        let config = Config {
            maxsize,
            ..Config::new(40, 2)
        };
        let (report, _) = run(&config).await;
        assert!(report.peak_waiting <= maxsize, "{report:?}");
        assert_each_item_taken_once(&report, &format!("maxsize {maxsize}"));
    }
    let (unbounded, _) = run(&Config::new(40, 2)).await;
    assert!(unbounded.peak_waiting > 4, "{unbounded:?}");
}

#[test]
fn zero_consumers_are_refused_only_when_items_are_coming() {
    assert!(Config::new(0, 0).validate().is_ok());
    assert!(Config::new(5, 1).validate().is_ok());
    let refused = Config::new(5, 0).validate().unwrap_err();
    assert!(refused.contains("wait forever"), "{refused}");
}

#[tokio::test(start_paused = true)]
async fn a_producer_may_draw_no_items_and_then_no_consumer_is_needed() {
    // Producer 1 in the notes draws 0 items. Find a seed whose only
    // producer does, and run it with no consumer at all.
    let seed = (0..1000).find(|&seed| planned_items(seed, 1) == 0).unwrap();
    let config = Config {
        seed,
        ..Config::new(1, 0)
    };
    assert!(config.validate().is_ok());
    let (report, lines) = run(&config).await;
    assert!(report.produced.is_empty());
    assert_eq!(lines, ["Program completed in 0.00000 seconds."]);
}

/// Runs `config` as the binary does: on a runtime of its own, dropped at
/// the end, which is when the tasks `main` cancelled are dropped and their
/// last waits recorded.
fn run_on_timeline(config: &Config) -> Timeline {
    let timeline = Timeline::recording();
    block_on_tokio(ClockMode::Virtual, async {
        asyncq::run(&Tokio, config, &Console::recorder(), &timeline).await
    })
    .unwrap();
    timeline
}

#[test]
fn on_the_timeline_consumers_wait_at_the_queue_until_items_come_or_main_cancels_them() {
    use Activity::{Sleeping, Waiting};
    let timeline = run_on_timeline(&Config::new(5, 10));
    // Consumer 4 wakes at 1 s and waits for the first items, put at 4 s.
    assert_eq!(
        lane(&timeline, "Consumer 4")[..3],
        [(Sleeping, 0, 1), (Waiting, 1, 4), (Sleeping, 4, 13)]
    );
    // Consumer 7 is woken at 4 s too, but Consumer 2 takes the item first:
    // it goes on waiting, until 5 s.
    assert_eq!(
        lane(&timeline, "Consumer 7")[..2],
        [(Sleeping, 0, 3), (Waiting, 3, 5)]
    );
    // Consumer 8 never gets an item: it waits from 9 s until main cancels
    // it at 40 s, when the last item is done.
    assert_eq!(
        lane(&timeline, "Consumer 8"),
        [(Sleeping, 0, 9), (Waiting, 9, 40)]
    );
    // main cancels every consumer at 40 s, asleep or waiting: each row
    // ends there.
    for n in 0..10 {
        let row = lane(&timeline, &format!("Consumer {n}"));
        assert_eq!(row.last().map(|span| span.2), Some(40), "Consumer {n}");
    }
    // Ten consumers are more than the producers keep busy: in the second
    // half of the run, the consumers wait longer than they sleep.
    let second_half = |activity| -> u64 {
        timeline
            .spans()
            .iter()
            .filter(|span| {
                span.lane.starts_with("Consumer") && span.activity == activity
            })
            .map(|span| {
                span.end
                    .as_secs()
                    .saturating_sub(span.start.as_secs().max(20))
            })
            .sum()
    };
    assert!(second_half(Waiting) > second_half(Sleeping));
    // Producer 1 draws no items; on an unbounded queue no producer waits.
    assert!(lane(&timeline, "Producer 1").is_empty());
    for span in timeline.spans() {
        assert!(
            !(span.lane.starts_with("Producer") && span.activity == Waiting),
            "{span:?}"
        );
        assert!(span.end <= Duration::from_secs(40), "{span:?}");
    }
}

#[test]
fn on_the_timeline_a_full_queue_makes_producers_wait_and_the_consumer_never_does() {
    let config = Config {
        maxsize: 1,
        ..Config::new(3, 1)
    };
    let timeline = run_on_timeline(&config);
    // Producer 2's last item, made at 29 s, waits for room until the
    // consumer takes Producer 0's item at 42 s.
    assert_eq!(
        lane(&timeline, "Producer 2").last(),
        Some(&(Activity::Waiting, 29, 42))
    );
    // One consumer, three producers ahead of it: every time it comes back
    // to the queue, an item is there.
    let consumer = lane(&timeline, "Consumer 0");
    assert!(!consumer.is_empty());
    assert!(
        consumer.iter().all(|span| span.0 == Activity::Sleeping),
        "{consumer:?}"
    );
}
