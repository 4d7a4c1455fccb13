//! Runs the countdown exercise (`exercises/countdown.rs`, or with
//! `--features solutions` its solution) on tokio's paused clock, and says
//! how long it took on that clock: `cargo run -p concepts --bin countdown`.
//!
//! The exercise prints with `println!`, as a program of your own would; the
//! exercise's tests run this binary and read what it printed. The paused
//! clock is chosen here, where the runtime is built, so the seconds it
//! reports are exact and cost no real time.

use clap::{Parser, ValueEnum};
use concepts::exercises::countdown;
use support::ClockMode;
use support::cli;
use support::clock::block_on_tokio;
use tokio::time::Instant;

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Run {
    /// countdown("A", 3) on its own
    One,
    /// two_countdowns(): A from 3 and B from 2 at once
    Two,
}

/// Run your countdown exercise on tokio's paused clock and say how long it took.
#[derive(Debug, Parser)]
#[command(name = "countdown", version, max_term_width = 80)]
struct Cli {
    /// Which function of the exercise to run
    #[arg(value_enum, default_value_t = Run::Two)]
    run: Run,
}

fn main() -> std::io::Result<()> {
    let cli: Cli = cli::parse(|_: &Cli| Ok(()));
    let took = block_on_tokio(ClockMode::Virtual, async {
        let started = Instant::now();
        match cli.run {
            Run::One => countdown::countdown("A", 3).await,
            Run::Two => countdown::two_countdowns().await,
        }
        started.elapsed()
    })?;
    println!("took {} s on the paused clock", took.as_secs_f64());
    Ok(())
}
