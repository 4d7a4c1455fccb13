//! What several chapters of *Async IO in Rust* share, and nothing more.
//! The course's own checks (transcripts, the exercise status, the book's
//! rules) are a crate of their own, `course-checks`, that no lesson program
//! uses.
//!
//! - [`Console`]: where programs print, with colour that turns itself off
//!   when it would only get in the way;
//! - [`clock`]: a [`Stopwatch`] on the runtime's clock and the runtimes the
//!   lessons run on, with tokio's paused clock for exact, instant runs;
//! - [`PyRandom`]: Python's `random.seed` and `randint`, number for number;
//! - [`machine`]: the `machine:` line that says where a report was measured;
//! - [`cli`]: the command-line conventions (`--runtime`, `--clock`, exit 2 on bad input);
//! - [`testing`]: what the lesson crates' tests share;
//! - [`timeline`]: what each task did when, recorded on the runtime's clock
//!   and drawn as an SVG the book embeds.

pub mod cli;
pub mod clock;
pub mod console;
pub mod machine;
pub mod pyrandom;
pub mod testing;
pub mod timeline;

pub use clock::{ClockMode, Stopwatch};
pub use console::{Color, Console};
pub use pyrandom::{PyRandom, SharedRandom};
pub use timeline::{Activity, Lane, Timeline};
