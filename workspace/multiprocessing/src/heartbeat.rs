//! `heartbeat`: a task that notices when the event loop stops running tasks.
//!
//! It wakes up every period and remembers the longest gap between two
//! wake-ups. On an event loop that is free, the gap is the period (plus a
//! little). If some task keeps the thread busy without reaching an `.await`,
//! the heartbeat cannot run until that task lets go, and the gap grows by
//! exactly that long. It is a small version of what a server would suffer:
//! a timer that fires late, a request that waits.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::task::JoinHandle;
use tokio::time::Instant;

/// How often the heartbeat wants to run.
pub const PERIOD: Duration = Duration::from_millis(10);

#[derive(Debug)]
struct Beats {
    last: Instant,
    worst_gap: Duration,
}

// ANCHOR: heartbeat
/// A running heartbeat task; [`Heartbeat::stop`] says how late it ran.
#[derive(Debug)]
pub struct Heartbeat {
    beats: Arc<Mutex<Beats>>,
    task: JoinHandle<()>,
}

impl Heartbeat {
    /// Spawns the heartbeat on the current tokio runtime.
    pub fn start(period: Duration) -> Self {
        let beats = Arc::new(Mutex::new(Beats {
            last: Instant::now(),
            worst_gap: Duration::ZERO,
        }));
        let task = tokio::spawn({
            let beats = Arc::clone(&beats);
            async move {
                loop {
                    tokio::time::sleep(period).await;
                    beats.lock().unwrap_or_else(PoisonError::into_inner).beat();
                }
            }
        });
        Self { beats, task }
    }

    /// Stops the heartbeat and returns the longest time it went without running.
    pub fn stop(self) -> Duration {
        self.task.abort();
        let mut beats = self.beats.lock().unwrap_or_else(PoisonError::into_inner);
        // The gap still open counts too: a heartbeat that never got to run
        // at all has been waiting since it started.
        beats.beat();
        beats.worst_gap
    }
}

impl Beats {
    fn beat(&mut self) {
        let now = Instant::now();
        self.worst_gap = self.worst_gap.max(now - self.last);
        self.last = now;
    }
}
// ANCHOR_END: heartbeat
