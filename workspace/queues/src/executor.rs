//! What the queue programs need from a runtime, and where tokio and smol differ.
//!
//! The producers, consumers and queue are the same code on both runtimes.
//! Four things are not: how a task is started, how it is cancelled, how it
//! sleeps, and how the program hears Ctrl-C. They are the [`Executor`] trait,
//! implemented once for each runtime below; the lesson code is written
//! against the trait.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::StreamExt;

// ANCHOR: executor
/// A runtime, seen from the queue programs.
pub trait Executor: 'static {
    /// A spawned task. Awaiting it waits for the task to finish.
    type Task: Future<Output = ()>;

    /// Starts `future` as a task of its own, running alongside the caller.
    fn spawn(&self, future: impl Future<Output = ()> + Send + 'static) -> Self::Task;

    /// Stops `task` at the `.await` it is suspended at: Python's `task.cancel()`.
    fn cancel(&self, task: Self::Task);

    /// The runtime's timer.
    fn sleep(duration: Duration) -> impl Future<Output = ()> + Send + 'static;

    /// Completes when the user presses Ctrl-C (SIGINT).
    fn ctrl_c(&self) -> impl Future<Output = ()>;
}
// ANCHOR_END: executor

/// tokio: the current-thread runtime the program is running on.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tokio;

/// A tokio task. tokio's `JoinHandle` yields a `Result` (the task may have
/// panicked or been cancelled); this passes the output through.
#[derive(Debug)]
pub struct TokioTask(tokio::task::JoinHandle<()>);

impl Future for TokioTask {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        Pin::new(&mut self.0).poll(cx).map(|finished| {
            if let Err(error) = finished
                && error.is_panic()
            {
                // A task's panic is a bug in the lesson code: pass it on.
                std::panic::resume_unwind(error.into_panic());
            }
        })
    }
}

// ANCHOR: tokio
impl Executor for Tokio {
    type Task = TokioTask;

    fn spawn(&self, future: impl Future<Output = ()> + Send + 'static) -> TokioTask {
        TokioTask(tokio::spawn(future))
    }

    fn cancel(&self, task: TokioTask) {
        // Dropping a tokio JoinHandle only *detaches* the task: it would go
        // on running. Cancelling takes an explicit `abort`.
        task.0.abort();
    }

    fn sleep(duration: Duration) -> impl Future<Output = ()> + Send + 'static {
        tokio::time::sleep(duration)
    }

    async fn ctrl_c(&self) {
        // If the handler cannot be installed, wait forever rather than
        // report a Ctrl-C nobody pressed.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}
// ANCHOR_END: tokio

/// smol: a single-threaded `LocalExecutor`, which the caller drives with
/// `smol::block_on(executor.run(...))`.
#[derive(Debug, Clone, Default)]
pub struct Smol {
    executor: Rc<smol::LocalExecutor<'static>>,
}

impl Smol {
    /// Runs `future` on this executor, on the current thread, to completion.
    pub fn block_on<T>(&self, future: impl Future<Output = T>) -> T {
        smol::block_on(self.executor.run(future))
    }
}

// ANCHOR: smol
impl Executor for Smol {
    type Task = smol::Task<()>;

    fn spawn(
        &self,
        future: impl Future<Output = ()> + Send + 'static,
    ) -> smol::Task<()> {
        self.executor.spawn(future)
    }

    fn cancel(&self, task: smol::Task<()>) {
        // In smol, dropping a task cancels it (`task.detach()` is what lets
        // one run on unobserved): the opposite default to tokio's.
        drop(task);
    }

    fn sleep(duration: Duration) -> impl Future<Output = ()> + Send + 'static {
        support::clock::smol_sleep(duration)
    }

    async fn ctrl_c(&self) {
        use async_signal::{Signal, Signals};
        match Signals::new([Signal::Int]) {
            Ok(mut signals) => {
                signals.next().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    }
}
// ANCHOR_END: smol

// ANCHOR: until_ctrl_c
/// Runs `run` until it finishes (`Some(output)`) or Ctrl-C is pressed
/// (`None`, and `run` is dropped: every task it was awaiting stops there).
pub async fn until_ctrl_c<E: Executor, T>(
    executor: &E,
    run: impl Future<Output = T>,
) -> Option<T> {
    // `or` polls `run` first, then the Ctrl-C future, which installs the
    // handler. Tasks that `run` spawns only start after this poll returns,
    // so by the time anything is printed, Ctrl-C is already handled.
    smol::future::or(async { Some(run.await) }, async {
        executor.ctrl_c().await;
        None
    })
    .await
}
// ANCHOR_END: until_ctrl_c
