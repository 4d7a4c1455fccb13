//! Solution: workers with processing time, and their throughput.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::time::Instant;

use crate::queue::Queue;

/// How many items were processed, in how long.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Throughput {
    pub items: usize,
    pub elapsed: Duration,
}

// ANCHOR: solution
impl Throughput {
    /// Items per second; 0 when no time passed.
    pub fn per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds == 0.0 {
            0.0
        } else {
            self.items as f64 / seconds
        }
    }
}

/// Puts `items` numbered items into a [`Queue`](crate::queue::Queue), then starts `workers`
/// tokio tasks that each take items and spend `work` on every one
/// (`tokio::time::sleep` stands in for the processing). Returns when every
/// item has been processed, with how many were and how long it took.
pub async fn process_all(items: usize, workers: usize, work: Duration) -> Throughput {
    let started = Instant::now();
    let queue = Queue::new(0);
    for item in 0..items {
        let _ = queue.put(item).await;
    }
    let processed = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = (0..workers)
        .map(|_| {
            let (queue, processed) = (queue.clone(), Arc::clone(&processed));
            tokio::spawn(async move {
                while let Some((_item, receipt)) = queue.get().await {
                    tokio::time::sleep(work).await;
                    processed.fetch_add(1, Ordering::SeqCst);
                    // Done *after* the work: marked at `get`, `join` would
                    // return while the last items were still being processed.
                    receipt.task_done();
                }
            })
        })
        .collect();
    queue.join().await;
    for task in tasks {
        task.abort();
    }
    Throughput {
        items: processed.load(Ordering::SeqCst),
        elapsed: started.elapsed(),
    }
}
// ANCHOR_END: solution
