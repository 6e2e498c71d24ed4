//! The simulator's random numbers: xoshiro256++ seeded through SplitMix64.
//!
//! The generator is part of the report's reproducibility contract (the same seed gives
//! the same report, on any machine and with any number of threads), so it is written out
//! here rather than taken from a crate whose stream could change in an update.

/// One user's generator, seeded from `(seed, user index)`. The default (all zero) is a
/// placeholder in reused buffers, seeded before any draw.
#[derive(Default)]
pub struct Rng {
    s: [u64; 4],
}

/// The SplitMix64 output function: a bijective 64-bit mixer.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// A well-mixed 64-bit key for `(seed, user, salt)`.
fn key(seed: u64, user: u64, salt: u64) -> u64 {
    mix(mix(seed ^ GOLDEN).wrapping_add(user).wrapping_mul(GOLDEN) ^ mix(salt))
}

/// A deterministic number in `[0, 1)` for `(seed, user, salt)`: used for assignments that
/// must not depend on the order of draws (holdout membership, split arms).
pub fn hash_unit(seed: u64, user: u64, salt: u64) -> f64 {
    to_unit(mix(key(seed, user, salt)))
}

/// Added to an unnamed split's index (its place among the journey's splits, in source
/// order) for the salt of its arm draw.
pub(super) const SPLIT_SALT: u64 = 1 << 32;

/// The salt of a split's arm draw, `hash_unit(seed, user, salt)`: for `split NAME`,
/// [`fnv1a`] of the journey's name, a 0 byte and the split's name, so that no other
/// rule moves it; for an unnamed split, version 1's position (`index`).
pub fn split_salt(journey: &str, name: Option<&str>, index: usize) -> u64 {
    match name {
        Some(name) => fnv1a([journey.as_bytes(), &[0], name.as_bytes()].concat()),
        None => SPLIT_SALT + index as u64,
    }
}

/// The salt of a journey's holdout draw, `hash_unit(seed, user, salt)`: [`fnv1a`] of
/// the journey's name and a 0 byte (a split's salt with an empty split name, which no
/// split has), so that a user's holdout in one journey does not depend on the others.
pub fn holdout_salt(journey: &str) -> u64 {
    fnv1a([journey.as_bytes(), &[0]].concat())
}

/// 64-bit FNV-1a of `bytes`.
pub fn fnv1a(bytes: impl AsRef<[u8]>) -> u64 {
    (bytes.as_ref().iter()).fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Mixed into the seed of the chance draws' streams.
const CHANCE_SALT: u64 = 0x6368_616e_6365; // "chance"

/// The stream of one send's (or task's) `after send … : p%` chance draws: SplitMix64
/// from a key of `(seed, user, moment, reaction slot, template)` alone. A draw then
/// does not depend on how many draws the user made before it, so counting sends in
/// bulk (`sim::bulk`) can make the same draws as the item-by-item path, and drawing a
/// chance leaves the user's own stream (behaviours, fields) as it was.
pub struct Draws(u64);

impl Draws {
    /// No mix here, one per draw: every send through a touchpoint with a chance makes
    /// one, and the user's own stream cost a step per draw. The odd multipliers spread
    /// the inputs over all 64 bits, and the mix of `unit` (SplitMix64's, which turns the
    /// sequence `z + k·G` into a stream that passes BigCrush) decorrelates nearby keys.
    #[inline]
    pub fn at(seed: u64, user: u64, t: i64, slot: usize, template: u32) -> Draws {
        Draws::from_parts(
            Draws::user_part(seed, user),
            Draws::send_part(t, slot, template),
        )
    }

    /// The key's part that is the user's: the same for all of the user's sends.
    #[inline]
    pub fn user_part(seed: u64, user: u64) -> u64 {
        (seed ^ CHANCE_SALT).wrapping_add(user.wrapping_mul(GOLDEN))
    }

    /// The key's part that is the send's: the same for every user's send through
    /// `slot` with `template` at `t` (the bulk look-ahead keeps it per moment).
    #[inline]
    pub fn send_part(t: i64, slot: usize, template: u32) -> u64 {
        let moment = (t as u64).wrapping_mul(0xd6e8_feb8_6659_fd93);
        let what = ((slot as u64) << 32 | u64::from(template)).wrapping_mul(0xa076_1d64_78bd_642f);
        moment ^ what
    }

    #[inline]
    pub fn from_parts(user: u64, send: u64) -> Draws {
        Draws(user ^ send)
    }

    /// Uniform in `[0, 1)`.
    #[inline]
    pub fn unit(&mut self) -> f64 {
        to_unit(self.step())
    }

    /// The next draw as the 53-bit integer `unit` scales: `unit() < p` exactly when
    /// `bits() < below(p)`, which saves the conversion and the float's load.
    #[inline]
    pub fn bits(&mut self) -> u64 {
        self.step() >> 11
    }

    #[inline(always)]
    fn step(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        mix(self.0)
    }
}

/// The bound [`Draws::bits`] is compared with for probability `p` (in `[0, 1]`): a
/// draw's bits `x` give the unit `x·2⁻⁵³` exactly, and `x·2⁻⁵³ < p` ⇔ `x < p·2⁵³` (a
/// power of two scales exactly) ⇔ `x < ⌈p·2⁵³⌉` (`x` is whole).
pub fn below(p: f64) -> u64 {
    (p * (1u64 << 53) as f64).ceil() as u64
}

fn to_unit(bits: u64) -> f64 {
    (bits >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

impl Rng {
    pub fn for_user(seed: u64, user: u64) -> Rng {
        let mut z = key(seed, user, 0);
        let mut s = [0u64; 4];
        for word in &mut s {
            z = z.wrapping_add(GOLDEN);
            *word = mix(z);
        }
        Rng { s }
    }

    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        to_unit(self.next_u64())
    }

    /// `true` with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// An exponential waiting time for a Poisson process of `rate` events per unit.
    pub fn exponential(&mut self, rate: f64) -> f64 {
        -(1.0 - self.unit()).ln() / rate
    }

    /// Uniform in `[low, high]`.
    pub fn uniform(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_depend_on_seed_and_user_only() {
        let a: Vec<u64> = (0..4).map(|_| Rng::for_user(7, 3).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(
            Rng::for_user(7, 3).next_u64(),
            Rng::for_user(7, 4).next_u64()
        );
        assert_ne!(
            Rng::for_user(7, 3).next_u64(),
            Rng::for_user(8, 3).next_u64()
        );
    }

    /// docs/plan.md §10.9 spells out a named split's draw for runners: this is that
    /// text, written again from the page, against the simulator's functions and the
    /// page's example values.
    #[test]
    fn a_named_splits_draw_is_the_one_the_plan_documents() {
        let mix = |mut z: u64| {
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
            z ^ (z >> 31)
        };
        let g = 0x9e3779b97f4a7c15u64;
        let mut salt = 0xcbf29ce484222325u64;
        for b in "美妆新客".bytes().chain([0]).chain("券型实验".bytes()) {
            salt = (salt ^ b as u64).wrapping_mul(0x100000001b3);
        }
        assert_eq!(salt, split_salt("美妆新客", Some("券型实验"), 7));
        let documented = [0.6175, 0.2433, 0.2605, 0.7335];
        let seed = 0u64;
        for (user, expected) in documented.into_iter().enumerate() {
            let user = user as u64;
            let key = mix((mix(seed ^ g).wrapping_add(user).wrapping_mul(g)) ^ mix(salt));
            let u = (mix(key) >> 11) as f64 / (1u64 << 53) as f64;
            assert_eq!(u, hash_unit(seed, user, salt));
            assert!((u - expected).abs() < 5e-5, "user {user}: {u}");
        }
    }

    #[test]
    fn chance_draws_depend_on_their_moment_only() {
        let first = |t, slot, template| Draws::at(7, 3, t, slot, template).unit();
        assert_eq!(first(100, 2, 5), first(100, 2, 5));
        for other in [first(101, 2, 5), first(100, 3, 5), first(100, 2, 6)] {
            assert_ne!(first(100, 2, 5), other);
        }
        assert_ne!(first(100, 2, 5), Draws::at(7, 4, 100, 2, 5).unit());
        assert_ne!(first(100, 2, 5), Draws::at(8, 3, 100, 2, 5).unit());
        // one stream's draws, and the first draws of consecutive moments, are uniform
        let mut d = Draws::at(1, 1, 0, 0, 0);
        let n = 100_000;
        let mean = (0..n).map(|_| d.unit()).sum::<f64>() / n as f64;
        assert!(
            (mean - 0.5).abs() < 5.0 * 0.2887 / (n as f64).sqrt(),
            "{mean}"
        );
        let hits = (0..n).filter(|&t| first(t, 1, 0) < 0.01).count() as f64 / n as f64;
        assert!(
            (hits - 0.01).abs() < 5.0 * (0.01f64 * 0.99 / n as f64).sqrt(),
            "{hits}"
        );
    }

    #[test]
    fn units_are_uniform_enough() {
        let mut r = Rng::for_user(1, 1);
        let n = 100_000;
        let mean = (0..n).map(|_| r.unit()).sum::<f64>() / n as f64;
        // standard error of the mean of U(0,1) is 0.2887/sqrt(n)
        assert!(
            (mean - 0.5).abs() < 5.0 * 0.2887 / (n as f64).sqrt(),
            "{mean}"
        );
        let h = (0..n).filter(|&u| hash_unit(9, u, 2) < 0.3).count() as f64 / n as f64;
        assert!(
            (h - 0.3).abs() < 5.0 * (0.3f64 * 0.7 / n as f64).sqrt(),
            "{h}"
        );
    }

    /// `bits() < below(p)` is `unit() < p`: at a draw's own unit, just above and below
    /// it, and at the ends.
    #[test]
    fn a_draws_bits_against_below_compare_as_its_unit_does() {
        let mut draws = Draws::at(7, 3, 1_000, 2, 5);
        for _ in 0..10_000 {
            let x = Draws(draws.0).bits();
            let u = to_unit(x << 11);
            for p in [u, u.next_up(), u.next_down(), 0.0, 1.0, 0.01, 0.5] {
                let (mut a, mut b) = (Draws(draws.0), Draws(draws.0));
                assert_eq!(a.bits() < below(p), b.unit() < p, "{x} {p}");
            }
            draws.unit();
        }
    }
}
