//! `server`: a real HTTP server on this machine, for the chapter's clients.
//!
//! The notes' downloads and crawler talk to the internet. The course's
//! programs talk to this server instead: it listens on 127.0.0.1 at a port
//! the operating system picks, answers every request after a latency you
//! choose (an async sleep, so a thousand waiting requests cost it nothing),
//! and serves pages of a size you choose. The network is then the same on
//! every machine, and the timings measure the clients, not the internet.
//!
//! It also serves a small site for the crawler, with pages that go wrong on
//! purpose: a 404, a page slower than any sensible timeout, malformed HTML,
//! a page that is not UTF-8, and pages that fail and then work.
//!
//! The server is hyper's HTTP/1 connection handler driven by tokio, one task
//! per connection. It keeps count of the requests it sees, so tests can ask
//! how often a page was fetched and how many requests were in flight at once.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::client::Client;

/// The host name the programs' `--local-site` flag sends to this server,
/// whatever port it got: `http://site.test/about.html`. (`.test` is reserved
/// for testing, so it can never be a real site.)
pub const SITE_HOST: &str = "site.test";

/// How long `/slow.html` takes to answer: longer than any timeout a client
/// of the course uses, so a client that waits for it has a bug.
pub const SLOW: Duration = Duration::from_secs(60);

/// The crawler's site: path, content type, body. `/` and `/blog/` are
/// directories whose index page answers, as on most web servers.
const PAGES: &[(&str, &str, &[u8])] = &[
    ("/", HTML, include_bytes!("../site/index.html")),
    ("/index.html", HTML, include_bytes!("../site/index.html")),
    ("/about.html", HTML, include_bytes!("../site/about.html")),
    ("/blog/", HTML, include_bytes!("../site/blog/index.html")),
    (
        "/blog/index.html",
        HTML,
        include_bytes!("../site/blog/index.html"),
    ),
    (
        "/blog/first-post.html",
        HTML,
        include_bytes!("../site/blog/first-post.html"),
    ),
    ("/broken.html", HTML, include_bytes!("../site/broken.html")),
    ("/slow.html", HTML, b"<p>Worth the wait?</p>\n"),
    (
        "/latin1.html",
        "text/html; charset=iso-8859-1",
        include_bytes!("../site/latin1.html"),
    ),
    ("/urls.txt", TEXT, include_bytes!("../site/urls.txt")),
];

const HTML: &str = "text/html; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

/// What the server serves, and what it has seen. Cloning is cheap and the
/// clones share the counts, so a test can keep one and hand one to the server.
#[derive(Debug, Clone)]
pub struct Site {
    latency: Duration,
    page_size: usize,
    traffic: Arc<Traffic>,
}

/// The server's counts, kept for tests and reports.
#[derive(Debug, Default)]
struct Traffic {
    requests: Mutex<HashMap<String, usize>>,
    in_flight: AtomicUsize,
    peak: AtomicUsize,
}

impl Site {
    /// A site that answers every request after `latency`, with generated
    /// pages (`/pages/N`, `/files/NAME`) of `page_size` bytes.
    pub fn new(latency: Duration, page_size: usize) -> Self {
        Self {
            latency,
            page_size,
            traffic: Arc::default(),
        }
    }

    /// How many requests for `path` the server has answered or is answering.
    pub fn requests_for(&self, path: &str) -> usize {
        let requests = self.traffic.requests.lock();
        let requests = requests.unwrap_or_else(PoisonError::into_inner);
        requests.get(path).copied().unwrap_or_default()
    }

    /// The most requests the server was handling at the same moment since it
    /// started, or since the last [`Site::reset_peak`].
    pub fn peak_in_flight(&self) -> usize {
        self.traffic.peak.load(Ordering::SeqCst)
    }

    pub fn reset_peak(&self) {
        self.traffic.peak.store(0, Ordering::SeqCst);
    }

    // ANCHOR: handle
    /// Answers one request: count it, wait the latency, serve the page.
    async fn handle(self, request: Request<Incoming>) -> Response<Full<Bytes>> {
        let path = request.uri().path().to_owned();
        let hits = self.arrived(&path);
        // A request in flight is counted until its answer is ready, even if
        // the client gives up first and this future is dropped mid-sleep.
        let _in_flight = InFlight::enter(&self.traffic);
        // The latency is a timer, not a blocked thread: this server waits for
        // thousands of requests at once on a single thread.
        let wait = if path == "/slow.html" {
            SLOW
        } else {
            self.latency
        };
        tokio::time::sleep(wait).await;
        self.page(&path, hits)
    }
    // ANCHOR_END: handle

    /// Counts a request for `path` and returns how many there have been.
    fn arrived(&self, path: &str) -> usize {
        // A panic elsewhere while holding the lock leaves the counts as they
        // were; they are still the best counts there are.
        let mut requests = self
            .traffic
            .requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let count = requests.entry(path.to_owned()).or_default();
        *count += 1;
        *count
    }

    /// The answer for `path`, the `hits`-th request for it.
    fn page(&self, path: &str, hits: usize) -> Response<Full<Bytes>> {
        if let Some(number) = path.strip_prefix("/pages/") {
            return answer(StatusCode::OK, TEXT, self.generated(number));
        }
        if let Some(name) = path.strip_prefix("/files/") {
            return answer(StatusCode::OK, TEXT, self.generated(name));
        }
        match path {
            // Fails every other time: the first request, the third...
            "/flaky.html" if hits % 2 == 1 => unavailable(),
            "/flaky.html" => answer(StatusCode::OK, HTML, "<p>Worked this time.</p>"),
            // Never works.
            "/down.html" => unavailable(),
            _ => match PAGES.iter().find(|(known, _, _)| *known == path) {
                Some((_, content_type, body)) => {
                    answer(StatusCode::OK, content_type, *body)
                }
                None => answer(StatusCode::NOT_FOUND, TEXT, "not found\n"),
            },
        }
    }

    /// `page_size` bytes of text that name the page: `pages/7 pages/7 pa`.
    fn generated(&self, name: &str) -> Vec<u8> {
        let word = format!("{name} ");
        word.bytes().cycle().take(self.page_size).collect()
    }
}

fn answer(
    status: StatusCode,
    content_type: &'static str,
    body: impl Into<Bytes>,
) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(body.into()));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

fn unavailable() -> Response<Full<Bytes>> {
    answer(StatusCode::SERVICE_UNAVAILABLE, TEXT, "try again later\n")
}

/// Counts one request in flight for as long as it lives.
struct InFlight<'a>(&'a Traffic);

impl<'a> InFlight<'a> {
    fn enter(traffic: &'a Traffic) -> Self {
        let now = traffic.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        traffic.peak.fetch_max(now, Ordering::SeqCst);
        Self(traffic)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

// ANCHOR: serve
/// Serves `site` on `listener` until the future is dropped.
pub async fn serve(listener: TcpListener, site: Site) {
    loop {
        let Ok((stream, _peer)) = listener.accept().await else {
            // Out of file descriptors, or a connection reset before it was
            // accepted: the server carries on. The pause keeps a lasting
            // error from spinning a core.
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let site = site.clone();
        // One task per connection: a slow client holds up nobody else.
        tokio::spawn(async move {
            let service = service_fn(move |request| {
                let site = site.clone();
                async move { Ok::<_, Infallible>(site.handle(request).await) }
            });
            // A client that hangs up halfway is its own business; the
            // connection's error is of no use to the server.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
// ANCHOR_END: serve

/// The server running on a thread of its own, for programs and tests that
/// need it beside their own work. Dropping it stops the server.
#[derive(Debug)]
pub struct LocalServer {
    address: SocketAddr,
    site: Site,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl LocalServer {
    /// Starts serving `site` on 127.0.0.1, at a port the system picks.
    pub fn start(site: Site) -> std::io::Result<Self> {
        // Port 0: the operating system picks a free port, so two programs
        // (or two tests) never fight over one.
        let listener = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        listener.set_nonblocking(true)?;
        let address = listener.local_addr()?;
        // Its own runtime on its own thread: the clients being measured
        // never share a thread with the server they measure against.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let (stop, stopped) = oneshot::channel::<()>();
        let served = site.clone();
        let thread = std::thread::Builder::new()
            .name("local-server".to_owned())
            .spawn(move || {
                runtime.block_on(async move {
                    let Ok(listener) = TcpListener::from_std(listener) else {
                        return;
                    };
                    tokio::select! {
                        () = serve(listener, served) => {}
                        _ = stopped => {}
                    }
                });
                // Dropping the runtime here cancels every connection task.
            })?;
        Ok(Self {
            address,
            site,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// Where the server listens: 127.0.0.1 and the port it got.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The site it serves, with its counts.
    pub fn site(&self) -> &Site {
        &self.site
    }

    /// `http://127.0.0.1:PORT` followed by `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }
}

impl Drop for LocalServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The local site that `--local-site` starts: a short latency, pages of 4 KiB.
pub fn demo_site() -> Site {
    Site::new(Duration::from_millis(20), 4096)
}

/// What `--local-site` does, if `wanted`: starts [`demo_site`] on its own
/// thread and makes `client` send requests for [`SITE_HOST`] to it. Keep the
/// server for as long as the client is in use; dropping it stops the site.
pub fn with_local_site(
    client: Client,
    wanted: bool,
) -> std::io::Result<(Client, Option<LocalServer>)> {
    if !wanted {
        return Ok((client, None));
    }
    let server = LocalServer::start(demo_site())?;
    let client = client.resolve(SITE_HOST, server.address());
    Ok((client, Some(server)))
}

/// The paths of the crawler's site, for `serve-pages` to list.
pub fn site_paths() -> impl Iterator<Item = &'static str> {
    PAGES.iter().map(|(path, _, _)| *path)
}
