//! Bad input gets exit status 2 and a message saying what is allowed.

use support::testing::assert_refused;

const CHAINED: &str = env!("CARGO_BIN_EXE_chained");
const TOOLBOX: &str = env!("CARGO_BIN_EXE_toolbox");

#[test]
fn chained_refuses_bad_ids_and_seeds() {
    let id = "expected a whole number from 0 to 999999";
    assert_refused(CHAINED, &["one"], id);
    assert_refused(CHAINED, &["1", "-2"], id);
    assert_refused(CHAINED, &["1", "2.5"], id);
    assert_refused(CHAINED, &["10000000"], id);
    let seed = "expected a whole number from 0 to 18446744073709551615";
    assert_refused(CHAINED, &["--seed", "-444"], seed);
    assert_refused(CHAINED, &["--seed", "99999999999999999999"], seed);
    let thousands: Vec<String> = (0..5000).map(|n| n.to_string()).collect();
    let thousands: Vec<&str> = thousands.iter().map(String::as_str).collect();
    assert_refused(CHAINED, &thousands, "run at most 100 chains at once");
    assert_refused(
        CHAINED,
        &["--runtime", "smol", "--clock", "virtual"],
        "--clock virtual needs --runtime tokio",
    );
}

#[test]
fn toolbox_names_its_examples() {
    assert_refused(
        TOOLBOX,
        &["gahter"],
        "tip: a similar subcommand exists: 'gather'",
    );
    assert_refused(TOOLBOX, &[], "Usage:");
}

#[test]
fn toolbox_takes_clock_before_or_after_the_example() {
    let run = |args: &[&str]| {
        let output = std::process::Command::new(TOOLBOX)
            .args(args)
            .env_remove("COURSE_CLOCK")
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
        )
    };
    let before = run(&["--clock", "virtual", "timeout"]);
    assert_eq!(before.0, Some(0));
    assert_eq!(run(&["timeout", "--clock", "virtual"]), before);
    assert_eq!(run(&["timeout", "--clock=virtual"]), before);
}

#[test]
fn chained_refuses_a_timeline_it_could_not_write_before_running() {
    let output = std::process::Command::new(CHAINED)
        .args(["--timeline", "/proc/x.svg"])
        .env("COURSE_CLOCK", "virtual")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        output.stdout.is_empty(),
        "it ran the chains first: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(stderr.contains("/proc/x.svg"), "{stderr}");
    assert!(stderr.contains("cannot write a file there"), "{stderr}");
    assert_refused(
        CHAINED,
        &["--timeline", "/no/such/folder/x.svg"],
        "there is no folder /no/such/folder",
    );
    assert_refused(CHAINED, &["--timeline", "."], "is a folder");
}
