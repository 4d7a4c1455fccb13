//! The shared counter: a Mutex or an atomic never loses an update.

use std::process::Command;

use support::testing::many_threads;
use threads_vs_async::race::{self, BATCH, Counter};

#[test]
fn five_thousand_threads_count_to_exactly_five_thousand() {
    // Up to a batch of threads at once; these tests take turns.
    let Some(_turn) = many_threads(BATCH as u64) else {
        return;
    };
    assert_eq!(race::count_with_mutex(5000, 1), 5000);
    assert_eq!(race::count_with_atomic(5000, 1), 5000);
}

#[test]
fn many_additions_per_thread_are_all_counted() {
    // Up to a batch of threads at once; these tests take turns.
    let Some(_turn) = many_threads(BATCH as u64) else {
        return;
    };
    for counter in [Counter::Mutex, Counter::Atomic] {
        assert_eq!(counter.count(1500, 200), 300_000, "{counter:?}");
        assert_eq!(counter.count(1, 1), 1, "{counter:?}");
        assert_eq!(counter.count(2001, 3), 6003, "{counter:?}");
    }
}

#[test]
fn load_then_store_compiles_and_runs_but_counts_at_most_the_expected() {
    // Up to a batch of threads at once; these tests take turns.
    let Some(_turn) = many_threads(BATCH as u64) else {
        return;
    };
    // How many updates it loses depends on timing, so only the bounds are
    // certain: at least one add survives, and none is counted twice.
    let count = race::count_with_load_then_store(500, 20);
    assert!((1..=10_000).contains(&count), "{count}");
}

#[test]
fn in_batches_runs_the_work_once_per_thread() {
    // Up to a batch of threads at once; these tests take turns.
    let Some(_turn) = many_threads(BATCH as u64) else {
        return;
    };
    let threads = std::sync::Mutex::new(std::collections::HashSet::new());
    race::in_batches(2500, || {
        threads.lock().unwrap().insert(std::thread::current().id());
    });
    assert_eq!(threads.into_inner().unwrap().len(), 2500);
}

#[test]
fn race_refuses_counts_it_cannot_run() {
    for (args, message) in [
        (
            &["--threads", "0"][..],
            "expected a whole number from 1 to 100000",
        ),
        (
            &["--increments", "0"],
            "expected a whole number from 1 to 1000000",
        ),
        (
            &["--threads", "100000", "--increments", "1000000"],
            "--threads times --increments must be at most 100,000,000",
        ),
        (
            &["--counter", "hope"],
            "possible values: mutex, atomic, load-store",
        ),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_race"))
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}
