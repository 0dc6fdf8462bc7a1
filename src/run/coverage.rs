//! What a backup contains: every writer whose document it holds, the components its backup
//! components document adds for each, the subcomponents they take with them, their file sets
//! and the volumes those lie on, and the files each writer excludes. The question backup
//! engineers ask most, answered from the documents alone.

use schemars::JsonSchema;
use serde::Serialize;
use std::fmt::Write as _;
use vsslint_lint::toolkit::backup_set::{descendants, full_name};
use vsslint_lint::toolkit::file_paths::{classify, drive, is_unc, PathForm, LONG_PREFIX};
use vsslint_model::decode::decode;
use vsslint_model::model::{
    Attr, BackupComponents, Component, Document, ExcludeKind, Manifest, WriterMetadata, YesNo,
};
use vsslint_model::parse::{parse, Parsed};

#[derive(Debug, Serialize, JsonSchema)]
/// What a backup's documents say it holds: its type, its snapshot set, the volumes it copied
/// and, for each writer, the components and files it backed up.
pub struct Coverage {
    /// The backup as named on the command line: its folder or cabinet.
    pub backup: String,
    /// The backup components document's `backupType`, as written (`full`, `incremental`, ...).
    pub backup_type: Option<String>,
    /// The backup components document's `snapshotSetId`, as written.
    pub snapshot_set: Option<String>,
    /// The volumes the manifest says were copied, such as `C:`: those named by a drive.
    pub shadowed_volumes: Option<Vec<String>>,
    /// Every shadow copy the manifest lists, with why its drive cannot be told when it
    /// cannot; `None` without a manifest.
    pub shadow_copies: Option<Vec<ShadowCopyCoverage>>,
    /// The writers the backup components document adds components for, in its order, then
    /// those whose document is in the backup without taking part.
    pub writers: Vec<WriterCoverage>,
}

/// One shadow copy of the snapshot set.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ShadowCopyCoverage {
    /// `OriginalVolume` as written, such as `C:\`.
    pub original_volume: String,
    /// The drive, when the volume is named by one.
    pub volume: Option<String>,
    /// Why the drive cannot be told, when `volume` is null.
    pub unmapped: Option<Unmapped>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct WriterCoverage {
    pub writer: String,
    pub writer_id: String,
    pub instance_id: String,
    /// The writer's document in the backup, when there is one.
    pub document: Option<String>,
    /// Whether the backup components document adds a component for the writer. A writer
    /// whose document is in the backup but that has no component added (an exclude-only
    /// writer, one the requester left out) takes no part in it.
    pub takes_part: bool,
    pub components: Vec<ComponentCoverage>,
    /// The files the writer's document excludes from backups (`EXCLUDE_FILES`); empty when
    /// the backup holds no document of the writer.
    pub excluded_files: Vec<ExcludedFiles>,
}

/// One `EXCLUDE_FILES` element.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ExcludedFiles {
    pub path: String,
    pub filespec: String,
    pub recursive: bool,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ComponentCoverage {
    pub component: String,
    /// `explicitly`, or `with X` for a subcomponent taken with component X; `not declared`
    /// when the writer's document has no such component.
    pub added: String,
    pub file_sets: Vec<FileSetCoverage>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct FileSetCoverage {
    pub path: String,
    pub filespec: String,
    pub recursive: bool,
    /// The drive, when the path names one.
    pub volume: Option<String>,
    /// Why the drive cannot be told, when `volume` is null.
    pub unmapped: Option<Unmapped>,
    /// Whether a shadow copy of the backup covers it; `None` when that cannot be told.
    pub shadowed: Option<bool>,
}

/// Why a path's drive cannot be told from the documents of a backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Unmapped {
    /// The path starts with an environment variable, such as `%WinDir%`, which is expanded
    /// only on the writer's machine.
    EnvironmentVariable {
        /// The variable as written, `%` signs included.
        variable: String,
    },
    /// The volume is named by its GUID path, `\\?\Volume{…}\`, not by a drive letter.
    VolumeGuid {
        /// The volume's GUID path, with its trailing `\`.
        volume: String,
    },
    /// A network share: on no local volume.
    NetworkPath {
        /// `\\server\share` (or `\\?\UNC\server\share`) as written.
        share: String,
    },
    /// Any other path without a drive: rooted on whatever volume is current (`\Dir`),
    /// relative, or a device path.
    NoDrive,
    /// The path is missing or empty.
    NoPath,
}

impl Unmapped {
    /// For the table.
    fn describe(&self) -> String {
        match self {
            Unmapped::EnvironmentVariable { variable } => {
                format!("volume unknown: environment variable {variable}, not expanded")
            }
            Unmapped::VolumeGuid { .. } => "volume unknown: named by its GUID path".into(),
            Unmapped::NetworkPath { share } => format!("volume unknown: network share {share}"),
            Unmapped::NoDrive => "volume unknown: the path names no drive".into(),
            Unmapped::NoPath => "volume unknown: no path".into(),
        }
    }
}

/// The drive `path` lies on, or why it cannot be told.
pub fn locate(path: &str) -> Result<String, Unmapped> {
    let p = path.trim();
    if p.is_empty() {
        return Err(Unmapped::NoPath);
    }
    if let Some(d) = drive(p) {
        return Ok(d);
    }
    if is_unc(p) {
        let unc = LONG_PREFIX.len() + 4;
        let long = p
            .get(..unc)
            .is_some_and(|h| h.eq_ignore_ascii_case(r"\\?\UNC\"));
        let head = if long { unc } else { 2 };
        // `\\server\share`: the first two names after the prefix.
        let end = p[head..]
            .match_indices('\\')
            .nth(1)
            .map_or(p.len(), |(i, _)| head + i);
        return Err(Unmapped::NetworkPath {
            share: p[..end].to_string(),
        });
    }
    match classify(p) {
        PathForm::EnvVar => {
            let end = p[1..]
                .find('%')
                .map(|i| i + 2)
                .or_else(|| p.find('\\'))
                .unwrap_or(p.len());
            Err(Unmapped::EnvironmentVariable {
                variable: p[..end].to_string(),
            })
        }
        PathForm::VolumeGuid => {
            let end = p.find('}').map_or(p.len(), |i| i + 1);
            Err(Unmapped::VolumeGuid {
                volume: format!("{}\\", &p[..end]),
            })
        }
        _ => Err(Unmapped::NoDrive),
    }
}

/// Whether the shadow copies cover a path at `location`; `None` when the documents cannot
/// tell.
fn is_shadowed(location: &Result<String, Unmapped>, copies: &[ShadowCopyCoverage]) -> Option<bool> {
    match location {
        Ok(d) if copies.iter().any(|c| c.volume.as_ref() == Some(d)) => Some(true),
        // A volume copied by its GUID path may be this drive.
        Ok(_) if copies.iter().any(|c| c.volume.is_none()) => None,
        Ok(_) => Some(false),
        // Another GUID may still be the same volume, reached through a drive letter.
        Err(Unmapped::VolumeGuid { volume }) => copies
            .iter()
            .any(|c| match &c.unmapped {
                Some(Unmapped::VolumeGuid { volume: v }) => v.eq_ignore_ascii_case(volume),
                _ => false,
            })
            .then_some(true),
        Err(_) => None,
    }
}

/// An attribute as written; empty when it is absent.
fn raw<T>(a: Option<&Attr<T>>) -> String {
    a.map_or("", |a| a.raw).to_string()
}

fn excluded_files(w: &WriterMetadata) -> Vec<ExcludedFiles> {
    w.excludes
        .iter()
        .filter(|x| x.kind == ExcludeKind::ExcludeFiles)
        .map(|x| ExcludedFiles {
            path: raw(x.path.as_ref()),
            filespec: raw(x.filespec.as_ref()),
            recursive: YesNo::is_yes(&x.recursive),
        })
        .collect()
}

/// The coverage of the backup made of `files` (name, bytes); `None` when they hold no backup
/// components document.
pub fn coverage(backup: &str, files: &[(String, Vec<u8>)]) -> Option<Coverage> {
    let texts: Vec<(&str, String)> = files
        .iter()
        .filter_map(|(n, b)| Some((n.as_str(), decode(b).ok()?.text.into_owned())))
        .collect();
    let parsed: Vec<(&str, Parsed)> = texts
        .iter()
        .filter_map(|(n, t)| Some((*n, parse(t).ok()?)))
        .collect();
    let models: Vec<(&str, Document)> = parsed.iter().map(|(n, p)| (*n, p.model())).collect();
    let mut writers: Vec<(&str, &WriterMetadata)> = Vec::new();
    let mut bc: Option<&BackupComponents> = None;
    let mut manifest: Option<&Manifest> = None;
    for (name, m) in &models {
        match m {
            Document::WriterMetadata(w) => writers.push((name, w)),
            Document::BackupComponents(b) => bc = bc.or(Some(b)),
            Document::Manifest(m) => manifest = manifest.or(Some(m)),
            Document::UnknownRoot { .. } => {}
        }
    }
    let bc = bc?;
    let copies: Option<Vec<ShadowCopyCoverage>> = manifest.and_then(|m| {
        let set = m.shadow_copy_set.as_ref()?;
        Some(
            set.copies
                .iter()
                .map(|c| {
                    let original_volume = raw(c.original_volume.as_ref());
                    let location = locate(&original_volume);
                    ShadowCopyCoverage {
                        original_volume,
                        volume: location.clone().ok(),
                        unmapped: location.err(),
                    }
                })
                .collect(),
        )
    });
    let mut out = Coverage {
        backup: backup.to_string(),
        backup_type: bc.backup_type.as_ref().map(|a| a.raw.to_string()),
        snapshot_set: bc.snapshot_set_id.as_ref().map(|a| a.raw.to_string()),
        shadowed_volumes: copies
            .as_ref()
            .map(|c| c.iter().filter_map(|c| c.volume.clone()).collect()),
        shadow_copies: copies,
        writers: Vec::new(),
    };
    // The documents of writers the backup components document names.
    let mut named: Vec<usize> = Vec::new();
    for wc in &bc.writers {
        let class = wc.writer_id.as_ref().and_then(|a| a.value.uuid());
        let instance = wc.instance_id.as_ref().and_then(|a| a.value.uuid());
        let found = writers.iter().position(|(_, w)| {
            let id = w.identification();
            id.and_then(|i| i.writer_id.as_ref()?.value.uuid()) == class
                && id.and_then(|i| i.instance_id.as_ref()?.value.uuid()) == instance
        });
        named.extend(found);
        let doc = found.map(|i| writers[i]);
        let mut wcov = WriterCoverage {
            writer: doc
                .and_then(|(_, w)| w.identification()?.friendly_name.as_ref())
                .map_or_else(|| "(no document)".to_string(), |a| a.raw.to_string()),
            writer_id: raw(wc.writer_id.as_ref()),
            instance_id: raw(wc.instance_id.as_ref()),
            document: doc.map(|(n, _)| n.to_string()),
            takes_part: !wc.components.is_empty(),
            components: Vec::new(),
            excluded_files: doc.map_or_else(Vec::new, |(_, w)| excluded_files(w)),
        };
        let mut seen: Vec<*const Component> = Vec::new();
        for c in &wc.components {
            let full = full_name(c.logical_path(), c.name());
            let declared = doc.and_then(|(_, w)| {
                w.components
                    .iter()
                    .find(|d| d.logical_path() == c.logical_path() && d.name() == c.name())
                    .map(|d| (w, d))
            });
            let Some((w, declared)) = declared else {
                wcov.components.push(ComponentCoverage {
                    component: full,
                    added: "not declared".into(),
                    file_sets: Vec::new(),
                });
                continue;
            };
            let taken = std::iter::once((declared, "explicitly".to_string()))
                .chain(descendants(w, declared).map(|d| (d, format!("with {full}"))));
            for (comp, how) in taken {
                if seen.contains(&(comp as *const Component)) {
                    continue;
                }
                seen.push(comp);
                wcov.components.push(ComponentCoverage {
                    component: full_name(comp.logical_path(), comp.name()),
                    added: how,
                    file_sets: comp
                        .file_sets
                        .iter()
                        .map(|fs| {
                            let path = raw(fs.path.as_ref());
                            let location = locate(&path);
                            FileSetCoverage {
                                shadowed: out
                                    .shadow_copies
                                    .as_deref()
                                    .and_then(|c| is_shadowed(&location, c)),
                                filespec: raw(fs.filespec.as_ref()),
                                recursive: YesNo::is_yes(&fs.recursive),
                                path,
                                volume: location.clone().ok(),
                                unmapped: location.err(),
                            }
                        })
                        .collect(),
                });
            }
        }
        out.writers.push(wcov);
    }
    // The writers the backup holds a document of and the requester added nothing for: an
    // exclude-only writer has no component to add, and its excluded files still matter.
    for (i, (name, w)) in writers.iter().enumerate() {
        if named.contains(&i) {
            continue;
        }
        let id = w.identification();
        out.writers.push(WriterCoverage {
            writer: id
                .and_then(|i| i.friendly_name.as_ref())
                .map_or_else(|| "(no name)".to_string(), |a| a.raw.to_string()),
            writer_id: raw(id.and_then(|i| i.writer_id.as_ref())),
            instance_id: raw(id.and_then(|i| i.instance_id.as_ref())),
            document: Some(name.to_string()),
            takes_part: false,
            components: Vec::new(),
            excluded_files: excluded_files(w),
        });
    }
    Some(out)
}

impl Coverage {
    /// The coverage as a table for people.
    pub fn table(&self) -> String {
        let mut s = String::new();
        // A volume copied by its GUID path is shown by it: its drive letter is not known.
        let copied = self.shadow_copies.as_ref().map_or_else(
            || "(no manifest)".to_string(),
            |c| {
                c.iter()
                    .map(|c| c.volume.as_deref().unwrap_or(&c.original_volume))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        );
        let _ = writeln!(
            s,
            "{}: {} backup, snapshot set {}, volumes copied: {copied}",
            self.backup,
            self.backup_type.as_deref().unwrap_or("(no type)"),
            self.snapshot_set.as_deref().unwrap_or("(none)"),
        );
        for w in &self.writers {
            let _ = write!(
                s,
                "\n{} ({})",
                w.writer,
                w.document.as_deref().unwrap_or("no document in the backup")
            );
            let _ = writeln!(
                s,
                "{}",
                if w.takes_part {
                    ""
                } else {
                    ": takes no part, no component added"
                }
            );
            for c in &w.components {
                let _ = writeln!(s, "  {:<40} {}", c.component, c.added);
                for f in &c.file_sets {
                    let shadow = match (f.shadowed, &f.unmapped) {
                        (Some(true), _) => "copied".to_string(),
                        (Some(false), _) => "NOT COPIED".to_string(),
                        (None, Some(u)) => u.describe(),
                        // A drive, while some volume was copied by GUID.
                        (None, None) if self.shadow_copies.is_some() => {
                            "copied only if a volume copied by GUID is this drive".to_string()
                        }
                        (None, None) => String::new(),
                    };
                    let _ = writeln!(
                        s,
                        "      {}  {shadow}",
                        files(&f.path, &f.filespec, f.recursive)
                    );
                }
            }
            for x in &w.excluded_files {
                let _ = writeln!(s, "  excludes {}", files(&x.path, &x.filespec, x.recursive));
            }
        }
        s
    }
}

/// `path\filespec`, and whether it is recursive.
fn files(path: &str, filespec: &str, recursive: bool) -> String {
    let sep = if path.ends_with('\\') { "" } else { "\\" };
    let rec = if recursive { " (recursive)" } else { "" };
    format!("{path}{sep}{filespec}{rec}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn why_a_path_has_no_drive() {
        let env = |v: &str| Err(Unmapped::EnvironmentVariable { variable: v.into() });
        assert_eq!(locate(r"%WinDir%\System32\Tasks"), env("%WinDir%"));
        assert_eq!(locate(r"%systemroot%"), env("%systemroot%"));
        // Unterminated: the variable runs to the first separator.
        assert_eq!(locate(r"%SystemRoot\System32"), env("%SystemRoot"));
        assert_eq!(
            locate(r"\\?\Volume{4b7d2a10-93c1-11ee-b962-0800200c9a66}\Store"),
            Err(Unmapped::VolumeGuid {
                volume: r"\\?\Volume{4b7d2a10-93c1-11ee-b962-0800200c9a66}\".into()
            })
        );
        assert_eq!(
            locate(r"\\?\volume{4b7d2a10-93c1-11ee-b962-0800200c9a66}\"),
            Err(Unmapped::VolumeGuid {
                volume: r"\\?\volume{4b7d2a10-93c1-11ee-b962-0800200c9a66}\".into()
            })
        );
        let share = |s: &str| Err(Unmapped::NetworkPath { share: s.into() });
        assert_eq!(
            locate(r"\\fileserver\mail\Archive"),
            share(r"\\fileserver\mail")
        );
        assert_eq!(locate(r"\\fileserver\mail"), share(r"\\fileserver\mail"));
        assert_eq!(locate(r"\\abcdeé\müll\x"), share(r"\\abcdeé\müll"));
        assert_eq!(
            locate(r"\\?\UNC\fileserver\mail\Archive"),
            share(r"\\?\UNC\fileserver\mail")
        );
        assert_eq!(
            locate(r"\System Volume Information\Heat"),
            Err(Unmapped::NoDrive)
        );
        assert_eq!(locate(r"\\.\PhysicalDrive0"), Err(Unmapped::NoDrive));
        assert_eq!(locate(r"Data\Logs"), Err(Unmapped::NoDrive));
        assert_eq!(locate("  "), Err(Unmapped::NoPath));
        assert_eq!(locate(r"c:\Data"), Ok("C:".into()));
        assert_eq!(locate(r"\\?\D:\Data"), Ok("D:".into()));
    }

    #[test]
    fn a_copy_by_guid_leaves_drives_it_may_be_undecided() {
        let copy = |v: &str| {
            let location = locate(v);
            ShadowCopyCoverage {
                original_volume: v.into(),
                volume: location.clone().ok(),
                unmapped: location.err(),
            }
        };
        let guid = r"\\?\Volume{4b7d2a10-93c1-11ee-b962-0800200c9a66}\";
        let by_drive = [copy(r"C:\")];
        let both = [copy(r"C:\"), copy(guid)];
        let d = locate(r"D:\Data");
        assert_eq!(is_shadowed(&d, &by_drive), Some(false));
        assert_eq!(is_shadowed(&d, &both), None);
        assert_eq!(is_shadowed(&locate(r"C:\Data"), &both), Some(true));
        let on_guid = locate(&format!("{}Store", guid.to_uppercase()));
        assert_eq!(is_shadowed(&on_guid, &both), Some(true));
        assert_eq!(is_shadowed(&on_guid, &by_drive), None);
        assert_eq!(is_shadowed(&locate(r"%WinDir%\Mail"), &both), None);
    }
}
