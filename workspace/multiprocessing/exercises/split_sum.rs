//! Exercise: one big job, split across threads.
//!
//! Page: "Exercises", section "Exercise 1: one job, many threads".

use std::ops::Range;

// ANCHOR: starter
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
    todo!("split 0..limit into ranges and sum them on scoped threads")
}
// ANCHOR_END: starter
