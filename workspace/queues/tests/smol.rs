//! asyncq and backpressure on smol, whose clock cannot be paused: every
//! "second" is shrunk to a few milliseconds, and the tests check what does
//! not depend on timers firing in a precise order.

use std::collections::HashSet;
use std::time::Duration;

use queues::asyncq::{self, Config, Shutdown, planned_items};
use queues::backpressure;
use queues::executor::Smol;
use support::{Console, Timeline};

const SECOND: Duration = Duration::from_millis(2);

#[test]
fn on_smol_every_item_is_taken_once_whatever_the_shutdown() {
    for (nprod, ncon) in [(0, 1), (1, 1), (5, 10), (12, 2), (2, 12)] {
        for shutdown in [Shutdown::Cancel, Shutdown::Close, Shutdown::Sentinel] {
            let config = Config {
                shutdown,
                second: SECOND,
                ..Config::new(nprod, ncon)
            };
            let what = format!("-p {nprod} -c {ncon} --shutdown {shutdown:?}");
            let smol = Smol::default();
            let report = smol.block_on(asyncq::run(
                &smol,
                &config,
                &Console::recorder(),
                &Timeline::off(),
            ));
            assert_eq!(
                report.produced.len() as u64,
                planned_items(444, nprod),
                "{what}"
            );
            let produced: HashSet<&String> = report.produced.iter().collect();
            let consumed: HashSet<&String> = report.consumed.iter().collect();
            assert_eq!(consumed.len(), report.consumed.len(), "{what}: taken twice");
            assert_eq!(consumed, produced, "{what}");
        }
    }
}

#[test]
fn on_smol_the_first_moment_matches_the_notes() {
    // Before the first timer fires, every task runs once in the order it
    // was spawned and draws its first numbers: no clock is involved yet.
    let config = Config {
        second: SECOND,
        ..Config::new(5, 10)
    };
    let smol = Smol::default();
    let console = Console::recorder();
    smol.block_on(asyncq::run(&smol, &config, &console, &Timeline::off()));
    let lines = console.lines();
    let sleeping: Vec<String> = [(0, 4), (2, 7), (3, 4), (4, 10)]
        .iter()
        .map(|(n, s)| format!("Producer {n} sleeping for {s} seconds."))
        .chain(
            [7, 8, 4, 7, 1, 6, 9, 3, 9, 7]
                .iter()
                .enumerate()
                .map(|(n, s)| format!("Consumer {n} sleeping for {s} seconds.")),
        )
        .collect();
    assert_eq!(lines[..14], sleeping[..]);
    assert!(lines.last().unwrap().starts_with("Program completed in "));
}

#[test]
fn on_smol_a_bounded_queue_holds_the_producer_back() {
    let config = backpressure::Config {
        items: 6,
        maxsize: 1,
        every: 1,
        work: 3,
        item_bytes: 16,
        quiet: true,
        second: Duration::from_millis(5),
    };
    let smol = Smol::default();
    let report = smol.block_on(backpressure::run(
        &smol,
        &config,
        &Console::recorder(),
        &Timeline::off(),
    ));
    assert_eq!(report.put_at.len(), 6);
    assert!(report.peak_waiting <= 1);
    // Alone the producer needs 6 "seconds". With room for one item, its
    // last put waits until the consumer takes item 5, which it can only do
    // after working 3 seconds on each of items 1 to 4, the first of which
    // arrived at 1 s. Timers fire late, never early, so this is a floor.
    assert!(report.producer_done >= config.second * 13, "{report:?}");
}
