//! `ci/serve` on a port that is taken says so and names `-p PORT`, before
//! installing anything, rather than letting mdBook panic.

use std::net::TcpListener;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn serve_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ci/serve")
}

/// Runs `ci/serve ARGS`; returns its exit code and stderr. A script that
/// got past its checks would install mdBook and serve for ever: it is
/// stopped, with everything it started, after a minute.
fn serve(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new("bash")
        .arg(serve_script())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .status();
            panic!("ci/serve {args:?} went on to install and serve");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_busy_port_is_named_with_the_option_that_picks_another() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    for args in [
        vec!["-p", port.as_str()],
        vec!["--port", port.as_str()],
        vec!["--open", &format!("--port={port}")],
    ] {
        let (code, stderr) = serve(&args);
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains(&format!("port {port} is busy")),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("ci/serve -p PORT"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_port_that_is_not_a_number_is_refused_with_status_2() {
    for port in ["abc", "0", "70000", ""] {
        let (code, stderr) = serve(&["-p", port]);
        assert_eq!(code, Some(2), "{port:?}: {stderr}");
        assert!(
            stderr.contains("a port number from 1 to 65535"),
            "{port:?}: {stderr}"
        );
    }
}
