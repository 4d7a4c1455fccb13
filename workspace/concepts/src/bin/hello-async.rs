// Three counts at once on one thread: the "Hello, World" of async IO.
//
// A complete program: in a new project (`cargo new hello-async`), put this
// in src/main.rs, add tokio with `cargo add tokio --features full`, and
// `cargo run`. It prints One three times, waits one second, prints Two
// three times, and says it took a second, not three.

use std::time::Duration;

use tokio::time::{Instant, sleep};

/// Prints `One`, waits a second without holding the thread, prints `Two`.
async fn count() {
    println!("One");
    // `.await` on the timer: while it runs, this count is suspended and the
    // thread is free to run the other counts.
    sleep(Duration::from_secs(1)).await;
    println!("Two");
}

/// Runs the three counts at the same time and waits for all of them, like
/// `asyncio.gather(count(), count(), count())`.
async fn count_three_times() {
    tokio::join!(count(), count(), count());
}

// `#[tokio::main]` builds the runtime (the event loop) and runs `main` on
// it: `asyncio.run(main())`. `current_thread` keeps everything on the one
// thread that calls `main`, as asyncio does.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let started = Instant::now();
    count_three_times().await;
    let seconds = started.elapsed().as_secs_f64();
    println!("Three counts took {seconds:.2} seconds.");
}
