//! Time as the lessons measure it: on the runtime's clock, real or virtual.
//!
//! tokio can pause its clock (`start_paused`): when every task is waiting on a
//! timer, the runtime jumps straight to the next deadline instead of sleeping.
//! A program that sleeps for twelve simulated hours then finishes in
//! milliseconds, and a [`Stopwatch`] reading tokio's clock reports exactly
//! `12:00:00`. Tests use that clock, and so do the runs that produce the
//! book's transcripts, which is why the book can print exact figures.

use std::future::{Future, IntoFuture};
use std::time::Duration;

use tokio::time::Instant;

/// Which clock a program's timers run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ClockMode {
    /// The wall clock: a one-second sleep takes one second.
    #[default]
    Real,
    /// tokio's paused clock: sleeps take no real time and durations come out exact.
    Virtual,
}

/// Measures elapsed time on tokio's clock.
///
/// Inside a tokio runtime it reads the runtime's clock, paused or not.
/// Anywhere else (a smol program, a plain thread) tokio's clock is the
/// system's monotonic clock, the one `std::time::Instant` reads.
#[derive(Debug, Clone, Copy)]
pub struct Stopwatch {
    started: Instant,
}

impl Stopwatch {
    pub fn start() -> Self {
        Self {
            started: Instant::now(),
        }
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

/// Awaits `future` (anything `.await` accepts) and reports how long it took
/// on the runtime's clock.
pub async fn timed<F: IntoFuture>(future: F) -> (F::Output, Duration) {
    let stopwatch = Stopwatch::start();
    let output = future.await;
    (output, stopwatch.elapsed())
}

/// smol's sleep, shaped like `tokio::time::sleep` (a future of `()`), so one
/// lesson function can take either.
pub async fn smol_sleep(duration: Duration) {
    smol::Timer::after(duration).await;
}

/// The single-threaded tokio runtime the lessons run on, like asyncio's one
/// event loop; with [`ClockMode::Virtual`] its clock starts paused.
pub fn tokio_runtime(clock: ClockMode) -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(clock == ClockMode::Virtual)
        .build()
}

/// Runs `future` to completion on [`tokio_runtime`]: the course's `asyncio.run`.
pub fn block_on_tokio<F: Future>(
    clock: ClockMode,
    future: F,
) -> std::io::Result<F::Output> {
    Ok(tokio_runtime(clock)?.block_on(future))
}

/// Runs synchronous code that sleeps, giving it a blocking sleep on `clock`.
///
/// With the real clock the sleep is [`std::thread::sleep`]. With the virtual
/// clock it is a paused tokio clock driven from outside any task, so blocking
/// programs (like `countsync`) can be timed exactly too, and a [`Stopwatch`]
/// started inside `body` reads that clock.
pub fn run_blocking<T>(
    clock: ClockMode,
    body: impl FnOnce(&dyn Fn(Duration)) -> T,
) -> std::io::Result<T> {
    match clock {
        ClockMode::Real => Ok(body(&std::thread::sleep)),
        ClockMode::Virtual => {
            let runtime = tokio_runtime(ClockMode::Virtual)?;
            let _clock_in_scope = runtime.enter();
            Ok(body(&|duration| {
                runtime.block_on(tokio::time::sleep(duration));
            }))
        }
    }
}

/// Seconds with two decimals, as the notes print them: `1.00`.
pub fn seconds(duration: Duration) -> String {
    format!("{:.2}", duration.as_secs_f64())
}

/// Hours, minutes and seconds: `12:00:00`, `1:00:55`.
pub fn hms(duration: Duration) -> String {
    let total = duration.as_secs();
    format!("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn virtual_sleeps_are_exact_and_instant() {
        let wall = std::time::Instant::now();
        let elapsed = block_on_tokio(ClockMode::Virtual, async {
            let stopwatch = Stopwatch::start();
            tokio::time::sleep(Duration::from_secs(3600)).await;
            stopwatch.elapsed()
        })
        .unwrap();
        assert_eq!(elapsed, Duration::from_secs(3600));
        assert!(wall.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn blocking_code_can_sleep_on_the_virtual_clock() {
        let elapsed = run_blocking(ClockMode::Virtual, |sleep| {
            let stopwatch = Stopwatch::start();
            sleep(Duration::from_secs(2));
            sleep(Duration::from_millis(500));
            stopwatch.elapsed()
        })
        .unwrap();
        assert_eq!(elapsed, Duration::from_millis(2500));
    }

    #[test]
    fn formats() {
        assert_eq!(seconds(Duration::from_millis(1004)), "1.00");
        assert_eq!(seconds(Duration::from_millis(3010)), "3.01");
        assert_eq!(hms(Duration::from_secs(12 * 3600)), "12:00:00");
        assert_eq!(hms(Duration::from_secs(3655)), "1:00:55");
    }
}
