//! `links`: every `href` in a page of HTML, found by a small scanner.
//!
//! areq.py finds links with a regular expression, `href="(.*?)"`, which
//! also matches `href="..."` in the page's text and misses `HREF='...'`.
//! A full HTML parser (html5ever, behind the `scraper` crate) gets every
//! case right, at the price of dozens of crates for one attribute. This
//! scanner sits in between, in about a hundred lines: it walks the page's
//! tags, skips comments and text, and reads each tag's attributes the way
//! HTML writes them: quoted with `"` or `'`, or unquoted, with any case and
//! any spaces around the `=`.
//!
//! It works on bytes, so a page that is not UTF-8 is still scanned, and it
//! says what it could not read instead of giving up on the page: an href
//! that is not UTF-8 is skipped and reported; a quote, tag or comment that
//! never closes ends the scan, with the links found before it kept.

/// What a scan of one page found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// Every href value, in page order, with entities such as `&amp;` decoded.
    pub hrefs: Vec<String>,
    /// What could not be read, in page order: `"..." (at byte N)`.
    pub problems: Vec<String>,
}

// ANCHOR: scan
/// Finds every `href` attribute in `html`.
pub fn scan(html: &[u8]) -> Scan {
    let mut scan = Scan::default();
    let mut at = 0;
    while let Some(offset) = find(html, at, b"<") {
        let start = at + offset;
        if html[start..].starts_with(b"<!--") {
            // A comment may contain anything, tags included; skip to its end.
            let Some(length) = find(html, start + 4, b"-->") else {
                scan.problem("a comment never closes", start);
                break;
            };
            at = start + 4 + length + 3;
        } else if html.get(start + 1).is_some_and(u8::is_ascii_alphabetic) {
            match read_tag(html, start, &mut scan) {
                Some(end) => at = end,
                // The rest of the page is inside an unfinished tag.
                None => break,
            }
        } else {
            // `</p>`, `<!DOCTYPE html>`, or a `<` in the text: no attributes.
            at = start + 1;
        }
    }
    scan
}
// ANCHOR_END: scan

impl Scan {
    fn problem(&mut self, what: &str, at: usize) {
        self.problems.push(format!("{what} (at byte {at})"));
    }
}

/// Reads the tag that starts at `html[start] == b'<'`, recording its
/// hrefs. Returns where the tag ends, or `None` if it never ends; the hrefs
/// of a tag that never ends are not links, as in a browser.
fn read_tag(html: &[u8], start: usize, scan: &mut Scan) -> Option<usize> {
    let mut hrefs = Vec::new();
    let mut at = start + 1;
    // The tag's name: `a`, `link`, `img`...
    at = skip_while(html, at, |byte| !is_space(byte) && byte != b'>');
    loop {
        at = skip_while(html, at, |byte| is_space(byte) || byte == b'/');
        match html.get(at) {
            None => {
                scan.problem("a tag never ends", start);
                return None;
            }
            Some(b'>') => {
                scan.hrefs.append(&mut hrefs);
                return Some(at + 1);
            }
            Some(_) => {}
        }
        // An attribute: a name, then maybe `=` and a value.
        let name_start = at;
        at = skip_while(html, at, |byte| {
            !is_space(byte) && !matches!(byte, b'=' | b'>' | b'/')
        });
        let name = &html[name_start..at];
        let after_name = skip_while(html, at, is_space);
        if html.get(after_name) != Some(&b'=') {
            continue;
        }
        at = skip_while(html, after_name + 1, is_space);
        let value_start = at;
        let value = if let Some(&quote @ (b'"' | b'\'')) = html.get(at) {
            let Some(length) = find(html, at + 1, &[quote]) else {
                scan.problem("a quoted value never closes", value_start);
                return None;
            };
            at += 1 + length + 1;
            &html[value_start + 1..at - 1]
        } else {
            at = skip_while(html, at, |byte| !is_space(byte) && byte != b'>');
            &html[value_start..at]
        };
        if name.eq_ignore_ascii_case(b"href") {
            match std::str::from_utf8(value) {
                Ok(text) => hrefs.push(decode_entities(text.trim())),
                Err(_) => {
                    scan.problem("an href that is not UTF-8, skipped", value_start);
                }
            }
        }
    }
}

/// Where `needle` first occurs in `html[from..]`, counted from `from`.
fn find(html: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    html.get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
}

fn skip_while(html: &[u8], mut at: usize, keep_going: impl Fn(u8) -> bool) -> usize {
    while html.get(at).is_some_and(|&byte| keep_going(byte)) {
        at += 1;
    }
    at
}

fn is_space(byte: u8) -> bool {
    byte.is_ascii_whitespace()
}

/// The character references an href is likely to hold: `&amp;` above all
/// (a `&` in a query string, written as HTML requires), and the quotes.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hrefs(html: &str) -> Vec<String> {
        let found = scan(html.as_bytes());
        assert!(found.problems.is_empty(), "{:?}", found.problems);
        found.hrefs
    }

    #[test]
    fn reads_every_way_html_writes_an_attribute() {
        let html = r#"<a href="double.html">1</a> <A HREF='single.html'>2</A>
            <a href=unquoted.html>3</a> <a class="x" href = "spaced.html" >4</a>
            <link rel=stylesheet href="/style.css"/> <a href="q?a=1&amp;b=2">5</a>
            <a href="  padded.html  ">6</a> <a href="">7</a>"#;
        assert_eq!(
            hrefs(html),
            [
                "double.html",
                "single.html",
                "unquoted.html",
                "spaced.html",
                "/style.css",
                "q?a=1&b=2",
                "padded.html",
                ""
            ]
        );
    }

    #[test]
    fn text_comments_and_other_attributes_are_not_links() {
        let html = r#"<p>write href="x.html" in text</p><!-- <a href="hidden.html"> -->
            <a data-href="data.html" title="href=t.html">no</a> 1 < 2 <br>"#;
        assert_eq!(hrefs(html), Vec::<String>::new());
    }

    #[test]
    fn a_value_may_hold_the_other_quote_and_a_greater_than() {
        assert_eq!(
            hrefs(r#"<a title='say "hi" > there' href="it's.html">"#),
            ["it's.html"]
        );
    }

    #[test]
    fn an_unclosed_quote_ends_the_scan_and_keeps_what_came_before() {
        let found = scan(br#"<a href="one.html">1</a> <a href="two.html>2</a>"#);
        assert_eq!(found.hrefs, ["one.html"]);
        assert_eq!(found.problems, ["a quoted value never closes (at byte 33)"]);
    }

    #[test]
    fn unfinished_tags_and_comments_are_reported() {
        let tag = scan(b"<a href=one.html>1</a> <a href=two.html");
        assert_eq!(tag.hrefs, ["one.html"]);
        assert_eq!(tag.problems, ["a tag never ends (at byte 23)"]);
        let comment = scan(b"<a href=one.html> <!-- <a href=two.html>");
        assert_eq!(comment.hrefs, ["one.html"]);
        assert_eq!(comment.problems, ["a comment never closes (at byte 18)"]);
    }

    #[test]
    fn an_href_that_is_not_utf8_is_skipped_and_the_rest_is_kept() {
        let found = scan(b"<a href=\"caf\xe9.html\">x</a><a href=\"menu.html\">y</a>");
        assert_eq!(found.hrefs, ["menu.html"]);
        assert_eq!(
            found.problems,
            ["an href that is not UTF-8, skipped (at byte 8)"]
        );
    }
}
