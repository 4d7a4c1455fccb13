//! Tasks on one thread switch only at an `.await`, in a predictable order.

use concepts::turns;
use support::Console;

#[tokio::test]
async fn two_tasks_switch_only_at_their_awaits() {
    let console = Console::recorder();
    turns::two_tasks(&console).await;
    let lines = console.lines();
    // Each task runs from its start to its `.await` without interruption,
    // in the order they were spawned...
    assert_eq!(
        lines[..2],
        ["task 1: a = 2, giving way", "task 2: a = 2, giving way"]
    );
    // ...and finishes only after the other has had its turn. Which of two
    // ready tasks resumes first is the scheduler's choice, so the test
    // does not pin it (the book's transcript shows what tokio picked).
    let mut finishes = lines[2..].to_vec();
    finishes.sort();
    assert_eq!(finishes, ["task 1: b = 5", "task 2: b = 5"]);
}

#[test]
fn the_thread_version_computes_the_same_sum() {
    let console = Console::recorder();
    std::thread::scope(|scope| {
        scope.spawn(|| turns::arithmetic_on_a_thread(&console));
    });
    assert_eq!(console.lines(), ["thread: b = 5"]);
}
