// CPU-bound work beside an event loop: four sums, first one after another in
// one async task, then on tokio's blocking threads, all at once.
//
// A complete program: in a new project (`cargo new cpu-on-every-core`), put
// this in src/main.rs, add tokio with `cargo add tokio --features full`, and
// `cargo run`. It prints the four sums, and how long each way took.

use std::hint::black_box;
use std::time::Instant;

/// The jobs: the sum of `i * i` below each of these limits.
const LIMITS: [u64; 4] = [10_000_000, 10_000_001, 10_000_002, 10_000_003];

/// The sum of `i * i` for every `i` below `limit`: work that never waits.
fn sum_of_squares_below(limit: u64) -> u128 {
    // A u128: past a limit of about 3.8 million the sum outgrows a u64, and
    // Rust's integers do not grow on their own as Python's do.
    let mut total: u128 = 0;
    for i in 0..limit {
        // `black_box` hides `i` from the optimiser, which would otherwise
        // replace the loop with the closed formula and do no work at all.
        let i = u128::from(black_box(i));
        total += i * i;
    }
    total
}

/// Every job in turn. Called from a task, it computes inside that task with
/// no `.await`, so until the last sum is done the event loop runs nothing else.
fn one_after_another(limits: &[u64]) -> Vec<u128> {
    limits.iter().map(|&n| sum_of_squares_below(n)).collect()
}

/// Every job on a thread of tokio's blocking pool, like `asyncio.to_thread`.
/// Rust has no GIL: the threads compute in parallel, as many as there are cores.
async fn on_blocking_threads(limits: &[u64]) -> Vec<u128> {
    // Start them all first, so that they all run while we wait...
    let jobs: Vec<_> = limits
        .iter()
        .map(|&limit| tokio::task::spawn_blocking(move || sum_of_squares_below(limit)))
        .collect();
    // ...then collect the sums in job order. Awaiting a handle only waits,
    // so the event loop's thread stays free for other tasks meanwhile.
    let mut sums = Vec::new();
    for job in jobs {
        sums.push(job.await.expect("a sum does not panic"));
    }
    sums
}

// `current_thread`: the event loop has one thread, as in asyncio, so a task
// that computes holds up all the others. spawn_blocking's threads are extra.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let started = Instant::now();
    let in_turn = one_after_another(&LIMITS);
    let in_turn_time = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let at_once = on_blocking_threads(&LIMITS).await;
    let at_once_time = started.elapsed().as_secs_f64();
    // The same jobs give the same sums, exactly: only the times may differ.
    assert_eq!(in_turn, at_once, "the two ways disagree");
    for (limit, sum) in LIMITS.iter().zip(&in_turn) {
        println!("sum of squares below {limit}: {sum}");
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!("the same sums both ways, on a machine with {cores} core(s):");
    println!("  one after another, in one task: {in_turn_time:.2} s");
    println!("  on blocking threads, at once:   {at_once_time:.2} s");
}
