//! Small inline forms that turn typed text into an [`Edit`]: retitle, event date, tag,
//! note, quote speaker. One form is open at a time; Enter or "Save" sends the edit.

use crate::edits::Edit;
use crate::edits::timex_value::days_of;

use super::app::App;

/// Which value a form edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    /// An event's title.
    Retitle,
    /// An event's date (a TIMEX value: `2024-06-18`, `2024-06`, `2024`).
    EventDate,
    /// A tag to add to an event.
    Tag,
    /// An event's note.
    Note,
    /// A quote's speaker.
    Speaker,
}

impl FormKind {
    fn hint(self) -> &'static str {
        match self {
            FormKind::Retitle => "new title",
            FormKind::EventDate => "2024-06-18, 2024-06 or 2024",
            FormKind::Tag => "tag",
            FormKind::Note => "note",
            FormKind::Speaker => "speaker's name",
        }
    }
}

/// An open form: what it edits, the target id and the text typed so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// What is edited.
    pub kind: FormKind,
    /// Event or quote id.
    pub target: String,
    /// Current text.
    pub text: String,
}

/// Opens a form (replacing any other).
pub fn open(app: &mut App, kind: FormKind, target: &str, initial: &str) {
    app.edits_ui.merge = None;
    app.form = Some(Form { kind, target: target.to_string(), text: initial.to_string() });
}

/// The edit a form's text makes, or why it cannot be made.
pub fn edit_of(form: &Form) -> Result<Edit, &'static str> {
    let text = form.text.trim().to_string();
    if text.is_empty() && form.kind != FormKind::Note {
        return Err("empty");
    }
    let event = form.target.clone();
    Ok(match form.kind {
        FormKind::Retitle => Edit::RetitleEvent { event, title: text },
        FormKind::EventDate => {
            if days_of(&text).is_none() {
                return Err("not a date: use YYYY-MM-DD, YYYY-MM or YYYY");
            }
            Edit::SetEventDate { event, date: text, precision: None }
        }
        FormKind::Tag => Edit::TagEvent { event, tag: text },
        FormKind::Note => Edit::NoteEvent { event, note: text },
        FormKind::Speaker => Edit::SetQuoteSpeaker { quote: event, speaker: text },
    })
}

/// Draws the form if it is open for `kind` on `target`.
pub fn form_ui(app: &mut App, ui: &mut egui::Ui, kind: FormKind, target: &str) {
    let ctx = ui.ctx().clone();
    let Some(form) = app.form.as_mut().filter(|f| f.kind == kind && f.target == target) else { return };
    let mut send = false;
    let mut close = false;
    let check = edit_of(form);
    ui.horizontal(|ui| {
        let r =
            ui.add(egui::TextEdit::singleline(&mut form.text).hint_text(kind.hint()).desired_width(220.0));
        let entered = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.add_enabled(check.is_ok(), egui::Button::new("Save")).clicked() || (entered && check.is_ok()) {
            send = true;
        }
        if ui.button("Cancel").clicked() {
            close = true;
        }
    });
    if let Err(why) = check
        && !form.text.trim().is_empty()
    {
        ui.weak(why);
    }
    if send {
        if let Some(Ok(edit)) = app.form.take().map(|f| edit_of(&f)) {
            app.apply_edit(edit, Some(&ctx));
        }
    } else if close {
        app.form = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(kind: FormKind, text: &str) -> Form {
        Form { kind, target: "ev".into(), text: text.into() }
    }

    #[test]
    fn dates_are_checked_before_an_edit_is_made() {
        assert!(edit_of(&form(FormKind::EventDate, "next week")).is_err());
        assert_eq!(
            edit_of(&form(FormKind::EventDate, " 2024-06 ")),
            Ok(Edit::SetEventDate { event: "ev".into(), date: "2024-06".into(), precision: None })
        );
    }

    #[test]
    fn empty_titles_are_refused_but_an_empty_note_clears() {
        assert!(edit_of(&form(FormKind::Retitle, "  ")).is_err());
        assert_eq!(
            edit_of(&form(FormKind::Note, "")),
            Ok(Edit::NoteEvent { event: "ev".into(), note: String::new() })
        );
    }
}
