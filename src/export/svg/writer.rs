//! A tiny SVG writer: elements as strings, text always XML-escaped.

use std::fmt::Write;

/// Text style for [`Svg::text`].
#[derive(Clone, Copy, Debug)]
pub struct Font<'a> {
    /// Size, px.
    pub size: f32,
    /// Bold weight.
    pub bold: bool,
    /// Fill colour.
    pub color: &'a str,
    /// `start`, `middle` or `end`.
    pub anchor: &'a str,
}

/// An SVG document being written.
pub struct Svg {
    out: String,
}

/// Escapes text for XML content and attribute values; drops characters XML 1.0 forbids.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\t' | '\n' | '\r' => o.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => o.push(c),
        }
    }
    o
}

impl Svg {
    /// Starts a document of `w`×`h` px with font family `family`.
    pub fn new(w: f32, h: f32, family: &str, title: &str) -> Svg {
        let mut out = String::with_capacity(64 * 1024);
        let _ = write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
             width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" font-family=\"{}\">\n<title>{}</title>\n",
            esc(family),
            esc(title)
        );
        Svg { out }
    }

    /// Raw markup (already escaped).
    pub fn raw(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    /// A rectangle; `extra` is added verbatim (e.g. `stroke-dasharray="4 3"`).
    #[allow(clippy::too_many_arguments)] // geometry + style, like the SVG element itself
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, rx: f32, fill: &str, extra: &str) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"{rx:.1}\" fill=\"{fill}\" {extra}/>",
            w.max(0.0),
            h.max(0.0)
        );
    }

    /// A line.
    #[allow(clippy::too_many_arguments)] // geometry + style, like the SVG element itself
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, stroke: &str, width: f32, extra: &str) {
        let _ = writeln!(
            self.out,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{stroke}\" stroke-width=\"{width:.1}\" {extra}/>"
        );
    }

    /// A circle.
    pub fn circle(&mut self, cx: f32, cy: f32, r: f32, fill: &str, extra: &str) {
        let _ = writeln!(
            self.out,
            "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r:.1}\" fill=\"{fill}\" {extra}/>"
        );
    }

    /// One line of text at baseline `y`.
    pub fn text(&mut self, x: f32, y: f32, s: &str, f: Font) {
        let weight = if f.bold { " font-weight=\"bold\"" } else { "" };
        let _ = writeln!(
            self.out,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{:.1}\"{weight} fill=\"{}\" text-anchor=\"{}\">{}</text>",
            f.size,
            f.color,
            f.anchor,
            esc(s)
        );
    }

    /// Opens a group with attributes `attrs`.
    pub fn open(&mut self, attrs: &str) {
        let _ = writeln!(self.out, "<g {attrs}>");
    }

    /// Closes the last group.
    pub fn close(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// The finished document.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}
