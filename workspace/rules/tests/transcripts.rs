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
        "mini-executor";
        support::transcript::Options {
            in_shape: &[
                // Real threads on the real clock: the seconds, and which
                // pool thread wakes first, are the machine's. The order of
                // the lines and the bounds on the time are tests/blocking.rs's.
                "blocking",
                "blocking-async",
                "blocking-spawn-blocking",
                // Future sizes are this compiler's choice; the relations
                // between them are tests/state_machine.rs's.
                "state-machine",
            ],
            ..Default::default()
        }
    );
}
