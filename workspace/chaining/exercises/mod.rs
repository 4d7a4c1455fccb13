//! Your exercises for the chaining chapter. Edit the files in this folder.
//!
//! Check your work with
//!
//! ```text
//! cargo test -p chaining --test exercises
//! ```
//!
//! The tests fail until you have solved the exercises. Worked solutions are in
//! `../solutions/`; CI runs the same tests against them (`--features solutions`).

// The starters leave some parameters unused until you write the solution.
#![allow(unused_variables)]

pub mod deadline;
pub mod fan_out;
