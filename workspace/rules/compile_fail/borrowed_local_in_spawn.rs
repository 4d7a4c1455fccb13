async fn greet() {
    let name = String::from("Judit");
    // The task may outlive this function, so it cannot borrow `name`.
    let task = tokio::spawn(async { println!("hello, {name}") });
    task.await.unwrap();
}
