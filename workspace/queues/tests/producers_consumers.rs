//! The chapter's complete program, `src/bin/producers-consumers.rs`, on
//! tokio's paused clock: the program a reader pastes runs on the real clock,
//! and these tests prove what it prints, exactly and without waiting.

// The program's functions are private to it, as in a reader's main.rs;
// including the file makes them this test's own. Its `main` is not called.
#![allow(dead_code)]
include!("../src/bin/producers-consumers.rs");

/// Every item the producers make, with the moment it is made: producer
/// `id`'s item `n` is ready `n` times its pace after the start.
fn made() -> Vec<(Duration, Item)> {
    let mut made = Vec::new();
    for (id, millis, count) in PRODUCERS {
        for n in 1..=count {
            made.push((Duration::from_millis(millis) * n, (id, n)));
        }
    }
    made.sort_unstable();
    made
}

/// `run`, failing rather than hanging if the consumer never stops: on the
/// paused clock the minute passes at once when nothing else is left to do.
async fn run_to_the_end() -> Vec<Item> {
    tokio::time::timeout(Duration::from_secs(60), run())
        .await
        .expect("the consumer never stopped: is a sender still alive?")
}

#[tokio::test(start_paused = true)]
async fn every_item_arrives_exactly_once() {
    let mut arrived = run_to_the_end().await;
    arrived.sort_unstable();
    let mut expected: Vec<Item> = made().into_iter().map(|(_, item)| item).collect();
    expected.sort_unstable();
    assert_eq!(arrived, expected, "each item once, none lost, none twice");
    assert_eq!(arrived.len(), 9);
}

#[tokio::test(start_paused = true)]
async fn items_arrive_in_the_order_they_are_made() {
    let order: Vec<Item> = made().into_iter().map(|(_, item)| item).collect();
    assert_eq!(
        order,
        [
            (1, 1),
            (2, 1),
            (1, 2),
            (3, 1),
            (1, 3),
            (2, 2),
            (1, 4),
            (3, 2),
            (2, 3)
        ]
    );
    assert_eq!(run_to_the_end().await, order);
}

#[tokio::test(start_paused = true)]
async fn the_run_takes_the_slowest_producers_time_not_the_sum() {
    let started = Instant::now();
    run_to_the_end().await;
    // Producer 2's three items of 500 ms; one after another, the producers
    // would take 1.2 + 1.5 + 1.4 = 4.1 seconds.
    assert_eq!(started.elapsed(), Duration::from_millis(1500));
}

#[tokio::test(start_paused = true)]
async fn a_producer_sends_each_item_when_it_is_made() {
    let (tx, mut rx) = mpsc::channel(16);
    let started = Instant::now();
    tokio::spawn(produce(7, Duration::from_millis(500), 3, tx));
    let mut arrivals = Vec::new();
    while let Some(item) = rx.recv().await {
        arrivals.push((started.elapsed(), item));
    }
    assert_eq!(
        arrivals,
        [
            (Duration::from_millis(500), (7, 1)),
            (Duration::from_secs(1), (7, 2)),
            (Duration::from_millis(1500), (7, 3)),
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn the_consumer_stops_when_the_last_sender_is_dropped() {
    let (tx, rx) = mpsc::channel(16);
    tokio::spawn(produce(1, Duration::from_millis(300), 2, tx.clone()));
    let consumer = tokio::spawn(consume(rx));

    // The producer is done at 0.6 s, but a sender is still alive: the
    // consumer cannot know that no more items are coming, and waits on.
    sleep(Duration::from_secs(5)).await;
    assert!(
        !consumer.is_finished(),
        "the consumer stopped while a sender was still alive"
    );

    // The last sender goes: `recv` returns `None` and the consumer ends at
    // once, with what it got.
    let dropped = Instant::now();
    drop(tx);
    assert_eq!(consumer.await.unwrap(), [(1, 1), (1, 2)]);
    assert_eq!(dropped.elapsed(), Duration::ZERO);
}
