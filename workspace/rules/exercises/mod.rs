//! Your exercises for the rules chapter. Edit the files in this folder.
//!
//! Check your work with
//!
//! ```text
//! cargo test -p rules --test exercises
//! ```
//!
//! The tests fail until you have solved the exercises. Worked solutions are in
//! `../solutions/`; CI runs the same tests against them (`--features solutions`).

// The starter code leaves its parameters and fields unused until you write the
// bodies, and its `async fn`s await nothing until you fix them.
#![allow(dead_code, unused_variables, clippy::unused_async)]

pub mod ready_after;
pub mod unblock;
