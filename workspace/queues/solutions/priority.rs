//! Solution: a priority lane.

use crate::queue::{Queue, Receipt};

// ANCHOR: solution
/// Takes the next item for a consumer that serves two queues: an item
/// waiting in `urgent` always goes first; otherwise the first item to
/// arrive in either queue. A queue that is closed and empty drops out;
/// `None` once both are.
pub async fn next_item<T>(
    urgent: &Queue<T>,
    normal: &Queue<T>,
) -> Option<(T, Receipt)> {
    // Each lane's `get`, falling back to the other lane once its own queue
    // is closed and empty, so that a finished lane cannot end the wait.
    let from_urgent = async {
        match urgent.get().await {
            Some(taken) => Some(taken),
            None => normal.get().await,
        }
    };
    let from_normal = async {
        match normal.get().await {
            Some(taken) => Some(taken),
            None => urgent.get().await,
        }
    };
    // `or` polls its first future first, so when both lanes have an item
    // the urgent one wins; when neither has, whichever arrives first does.
    // The loser is dropped mid-`get`, which loses nothing: a channel's
    // `recv` takes an item only in the poll that returns it.
    smol::future::or(from_urgent, from_normal).await
}
// ANCHOR_END: solution
