use std::cell::Cell;
use std::rc::Rc;
use std::thread;

fn main() {
    // Rc's reference count and Cell's value are changed without any
    // synchronisation: fine on one thread, a data race on two.
    let counter = Rc::new(Cell::new(0));
    let handles: Vec<_> = (0..5000)
        .map(|_| {
            let counter = Rc::clone(&counter);
            thread::spawn(move || counter.set(counter.get() + 1))
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    println!("{}", counter.get());
}
