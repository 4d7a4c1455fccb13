//! Every listing the book marks as a complete program builds on its own, in
//! the setting the book promises: a new `cargo new` project with that file as
//! its `src/main.rs` and only tokio (with its `full` feature), and where the
//! file uses them futures or rand, as dependencies.
//!
//! A page marks such a listing with `complete` in the fence and includes the
//! whole file, with no anchor:
//!
//! ````text
//! ```rust,ignore,complete
//! {{#include ../../workspace/concepts/src/bin/hello-async.rs}}
//! ```
//! ````
//!
//! The lesson crate builds, lints and tests the same file as one of its
//! binaries; this check proves that nothing of the course (`support`, clap,
//! the crate's own library) crept in. It needs crates.io the first time (the
//! `full` feature brings crates the workspace does not use), so it is
//! ignored in a plain `cargo test` and `ci/check` runs it:
//!
//! ```text
//! cargo test -p course-checks --test complete_programs -- --ignored
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A listing marked `complete`: the page that shows it and the file.
#[derive(Debug)]
struct Program {
    page: PathBuf,
    file: PathBuf,
}

/// Every `complete` listing of the book, or what is wrong with one.
fn complete_programs(book: &Path) -> Result<Vec<Program>, String> {
    let pages = course_checks::files_under(book, "md");
    let mut programs = Vec::new();
    for page in pages {
        let text = std::fs::read_to_string(&page).map_err(|e| e.to_string())?;
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            let Some(info) = line.trim().strip_prefix("```") else {
                continue;
            };
            if !info.split(',').any(|word| word.trim() == "complete") {
                continue;
            }
            let include = lines.next().unwrap_or_default().trim();
            let path = include
                .strip_prefix("{{#include ")
                .and_then(|rest| rest.strip_suffix("}}"))
                .filter(|path| !path.contains(':'))
                .ok_or_else(|| {
                    format!(
                        "{}: a `complete` listing must be one whole-file `{{{{#include FILE}}}}`, found `{include}`",
                        page.display()
                    )
                })?;
            let file = page.parent().unwrap_or(book).join(path);
            if lines.next().map(str::trim) != Some("```") {
                return Err(format!(
                    "{}: a `complete` listing holds the include and nothing else",
                    page.display()
                ));
            }
            programs.push(Program {
                page: page.clone(),
                file,
            });
        }
    }
    Ok(programs)
}

/// The crates a program may name besides the standard library's.
const ALLOWED: [&str; 3] = ["tokio", "futures", "rand"];

/// The dependencies a program needs (tokio always), or the first crate it
/// uses that a reader's new project would not have.
fn dependencies(source: &str) -> Result<Vec<&'static str>, String> {
    let mut needed = vec!["tokio"];
    for line in source.lines() {
        let line = line.trim();
        let Some(path) = line
            .strip_prefix("use ")
            .or_else(|| line.strip_prefix("pub use "))
        else {
            continue;
        };
        let first = path.split([':', ';', ' ', '{']).next().unwrap_or_default();
        match first {
            "std" | "core" | "alloc" | "self" | "super" | "crate" => {}
            name => match ALLOWED.iter().find(|allowed| **allowed == name) {
                Some(allowed) => {
                    if !needed.contains(allowed) {
                        needed.push(allowed);
                    }
                }
                None => {
                    return Err(format!(
                        "uses `{name}`, which is not one of {ALLOWED:?}"
                    ));
                }
            },
        }
    }
    // Paths written out in full, without a `use`.
    for allowed in &ALLOWED[1..] {
        if source.contains(&format!("{allowed}::")) && !needed.contains(allowed) {
            needed.push(allowed);
        }
    }
    needed.sort_unstable();
    Ok(needed)
}

/// The version the workspace pins for `name` (`"=1.54.1"`).
fn pinned_version(manifest: &str, name: &str) -> String {
    let line = manifest
        .lines()
        .find(|line| line.starts_with(&format!("{name} = ")))
        .unwrap_or_else(|| panic!("the workspace pins no {name}"));
    let start = line.find("\"=").expect("versions are pinned with =") + 1;
    let end = start + line[start..].find('"').expect("a closing quote");
    line[start..end].to_owned()
}

/// The `[dependencies]` a reader's project would have: what `cargo add`
/// gives (tokio with `full`), at the versions the course pins.
fn manifest_dependencies(needed: &[&str], workspace_manifest: &str) -> String {
    needed
        .iter()
        .map(|name| {
            let version = pinned_version(workspace_manifest, name);
            match *name {
                "tokio" => format!(
                    "tokio = {{ version = \"{version}\", features = [\"full\"] }}\n"
                ),
                other => format!("{other} = \"{version}\"\n"),
            }
        })
        .collect()
}

#[test]
#[ignore = "builds fresh crates, which may need crates.io: ci/check runs it"]
fn every_complete_program_builds_alone_with_only_its_few_dependencies() {
    let root = root();
    let programs = complete_programs(&root.join("book")).unwrap();
    assert!(
        !programs.is_empty(),
        "no page marks a listing as a complete program"
    );
    let workspace_manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let scratch = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), PathBuf::from)
        .join("complete-programs");

    // Programs that need the same dependencies share one project, one
    // binary each; the projects share a target directory.
    let mut projects: BTreeMap<Vec<&str>, Vec<&Program>> = BTreeMap::new();
    let mut problems = Vec::new();
    for program in &programs {
        let source = std::fs::read_to_string(&program.file)
            .unwrap_or_else(|e| panic!("{}: {e}", program.file.display()));
        if !source.contains("fn main()") {
            problems.push(format!("{}: no `fn main()`", program.file.display()));
        }
        match dependencies(&source) {
            Ok(needed) => projects.entry(needed).or_default().push(program),
            Err(problem) => problems.push(format!(
                "{} (shown on {}): {problem}",
                program.file.display(),
                program.page.display()
            )),
        }
    }
    for (needed, members) in &projects {
        let name = format!("reader-{}", needed.join("-"));
        let dir = scratch.join(&name);
        let _ = std::fs::remove_dir_all(dir.join("src"));
        std::fs::create_dir_all(dir.join("src/bin")).unwrap();
        std::fs::write(
            dir.join("Cargo.toml"),
            format!(
                "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\
                 publish = false\n\n[dependencies]\n{}\n[workspace]\n",
                manifest_dependencies(needed, &workspace_manifest)
            ),
        )
        .unwrap();
        // Start from the workspace's lock file, so that the crates both
        // share resolve to the versions the course was proven with.
        std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
        for program in members {
            let stem = program.file.file_stem().unwrap().to_string_lossy();
            let chapter = program
                .file
                .ancestors()
                .nth(3)
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            std::fs::copy(
                &program.file,
                dir.join("src/bin").join(format!("{chapter}-{stem}.rs")),
            )
            .unwrap();
        }
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let output = Command::new(cargo)
            .current_dir(&dir)
            .args(["build", "--quiet", "--bins"])
            .env("CARGO_TARGET_DIR", scratch.join("target"))
            // Not the course's lints or flags: a reader's defaults.
            .env_remove("RUSTFLAGS")
            .output()
            .unwrap();
        if !output.status.success() {
            problems.push(format!(
                "the complete programs {:?} do not build as a new project with only {needed:?}:\n{}",
                members.iter().map(|p| p.file.display().to_string()).collect::<Vec<_>>(),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    eprintln!(
        "{} complete program(s) built alone, in {} project(s)",
        programs.len(),
        projects.len()
    );
}

#[test]
fn every_chapter_opens_with_a_complete_program() {
    let root = root();
    let programs = complete_programs(&root.join("book")).unwrap();
    let summary = std::fs::read_to_string(root.join("book/SUMMARY.md")).unwrap();
    let chapters: Vec<&str> = summary
        .lines()
        .filter(|line| line.starts_with("- ["))
        .filter_map(|line| line.split("](").nth(1))
        .filter_map(|target| target.split('/').next())
        .filter(|chapter| root.join("workspace").join(chapter).is_dir())
        .collect();
    let missing: Vec<&str> = chapters
        .iter()
        .copied()
        .filter(|chapter| {
            !programs.iter().any(|program| {
                program.page.starts_with(root.join("book").join(chapter))
            })
        })
        .collect();
    assert!(
        missing.is_empty(),
        "chapters that do not open with a complete program: {missing:?}"
    );
}

#[test]
fn a_program_may_use_only_tokio_futures_and_rand() {
    assert_eq!(
        dependencies("use std::time::Duration;\n"),
        Ok(vec!["tokio"])
    );
    assert_eq!(
        dependencies("use futures::future::join_all;\nuse rand::Rng;\n"),
        Ok(vec!["futures", "rand", "tokio"])
    );
    assert_eq!(
        dependencies("fn main() { let _ = futures::executor::block_on(async {}); }"),
        Ok(vec!["futures", "tokio"])
    );
    assert!(
        dependencies("use support::Console;\n")
            .unwrap_err()
            .contains("support")
    );
    assert!(
        dependencies("use clap::Parser;\n")
            .unwrap_err()
            .contains("clap")
    );
}
