//! Every output block in the chaining chapter is what these programs print.

#[test]
fn the_books_transcripts_match_the_programs() {
    course_checks::check_transcripts!(
        "chained", "toolbox", "chains";
        course_checks::transcript::Options {
            // The chapter's complete program, a reader's main.rs on the real
            // clock: `1.10 s` may be `1.11`. tests/chains.rs proves the
            // times exactly on the paused clock.
            in_shape: &["chains"],
            ..Default::default()
        }
    );
}
