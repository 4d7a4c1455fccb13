//! `workload`: the CPU-bound job every version of this chapter runs.
//!
//! Real Python's concurrency article times one function on twenty numbers:
//! the sum of `i * i` for every `i` below `5_000_000 + x`, for `x` from 0
//! to 19. No waiting, no files, no network: a tight loop that keeps one core
//! busy from start to finish, the definition of CPU-bound.

use std::hint::black_box;
use std::ops::Range;

/// The article's numbers: the loop runs below `5_000_000 + x`.
pub const ARTICLE_SIZE: u64 = 5_000_000;

/// The article's count: twenty values of `x`.
pub const ARTICLE_JOBS: usize = 20;

/// The largest `--size` the programs accept: a job of a second or so.
pub const MAX_SIZE: u64 = 100_000_000;

/// The most jobs the programs accept.
pub const MAX_JOBS: usize = 1000;

/// The largest limit a job can have, `MAX_SIZE + x` for the last `x`, and
/// so the largest a worker accepts.
pub const MAX_LIMIT: u64 = MAX_SIZE + MAX_JOBS as u64;

// ANCHOR: sum_of_squares
/// The sum of `i * i` for every `i` below `limit`: one CPU-bound job.
///
/// The total passes `u64::MAX` once `limit` is a few million (the sum for
/// 5,000,000 is about 4.2e19), so it is kept in a `u128`, which has room up to
/// limits near 1.0e13: the sum below `n` is about n^3 / 3, and `u128::MAX` is
/// about 3.4e38.
pub fn sum_of_squares_below(limit: u64) -> u128 {
    sum_of_squares_in(0..limit)
}

/// The sum of `i * i` for every `i` in `range`: part of a job.
// Never inlined, so that every way of running the jobs runs this one
// compiled loop: inlined into each caller, it could be optimised a little
// differently in each, and the table would compare code generation, not
// ways of running work.
#[inline(never)]
pub fn sum_of_squares_in(range: Range<u64>) -> u128 {
    let mut total: u128 = 0;
    for i in range {
        // `black_box` hides `i` from the optimiser. Without it, LLVM spots
        // the pattern and replaces the whole loop with the closed formula
        // n(n-1)(2n-1)/6: the "CPU-bound" job would take no time at all, and
        // there would be nothing to measure.
        let i = u128::from(black_box(i));
        total += i * i;
    }
    total
}
// ANCHOR_END: sum_of_squares

/// The limits of the article's workload, resized: `size + x` for `x` in `0..jobs`.
pub fn limits(size: u64, jobs: usize) -> Vec<u64> {
    (0..jobs as u64).map(|x| size + x).collect()
}

/// The sum of all the results: one number to compare between runs and ways.
pub fn total(results: &[u128]) -> u128 {
    results.iter().sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_closed_formula() {
        for limit in [0_u64, 1, 2, 3, 10, 1000, 5_000_000] {
            let n = u128::from(limit);
            let formula = if n == 0 {
                0
            } else {
                (n - 1) * n * (2 * n - 1) / 6
            };
            assert_eq!(sum_of_squares_below(limit), formula, "limit {limit}");
        }
    }

    #[test]
    fn parts_add_up_to_the_whole() {
        let parts = sum_of_squares_in(0..400) + sum_of_squares_in(400..1000);
        assert_eq!(parts, sum_of_squares_below(1000));
        assert_eq!(sum_of_squares_in(5..5), 0);
    }

    #[test]
    fn limits_count_up_from_the_size() {
        assert_eq!(limits(10, 3), [10, 11, 12]);
        assert!(limits(10, 0).is_empty());
    }
}
