//! The step function of time a behaviour's bound is multiplied by where windowed
//! `after send` multipliers can hold (`sim::bounds`), and where the behaviour's pending
//! candidate is in it.

/// Where a behaviour with [`Windows`] is in them: the integral of the step function up
/// to its pending candidate, and the level there (its bound is the behaviour's fixed
/// bound times that level).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Windowed {
    pub y: f64,
    pub level: f64,
}

impl Windowed {
    /// The candidate after the one at `at`, `wait` later in the integral's units.
    #[inline(always)]
    pub(super) fn next(&mut self, w: &Windows, at: f64, wait: f64) -> f64 {
        self.y += wait;
        let (next, level) = w.inverse(self.y);
        self.level = level;
        // (the inverse's rounding never goes back in time)
        next.max(at)
    }
}

/// The product of a behaviour's windowed `after send` multipliers as a step function of
/// time: `level[i]` from `at[i]` to `at[i + 1]` (the last one on for ever), with its
/// integral from 0 to `at[i]` in `integral[i]`. A lookup by time or by integral starts at
/// the step its [`Cells`] give and moves on a step or two, where a binary search would
/// mispredict at each halving.
#[derive(Debug)]
pub struct Windows {
    at: Vec<f64>,
    level: Vec<f64>,
    integral: Vec<f64>,
    by_time: Cells,
    by_integral: Cells,
}

/// Where to start looking for the step of a value among increasing `starts` (the first
/// 0): the step at each multiple of `width`, about two cells a step.
#[derive(Debug)]
struct Cells {
    width: f64,
    first: Vec<u32>,
}

impl Cells {
    fn new(starts: &[f64]) -> Cells {
        let last = starts.last().copied().unwrap_or(0.0);
        let width = (last / (2 * starts.len()) as f64).max(1.0);
        let first = (0..=(last / width) as usize + 1)
            .map(|k| (starts.partition_point(|&s| s <= k as f64 * width).max(1) - 1) as u32)
            .collect();
        Cells { width, first }
    }

    /// The step among `starts` (those the cells were made for) that `x` (>= 0) falls in.
    #[inline(always)]
    fn step(&self, starts: &[f64], x: f64) -> usize {
        let cell = ((x / self.width) as usize).min(self.first.len() - 1);
        let mut i = self.first[cell] as usize;
        while i + 1 < starts.len() && starts[i + 1] <= x {
            i += 1;
        }
        i
    }
}

impl Windows {
    /// The step function of multipliers `(k, windows)`, each window a `(from, to)` span
    /// of seconds, in order and apart.
    pub(super) fn new(multipliers: &[(f64, Vec<(f64, f64)>)]) -> Windows {
        let mut edges: Vec<f64> = vec![0.0];
        for (_, spans) in multipliers {
            edges.extend(spans.iter().flat_map(|&(from, to)| [from.max(0.0), to]));
        }
        edges.sort_by(f64::total_cmp);
        edges.dedup();
        // per multiplier, its first window not ended at the edge
        let mut next = vec![0; multipliers.len()];
        let (mut at, mut level, mut integral) = (Vec::new(), Vec::<f64>::new(), Vec::new());
        let mut total = 0.0;
        for &from in &edges {
            let mut k = 1.0;
            for ((m, spans), j) in multipliers.iter().zip(&mut next) {
                while *j < spans.len() && spans[*j].1 <= from {
                    *j += 1;
                }
                if spans.get(*j).is_some_and(|&(lo, _)| lo <= from) {
                    k *= m;
                }
            }
            if let (Some(&last_at), Some(&last)) = (at.last(), level.last()) {
                if last == k {
                    continue;
                }
                total += last * (from - last_at);
            }
            at.push(from);
            level.push(k);
            integral.push(total);
        }
        Windows {
            by_time: Cells::new(&at),
            by_integral: Cells::new(&integral),
            at,
            level,
            integral,
        }
    }

    /// The integral of the step function from 0 to `t` (`t` >= 0).
    #[inline]
    pub(super) fn integral(&self, t: f64) -> f64 {
        let i = self.by_time.step(&self.at, t);
        self.integral[i] + self.level[i] * (t - self.at[i])
    }

    /// The time at which the integral reaches `y` (>= 0), and the level there.
    #[inline]
    pub(super) fn inverse(&self, y: f64) -> (f64, f64) {
        let i = self.by_integral.step(&self.integral, y);
        (
            self.at[i] + (y - self.integral[i]) / self.level[i],
            self.level[i],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_step_functions_integral_and_its_inverse_agree() {
        // x2 over [10, 20) and [40, 50), x3 over [15, 45)
        let w = Windows::new(&[
            (2.0, vec![(10.0, 20.0), (40.0, 50.0)]),
            (3.0, vec![(15.0, 45.0)]),
        ]);
        assert_eq!(w.at, vec![0.0, 10.0, 15.0, 20.0, 40.0, 45.0, 50.0]);
        assert_eq!(w.level, vec![1.0, 2.0, 6.0, 3.0, 6.0, 2.0, 1.0]);
        assert_eq!(w.integral(10.0), 10.0);
        assert_eq!(w.integral(17.0), 10.0 + 10.0 + 12.0);
        assert_eq!(
            w.integral(60.0),
            10.0 + 10.0 + 30.0 + 60.0 + 30.0 + 10.0 + 10.0
        );
        for t in [0.0, 3.5, 10.0, 14.9, 15.0, 33.3, 44.0, 49.99, 50.0, 1e6] {
            let (back, level) = w.inverse(w.integral(t));
            assert!((back - t).abs() < 1e-9, "{t} came back as {back}");
            let step = w.at.partition_point(|&a| a <= t) - 1;
            assert_eq!(level, w.level[step], "at {t}");
        }
    }

    #[test]
    fn the_lookup_cells_find_the_step_a_binary_search_finds() {
        let spans = |first: f64, every: f64, width: f64| {
            (0..200)
                .map(|i| (first + i as f64 * every, first + i as f64 * every + width))
                .collect::<Vec<_>>()
        };
        let w = Windows::new(&[
            (2.0, spans(5000.0, 86_400.0 / 3.0, 86_400.0)),
            (3.0, spans(100.0, 7.0 * 86_400.0, 6.0 * 3600.0)),
            (1.5, spans(0.0, 1800.0, 60.0)),
        ]);
        let mut x = 0.0;
        while x < 210.0 * 86_400.0 {
            let by_search = |starts: &[f64]| starts.partition_point(|&s| s <= x) - 1;
            assert_eq!(w.by_time.step(&w.at, x), by_search(&w.at), "time {x}");
            let integral = w.by_integral.step(&w.integral, x);
            assert_eq!(integral, by_search(&w.integral), "integral {x}");
            x += 977.3;
        }
    }
}
