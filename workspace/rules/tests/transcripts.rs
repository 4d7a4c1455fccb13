//! Every output block in the rules chapter is what these programs print.

#[test]
fn the_books_transcripts_match_the_programs() {
    support::check_transcripts!(
        "awaitables",
        "blocking",
        "lazy",
        "makerandom",
        "mygen",
        "state-machine",
        "mini-executor"
    );
}
