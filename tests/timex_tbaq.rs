//! Regression over TempEval-3 TBAQ (TimeBank and AQUAINT): tags every document with the
//! engine and scores it with the TempEval-3 measures. Skips when the data is absent.
//!
//! The floors are the figures reached so far (see docs/BENCHMARKS.md, "## Timex") minus a
//! small margin, so a change that makes tagging worse fails here. The project's target
//! (value and strict F1 ≥ 0.88 on each corpus) is checked by the ignored test below.

use std::path::{Path, PathBuf};

use dateline::eval::timeml;
use dateline::eval::timex_eval::{Counts, Report, compare};

/// `../shared/data/…` next to the repository (a worktree one level deeper also works).
fn corpus(name: &str) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"]
        .iter()
        .map(|s| root.join(s).join("data/tempeval3-train/TBAQ-cleaned").join(name))
        .find(|d| d.is_dir())
}

/// Tags every gold file (its own TIMEX3s removed) and compares with the gold.
fn score(dir: &Path) -> Counts {
    let mut report = Report::default();
    let mut files: Vec<_> =
        std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    for path in files {
        let raw = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let gold = timeml::parse(&raw).unwrap();
        let written = timeml::write(&gold, &timeml::tag_doc(&gold));
        let system = timeml::parse(&written).unwrap();
        assert_eq!(system.plain, gold.plain, "{}: writing changed the text", path.display());
        let c = compare("doc", &gold.plain, &gold.timexes, &system.timexes, &mut report.errors);
        report.total.add(&c);
    }
    report.total
}

fn check(name: &str, floors: (f64, f64)) -> Option<Counts> {
    let Some(dir) = corpus(name) else {
        eprintln!("TBAQ {name} not found under ../shared/data: skipping");
        return None;
    };
    let c = score(&dir);
    eprintln!("{name}: {}", c.summary());
    let (strict, value) = (c.strict_prf().2, c.value_f1());
    assert!(strict >= floors.0, "{name}: strict F1 {strict:.3} fell below {:.3}", floors.0);
    assert!(value >= floors.1, "{name}: value F1 {value:.3} fell below {:.3}", floors.1);
    Some(c)
}

#[test]
fn timebank_scores_hold() {
    check("TimeBank", (0.900, 0.831));
}

#[test]
fn aquaint_scores_hold() {
    check("AQUAINT", (0.866, 0.784));
}

#[test]
#[ignore = "the 0.88 target is not reached yet; run with --ignored to see the gap"]
fn tbaq_meets_the_target() {
    for name in ["TimeBank", "AQUAINT"] {
        check(name, (0.88, 0.88));
    }
}
