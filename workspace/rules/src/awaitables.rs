//! What can be awaited, run side by side.

use std::time::Duration;

use tokio::time::Instant;

use crate::signal::Signal;
use crate::syntax::{Greeting, quadruple};

// ANCHOR: demo
/// Awaits an async fn, an `IntoFuture` builder and the hand-written signal.
pub async fn demo() {
    println!("quadruple(5).await = {}", quadruple(5).await);

    let started = Instant::now();
    let greeting = Greeting::to("Judit").after(Duration::from_secs(1));
    let text = greeting.await; // `.await` calls into_future()
    let took = started.elapsed().as_secs_f64();
    println!("Greeting::to(\"Judit\").after(1 s).await = {text:?} ({took:.2} s)");

    let signal = Signal::new();
    let firing = tokio::spawn({
        let signal = signal.clone();
        async move {
            tokio::time::sleep(Duration::from_secs(2)).await;
            signal.fire();
        }
    });
    let started = Instant::now();
    let polls = signal.wait().await;
    let took = started.elapsed().as_secs_f64();
    println!("signal.wait().await: ready after {took:.2} s and {polls} polls");
    firing.await.unwrap();
}
// ANCHOR_END: demo
