//! The first to finish wins: `tokio::select!` (asyncio's
//! `wait(..., return_when=FIRST_COMPLETED)`, and more).
//!
//! `select!` polls several futures inside the current task and returns as
//! soon as one of them completes. The others are dropped on the spot, which
//! cancels them: a losing branch never runs another line.

use support::Console;

use crate::job::job;
use crate::log::Log;

// ANCHOR: select
/// Asks two mirrors for the same file and keeps whichever answers first.
pub async fn first_mirror(console: &Console) -> &'static str {
    let log = Log::start(console);
    let winner = tokio::select! {
        // `biased` polls the branches in the order written. Without it,
        // select! starts from a random branch each time, for fairness; here
        // a fixed order keeps the output the same on every run.
        biased;
        name = job("fast mirror", 2, log.clone()) => name,
        name = job("slow mirror", 5, log.clone()) => name,
    };
    log.say(format!("select! returned {winner:?}"));
    winner
}
// ANCHOR_END: select
