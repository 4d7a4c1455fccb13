//! Worked solutions to the rules chapter's exercises, proven by CI:
//! `cargo test -p rules --features solutions --test exercises`.

pub mod ready_after;
pub mod unblock;
