//! Exercise: unblock the downloads.
//!
//! Page: "Exercises", section "Exercise 2: unblock the downloads".

use std::time::Duration;

// ANCHOR: starter
/// Pretends to download `name`: prints `"{name}: started"`, waits
/// `duration` (standing in for the network), prints `"{name}: done"`, and
/// returns the file's contents.
pub async fn download(name: &str, duration: Duration) -> String {
    println!("{name}: started");
    std::thread::sleep(duration);
    println!("{name}: done");
    format!("contents of {name}")
}

/// Downloads every file in `names`, returning their contents in the same
/// order. It should take one `duration` in all, however many names there are.
pub async fn fetch_all(names: &[&str], duration: Duration) -> Vec<String> {
    let mut contents = Vec::new();
    for name in names {
        contents.push(download(name, duration).await);
    }
    contents
}
// ANCHOR_END: starter
