//! Charts as SVG drawn on the server: no script, prints as it shows. The picture is hidden from
//! screen readers, which read the same figures from a table that only they get.
use std::fmt::Write;

/// A named count: one bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: u64,
}
/// The chart's figures as a table for screen readers (the SVG beside it is hidden from them).
fn table_for_screen_readers<'a>(title: &str, rows: impl Iterator<Item = (&'a str, u64)>) -> String {
    let mut table = format!(
        r#"<table class="visually-hidden"><caption>{}</caption><tbody>"#,
        escape(title)
    );
    for (label, value) in rows {
        let _ = write!(
            table,
            r#"<tr><th scope="row">{}</th><td>{value}</td></tr>"#,
            escape(label)
        );
    }
    table.push_str("</tbody></table>");
    table
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Horizontal bars, one per label, longest first as given.
pub fn bars(title: &str, bars: &[Bar]) -> String {
    let row = 26;
    let (label_w, bar_w) = (230, 330);
    let height = 30 + row * bars.len().max(1);
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1) as f64;
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 640 {height}" aria-hidden="true" focusable="false"><title>{t}</title>"#,
        t = escape(title)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = 20 + i * row;
        let w = (b.value as f64 / max * f64::from(bar_w)).round().max(1.0);
        let _ = write!(
            svg,
            r##"<text x="{lx}" y="{ty}" text-anchor="end" font-size="13">{label}</text><rect x="{bx}" y="{y}" width="{w}" height="18" fill="#0b5394"/><text x="{vx}" y="{ty}" font-size="13">{value}</text>"##,
            lx = label_w - 8,
            ty = y + 14,
            label = escape(&b.label),
            bx = label_w,
            vx = f64::from(label_w) + w + 6.0,
            value = b.value,
        );
    }
    svg.push_str("</svg>");
    svg + &table_for_screen_readers(title, bars.iter().map(|b| (b.label.as_str(), b.value)))
}

/// Columns over time (e.g. registrations so far, per day), with every n-th date shown.
pub fn columns(title: &str, points: &[(String, u64)]) -> String {
    let (left, top, plot_w, plot_h) = (40.0, 20.0, 580.0, 160.0);
    let max = points.iter().map(|p| p.1).max().unwrap_or(0).max(1) as f64;
    let n = points.len().max(1) as f64;
    let step = plot_w / n;
    let every = (points.len() / 8).max(1);
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 640 230" aria-hidden="true" focusable="false"><title>{t}</title><text x="4" y="{ty}" font-size="12">{max}</text><line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="#4a4a4a"/>"##,
        t = escape(title),
        ty = top + 10.0,
        max = max as u64,
        base = top + plot_h,
        right = left + plot_w,
    );
    for (i, (label, value)) in points.iter().enumerate() {
        let h = *value as f64 / max * plot_h;
        let x = left + i as f64 * step;
        let _ = write!(
            svg,
            r##"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="#0b5394"><title>{label}: {value}</title></rect>"##,
            y = top + plot_h - h,
            w = (step * 0.8).max(1.0),
            label = escape(label),
        );
        if i % every == 0 {
            let _ = write!(
                svg,
                r#"<text x="{x:.1}" y="{ly}" font-size="11">{label}</text>"#,
                ly = top + plot_h + 16.0,
                label = escape(label),
            );
        }
    }
    svg.push_str("</svg>");
    svg + &table_for_screen_readers(title, points.iter().map(|(l, v)| (l.as_str(), *v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_bars_scale_to_the_largest() {
        let svg = bars(
            "Via <test>",
            &[
                Bar {
                    label: "A&B".into(),
                    value: 10,
                },
                Bar {
                    label: "C".into(),
                    value: 5,
                },
            ],
        );
        assert!(svg.contains("<title>Via &lt;test&gt;</title>") && svg.contains(">A&amp;B<"));
        assert!(svg.contains(r#"width="330""#) && svg.contains(r#"width="165""#));
        let cols = columns("x", &[("11/1".into(), 1), ("11/2".into(), 3)]);
        assert_eq!(cols.matches("<rect").count(), 2);
        // Screen readers skip the picture and read the figures from the table.
        assert!(svg.contains(r#"aria-hidden="true""#) && !svg.contains("role=\"img\""));
        assert!(svg.contains(r#"<caption>Via &lt;test&gt;</caption>"#));
        assert!(svg.contains(r#"<tr><th scope="row">A&amp;B</th><td>10</td></tr>"#));
        assert!(cols.contains(r#"<tr><th scope="row">11/2</th><td>3</td></tr>"#));
    }
}
