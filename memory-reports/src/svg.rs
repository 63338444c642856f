//! An SVG chart of a series: live bytes per subsystem over frames, as stacked areas.
//!
//! Owns: drawing a [`Series`] as one self-contained SVG document (no scripts, no external
//! fonts, styles or images), so it can be opened from a CI artifact or embedded in a page.
//! Promises: one `<path>` per subsystem that owns live bytes at some point of the series
//! (stacked in the series' subsystem order, so the top edge is the total), axis tick
//! labels in exact frame numbers and binary byte units, axis titles, and a legend naming
//! every drawn subsystem with its peak. Text is XML-escaped. The output starts with `<svg`
//! and is the same for the same input.
//! Must never: draw a subsystem that owned nothing in every snapshot (it would be an
//! invisible band and clutter the legend), or emit `<path>` for anything but a band.

use crate::bytes::format_bytes;
use crate::model::Series;
use std::fmt::Write as _;

/// Size and title of the chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SvgOptions {
    /// Width in pixels (at least 320 is used).
    pub width: u32,
    /// Height in pixels (at least 200 is used; more when the legend needs it).
    pub height: u32,
    /// Heading above the chart; `None` gives "live bytes per subsystem" plus the profile.
    pub title: Option<String>,
}

impl Default for SvgOptions {
    fn default() -> SvgOptions {
        SvgOptions { width: 800, height: 400, title: None }
    }
}

/// Renders a series with the default size and title.
pub fn render_series_svg(series: &Series) -> String {
    render_series_svg_with(series, &SvgOptions::default())
}

const MARGIN_LEFT: f64 = 90.0;
const MARGIN_TOP: f64 = 40.0;
const MARGIN_BOTTOM: f64 = 50.0;
const LEGEND_WIDTH: f64 = 200.0;
const LEGEND_LINE: f64 = 18.0;

/// Colours for the bands, reused in order when there are more subsystems than colours.
const PALETTE: [&str; 12] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    "#1f77b4", "#8c564b",
];

/// Renders a series as a stacked-area SVG chart.
pub fn render_series_svg_with(series: &Series, options: &SvgOptions) -> String {
    let bands = Bands::of(series);
    let width = f64::from(options.width.max(320));
    let legend_needs = MARGIN_TOP + LEGEND_LINE * (bands.names.len() as f64 + 1.0);
    let height = f64::from(options.height.max(200)).max(legend_needs);
    let plot = Plot { left: MARGIN_LEFT, right: width - LEGEND_WIDTH, top: MARGIN_TOP, bottom: height - MARGIN_BOTTOM };

    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" font-family=\"monospace\" font-size=\"12\">",
        w = width,
        h = height,
    );
    let _ = writeln!(out, "<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
    let title = match &options.title {
        Some(title) => title.clone(),
        None => default_title(series),
    };
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"24\" font-size=\"16\" text-anchor=\"middle\">{}</text>",
        (plot.left + plot.right) / 2.0,
        escape(&title)
    );

    let y_axis = ByteAxis::for_peak(bands.peak());
    let x_axis = bands.x_axis();
    draw_axes(&mut out, &plot, &x_axis, &y_axis, bands.x_label);

    if bands.names.is_empty() {
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#666666\">no data</text>",
            (plot.left + plot.right) / 2.0,
            (plot.top + plot.bottom) / 2.0
        );
    }

    // Bands, bottom to top.
    let mut lower = vec![0u64; bands.xs.len()];
    for (index, (name, values)) in bands.names.iter().zip(&bands.values).enumerate() {
        let upper: Vec<u64> = lower.iter().zip(values).map(|(l, v)| l.saturating_add(*v)).collect();
        let d = band_path(&plot, &x_axis, &y_axis, &bands.xs, &lower, &upper);
        let colour = PALETTE[index % PALETTE.len()];
        let _ = writeln!(
            out,
            "<path d=\"{d}\" fill=\"{colour}\" fill-opacity=\"0.85\" stroke=\"{colour}\" \
             stroke-width=\"1\"><title>{}</title></path>",
            escape(name)
        );
        lower = upper;
    }

    // Legend, top band first so it reads in the same order as the stack.
    let legend_x = plot.right + 20.0;
    let _ = writeln!(out, "<g class=\"legend\">");
    for (row, index) in (0..bands.names.len()).rev().enumerate() {
        let y = MARGIN_TOP + LEGEND_LINE * row as f64;
        let colour = PALETTE[index % PALETTE.len()];
        let peak = bands.values[index].iter().copied().max().unwrap_or(0);
        let _ = writeln!(
            out,
            "<rect x=\"{legend_x:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{} (peak {})</text>",
            y,
            legend_x + 18.0,
            y + 10.0,
            escape(&bands.names[index]),
            format_bytes(peak)
        );
    }
    let _ = writeln!(out, "</g>");
    out.push_str("</svg>\n");
    out
}

/// Pixel bounds of the plotting area.
struct Plot {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

/// The drawable data: one value column per subsystem that owned bytes at some point.
struct Bands {
    xs: Vec<u64>,
    x_label: &'static str,
    names: Vec<String>,
    /// `values[band][point]`: live bytes.
    values: Vec<Vec<u64>>,
}

impl Bands {
    fn of(series: &Series) -> Bands {
        let frames: Option<Vec<u64>> = series.snapshots.iter().map(|s| s.frame).collect();
        let (xs, x_label) = match frames {
            Some(frames) if frames.windows(2).all(|w| w[0] < w[1]) => (frames, "frame"),
            _ => ((0..series.len() as u64).collect(), "snapshot"),
        };
        let mut names = Vec::new();
        let mut values = Vec::new();
        for name in series.subsystem_names() {
            let column: Vec<u64> = series.snapshots.iter().map(|s| s.live_bytes_of(&name)).collect();
            if column.iter().any(|v| *v > 0) {
                names.push(name);
                values.push(column);
            }
        }
        Bands { xs, x_label, names, values }
    }

    /// The largest stacked total.
    fn peak(&self) -> u64 {
        (0..self.xs.len())
            .map(|point| self.values.iter().fold(0u64, |sum, band| sum.saturating_add(band[point])))
            .max()
            .unwrap_or(0)
    }

    fn x_axis(&self) -> FrameAxis {
        let min = self.xs.first().copied().unwrap_or(0);
        let max = self.xs.last().copied().unwrap_or(0);
        FrameAxis { min, max }
    }
}

/// The horizontal axis: frame numbers (or snapshot positions) from `min` to `max`.
struct FrameAxis {
    min: u64,
    max: u64,
}

impl FrameAxis {
    /// Pixel x of a frame; the middle of the plot when the axis has a single frame.
    fn px(&self, plot: &Plot, x: u64) -> f64 {
        if self.max == self.min {
            return (plot.left + plot.right) / 2.0;
        }
        let t = (x - self.min) as f64 / (self.max - self.min) as f64;
        plot.left + t * (plot.right - plot.left)
    }

    fn ticks(&self) -> Vec<u64> {
        let range = self.max - self.min;
        if range == 0 {
            return vec![self.min];
        }
        let step = (nice_step(range as f64 / 8.0).ceil() as u64).max(1);
        let first = self.min.div_ceil(step) * step;
        (0..).map(|k| first + k * step).take_while(|x| *x <= self.max).collect()
    }
}

/// The vertical axis: bytes from zero to a round number in one binary unit.
struct ByteAxis {
    /// Bytes at the top of the axis.
    top_bytes: f64,
    /// Bytes in one `unit_name`.
    unit: f64,
    /// Tick values in units.
    ticks: Vec<f64>,
    unit_name: &'static str,
    decimals: usize,
}

impl ByteAxis {
    fn for_peak(peak: u64) -> ByteAxis {
        const NAMES: [&str; 7] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        let peak = peak.max(1) as f64;
        let mut unit = 1.0f64;
        let mut unit_index = 0;
        while unit_index + 1 < NAMES.len() && peak >= unit * 1024.0 {
            unit *= 1024.0;
            unit_index += 1;
        }
        let in_unit = peak / unit;
        let mut step = nice_step(in_unit / 5.0);
        if unit_index == 0 {
            step = step.max(1.0);
        }
        let steps = (in_unit / step).ceil().max(1.0) as u32;
        let decimals = if step >= 1.0 { 0 } else { (-step.log10()).ceil() as usize };
        ByteAxis {
            top_bytes: f64::from(steps) * step * unit,
            unit,
            ticks: (0..=steps).map(|k| f64::from(k) * step).collect(),
            unit_name: NAMES[unit_index],
            decimals,
        }
    }

    fn py(&self, plot: &Plot, bytes: f64) -> f64 {
        plot.bottom - bytes / self.top_bytes * (plot.bottom - plot.top)
    }
}

/// 1, 2 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if raw.is_nan() || raw <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

fn draw_axes(out: &mut String, plot: &Plot, x: &FrameAxis, y: &ByteAxis, x_label: &str) {
    let _ = writeln!(out, "<g class=\"axes\" stroke=\"#333333\">");
    let _ = writeln!(
        out,
        "<line x1=\"{l:.1}\" y1=\"{b:.1}\" x2=\"{r:.1}\" y2=\"{b:.1}\"/>\
         <line x1=\"{l:.1}\" y1=\"{t:.1}\" x2=\"{l:.1}\" y2=\"{b:.1}\"/>",
        l = plot.left,
        r = plot.right,
        t = plot.top,
        b = plot.bottom
    );
    let _ = writeln!(out, "</g>");
    let _ = writeln!(out, "<g class=\"ticks\">");
    for tick in &y.ticks {
        let py = y.py(plot, tick * y.unit);
        let _ = writeln!(
            out,
            "<line x1=\"{:.1}\" y1=\"{py:.1}\" x2=\"{:.1}\" y2=\"{py:.1}\" stroke=\"#dddddd\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{:.*} {}</text>",
            plot.left,
            plot.right,
            plot.left - 6.0,
            py + 4.0,
            y.decimals,
            tick,
            y.unit_name
        );
    }
    for tick in x.ticks() {
        let px = x.px(plot, tick);
        let _ = writeln!(
            out,
            "<line x1=\"{px:.1}\" y1=\"{:.1}\" x2=\"{px:.1}\" y2=\"{:.1}\" stroke=\"#333333\"/>\
             <text x=\"{px:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{tick}</text>",
            plot.bottom,
            plot.bottom + 5.0,
            plot.bottom + 18.0
        );
    }
    let _ = writeln!(out, "</g>");
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{x_label}</text>",
        (plot.left + plot.right) / 2.0,
        plot.bottom + 38.0
    );
    let _ = writeln!(
        out,
        "<text x=\"16\" y=\"{y:.1}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {y:.1})\">\
         live bytes</text>",
        y = (plot.top + plot.bottom) / 2.0
    );
}

/// The outline of one band: along its upper edge left to right, back along its lower edge.
fn band_path(plot: &Plot, x: &FrameAxis, y: &ByteAxis, xs: &[u64], lower: &[u64], upper: &[u64]) -> String {
    // A single snapshot is drawn as a block across the whole width.
    let points: Vec<(f64, f64, f64)> = if xs.len() == 1 {
        vec![(plot.left, lower[0] as f64, upper[0] as f64), (plot.right, lower[0] as f64, upper[0] as f64)]
    } else {
        xs.iter().zip(lower.iter().zip(upper)).map(|(fx, (lo, up))| (x.px(plot, *fx), *lo as f64, *up as f64)).collect()
    };
    let mut d = String::new();
    for (index, (px, _, up)) in points.iter().enumerate() {
        let command = if index == 0 { 'M' } else { 'L' };
        let _ = write!(d, "{command}{px:.1},{:.1} ", y.py(plot, *up));
    }
    for (px, lo, _) in points.iter().rev() {
        let _ = write!(d, "L{px:.1},{:.1} ", y.py(plot, *lo));
    }
    d.push('Z');
    d
}

fn default_title(series: &Series) -> String {
    let mut profiles: Vec<&str> = Vec::new();
    for snapshot in &series.snapshots {
        if !snapshot.profile.is_empty() && !profiles.contains(&snapshot.profile.as_str()) {
            profiles.push(&snapshot.profile);
        }
    }
    if profiles.is_empty() {
        "live bytes per subsystem".to_string()
    } else {
        format!("live bytes per subsystem - {}", profiles.join(", "))
    }
}

/// Escapes text for an XML text node or attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Snapshot, SubsystemRow};

    fn snapshot(frame: Option<u64>, rows: &[(&str, u64)]) -> Snapshot {
        let mut s = Snapshot::new(format!("frame {}", frame.unwrap_or(0)), "tight");
        s.frame = frame;
        s.subsystems = rows
            .iter()
            .map(|(name, bytes)| SubsystemRow {
                name: name.to_string(),
                live_bytes: *bytes,
                live_objects: 1,
                high_water_bytes: *bytes,
                total_allocations: 1,
            })
            .collect();
        s
    }

    fn sample() -> Series {
        Series {
            snapshots: vec![
                snapshot(Some(0), &[("str", 1024), ("dict", 0), ("set", 0)]),
                snapshot(Some(5), &[("str", 2048), ("dict", 512), ("set", 0)]),
                snapshot(Some(10), &[("str", 1536), ("dict", 3000), ("set", 0)]),
            ],
        }
    }

    /// Checks that every tag is closed in order (a "well-formed-ish" check).
    fn assert_tags_balance(svg: &str) {
        let mut stack: Vec<String> = Vec::new();
        let mut rest = svg;
        while let Some(start) = rest.find('<') {
            let end = rest[start..].find('>').expect("unclosed tag") + start;
            let tag = &rest[start + 1..end];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
            } else if !tag.ends_with('/') {
                let name = tag.split_whitespace().next().unwrap_or_default();
                stack.push(name.to_string());
            }
            rest = &rest[end + 1..];
        }
        assert!(stack.is_empty(), "unclosed: {stack:?}");
    }

    #[test]
    fn one_band_per_subsystem_with_bytes_and_a_legend() {
        let svg = render_series_svg(&sample());
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_tags_balance(&svg);
        // str and dict owned bytes; set never did.
        assert_eq!(svg.matches("<path ").count(), 2);
        assert!(svg.contains("<title>str</title>"));
        assert!(svg.contains("<title>dict</title>"));
        assert!(svg.contains(">str (peak 2.0 KiB)</text>"));
        assert!(svg.contains(">dict (peak 2.9 KiB)</text>"));
        assert!(!svg.contains(">set"));
    }

    #[test]
    fn axes_have_labels_and_ticks() {
        let svg = render_series_svg(&sample());
        assert!(svg.contains(">frame</text>"));
        assert!(svg.contains("live bytes</text>"));
        assert!(svg.contains(">0 KiB</text>"));
        assert!(svg.contains(">5 KiB</text>"), "{svg}");
        assert!(svg.contains(">10</text>"));
        assert!(svg.contains("live bytes per subsystem - tight"));
    }

    #[test]
    fn stack_top_follows_the_total() {
        let svg = render_series_svg(&sample());
        // The dict band is on top; its upper edge at frame 10 is the total 4536 bytes.
        let y_axis = ByteAxis::for_peak(4536);
        let plot =
            Plot { left: MARGIN_LEFT, right: 800.0 - LEGEND_WIDTH, top: MARGIN_TOP, bottom: 400.0 - MARGIN_BOTTOM };
        let expected = format!("L{:.1},{:.1}", plot.right, y_axis.py(&plot, 4536.0));
        let dict = svg.lines().find(|l| l.contains("<title>dict</title>")).unwrap();
        assert!(dict.contains(&expected), "{expected} not in {dict}");
    }

    #[test]
    fn names_are_escaped_and_odd_series_still_render() {
        let series = Series { snapshots: vec![snapshot(None, &[("a<b&c", 100)])] };
        let options = SvgOptions { title: Some("login \"screen\"".to_string()), ..SvgOptions::default() };
        let svg = render_series_svg_with(&series, &options);
        assert_tags_balance(&svg);
        assert!(svg.contains("a&lt;b&amp;c"));
        assert!(svg.contains("login &quot;screen&quot;"));
        assert!(svg.contains(">snapshot</text>"));
        assert_eq!(svg.matches("<path ").count(), 1);

        let empty = render_series_svg(&Series::new());
        assert_tags_balance(&empty);
        assert!(empty.contains("no data"));
        assert_eq!(empty.matches("<path ").count(), 0);
    }

    #[test]
    fn legend_grows_the_chart() {
        let rows: Vec<(String, u64)> = (0..30).map(|i| (format!("s{i}"), 8)).collect();
        let refs: Vec<(&str, u64)> = rows.iter().map(|(n, b)| (n.as_str(), *b)).collect();
        let series = Series { snapshots: vec![snapshot(Some(0), &refs), snapshot(Some(1), &refs)] };
        let svg = render_series_svg(&series);
        assert_eq!(svg.matches("<path ").count(), 30);
        assert!(svg.contains("height=\"598\""), "{}", &svg[..200]);
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(0.9), 1.0);
        assert_eq!(nice_step(1.3), 2.0);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(0.0), 1.0);
        let axis = ByteAxis::for_peak(3);
        assert_eq!(axis.unit_name, "B");
        assert_eq!(axis.ticks, [0.0, 1.0, 2.0, 3.0]);
    }
}
