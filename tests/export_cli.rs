//! The headless commands end to end on the seeds, with no display: `render` writes SVG and
//! PNG at the asked width, `extract --format … --project …` applies edits and writes the format.

use std::path::Path;
use std::process::Command;

use dateline::edits::{Edit, Project};

fn dateline() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    c.env_remove("DISPLAY").env_remove("WAYLAND_DISPLAY").current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn seeds() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds").to_string_lossy().into_owned()
}

#[test]
fn render_writes_svg_and_png_without_a_display() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("t.svg");
    let png = dir.path().join("t.png");
    let st = dateline().args(["render", &seeds(), "-o"]).arg(&svg).status().unwrap();
    assert!(st.success());
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(roxmltree::Document::parse(&text).is_ok());
    let st = dateline()
        .args(["render", &seeds(), "--width", "3000", "--theme", "dark", "-o"])
        .arg(&png)
        .status()
        .unwrap();
    assert!(st.success());
    let img = resvg::tiny_skia::Pixmap::decode_png(&std::fs::read(&png).unwrap()).unwrap();
    assert_eq!(img.width(), 3000);
    let bad = dateline().args(["render", &seeds(), "-o"]).arg(dir.path().join("t.gif")).output().unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains(".svg or .png"));
}

#[test]
fn extract_applies_a_project_and_writes_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let first = dateline().args(["extract", &seeds()]).output().unwrap();
    let x: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    let article = x["articles"][0]["id"].as_str().unwrap().to_string();
    let mut edits = vec![
        Edit::SetPublished { article: article.clone(), date: "2024-06-17".into() },
        Edit::StarEvent { event: "vanished-event".into() },
    ];
    if let Some(ev) = x["events"].as_array().and_then(|e| e.first()) {
        edits.push(Edit::HideEvent { event: ev["id"].as_str().unwrap().into() });
    }
    let project = dir.path().join("p.json");
    Project { version: 1, corpus: seeds(), edits }.save(&project).unwrap();
    let out = dateline().args(["extract", &seeds(), "--project"]).arg(&project).output().unwrap();
    assert!(out.status.success());
    let y: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = y["articles"].as_array().unwrap().iter().find(|a| a["id"] == article.as_str()).unwrap();
    assert_eq!(
        (a["published"].as_str(), a["published_status"].as_str()),
        (Some("2024-06-17"), Some("edited"))
    );
    assert!(y["unapplied_edits"][0].as_str().unwrap().contains("vanished-event"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("edit not applied"));
    for (format, check) in
        [("csv", "date,date_label"), ("markdown", "## Conflicts"), ("timelinejs", "\"events\"")]
    {
        let file = dir.path().join(format!("out.{format}"));
        let st = dateline()
            .args(["extract", &seeds(), "--format", format, "--project"])
            .arg(&project)
            .arg("-o")
            .arg(&file)
            .status()
            .unwrap();
        assert!(st.success(), "{format}");
        assert!(std::fs::read_to_string(&file).unwrap().contains(check), "{format}");
    }
    let corrupt = dir.path().join("bad.json");
    std::fs::write(&corrupt, "{").unwrap();
    let out = dateline().args(["extract", &seeds(), "--project"]).arg(&corrupt).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a readable Dateline project"));
}
