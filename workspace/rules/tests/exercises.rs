//! Checks the rules chapter's exercises: `cargo test -p rules --test exercises`.
//!
//! Without features this tests your code in `exercises/`; CI runs it with
//! `--features solutions` to prove the worked solutions.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use rules::exercises::ready_after::ReadyAfter;
use rules::exercises::unblock;
use support::Console;
use support::clock::timed;

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
    let console = Console::recorder();
    let contents =
        unblock::fetch_all(&["a.txt", "b.txt", "c.txt"], DOWNLOAD, &console).await;
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
async fn unblock_fetch_all_downloads_concurrently() {
    let console = Console::recorder();
    let names = ["a.txt", "b.txt", "c.txt"];
    let (_, elapsed) = timed(unblock::fetch_all(&names, DOWNLOAD, &console)).await;
    let lines = console.lines();
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
    // A blocking sleep holds the thread but does not move tokio's paused
    // clock, so a download that still blocks takes no time at all here.
    assert_eq!(
        elapsed, DOWNLOAD,
        "one download's wait in all (a blocking sleep shows up here as 0 s; \
         three waits in a row as 300 ms)"
    );
}
