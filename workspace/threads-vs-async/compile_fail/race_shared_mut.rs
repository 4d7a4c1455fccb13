use std::thread;

fn main() {
    let mut counter = 0;
    thread::scope(|scope| {
        for _ in 0..5000 {
            // Each thread would hold `&mut counter`, all of them at once.
            scope.spawn(|| counter += 1);
        }
    });
    println!("{counter}");
}
