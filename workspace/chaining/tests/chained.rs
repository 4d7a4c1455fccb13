//! chained reproduces the notes' run, and takes as long as its longest chain.

use std::time::Duration;

use chaining::chained;
use support::clock::{smol_sleep, timed};
use support::{Activity, Console, Timeline};

/// The notes' transcript for `random.seed(444)` and chains 1 2 3, line for
/// line. (The notes' real-time run printed 11.01 s for chain 1 and the total;
/// the paused clock gives the exact 11.00.)
const SEED_444: [&str; 15] = [
    "part1(1) sleeping for 4 seconds.",
    "part1(2) sleeping for 4 seconds.",
    "part1(3) sleeping for 0 seconds.",
    "Returning part1(3) == result3-1.",
    "part2(3, 'result3-1') sleeping for 4 seconds.",
    "Returning part1(1) == result1-1.",
    "part2(1, 'result1-1') sleeping for 7 seconds.",
    "Returning part1(2) == result2-1.",
    "part2(2, 'result2-1') sleeping for 4 seconds.",
    "Returning part2(3, 'result3-1') == result3-2 derived from result3-1.",
    "-->Chained result3 => result3-2 derived from result3-1 (took 4.00 seconds).",
    "Returning part2(2, 'result2-1') == result2-2 derived from result2-1.",
    "-->Chained result2 => result2-2 derived from result2-1 (took 8.00 seconds).",
    "Returning part2(1, 'result1-1') == result1-2 derived from result1-1.",
    "-->Chained result1 => result1-2 derived from result1-1 (took 11.00 seconds).",
];

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

#[tokio::test(start_paused = true)]
async fn seed_444_prints_the_notes_transcript() {
    let console = Console::recorder();
    let (took, total) = timed(chained::run_on_tokio(
        &[1, 2, 3],
        444,
        &console,
        &Timeline::off(),
    ))
    .await;
    assert_eq!(console.lines(), SEED_444);
    assert_eq!(took, [secs(11), secs(8), secs(4)]);
    assert_eq!(total, secs(11));
}

#[tokio::test(start_paused = true)]
async fn the_total_is_the_longest_chain_not_the_sum() {
    for seed in 0..200 {
        for ids in [&[1, 2, 3][..], &[9, 6, 3], &[1, 2, 3, 4, 5, 6, 7, 8]] {
            let console = Console::recorder();
            let (took, total) =
                timed(chained::run_on_tokio(ids, seed, &console, &Timeline::off()))
                    .await;
            let longest = took.iter().max().copied().unwrap_or_default();
            let sum: Duration = took.iter().sum();
            assert_eq!(total, longest, "seed {seed}, chains {ids:?}");
            // Two chains that both waited make the sum strictly larger.
            if took.iter().filter(|d| !d.is_zero()).count() >= 2 {
                assert!(total < sum, "seed {seed}, chains {ids:?}");
            }
            // Every chain printed its five lines.
            assert_eq!(console.lines().len(), 5 * ids.len());
        }
    }
}

#[tokio::test(start_paused = true)]
async fn each_chain_takes_its_two_waits_in_sequence() {
    let console = Console::recorder();
    let took = chained::run_on_tokio(&[9, 6, 3], 444, &console, &Timeline::off()).await;
    let lines = console.lines();
    for (chain, took) in [9, 6, 3].into_iter().zip(took) {
        let waited: u64 = lines
            .iter()
            .filter(|line| {
                line.starts_with(&format!("part1({chain})"))
                    || line.starts_with(&format!("part2({chain},"))
            })
            .map(|line| wait_in(line))
            .sum();
        assert_eq!(took, secs(waited), "chain {chain}");
    }
}

/// `part1(1) sleeping for 4 seconds.` -> 4
fn wait_in(line: &str) -> u64 {
    let after = line.split("sleeping for ").nth(1).expect("a sleeping line");
    after.split(' ').next().unwrap().parse().unwrap()
}

#[test]
fn smol_prints_the_same_lines_in_the_same_order() {
    let tokio_console = Console::recorder();
    support::clock::block_on_tokio(
        support::ClockMode::Virtual,
        chained::run_on_tokio(&[1, 2, 3], 444, &tokio_console, &Timeline::off()),
    )
    .unwrap();

    // smol has no paused clock: shrink every second to 10 ms of real time.
    let smol_console = Console::recorder();
    chained::run_on_smol(&[1, 2, 3], 444, &smol_console, &Timeline::off(), |d| {
        smol_sleep(d / 100)
    });
    let without_timing = |lines: Vec<String>| -> Vec<String> {
        lines
            .into_iter()
            .map(|line| line.split(" (took").next().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(
        without_timing(smol_console.lines()),
        without_timing(tokio_console.lines())
    );
}

#[tokio::test(start_paused = true)]
async fn the_timeline_shows_each_part2_starting_where_its_part1_ends() {
    let timeline = Timeline::recording();
    chained::run_on_tokio(&[1, 2, 3], 444, &Console::recorder(), &timeline).await;
    let spans: Vec<(String, Activity, Duration, Duration)> = timeline
        .spans()
        .into_iter()
        .map(|span| (span.lane, span.activity, span.start, span.end))
        .collect();
    let sleeping = |lane: &str, from: u64, to: u64| {
        (lane.to_owned(), Activity::Sleeping, secs(from), secs(to))
    };
    // (Chain 3's part1 waits 0 s: a span of no length, at 0 s.)
    for expected in [
        sleeping("chain 1: part1", 0, 4),
        sleeping("chain 1: part2", 4, 11),
        sleeping("chain 2: part1", 0, 4),
        sleeping("chain 2: part2", 4, 8),
        sleeping("chain 3: part2", 0, 4),
    ] {
        assert!(spans.contains(&expected), "{expected:?} not in {spans:#?}");
    }
}
