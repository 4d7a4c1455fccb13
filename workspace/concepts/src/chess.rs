//! Judit Polgár's simultaneous exhibition, after Miguel Grinberg's PyCon 2017 talk.
//!
//! One master plays many amateurs. She needs a few seconds per move; each
//! opponent needs almost a minute. Played *synchronously*, she finishes one
//! game before starting the next and spends most of the day waiting for
//! replies. Played *asynchronously*, she makes one move at a board and walks
//! on while that opponent thinks. There is still only one Judit, making one
//! move at a time: the speed-up comes entirely from not standing idle.
//!
//! Both schedules below are real async programs. Run on tokio's paused clock,
//! the waiting costs no real time and the stopwatch reads exact figures.

use std::time::Duration;

use support::clock::hms;
use support::{Console, Stopwatch};
use tokio::task::JoinHandle;
use tokio::time::sleep;

/// The shape of an exhibition.
#[derive(Debug, Clone)]
pub struct Exhibition {
    pub opponents: u32,
    /// How long Judit takes for one move.
    pub judit_move: Duration,
    /// How long each opponent takes for one move.
    pub opponent_move: Duration,
    /// Move pairs per game: a Judit move and the opponent's reply.
    pub move_pairs: u32,
}

impl Exhibition {
    /// The talk's exhibition: 24 opponents, 5 s against 55 s, 30 move pairs.
    pub fn polgar_1992() -> Self {
        Self {
            opponents: 24,
            judit_move: Duration::from_secs(5),
            opponent_move: Duration::from_secs(55),
            move_pairs: 30,
        }
    }

    /// The same exhibition with every duration divided by `factor`, for
    /// watching it in real time.
    #[must_use]
    pub fn scaled_down(&self, factor: u32) -> Self {
        Self {
            judit_move: self.judit_move / factor,
            opponent_move: self.opponent_move / factor,
            ..self.clone()
        }
    }
}

/// What the clock read, measured while the exhibition ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// When Judit finished her last move.
    pub judit_last_move: Duration,
    /// When the last game ended (the last opponent's last reply).
    pub all_games_over: Duration,
    /// How long Judit stood at a board waiting for a reply.
    pub judit_waited: Duration,
}

impl Outcome {
    /// Every figure multiplied by `factor`: undoes [`Exhibition::scaled_down`].
    #[must_use]
    pub fn scaled_up(self, factor: u32) -> Self {
        Self {
            judit_last_move: self.judit_last_move * factor,
            all_games_over: self.all_games_over * factor,
            judit_waited: self.judit_waited * factor,
        }
    }
}

/// Narrates Judit's moves as they happen, if asked to.
#[derive(Debug, Clone)]
pub struct Narrator {
    console: Option<Console>,
    time_scale: u32,
}

impl Narrator {
    /// Stays silent.
    pub fn silent() -> Self {
        Self {
            console: None,
            time_scale: 1,
        }
    }

    /// Prints each move with the exhibition's time, scaled up by `time_scale`.
    pub fn to(console: Console, time_scale: u32) -> Self {
        Self {
            console: Some(console),
            time_scale,
        }
    }

    fn judit_moved(&self, clock: &Stopwatch, board: usize, pair: u32) {
        if let Some(console) = &self.console {
            let at = hms(clock.elapsed() * self.time_scale);
            console.line(format!(
                "[{at:>8}] board {:>2}: Judit plays move {pair}",
                board + 1
            ));
        }
    }
}

// ANCHOR: synchronous
/// Judit plays one game at a time, start to finish, then the next.
pub async fn synchronous(exhibition: &Exhibition, narrator: &Narrator) -> Outcome {
    let clock = Stopwatch::start();
    let mut judit_last_move = Duration::ZERO;
    let mut judit_waited = Duration::ZERO;
    for board in 0..exhibition.opponents as usize {
        for pair in 1..=exhibition.move_pairs {
            sleep(exhibition.judit_move).await; // Judit thinks and moves
            judit_last_move = clock.elapsed();
            narrator.judit_moved(&clock, board, pair);

            let waiting = Stopwatch::start();
            sleep(exhibition.opponent_move).await; // she stays and waits for the reply
            judit_waited += waiting.elapsed();
        }
    }
    Outcome {
        judit_last_move,
        all_games_over: clock.elapsed(),
        judit_waited,
    }
}
// ANCHOR_END: synchronous

// ANCHOR: asynchronous
/// Judit moves from table to table, one move at each, while the opponents
/// think in their own tasks.
pub async fn asynchronous(exhibition: &Exhibition, narrator: &Narrator) -> Outcome {
    let clock = Stopwatch::start();
    let mut judit_last_move = Duration::ZERO;
    let mut judit_waited = Duration::ZERO;
    // One slot per board: the opponent's reply, if they are still thinking.
    let mut replies: Vec<Option<JoinHandle<()>>> =
        (0..exhibition.opponents).map(|_| None).collect();

    for pair in 1..=exhibition.move_pairs {
        for (board, reply) in replies.iter_mut().enumerate() {
            if let Some(thinking) = reply.take() {
                // Back at this board: wait only if the opponent has not replied yet.
                let waiting = Stopwatch::start();
                thinking
                    .await
                    .expect("an opponent only sleeps; the task cannot fail");
                judit_waited += waiting.elapsed();
            }
            sleep(exhibition.judit_move).await; // Judit thinks and moves
            judit_last_move = clock.elapsed();
            narrator.judit_moved(&clock, board, pair);

            // The opponent thinks in a task of their own while Judit walks on.
            *reply = Some(tokio::spawn(sleep(exhibition.opponent_move)));
        }
    }
    for thinking in replies.into_iter().flatten() {
        thinking
            .await
            .expect("an opponent only sleeps; the task cannot fail");
    }
    Outcome {
        judit_last_move,
        all_games_over: clock.elapsed(),
        judit_waited,
    }
}
// ANCHOR_END: asynchronous

/// The table the `chess` program prints, for the schedules that were played.
pub fn report(
    exhibition: &Exhibition,
    synchronous: Option<Outcome>,
    asynchronous: Option<Outcome>,
) -> Vec<String> {
    let mut lines = vec![
        format!(
            "{} opponents, {} move pairs a game; Judit takes {} s a move, each opponent {} s.",
            exhibition.opponents,
            exhibition.move_pairs,
            exhibition.judit_move.as_secs_f64(),
            exhibition.opponent_move.as_secs_f64()
        ),
        String::new(),
        format!(
            "{:<13} {:>18} {:>15} {:>13}",
            "schedule", "Judit's last move", "all games over", "Judit waited"
        ),
    ];
    for (name, outcome) in
        [("synchronous", synchronous), ("asynchronous", asynchronous)]
    {
        if let Some(outcome) = outcome {
            lines.push(format!(
                "{name:<13} {:>18} {:>15} {:>13}",
                hms(outcome.judit_last_move),
                hms(outcome.all_games_over),
                hms(outcome.judit_waited)
            ));
        }
    }
    if let (Some(synchronous), Some(asynchronous)) = (synchronous, asynchronous) {
        let speedup = synchronous.all_games_over.as_secs_f64()
            / asynchronous.all_games_over.as_secs_f64();
        lines.push(String::new());
        lines.push(format!(
            "Moving from table to table finished the exhibition {speedup:.1} times sooner."
        ));
    }
    lines
}
