//! The limits on input and work, so that no file or flag makes a command read, run or
//! allocate without bound. Each is documented under "Limits" in docs/language.md and
//! enforced before the work starts.

/// The largest source or report file read: 64 MiB (the 10 MB benchmark file is far
/// below it). Reading stops one byte past it, so `/dev/zero` is refused at once.
pub const MAX_INPUT_BYTES: u64 = 64 << 20;

/// The most users one simulation runs (`--users`, a population's `size`).
pub const MAX_USERS: u64 = 1_000_000_000;

/// The longest simulation: 100 years (`--days`, a population's `days`), well inside
/// the simulator's `MAX_HORIZON`.
pub const MAX_DAYS: u64 = 36_500;

/// The most user-days (users × days) one simulation runs: the work grows with both.
pub const MAX_USER_DAYS: u64 = 1_000_000_000_000;

/// The most worker threads (`--threads`).
pub const MAX_THREADS: u64 = 256;

/// The most shards a run is split into (`--shard K/N`, `journey report merge`).
pub const MAX_SHARDS: u64 = 10_000;

/// Checks users × days against [`MAX_USER_DAYS`].
pub fn user_days_fit(users: u64, days: u64) -> bool {
    users.checked_mul(days).is_some_and(|n| n <= MAX_USER_DAYS)
}

/// `1000000` as `1,000,000`, as limits are written in messages.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(36_500), "36,500");
        assert_eq!(grouped(1_000_000_000_000), "1,000,000,000,000");
    }
}
