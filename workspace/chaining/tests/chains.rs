//! The chapter's complete program, `src/bin/chains.rs`, on tokio's paused
//! clock: the program is what a reader pastes into a new project, so it runs
//! on the real clock, and these tests prove its times exactly without
//! waiting for them.

// The program's functions are private to it, as in a reader's main.rs;
// including the file makes them this test's own. Its `main` is not called.
#![allow(dead_code)]
include!("../src/bin/chains.rs");

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Runs `chains` and returns their results and the total time.
async fn timed_run(chains: &[(u32, u64, u64)]) -> (Vec<(String, Duration)>, Duration) {
    let started = Instant::now();
    let results = run_chains(chains).await;
    (results, started.elapsed())
}

#[tokio::test(start_paused = true)]
async fn each_part2_gets_its_own_part1s_result() {
    let (results, _) = timed_run(&CHAINS).await;
    let results: Vec<&str> =
        results.iter().map(|(result, _)| result.as_str()).collect();
    assert_eq!(
        results,
        [
            "result1-2 derived from result1-1",
            "result2-2 derived from result2-1",
            "result3-2 derived from result3-1",
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn a_chain_takes_its_two_parts_one_after_the_other() {
    let (_, took) = chain(1, 400, 700).await;
    assert_eq!(took, ms(400 + 700), "part2 starts when part1 has returned");
}

#[tokio::test(start_paused = true)]
async fn the_total_is_the_longest_chain_not_the_sum() {
    for chains in [
        &CHAINS[..],
        &[(9, 200, 0), (6, 0, 600), (3, 300, 300)],
        &[(1, 100, 100), (2, 50, 50), (3, 0, 0), (4, 10, 20)],
    ] {
        let (results, total) = timed_run(chains).await;
        // Every chain took its own two waits, even while the others ran.
        let took: Vec<Duration> = results.iter().map(|(_, took)| *took).collect();
        let own: Vec<Duration> = chains.iter().map(|&(_, a, b)| ms(a + b)).collect();
        assert_eq!(took, own, "chains {chains:?}");
        let longest = own.iter().max().copied().unwrap_or_default();
        let sum: Duration = own.iter().sum();
        assert_eq!(total, longest, "chains {chains:?}: they should overlap");
        assert!(total < sum, "chains {chains:?}");
    }
}

#[tokio::test(start_paused = true)]
async fn the_programs_chains_take_1_1_seconds_not_2_4() {
    let (results, total) = timed_run(&CHAINS).await;
    assert_eq!(total, ms(1100));
    let sum: Duration = results.iter().map(|(_, took)| *took).sum();
    assert_eq!(sum, ms(2400));
}
