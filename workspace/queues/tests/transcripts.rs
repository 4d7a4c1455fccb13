//! Every output block in the queues chapter is what these programs print.

#[test]
fn the_books_transcripts_match_the_programs() {
    course_checks::check_transcripts!(
        "asyncq", "backpressure", "producers-consumers";
        course_checks::transcript::Options {
            // A reader's program, on the real clock: `0.30 s` may be `0.31`.
            // tests/producers_consumers.rs proves the times exactly.
            in_shape: &["producers-consumers"],
            ..Default::default()
        }
    );
}
