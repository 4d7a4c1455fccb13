//! A queue that can be joined: Python's `asyncio.Queue`, for any runtime.
//!
//! Python's queue does two jobs. It carries items from producers to
//! consumers, and it counts the items that have been put but not yet marked
//! done, so that `q.join()` can wait until every item has been *handled*, not
//! merely taken. Neither tokio nor smol ships a queue with the second job, so
//! this module builds one from two small parts:
//!
//! - the channel: [`async_channel`], the multi-producer, multi-consumer
//!   channel smol itself uses (`smol::channel` is this crate). It needs no
//!   particular runtime, so the same queue serves tokio and smol;
//! - the count of unfinished items, an atomic number, with an
//!   [`event_listener::Event`] that wakes whoever waits in [`Queue::join`]
//!   when the count reaches zero. `Event` is the wake-up list async-channel
//!   is built on; tokio's `Notify` would do the same job, but only on tokio.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use async_channel::{Receiver, Sender};
use event_listener::Event;

// ANCHOR: queue
/// A multi-producer, multi-consumer queue that knows when every item put
/// into it has been marked done.
///
/// Clones are handles on the same queue: give one to each producer and
/// consumer task (a spawned task must own what it uses).
#[derive(Debug)]
pub struct Queue<T> {
    sender: Sender<T>,
    receiver: Receiver<T>,
    progress: Arc<Progress>,
}

/// What every handle shares besides the channel.
#[derive(Debug, Default)]
struct Progress {
    /// Items put and not yet marked done: Python's `unfinished_tasks`.
    unfinished: AtomicUsize,
    /// Wakes the tasks waiting in `join` when `unfinished` drops to zero.
    all_done: Event,
    /// The most items that were ever waiting in the channel at once.
    peak_waiting: AtomicUsize,
}

/// The proof that an item was taken, to hand back with
/// [`task_done`](Receipt::task_done) once the item has been dealt with.
///
/// Python's `q.task_done()` can be called too often, and raises
/// `ValueError` when it is. A `Receipt` is consumed by `task_done`, so each
/// item is marked done at most once, and the compiler checks it.
#[derive(Debug)]
#[must_use = "an item never marked done keeps `join` waiting forever"]
pub struct Receipt {
    progress: Arc<Progress>,
}
// ANCHOR_END: queue

impl<T> Clone for Queue<T> {
    // Derived `Clone` would demand `T: Clone`; the handles never clone items.
    fn clone(&self) -> Self {
        Self {
            sender: self.sender.clone(),
            receiver: self.receiver.clone(),
            progress: Arc::clone(&self.progress),
        }
    }
}

// ANCHOR: put_get
impl<T> Queue<T> {
    /// A queue holding at most `maxsize` waiting items; `0` means no limit,
    /// as in Python's `asyncio.Queue(maxsize=0)`.
    pub fn new(maxsize: usize) -> Self {
        let (sender, receiver) = if maxsize == 0 {
            async_channel::unbounded()
        } else {
            async_channel::bounded(maxsize)
        };
        Self {
            sender,
            receiver,
            progress: Arc::default(),
        }
    }

    /// Puts `item` at the back of the queue, waiting for room if it is full.
    /// Gives the item back if the queue has been closed.
    pub async fn put(&self, item: T) -> Result<(), T> {
        // Count the item before it becomes visible: a consumer could take
        // it and mark it done before a count made after `send` existed.
        let counted = Counted::new(&self.progress);
        self.sender
            .send(item)
            .await
            .map_err(async_channel::SendError::into_inner)?;
        counted.keep();
        let waiting = self.sender.len();
        self.progress
            .peak_waiting
            .fetch_max(waiting, Ordering::SeqCst);
        Ok(())
    }

    /// Takes the item at the front, waiting for one if the queue is empty.
    /// `None` once the queue is closed and every item in it has been taken.
    pub async fn get(&self) -> Option<(T, Receipt)> {
        let item = self.receiver.recv().await.ok()?;
        let receipt = Receipt {
            progress: Arc::clone(&self.progress),
        };
        Some((item, receipt))
    }
}
// ANCHOR_END: put_get

// ANCHOR: counted
/// One item counted as unfinished while its `put` is under way.
///
/// If the put never completes (the queue was closed, or the task waiting
/// for room was cancelled, which drops its future mid-`.await`), dropping
/// this takes the count back, so `join` does not wait for an item that
/// never entered the queue.
struct Counted<'a> {
    progress: Option<&'a Progress>,
}

impl<'a> Counted<'a> {
    fn new(progress: &'a Progress) -> Self {
        progress.unfinished.fetch_add(1, Ordering::SeqCst);
        Self {
            progress: Some(progress),
        }
    }

    /// The item is in the queue: it stays counted until its `task_done`.
    fn keep(mut self) {
        self.progress = None;
    }
}

impl Drop for Counted<'_> {
    fn drop(&mut self) {
        if let Some(progress) = self.progress {
            progress.finish_one();
        }
    }
}
// ANCHOR_END: counted

// ANCHOR: join
impl<T> Queue<T> {
    /// Waits until every item put so far has been marked done: Python's
    /// `await q.join()`. Returns at once if nothing is unfinished.
    pub async fn join(&self) {
        loop {
            if self.progress.unfinished.load(Ordering::SeqCst) == 0 {
                return;
            }
            // Start listening, then look again: a `task_done` that lands
            // between the first look and `listen()` would otherwise wake
            // nobody, and this task would sleep through the last item.
            let listener = self.progress.all_done.listen();
            if self.progress.unfinished.load(Ordering::SeqCst) == 0 {
                return;
            }
            listener.await;
        }
    }
}

impl Receipt {
    /// Marks the item as dealt with: Python's `q.task_done()`.
    pub fn task_done(self) {
        self.progress.finish_one();
    }
}

impl Progress {
    fn finish_one(&self) {
        if self.unfinished.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.all_done.notify(usize::MAX);
        }
    }
}
// ANCHOR_END: join

// ANCHOR: close
impl<T> Queue<T> {
    /// Closes the queue: later `put`s give their item back, and `get`
    /// returns the items still waiting, then `None`. Python 3.13 calls this
    /// `q.shutdown()`. Dropping every handle has the same effect.
    pub fn close(&self) {
        self.sender.close();
    }
}
// ANCHOR_END: close

impl<T> Queue<T> {
    /// Items waiting in the queue now: Python's `q.qsize()`.
    pub fn len(&self) -> usize {
        self.sender.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sender.is_empty()
    }

    /// Items put and not yet marked done.
    pub fn unfinished(&self) -> usize {
        self.progress.unfinished.load(Ordering::SeqCst)
    }

    /// The most items that were ever waiting at once: what an unbounded
    /// queue costs when the consumers fall behind.
    pub fn peak_waiting(&self) -> usize {
        self.progress.peak_waiting.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::Queue;

    #[tokio::test(start_paused = true)]
    async fn join_waits_for_task_done_not_for_get() {
        let queue = Queue::new(0);
        queue.put("a").await.unwrap();
        queue.put("b").await.unwrap();
        assert_eq!(queue.unfinished(), 2);
        let (_, first) = queue.get().await.unwrap();
        let (_, second) = queue.get().await.unwrap();
        assert!(queue.is_empty());
        // Both items are taken, neither is done: join must still wait.
        let waited = tokio::time::timeout(Duration::from_secs(1), queue.join()).await;
        assert!(waited.is_err(), "join returned before task_done");
        first.task_done();
        second.task_done();
        assert_eq!(queue.unfinished(), 0);
        queue.join().await;
    }

    #[tokio::test(start_paused = true)]
    async fn a_closed_queue_drains_then_ends_and_refuses_new_items() {
        let queue = Queue::new(0);
        queue.put(1).await.unwrap();
        queue.close();
        assert_eq!(queue.put(2).await, Err(2));
        assert_eq!(queue.unfinished(), 1, "a refused item is not counted");
        let (item, receipt) = queue.get().await.unwrap();
        receipt.task_done();
        assert_eq!(item, 1);
        assert!(queue.get().await.is_none());
        queue.join().await;
    }

    #[tokio::test(start_paused = true)]
    async fn a_bounded_queue_makes_put_wait_for_room() {
        let queue = Queue::new(1);
        queue.put('x').await.unwrap();
        let blocked =
            tokio::time::timeout(Duration::from_secs(1), queue.put('y')).await;
        assert!(
            blocked.is_err(),
            "a full queue of size 1 took a second item"
        );
        assert_eq!(queue.peak_waiting(), 1);
        // The put given up on (its future dropped) is not left counted.
        assert_eq!(queue.unfinished(), 1);
    }
}
