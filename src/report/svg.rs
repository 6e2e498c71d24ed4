//! Small SVG charts drawn by the project (no scripts, no network): horizontal bars,
//! stacked daily bars, rates with intervals, and daily lines.

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

const WIDTH: f64 = 760.0;
const RIGHT: f64 = 70.0;

/// The room row labels need at the left (CJK characters are about twice as wide).
fn label_room<'a>(labels: impl Iterator<Item = &'a str>) -> f64 {
    let widest = labels.map(text_width).fold(0.0, f64::max);
    (widest + 16.0).clamp(80.0, 320.0)
}

/// Approximate width in pixels of 13px text.
fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 7.5 } else { 13.5 })
        .sum()
}

/// One bar per row, labelled, with its value at the end (the stage funnel).
pub fn bars(rows: &[(String, u64)]) -> String {
    let left = label_room(rows.iter().map(|r| r.0.as_str()));
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1) as f64;
    let row_h = 30.0;
    let height = rows.len() as f64 * row_h + 10.0;
    let span = WIDTH - left - RIGHT;
    let mut s = svg_open(height);
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

/// Bars per day, stacked by series, with a legend (daily sends by touchpoint).
pub fn stacked(days: &[String], series: &[(String, Vec<u64>)]) -> String {
    let (top, bottom, left) = (30.0, 36.0, 60.0);
    let height = 280.0;
    let totals: Vec<u64> = (0..days.len())
        .map(|d| series.iter().map(|(_, v)| v[d]).sum())
        .collect();
    let max = nice(totals.iter().copied().max().unwrap_or(0) as f64);
    let plot_w = WIDTH - left - 16.0;
    let plot_h = height - top - bottom;
    let band = plot_w / days.len().max(1) as f64;
    let mut s = svg_open(height);
    legend(&mut s, series.iter().map(|(n, _)| n.as_str()), left);
    y_axis(&mut s, left, top, plot_w, plot_h, max);
    for (d, day) in days.iter().enumerate() {
        let x = left + d as f64 * band;
        let mut y = top + plot_h;
        for (i, (_, values)) in series.iter().enumerate() {
            let h = values[d] as f64 / max * plot_h;
            if h > 0.0 {
                y -= h;
                let _ = write!(
                    s,
                    r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{}"/>"#,
                    (band - 1.0).max(0.5),
                    color(i)
                );
            }
        }
        if d % 7 == 0 {
            let _ = write!(
                s,
                r#"<text x="{x:.1}" y="{}" class="tick">{}</text>"#,
                top + plot_h + 16.0,
                escape(day.get(5..).unwrap_or(day))
            );
        }
    }
    s + "</svg>"
}

/// A labelled rate with its 95% interval.
pub type RateRow = (String, Option<f64>, Option<[f64; 2]>);

/// Rates with 95% intervals, one row each, on a shared percent axis.
pub fn intervals(rows: &[RateRow]) -> String {
    let row_h = 28.0;
    let (top, bottom) = (10.0, 30.0);
    let height = top + rows.len() as f64 * row_h + bottom;
    let hi = rows
        .iter()
        .filter_map(|r| r.2.map(|c| c[1]).or(r.1))
        .fold(0.0, f64::max);
    let max = nice(hi * 100.0) / 100.0;
    let left = label_room(rows.iter().map(|r| r.0.as_str()));
    let span = WIDTH - left - RIGHT;
    let x = |v: f64| left + v / max * span;
    let mut s = svg_open(height);
    let axis_y = top + rows.len() as f64 * row_h;
    for k in 0..=4 {
        let v = max * k as f64 / 4.0;
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

/// Daily bars (`bars`, light) with a line over them (`line`) and a dashed level
/// (a team's tasks created per day, its backlog, and its capacity).
pub fn bars_and_line(days: &[String], bars: &[u64], line: &[u64], level: u64) -> String {
    let (top, bottom, left) = (30.0, 36.0, 60.0);
    let height = 240.0;
    let top_value = bars
        .iter()
        .chain(line)
        .copied()
        .max()
        .unwrap_or(0)
        .max(level);
    let max = nice(top_value as f64);
    let plot_w = WIDTH - left - 16.0;
    let plot_h = height - top - bottom;
    let band = plot_w / days.len().max(1) as f64;
    let y = |v: u64| top + plot_h - v as f64 / max * plot_h;
    let mut s = svg_open(height);
    legend(
        &mut s,
        ["tasks created", "backlog", "capacity per day"].into_iter(),
        left,
    );
    y_axis(&mut s, left, top, plot_w, plot_h, max);
    for (d, &v) in bars.iter().enumerate() {
        let x = left + d as f64 * band;
        let _ = write!(
            s,
            r#"<rect x="{x:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}" opacity="0.6"/>"#,
            y(v),
            (band - 1.0).max(0.5),
            top + plot_h - y(v),
            color(0)
        );
        if d % 7 == 0 {
            let _ = write!(
                s,
                r#"<text x="{x:.1}" y="{}" class="tick">{}</text>"#,
                top + plot_h + 16.0,
                escape(days[d].get(5..).unwrap_or(&days[d]))
            );
        }
    }
    let points: Vec<String> = line
        .iter()
        .enumerate()
        .map(|(d, &v)| format!("{:.1},{:.1}", left + (d as f64 + 0.5) * band, y(v)))
        .collect();
    let (right, level_y) = (left + plot_w, y(level));
    let _ = write!(
        s,
        r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/><line x1="{left}" x2="{right:.1}" y1="{level_y:.1}" y2="{level_y:.1}" stroke="{}" stroke-dasharray="6 4" stroke-width="2"/>"#,
        points.join(" "),
        color(1),
        color(2)
    );
    s + "</svg>"
}

fn svg_open(height: f64) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img">"#
    )
}

fn legend<'a>(s: &mut String, names: impl Iterator<Item = &'a str>, left: f64) {
    let mut x = left;
    for (i, name) in names.enumerate() {
        let _ = write!(
            s,
            r#"<rect x="{x:.1}" y="6" width="12" height="12" fill="{}"/><text x="{:.1}" y="17" class="label">{}</text>"#,
            color(i),
            x + 16.0,
            escape(name)
        );
        x += 28.0 + text_width(name);
    }
}

fn y_axis(s: &mut String, left: f64, top: f64, plot_w: f64, plot_h: f64, max: f64) {
    for k in 0..=4 {
        let v = max * k as f64 / 4.0;
        let y = top + plot_h - plot_h * k as f64 / 4.0;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_round_up_and_text_is_escaped() {
        assert_eq!(nice(0.0), 1.0);
        assert_eq!(nice(7.0), 10.0);
        assert_eq!(nice(130.0), 200.0);
        assert_eq!(nice(4100.0), 5000.0);
        assert_eq!(escape("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
        let svg = bars(&[("新手".into(), 10), ("<x>".into(), 5)]);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("&lt;x&gt;") && !svg.contains("<x>"));
    }
}
