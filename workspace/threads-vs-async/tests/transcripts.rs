//! Every output block in the threads-vs-async chapter is what these programs print.

#[test]
fn the_books_transcripts_match_the_programs() {
    course_checks::check_transcripts!(
        // Scale and race conditions.
        "race",
        "scale",
        // The HTTP part.
        "areq",
        "downloads",
        "fetch-files",
        "serve-pages",
        // The chapter's opening program.
        "many-waits";
        course_checks::transcript::Options {
            // A reader's program, on the real clock and a port the system
            // picks: `0.21 s` may be `0.20`. tests/many_waits.rs proves the
            // replies and the overlap.
            in_shape: &["many-waits"],
            skip: needs_more_than_this_machine_has,
        }
    );
}

/// The transcripts that start many threads or much memory at once, and
/// what they need: on a machine with less, the program would print a
/// different report (a row that stops at the limit), not a wrong one.
fn needs_more_than_this_machine_has(transcript: &str) -> Option<String> {
    use support::machine::{too_few_threads, too_little_memory};
    match transcript {
        // 10,000 threads, one child process per kind.
        "scale" => too_few_threads(10_000),
        // A million tasks on each runtime: about 0.5 GB at the peak.
        "scale-million" => too_little_memory(2 << 30),
        // A thousand threads at a time (race::BATCH).
        "race" | "race-load-store" => too_few_threads(1_000),
        _ => None,
    }
}
