//! The course's local site: `cargo run -p threads-vs-async --bin serve-pages`.

use std::net::Ipv4Addr;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use support::ClockMode;
use support::cli::number_in;
use threads_vs_async::server::{self, Site};

/// Serves the course's local site on 127.0.0.1 until you stop it with Ctrl-C:
/// the server that the chapter's programs start for themselves.
///
/// It answers /pages/N and /files/NAME with generated text of --page-size
/// bytes, serves the crawler's small site, and waits --latency-ms before
/// every answer.
#[derive(Debug, Parser)]
#[command(name = "serve-pages", version, max_term_width = 80)]
struct Cli {
    /// The port to listen on; 0 lets the system pick a free one
    #[arg(long, value_name = "PORT", default_value_t = 8000)]
    #[arg(value_parser = number_in(0_u16..=65535), allow_negative_numbers = true)]
    port: u16,

    /// How long to wait before every answer, in milliseconds
    #[arg(long, value_name = "MS", default_value_t = 20)]
    #[arg(value_parser = number_in(0_u64..=10_000), allow_negative_numbers = true)]
    latency_ms: u64,

    /// The size of the generated pages, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = 4096)]
    #[arg(value_parser = number_in(0_usize..=1_048_576), allow_negative_numbers = true)]
    page_size: usize,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let site = Site::new(Duration::from_millis(cli.latency_ms), cli.page_size);
    let served = support::clock::tokio_runtime(ClockMode::Real).and_then(|runtime| {
        runtime.block_on(async {
            let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, cli.port)).await?;
            let address = listener.local_addr()?;
            println!("serving the course's local site at http://{address}/ (Ctrl-C stops it)");
            let pages: Vec<_> = server::site_paths().collect();
            println!("pages: {}", pages.join(" "));
            println!("and: /pages/N /files/NAME /flaky.html /down.html; anything else is a 404");
            server::serve(listener, site).await;
            Ok(())
        })
    });
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "serve-pages: cannot serve on 127.0.0.1:{}: {error}",
                cli.port
            );
            if error.kind() == std::io::ErrorKind::AddrInUse {
                eprintln!(
                    "choose another port with --port N, or --port 0 for any free one"
                );
            }
            ExitCode::FAILURE
        }
    }
}
