//! Lanes and items: the visible events (or articles) turned into plain rows the painter
//! draws, built once per filter/lane change and sorted by start day.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{EventKind, Extraction, Precision};
use crate::ui::view_model::{ModelIndex, day_x};

/// How the timeline is split into lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LaneMode {
    /// Events and statements.
    Kind,
    /// One lane per person/organisation taking part.
    Entity,
    /// One lane per reporting outlet.
    Outlet,
    /// One lane per quoted speaker (the events their quotes support).
    Speaker,
}

impl LaneMode {
    /// All modes, for the selector.
    pub const ALL: [LaneMode; 4] = [LaneMode::Kind, LaneMode::Entity, LaneMode::Outlet, LaneMode::Speaker];
    /// Label for the selector.
    pub fn label(self) -> &'static str {
        match self {
            LaneMode::Kind => "by kind",
            LaneMode::Entity => "by person/org",
            LaneMode::Outlet => "by outlet",
            LaneMode::Speaker => "by speaker",
        }
    }
}

/// Most named lanes; the rest share an "others" lane.
const MAX_LANES: usize = 10;

/// One mark on the timeline (an event, or an article when there are no events).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    /// First day (axis units: days since 1970).
    pub x0: f64,
    /// Day after the last day covered.
    pub x1: f64,
    /// Lane index (0 = top).
    pub lane: u16,
    /// Index into `events` (or `articles`).
    pub idx: u32,
    /// Corroboration: distinct outlets.
    pub weight: u16,
    /// Month/year precision or a low-confidence date: drawn as a soft span.
    pub soft: bool,
    /// A precise multi-day range: drawn as a bar.
    pub range: bool,
    /// Involved in a conflict.
    pub conflict: bool,
    /// Starred.
    pub starred: bool,
    /// A statement (not a happening).
    pub statement: bool,
    /// An article standing in for events.
    pub article: bool,
}

/// The lanes and their items, sorted by `x0`.
#[derive(Clone, Debug, Default)]
pub struct Lanes {
    /// Lane names, top to bottom.
    pub names: Vec<String>,
    /// Items sorted by `x0` (an event may appear in several lanes).
    pub items: Vec<Item>,
    /// Start days of the distinct visible entries, sorted (density strip).
    pub starts: Vec<f64>,
    /// Longest `x1 - x0`, to widen visibility searches to the left.
    pub max_len: f64,
    /// Height of each lane in plot units (they add up to the number of lanes): sized by
    /// how many items the lane holds, so a nearly empty lane does not take half the plot.
    pub heights: Vec<f64>,
}

impl Lanes {
    /// Total height of the lanes in plot units; the plot shows y from `-total` to 0.
    pub fn total_height(&self) -> f64 {
        self.heights.iter().sum::<f64>().max(1.0)
    }

    /// The plot-y band of `lane`: (bottom, top); lane 0 is at the top, y grows upward.
    pub fn band(&self, lane: u16) -> (f64, f64) {
        let k = (lane as usize).min(self.heights.len());
        let top = -self.heights[..k].iter().sum::<f64>();
        (top - self.heights.get(k).copied().unwrap_or(1.0), top)
    }

    /// The plot-y centre line of `lane`, where its markers sit.
    pub fn center(&self, lane: u16) -> f64 {
        let (lo, hi) = self.band(lane);
        (lo + hi) / 2.0
    }
}

/// Smallest lane, as a share of the fullest lane's height: room for a marker and a label.
const MIN_LANE_SHARE: f64 = 0.25;

/// Lane heights from the number of items in each: proportional to the square root of the
/// count (a lane with four times the items gets twice the room for its labels), at least
/// [`MIN_LANE_SHARE`] of the fullest lane, scaled to add up to the number of lanes.
pub fn lane_heights(counts: &[usize]) -> Vec<f64> {
    let raw: Vec<f64> = counts.iter().map(|&n| (n as f64).sqrt()).collect();
    let top = raw.iter().copied().fold(0.0, f64::max);
    if top <= 0.0 {
        return vec![1.0; counts.len()];
    }
    let raw: Vec<f64> = raw.into_iter().map(|h| h.max(top * MIN_LANE_SHARE)).collect();
    let sum: f64 = raw.iter().sum();
    raw.into_iter().map(|h| h * counts.len() as f64 / sum).collect()
}

/// Below this confidence an event's date is drawn as uncertain.
pub const LOW_CONFIDENCE: f32 = 0.5;

/// Builds lanes for `visible` events (or articles when the model has none).
pub fn build(m: &Extraction, ix: &ModelIndex, visible: &[usize], mode: LaneMode) -> Lanes {
    let mut lanes =
        if m.events.is_empty() { article_lanes(m, visible, mode) } else { event_lanes(m, ix, visible, mode) };
    lanes.items.sort_by(|a, b| a.x0.total_cmp(&b.x0).then(a.lane.cmp(&b.lane)));
    lanes.starts.sort_by(f64::total_cmp);
    lanes.max_len = lanes.items.iter().map(|i| i.x1 - i.x0).fold(1.0, f64::max);
    let mut counts = vec![0usize; lanes.names.len().max(1)];
    for it in &lanes.items {
        if let Some(c) = counts.get_mut(it.lane as usize) {
            *c += 1;
        }
    }
    lanes.heights = lane_heights(&counts);
    lanes
}

/// Picks up to MAX_LANES most frequent keys as lanes (+ "others" when needed).
fn top_keys<'a>(keys: impl Iterator<Item = &'a str>) -> (Vec<String>, HashMap<String, u16>) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for k in keys {
        *counts.entry(k).or_default() += 1;
    }
    let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let names: Vec<String> = v.iter().take(MAX_LANES).map(|(k, _)| k.to_string()).collect();
    let map = names.iter().enumerate().map(|(i, n)| (n.clone(), i as u16)).collect();
    (names, map)
}

fn event_lanes(m: &Extraction, ix: &ModelIndex, visible: &[usize], mode: LaneMode) -> Lanes {
    let mut out = Lanes::default();
    let keys_of = |i: usize| -> Vec<String> {
        let e = &m.events[i];
        match mode {
            LaneMode::Kind => vec![],
            LaneMode::Entity => e
                .entities
                .iter()
                .filter_map(|id| ix.entity_by_id.get(id))
                .map(|&k| m.entities[k].name.clone())
                .collect(),
            LaneMode::Outlet => ix.event_outlets[i].clone(),
            LaneMode::Speaker => ix.event_speakers[i].clone(),
        }
    };
    let (names, map) = if mode == LaneMode::Kind {
        let names = vec!["Events".to_string(), "Statements".to_string()];
        (names, HashMap::new())
    } else {
        let all: Vec<Vec<String>> = visible.iter().map(|&i| keys_of(i)).collect();
        top_keys(all.iter().flatten().map(String::as_str))
    };
    out.names = names;
    let others = out.names.len() as u16;
    let mut need_others = false;
    let other_label = match mode {
        LaneMode::Speaker => "(no quote)",
        LaneMode::Entity => "(others)",
        _ => "(other outlets)",
    };
    for &i in visible {
        let e = &m.events[i];
        let Some(s) = e.start else { continue };
        let end = e.end.unwrap_or(s).max(s);
        let prec = e.precision.unwrap_or(Precision::Day);
        let coarse = !matches!(prec, Precision::Day);
        let low = e.confidence > 0.0 && e.confidence < LOW_CONFIDENCE;
        let base = Item {
            x0: day_x(s),
            x1: day_x(end) + 1.0,
            lane: 0,
            idx: i as u32,
            weight: ix.event_outlets[i].len().max(1).min(u16::MAX as usize) as u16,
            soft: coarse || low,
            range: !coarse && end > s,
            conflict: !e.conflicts.is_empty(),
            starred: e.starred,
            statement: e.kind == EventKind::Statement,
            article: false,
        };
        out.starts.push(base.x0);
        if mode == LaneMode::Kind {
            out.items.push(Item { lane: u16::from(base.statement), ..base });
            continue;
        }
        let mut lanes: Vec<u16> = keys_of(i).iter().filter_map(|k| map.get(k).copied()).collect();
        lanes.sort_unstable();
        lanes.dedup();
        if lanes.is_empty() {
            need_others = true;
            lanes.push(others);
        }
        out.items.extend(lanes.into_iter().map(|lane| Item { lane, ..base }));
    }
    if need_others {
        out.names.push(other_label.to_string());
    }
    out
}

fn article_lanes(m: &Extraction, visible: &[usize], mode: LaneMode) -> Lanes {
    let mut out = Lanes::default();
    let by_outlet = mode == LaneMode::Outlet;
    let map = if by_outlet {
        let (names, map) = top_keys(visible.iter().filter_map(|&i| m.articles[i].source.as_deref()));
        out.names = names;
        map
    } else {
        out.names = vec!["Articles (by publication date)".to_string()];
        HashMap::new()
    };
    let others = out.names.len() as u16;
    let mut need_others = false;
    for &i in visible {
        let a = &m.articles[i];
        let Some(d) = a.published else { continue };
        let lane = if by_outlet {
            a.source.as_ref().and_then(|s| map.get(s).copied()).unwrap_or_else(|| {
                need_others = true;
                others
            })
        } else {
            0
        };
        let x0 = day_x(d);
        out.starts.push(x0);
        out.items.push(Item {
            x0,
            x1: x0 + 1.0,
            lane,
            idx: i as u32,
            weight: 1,
            soft: !matches!(
                a.published_status,
                crate::model::DateStatus::Stated | crate::model::DateStatus::Edited
            ),
            range: false,
            conflict: false,
            starred: false,
            statement: false,
            article: true,
        });
    }
    if need_others {
        out.names.push("(other outlets)".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nearly_empty_lane_gets_a_small_share_not_half() {
        let h = lane_heights(&[40, 2]);
        assert!((h.iter().sum::<f64>() - 2.0).abs() < 1e-9, "heights add up to the lane count");
        assert!(h[1] / (h[0] + h[1]) < 0.25, "2 of 42 items get under a quarter: {h:?}");
        assert!(h[1] >= h[0] * MIN_LANE_SHARE - 1e-9, "but keep the minimum: {h:?}");
    }

    #[test]
    fn equal_lanes_stay_equal_and_empty_lanes_keep_the_minimum() {
        assert_eq!(lane_heights(&[5, 5, 5]), vec![1.0, 1.0, 1.0]);
        assert_eq!(lane_heights(&[0, 0]), vec![1.0, 1.0]);
        let h = lane_heights(&[16, 0]);
        assert!((h[1] / h[0] - MIN_LANE_SHARE).abs() < 1e-9, "{h:?}");
    }

    #[test]
    fn bands_stack_from_the_top_without_gaps() {
        let lanes =
            Lanes { heights: lane_heights(&[9, 1, 4]), names: vec![String::new(); 3], ..Lanes::default() };
        let (b0, t0) = lanes.band(0);
        let (b1, t1) = lanes.band(1);
        let (b2, t2) = lanes.band(2);
        assert_eq!(t0, 0.0);
        assert!((b0 - t1).abs() < 1e-12 && (b1 - t2).abs() < 1e-12, "adjacent");
        assert!((b2 + lanes.total_height()).abs() < 1e-9, "the last ends at -total");
        assert!(lanes.center(0) > lanes.center(1) && lanes.center(1) > lanes.center(2));
    }
}
