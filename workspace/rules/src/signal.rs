//! A future written by hand: what `async fn` generates for you, and the
//! Rust answer to Python's `__await__`.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};

// ANCHOR: signal
#[derive(Debug, Default)]
struct State {
    fired: bool,
    /// Who to wake when the signal fires: the task that last polled us.
    waker: Option<Waker>,
}

/// A one-shot signal: one task fires it, others await it.
#[derive(Debug, Clone, Default)]
pub struct Signal {
    state: Arc<Mutex<State>>,
}

impl Signal {
    pub fn new() -> Self {
        Self::default()
    }

    /// Fires the signal and wakes the waiting task, if any.
    pub fn fire(&self) {
        let mut state = lock(&self.state);
        state.fired = true;
        if let Some(waker) = state.waker.take() {
            // Tells the runtime "poll that task again"; it does not run it here.
            waker.wake();
        }
    }

    /// A future that completes once the signal has fired.
    pub fn wait(&self) -> WaitForSignal {
        WaitForSignal {
            state: Arc::clone(&self.state),
            polls: 0,
        }
    }
}

/// The future returned by [`Signal::wait`].
#[derive(Debug)]
pub struct WaitForSignal {
    state: Arc<Mutex<State>>,
    polls: u32,
}

impl Future for WaitForSignal {
    /// How many times the runtime polled this future before it was ready.
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        let mut state = lock(&self.state);
        if state.fired {
            Poll::Ready(self.polls)
        } else {
            // Not ready: leave a waker behind, or nobody would ever poll us
            // again. Each poll may come with a different waker, so replace it.
            state.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}
// ANCHOR_END: signal

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}
