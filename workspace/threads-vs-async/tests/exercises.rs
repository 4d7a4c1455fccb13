//! Checks the threads-vs-async chapter's exercises:
//! `cargo test -p threads-vs-async --test exercises`.
//!
//! Without features this tests your code in `exercises/`; CI runs it with
//! `--features solutions` to prove the worked solutions.

// Exercise: retry a page once (the HTTP part). These tests run against the
// local server over loopback, on the real clock, with short waits.

use std::time::{Duration, Instant};

use threads_vs_async::client::{Client, FetchError};
use threads_vs_async::exercises::retry::get_with_retry;
use threads_vs_async::server::{LocalServer, Site};
use url::Url;

const PAUSE: Duration = Duration::from_millis(300);

fn retry_server() -> (LocalServer, Client) {
    let server = LocalServer::start(Site::new(Duration::from_millis(1), 10)).unwrap();
    (server, Client::new(Duration::from_millis(200)))
}

fn page(server: &LocalServer, path: &str) -> Url {
    Url::parse(&server.url(path)).unwrap()
}

#[tokio::test]
async fn retry_is_not_needed_for_a_page_that_works() {
    let (server, client) = retry_server();
    let body = get_with_retry(&client, &page(&server, "/about.html"), PAUSE).await;
    assert_eq!(&body.unwrap()[..], include_bytes!("../site/about.html"));
    assert_eq!(server.site().requests_for("/about.html"), 1, "asked once");
}

#[tokio::test]
async fn retry_asks_a_flaky_page_twice_and_returns_the_second_answer() {
    let (server, client) = retry_server();
    // /flaky.html answers 503 to its first request and 200 to its second.
    let body = get_with_retry(&client, &page(&server, "/flaky.html"), PAUSE).await;
    assert_eq!(
        &body.expect("the second try works")[..],
        b"<p>Worked this time.</p>"
    );
    assert_eq!(server.site().requests_for("/flaky.html"), 2);
}

#[tokio::test]
async fn retry_waits_the_pause_between_the_two_tries() {
    let (server, client) = retry_server();
    let started = Instant::now();
    get_with_retry(&client, &page(&server, "/flaky.html"), PAUSE)
        .await
        .unwrap();
    assert!(
        started.elapsed() >= PAUSE,
        "the second try came {:?} after the first; wait `pause` in between",
        started.elapsed()
    );
}

#[tokio::test]
async fn retry_gives_up_after_the_second_failure() {
    let (server, client) = retry_server();
    // /down.html always answers 503.
    let error = get_with_retry(&client, &page(&server, "/down.html"), PAUSE).await;
    match error {
        Err(FetchError::Status(status)) => assert_eq!(status.as_u16(), 503),
        other => panic!("expected the second 503, got {other:?}"),
    }
    assert_eq!(
        server.site().requests_for("/down.html"),
        2,
        "two tries, no more"
    );
}

#[tokio::test]
async fn retry_does_not_ask_again_after_a_404() {
    let (server, client) = retry_server();
    let error = get_with_retry(&client, &page(&server, "/missing.html"), PAUSE).await;
    match error {
        Err(FetchError::Status(status)) => assert_eq!(status.as_u16(), 404),
        other => panic!("expected a 404, got {other:?}"),
    }
    assert_eq!(server.site().requests_for("/missing.html"), 1);
}

#[tokio::test]
async fn retry_tries_a_timed_out_page_once_more() {
    let (server, client) = retry_server();
    // /slow.html takes a minute; the client gives up after 200 ms.
    let error = get_with_retry(&client, &page(&server, "/slow.html"), PAUSE).await;
    assert!(matches!(error, Err(FetchError::Timeout(_))), "{error:?}");
    assert_eq!(server.site().requests_for("/slow.html"), 2);
}
