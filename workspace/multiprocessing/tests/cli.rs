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
