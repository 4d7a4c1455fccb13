//! Solution: a deadline for every chain.

use std::time::Duration;

use support::clock::seconds;
use support::{Console, SharedRandom, Timeline};
use tokio::time::timeout;

use crate::chained::{Shared, chain};

// ANCHOR: solution
/// Runs the chains with a deadline each: see the exercise for the spec.
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
        .map(|&n| {
            let shared = shared.clone();
            // The timeout goes inside the task, around the chain itself:
            // when it fires, the chain's future is dropped, so it stops.
            tokio::spawn(async move {
                let outcome = timeout(limit, chain(n, shared.clone())).await.ok();
                if outcome.is_none() {
                    let limit = seconds(limit);
                    shared
                        .console
                        .line(format!("-->Chain {n} timed out after {limit} seconds."));
                }
                outcome
            })
        })
        .collect();
    let mut outcomes = Vec::new();
    for handle in handles {
        outcomes.push(handle.await.expect("a chain does not panic"));
    }
    outcomes
}
// ANCHOR_END: solution
