//! Every output block in the multiprocessing chapter is what these programs print.

#[test]
fn the_books_transcripts_match_the_programs() {
    support::check_transcripts!("cpu-bound", "process-pool");
}
