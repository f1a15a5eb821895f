//! Exports: data for other tools and images for reports. Every export carries citations.

use crate::model::Extraction;

/// Writes the extraction as the `dateline extract` JSON contract (see `docs/JSON.md`).
pub fn to_json(x: &Extraction) -> String {
    serde_json::to_string_pretty(x).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
