//! The rules of async/await, as behaviour: values, laziness, wake-ups, timing.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use rules::signal::Signal;
use rules::stream::{both_lists, both_lists_concurrently, powers_of_two};
use rules::syntax::{self, Greeting};
use support::clock::timed;

#[tokio::test]
async fn an_async_fn_and_its_spelled_out_form_give_the_same_value() {
    assert_eq!(syntax::double(21).await, 42);
    assert_eq!(syntax::double_spelled_out(21).await, 42);
    assert_eq!(syntax::quadruple(5).await, 20);
}

#[test]
fn futures_run_only_when_awaited_or_spawned() {
    // The futures print with `println!`: read what the `lazy` program printed.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_lazy"))
        .output()
        .expect("the lazy binary runs");
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).expect("the lines are UTF-8");
    let lines: Vec<&str> = stdout.lines().collect();
    let position = |text: &str| lines.iter().position(|l| l.contains(text)).unwrap();
    // The body ran after step 2 was announced, not when the future was made.
    assert!(position("2. the future exists") < position("hello from the first future"));
    assert!(
        !lines.iter().any(|l| l.contains("nobody awaits")),
        "{lines:?}"
    );
    // A spawned task runs only once the spawner gives way, at its next await.
    assert!(position("5. spawned") < position("hello from a spawned task"));
    assert_eq!(lines.len(), 8);
}

#[tokio::test(start_paused = true)]
async fn a_builder_that_implements_into_future_can_be_awaited() {
    let greeting = Greeting::to("Judit").after(Duration::from_secs(3));
    let (text, took) = timed(greeting).await;
    assert_eq!(text, "hello, Judit");
    assert_eq!(took, Duration::from_secs(3));
}

#[tokio::test]
async fn the_fixed_tasks_spawn_and_return_their_values() {
    assert_eq!(
        tokio::spawn(syntax::count_visits_shared()).await.unwrap(),
        0
    );
    assert_eq!(
        tokio::spawn(syntax::count_visits_scoped()).await.unwrap(),
        0
    );
    assert_eq!(syntax::greet_owned().await, "hello, Judit");
}

#[test]
fn a_signal_is_pending_until_fired_and_wakes_its_waiter() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    struct CountWakes(AtomicUsize);
    impl std::task::Wake for CountWakes {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    let wake_count = Arc::new(CountWakes(AtomicUsize::new(0)));
    let waker = Waker::from(Arc::clone(&wake_count));
    let mut context = Context::from_waker(&waker);
    let signal = Signal::new();
    let mut waiting = pin!(signal.wait());

    assert_eq!(waiting.as_mut().poll(&mut context), Poll::Pending);
    assert_eq!(waiting.as_mut().poll(&mut context), Poll::Pending);
    assert_eq!(wake_count.0.load(Ordering::SeqCst), 0, "nothing fired yet");
    signal.fire();
    assert_eq!(
        wake_count.0.load(Ordering::SeqCst),
        1,
        "firing wakes the waiter once"
    );
    assert_eq!(waiting.as_mut().poll(&mut context), Poll::Ready(3));
}

#[tokio::test(start_paused = true)]
async fn a_signal_fired_later_is_polled_twice() {
    let signal = Signal::new();
    let firer = signal.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(2)).await;
        firer.fire();
    });
    let (polls, took) = timed(signal.wait()).await;
    // Once to find it pending, once after the wake: no busy polling.
    assert_eq!(polls, 2);
    assert_eq!(took, Duration::from_secs(2));
}

#[test]
fn a_signal_fired_first_is_ready_at_the_first_poll() {
    let signal = Signal::new();
    signal.fire();
    let mut waiting = pin!(signal.wait());
    let mut context = Context::from_waker(Waker::noop());
    assert_eq!(waiting.as_mut().poll(&mut context), Poll::Ready(1));
}

#[tokio::test(start_paused = true)]
async fn async_iteration_is_sequential_unless_you_join() {
    let ((every, filtered), took) = timed(both_lists(10)).await;
    assert_eq!(every, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
    assert_eq!(filtered, [1, 2, 16, 32, 256, 512]);
    // Ten 100 ms pauses per pass, two passes, one after the other.
    assert_eq!(took, Duration::from_secs(2));

    let (lists, took) = timed(both_lists_concurrently(10)).await;
    assert_eq!(lists, (every, filtered));
    assert_eq!(took, Duration::from_secs(1));
}

#[tokio::test(start_paused = true)]
async fn the_stream_pauses_after_every_item() {
    use futures::StreamExt;
    let mut powers = pin!(powers_of_two(3));
    let started = tokio::time::Instant::now();
    let mut arrivals = Vec::new();
    while let Some(item) = powers.next().await {
        arrivals.push((item, started.elapsed().as_millis()));
    }
    assert_eq!(arrivals, [(1, 0), (2, 100), (4, 200)]);
    assert_eq!(started.elapsed(), Duration::from_millis(300));
}
