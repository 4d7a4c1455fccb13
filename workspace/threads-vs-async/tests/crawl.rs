//! The full program, areq, against the local site: known pages, broken ones,
//! and the exact lines it writes. Real loopback sockets, real clock; every
//! wait is bounded by the client's timeout, so the tests stop by themselves.

mod scratch;

use std::collections::HashSet;
use std::process::Command;
use std::time::Duration;

use scratch::ScratchDir;
use threads_vs_async::client::Client;
use threads_vs_async::crawl::{self, Summary, parse, parse_url_list};
use threads_vs_async::server::{LocalServer, SITE_HOST, Site, demo_site};
use url::Url;

const SAMPLE_URLS: &str = include_str!("../site/urls.txt");

fn url(text: &str) -> Url {
    Url::parse(text).unwrap()
}

/// Crawls `urls` on the local site; returns the output, the log and the totals.
async fn crawl_site(
    server: &LocalServer,
    urls: &[Url],
    limit: usize,
    timeout: Duration,
) -> (String, Vec<String>, Summary) {
    let client = Client::new(timeout).resolve(SITE_HOST, server.address());
    let mut output = Vec::new();
    let mut log = Vec::new();
    let summary = crawl::crawl(&client, urls, limit, &mut output, &mut |line: &str| {
        log.push(line.to_owned());
    })
    .await
    .unwrap();
    (String::from_utf8(output).unwrap(), log, summary)
}

#[test]
fn links_are_resolved_against_the_page_and_kept_once_in_page_order() {
    let page = url("http://site.test/about.html");
    let found = parse(&page, include_bytes!("../site/about.html"));
    let links: Vec<&str> = found.links.iter().map(Url::as_str).collect();
    assert_eq!(
        links,
        [
            "http://site.test/",
            "http://site.test/blog/",
            "http://site.test/blog/first-post.html",
            // "about.html", "http://SITE.test:80/about.html" and "": one page.
            "http://site.test/about.html",
            "http://www.rust-lang.org/learn",
        ]
    );
    assert!(found.problems.is_empty());
}

#[test]
fn an_href_that_is_no_url_is_reported_and_skipped() {
    let found = parse(
        &url("http://site.test/"),
        br#"<a href="http://[::1">bad</a><a href="good.html">good</a>"#,
    );
    assert_eq!(found.links, [url("http://site.test/good.html")]);
    assert_eq!(
        found.problems,
        [r#"the href "http://[::1" is not a URL (invalid IPv6 address), skipped"#]
    );
}

// The sample list holds every kind of page: good ones, a 404, a page slower
// than the timeout, malformed HTML, a page that is not UTF-8, and an
// address where the connection is refused.
#[tokio::test]
async fn the_sample_crawl_logs_every_failure_and_writes_every_link_once() {
    let server = LocalServer::start(demo_site()).unwrap();
    let list = parse_url_list(SAMPLE_URLS).unwrap();
    let (output, log, summary) =
        crawl_site(&server, &list.urls, 10, Duration::from_secs(2)).await;

    assert_eq!(
        log,
        [
            "http://site.test/: 12 links",
            "http://site.test/about.html: 5 links",
            "http://site.test/blog/: 3 links",
            "http://site.test/broken.html: 2 links",
            "http://site.test/broken.html: malformed HTML: a quoted value never closes (at byte 238)",
            "http://site.test/latin1.html: 2 links",
            "http://site.test/latin1.html: malformed HTML: an href that is not UTF-8, skipped (at byte 130)",
            "http://site.test/missing.html: failed: HTTP 404 Not Found",
            "http://site.test/slow.html: failed: no answer within 2000 ms",
            "http://127.0.0.1:1/: failed: connection refused",
        ]
    );
    assert_eq!(
        summary,
        Summary {
            urls: 8,
            crawled: 5,
            links: 24
        }
    );

    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines.len(), 24);
    let unique: HashSet<&str> = lines.iter().copied().collect();
    assert_eq!(unique.len(), lines.len(), "a link written twice: {output}");
    // The first page's links, in page order, resolved against it.
    assert_eq!(
        lines[..12],
        [
            "http://site.test/\thttp://site.test/style.css",
            "http://site.test/\thttp://site.test/about.html",
            "http://site.test/\thttp://site.test/blog/",
            "http://site.test/\thttp://site.test/files/notes.txt",
            "http://site.test/\thttp://site.test/#top",
            "http://site.test/\thttps://www.rust-lang.org/",
            "http://site.test/\tmailto:webmaster@site.test",
            "http://site.test/\thttp://site.test/search?q=async&lang=rust",
            "http://site.test/\thttp://site.test/missing.html",
            "http://site.test/\thttp://site.test/slow.html",
            "http://site.test/\thttp://site.test/broken.html",
            "http://site.test/\thttp://site.test/latin1.html",
        ]
    );
    // What could be read of the broken pages is kept.
    assert!(lines.contains(&"http://site.test/broken.html\thttp://site.test/blog/"));
    assert!(
        lines.contains(&"http://site.test/latin1.html\thttp://site.test/menu.html")
    );
    assert!(!output.contains("unfinished") && !output.contains("commented-out"));
    // Each page was fetched once.
    for path in [
        "/",
        "/about.html",
        "/blog/",
        "/broken.html",
        "/missing.html",
    ] {
        assert_eq!(server.site().requests_for(path), 1, "{path}");
    }
}

#[tokio::test]
async fn pages_are_written_in_the_order_of_the_list_not_the_order_they_finish() {
    let server = LocalServer::start(demo_site()).unwrap();
    // The slow page finishes (by timing out) long after the other two.
    let urls = [
        url("http://site.test/slow.html"),
        url("http://site.test/blog/"),
        url("http://site.test/about.html"),
    ];
    let (output, log, _) =
        crawl_site(&server, &urls, 3, Duration::from_millis(1500)).await;
    assert_eq!(
        log,
        [
            "http://site.test/slow.html: failed: no answer within 1500 ms",
            "http://site.test/blog/: 3 links",
            "http://site.test/about.html: 5 links",
        ]
    );
    assert!(output.starts_with("http://site.test/blog/\t"));
}

#[tokio::test]
async fn at_most_limit_pages_are_in_flight() {
    // Generated pages hold no links; what counts is how many wait at once.
    let server = LocalServer::start(Site::new(Duration::from_millis(200), 10)).unwrap();
    let urls: Vec<Url> = (0..6)
        .map(|page| url(&format!("http://site.test/pages/{page}")))
        .collect();
    let (output, _, summary) =
        crawl_site(&server, &urls, 2, Duration::from_secs(5)).await;
    assert_eq!(summary.crawled, 6);
    assert_eq!(output, "");
    assert_eq!(server.site().peak_in_flight(), 2);
}

#[test]
fn a_url_file_with_bad_lines_is_refused_naming_each() {
    let text =
        "# comment\n\nhttp://site.test/\nnot a url\nhttps://example.com/\nftp://x/\n";
    let error = parse_url_list(text).unwrap_err();
    assert_eq!(
        error,
        "3 line(s) are not http:// URLs:\n  \
         line 4: not a url: relative URL without a base\n  \
         line 5: https://example.com/: cannot fetch: https:// needs TLS, and this client speaks plain http:// only\n  \
         line 6: ftp://x/: cannot fetch: ftp: is not HTTP; this client fetches http:// URLs only"
    );
}

#[test]
fn a_url_file_without_urls_is_refused_and_repeats_are_crawled_once() {
    assert!(
        parse_url_list("# only a comment\n\n")
            .unwrap_err()
            .starts_with("no URLs")
    );
    let list =
        parse_url_list("http://a.test/\nhttp://b.test/\nhttp://A.test:80/\n").unwrap();
    assert_eq!(list.urls, [url("http://a.test/"), url("http://b.test/")]);
    assert_eq!(list.repeated, ["line 3: http://a.test/ again"]);
}

/// Runs the areq binary in `dir`; returns its stdout, stderr and exit code.
fn areq(dir: &ScratchDir, args: &[&str]) -> (String, String, Option<i32>) {
    let output = Command::new(env!("CARGO_BIN_EXE_areq"))
        .current_dir(dir.path())
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code(),
    )
}

#[test]
fn areq_appends_to_its_output_file_as_areq_py_does() {
    let dir = ScratchDir::new("areq-appends");
    let urls = dir.path().join("urls.txt");
    // Listed twice, crawled once: each link is still written once.
    std::fs::write(&urls, "http://site.test/blog/\nhttp://site.test/blog/\n").unwrap();
    let found = dir.path().join("found.txt");
    let run = || {
        areq(
            &dir,
            &[
                "--local-site",
                urls.to_str().unwrap(),
                "--output",
                found.to_str().unwrap(),
            ],
        )
    };
    let (_, log, status) = run();
    assert_eq!(status, Some(0), "{log}");
    assert!(
        log.starts_with(
            "URL file, line 2: http://site.test/blog/ again: crawled once\n"
        )
    );
    assert!(log.ends_with(&format!(
        "crawled 1 of 1 URLs; 3 links written to {}\n",
        found.display()
    )));
    let once = std::fs::read_to_string(&found).unwrap();
    assert_eq!(once.lines().count(), 3);
    run();
    let twice = std::fs::read_to_string(&found).unwrap();
    assert_eq!(twice, format!("{once}{once}"));
}

#[test]
fn areq_exits_with_status_1_when_any_page_failed() {
    let dir = ScratchDir::new("areq-partial");
    let urls = dir.path().join("urls.txt");
    std::fs::write(
        &urls,
        "http://site.test/blog/\nhttp://site.test/missing.html\n",
    )
    .unwrap();
    let (links, log, status) =
        areq(&dir, &["--local-site", urls.to_str().unwrap(), "-o", "-"]);
    assert_eq!(status, Some(1), "{log}");
    assert_eq!(
        links.lines().count(),
        3,
        "the good page's links are written"
    );
    assert!(log.contains("missing.html: failed: HTTP 404"), "{log}");
    assert!(log.ends_with("crawled 1 of 2 URLs; 3 links written to standard output\n"));
}

#[test]
fn areq_refuses_a_missing_or_bad_url_file_with_status_2() {
    let dir = ScratchDir::new("areq-bad-file");
    let missing = dir.path().join("nowhere.txt");
    let (_, error, status) = areq(&dir, &[missing.to_str().unwrap()]);
    assert_eq!(status, Some(2));
    assert!(error.contains("cannot read the URL file"), "{error}");

    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "http://site.test/\nwww.example.com\n").unwrap();
    let (_, error, status) = areq(&dir, &[bad.to_str().unwrap()]);
    assert_eq!(status, Some(2));
    assert!(error.contains("line 2: www.example.com"), "{error}");
    // Nothing was crawled, so no output file was started.
    assert!(!dir.path().join("foundurls.txt").exists());

    let not_utf8 = dir.path().join("binary.txt");
    std::fs::write(&not_utf8, b"http://site.test/\xff\n").unwrap();
    let (_, error, status) = areq(&dir, &[not_utf8.to_str().unwrap()]);
    assert_eq!(status, Some(2));
    assert!(error.contains("cannot read the URL file"), "{error}");
}
