//! The local server and the async client, over real loopback sockets.
//!
//! These tests run on the real clock: tokio's paused clock would jump ahead
//! while a socket is waiting and fire timeouts that never really expired.
//! Latencies are a few milliseconds, and every wait is bounded by a timeout,
//! so the tests stop by themselves.

use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use threads_vs_async::client::{Client, FetchError};
use threads_vs_async::server::{LocalServer, SITE_HOST, Site};
use url::Url;

fn url(text: &str) -> Url {
    Url::parse(text).unwrap()
}

fn server(latency_ms: u64, page_size: usize) -> LocalServer {
    LocalServer::start(Site::new(Duration::from_millis(latency_ms), page_size)).unwrap()
}

/// An address on this machine where nothing listens: a port the system
/// handed out a moment ago and that is free again.
fn closed_port() -> SocketAddr {
    let listener = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    listener.local_addr().unwrap()
}

#[tokio::test]
async fn the_server_answers_generated_pages_of_the_size_asked_for() {
    let server = server(1, 1000);
    let client = Client::new(Duration::from_secs(5));
    let body = client.get(&url(&server.url("/pages/7"))).await.unwrap();
    assert_eq!(body.len(), 1000);
    assert!(body.starts_with(b"7 7 7 "));
    let file = client.get(&url(&server.url("/files/a.txt"))).await.unwrap();
    assert!(file.starts_with(b"a.txt a.txt "));
    assert_eq!(server.site().requests_for("/pages/7"), 1);
    assert_eq!(server.site().requests_for("/files/a.txt"), 1);
}

#[tokio::test]
async fn the_site_serves_its_pages_and_a_404_for_the_rest() {
    let server = server(1, 10);
    let client = Client::new(Duration::from_secs(5));
    let index = client.get(&url(&server.url("/"))).await.unwrap();
    assert_eq!(&index[..], include_bytes!("../site/index.html"));
    let blog = client.get(&url(&server.url("/blog/"))).await.unwrap();
    assert_eq!(&blog[..], include_bytes!("../site/blog/index.html"));
    match client.get(&url(&server.url("/missing.html"))).await {
        Err(FetchError::Status(status)) => assert_eq!(status.as_u16(), 404),
        other => panic!("expected a 404, got {other:?}"),
    }
}

#[tokio::test]
async fn resolve_sends_a_host_name_to_the_local_server() {
    let server = server(1, 10);
    let client =
        Client::new(Duration::from_secs(5)).resolve(SITE_HOST, server.address());
    let about = client
        .get(&url("http://site.test/about.html"))
        .await
        .unwrap();
    assert_eq!(&about[..], include_bytes!("../site/about.html"));
    // Host names are not case-sensitive.
    assert!(
        client
            .get(&url("http://SITE.Test/about.html"))
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn a_refused_connection_is_an_error_not_a_panic() {
    let client = Client::new(Duration::from_secs(5));
    let error = client
        .get(&url(&format!("http://{}/", closed_port())))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, FetchError::Connect(e) if e.kind() == std::io::ErrorKind::ConnectionRefused),
        "{error:?}"
    );
    assert_eq!(error.to_string(), "connection refused");
}

#[tokio::test]
async fn a_page_slower_than_the_timeout_times_out() {
    let server = server(1, 10);
    let client = Client::new(Duration::from_millis(200));
    let started = std::time::Instant::now();
    let error = client
        .get(&url(&server.url("/slow.html")))
        .await
        .unwrap_err();
    assert!(matches!(error, FetchError::Timeout(_)), "{error:?}");
    assert_eq!(error.to_string(), "no answer within 200 ms");
    // It gave up at the timeout, long before the page's 60 s.
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[tokio::test]
async fn only_plain_http_urls_are_fetched() {
    let client = Client::new(Duration::from_secs(5));
    for unsupported in ["https://www.rust-lang.org/", "ftp://example.com/file"] {
        let error = client.get(&url(unsupported)).await.unwrap_err();
        assert!(matches!(error, FetchError::Unsupported(_)), "{error:?}");
    }
}

#[tokio::test]
async fn the_flaky_page_fails_every_other_time_and_down_always() {
    let server = server(1, 10);
    let client = Client::new(Duration::from_secs(5));
    let flaky = url(&server.url("/flaky.html"));
    let answers: Vec<bool> = futures::future::join_all(
        (0..4).map(|_| async { client.get(&flaky).await.is_ok() }),
    )
    .await;
    // Concurrent requests arrive in any order, but half of them fail.
    assert_eq!(answers.iter().filter(|ok| **ok).count(), 2, "{answers:?}");
    for _ in 0..2 {
        match client.get(&url(&server.url("/down.html"))).await {
            Err(FetchError::Status(status)) => assert_eq!(status.as_u16(), 503),
            other => panic!("expected a 503, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn the_server_counts_the_requests_in_flight_at_once() {
    let server = server(200, 10);
    let client = Client::new(Duration::from_secs(5));
    let pages: Vec<Url> = (0..3)
        .map(|n| url(&server.url(&format!("/pages/{n}"))))
        .collect();
    // Three requests at once: each waits 200 ms on the server, together.
    let answers =
        futures::future::join_all(pages.iter().map(|page| client.get(page))).await;
    assert!(answers.iter().all(Result::is_ok));
    assert_eq!(server.site().peak_in_flight(), 3);
    server.site().reset_peak();
    client.get(&pages[0]).await.unwrap();
    assert_eq!(server.site().peak_in_flight(), 1);
}
