//! Your exercises for the concepts chapter. Edit the files in this folder.
//!
//! Check your work with
//!
//! ```text
//! cargo test -p concepts --test exercises
//! ```
//!
//! The tests fail until you have solved the exercise. Worked solutions are in
//! `../solutions/`; CI runs the same tests against them (`--features solutions`).

// The starter code leaves its parameters unused until you write the body.
#![allow(unused_variables, clippy::unused_async)]

pub mod countdown;
