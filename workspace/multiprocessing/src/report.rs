//! `report`: times the five ways on one workload and prints the table.
//!
//! Each way runs the same jobs in every round, and each row shows its
//! fastest round: the run least disturbed by whatever else the machine was
//! doing. Speed-ups are against the sequential row. The `machine:` line says
//! what ran it, since the figures mean little without the number of cores.

use std::io;
use std::time::Duration;

use support::{Console, Stopwatch};

use crate::pool::WorkerCommand;
use crate::workload::{limits, total};
use crate::{heartbeat, ways};

/// What to run: `jobs` jobs of size `size`, on `workers` threads or processes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub jobs: usize,
    pub size: u64,
    pub workers: usize,
    pub rounds: usize,
}

/// The five ways, in the order of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    Sequential,
    AsyncTasksOnOneThread,
    SpawnBlocking,
    ScopedThreads,
    WorkerProcesses,
}

impl Way {
    pub const ALL: [Way; 5] = [
        Way::Sequential,
        Way::AsyncTasksOnOneThread,
        Way::SpawnBlocking,
        Way::ScopedThreads,
        Way::WorkerProcesses,
    ];

    fn label(self, workers: usize) -> String {
        match self {
            Way::Sequential => "sequential".to_owned(),
            Way::AsyncTasksOnOneThread => "async tasks on one thread".to_owned(),
            Way::SpawnBlocking => "spawn_blocking".to_owned(),
            Way::ScopedThreads => format!("scoped threads ({workers})"),
            Way::WorkerProcesses => format!("worker processes ({workers})"),
        }
    }
}

/// One way's fastest round.
#[derive(Debug, Clone)]
pub struct Row {
    pub way: Way,
    pub seconds: Duration,
    /// The heartbeat's longest gap, for the ways that run an event loop.
    pub heartbeat: Option<Duration>,
    pub sums: Vec<u128>,
}

/// Runs one way once.
pub fn run_once(
    way: Way,
    settings: &Settings,
    command: &WorkerCommand,
) -> io::Result<Row> {
    let limits = limits(settings.size, settings.jobs);
    let stopwatch = Stopwatch::start();
    let (sums, heartbeat) = match way {
        Way::Sequential => (ways::sequential(&limits), None),
        Way::AsyncTasksOnOneThread => {
            let (sums, gap) = ways::async_tasks_on_one_thread(&limits)?;
            (sums, Some(gap))
        }
        Way::SpawnBlocking => {
            let (sums, gap) = ways::spawn_blocking(&limits)?;
            (sums, Some(gap))
        }
        Way::ScopedThreads => (ways::scoped_threads(&limits, settings.workers), None),
        Way::WorkerProcesses => (
            ways::worker_processes(&limits, settings.workers, command)?,
            None,
        ),
    };
    Ok(Row {
        way,
        seconds: stopwatch.elapsed(),
        heartbeat,
        sums,
    })
}

/// Runs every way `settings.rounds` times and keeps each way's fastest round.
///
/// The rounds take turns (every way once, then every way again), so a burst
/// of load from elsewhere slows one round of every way rather than every
/// round of one way.
pub fn measure(settings: &Settings, command: &WorkerCommand) -> io::Result<Vec<Row>> {
    let mut fastest: Vec<Option<Row>> = vec![None; Way::ALL.len()];
    let mut all_agree = true;
    for _ in 0..settings.rounds {
        for (slot, way) in fastest.iter_mut().zip(Way::ALL) {
            let row = run_once(way, settings, command)?;
            if let Some(best) = slot {
                all_agree &= best.sums == row.sums;
                if row.seconds >= best.seconds {
                    continue;
                }
            }
            *slot = Some(row);
        }
    }
    let mut rows: Vec<Row> = fastest.into_iter().flatten().collect();
    if !all_agree {
        // A way that disagrees with itself between rounds must not pass
        // for one that agrees: blank its sums so the comparison fails.
        for row in &mut rows {
            row.sums.clear();
        }
    }
    Ok(rows)
}

/// Whether every way returned the sequential way's sums.
pub fn same_results(rows: &[Row]) -> bool {
    rows.first().is_some_and(|first| {
        !first.sums.is_empty() && rows.iter().all(|row| row.sums == first.sums)
    })
}

/// Prints the table. Returns whether all the ways agreed.
pub fn print(rows: &[Row], settings: &Settings, console: &Console) -> bool {
    console.line(support::machine::describe());
    console.line(format!(
        "workload: {} jobs, the sum of i*i for i below {} + x, x from 0; fastest of {} rounds",
        settings.jobs, settings.size, settings.rounds
    ));
    console.line(format!(
        "{:<28} {:>8} {:>8}  longest heartbeat gap",
        "way", "seconds", "speedup"
    ));
    let baseline = rows.first().map_or(Duration::ZERO, |row| row.seconds);
    for row in rows {
        let speedup = baseline.as_secs_f64() / row.seconds.as_secs_f64();
        let heartbeat = row
            .heartbeat
            .map_or_else(|| "-".to_owned(), |gap| format!("{} ms", gap.as_millis()));
        console.line(format!(
            "{:<28} {:>8.3} {:>7.2}x  {heartbeat}",
            row.way.label(settings.workers),
            row.seconds.as_secs_f64(),
            speedup,
        ));
    }
    console.line(format!(
        "(the heartbeat is a task that asks to run every {} ms)",
        heartbeat::PERIOD.as_millis()
    ));
    let agree = same_results(rows);
    let total = rows.first().map_or(0, |row| total(&row.sums));
    if agree {
        console.line(format!(
            "same results in all five ways: yes (total of the {} sums: {total})",
            settings.jobs
        ));
    } else {
        console.line("same results in all five ways: NO");
    }
    agree
}
