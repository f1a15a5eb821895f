//! Image export: the SVG is valid XML showing the event titles and the outlets, uncertain
//! dates are drawn as spans, and the PNG decodes at the requested width with the bundled fonts.

mod common;

use dateline::export::Selection;
use dateline::export::png::{render_png, svg_to_png};
use dateline::export::svg::{RenderOptions, Theme, render_svg};

fn dump(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("DATELINE_DUMP_DIR") {
        let _ = std::fs::write(std::path::Path::new(&dir).join(name), bytes);
    }
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    let img = resvg::tiny_skia::Pixmap::decode_png(bytes).expect("PNG decodes");
    (img.width(), img.height())
}

#[test]
fn svg_is_valid_xml_with_titles_axis_legend_and_footer() {
    let x = common::seed_fixture();
    let svg = render_svg(&x, &RenderOptions::default());
    dump("timeline.svg", svg.as_bytes());
    let doc = roxmltree::Document::parse(&svg).expect("valid XML");
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .map(str::to_string)
        .collect();
    let joined = texts.join(" ");
    for e in &x.events {
        assert!(joined.contains(&e.title), "title {:?} missing", e.title);
    }
    assert!(texts.iter().any(|t| t == "Events") && texts.iter().any(|t| t == "Statements"), "lanes");
    let footer = texts.iter().filter(|t| t.contains("Sources:") || t.contains("Morning Post")).count();
    assert!(footer >= 1, "footer cites outlets");
    assert!(texts.iter().any(|t| t.contains("2 outlets") || t.contains("3 outlets")), "corroboration");
    assert!(texts.iter().any(|t| t.contains("uncertain")), "uncertain date marked");
    assert!(texts.iter().any(|t| t.ends_with("2002")), "axis tick for the 2002 background fact: {texts:?}");
    assert!(texts.iter().any(|t| t.contains("Jun")), "day ticks in June 2024");
}

#[test]
fn labels_do_not_overlap() {
    let x = common::seed_fixture();
    let svg = render_svg(&x, &RenderOptions::default());
    let doc = roxmltree::Document::parse(&svg).expect("valid XML");
    // label boxes are the rects with rx=6 and a stroke
    let boxes: Vec<(f32, f32, f32, f32)> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("rect") && n.attribute("rx") == Some("6.0") && n.attribute("stroke").is_some()
        })
        .map(|n| {
            let f = |a: &str| n.attribute(a).and_then(|v| v.parse::<f32>().ok()).unwrap_or(0.0);
            (f("x"), f("y"), f("width"), f("height"))
        })
        .collect();
    assert_eq!(boxes.len(), x.events.len(), "one label per event");
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let apart = a.0 + a.2 <= b.0 || b.0 + b.2 <= a.0 || a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1;
            assert!(apart, "labels overlap: {a:?} {b:?}");
        }
    }
}

#[test]
fn png_has_the_requested_width_in_both_themes() {
    let x = common::seed_fixture();
    let png = render_png(&x, &RenderOptions::default(), 1920).expect("png");
    dump("timeline.png", &png);
    assert_eq!(png_size(&png).0, 1920);
    let img = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    let corners = [(0, 0), (img.width() - 1, img.height() - 1), (5, img.height() - 1)];
    for (cx, cy) in corners {
        assert_eq!(img.pixel(cx, cy).map(|p| p.alpha()), Some(255), "opaque background at {cx},{cy}");
    }
    let dark = RenderOptions { theme: Theme::Dark, ..Default::default() };
    let png = render_png(&x, &dark, 3000).expect("png");
    dump("timeline-dark.png", &png);
    let (w, h) = png_size(&png);
    assert_eq!(w, 3000);
    assert!(h > 600 && h < 3000, "{h}");
}

#[test]
fn text_is_drawn_with_the_bundled_fonts() {
    // a lone word in a box: if no font were found, resvg would draw nothing but the box
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"60\">\
               <text x=\"10\" y=\"40\" font-family=\"DejaVu Sans\" font-size=\"30\">Seoul</text></svg>";
    let png = svg_to_png(svg, 200).expect("png");
    let img = resvg::tiny_skia::Pixmap::decode_png(&png).expect("decodes");
    let inked = img.pixels().iter().filter(|p| p.alpha() > 128).count();
    assert!(inked > 200, "glyphs drawn: {inked} pixels");
}

#[test]
fn starred_only_and_date_range_filter_the_drawing() {
    let mut x = common::seed_fixture();
    x.events[3].starred = true;
    let starred = x.events[3].title.clone();
    let other = x.events[4].title.clone();
    let opts = RenderOptions {
        selection: Selection { starred_only: true, ..Default::default() },
        ..Default::default()
    };
    let svg = render_svg(&x, &opts);
    assert!(svg.contains(&starred) && !svg.contains(&other));
    let june = RenderOptions {
        selection: Selection {
            from: Some(common::day("2024-06-01")),
            to: Some(common::day("2024-06-30")),
            ..Default::default()
        },
        ..Default::default()
    };
    let svg = render_svg(&x, &june);
    assert!(roxmltree::Document::parse(&svg).is_ok());
    assert!(svg.contains("Putin begins two-day visit"));
    assert!(!svg.contains("The dialogue is set up"));
}

#[test]
fn hostile_titles_are_escaped_and_an_empty_timeline_still_draws() {
    let mut x = common::seed_fixture();
    x.events[0].title = "<script>&\"quotes\" \u{1} 서울".into();
    let svg = render_svg(&x, &RenderOptions::default());
    assert!(roxmltree::Document::parse(&svg).is_ok());
    x.events.clear();
    let svg = render_svg(&x, &RenderOptions::default());
    assert!(svg.contains("No dated events"));
    assert!(render_png(&x, &RenderOptions::default(), 1920).is_ok());
}

#[test]
fn the_seed_pipeline_output_renders_with_every_label_inside_the_page() {
    let x = common::seed_output().extraction;
    let svg = render_svg(&x, &RenderOptions::default());
    let doc = roxmltree::Document::parse(&svg).expect("valid XML");
    let width: f32 = doc.root_element().attribute("width").unwrap().parse().unwrap();
    let labels = doc.descendants().filter(|n| {
        n.has_tag_name("rect") && n.attribute("rx") == Some("6.0") && n.attribute("stroke").is_some()
    });
    for n in labels {
        let x0: f32 = n.attribute("x").unwrap().parse().unwrap();
        let w: f32 = n.attribute("width").unwrap().parse().unwrap();
        assert!(x0 >= 0.0 && x0 + w <= width + 0.5, "label inside the page: {x0} {w}");
    }
    let png = render_png(&x, &RenderOptions::default(), 1920).expect("png");
    dump("seeds.png", &png);
    dump("seeds.svg", svg.as_bytes());
    assert_eq!(png_size(&png).0, 1920);
}

#[test]
fn a_dense_timeline_stays_legible_and_valid() {
    let mut x = common::seed_fixture();
    let template = x.events[7].clone();
    for i in 0..1500 {
        let mut e = template.clone();
        e.id = format!("dense{i}");
        e.title = format!("Reported development number {i} in the talks");
        let d = common::day("2020-01-01") + chrono::Duration::days(i as i64);
        (e.start, e.end, e.date) = (Some(d), Some(d), d.to_string());
        e.conflicts.clear();
        x.events.push(e);
    }
    let opts = RenderOptions::default();
    let svg = render_svg(&x, &opts);
    let doc = roxmltree::Document::parse(&svg).expect("valid XML");
    let boxes = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("rect") && n.attribute("rx") == Some("6.0") && n.attribute("stroke").is_some()
        })
        .count();
    assert!(boxes > 10 && boxes <= 2 * opts.max_labels, "{boxes} labels");
    let marks = doc.descendants().filter(|n| n.has_tag_name("circle")).count();
    assert!(marks >= 1500, "every event keeps its mark: {marks}");
    assert!(render_png(&x, &opts, 1920).is_ok());
}

#[test]
fn hangul_labels_are_drawn_with_the_bundled_cjk_font() {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"60\">\
               <text x=\"10\" y=\"40\" font-family=\"DejaVu Sans\" font-size=\"30\">서울</text></svg>";
    let png = svg_to_png(svg, 200).expect("png");
    let img = resvg::tiny_skia::Pixmap::decode_png(&png).expect("decodes");
    let inked = img.pixels().iter().filter(|p| p.alpha() > 128).count();
    assert!(inked > 150, "Hangul glyphs drawn: {inked} pixels");
}
