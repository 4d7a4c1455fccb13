//! The scale report as a bar chart: plain SVG text, written by hand, with no
//! plotting library. It is drawn from the printed report itself (see
//! [`render`]), so a chart and a table from the same run always agree.

use std::fmt::Write as _;

use super::Kind;
use super::report::{TableRow, parse_rows};

const WIDTH: f64 = 720.0;
/// Where the bars start, after the kind's name.
const BARS_LEFT: f64 = 90.0;
/// The longest bar; the room to its right holds the bar's label.
const BAR_SPACE: f64 = 400.0;
const BAR_HEIGHT: f64 = 22.0;
const ROW_STEP: f64 = 30.0;

fn color(kind: Kind) -> &'static str {
    match kind {
        Kind::Threads => "#d95f02",
        Kind::Tokio => "#1b9e77",
        Kind::Smol => "#7570b3",
    }
}

/// Draws the chart for a printed scale report: memory per unit, then time,
/// one bar per kind, with the report's title and machine line as captions.
/// `None` if the text holds no table rows.
pub fn render(report: &str) -> Option<String> {
    let rows = parse_rows(report);
    if rows.is_empty() {
        return None;
    }
    let machine = report
        .lines()
        .find(|line| line.starts_with("machine:"))
        .unwrap_or("machine: unknown");
    let title = report
        .lines()
        .find(|line| line.contains(" units, each waits "))
        .map_or("", |line| line.split(", each kind").next().unwrap_or(line));

    let panel_height = 40.0 + ROW_STEP * rows.len() as f64;
    let height = 50.0 + 2.0 * panel_height + 40.0;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\" font-family=\"sans-serif\" font-size=\"14\">"
    );
    let _ = writeln!(
        svg,
        "<rect width=\"{WIDTH}\" height=\"{height}\" fill=\"white\"/>"
    );
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"28\" text-anchor=\"middle\" font-size=\"17\" font-weight=\"bold\">{}</text>",
        WIDTH / 2.0,
        escape(title)
    );

    let memory: Vec<Bar> = rows
        .iter()
        .map(|row| Bar {
            kind: row.kind,
            first: row.bytes_per_unit.unwrap_or(0) as f64,
            second: 0.0,
            label: row.bytes_per_unit.map_or("unknown".to_owned(), |bytes| {
                format!("{} bytes", with_commas(bytes))
            }),
        })
        .collect();
    panel(
        &mut svg,
        50.0,
        "Memory per unit (peak resident, bytes)",
        &memory,
    );

    let time: Vec<Bar> = rows.iter().map(time_bar).collect();
    panel(
        &mut svg,
        50.0 + panel_height,
        "Time (s): spawning (dark), then waiting until the last unit ended",
        &time,
    );

    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#555\">{}</text>",
        WIDTH / 2.0,
        height - 16.0,
        escape(machine)
    );
    svg.push_str("</svg>\n");
    Some(svg)
}

/// One bar: a dark first part, an optional light second part, a label.
struct Bar {
    kind: Kind,
    first: f64,
    second: f64,
    label: String,
}

fn time_bar(row: &TableRow) -> Bar {
    Bar {
        kind: row.kind,
        first: row.spawn_seconds,
        second: (row.total_seconds - row.spawn_seconds).max(0.0),
        label: format!(
            "{:.3} s (spawning {:.3} s)",
            row.total_seconds, row.spawn_seconds
        ),
    }
}

fn panel(svg: &mut String, top: f64, heading: &str, bars: &[Bar]) {
    let _ = writeln!(
        svg,
        "<text x=\"{BARS_LEFT}\" y=\"{}\" font-weight=\"bold\">{}</text>",
        top + 20.0,
        escape(heading)
    );
    let largest = bars
        .iter()
        .map(|bar| bar.first + bar.second)
        .fold(0.0, f64::max);
    let scale = if largest > 0.0 {
        BAR_SPACE / largest
    } else {
        0.0
    };
    for (index, bar) in bars.iter().enumerate() {
        let y = top + 32.0 + ROW_STEP * index as f64;
        let (first, second) = (bar.first * scale, bar.second * scale);
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            BARS_LEFT - 8.0,
            y + 16.0,
            bar.kind.name()
        );
        // A bar too short to see still gets a sliver, so no kind vanishes.
        let _ = writeln!(
            svg,
            "<rect x=\"{BARS_LEFT}\" y=\"{y}\" width=\"{:.1}\" height=\"{BAR_HEIGHT}\" fill=\"{}\"/>",
            first.max(1.0),
            color(bar.kind)
        );
        if second > 0.0 {
            let _ = writeln!(
                svg,
                "<rect x=\"{:.1}\" y=\"{y}\" width=\"{second:.1}\" height=\"{BAR_HEIGHT}\" \
                 fill=\"{}\" fill-opacity=\"0.4\"/>",
                BARS_LEFT + first,
                color(bar.kind)
            );
        }
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\">{}</text>",
            BARS_LEFT + first.max(1.0) + second + 6.0,
            y + 16.0,
            escape(&bar.label)
        );
    }
}

fn with_commas(number: u64) -> String {
    super::report::grouped(number)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn draws_a_bar_per_kind_from_the_printed_table() {
        let report = "machine: 2 cores, Test CPU <fast>\n\
                      10,000 units, each waits 1 s, each kind in a child process of its own:\n\n\
                      kind         units   spawn (s)   total (s)   peak (MB)   bytes per unit\n\
                      threads     10,000       0.400       1.400       100.0           10,000\n\
                      tokio       10,000       0.004       1.004         4.0              400\n";
        let svg = render(report).unwrap();
        assert!(svg.starts_with("<svg "));
        assert!(
            svg.contains(">10,000 units, each waits 1 s</text>"),
            "{svg}"
        );
        assert!(svg.contains("10,000 bytes"));
        assert!(svg.contains("400 bytes"));
        assert!(svg.contains("1.400 s (spawning 0.400 s)"));
        assert!(svg.contains("Test CPU &lt;fast&gt;"));
        // Memory: the longest bar fills the space, the other is 1/25 of it.
        assert!(svg.contains("width=\"400.0\" height=\"22\" fill=\"#d95f02\""));
        assert!(svg.contains("width=\"16.0\" height=\"22\" fill=\"#1b9e77\""));
        assert_eq!(render("no table here"), None);
    }
}
