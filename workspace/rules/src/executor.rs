//! A minimal executor, written for teaching: the event loop, taken apart.
//!
//! Real programs use tokio or smol. This one is small enough to read in one
//! sitting, and does the three jobs every event loop does:
//!
//! - it keeps a *run queue* of tasks that are ready to make progress, and
//!   polls them;
//! - it gives each task a [`Waker`] that puts the task back on the run queue,
//!   so a future that answered `Pending` is polled again once something has
//!   happened;
//! - it keeps *timers*, and when nothing is ready it waits for the next one:
//!   on the real clock by sleeping the thread, on its virtual clock by
//!   jumping straight to the deadline (the idea behind tokio's paused clock).
//!
//! It has no IO: a real event loop also asks the operating system which
//! sockets are ready (epoll, kqueue, IOCP) at the point where this one only
//! sleeps.
//!
//! Tasks are `Send` and shared through `Arc`, because [`std::task::Wake`],
//! the safe way to build a waker, requires it: a waker may be handed to
//! another thread and called from there. The executor itself runs every task
//! on the one thread that calls [`Executor::block_on`].

use std::collections::{BTreeMap, VecDeque};
use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::Thread;
use std::time::{Duration, Instant};

use support::ClockMode;

/// Locks a mutex, carrying on if a panicking task poisoned it: the data
/// behind these locks (queues, timers) stays consistent whatever a task does.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A task's future, boxed so that tasks of any type fit in one queue.
type BoxedFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

// ANCHOR: shared
/// The timers: wakers ordered by (deadline, registration number).
///
/// asyncio keeps its timers in a binary heap. A `BTreeMap` keeps the same
/// order, earliest first, and also lets a sleep that is dropped before it
/// fires take its entry out. The registration number breaks ties: timers
/// due at the same instant fire in the order they were registered.
#[derive(Default)]
struct Timers {
    next_number: u64,
    by_deadline: BTreeMap<(Duration, u64), Waker>,
}

/// What the executor's handle, its wakers and its sleeps share.
struct Shared {
    clock: Clock,
    run_queue: Mutex<VecDeque<Arc<Task>>>,
    /// Whether the future passed to `block_on` has been woken.
    main_woken: AtomicBool,
    timers: Mutex<Timers>,
    /// The thread running `block_on`, to unpark when a waker is called
    /// while it sleeps (from another thread, say).
    thread: Mutex<Option<Thread>>,
    /// Whether to describe on stdout each step the loop takes.
    trace: bool,
}

impl Shared {
    /// Puts a task on the run queue: what waking a task comes down to.
    fn schedule(&self, task: Arc<Task>) {
        lock(&self.run_queue).push_back(task);
        self.unpark();
    }
}
// ANCHOR_END: shared

// ANCHOR: task
/// A spawned future, and the way back onto the run queue.
struct Task {
    /// `None` once the future has finished, so it is never polled again.
    future: Mutex<Option<BoxedFuture>>,
    /// Weak, so that a waker kept somewhere does not keep a dropped
    /// executor alive; waking a task of a dropped executor does nothing.
    executor: Weak<Shared>,
}

impl Wake for Task {
    /// Waking a task means: put it back on the run queue.
    fn wake(self: Arc<Self>) {
        if let Some(executor) = self.executor.upgrade() {
            executor.schedule(self);
        }
    }
}

impl Task {
    /// Polls the task's future once, with a waker that re-queues this task.
    fn run(self: Arc<Self>) {
        let waker = Waker::from(Arc::clone(&self));
        let mut cx = Context::from_waker(&waker);
        let mut slot = lock(&self.future);
        // A task woken twice is queued twice, and may find itself already
        // finished: then there is nothing to do. Polling a future that is
        // not ready is allowed; it just answers `Pending` again.
        if let Some(future) = slot.as_mut()
            && future.as_mut().poll(&mut cx).is_ready()
        {
            *slot = None;
        }
    }
}
// ANCHOR_END: task

/// The waker of the future passed to `block_on`, which is not a task: it
/// lives on `block_on`'s stack. Waking it raises a flag the loop checks.
struct MainWaker {
    executor: Weak<Shared>,
}

impl Wake for MainWaker {
    fn wake(self: Arc<Self>) {
        if let Some(executor) = self.executor.upgrade() {
            executor.main_woken.store(true, Ordering::SeqCst);
            executor.unpark();
        }
    }
}

/// The executor's clock, read as the time since the executor was created.
#[derive(Debug)]
enum Clock {
    Real(Instant),
    /// Moves only when the executor, finding nothing to do, jumps it to the
    /// next timer's deadline.
    Virtual(Mutex<Duration>),
}

impl Clock {
    fn now(&self) -> Duration {
        match self {
            Clock::Real(started) => started.elapsed(),
            Clock::Virtual(now) => *lock(now),
        }
    }
}

impl Shared {
    /// Wakes the executor's thread if it is parked waiting for work.
    fn unpark(&self) {
        if let Some(thread) = lock(&self.thread).as_ref() {
            // A waker called by a task or timer on the executor's own thread
            // needs no unpark: the loop is running and will see the work.
            // (An unpark would be stored, and cut the next wait short.)
            if thread.id() != std::thread::current().id() {
                thread.unpark();
            }
        }
    }

    fn has_work(&self) -> bool {
        self.main_woken.load(Ordering::SeqCst) || !lock(&self.run_queue).is_empty()
    }

    fn trace(&self, message: impl FnOnce() -> String) {
        if self.trace {
            println!("[executor] {}", message());
        }
    }
}

// ANCHOR: timers
impl Shared {
    /// Wakes, earliest first, every timer whose deadline has passed.
    fn fire_due_timers(&self) {
        let now = self.clock.now();
        loop {
            // Take one entry out under the lock, and wake it after letting
            // go: waking runs code (it locks the run queue), and holding two
            // locks at once is how deadlocks start.
            let due = {
                let mut timers = lock(&self.timers);
                match timers.by_deadline.first_key_value() {
                    Some((&(deadline, _), _)) if deadline <= now => {
                        timers.by_deadline.pop_first()
                    }
                    _ => None,
                }
            };
            let Some(((deadline, number), waker)) = due else {
                return;
            };
            self.trace(|| format!("timer {number} (due at {}) fires", at(deadline)));
            waker.wake();
        }
    }

    /// Nothing is ready to run: wait until something will be.
    fn wait_for_next_timer(&self) {
        let next = lock(&self.timers)
            .by_deadline
            .first_key_value()
            .map(|(&(deadline, _), _)| deadline);
        match (&self.clock, next) {
            (Clock::Virtual(now), Some(deadline)) => {
                // Nobody can tell the difference between waiting and not
                // waiting, so don't: move the clock on and carry on at once.
                self.trace(|| {
                    format!("nothing to run: the clock jumps to {}", at(deadline))
                });
                let mut now = lock(now);
                *now = (*now).max(deadline);
            }
            (Clock::Real(started), Some(deadline)) => {
                self.trace(|| {
                    format!("nothing to run: sleeping until {}", at(deadline))
                });
                // Parking, not `thread::sleep`: a waker called from another
                // thread unparks us early. Returning early is harmless, as
                // the loop just checks again.
                std::thread::park_timeout(deadline.saturating_sub(started.elapsed()));
            }
            (_, None) => {
                // No timers: only a waker called from another thread can
                // bring more work. With none, this waits forever, which is
                // what a real runtime does too when a program deadlocks.
                self.trace(|| "nothing to run and no timers: parking".to_owned());
                std::thread::park();
            }
        }
    }
}
// ANCHOR_END: timers

// ANCHOR: sleep
/// A future that is ready once the executor's clock reaches its deadline.
#[derive(Debug)]
pub struct Sleep {
    /// Weak, like a task's: a timer does not keep its executor alive.
    executor: Weak<Shared>,
    deadline: Duration,
    /// The key of this sleep's entry among the timers, once registered.
    key: Option<(Duration, u64)>,
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let executor = self
            .executor
            .upgrade()
            .expect("a Sleep is polled while its executor exists");
        if executor.clock.now() >= self.deadline {
            return Poll::Ready(());
        }
        let mut timers = lock(&executor.timers);
        let key = self.key.unwrap_or_else(|| {
            // The first poll registers the timer and takes the next number,
            // so it fires after every timer registered before it for the
            // same instant.
            let key = (self.deadline, timers.next_number);
            timers.next_number += 1;
            executor.trace(|| format!("timer {} set for {}", key.1, at(key.0)));
            key
        });
        // (Re)store the waker: a future may be polled with a different waker
        // each time (if its task moved, say), and the latest one counts.
        timers.by_deadline.insert(key, cx.waker().clone());
        drop(timers);
        self.key = Some(key);
        Poll::Pending
    }
}

impl Drop for Sleep {
    /// A sleep dropped before it fires takes its timer out, so the virtual
    /// clock never jumps to a deadline that nobody is waiting for.
    fn drop(&mut self) {
        if let (Some(key), Some(executor)) = (self.key, self.executor.upgrade()) {
            // Bound to a name so the waker is dropped after the lock is released.
            let removed = lock(&executor.timers).by_deadline.remove(&key);
            drop(removed);
        }
    }
}
// ANCHOR_END: sleep

/// `1.00 s`: a time on the executor's clock, for the trace.
fn at(time: Duration) -> String {
    format!("{} s", support::clock::seconds(time))
}

/// The value a spawned task returns, and who is waiting for it.
struct JoinState<T> {
    output: Option<T>,
    waiter: Option<Waker>,
}

/// Awaits the value a spawned task returns, like tokio's `JoinHandle`.
///
/// Dropping it does not stop the task: the task runs on, and its value is
/// thrown away.
pub struct JoinHandle<T> {
    state: Arc<Mutex<JoinState<T>>>,
}

impl<T> std::fmt::Debug for JoinHandle<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let done = lock(&self.state).output.is_some();
        f.debug_struct("JoinHandle").field("done", &done).finish()
    }
}

impl<T> Future for JoinHandle<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut state = lock(&self.state);
        if let Some(output) = state.output.take() {
            return Poll::Ready(output);
        }
        // The task will wake us when it has finished.
        state.waiter = Some(cx.waker().clone());
        Poll::Pending
    }
}

/// A single-threaded executor with timers, on a real or a virtual clock.
///
/// Written for teaching: it has no IO, no cancellation beyond dropping,
/// and no protection against misuse (such as calling `block_on` from inside
/// a task). Use tokio or smol in real programs.
///
/// Dropping it drops the tasks that never finished, as `asyncio.run`
/// cancels them: the executor is the only strong owner of its queues, since
/// wakers and sleeps hold it weakly.
pub struct Executor {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Executor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Executor")
            .field("clock", &self.shared.clock)
            .field("ready_tasks", &lock(&self.shared.run_queue).len())
            .field("timers", &lock(&self.shared.timers).by_deadline.len())
            .finish_non_exhaustive()
    }
}

impl Executor {
    /// An executor whose timers run on `clock`: the wall clock, or its own
    /// virtual clock, which starts at zero and jumps from deadline to deadline.
    pub fn new(clock: ClockMode) -> Self {
        Self::build(clock, false)
    }

    /// The same, printing each decision the loop makes.
    pub fn with_trace(clock: ClockMode) -> Self {
        Self::build(clock, true)
    }

    fn build(clock: ClockMode, trace: bool) -> Self {
        let clock = match clock {
            ClockMode::Real => Clock::Real(Instant::now()),
            ClockMode::Virtual => Clock::Virtual(Mutex::new(Duration::ZERO)),
        };
        Self {
            shared: Arc::new(Shared {
                clock,
                run_queue: Mutex::default(),
                main_woken: AtomicBool::new(false),
                timers: Mutex::default(),
                thread: Mutex::new(None),
                trace,
            }),
        }
    }

    /// The time on the executor's clock: how long since it was created (on
    /// the virtual clock, how far it has jumped).
    pub fn now(&self) -> Duration {
        self.shared.clock.now()
    }

    /// How many timers are set and have not fired yet.
    pub fn pending_timers(&self) -> usize {
        lock(&self.shared.timers).by_deadline.len()
    }

    /// Awaits `future` and reports how long it took on the executor's clock.
    pub async fn timed<F: Future>(&self, future: F) -> (F::Output, Duration) {
        let started = self.now();
        let output = future.await;
        // The clock never goes backwards, so this never saturates.
        (output, self.now().saturating_sub(started))
    }

    /// A future that is ready `duration` from now, on the executor's clock.
    ///
    /// Like `tokio::time::sleep`, the deadline is fixed when the future is
    /// created, and the timer is registered when it is first polled.
    pub fn sleep(&self, duration: Duration) -> Sleep {
        Sleep {
            executor: Arc::downgrade(&self.shared),
            deadline: self.now() + duration,
            key: None,
        }
    }

    /// Starts `future` as a task of its own; it runs while `block_on` runs.
    pub fn spawn<F>(&self, future: F) -> JoinHandle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        let state = Arc::new(Mutex::new(JoinState {
            output: None,
            waiter: None,
        }));
        let handle = JoinHandle {
            state: Arc::clone(&state),
        };
        // The task runs `future`, then hands its value to the JoinHandle and
        // wakes whoever awaits it.
        let task = Arc::new(Task {
            future: Mutex::new(Some(Box::pin(async move {
                let output = future.await;
                let waiter = {
                    let mut state = lock(&state);
                    state.output = Some(output);
                    state.waiter.take()
                };
                if let Some(waiter) = waiter {
                    waiter.wake();
                }
            }))),
            executor: Arc::downgrade(&self.shared),
        });
        self.shared.schedule(task);
        handle
    }

    // ANCHOR: block_on
    /// Runs `future` to completion, running spawned tasks and timers
    /// meanwhile, and returns its output.
    ///
    /// The future need not be `Send` or `'static`: it is polled right here,
    /// on this thread's stack, so it may borrow local variables.
    pub fn block_on<F: Future>(&self, future: F) -> F::Output {
        let shared = &self.shared;
        *lock(&shared.thread) = Some(std::thread::current());
        let mut future = pin!(future);
        let waker = Waker::from(Arc::new(MainWaker {
            executor: Arc::downgrade(shared),
        }));
        let mut cx = Context::from_waker(&waker);
        shared.main_woken.store(true, Ordering::SeqCst); // poll it once to start it

        loop {
            shared.fire_due_timers();

            if shared.main_woken.swap(false, Ordering::SeqCst) {
                shared.trace(|| "poll the main future".to_owned());
                if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
                    return output;
                }
            }

            // Run the tasks that are ready now. Tasks woken while these run
            // go to the back of the queue and wait for the next round, so
            // one busy task cannot keep the loop from checking its timers.
            let ready_now = lock(&shared.run_queue).len();
            for _ in 0..ready_now {
                // Bound to a name so the queue's lock is released before the task runs.
                let task = lock(&shared.run_queue).pop_front();
                if let Some(task) = task {
                    shared.trace(|| "poll a task".to_owned());
                    task.run();
                }
            }

            if !shared.has_work() {
                shared.wait_for_next_timer();
            }
        }
    }
    // ANCHOR_END: block_on
}
