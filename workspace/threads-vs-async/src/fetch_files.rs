//! `fetch_files`: the notes' download example, aiohttp and aiofiles in Rust.
//!
//! Several files are fetched at the same time, and each is written to disk
//! as soon as it has arrived. The HTTP client is the chapter's [`Client`];
//! the disk writes go through `tokio::fs`. A URL that fails is reported and
//! the others are kept: one missing file does not cost you the rest.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use url::Url;

use crate::client::{Client, FetchError};

/// Why one URL was not saved.
#[derive(Debug)]
pub enum SaveError {
    Fetch(FetchError),
    Write(PathBuf, std::io::Error),
    /// Another URL of the same run is saved under the same file name.
    SameName(String),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Fetch(error) => error.fmt(f),
            SaveError::Write(path, error) => {
                write!(f, "cannot write {}: {error}", path.display())
            }
            SaveError::SameName(name) => {
                write!(f, "an earlier URL is saved as {name} already; skipped")
            }
        }
    }
}

impl std::error::Error for SaveError {}

/// A file that was saved.
#[derive(Debug, PartialEq, Eq)]
pub struct Saved {
    pub path: PathBuf,
    pub bytes: usize,
}

/// The name a URL's file is saved under: the last segment of its path, as
/// the notes' `url.split("/")[-1]`, or `index.html` for a directory.
pub fn file_name(url: &Url) -> String {
    url.path_segments()
        .and_then(|mut segments| segments.next_back())
        .filter(|segment| !segment.is_empty())
        .unwrap_or("index.html")
        .to_owned()
}

// ANCHOR: download_file
/// Fetches `url` and writes its body to `path`. Returns the body's length.
pub async fn download_file(
    client: &Client,
    url: &Url,
    path: &Path,
) -> Result<usize, SaveError> {
    let body = client.get(url).await.map_err(SaveError::Fetch)?;
    // Like aiofiles, tokio::fs runs the write on a thread of a pool kept for
    // blocking calls, and this task awaits it: regular files offer no
    // readiness events to wait for, so the event loop cannot watch them.
    tokio::fs::write(path, &body)
        .await
        .map_err(|error| SaveError::Write(path.to_owned(), error))?;
    Ok(body.len())
}
// ANCHOR_END: download_file

// ANCHOR: download_all
/// Downloads every URL into `directory`, all at the same time, like
/// `asyncio.gather`. The results come back in the order of `urls`.
pub async fn download_all(
    client: &Client,
    urls: &[Url],
    directory: &Path,
) -> Vec<Result<Saved, SaveError>> {
    let names = unique_names(urls);
    let downloads = urls.iter().zip(names).map(|(url, name)| async move {
        let path = directory.join(name?);
        let bytes = download_file(client, url, &path).await?;
        Ok(Saved { path, bytes })
    });
    futures::future::join_all(downloads).await
}
// ANCHOR_END: download_all

/// Each URL's file name, or an error for a URL whose name an earlier one
/// already has: two downloads writing one file would leave either one.
fn unique_names(urls: &[Url]) -> Vec<Result<String, SaveError>> {
    let mut taken = HashSet::new();
    urls.iter()
        .map(|url| {
            let name = file_name(url);
            if taken.insert(name.clone()) {
                Ok(name)
            } else {
                Err(SaveError::SameName(name))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_named_after_the_last_segment_of_its_path() {
        let name = |url: &str| file_name(&Url::parse(url).unwrap());
        assert_eq!(name("http://example.com/files/report.pdf"), "report.pdf");
        assert_eq!(name("http://example.com/a/b.txt?download=1"), "b.txt");
        assert_eq!(name("http://example.com/"), "index.html");
        assert_eq!(name("http://example.com/docs/"), "index.html");
        // `..` never survives URL parsing, so no name leaves the directory.
        assert_eq!(name("http://example.com/a/../../passwd"), "passwd");
        assert_eq!(name("http://example.com/a%2F..%2Fb"), "a%2F..%2Fb");
    }
}
