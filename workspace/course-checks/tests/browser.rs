//! The built book, opened in a real browser: headless Chromium.
//!
//! `ci/check` runs this after `mdbook build`, with the browser it found or
//! installed (see `ci/browser-check`); it is ignored in a plain `cargo test`,
//! which has no built book and may have no browser. By hand:
//!
//! ```text
//! mdbook build && COURSE_BROWSER=chromium \
//!     cargo test -p course-checks --test browser -- --ignored
//! ```
//!
//! A small web server on 127.0.0.1 serves `book-out/html` and one page of
//! its own, the harness. Chromium opens the harness once, and the harness
//! opens every page of SUMMARY.md in turn in a frame, then the search. It
//! checks that each page rendered (its title, a heading, no unexpanded
//! `{{#...}}`, every picture decodable, every quiz drawn by its script) and
//! collects every address the page links to or loads; Chromium's
//! `--dump-dom` hands back its report. The test then checks that search
//! found a known term, that every local address names a file of the built
//! book, and that the server never had to answer "not found".

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// The term the search must find, and a page it must find it on.
const SEARCH_TERM: &str = "makerandom";
const SEARCH_FINDS: &str = "rules/makerandom.html";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `(title, page.html)` for every page SUMMARY.md links to, drafts aside.
fn summary_pages(summary: &str) -> Vec<(String, String)> {
    let mut pages = Vec::new();
    for line in summary.lines() {
        let Some(open) = line.find('[') else { continue };
        let Some(middle) = line[open..].find("](").map(|i| i + open) else {
            continue;
        };
        let Some(close) = line[middle..].find(')').map(|i| i + middle) else {
            continue;
        };
        let target = &line[middle + 2..close];
        if let Some(stem) = target.strip_suffix(".md") {
            pages.push((line[open + 1..middle].to_owned(), format!("{stem}.html")));
        }
    }
    pages
}

/// The harness: opens each page in a frame, checks it, and writes one
/// report line per finding into `<pre id="report">`.
const HARNESS: &str = r#"<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>book check</title></head>
<body><pre id="report"></pre><iframe id="frame" width="1000" height="800"></iframe>
<script>
const PAGES = __PAGES__;
const SEARCH = __SEARCH__;
const frame = document.getElementById('frame');
const lines = [];
const pause = ms => new Promise(resolve => setTimeout(resolve, ms));
function open(url) {
  return new Promise(resolve => { frame.onload = resolve; frame.src = url; });
}
async function checkPage(path, title) {
  await open(path);
  await pause(300); // the quizzes render from a script once the page has loaded
  const doc = frame.contentDocument;
  const problem = text => lines.push('problem ' + path + ': ' + text);
  if (!doc || !doc.querySelector('main')) { problem('no mdBook page here'); return; }
  if (!doc.title.includes(title)) problem('title is "' + doc.title + '", not "' + title + '"');
  const heading = doc.querySelector('main h1');
  if (!heading || !heading.textContent.trim()) problem('no heading');
  if (doc.querySelector('main').textContent.includes('{{#')) problem('an unexpanded {{#...}}');
  for (const quiz of doc.querySelectorAll('.quiz-placeholder')) {
    if (!quiz.querySelector('.mdbook-quiz')) problem('a quiz that its script did not draw');
  }
  for (const image of doc.querySelectorAll('main img')) {
    try { await image.decode(); } catch (error) { problem('picture ' + image.getAttribute('src') + ' cannot be shown'); }
  }
  const addresses = new Set();
  for (const element of doc.querySelectorAll('[href], [src]')) {
    const address = element.href || element.src;
    if (typeof address === 'string' && address.startsWith(location.origin)) addresses.add(address);
  }
  for (const address of addresses) lines.push('link ' + path + ' ' + address);
  lines.push('checked ' + path);
}
async function checkSearch() {
  await open('index.html?search=' + encodeURIComponent(SEARCH));
  let results = [];
  for (let tries = 0; tries < 50 && results.length === 0; tries++) {
    await pause(100);
    results = [...frame.contentDocument.querySelectorAll('#mdbook-searchresults li a')];
  }
  for (const result of results) lines.push('found ' + result.href);
  lines.push('searched ' + results.length);
}
(async () => {
  try {
    for (const [title, path] of PAGES) await checkPage(path, title);
    await checkSearch();
    lines.push('done');
  } catch (error) {
    lines.push('problem harness: ' + error);
  }
  document.getElementById('report').textContent = lines.join('\n');
})();
</script></body></html>
"#;

fn json_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn harness(pages: &[(String, String)]) -> String {
    let list: Vec<String> = pages
        .iter()
        .map(|(title, path)| format!("[{}, {}]", json_string(title), json_string(path)))
        .collect();
    HARNESS
        .replace("__PAGES__", &format!("[{}]", list.join(", ")))
        .replace("__SEARCH__", &json_string(SEARCH_TERM))
}

/// `%20` and friends, as they appear in a request's path.
fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = path
            .get(index + 1..index + 3)
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                index += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// The file of the built book that a local address names, if any.
fn book_file(html: &Path, address_path: &str) -> Option<PathBuf> {
    let path = address_path.split(['?', '#']).next().unwrap_or_default();
    let path = percent_decode(path);
    if path.split('/').any(|part| part == "..") {
        return None;
    }
    let mut file = html.join(path.trim_start_matches('/'));
    if path.ends_with('/') || path.is_empty() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "json" => "application/json",
        _ => "text/plain; charset=utf-8",
    }
}

/// Answers one request: the harness, a file of the book, or 404 (noted).
fn serve(
    stream: TcpStream,
    html: &Path,
    harness: &str,
    missing: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // The headers say nothing this server needs; read past them.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let (status, kind, body) = if path == "/__harness.html" {
        (
            "200 OK",
            "text/html; charset=utf-8",
            harness.as_bytes().to_vec(),
        )
    } else if let Some(file) = book_file(html, &path) {
        ("200 OK", content_type(&file), std::fs::read(&file)?)
    } else {
        missing
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(path);
        ("404 Not Found", "text/plain", b"not found".to_vec())
    };
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)
}

/// `&amp;` and friends, as `--dump-dom` writes them in text.
fn html_unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn report_text(dom: &str) -> Option<String> {
    let start = dom.find("<pre id=\"report\">")? + "<pre id=\"report\">".len();
    let end = dom[start..].find("</pre>")? + start;
    Some(html_unescape(&dom[start..end]))
}

/// Serves the book and the harness on 127.0.0.1, from a thread per
/// request, noting every path it does not have; returns the origin.
fn start_server(
    html: &Path,
    harness: String,
    missing: Arc<Mutex<Vec<String>>>,
) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let (html, harness) = (html.to_owned(), Arc::new(harness));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (html, harness, missing) =
                (html.clone(), harness.clone(), missing.clone());
            std::thread::spawn(move || {
                let _ = serve(stream, &html, &harness, &missing);
            });
        }
    });
    origin
}

/// Opens the harness in headless Chromium and returns its report.
fn run_browser(browser: &str, origin: &str) -> String {
    let profile =
        std::env::temp_dir().join(format!("course-chromium-{}", std::process::id()));
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            // Timers run on virtual time, which jumps ahead whenever
            // nothing is loading: the harness's pauses cost no real time.
            "--virtual-time-budget=600000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("{origin}/__harness.html"))
        .output()
        .unwrap_or_else(|error| {
            panic!("cannot start the browser `{browser}`: {error}")
        });
    let _ = std::fs::remove_dir_all(&profile);
    let dom = String::from_utf8_lossy(&output.stdout);
    report_text(&dom).unwrap_or_else(|| {
        panic!(
            "the browser returned no report ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

#[test]
#[ignore = "needs the built book and Chromium: ci/check runs it"]
fn every_page_renders_search_works_and_nothing_is_missing() {
    let root = root();
    let html = root.join("book-out/html");
    assert!(
        html.join("index.html").is_file(),
        "build the book first: mdbook build"
    );
    let browser = std::env::var("COURSE_BROWSER").unwrap_or_else(|_| "chromium".into());
    let summary = std::fs::read_to_string(root.join("book/SUMMARY.md")).unwrap();
    let pages = summary_pages(&summary);
    assert!(pages.len() > 3, "SUMMARY.md lists too few pages: {pages:?}");

    let missing = Arc::new(Mutex::new(Vec::new()));
    let origin = start_server(&html, harness(&pages), missing.clone());
    let report = run_browser(&browser, &origin);
    assert!(
        report.lines().any(|line| line == "done"),
        "the harness did not finish:\n{report}"
    );

    let mut problems: Vec<String> = report
        .lines()
        .filter_map(|line| line.strip_prefix("problem "))
        .map(str::to_owned)
        .collect();
    // mdBook draws each picture twice (the second copy for its zoomed
    // view), so a broken one is reported twice in a row.
    problems.dedup();
    let checked: BTreeSet<&str> = report
        .lines()
        .filter_map(|line| line.strip_prefix("checked "))
        .collect();
    for (title, page) in &pages {
        if !checked.contains(page.as_str()) {
            problems.push(format!("{page} ({title}) was not checked"));
        }
    }
    let mut linked = BTreeSet::new();
    for line in report.lines().filter_map(|line| line.strip_prefix("link ")) {
        let (page, address) = line.split_once(' ').unwrap_or((line, ""));
        let path = address.strip_prefix(&origin).unwrap_or(address);
        if path != "/__harness.html" && book_file(&html, path).is_none() {
            problems.push(format!(
                "{page} refers to {path}, which the book does not have"
            ));
        }
        linked.insert(path.to_owned());
    }
    let found: Vec<&str> = report
        .lines()
        .filter_map(|line| line.strip_prefix("found "))
        .collect();
    if !found.iter().any(|address| address.contains(SEARCH_FINDS)) {
        problems.push(format!(
            "searching for {SEARCH_TERM:?} did not find {SEARCH_FINDS}; it found {found:?}"
        ));
    }
    for path in missing
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
    {
        problems.push(format!(
            "the browser asked for {path}, which the book does not have"
        ));
    }
    let mut summary_line = String::new();
    let _ = write!(
        summary_line,
        "{} pages rendered, {} local addresses checked, search for {SEARCH_TERM:?} found {} results",
        checked.len(),
        linked.len(),
        found.len()
    );
    assert!(
        problems.is_empty(),
        "{}\n({summary_line})",
        problems.join("\n")
    );
    println!("{summary_line}");
}

#[test]
fn reads_the_summary_and_the_addresses() {
    let summary = "# Summary\n\n[Introduction](introduction.md)\n\n- [Concepts](concepts/index.md)\n    \
                   - [Quiz](concepts/quiz.md)\n- [Chaining futures]()\n";
    assert_eq!(
        summary_pages(summary),
        [
            ("Introduction".to_owned(), "introduction.html".to_owned()),
            ("Concepts".to_owned(), "concepts/index.html".to_owned()),
            ("Quiz".to_owned(), "concepts/quiz.html".to_owned()),
        ]
    );
    assert_eq!(percent_decode("/a%20b/c%2"), "/a b/c%2");
    assert_eq!(html_unescape("a &amp;lt; &lt;b&gt;"), "a &lt; <b>");
    assert_eq!(
        report_text("<body><pre id=\"report\">done &amp; dusted</pre>"),
        Some("done & dusted".to_owned())
    );
    assert!(book_file(Path::new("/nonexistent"), "/../etc/passwd").is_none());
}
