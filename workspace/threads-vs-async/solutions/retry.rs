//! Solution: try a failed page once more.

use std::time::Duration;

use hyper::body::Bytes;
use url::Url;

use crate::client::{Client, FetchError};

// ANCHOR: solution
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
    match client.get(url).await {
        Err(error) if may_pass(&error) => {
            // An async sleep: other tasks run while this one waits.
            tokio::time::sleep(pause).await;
            client.get(url).await
        }
        first => first,
    }
}

/// Whether the same request, sent again, might get a different answer.
fn may_pass(error: &FetchError) -> bool {
    match error {
        // 5xx: the server's trouble, often brief. 4xx: the request's.
        FetchError::Status(status) => status.is_server_error(),
        FetchError::Connect(_) | FetchError::Http(_) | FetchError::Timeout(_) => true,
        FetchError::Unsupported(_) | FetchError::TooLarge => false,
    }
}
// ANCHOR_END: solution
