//! Your exercises for the queues chapter. Edit the files in this folder.
//!
//! Check your work with
//!
//! ```text
//! cargo test -p queues --test exercises
//! ```
//!
//! The tests fail until you have solved the exercises. Worked solutions are in
//! `../solutions/`; CI runs the same tests against them (`--features solutions`).

// The starter code leaves its parameters unused until you write the bodies,
// and its `async fn`s await nothing until you do.
#![allow(unused_variables, clippy::unused_async)]

pub mod priority;
pub mod throughput;
