//! Worked solutions to the threads-vs-async chapter's exercises, proven by CI:
//! `cargo test -p threads-vs-async --features solutions --test exercises`.

pub mod pool;
pub mod retry;
