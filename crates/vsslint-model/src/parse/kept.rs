//! A large document's parse kept past its linting, for the checks across documents.
//!
//! The `set/*` checks read the model of every document of a backup, after each document is
//! linted; the trees of the linting used to be dropped with each file, so a backup's System
//! writer document (2 MB) was parsed and modelled a second time for them. Measured with
//! callgrind on one rayon thread, `vsslint --format json WM3.xml` in the corpus's DiskShadow
//! folder (a backup): 273.1 million instructions before, of which the second parse and model
//! were 99.7 million; 174.8 million with the parse kept. On two threads (`perf stat`, 20
//! runs each, side by side): 57 ms of CPU time before, 40 ms after.
//!
//! A kept parse holds the text, the tree (about four times the text) and the model until the
//! checks across documents have run, so only documents from `FROM` on are kept, where a
//! second parse costs, and no more than `BUDGET` bytes of text at once: a run over many
//! large documents keeps the first few and parses the others again, as before.
//!
//! The model borrows the tree, which borrows the text: [`Kept`] owns all three, and lends the
//! model only for as long as it is borrowed itself.

use super::error::SyntaxError;
use super::limits::prescan;
#[cfg(feature = "split-parse")]
use super::split;
use super::walk::Loc;
use super::{build_at, parse_checked};
use crate::model::Document;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Documents from this size on are kept: a quarter of the System writer document, whose
/// second parse took 37% of a run on it.
pub(crate) const FROM: usize = 512 * 1024;

/// Bytes of text kept at once, at most: one System writer document (2.1 MB) and a smaller
/// one. Peak RSS of six copies of it in a folder that is no backup, where nothing kept is
/// used (`--format json`, release build): 59 MB without keeping, 105 MB with a budget of
/// 8 MB, 70 to 74 MB with this one.
const BUDGET: usize = 4 * 1024 * 1024;

/// Bytes of text kept now, by every [`Kept`] alive.
static HELD: AtomicUsize = AtomicUsize::new(0);

/// A share of [`BUDGET`], given back when dropped.
struct Claim(usize);

impl Claim {
    fn take(len: usize) -> Option<Claim> {
        HELD.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |held| {
            (held + len <= BUDGET).then_some(held + len)
        })
        .ok()
        .map(|_| Claim(len))
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        HELD.fetch_sub(self.0, Ordering::Relaxed);
    }
}

/// A document's model with the tree and the text it borrows.
pub struct Kept {
    // Fields are dropped in the order they are declared: the model borrows the trees, the
    // trees borrow the pieces' texts or the text.
    model: Document<'static>,
    _trees: Vec<Option<roxmltree::Document<'static>>>,
    _pieces: Vec<String>,
    _text: Arc<String>,
    _claim: Claim,
}

impl Kept {
    /// The document's model, as [`super::with_model`] gives it.
    pub fn model(&self) -> &Document<'_> {
        &self.model
    }
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Kept { .. }")
    }
}

/// A reference that lives as long as the [`Kept`] that will own what it points to.
///
/// # Safety
///
/// What `r` points to must be owned by a `Kept` (directly or through a heap allocation that
/// does not move when the owner does), or dropped before anything borrowed with the
/// returned lifetime is used.
unsafe fn extend<T: ?Sized>(r: &T) -> &'static T {
    // SAFETY: the caller's.
    unsafe { &*(r as *const T) }
}

/// [`super::with_model`] for a text held in an `Arc`: hands the model to `f`, and keeps the
/// parse when the document is large enough and the budget allows. A document that is not
/// kept is parsed exactly as `with_model` would.
pub fn with_model_kept<R>(
    text: &Arc<String>,
    f: impl FnOnce(Result<&Document<'_>, &SyntaxError>) -> R,
) -> (R, Option<Kept>) {
    let claim = (text.len() >= FROM && !too_large(text.len()))
        .then(|| Claim::take(text.len()))
        .flatten();
    let Some(claim) = claim else {
        return (super::with_model(text, |m| f(m.as_ref())), None);
    };
    // SAFETY: the text's bytes live in the buffer of the string the `Arc` holds, which no one
    // can change or free while the `Kept` holds a count of the `Arc`; when no `Kept` is made,
    // nothing borrowed from them outlives this call.
    let s: &'static str = unsafe { extend(text.as_str()) };
    if let Err(e) = prescan(s) {
        return (f(Err(&e)), None);
    }
    #[cfg(feature = "split-parse")]
    if let Some(layout) = split::Layout::find(s) {
        let pieces = layout.texts(s);
        // SAFETY: the strings' bytes do not move when the vector or the strings do; the
        // `Kept` owns them, or they are dropped at the end of this block with every tree.
        let trees = layout.parse(unsafe { extend(pieces.as_slice()) });
        // SAFETY: as above, for the trees in the vector's allocation.
        if let Some(model) = layout.build(unsafe { extend(trees.as_slice()) }) {
            let r = f(Ok(&model));
            let kept = Kept {
                model,
                _trees: trees,
                _pieces: pieces,
                _text: Arc::clone(text),
                _claim: claim,
            };
            return (r, Some(kept));
        }
    }
    match parse_checked(s) {
        Ok(tree) => {
            let trees = vec![Some(tree)];
            // SAFETY: the tree lives in the vector's allocation, which the `Kept` owns.
            let tree = unsafe { extend(trees[0].as_ref().expect("just parsed")) };
            let model = build_at(tree, Loc::WHOLE);
            let r = f(Ok(&model));
            let kept = Kept {
                model,
                _trees: trees,
                _pieces: Vec::new(),
                _text: Arc::clone(text),
                _claim: claim,
            };
            (r, Some(kept))
        }
        Err(e) => (f(Err(&e)), None),
    }
}

/// Whether a document is modelled a piece at a time, each piece's tree freed as it goes:
/// such a document is not kept.
fn too_large(len: usize) -> bool {
    #[cfg(feature = "split-parse")]
    {
        len >= split::LEAN_FROM
    }
    #[cfg(not(feature = "split-parse"))]
    {
        let _ = len;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn large_writer(file_sets: usize) -> String {
        let lists: String = (0..file_sets)
            .map(|i| format!(r#"<FILE_LIST path="C:\Data\d{i}" filespec="f{i}.dat"/>"#))
            .collect();
        format!(
            r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"><BACKUP_LOCATIONS><FILE_GROUP componentName="Data">{lists}</FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>"#
        )
    }

    fn file_sets(d: &Document) -> usize {
        match d {
            Document::WriterMetadata(w) => w.components.iter().map(|c| c.file_sets.len()).sum(),
            _ => 0,
        }
    }

    #[test]
    fn a_large_document_is_kept_with_the_model_it_was_linted_with() {
        let text: Arc<String> = Arc::new(large_writer(12_000));
        assert!(text.len() >= FROM);
        let (seen, kept) = with_model_kept(&text, |m| file_sets(m.unwrap()));
        assert_eq!(seen, 12_000);
        let kept = kept.expect("kept");
        assert_eq!(file_sets(kept.model()), 12_000);
        let again = super::super::with_model(&text, |m| format!("{:?}", m.unwrap()));
        assert_eq!(format!("{:?}", kept.model()), again);
    }

    #[test]
    fn a_small_document_is_not_kept() {
        let text: Arc<String> = Arc::new(large_writer(3));
        let (seen, kept) = with_model_kept(&text, |m| file_sets(m.unwrap()));
        assert_eq!(seen, 3);
        assert!(kept.is_none());
    }
}
