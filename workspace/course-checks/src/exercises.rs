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

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// A chapter's tests that run longer than this are taken as hung: a
/// learner's loop that never ends, say.
const TEST_RUN_LIMIT: Duration = Duration::from_secs(600);

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
    /// The tests ran longer than the limit and were stopped.
    TimedOut,
}

/// Runs `cargo test -p CRATE --test exercises` in `root`, on the code as
/// it is (no `--features solutions`).
pub fn run_tests(root: &Path, chapter: &str) -> TestRun {
    // Run from `cargo run`, CARGO names the cargo that built this program.
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.current_dir(root).args([
        "test",
        "-p",
        chapter,
        "--test",
        "exercises",
        "--no-fail-fast",
    ]);
    match crate::transcript::run(command, TEST_RUN_LIMIT) {
        Err(message) if message.contains("ran for more than") => TestRun::TimedOut,
        Err(_) => TestRun::DoesNotBuild,
        Ok((output, _)) => {
            let results = test_results(&output);
            if results.is_empty() && !output.contains("test result:") {
                TestRun::DoesNotBuild
            } else {
                TestRun::Ran(results)
            }
        }
    }
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
    };
    let results = match run {
        TestRun::Ran(results) => results,
        TestRun::DoesNotBuild | TestRun::TimedOut => {
            let status = if *run == TestRun::TimedOut {
                "timed out"
            } else {
                "does not build"
            };
            let names = if chapter.exercises.is_empty() {
                vec!["exercises".to_owned()]
            } else {
                chapter.exercises.clone()
            };
            return names
                .iter()
                .map(|name| row(name, status, String::new()))
                .collect();
        }
    };
    let mut groups: Vec<(String, Vec<bool>)> = chapter
        .exercises
        .iter()
        .map(|exercise| (exercise.clone(), Vec::new()))
        .collect();
    for (test, passed) in results {
        let name = exercise_of(test, &chapter.exercises).unwrap_or(test);
        match groups.iter_mut().find(|(group, _)| group == name) {
            Some((_, outcomes)) => outcomes.push(*passed),
            None => groups.push((name.to_owned(), vec![*passed])),
        }
    }
    groups
        .into_iter()
        .map(|(name, outcomes)| {
            let passed = outcomes.iter().filter(|passed| **passed).count();
            let status = if !outcomes.is_empty() && passed == outcomes.len() {
                "done"
            } else {
                "not yet"
            };
            row(
                &name,
                status,
                format!("{passed} of {} pass", outcomes.len()),
            )
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
