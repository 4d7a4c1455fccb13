//! Worked solutions to the multiprocessing chapter's exercises, proven by CI:
//! `cargo test -p multiprocessing --features solutions --test exercises`.

pub mod retry;
pub mod split_sum;
