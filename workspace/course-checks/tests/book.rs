//! The book's own rules, checked on every `cargo test`:
//!
//! - every Rust listing is included from a crate (CI builds, tests and
//!   lints it), never pasted; the one exception is a fence marked
//!   `std-only`, which `mdbook test` compiles;
//! - every output block (`console` or `text`) is exactly one transcript file
//!   (`transcripts/` or `measured/`), which the chapter's crate regenerates
//!   and compares;
//! - every `{{#include}}` names a file and anchor that exist;
//! - every image exists, and every page is reachable from SUMMARY.md;
//! - every link between pages finds its file, and its section if it names
//!   one (tests/links.rs checks the same in the built HTML);
//! - every quiz parses, explains every answer, keeps the ids of its
//!   questions, and is shown by a page of its chapter.
//!
//! # A chapter's quiz
//!
//! A quiz is `book/<chapter>/quiz.toml`, in mdbook-quiz's format
//! (`MultipleChoice`, `ShortAnswer` or `Tracing` questions), shown by the
//! chapter's last page, `book/<chapter>/quiz.md`, which says
//! `{{#quiz quiz.toml}}` and is listed last under the chapter in
//! SUMMARY.md. Each question has a `context` that explains the answer, and an
//! `id` of its own (a fresh UUID: `uuidgen`, or
//! `python3 -c "import uuid; print(uuid.uuid4())"`), since mdbook-quiz would
//! otherwise write one into the file on every build. The build rejects a
//! quiz that does not fit mdbook-quiz's schema; the test below checks the
//! rest.

use std::path::{Path, PathBuf};

fn book_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book")
}

/// The files under `dir`, at any depth, with the given extension.
fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files(&path, extension));
        } else if path.extension().is_some_and(|e| e == extension) {
            found.push(path);
        }
    }
    found.sort();
    found
}

fn pages(dir: &Path) -> Vec<PathBuf> {
    files(dir, "md")
}

/// A fenced code block: its info string and its lines.
struct Fence {
    info: String,
    first_line: usize,
    body: Vec<String>,
}

fn fences(text: &str) -> Vec<Fence> {
    let mut found = Vec::new();
    let mut open: Option<(usize, Fence)> = None;
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let ticks = trimmed.chars().take_while(|&c| c == '`').count();
        let after_ticks = trimmed[ticks..].trim();
        match &mut open {
            None if ticks >= 3 => {
                let fence = Fence {
                    info: after_ticks.to_owned(),
                    first_line: index + 1,
                    body: Vec::new(),
                };
                open = Some((ticks, fence));
            }
            Some((opening, _)) if ticks >= *opening && after_ticks.is_empty() => {
                found.extend(open.take().map(|(_, fence)| fence));
            }
            Some((_, fence)) => fence.body.push(trimmed.to_owned()),
            None => {}
        }
    }
    assert!(open.is_none(), "a code fence is never closed");
    found
}

/// `{{#include path}}` or `{{#include path:anchor}}` (also `rustdoc_include`).
fn include_target(line: &str) -> Option<(String, Option<String>)> {
    let inner = line.trim().strip_prefix("{{#")?.strip_suffix("}}")?;
    let (_, spec) = inner.split_once(' ')?;
    let spec = spec.trim();
    Some(match spec.split_once(':') {
        Some((path, anchor)) if !anchor.starts_with(|c: char| c.is_ascii_digit()) => {
            (path.to_owned(), Some(anchor.to_owned()))
        }
        Some((path, _line_range)) => (path.to_owned(), None),
        None => (spec.to_owned(), None),
    })
}

/// Whether `line` includes a file under workspace/, seen from `page`:
/// `../../workspace/...` from a chapter's page, `../workspace/...` from a
/// page at the top of the book.
fn includes_from_workspace(page: &Path, line: &str) -> bool {
    let Some((target, _)) = include_target(line) else {
        return false;
    };
    let depth = page
        .parent()
        .unwrap()
        .strip_prefix(book_dir())
        .unwrap()
        .components()
        .count();
    let from_root = format!("{}workspace/", "../".repeat(depth + 1));
    target.starts_with(&from_root) && !target[from_root.len()..].contains("..")
}

fn check_include(page: &Path, line: &str, problems: &mut Vec<String>) {
    let Some((target, anchor)) = include_target(line) else {
        problems.push(format!("{}: not an include: {line}", page.display()));
        return;
    };
    let file = page.parent().unwrap().join(&target);
    let Ok(text) = std::fs::read_to_string(&file) else {
        problems.push(format!(
            "{}: includes {target}, which does not exist",
            page.display()
        ));
        return;
    };
    if let Some(anchor) = anchor {
        let marks = |mark: &str| {
            text.lines()
                .any(|l| l.trim_end().ends_with(&format!("{mark}: {anchor}")))
        };
        if !(marks("ANCHOR") && marks("ANCHOR_END")) {
            problems.push(format!(
                "{}: {target} has no complete anchor `{anchor}`",
                page.display()
            ));
        }
    }
}

#[test]
fn every_listing_and_output_block_comes_from_the_code() {
    let mut problems = Vec::new();
    for page in pages(&book_dir()) {
        let text = std::fs::read_to_string(&page).unwrap();
        for fence in fences(&text) {
            let mut attributes = fence.info.split(',');
            let language = attributes.next().unwrap_or_default();
            let std_only = attributes.any(|attribute| attribute == "std-only");
            let lines: Vec<&String> =
                fence.body.iter().filter(|l| !l.trim().is_empty()).collect();
            let at = format!("{}:{}", page.display(), fence.first_line);
            match language {
                "rust" if std_only => {}
                "rust" => {
                    for line in &lines {
                        if includes_from_workspace(&page, line) {
                            check_include(&page, line, &mut problems);
                        } else {
                            problems.push(format!(
                                "{at}: a Rust listing must be included from a crate under workspace/ \
                                 (or be marked `rust,std-only`): {line}"
                            ));
                        }
                    }
                }
                "console" | "text" => match lines.as_slice() {
                    [line]
                        if line.starts_with("{{#include transcripts/")
                            || line.starts_with("{{#include measured/") =>
                    {
                        check_include(&page, line, &mut problems);
                    }
                    _ => problems.push(format!(
                        "{at}: an output block must be one `{{{{#include transcripts/NAME.txt}}}}` \
                         (or `measured/NAME.txt`) line"
                    )),
                },
                _ => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The targets of `![alt](target)` images in a page.
fn image_targets(text: &str) -> Vec<&str> {
    text.match_indices("![")
        .filter_map(|(start, _)| {
            let rest = &text[start..];
            let open = rest.find("](")? + 2;
            let close = rest[open..].find(')')? + open;
            Some(&rest[open..close])
        })
        .collect()
}

#[test]
fn every_page_is_in_the_summary_and_every_image_exists() {
    let book = book_dir();
    let summary = std::fs::read_to_string(book.join("SUMMARY.md")).unwrap();
    let mut problems = Vec::new();
    for page in pages(&book) {
        let relative = page
            .strip_prefix(&book)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if relative != "SUMMARY.md" && !summary.contains(&format!("]({relative})")) {
            problems.push(format!(
                "{relative} is not listed in SUMMARY.md, so no reader can reach it"
            ));
        }
        let text = std::fs::read_to_string(&page).unwrap();
        for target in image_targets(&text) {
            if !target.starts_with("http")
                && !page.parent().unwrap().join(target).is_file()
            {
                problems.push(format!("{relative}: image {target} does not exist"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A chapter with exercises (a crate with `tests/exercises.rs`) has an
/// Exercises page in the sidebar, `CHAPTER/exercises.md`, like the others.
#[test]
fn every_chapter_with_exercises_has_an_exercises_page_in_the_summary() {
    let book = book_dir();
    let summary = std::fs::read_to_string(book.join("SUMMARY.md")).unwrap();
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&workspace).unwrap().flatten() {
        let chapter = entry.file_name().to_string_lossy().into_owned();
        if entry.path().join("tests/exercises.rs").is_file()
            && !summary.contains(&format!("[Exercises]({chapter}/exercises.md)"))
        {
            missing.push(chapter);
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "chapters with exercises but no `[Exercises](CHAPTER/exercises.md)` in \
         SUMMARY.md: {missing:?}"
    );
}

/// The problems with one quiz file: mdbook-quiz checks the schema as it
/// builds; this checks what the course asks of a quiz on top of that.
fn quiz_problems(text: &str, ids: &mut Vec<String>) -> Vec<String> {
    const TYPES: [&str; 3] = ["MultipleChoice", "ShortAnswer", "Tracing"];
    let quiz: toml::Table = match text.parse() {
        Ok(quiz) => quiz,
        Err(error) => return vec![format!("is not valid TOML: {error}")],
    };
    let Some(questions) = quiz.get("questions").and_then(toml::Value::as_array) else {
        return vec!["has no [[questions]]".to_owned()];
    };
    let mut problems = Vec::new();
    if !(3..=8).contains(&questions.len()) {
        problems.push(format!(
            "has {} questions; a chapter's quiz is short, 3 to 8",
            questions.len()
        ));
    }
    for (index, question) in questions.iter().enumerate() {
        let number = index + 1;
        let text_of = |key: &str| {
            question
                .get(key)
                .and_then(toml::Value::as_str)
                .map(str::trim)
                .filter(|text| !text.is_empty())
        };
        match text_of("type") {
            Some(kind) if TYPES.contains(&kind) => {}
            other => problems.push(format!(
                "question {number}: type {other:?} is not one of {TYPES:?}"
            )),
        }
        for part in ["prompt", "answer"] {
            if !question.get(part).is_some_and(toml::Value::is_table) {
                problems.push(format!("question {number} has no {part}"));
            }
        }
        if text_of("context").is_none() {
            problems.push(format!(
                "question {number} has no `context`: explain the answer"
            ));
        }
        // mdbook-quiz writes a fresh id into a question without one, on
        // every build: the sources would change under the reader's feet.
        match text_of("id") {
            Some(id) if ids.iter().any(|seen| seen == id) => {
                problems.push(format!("question {number}: id {id} is used twice"));
            }
            Some(id) => ids.push(id.to_owned()),
            None => problems.push(format!(
                "question {number} has no `id` (give it a new UUID, e.g. from `uuidgen`)"
            )),
        }
    }
    problems
}

#[test]
fn every_quiz_parses_explains_its_answers_and_is_shown() {
    let book = book_dir();
    let mut problems = Vec::new();
    let mut ids = Vec::new();
    for quiz in files(&book, "toml") {
        let relative = quiz.strip_prefix(&book).unwrap().display().to_string();
        let text = std::fs::read_to_string(&quiz).unwrap();
        for problem in quiz_problems(&text, &mut ids) {
            problems.push(format!("{relative}: {problem}"));
        }
        let name = quiz.file_name().unwrap().to_string_lossy();
        let embed = format!("{{{{#quiz {name}}}}}");
        let chapter = quiz.parent().unwrap();
        let shown = pages(chapter)
            .iter()
            .any(|page| std::fs::read_to_string(page).unwrap().contains(&embed));
        if !shown {
            problems.push(format!(
                "{relative}: no page beside it shows it with `{embed}`"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_quiz_check_finds_what_it_should() {
    let good = r#"
        [[questions]]
        id = "a"
        type = "ShortAnswer"
        prompt.prompt = "Two plus two?"
        answer.answer = "4"
        context = "Arithmetic."
    "#;
    let three = [good, good, good].join("\n").replace("\"a\"", "\"b\"");
    let mut ids = Vec::new();
    let problems = quiz_problems(&three, &mut ids);
    assert_eq!(
        problems,
        [
            "question 2: id b is used twice",
            "question 3: id b is used twice"
        ]
    );
    let sloppy = good
        .replace("context = \"Arithmetic.\"", "")
        .replace("id = \"a\"", "");
    let problems = quiz_problems(&sloppy, &mut Vec::new()).join("\n");
    assert!(problems.contains("has 1 questions"), "{problems}");
    assert!(problems.contains("no `context`"), "{problems}");
    assert!(problems.contains("no `id`"), "{problems}");
    let broken = quiz_problems("[[questions]\n", &mut Vec::new()).join("\n");
    assert!(broken.contains("not valid TOML"), "{broken}");
}

#[test]
fn the_markdown_readers_understand_the_books_markdown() {
    let text = "intro\n```rust,ignore\n{{#include ../../workspace/x.rs:anchor}}\n```\n\n  \
                ```console\n  {{#include transcripts/a.txt}}\n  ```\n![a map\nof things](map.svg)\n";
    let found = fences(text);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].info, "rust,ignore");
    assert_eq!(found[1].body, ["{{#include transcripts/a.txt}}"]);
    assert_eq!(
        include_target("{{#include ../../workspace/x.rs:anchor}}"),
        Some(("../../workspace/x.rs".to_owned(), Some("anchor".to_owned())))
    );
    assert_eq!(
        include_target("{{#include a.rs:3:9}}"),
        Some(("a.rs".to_owned(), None))
    );
    assert_eq!(image_targets(text), ["map.svg"]);
    let chapter_page = book_dir().join("concepts/count.md");
    let top_page = book_dir().join("exercises.md");
    assert!(includes_from_workspace(
        &chapter_page,
        "{{#include ../../workspace/x.rs:a}}"
    ));
    assert!(includes_from_workspace(
        &top_page,
        "{{#include ../workspace/x.rs}}"
    ));
    assert!(!includes_from_workspace(
        &top_page,
        "{{#include ../../workspace/x.rs}}"
    ));
    assert!(!includes_from_workspace(
        &chapter_page,
        "{{#include ../../workspace/../x.rs}}"
    ));
}

/// The page's text outside code fences, where links are links.
fn prose(text: &str) -> String {
    let mut kept = String::new();
    let mut fence: Option<usize> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let ticks = trimmed.chars().take_while(|&c| c == '`').count();
        match fence {
            None if ticks >= 3 => fence = Some(ticks),
            Some(opening) if ticks >= opening && trimmed[ticks..].trim().is_empty() => {
                fence = None;
            }
            None => {
                kept.push_str(line);
                kept.push('\n');
            }
            Some(_) => {}
        }
    }
    kept
}

/// The targets of `[text](target)` links (images included) in prose.
fn link_targets(prose: &str) -> Vec<&str> {
    prose
        .match_indices("](")
        .filter_map(|(start, _)| {
            let rest = &prose[start + 2..];
            let close = rest.find(')')?;
            let target = &rest[..close];
            (!target.contains(char::is_whitespace)).then_some(target)
        })
        .collect()
}

/// The ids mdBook gives a page's headings: the heading's text, lower case,
/// spaces as `-`, other punctuation dropped, `-1`, `-2` on repeats; plus any
/// explicit `id="..."` in the page's HTML.
fn heading_ids(text: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for line in prose(text).lines() {
        let Some(heading) = line.strip_prefix('#') else {
            continue;
        };
        let heading = heading.trim_start_matches('#').trim();
        // Keep a link's text, drop its target: `[text](url)` reads as `text`.
        let mut visible = String::new();
        let mut rest = heading;
        while let Some(open) = rest.find("](") {
            visible.push_str(&rest[..open]);
            rest = rest[open..]
                .find(')')
                .map_or("", |close| &rest[open + close + 1..]);
        }
        visible.push_str(rest);
        let base: String = visible
            .chars()
            .filter_map(|c| {
                if c.is_alphanumeric() || c == '_' || c == '-' {
                    Some(c.to_ascii_lowercase())
                } else if c.is_whitespace() {
                    Some('-')
                } else {
                    None
                }
            })
            .collect();
        let repeats = ids
            .iter()
            .filter(|id| {
                **id == base
                    || id
                        .strip_prefix(&format!("{base}-"))
                        .is_some_and(|n| n.parse::<u32>().is_ok())
            })
            .count();
        ids.push(if repeats == 0 {
            base
        } else {
            format!("{base}-{repeats}")
        });
    }
    for (start, _) in text.match_indices("id=\"") {
        let rest = &text[start + 4..];
        if let Some(close) = rest.find('"') {
            ids.push(rest[..close].to_owned());
        }
    }
    ids
}

#[test]
fn every_link_to_a_section_finds_its_heading() {
    let book = book_dir();
    let mut problems = Vec::new();
    for page in pages(&book) {
        let text = std::fs::read_to_string(&page).unwrap();
        let relative = page.strip_prefix(&book).unwrap().display().to_string();
        for target in link_targets(&prose(&text)) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
            let linked = if path.is_empty() {
                page.clone()
            } else {
                page.parent().unwrap().join(path)
            };
            if !linked.is_file() {
                problems.push(format!("{relative}: link to {target}: no such file"));
                continue;
            }
            let is_page = linked.extension().is_some_and(|e| e == "md");
            if fragment.is_empty() || !is_page {
                continue;
            }
            let linked_text = std::fs::read_to_string(&linked).unwrap();
            if !heading_ids(&linked_text).iter().any(|id| id == fragment) {
                problems.push(format!(
                    "{relative}: link to {target}: no heading with id `{fragment}`"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn heading_ids_follow_mdbook() {
    let page = "# The rules\n## How the output can match Python's\n\
                ```text\n# not a heading\n```\n## Notes\n## Notes\n\
                ## [`join!`](x.md) and more\n<a id=\"custom\"></a>\n";
    assert_eq!(
        heading_ids(page),
        [
            "the-rules",
            "how-the-output-can-match-pythons",
            "notes",
            "notes-1",
            "join-and-more",
            "custom"
        ]
    );
    assert_eq!(
        link_targets("see [a](a.md#x), ![b](b.svg) and [c](https://c.org)"),
        ["a.md#x", "b.svg", "https://c.org"]
    );
}
