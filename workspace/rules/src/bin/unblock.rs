//! Runs the unblock exercise (`exercises/unblock.rs`, or with
//! `--features solutions` its solution) on tokio's paused clock, and says
//! how long it took on that clock: `cargo run -p rules --bin unblock`.
//!
//! The exercise prints with `println!`, as a program of your own would; the
//! exercise's tests run this binary and read what it printed. The paused
//! clock is chosen here, where the runtime is built, so the time it reports
//! is exact. (A blocking sleep still takes real time, but does not move the
//! paused clock.)

use std::time::Duration;

use clap::Parser;
use rules::exercises::unblock;
use support::ClockMode;
use support::cli;
use support::clock::{block_on_tokio, timed};

/// Run your unblock exercise on tokio's paused clock: fetch_all of three files, 100 ms
/// each, and say how long it took there.
#[derive(Debug, Parser)]
#[command(name = "unblock", version, max_term_width = 80)]
struct Cli {}

fn main() -> std::io::Result<()> {
    let _: Cli = cli::parse(|_: &Cli| Ok(()));
    let names = ["a.txt", "b.txt", "c.txt"];
    let (_, took) = block_on_tokio(
        ClockMode::Virtual,
        timed(unblock::fetch_all(&names, Duration::from_millis(100))),
    )?;
    println!("took {} ms on the paused clock", took.as_millis());
    Ok(())
}
