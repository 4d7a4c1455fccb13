//! Solution: unblock the downloads.

use std::time::Duration;

use futures::future::join_all;

// ANCHOR: solution
/// Pretends to download `name`: prints `"{name}: started"`, waits
/// `duration` (standing in for the network), prints `"{name}: done"`, and
/// returns the file's contents.
pub async fn download(name: &str, duration: Duration) -> String {
    println!("{name}: started");
    // Awaiting the runtime's timer gives the thread back to the event loop
    // while this download waits, so the others can start theirs.
    tokio::time::sleep(duration).await;
    println!("{name}: done");
    format!("contents of {name}")
}

/// Downloads every file in `names`, returning their contents in the same
/// order. It should take one `duration` in all, however many names there are.
pub async fn fetch_all(names: &[&str], duration: Duration) -> Vec<String> {
    // One future per name, polled together. `join_all` returns the outputs
    // in the order of its input, whichever download finishes first.
    join_all(names.iter().map(|name| download(name, duration))).await
}
// ANCHOR_END: solution
