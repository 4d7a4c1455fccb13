//! support's own program answers `--help` like every binary of the course.
//!
//! Its output is shown on the book's exercises page and checked by
//! `CI=true ci/check`, which runs it on the untouched starters: run here, it
//! would depend on which exercises you have solved.

#[test]
fn the_support_binaries_answer_help() {
    support::check_transcripts!("exercises");
}
