//! Which exercises are done: what `cargo run -p course-checks --bin exercises` prints.
//!
//! Every chapter crate with a `tests/exercises.rs` has exercises, one file
//! each in its `exercises/` folder (`mod.rs` aside). The command runs each
//! such crate's exercise tests on *your* code, as
//! `cargo test -p CRATE --test exercises` does, and prints one row per
//! exercise: `done` when every test of that exercise passes.
//!
//! A test belongs to the exercise whose file name starts its own name,
//! `ready_after_is_pending_exactly_n_times_then_ready` to `ready_after.rs`,
//! or names its module, `unblock::fetch_all_...` to `unblock.rs`. In a
//! chapter with a single exercise every test belongs to it. A test that
//! matches no exercise gets a row of its own, so nothing is ever hidden; a
//! new chapter's exercises show up as soon as its `tests/exercises.rs`
//! exists.
//!
//! A test that never ends (a loop that forgets to count down) must not hold
//! the command up: once built, a chapter's tests get [`TEST_RUN_LIMIT`],
//! after which cargo and everything it started (the test binary, and
//! whatever that started) are killed together, as one process group, and
//! the exercise whose test had not finished shows as `timed out`.

use std::fmt::Write as _;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// A chapter's exercise tests, once built, that run longer than this are
/// taken as hung: they run on tokio's paused clock and take milliseconds,
/// so a minute is a loop that never ends, or a wait nothing wakes.
pub const TEST_RUN_LIMIT: Duration = Duration::from_secs(60);

/// Building a chapter's tests, the first time: generous, since a slow
/// machine may take many minutes, and a build does not hang.
const BUILD_LIMIT: Duration = Duration::from_secs(3600);

/// A chapter crate with exercises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chapter {
    pub name: String,
    /// The exercise files' stems, sorted: `ready_after`, `unblock`.
    pub exercises: Vec<String>,
}

/// Every crate under `workspace/` that has a `tests/exercises.rs`, sorted
/// by name; a crate is named like its folder, as the course's crates are.
pub fn chapters(root: &Path) -> Vec<Chapter> {
    let mut chapters: Vec<Chapter> = read_dir_sorted(&root.join("workspace"))
        .into_iter()
        .filter(|dir| dir.join("tests/exercises.rs").is_file())
        .map(|dir| Chapter {
            name: file_stem(&dir),
            exercises: read_dir_sorted(&dir.join("exercises"))
                .iter()
                .filter(|file| file.extension().is_some_and(|e| e == "rs"))
                .map(|file| file_stem(file))
                .filter(|stem| stem != "mod")
                .collect(),
        })
        .collect();
    chapters.sort_by(|a, b| a.name.cmp(&b.name));
    chapters
}

fn read_dir_sorted(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    paths
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// What running a chapter's exercise tests gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TestRun {
    /// Each test's name, and whether it passed.
    Ran(Vec<(String, bool)>),
    /// The tests did not compile (or cargo failed before running any).
    DoesNotBuild,
    /// The tests ran longer than the limit and were stopped: the verdicts
    /// of those that had finished, and the names of those that had not.
    TimedOut {
        finished: Vec<(String, bool)>,
        hung: Vec<String>,
    },
}

/// Runs `cargo test -p CRATE --test exercises` in `root`, on the code as
/// it is (no `--features solutions`), the tests given [`TEST_RUN_LIMIT`].
pub fn run_tests(root: &Path, chapter: &str) -> TestRun {
    run_tests_within(root, chapter, TEST_RUN_LIMIT, None)
}

/// [`run_tests`] with the tests given `limit` once built, and cargo's
/// target directory set to `target_dir` if given.
pub fn run_tests_within(
    root: &Path,
    chapter: &str,
    limit: Duration,
    target_dir: Option<&Path>,
) -> TestRun {
    let cargo_test = |extra: &[&str]| {
        // Run from `cargo run`, CARGO names the cargo that built this program.
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut command = Command::new(cargo);
        command
            .current_dir(root)
            .args(["test", "-p", chapter, "--test", "exercises"])
            .args(extra);
        if let Some(dir) = target_dir {
            command.env("CARGO_TARGET_DIR", dir);
        }
        command
    };
    // Built first, so that the limit below times the tests, not the compiler.
    match run_as_group(cargo_test(&["--no-run"]), BUILD_LIMIT) {
        Ended::Exited { success: true, .. } => {}
        Ended::Exited { .. } | Ended::TimedOut(_) | Ended::CannotStart => {
            return TestRun::DoesNotBuild;
        }
    }
    match run_as_group(cargo_test(&["--no-fail-fast"]), limit) {
        Ended::CannotStart => TestRun::DoesNotBuild,
        Ended::Exited { output, .. } => {
            let results = test_results(&output);
            if results.is_empty() && !output.contains("test result:") {
                TestRun::DoesNotBuild
            } else {
                TestRun::Ran(results)
            }
        }
        Ended::TimedOut(output) => {
            let finished = test_results(&output);
            let listed = match run_as_group(cargo_test(&["--", "--list"]), limit) {
                Ended::Exited { output, .. } => test_names(&output),
                Ended::TimedOut(_) | Ended::CannotStart => Vec::new(),
            };
            let hung = listed
                .into_iter()
                .filter(|name| !finished.iter().any(|(done, _)| done == name))
                .collect();
            TestRun::TimedOut { finished, hung }
        }
    }
}

/// How a command run by [`run_as_group`] ended, with its stdout then stderr.
#[derive(Debug)]
enum Ended {
    Exited {
        output: String,
        success: bool,
    },
    /// It ran past its limit, and it and its process group were killed;
    /// what it had printed until then.
    TimedOut(String),
    CannotStart,
}

/// The process group of the cargo now running the tests, for
/// [`stop_tests_on_signals`].
static RUNNING_GROUP: Mutex<Option<u32>> = Mutex::new(None);

/// Runs `command` in a process group of its own, reading its output as it
/// comes; past `limit`, kills the whole group. cargo runs the test binary
/// as a child of its own, and a test may start processes too: killing cargo
/// alone would leave them running, with no one to stop them.
fn run_as_group(mut command: Command, limit: Duration) -> Ended {
    let child = command
        .env("NO_COLOR", "1")
        .env("CARGO_TERM_COLOR", "never")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn();
    let Ok(mut child) = child else {
        return Ended::CannotStart;
    };
    let group = child.id();
    *RUNNING_GROUP.lock().unwrap_or_else(PoisonError::into_inner) = Some(group);
    let stdout = Arc::new(Mutex::new(Vec::new()));
    let stderr = Arc::new(Mutex::new(Vec::new()));
    let readers = [
        drain(child.stdout.take(), Arc::clone(&stdout)),
        drain(child.stderr.take(), Arc::clone(&stderr)),
    ];
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() > limit => break None,
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => break None,
        }
    };
    if status.is_none() {
        kill_group(group);
        let _ = child.wait();
    }
    *RUNNING_GROUP.lock().unwrap_or_else(PoisonError::into_inner) = None;
    // The pipes close once every process of the group is gone; a process
    // that left the group and kept them open is not waited for long.
    let closing = Instant::now();
    while readers.iter().any(|reader| !reader.is_finished())
        && closing.elapsed() < Duration::from_secs(5)
    {
        std::thread::sleep(Duration::from_millis(10));
    }
    let text = |bytes: &Mutex<Vec<u8>>| {
        String::from_utf8_lossy(&bytes.lock().unwrap_or_else(PoisonError::into_inner))
            .into_owned()
    };
    let output = text(&stdout) + &text(&stderr);
    match status {
        Some(status) => Ended::Exited {
            output,
            success: status.success(),
        },
        None => Ended::TimedOut(output),
    }
}

fn drain(
    pipe: Option<impl std::io::Read + Send + 'static>,
    into: Arc<Mutex<Vec<u8>>>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let Some(mut pipe) = pipe else { return };
        let mut buffer = [0; 8192];
        while let Ok(read @ 1..) = pipe.read(&mut buffer) {
            into.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .extend_from_slice(&buffer[..read]);
        }
    })
}

/// Sends SIGKILL to every process of `group`, with the `kill` command
/// (a negative id names a group).
fn kill_group(group: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{group}")])
        .stderr(Stdio::null())
        .status();
}

/// Makes Ctrl-C (and SIGTERM, SIGHUP) stop the tests this program runs as
/// well as the program itself: the tests run in a process group of their
/// own, which a terminal's Ctrl-C does not reach. Exits with status 130.
pub fn stop_tests_on_signals() {
    use tokio::signal::unix::{SignalKind, signal};
    std::thread::spawn(|| {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .build()
        else {
            return;
        };
        runtime.block_on(async {
            let (Ok(mut interrupt), Ok(mut terminate), Ok(mut hangup)) = (
                signal(SignalKind::interrupt()),
                signal(SignalKind::terminate()),
                signal(SignalKind::hangup()),
            ) else {
                return;
            };
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
                _ = hangup.recv() => {}
            }
            if let Some(group) =
                *RUNNING_GROUP.lock().unwrap_or_else(PoisonError::into_inner)
            {
                kill_group(group);
            }
            std::process::exit(130);
        });
    });
}

/// The test names libtest's `--list` prints, `NAME: test`.
fn test_names(output: &str) -> Vec<String> {
    output
        .lines()
        .filter_map(|line| line.strip_suffix(": test"))
        .map(str::to_owned)
        .collect()
}

/// The `test NAME ... ok` and `test NAME ... FAILED` lines of libtest's
/// output, sorted by name.
pub fn test_results(output: &str) -> Vec<(String, bool)> {
    let mut results: Vec<(String, bool)> = output
        .lines()
        .filter_map(|line| {
            let (name, verdict) = line.strip_prefix("test ")?.rsplit_once(" ... ")?;
            match verdict.trim() {
                "ok" => Some((name.to_owned(), true)),
                "FAILED" => Some((name.to_owned(), false)),
                _ => None,
            }
        })
        .collect();
    results.sort();
    results.dedup();
    results
}

/// One line of the status table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub chapter: String,
    pub exercise: String,
    pub status: &'static str,
    /// `2 of 4 pass`, or empty when the tests did not run.
    pub tests: String,
    /// The tests of this exercise that were still running at the limit.
    pub hung: Vec<String>,
}

impl Row {
    pub fn is_done(&self) -> bool {
        self.status == "done"
    }
}

/// Which exercise a test checks: the one its name starts with (as a
/// module, `name::`, or a prefix, `name_`), the only one, or none.
fn exercise_of<'a>(test: &str, exercises: &'a [String]) -> Option<&'a str> {
    if let [only] = exercises {
        return Some(only);
    }
    exercises
        .iter()
        .find(|exercise| {
            test.strip_prefix(exercise.as_str())
                .is_some_and(|rest| rest.starts_with("::") || rest.starts_with('_'))
        })
        .map(String::as_str)
}

/// The rows for one chapter, from what its tests gave.
pub fn rows(chapter: &Chapter, run: &TestRun) -> Vec<Row> {
    let row = |exercise: &str, status, tests: String| Row {
        chapter: chapter.name.clone(),
        exercise: exercise.to_owned(),
        status,
        tests,
        hung: Vec::new(),
    };
    let (results, hung): (&[(String, bool)], &[String]) = match run {
        TestRun::Ran(results) => (results, &[]),
        TestRun::TimedOut { finished, hung } => (finished, hung),
        TestRun::DoesNotBuild => {
            let names = if chapter.exercises.is_empty() {
                vec!["exercises".to_owned()]
            } else {
                chapter.exercises.clone()
            };
            return names
                .iter()
                .map(|name| row(name, "does not build", String::new()))
                .collect();
        }
    };
    // Each exercise's outcomes: passed or not, and the tests that hung.
    let mut groups: Vec<(String, Vec<bool>, Vec<String>)> = chapter
        .exercises
        .iter()
        .map(|exercise| (exercise.clone(), Vec::new(), Vec::new()))
        .collect();
    let outcomes = results
        .iter()
        .map(|(test, passed)| (test, Some(*passed)))
        .chain(hung.iter().map(|test| (test, None)));
    for (test, outcome) in outcomes {
        let name = exercise_of(test, &chapter.exercises).unwrap_or(test);
        let index = groups
            .iter()
            .position(|(group, ..)| group == name)
            .unwrap_or_else(|| {
                groups.push((name.to_owned(), Vec::new(), Vec::new()));
                groups.len() - 1
            });
        match outcome {
            Some(passed) => groups[index].1.push(passed),
            None => groups[index].2.push(test.clone()),
        }
    }
    groups
        .into_iter()
        .map(|(name, outcomes, hung)| {
            let passed = outcomes.iter().filter(|passed| **passed).count();
            let total = outcomes.len() + hung.len();
            let status = if !hung.is_empty() {
                "timed out"
            } else if !outcomes.is_empty() && passed == outcomes.len() {
                "done"
            } else {
                "not yet"
            };
            let mut tests = format!("{passed} of {total} pass");
            if !hung.is_empty() {
                let _ = write!(tests, ", {} hung", hung.len());
            }
            Row {
                hung,
                ..row(&name, status, tests)
            }
        })
        .collect()
}

/// The table, its tally, and what to do next.
pub fn report(rows: &[Row]) -> String {
    let headings = Row {
        chapter: "chapter".into(),
        exercise: "exercise".into(),
        status: "status",
        tests: "tests".into(),
        hung: Vec::new(),
    };
    let width = |field: fn(&Row) -> &str| {
        rows.iter()
            .chain([&headings])
            .map(|row| field(row).len())
            .max()
            .unwrap_or(0)
    };
    let widths = [
        width(|row| &row.chapter),
        width(|row| &row.exercise),
        width(|row| row.status),
    ];
    let mut text = String::new();
    for row in [&headings].into_iter().chain(rows) {
        let line = format!(
            "{:w0$}  {:w1$}  {:w2$}  {}",
            row.chapter,
            row.exercise,
            row.status,
            row.tests,
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
        );
        let _ = writeln!(text, "{}", line.trim_end());
    }
    let done = rows.iter().filter(|row| row.is_done()).count();
    let _ = writeln!(text, "\n{done} of {} exercises done.", rows.len());
    for row in rows.iter().filter(|row| !row.hung.is_empty()) {
        let _ = writeln!(
            text,
            "Timed out (stopped after {} s): {}\n  \
             Does a loop in workspace/{}/exercises/{}.rs never end,\n  \
             or a wait never get woken?",
            TEST_RUN_LIMIT.as_secs(),
            row.hung.join(", "),
            row.chapter,
            row.exercise
        );
    }
    if let Some(next) = rows.iter().find(|row| !row.is_done()) {
        let _ = writeln!(
            text,
            "Next: edit workspace/{0}/exercises/{1}.rs, then check it with\n  \
             cargo test -p {0} --test exercises",
            next.chapter, next.exercise
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chapter(name: &str, exercises: &[&str]) -> Chapter {
        Chapter {
            name: name.into(),
            exercises: exercises.iter().map(|e| (*e).to_owned()).collect(),
        }
    }

    fn ran(results: &[(&str, bool)]) -> TestRun {
        TestRun::Ran(
            results
                .iter()
                .map(|(name, passed)| ((*name).to_owned(), *passed))
                .collect(),
        )
    }

    #[test]
    fn reads_libtests_verdicts() {
        let output = "\nrunning 3 tests\ntest b_two ... FAILED\ntest a::one ... ok\n\
                      test c ... ignored\n---- b_two stdout ----\n\
                      test result: FAILED. 1 passed; 1 failed\n";
        assert_eq!(
            test_results(output),
            [("a::one".to_owned(), true), ("b_two".to_owned(), false)]
        );
    }

    #[test]
    fn groups_tests_by_the_exercise_they_name() {
        let rules = chapter("rules", &["ready_after", "unblock"]);
        let run = ran(&[
            ("ready_after_is_ready", true),
            ("ready_after_wakes", true),
            ("unblock::fetch_all_in_order", true),
            ("unblock::fetch_all_concurrently", false),
            ("something_else", true),
        ]);
        let found: Vec<(String, &str, String)> = rows(&rules, &run)
            .into_iter()
            .map(|row| (row.exercise, row.status, row.tests))
            .collect();
        assert_eq!(
            found,
            [
                ("ready_after".into(), "done", "2 of 2 pass".into()),
                ("unblock".into(), "not yet", "1 of 2 pass".into()),
                ("something_else".into(), "done", "1 of 1 pass".into()),
            ]
        );
    }

    #[test]
    fn a_single_exercise_owns_every_test_and_an_untested_one_is_not_done() {
        let concepts = chapter("concepts", &["countdown"]);
        let rows_found = rows(&concepts, &ran(&[("two_overlap", true), ("one", true)]));
        assert_eq!(rows_found.len(), 1);
        assert!(rows_found[0].is_done());
        let untested = rows(&chapter("x", &["a", "b"]), &ran(&[("a_works", true)]));
        assert_eq!(untested[1].status, "not yet");
        assert_eq!(untested[1].tests, "0 of 0 pass");
    }

    #[test]
    fn a_chapter_that_does_not_build_shows_every_exercise_so() {
        let found = rows(&chapter("rules", &["a", "b"]), &TestRun::DoesNotBuild);
        assert!(found.iter().all(|row| row.status == "does not build"));
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn the_report_lines_up_and_says_what_to_do_next() {
        let rows_found = rows(
            &chapter("rules", &["ready_after", "unblock"]),
            &ran(&[("ready_after_x", true), ("unblock_y", false)]),
        );
        let text = report(&rows_found);
        assert_eq!(
            text,
            "chapter  exercise     status   tests\n\
             rules    ready_after  done     1 of 1 pass\n\
             rules    unblock      not yet  0 of 1 pass\n\
             \n\
             1 of 2 exercises done.\n\
             Next: edit workspace/rules/exercises/unblock.rs, then check it with\n  \
             cargo test -p rules --test exercises\n"
        );
    }

    #[test]
    fn a_hung_test_marks_its_exercise_timed_out_and_the_report_names_it() {
        let chapter = chapter("rules", &["ready_after", "unblock"]);
        let run = TestRun::TimedOut {
            finished: vec![("ready_after_x".to_owned(), true)],
            hung: vec!["unblock_y".to_owned()],
        };
        let found = rows(&chapter, &run);
        assert_eq!(found[0].status, "done");
        assert_eq!(found[1].status, "timed out");
        assert_eq!(found[1].tests, "0 of 1 pass, 1 hung");
        assert_eq!(found[1].hung, ["unblock_y"]);
        let text = report(&found);
        assert!(
            text.contains(
                "Timed out (stopped after 60 s): unblock_y\n  \
                 Does a loop in workspace/rules/exercises/unblock.rs never end,\n"
            ),
            "{text}"
        );
    }

    /// Whether `pid` still runs: it exists and is not a zombie waiting to be
    /// reaped (a container's init may never reap the orphans it is handed).
    fn is_running(pid: &str) -> bool {
        std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
            stat.rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().next())
                .is_some_and(|state| state != "Z" && state != "X")
        })
    }

    /// A chapter of two exercises, one of whose tests never ends, built as
    /// a crate of its own: the run stops at the limit, the test binary is
    /// killed with cargo, and the hung exercise is named.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_test_that_never_ends_is_stopped_at_the_limit_with_everything_it_started() {
        let root = std::env::var_os("CARGO_TARGET_DIR")
            .map_or_else(
                || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"),
                PathBuf::from,
            )
            .join(format!("exercise-status-{}", std::process::id()));
        let crate_dir = root.join("workspace/hangs");
        std::fs::create_dir_all(crate_dir.join("exercises")).unwrap();
        std::fs::create_dir_all(crate_dir.join("tests")).unwrap();
        std::fs::write(
            root.join("Cargo.toml"),
            "[workspace]\nresolver = \"3\"\nmembers = [\"workspace/hangs\"]\n",
        )
        .unwrap();
        std::fs::write(crate_dir.join("src.rs"), "").unwrap();
        std::fs::write(crate_dir.join("exercises/quick.rs"), "").unwrap();
        std::fs::write(crate_dir.join("exercises/forever.rs"), "").unwrap();
        let pid_file = root.join("pid");
        std::fs::write(
            crate_dir.join("tests/exercises.rs"),
            format!(
                "#[test]\nfn quick_passes() {{}}\n\n\
                 #[test]\nfn forever_counts_down() {{\n    \
                 std::fs::write({pid_file:?}, std::process::id().to_string()).unwrap();\n    \
                 loop {{ std::thread::sleep(std::time::Duration::from_millis(10)); }}\n}}\n"
            ),
        )
        .unwrap();
        std::fs::write(
            crate_dir.join("Cargo.toml"),
            "[package]\nname = \"hangs\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\
             [lib]\npath = \"src.rs\"\n",
        )
        .unwrap();

        let found = chapters(&root);
        assert_eq!(found.len(), 1);
        // Ten seconds is a hundred times what the quick test needs once
        // built, loaded machine or not; the build is not timed.
        let limit = Duration::from_secs(10);
        let run = run_tests_within(&root, "hangs", limit, Some(&root.join("target")));
        assert_eq!(
            run,
            TestRun::TimedOut {
                finished: vec![("quick_passes".to_owned(), true)],
                hung: vec!["forever_counts_down".to_owned()],
            }
        );
        let table = rows(&found[0], &run);
        let statuses: Vec<(&str, &str)> = table
            .iter()
            .map(|row| (row.exercise.as_str(), row.status))
            .collect();
        assert_eq!(statuses, [("forever", "timed out"), ("quick", "done")]);
        assert!(report(&table).contains("workspace/hangs/exercises/forever.rs"));

        // The test binary, cargo's child, was killed with it.
        let pid = std::fs::read_to_string(&pid_file).unwrap();
        let killed = Instant::now();
        while is_running(&pid) {
            assert!(
                killed.elapsed() < Duration::from_secs(10),
                "the hung test binary {pid} still runs"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn finds_the_courses_chapters_with_exercises() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let found = chapters(&root);
        let concepts = found.iter().find(|c| c.name == "concepts").unwrap();
        assert_eq!(concepts.exercises, ["countdown"]);
        assert!(
            found
                .iter()
                .all(|c| c.name != "support" && c.name != "course-checks")
        );
    }
}
