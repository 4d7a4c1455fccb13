//! Bad input gets exit status 2 and a message saying what is allowed.

use support::testing::assert_refused;

const CHESS: &str = env!("CARGO_BIN_EXE_chess");
const COUNTASYNC: &str = env!("CARGO_BIN_EXE_countasync");
const COUNTSYNC: &str = env!("CARGO_BIN_EXE_countsync");

#[test]
fn chess_refuses_impossible_exhibitions() {
    let opponents = "expected a whole number from 1 to 1000";
    assert_refused(CHESS, &["--opponents", "-3"], opponents);
    assert_refused(CHESS, &["--opponents", "abc"], opponents);
    assert_refused(CHESS, &["--opponents", "0"], opponents);
    assert_refused(CHESS, &["--opponents", "100000000000"], opponents);
    assert_refused(CHESS, &["--move-pairs", "1000000"], "from 1 to 500");
    assert_refused(CHESS, &["--judit-seconds", "0"], "from 1 to 3600");
    assert_refused(CHESS, &["--speedup", "10"], "--real-time");
    assert_refused(CHESS, &["--real-time", "--speedup", "0"], "from 1 to 5000");
    assert_refused(
        CHESS,
        &["--schedule", "sideways"],
        "possible values: both, synchronous, asynchronous",
    );
}

#[test]
fn the_counts_take_one_or_two_sleeps() {
    for binary in [COUNTSYNC, COUNTASYNC] {
        assert_refused(
            binary,
            &["--sleeps", "0"],
            "expected a whole number from 1 to 2",
        );
        assert_refused(
            binary,
            &["--sleeps", "3"],
            "expected a whole number from 1 to 2",
        );
    }
    assert_refused(
        COUNTASYNC,
        &["--clock", "sundial"],
        "possible values: real, virtual",
    );
    // A blocking sleep holds the thread for real: there is no other clock.
    assert_refused(COUNTSYNC, &["--clock", "virtual"], "unexpected argument");
    assert_refused(
        COUNTASYNC,
        &["--runtime", "asyncio"],
        "possible values: tokio, smol",
    );
}

#[test]
fn smol_has_no_virtual_clock() {
    assert_refused(
        COUNTASYNC,
        &["--runtime", "smol", "--clock", "virtual"],
        "--clock virtual needs --runtime tokio",
    );
}

/// A bad `COURSE_CLOCK` is the environment's mistake, not a `--clock` the
/// reader typed: the message says which.
#[test]
fn a_bad_course_clock_is_reported_as_the_environment_variable() {
    let run = |args: &[&str]| {
        let output = std::process::Command::new(COUNTASYNC)
            .args(args)
            .env("COURSE_CLOCK", "bogus")
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (code, stderr) = run(&[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "invalid value 'bogus' for the environment variable COURSE_CLOCK, \
             which sets --clock: expected real or virtual"
        ),
        "{stderr}"
    );
    // Typed on the command line, it is --clock's own.
    let (code, stderr) = run(&["--clock", "sundial"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("invalid value 'sundial' for '--clock <CLOCK>'"),
        "{stderr}"
    );
    // And a good --clock overrides a bad environment.
    let (code, stderr) = run(&["--clock", "virtual"]);
    assert_eq!(code, Some(0), "{stderr}");
}
