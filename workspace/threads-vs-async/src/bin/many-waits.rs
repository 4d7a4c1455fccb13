// A hundred clients ask one server over loopback, all at once, on one thread.
//
// A complete program: in a new project (`cargo new many-waits`), put this in
// src/main.rs, add tokio with `cargo add tokio --features full`, and `cargo
// run`. It takes about 0.2 s, not the 20 s of one client after another.

use std::{net::SocketAddr, time::Duration};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{Instant, sleep};

/// How long the server takes over each request, like a slow remote site.
const WAIT: Duration = Duration::from_millis(200);
const CLIENTS: u32 = 100;

/// Gives each connection a task of its own, until accepting fails.
async fn serve(listener: TcpListener) {
    while let Ok((stream, _)) = listener.accept().await {
        // A connection that fails ends its own task, not the server.
        tokio::spawn(answer(stream));
    }
}

/// Reads one request line, waits, replies naming the request, hangs up.
/// `sleep` is a timer: while it runs, the thread is free for other clients.
async fn answer(stream: TcpStream) -> std::io::Result<()> {
    let mut stream = BufReader::new(stream);
    let mut request = String::new();
    stream.read_line(&mut request).await?;
    sleep(WAIT).await;
    let reply = format!("reply to {}", request.trim_end());
    stream.write_all(reply.as_bytes()).await
}

/// One client: connects, sends its request line, reads the reply to the end.
async fn ask(server: SocketAddr, n: u32) -> std::io::Result<String> {
    let mut stream = TcpStream::connect(server).await?;
    let request = format!("request {n}\n");
    stream.write_all(request.as_bytes()).await?;
    let mut reply = String::new();
    stream.read_to_string(&mut reply).await?;
    Ok(reply)
}

/// Starts every client as a task, then collects the replies in order.
async fn ask_all(server: SocketAddr, clients: u32) -> std::io::Result<Vec<String>> {
    let tasks: Vec<_> = (0..clients).map(|n| tokio::spawn(ask(server, n))).collect();
    let mut replies = Vec::new();
    for task in tasks {
        // The first `?` is for a task that panicked, the second for an IO error.
        replies.push(task.await??);
    }
    Ok(replies)
}

// `current_thread`: the server and all hundred clients share one thread.
#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0").await?; // 0: any free port
    let server = listener.local_addr()?;
    println!("Server on {server}, answering each request after {WAIT:?}.");
    tokio::spawn(serve(listener));
    let started = Instant::now();
    let replies = ask_all(server, CLIENTS).await?;
    let took = started.elapsed().as_secs_f64();
    let (count, one_by_one) = (replies.len(), (WAIT * CLIENTS).as_secs_f64());
    println!("{count} replies in {took:.2} s, not {one_by_one:.0} s.");
    Ok(())
}
