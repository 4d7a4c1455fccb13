//! Every output block in the concepts chapter is what these programs print.

#[test]
fn the_books_transcripts_match_the_programs() {
    course_checks::check_transcripts!(
        "countsync", "countasync", "chess", "turns", "hello-async", "countdown";
        course_checks::transcript::Options {
            // On the real clock, where `1.00 seconds` may be `1.01`: a
            // reader's complete program (tests/hello_async.rs proves its
            // second exactly), and blocking sleeps, which no clock can
            // skip (tests/count.rs holds their bounds).
            in_shape: &["hello-async", "countsync", "countsync-two-sleeps"],
            ..Default::default()
        }
    );
}
