//! Checks the rules chapter's exercises: `cargo test -p rules --test exercises`.
//!
//! Without features this tests your code in `exercises/`; CI runs it with
//! `--features solutions` to prove the worked solutions.
//!
//! Your downloads print with `println!`, so the test of their order runs
//! them through the `unblock` binary, which runs `fetch_all` on tokio's
//! paused clock and says how long it took there, and reads what it printed.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use rules::exercises::ready_after::ReadyAfter;
use rules::exercises::unblock;

// Exercise 1: ReadyAfter.

#[test]
fn ready_after_is_pending_exactly_n_times_then_ready() {
    let mut future = pin!(ReadyAfter::new(3, "value"));
    // A waker that does nothing: this test is the runtime, and it polls
    // again without being asked.
    let mut cx = Context::from_waker(Waker::noop());
    for poll in 1..=3 {
        assert_eq!(
            future.as_mut().poll(&mut cx),
            Poll::Pending,
            "poll {poll} of 3 should be Pending"
        );
    }
    assert_eq!(future.as_mut().poll(&mut cx), Poll::Ready("value"));
}

#[test]
fn ready_after_zero_polls_is_ready_at_once() {
    let mut future = pin!(ReadyAfter::new(0, 42));
    let mut cx = Context::from_waker(Waker::noop());
    assert_eq!(future.as_mut().poll(&mut cx), Poll::Ready(42));
}

/// A waker that counts how often it is woken.
struct CountingWaker(AtomicUsize);

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn ready_after_wakes_its_waker_every_time_it_is_pending() {
    let counter = Arc::new(CountingWaker(AtomicUsize::new(0)));
    let waker = Waker::from(counter.clone());
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(ReadyAfter::new(2, ()));
    assert_eq!(future.as_mut().poll(&mut cx), Poll::Pending);
    assert_eq!(future.as_mut().poll(&mut cx), Poll::Pending);
    assert_eq!(
        counter.0.load(Ordering::SeqCst),
        2,
        "wake the waker before each Pending, or no runtime polls again"
    );
    assert_eq!(future.as_mut().poll(&mut cx), Poll::Ready(()));
}

// On the paused clock a task that is never woken does not hang the test:
// with nothing left to run, tokio jumps to the timeout's deadline at once.
#[tokio::test(start_paused = true)]
async fn ready_after_completes_when_awaited_on_tokio() {
    let value = tokio::time::timeout(Duration::from_secs(1), ReadyAfter::new(5, 'x'))
        .await
        .expect("never polled again: wake cx.waker() before returning Pending");
    assert_eq!(value, 'x');
}

// Exercise 2: unblock the downloads.

// Short, because the unfixed starter really sleeps: three blocking waits of
// this length are real time the test run spends.
const DOWNLOAD: Duration = Duration::from_millis(100);

#[tokio::test(start_paused = true)]
async fn unblock_fetch_all_returns_the_contents_in_order() {
    let contents = unblock::fetch_all(&["a.txt", "b.txt", "c.txt"], DOWNLOAD).await;
    assert_eq!(
        contents,
        [
            "contents of a.txt",
            "contents of b.txt",
            "contents of c.txt"
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn unblock_fetch_all_takes_one_download_in_all() {
    let started = tokio::time::Instant::now();
    unblock::fetch_all(&["a.txt", "b.txt", "c.txt"], DOWNLOAD).await;
    // A blocking sleep holds the thread but does not move tokio's paused
    // clock, so a download that still blocks takes no time at all here.
    assert_eq!(
        started.elapsed(),
        DOWNLOAD,
        "one download's wait in all (a blocking sleep shows up here as 0 s; \
         three waits in a row as 300 ms)"
    );
}

/// What the `unblock` binary printed: your downloads' lines, and the time
/// it reported. Your code prints with `println!`, so the order of its lines
/// is read from the program's output.
fn run_unblock() -> (Vec<String>, String) {
    support::testing::run_exercise(env!("CARGO_BIN_EXE_unblock"), &[])
}

#[test]
fn unblock_fetch_all_downloads_concurrently() {
    let (lines, took) = run_unblock();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            "a.txt: done",
            "a.txt: started",
            "b.txt: done",
            "b.txt: started",
            "c.txt: done",
            "c.txt: started",
        ]
    );
    let last_start = lines.iter().rposition(|l| l.ends_with("started"));
    let first_done = lines.iter().position(|l| l.ends_with("done"));
    assert!(
        last_start < first_done,
        "every download should start before any finishes: {lines:?}"
    );
    assert_eq!(
        took, "took 100 ms on the paused clock",
        "one download's wait in all (a blocking sleep shows up here as 0 ms; \
         three waits in a row as 300 ms)"
    );
}
