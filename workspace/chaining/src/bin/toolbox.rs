//! The toolbox around chaining: `cargo run -p chaining --bin toolbox -- <example>`.

use clap::{Parser, Subcommand};
use support::Console;
use support::cli::ClockArgs;
use support::clock::block_on_tokio;

use chaining::{
    cancelling, completion, deadline, failures, gathering, racing, spawning,
};

/// Runs one example of the async toolbox, printing when each thing happens (seconds
/// since the example started).
#[derive(Debug, Parser)]
#[command(name = "toolbox", version, max_term_width = 80)]
struct Cli {
    #[command(subcommand)]
    example: Example,

    #[command(flatten)]
    timing: ClockArgs,
}

#[derive(Debug, Clone, Copy, Subcommand)]
enum Example {
    /// Spawn a task, do other work, await its handle (asyncio.create_task)
    CreateTask,
    /// Wait for all: join!, join_all, handles, JoinSet (asyncio.gather)
    Gather,
    /// Take results as they finish: join_next, FuturesUnordered (asyncio.as_completed)
    AsCompleted,
    /// The first to finish wins, the rest are dropped (select!)
    Select,
    /// Give up after a while: timeout (asyncio.wait_for)
    Timeout,
    /// Abort a task, detach one, stop one cooperatively (Task.cancel)
    Cancel,
    /// One task fails: try_join!, handles, JoinSet, collected Results
    Errors,
}

/// Runs an example's sections in turn, each under its heading. (Some
/// sections return an error on purpose; the example has already printed it.)
macro_rules! sections {
    ($console:expr; $($title:literal => $body:expr),+ $(,)?) => {{
        $(
            $console.line(concat!("== ", $title, " =="));
            let _ = $body.await;
        )+
    }};
}

async fn run(example: Example, console: &Console) {
    match example {
        Example::CreateTask => sections!(console;
            "tokio::spawn" => spawning::create_task(console),
        ),
        Example::Gather => sections!(console;
            "tokio::join!" => gathering::with_join(console),
            "join_all" => gathering::with_join_all(console),
            "spawned, handles awaited in order" => gathering::with_handles(console),
            "JoinSet::join_all" => gathering::with_join_set(console),
        ),
        Example::AsCompleted => sections!(console;
            "JoinSet::join_next" => completion::with_join_next(console),
            "FuturesUnordered" => completion::with_futures_unordered(console),
            "for contrast, join_all" => completion::gathered(console),
        ),
        Example::Select => sections!(console;
            "tokio::select!" => racing::first_mirror(console),
        ),
        Example::Timeout => sections!(console;
            "timeout around a future" => deadline::query_with_deadlines(console),
            "timeout around a task's handle" => deadline::deadline_on_a_handle(console),
        ),
        Example::Cancel => sections!(console;
            "JoinHandle::abort" => cancelling::abort_a_task(console),
            "dropping a JoinHandle" => cancelling::drop_a_handle(console),
            "asking a task to stop" => cancelling::stop_cooperatively(console),
        ),
        Example::Errors => sections!(console;
            "try_join!" => failures::with_try_join(console),
            "spawned, handles awaited with ?" => failures::with_handles(console),
            "JoinSet, left at the first error" => failures::with_join_set(console),
            "join! over Results" => failures::collecting_results(console),
        ),
    }
}

fn main() -> std::io::Result<()> {
    let cli = Cli::parse();
    let console = Console::stdout();
    block_on_tokio(cli.timing.clock, run(cli.example, &console))
}
