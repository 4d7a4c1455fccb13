//! Solution: a future written by hand.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A future that is not ready the first `polls_left` times it is polled, and
/// after that is ready with its value.
#[derive(Debug)]
pub struct ReadyAfter<T> {
    /// How many more polls answer `Poll::Pending`.
    polls_left: u32,
    /// The output, held in an `Option` so that `poll` can move it out once.
    value: Option<T>,
}

impl<T> ReadyAfter<T> {
    /// A future that answers `Pending` to its first `polls` polls, then `Ready(value)`.
    pub fn new(polls: u32, value: T) -> Self {
        Self {
            polls_left: polls,
            value: Some(value),
        }
    }
}

// `poll` receives `self` pinned. Nothing here relies on staying at one
// address, so the future may be moved freely, and `Pin::get_mut` then gives
// a plain `&mut Self` to work with.
impl<T> Unpin for ReadyAfter<T> {}

// ANCHOR: solution
impl<T> Future for ReadyAfter<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let this = self.get_mut();
        if this.polls_left == 0 {
            let value = this.value.take();
            return Poll::Ready(
                value.expect("a ReadyAfter is not polled again after Ready"),
            );
        }
        this.polls_left -= 1;
        // A runtime polls a task only after something wakes it. A real
        // future (a timer, a socket) hands the waker to whatever will
        // finish the work, which wakes it then. This one has nothing to
        // wait for, so it wakes itself now: "poll me again soon". Without
        // this line, a task awaiting it would sleep forever.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
// ANCHOR_END: solution
