//! Helpers for the lesson crates' tests.

use std::process::Command;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// Runs a lesson binary with `args` (on the real clock, whatever the
/// environment says) and asserts that it refuses them the way the course's
/// programs must: exit status 2, and a message on stderr containing
/// `allowed`, the words that tell the reader what would be accepted.
///
/// # Panics
/// If the program cannot be run, exits otherwise, or says something else.
#[track_caller]
pub fn assert_refused(binary: &str, args: &[&str], allowed: &str) {
    let output = Command::new(binary)
        .args(args)
        .env_remove("COURSE_CLOCK")
        // A program that wrongly accepts the arguments must not sit waiting
        // for input: it ends, and the assertion below says what happened.
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap_or_else(|error| panic!("cannot run {binary}: {error}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?} should exit with status 2; stderr: {stderr}"
    );
    assert!(
        stderr.contains(allowed),
        "{args:?}: expected {allowed:?} in: {stderr}"
    );
}

/// The right to start `threads` threads at once, for a test that does.
///
/// libtest runs a binary's tests in parallel, so tests that each start a
/// thousand threads would together need several thousand; holding the
/// guard this returns makes them take turns. Where the machine allows too
/// few threads even for one of them (a container's `pids.max`, a low
/// `ulimit -u`), it returns `None` after saying why on stderr, and the test
/// should return without asserting: it cannot say anything about the lesson
/// on such a machine, and it must not fail because of it.
#[must_use]
pub fn many_threads(threads: u64) -> Option<MutexGuard<'static, ()>> {
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let guard = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
    match crate::machine::too_few_threads(threads) {
        None => Some(guard),
        Some(reason) => {
            eprintln!("skipped on this machine: {reason}");
            None
        }
    }
}

/// Runs an exercise's runner binary (one that runs the reader's code on
/// the paused clock and ends with a line saying how long it took there)
/// with `args`, and returns the lines the reader's code printed and that
/// last line. The reader's code prints with `println!`, so its lines are
/// read from the program's output.
///
/// # Panics
/// If the binary cannot run or fails, with its stderr: the reader's code
/// panicked or hit a `todo!()`.
#[track_caller]
pub fn run_exercise(binary: &str, args: &[&str]) -> (Vec<String>, String) {
    let output = Command::new(binary)
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {binary}: {error}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "your code stopped with an error:\n{stderr}"
    );
    let mut lines: Vec<String> = stdout.lines().map(str::to_owned).collect();
    let took = lines.pop().unwrap_or_default();
    (lines, took)
}
