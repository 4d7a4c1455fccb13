use std::thread;

static mut COUNTER: u32 = 0;

fn main() {
    let handles: Vec<_> = (0..5000)
        // Any thread may write to a `static mut` at any time: only `unsafe`
        // code may touch it, and this course forbids `unsafe`.
        .map(|_| thread::spawn(|| COUNTER += 1))
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
}
