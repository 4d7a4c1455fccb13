//! `pool`: a pool of worker processes, driven from async code.
//!
//! The parent is IO-bound: it writes a line to a worker, then waits for the
//! answer. Waiting is what async code is good at, so one thread running
//! tokio can keep many worker processes busy, each doing the CPU-bound work
//! on a core of its own. This is the notes' point about mixing
//! multiprocessing with async IO, the job Python's `aiomultiprocess` does.
//!
//! A worker is a process: if it crashes or hangs, the parent sees a closed
//! pipe or a timer running out, kills what is left of it, reports the job as
//! failed, and starts a fresh worker for the next job. The other jobs are
//! not affected. That isolation, not speed, is what processes give a Rust
//! program (threads are already parallel).

use std::ffi::OsString;
use std::fmt;
use std::io;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use futures::{Stream, StreamExt, stream};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};

use crate::worker::{Fault, Request};

/// How to start a worker: a program and its arguments.
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    program: PathBuf,
    args: Vec<OsString>,
}

impl WorkerCommand {
    pub fn new(
        program: impl Into<PathBuf>,
        args: impl IntoIterator<Item = impl Into<OsString>>,
    ) -> Self {
        Self {
            program: program.into(),
            args: args.into_iter().map(Into::into).collect(),
        }
    }

    /// This very program, run again with the hidden `worker` subcommand.
    ///
    /// Python's multiprocessing can *fork*: copy the running parent, event
    /// loop and all, which is why the notes warn that a child inherits the
    /// parent's event loop. Starting the program afresh, as Python's "spawn"
    /// start method does, gives the worker a clean process with no runtime
    /// in it; the worker needs none, it only computes.
    pub fn this_program() -> io::Result<Self> {
        Ok(Self::new(std::env::current_exe()?, ["worker"]))
    }
}

/// One job of a pool: its number (from 1, for people) and its request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Job {
    pub number: usize,
    pub request: Request,
}

impl Job {
    /// The article's jobs, numbered from 1, none with a fault.
    pub fn numbered(limits: &[u64]) -> Vec<Job> {
        limits
            .iter()
            .enumerate()
            .map(|(index, &limit)| Job {
                number: index + 1,
                request: Request {
                    limit,
                    fault: Fault::None,
                },
            })
            .collect()
    }
}

/// Why a job has no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobError {
    /// The worker died before answering; how it exited, as the OS reports it.
    Crashed(String),
    /// The worker did not answer in time, and was killed.
    TimedOut(Duration),
    /// The worker could not be started, or answered something unreadable.
    Failed(String),
}

impl fmt::Display for JobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JobError::Crashed(status) => write!(f, "crashed ({status})"),
            JobError::TimedOut(limit) => write!(
                f,
                "timed out after {} s, worker killed",
                limit.as_secs_f64()
            ),
            JobError::Failed(reason) => write!(f, "failed: {reason}"),
        }
    }
}

// ANCHOR: worker
/// A running worker process, with the two pipes the parent talks through.
#[derive(Debug)]
struct Worker {
    child: Child,
    requests: ChildStdin,
    answers: Lines<BufReader<ChildStdout>>,
}

impl Worker {
    fn start(command: &WorkerCommand) -> io::Result<Worker> {
        let mut child = Command::new(&command.program)
            .args(&command.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            // If the parent lets go of a worker (after an error, or because
            // the future running its job was cancelled, or the pool dropped),
            // the process is killed, not left running with no one to answer.
            .kill_on_drop(true)
            .spawn()?;
        let requests = child.stdin.take().expect("stdin was piped");
        let answers = BufReader::new(child.stdout.take().expect("stdout was piped"));
        Ok(Worker {
            child,
            requests,
            answers: answers.lines(),
        })
    }

    /// Sends one request and waits for its answer.
    async fn ask(&mut self, request: Request) -> Result<u128, JobError> {
        let sent = self
            .requests
            .write_all(format!("{request}\n").as_bytes())
            .await;
        let answer = match sent {
            Ok(()) => self.answers.next_line().await,
            Err(error) => Err(error),
        };
        match answer {
            Ok(Some(line)) => line
                .parse()
                .map_err(|_| JobError::Failed(format!("unreadable answer {line:?}"))),
            // The pipe closed (or broke) before an answer: the worker is
            // gone. Its exit status says how it went.
            Ok(None) | Err(_) => match self.child.wait().await {
                Ok(status) => Err(JobError::Crashed(status.to_string())),
                Err(error) => Err(JobError::Failed(error.to_string())),
            },
        }
    }

    /// Closes the worker's input, which ends its loop, and waits for it to exit.
    async fn finish(mut self) {
        drop(self.requests);
        let _ = self.child.wait().await;
    }
}
// ANCHOR_END: worker

// ANCHOR: pool
/// Worker processes that are started when needed and reused while they work.
#[derive(Debug)]
pub struct Pool {
    command: WorkerCommand,
    timeout: Duration,
    /// Workers between jobs. A std Mutex is enough: it is never held
    /// across an `.await`.
    idle: Mutex<Vec<Worker>>,
}

impl Pool {
    pub fn new(command: WorkerCommand, timeout: Duration) -> Self {
        Self {
            command,
            timeout,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Runs one request on an idle worker, or on a new one if none is idle.
    pub async fn run(&self, request: Request) -> Result<u128, JobError> {
        let idle = self
            .idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        let mut worker = match idle {
            Some(worker) => worker,
            None => Worker::start(&self.command)
                .map_err(|error| JobError::Failed(format!("cannot start: {error}")))?,
        };
        match tokio::time::timeout(self.timeout, worker.ask(request)).await {
            Ok(Ok(sum)) => {
                // A worker that answered is healthy: keep it for the next job.
                self.idle
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(worker);
                Ok(sum)
            }
            // Crashed or unreadable: dropping the worker kills whatever is left.
            Ok(Err(error)) => Err(error),
            Err(_elapsed) => {
                // The answer may still come one day, but nobody will wait
                // for it: kill the process and reap it, so it neither runs
                // on nor lingers as a zombie.
                let _ = worker.child.kill().await;
                Err(JobError::TimedOut(self.timeout))
            }
        }
    }

    /// Runs every job, at most `workers` at a time, and yields each job
    /// with its result as soon as it finishes: in finishing order, not in
    /// job order.
    pub fn run_all(
        &self,
        jobs: Vec<Job>,
        workers: usize,
    ) -> impl Stream<Item = (Job, Result<u128, JobError>)> + '_ {
        stream::iter(jobs)
            .map(move |job| async move { (job, self.run(job.request).await) })
            // The concurrency bound: at most `workers` jobs in flight, so at
            // most `workers` processes busy. The next job starts as soon as
            // one finishes, on the worker it freed.
            .buffer_unordered(workers)
    }

    /// Lets the idle workers finish: their input closes and they exit.
    pub async fn shutdown(self) {
        let idle = self
            .idle
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        futures::future::join_all(idle.into_iter().map(Worker::finish)).await;
    }
}
// ANCHOR_END: pool
