//! Every internal link of the built book leads somewhere: the file exists,
//! and so does the `#anchor` it names.
//!
//! `ci/check` runs this after `mdbook build`; it is ignored in a plain
//! `cargo test`, which has no built book. By hand:
//!
//! ```text
//! mdbook build && cargo test -p course-checks --test links -- --ignored
//! ```
//!
//! It reads the HTML mdBook wrote, so it sees the links as a reader's
//! browser will: the `.md` links of the sources turned into `.html`, the
//! headings' generated ids, the sidebar. Links to other sites are not
//! followed (CI has no network, and they are not the course's to keep).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

fn built_book() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book-out/html")
}

/// `html` without its `<pre>` and `<code>` elements, whose text is a
/// listing (an HTML page of the crawler's site, say), not the page's links.
fn without_listings(html: &str) -> String {
    let mut kept = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let next = ["<pre", "<code"]
            .iter()
            .filter_map(|tag| rest.find(tag).map(|at| (at, *tag)))
            .min();
        let Some((at, tag)) = next else {
            kept.push_str(rest);
            return kept;
        };
        kept.push_str(&rest[..at]);
        let close = format!("</{}>", &tag[1..]);
        match rest[at..].find(&close) {
            Some(end) => rest = &rest[at + end + close.len()..],
            None => return kept,
        }
    }
}

/// Every value of `attribute="..."` in `html`.
fn attribute_values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(" {attribute}=\"");
    let mut values = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&needle) {
        rest = &rest[start + needle.len()..];
        let Some(end) = rest.find('"') else { break };
        values.push(&rest[..end]);
        rest = &rest[end..];
    }
    values
}

/// `base` joined with the relative `link`, with `.` and `..` resolved;
/// `None` if it climbs out of the book.
fn resolve(book: &Path, page: &Path, link: &str) -> Option<PathBuf> {
    let mut resolved: Vec<Component<'_>> = Vec::new();
    let start = if link.starts_with('/') {
        book.to_path_buf()
    } else {
        page.parent()?.to_path_buf()
    };
    let relative = start.strip_prefix(book).ok()?.to_path_buf();
    let joined = relative.join(link.trim_start_matches('/'));
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop()?;
            }
            other => resolved.push(other),
        }
    }
    let mut path = book.to_path_buf();
    path.extend(resolved);
    Some(path)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%'
            && let Some(byte) = text
                .get(index + 1..index + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            decoded.push(byte);
            index += 3;
            continue;
        }
        decoded.push(bytes[index]);
        index += 1;
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// What is wrong with the links of every page under `book`, one line each.
fn broken_links(book: &Path) -> Vec<String> {
    let pages = course_checks::files_under(book, "html");
    let mut ids: BTreeMap<PathBuf, BTreeSet<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for page in &pages {
        // The print page repeats every page's content with the links
        // rewritten by mdBook; the pages themselves are what is checked.
        if page == &book.join("print.html") {
            continue;
        }
        let Ok(html) = std::fs::read_to_string(page) else {
            problems.push(format!("{}: cannot read it", page.display()));
            continue;
        };
        let html = without_listings(&html);
        for link in attribute_values(&html, "href")
            .into_iter()
            .chain(attribute_values(&html, "src"))
        {
            let link = link.replace("&amp;", "&");
            if link.is_empty() || link.contains(':') || link.starts_with("//") {
                continue; // another site, a data: URL, mailto:, javascript:
            }
            let (path, fragment) = match link.split_once('#') {
                Some((path, fragment)) => (path, Some(fragment)),
                None => (link.as_str(), None),
            };
            let path = path.split('?').next().unwrap_or_default();
            let shown = page.strip_prefix(book).unwrap_or(page).display();
            let target = if path.is_empty() {
                page.clone()
            } else {
                match resolve(book, page, &percent_decode(path)) {
                    Some(target) if target.is_dir() => target.join("index.html"),
                    Some(target) => target,
                    None => {
                        problems
                            .push(format!("{shown}: `{link}` leads out of the book"));
                        continue;
                    }
                }
            };
            if !target.is_file() {
                problems.push(format!("{shown}: `{link}` names no file of the book"));
                continue;
            }
            let Some(fragment) = fragment.filter(|f| !f.is_empty()) else {
                continue;
            };
            if target.extension().is_none_or(|e| e != "html") {
                continue;
            }
            let target_ids = ids.entry(target.clone()).or_insert_with(|| {
                let html = std::fs::read_to_string(&target).unwrap_or_default();
                attribute_values(&html, "id")
                    .into_iter()
                    .chain(attribute_values(&html, "name"))
                    .map(str::to_owned)
                    .collect()
            });
            if !target_ids.contains(&percent_decode(fragment)) {
                problems.push(format!("{shown}: `{link}` names no anchor of its page"));
            }
        }
    }
    problems
}

#[test]
#[ignore = "needs the built book: run `mdbook build` first (ci/check does)"]
fn every_internal_link_and_anchor_of_the_built_book_resolves() {
    let html = built_book();
    assert!(
        html.join("index.html").is_file(),
        "no built book in {}: run `mdbook build` first",
        html.display()
    );
    let problems = broken_links(&html);
    assert!(
        problems.is_empty(),
        "{} broken link(s) in the built book:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn finds_what_is_broken_and_passes_what_is_not() {
    let book =
        std::env::temp_dir().join(format!("course-links-{}", std::process::id()));
    std::fs::create_dir_all(book.join("chapter")).unwrap();
    std::fs::write(
        book.join("index.html"),
        r##"<a href="chapter/page.html#here">ok</a> <a href="https://example.org/x">away</a>
<a href="chapter/page.html#gone">no anchor</a> <img src="missing.png">
<a href="#top">self</a><h1 id="top">Top</h1> <a href="../outside.html">out</a>
<pre><code>&lt;a href="listing.html"&gt;</code></pre> <code>src="inline.png"</code>"##,
    )
    .unwrap();
    std::fs::write(
        book.join("chapter/page.html"),
        r#"<h2 id="here">Here</h2><a href="../index.html">back</a> <a href="./">dir</a>"#,
    )
    .unwrap();
    std::fs::write(book.join("chapter/index.html"), "").unwrap();
    let problems = broken_links(&book);
    std::fs::remove_dir_all(&book).unwrap();
    assert_eq!(
        problems,
        [
            "index.html: `chapter/page.html#gone` names no anchor of its page",
            "index.html: `../outside.html` leads out of the book",
            "index.html: `missing.png` names no file of the book",
        ]
    );
}
