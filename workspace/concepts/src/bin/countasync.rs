//! Three counts with async sleeps: `cargo run -p concepts --bin countasync`.

use clap::Parser;
use concepts::countasync;
use support::Console;
use support::cli::{self, RunArgs, Runtime, number_in};
use support::clock::{block_on_tokio, seconds, smol_sleep, timed};

/// Count "One, Two" three times at once: while one count sleeps, the event loop runs the others.
#[derive(Debug, Parser)]
#[command(version)]
struct Cli {
    /// Sleeps per count: 1 (One, sleep, Two) or 2 (one more sleep after Two)
    #[arg(long, default_value_t = 1, value_parser = number_in(1u8..=2), allow_negative_numbers = true)]
    sleeps: u8,

    #[command(flatten)]
    run: RunArgs,
}

fn main() -> std::io::Result<()> {
    let cli: Cli = cli::parse(|cli: &Cli| cli.run.validate());
    let console = Console::stdout();
    let trailing_sleep = cli.sleeps == 2;
    // ANCHOR: runtimes
    // The same lesson code on either event loop; only the timer differs.
    let ((), elapsed) = match cli.run.runtime {
        Runtime::Tokio => block_on_tokio(
            cli.run.clock(),
            timed(countasync::main(
                &console,
                trailing_sleep,
                tokio::time::sleep,
            )),
        )?,
        Runtime::Smol => smol::block_on(timed(countasync::main(
            &console,
            trailing_sleep,
            smol_sleep,
        ))),
    };
    // ANCHOR_END: runtimes
    console.line(format!(
        "countasync executed in {} seconds.",
        seconds(elapsed)
    ));
    Ok(())
}
