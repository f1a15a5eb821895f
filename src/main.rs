//! `dateline`: the desktop app and its command-line tools.
//!
//! `dateline [PATH]` opens the app (default: the bundled `seeds/`); the subcommands run the
//! pipeline headless. All real work lives in the library; this file only parses arguments.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod headless;

/// mimalloc: the pipeline makes many small short-lived allocations (tokens, keywords,
/// profiles) across threads, where it is measurably faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turn a folder of news articles into an evidence-linked timeline.
#[derive(Parser, Debug)]
#[command(name = "dateline", version, about)]
struct Cli {
    /// Folder (or file) of articles to open in the app. Default: the bundled seeds.
    path: Option<PathBuf>,
    /// Take an in-app screenshot after the first full frame, write it as PNG and exit.
    #[arg(long, value_name = "FILE.png")]
    screenshot_to: Option<PathBuf>,
    /// Export the current view through the app's "Export image of current view…" (2× where
    /// the window can grow) after the first full frame, then exit.
    #[arg(long, value_name = "FILE.png", conflicts_with = "screenshot_to")]
    export_view_to: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract the timeline from PATH and write it (JSON by default) to stdout or -o FILE.
    Extract {
        /// Folder or file of articles.
        path: PathBuf,
        /// Output file (stdout when absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Project file whose edits are applied.
        #[arg(long)]
        project: Option<PathBuf>,
        /// Output format: json, csv, timelinejs or markdown.
        #[arg(long, default_value = "json")]
        format: String,
    },
    /// Draw the timeline of PATH as an image (SVG or PNG, by the extension of -o); no display needed.
    Render {
        /// Folder or file of articles.
        path: PathBuf,
        /// Output image: FILE.svg or FILE.png.
        #[arg(short, long)]
        output: PathBuf,
        /// Width in pixels (PNG default 1920; SVG default 1600).
        #[arg(long)]
        width: Option<u32>,
        /// First day shown (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Last day shown (YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
        /// Only starred events.
        #[arg(long)]
        starred: bool,
        /// Project file whose edits are applied.
        #[arg(long)]
        project: Option<PathBuf>,
        /// light or dark.
        #[arg(long, default_value = "light")]
        theme: String,
        /// Title drawn at the top (default: "News timeline").
        #[arg(long)]
        title: Option<String>,
    },
    /// Tag TempEval-3 TimeML files with TIMEX3s and write them to OUTDIR.
    Timeml {
        /// Input `.tml` files.
        inputs: Vec<PathBuf>,
        /// Output folder.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Evaluate system output against gold data.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
}

#[derive(Subcommand, Debug)]
enum EvalCommand {
    /// Direct quotes and speakers against a PolNeAR split folder (`…/polnear/dev`).
    Quotes {
        /// The split folder (with `text/` and `attributions/`).
        split_dir: PathBuf,
    },
    /// TempEval-3 TIMEX3 measures of SYSTEM_DIR against GOLD_DIR, with the error list.
    Timex {
        /// Gold TimeML folder.
        gold: PathBuf,
        /// System TimeML folder.
        system: PathBuf,
        /// Print only the totals.
        #[arg(long)]
        quiet: bool,
    },
}

/// The bundled seed corpus: `seeds/` next to the executable's crate, or in the working directory.
fn default_corpus() -> PathBuf {
    let here = Path::new("seeds");
    if here.is_dir() {
        return here.to_path_buf();
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Turns transparent huge pages off for this process. The pipeline's heap grows in many
/// small steps; with huge pages every step touching a new 2 MB region has the kernel zero
/// all of it, which cost 8-10% of the CPU of `dateline extract` on the Reuters folder (one
/// core: 6.2 -> 5.7 s). Other programs and the system setting are not affected.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integer arguments and only sets a flag of this
    // process; a failure (an old kernel) leaves huge pages as they were.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    no_huge_pages();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Extract { path, output, project, format }) => {
            extract(&path, output.as_deref(), project.as_deref(), &format)
        }
        Some(Command::Render { path, output, width, from, to, starred, project, theme, title }) => {
            let args = headless::RenderArgs { width, from, to, starred, theme, title };
            headless::render(&path, &output, project.as_deref(), &args)
        }
        Some(Command::Eval { what: EvalCommand::Quotes { split_dir } }) => eval_quotes(&split_dir),
        Some(Command::Timeml { inputs, output }) => timeml(&inputs, &output),
        Some(Command::Eval { what: EvalCommand::Timex { gold, system, quiet } }) => {
            eval_timex(&gold, &system, quiet)
        }
        None => run_app(cli.path.unwrap_or_else(default_corpus), cli.screenshot_to, cli.export_view_to),
    }
}

fn timeml(inputs: &[PathBuf], outdir: &Path) -> ExitCode {
    match dateline::eval::timeml::tag_files(inputs, outdir) {
        Ok(n) => {
            eprintln!("wrote {n} file(s) to {}", outdir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dateline: {e}");
            ExitCode::from(2)
        }
    }
}

fn eval_timex(gold: &Path, system: &Path, quiet: bool) -> ExitCode {
    match dateline::eval::timex_eval::evaluate_dirs(gold, system) {
        Ok(report) => {
            print!("{}", report.render(!quiet));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dateline: {e}");
            ExitCode::from(2)
        }
    }
}

fn extract(path: &Path, output: Option<&Path>, project: Option<&Path>, format: &str) -> ExitCode {
    let Some(format) = dateline::export::Format::parse(format) else {
        eprintln!("dateline: unknown format “{format}” (json, csv, timelinejs, markdown)");
        return ExitCode::from(2);
    };
    let out = match headless::run_with_project(path, project) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("dateline: {e}");
            return ExitCode::from(2);
        }
    };
    let clock = std::time::Instant::now();
    let all = dateline::export::Selection::default();
    let written = match output {
        Some(o) => dateline::export::save_data(&out.extraction, format, &all, o),
        None => dateline::export::print_data(&out.extraction, format, &all),
    };
    dateline::pipeline::report_time("writing", clock);
    if let Err(e) = written {
        eprintln!("dateline: {e}");
        return ExitCode::from(2);
    }
    let loaded = !out.extraction.articles.is_empty();
    // The process ends now: freeing the model's millions of allocations one by one would
    // only cost time (about 0.2 s for 19,043 Reuters stories). The system reclaims it all.
    std::mem::forget(out);
    if !loaded {
        eprintln!("dateline: no article could be loaded from {}", path.display());
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

fn eval_quotes(split_dir: &Path) -> ExitCode {
    match dateline::eval::quotes_eval::evaluate(split_dir) {
        Ok(scores) => {
            if std::env::var_os("DATELINE_EVAL_ERRORS").is_some() {
                for e in &scores.errors {
                    println!("{e}");
                }
            }
            println!("{scores}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dateline: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(feature = "gui")]
fn run_app(path: PathBuf, screenshot_to: Option<PathBuf>, export_view_to: Option<PathBuf>) -> ExitCode {
    use dateline::ui::Shot;
    let shot = screenshot_to.map(Shot::Window).or(export_view_to.map(Shot::ExportView));
    match dateline::ui::run(path, shot) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dateline: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn run_app(_path: PathBuf, _screenshot_to: Option<PathBuf>, _export_view_to: Option<PathBuf>) -> ExitCode {
    eprintln!("dateline: built without the `gui` feature; use `dateline extract PATH`");
    ExitCode::from(2)
}
