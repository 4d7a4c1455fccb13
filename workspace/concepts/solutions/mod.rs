//! Worked solutions to the concepts chapter's exercises, proven by CI:
//! `cargo test -p concepts --features solutions --test exercises`.

pub mod countdown;
