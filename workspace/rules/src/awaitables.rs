//! What can be awaited, run side by side.

use std::time::Duration;

use support::Console;
use support::clock::{seconds, timed};

use crate::signal::Signal;
use crate::syntax::{Greeting, quadruple};

// ANCHOR: demo
/// Awaits an async fn, an `IntoFuture` builder and the hand-written signal.
pub async fn demo(console: &Console) {
    console.line(format!("quadruple(5).await = {}", quadruple(5).await));

    let greeting = Greeting::to("Judit").after(Duration::from_secs(1));
    let (text, took) = timed(greeting).await; // `.await` calls into_future()
    console.line(format!(
        "Greeting::to(\"Judit\").after(1 s).await = {text:?} ({} s)",
        seconds(took)
    ));

    let signal = Signal::new();
    let firing = tokio::spawn({
        let signal = signal.clone();
        async move {
            tokio::time::sleep(Duration::from_secs(2)).await;
            signal.fire();
        }
    });
    let (polls, took) = timed(signal.wait()).await;
    console.line(format!(
        "signal.wait().await: ready after {} s and {polls} polls",
        seconds(took)
    ));
    firing.await.expect("the firing task only sleeps");
}
// ANCHOR_END: demo
