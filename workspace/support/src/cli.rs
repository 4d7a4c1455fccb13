//! Command-line pieces every lesson binary shares.
//!
//! Arguments are parsed with clap. A value that is malformed or out of range
//! ends the program with exit status 2 and a message saying what is allowed,
//! the convention of Unix tools and of Python's argparse.

use std::fmt::Display;
use std::ops::RangeInclusive;
use std::str::FromStr;

use clap::{Parser, error::ErrorKind};

use crate::clock::ClockMode;

/// Which async runtime runs a program: the event loop is a library in Rust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Runtime {
    /// tokio, on one thread (the course's main runtime)
    #[default]
    Tokio,
    /// smol, on one thread
    Smol,
}

/// `--clock`, for programs that sleep but choose no runtime (blocking ones).
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct ClockArgs {
    /// The clock sleeps run on; `virtual` (tokio's paused clock) skips the waiting and prints exact times
    #[arg(
        long,
        value_enum,
        default_value_t,
        env = "COURSE_CLOCK",
        hide_env_values = true
    )]
    pub clock: ClockMode,
}

/// `--runtime` and `--clock`, flattened into a program's own arguments.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct RunArgs {
    /// The async runtime to run on
    #[arg(long, value_enum, default_value_t)]
    pub runtime: Runtime,

    #[command(flatten)]
    pub timing: ClockArgs,
}

impl RunArgs {
    pub fn clock(&self) -> ClockMode {
        self.timing.clock
    }

    /// smol has no paused clock, so that combination is refused.
    pub fn validate(&self) -> Result<(), String> {
        if self.runtime == Runtime::Smol && self.clock() == ClockMode::Virtual {
            return Err(
                "--clock virtual needs --runtime tokio: smol has no paused clock \
                        (is COURSE_CLOCK=virtual set in your environment?)"
                    .to_owned(),
            );
        }
        Ok(())
    }
}

/// `--seed N`: the seed of the Python-compatible random source
/// ([`PyRandom`](crate::PyRandom)). The default, 444, is the notes' seed, so
/// a program run without it prints the notes' transcript.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct SeedArgs {
    /// Seed for the random source, as Python's random.seed(N)
    #[arg(long, value_name = "N", default_value_t = 444)]
    #[arg(value_parser = number_in(0..=u64::MAX), allow_negative_numbers = true)]
    pub seed: u64,
}

/// A clap value parser for a number within `range`, whose error says what
/// is allowed: `expected a whole number from 1 to 1000`.
///
/// clap's own ranged parser answers `invalid digit found in string` for
/// `abc`; a learner deserves the range. Pair it with
/// `allow_negative_numbers = true` so that `-3` reaches it as a value.
pub fn number_in<T>(
    range: RangeInclusive<T>,
) -> impl Fn(&str) -> Result<T, String> + Clone + Send + Sync + 'static
where
    T: FromStr + PartialOrd + Display + Copy + Send + Sync + 'static,
{
    move |text| {
        let allowed = || {
            format!(
                "expected a whole number from {} to {}",
                range.start(),
                range.end()
            )
        };
        let number: T = text.trim().parse().map_err(|_| allowed())?;
        if range.contains(&number) {
            Ok(number)
        } else {
            Err(allowed())
        }
    }
}

/// Parses the command line, then checks what clap's per-argument rules cannot:
/// a `validate` error exits with status 2, like any other usage error.
pub fn parse<C: Parser>(validate: impl FnOnce(&C) -> Result<(), String>) -> C {
    // Parsing through the `Command` (not `C::parse()`) keeps the program's
    // name from argv, so the error's usage line names the right binary.
    let mut command = C::command();
    let matches = command.get_matches_mut();
    let cli = C::from_arg_matches(&matches)
        .unwrap_or_else(|error| error.format(&mut command).exit());
    if let Err(message) = validate(&cli) {
        command.error(ErrorKind::ArgumentConflict, message).exit();
    }
    cli
}

#[cfg(test)]
mod tests {
    use super::number_in;

    #[test]
    fn number_in_accepts_the_range_and_names_it_otherwise() {
        let parse = number_in(1u32..=1000);
        assert_eq!(parse("24"), Ok(24));
        assert_eq!(parse("1000"), Ok(1000));
        for bad in ["0", "1001", "-3", "abc", "", "99999999999999999999", "2.5"] {
            assert_eq!(
                parse(bad),
                Err("expected a whole number from 1 to 1000".to_owned()),
                "{bad:?}"
            );
        }
    }
}
