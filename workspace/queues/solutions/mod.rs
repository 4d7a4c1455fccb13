//! Worked solutions to the queues chapter's exercises, proven by CI:
//! `cargo test -p queues --features solutions --test exercises`.

pub mod priority;
pub mod throughput;
