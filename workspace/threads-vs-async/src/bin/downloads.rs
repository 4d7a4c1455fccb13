//! Many pages, three clients: `cargo run --release -p threads-vs-async --bin downloads`.

use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use support::Console;
use support::cli::number_in;
use threads_vs_async::download::{self, Workload};

/// Downloads pages from a local HTTP server one after another, with a pool of
/// threads, and with async tasks, and prints how long each way took.
///
/// The server runs inside this program, on 127.0.0.1 at a port the system
/// picks, and answers every page after --latency-ms: the clients spend their
/// time waiting, as they would on the internet.
#[derive(Debug, Parser)]
#[command(name = "downloads", version, max_term_width = 80)]
struct Cli {
    /// How many pages each client downloads
    #[arg(long, value_name = "N", default_value_t = 60)]
    #[arg(value_parser = number_in(1_usize..=5000), allow_negative_numbers = true)]
    pages: usize,

    /// How long the server waits before answering each page, in milliseconds
    #[arg(long, value_name = "MS", default_value_t = 50)]
    #[arg(value_parser = number_in(1_u64..=2000), allow_negative_numbers = true)]
    latency_ms: u64,

    /// The size of each page, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = 16384)]
    #[arg(value_parser = number_in(0_usize..=1_048_576), allow_negative_numbers = true)]
    page_size: usize,

    /// How many pages the thread pool and the async client fetch at once
    #[arg(long, value_name = "N", default_value_t = 10)]
    #[arg(value_parser = number_in(1_usize..=1000), allow_negative_numbers = true)]
    limit: usize,
}

/// The sequential client alone waits pages x latency; keep that reasonable.
const MOST_SEQUENTIAL_WAIT_MS: u64 = 60_000;

fn validate(cli: &Cli) -> Result<(), String> {
    let wait = cli.pages as u64 * cli.latency_ms;
    if wait > MOST_SEQUENTIAL_WAIT_MS {
        return Err(format!(
            "the sequential client would wait {} s ({} pages x {} ms); \
             keep --pages x --latency-ms within {} s",
            wait / 1000,
            cli.pages,
            cli.latency_ms,
            MOST_SEQUENTIAL_WAIT_MS / 1000
        ));
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli: Cli = support::cli::parse(validate);
    let workload = Workload {
        pages: cli.pages,
        latency: Duration::from_millis(cli.latency_ms),
        page_size: cli.page_size,
        limit: cli.limit,
    };
    match download::measure(&workload) {
        Ok(measurements) => {
            download::print_report(&workload, &measurements, &Console::stdout());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("downloads: {error}");
            ExitCode::FAILURE
        }
    }
}
