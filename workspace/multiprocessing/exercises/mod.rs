//! Your exercises for the multiprocessing chapter. Edit the files in this folder.
//!
//! Check your work with
//!
//! ```text
//! cargo test -p multiprocessing --test exercises
//! ```
//!
//! The tests fail until you have solved the exercises. Worked solutions are in
//! `../solutions/`; CI runs the same tests against them (`--features solutions`).

// The starter code leaves its parameters unused until you write the bodies,
// and its `async fn` awaits nothing until you do.
#![allow(unused_variables, unused_mut, clippy::unused_async)]

pub mod retry;
pub mod split_sum;
