//! The crates stand on their own: no lesson crate depends on another, and
//! none uses the course's checks in its programs. (`cargo tree -p LESSON
//! -e normal` shows the same.) A lesson may list `course-checks` as a
//! dev-dependency only, for the test that replays its own binaries.

use std::path::Path;

const LESSONS: [&str; 6] = [
    "concepts",
    "rules",
    "chaining",
    "queues",
    "threads-vs-async",
    "multiprocessing",
];

/// The names in `[section]` of a Cargo.toml, one `name = ...` or
/// `name.workspace = true` per line.
fn section<'a>(manifest: &'a str, section: &str) -> Vec<&'a str> {
    let header = format!("[{section}]");
    manifest
        .lines()
        .skip_while(|line| line.trim() != header)
        .skip(1)
        .take_while(|line| !line.starts_with('['))
        .filter(|line| !line.trim_start().starts_with('#') && line.contains('='))
        .map(|line| line.split(['=', '.']).next().unwrap_or_default().trim())
        .collect()
}

#[test]
fn no_lesson_depends_on_another_lesson_or_on_the_checks() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for lesson in LESSONS {
        let manifest =
            std::fs::read_to_string(workspace.join(lesson).join("Cargo.toml")).unwrap();
        let dependencies = section(&manifest, "dependencies");
        for name in &dependencies {
            assert!(
                !LESSONS.contains(name) && *name != "course-checks",
                "{lesson} depends on {name}"
            );
        }
        for name in section(&manifest, "dev-dependencies") {
            assert!(
                !LESSONS.contains(&name),
                "{lesson}'s tests depend on {name}"
            );
        }
    }
}

#[test]
fn reads_the_sections_of_a_manifest() {
    let manifest = "[package]\nname = \"x\"\n\n[dependencies]\n# a comment = no\nclap.workspace = true\nsupport = { path = \"s\" }\n\n[lints]\nworkspace = true\n";
    assert_eq!(section(manifest, "dependencies"), ["clap", "support"]);
    assert!(section(manifest, "dev-dependencies").is_empty());
}
