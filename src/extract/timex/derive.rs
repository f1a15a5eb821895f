//! Derivation text: how a value was obtained, in words a person can check, e.g.
//! `'on Tuesday' + published Mon 2024-06-17, future ('are set to hold') → Tue 2024-06-18`.

use chrono::NaiveDate;

use super::resolve::{RefPoint, Resolved};
use super::value::{value_range, weekday_name};
use crate::model::Precision;

/// `published Mon 2024-06-17`.
pub fn anchor_text(anchor: NaiveDate) -> String {
    format!("published {} {}", weekday_name(anchor), anchor)
}

/// The result as shown: `Tue 2024-06-18` for days (with the time part), else the value.
pub fn result_text(value: &str) -> String {
    match value_range(value) {
        Some((d, _, Precision::Day)) if !value.contains("-W") => format!("{} {value}", weekday_name(d)),
        _ => value.to_string(),
    }
}

/// The anchor a relative value was counted from, for [`crate::model::Timex::anchor`].
pub fn anchor_of(r: &Resolved, anchor: Option<NaiveDate>, reference: Option<&RefPoint>) -> Option<String> {
    if !r.relative {
        return None;
    }
    if r.used_ref
        && let Some(p) = reference
    {
        return Some(format!("'{}' ({})", p.text, p.value));
    }
    anchor.map(anchor_text)
}

/// The whole derivation line for an expression written as `phrase`.
pub fn derivation(phrase: &str, r: &Resolved, anchor_desc: Option<&str>, has_anchor: bool) -> String {
    let result = result_text(&r.value);
    let how = if r.how.is_empty() { String::new() } else { format!(", {}", r.how) };
    match anchor_desc {
        Some(a) => format!("'{phrase}' + {a}{how} → {result}"),
        None if r.relative && !has_anchor => {
            format!("'{phrase}': no publication date, left unresolved → {result}")
        }
        None => format!(
            "'{phrase}'{} → {result}",
            if r.how.is_empty() { String::new() } else { format!(": {}", r.how) }
        ),
    }
}
