//! Small SVG charts drawn by the project (no scripts, no network): a funnel, horizontal
//! bars, small daily bar charts, rates with intervals, a team's queue on two scales and
//! a histogram. Every chart carries its `<title>`; the words come from the caller, in
//! the reader's language. Widths of text are estimated (a CJK character is about one em,
//! a Latin one about half), with room to spare: the Chromium test checks that no text
//! leaves its chart.

use std::fmt::Write;

const PALETTE: [&str; 8] = [
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f",
];

pub fn color(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A round axis maximum at or above `max`: 1, 2 or 5 times a power of ten.
fn nice(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|&v| v >= max)
        .unwrap_or(10.0 * p)
}

/// How many steps an axis from 0 to a [`nice`] maximum has, so that every tick is a
/// round number: 0–1 and 0–5 in five, 0–2 in four.
fn steps(max: f64) -> usize {
    let leading = max / 10f64.powf(max.log10().floor());
    if (leading - 2.0).abs() < 1e-9 {
        4
    } else {
        5
    }
}

/// A number short enough for an axis: `1.2M`, `35k`, `120`, `2.5`.
fn number(v: f64) -> String {
    if v >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if v >= 1e4 {
        format!("{:.0}k", v / 1e3)
    } else if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The width of a full-size chart's view box (the page scales it down to fit).
const WIDTH: f64 = 760.0;

/// Estimated width in pixels of `text` at a font size of `size` pixels.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.05 })
        .sum::<f64>()
        * size
}

/// The room row labels (13 px) need at the left.
fn label_room<'a>(labels: impl Iterator<Item = &'a str>) -> f64 {
    let widest = labels.map(|l| text_width(l, 13.0)).fold(0.0, f64::max);
    (widest + 16.0).clamp(80.0, 340.0)
}

/// `text` cut with `…` to fit `room` pixels at `size`.
fn fit(text: &str, room: f64, size: f64) -> String {
    if text_width(text, size) <= room {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if text_width(&out, size) + text_width(&format!("{c}…"), size) > room {
            break;
        }
        out.push(c);
    }
    out + "…"
}

fn svg_open(width: f64, height: f64, title: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img"><title>{}</title>"#,
        escape(title)
    )
}

/// A funnel step: its label, users, and the words under the number (its rates).
pub struct Step {
    pub label: String,
    pub users: u64,
    pub rates: String,
}

/// The funnel: one centred bar per step, as wide as its users, joined to the next by a
/// trapezoid, the label at the left and the users and rates at the right.
pub fn funnel(title: &str, steps: &[Step]) -> String {
    let left = label_room(steps.iter().map(|s| s.label.as_str()));
    let right = steps
        .iter()
        .map(|s| text_width(&s.rates, 12.0).max(text_width(&s.users.to_string(), 13.0)))
        .fold(0.0, f64::max)
        + 20.0;
    let (row_h, bar_h) = (44.0, 26.0);
    let height = steps.len() as f64 * row_h + 8.0;
    let span = (WIDTH - left - right).max(60.0);
    let centre = left + span / 2.0;
    let max = steps.iter().map(|s| s.users).max().unwrap_or(0).max(1) as f64;
    let half = |users: u64| (users as f64 / max * span / 2.0).max(1.0);
    let mut s = svg_open(WIDTH, height, title);
    for (i, step) in steps.iter().enumerate() {
        let y = 4.0 + i as f64 * row_h;
        let w = half(step.users);
        if let Some(next) = steps.get(i + 1) {
            let (n, bottom, top) = (half(next.users), y + row_h, y + bar_h);
            let _ = write!(
                s,
                r#"<polygon points="{:.1},{top} {:.1},{top} {:.1},{bottom} {:.1},{bottom}" fill="{}" opacity="0.25"/>"#,
                centre - w,
                centre + w,
                centre + n,
                centre - n,
                color(0)
            );
        }
        let _ = write!(
            s,
            r#"<rect x="{:.1}" y="{y}" width="{:.1}" height="{bar_h}" fill="{}"/><text x="{}" y="{}" text-anchor="end" class="label">{}</text><text x="{}" y="{}" class="label strong">{}</text><text x="{}" y="{}" class="value">{}</text>"#,
            centre - w,
            2.0 * w,
            color(0),
            left - 10.0,
            y + 18.0,
            escape(&step.label),
            WIDTH - right + 12.0,
            y + 12.0,
            step.users,
            WIDTH - right + 12.0,
            y + 27.0,
            escape(&step.rates)
        );
    }
    s + "</svg>"
}

/// One bar per row, labelled, with its value at the end.
pub fn bars(title: &str, rows: &[(String, u64)]) -> String {
    let left = label_room(rows.iter().map(|r| r.0.as_str()));
    let right = 70.0;
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1) as f64;
    let row_h = 30.0;
    let height = rows.len() as f64 * row_h + 10.0;
    let span = WIDTH - left - right;
    let mut s = svg_open(WIDTH, height, title);
    for (i, (label, v)) in rows.iter().enumerate() {
        let y = 5.0 + i as f64 * row_h;
        let w = (*v as f64 / max * span).max(1.0);
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="end" class="label">{}</text><rect x="{left}" y="{}" width="{w:.1}" height="{}" fill="{}"/><text x="{}" y="{}" class="value">{}</text>"#,
            left - 8.0,
            y + 19.0,
            escape(label),
            y + 4.0,
            row_h - 8.0,
            color(0),
            left + w + 6.0,
            y + 19.0,
            v
        );
    }
    s + "</svg>"
}

/// A small daily bar chart of one series on its own scale (one of the small multiples
/// of the sends per touchpoint): `heading` and `subheading` above, the scale's top (the
/// busiest day) as a dotted line with its value, the first and last day below.
pub fn small_daily(heading: &str, subheading: &str, days: &[String], values: &[u64]) -> String {
    let (width, height) = (260.0, 124.0);
    let (top, bottom, side) = (38.0, 104.0, 6.0);
    let max = values.iter().copied().max().unwrap_or(0).max(1) as f64;
    let band = (width - 2.0 * side) / values.len().max(1) as f64;
    let mut s = svg_open(width, height, &format!("{heading} · {subheading}"));
    let _ = write!(
        s,
        r#"<text x="{side}" y="14" class="label strong">{}</text><text x="{side}" y="30" class="tick">{}</text><line x1="{side}" x2="{}" y1="{bottom}" y2="{bottom}" class="axis"/>"#,
        escape(&fit(heading, width - 2.0 * side, 13.0)),
        escape(&fit(subheading, width - 2.0 * side, 11.0)),
        width - side
    );
    let _ = write!(
        s,
        r#"<line x1="{side}" x2="{:.1}" y1="{top}" y2="{top}" class="axis" stroke-dasharray="2 3"/><text x="{:.1}" y="{}" text-anchor="end" class="tick">{}</text>"#,
        width - side,
        width - side,
        top - 3.0,
        number(max)
    );
    for (d, &v) in values.iter().enumerate() {
        let h = v as f64 / max * (bottom - top);
        if h > 0.0 {
            let _ = write!(
                s,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.2}" height="{h:.1}" fill="{}"/>"#,
                side + d as f64 * band,
                bottom - h,
                (band * 0.8).max(0.5),
                color(0)
            );
        }
    }
    if let (Some(first), Some(last)) = (days.first(), days.last()) {
        let short = |d: &String| escape(d.get(5..).unwrap_or(d));
        let _ = write!(
            s,
            r#"<text x="{side}" y="{}" class="tick">{}</text><text x="{}" y="{}" text-anchor="end" class="tick">{}</text>"#,
            bottom + 14.0,
            short(first),
            width - side,
            bottom + 14.0,
            short(last)
        );
    }
    s + "</svg>"
}

/// A labelled rate with its 95% interval.
pub type RateRow = (String, Option<f64>, Option<[f64; 2]>);

/// Rates with 95% intervals, one row each, on a shared percent axis.
pub fn intervals(title: &str, rows: &[RateRow]) -> String {
    let row_h = 28.0;
    let (top, bottom, right) = (10.0, 30.0, 70.0);
    let height = top + rows.len() as f64 * row_h + bottom;
    let hi = rows
        .iter()
        .filter_map(|r| r.2.map(|c| c[1]).or(r.1))
        .fold(0.0, f64::max);
    let max = nice(hi * 100.0) / 100.0;
    let left = label_room(rows.iter().map(|r| r.0.as_str()));
    let span = WIDTH - left - right;
    let x = |v: f64| left + v / max * span;
    let mut s = svg_open(WIDTH, height, title);
    let axis_y = top + rows.len() as f64 * row_h;
    let n = steps(max * 100.0);
    for k in 0..=n {
        let v = max * k as f64 / n as f64;
        let _ = write!(
            s,
            r#"<line x1="{0:.1}" x2="{0:.1}" y1="{top}" y2="{axis_y}" class="grid"/><text x="{0:.1}" y="{1}" text-anchor="middle" class="tick">{2}%</text>"#,
            x(v),
            axis_y + 16.0,
            number(v * 100.0)
        );
    }
    for (i, (label, rate, ci)) in rows.iter().enumerate() {
        let y = top + i as f64 * row_h + row_h / 2.0;
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="end" class="label">{}</text>"#,
            left - 8.0,
            y + 5.0,
            escape(label)
        );
        if let Some([lo, hi]) = ci {
            let _ = write!(
                s,
                r#"<line x1="{:.1}" x2="{:.1}" y1="{y}" y2="{y}" stroke="{}" stroke-width="3"/>"#,
                x(*lo),
                x(*hi),
                color(1)
            );
        }
        if let Some(r) = rate {
            let _ = write!(
                s,
                r#"<circle cx="{:.1}" cy="{y}" r="5" fill="{}"/><text x="{:.1}" y="{}" class="value">{:.1}%</text>"#,
                x(*r),
                color(0),
                x(ci.map_or(*r, |c| c[1])) + 8.0,
                y + 5.0,
                r * 100.0
            );
        }
    }
    s + "</svg>"
}

/// A team's days: tasks created (bars), done (a line) and the capacity (dashed) on the
/// left scale; the backlog (a line) on its own scale at the right, so that a growing
/// backlog does not flatten the rest.
pub struct Queue<'a> {
    pub title: &'a str,
    pub days: &'a [String],
    pub created: &'a [u64],
    pub done: &'a [u64],
    pub backlog: &'a [u64],
    pub capacity: u64,
    /// The legend's words: created, done, capacity, backlog.
    pub legend: [&'a str; 4],
}

pub fn queue(q: &Queue) -> String {
    let (top, bottom, left, right) = (34.0, 30.0, 50.0, 50.0);
    let height = 250.0;
    let plot_w = WIDTH - left - right;
    let plot_h = height - top - bottom;
    let daily_max = q.created.iter().chain(q.done).copied().max().unwrap_or(0);
    let max = nice(daily_max.max(q.capacity) as f64);
    let backlog_max = nice(q.backlog.iter().copied().max().unwrap_or(0) as f64);
    let band = plot_w / q.days.len().max(1) as f64;
    let y = |v: u64, max: f64| top + plot_h - v as f64 / max * plot_h;
    let mid = |d: usize| left + (d as f64 + 0.5) * band;
    let mut s = svg_open(WIDTH, height, q.title);
    let kinds = [Mark::Bar(0), Mark::Line(2), Mark::Dashed(7), Mark::Line(3)];
    legend(&mut s, kinds.iter().zip(q.legend), left);
    y_axis(&mut s, left, top, plot_w, plot_h, max);
    // The right scale's ticks sit on the left scale's grid lines.
    let n = steps(max);
    for k in 0..=n {
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}" class="tick right">{}</text>"#,
            left + plot_w + 6.0,
            top + plot_h - plot_h * k as f64 / n as f64 + 4.0,
            number(backlog_max * k as f64 / n as f64)
        );
    }
    for (d, &v) in q.created.iter().enumerate() {
        let _ = write!(
            s,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.2}" height="{:.1}" fill="{}" opacity="0.55"/>"#,
            left + d as f64 * band,
            y(v, max),
            (band * 0.85).max(0.5),
            top + plot_h - y(v, max),
            color(0)
        );
    }
    day_ticks(&mut s, q.days, left, band, top + plot_h + 16.0);
    let line = |values: &[u64], max: f64| -> String {
        let points: Vec<String> = (values.iter().enumerate())
            .map(|(d, &v)| format!("{:.1},{:.1}", mid(d), y(v, max)))
            .collect();
        points.join(" ")
    };
    let level = y(q.capacity, max);
    let _ = write!(
        s,
        r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/><line x1="{left}" x2="{:.1}" y1="{level:.1}" y2="{level:.1}" stroke="{}" stroke-dasharray="6 4" stroke-width="2"/><polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"/>"#,
        line(q.done, max),
        color(2),
        left + plot_w,
        color(7),
        line(q.backlog, backlog_max),
        color(3)
    );
    s + "</svg>"
}

/// Vertical bars, one per count on the x axis, labelled under it (the histogram of
/// sends per user per day); `axis` names the x axis.
pub fn histogram(title: &str, axis: &str, buckets: &[(u64, u64)]) -> String {
    let (top, bottom, left, right) = (20.0, 46.0, 56.0, 16.0);
    let height = 220.0;
    let plot_w = WIDTH - left - right;
    let plot_h = height - top - bottom;
    let max = nice(buckets.iter().map(|b| b.1).max().unwrap_or(0) as f64);
    let band = plot_w / buckets.len().max(1) as f64;
    // Every count is labelled when they fit, else every few.
    let every = ((30.0 / band).ceil() as usize).max(1);
    let mut s = svg_open(WIDTH, height, title);
    y_axis(&mut s, left, top, plot_w, plot_h, max);
    for (i, &(count, days)) in buckets.iter().enumerate() {
        let h = days as f64 / max * plot_h;
        let x = left + i as f64 * band;
        let _ = write!(
            s,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{h:.1}" fill="{}"/>"#,
            x + band * 0.1,
            top + plot_h - h,
            band * 0.8,
            color(0)
        );
        if i % every == 0 {
            let _ = write!(
                s,
                r#"<text x="{:.1}" y="{}" text-anchor="middle" class="tick">{count}</text>"#,
                x + band / 2.0,
                top + plot_h + 15.0
            );
        }
    }
    let _ = write!(
        s,
        r#"<text x="{:.1}" y="{}" text-anchor="middle" class="tick">{}</text>"#,
        left + plot_w / 2.0,
        height - 8.0,
        escape(axis)
    );
    s + "</svg>"
}

/// How a series is drawn, by palette colour: its legend key.
enum Mark {
    Bar(usize),
    Line(usize),
    Dashed(usize),
}

fn legend<'a>(s: &mut String, entries: impl Iterator<Item = (&'a Mark, &'a str)>, left: f64) {
    let mut x = left;
    for (mark, name) in entries {
        let _ = match *mark {
            Mark::Bar(c) => write!(
                s,
                r#"<rect x="{x:.1}" y="8" width="14" height="12" fill="{}" opacity="0.55"/>"#,
                color(c)
            ),
            Mark::Line(c) => write!(
                s,
                r#"<line x1="{x:.1}" x2="{:.1}" y1="14" y2="14" stroke="{}" stroke-width="2.5"/>"#,
                x + 14.0,
                color(c)
            ),
            Mark::Dashed(c) => write!(
                s,
                r#"<line x1="{x:.1}" x2="{:.1}" y1="14" y2="14" stroke="{}" stroke-dasharray="4 3" stroke-width="2"/>"#,
                x + 14.0,
                color(c)
            ),
        };
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="19" class="label">{}</text>"#,
            x + 19.0,
            escape(name)
        );
        x += 34.0 + text_width(name, 13.0);
    }
}

fn y_axis(s: &mut String, left: f64, top: f64, plot_w: f64, plot_h: f64, max: f64) {
    let n = steps(max);
    for k in 0..=n {
        let v = max * k as f64 / n as f64;
        let y = top + plot_h - plot_h * k as f64 / n as f64;
        let _ = write!(
            s,
            r#"<line x1="{left}" x2="{:.1}" y1="{y:.1}" y2="{y:.1}" class="grid"/><text x="{:.1}" y="{:.1}" text-anchor="end" class="tick">{}</text>"#,
            left + plot_w,
            left - 6.0,
            y + 4.0,
            number(v)
        );
    }
}

/// A date (`MM-DD`) under the first day of every week.
fn day_ticks(s: &mut String, days: &[String], left: f64, band: f64, y: f64) {
    for (d, day) in days.iter().enumerate().step_by(7) {
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{y}" class="tick">{}</text>"#,
            left + d as f64 * band,
            escape(day.get(5..).unwrap_or(day))
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_round_up_and_text_is_escaped() {
        assert_eq!(nice(0.0), 1.0);
        assert_eq!(nice(7.0), 10.0);
        assert_eq!(nice(130.0), 200.0);
        assert_eq!(nice(4100.0), 5000.0);
        assert_eq!((steps(5.0), steps(200.0), steps(0.1)), (5, 4, 5));
        assert_eq!(escape("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
        let svg = bars("t<", &[("新手".into(), 10), ("<x>".into(), 5)]);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("<title>t&lt;</title>"));
        assert!(svg.contains("&lt;x&gt;") && !svg.contains("<x>"));
    }

    #[test]
    fn long_headings_are_cut_to_fit_a_small_chart() {
        assert_eq!(fit("朋友圈", 100.0, 13.0), "朋友圈");
        let cut = fit(&"美妆".repeat(20), 100.0, 13.0);
        assert!(
            cut.ends_with('…') && text_width(&cut, 13.0) <= 100.0,
            "{cut}"
        );
        let days = vec!["2026-03-02".to_string(), "2026-03-03".to_string()];
        let svg = small_daily(&"美妆".repeat(20), "x", &days, &[0, 4]);
        // The full heading stays in the title; the drawn one is cut.
        assert!(svg.contains(&format!("<title>{} · x</title>", "美妆".repeat(20))));
        assert!(svg.contains("…</text>") && svg.contains(">03-03<"));
    }

    #[test]
    fn the_backlog_has_its_own_scale() {
        let days: Vec<String> = (1..=3).map(|d| format!("2026-03-0{d}")).collect();
        let svg = queue(&Queue {
            title: "q",
            days: &days,
            created: &[10, 10, 10],
            done: &[5, 5, 5],
            backlog: &[5, 1000, 2000],
            capacity: 5,
            legend: ["c", "d", "k", "b"],
        });
        // The left scale stays at the daily counts; the right one reaches the backlog.
        assert!(svg.contains(">10</text>") && svg.contains(">2000</text>"));
        assert!(!svg.contains(">2.0k</text>"));
    }
}
