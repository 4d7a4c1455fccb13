//! Threads, tokio tasks and smol tasks that each wait one second:
//! `cargo run --release -p threads-vs-async --bin scale`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use support::cli::{self, number_in};
use threads_vs_async::scale::report::{self, Report};
use threads_vs_async::scale::{Kind, THREAD_CAP, chart};

/// Start N units that each wait one second, as OS threads, as tokio tasks and
/// as smol tasks, and report for each kind the time to spawn them, the total
/// time, and the memory they took.
///
/// Each kind runs in a child process of its own (this program again), whose
/// peak resident memory is read from Linux's /proc. Threads stop at the
/// operating system's limit, which the report states. Always runs on the real
/// clock; build it with --release for figures worth comparing.
#[derive(Debug, Parser)]
#[command(name = "scale", version, max_term_width = 80)]
struct Cli {
    /// How many units of each kind to start
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    #[arg(value_parser = number_in(1usize..=2_000_000), allow_negative_numbers = true)]
    units: usize,

    /// How long each unit waits, in milliseconds
    #[arg(long, value_name = "MS", default_value_t = 1000)]
    #[arg(value_parser = number_in(1u64..=60_000), allow_negative_numbers = true)]
    wait_ms: u64,

    /// Start at most N threads, whatever --units says
    #[arg(long, value_name = "N", default_value_t = THREAD_CAP)]
    #[arg(value_parser = number_in(1usize..=THREAD_CAP), allow_negative_numbers = true)]
    max_threads: usize,

    /// Which kinds to run (repeat the option for several); all three by default
    #[arg(long, value_enum, value_name = "KIND")]
    kind: Vec<Kind>,

    /// Also draw the results as a bar chart, an SVG file at PATH
    #[arg(long, value_name = "PATH", value_parser = cli::writable_file())]
    svg: Option<PathBuf>,

    /// Run one kind in this process and print raw figures (the child's side)
    #[arg(long, value_enum, value_name = "KIND", hide = true)]
    worker: Option<Kind>,
}

fn main() -> std::io::Result<ExitCode> {
    // A chart path that cannot be written is refused as the arguments are
    // parsed (`writable_file`), before measuring anything, not after.
    let cli: Cli = cli::parse(|_: &Cli| Ok(()));
    let wait = Duration::from_millis(cli.wait_ms);
    if let Some(kind) = cli.worker {
        report::run_worker_with_cap(kind, cli.units, cli.max_threads, wait)?;
        return Ok(ExitCode::SUCCESS);
    }

    // Always in the same order, each kind once, however the options came.
    let rows = Kind::ALL
        .into_iter()
        .filter(|kind| cli.kind.is_empty() || cli.kind.contains(kind))
        .map(|kind| report::measure_in_child(kind, cli.units, cli.max_threads, wait))
        .collect::<std::io::Result<_>>()?;
    let report = Report {
        units: cli.units,
        wait,
        rows,
    };
    let text = report.lines(&support::machine::describe()).join("\n") + "\n";
    print!("{text}");
    if let Some(path) = &cli.svg
        && let Some(svg) = chart::render(&text)
        && let Err(error) = std::fs::write(path, svg)
    {
        eprintln!(
            "error: cannot write the chart to {}: {error}",
            path.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(if report.tasks_all_ran() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
