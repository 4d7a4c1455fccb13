//! Every output block in the multiprocessing chapter is what these programs print.

#[test]
fn the_books_transcripts_match_the_programs() {
    course_checks::check_transcripts!(
        "cpu-bound", "process-pool", "cpu-on-every-core";
        course_checks::transcript::Options {
            // A reader's program, on the real clock: its two times and the
            // number of cores differ from machine to machine and run to run.
            // tests/cpu_on_every_core.rs proves the sums and that the
            // blocking threads leave the event loop free.
            in_shape: &["cpu-on-every-core"],
            ..Default::default()
        }
    );
}
