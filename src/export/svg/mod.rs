//! A publication-quality drawing of the timeline as SVG: title, a date axis with adaptive
//! ticks (broken across long empty gaps), one lane per event kind, labels that never
//! overlap, corroboration marks (one dot per outlet), uncertain dates drawn as spans or
//! dashed marks, a legend and a footer citing every outlet.

pub mod axis;
pub mod labels;
pub mod writer;

use chrono::NaiveDate;

use self::axis::{Axis, BREAK_GAP};
use self::labels::{Placed, Slot};
use self::writer::{Font, Svg};
use super::{Selection, cite, fonts};
use crate::model::{Event, EventKind, Extraction};

/// Light or dark drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark ink on white (print, light slides).
    #[default]
    Light,
    /// Light ink on near-black (dark slides, projectors in dim rooms).
    Dark,
}

impl Theme {
    /// Parses `light` or `dark`.
    pub fn parse(s: &str) -> Option<Theme> {
        match s.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// Colours of a theme.
struct Palette {
    bg: &'static str,
    ink: &'static str,
    muted: &'static str,
    grid: &'static str,
    band: &'static str,
    axis: &'static str,
    event: &'static str,
    statement: &'static str,
    star: &'static str,
    conflict: &'static str,
}

const LIGHT: Palette = Palette {
    bg: "#ffffff",
    ink: "#1b2230",
    muted: "#5a6373",
    grid: "#e3e6eb",
    band: "#f5f7fa",
    axis: "#7d8594",
    event: "#1f5fd1",
    statement: "#c2410c",
    star: "#c99400",
    conflict: "#d62828",
};

const DARK: Palette = Palette {
    bg: "#11151c",
    ink: "#eef1f5",
    muted: "#a3acba",
    grid: "#2a313d",
    band: "#171c25",
    axis: "#7b8596",
    event: "#6aa8ff",
    statement: "#ff9a52",
    star: "#ffd23f",
    conflict: "#ff5a5a",
};

/// What to draw and how.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderOptions {
    /// Logical width of the drawing, px (the SVG's width; PNG export scales it).
    pub width: f32,
    /// Colours.
    pub theme: Theme,
    /// Which events (date range, starred only, title).
    pub selection: Selection,
    /// Most labels drawn (the others keep their marks); keeps dense timelines legible.
    pub max_labels: usize,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions { width: 1600.0, theme: Theme::Light, selection: Selection::default(), max_labels: 60 }
    }
}

const PAD: f32 = 48.0;
const GUTTER: f32 = 170.0;
const ROW_H: f32 = 52.0;
const BOX_H: f32 = 44.0;
const LINE_H: f32 = 19.0;
const TITLE_CHARS: usize = 38;
const TITLE_SIZE: f32 = 16.0;
const SUB_SIZE: f32 = 13.0;
const MAX_ROWS: usize = 7;

/// One event ready to draw.
struct Mark<'a> {
    event: &'a Event,
    start: NaiveDate,
    end: NaiveDate,
    title: Vec<String>,
    sub: String,
    width: f32,
    x: f32,
    x_end: f32,
}

/// Draws the selected events of `x` as an SVG document.
pub fn render_svg(x: &Extraction, opts: &RenderOptions) -> String {
    let p = if opts.theme == Theme::Dark { &DARK } else { &LIGHT };
    let w = opts.width.max(800.0);
    let sel = &opts.selection;
    let events = sel.events(x);
    let dated: Vec<&Event> = events.iter().copied().filter(|e| e.start.is_some()).collect();
    let undated = events.len() - dated.len();
    let spans: Vec<(NaiveDate, NaiveDate)> = dated
        .iter()
        .filter_map(|e| e.start.map(|s| (clamp(s, sel), clamp(e.end.unwrap_or(s).max(s), sel))))
        .collect();
    let (x0, x1) = (PAD + GUTTER, w - PAD);
    let axis = Axis::new(&spans, x0, x1);

    let lanes: Vec<(EventKind, &str, &str)> =
        [(EventKind::Event, "Events", p.event), (EventKind::Statement, "Statements", p.statement)]
            .into_iter()
            .filter(|(k, ..)| dated.iter().any(|e| e.kind == *k))
            .collect();

    // marks and their label texts
    let mut marks: Vec<Mark> = Vec::new();
    for e in &dated {
        let Some(s) = e.start else { continue };
        let (start, end) = (clamp(s, sel), clamp(e.end.unwrap_or(s).max(s), sel));
        let star = if e.starred { "★ " } else { "" };
        let title = title_lines(&format!("{star}{}", cite::one_line(&e.title)));
        let n = cite::outlets(x, e).len();
        let mut sub = cite::date_label(e);
        if e.confidence < 0.5 {
            sub = format!("≈ {sub} (uncertain)");
        }
        sub.push_str(&format!(" · {n} {}", if n == 1 { "outlet" } else { "outlets" }));
        if !e.conflicts.is_empty() {
            sub.push_str(" · sources disagree");
        }
        let xs = axis.x_of(start);
        let xe = if start == end { xs } else { axis.x_after(end).max(xs + 6.0) };
        marks.push(Mark { event: e, start, end, title, sub, x: xs, x_end: xe, width: 0.0 });
    }
    // only the labels that can win a place are measured (dense timelines stay fast)
    // ties are broken so that the labels spread over the axis (van der Corput order of x rank)
    let mut by_x: Vec<usize> = (0..marks.len()).collect();
    by_x.sort_by(|&a, &b| marks[a].x.total_cmp(&marks[b].x));
    let mut spread = vec![0.0f32; marks.len()];
    for (rank, &i) in by_x.iter().enumerate() {
        spread[i] = radical_inverse(rank as u32);
    }
    let prio: Vec<f32> = marks.iter().zip(&spread).map(|(m, s)| priority(x, m.event) + 0.01 * s).collect();
    let mut by_prio: Vec<usize> = (0..marks.len()).collect();
    by_prio.sort_by(|&a, &b| prio[b].total_cmp(&prio[a]).then(a.cmp(&b)));
    let mut candidate = vec![false; marks.len()];
    for &i in by_prio.iter().take(opts.max_labels * lanes.len().max(1)) {
        candidate[i] = true;
    }
    let mut items = Vec::new();
    for m in marks.iter().zip(&candidate).filter(|(_, c)| **c).map(|(m, _)| m) {
        items.extend(m.title.iter().map(|t| (t.clone(), TITLE_SIZE, true)));
        items.push((m.sub.clone(), SUB_SIZE, false));
    }
    let mut widths = labels::measure(&items).into_iter();
    for (m, _) in marks.iter_mut().zip(&candidate).filter(|(_, c)| **c) {
        let n = m.title.len() + 1;
        m.width = widths.by_ref().take(n).fold(0.0, f32::max) + 20.0;
    }
    let two_line = marks.iter().any(|m| m.title.len() > 1);
    let row_h = if two_line { ROW_H + LINE_H } else { ROW_H };

    // place labels per lane
    let mut placed: Vec<Option<Placed>> = vec![None; marks.len()];
    let mut lane_rows: Vec<usize> = Vec::new();
    for (kind, ..) in &lanes {
        let idx: Vec<usize> =
            (0..marks.len()).filter(|&i| marks[i].event.kind == *kind && candidate[i]).collect();
        let slots: Vec<Slot> =
            idx.iter().map(|&i| Slot { x: marks[i].x, width: marks[i].width, priority: prio[i] }).collect();
        let got = labels::place(&slots, x0 - 10.0, x1, MAX_ROWS, opts.max_labels);
        let rows = got.iter().flatten().map(|p| p.row + 1).max().unwrap_or(0).max(1);
        lane_rows.push(rows);
        for (k, &i) in idx.iter().enumerate() {
            placed[i] = got[k];
        }
    }

    // vertical layout
    let header_h = 118.0;
    let plot_top = PAD + header_h;
    let lane_heights: Vec<f32> = lane_rows.iter().map(|r| *r as f32 * row_h + 70.0).collect();
    let plot_h: f32 = lane_heights.iter().sum::<f32>().max(120.0);
    let axis_y = plot_top + plot_h;
    let footer = footer_lines(x, &dated, undated, sel, w - 2.0 * PAD);
    let h = axis_y + 44.0 + 70.0 + footer.len() as f32 * 20.0 + PAD;

    let title = sel.title.clone().unwrap_or_else(|| "News timeline".into());
    let mut svg = Svg::new(w, h, fonts::CSS_FAMILY, &title);
    svg.rect(-2.0, -2.0, w + 4.0, h + 4.0, 0.0, p.bg, "");
    let font = |size: f32, bold: bool, color: &'static str| Font { size, bold, color, anchor: "start" };
    svg.text(PAD, PAD + 30.0, &title, font(32.0, true, p.ink));
    svg.text(PAD, PAD + 62.0, &subtitle(x, &dated, sel), font(17.0, false, p.muted));

    if dated.is_empty() {
        svg.text(x0, plot_top + 60.0, "No dated events to show.", font(18.0, false, p.muted));
    }

    // grid and ticks
    svg.open(&format!("class=\"grid\" stroke=\"{}\"", p.grid));
    let all_ticks: Vec<axis::Tick> = axis.segments.iter().flat_map(|seg| axis::ticks(seg, 110.0)).collect();
    let tick_list = axis::thin(all_ticks, 8.0);
    for t in &tick_list {
        svg.line(t.x, plot_top, t.x, axis_y, p.grid, if t.major { 1.6 } else { 1.0 }, "");
    }
    svg.close();

    // lanes
    let mut lane_top = plot_top;
    for (li, ((kind, name, color), lh)) in lanes.iter().zip(&lane_heights).enumerate() {
        if li % 2 == 0 {
            svg.rect(PAD, lane_top, w - 2.0 * PAD, *lh, 8.0, p.band, "opacity=\"0.8\"");
        }
        let count = dated.iter().filter(|e| e.kind == *kind).count();
        let base_y = lane_top + lane_rows[li] as f32 * row_h + 30.0;
        svg.text(PAD + 14.0, base_y - 4.0, name, font(18.0, true, color));
        svg.text(PAD + 14.0, base_y + 16.0, &format!("{count} shown"), font(13.0, false, p.muted));
        for seg in &axis.segments {
            svg.line(seg.x0, base_y, seg.x1, base_y, p.axis, 1.5, "");
        }
        draw_breaks(&mut svg, &axis, base_y, p);
        let lane_marks: Vec<usize> = (0..marks.len()).filter(|&i| marks[i].event.kind == *kind).collect();
        for &i in &lane_marks {
            if let Some(pl) = placed[i] {
                let m = &marks[i];
                let top = base_y - 24.0 - (pl.row as f32 + 1.0) * row_h + 6.0;
                let bh = box_height(m);
                svg.line(m.x, top + bh, m.x, base_y - 8.0, color, 1.3, "opacity=\"0.65\"");
            }
        }
        for &i in &lane_marks {
            draw_mark(&mut svg, x, &marks[i], base_y, color, p);
        }
        for &i in &lane_marks {
            if let Some(pl) = placed[i] {
                let m = &marks[i];
                let top = base_y - 24.0 - (pl.row as f32 + 1.0) * row_h + 6.0;
                let bh = box_height(m);
                let stroke = format!("stroke=\"{}\" opacity=\"0.94\"", p.grid);
                svg.rect(pl.left, top, m.width, bh, 6.0, p.bg, &stroke);
                svg.rect(pl.left, top, 4.0, bh, 2.0, color, "");
                let mut ty = top + 19.0;
                for line in &m.title {
                    svg.text(pl.left + 11.0, ty, line, font(TITLE_SIZE, true, p.ink));
                    ty += LINE_H;
                }
                svg.text(pl.left + 11.0, ty, &m.sub, font(SUB_SIZE, false, p.muted));
            }
        }
        lane_top += lh;
    }

    // axis
    for seg in &axis.segments {
        svg.line(seg.x0, axis_y, seg.x1, axis_y, p.axis, 2.0, "");
    }
    draw_breaks(&mut svg, &axis, axis_y, p);
    for t in &tick_list {
        svg.line(t.x, axis_y, t.x, axis_y + 7.0, p.axis, 1.5, "");
        let f = Font { size: 13.0, bold: t.major, color: p.muted, anchor: "middle" };
        svg.text(t.x, axis_y + 24.0, &t.label, f);
    }

    // legend
    let ly = axis_y + 62.0;
    draw_legend(&mut svg, PAD, ly, p, &lanes);

    // footer
    let mut fy = ly + 44.0;
    for line in &footer {
        svg.text(PAD, fy, line, font(13.0, false, p.muted));
        fy += 20.0;
    }
    svg.finish()
}

/// A title in at most two lines of about [`TITLE_CHARS`] characters (cut with an ellipsis).
fn title_lines(title: &str) -> Vec<String> {
    if title.chars().count() <= TITLE_CHARS {
        return vec![title.to_string()];
    }
    let mut first = String::new();
    let mut rest = title;
    for (i, word) in title.split(' ').enumerate() {
        if i > 0 && first.chars().count() + 1 + word.chars().count() > TITLE_CHARS {
            break;
        }
        if i > 0 {
            first.push(' ');
        }
        first.push_str(word);
        rest = title.get(first.len()..).unwrap_or("").trim_start();
    }
    if first.is_empty() || first.chars().count() > TITLE_CHARS {
        first = cite::truncate(title, TITLE_CHARS);
        return vec![first];
    }
    if rest.is_empty() {
        return vec![first];
    }
    vec![first, cite::truncate(rest, TITLE_CHARS)]
}

fn box_height(m: &Mark) -> f32 {
    BOX_H + LINE_H * (m.title.len().max(1) - 1) as f32
}

fn clamp(d: NaiveDate, sel: &Selection) -> NaiveDate {
    let d = sel.from.map_or(d, |f| d.max(f));
    sel.to.map_or(d, |t| d.min(t))
}

/// Van der Corput radical inverse in base 2: 0, ½, ¼, ¾, … (an evenly spreading order).
fn radical_inverse(n: u32) -> f32 {
    n.reverse_bits() as f32 / 4_294_967_296.0
}

/// Which labels win when space runs out: starred, corroborated, confident, quoted.
fn priority(x: &Extraction, e: &Event) -> f32 {
    let outlets = cite::outlets(x, e).len() as f32;
    (if e.starred { 100.0 } else { 0.0 })
        + 10.0 * outlets
        + 5.0 * e.confidence
        + if e.quotes.is_empty() { 0.0 } else { 3.0 }
        + if e.conflicts.is_empty() { 0.0 } else { 4.0 }
}

fn draw_mark(svg: &mut Svg, x: &Extraction, m: &Mark, y: f32, color: &str, p: &Palette) {
    let e = m.event;
    if !e.conflicts.is_empty() {
        svg.circle(m.x, y, 12.5, "none", &format!("stroke=\"{}\" stroke-width=\"2\"", p.conflict));
    }
    if m.start != m.end {
        let dash = if e.confidence < 0.5 { " stroke-dasharray=\"4 3\"" } else { "" };
        svg.rect(
            m.x,
            y - 7.0,
            m.x_end - m.x,
            14.0,
            7.0,
            color,
            &format!("fill-opacity=\"0.22\" stroke=\"{color}\" stroke-width=\"1.5\"{dash}"),
        );
    } else if e.confidence < 0.5 {
        svg.circle(
            m.x,
            y,
            7.0,
            p.bg,
            &format!("stroke=\"{color}\" stroke-width=\"2.2\" stroke-dasharray=\"3 2.5\""),
        );
    } else {
        svg.circle(m.x, y, 7.5, color, &format!("stroke=\"{}\" stroke-width=\"2\"", p.bg));
    }
    if e.starred {
        svg.text(m.x, y - 12.0, "★", Font { size: 14.0, bold: false, color: p.star, anchor: "middle" });
    }
    let n = cite::outlets(x, e).len();
    let shown = n.min(6);
    let start = m.x - (shown as f32 - 1.0) * 4.5;
    for k in 0..shown {
        svg.circle(start + k as f32 * 9.0, y + 20.0, 3.2, color, "");
    }
    if n > shown {
        let f = Font { size: 11.0, bold: false, color: p.muted, anchor: "start" };
        svg.text(start + shown as f32 * 9.0, y + 24.0, &format!("+{}", n - shown), f);
    }
}

fn draw_breaks(svg: &mut Svg, axis: &Axis, y: f32, p: &Palette) {
    for pair in axis.segments.windows(2) {
        let mid = (pair[0].x1 + pair[1].x0) / 2.0;
        for dx in [-4.0, 4.0] {
            svg.line(mid + dx - 4.0, y + 8.0, mid + dx + 4.0, y - 8.0, p.axis, 1.6, "");
        }
        let _ = BREAK_GAP;
    }
}

/// The legend: one swatch per mark kind, each followed by its meaning; spaced by measured width.
fn draw_legend(svg: &mut Svg, x: f32, y: f32, p: &Palette, lanes: &[(EventKind, &str, &str)]) {
    let f = Font { size: 13.0, bold: false, color: p.muted, anchor: "start" };
    let c = p.axis;
    let mut entries: Vec<(usize, String)> =
        lanes.iter().enumerate().map(|(i, (_, name, _))| (i, format!("{name} (day known)"))).collect();
    let n = lanes.len();
    for (k, t) in [
        "date known only as a period",
        "uncertain date",
        "one dot per reporting outlet",
        "sources disagree",
        "starred",
    ]
    .iter()
    .enumerate()
    {
        entries.push((n + k, t.to_string()));
    }
    let widths = labels::measure(&entries.iter().map(|(_, t)| (t.clone(), 13.0, false)).collect::<Vec<_>>());
    let mut cx = x;
    for ((kind, text), tw) in entries.iter().zip(widths) {
        let swatch = match kind.checked_sub(n) {
            None => {
                svg.circle(cx + 7.0, y - 4.0, 7.0, lanes[*kind].2, "");
                16.0
            }
            Some(0) => {
                let st = format!("fill-opacity=\"0.22\" stroke=\"{c}\" stroke-width=\"1.5\"");
                svg.rect(cx, y - 11.0, 34.0, 14.0, 7.0, c, &st);
                36.0
            }
            Some(1) => {
                let st = format!("stroke=\"{c}\" stroke-width=\"2\" stroke-dasharray=\"3 2.5\"");
                svg.circle(cx + 7.0, y - 4.0, 7.0, p.bg, &st);
                16.0
            }
            Some(2) => {
                for k in 0..3 {
                    svg.circle(cx + 4.0 + k as f32 * 9.0, y - 4.0, 3.2, c, "");
                }
                28.0
            }
            Some(3) => {
                let st = format!("stroke=\"{}\" stroke-width=\"2\"", p.conflict);
                svg.circle(cx + 8.0, y - 4.0, 9.0, "none", &st);
                18.0
            }
            Some(_) => {
                svg.text(cx, y, "★", Font { size: 14.0, bold: false, color: p.star, anchor: "start" });
                14.0
            }
        };
        svg.text(cx + swatch + 6.0, y, text, f);
        cx += swatch + 6.0 + tw + 28.0;
    }
}

fn subtitle(x: &Extraction, dated: &[&Event], sel: &Selection) -> String {
    let mut outlets: Vec<String> = dated.iter().flat_map(|e| cite::outlets(x, e)).collect();
    outlets.sort();
    outlets.dedup();
    let mut s = format!(
        "{} {} reported by {} {}",
        dated.len(),
        if dated.len() == 1 { "event" } else { "events" },
        outlets.len(),
        if outlets.len() == 1 { "outlet" } else { "outlets" }
    );
    let first = dated.iter().filter_map(|e| e.start).min();
    let last = dated.iter().filter_map(|e| e.end.or(e.start)).max();
    if let (Some(a), Some(b)) = (first, last) {
        s.push_str(&format!(" · {} – {}", cite::day_short(a), cite::day_short(b)));
    }
    if sel.starred_only {
        s.push_str(" · starred events only");
    }
    s
}

/// The footer: every outlet with its number of articles, then how dates were obtained.
fn footer_lines(
    x: &Extraction,
    dated: &[&Event],
    undated: usize,
    sel: &Selection,
    width: f32,
) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for e in dated {
        for id in &e.articles {
            let o = cite::outlet_of(x, id);
            match counts.iter_mut().find(|c| c.0 == o) {
                Some(c) => c.1 += 1,
                None => counts.push((o, 1)),
            }
        }
    }
    let mut arts: Vec<&String> = dated.iter().flat_map(|e| e.articles.iter()).collect();
    arts.sort();
    arts.dedup();
    let per_outlet: Vec<String> = counts
        .iter()
        .map(|(o, _)| {
            let n = arts.iter().filter(|id| cite::outlet_of(x, id) == *o).count();
            format!("{o} ({n} {})", if n == 1 { "article" } else { "articles" })
        })
        .collect();
    let mut text =
        format!("Sources: {}.", if per_outlet.is_empty() { "none".into() } else { per_outlet.join("; ") });
    text.push_str(" Every mark cites verbatim article text; relative dates (\u{201c}on Tuesday\u{201d}) were resolved against each article\u{2019}s publication date.");
    if undated > 0 {
        text.push_str(&format!(" {undated} undated events are not drawn."));
    }
    if let (Some(f), Some(t)) = (sel.from, sel.to) {
        text.push_str(&format!(" Showing {} to {}.", cite::day_short(f), cite::day_short(t)));
    }
    text.push_str(" Made with Dateline.");
    wrap(&text, width, 13.0)
}

/// Word-wraps `text` to lines of at most `width` px at `size` (estimated widths, conservative).
fn wrap(text: &str, width: f32, size: f32) -> Vec<String> {
    let max_chars = (width / (size * 0.6)).max(20.0) as usize;
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > max_chars {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}
