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
