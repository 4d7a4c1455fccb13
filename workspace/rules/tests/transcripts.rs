//! Every output block in the rules chapter is what these programs print.

#[test]
fn the_books_transcripts_match_the_programs() {
    course_checks::check_transcripts!(
        "awaitables",
        "blocking",
        "lazy",
        "makerandom",
        "mygen",
        "state-machine",
        "mini-executor",
        "rules-in-brief",
        "unblock";
        course_checks::transcript::Options {
            in_shape: &[
                // Real threads on the real clock: the seconds, and which
                // pool thread wakes first, are the machine's. The order of
                // the lines and the bounds on the time are tests/blocking.rs's.
                "blocking",
                "blocking-async",
                "blocking-spawn-blocking",
                // The chapter's complete program, a reader's main.rs on the
                // real clock: `0.60 s` may be `0.61`. tests/rules_in_brief.rs
                // proves the times on the paused clock, and the blocking
                // sleep by the order the tasks finish in.
                "rules-in-brief",
                // Future sizes are this compiler's choice; the relations
                // between them are tests/state_machine.rs's.
                "state-machine",
            ],
            ..Default::default()
        }
    );
}
