//! Typed values of the language: durations, clock times, day sets, percents and
//! calendar periods. Parsing from source text lives here so that the syntax stage,
//! the checker and later stages agree on one meaning of `7d` or `20:00`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A span of time in whole minutes (`30m`, `1h`, `7d`, `2w`, `1d12h`).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Duration(u64);

/// Durations beyond this (about 100 years) are rejected as input mistakes.
pub const MAX_DURATION_MINUTES: u64 = 100 * 366 * 24 * 60;

impl Duration {
    pub const ZERO: Duration = Duration(0);

    pub fn from_minutes(minutes: u64) -> Duration {
        Duration(minutes)
    }

    pub fn from_days(days: u64) -> Duration {
        Duration(days * 24 * 60)
    }

    pub fn minutes(self) -> u64 {
        self.0
    }

    pub fn seconds(self) -> u64 {
        self.0 * 60
    }

    /// Parses `<int><unit>` sequences. `None` when the text is malformed or the
    /// total exceeds [`MAX_DURATION_MINUTES`].
    pub fn parse(text: &str) -> Option<Duration> {
        let mut total: u64 = 0;
        // The number before the next unit, once a digit has been seen.
        let mut number: Option<u64> = None;
        for c in text.chars() {
            if c.is_ascii_digit() {
                let digit = u64::from(c as u8 - b'0');
                number = Some(number.unwrap_or(0).checked_mul(10)?.checked_add(digit)?);
                continue;
            }
            let unit = match c {
                'm' => 1,
                'h' => 60,
                'd' => 24 * 60,
                'w' => 7 * 24 * 60,
                _ => return None,
            };
            let n = number.take()?;
            total = total.checked_add(n.checked_mul(unit)?)?;
        }
        if text.is_empty() || number.is_some() || total > MAX_DURATION_MINUTES {
            return None;
        }
        Some(Duration(total))
    }
}

impl fmt::Display for Duration {
    /// The shortest canonical spelling: `0m`, `90m` → `1h30m`, `14d` → `2w`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 0 {
            return f.write_str("0m");
        }
        let mut rest = self.0;
        for (unit, size) in [("w", 7 * 24 * 60), ("d", 24 * 60), ("h", 60), ("m", 1)] {
            if rest >= size {
                write!(f, "{}{}", rest / size, unit)?;
                rest %= size;
            }
        }
        Ok(())
    }
}

/// A local clock time, minutes after midnight, `00:00`–`23:59`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Clock(u16);

impl Clock {
    pub fn new(hour: u32, minute: u32) -> Option<Clock> {
        (hour < 24 && minute < 60).then(|| Clock((hour * 60 + minute) as u16))
    }

    /// Parses `HH:MM` (the hour may have one digit). `None` for `24:00`, `12:60`….
    pub fn parse(text: &str) -> Option<Clock> {
        let (h, m) = text.split_once(':')?;
        if m.len() != 2 || h.is_empty() || h.len() > 2 {
            return None;
        }
        Clock::new(h.parse().ok()?, m.parse().ok()?)
    }

    pub fn minutes(self) -> u32 {
        self.0 as u32
    }

    pub fn hour(self) -> u32 {
        self.0 as u32 / 60
    }

    pub fn minute(self) -> u32 {
        self.0 as u32 % 60
    }
}

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

/// A quiet window `[from, to)` in local time; wraps past midnight when `from > to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuietWindow {
    pub from: Clock,
    pub to: Clock,
}

impl QuietWindow {
    pub fn contains(self, t: Clock) -> bool {
        if self.from <= self.to {
            self.from <= t && t < self.to
        } else {
            t >= self.from || t < self.to
        }
    }
}

/// A day of the week, Monday first (ISO 8601).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    pub fn as_str(self) -> &'static str {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][self as usize]
    }
}

/// A set of weekdays: `mon, wed, fri`, `weekday`, `weekend`, `daily`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DaySet(u8);

impl DaySet {
    pub const EMPTY: DaySet = DaySet(0);
    pub const DAILY: DaySet = DaySet(0b111_1111);
    pub const WEEKDAY: DaySet = DaySet(0b001_1111);
    pub const WEEKEND: DaySet = DaySet(0b110_0000);

    /// One day word (`mon` … `sun`, `weekday`, `weekend`, `daily`).
    pub fn parse_word(word: &str) -> Option<DaySet> {
        Some(match word {
            "weekday" => DaySet::WEEKDAY,
            "weekend" => DaySet::WEEKEND,
            "daily" => DaySet::DAILY,
            _ => DaySet::from(*Weekday::ALL.iter().find(|d| d.as_str() == word)?),
        })
    }

    pub fn union(self, other: DaySet) -> DaySet {
        DaySet(self.0 | other.0)
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day as u8) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn days(self) -> impl Iterator<Item = Weekday> {
        Weekday::ALL.into_iter().filter(move |d| self.contains(*d))
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The set's days among the 8 days from a `first` day on: bit `k` is set when the
    /// day `k` days later is in the set (bit 7 is `first`'s weekday again).
    pub fn week_from(self, first: Weekday) -> u32 {
        let (bits, w) = (self.0 as u32, first as u32);
        let week = (bits >> w | bits << (7 - w)) & 0x7f;
        week | (week & 1) << 7
    }
}

impl From<Weekday> for DaySet {
    fn from(d: Weekday) -> DaySet {
        DaySet(1 << d as u8)
    }
}

impl fmt::Display for DaySet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let named = [
            (DaySet::DAILY, "daily"),
            (DaySet::WEEKDAY, "weekday"),
            (DaySet::WEEKEND, "weekend"),
        ];
        if let Some((_, word)) = named.iter().find(|(set, _)| set == self) {
            return f.write_str(word);
        }
        let words: Vec<_> = self.days().map(Weekday::as_str).collect();
        f.write_str(&words.join(", "))
    }
}

/// A percentage in `0..=100` (`45%`, `0.5%`).
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd, Serialize, Deserialize)]
pub struct Percent(f64);

impl Percent {
    /// `None` above 100 (negative percents do not parse).
    pub fn new(value: f64) -> Option<Percent> {
        (0.0..=100.0).contains(&value).then_some(Percent(value))
    }

    pub fn value(self) -> f64 {
        self.0
    }

    /// As a probability in `0..=1`.
    pub fn fraction(self) -> f64 {
        self.0 / 100.0
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0)
    }
}

/// A calendar period for limits, capacities and rates (journey timezone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    Week,
    Month,
}

impl Period {
    pub fn parse(word: &str) -> Option<Period> {
        match word {
            "day" => Some(Period::Day),
            "week" => Some(Period::Week),
            "month" => Some(Period::Month),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
        }
    }
}

/// What a `limit N per …` counts over: a calendar period (`per day`) or a rolling
/// window (`per 3d`: the sends in `(t − D, t]` for a send at `t`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LimitPeriod {
    Calendar(Period),
    Rolling(Duration),
}

/// The longest rolling window a limit may have (language-v2.md §11.12).
pub const MAX_ROLLING_DAYS: u64 = 366;

impl fmt::Display for LimitPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LimitPeriod::Calendar(p) => f.write_str(p.as_str()),
            LimitPeriod::Rolling(d) => d.fmt(f),
        }
    }
}

/// Days of the month for `every month on 1, 15, last`: days 1–31 and `last`, the
/// month's last day. A month without a listed day skips it; a date is in the set once
/// however many of its names are listed (`31, last`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct MonthDays(u32);

impl MonthDays {
    pub const EMPTY: MonthDays = MonthDays(0);
    /// Bit 0 stands for `last`; bit `d` for day `d`.
    pub const LAST: MonthDays = MonthDays(1);

    /// Day `d` of the month; `None` outside 1–31.
    pub fn day(d: u32) -> Option<MonthDays> {
        (1..=31).contains(&d).then(|| MonthDays(1 << d))
    }

    pub fn union(self, other: MonthDays) -> MonthDays {
        MonthDays(self.0 | other.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn has_last(self) -> bool {
        self.0 & 1 != 0
    }

    /// The numbered days, in order.
    pub fn numbered(self) -> impl Iterator<Item = u32> {
        (1..=31).filter(move |d| self.0 & (1 << d) != 0)
    }

    /// Whether day `d` of some month can be one of the days: a numbered day, or, for
    /// `last`, the 28th to the 31st.
    pub fn may_fall_on(self, d: u32) -> bool {
        self.0 & (1 << d) != 0 || (self.has_last() && d >= 28)
    }

    /// Whether `date` is one of the days.
    pub fn contains(self, date: chrono::NaiveDate) -> bool {
        use chrono::Datelike;
        let last = date
            .succ_opt()
            .is_none_or(|next| next.month() != date.month());
        self.0 & (1 << date.day()) != 0 || (last && self.has_last())
    }
}

impl fmt::Display for MonthDays {
    /// `1, 15, last`: the numbered days in order, then `last`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut words: Vec<String> = self.numbered().map(|d| d.to_string()).collect();
        if self.has_last() {
            words.push("last".into());
        }
        f.write_str(&words.join(", "))
    }
}

/// Local dates `first..last`, both included (`today in 2026-06-01..2026-06-18`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateRange {
    pub first: chrono::NaiveDate,
    pub last: chrono::NaiveDate,
}

impl DateRange {
    /// Ends before it starts: no date is in it.
    pub fn is_empty(self) -> bool {
        self.last < self.first
    }

    pub fn contains(self, date: chrono::NaiveDate) -> bool {
        self.first <= date && date <= self.last
    }
}

/// The last day of the month of `YYYY-MM-DD` written with a day that month does not have
/// (`2026-02-30` → 2026-02-28); `None` when the year or month is wrong too.
pub fn month_end_of(text: &str) -> Option<chrono::NaiveDate> {
    let mut parts = text.splitn(3, '-').map(str::parse::<u32>);
    let (year, month, day) = (
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next()?.ok()?,
    );
    let next = match month {
        12 => chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()? + 1, 1, 1),
        _ => chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month + 1, 1),
    }?;
    let last = next.pred_opt()?;
    (day > 28 && day <= 31).then_some(last)
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.first, self.last)
    }
}

/// Parses a number literal (`42`, `3.5`, `100_000`, `-2`).
pub fn parse_number(text: &str) -> Option<f64> {
    let value = if text.contains('_') {
        text.replace('_', "").parse::<f64>()
    } else {
        text.parse::<f64>()
    };
    value.ok().filter(|v| v.is_finite())
}

/// The percent a number written where a percent belongs stands for when it reads
/// as a fraction (`0.1` → `10%`, `0.01` → `1%`, `0.125` → `12.5%`): a number between
/// 0 and 1 with a decimal point. Shifted in the text, so no rounding creeps in.
pub fn fraction_as_percent(text: &str) -> Option<String> {
    let (whole, decimals) = text.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(decimals) || !(whole.is_empty() || whole.bytes().all(|b| b == b'0')) {
        return None;
    }
    let padded = format!("{decimals:0<2}");
    let (hundredths, rest) = padded.split_at(2);
    let whole = hundredths.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let rest = rest.trim_end_matches('0');
    match (whole, rest) {
        ("0", "") => None,
        (w, "") => Some(format!("{w}%")),
        (w, r) => Some(format!("{w}.{r}%")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_read_as_percents() {
        let cases = [
            ("0.1", "10%"),
            ("0.01", "1%"),
            ("0.5", "50%"),
            ("0.125", "12.5%"),
            ("0.005", "0.5%"),
            (".25", "25%"),
            ("0.10", "10%"),
        ];
        for (text, percent) in cases {
            assert_eq!(
                fraction_as_percent(text).as_deref(),
                Some(percent),
                "{text}"
            );
        }
        for not_a_fraction in ["1", "1.5", "0", "0.0", "10", "0.x", "0."] {
            assert_eq!(
                fraction_as_percent(not_a_fraction),
                None,
                "{not_a_fraction}"
            );
        }
    }

    #[test]
    fn durations_parse_every_unit_and_sequences() {
        assert_eq!(Duration::parse("30m"), Some(Duration::from_minutes(30)));
        assert_eq!(Duration::parse("1h"), Some(Duration::from_minutes(60)));
        assert_eq!(Duration::parse("7d"), Some(Duration::from_days(7)));
        assert_eq!(Duration::parse("2w"), Some(Duration::from_days(14)));
        assert_eq!(
            Duration::parse("1d12h"),
            Some(Duration::from_minutes(36 * 60))
        );
        assert_eq!(Duration::parse("0m"), Some(Duration::ZERO));
    }

    #[test]
    fn durations_reject_garbage_and_overflow() {
        for bad in ["", "7", "3x", "d", "1d2", "99999999999999999999d", "5300w"] {
            assert_eq!(Duration::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn durations_display_canonically() {
        assert_eq!(Duration::parse("90m").unwrap().to_string(), "1h30m");
        assert_eq!(Duration::parse("14d").unwrap().to_string(), "2w");
        assert_eq!(Duration::parse("1d12h").unwrap().to_string(), "1d12h");
        assert_eq!(Duration::ZERO.to_string(), "0m");
    }

    #[test]
    fn clocks_accept_the_day_and_reject_the_rest() {
        assert_eq!(Clock::parse("00:00").unwrap().minutes(), 0);
        assert_eq!(Clock::parse("23:59").unwrap().minutes(), 1439);
        assert_eq!(Clock::parse("9:05").unwrap().to_string(), "09:05");
        for bad in ["24:00", "12:60", "1:5", "123:00", ":00"] {
            assert_eq!(Clock::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn quiet_windows_are_half_open_and_wrap() {
        let c = |s| Clock::parse(s).unwrap();
        let night = QuietWindow {
            from: c("22:00"),
            to: c("08:00"),
        };
        assert!(night.contains(c("22:00")));
        assert!(night.contains(c("03:00")));
        assert!(!night.contains(c("08:00")));
        assert!(!night.contains(c("12:00")));
        let noon = QuietWindow {
            from: c("12:00"),
            to: c("14:00"),
        };
        assert!(noon.contains(c("13:59")));
        assert!(!noon.contains(c("14:00")));
        assert!(!noon.contains(c("11:59")));
    }

    #[test]
    fn day_sets_combine_and_display() {
        let mwf = ["mon", "wed", "fri"]
            .iter()
            .map(|w| DaySet::parse_word(w).unwrap())
            .fold(DaySet::EMPTY, DaySet::union);
        assert_eq!(mwf.len(), 3);
        assert!(mwf.contains(Weekday::Wed) && !mwf.contains(Weekday::Tue));
        assert_eq!(mwf.to_string(), "mon, wed, fri");
        // from a Friday: Friday, Monday (+3), Wednesday (+5), Friday again (+7)
        assert_eq!(mwf.week_from(Weekday::Fri), 0b1010_1001);
        assert_eq!(DaySet::DAILY.week_from(Weekday::Sun), 0xff);
        assert_eq!(DaySet::EMPTY.week_from(Weekday::Tue), 0);
        let all = DaySet::WEEKDAY.union(DaySet::WEEKEND);
        assert_eq!(all, DaySet::DAILY);
        assert_eq!(all.to_string(), "daily");
        assert_eq!(DaySet::parse_word("holiday"), None);
    }

    #[test]
    fn month_days_skip_short_months_and_find_the_last_day() {
        let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let days = MonthDays::day(31).unwrap().union(MonthDays::LAST);
        assert!(days.contains(d("2026-01-31")));
        assert!(days.contains(d("2026-02-28")));
        assert!(days.contains(d("2028-02-29")) && !days.contains(d("2028-02-28")));
        assert!(days.contains(d("2026-04-30")));
        assert!(!days.contains(d("2026-03-30")));
        assert_eq!(MonthDays::day(0), None);
        assert_eq!(MonthDays::day(32), None);
        let listed = [15, 1].map(|n| MonthDays::day(n).unwrap());
        let listed = listed.into_iter().fold(MonthDays::LAST, MonthDays::union);
        assert_eq!(listed.to_string(), "1, 15, last");
    }

    #[test]
    fn date_ranges_include_both_ends() {
        let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let r = DateRange {
            first: d("2026-06-01"),
            last: d("2026-06-18"),
        };
        assert!(r.contains(d("2026-06-01")) && r.contains(d("2026-06-18")));
        assert!(!r.contains(d("2026-05-31")) && !r.contains(d("2026-06-19")));
        assert!(!r.is_empty());
        let backwards = DateRange {
            first: r.last,
            last: r.first,
        };
        assert!(backwards.is_empty());
        assert_eq!(r.to_string(), "2026-06-01..2026-06-18");
    }

    #[test]
    fn limit_periods_print_as_written() {
        assert_eq!(LimitPeriod::Calendar(Period::Week).to_string(), "week");
        assert_eq!(
            LimitPeriod::Rolling(Duration::from_days(3)).to_string(),
            "3d"
        );
    }

    #[test]
    fn percents_stay_within_bounds() {
        assert_eq!(Percent::new(45.0).unwrap().fraction(), 0.45);
        assert!(Percent::new(100.0).is_some());
        assert!(Percent::new(100.5).is_none());
    }

    #[test]
    fn numbers_allow_underscores() {
        assert_eq!(parse_number("100_000"), Some(100000.0));
        assert_eq!(parse_number("3.5"), Some(3.5));
    }
}
