//! Checks the threads-vs-async chapter's exercises:
//! `cargo test -p threads-vs-async --test exercises`.
//!
//! Without features this tests your code in `exercises/`; CI runs it with
//! `--features solutions` to prove the worked solutions.

use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use threads_vs_async::client::{Client, FetchError};
use threads_vs_async::exercises::pool::run_on_pool;
use threads_vs_async::exercises::retry::get_with_retry;
use threads_vs_async::server::{LocalServer, Site};
use url::Url;

// Exercise: a pool of threads.

#[test]
fn pool_returns_every_result_in_the_order_of_the_jobs() {
    let jobs: Vec<_> = (0..200u64).map(|n| move || n * n).collect();
    let squares: Vec<u64> = (0..200).map(|n| n * n).collect();
    assert_eq!(run_on_pool(jobs, 4), squares);
}

#[test]
fn pool_with_no_jobs_returns_nothing() {
    let jobs: Vec<fn() -> u8> = Vec::new();
    assert!(run_on_pool(jobs, 3).is_empty());
}

#[test]
fn pool_runs_each_job_exactly_once_on_at_most_workers_threads() {
    let runs = AtomicUsize::new(0);
    let threads = Mutex::new(HashSet::new());
    let jobs: Vec<_> = (0..50)
        .map(|_| {
            || {
                runs.fetch_add(1, Ordering::SeqCst);
                threads.lock().unwrap().insert(thread::current().id());
                thread::sleep(Duration::from_millis(1));
            }
        })
        .collect();
    run_on_pool(jobs, 3);
    assert_eq!(runs.load(Ordering::SeqCst), 50, "every job runs once");
    let used = threads.lock().unwrap().len();
    assert!(used <= 3, "3 workers, but the jobs ran on {used} threads");
}

#[test]
fn pool_never_runs_more_than_workers_jobs_at_once() {
    let running = AtomicUsize::new(0);
    let most = AtomicUsize::new(0);
    let jobs: Vec<_> = (0..40)
        .map(|_| {
            || {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                thread::sleep(Duration::from_millis(2));
                running.fetch_sub(1, Ordering::SeqCst);
            }
        })
        .collect();
    run_on_pool(jobs, 4);
    let most = most.load(Ordering::SeqCst);
    assert!(most <= 4, "4 workers, but {most} jobs ran at the same time");
}

#[test]
fn pool_runs_workers_jobs_side_by_side() {
    // Each job waits until four jobs have started (or gives up after a long
    // while, so that a pool that runs fewer at once fails instead of hanging).
    let started = AtomicUsize::new(0);
    let met = AtomicUsize::new(0);
    let jobs: Vec<_> = (0..4)
        .map(|_| {
            || {
                started.fetch_add(1, Ordering::SeqCst);
                let deadline = Instant::now() + Duration::from_secs(10);
                while started.load(Ordering::SeqCst) < 4 && Instant::now() < deadline {
                    thread::sleep(Duration::from_millis(1));
                }
                if started.load(Ordering::SeqCst) >= 4 {
                    met.fetch_add(1, Ordering::SeqCst);
                }
            }
        })
        .collect();
    run_on_pool(jobs, 4);
    assert_eq!(
        met.load(Ordering::SeqCst),
        4,
        "with 4 workers, 4 jobs should all be running at the same time"
    );
}

#[test]
fn pool_of_w_threads_needs_n_over_w_rounds_of_waiting() {
    // 10 waits of 20 ms on 5 threads: at most 5 wait at a time, so at least
    // two rounds. A sleep never ends early, so this holds on any machine.
    let wait = Duration::from_millis(20);
    let jobs: Vec<_> = (0..10).map(|_| move || thread::sleep(wait)).collect();
    let started = Instant::now();
    run_on_pool(jobs, 5);
    assert!(started.elapsed() >= 2 * wait);
}

// Exercise: retry a page once (the HTTP part). These tests run against the
// local server over loopback, on the real clock. The client's timeout is
// the one real-time figure a passing answer depends on: two seconds is far
// more than a local page needs, even on a slow or loaded machine, and only
// /slow.html (a minute) is meant to run into it.

const PAUSE: Duration = Duration::from_millis(300);

fn retry_server() -> (LocalServer, Client) {
    let server = LocalServer::start(Site::new(Duration::from_millis(1), 10)).unwrap();
    (server, Client::new(Duration::from_secs(2)))
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
    // /slow.html takes a minute; the client gives up after 2 s.
    let error = get_with_retry(&client, &page(&server, "/slow.html"), PAUSE).await;
    assert!(matches!(error, Err(FetchError::Timeout(_))), "{error:?}");
    assert_eq!(server.site().requests_for("/slow.html"), 2);
}
