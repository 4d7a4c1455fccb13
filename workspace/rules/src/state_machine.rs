//! What an `async fn` becomes: a state machine that someone has to poll.
//!
//! Python's coroutines grew out of generators, functions that can stop at a
//! `yield` and be resumed later. Rust's `async fn` is resumable too, but the
//! compiler does the work: it turns the function's body into an anonymous
//! type that implements [`Future`]. That type is an enum with one variant per
//! `.await` the body can be stopped at, and each variant holds exactly the
//! local variables that are still needed after that `.await`.
//!
//! Two consequences are visible from safe code, and this module shows both:
//!
//! - a future's *size* is the size of what it must remember across its
//!   `.await`s, which [`std::mem::size_of_val`] reports;
//! - a future does nothing until it is *polled*, and each poll runs it only
//!   as far as the next `.await` that is not ready.

use std::future::Future;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

// ANCHOR: yield_once
/// A future that is not ready the first time it is polled, and is ready the
/// second time: the smallest thing an `async fn` can wait for.
///
/// It stands in for a real wait (a timer, a socket) without needing a
/// runtime, so the futures in this module can be polled by hand.
#[derive(Debug, Default)]
pub struct YieldOnce {
    yielded: bool,
}

impl Future for YieldOnce {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        // The rule every future must keep: before answering `Pending`, make
        // sure something will call the waker later, or nobody will poll this
        // future again. A timer would hand the waker to the event loop's
        // timer list; with nothing to wait for, we wake ourselves at once.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
// ANCHOR_END: yield_once

// ANCHOR: sizes
/// Awaits nothing: its state machine has no `.await` to stop at.
// Clippy rightly flags an `async fn` that awaits nothing; here it is the
// point: the smallest state machine there is.
#[allow(clippy::unused_async)]
pub async fn no_await() -> u8 {
    1
}

/// Awaits once: its state machine must hold the `YieldOnce` it is waiting on.
pub async fn awaits_once() -> u8 {
    YieldOnce::default().await;
    1
}

/// Keeps a 1 KiB buffer alive across an `.await`, so the buffer lives
/// inside the future.
pub async fn holds_buffer_across_await() -> u8 {
    // `black_box` keeps the optimiser from replacing the buffer by a constant.
    let buffer = std::hint::black_box([7u8; 1024]);
    YieldOnce::default().await;
    buffer[1023]
}

/// Uses the same buffer, but is done with it before the `.await`: only the
/// one byte it kept has to be stored.
pub async fn drops_buffer_before_await() -> u8 {
    let last = {
        let buffer = std::hint::black_box([7u8; 1024]);
        buffer[1023]
    }; // `buffer` is gone here, before the future can be suspended
    YieldOnce::default().await;
    last
}

/// The size in bytes of each example future, with a name for it.
///
/// The futures are created but never polled: creating one runs none of its
/// body, it only builds the (unstarted) state machine.
pub fn future_sizes() -> [(&'static str, usize); 4] {
    [
        ("no_await()", size_of_val(&no_await())),
        ("awaits_once()", size_of_val(&awaits_once())),
        (
            "holds_buffer_across_await()",
            size_of_val(&holds_buffer_across_await()),
        ),
        (
            "drops_buffer_before_await()",
            size_of_val(&drops_buffer_before_await()),
        ),
    ]
}
// ANCHOR_END: sizes

// ANCHOR: two_steps
/// An `async fn` with two places where it can be suspended.
pub async fn two_steps() -> u32 {
    println!("    body: runs up to the first .await");
    YieldOnce::default().await;
    println!("    body: resumed, runs up to the second .await");
    YieldOnce::default().await;
    println!("    body: resumed, returns 42");
    42
}
// ANCHOR_END: two_steps

// ANCHOR: by_hand
/// Roughly what the compiler makes of [`two_steps`], written out by hand.
///
/// Each variant is a place the function can be stopped at, holding what it
/// needs to carry on from there: here, the `YieldOnce` it is waiting on.
/// (The real generated type has no name, and also records whether the
/// function panicked, but it is the same idea.)
#[derive(Debug, Default)]
pub enum TwoSteps {
    /// Created, not yet polled: nothing of the body has run.
    #[default]
    Start,
    /// Stopped at the first `.await`.
    FirstAwait { inner: YieldOnce },
    /// Stopped at the second `.await`.
    SecondAwait { inner: YieldOnce },
    /// Returned its value; polling again is a mistake.
    Done,
}

impl Future for TwoSteps {
    type Output = u32;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        // Every field is `Unpin`, so the enum may be handled as a plain `&mut`.
        let state = self.get_mut();
        // One poll may pass several `.await`s if they are ready at once, so
        // the body is a loop that moves from state to state until it must stop.
        loop {
            match state {
                TwoSteps::Start => {
                    println!("    body: runs up to the first .await");
                    *state = TwoSteps::FirstAwait {
                        inner: YieldOnce::default(),
                    };
                }
                TwoSteps::FirstAwait { inner } => {
                    // `.await` is this: poll the inner future, and if it is
                    // not ready, return `Pending` ourselves, keeping our state.
                    if Pin::new(inner).poll(cx).is_pending() {
                        return Poll::Pending;
                    }
                    println!("    body: resumed, runs up to the second .await");
                    *state = TwoSteps::SecondAwait {
                        inner: YieldOnce::default(),
                    };
                }
                TwoSteps::SecondAwait { inner } => {
                    if Pin::new(inner).poll(cx).is_pending() {
                        return Poll::Pending;
                    }
                    println!("    body: resumed, returns 42");
                    *state = TwoSteps::Done;
                    return Poll::Ready(42);
                }
                // The compiler's version panics here too: "`async fn` resumed
                // after completion".
                TwoSteps::Done => panic!("TwoSteps polled after it returned"),
            }
        }
    }
}
// ANCHOR_END: by_hand

// ANCHOR: poll
/// Polls `future` by hand until it is ready, printing each answer, and
/// returns the answers in order.
///
/// This is the event loop's job, done with no event loop at all. The waker
/// is [`Waker::noop`], which does nothing when called: we do not need to be
/// told when to poll again, because we simply poll again straight away.
pub fn poll_to_completion<F>(future: F) -> Vec<Poll<F::Output>>
where
    F: Future,
    F::Output: std::fmt::Debug,
{
    println!("  created the future: none of its body has run yet");
    // `poll` takes the future pinned: an `async fn`'s state machine may hold
    // references to its own locals, so it must not move once polling starts.
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    let mut answers = Vec::new();
    for n in 1.. {
        let answer = future.as_mut().poll(&mut cx);
        println!("  poll {n} -> {answer:?}");
        let ready = answer.is_ready();
        answers.push(answer);
        if ready {
            break;
        }
    }
    answers
}
// ANCHOR_END: poll

/// The whole lesson: the sizes, then the same two-step function polled by
/// hand, first as an `async fn` and then as the hand-written enum.
pub fn main() {
    println!("Sizes of some futures, in bytes (they depend on the compiler version):");
    for (name, size) in future_sizes() {
        println!("  {name:<28} {size:>5}");
    }
    println!();
    println!("Polling the async fn two_steps() by hand:");
    poll_to_completion(two_steps());
    println!();
    println!("Polling the hand-written state machine TwoSteps by hand:");
    poll_to_completion(TwoSteps::default());
}
