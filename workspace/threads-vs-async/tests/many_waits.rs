//! The chapter's complete program, `src/bin/many-waits.rs`: its server and
//! its hundred clients, over real sockets on 127.0.0.1, with tokio's clock
//! paused so that the server's 200 ms waits take no time.
//!
//! The paused clock moves only when the runtime has nothing left to do, and
//! then straight to the next timer. Here the only timers are the server's
//! waits, and on Linux's loopback a message is in the other socket by the
//! time its `write` returns, so in practice the clock moves once, when every
//! request is waiting: the run takes exactly one wait. The timing test still
//! allows a few more rounds, in case a kernel is slow to hand a message over
//! and the runtime looks idle in between; one after another, the clients
//! would take a hundred waits.

// The program's functions are private to it, as in a reader's main.rs;
// including the file makes them this test's own. Its `main` is not called.
#![allow(dead_code)]
include!("../src/bin/many-waits.rs");

/// The program's server on a port the operating system picks, as `main`
/// starts it.
async fn start_server() -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let server = listener.local_addr()?;
    tokio::spawn(serve(listener));
    Ok(server)
}

#[tokio::test(start_paused = true)]
async fn every_client_gets_the_reply_to_its_own_request() -> std::io::Result<()> {
    let server = start_server().await?;
    let replies = ask_all(server, CLIENTS).await?;
    assert_eq!(replies.len(), 100);
    for (n, reply) in replies.iter().enumerate() {
        assert_eq!(reply, &format!("reply to request {n}"), "client {n}");
    }
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn one_client_waits_for_the_server() -> std::io::Result<()> {
    let server = start_server().await?;
    let started = Instant::now();
    assert_eq!(ask(server, 7).await?, "reply to request 7");
    let took = started.elapsed();
    assert!(
        took >= WAIT,
        "the reply came after {took:?}, before the wait"
    );
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn a_hundred_clients_take_about_one_wait_not_a_hundred() -> std::io::Result<()> {
    let server = start_server().await?;
    let started = Instant::now();
    ask_all(server, CLIENTS).await?;
    let took = started.elapsed();
    assert!(took >= WAIT, "done in {took:?}, before the server's wait");
    assert!(
        took < WAIT * 10,
        "{took:?} for {CLIENTS} clients: their waits did not overlap \
         (one after another they take {:?})",
        WAIT * CLIENTS
    );
    Ok(())
}
