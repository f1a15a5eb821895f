//! The file dialogs, behind a trait so tests can inject a fake and the window never blocks.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

/// Asks the user for a folder. The answer arrives on the returned channel (`None`: cancelled),
/// so a native dialog can run on its own thread while the window keeps drawing.
pub trait FolderPicker: Send {
    /// Starts asking; the answer comes later on the receiver.
    fn pick_folder(&mut self) -> Receiver<Option<PathBuf>>;
    /// Asks for a project file to open (`save == false`) or to save to (`save == true`).
    fn pick_project(&mut self, save: bool) -> Receiver<Option<PathBuf>>;
    /// Asks where to save a file (exports), starting in `req.directory`.
    fn pick_save_file(&mut self, req: SaveRequest) -> Receiver<Option<PathBuf>>;
}

/// What a "save as" dialog proposes: title, file name, file types and starting folder.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SaveRequest {
    /// Dialog title.
    pub title: String,
    /// Proposed file name.
    pub file_name: String,
    /// File-type filter name (e.g. "CSV").
    pub filter_name: String,
    /// Extensions the filter accepts, without dots.
    pub extensions: Vec<String>,
    /// Folder the dialog starts in.
    pub directory: Option<PathBuf>,
}

/// The native dialog (rfd: xdg portal, falling back to zenity).
#[derive(Debug, Default)]
pub struct NativePicker;

impl FolderPicker for NativePicker {
    fn pick_folder(&mut self) -> Receiver<Option<PathBuf>> {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let picked = rfd::FileDialog::new().set_title("Open a folder of articles").pick_folder();
            let _ = tx.send(picked);
        });
        rx
    }

    fn pick_project(&mut self, save: bool) -> Receiver<Option<PathBuf>> {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let d = rfd::FileDialog::new().add_filter("Dateline project", &["json"]);
            let picked = if save {
                d.set_title("Save project as").set_file_name("project.dateline.json").save_file()
            } else {
                d.set_title("Open project").pick_file()
            };
            let _ = tx.send(picked);
        });
        rx
    }

    fn pick_save_file(&mut self, req: SaveRequest) -> Receiver<Option<PathBuf>> {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut d =
                rfd::FileDialog::new().set_title(req.title.as_str()).set_file_name(req.file_name.as_str());
            if !req.extensions.is_empty() {
                d = d.add_filter(req.filter_name.as_str(), &req.extensions);
            }
            if let Some(dir) = &req.directory {
                d = d.set_directory(dir);
            }
            let _ = tx.send(d.save_file());
        });
        rx
    }
}

/// A picker that answers at once with fixed folders, in order (for tests).
#[derive(Debug, Default)]
pub struct FakePicker {
    /// Answers still to give; `None` once exhausted means "cancelled".
    pub answers: Vec<PathBuf>,
}

impl FolderPicker for FakePicker {
    fn pick_folder(&mut self) -> Receiver<Option<PathBuf>> {
        let (tx, rx) = mpsc::channel();
        let answer = if self.answers.is_empty() { None } else { Some(self.answers.remove(0)) };
        let _ = tx.send(answer);
        rx
    }

    fn pick_project(&mut self, _save: bool) -> Receiver<Option<PathBuf>> {
        self.pick_folder()
    }

    fn pick_save_file(&mut self, _req: SaveRequest) -> Receiver<Option<PathBuf>> {
        self.pick_folder()
    }
}
