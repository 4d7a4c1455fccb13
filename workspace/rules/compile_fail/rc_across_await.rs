use std::rc::Rc;

async fn count_visits() {
    let visits = Rc::new(0); // Rc is not Send: its count is not thread-safe
    tokio::task::yield_now().await; // ...and it is still alive here
    println!("{visits}");
}

fn main() {
    // tokio::spawn may move the task to another thread at any .await, so the
    // future must be Send. This one is not: it holds an Rc across an await.
    tokio::spawn(count_visits());
}
