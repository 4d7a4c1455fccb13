//! What the asyncq and backpressure tests share.

use support::{Activity, Timeline};

/// One lane of a recorded timeline: (activity, start, end) in whole seconds.
pub(crate) fn lane(timeline: &Timeline, name: &str) -> Vec<(Activity, u64, u64)> {
    timeline
        .spans()
        .iter()
        .filter(|span| span.lane == name)
        .map(|span| (span.activity, span.start.as_secs(), span.end.as_secs()))
        .collect()
}
