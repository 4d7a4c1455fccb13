//! The machinery that keeps the book's output blocks honest.
//!
//! Every output block in the book is a *transcript file*, kept next to the
//! chapter that shows it (`book/<crate>/transcripts/<name>.txt`). Its first
//! line is the command a reader types, the rest is what the program prints:
//!
//! ```text
//! $ cargo run -p concepts --bin countasync -- --sleeps 2
//! One
//! ...
//! ```
//!
//! Each lesson crate has a test that calls [`check_transcripts!`](crate::check_transcripts).
//! It runs every transcript's command against the crate's freshly built
//! binary, with `COURSE_CLOCK=virtual` so timings are exact, and fails on
//! any difference. `UPDATE_TRANSCRIPTS=1 cargo test` rewrites the files
//! instead, after a deliberate change to a program. The same test runs
//! `--help` of every binary the crate has, and refuses transcripts that no
//! page of the chapter includes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A program that runs longer than this in a transcript is taken as hung.
const RUN_LIMIT: Duration = Duration::from_secs(120);

/// Checks one lesson crate's transcripts and binaries; call it through
/// [`check_transcripts!`](crate::check_transcripts), which fills in the paths.
///
/// # Panics
/// With a report of every problem found, so the test that calls it fails.
pub fn check_lesson(crate_name: &str, manifest_dir: &str, bins: &[(&str, &str)]) {
    let manifest_dir = Path::new(manifest_dir);
    let root = manifest_dir
        .ancestors()
        .nth(2)
        .expect("lesson crates live in <root>/workspace/<name>");
    let chapter = root.join("book").join(crate_name);
    let update = std::env::var_os("UPDATE_TRANSCRIPTS").is_some_and(|v| v == "1");

    let mut problems = Vec::new();
    problems.extend(check_every_binary_is_listed(manifest_dir, bins));
    for (name, path) in bins {
        problems.extend(check_help(name, Path::new(path)));
    }

    let transcripts = files_with_extension(&chapter.join("transcripts"), "txt");
    let pages = chapter_pages(&chapter);
    for file in &transcripts {
        let file_name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let include = format!("{{{{#include transcripts/{file_name}}}}}");
        if !pages.iter().any(|page| page.contains(&include)) {
            problems.push(format!(
                "{}: no page of book/{crate_name} includes it",
                file.display()
            ));
        }
        if let Err(problem) = check_one(file, crate_name, bins, update) {
            problems.push(problem);
        }
    }

    assert!(
        problems.is_empty(),
        "{} problem(s) with the {crate_name} chapter's transcripts:\n\n{}\n\n\
         After a deliberate change, regenerate them with\n  \
         UPDATE_TRANSCRIPTS=1 cargo test -p {crate_name} --test transcripts\n",
        problems.len(),
        problems.join("\n\n")
    );
}

/// Runs a transcript's command and compares (or rewrites) its output.
fn check_one(
    file: &Path,
    crate_name: &str,
    bins: &[(&str, &str)],
    update: bool,
) -> Result<(), String> {
    let shown = std::fs::read_to_string(file)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let (command_line, expected) = shown.split_once('\n').unwrap_or((&shown, ""));
    let invocation = Invocation::parse(command_line)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    if invocation.package != crate_name {
        return Err(format!(
            "{}: runs `-p {}` but lives in the {crate_name} chapter",
            file.display(),
            invocation.package
        ));
    }
    let Some((_, binary)) = bins.iter().find(|(name, _)| *name == invocation.bin)
    else {
        return Err(format!(
            "{}: no binary `{}` in crate {crate_name}",
            file.display(),
            invocation.bin
        ));
    };
    let actual = run(Path::new(binary), &invocation.args)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    if actual == expected {
        return Ok(());
    }
    if update {
        std::fs::write(file, format!("{command_line}\n{actual}"))
            .map_err(|e| format!("{}: {e}", file.display()))?;
        return Ok(());
    }
    Err(format!(
        "{}: the program's output differs\n{}",
        file.display(),
        first_difference(expected, &actual)
    ))
}

/// The parts of `$ cargo run [--release] -p CRATE --bin NAME [-- ARGS...]` that matter.
#[derive(Debug, PartialEq, Eq)]
struct Invocation {
    package: String,
    bin: String,
    args: Vec<String>,
}

impl Invocation {
    fn parse(line: &str) -> Result<Self, String> {
        let usage = "the first line must read `$ cargo run [--release] -p CRATE --bin NAME [-- ARGS]`";
        let rest = line
            .strip_prefix("$ cargo run ")
            .ok_or_else(|| format!("{usage}: {line}"))?;
        // Arguments are split on white space and passed as they are, so
        // anything a shell would interpret is refused rather than misread.
        if rest
            .contains(['"', '\'', '\\', '$', '|', '>', '<', '&', ';', '*'].as_slice())
        {
            return Err(format!(
                "{usage}, without quotes, variables or redirections: {line}"
            ));
        }
        let mut words = rest.split_whitespace();
        let (mut package, mut bin) = (None, None);
        let mut args = Vec::new();
        while let Some(word) = words.next() {
            match word {
                "--release" | "-q" | "--quiet" => {}
                "-p" | "--package" => package = words.next().map(str::to_owned),
                "--bin" => bin = words.next().map(str::to_owned),
                "--" => {
                    args = words.by_ref().map(str::to_owned).collect();
                }
                other => return Err(format!("{usage}: unexpected `{other}`")),
            }
        }
        match (package, bin) {
            (Some(package), Some(bin)) => Ok(Self { package, bin, args }),
            _ => Err(format!("{usage}: {line}")),
        }
    }
}

/// Runs a lesson binary the way the book's transcripts are made: virtual
/// clock, no colour, no input. Returns stdout, then stderr, then the exit
/// status if it was not success.
fn run(binary: &Path, args: &[String]) -> Result<String, String> {
    let mut child = Command::new(binary)
        .args(args)
        .env("COURSE_CLOCK", "virtual")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;

    let started = Instant::now();
    while child.try_wait().map_err(|e| e.to_string())?.is_none() {
        if started.elapsed() > RUN_LIMIT {
            let _ = child.kill();
            return Err(format!(
                "{} ran for more than {RUN_LIMIT:?}; killed",
                binary.display()
            ));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    if !output.status.success() {
        let code = output
            .status
            .code()
            .map_or_else(|| "killed by a signal".to_owned(), |c| c.to_string());
        let _ = writeln!(text, "[exit status: {code}]");
    }
    Ok(text)
}

fn first_difference(expected: &str, actual: &str) -> String {
    let (expected_lines, actual_lines): (Vec<_>, Vec<_>) =
        (expected.lines().collect(), actual.lines().collect());
    let line_count = expected_lines.len().max(actual_lines.len());
    for index in 0..line_count {
        let (want, got) = (expected_lines.get(index), actual_lines.get(index));
        if want != got {
            return format!(
                "  first difference at output line {}:\n    book:    {}\n    program: {}",
                index + 1,
                want.unwrap_or(&"<no line>"),
                got.unwrap_or(&"<no line>")
            );
        }
    }
    "  the lines agree but the line endings differ (a missing final newline?)"
        .to_owned()
}

/// Every binary under `src/bin/` must be listed, so `--help` is checked for all.
fn check_every_binary_is_listed(
    manifest_dir: &Path,
    bins: &[(&str, &str)],
) -> Option<String> {
    let mut on_disk: Vec<String> =
        files_with_extension(&manifest_dir.join("src/bin"), "rs")
            .iter()
            .filter_map(|path| {
                path.file_stem()
                    .map(|stem| stem.to_string_lossy().into_owned())
            })
            .collect();
    on_disk.sort();
    let mut listed: Vec<String> =
        bins.iter().map(|(name, _)| (*name).to_owned()).collect();
    listed.sort();
    (on_disk != listed).then(|| {
        format!("check_transcripts! lists binaries {listed:?}, but src/bin/ holds {on_disk:?}")
    })
}

fn check_help(name: &str, binary: &Path) -> Option<String> {
    match Command::new(binary)
        .arg("--help")
        .stdin(Stdio::null())
        .output()
    {
        Ok(output)
            if output.status.success()
                && String::from_utf8_lossy(&output.stdout).contains("Usage:") =>
        {
            None
        }
        Ok(output) => Some(format!(
            "`{name} --help` failed or printed no usage ({})",
            output.status
        )),
        Err(error) => Some(format!("cannot run `{name} --help`: {error}")),
    }
}

fn chapter_pages(chapter: &Path) -> Vec<String> {
    files_with_extension(chapter, "md")
        .iter()
        .filter_map(|page| std::fs::read_to_string(page).ok())
        .collect()
}

/// The files directly in `dir` with the given extension, sorted; none if `dir` is missing.
fn files_with_extension(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files
}

/// Checks a lesson crate's transcripts; use it as the body of a test in
/// `tests/transcripts.rs`, naming every binary of the crate:
///
/// ```ignore
/// #[test]
/// fn the_books_transcripts_match_the_programs() {
///     support::check_transcripts!("countsync", "countasync", "chess");
/// }
/// ```
#[macro_export]
macro_rules! check_transcripts {
    ($($bin:literal),+ $(,)?) => {
        $crate::transcript::check_lesson(
            env!("CARGO_PKG_NAME"),
            env!("CARGO_MANIFEST_DIR"),
            &[$(($bin, env!(concat!("CARGO_BIN_EXE_", $bin)))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::{Invocation, first_difference};

    #[test]
    fn parses_the_commands_readers_type() {
        let parsed =
            Invocation::parse("$ cargo run -p concepts --bin chess -- --opponents 4")
                .unwrap();
        assert_eq!(
            parsed,
            Invocation {
                package: "concepts".into(),
                bin: "chess".into(),
                args: vec!["--opponents".into(), "4".into()]
            }
        );
        let release = Invocation::parse(
            "$ cargo run --release -p multiprocessing --bin cpu-bound",
        )
        .unwrap();
        assert_eq!(release.bin, "cpu-bound");
        assert!(release.args.is_empty());
    }

    #[test]
    fn refuses_what_it_cannot_replay_exactly() {
        assert!(Invocation::parse("cargo run -p concepts --bin chess").is_err());
        assert!(Invocation::parse("$ cargo run --bin chess").is_err());
        assert!(
            Invocation::parse("$ cargo run -p concepts --bin chess -- --name 'a b'")
                .is_err()
        );
        assert!(
            Invocation::parse("$ cargo run -p concepts --bin chess -- $HOME").is_err()
        );
        assert!(Invocation::parse("$ cargo build -p concepts --bin chess").is_err());
    }

    #[test]
    fn reports_the_first_differing_line() {
        let report = first_difference("One\nTwo\n", "One\nThree\n");
        assert!(report.contains("line 2"), "{report}");
        assert!(report.contains("Three"), "{report}");
    }
}
