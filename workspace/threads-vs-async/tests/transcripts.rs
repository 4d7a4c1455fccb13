//! Every output block in the threads-vs-async chapter is what these programs print.

#[test]
fn the_books_transcripts_match_the_programs() {
    support::check_transcripts!(
        // Scale and race conditions.
        "race",
        "scale",
        // The HTTP part.
        "areq",
        "downloads",
        "fetch-files",
        "serve-pages",
    );
}
