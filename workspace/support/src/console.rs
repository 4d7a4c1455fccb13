//! Where lesson programs write their lines, and how they colour them.
//!
//! A program prints to a [`Console`]. In a terminal it writes to stdout and
//! may use colour; in a test it records the lines so the test can assert the
//! order things happened in. Colour turns itself off when stdout is not a
//! terminal (a pipe, a file, the book's transcripts), when the terminal is
//! `TERM=dumb`, or when the `NO_COLOR` environment variable is set to
//! anything non-empty (<https://no-color.org>).

use std::fmt::{self, Display};
use std::io::{IsTerminal, Write};
use std::sync::{Arc, Mutex, PoisonError};

/// The ANSI colours the lessons use to tell concurrent tasks apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Cyan,
    Red,
    Magenta,
    Green,
    Yellow,
    Blue,
}

impl Color {
    /// Cycles through the palette, so task `i` always gets the same colour.
    pub fn for_index(index: usize) -> Self {
        const PALETTE: [Color; 6] = [
            Color::Cyan,
            Color::Red,
            Color::Magenta,
            Color::Green,
            Color::Yellow,
            Color::Blue,
        ];
        PALETTE[index % PALETTE.len()]
    }

    fn ansi_code(self) -> &'static str {
        match self {
            Color::Cyan => "\x1b[36m",
            Color::Red => "\x1b[91m",
            Color::Magenta => "\x1b[35m",
            Color::Green => "\x1b[32m",
            Color::Yellow => "\x1b[33m",
            Color::Blue => "\x1b[34m",
        }
    }
}

const RESET: &str = "\x1b[0m";

/// Text that displays in a colour, or plainly when colour is off.
#[derive(Debug)]
pub struct Painted<T> {
    text: T,
    color: Option<Color>,
}

impl<T: Display> Display for Painted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.color {
            Some(color) => write!(f, "{}{}{RESET}", color.ansi_code(), self.text),
            None => self.text.fmt(f),
        }
    }
}

#[derive(Debug, Clone)]
enum Sink {
    Stdout { color: bool },
    Recorder(Arc<Mutex<Vec<String>>>),
}

/// A line-oriented output: stdout for programs, a recorder for tests.
///
/// Cloning is cheap and clones share the destination, so every task of a
/// program can hold its own handle (`tokio::spawn` wants owned, `'static` data).
#[derive(Debug, Clone)]
pub struct Console {
    sink: Sink,
}

impl Console {
    /// Standard output, coloured only if it is a terminal that can show
    /// colour and `NO_COLOR` is unset.
    pub fn stdout() -> Self {
        let color = shows_color(
            std::env::var_os("NO_COLOR").as_deref(),
            std::env::var_os("TERM").as_deref(),
            std::io::stdout().is_terminal(),
        );
        Self {
            sink: Sink::Stdout { color },
        }
    }

    /// A console that keeps its lines in memory, uncoloured, for tests.
    pub fn recorder() -> Self {
        Self {
            sink: Sink::Recorder(Arc::default()),
        }
    }

    /// Writes one line.
    ///
    /// Each line is written whole, under stdout's lock, so lines from
    /// different threads never mix mid-line.
    pub fn line(&self, text: impl Display) {
        match &self.sink {
            Sink::Stdout { .. } => {
                let mut out = std::io::stdout().lock();
                // A closed pipe (`... | head`) is not worth a panic in a lesson program.
                let _ = writeln!(out, "{text}");
            }
            Sink::Recorder(lines) => {
                lines
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(text.to_string());
            }
        }
    }

    /// `text` in `color` if this console shows colour, plain otherwise.
    pub fn paint<T: Display>(&self, color: Color, text: T) -> Painted<T> {
        let color = match self.sink {
            Sink::Stdout { color: true } => Some(color),
            _ => None,
        };
        Painted { text, color }
    }

    /// The lines recorded so far; empty for a stdout console.
    pub fn lines(&self) -> Vec<String> {
        match &self.sink {
            Sink::Stdout { .. } => Vec::new(),
            Sink::Recorder(lines) => {
                lines.lock().unwrap_or_else(PoisonError::into_inner).clone()
            }
        }
    }
}

/// Whether to colour: on a terminal, unless `NO_COLOR` is set (not empty)
/// (<https://no-color.org>) or `TERM=dumb` says the terminal cannot show
/// escape codes (Emacs' shell, some CI logs), as ls and git agree.
fn shows_color(
    no_color: Option<&std::ffi::OsStr>,
    term: Option<&std::ffi::OsStr>,
    is_terminal: bool,
) -> bool {
    let no_color = no_color.is_some_and(|value| !value.is_empty());
    let dumb = term.is_some_and(|term| term == "dumb");
    is_terminal && !no_color && !dumb
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::{Color, Console, shows_color};

    #[test]
    fn colour_is_for_terminals_that_show_it_when_no_one_said_no() {
        let xterm = Some(OsStr::new("xterm-256color"));
        assert!(shows_color(None, xterm, true));
        assert!(shows_color(None, None, true));
        assert!(!shows_color(None, xterm, false), "a pipe");
        assert!(
            !shows_color(Some(OsStr::new("1")), xterm, true),
            "NO_COLOR=1"
        );
        assert!(
            shows_color(Some(OsStr::new("")), xterm, true),
            "NO_COLOR empty"
        );
        assert!(
            !shows_color(None, Some(OsStr::new("dumb")), true),
            "TERM=dumb"
        );
    }

    #[test]
    fn a_recorder_keeps_lines_in_order_across_clones() {
        let console = Console::recorder();
        let clone = console.clone();
        console.line("One");
        clone.line(format_args!("Two {}", 2));
        assert_eq!(console.lines(), ["One", "Two 2"]);
    }

    #[test]
    fn recorded_text_is_never_coloured() {
        let console = Console::recorder();
        assert_eq!(console.paint(Color::Red, "plain").to_string(), "plain");
    }

    #[test]
    fn painted_text_wraps_the_text_in_ansi_codes() {
        let painted = super::Painted {
            text: "hot",
            color: Some(Color::Red),
        };
        assert_eq!(painted.to_string(), "\x1b[91mhot\x1b[0m");
    }

    #[test]
    fn the_palette_cycles() {
        assert_eq!(Color::for_index(0), Color::Cyan);
        assert_eq!(Color::for_index(6), Color::Cyan);
        assert_eq!(Color::for_index(2), Color::Magenta);
    }
}
