//! Which files form one backup, and which of a backup's files were not named.
//!
//! A backup is what is on disk: a folder that holds a backup components document or DiskShadow's
//! manifest is one backup, whichever of its files the command line names. Its other documents are
//! read for context (they are members, checked with the rest by the `set/*` rules), and only the
//! files named are reported on. So `vsslint set/Manifest.xml set/WM0.xml`, the batches pre-commit
//! splits a commit into, and `--exclude WM3.xml set` give the findings the whole folder gives on
//! those files, and no finding that a file beside them is missing.
//!
//! A folder is known as a backup before linting when one of its files has a name DiskShadow gives
//! its backup documents (`BCDocument.xml`, `Manifest.xml`); after linting, when a document named
//! turns out to be a backup components document or a manifest under another name (BETest and
//! vshadow save the former under any name). A cabinet's members are its entries
//! (`vsslint_container`), never its folder's files.

use std::collections::{BTreeMap, HashSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use vsslint_container::{is_document_name, Origin};
use vsslint_lint::pipeline::{FileKind, LintedFile};

/// The names DiskShadow gives the documents it saves beside the writers' documents.
const SET_NAMES: &[&str] = &["bcdocument.xml", "manifest.xml"];

/// The folder of a file named on the command line, as the report writes it.
pub(super) fn folder(p: &Path) -> &Path {
    p.parent().unwrap_or(Path::new(""))
}

/// How a folder set is named in reports.
pub(super) fn set_name(dir: &Path) -> String {
    if dir.as_os_str().is_empty() {
        ".".to_string()
    } else {
        dir.to_string_lossy().into_owned()
    }
}

/// A folder's document files as found on disk, and whether one bears a backup document's name.
struct Listing {
    docs: Vec<std::ffi::OsString>,
    by_name: bool,
}

impl Listing {
    /// Lists `dir` (`""` is the current folder); a folder that cannot be listed holds nothing.
    fn of(dir: &Path) -> Listing {
        let listed = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let mut docs = Vec::new();
        let mut by_name = false;
        for entry in std::fs::read_dir(listed).into_iter().flatten().flatten() {
            let name = entry.file_name();
            let bytes = name.as_encoded_bytes();
            if !is_document_name(bytes) || !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            by_name |= SET_NAMES
                .iter()
                .any(|s| bytes.eq_ignore_ascii_case(s.as_bytes()));
            docs.push(name);
        }
        Listing { docs, by_name }
    }
}

/// The folders the command line names or names files in, listed while the walk runs: listing
/// a folder of 2,000 documents after its walk took 1.3 ms on the one thread that runs before
/// any file is linted (scripts/bench-inputs.py's 2,000 documents; see `plan::plan_inputs`).
#[derive(Default)]
pub(super) struct Listed(BTreeMap<PathBuf, Listing>);

impl Listed {
    /// Lists each folder `paths` name, and the folder of each file they name; a pattern and
    /// standard input name no folder.
    pub(super) fn ahead(paths: &[PathBuf]) -> Listed {
        let mut listed = BTreeMap::new();
        for p in paths {
            let dir = match std::fs::metadata(p) {
                Ok(m) if m.is_dir() => p.as_path(),
                Ok(_) => folder(p),
                Err(_) => continue,
            };
            if !listed.contains_key(dir) {
                listed.insert(dir.to_path_buf(), Listing::of(dir));
            }
        }
        Listed(listed)
    }
}

/// The documents of each folder that holds a file named, as found on disk.
#[derive(Default)]
pub(super) struct Folders {
    /// Each folder's `*.xml` files that are not named, and whether a file of the folder bears a
    /// backup document's name.
    folders: BTreeMap<PathBuf, (Vec<PathBuf>, bool)>,
}

impl Folders {
    /// The folders of `named` (files given on the command line or found by a walk), each as
    /// `listed` ahead or else listed now; a folder that cannot be listed has no other members.
    pub(super) fn of(named: &[&Path], mut listed: Listed) -> Folders {
        // The names given in each folder. A folder's files are told apart by their names, not
        // as whole paths: hashing or comparing a path walks its components, which for 2,000
        // files in one folder cost more than listing it. A walk names a folder's files one
        // after the other, so the last folder is tried first, by its bytes.
        let mut dirs: Vec<(&Path, HashSet<&OsStr>)> = Vec::new();
        let mut index: BTreeMap<&Path, usize> = BTreeMap::new();
        for p in named {
            let dir = folder(p);
            let k = match dirs.last() {
                Some((last, _)) if last.as_os_str() == dir.as_os_str() => dirs.len() - 1,
                _ => *index.entry(dir).or_insert_with(|| {
                    dirs.push((dir, HashSet::new()));
                    dirs.len() - 1
                }),
            };
            dirs[k].1.extend(p.file_name());
        }
        let mut folders = BTreeMap::new();
        for (dir, given) in dirs {
            // Paths compare by their components: `set/` lists the folder of `set/WM0.xml`.
            let Listing { docs, by_name } =
                (listed.0.remove(dir)).unwrap_or_else(|| Listing::of(dir));
            let mut others: Vec<PathBuf> = (docs.iter())
                .filter(|name| !given.contains(name.as_os_str()))
                .map(|name| dir.join(name))
                .collect();
            others.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
            folders.insert(dir.to_path_buf(), (others, by_name));
        }
        Folders { folders }
    }

    /// The set a named file belongs to by its folder's file names.
    pub(super) fn set_by_name(&self, p: &Path) -> Option<String> {
        let dir = folder(p);
        self.folders
            .get(dir)
            .is_some_and(|(_, by_name)| *by_name)
            .then(|| set_name(dir))
    }

    /// The files of `dir` not named, to be read for context; each folder's once.
    pub(super) fn take_others(&mut self, dir: &Path) -> Vec<PathBuf> {
        self.folders
            .get_mut(dir)
            .map(|(others, _)| std::mem::take(others))
            .unwrap_or_default()
    }

    /// The folders that are backups by their file names.
    pub(super) fn named_backups(&self) -> Vec<PathBuf> {
        self.folders
            .iter()
            .filter(|(_, (_, by_name))| *by_name)
            .map(|(dir, _)| dir.clone())
            .collect()
    }
}

/// The folders holding a file of its own that turned out to be a backup components document or
/// a manifest.
pub(super) fn backups_by_kind(files: &[LintedFile], paths: &[Option<PathBuf>]) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = Vec::new();
    for (f, p) in files.iter().zip(paths) {
        let Some(p) = p else { continue };
        if matches!(f.kind, FileKind::BackupComponents | FileKind::Manifest)
            && !found.iter().any(|d| d == folder(p))
        {
            found.push(folder(p).to_path_buf());
        }
    }
    found
}

/// Marks the files of every folder that holds a backup components document or a manifest
/// as that backup's, and unmarks the files of a folder named like a backup that holds neither;
/// returns the files newly marked, whose texts may have been freed.
pub(super) fn mark(files: &mut [LintedFile], paths: &[Option<PathBuf>]) -> Vec<usize> {
    // Most runs have no backup: then no file's folder needs working out (a path's parent
    // is worked out component by component).
    let backups = backups_by_kind(files, paths);
    let mut newly = Vec::new();
    for (i, (f, p)) in files.iter_mut().zip(paths).enumerate() {
        let Some(p) = p else { continue };
        if f.origin != Origin::File {
            continue;
        }
        // A member that cannot be read stays one, so that it is not also called missing.
        let is_set = f.kind != FileKind::Skipped && backups.iter().any(|d| d == folder(p));
        if !is_set {
            f.set = None;
        } else if f.set.is_none() {
            f.set = Some(set_name(folder(p)));
            newly.push(i);
        }
    }
    newly
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A new temporary folder `vsslint-{tag}-{pid}` holding a small document under each of
    /// `names`.
    fn folder_holding(tag: &str, names: &[&str]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("vsslint-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for name in names {
            std::fs::write(dir.join(name), "<x/>").unwrap();
        }
        dir
    }

    /// A folder with files whose names differ from a backup document's only in case, and names
    /// that look like documents and are not.
    #[test]
    fn a_folder_is_listed_by_its_names_in_any_case() {
        let dir = folder_holding(
            "folders",
            &[
                "MANIFEST.XML",
                "a.xml",
                "b.XmL",
                ".xml",
                "c.xml.bak",
                "d.cab",
            ],
        );
        std::fs::create_dir(dir.join("sub.xml")).unwrap();
        let named = dir.join("a.xml");
        // The same file named twice, once through `.`, is one file named.
        let again = dir.join(".").join("a.xml");
        let folders = Folders::of(&[&named, &again], Listed::default());
        assert_eq!(folders.set_by_name(&named), Some(set_name(&dir)));
        let mut folders = folders;
        assert_eq!(
            folders.take_others(&dir),
            vec![dir.join("MANIFEST.XML"), dir.join("b.XmL")]
        );
        assert_eq!(folders.take_others(&dir), Vec::<PathBuf>::new());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The folders named are listed before the walk finds their files: what is found then is
    /// told apart with that listing, reached through the folder's path written either way.
    #[test]
    fn a_folder_listed_ahead_is_the_one_its_files_are_told_apart_with() {
        let dir = folder_holding("ahead", &["Manifest.xml", "WM0.xml", "WM1.xml"]);
        let named = dir.join("WM0.xml");
        let as_folder = PathBuf::from(format!("{}/", dir.display()));
        for listed in [
            Listed::ahead(&[as_folder]),
            Listed::ahead(std::slice::from_ref(&named)),
        ] {
            // Gone after the listing, the file is still a member: the listing made ahead is
            // the one used, not a second one.
            std::fs::remove_file(dir.join("WM1.xml")).unwrap();
            let mut folders = Folders::of(&[&named], listed);
            assert_eq!(folders.set_by_name(&named), Some(set_name(&dir)));
            assert_eq!(
                folders.take_others(&dir),
                vec![dir.join("Manifest.xml"), dir.join("WM1.xml")]
            );
            std::fs::write(dir.join("WM1.xml"), "<x/>").unwrap();
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_folder_without_a_backup_name_is_no_backup_by_name() {
        let dir = folder_holding("plain", &["WM0.xml", "manifest.xml.txt", "xmanifest.xml"]);
        let named = dir.join("WM0.xml");
        let mut folders = Folders::of(&[&named], Listed::default());
        assert_eq!(folders.set_by_name(&named), None);
        assert_eq!(folders.take_others(&dir), vec![dir.join("xmanifest.xml")]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
