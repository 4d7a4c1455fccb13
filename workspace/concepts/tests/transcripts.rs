//! Every output block in the concepts chapter is what these programs print.

#[test]
fn the_books_transcripts_match_the_programs() {
    support::check_transcripts!(
        "countsync", "countasync", "chess", "turns", "hello-async", "countdown";
        support::transcript::Options {
            // A reader's program, on the real clock: `1.00 seconds` may be
            // `1.01`. tests/hello_async.rs proves the second exactly.
            in_shape: &["hello-async"],
            ..Default::default()
        }
    );
}
