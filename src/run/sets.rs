//! Which linted files form one backup: the documents DiskShadow saved together (in one folder,
//! or later one cabinet), checked as a whole by the `set/*` rules.
//!
//! A folder is a backup set when it holds a backup components document or a DiskShadow
//! manifest beside writer metadata documents. The names DiskShadow gives them
//! (`BCDocument.xml`, `Manifest.xml`) mark a folder as a set before its files are linted, so
//! that their texts are kept for the checks across documents; a folder where such a document
//! turns out to have another name is found after linting, and the texts already freed are
//! read again.

use crate::pipeline::{FileKind, LintedFile};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The names DiskShadow gives the documents it saves beside the writers' documents.
const SET_NAMES: &[&str] = &["bcdocument.xml", "manifest.xml"];

/// The set of each input, from file names alone: the folder, for every file of a folder
/// that holds a file named as DiskShadow names its backup documents.
pub(crate) fn by_name(paths: &[Option<&Path>]) -> Vec<Option<String>> {
    let mut marked: HashMap<&Path, bool> = HashMap::new();
    for p in paths.iter().flatten() {
        let named = p
            .file_name()
            .is_some_and(|n| SET_NAMES.contains(&n.to_string_lossy().to_lowercase().as_str()));
        *marked.entry(folder(p)).or_default() |= named;
    }
    paths
        .iter()
        .map(|p| {
            let p = (*p)?;
            marked
                .get(folder(p))
                .copied()
                .unwrap_or(false)
                .then(|| set_name(folder(p)))
        })
        .collect()
}

fn folder(p: &Path) -> &Path {
    p.parent().unwrap_or(Path::new(""))
}

/// How a folder set is named in reports.
fn set_name(dir: &Path) -> String {
    if dir.as_os_str().is_empty() {
        ".".to_string()
    } else {
        dir.to_string_lossy().into_owned()
    }
}

/// Marks as a set every folder that, once linted, holds a backup components document or a
/// manifest beside a writer metadata document, and unmarks a folder named as a set that does
/// not; returns the files newly marked, whose texts may have been freed.
pub(crate) fn by_kind(files: &mut [LintedFile], paths: &[Option<PathBuf>]) -> Vec<usize> {
    let mut kinds: HashMap<&Path, (bool, bool)> = HashMap::new();
    for (f, p) in files.iter().zip(paths) {
        let Some(p) = p else { continue };
        let e = kinds.entry(folder(p)).or_default();
        match f.kind {
            FileKind::WriterMetadata => e.0 = true,
            FileKind::BackupComponents | FileKind::Manifest => e.1 = true,
            FileKind::Invalid | FileKind::Skipped => {}
        }
    }
    let mut newly = Vec::new();
    for (i, (f, p)) in files.iter_mut().zip(paths).enumerate() {
        let Some(p) = p else { continue };
        let is_set = kinds.get(folder(p)) == Some(&(true, true)) && f.kind.doc_kind().is_some();
        if !is_set {
            f.set = None;
        } else if f.set.is_none() {
            f.set = Some(set_name(folder(p)));
            newly.push(i);
        }
    }
    newly
}
