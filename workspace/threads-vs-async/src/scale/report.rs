//! The scale report: each kind of unit measured in a child process of its
//! own, and the table the book shows.
//!
//! The program runs itself again (`std::env::current_exe`) with a hidden
//! `--worker KIND` argument. The child runs the units, reads its own peak
//! memory, and prints a few `key=value` lines; the parent reads them and
//! prints the table. A child per kind gives each measurement a clean
//! process: the memory one kind leaves behind cannot count against the
//! next, and a child killed by the OS (some thread limits end in an abort,
//! not an error) is a line in the report, not the end of it.

use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::process::{Command, ExitStatus};
use std::time::Duration;

use super::memory::peak_resident_bytes;
use super::{Kind, Outcome, THREAD_CAP};

/// What the child measured: its outcome, and its peak resident memory
/// before spawning the first unit (the baseline) and at the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measurement {
    pub outcome: Outcome,
    pub baseline: Option<u64>,
    pub peak: Option<u64>,
}

impl Measurement {
    /// Memory the units added at their peak: `VmHWM` at the end minus
    /// `VmHWM` before the first spawn.
    pub fn added_bytes(&self) -> Option<u64> {
        Some(self.peak?.saturating_sub(self.baseline?))
    }

    /// [`Self::added_bytes`] shared out over the units that ran.
    pub fn bytes_per_unit(&self) -> Option<u64> {
        let units = self.outcome.spawned as u64;
        (units > 0).then_some(self.added_bytes()? / units.max(1))
    }

    /// The lines a child prints for its parent.
    pub fn to_lines(&self) -> String {
        let memory =
            |bytes: Option<u64>| bytes.map_or("-".to_owned(), |b| b.to_string());
        let mut lines = format!(
            "spawned={}\nspawn_ns={}\ntotal_ns={}\nbaseline={}\npeak={}\n",
            self.outcome.spawned,
            self.outcome.spawn_time.as_nanos(),
            self.outcome.total.as_nanos(),
            memory(self.baseline),
            memory(self.peak),
        );
        if let Some(reason) = &self.outcome.stopped {
            let _ = writeln!(lines, "stopped={reason}");
        }
        lines
    }

    /// Reads what [`Self::to_lines`] wrote (progress lines may come first).
    pub fn from_lines(text: &str) -> Option<Self> {
        let value = |key: &str| {
            text.lines()
                .filter_map(|line| line.split_once('='))
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v)
        };
        let number = |key: &str| value(key)?.parse::<u64>().ok();
        let nanos = |key: &str| Some(Duration::from_nanos(number(key)?));
        Some(Self {
            outcome: Outcome {
                spawned: usize::try_from(number("spawned")?).ok()?,
                spawn_time: nanos("spawn_ns")?,
                total: nanos("total_ns")?,
                stopped: value("stopped").map(str::to_owned),
            },
            baseline: number("baseline"),
            peak: number("peak"),
        })
    }
}

// ANCHOR: worker
/// The child's side: runs `units` units of one kind in this process and
/// prints the measurement for the parent on stdout.
pub fn run_worker(kind: Kind, units: usize, wait: Duration) -> io::Result<()> {
    run_worker_with_cap(kind, units, THREAD_CAP, wait)
}

/// [`run_worker`], starting at most `thread_cap` threads.
pub fn run_worker_with_cap(
    kind: Kind,
    units: usize,
    thread_cap: usize,
    wait: Duration,
) -> io::Result<()> {
    let (baseline, outcome) = match kind {
        Kind::Threads => {
            let baseline = peak_resident_bytes();
            let outcome = super::threads(units, thread_cap, wait, |spawned| {
                // Unbuffered, line by line: if the OS kills this process,
                // the parent has seen every count up to that moment.
                let _ = writeln!(io::stdout(), "progress={spawned}");
            });
            (baseline, outcome)
        }
        Kind::Tokio => {
            // The runtime starts its worker threads before the baseline is
            // read, so they are not counted against the tasks.
            let runtime = super::tokio_runtime()?;
            let baseline = peak_resident_bytes();
            let outcome = runtime.block_on(super::tokio_tasks(units, wait));
            (baseline, outcome)
        }
        Kind::Smol => super::with_smol_executor(|executor| {
            let baseline = peak_resident_bytes();
            let outcome = smol::block_on(super::smol_tasks(executor, units, wait));
            (baseline, outcome)
        }),
    };
    let measurement = Measurement {
        outcome,
        baseline,
        peak: peak_resident_bytes(),
    };
    io::stdout().write_all(measurement.to_lines().as_bytes())
}
// ANCHOR_END: worker

/// How a child process failed to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Killed by a signal (an abort, the out-of-memory killer) after
    /// reporting `spawned` units; `said` is its last words on stderr, if any.
    Killed {
        signal: String,
        spawned: usize,
        said: Option<String>,
    },
    /// Ended without a measurement: its exit status and what it said.
    Failed { status: String, stderr: String },
}

/// One kind's line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: Kind,
    pub result: Result<Measurement, Failure>,
}

// ANCHOR: parent
/// The parent's side: runs one kind in a child process (this same program,
/// with `--worker`) and reads its measurement, or how it died.
pub fn measure_in_child(
    kind: Kind,
    units: usize,
    thread_cap: usize,
    wait: Duration,
) -> io::Result<Row> {
    let output = Command::new(std::env::current_exe()?)
        .args(["--worker", kind.name()])
        .args(["--units", &units.to_string()])
        .args(["--max-threads", &thread_cap.to_string()])
        .args(["--wait-ms", &wait.as_millis().to_string()])
        .output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let result = match Measurement::from_lines(&stdout) {
        Some(measurement) if output.status.success() => Ok(measurement),
        _ => Err(match killed_by(output.status) {
            Some(signal) => Failure::Killed {
                signal,
                spawned: last_progress(&stdout),
                said: panic_message(&stderr),
            },
            None => Failure::Failed {
                status: output.status.to_string(),
                stderr: panic_message(&stderr)
                    .unwrap_or_else(|| stderr.trim().to_owned()),
            },
        }),
    };
    Ok(Row { kind, result })
}
// ANCHOR_END: parent

/// The message of a Rust panic in a child's stderr: the line after
/// `thread '...' panicked at FILE:LINE:COLUMN:`.
fn panic_message(stderr: &str) -> Option<String> {
    let mut lines = stderr.lines();
    lines.find(|line| line.contains("panicked at"))?;
    lines.next().map(|message| message.trim().to_owned())
}

fn last_progress(stdout: &str) -> usize {
    stdout
        .lines()
        .filter_map(|line| line.strip_prefix("progress="))
        .filter_map(|count| count.parse().ok())
        .max()
        .unwrap_or(0)
}

/// The signal that ended a process, by name where it is a usual one.
#[cfg(unix)]
pub fn killed_by(status: ExitStatus) -> Option<String> {
    use std::os::unix::process::ExitStatusExt as _;
    let signal = status.signal()?;
    let name = match signal {
        6 => " (SIGABRT)",
        7 => " (SIGBUS)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV)",
        _ => "",
    };
    Some(format!("signal {signal}{name}"))
}

#[cfg(not(unix))]
pub fn killed_by(_status: ExitStatus) -> Option<String> {
    None
}

/// The whole report: how many units, how long each waits, one row per kind.
#[derive(Debug, Clone)]
pub struct Report {
    pub units: usize,
    pub wait: Duration,
    pub rows: Vec<Row>,
}

/// The table's header; [`parse_rows`] finds the rows below it.
const HEADER: &str =
    "kind          units   spawn (s)   total (s)   peak (MB)   bytes per unit";

impl Report {
    /// The report as the program prints it, line by line: the machine, the
    /// table, then a note for each kind that stopped early or failed.
    pub fn lines(&self, machine: &str) -> Vec<String> {
        let mut lines = vec![
            machine.to_owned(),
            format!(
                "{} units, each waits {} s, each kind in a child process of its own:",
                grouped(self.units as u64),
                seconds(self.wait, 3)
                    .trim_end_matches('0')
                    .trim_end_matches('.')
            ),
            String::new(),
            HEADER.to_owned(),
        ];
        let mut notes = Vec::new();
        for row in &self.rows {
            let kind = row.kind.name();
            match &row.result {
                Ok(measurement) => {
                    let outcome = &measurement.outcome;
                    let megabytes =
                        measurement.added_bytes().map_or("-".to_owned(), |bytes| {
                            format!("{:.1}", bytes as f64 / 1e6)
                        });
                    let per_unit =
                        measurement.bytes_per_unit().map_or("-".to_owned(), grouped);
                    lines.push(format!(
                        "{kind:<9}{:>10}{:>12}{:>12}{:>12}{:>17}",
                        grouped(outcome.spawned as u64),
                        seconds(outcome.spawn_time, 3),
                        seconds(outcome.total, 3),
                        megabytes,
                        per_unit,
                    ));
                    if let Some(reason) = &outcome.stopped {
                        notes.push(format!(
                            "{kind}: stopped at {} of {}: {reason}",
                            grouped(outcome.spawned as u64),
                            grouped(self.units as u64)
                        ));
                    }
                }
                Err(Failure::Killed {
                    signal,
                    spawned,
                    said,
                }) => {
                    lines.push(format!("{kind:<9}killed by {signal}"));
                    notes.push(format!(
                        "{kind}: the child process was killed by {signal} after \
                         starting at least {} of {}",
                        grouped(*spawned as u64),
                        grouped(self.units as u64)
                    ));
                    if let Some(said) = said {
                        notes.push(format!("{kind}: its last words: {said}"));
                    }
                }
                Err(Failure::Failed { status, stderr }) => {
                    lines.push(format!("{kind:<9}failed: {status}"));
                    notes.push(format!("{kind}: {stderr}"));
                }
            }
        }
        if !notes.is_empty() {
            lines.push(String::new());
            lines.extend(notes);
        }
        lines
    }

    /// True if every kind of task reported; threads may stop at the OS's
    /// limit, which is a result, not a failure.
    pub fn tasks_all_ran(&self) -> bool {
        self.rows
            .iter()
            .all(|row| row.kind == Kind::Threads || row.result.is_ok())
    }
}

/// A row of the table read back from the printed report (for the chart).
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub kind: Kind,
    pub units: String,
    pub spawn_seconds: f64,
    pub total_seconds: f64,
    pub peak_megabytes: Option<f64>,
    pub bytes_per_unit: Option<u64>,
}

/// Reads the table rows back from a printed report: the chart is drawn from
/// exactly what the table says.
pub fn parse_rows(report: &str) -> Vec<TableRow> {
    report
        .lines()
        .skip_while(|line| !same_words(line, HEADER))
        .skip(1)
        .map_while(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let [kind, units, spawn, total, peak, per_unit] = fields.as_slice() else {
                return None;
            };
            Some(TableRow {
                kind: Kind::from_name(kind)?,
                units: (*units).to_owned(),
                spawn_seconds: spawn.parse().ok()?,
                total_seconds: total.parse().ok()?,
                peak_megabytes: peak.parse().ok(),
                bytes_per_unit: per_unit.replace(',', "").parse().ok(),
            })
        })
        .collect()
}

fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// `1234567` as `1,234,567`.
pub fn grouped(number: u64) -> String {
    let digits = number.to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

fn seconds(duration: Duration, decimals: usize) -> String {
    format!("{:.decimals$}", duration.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_000_000), "1,000,000");
        assert_eq!(grouped(16_342), "16,342");
    }

    #[test]
    fn a_measurement_survives_the_trip_through_stdout() {
        let measurement = Measurement {
            outcome: Outcome {
                spawned: 16_342,
                spawn_time: Duration::from_millis(412),
                total: Duration::from_millis(1436),
                stopped: Some("Resource temporarily unavailable (os error 11)".into()),
            },
            baseline: Some(2_000_000),
            peak: None,
        };
        let text = format!("progress=1024\n{}", measurement.to_lines());
        assert_eq!(Measurement::from_lines(&text), Some(measurement));
        assert_eq!(last_progress(&text), 1024);
    }

    #[test]
    fn bytes_per_unit_is_the_growth_of_the_peak_shared_out() {
        let measurement = Measurement {
            outcome: Outcome {
                spawned: 1000,
                spawn_time: Duration::ZERO,
                total: Duration::ZERO,
                stopped: None,
            },
            baseline: Some(3_000_000),
            peak: Some(3_500_000),
        };
        assert_eq!(measurement.added_bytes(), Some(500_000));
        assert_eq!(measurement.bytes_per_unit(), Some(500));
    }

    #[cfg(unix)]
    #[test]
    fn names_the_signal_that_killed_a_child() {
        use std::os::unix::process::ExitStatusExt as _;
        assert_eq!(
            killed_by(ExitStatus::from_raw(6)).as_deref(),
            Some("signal 6 (SIGABRT)")
        );
        assert_eq!(killed_by(ExitStatus::from_raw(0)), None);
    }

    #[test]
    fn finds_the_message_of_a_childs_panic() {
        let stderr = "\nthread '<unnamed>' (21198) panicked at library/std/src/x.rs:240:13:\n\
                      failed to set up alternative stack guard page: Cannot allocate memory (os error 12)\n\
                      note: run with `RUST_BACKTRACE=1`\nfatal runtime error: aborting\n";
        assert_eq!(
            panic_message(stderr).as_deref(),
            Some(
                "failed to set up alternative stack guard page: \
                 Cannot allocate memory (os error 12)"
            )
        );
        assert_eq!(panic_message("all well\n"), None);
    }

    #[test]
    fn a_killed_child_is_a_row_and_a_note_not_the_end_of_the_report() {
        let report = Report {
            units: 100_000,
            wait: Duration::from_millis(1500),
            rows: vec![Row {
                kind: Kind::Threads,
                result: Err(Failure::Killed {
                    signal: "signal 6 (SIGABRT)".into(),
                    spawned: 15_360,
                    said: Some("failed to set up a guard page".into()),
                }),
            }],
        };
        assert_eq!(
            report.lines("machine: test")[1..],
            [
                "100,000 units, each waits 1.5 s, each kind in a child process of its own:",
                "",
                HEADER,
                "threads  killed by signal 6 (SIGABRT)",
                "",
                "threads: the child process was killed by signal 6 (SIGABRT) after starting \
                 at least 15,360 of 100,000",
                "threads: its last words: failed to set up a guard page",
            ]
        );
        // Threads stopping is a finding; the report still counts as a success.
        assert!(report.tasks_all_ran());
    }

    #[test]
    fn the_table_reads_back_into_rows() {
        let report = Report {
            units: 10_000,
            wait: Duration::from_secs(1),
            rows: vec![Row {
                kind: Kind::Tokio,
                result: Ok(Measurement {
                    outcome: Outcome {
                        spawned: 10_000,
                        spawn_time: Duration::from_millis(4),
                        total: Duration::from_millis(1006),
                        stopped: None,
                    },
                    baseline: Some(3_000_000),
                    peak: Some(7_120_000),
                }),
            }],
        };
        let text = report.lines("machine: test").join("\n");
        assert!(text.contains("10,000 units, each waits 1 s,"), "{text}");
        let rows = parse_rows(&text);
        assert_eq!(
            rows,
            [TableRow {
                kind: Kind::Tokio,
                units: "10,000".into(),
                spawn_seconds: 0.004,
                total_seconds: 1.006,
                peak_megabytes: Some(4.1),
                bytes_per_unit: Some(412),
            }]
        );
    }
}
