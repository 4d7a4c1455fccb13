//! Python's `random` module, bit for bit, for the calls the course uses.
//!
//! The notes' transcripts come from `random.seed(444)` followed by
//! `random.randint(0, 10)` calls. Python's generator is the Mersenne Twister
//! MT19937, and both the seeding and `randint` are specified precisely enough
//! to reproduce: seeding an integer `n` calls `init_by_array` with `n`'s 32-bit
//! words (least significant first), and `randint(a, b)` takes the top `k` bits
//! of one 32-bit output, `k` being the bit length of `b - a + 1`, retrying
//! while the draw is out of range. Matching that lets a reader lay the Rust
//! output beside the notes, line by line.
//!
//! `rand`'s own `random_range` uses a different (faster) algorithm, so even a
//! Mersenne Twister behind `rand`'s API would not give Python's numbers: the
//! algorithm has to be Python's too. [`PyRandom`] still implements
//! [`rand::TryRng`], so it works wherever `rand` expects a generator.

use std::convert::Infallible;
use std::ops::RangeInclusive;
use std::sync::{Arc, Mutex, PoisonError};

const STATE_WORDS: usize = 624;
const SHIFT_WORDS: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// A Mersenne Twister seeded and sampled exactly as CPython's `random` is.
///
/// ```
/// use support::PyRandom;
///
/// // Python: random.seed(444); [random.randint(0, 10) for _ in range(10)]
/// let mut rng = PyRandom::seed(444);
/// let draws: Vec<u64> = (0..10).map(|_| rng.randint(0..=10)).collect();
/// assert_eq!(draws, [4, 4, 0, 4, 7, 4, 4, 8, 10, 7]);
/// ```
#[derive(Clone)]
pub struct PyRandom {
    state: [u32; STATE_WORDS],
    index: usize,
}

impl std::fmt::Debug for PyRandom {
    // 624 words of state help nobody reading a debug print.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PyRandom")
            .field("index", &self.index)
            .finish_non_exhaustive()
    }
}

impl PyRandom {
    /// The generator after Python's `random.seed(seed)` for a non-negative integer.
    pub fn seed(seed: u64) -> Self {
        // Python splits the integer into 32-bit words, least significant first,
        // and keeps at least one word (so seed 0 is the key [0]).
        let low = seed as u32;
        let high = (seed >> 32) as u32;
        if high == 0 {
            Self::from_key(&[low])
        } else {
            Self::from_key(&[low, high])
        }
    }

    /// MT19937's `init_by_array`, the seeding routine Python uses.
    fn from_key(key: &[u32]) -> Self {
        let mut state = [0u32; STATE_WORDS];
        state[0] = 19_650_218;
        for i in 1..STATE_WORDS {
            let prev = state[i - 1];
            state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }

        let mut i = 1;
        let mut j = 0;
        for _ in 0..STATE_WORDS.max(key.len()) {
            let prev = state[i - 1];
            state[i] = (state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= STATE_WORDS {
                state[0] = state[STATE_WORDS - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..STATE_WORDS - 1 {
            let prev = state[i - 1];
            state[i] = (state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= STATE_WORDS {
                state[0] = state[STATE_WORDS - 1];
                i = 1;
            }
        }
        // The most significant bit is 1, which guarantees a non-zero state.
        state[0] = 0x8000_0000;
        Self {
            state,
            index: STATE_WORDS,
        }
    }

    /// Regenerates all 624 words at once, as the reference implementation does.
    fn twist(&mut self) {
        for i in 0..STATE_WORDS {
            let y = (self.state[i] & UPPER_MASK)
                | (self.state[(i + 1) % STATE_WORDS] & LOWER_MASK);
            let mut next = self.state[(i + SHIFT_WORDS) % STATE_WORDS] ^ (y >> 1);
            if y & 1 == 1 {
                next ^= MATRIX_A;
            }
            self.state[i] = next;
        }
        self.index = 0;
    }

    /// One 32-bit output: `genrand_uint32` in CPython's `_randommodule.c`.
    pub fn next_word(&mut self) -> u32 {
        if self.index >= STATE_WORDS {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        // Tempering.
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// Python's `getrandbits(k)` for `1 <= k <= 64`.
    pub fn getrandbits(&mut self, bits: u32) -> u64 {
        assert!(
            (1..=64).contains(&bits),
            "getrandbits takes 1 to 64 bits, not {bits}"
        );
        if bits <= 32 {
            return u64::from(self.next_word() >> (32 - bits));
        }
        // Wider values are filled from the least significant word up; the last
        // word keeps only its top bits, as in CPython.
        let low = u64::from(self.next_word());
        let high = u64::from(self.next_word() >> (64 - bits));
        (high << 32) | low
    }

    /// Python's `randint(a, b)`: a uniform integer in `a..=b`, both ends included.
    ///
    /// # Panics
    /// If the range is empty, as Python raises `ValueError`.
    pub fn randint(&mut self, range: RangeInclusive<u64>) -> u64 {
        let (low, high) = range.into_inner();
        assert!(low <= high, "empty range for randint({low}, {high})");
        low + self.below(high - low + 1)
    }

    /// `_randbelow_with_getrandbits`: rejection sampling on `k` bits.
    fn below(&mut self, n: u64) -> u64 {
        let bits = u64::BITS - n.leading_zeros();
        loop {
            let candidate = self.getrandbits(bits);
            if candidate < n {
                return candidate;
            }
        }
    }
}

impl rand::TryRng for PyRandom {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok(self.next_word())
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(self.getrandbits(64))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for chunk in dst.chunks_mut(4) {
            let word = self.next_word().to_le_bytes();
            chunk.copy_from_slice(&word[..chunk.len()]);
        }
        Ok(())
    }
}

/// One [`PyRandom`] shared by several tasks, like Python's module-level
/// `random`: every task draws from the same sequence, so the numbers each one
/// sees record the order in which the event loop ran them.
///
/// A plain `std::sync::Mutex` is right here: it is held for the instant of
/// one draw, never across an `.await`.
#[derive(Debug, Clone)]
pub struct SharedRandom(Arc<Mutex<PyRandom>>);

impl SharedRandom {
    /// Python's `random.seed(seed)`, shared.
    pub fn seed(seed: u64) -> Self {
        Self(Arc::new(Mutex::new(PyRandom::seed(seed))))
    }

    /// Python's `random.randint(a, b)` on the shared sequence.
    pub fn randint(&self, range: RangeInclusive<u64>) -> u64 {
        // A task that panicked mid-draw cannot leave the generator half
        // updated, so a poisoned lock is still safe to use.
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .randint(range)
    }
}

#[cfg(test)]
mod tests {
    use super::PyRandom;

    // Every expected sequence below was printed by CPython 3.11.
    #[test]
    fn seed_444_randint_0_10_matches_python() {
        let mut rng = PyRandom::seed(444);
        let draws: Vec<u64> = (0..10).map(|_| rng.randint(0..=10)).collect();
        assert_eq!(draws, [4, 4, 0, 4, 7, 4, 4, 8, 10, 7]);
    }

    #[test]
    fn seed_zero_is_the_key_zero() {
        let mut rng = PyRandom::seed(0);
        let draws: Vec<u64> = (0..5).map(|_| rng.randint(0..=10)).collect();
        assert_eq!(draws, [6, 6, 0, 4, 8]);
        assert_eq!(
            [rng.getrandbits(32), rng.getrandbits(32)],
            [2_087_043_557, 1_739_178_872]
        );
    }

    #[test]
    fn seeds_wider_than_32_bits_use_two_key_words() {
        let mut rng = PyRandom::seed((1 << 40) + 7);
        let draws: Vec<u64> = (0..8).map(|_| rng.randint(1..=6)).collect();
        assert_eq!(draws, [5, 6, 6, 5, 6, 4, 3, 5]);
    }

    #[test]
    fn the_sequence_survives_a_twist_of_the_state() {
        // 700 draws cross the 624-word boundary at least once.
        let mut rng = PyRandom::seed(444);
        let draws: Vec<u64> = (0..700).map(|_| rng.randint(0..=10)).collect();
        assert_eq!(draws[695..], [0, 10, 2, 6, 3]);
    }

    #[test]
    fn wide_draws_match_python() {
        let mut rng = PyRandom::seed(5);
        assert_eq!(
            [rng.getrandbits(64), rng.getrandbits(64)],
            [4_712_128_852_136_459_333, 6_613_812_840_851_947_673]
        );
        assert_eq!(rng.getrandbits(33), 7_710_297_655);
        assert_eq!(rng.randint(0..=(1 << 40)), 549_512_532_852);
    }

    #[test]
    fn rands_traits_see_the_same_words() {
        let mut direct = PyRandom::seed(444);
        let mut via_rand = PyRandom::seed(444);
        assert_eq!(rand::Rng::next_u32(&mut via_rand), direct.next_word());
        let mut bytes = [0u8; 6];
        rand::Rng::fill_bytes(&mut via_rand, &mut bytes);
        let (first, second) = (
            direct.next_word().to_le_bytes(),
            direct.next_word().to_le_bytes(),
        );
        assert_eq!(
            bytes,
            [first[0], first[1], first[2], first[3], second[0], second[1]]
        );
    }
}
