//! Regression check on PolNeAR dev (`../shared/data/polnear/dev`): direct-quote F1 ≥ 0.90
//! and speaker accuracy ≥ 0.92. Skipped, with a message, where the data is absent.

use std::path::Path;

use dateline::eval::quotes_eval::evaluate;

#[test]
fn polnear_dev_quote_f1_and_speaker_accuracy() {
    // The repository sits next to `shared/` (a git worktree may sit one level deeper).
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dev = ["../shared", "../../shared"]
        .iter()
        .map(|s| root.join(s).join("data/polnear/dev"))
        .find(|p| p.join("text").is_dir())
        .unwrap_or_else(|| root.join("../shared/data/polnear/dev"));
    if !dev.join("text").is_dir() {
        eprintln!("SKIP polnear_dev: {} not found (PolNeAR is not part of the repository)", dev.display());
        return;
    }
    let scores = evaluate(&dev).expect("PolNeAR dev readable");
    eprintln!("{scores}");
    assert!(scores.files >= 80, "expected the 84 dev articles, read {}", scores.files);
    assert!(scores.gold >= 300, "gold direct quotes: {}", scores.gold);
    assert!(scores.f1() >= 0.90, "quote F1 {:.3} < 0.90\n{scores}", scores.f1());
    assert!(
        scores.speaker_accuracy() >= 0.92,
        "speaker accuracy {:.3} < 0.92\n{scores}",
        scores.speaker_accuracy()
    );
}
