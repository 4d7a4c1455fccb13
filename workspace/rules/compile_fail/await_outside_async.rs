async fn fetch_number() -> u32 {
    42
}

// `.await` is only allowed inside an async fn or an async block.
fn not_async() -> u32 {
    fetch_number().await
}
