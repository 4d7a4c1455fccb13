//! Exercise: workers with processing time, and their throughput.
//!
//! Page: "Exercises", section "Exercise 2: throughput".

use std::time::Duration;

/// How many items were processed, in how long.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Throughput {
    pub items: usize,
    pub elapsed: Duration,
}

// ANCHOR: starter
impl Throughput {
    /// Items per second; 0 when no time passed.
    pub fn per_second(&self) -> f64 {
        todo!("items divided by elapsed seconds")
    }
}

/// Puts `items` numbered items into a [`Queue`](crate::queue::Queue), then starts `workers`
/// tokio tasks that each take items and spend `work` on every one
/// (`tokio::time::sleep` stands in for the processing). Returns when every
/// item has been processed, with how many were and how long it took.
pub async fn process_all(items: usize, workers: usize, work: Duration) -> Throughput {
    todo!("fill a queue, start the workers, wait for the queue to be done")
}
// ANCHOR_END: starter
