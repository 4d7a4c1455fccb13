//! Exercise: a deadline for every chain.

use std::time::Duration;

use support::{Console, SharedRandom, Timeline};

use crate::chained::{Shared, chain};

// ANCHOR: starter
/// Runs the chains of `ids` concurrently, as `chained` does, but gives each
/// chain at most `limit`. A chain that overruns is cancelled and reported
/// with the line `-->Chain {n} timed out after {limit} seconds.` (the limit
/// printed like the other durations, `10.00`). Returns each chain's
/// duration in the order of `ids`, or `None` for a chain that timed out.
///
/// This version runs every chain to its end, however long it takes. Add the
/// deadline (`tokio::time::timeout`) and the report.
pub async fn chains_with_deadline(
    ids: &[u32],
    seed: u64,
    limit: Duration,
    console: &Console,
) -> Vec<Option<Duration>> {
    let shared = Shared {
        random: SharedRandom::seed(seed),
        console: console.clone(),
        sleep: tokio::time::sleep,
        timeline: Timeline::off(),
    };
    let handles: Vec<_> = ids
        .iter()
        .map(|&n| tokio::spawn(chain(n, shared.clone())))
        .collect();
    let mut outcomes = Vec::new();
    for handle in handles {
        outcomes.push(Some(handle.await.expect("a chain does not panic")));
    }
    outcomes
}
// ANCHOR_END: starter
