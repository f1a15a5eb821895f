//! The TempEval-3 TIMEX3 measures: strict (same extent) and relaxed (overlapping) P/R/F1,
//! type and value F1 (attribute accuracy over relaxed matches × relaxed F1), with the DCT
//! left out, plus a list of errors to learn from.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use super::timeml::{self, TimexTag};

/// Counts over one or more documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold TIMEX3s.
    pub gold: usize,
    /// System TIMEX3s.
    pub system: usize,
    /// Pairs with exactly the same extent.
    pub strict: usize,
    /// Pairs that overlap (one-to-one).
    pub relaxed: usize,
    /// Relaxed pairs with the same type.
    pub type_ok: usize,
    /// Relaxed pairs with the same value.
    pub value_ok: usize,
}

/// Precision, recall and F1 of `hits` out of `system` and `gold`.
pub fn prf(hits: usize, system: usize, gold: usize) -> (f64, f64, f64) {
    let p = if system == 0 { 0.0 } else { hits as f64 / system as f64 };
    let r = if gold == 0 { 0.0 } else { hits as f64 / gold as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

impl Counts {
    /// Adds another document's counts.
    pub fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.type_ok += o.type_ok;
        self.value_ok += o.value_ok;
    }
    /// Strict-extent (P, R, F1).
    pub fn strict_prf(&self) -> (f64, f64, f64) {
        prf(self.strict, self.system, self.gold)
    }
    /// Relaxed (overlap) (P, R, F1).
    pub fn relaxed_prf(&self) -> (f64, f64, f64) {
        prf(self.relaxed, self.system, self.gold)
    }
    /// Type F1: type accuracy over relaxed matches × relaxed F1.
    pub fn type_f1(&self) -> f64 {
        prf(self.type_ok, self.system, self.gold).2
    }
    /// Value F1: value accuracy over relaxed matches × relaxed F1.
    pub fn value_f1(&self) -> f64 {
        prf(self.value_ok, self.system, self.gold).2
    }
    /// A one-line summary.
    pub fn summary(&self) -> String {
        let (sp, sr, sf) = self.strict_prf();
        let (rp, rr, rf) = self.relaxed_prf();
        format!(
            "gold {} system {} | strict P {sp:.3} R {sr:.3} F1 {sf:.3} | relaxed P {rp:.3} R {rr:.3} F1 {rf:.3} | type F1 {:.3} | value F1 {:.3}",
            self.gold,
            self.system,
            self.type_f1(),
            self.value_f1()
        )
    }
}

/// One disagreement between gold and system.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvalError {
    /// Document name.
    pub doc: String,
    /// `missed`, `spurious`, `extent`, `type` or `value`.
    pub kind: &'static str,
    /// The gold annotation, if any.
    pub gold: Option<TimexTag>,
    /// The system annotation, if any.
    pub system: Option<TimexTag>,
    /// A window of plain text around the expression.
    pub context: String,
}

impl EvalError {
    /// One line for a person: kind, texts and values, context.
    pub fn line(&self) -> String {
        let show = |t: &Option<TimexTag>| match t {
            Some(t) => format!(
                "'{}' {} {}{}",
                t.text,
                t.kind,
                t.value,
                t.modifier.as_ref().map(|m| format!(" mod={m}")).unwrap_or_default()
            ),
            None => "-".to_string(),
        };
        format!(
            "{:8} {} | gold {} | sys {} | …{}…",
            self.kind,
            self.doc,
            show(&self.gold),
            show(&self.system),
            self.context
        )
    }
}

fn window(plain: &str, start: usize, end: usize) -> String {
    let s = crate::model::floor_char_boundary(plain, start.saturating_sub(60));
    let e = crate::model::floor_char_boundary(plain, (end + 60).min(plain.len()));
    plain[s..e].replace('\n', " ")
}

/// Compares the TIMEX3s of one document; `plain` is the gold plain text (for contexts).
pub fn compare(
    name: &str,
    plain: &str,
    gold: &[TimexTag],
    system: &[TimexTag],
    errors: &mut Vec<EvalError>,
) -> Counts {
    let mut c = Counts { gold: gold.len(), system: system.len(), ..Default::default() };
    let mut gold_used = vec![false; gold.len()];
    for s in system {
        // Prefer the exact-extent gold, else the first overlapping unused one.
        let exact =
            gold.iter().enumerate().position(|(i, g)| !gold_used[i] && g.start == s.start && g.end == s.end);
        let overlap = exact.or_else(|| {
            gold.iter().enumerate().position(|(i, g)| !gold_used[i] && g.start < s.end && s.start < g.end)
        });
        let Some(gi) = overlap else {
            errors.push(EvalError {
                doc: name.to_string(),
                kind: "spurious",
                gold: None,
                system: Some(s.clone()),
                context: window(plain, s.start, s.end),
            });
            continue;
        };
        gold_used[gi] = true;
        let g = &gold[gi];
        c.relaxed += 1;
        let strict = g.start == s.start && g.end == s.end;
        if strict {
            c.strict += 1;
        }
        if g.kind == s.kind {
            c.type_ok += 1;
        }
        let value_ok = g.value == s.value;
        if value_ok {
            c.value_ok += 1;
        }
        let kind = if !value_ok {
            Some("value")
        } else if g.kind != s.kind {
            Some("type")
        } else if !strict {
            Some("extent")
        } else {
            None
        };
        if let Some(kind) = kind {
            errors.push(EvalError {
                doc: name.to_string(),
                kind,
                gold: Some(g.clone()),
                system: Some(s.clone()),
                context: window(plain, g.start.min(s.start), g.end.max(s.end)),
            });
        }
    }
    for (i, g) in gold.iter().enumerate() {
        if !gold_used[i] {
            errors.push(EvalError {
                doc: name.to_string(),
                kind: "missed",
                gold: Some(g.clone()),
                system: None,
                context: window(plain, g.start, g.end),
            });
        }
    }
    c
}

/// Result of evaluating a system directory against a gold directory.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Totals over all documents.
    pub total: Counts,
    /// Per-document counts.
    pub per_doc: BTreeMap<String, Counts>,
    /// Every error, in document order.
    pub errors: Vec<EvalError>,
    /// Gold documents without a system file.
    pub missing: Vec<String>,
}

impl Report {
    /// The report as text: totals, then the error list.
    pub fn render(&self, with_errors: bool) -> String {
        let mut s = String::new();
        let _ =
            writeln!(s, "documents {} (missing system files: {})", self.per_doc.len(), self.missing.len());
        let _ = writeln!(s, "{}", self.total.summary());
        if with_errors {
            let _ = writeln!(s, "\nerrors ({}):", self.errors.len());
            for e in &self.errors {
                let _ = writeln!(s, "{}", e.line());
            }
        }
        s
    }
}

/// Evaluates one gold document against one system document (both TimeML text).
pub fn evaluate_pair(name: &str, gold: &str, system: &str, report: &mut Report) -> Result<(), String> {
    let g = timeml::parse(gold).map_err(|e| format!("gold {name}: {e}"))?;
    let s = timeml::parse(system).map_err(|e| format!("system {name}: {e}"))?;
    let c = compare(name, &g.plain, &g.timexes, &s.timexes, &mut report.errors);
    report.total.add(&c);
    report.per_doc.insert(name.to_string(), c);
    Ok(())
}

/// Evaluates every `.tml` file of `gold_dir` against the same-named file of `system_dir`.
pub fn evaluate_dirs(gold_dir: &Path, system_dir: &Path) -> Result<Report, String> {
    let mut names: Vec<_> = std::fs::read_dir(gold_dir)
        .map_err(|e| format!("cannot read {}: {e}", gold_dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    names.sort();
    let mut report = Report::default();
    for gold_path in names {
        let name = timeml::output_name(&gold_path);
        let sys_path = system_dir.join(&name);
        let Ok(system) = std::fs::read(&sys_path) else {
            report.missing.push(name);
            continue;
        };
        let gold =
            std::fs::read(&gold_path).map_err(|e| format!("cannot read {}: {e}", gold_path.display()))?;
        evaluate_pair(
            &name,
            &String::from_utf8_lossy(&gold),
            &String::from_utf8_lossy(&system),
            &mut report,
        )?;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(start: usize, end: usize, kind: &str, value: &str) -> TimexTag {
        TimexTag {
            start,
            end,
            text: String::new(),
            tid: String::new(),
            kind: kind.into(),
            value: value.into(),
            modifier: None,
        }
    }

    #[test]
    fn strict_relaxed_and_value_counts() {
        let gold = [tag(0, 10, "DATE", "1998"), tag(20, 30, "DURATION", "P1Y"), tag(40, 45, "DATE", "X")];
        let sys = [tag(0, 10, "DATE", "1998"), tag(22, 30, "DURATION", "P2Y"), tag(50, 55, "DATE", "Y")];
        let mut errors = Vec::new();
        let c = compare("d", &" ".repeat(60), &gold, &sys, &mut errors);
        assert_eq!((c.strict, c.relaxed, c.type_ok, c.value_ok), (1, 2, 2, 1));
        assert!((c.relaxed_prf().2 - 2.0 / 3.0).abs() < 1e-9);
        assert!((c.value_f1() - 1.0 / 3.0).abs() < 1e-9);
        let kinds: Vec<_> = errors.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, ["value", "spurious", "missed"]);
    }
}
