//! Chapter 2 of *Async IO in Rust*: the rules of async/await.
//!
//! - [`makerandom`]: three tasks drawing Python's random numbers, on tokio or smol.

pub mod makerandom;
