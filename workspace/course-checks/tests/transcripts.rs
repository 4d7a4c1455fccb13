//! course-checks' own program answers `--help` like every binary of the course.
//!
//! Its output is shown on the book's exercises page and checked by
//! `CI=true ci/check`, which runs it on the untouched starters: run here, it
//! would depend on which exercises you have solved.

#[test]
fn the_checks_binaries_answer_help() {
    course_checks::check_transcripts!("exercises");
}
