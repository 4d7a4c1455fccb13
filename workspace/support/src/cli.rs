//! Command-line pieces every lesson binary shares.
//!
//! Arguments are parsed with clap. A value that is malformed or out of range
//! ends the program with exit status 2 and a message saying what is allowed,
//! the convention of Unix tools and of Python's argparse.

use std::fmt::Display;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use clap::builder::{PathBufValueParser, TypedValueParser};
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
///
/// It is global: a program with subcommands takes it after the
/// subcommand too (`toolbox gather --clock virtual`).
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct ClockArgs {
    /// The clock sleeps run on; `virtual` (tokio's paused clock) skips the waiting and prints exact times
    #[arg(
        long,
        global = true,
        value_enum,
        value_parser = ClockParser,
        default_value_t,
        env = "COURSE_CLOCK",
        hide_env_values = true
    )]
    pub clock: ClockMode,
}

/// Reads `--clock` as clap reads any enum, except that a bad value which
/// came from the environment (`COURSE_CLOCK`, set and forgotten, perhaps in
/// another terminal's profile) is reported as the variable's, not as a
/// `--clock` the reader never typed.
#[derive(Debug, Clone, Copy)]
struct ClockParser;

impl TypedValueParser for ClockParser {
    type Value = ClockMode;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<ClockMode, clap::Error> {
        let parsed = clap::builder::EnumValueParser::<ClockMode>::new()
            .parse_ref(command, arg, value);
        // The value is the environment's unless the command line has --clock.
        let typed = std::env::args_os().skip(1).any(|word| {
            word == "--clock" || word.to_string_lossy().starts_with("--clock=")
        });
        match parsed {
            Err(error) if !typed && error.kind() == ErrorKind::InvalidValue => {
                Err(clap::Error::raw(
                    ErrorKind::InvalidValue,
                    format!(
                        "invalid value '{}' for the environment variable COURSE_CLOCK, \
                     which sets --clock: expected real or virtual \
                     (or unset it: unset COURSE_CLOCK)\n",
                        value.to_string_lossy()
                    ),
                )
                .with_cmd(command))
            }
            other => other,
        }
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            <ClockMode as clap::ValueEnum>::value_variants()
                .iter()
                .filter_map(clap::ValueEnum::to_possible_value),
        ))
    }
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

/// A clap value parser for a file the program will write when its work is
/// done (`--timeline PATH`, `--svg PATH`): the path is tried at parse time,
/// so a file that cannot be written is refused with exit status 2 before
/// any work, not reported after a long run.
pub fn writable_file() -> impl TypedValueParser<Value = PathBuf> {
    PathBufValueParser::new().try_map(|path| check_writable(&path).map(|()| path))
}

/// Why a file cannot be written at `path`, or `Ok` if it can.
///
/// The file is opened for writing, created if it is missing and removed
/// again, so that nothing is left behind; an existing file is not changed.
pub fn check_writable(path: &Path) -> Result<(), String> {
    if path.as_os_str().is_empty() {
        return Err("expected a file name".to_owned());
    }
    if path.is_dir() {
        return Err("is a folder; expected a file name".to_owned());
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(format!("there is no folder {}", folder.display()));
    }
    let existed = path.symlink_metadata().is_ok();
    match std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
    {
        Ok(_) => {
            if !existed {
                let _ = std::fs::remove_file(path);
            }
            Ok(())
        }
        Err(error) => Err(format!("cannot write a file there: {error}")),
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
    use std::path::Path;

    use super::{check_writable, number_in};

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

    #[test]
    fn a_file_that_cannot_be_written_is_refused_and_a_tried_one_left_as_it_was() {
        let dir =
            std::env::temp_dir().join(format!("cli-writable-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let new = dir.join("new.svg");
        assert_eq!(check_writable(&new), Ok(()));
        assert!(!new.exists(), "the check left a file behind");
        let old = dir.join("old.svg");
        std::fs::write(&old, "kept").unwrap();
        assert_eq!(check_writable(&old), Ok(()));
        assert_eq!(std::fs::read_to_string(&old).unwrap(), "kept");
        let refused = |path: &Path, reason: &str| {
            let error = check_writable(path).unwrap_err();
            assert!(error.contains(reason), "{}: {error}", path.display());
        };
        refused(&dir, "is a folder");
        refused(&dir.join("missing/x.svg"), "there is no folder");
        refused(Path::new(""), "expected a file name");
        if cfg!(target_os = "linux") {
            refused(Path::new("/proc/x.svg"), "cannot write a file there");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
