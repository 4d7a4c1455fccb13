//! The full program: `cargo run -p threads-vs-async --bin areq -- urls.txt`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{CommandFactory, Parser, error::ErrorKind};
use support::ClockMode;
use support::cli::number_in;
use threads_vs_async::client::Client;
use threads_vs_async::crawl::{self, UrlList};
use threads_vs_async::server::with_local_site;
use tokio::io::AsyncWrite;

/// The name in usage lines.
const BIN: &str = "areq";

/// The URL file `--local-site` crawls when it is given none.
const SAMPLE_URLS: &str = include_str!("../../site/urls.txt");

/// Crawls a list of pages concurrently and appends every link they hold to a
/// file, one `source_url<TAB>link` line per link: the article's areq.py.
///
/// A page that fails (a 404, a refused connection, a timeout) or holds
/// malformed HTML is logged on standard error, and the crawl goes on; the exit
/// status is 1 if any page failed.
#[derive(Debug, Parser)]
#[command(name = "areq", version, max_term_width = 80)]
struct Cli {
    /// The URLs to crawl: one http:// URL per line; blank lines and lines
    /// starting with # are skipped
    #[arg(value_name = "URL_FILE", required_unless_present = "local_site")]
    url_file: Option<PathBuf>,

    /// The file to append the links to; - writes them to standard output
    #[arg(long, short, value_name = "FILE", default_value = "foundurls.txt")]
    output: PathBuf,

    /// How many pages to fetch at once
    #[arg(long, value_name = "N", default_value_t = 10)]
    #[arg(value_parser = number_in(1_usize..=1000), allow_negative_numbers = true)]
    limit: usize,

    /// How long to wait for a page before giving up on it, in milliseconds
    #[arg(long, value_name = "MS", default_value_t = 10_000)]
    #[arg(value_parser = number_in(1_u64..=600_000), allow_negative_numbers = true)]
    timeout_ms: u64,

    /// Start the course's local site on 127.0.0.1 for this run and send
    /// requests for http://site.test/ to it; without a URL_FILE, crawl the
    /// site's sample list
    #[arg(long)]
    local_site: bool,
}

/// Ends the program with exit status 2, as for any other bad argument.
fn refuse(message: &str) -> ! {
    Cli::command()
        .bin_name(BIN)
        .error(ErrorKind::InvalidValue, message)
        .exit()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let list = match &cli.url_file {
        Some(path) => crawl::read_url_file(path),
        None => crawl::parse_url_list(SAMPLE_URLS),
    }
    .unwrap_or_else(|error| refuse(&error));
    match run(&cli, &list) {
        Ok(true) => ExitCode::SUCCESS,
        // The crawl went on past the pages that failed, but did not do all
        // it was asked: say so to whoever runs it from a script.
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("areq: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Crawls every URL of `list`; `Ok(false)` if any could not be fetched.
fn run(cli: &Cli, list: &UrlList) -> std::io::Result<bool> {
    for repeated in &list.repeated {
        eprintln!("URL file, {repeated}: crawled once");
    }
    let client = Client::new(Duration::from_millis(cli.timeout_ms));
    let (client, _site) = with_local_site(client, cli.local_site)?;
    let runtime = support::clock::tokio_runtime(ClockMode::Real)?;
    runtime.block_on(async {
        let to_stdout = cli.output == Path::new("-");
        let mut output: Box<dyn AsyncWrite + Unpin> = if to_stdout {
            Box::new(tokio::io::stdout())
        } else {
            // Append, as areq.py does: a second run adds to the first.
            let file = tokio::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&cli.output)
                .await;
            Box::new(file.unwrap_or_else(|error| {
                refuse(&format!(
                    "cannot open the output file {}: {error}",
                    cli.output.display()
                ))
            }))
        };
        let mut log = |line: &str| eprintln!("{line}");
        let summary =
            crawl::crawl(&client, &list.urls, cli.limit, &mut output, &mut log).await?;
        let destination = if to_stdout {
            "standard output".to_owned()
        } else {
            cli.output.display().to_string()
        };
        eprintln!(
            "crawled {} of {} URLs; {} links written to {destination}",
            summary.crawled, summary.urls, summary.links
        );
        Ok(summary.crawled == summary.urls)
    })
}
