//! Exercise: try a failed page once more.
//!
//! Page: "Exercises: the HTTP part", section "Retry a page once".

use std::time::Duration;

use hyper::body::Bytes;
use url::Url;

use crate::client::{Client, FetchError};

// ANCHOR: starter
/// Fetches `url` with `client`, like `client.get(url)`, but gives a failure
/// that may pass a second chance: after a 5xx answer, a timeout, or a
/// connection that was refused or broke off, it waits `pause` and tries once
/// more, returning what the second try returns.
///
/// Any other failure (a 404, a URL the client cannot fetch) is returned at
/// once: asking again would get the same answer.
pub async fn get_with_retry(
    client: &Client,
    url: &Url,
    pause: Duration,
) -> Result<Bytes, FetchError> {
    todo!(
        "call client.get; on a failure that may pass, sleep `pause` and call it again"
    )
}
// ANCHOR_END: starter
