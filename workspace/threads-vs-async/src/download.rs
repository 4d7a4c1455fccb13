//! `download`: many pages over HTTP, three ways. The concurrency article's
//! IO-bound comparison, against the local server.
//!
//! Each page takes the server a fixed latency to answer, so the client
//! spends nearly all its time waiting: the work is IO-bound. The three
//! clients differ only in how many pages they wait for at once:
//!
//! - one after another, with a blocking client (Python's `requests`);
//! - a fixed pool of OS threads, each with the same blocking client
//!   (`ThreadPoolExecutor`);
//! - async tasks on one thread, at most `limit` at a time (`asyncio` with a
//!   `Semaphore`).
//!
//! Every client opens a new connection for every page, so they all do the
//! same work on the wire.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use support::clock::{ClockMode, tokio_runtime};
use support::{Console, Stopwatch};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use url::Url;

use crate::client::Client;
use crate::server::{LocalServer, Site};

/// A download that failed, with the page it was for.
#[derive(Debug)]
pub struct DownloadError {
    pub url: Url,
    pub reason: String,
}

impl DownloadError {
    fn new(url: &Url, reason: impl fmt::Display) -> Self {
        Self {
            url: url.clone(),
            reason: reason.to_string(),
        }
    }
}

impl fmt::Display for DownloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.url, self.reason)
    }
}

impl std::error::Error for DownloadError {}

/// No page of the local server should take longer than this to arrive.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// The blocking client: an agent of ureq, shared by every thread that uses
/// it, like a `requests.Session`.
pub fn blocking_agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        // No pool: a new connection for every page, like the async client.
        .max_idle_connections(0)
        .max_idle_connections_per_host(0)
        .build()
        .into()
}

// ANCHOR: get_blocking
/// `GET url` with the blocking client: the thread waits, doing nothing,
/// until the whole body has arrived. Returns the body's length.
pub fn get_blocking(agent: &ureq::Agent, url: &Url) -> Result<usize, DownloadError> {
    let mut response = agent
        .get(url.as_str())
        .call()
        .map_err(|error| DownloadError::new(url, error))?;
    let body = response
        .body_mut()
        .read_to_vec()
        .map_err(|error| DownloadError::new(url, error))?;
    Ok(body.len())
}
// ANCHOR_END: get_blocking

// ANCHOR: sequential
/// Downloads every page, one after another. Returns the bytes received.
pub fn download_sequential(
    agent: &ureq::Agent,
    urls: &[Url],
) -> Result<usize, DownloadError> {
    let mut bytes = 0;
    for url in urls {
        bytes += get_blocking(agent, url)?;
    }
    Ok(bytes)
}
// ANCHOR_END: sequential

// ANCHOR: thread_pool
/// Downloads every page on a pool of `threads` OS threads. Returns the
/// bytes received.
pub fn download_with_threads(
    agent: &ureq::Agent,
    urls: &[Url],
    threads: usize,
) -> Result<usize, DownloadError> {
    // The pool's queue: each worker takes the next page number until none
    // are left. At most `threads` pages are in flight, one per thread.
    let next_page = AtomicUsize::new(0);
    // Scoped threads may borrow `urls` and `agent`: the scope waits for all
    // of them before it returns.
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut bytes = 0;
                    loop {
                        let page = next_page.fetch_add(1, Ordering::Relaxed);
                        let Some(url) = urls.get(page) else {
                            return Ok(bytes);
                        };
                        bytes += get_blocking(agent, url)?;
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().expect("a download thread does not panic"))
            .sum()
    })
}
// ANCHOR_END: thread_pool

// ANCHOR: async
/// Downloads every page as its own task, at most `limit` at a time. Returns
/// the bytes received. Run it on any tokio runtime; the report uses the
/// course's single-threaded one.
pub async fn download_async(
    client: &Client,
    urls: &[Url],
    limit: usize,
) -> Result<usize, DownloadError> {
    // `limit` permits: a task holds one while its request is in flight,
    // like `async with semaphore:` in Python.
    let permits = Arc::new(Semaphore::new(limit));
    let mut tasks = JoinSet::new();
    for url in urls {
        let (client, url, permits) = (client.clone(), url.clone(), permits.clone());
        tasks.spawn(async move {
            let _permit = permits.acquire_owned().await.expect("never closed");
            match client.get(&url).await {
                Ok(body) => Ok(body.len()),
                Err(error) => Err(DownloadError::new(&url, error)),
            }
        });
    }
    let mut bytes = 0;
    while let Some(finished) = tasks.join_next().await {
        // Returning early drops `tasks`, which cancels the downloads left.
        bytes += finished.expect("a download task does not panic")?;
    }
    Ok(bytes)
}
// ANCHOR_END: async

/// What the report downloads.
#[derive(Debug, Clone, Copy)]
pub struct Workload {
    pub pages: usize,
    pub latency: Duration,
    pub page_size: usize,
    /// How many pages the thread pool and the async client fetch at once.
    pub limit: usize,
}

impl Workload {
    /// The least time `pages` pages can take with `in_flight` at a time,
    /// counting only the server's latency: ceil(pages / in_flight) waits.
    pub fn ideal(&self, in_flight: usize) -> Duration {
        self.latency * self.pages.div_ceil(in_flight) as u32
    }

    /// The local server's URL of every page.
    pub fn urls(&self, server: &LocalServer) -> Vec<Url> {
        (0..self.pages)
            .map(|page| {
                Url::parse(&server.url(&format!("/pages/{page}")))
                    .expect("the server's own URLs parse")
            })
            .collect()
    }
}

/// One way to download the pages, and how many it keeps in flight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    Sequential,
    Threads(usize),
    Async(usize),
}

impl Way {
    /// The report's five: one at a time; `limit` at a time with threads and
    /// with tasks; and every page at once, with threads and with tasks.
    pub fn all(workload: &Workload) -> [Way; 5] {
        let (limit, pages) = (workload.limit, workload.pages);
        [
            Way::Sequential,
            Way::Threads(limit),
            Way::Async(limit),
            Way::Threads(pages),
            Way::Async(pages),
        ]
    }

    /// How many pages this way has in flight at most.
    pub fn limit(self) -> usize {
        match self {
            Way::Sequential => 1,
            Way::Threads(limit) | Way::Async(limit) => limit,
        }
    }

    fn label(self) -> String {
        match self {
            Way::Sequential => "sequential (ureq)".to_owned(),
            Way::Threads(threads) => format!("thread pool of {threads} (ureq)"),
            Way::Async(limit) => format!("async, {limit} at a time (tokio, 1 thread)"),
        }
    }
}

/// How one way did.
#[derive(Debug, Clone, Copy)]
pub struct Measurement {
    pub way: Way,
    pub elapsed: Duration,
    /// The most requests the server saw in flight at once.
    pub peak: usize,
}

// ANCHOR: measure
/// Starts a local server and downloads the workload every [`Way`], timing each.
pub fn measure(
    workload: &Workload,
) -> Result<Vec<Measurement>, Box<dyn std::error::Error>> {
    let server = LocalServer::start(Site::new(workload.latency, workload.page_size))?;
    let urls = workload.urls(&server);
    let agent = blocking_agent(TIMEOUT);
    let client = Client::new(TIMEOUT);
    // The course's event loop: one thread runs every async task.
    let runtime = tokio_runtime(ClockMode::Real)?;
    let mut measurements = Vec::new();
    for way in Way::all(workload) {
        server.site().reset_peak();
        let stopwatch = Stopwatch::start();
        let bytes = match way {
            Way::Sequential => download_sequential(&agent, &urls),
            Way::Threads(threads) => download_with_threads(&agent, &urls, threads),
            Way::Async(limit) => {
                runtime.block_on(download_async(&client, &urls, limit))
            }
        }?;
        let elapsed = stopwatch.elapsed();
        let expected = workload.pages * workload.page_size;
        if bytes != expected {
            return Err(
                format!("{}: {bytes} bytes, not {expected}", way.label()).into()
            );
        }
        let peak = server.site().peak_in_flight();
        measurements.push(Measurement { way, elapsed, peak });
    }
    Ok(measurements)
}
// ANCHOR_END: measure

/// Prints the report: the machine, the workload, the table, the goal.
pub fn print_report(
    workload: &Workload,
    measurements: &[Measurement],
    console: &Console,
) {
    console.line(support::machine::describe());
    console.line(format!(
        "workload: {} pages of {} bytes from a local hyper server, each answered after {} ms",
        workload.pages,
        workload.page_size,
        workload.latency.as_millis()
    ));
    console.line("");
    console.line(format!(
        "{:<40} {:>9} {:>8} {:>6} {:>8}",
        "client", "in flight", "seconds", "ideal", "speedup"
    ));
    let sequential = measurements[0].elapsed.as_secs_f64();
    for measurement in measurements {
        console.line(format!(
            "{:<40} {:>9} {:>8.2} {:>6.2} {:>7.1}x",
            measurement.way.label(),
            measurement.peak,
            measurement.elapsed.as_secs_f64(),
            workload.ideal(measurement.way.limit()).as_secs_f64(),
            sequential / measurement.elapsed.as_secs_f64(),
        ));
    }
    let limit = workload.limit;
    let limited = measurements
        .iter()
        .find(|measurement| measurement.way == Way::Async(limit))
        .map_or(Duration::ZERO, |measurement| measurement.elapsed);
    console.line("");
    console.line(format!(
        "async, {limit} at a time, took {:.2}x its ideal, ceil({} / {limit}) x {} ms \
         (goal: under 1.2x)",
        limited.as_secs_f64() / workload.ideal(limit).as_secs_f64(),
        workload.pages,
        workload.latency.as_millis()
    ));
}
