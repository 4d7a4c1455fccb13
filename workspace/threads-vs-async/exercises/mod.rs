//! Your exercises for the threads-vs-async chapter. Edit the files in this folder.
//!
//! Check your work with
//!
//! ```text
//! cargo test -p threads-vs-async --test exercises
//! ```
//!
//! The tests fail until you have solved the exercises. Worked solutions are in
//! `../solutions/`; CI runs the same tests against them (`--features solutions`).

// The starter code leaves its parameters unused until you write the bodies.
#![allow(dead_code, unused_variables, clippy::unused_async)]

pub mod pool;
pub mod retry;
