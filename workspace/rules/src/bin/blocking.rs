//! Three tasks, one blocking call each: `cargo run -p rules --bin blocking`.

use std::time::Duration;

use clap::Parser;
use rules::blocking::{self, Wait};
use support::clock::{ClockMode, block_on_tokio, timed};

/// Three tasks on one event loop each wait one second: a blocking wait makes them take turns.
///
/// This program always runs on the real clock and ignores COURSE_CLOCK: a
/// blocking sleep holds a real thread for a real second, which tokio's
/// virtual clock cannot skip.
#[derive(Debug, Parser)]
#[command(name = "blocking", version, max_term_width = 80)]
struct Cli {
    /// How each task waits its second
    #[arg(long, value_enum, default_value_t)]
    wait: Wait,
}

fn main() -> std::io::Result<()> {
    let cli = Cli::parse();
    // The current-thread runtime: one thread runs the event loop and every
    // task. Always `ClockMode::Real`, for the reason given in `--help`.
    let ((), elapsed) = block_on_tokio(
        ClockMode::Real,
        timed(blocking::run(cli.wait, Duration::from_secs(1))),
    )?;
    println!("The three tasks took {} s.", blocking::tenths(elapsed));
    Ok(())
}
