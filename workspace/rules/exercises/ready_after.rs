//! Exercise: a future written by hand.
//!
//! Page: "Exercises", section "Exercise 1: a future by hand".

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

// ANCHOR: starter
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

impl<T> Future for ReadyAfter<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        todo!(
            "answer Pending (after waking cx.waker()) while polls are left, then Ready(value)"
        )
    }
}
// ANCHOR_END: starter
