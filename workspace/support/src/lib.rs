//! What several chapters of *Async IO in Rust* share, and nothing more.
//!
//! - [`Console`]: where programs print, with colour that turns itself off
//!   when it would only get in the way;
//! - [`clock`]: a [`Stopwatch`] on the runtime's clock and the runtimes the
//!   lessons run on, with tokio's paused clock for exact, instant runs;
//! - [`PyRandom`]: Python's `random.seed` and `randint`, number for number;
//! - [`cli`]: the command-line conventions (`--runtime`, `--clock`, exit 2 on bad input);
//! - [`testing`]: what the lesson crates' tests share;
//! - [`transcript`]: the check that every output block in the book is what
//!   its program prints.

pub mod cli;
pub mod clock;
pub mod console;
pub mod pyrandom;
pub mod testing;
pub mod transcript;

pub use clock::{ClockMode, Stopwatch};
pub use console::{Color, Console};
pub use pyrandom::{PyRandom, SharedRandom};
