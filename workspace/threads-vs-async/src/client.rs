//! `client`: a small async HTTP client, the chapter's `aiohttp`.
//!
//! It does one thing: `GET` a plain `http://` URL and return the body, or
//! say clearly what went wrong. Every request opens its own connection
//! (no pool) and the whole exchange, connecting included, runs under one
//! timeout. It speaks no TLS, on purpose: the course's programs talk to the
//! local server, and a TLS stack would triple the build for nothing.
//!
//! It is built on hyper's client connection (`hyper::client::conn`), the
//! layer that HTTP client libraries are built on, so the code shows what
//! each step of a request is.

use std::collections::HashMap;
use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::header::{HOST, HeaderValue, USER_AGENT};
use hyper::{Request, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use url::Url;

/// The largest body the client accepts, so a huge page cannot eat memory.
pub const MAX_BODY: usize = 16 * 1024 * 1024;

/// An async HTTP client. Cloning is cheap: clones share the settings.
#[derive(Debug, Clone)]
pub struct Client {
    timeout: Duration,
    /// Host names answered from here instead of the system's resolver, like
    /// curl's `--resolve`: how `--local-site` sends `site.test` to the
    /// local server, whatever port it got.
    hosts: Arc<HashMap<String, SocketAddr>>,
}

/// Why a request gave no page.
#[derive(Debug)]
pub enum FetchError {
    /// Not a URL this client can fetch (not `http://`, or no host).
    Unsupported(String),
    /// The TCP connection could not be made: refused, unreachable, unknown host.
    Connect(io::Error),
    /// The connection was made but the HTTP exchange broke off.
    Http(hyper::Error),
    /// The server answered, but not with success (raise_for_status).
    Status(StatusCode),
    /// The body was larger than [`MAX_BODY`].
    TooLarge,
    /// No complete answer within the timeout.
    Timeout(Duration),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Unsupported(why) => write!(f, "cannot fetch: {why}"),
            FetchError::Connect(error)
                if error.kind() == io::ErrorKind::ConnectionRefused =>
            {
                write!(f, "connection refused")
            }
            FetchError::Connect(error) => write!(f, "cannot connect: {error}"),
            FetchError::Http(error) => write!(f, "HTTP exchange failed: {error}"),
            FetchError::Status(status) if status.is_redirection() => {
                write!(f, "HTTP {status} (this client follows no redirects)")
            }
            FetchError::Status(status) => write!(f, "HTTP {status}"),
            FetchError::TooLarge => {
                write!(f, "the body is larger than {} MiB", MAX_BODY >> 20)
            }
            FetchError::Timeout(timeout) => {
                write!(f, "no answer within {} ms", timeout.as_millis())
            }
        }
    }
}

impl std::error::Error for FetchError {}

impl From<hyper::Error> for FetchError {
    fn from(error: hyper::Error) -> Self {
        FetchError::Http(error)
    }
}

/// Checks that `url` is something this client can fetch: `http://` with a
/// host. Returns the host and port to connect to.
pub fn http_target(url: &Url) -> Result<(&str, u16), FetchError> {
    match url.scheme() {
        "http" => {}
        "https" => {
            return Err(FetchError::Unsupported(
                "https:// needs TLS, and this client speaks plain http:// only"
                    .to_owned(),
            ));
        }
        other => {
            return Err(FetchError::Unsupported(format!(
                "{other}: is not HTTP; this client fetches http:// URLs only"
            )));
        }
    }
    let host = url
        .host_str()
        .ok_or_else(|| FetchError::Unsupported("the URL has no host".to_owned()))?;
    Ok((host, url.port_or_known_default().unwrap_or(80)))
}

impl Client {
    /// A client that gives up on any request after `timeout`.
    pub fn new(timeout: Duration) -> Self {
        Self {
            timeout,
            hosts: Arc::default(),
        }
    }

    /// Sends requests for `host` to `address` instead of looking it up.
    #[must_use]
    pub fn resolve(mut self, host: &str, address: SocketAddr) -> Self {
        Arc::make_mut(&mut self.hosts).insert(host.to_ascii_lowercase(), address);
        self
    }

    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    // ANCHOR: get
    /// `GET url`: the body of a successful answer, or why there is none.
    pub async fn get(&self, url: &Url) -> Result<Bytes, FetchError> {
        // One deadline for everything: looking up the host, connecting,
        // sending, waiting for the answer, reading the body. Dropping the
        // unfinished future closes the socket.
        tokio::time::timeout(self.timeout, self.get_without_timeout(url))
            .await
            .map_err(|_elapsed| FetchError::Timeout(self.timeout))?
    }

    async fn get_without_timeout(&self, url: &Url) -> Result<Bytes, FetchError> {
        let (host, port) = http_target(url)?;
        let stream = match self.hosts.get(host) {
            Some(address) => TcpStream::connect(address).await,
            // The system's resolver, then each address it gives in turn.
            None => TcpStream::connect((host, port)).await,
        }
        .map_err(FetchError::Connect)?;

        // hyper splits a connection in two: `sender` sends requests and
        // receives answers, `connection` does the actual reading and
        // writing on the socket. Both need polling, so this task drives
        // them together and stops when the exchange is done.
        let (mut sender, connection) =
            hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
        let request = request_for(url)?;
        let exchange = async move {
            let response = sender.send_request(request).await?;
            let status = response.status();
            if !status.is_success() {
                return Err(FetchError::Status(status));
            }
            read_body(response.into_body()).await
        };
        let (mut exchange, mut connection) = (pin!(exchange), pin!(connection));
        tokio::select! {
            result = &mut exchange => result,
            // A connection that fails ends the exchange too. One that ends
            // cleanly first (the server hung up) makes `send_request`
            // fail, which the exchange then reports.
            Err(error) = &mut connection => Err(error.into()),
        }
    }
    // ANCHOR_END: get
}

/// A `GET` for `url` in the form a server expects on the wire: the path and
/// query in the request line, the host in a `Host` header.
fn request_for(url: &Url) -> Result<Request<Empty<Bytes>>, FetchError> {
    let target = match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    };
    let host = match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_owned(),
    };
    let host = HeaderValue::from_str(&host)
        .map_err(|_| FetchError::Unsupported(format!("a host of {url}")))?;
    Request::get(target)
        .header(HOST, host)
        .header(USER_AGENT, "async-io-in-rust/0.1")
        .body(Empty::new())
        .map_err(|error| FetchError::Unsupported(error.to_string()))
}

/// Reads a body frame by frame, refusing one larger than [`MAX_BODY`].
async fn read_body(mut body: hyper::body::Incoming) -> Result<Bytes, FetchError> {
    let mut bytes = Vec::new();
    while let Some(frame) = body.frame().await {
        if let Ok(data) = frame?.into_data() {
            if bytes.len() + data.len() > MAX_BODY {
                return Err(FetchError::TooLarge);
            }
            bytes.extend_from_slice(&data);
        }
    }
    Ok(bytes.into())
}
