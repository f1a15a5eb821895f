//! The headless subcommands' work: running the pipeline with a project's edits and
//! rendering images. Kept out of `main.rs` so argument parsing stays separate.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use dateline::edits::Project;
use dateline::export::svg::{RenderOptions, Theme};
use dateline::export::{Selection, save_image};
use dateline::pipeline::{self, Output, Progress};

/// Options of `dateline render` besides paths.
pub struct RenderArgs {
    /// Pixel width.
    pub width: Option<u32>,
    /// First day shown.
    pub from: Option<String>,
    /// Last day shown.
    pub to: Option<String>,
    /// Only starred events.
    pub starred: bool,
    /// `light` or `dark`.
    pub theme: String,
    /// Title drawn at the top.
    pub title: Option<String>,
}

/// Runs the pipeline on `path` with the edits of `project` (if any); reports skipped files
/// and edits that could not be applied on stderr.
pub fn run_with_project(path: &Path, project: Option<&Path>) -> Result<Output, String> {
    let edits = match project {
        Some(p) => Project::load(p).map_err(|e| e.to_string())?.edits,
        None => Vec::new(),
    };
    let out = pipeline::run(path, &edits, &Progress::default())?;
    for s in &out.extraction.skipped {
        eprintln!("skipped {}: {}", s.path, s.reason);
    }
    for u in &out.extraction.unapplied_edits {
        eprintln!("edit not applied: {u}");
    }
    Ok(out)
}

fn parse_day(s: &Option<String>, what: &str) -> Result<Option<NaiveDate>, String> {
    s.as_deref()
        .map(|d| {
            NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                .map_err(|_| format!("--{what} “{d}” is not YYYY-MM-DD"))
        })
        .transpose()
}

/// `dateline render`: SVG or PNG by the output's extension.
pub fn render(path: &Path, output: &Path, project: Option<&Path>, args: &RenderArgs) -> ExitCode {
    match try_render(path, output, project, args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dateline: {e}");
            ExitCode::from(2)
        }
    }
}

fn try_render(path: &Path, output: &Path, project: Option<&Path>, args: &RenderArgs) -> Result<(), String> {
    let ext = output.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).unwrap_or_default();
    if ext != "svg" && ext != "png" {
        return Err(format!("{}: the output must end in .svg or .png", output.display()));
    }
    let theme =
        Theme::parse(&args.theme).ok_or_else(|| format!("unknown theme “{}” (light, dark)", args.theme))?;
    let selection = Selection {
        from: parse_day(&args.from, "from")?,
        to: parse_day(&args.to, "to")?,
        starred_only: args.starred,
        include_hidden: false,
        title: args.title.clone(),
        events: None,
    };
    let out = run_with_project(path, project)?;
    if out.extraction.articles.is_empty() {
        return Err(format!("no article could be loaded from {}", path.display()));
    }
    let opts = RenderOptions { theme, selection, ..Default::default() };
    save_image(&out.extraction, &opts, args.width, output)
}
