//! The course's own checks: what keeps every page of *Async IO in Rust*
//! honest. For the people who write the course, not for its readers; no
//! lesson uses it in its programs.
//!
//! - [`transcript`]: every output block and timeline of the book is what
//!   its program prints or draws (each lesson crate's `tests/transcripts.rs`
//!   calls [`check_transcripts!`], the one reason a lesson crate lists this
//!   crate, as a dev-dependency: only a crate's own tests can run the
//!   binaries cargo just built for it);
//! - [`exercises`]: which of the course's exercises are done, for
//!   `cargo run -p course-checks --bin exercises`.
//!
//! Its tests check the book itself: listing and quiz rules (`tests/book.rs`),
//! links and anchors of the built pages (`tests/links.rs`), the complete
//! programs built alone (`tests/complete_programs.rs`), and the built book in
//! a headless browser (`tests/browser.rs`).

pub mod exercises;
pub mod transcript;

use std::path::{Path, PathBuf};

/// Every file under `dir`, at any depth, whose extension is `extension`,
/// sorted; none if `dir` is missing.
pub fn files_under(dir: &Path, extension: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, extension: &str, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, extension, found);
            } else if path.extension().is_some_and(|e| e == extension) {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(dir, extension, &mut found);
    found.sort();
    found
}
