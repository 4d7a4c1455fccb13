//! Bad input gets exit status 2 and a message saying what is allowed.

use std::process::Command;

use support::testing::assert_refused;

const CPU_BOUND: &str = env!("CARGO_BIN_EXE_cpu-bound");
const PROCESS_POOL: &str = env!("CARGO_BIN_EXE_process-pool");

#[test]
fn no_workers_no_jobs_and_absurd_sizes_are_refused() {
    for binary in [CPU_BOUND, PROCESS_POOL] {
        assert_refused(
            binary,
            &["--workers", "0"],
            "expected a whole number from 1 to",
        );
        assert_refused(
            binary,
            &["--workers", "-2"],
            "expected a whole number from 1 to",
        );
        assert_refused(binary, &["--jobs", "0"], "from 1 to 1000");
        assert_refused(binary, &["--jobs", "1000000"], "from 1 to 1000");
        assert_refused(binary, &["--size", "0"], "from 1 to 100000000");
        assert_refused(binary, &["--size", "1e12"], "from 1 to 100000000");
        assert_refused(
            binary,
            &["--size", "99999999999999999999999"],
            "from 1 to 100000000",
        );
    }
    assert_refused(CPU_BOUND, &["--rounds", "0"], "from 1 to 20");
    assert_refused(PROCESS_POOL, &["--timeout", "0"], "from 1 to 3600");
}

#[test]
fn faults_must_name_a_job_that_exists_and_only_one_fault_each() {
    assert_refused(
        PROCESS_POOL,
        &["--jobs", "3", "--crash-job", "4"],
        "--crash-job 4: there are only 3 jobs",
    );
    assert_refused(
        PROCESS_POOL,
        &["--hang-job", "21"],
        "--hang-job 21: there are only 20 jobs",
    );
    assert_refused(
        PROCESS_POOL,
        &["--jobs", "1", "--hang-job", "2"],
        "--hang-job 2: there is only 1 job (see --jobs)",
    );
    assert_refused(
        PROCESS_POOL,
        &["--crash-job", "2", "--hang-job", "2"],
        "a job cannot both crash and hang",
    );
}

#[test]
fn the_pool_exits_with_status_1_when_a_job_failed() {
    let output = Command::new(PROCESS_POOL)
        .args(["--jobs", "3", "--size", "100", "--crash-job", "2"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.ends_with("2 done, 1 crashed\n"), "{stdout}");
    // The worker's panic message reaches the terminal it shares with the
    // parent: one line, from the worker's own panic hook.
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr,
        "worker panicked: asked to crash on the job below 101\n"
    );
}

#[test]
fn a_worker_can_be_driven_by_hand() {
    use std::io::Write;
    use std::process::Stdio;
    for binary in [CPU_BOUND, PROCESS_POOL] {
        let mut child = Command::new(binary)
            .arg("worker")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(b"10\n3\n").unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success());
        assert_eq!(String::from_utf8_lossy(&output.stdout), "285\n5\n");
    }
}

#[test]
fn a_bad_request_typed_into_a_worker_is_answered_with_what_a_request_is() {
    use std::io::Write;
    use std::process::Stdio;
    for binary in [CPU_BOUND, PROCESS_POOL] {
        for line in [
            "abc",
            "10 explode",
            "-5",
            "99999999999999999999",
            "10 hang now",
        ] {
            let mut child = Command::new(binary)
                .arg("worker")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let mut input = child.stdin.take().unwrap();
            writeln!(input, "3\n{line}\n4").unwrap();
            drop(input);
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{line:?}: {stderr}");
            // The good line before it was answered; nothing after it.
            assert_eq!(String::from_utf8_lossy(&output.stdout), "5\n", "{line:?}");
            assert!(
                stderr.starts_with(&format!("worker: bad request {line:?}: ")),
                "{line:?}: {stderr}"
            );
            assert!(
                stderr.contains("a request is a whole number from 0 to 100001000"),
                "{line:?}: {stderr}"
            );
            assert!(!stderr.contains("Custom"), "{line:?}: {stderr}");
        }
        // Input that is not text at all.
        let mut child = Command::new(binary)
            .arg("worker")
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"\xff\xfe\n")
            .unwrap();
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.starts_with("worker: bad request: "), "{stderr}");
        assert!(stderr.contains("a request is a whole number"), "{stderr}");
    }
}

/// The processes whose parent is `parent`, from Linux's /proc.
#[cfg(target_os = "linux")]
fn children_of(parent: u32) -> Vec<u32> {
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
                // `pid (name) state ppid ...`: the name may hold spaces.
                stat.rsplit_once(')')
                    .and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse().ok())
                    == Some(parent)
            })
        })
        .collect()
}

/// Whether `pid` still runs: it exists and is not a zombie waiting to be
/// reaped (a container's init may never reap the orphans it is handed).
#[cfg(target_os = "linux")]
fn is_running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| state != "Z" && state != "X")
    })
}

/// A signal to the parent alone (not to its process group, as a terminal's
/// Ctrl-C sends) ends the parent; its hung worker must not run on.
#[cfg(target_os = "linux")]
#[test]
fn no_worker_outlives_its_parent_however_the_parent_ends() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    for signal in ["INT", "TERM", "KILL"] {
        // Job 1 is answered; job 2 goes to the same worker, which hangs.
        let mut parent = Command::new(PROCESS_POOL)
            .args(["--jobs", "2", "--workers", "1", "--size", "10"])
            .args(["--hang-job", "2", "--timeout", "3600"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(parent.stdout.take().unwrap()).lines();
        let answered = lines
            .by_ref()
            .map_while(Result::ok)
            .any(|line| line.starts_with("job 1: "));
        assert!(answered, "{signal}: job 1 was never answered");
        let workers = children_of(parent.id());
        assert_eq!(workers.len(), 1, "{signal}: workers {workers:?}");
        // Give the parent a moment to send job 2, so that the worker is
        // hung, not waiting for input, when the parent ends. (If it is
        // slower than that, the worker sees its input end and exits: the
        // test passes all the same.)
        std::thread::sleep(Duration::from_millis(300));
        let sent = Command::new("kill")
            .args([&format!("-{signal}"), &parent.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let status = parent.wait().unwrap();
        assert!(!status.success(), "{signal}: {status}");
        let ended = Instant::now();
        while is_running(workers[0]) {
            if ended.elapsed() > Duration::from_secs(10) {
                let _ = Command::new("kill")
                    .args(["-KILL", &workers[0].to_string()])
                    .status();
                panic!("{signal}: the worker still runs 10 s after its parent ended");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
