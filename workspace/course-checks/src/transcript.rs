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
//! `--help` of every binary the crate has (it must fit 80 columns) and `-V`
//! (it must name the binary), and refuses transcripts that no page of the
//! chapter includes.
//!
//! # Measured transcripts
//!
//! A report that times real work (threads against tasks, CPU-bound work on
//! every core) cannot print the same figures twice. Its output block lives in
//! `book/<crate>/measured/<name>.txt` instead, and is checked differently:
//! the command is run as written, `cargo run --release ...`, on the real
//! clock (in its own target directory, `target/measured`, so it never waits
//! on the build that runs the tests), and compared *in shape*: every number
//! is masked, white space is collapsed, and a line starting `machine:` may
//! name any machine. The words, the rows and the columns must still agree,
//! so a report that changes what it prints fails the check; only the
//! measurements may differ from the run the book shows. With
//! `UPDATE_TRANSCRIPTS=1` a measured transcript is always rewritten with the
//! new run's figures, so regenerate on a quiet machine.
//!
//! # Exact programs whose output is not
//!
//! A few programs run on the virtual clock's opposite: the blocking lesson
//! holds real threads for real seconds, and the state-machine lesson prints
//! sizes the compiler chooses. Their transcripts stay in `transcripts/`, but
//! the crate's check lists them under `in_shape`, and they are compared in
//! shape like a measured one: the words and lines must agree, the figures
//! (times on the real clock, sizes from this rustc, task numbers whose order
//! the operating system picks) need not. What those figures must be is the
//! business of the crate's tests, which assert it with bounds that hold on
//! any machine. A measured transcript that this machine cannot run (too few
//! threads allowed, say) is skipped by the crate's `skip` function, which
//! says why.
//!
//! # Timelines
//!
//! The same test redraws every picture in `book/<crate>/timelines/*.svg`
//! from the command on its first line and compares it exactly; see
//! [`timeline`](crate::timeline) for the format and how to add one.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A program that runs longer than this in a transcript is taken as hung.
const RUN_LIMIT: Duration = Duration::from_secs(120);

/// A measured run of a report, once its binary is built.
const MEASURED_RUN_LIMIT: Duration = Duration::from_secs(600);

/// Building a measured report's binary in release mode, the first time:
/// generous, since a slow machine may take many minutes, and a build does
/// not hang.
const MEASURED_BUILD_LIMIT: Duration = Duration::from_secs(3600);

/// How a transcript is replayed and compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `transcripts/`: the lesson binary on the virtual clock, compared exactly.
    Exact,
    /// `measured/`: the reader's own `cargo run --release`, compared in shape.
    Measured,
}

impl Kind {
    fn dir(self) -> &'static str {
        match self {
            Kind::Exact => "transcripts",
            Kind::Measured => "measured",
        }
    }
}

/// What a lesson crate says about its transcripts beyond the defaults.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// Exact transcripts (by file stem) compared in shape, because their
    /// figures depend on the machine or the compiler; see the module docs.
    pub in_shape: &'a [&'a str],
    /// Says why a transcript (by file stem) cannot be run on this machine,
    /// or `None` to run it.
    pub skip: fn(&str) -> Option<String>,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Self {
            in_shape: &[],
            skip: |_| None,
        }
    }
}

/// Checks one lesson crate's transcripts and binaries; call it through
/// [`check_transcripts!`](crate::check_transcripts), which fills in the paths.
///
/// # Panics
/// With a report of every problem found, so the test that calls it fails.
pub fn check_lesson(
    crate_name: &str,
    manifest_dir: &str,
    bins: &[(&str, &str)],
    options: Options<'_>,
) {
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
        // A complete program for readers to paste takes no arguments and
        // no clap; every other binary must answer --help.
        let source =
            std::fs::read_to_string(manifest_dir.join(format!("src/bin/{name}.rs")))
                .unwrap_or_default();
        if source.contains("clap") || source.contains("Parser") {
            problems.extend(check_help(name, Path::new(path)));
        }
    }

    let pages = chapter_pages(&chapter);
    let exact_stems: Vec<String> =
        files_with_extension(&chapter.join(Kind::Exact.dir()), "txt")
            .iter()
            .map(|file| stem(file))
            .collect();
    for listed in options.in_shape {
        if !exact_stems.iter().any(|stem| stem == listed) {
            problems.push(format!(
                "in_shape names {listed:?}, but book/{crate_name}/transcripts/ has no {listed}.txt"
            ));
        }
    }
    for kind in [Kind::Exact, Kind::Measured] {
        for file in &files_with_extension(&chapter.join(kind.dir()), "txt") {
            let file_name = file
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let include = format!("{{{{#include {}/{file_name}}}}}", kind.dir());
            if !pages.iter().any(|page| page.contains(&include)) {
                problems.push(format!(
                    "{}: no page of book/{crate_name} includes it",
                    file.display()
                ));
            }
            if let Some(reason) = (options.skip)(&stem(file)) {
                eprintln!("skipped {}: {reason}", file.display());
                continue;
            }
            let compare = if kind == Kind::Measured
                || options.in_shape.contains(&stem(file).as_str())
            {
                Compare::Shape
            } else {
                Compare::Exact
            };
            if let Err(problem) =
                check_one(file, kind, compare, (root, crate_name), bins, update)
            {
                problems.push(problem);
            }
        }
    }

    for file in &files_with_extension(&chapter.join("timelines"), "svg") {
        let file_name = file.file_name().unwrap_or_default().to_string_lossy();
        let embedded = format!("(timelines/{file_name})");
        if !pages.iter().any(|page| page.contains(&embedded)) {
            problems.push(format!(
                "{}: no page of book/{crate_name} shows it (`![...]{embedded}`)",
                file.display()
            ));
        }
        if let Err(problem) = check_timeline(file, crate_name, bins, update) {
            problems.push(problem);
        }
    }

    assert!(
        problems.is_empty(),
        "{} problem(s) with the {crate_name} chapter's transcripts and timelines:\n\n{}\n\n\
         After a deliberate change, regenerate them with\n  \
         UPDATE_TRANSCRIPTS=1 cargo test -p {crate_name} --test transcripts\n",
        problems.len(),
        problems.join("\n\n")
    );
}

fn stem(file: &Path) -> String {
    file.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// How a transcript's output is compared with the program's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compare {
    /// Byte for byte.
    Exact,
    /// With every number masked and white space collapsed ([`shape`]).
    Shape,
}

/// Runs a transcript's command and compares (or rewrites) its output.
fn check_one(
    file: &Path,
    kind: Kind,
    compare: Compare,
    (root, crate_name): (&Path, &str),
    bins: &[(&str, &str)],
    update: bool,
) -> Result<(), String> {
    let shown = std::fs::read_to_string(file)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let (command_line, expected) = shown.split_once('\n').unwrap_or((&shown, ""));
    let (invocation, binary) = resolve(file, command_line, crate_name, bins)?;
    let (actual, _succeeded) = match kind {
        Kind::Exact => run(exact_command(Path::new(binary), &invocation), RUN_LIMIT),
        Kind::Measured => {
            // Build first, untimed but for a generous limit, so that the
            // run's own limit measures only the run.
            let (built, succeeded) = run(
                measured_command(root, &invocation, "build"),
                MEASURED_BUILD_LIMIT,
            )
            .map_err(|e| format!("{}: {e}", file.display()))?;
            if !succeeded {
                return Err(format!(
                    "{}: cannot build the report:\n{built}",
                    file.display()
                ));
            }
            run(
                measured_command(root, &invocation, "run"),
                MEASURED_RUN_LIMIT,
            )
        }
    }
    .map_err(|e| format!("{}: {e}", file.display()))?;
    let agree = match compare {
        Compare::Exact => actual == expected,
        Compare::Shape => same_shape(expected, &actual),
    };
    // A measured transcript that agrees in shape is still rewritten when
    // asked: regenerating is how its figures are brought up to date.
    let refresh = update && kind == Kind::Measured;
    if agree && !refresh {
        return Ok(());
    }
    if update {
        std::fs::write(file, format!("{command_line}\n{actual}"))
            .map_err(|e| format!("{}: {e}", file.display()))?;
        return Ok(());
    }
    let difference = match compare {
        Compare::Exact => first_difference(expected, &actual),
        Compare::Shape => first_difference(&shape(expected), &shape(&actual)),
    };
    Err(format!(
        "{}: the program's output differs\n{difference}",
        file.display()
    ))
}

/// The invocation a transcript's or timeline's command line names, and the
/// crate's binary that runs it.
fn resolve<'a>(
    file: &Path,
    command_line: &str,
    crate_name: &str,
    bins: &[(&str, &'a str)],
) -> Result<(Invocation, &'a str), String> {
    let invocation = Invocation::parse(command_line)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    if invocation.package != crate_name {
        return Err(format!(
            "{}: runs `-p {}` but lives in the {crate_name} chapter",
            file.display(),
            invocation.package
        ));
    }
    match bins.iter().find(|(name, _)| *name == invocation.bin) {
        Some((_, binary)) => Ok((invocation, binary)),
        None => Err(format!(
            "{}: no binary `{}` in crate {crate_name}",
            file.display(),
            invocation.bin
        )),
    }
}

/// Redraws a timeline from the command in its first line,
/// `<?drawn-by $ cargo run -p CRATE --bin NAME -- ... --timeline FILE.svg ?>`,
/// and compares (or rewrites) the rest of the file.
fn check_timeline(
    file: &Path,
    crate_name: &str,
    bins: &[(&str, &str)],
    update: bool,
) -> Result<(), String> {
    let at = |problem: String| format!("{}: {problem}", file.display());
    let shown = std::fs::read_to_string(file).map_err(|e| at(e.to_string()))?;
    let (first_line, expected) = shown.split_once('\n').unwrap_or((&shown, ""));
    let command_line = first_line
        .strip_prefix("<?drawn-by ")
        .and_then(|line| line.strip_suffix(" ?>"))
        .ok_or_else(|| {
            at(
                "the first line must be the command that draws the picture, \
                `<?drawn-by $ cargo run -p CRATE --bin NAME -- ... --timeline FILE.svg ?>`"
                    .to_owned(),
            )
        })?;
    let (mut invocation, binary) = resolve(file, command_line, crate_name, bins)?;
    if invocation.release {
        return Err(at(
            "timelines are drawn on the virtual clock, without --release".to_owned(),
        ));
    }
    // The picture goes to a scratch file rather than where a reader's run
    // would put it; the name in the command must still be this file's.
    let file_name = file.file_name().unwrap_or_default().to_string_lossy();
    let scratch = std::env::temp_dir().join(format!(
        "course-timeline-{}-{crate_name}-{file_name}",
        std::process::id()
    ));
    let target = invocation
        .args
        .iter()
        .position(|arg| arg == "--timeline")
        .map(|flag| flag + 1)
        .filter(|&value| invocation.args.get(value).is_some_and(|v| *v == file_name));
    let Some(target) = target else {
        return Err(at(format!("the command must say `--timeline {file_name}`")));
    };
    invocation.args[target] = scratch.display().to_string();
    let (output, succeeded) =
        run(exact_command(Path::new(binary), &invocation), RUN_LIMIT).map_err(at)?;
    let drawn = std::fs::read_to_string(&scratch);
    let _ = std::fs::remove_file(&scratch);
    let drawn = match drawn {
        Ok(drawn) if succeeded => drawn,
        _ => return Err(at(format!("the command drew no picture:\n{output}"))),
    };
    if drawn == expected {
        return Ok(());
    }
    if update {
        return std::fs::write(file, format!("{first_line}\n{drawn}"))
            .map_err(|e| at(e.to_string()));
    }
    Err(at(format!(
        "the program draws a different picture\n{}",
        first_difference(expected, &drawn)
    )))
}

/// The parts of `$ cargo run [--release] -p CRATE --bin NAME [-- ARGS...]` that matter.
#[derive(Debug, PartialEq, Eq)]
struct Invocation {
    release: bool,
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
        let mut release = false;
        while let Some(word) = words.next() {
            match word {
                "--release" => release = true,
                "-q" | "--quiet" => {}
                "-p" | "--package" => package = words.next().map(str::to_owned),
                "--bin" => bin = words.next().map(str::to_owned),
                "--" => {
                    args = words.by_ref().map(str::to_owned).collect();
                }
                other => return Err(format!("{usage}: unexpected `{other}`")),
            }
        }
        match (package, bin) {
            (Some(package), Some(bin)) => Ok(Self {
                release,
                package,
                bin,
                args,
            }),
            _ => Err(format!("{usage}: {line}")),
        }
    }
}

/// An exact transcript runs the crate's freshly built binary on the
/// virtual clock.
fn exact_command(binary: &Path, invocation: &Invocation) -> Command {
    let mut command = Command::new(binary);
    command
        .args(&invocation.args)
        .env("COURSE_CLOCK", "virtual");
    command
}

/// Where measured reports are built: `measured/` inside the target
/// directory the tests were built in (`$CARGO_TARGET_DIR` or `target/`),
/// apart from it so that the nested `cargo run` never waits on the lock of
/// the `cargo test` that runs it.
fn measured_target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), PathBuf::from)
        .join("measured")
}

/// A measured transcript runs what the reader types, on the real clock;
/// `action` is `run`, or `build` to build that binary first.
fn measured_command(root: &Path, invocation: &Invocation, action: &str) -> Command {
    // Under `cargo test`, CARGO names the cargo that is running the tests.
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(root)
        .args([action, "--quiet", "--locked"]);
    if invocation.release {
        command.arg("--release");
    }
    command.args(["-p", &invocation.package, "--bin", &invocation.bin]);
    if action == "run" {
        command.arg("--").args(&invocation.args);
    }
    command
        .env("CARGO_TARGET_DIR", measured_target_dir(root))
        .env_remove("COURSE_CLOCK");
    command
}

/// Runs a transcript's command with no colour and no input. Returns stdout,
/// then stderr, then the exit status if it was not success; and whether it was.
pub(crate) fn run(
    mut command: Command,
    limit: Duration,
) -> Result<(String, bool), String> {
    let shown = command.get_program().display().to_string();
    let mut child = command
        .env("NO_COLOR", "1")
        // clap wraps help to $COLUMNS when no stream is a terminal: the
        // book's help transcripts are the 80-column default.
        .env_remove("COLUMNS")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;

    // Read both pipes while the program runs, so a long report cannot fill
    // a pipe and stall.
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let started = Instant::now();
    while child.try_wait().map_err(|e| e.to_string())?.is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            return Err(format!("{shown} ran for more than {limit:?}; killed"));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    let mut text = stdout.join().unwrap_or_default();
    text.push_str(&stderr.join().unwrap_or_default());
    if !status.success() {
        let code = status
            .code()
            .map_or_else(|| "killed by a signal".to_owned(), |c| c.to_string());
        let _ = writeln!(text, "[exit status: {code}]");
    }
    Ok((text, status.success()))
}

fn drain(
    pipe: Option<impl std::io::Read + Send + 'static>,
) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// A measured output with its measurements masked: each run of digits (with
/// the `.` and `,` inside it) becomes `#`, white space collapses to one
/// space, and a `machine:` line keeps only that word.
fn shape(text: &str) -> String {
    let mut shaped = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("machine:") {
            shaped.push_str("machine: ...\n");
            continue;
        }
        let words: Vec<String> = line.split_whitespace().map(mask_numbers).collect();
        shaped.push_str(&words.join(" "));
        shaped.push('\n');
    }
    shaped
}

fn mask_numbers(word: &str) -> String {
    let mut masked = String::new();
    let mut in_number = false;
    for c in word.chars() {
        let continues = in_number && matches!(c, '.' | ',');
        if c.is_ascii_digit() || continues {
            if !in_number {
                masked.push('#');
                in_number = true;
            }
        } else {
            in_number = false;
            masked.push(c);
        }
    }
    masked
}

fn same_shape(expected: &str, actual: &str) -> bool {
    shape(expected) == shape(actual)
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

/// `--help` prints a usage, wrapped to the course's 80 columns (clap's own
/// default is 100: each binary says `max_term_width = 80`), and `-V` names
/// the binary, not its crate (clap's default: each says `name = "..."`).
fn check_help(name: &str, binary: &Path) -> Option<String> {
    let run = |flag: &str| {
        Command::new(binary)
            .arg(flag)
            // Wrapped as when no terminal says how wide it is.
            .env_remove("COLUMNS")
            .stdin(Stdio::null())
            .output()
    };
    let help = match run("--help") {
        Ok(output)
            if output.status.success()
                && String::from_utf8_lossy(&output.stdout).contains("Usage:") =>
        {
            String::from_utf8_lossy(&output.stdout).into_owned()
        }
        Ok(output) => {
            return Some(format!(
                "`{name} --help` failed or printed no usage ({})",
                output.status
            ));
        }
        Err(error) => return Some(format!("cannot run `{name} --help`: {error}")),
    };
    if let Some(line) = help.lines().find(|line| line.chars().count() > 80) {
        return Some(format!(
            "`{name} --help` is wider than 80 columns (say `max_term_width = 80`): {line}"
        ));
    }
    match run("-V") {
        Ok(output)
            if String::from_utf8_lossy(&output.stdout)
                .starts_with(&format!("{name} ")) =>
        {
            None
        }
        Ok(output) => Some(format!(
            "`{name} -V` does not start with its name (say `name = \"{name}\"`): {}",
            String::from_utf8_lossy(&output.stdout).trim_end()
        )),
        Err(error) => Some(format!("cannot run `{name} -V`: {error}")),
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
///     course_checks::check_transcripts!("countsync", "countasync", "chess");
/// }
/// ```
///
/// After the binaries, `; options` may pass an [`Options`](crate::transcript::Options).
#[macro_export]
macro_rules! check_transcripts {
    ($($bin:literal),+ $(,)? $(; $options:expr)?) => {
        $crate::transcript::check_lesson(
            env!("CARGO_PKG_NAME"),
            env!("CARGO_MANIFEST_DIR"),
            &[$(($bin, env!(concat!("CARGO_BIN_EXE_", $bin)))),+],
            $crate::check_transcripts!(@options $($options)?),
        )
    };
    (@options) => { $crate::transcript::Options::default() };
    (@options $options:expr) => { $options };
}

#[cfg(test)]
mod tests {
    use super::{Invocation, first_difference, same_shape, shape};

    #[test]
    fn parses_the_commands_readers_type() {
        let parsed =
            Invocation::parse("$ cargo run -p concepts --bin chess -- --opponents 4")
                .unwrap();
        assert_eq!(
            parsed,
            Invocation {
                release: false,
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
        assert!(release.release);
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

    #[test]
    fn measured_outputs_agree_in_shape_not_in_figures() {
        let book = "machine: 2 cores, AMD EPYC 7B13\nkind      seconds  speedup\nthreads      1.02    1.96x\n";
        let other_run = "machine: 8 cores, Intel Xeon\nkind      seconds  speedup\nthreads     12.5     0.98x\n";
        assert!(same_shape(book, other_run));
        assert_eq!(shape("1,000,000 tasks in 3.25 s."), "# tasks in # s.\n");
        let renamed =
            "machine: x\nkind      seconds  speedup\nprocesses    1.02    1.96x\n";
        assert!(!same_shape(book, renamed));
        let extra_row = format!("{book}async 1.0 1.0x\n");
        assert!(!same_shape(book, &extra_row));
    }
}
