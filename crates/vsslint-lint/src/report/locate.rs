//! Where findings are, as lines and columns: the line index of a file's text (shared by the
//! writers of one transcript), and the names of documents inside a cabinet.

use crate::diagnostic::Diagnostic;
use crate::pipeline::LintedFile;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use vsslint_model::span::{LineIndex, Position, SharedLineIndex};

/// The container and the entry of a path that names a document inside a cabinet, written
/// `backup.cab!/WM3.xml`; `None` for a plain file.
pub fn container_entry(path: &str) -> Option<(&str, &str)> {
    path.split_once("!/")
}

thread_local! {
    /// The index of the last text several files shared.
    static SHARED_INDEX: RefCell<Option<Rc<SharedLineIndex>>> = const { RefCell::new(None) };
}

/// The line index of a file's text. The writers of a `vshadow` transcript share its whole
/// text and are reported one after the other (on one thread when each is rendered as it is
/// linted): their text is indexed once, not once per writer, which would make a report of
/// a transcript quadratic in its length. A text no file shares any more is let go at the
/// next call, so the index keeps no freed text alive for long.
pub(crate) fn line_index(text: &Arc<String>) -> Rc<SharedLineIndex> {
    SHARED_INDEX.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(last) = cache.as_ref() {
            if last.indexes(text) {
                return Rc::clone(last);
            }
            if last.is_only_holder() {
                *cache = None;
            }
        }
        let index = Rc::new(SharedLineIndex::new(Arc::clone(text)));
        // Held by a file and now by the index: shared only if another file holds it too.
        if Arc::strong_count(text) > 2 {
            *cache = Some(Rc::clone(&index));
        }
        index
    })
}

/// Start and end of a diagnostic as lines and columns.
pub struct Located<'d> {
    /// The finding.
    pub diagnostic: &'d Diagnostic,
    /// Where its span starts.
    pub start: Position,
    /// Where its span ends.
    pub end: Position,
}

/// Resolves every diagnostic of a file with one line index, or with the positions worked
/// out before its text was let go.
pub fn locate<'d>(file: &'d LintedFile, index: &LineIndex) -> Vec<Located<'d>> {
    file.diagnostics
        .iter()
        .map(|d| {
            let (start, end) = match d.located.as_deref() {
                Some(at) => *at,
                None => (index.position(d.span.start), index.position(d.span.end)),
            };
            Located {
                diagnostic: d,
                start,
                end,
            }
        })
        .collect()
}

/// Works out where each finding of a file starts and ends, for a report that shows
/// positions only: its text is then no longer needed.
pub fn locate_in_place(file: &mut LintedFile) {
    let shared = line_index(&file.text);
    let index = shared.index();
    for d in &mut file.diagnostics {
        if d.located.is_none() {
            let at = (index.position(d.span.start), index.position(d.span.end));
            d.located = Some(Box::new(at));
        }
    }
}
