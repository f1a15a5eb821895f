//! Undo/redo over the edit list. Undo removes the last edit and the model is rebuilt from
//! the remaining list (see [`crate::pipeline::reprocess`]), so every op is undoable without
//! an inverse.

use super::Edit;

/// The edits made so far plus the ones undone (for redo).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    edits: Vec<Edit>,
    undone: Vec<Edit>,
}

impl History {
    /// A history starting from the edits of a loaded project (nothing to redo).
    pub fn from_edits(edits: Vec<Edit>) -> History {
        History { edits, undone: Vec::new() }
    }

    /// Records a new edit; clears the redo stack.
    pub fn push(&mut self, edit: Edit) {
        self.edits.push(edit);
        self.undone.clear();
    }

    /// Takes back the last edit and returns it; `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<&Edit> {
        let e = self.edits.pop()?;
        self.undone.push(e);
        self.undone.last()
    }

    /// Re-applies the last undone edit and returns it; `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Option<&Edit> {
        let e = self.undone.pop()?;
        self.edits.push(e);
        self.edits.last()
    }

    /// Whether [`History::undo`] would do something.
    pub fn can_undo(&self) -> bool {
        !self.edits.is_empty()
    }

    /// Whether [`History::redo`] would do something.
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// The edits in effect, oldest first (what to replay and to save).
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// The edit [`History::undo`] would take back (for an "Undo …" menu label).
    pub fn next_undo(&self) -> Option<&Edit> {
        self.edits.last()
    }

    /// The edit [`History::redo`] would re-apply.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.undone.last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn star(id: &str) -> Edit {
        Edit::StarEvent { event: id.into() }
    }

    #[test]
    fn undo_redo_and_new_edit_clears_redo() {
        let mut h = History::from_edits(vec![star("a")]);
        h.push(star("b"));
        assert_eq!(h.undo(), Some(&star("b")));
        assert_eq!(h.edits(), &[star("a")]);
        assert!(h.can_redo());
        assert_eq!(h.redo(), Some(&star("b")));
        assert_eq!(h.edits(), &[star("a"), star("b")]);
        h.undo();
        h.push(star("c"));
        assert!(!h.can_redo());
        assert_eq!(h.edits(), &[star("a"), star("c")]);
        h.undo();
        h.undo();
        assert_eq!(h.undo(), None);
        assert!(!h.can_undo());
    }
}
