//! A console that stamps each line with the time on the runtime's clock.
//!
//! The toolbox's lessons are about *when*: when a spawned task starts, when
//! the first result arrives, when a cancelled task stops. Each line says so,
//! in seconds since the example started; on tokio's paused clock the stamps
//! are exact, so the book can show them and the tests can assert them.

use std::fmt::Display;
use std::time::Duration;

use support::Console;
use support::clock::{Stopwatch, seconds};

#[derive(Debug, Clone)]
pub struct Log {
    console: Console,
    stopwatch: Stopwatch,
}

impl Log {
    /// Starts the clock now. Call it inside the runtime, so that it reads the
    /// runtime's clock (paused or not).
    pub fn start(console: &Console) -> Self {
        Self {
            console: console.clone(),
            stopwatch: Stopwatch::start(),
        }
    }

    /// Prints `  3.00 s  text`.
    pub fn say(&self, text: impl Display) {
        let at = seconds(self.stopwatch.elapsed());
        self.console.line(format!("{at:>6} s  {text}"));
    }

    pub fn elapsed(&self) -> Duration {
        self.stopwatch.elapsed()
    }
}
