//! Checks the queues chapter's exercises: `cargo test -p queues --test exercises`.
//!
//! Without features this tests your code in `exercises/`; CI runs it with
//! `--features solutions` to prove the worked solutions.

use std::time::Duration;

use queues::exercises::priority::next_item;
use queues::exercises::throughput::{Throughput, process_all};
use queues::queue::Queue;
use support::clock::timed;
use tokio::time::sleep;

// Exercise 1: a priority lane.

/// Takes `count` items through `next_item`, marking each done.
async fn take(
    urgent: &Queue<&'static str>,
    normal: &Queue<&'static str>,
    count: usize,
) -> Vec<&'static str> {
    let mut taken = Vec::new();
    for _ in 0..count {
        let (item, receipt) = next_item(urgent, normal).await.expect("an item");
        receipt.task_done();
        taken.push(item);
    }
    taken
}

#[tokio::test(start_paused = true)]
async fn priority_urgent_items_go_first_then_the_rest_in_order() {
    let (urgent, normal) = (Queue::new(0), Queue::new(0));
    for item in ["n1", "n2"] {
        normal.put(item).await.unwrap();
    }
    for item in ["u1", "u2"] {
        urgent.put(item).await.unwrap();
    }
    let (taken, elapsed) = timed(take(&urgent, &normal, 4)).await;
    assert_eq!(taken, ["u1", "u2", "n1", "n2"]);
    assert_eq!(
        elapsed,
        Duration::ZERO,
        "items that are waiting are taken at once"
    );
    urgent.join().await;
    normal.join().await;
}

#[tokio::test(start_paused = true)]
async fn priority_with_both_empty_the_first_to_arrive_wins() {
    let (urgent, normal) = (Queue::new(0), Queue::new(0));
    let (urgent_producer, normal_producer) = (urgent.clone(), normal.clone());
    tokio::spawn(async move {
        sleep(Duration::from_secs(2)).await;
        urgent_producer.put("urgent, at 2 s").await.unwrap();
    });
    tokio::spawn(async move {
        sleep(Duration::from_secs(1)).await;
        normal_producer.put("normal, at 1 s").await.unwrap();
    });
    let (first, waited) = timed(take(&urgent, &normal, 1)).await;
    assert_eq!(
        first,
        ["normal, at 1 s"],
        "do not wait for an urgent item when a normal one is there"
    );
    assert_eq!(waited, Duration::from_secs(1));
    let (second, waited) = timed(take(&urgent, &normal, 1)).await;
    assert_eq!(second, ["urgent, at 2 s"]);
    assert_eq!(waited, Duration::from_secs(1));
}

#[tokio::test(start_paused = true)]
async fn priority_a_closed_lane_drops_out_and_both_closed_ends() {
    let (urgent, normal) = (Queue::new(0), Queue::new(0));
    urgent.close();
    normal.put("n1").await.unwrap();
    assert_eq!(take(&urgent, &normal, 1).await, ["n1"]);
    let normal_producer = normal.clone();
    tokio::spawn(async move {
        sleep(Duration::from_secs(3)).await;
        normal_producer.put("n2").await.unwrap();
        normal_producer.close();
    });
    let (taken, elapsed) = timed(take(&urgent, &normal, 1)).await;
    assert_eq!(taken, ["n2"], "a closed urgent lane must not end the wait");
    assert_eq!(elapsed, Duration::from_secs(3));
    assert!(next_item(&urgent, &normal).await.is_none());
}

// Exercise 2: throughput.

#[tokio::test(start_paused = true)]
async fn throughput_counts_every_item_and_the_time_the_work_took() {
    let second = Duration::from_secs(1);
    // 12 items of 1 s on 3 workers: 4 rounds of 3.
    let report = process_all(12, 3, second).await;
    assert_eq!(
        report,
        Throughput {
            items: 12,
            elapsed: 4 * second
        }
    );
    // One worker: one item after another.
    assert_eq!(process_all(12, 1, second).await.elapsed, 12 * second);
    // 10 items on 4 workers: rounds of 4, 4 and 2.
    assert_eq!(process_all(10, 4, second).await.elapsed, 3 * second);
    // More workers than items: one round.
    assert_eq!(process_all(3, 8, second).await.elapsed, second);
}

#[tokio::test(start_paused = true)]
async fn throughput_nothing_to_do_takes_no_time() {
    let report = process_all(0, 2, Duration::from_secs(1)).await;
    assert_eq!(
        report,
        Throughput {
            items: 0,
            elapsed: Duration::ZERO
        }
    );
}

#[test]
fn throughput_per_second_is_items_over_seconds() {
    let report = Throughput {
        items: 12,
        elapsed: Duration::from_secs(4),
    };
    assert!((report.per_second() - 3.0).abs() < 1e-9);
    let half = Throughput {
        items: 1,
        elapsed: Duration::from_secs(2),
    };
    assert!((half.per_second() - 0.5).abs() < 1e-9);
    let instant = Throughput {
        items: 0,
        elapsed: Duration::ZERO,
    };
    assert!(instant.per_second().abs() < f64::EPSILON);
}
