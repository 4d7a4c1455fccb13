#![deny(unused_must_use)]

async fn save_to_disk() {}

fn main() {
    // Creates a future and drops it at once: the save never happens.
    // rustc warns (here: errors) that futures do nothing unless awaited.
    save_to_disk();
}
