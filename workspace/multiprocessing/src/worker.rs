//! `worker`: what a worker process does, and the line protocol it speaks.
//!
//! The parent starts a worker by running its own program again
//! (`std::env::current_exe`) with the hidden subcommand `worker`. The two
//! processes share no memory, so they talk through the worker's standard
//! input and output, one line per message:
//!
//! ```text
//! parent -> worker   5000003          sum the squares below 5000003
//! worker -> parent   41666729166697500005
//! ```
//!
//! A worker answers requests until its input ends, then exits. You can try
//! it by hand: `cargo run -p multiprocessing --bin process-pool -- worker`,
//! type a number and press Enter; Ctrl-D ends it.
//!
//! To show what a pool does when a worker fails, a request may carry a
//! fault after the number: `crash` makes the worker panic (the process
//! exits with status 101), `hang` makes it wait forever, or until its
//! parent is gone: a worker never outlives the program that started it.
//! A line that is not a request ends the worker with exit status 2 and a
//! message saying what a request looks like.

use std::fmt;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;
use std::str::FromStr;
use std::time::Duration;

use crate::workload::{MAX_LIMIT, sum_of_squares_below};

/// What a request looks like, for the message that refuses a bad one.
const REQUEST_FORM: &str = "a request is a whole number from 0 to 100001000, \
    optionally followed by `crash` or `hang`";

/// A fault a request asks the worker to have, for demonstrations and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fault {
    /// Do the job.
    #[default]
    None,
    /// Panic: the worker process dies with exit status 101, answering nothing.
    Crash,
    /// Never answer, as a worker stuck in a deadlock or an endless loop would.
    Hang,
}

/// One job for a worker: sum the squares below `limit`, unless `fault` says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub limit: u64,
    pub fault: Fault,
}

impl fmt::Display for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.fault {
            Fault::None => write!(f, "{}", self.limit),
            Fault::Crash => write!(f, "{} crash", self.limit),
            Fault::Hang => write!(f, "{} hang", self.limit),
        }
    }
}

impl FromStr for Request {
    type Err = String;

    fn from_str(line: &str) -> Result<Self, Self::Err> {
        let refuse =
            |what: String| format!("bad request {line:?}: {what}; {REQUEST_FORM}");
        let mut words = line.split_whitespace();
        let first = words
            .next()
            .ok_or_else(|| refuse("the line is empty".to_owned()))?;
        let limit = first
            .parse()
            .ok()
            .filter(|limit| *limit <= MAX_LIMIT)
            .ok_or_else(|| refuse(format!("{first:?} is not such a number")))?;
        let fault = match words.next() {
            None => Fault::None,
            Some("crash") => Fault::Crash,
            Some("hang") => Fault::Hang,
            Some(other) => return Err(refuse(format!("unknown fault {other:?}"))),
        };
        if words.next().is_some() {
            return Err(refuse("too many words".to_owned()));
        }
        Ok(Self { limit, fault })
    }
}

// ANCHOR: serve
/// Answers requests from `input` on `output`, one line each, until `input` ends.
pub fn serve(input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    for line in input.lines() {
        let request: Request = line?
            .parse()
            .map_err(|message| io::Error::new(io::ErrorKind::InvalidData, message))?;
        match request.fault {
            Fault::None => {}
            Fault::Crash => panic!("asked to crash on the job below {}", request.limit),
            Fault::Hang => loop {
                // Sleeping, not spinning: a hung worker should not also eat
                // a core while the parent waits for its timeout.
                std::thread::sleep(Duration::from_secs(3600));
            },
        }
        writeln!(output, "{}", sum_of_squares_below(request.limit))?;
        // The parent is waiting for this line: send it now, not when some
        // buffer happens to fill.
        output.flush()?;
    }
    Ok(())
}
// ANCHOR_END: serve

/// The `worker` subcommand: serves standard input and output until its
/// input ends (status 0), a line is not a request (status 2, saying what a
/// request looks like), or its output breaks (status 1).
pub fn run() -> ExitCode {
    // A worker shares its parent's terminal for errors. Rust's default panic
    // message names a source line and suggests RUST_BACKTRACE; one line
    // that says which process panicked, and why, is easier to read there.
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let reason = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("no message");
        eprintln!("worker panicked: {reason}");
    }));
    end_with_parent();
    match serve(io::stdin().lock(), io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == io::ErrorKind::InvalidData => {
            let message = error.to_string();
            if message.starts_with("bad request") {
                eprintln!("worker: {message}");
            } else {
                // Input that is not text at all (not UTF-8).
                eprintln!("worker: bad request: {message}; {REQUEST_FORM}");
            }
            ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("worker: cannot answer: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Ends this process as soon as its parent is gone, however the parent
/// ended: a worker has no one else to answer, and a hung one would run on
/// for ever. The parent's `kill_on_drop` cannot see to it when the parent
/// is killed by a signal (SIGKILL cannot even be caught), so the worker
/// watches: a process whose parent dies is handed to another (init, or a
/// subreaper), and its parent id changes.
#[cfg(unix)]
fn end_with_parent() {
    let parent = std::os::unix::process::parent_id();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(100));
            if std::os::unix::process::parent_id() != parent {
                std::process::exit(1);
            }
        }
    });
}

#[cfg(not(unix))]
fn end_with_parent() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_read_back_what_they_write() {
        for fault in [Fault::None, Fault::Crash, Fault::Hang] {
            let request = Request { limit: 42, fault };
            assert_eq!(request.to_string().parse(), Ok(request));
        }
        assert!("".parse::<Request>().is_err());
        assert!("ten".parse::<Request>().is_err());
        assert!("10 explode".parse::<Request>().is_err());
        assert!("10 crash now".parse::<Request>().is_err());
        assert!("100001001".parse::<Request>().is_err());
        assert!("-1".parse::<Request>().is_err());
        assert_eq!(
            "100001000".parse::<Request>().map(|request| request.limit),
            Ok(MAX_LIMIT)
        );
    }

    #[test]
    fn a_bad_request_says_what_a_request_looks_like() {
        for (line, why) in [
            ("", "the line is empty"),
            ("ten", "\"ten\" is not such a number"),
            ("100001001", "\"100001001\" is not such a number"),
            ("10 explode", "unknown fault \"explode\""),
            ("10 crash now", "too many words"),
        ] {
            let message = line.parse::<Request>().unwrap_err();
            assert!(
                message.starts_with(&format!("bad request {line:?}: {why}; ")),
                "{message}"
            );
            assert!(message.ends_with(REQUEST_FORM), "{message}");
        }
        assert!(REQUEST_FORM.contains(&MAX_LIMIT.to_string()));
    }

    #[test]
    fn serves_one_answer_per_line() {
        let mut output = Vec::new();
        serve(&b"3\n4\n"[..], &mut output).unwrap();
        assert_eq!(String::from_utf8(output).unwrap(), "5\n14\n");
    }

    #[test]
    fn a_bad_request_is_an_error() {
        let error = serve(&b"3\nfour\n"[..], Vec::new()).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
    }
}
