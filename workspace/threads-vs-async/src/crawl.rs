//! `crawl`: the full program, the article's areq.py in Rust.
//!
//! Read a file of URLs; fetch the pages concurrently, at most `limit` at a
//! time; find every href in each page and resolve it against the page's
//! URL; append one `source_url<TAB>link` line per link to an output file.
//! A page that fails (a 404, a refused connection, a timeout) or that
//! cannot be fully read (malformed HTML) is logged, and the crawl goes on.
//!
//! Two choices differ from areq.py, both for the reader's sake:
//!
//! - each link is written once per source page, in the order the page
//!   has it (areq.py collects links in a set, which loses the order);
//! - pages are written in the order of the URL file, whatever order they
//!   finish in. The fetching is as concurrent as before; only the writing
//!   waits for its turn. So two runs write the same file, and a test (or a
//!   reader) can compare it line by line.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use futures::StreamExt;
use tokio::io::{AsyncWrite, AsyncWriteExt};
use url::Url;

use crate::client::{Client, FetchError, http_target};
use crate::links;

/// The most URLs a URL file may hold.
pub const MOST_URLS: usize = 100_000;

/// A URL file, read and checked.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct UrlList {
    /// Each URL once, in the file's order.
    pub urls: Vec<Url>,
    /// Lines that repeat an earlier URL, which is crawled once.
    pub repeated: Vec<String>,
}

// ANCHOR: url_list
/// Reads a URL file: one `http://` URL per line; blank lines and lines
/// starting with `#` are skipped.
///
/// A line that is not such a URL is a mistake in the file, and the crawl
/// would only report it later, mixed with the network's failures. So the
/// whole file is refused, naming every bad line, before anything is fetched.
pub fn parse_url_list(text: &str) -> Result<UrlList, String> {
    let mut list = UrlList::default();
    let mut seen = HashSet::new();
    let mut bad = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let number = index + 1;
        match http_url(line) {
            Ok(url) if seen.insert(url.clone()) => list.urls.push(url),
            Ok(url) => list.repeated.push(format!("line {number}: {url} again")),
            Err(why) => bad.push(format!("line {number}: {line}: {why}")),
        }
    }
    if !bad.is_empty() {
        return Err(format!(
            "{} line(s) are not http:// URLs:\n  {}",
            bad.len(),
            bad.join("\n  ")
        ));
    }
    if list.urls.is_empty() {
        return Err(
            "no URLs in it (one http:// URL per line; # starts a comment)".into(),
        );
    }
    if list.urls.len() > MOST_URLS {
        return Err(format!("more than {MOST_URLS} URLs in it"));
    }
    Ok(list)
}
// ANCHOR_END: url_list

/// `text` as a URL this crawler can fetch, or why not.
pub fn http_url(text: &str) -> Result<Url, String> {
    let url = Url::parse(text).map_err(|error| error.to_string())?;
    http_target(&url).map_err(|error| error.to_string())?;
    Ok(url)
}

/// [`parse_url_list`] on a file, with the file's name in any error.
pub fn read_url_file(path: &Path) -> Result<UrlList, String> {
    let text = std::fs::read_to_string(path).map_err(|error| {
        format!("cannot read the URL file {}: {error}", path.display())
    })?;
    parse_url_list(&text)
        .map_err(|error| format!("the URL file {}: {error}", path.display()))
}

/// The links of one page.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// Each link once, resolved against the page's URL, in page order.
    pub links: Vec<Url>,
    /// What could not be read: malformed HTML, hrefs that are not URLs.
    pub problems: Vec<String>,
}

// ANCHOR: parse
/// Finds the links in `html`, the page at `page_url`: each href resolved
/// the way a browser would (`urljoin` in Python), each link once.
pub fn parse(page_url: &Url, html: &[u8]) -> Found {
    let scan = links::scan(html);
    let mut found = Found {
        links: Vec::new(),
        problems: scan.problems,
    };
    let mut seen = HashSet::new();
    for href in scan.hrefs {
        match page_url.join(&href) {
            Ok(link) => {
                if seen.insert(link.clone()) {
                    found.links.push(link);
                }
            }
            Err(error) => found
                .problems
                .push(format!("the href {href:?} is not a URL ({error}), skipped")),
        }
    }
    found
}
// ANCHOR_END: parse

/// What became of one URL of the list.
#[derive(Debug)]
pub struct PageReport {
    pub url: Url,
    pub outcome: Result<Found, FetchError>,
}

// ANCHOR: crawl_one
/// Fetches one page and finds its links.
pub async fn crawl_one(client: &Client, url: &Url) -> PageReport {
    let outcome = client.get(url).await.map(|html| parse(url, &html));
    PageReport {
        url: url.clone(),
        outcome,
    }
}
// ANCHOR_END: crawl_one

impl PageReport {
    /// The lines for the output file: `source_url<TAB>link`.
    pub fn output_lines(&self) -> String {
        let mut lines = String::new();
        if let Ok(found) = &self.outcome {
            for link in &found.links {
                let _ = writeln!(lines, "{}\t{link}", self.url);
            }
        }
        lines
    }

    /// What the log says about this page.
    pub fn log_lines(&self) -> Vec<String> {
        match &self.outcome {
            Ok(found) => {
                let count = found.links.len();
                let plural = if count == 1 { "" } else { "s" };
                let mut lines = vec![format!("{}: {count} link{plural}", self.url)];
                lines.extend(
                    found.problems.iter().map(|problem| {
                        format!("{}: malformed HTML: {problem}", self.url)
                    }),
                );
                lines
            }
            Err(error) => vec![format!("{}: failed: {error}", self.url)],
        }
    }
}

/// The crawl's totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub urls: usize,
    pub crawled: usize,
    pub links: usize,
}

// ANCHOR: crawl
/// Crawls `urls`, at most `limit` at a time, appending each page's links to
/// `output` and telling `log` what happened, in the order of `urls`.
pub async fn crawl(
    client: &Client,
    urls: &[Url],
    limit: usize,
    output: &mut (impl AsyncWrite + Unpin),
    log: &mut impl FnMut(&str),
) -> std::io::Result<Summary> {
    // At most `limit` pages in flight; the others wait their turn to start.
    // The stream yields each page when it is done, in any order.
    let mut pages = futures::stream::iter(urls.iter().enumerate())
        .map(|(index, url)| async move { (index, crawl_one(client, url).await) })
        .buffer_unordered(limit);

    let mut summary = Summary {
        urls: urls.len(),
        crawled: 0,
        links: 0,
    };
    // Pages that finished before an earlier one, waiting to be written.
    let mut finished = BTreeMap::new();
    let mut next = 0;
    while let Some((index, report)) = pages.next().await {
        finished.insert(index, report);
        while let Some(report) = finished.remove(&next) {
            output.write_all(report.output_lines().as_bytes()).await?;
            for line in report.log_lines() {
                log(&line);
            }
            if let Ok(found) = &report.outcome {
                summary.crawled += 1;
                summary.links += found.links.len();
            }
            next += 1;
        }
    }
    output.flush().await?;
    Ok(summary)
}
// ANCHOR_END: crawl
