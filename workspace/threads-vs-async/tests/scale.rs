//! The scale experiment: what each kind of unit does, what the report says,
//! and that the book's chart is drawn from the book's run.
//!
//! Speed is not tested here: the book shows it from a measured run. These
//! tests check what holds on any machine.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use support::testing::many_threads;
use threads_vs_async::scale::report::parse_rows;
use threads_vs_async::scale::{self, Kind, chart};

const SCALE: &str = env!("CARGO_BIN_EXE_scale");

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(SCALE).args(args).output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

// On the paused clock the runtime jumps to each timer's deadline: ten
// thousand tasks that each wait a second take exactly one second, together.
#[tokio::test(start_paused = true)]
async fn ten_thousand_tokio_tasks_wait_their_second_together() {
    let outcome = scale::tokio_tasks(10_000, Duration::from_secs(1)).await;
    assert_eq!(outcome.spawned, 10_000);
    assert_eq!(outcome.spawn_time, Duration::ZERO);
    assert_eq!(outcome.total, Duration::from_secs(1));
    assert_eq!(outcome.stopped, None);
}

#[test]
fn threads_and_smol_tasks_all_run_and_wait_at_least_their_time() {
    let Some(_turn) = many_threads(300) else {
        return;
    };
    let wait = Duration::from_millis(20);
    let threads = scale::threads(300, scale::THREAD_CAP, wait, |_| {});
    let smol = scale::with_smol_executor(|executor| {
        smol::block_on(scale::smol_tasks(executor, 300, wait))
    });
    for outcome in [threads, smol] {
        assert_eq!(outcome.spawned, 300);
        assert_eq!(outcome.stopped, None);
        assert!(outcome.total >= wait, "{outcome:?}");
        assert!(outcome.spawn_time <= outcome.total, "{outcome:?}");
    }
}

#[test]
fn threads_stop_at_the_cap_and_say_why() {
    let Some(_turn) = many_threads(300) else {
        return;
    };
    let mut heard = Vec::new();
    let outcome = scale::threads(600, 300, Duration::from_millis(5), |n| heard.push(n));
    assert_eq!(outcome.spawned, 300);
    assert_eq!(outcome.stopped.as_deref(), Some("--max-threads is 300"));
    assert_eq!(heard, [256], "progress is reported every 256 threads");
}

#[test]
fn the_report_has_a_row_per_kind_from_a_child_process_each() {
    let Some(_turn) = many_threads(200) else {
        return;
    };
    let (code, stdout, stderr) = run(&["--units", "200", "--wait-ms", "20"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.starts_with("machine: "), "{stdout}");
    assert!(stdout.contains("200 units, each waits 0.02 s,"), "{stdout}");
    let rows = parse_rows(&stdout);
    let kinds: Vec<Kind> = rows.iter().map(|row| row.kind).collect();
    assert_eq!(kinds, Kind::ALL, "{stdout}");
    for row in &rows {
        assert_eq!(row.units, "200");
        assert!(row.total_seconds >= 0.02, "{stdout}");
        if cfg!(target_os = "linux") {
            assert!(row.bytes_per_unit.is_some(), "{stdout}");
        }
    }
}

#[test]
fn threads_that_hit_the_limit_end_the_row_not_the_report() {
    let (code, stdout, stderr) = run(&[
        "--kind",
        "threads",
        "--units",
        "50",
        "--max-threads",
        "20",
        "--wait-ms",
        "10",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(parse_rows(&stdout)[0].units, "20", "{stdout}");
    assert!(
        stdout.ends_with("\nthreads: stopped at 20 of 50: --max-threads is 20\n"),
        "{stdout}"
    );
}

#[test]
fn kinds_can_be_chosen_and_come_in_a_fixed_order() {
    let (code, stdout, _) = run(&[
        "--units",
        "10",
        "--wait-ms",
        "1",
        "--kind",
        "smol",
        "--kind",
        "tokio",
        "--kind",
        "smol",
    ]);
    assert_eq!(code, Some(0));
    let kinds: Vec<Kind> = parse_rows(&stdout).iter().map(|row| row.kind).collect();
    assert_eq!(kinds, [Kind::Tokio, Kind::Smol]);
}

#[test]
fn bad_arguments_get_a_clear_error_and_status_2() {
    let units = "expected a whole number from 1 to 2000000";
    for (args, message) in [
        (&["--units", "0"][..], units),
        (&["--units", "1000000000"], units),
        (&["--units", "-3"], units),
        (&["--units", "many"], units),
        (
            &["--wait-ms", "0"],
            "expected a whole number from 1 to 60000",
        ),
        (
            &["--max-threads", "0"],
            "expected a whole number from 1 to 100000",
        ),
        (
            &["--kind", "fibers"],
            "possible values: threads, tokio, smol",
        ),
    ] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?} started anyway: {stdout}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}

#[test]
fn an_svg_path_that_cannot_be_written_is_refused_before_measuring() {
    for (path, reason) in [
        ("/proc/x.svg", "cannot write a file there"),
        (
            "/no/such/folder/x.svg",
            "there is no folder /no/such/folder",
        ),
        (".", "is a folder"),
    ] {
        let (code, stdout, stderr) = run(&["--units", "1", "--svg", path]);
        assert_eq!(code, Some(2), "{path}: {stderr}");
        assert!(stdout.is_empty(), "{path}: measured first: {stdout}");
        assert!(
            stderr.contains(path) && stderr.contains(reason),
            "{path}: {stderr}"
        );
        assert!(!stderr.contains("Os {"), "{path}: {stderr}");
    }
}

#[test]
fn svg_writes_the_chart_of_the_table_it_prints() {
    let path = std::env::temp_dir().join(format!("scale-{}.svg", std::process::id()));
    let (code, stdout, _) = run(&[
        "--units",
        "20",
        "--wait-ms",
        "5",
        "--svg",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0));
    let svg = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(Some(svg), chart::render(&stdout));
}

/// The chart on the scale page is drawn from the measured run the page
/// shows. After measuring again, redraw it with
/// `UPDATE_TRANSCRIPTS=1 cargo test -p threads-vs-async --test scale`.
#[test]
fn the_books_chart_is_drawn_from_the_books_run() {
    let book =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book/threads-vs-async");
    let shown = std::fs::read_to_string(book.join("measured/scale.txt")).unwrap();
    let (_command, output) = shown.split_once('\n').unwrap();
    let drawn = chart::render(output).expect("the measured run has a table");
    let chart_file = book.join("scale.svg");
    if std::env::var_os("UPDATE_TRANSCRIPTS").is_some_and(|v| v == "1") {
        std::fs::write(&chart_file, &drawn).unwrap();
    }
    let committed = std::fs::read_to_string(&chart_file).unwrap_or_default();
    assert!(
        committed == drawn,
        "book/threads-vs-async/scale.svg is not the chart of measured/scale.txt; \
         redraw it with UPDATE_TRANSCRIPTS=1 cargo test -p threads-vs-async --test scale"
    );
}
