//! Every exercise of the course, done or not yet: `cargo run -p course-checks --bin exercises`.

use std::io::IsTerminal;
use std::path::Path;

use clap::Parser;
use course_checks::exercises::{
    chapters, report, rows, run_tests, stop_tests_on_signals,
};

/// List every exercise of the course with its status: done when all of its tests pass on
/// your code.
///
/// It runs `cargo test -p CHAPTER --test exercises` for each chapter that has exercises, as
/// you would, so the first run compiles them; a chapter whose code does not compile shows
/// as "does not build" (run that command to see why).
#[derive(Debug, Parser)]
#[command(name = "exercises", version, max_term_width = 80)]
struct Cli {}

fn main() {
    let _cli = Cli::parse();
    stop_tests_on_signals();
    // This crate lives in <root>/workspace/course-checks.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let show_progress = std::io::stderr().is_terminal();
    let mut table = Vec::new();
    for chapter in chapters(&root) {
        if show_progress {
            eprintln!("testing the {} exercises...", chapter.name);
        }
        table.extend(rows(&chapter, &run_tests(&root, &chapter.name)));
    }
    print!("{}", report(&table));
}
