//! Chapter 5 of *Async IO in Rust*: threads versus async.

// Scale: threads, tokio tasks and smol tasks side by side; race conditions.
pub mod race;
pub mod scale;

// IO-bound work over HTTP: a local server, downloads, the full crawler.
// (modules of the HTTP part go here)
pub mod client;
pub mod crawl;
pub mod download;
pub mod fetch_files;
pub mod links;
pub mod server;

/// The chapter's exercises: your code in `exercises/`, or with
/// `--features solutions` the worked solutions in `solutions/`.
#[cfg_attr(not(feature = "solutions"), path = "../exercises/mod.rs")]
#[cfg_attr(feature = "solutions", path = "../solutions/mod.rs")]
pub mod exercises;
