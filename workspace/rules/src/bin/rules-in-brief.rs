// The rules of async/await in one file: futures are lazy, `.await` belongs to
// async code, awaiting in turn is not concurrency, and blocking stalls every task.
//
// A complete program: in a new project (`cargo new rules-in-brief`), put
// this in src/main.rs, add tokio with `cargo add tokio --features full`, and
// `cargo run`. It takes about two seconds.

use std::time::Duration;

use tokio::time::{Instant, sleep};

const SHORT: Duration = Duration::from_millis(200);
const LONG: Duration = Duration::from_millis(400);

/// asyncio's `say_after`: waits without holding the thread, then prints.
async fn say_after(delay: Duration, what: &str) {
    sleep(delay).await;
    println!("{what}");
}

/// One wait, then the other: the second timer starts when the first ends.
async fn in_sequence() -> Duration {
    let started = Instant::now();
    say_after(SHORT, "hello").await;
    say_after(LONG, "world").await;
    started.elapsed()
}

/// Both at once: `join!` polls both futures, so their timers overlap.
async fn together() -> Duration {
    let started = Instant::now();
    tokio::join!(say_after(SHORT, "hello"), say_after(LONG, "world"));
    started.elapsed()
}

/// Spawns a sleeping task, then a quick one; returns when the sleep ended and the quick one ran.
async fn sleeper_and_quick_task(on_pool: bool) -> (Duration, Duration) {
    let started = Instant::now();
    let sleep_then_time = move || {
        std::thread::sleep(SHORT); // blocks the thread it is called on
        started.elapsed()
    };
    let sleeper = tokio::spawn(async move {
        if on_pool {
            // On tokio's pool of threads for blocking calls, not this one.
            tokio::task::spawn_blocking(sleep_then_time).await.unwrap()
        } else {
            sleep_then_time() // on the runtime's only thread: nothing else runs
        }
    });
    let quick = tokio::spawn(async move { started.elapsed() });
    (sleeper.await.unwrap(), quick.await.unwrap())
}

// Plain code cannot `.await` (error E0728): `#[tokio::main]` starts the runtime
// and runs async `main` on it, like `asyncio.run`, on one thread as asyncio does.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let future = say_after(SHORT, "  the future ran: only now, when awaited");
    println!("Called say_after: we hold a future, and nothing has run.");
    future.await;
    let seconds = in_sequence().await.as_secs_f64();
    println!("Awaited in sequence: {seconds:.2} s");
    let seconds = together().await.as_secs_f64();
    println!("Awaited with join!: {seconds:.2} s");
    let seconds = sleeper_and_quick_task(false).await.1.as_secs_f64();
    println!("A blocking sleep held the quick task up {seconds:.2} s");
    let seconds = sleeper_and_quick_task(true).await.1.as_secs_f64();
    println!("With spawn_blocking, the quick task waited {seconds:.2} s");
}
