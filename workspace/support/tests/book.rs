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
//!   one (mdbook-linkcheck2 checks files, not `#sections`).

use std::path::{Path, PathBuf};

fn book_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book")
}

fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(pages(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            found.push(path);
        }
    }
    found.sort();
    found
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
                        if line.starts_with("{{#include ../../workspace/")
                            || line.starts_with("{{#rustdoc_include ../../workspace/")
                        {
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
