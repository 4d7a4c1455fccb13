//! Exercise: a priority lane.
//!
//! Page: "Exercises", section "Exercise 1: a priority lane".

use crate::queue::{Queue, Receipt};

// ANCHOR: starter
/// Takes the next item for a consumer that serves two queues: an item
/// waiting in `urgent` always goes first; otherwise the first item to
/// arrive in either queue. A queue that is closed and empty drops out;
/// `None` once both are.
pub async fn next_item<T>(
    urgent: &Queue<T>,
    normal: &Queue<T>,
) -> Option<(T, Receipt)> {
    todo!("take from `urgent` first, else whichever queue has an item first")
}
// ANCHOR_END: starter
