//! Worked solutions to the chaining chapter's exercises, proven by CI:
//! `cargo test -p chaining --features solutions --test exercises`.

pub mod deadline;
pub mod fan_out;
