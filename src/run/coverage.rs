//! What a backup contains: for each writer, the components its backup components document
//! adds, the subcomponents they take with them, their file sets and the volumes those lie on.
//! The question backup engineers ask most, answered from the documents alone.

use crate::decode::decode;
use crate::model::{BackupComponents, Component, Document, Manifest, WriterMetadata};
use crate::parse::{build, parse_xml};
use crate::toolkit::backup_set::{descendants, full_name};
use crate::toolkit::file_paths::drive;
use schemars::JsonSchema;
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Debug, Serialize, JsonSchema)]
pub struct Coverage {
    pub backup: String,
    pub backup_type: Option<String>,
    pub snapshot_set: Option<String>,
    /// The volumes the manifest says were copied, such as `C:`.
    pub shadowed_volumes: Option<Vec<String>>,
    pub writers: Vec<WriterCoverage>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct WriterCoverage {
    pub writer: String,
    pub writer_id: String,
    pub instance_id: String,
    /// The writer's document in the backup, when there is one.
    pub document: Option<String>,
    pub components: Vec<ComponentCoverage>,
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
    /// Whether a shadow copy of the backup covers it; `None` when that cannot be told.
    pub shadowed: Option<bool>,
}

/// The coverage of the backup made of `files` (name, bytes); `None` when they hold no backup
/// components document.
pub fn coverage(backup: &str, files: &[(String, Vec<u8>)]) -> Option<Coverage> {
    let texts: Vec<(&str, String)> = files
        .iter()
        .filter_map(|(n, b)| Some((n.as_str(), decode(b).ok()?.text.into_owned())))
        .collect();
    let trees: Vec<(&str, roxmltree::Document)> = texts
        .iter()
        .filter_map(|(n, t)| Some((*n, parse_xml(t).ok()?)))
        .collect();
    let models: Vec<(&str, Document)> = trees.iter().map(|(n, t)| (*n, build(t))).collect();
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
    let shadowed: Option<Vec<String>> = manifest.and_then(|m| {
        let set = m.shadow_copy_set.as_ref()?;
        Some(
            set.copies
                .iter()
                .filter_map(|c| drive(c.original_volume.as_ref()?.raw))
                .collect(),
        )
    });
    let mut out = Coverage {
        backup: backup.to_string(),
        backup_type: bc.backup_type.as_ref().map(|a| a.raw.to_string()),
        snapshot_set: bc.snapshot_set_id.as_ref().map(|a| a.raw.to_string()),
        shadowed_volumes: shadowed.clone(),
        writers: Vec::new(),
    };
    for wc in &bc.writers {
        let class = wc.writer_id.as_ref().and_then(|a| a.value.uuid());
        let instance = wc.instance_id.as_ref().and_then(|a| a.value.uuid());
        let doc = writers.iter().find(|(_, w)| {
            let id = w.identification();
            id.and_then(|i| i.writer_id.as_ref()?.value.uuid()) == class
                && id.and_then(|i| i.instance_id.as_ref()?.value.uuid()) == instance
        });
        let mut wcov = WriterCoverage {
            writer: doc
                .and_then(|(_, w)| w.identification()?.friendly_name.as_ref())
                .map_or_else(|| "(no document)".to_string(), |a| a.raw.to_string()),
            writer_id: wc.writer_id.as_ref().map_or("", |a| a.raw).to_string(),
            instance_id: wc.instance_id.as_ref().map_or("", |a| a.raw).to_string(),
            document: doc.map(|(n, _)| n.to_string()),
            components: Vec::new(),
        };
        let mut seen: Vec<*const Component> = Vec::new();
        for c in &wc.components {
            let full = full_name(c.logical_path(), c.name());
            let declared = doc.and_then(|(_, w)| {
                w.components
                    .iter()
                    .find(|d| d.logical_path() == c.logical_path() && d.name() == c.name())
                    .map(|d| (*w, d))
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
                            let path = fs.path.as_ref().map_or("", |a| a.raw).to_string();
                            let volume = drive(&path);
                            FileSetCoverage {
                                shadowed: volume
                                    .as_ref()
                                    .and_then(|v| Some(shadowed.as_ref()?.contains(v))),
                                filespec: fs.filespec.as_ref().map_or("", |a| a.raw).to_string(),
                                recursive: fs.recursive.as_ref().and_then(|a| a.value)
                                    == Some(true),
                                path,
                                volume,
                            }
                        })
                        .collect(),
                });
            }
        }
        out.writers.push(wcov);
    }
    Some(out)
}

impl Coverage {
    /// The coverage as a table for people.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{}: {} backup, snapshot set {}, volumes copied: {}",
            self.backup,
            self.backup_type.as_deref().unwrap_or("(no type)"),
            self.snapshot_set.as_deref().unwrap_or("(none)"),
            self.shadowed_volumes
                .as_ref()
                .map_or("(no manifest)".to_string(), |v| v.join(", "))
        );
        for w in &self.writers {
            let _ = writeln!(
                s,
                "\n{} ({})",
                w.writer,
                w.document.as_deref().unwrap_or("no document in the backup")
            );
            for c in &w.components {
                let _ = writeln!(s, "  {:<40} {}", c.component, c.added);
                for f in &c.file_sets {
                    let sep = if f.path.ends_with('\\') { "" } else { "\\" };
                    let rec = if f.recursive { " (recursive)" } else { "" };
                    let shadow = match f.shadowed {
                        Some(true) => "copied",
                        Some(false) => "NOT COPIED",
                        None => "",
                    };
                    let _ = writeln!(s, "      {}{sep}{}{rec}  {}", f.path, f.filespec, shadow);
                }
            }
        }
        s
    }
}
