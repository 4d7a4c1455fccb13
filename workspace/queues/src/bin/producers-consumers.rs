// Three producers send numbered items into one channel, each at its own
// pace, and one consumer takes the items as they come.
//
// A complete program: in a new project (`cargo new producers-consumers`), put
// this in src/main.rs, add tokio with `cargo add tokio --features full`, and
// `cargo run`. It prints the nine items in the order they arrive, then says
// the run took as long as the slowest producer, not as long as all of them.

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

/// An item: the number of the producer that made it, and its own number.
type Item = (u32, u32);

/// Each producer: its number, the milliseconds one item takes, how many.
const PRODUCERS: [(u32, u64, u32); 3] = [(1, 300, 4), (2, 500, 3), (3, 700, 2)];

/// Makes `count` items, one every `every`, and sends each into the channel.
async fn produce(id: u32, every: Duration, count: u32, tx: mpsc::Sender<Item>) {
    for number in 1..=count {
        // The sleep stands for the IO an item waits on: a request, a file.
        sleep(every).await;
        // `send` fails only if the receiver is gone: nobody left to make for.
        if tx.send((id, number)).await.is_err() {
            return;
        }
    }
    // `tx` is dropped here: the channel has one sender fewer.
}

/// Takes items until `recv` returns `None`, once every sender is dropped and
/// the channel is empty: the work is over. Returns them in arrival order.
async fn consume(mut rx: mpsc::Receiver<Item>) -> Vec<Item> {
    let started = Instant::now();
    let mut arrived = Vec::new();
    while let Some((producer, number)) = rx.recv().await {
        let at = started.elapsed().as_secs_f64();
        println!("{at:.2} s: item {number} from producer {producer}");
        arrived.push((producer, number));
    }
    arrived
}

/// Starts the producers as tasks and consumes what they send.
async fn run() -> Vec<Item> {
    // mpsc: many producers, a single consumer. A sender can be cloned, the
    // receiver cannot; the chapter goes on to a queue many consumers share.
    // At most 16 items wait in the channel; this consumer keeps up.
    let (tx, rx) = mpsc::channel(16);
    for (id, millis, count) in PRODUCERS {
        let every = Duration::from_millis(millis);
        tokio::spawn(produce(id, every, count, tx.clone()));
    }
    // Drop our own sender too, or `recv` would wait for it forever.
    drop(tx);
    consume(rx).await
}

// `current_thread`: one thread is plenty for tasks that only wait.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let started = Instant::now();
    let items = run().await.len();
    let took = started.elapsed().as_secs_f64();
    let sum: u64 = PRODUCERS.iter().map(|&(_, ms, n)| ms * u64::from(n)).sum();
    let sum = sum as f64 / 1000.0;
    println!("{items} items in {took:.2} s, not the {sum:.2} s of one after another.");
}
