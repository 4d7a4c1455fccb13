//! Judit Polgár's simultaneous exhibition: `cargo run -p concepts --bin chess`.

use std::time::Duration;

use clap::{Parser, ValueEnum};
use concepts::chess::{self, Exhibition, Narrator};
use support::Console;
use support::cli::number_in;
use support::clock::{ClockMode, block_on_tokio};

/// Play a simultaneous chess exhibition one game at a time, then table to table, and time both.
///
/// By default both schedules run on tokio's virtual clock: hours of play take
/// milliseconds and the times printed are exact. With --real-time the clock is
/// the wall clock, every duration divided by --speedup, and each of Judit's
/// moves is printed as it happens.
#[derive(Debug, Parser)]
#[command(name = "chess", version, max_term_width = 80)]
struct Cli {
    /// Number of opponents (boards)
    #[arg(long, value_name = "N", default_value_t = 24)]
    #[arg(value_parser = number_in(1u32..=1000), allow_negative_numbers = true)]
    opponents: u32,

    /// Seconds Judit takes per move
    #[arg(long, value_name = "SECONDS", default_value_t = 5)]
    #[arg(value_parser = number_in(1u32..=3600), allow_negative_numbers = true)]
    judit_seconds: u32,

    /// Seconds each opponent takes per move
    #[arg(long, value_name = "SECONDS", default_value_t = 55)]
    #[arg(value_parser = number_in(0u32..=3600), allow_negative_numbers = true)]
    opponent_seconds: u32,

    /// Move pairs per game (a move by Judit and the reply)
    #[arg(long, value_name = "N", default_value_t = 30)]
    #[arg(value_parser = number_in(1u32..=500), allow_negative_numbers = true)]
    move_pairs: u32,

    /// Which schedules to play
    #[arg(long, value_enum, default_value_t = Schedules::Both)]
    schedule: Schedules,

    /// Play on the wall clock and print every move as it happens
    #[arg(long)]
    real_time: bool,

    /// With --real-time: how many times faster than life to play
    #[arg(
        long,
        value_name = "N",
        default_value_t = 720,
        requires = "real_time",
        value_parser = number_in(1u32..=5000),
        allow_negative_numbers = true
    )]
    speedup: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Schedules {
    Both,
    Synchronous,
    Asynchronous,
}

fn main() -> std::io::Result<()> {
    let cli = Cli::parse();
    let console = Console::stdout();
    let exhibition = Exhibition {
        opponents: cli.opponents,
        judit_move: Duration::from_secs(cli.judit_seconds.into()),
        opponent_move: Duration::from_secs(cli.opponent_seconds.into()),
        move_pairs: cli.move_pairs,
    };
    let (clock, scale, narrator) = if cli.real_time {
        (
            ClockMode::Real,
            cli.speedup,
            Narrator::to(console.clone(), cli.speedup),
        )
    } else {
        (ClockMode::Virtual, 1, Narrator::silent())
    };
    let played = exhibition.scaled_down(scale);

    let outcomes = block_on_tokio(clock, async {
        let synchronous = if cli.schedule == Schedules::Asynchronous {
            None
        } else {
            Some(
                chess::synchronous(&played, &narrator)
                    .await
                    .scaled_up(scale),
            )
        };
        let asynchronous = if cli.schedule == Schedules::Synchronous {
            None
        } else {
            Some(
                chess::asynchronous(&played, &narrator)
                    .await
                    .scaled_up(scale),
            )
        };
        (synchronous, asynchronous)
    })?;

    if cli.real_time {
        console.line(format!(
            "(wall-clock times multiplied by {scale}, so expect some drift)"
        ));
    }
    for line in chess::report(&exhibition, outcomes.0, outcomes.1) {
        console.line(line);
    }
    Ok(())
}
