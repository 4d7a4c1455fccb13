//! The exhibition on tokio's paused clock: every figure is exact.

use std::time::Duration;

use concepts::chess::{self, Exhibition, Narrator, Outcome};
use support::Console;

const fn hours(h: u64) -> Duration {
    Duration::from_secs(h * 3600)
}

async fn play(exhibition: &Exhibition) -> (Outcome, Outcome) {
    let narrator = Narrator::silent();
    (
        chess::synchronous(exhibition, &narrator).await,
        chess::asynchronous(exhibition, &narrator).await,
    )
}

fn with_opponents(opponents: u32) -> Exhibition {
    Exhibition {
        opponents,
        ..Exhibition::polgar_1992()
    }
}

#[tokio::test(start_paused = true)]
async fn twenty_four_opponents_take_twelve_hours_one_game_at_a_time() {
    let (synchronous, _) = play(&Exhibition::polgar_1992()).await;
    assert_eq!(synchronous.all_games_over, hours(12));
    // Her last move comes one 55-second reply before the end.
    assert_eq!(
        synchronous.judit_last_move + Duration::from_secs(55),
        hours(12)
    );
    // 24 games x 30 replies x 55 s of standing at the board.
    assert_eq!(synchronous.judit_waited, hours(11));
}

#[tokio::test(start_paused = true)]
async fn twenty_four_opponents_take_one_hour_of_judits_time_table_to_table() {
    let (_, asynchronous) = play(&Exhibition::polgar_1992()).await;
    // The talk's figure: 24 boards x 5 s x 30 rounds, and she never waits.
    assert_eq!(asynchronous.judit_last_move, hours(1));
    assert_eq!(asynchronous.judit_waited, Duration::ZERO);
    // The clock also counts the last opponent's last reply.
    assert_eq!(
        asynchronous.all_games_over,
        hours(1) + Duration::from_secs(55)
    );
}

/// What a round-robin schedule must take, worked out by hand: a round lasts
/// as long as Judit's walk past every board, or as long as one board's
/// move and reply, whichever is longer.
fn expected_async_end(exhibition: &Exhibition) -> Duration {
    let walk = exhibition.judit_move * exhibition.opponents;
    let move_and_reply = exhibition.judit_move + exhibition.opponent_move;
    walk.max(move_and_reply) * (exhibition.move_pairs - 1)
        + walk
        + exhibition.opponent_move
}

#[tokio::test(start_paused = true)]
async fn the_clock_agrees_with_the_formula_for_many_shapes() {
    // 4 is the slides' exhibition; 12 boards is where Judit's walk (60 s)
    // exactly covers a move and its reply; 1 board cannot overlap anything.
    for opponents in [1, 4, 11, 12, 13, 24, 50] {
        let exhibition = with_opponents(opponents);
        let (synchronous, asynchronous) = play(&exhibition).await;
        let game =
            (exhibition.judit_move + exhibition.opponent_move) * exhibition.move_pairs;
        assert_eq!(
            synchronous.all_games_over,
            game * opponents,
            "{opponents} opponents, synchronous"
        );
        assert_eq!(
            asynchronous.all_games_over,
            expected_async_end(&exhibition),
            "{opponents} opponents"
        );
    }
}

#[tokio::test(start_paused = true)]
async fn with_four_opponents_judit_waits_at_the_boards() {
    let (synchronous, asynchronous) = play(&with_opponents(4)).await;
    assert_eq!(synchronous.all_games_over, hours(2));
    // Each round: her 20-second walk is shorter than a 60-second move and
    // reply, so she waits 40 s in each of the 29 rounds after the first.
    assert_eq!(asynchronous.judit_waited, Duration::from_secs(29 * 40));
    assert_eq!(
        asynchronous.all_games_over,
        Duration::from_secs(29 * 60 + 20 + 55)
    );
}

#[tokio::test(start_paused = true)]
async fn the_narrator_prints_judits_moves_in_playing_order() {
    let exhibition = Exhibition {
        opponents: 2,
        move_pairs: 2,
        ..Exhibition::polgar_1992()
    };
    let console = Console::recorder();
    chess::asynchronous(&exhibition, &Narrator::to(console.clone(), 1)).await;
    assert_eq!(
        console.lines(),
        [
            "[ 0:00:05] board  1: Judit plays move 1",
            "[ 0:00:10] board  2: Judit plays move 1",
            // Board 2 replied at 1:05, just as she finished at board 1.
            "[ 0:01:05] board  1: Judit plays move 2",
            "[ 0:01:10] board  2: Judit plays move 2",
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn scaling_down_and_back_up_keeps_the_figures() {
    let exhibition = Exhibition::polgar_1992();
    let full = chess::asynchronous(&exhibition, &Narrator::silent()).await;
    let scaled = chess::asynchronous(&exhibition.scaled_down(5), &Narrator::silent())
        .await
        .scaled_up(5);
    assert_eq!(full, scaled);
}
