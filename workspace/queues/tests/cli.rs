//! The programs as a user meets them: bad input gets exit status 2 and a
//! message saying what is allowed, never a hang or a panic; Ctrl-C stops a
//! run at once with status 130.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::testing::assert_refused;

const ASYNCQ: &str = env!("CARGO_BIN_EXE_asyncq");
const BACKPRESSURE: &str = env!("CARGO_BIN_EXE_backpressure");

fn run(binary: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(binary)
        .args(args)
        .env("COURSE_CLOCK", "virtual")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn asyncq_refuses_impossible_counts_and_sizes() {
    let counts = "expected a whole number from 0 to 10000";
    for flag in ["-p", "--nprod", "-c", "--ncon"] {
        assert_refused(ASYNCQ, &[flag, "-3"], counts);
        assert_refused(ASYNCQ, &[flag, "10001"], counts);
        assert_refused(ASYNCQ, &[flag, "many"], counts);
    }
    let sizes = "expected a whole number from 0 to 1000000";
    assert_refused(ASYNCQ, &["--maxsize", "-1"], sizes);
    assert_refused(ASYNCQ, &["--maxsize", "99999999999999999999"], sizes);
    assert_refused(
        ASYNCQ,
        &["--shutdown", "now"],
        "possible values: cancel, close, sentinel",
    );
    assert_refused(
        ASYNCQ,
        &["--runtime", "smol", "--clock", "virtual"],
        "smol has no paused clock",
    );
}

#[test]
fn asyncq_refuses_items_with_no_consumer_but_runs_an_empty_program() {
    assert_refused(ASYNCQ, &["-c", "0"], "would wait forever");
    assert_refused(
        ASYNCQ,
        &["-p", "1", "-c", "0", "--shutdown", "close"],
        "-c 1 or more",
    );
    let (code, stdout, _) = run(ASYNCQ, &["-p", "0", "-c", "0"]);
    assert_eq!(code, Some(0));
    assert_eq!(stdout, "Program completed in 0.00000 seconds.\n");
}

#[test]
fn backpressure_refuses_impossible_runs() {
    assert_refused(BACKPRESSURE, &["--items", "0"], "from 1 to 1000000");
    assert_refused(BACKPRESSURE, &["--items", "-5"], "from 1 to 1000000");
    assert_refused(BACKPRESSURE, &["--maxsize", "-1"], "from 0 to 1000000");
    assert_refused(BACKPRESSURE, &["--every", "86400"], "from 0 to 3600");
    assert_refused(BACKPRESSURE, &["--work", "-1"], "from 0 to 3600");
    assert_refused(BACKPRESSURE, &["--item-bytes", "1e9"], "from 0 to 1048576");
}

#[test]
fn backpressure_refuses_a_run_bigger_than_the_machines_memory() {
    // A million items of a MiB each, none taken before the last is made:
    // a tebibyte. Within each flag's range, beyond any machine's memory.
    let tebibyte = ["--items", "1000000", "--item-bytes", "1048576"];
    if support::machine::too_little_memory(1 << 40).is_none() {
        eprintln!("skipped: this machine can spare a tebibyte");
        return;
    }
    assert_refused(BACKPRESSURE, &tebibyte, "MiB are available");
    assert_refused(BACKPRESSURE, &tebibyte, "set --maxsize");
    // Items of a MiB through a queue of at most 10 need 12 MiB at once.
    let (code, stdout, stderr) = run(
        BACKPRESSURE,
        &[
            "--items",
            "100",
            "--item-bytes",
            "1048576",
            "--maxsize",
            "10",
            "--quiet",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("Peak: 10 item(s) waiting"), "{stdout}");
}

/// Starts asyncq on the real clock, waits for its first line (by then the
/// Ctrl-C handler is installed), sends SIGINT as a terminal's Ctrl-C does,
/// and checks that it stops at once with status 130.
#[cfg(unix)]
fn interrupt(runtime: &str) {
    let mut child = Command::new(ASYNCQ)
        .args(["--runtime", runtime])
        .env_remove("COURSE_CLOCK")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert_eq!(first, "Producer 0 sleeping for 4 seconds.\n");
    // `kill` the command, not an unsafe call to libc.
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let asked = Instant::now();
    // The run lasts 40 seconds; stopping promptly means well under that.
    while child.try_wait().unwrap().is_none() {
        assert!(
            asked.elapsed() < Duration::from_secs(10),
            "{runtime}: still running 10 s after Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{runtime}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("Interrupted by Ctrl-C after "),
        "{runtime}: {stderr}"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_asyncq_promptly_on_tokio() {
    interrupt("tokio");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_asyncq_promptly_on_smol() {
    interrupt("smol");
}
