//! The `dateline extract` JSON contract (see `docs/JSON.md`).

use crate::model::Extraction;

/// Writes the extraction as the `dateline extract` JSON contract. Hidden events stay in,
/// flagged `"hidden": true`, so no user decision is lost.
pub fn to_json(x: &Extraction) -> String {
    serde_json::to_string_pretty(x).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
