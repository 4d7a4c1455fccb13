//! The notes' download example: `cargo run -p threads-vs-async --bin fetch-files -- URL...`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{CommandFactory, Parser, error::ErrorKind};
use support::cli::number_in;
use support::{ClockMode, Console};
use threads_vs_async::client::Client;
use threads_vs_async::crawl::http_url;
use threads_vs_async::fetch_files::download_all;
use threads_vs_async::server::with_local_site;
use url::Url;

/// Downloads files concurrently and saves each in a directory, named after the
/// last part of its URL: the notes' aiohttp and aiofiles example.
///
/// A URL that fails is reported and the others are saved; the exit status is 1
/// if any failed.
#[derive(Debug, Parser)]
#[command(name = "fetch-files", version, max_term_width = 80)]
struct Cli {
    /// The files to download: http:// URLs
    #[arg(value_name = "URL", required = true, value_parser = http_url)]
    urls: Vec<Url>,

    /// The directory to save the files in; created if it is missing
    #[arg(long, short = 'd', value_name = "DIR", default_value = "downloads")]
    output_dir: PathBuf,

    /// How long to wait for a file before giving up on it, in milliseconds
    #[arg(long, value_name = "MS", default_value_t = 10_000)]
    #[arg(value_parser = number_in(1_u64..=600_000), allow_negative_numbers = true)]
    timeout_ms: u64,

    /// Start the course's local site on 127.0.0.1 for this run and send
    /// requests for http://site.test/ to it (it serves any /files/NAME)
    #[arg(long)]
    local_site: bool,
}

/// The name in usage lines.
const BIN: &str = "fetch-files";

const MOST_URLS: usize = 1000;

fn validate(cli: &Cli) -> Result<(), String> {
    if cli.urls.len() > MOST_URLS {
        return Err(format!("at most {MOST_URLS} URLs at a time"));
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli: Cli = support::cli::parse(validate);
    if let Err(message) = prepare(&cli.output_dir) {
        Cli::command()
            .bin_name(BIN)
            .error(ErrorKind::InvalidValue, message)
            .exit();
    }
    match run(&cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("fetch-files: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Makes the output folder if it is missing, and checks that files can be
/// written in it, before anything is downloaded.
fn prepare(dir: &Path) -> Result<(), String> {
    let shown = dir.display();
    if dir.exists() && !dir.is_dir() {
        return Err(format!("--output-dir {shown}: is a file, not a folder"));
    }
    std::fs::create_dir_all(dir)
        .map_err(|error| format!("--output-dir {shown}: cannot create it: {error}"))?;
    support::cli::check_writable(
        &dir.join(format!(".fetch-files-{}", std::process::id())),
    )
    .map_err(|why| format!("--output-dir {shown}: {why}"))
}

/// Downloads everything and prints one line per URL; `Ok(false)` if any failed.
fn run(cli: &Cli) -> std::io::Result<bool> {
    let client = Client::new(Duration::from_millis(cli.timeout_ms));
    let (client, _site) = with_local_site(client, cli.local_site)?;
    let runtime = support::clock::tokio_runtime(ClockMode::Real)?;
    let results = runtime.block_on(download_all(&client, &cli.urls, &cli.output_dir));
    let console = Console::stdout();
    let mut all_saved = true;
    for (url, result) in cli.urls.iter().zip(results) {
        match result {
            Ok(saved) => {
                console.line(format!(
                    "saved {} ({} bytes)",
                    saved.path.display(),
                    saved.bytes
                ));
            }
            Err(error) => {
                all_saved = false;
                console.line(format!("{url}: {error}"));
            }
        }
    }
    Ok(all_saved)
}
