//! Event labels that do not collide: text measured with the bundled fonts, then placed in
//! rows above the lane so no two labels overlap.

use resvg::usvg;

use super::super::fonts;
use super::writer::esc;

/// Widths (px) of `(text, size, bold)` items, measured by laying them out with the bundled
/// fonts; falls back to a generous estimate if layout fails.
pub fn measure(items: &[(String, f32, bool)]) -> Vec<f32> {
    let estimate = |(t, size, bold): &(String, f32, bool)| {
        t.chars().map(|c| if c.is_ascii() { 0.62 } else { 1.0 }).sum::<f32>()
            * size
            * if *bold { 1.08 } else { 1.0 }
    };
    if items.is_empty() {
        return Vec::new();
    }
    let mut doc = String::from("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">");
    for (i, (t, size, bold)) in items.iter().enumerate() {
        let w = if *bold { " font-weight=\"bold\"" } else { "" };
        doc.push_str(&format!(
            "<text id=\"m{i}\" x=\"0\" y=\"50\" font-family=\"{}\" font-size=\"{size}\"{w}>{}</text>",
            fonts::FAMILY,
            esc(t)
        ));
    }
    doc.push_str("</svg>");
    let Ok(tree) = usvg::Tree::from_str(&doc, &fonts::options()) else {
        return items.iter().map(estimate).collect();
    };
    items
        .iter()
        .enumerate()
        .map(|(i, it)| match tree.node_by_id(&format!("m{i}")) {
            Some(n) => {
                let b = n.abs_bounding_box();
                b.right().max(b.width())
            }
            None if it.0.trim().is_empty() => 0.0,
            None => estimate(it),
        })
        .collect()
}

/// A label to place: its anchor x (the marker) and its width.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    /// The marker's x.
    pub x: f32,
    /// Label width including padding.
    pub width: f32,
    /// Placement priority (higher is placed first when rows run out).
    pub priority: f32,
}

/// Where a label went: row (0 = nearest the lane line) and its left edge.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Row index.
    pub row: usize,
    /// Left edge of the label box.
    pub left: f32,
}

/// Places labels in the lowest row where they fit, highest priority first. A label starts
/// just left of its marker, or, when that collides, ends just right of it (so crowded right
/// edges borrow empty space on the left); it is shifted to stay inside `x_min..x_max`. At most
/// `max_rows` rows and `max_labels` labels; unplaced labels get `None` (the marker is still drawn).
pub fn place(
    slots: &[Slot],
    x_min: f32,
    x_max: f32,
    max_rows: usize,
    max_labels: usize,
) -> Vec<Option<Placed>> {
    let gap = 10.0;
    let mut chosen: Vec<usize> = (0..slots.len()).collect();
    chosen.sort_by(|&a, &b| slots[b].priority.total_cmp(&slots[a].priority).then(a.cmp(&b)));
    chosen.truncate(max_labels);
    let mut result = vec![None; slots.len()];
    let mut rows: Vec<Vec<(f32, f32)>> = Vec::new();
    for &i in chosen.iter() {
        let s = &slots[i];
        let w = s.width.min(x_max - x_min);
        let starts = [(s.x - 6.0).min(x_max - w).max(x_min), (s.x + 6.0 - w).min(x_max - w).max(x_min)];
        let free = |row: &Vec<(f32, f32)>, left: f32| {
            row.iter().all(|&(a, b)| left + w + gap <= a || left >= b + gap)
        };
        let mut spot = None;
        for (r, row) in rows.iter().enumerate() {
            if let Some(&left) = starts.iter().find(|&&l| free(row, l)) {
                spot = Some((r, left));
                break;
            }
        }
        let (r, left) = match spot {
            Some(x) => x,
            None if rows.len() < max_rows => {
                rows.push(Vec::new());
                (rows.len() - 1, starts[0])
            }
            None => continue,
        };
        rows[r].push((left, left + w));
        result[i] = Some(Placed { row: r, left });
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider_and_bold_is_wider() {
        let w = measure(&[
            ("Putin".into(), 16.0, false),
            ("Putin visits Pyongyang".into(), 16.0, false),
            ("Putin visits Pyongyang".into(), 16.0, true),
        ]);
        assert!(w[0] > 20.0 && w[0] < w[1] && w[1] < w[2], "{w:?}");
    }

    #[test]
    fn overlapping_labels_go_to_different_rows() {
        let slots: Vec<Slot> =
            [100.0, 120.0, 400.0, 130.0].iter().map(|&x| Slot { x, width: 200.0, priority: 1.0 }).collect();
        let p = place(&slots, 0.0, 1000.0, 5, 10);
        let rows: Vec<usize> = p.iter().map(|p| p.unwrap().row).collect();
        assert_eq!(rows[2], 0);
        let mut close = vec![rows[0], rows[1], rows[3]];
        close.sort();
        close.dedup();
        assert_eq!(close.len(), 3, "{rows:?}");
    }

    #[test]
    fn labels_that_do_not_fit_are_dropped_by_priority() {
        let slots: Vec<Slot> = (0..4).map(|i| Slot { x: 100.0, width: 300.0, priority: i as f32 }).collect();
        let p = place(&slots, 0.0, 1000.0, 2, 10);
        assert!(p[0].is_none() && p[1].is_none());
        assert!(p[2].is_some() && p[3].is_some());
        let p = place(&slots, 0.0, 1000.0, 2, 1);
        assert!(p[3].is_some() && p[2].is_none());
    }
}
