//! The toolbox's unit of work: a job that waits, then returns its name.
//!
//! A job says when it starts and when it finishes. If it is dropped before
//! it finishes, it says that too: in Rust that *is* cancellation. A future
//! only makes progress when it is polled; a future that is dropped is never
//! polled again, and its destructors run right there, at the `.await` where
//! it was waiting. There is no `CancelledError` to catch, as in Python:
//! cleanup that must happen goes in a `Drop`, like [`CancelNotice`].

use std::fmt;
use std::time::Duration;

use crate::log::Log;

// ANCHOR: notice
/// Says "cancelled" when dropped, unless [`CancelNotice::finished`] was
/// called first: a drop guard.
#[derive(Debug)]
pub struct CancelNotice {
    name: &'static str,
    log: Log,
    finished: bool,
}

impl CancelNotice {
    pub fn new(name: &'static str, log: &Log) -> Self {
        Self {
            name,
            log: log.clone(),
            finished: false,
        }
    }

    pub fn finished(mut self) {
        self.finished = true;
    }
}

impl Drop for CancelNotice {
    fn drop(&mut self) {
        if !self.finished {
            self.log.say(format!("{}: cancelled", self.name));
        }
    }
}
// ANCHOR_END: notice

// ANCHOR: job
/// Waits `secs` seconds on tokio's clock, then returns `name`.
pub async fn job(name: &'static str, secs: u64, log: Log) -> &'static str {
    let notice = CancelNotice::new(name, &log);
    log.say(format!("{name}: started, takes {secs} s"));
    tokio::time::sleep(Duration::from_secs(secs)).await;
    notice.finished();
    log.say(format!("{name}: finished"));
    name
}
// ANCHOR_END: job

// ANCHOR: fallible
/// A job that fails: it waits `secs` seconds, then returns an error.
pub async fn failing_job(
    name: &'static str,
    secs: u64,
    log: Log,
) -> Result<&'static str, JobFailed> {
    let notice = CancelNotice::new(name, &log);
    log.say(format!("{name}: started, fails after {secs} s"));
    tokio::time::sleep(Duration::from_secs(secs)).await;
    notice.finished();
    log.say(format!("{name}: failing"));
    Err(JobFailed { name })
}

/// [`job`], typed like [`failing_job`] so the two can be joined together.
pub async fn fallible_job(
    name: &'static str,
    secs: u64,
    log: Log,
) -> Result<&'static str, JobFailed> {
    Ok(job(name, secs, log).await)
}

/// The error a [`failing_job`] returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobFailed {
    pub name: &'static str,
}

impl fmt::Display for JobFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed", self.name)
    }
}

impl std::error::Error for JobFailed {}
// ANCHOR_END: fallible
