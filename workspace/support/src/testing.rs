//! Helpers for the lesson crates' tests.

use std::process::Command;

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
