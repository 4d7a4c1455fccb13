use std::cell::Cell;
use std::sync::Arc;
use std::thread;

fn main() {
    // Arc makes the reference count thread-safe, but not the Cell inside:
    // two threads could still read and write the number at the same time.
    let counter = Arc::new(Cell::new(0));
    let handles: Vec<_> = (0..5000)
        .map(|_| {
            let counter = Arc::clone(&counter);
            thread::spawn(move || counter.set(counter.get() + 1))
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    println!("{}", counter.get());
}
