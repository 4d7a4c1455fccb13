//! The notes' download example: files fetched together and saved with
//! tokio::fs, against the local server; a failing URL costs only itself.

mod scratch;

use std::time::Duration;

use scratch::ScratchDir;
use threads_vs_async::client::Client;
use threads_vs_async::fetch_files::{Saved, download_all};
use threads_vs_async::server::{LocalServer, SITE_HOST, Site, demo_site};
use url::Url;

fn url(text: &str) -> Url {
    Url::parse(text).unwrap()
}

#[tokio::test]
async fn each_file_is_saved_under_its_name_and_failures_are_kept_apart() {
    let server = LocalServer::start(demo_site()).unwrap();
    let client =
        Client::new(Duration::from_secs(5)).resolve(SITE_HOST, server.address());
    let dir = ScratchDir::new("fetch-files");
    let urls = [
        url("http://site.test/files/report.txt"),
        url("http://site.test/nothing/here.csv"),
        url("http://site.test/blog/"),
        url("http://site.test/files/photo.jpg"),
        url("http://site.test/other/report.txt"),
    ];
    let results = download_all(&client, &urls, dir.path()).await;

    let report = std::fs::read(dir.path().join("report.txt")).unwrap();
    assert_eq!(report.len(), 4096);
    assert!(report.starts_with(b"report.txt report.txt "));
    assert_eq!(
        std::fs::read(dir.path().join("index.html")).unwrap(),
        include_bytes!("../site/blog/index.html")
    );
    let outcomes: Vec<String> = results
        .iter()
        .map(|result| match result {
            Ok(Saved { path, bytes }) => format!(
                "saved {} ({bytes} bytes)",
                path.file_name().unwrap().to_string_lossy()
            ),
            Err(error) => error.to_string(),
        })
        .collect();
    assert_eq!(
        outcomes,
        [
            "saved report.txt (4096 bytes)".to_owned(),
            "HTTP 404 Not Found".to_owned(),
            format!(
                "saved index.html ({} bytes)",
                include_bytes!("../site/blog/index.html").len()
            ),
            "saved photo.jpg (4096 bytes)".to_owned(),
            "an earlier URL is saved as report.txt already; skipped".to_owned(),
        ]
    );
    // The 404 left no file behind, and the repeated name was never fetched.
    assert!(!dir.path().join("here.csv").exists());
    assert_eq!(server.site().requests_for("/other/report.txt"), 0);
}

#[tokio::test]
async fn the_files_are_fetched_at_the_same_time() {
    // Each answer takes 200 ms: long enough for all five to be in flight.
    let server = LocalServer::start(Site::new(Duration::from_millis(200), 10)).unwrap();
    let client =
        Client::new(Duration::from_secs(5)).resolve(SITE_HOST, server.address());
    let dir = ScratchDir::new("fetch-files-together");
    let urls: Vec<Url> = (0..5)
        .map(|n| url(&format!("http://site.test/files/{n}.txt")))
        .collect();
    let results = download_all(&client, &urls, dir.path()).await;
    assert!(results.iter().all(Result::is_ok));
    assert_eq!(server.site().peak_in_flight(), 5);
}

#[tokio::test]
async fn a_directory_that_cannot_be_written_is_reported_per_file() {
    let server = LocalServer::start(demo_site()).unwrap();
    let client =
        Client::new(Duration::from_secs(5)).resolve(SITE_HOST, server.address());
    let dir = ScratchDir::new("fetch-files-no-dir");
    let missing = dir.path().join("does-not-exist");
    let results =
        download_all(&client, &[url("http://site.test/files/a.txt")], &missing).await;
    let error = results.into_iter().next().unwrap().unwrap_err();
    assert!(error.to_string().starts_with("cannot write "), "{error}");
}

/// The course's rule for a program that works through a list: exit status 1
/// if any item failed, 0 only if all succeeded.
#[test]
fn the_program_exits_with_status_1_if_any_file_failed_and_0_if_none_did() {
    let dir = ScratchDir::new("fetch-files-status");
    let run = |urls: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_fetch-files"))
            .args(["--local-site", "--output-dir", dir.path().to_str().unwrap()])
            .args(urls)
            .output()
            .unwrap();
        output.status.code()
    };
    assert_eq!(run(&["http://site.test/files/a.txt"]), Some(0));
    assert_eq!(
        run(&[
            "http://site.test/files/b.txt",
            "http://site.test/nothing/here.csv"
        ]),
        Some(1)
    );
}

/// The output folder is checked before anything is downloaded.
#[test]
fn an_output_folder_that_cannot_take_files_is_refused_before_downloading() {
    let dir = ScratchDir::new("fetch-files-bad-dir");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    for (folder, reason) in [
        (file.to_str().unwrap(), "is a file, not a folder"),
        ("/proc", "cannot write a file there"),
        ("/proc/sys/x", "cannot create it"),
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_fetch-files"))
            .args(["--local-site", "--output-dir", folder])
            .arg("http://site.test/files/a.txt")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{folder}: {stderr}");
        assert!(output.stdout.is_empty(), "{folder}: downloaded first");
        assert!(
            stderr.contains(&format!("--output-dir {folder}: {reason}")),
            "{folder}: {stderr}"
        );
    }
}
