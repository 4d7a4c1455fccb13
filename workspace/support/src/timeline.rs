//! See the schedule: a record of what each task did when, drawn as an SVG.
//!
//! A program's output says in which *order* things happened; a timeline
//! shows *when*, and for how long each task slept, waited or held the
//! thread. Lesson code records it through a [`Timeline`], a cheap, clonable
//! handle: every task takes a [`Lane`] of it, and wraps the waits it wants
//! to show.
//!
//! ```ignore
//! let timeline = Timeline::recording();
//! let lane = timeline.lane("count 1");
//! // The count's own code is unchanged: it is handed a sleep that records
//! // a `sleeping` span on its lane every time it is awaited.
//! count(&console, lane.sleeps(tokio::time::sleep)).await;
//! std::fs::write("count.svg", timeline.to_svg("Three counts"))?;
//! ```
//!
//! Times come from tokio's clock, like a [`Stopwatch`](crate::Stopwatch)'s:
//! on the paused clock (`--clock virtual`) every span starts and ends on an
//! exact figure and the picture is the same on every run; on the real clock
//! it is the same picture give or take a millisecond. Time zero is the first
//! moment the timeline sees: [`Timeline::start`], or else the first span
//! that begins. A timeline made with [`Timeline::off`] (the default) records
//! nothing and costs next to nothing, so lesson code records unconditionally
//! and the binary decides, with `--timeline PATH` ([`TimelineArgs`]).
//!
//! # The book's timelines, checked like transcripts
//!
//! A timeline the book shows lives in `book/<crate>/timelines/NAME.svg`,
//! and is embedded by a page of that chapter with
//! `![what it shows](timelines/NAME.svg)`. Its first line is an XML
//! processing instruction holding the command that draws it, which a reader
//! can run too (not a comment: XML forbids `--` inside one):
//!
//! ```text
//! <?drawn-by $ cargo run -p concepts --bin countasync -- --clock virtual --timeline countasync.svg ?>
//! ```
//!
//! The rest of the file is what that command writes. The crate's
//! transcripts test ([`check_transcripts!`](crate::check_transcripts)) runs
//! the command on the virtual clock, with the `--timeline` file redirected
//! to a scratch file, and fails if the picture differs from the book's;
//! `UPDATE_TRANSCRIPTS=1` rewrites it instead. To add a timeline to a
//! chapter:
//!
//! 1. record it: take a [`Lane`] per task and wrap its sleeps
//!    ([`Lane::sleeps`], [`Lane::blocking_sleeps`]) or any other wait
//!    ([`Lane::during`]: a queue's `recv`, a join handle) in the lesson
//!    code; flatten [`TimelineArgs`] into the binary's arguments and call
//!    [`TimelineArgs::save`] when the run is over;
//! 2. create `book/<crate>/timelines/NAME.svg` holding only that first
//!    line, with `--timeline NAME.svg` in its command;
//! 3. run `UPDATE_TRANSCRIPTS=1 cargo test -p <crate> --test transcripts`,
//!    look at the picture, and embed it in a page.

use std::fmt::Write as _;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::time::Instant;

/// What a task is doing during a span of its lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Activity {
    /// Using the thread: computing, or blocking it in a call that takes time.
    Running,
    /// Awaiting a timer; the thread is free for other tasks meanwhile.
    Sleeping,
    /// Sleeping *while holding the thread*: a blocking sleep, which no other
    /// task on that thread can use.
    Blocked,
    /// Awaiting something other than a timer: a queue, another task, a lock.
    Waiting,
}

impl Activity {
    const ALL: [Activity; 4] = [
        Activity::Running,
        Activity::Sleeping,
        Activity::Blocked,
        Activity::Waiting,
    ];

    /// The word the legend and the picture's description use.
    pub fn name(self) -> &'static str {
        match self {
            Activity::Running => "running",
            Activity::Sleeping => "sleeping",
            Activity::Blocked => "blocked",
            Activity::Waiting => "waiting",
        }
    }

    fn explanation(self) -> &'static str {
        match self {
            Activity::Running => "using the thread",
            Activity::Sleeping => "awaiting a timer; the thread is free",
            Activity::Blocked => "asleep and holding the thread",
            Activity::Waiting => "awaiting a queue or another task",
        }
    }

    /// Fill and outline. Mid-tone fills on the picture's own light card,
    /// so they read the same in mdBook's light and dark themes.
    fn colors(self) -> (&'static str, &'static str) {
        match self {
            Activity::Running => ("#f2b36f", "#a85d12"),
            Activity::Sleeping => ("#9fd9b4", "#2e7d50"),
            Activity::Blocked => ("#eba3a3", "#a33a3a"),
            Activity::Waiting => ("#a9c8ec", "#3f6f9f"),
        }
    }
}

/// One stretch of one lane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The lane's name, as given to [`Timeline::lane`].
    pub lane: String,
    pub activity: Activity,
    /// From time zero of the timeline.
    pub start: Duration,
    pub end: Duration,
}

#[derive(Debug, Default)]
struct Recording {
    origin: Option<Instant>,
    lanes: Vec<String>,
    spans: Vec<(usize, Activity, Instant, Instant)>,
}

impl Recording {
    /// Reads the clock; the first reading is time zero.
    fn now(&mut self) -> Instant {
        let now = Instant::now();
        self.origin.get_or_insert(now);
        now
    }
}

/// What tasks did when: a list of lanes, each a list of spans.
///
/// Clones share the recording, so each task can own a handle
/// (`tokio::spawn` wants `'static` data), like a [`Console`](crate::Console).
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    recording: Option<Arc<Mutex<Recording>>>,
    /// Spans are drawn to the nearest multiple of this, if set.
    resolution: Option<Duration>,
}

impl Timeline {
    /// A timeline that records.
    pub fn recording() -> Self {
        Self {
            recording: Some(Arc::default()),
            resolution: None,
        }
    }

    /// A timeline that records, and gives every time to the nearest
    /// multiple of `resolution`: for a run on the real clock, whose sleeps
    /// end a fraction of a millisecond late, so that the picture is the same
    /// on every run (unless the machine is half a `resolution` late).
    pub fn recording_to_the_nearest(resolution: Duration) -> Self {
        Self {
            resolution: Some(resolution),
            ..Self::recording()
        }
    }

    /// A timeline that records nothing; recording into it costs one branch.
    pub fn off() -> Self {
        Self::default()
    }

    pub fn is_recording(&self) -> bool {
        self.recording.is_some()
    }

    fn with<T>(&self, f: impl FnOnce(&mut Recording) -> T) -> Option<T> {
        let recording = self.recording.as_ref()?;
        Some(f(&mut recording
            .lock()
            .unwrap_or_else(PoisonError::into_inner)))
    }

    /// Makes this moment time zero, unless something was already recorded.
    ///
    /// Call it inside the runtime (on the paused clock, tokio's clock is
    /// only virtual there), where the story the picture tells begins.
    pub fn start(&self) {
        self.with(Recording::now);
    }

    /// The lane called `name`, added below the others the first time it is
    /// asked for.
    pub fn lane(&self, name: impl Into<String>) -> Lane {
        let name = name.into();
        let index = self
            .with(|recording| {
                recording
                    .lanes
                    .iter()
                    .position(|lane| *lane == name)
                    .unwrap_or_else(|| {
                        recording.lanes.push(name);
                        recording.lanes.len() - 1
                    })
            })
            .unwrap_or_default();
        Lane {
            timeline: self.clone(),
            index,
        }
    }

    /// Every span recorded so far, ordered by lane, then by start.
    pub fn spans(&self) -> Vec<Span> {
        self.with(|recording| {
            let origin = recording.origin.unwrap_or_else(Instant::now);
            let mut spans: Vec<_> = recording
                .spans
                .iter()
                .map(|&(lane, activity, start, end)| {
                    (
                        lane,
                        Span {
                            lane: recording.lanes[lane].clone(),
                            activity,
                            start: self
                                .rounded(start.saturating_duration_since(origin)),
                            end: self.rounded(end.saturating_duration_since(origin)),
                        },
                    )
                })
                .collect();
            spans.sort_by_key(|(lane, span)| (*lane, span.start, span.end));
            spans.into_iter().map(|(_, span)| span).collect()
        })
        .unwrap_or_default()
    }

    fn rounded(&self, time: Duration) -> Duration {
        match self.resolution {
            Some(resolution) if !resolution.is_zero() => {
                let steps = (time.as_secs_f64() / resolution.as_secs_f64()).round();
                resolution.mul_f64(steps)
            }
            _ => time,
        }
    }

    fn lane_names(&self) -> Vec<String> {
        self.with(|recording| recording.lanes.clone())
            .unwrap_or_default()
    }

    /// The timeline drawn as a self-contained SVG, headed by `title`.
    pub fn to_svg(&self, title: &str) -> String {
        render_svg(title, &self.lane_names(), &self.spans())
    }
}

/// One task's row of a [`Timeline`]: the handle a task records through.
#[derive(Debug, Clone)]
pub struct Lane {
    timeline: Timeline,
    index: usize,
}

impl Lane {
    /// The time on the timeline's clock, if it records.
    fn now(&self) -> Option<Instant> {
        self.timeline.with(Recording::now)
    }

    /// Records a span from `start` to now. A wait that took no time (an
    /// item already in the queue, on the paused clock) leaves no span:
    /// there is nothing to draw.
    fn record(&self, activity: Activity, start: Option<Instant>) {
        let index = self.index;
        self.timeline.with(|recording| {
            let end = recording.now();
            if let Some(start) = start
                && end > start
            {
                recording.spans.push((index, activity, start, end));
            }
        });
    }

    /// `future`, recording `activity` on this lane from its first poll to
    /// its completion: `lane.during(Activity::Waiting, queue.recv()).await`.
    /// A wait cut short (its task cancelled, or a race it lost) is recorded
    /// up to the moment it was dropped.
    pub fn during<F: Future>(&self, activity: Activity, future: F) -> During<F> {
        During {
            future: Box::pin(future),
            lane: self.clone(),
            activity,
            polled: false,
            started: None,
        }
    }

    /// Runs `work` on this thread, recording `activity` while it does.
    pub fn during_blocking<T>(
        &self,
        activity: Activity,
        work: impl FnOnce() -> T,
    ) -> T {
        let start = self.now();
        let output = work();
        self.record(activity, start);
        output
    }

    /// An async `sleep` (such as `tokio::time::sleep`) that records a
    /// [`Sleeping`](Activity::Sleeping) span each time it is awaited. Hand
    /// it to lesson code in place of `sleep`: the code does not change.
    pub fn sleeps<S, F>(
        &self,
        sleep: S,
    ) -> impl Fn(Duration) -> During<F> + Clone + use<S, F>
    where
        S: Fn(Duration) -> F + Clone,
        F: Future<Output = ()>,
    {
        let lane = self.clone();
        move |duration| lane.during(Activity::Sleeping, sleep(duration))
    }

    /// A blocking `sleep` (such as `std::thread::sleep`) that records a
    /// [`Blocked`](Activity::Blocked) span each time it is called.
    pub fn blocking_sleeps<'a>(
        &self,
        sleep: &'a dyn Fn(Duration),
    ) -> impl Fn(Duration) + use<'a> {
        let lane = self.clone();
        move |duration| lane.during_blocking(Activity::Blocked, || sleep(duration))
    }
}

/// A future whose wait is recorded on a [`Lane`]; see [`Lane::during`].
#[derive(Debug)]
#[must_use = "futures do nothing unless awaited"]
pub struct During<F> {
    // Boxed so that `During` can be polled without unsafe pin projection;
    // one allocation per recorded wait is nothing beside the wait.
    future: Pin<Box<F>>,
    lane: Lane,
    activity: Activity,
    polled: bool,
    /// When the first poll was, if the timeline records; taken once the
    /// span is recorded, at completion or at drop.
    started: Option<Instant>,
}

impl<F: Future> Future for During<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = self.get_mut();
        if !this.polled {
            this.polled = true;
            this.started = this.lane.now();
        }
        let output = std::task::ready!(this.future.as_mut().poll(cx));
        this.lane.record(this.activity, this.started.take());
        Poll::Ready(output)
    }
}

impl<F> Drop for During<F> {
    /// A cancelled task's wait ends where it was cancelled: a consumer
    /// waiting on a queue when `main` aborts it waited until then.
    fn drop(&mut self) {
        if let Some(started) = self.started.take() {
            self.lane.record(self.activity, Some(started));
        }
    }
}

/// `--timeline PATH`, for programs that can draw what their tasks did.
///
/// The path is tried as the command line is parsed
/// ([`writable_file`](crate::cli::writable_file)): every program that
/// flattens these arguments refuses a file it could not write, with exit
/// status 2, before it runs anything.
#[derive(Debug, Clone, clap::Args)]
pub struct TimelineArgs {
    /// Also draw what each task did when, as an SVG picture written to PATH
    #[arg(long, value_name = "PATH", value_parser = crate::cli::writable_file())]
    pub timeline: Option<PathBuf>,
}

impl TimelineArgs {
    /// A recording timeline if `--timeline` was given, one that is off otherwise.
    pub fn timeline(&self) -> Timeline {
        if self.timeline.is_some() {
            Timeline::recording()
        } else {
            Timeline::off()
        }
    }

    /// Like [`timeline`](Self::timeline), with times to the nearest
    /// `resolution` (see [`Timeline::recording_to_the_nearest`]).
    pub fn timeline_to_the_nearest(&self, resolution: Duration) -> Timeline {
        if self.timeline.is_some() {
            Timeline::recording_to_the_nearest(resolution)
        } else {
            Timeline::off()
        }
    }

    /// Writes `timeline` to the `--timeline` file, if one was given, and
    /// says so on stderr. A file that cannot be written ends the program
    /// with a message and exit status 1.
    pub fn save(&self, timeline: &Timeline, title: &str) {
        let Some(path) = &self.timeline else { return };
        match std::fs::write(path, timeline.to_svg(title)) {
            Ok(()) => eprintln!("timeline written to {}", path.display()),
            Err(error) => {
                eprintln!(
                    "error: cannot write the timeline to {}: {error}",
                    path.display()
                );
                std::process::exit(1);
            }
        }
    }
}

// The drawing. Everything is laid out in a 760-unit-wide viewBox, which the
// book scales to its column.

const WIDTH: f64 = 760.0;
const MARGIN: f64 = 16.0;
const LABEL_WIDTH: f64 = 130.0;
const PLOT_LEFT: f64 = MARGIN + LABEL_WIDTH;
const PLOT_WIDTH: f64 = WIDTH - PLOT_LEFT - MARGIN - 8.0;
const FIRST_LANE_Y: f64 = 84.0;
const LANE_HEIGHT: f64 = 26.0;
const LANE_GAP: f64 = 10.0;
const INK: &str = "#1b1f24";

/// A round step for the time axis (1, 2 or 5 times a power of ten) that
/// divides `total` into at most eight intervals.
fn tick_step(total: f64) -> f64 {
    let mut scale = 0.001;
    loop {
        for step in [1.0, 2.0, 5.0] {
            if total / (step * scale) <= 8.0 + 1e-9 {
                return step * scale;
            }
        }
        scale *= 10.0;
    }
}

/// `1`, `0.5`, `0.25`: a tick's label without trailing zeros.
fn seconds_label(seconds: f64) -> String {
    let text = format!("{seconds:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_owned()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The time axis: where a number of seconds lands, and its ticks.
struct Axis {
    step: f64,
    end: f64,
}

impl Axis {
    fn for_spans(spans: &[Span]) -> Self {
        let last = spans
            .iter()
            .map(|span| span.end.as_secs_f64())
            .fold(0.0, f64::max);
        let step = tick_step(last.max(0.001));
        // The tolerance keeps 1.0 / 0.2 (4.999... or 5.000...1) at five steps.
        let end = (last / step - 1e-9).ceil().max(1.0) * step;
        Self { step, end }
    }

    fn x(&self, seconds: f64) -> f64 {
        PLOT_LEFT + seconds / self.end * PLOT_WIDTH
    }

    fn ticks(&self) -> impl Iterator<Item = f64> + '_ {
        let count = (self.end / self.step).round() as usize;
        (0..=count).map(|tick| tick as f64 * self.step)
    }
}

fn lane_top(index: usize) -> f64 {
    FIRST_LANE_Y + index as f64 * (LANE_HEIGHT + LANE_GAP)
}

fn render_svg(title: &str, lanes: &[String], spans: &[Span]) -> String {
    let axis = Axis::for_spans(spans);
    let axis_y = lane_top(lanes.len()) + 4.0;
    let height = axis_y + 44.0;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"100%\" \
         viewBox=\"0 0 {WIDTH} {height:.0}\" font-family=\"sans-serif\" role=\"img\" \
         aria-labelledby=\"timeline-title timeline-desc\">"
    );
    let _ = writeln!(
        svg,
        "  <title id=\"timeline-title\">{}</title>",
        escape(title)
    );
    let _ = writeln!(
        svg,
        "  <desc id=\"timeline-desc\">{}</desc>",
        escape(&describe(lanes, spans))
    );
    // A light card of its own, so that the picture reads the same on every
    // mdBook theme, dark ones included.
    let _ = writeln!(
        svg,
        "  <rect x=\"1\" y=\"1\" width=\"{}\" height=\"{:.0}\" rx=\"12\" fill=\"#fbfaf6\" \
         stroke=\"#c9c6bd\"/>",
        WIDTH - 2.0,
        height - 2.0
    );
    let _ = writeln!(
        svg,
        "  <text x=\"{}\" y=\"30\" text-anchor=\"middle\" font-size=\"17\" \
         font-weight=\"bold\" fill=\"{INK}\">{}</text>",
        WIDTH / 2.0,
        escape(title)
    );
    draw_legend(&mut svg, spans);
    draw_axis(&mut svg, &axis, axis_y);
    for (index, name) in lanes.iter().enumerate() {
        draw_lane(&mut svg, &axis, index, name, spans);
    }
    svg.push_str("</svg>\n");
    svg
}

/// The legend names only the activities this picture shows.
fn draw_legend(svg: &mut String, spans: &[Span]) {
    let _ = writeln!(svg, "  <g font-size=\"12\" fill=\"{INK}\">");
    let mut left = MARGIN + 4.0;
    for activity in Activity::ALL {
        if !spans.iter().any(|span| span.activity == activity) {
            continue;
        }
        let (fill, stroke) = activity.colors();
        let text = format!("{}: {}", activity.name(), activity.explanation());
        let _ = writeln!(
            svg,
            "    <rect x=\"{left:.1}\" y=\"47\" width=\"22\" height=\"13\" rx=\"3\" \
             fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"/>"
        );
        let _ = writeln!(
            svg,
            "    <text x=\"{:.1}\" y=\"58\">{}</text>",
            left + 28.0,
            escape(&text)
        );
        // About 6.3 units per character at this size, after the swatch.
        left += 28.0 + text.len() as f64 * 6.3 + 18.0;
    }
    let _ = writeln!(svg, "  </g>");
}

/// Grid lines at every tick, and the seconds below them.
fn draw_axis(svg: &mut String, axis: &Axis, axis_y: f64) {
    let _ = writeln!(svg, "  <g stroke=\"#dedbd2\" stroke-width=\"1\">");
    for seconds in axis.ticks() {
        let x = axis.x(seconds);
        let _ = writeln!(
            svg,
            "    <line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{axis_y:.1}\"/>",
            FIRST_LANE_Y - 6.0
        );
    }
    let _ = writeln!(svg, "  </g>");
    let _ = writeln!(
        svg,
        "  <g font-size=\"12\" fill=\"{INK}\" text-anchor=\"middle\">"
    );
    for seconds in axis.ticks() {
        let _ = writeln!(
            svg,
            "    <text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            axis.x(seconds),
            axis_y + 16.0,
            seconds_label(seconds)
        );
    }
    let _ = writeln!(
        svg,
        "    <text x=\"{:.1}\" y=\"{:.1}\">time (seconds)</text>",
        PLOT_LEFT + PLOT_WIDTH / 2.0,
        axis_y + 34.0
    );
    let _ = writeln!(svg, "  </g>");
}

/// A task's row: its name, a faint track, and its spans, each with a
/// tooltip giving its exact times.
fn draw_lane(svg: &mut String, axis: &Axis, index: usize, name: &str, spans: &[Span]) {
    let top = lane_top(index);
    let _ = writeln!(
        svg,
        "  <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"{INK}\" \
         text-anchor=\"end\">{}</text>",
        PLOT_LEFT - 10.0,
        top + LANE_HEIGHT / 2.0 + 4.5,
        escape(name)
    );
    let _ = writeln!(
        svg,
        "  <rect x=\"{PLOT_LEFT:.1}\" y=\"{top:.1}\" width=\"{PLOT_WIDTH:.1}\" \
         height=\"{LANE_HEIGHT}\" fill=\"#f1efe8\"/>"
    );
    for span in spans.iter().filter(|span| span.lane == name) {
        let (fill, stroke) = span.activity.colors();
        let (start, end) = (span.start.as_secs_f64(), span.end.as_secs_f64());
        let left = axis.x(start);
        let _ = writeln!(
            svg,
            "  <rect x=\"{left:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" \
             rx=\"3\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\">\
             <title>{}: {} from {start:.2} s to {end:.2} s</title></rect>",
            top + 2.0,
            axis.x(end) - left,
            LANE_HEIGHT - 4.0,
            escape(name),
            span.activity.name(),
        );
    }
}

/// The picture in words, for screen readers and for anyone diffing it:
/// `count 1: sleeping 0.00-1.00 s. count 2: ...`.
fn describe(lanes: &[String], spans: &[Span]) -> String {
    let mut text = String::from("A timeline, one row per task. ");
    for name in lanes {
        let parts: Vec<String> = spans
            .iter()
            .filter(|span| span.lane == *name)
            .map(|span| {
                format!(
                    "{} {:.2}-{:.2} s",
                    span.activity.name(),
                    span.start.as_secs_f64(),
                    span.end.as_secs_f64()
                )
            })
            .collect();
        if parts.is_empty() {
            let _ = write!(text, "{name}: nothing recorded. ");
        } else {
            let _ = write!(text, "{name}: {}. ", parts.join(", "));
        }
    }
    text.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(seconds: f64) -> Duration {
        Duration::from_secs_f64(seconds)
    }

    #[tokio::test(start_paused = true)]
    async fn lanes_record_their_sleeps_on_the_runtimes_clock() {
        let timeline = Timeline::recording();
        timeline.start();
        let first = timeline.lane("first");
        let second = timeline.lane("second");
        let sleep = first.sleeps(tokio::time::sleep);
        sleep(secs(1.0)).await;
        let sleep = second.sleeps(tokio::time::sleep);
        sleep(secs(0.5)).await;
        second
            .during(Activity::Waiting, tokio::time::sleep(secs(0.25)))
            .await;
        assert_eq!(
            timeline.spans(),
            [
                Span {
                    lane: "first".into(),
                    activity: Activity::Sleeping,
                    start: secs(0.0),
                    end: secs(1.0)
                },
                Span {
                    lane: "second".into(),
                    activity: Activity::Sleeping,
                    start: secs(1.0),
                    end: secs(1.5)
                },
                Span {
                    lane: "second".into(),
                    activity: Activity::Waiting,
                    start: secs(1.5),
                    end: secs(1.75)
                },
            ]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_wait_cut_short_ends_where_it_was_dropped_and_no_wait_leaves_no_span() {
        let timeline = Timeline::recording();
        timeline.start();
        let lane = timeline.lane("racer");
        let long = lane.during(Activity::Waiting, tokio::time::sleep(secs(10.0)));
        // The long wait loses a race against a 2-second timer, and is dropped.
        let lost = tokio::time::timeout(secs(2.0), long).await;
        assert!(lost.is_err());
        lane.during(Activity::Waiting, async {}).await;
        assert_eq!(
            timeline.spans(),
            [Span {
                lane: "racer".into(),
                activity: Activity::Waiting,
                start: secs(0.0),
                end: secs(2.0)
            }]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn time_zero_is_the_first_moment_the_timeline_sees() {
        tokio::time::sleep(secs(5.0)).await;
        let timeline = Timeline::recording();
        let lane = timeline.lane("late");
        lane.sleeps(tokio::time::sleep)(secs(2.0)).await;
        assert_eq!(timeline.spans()[0].start, Duration::ZERO);
        assert_eq!(timeline.spans()[0].end, secs(2.0));
    }

    #[test]
    fn blocking_sleeps_are_recorded_as_blocked() {
        let timeline = Timeline::recording();
        let lane = timeline.lane("blocking");
        crate::clock::run_blocking(crate::ClockMode::Virtual, |sleep| {
            timeline.start();
            lane.blocking_sleeps(sleep)(secs(3.0));
        })
        .unwrap();
        let spans = timeline.spans();
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].activity, Activity::Blocked);
        assert_eq!((spans[0].start, spans[0].end), (secs(0.0), secs(3.0)));
    }

    #[tokio::test(start_paused = true)]
    async fn a_timeline_that_is_off_records_nothing_and_still_runs_the_code() {
        let timeline = Timeline::off();
        let lane = timeline.lane("ignored");
        let value = lane.during(Activity::Running, async { 42 }).await;
        assert_eq!(value, 42);
        assert!(timeline.spans().is_empty());
        assert!(!timeline.is_recording());
    }

    #[test]
    fn asking_for_a_lane_twice_gives_the_same_lane() {
        let timeline = Timeline::recording();
        timeline.lane("a");
        timeline.lane("b");
        timeline.lane("a");
        assert_eq!(timeline.lane_names(), ["a", "b"]);
    }

    #[test]
    fn the_svg_has_a_lane_per_task_an_axis_and_a_legend_of_what_it_shows() {
        let lanes = ["count 1".to_owned(), "count 2".to_owned()];
        let spans = [
            Span {
                lane: "count 1".into(),
                activity: Activity::Sleeping,
                start: secs(0.0),
                end: secs(1.0),
            },
            Span {
                lane: "count 2".into(),
                activity: Activity::Blocked,
                start: secs(1.0),
                end: secs(3.0),
            },
        ];
        let svg = render_svg("Two <counts>", &lanes, &spans);
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.contains("viewBox=\"0 0 760 "), "{svg}");
        assert!(svg.contains("Two &lt;counts&gt;"), "{svg}");
        assert!(svg.contains(">count 2</text>"), "{svg}");
        assert!(svg.contains("sleeping: awaiting a timer"), "{svg}");
        assert!(svg.contains("blocked: asleep"), "{svg}");
        assert!(
            !svg.contains("waiting:"),
            "only the activities shown: {svg}"
        );
        assert!(svg.contains(">3</text>"), "an axis up to 3 s: {svg}");
        assert!(svg.contains("count 2: blocked 1.00-3.00 s."), "{svg}");
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn the_axis_gets_round_steps() {
        for (total, step) in [
            (1.0, 0.2),
            (3.0, 0.5),
            (6.0, 1.0),
            (12.0, 2.0),
            (100.0, 20.0),
        ] {
            assert!(
                (tick_step(total) - step).abs() < 1e-9,
                "{total}: {}",
                tick_step(total)
            );
        }
        assert_eq!(seconds_label(0.5), "0.5");
        assert_eq!(seconds_label(2.0), "2");
        assert_eq!(seconds_label(0.0), "0");
    }
}
