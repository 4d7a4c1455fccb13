//! Solution: one big job, split across threads.

use std::ops::Range;

// ANCHOR: solution
/// The sum of `i * i` for every `i` below `limit`, computed on `threads`
/// threads (at least 1) at once.
///
/// Split `0..limit` into `threads` ranges, one per thread, whose lengths
/// differ by at most one; have each thread compute its part by calling
/// `sum_range` on its range; add up the parts. Every `i` below `limit` must
/// be in exactly one range.
pub fn split_sum(
    limit: u64,
    threads: usize,
    sum_range: impl Fn(Range<u64>) -> u128 + Sync,
) -> u128 {
    let parts = threads as u64;
    // 10 split 3 ways is 4 + 3 + 3: every range gets `base`, and the first
    // `extra` ranges one more.
    let (base, extra) = (limit / parts, limit % parts);
    let mut start = 0;
    let ranges: Vec<Range<u64>> = (0..parts)
        .map(|part| {
            let length = base + u64::from(part < extra);
            let range = start..start + length;
            start = range.end;
            range
        })
        .collect();

    // Each thread borrows `sum_range`; the scope joins them all before it
    // returns, which is what lets a plain reference cross into the threads.
    let sum_range = &sum_range;
    std::thread::scope(|scope| {
        let handles: Vec<_> = ranges
            .into_iter()
            .map(|range| scope.spawn(move || sum_range(range)))
            .collect();
        // Spawn every thread first, then join: joining inside the same
        // `map` would wait for each thread before starting the next.
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a part does not panic"))
            .sum()
    })
}
// ANCHOR_END: solution
