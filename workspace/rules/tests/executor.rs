//! The teaching executor: run queue, wakers, timers, and its virtual clock.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::join_all;
use rules::executor::Executor;
use support::ClockMode;

const ASYNC_ORDER: [&str; 6] = ["One", "One", "One", "Two", "Two", "Two"];

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// Chapter 1's three counts on `executor`, noting their lines in `lines`.
fn three_counts(
    executor: &Executor,
    lines: &Mutex<Vec<&'static str>>,
    sleeps: u32,
) -> Duration {
    let count = || async {
        lines.lock().unwrap().push("One");
        executor.sleep(Duration::from_secs(1)).await;
        lines.lock().unwrap().push("Two");
        for _ in 1..sleeps {
            executor.sleep(Duration::from_secs(1)).await;
        }
    };
    let (_, elapsed) =
        executor.block_on(executor.timed(join_all((0..3).map(|_| count()))));
    elapsed
}

#[test]
fn the_count_takes_exactly_one_second_on_the_virtual_clock() {
    let executor = Executor::new(ClockMode::Virtual);
    let lines = Mutex::default();
    assert_eq!(three_counts(&executor, &lines, 1), Duration::from_secs(1));
    assert_eq!(*lines.lock().unwrap(), ASYNC_ORDER);
}

#[test]
fn with_two_sleeps_it_takes_two_seconds() {
    let executor = Executor::new(ClockMode::Virtual);
    let lines = Mutex::default();
    assert_eq!(three_counts(&executor, &lines, 2), Duration::from_secs(2));
    assert_eq!(*lines.lock().unwrap(), ASYNC_ORDER);
}

#[test]
fn block_on_returns_the_futures_value_and_may_borrow() {
    let executor = Executor::new(ClockMode::Virtual);
    let words = ["borrowed", "locals"];
    let joined = executor.block_on(async {
        executor.sleep(ms(5)).await;
        words.join(" ")
    });
    assert_eq!(joined, "borrowed locals");
    assert_eq!(executor.block_on(async { 7 }), 7);
}

/// A task that sleeps, then records its name.
fn sleeper(
    executor: &Executor,
    name: &'static str,
    sleeps: &[u64],
    log: &Arc<Mutex<Vec<&'static str>>>,
) -> impl Future<Output = ()> + Send + 'static {
    let sleeps: Vec<_> = sleeps
        .iter()
        .map(|&millis| executor.sleep(ms(millis)))
        .collect();
    let log = Arc::clone(log);
    async move {
        for sleep in sleeps {
            sleep.await;
        }
        log.lock().unwrap().push(name);
    }
}

fn run_sleepers(tasks: &[(&'static str, &[u64])]) -> (Vec<&'static str>, Duration) {
    let executor = Executor::new(ClockMode::Virtual);
    let log = Arc::default();
    let ((), elapsed) = executor.block_on(executor.timed(async {
        let handles: Vec<_> = tasks
            .iter()
            .map(|(name, sleeps)| {
                executor.spawn(sleeper(&executor, name, sleeps, &log))
            })
            .collect();
        for handle in handles {
            handle.await;
        }
    }));
    let log = log.lock().unwrap().clone();
    (log, elapsed)
}

#[test]
fn timers_due_at_the_same_instant_fire_in_registration_order() {
    let (log, elapsed) = run_sleepers(&[("x", &[100]), ("y", &[100]), ("z", &[100])]);
    assert_eq!(log, ["x", "y", "z"]);
    assert_eq!(elapsed, ms(100));
    let (log, _) = run_sleepers(&[("z", &[100]), ("y", &[100]), ("x", &[100])]);
    assert_eq!(log, ["z", "y", "x"]);
}

#[test]
fn registration_order_is_first_poll_order_not_creation_order() {
    // All three end at 200 ms. "b" was spawned first, but its second timer
    // is first polled (registered) only at 100 ms, after "a"'s and "c"'s.
    let (log, elapsed) =
        run_sleepers(&[("b", &[100, 200]), ("a", &[200]), ("c", &[200])]);
    assert_eq!(log, ["a", "c", "b"]);
    assert_eq!(elapsed, ms(200));
}

#[test]
fn earlier_deadlines_fire_first_whatever_the_registration_order() {
    let (log, elapsed) =
        run_sleepers(&[("slow", &[300]), ("quick", &[100]), ("mid", &[200])]);
    assert_eq!(log, ["quick", "mid", "slow"]);
    assert_eq!(elapsed, ms(300));
}

#[test]
fn spawned_tasks_run_concurrently_and_their_handles_give_their_values() {
    let executor = Executor::new(ClockMode::Virtual);
    let finished = Arc::new(Mutex::new(Vec::new()));
    let (squares, elapsed) = executor.block_on(executor.timed(async {
        let handles: Vec<_> = (0..5u64)
            .map(|i| {
                let nap = executor.sleep(ms(100 * (5 - i)));
                let finished = Arc::clone(&finished);
                executor.spawn(async move {
                    nap.await;
                    finished.lock().unwrap().push(i);
                    i * i
                })
            })
            .collect();
        let mut squares = Vec::new();
        for handle in handles {
            squares.push(handle.await);
        }
        squares
    }));
    assert_eq!(squares, [0, 1, 4, 9, 16]);
    // The longest nap, not the sum of all five.
    assert_eq!(elapsed, ms(500));
    assert_eq!(*finished.lock().unwrap(), [4, 3, 2, 1, 0]);
}

#[test]
fn a_dropped_sleep_takes_its_timer_away() {
    let executor = Executor::new(ClockMode::Virtual);
    let elapsed = executor.block_on(async {
        let started = executor.now();
        let mut early = Box::pin(executor.sleep(ms(1000)));
        // Poll it once, so that it registers its timer; then give up on it.
        assert!(futures::poll!(early.as_mut()).is_pending());
        assert_eq!(
            executor.pending_timers(),
            1,
            "the first poll sets the timer"
        );
        drop(early);
        assert_eq!(executor.pending_timers(), 0, "dropping it takes it out");
        let late = executor.sleep(ms(3000));
        late.await;
        executor.now().saturating_sub(started)
    });
    // The clock jumped once, to the only deadline anybody waited for.
    assert_eq!(elapsed, ms(3000));
    assert_eq!(executor.pending_timers(), 0);
}

#[test]
fn dropping_the_executor_drops_its_unfinished_tasks() {
    let executor = Executor::new(ClockMode::Virtual);
    let witness = Arc::new(());
    let forever = executor.sleep(Duration::from_secs(3600));
    let held = Arc::clone(&witness);
    drop(executor.spawn(async move {
        forever.await;
        drop(held);
    }));
    executor.block_on(executor.sleep(ms(1)));
    assert_eq!(Arc::strong_count(&witness), 2, "the task still waits");
    drop(executor);
    assert_eq!(
        Arc::strong_count(&witness),
        1,
        "and is gone with the executor"
    );
}

#[test]
fn a_waker_called_from_another_thread_wakes_the_parked_executor() {
    // No timers at all: the executor must park, and be unparked by the
    // other thread's send (tokio's oneshot works with any executor).
    let executor = Executor::new(ClockMode::Real);
    let (sender, receiver) = tokio::sync::oneshot::channel();
    let other = std::thread::spawn(move || {
        std::thread::sleep(ms(10));
        sender.send("hello").unwrap();
    });
    assert_eq!(executor.block_on(receiver), Ok("hello"));
    other.join().unwrap();
}

#[test]
fn on_the_real_clock_timers_really_wait() {
    // Real time is slow to test and a busy machine can be late, so: small
    // durations, and only the order and a lower bound are checked.
    let executor = Executor::new(ClockMode::Real);
    let wall = std::time::Instant::now();
    let log = Arc::new(Mutex::new(Vec::new()));
    let ((), elapsed) = executor.block_on(executor.timed(async {
        let slow = executor.spawn(sleeper(&executor, "slow", &[30], &log));
        let quick = executor.spawn(sleeper(&executor, "quick", &[10], &log));
        slow.await;
        quick.await;
    }));
    assert_eq!(*log.lock().unwrap(), ["quick", "slow"]);
    assert!(elapsed >= ms(30), "{elapsed:?}");
    assert!(wall.elapsed() >= ms(30));
}
