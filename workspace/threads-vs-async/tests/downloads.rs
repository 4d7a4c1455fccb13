//! The three download clients get every page, and keep to their limits.
//!
//! How fast they are is the report's business (`downloads`, whose output the
//! book shows): a test that timed them would fail on a busy machine. These
//! tests check what each client does, on real loopback sockets.

use std::time::Duration;

use support::Console;
use threads_vs_async::client::Client;
use threads_vs_async::download::{
    Measurement, Way, Workload, blocking_agent, download_async, download_sequential,
    download_with_threads, print_report,
};
use threads_vs_async::server::{LocalServer, Site};

const PAGE_SIZE: usize = 2048;

fn workload(pages: usize, latency_ms: u64, limit: usize) -> Workload {
    Workload {
        pages,
        latency: Duration::from_millis(latency_ms),
        page_size: PAGE_SIZE,
        limit,
    }
}

fn start(workload: &Workload) -> LocalServer {
    LocalServer::start(Site::new(workload.latency, workload.page_size)).unwrap()
}

fn assert_each_page_fetched_once(server: &LocalServer, pages: usize) {
    for page in 0..pages {
        let path = format!("/pages/{page}");
        assert_eq!(server.site().requests_for(&path), 1, "{path}");
    }
}

#[test]
fn the_sequential_client_gets_every_page_one_at_a_time() {
    let workload = workload(5, 5, 1);
    let server = start(&workload);
    let bytes = download_sequential(
        &blocking_agent(Duration::from_secs(5)),
        &workload.urls(&server),
    );
    assert_eq!(bytes.unwrap(), 5 * PAGE_SIZE);
    assert_eq!(server.site().peak_in_flight(), 1);
    assert_each_page_fetched_once(&server, 5);
}

#[test]
fn the_thread_pool_gets_every_page_with_at_most_one_per_thread() {
    let workload = workload(12, 200, 3);
    let server = start(&workload);
    let bytes = download_with_threads(
        &blocking_agent(Duration::from_secs(5)),
        &workload.urls(&server),
        3,
    );
    assert_eq!(bytes.unwrap(), 12 * PAGE_SIZE);
    assert_eq!(server.site().peak_in_flight(), 3);
    assert_each_page_fetched_once(&server, 12);
}

#[tokio::test]
async fn the_async_client_gets_every_page_with_at_most_limit_in_flight() {
    let workload = workload(12, 200, 3);
    let server = start(&workload);
    let client = Client::new(Duration::from_secs(5));
    let bytes = download_async(&client, &workload.urls(&server), 3).await;
    assert_eq!(bytes.unwrap(), 12 * PAGE_SIZE);
    assert_eq!(server.site().peak_in_flight(), 3);
    assert_each_page_fetched_once(&server, 12);
}

#[tokio::test]
async fn a_failing_page_fails_the_download_and_names_the_page() {
    let workload = workload(3, 1, 3);
    let server = start(&workload);
    let mut urls = workload.urls(&server);
    urls[1] = url::Url::parse(&server.url("/missing.html")).unwrap();
    let client = Client::new(Duration::from_secs(5));
    let error = download_async(&client, &urls, 3).await.unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("{}: HTTP 404 Not Found", urls[1])
    );
    let agent = blocking_agent(Duration::from_secs(5));
    let error = download_sequential(&agent, &urls).unwrap_err();
    assert_eq!(error.url, urls[1]);
}

#[test]
fn the_ideal_is_one_latency_per_round_of_limit_pages() {
    let workload = workload(60, 50, 10);
    assert_eq!(workload.ideal(10), Duration::from_millis(300));
    assert_eq!(workload.ideal(1), Duration::from_secs(3));
    assert_eq!(workload.ideal(7), Duration::from_millis(450));
    assert_eq!(workload.ideal(60), Duration::from_millis(50));
    let ways: Vec<usize> = Way::all(&workload).iter().map(|way| way.limit()).collect();
    assert_eq!(ways, [1, 10, 10, 60, 60]);
}

#[test]
fn the_report_prints_a_row_per_way_with_speedups_against_the_sequential_one() {
    let workload = workload(60, 50, 10);
    let measured = |way, millis, peak| Measurement {
        way,
        elapsed: Duration::from_millis(millis),
        peak,
    };
    let measurements = [
        measured(Way::Sequential, 3000, 1),
        measured(Way::Threads(10), 300, 10),
        measured(Way::Async(10), 330, 10),
        measured(Way::Threads(60), 60, 60),
        measured(Way::Async(60), 50, 60),
    ];
    let console = Console::recorder();
    print_report(&workload, &measurements, &console);
    let lines = console.lines();
    assert!(lines[0].starts_with("machine: "));
    assert_eq!(
        lines[1..],
        [
            "workload: 60 pages of 2048 bytes from a local hyper server, each answered after 50 ms",
            "",
            "client                                   in flight  seconds  ideal  speedup",
            "sequential (ureq)                                1     3.00   3.00     1.0x",
            "thread pool of 10 (ureq)                        10     0.30   0.30    10.0x",
            "async, 10 at a time (tokio, 1 thread)           10     0.33   0.30     9.1x",
            "thread pool of 60 (ureq)                        60     0.06   0.05    50.0x",
            "async, 60 at a time (tokio, 1 thread)           60     0.05   0.05    60.0x",
            "",
            "async, 10 at a time, took 1.10x its ideal, ceil(60 / 10) x 50 ms (goal: under 1.2x)",
        ]
    );
}
