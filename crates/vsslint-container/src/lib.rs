//! Containers that carry writer metadata documents, opened in memory: DiskShadow's cabinets
//! and vshadow's transcripts; and [`open`], the one entrance every input passes through.
//!
//! A container's bytes become its documents, within limits the caller sets; nothing is ever
//! written to the filesystem, so a hostile entry name can do no harm. What an input is comes
//! from its bytes alone, never from its name: a cabinet renamed `.xml` is still a cabinet, and
//! a document saved as `backup.cab` is still a document. Only this module decides it; a new
//! kind of container is a new arm of [`Opened`] and of [`open`].

#![deny(missing_docs)]

pub mod cab;
pub mod vshadow;

use cab::{read_cab, CabLimits};
pub use vshadow::{Frame, Transcript};

/// Where a document came from: what reports and the checks across documents may rely on
/// instead of the shape of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// A file of its own (or standard input).
    #[default]
    File,
    /// An entry of a cabinet, shown as `backup.cab!/WM3.xml`.
    CabinetEntry,
    /// One writer's frame of a `vshadow -wm3` transcript.
    TranscriptFrame,
}

/// One document entry of a cabinet: its name, and its bytes or why they cannot be read.
pub struct Entry {
    /// The entry's file name (its stored path's last part), as the report shows it after `!/`.
    pub name: String,
    /// The entry's uncompressed bytes, or why the cabinet reader could not read them.
    pub bytes: Result<Vec<u8>, String>,
}

/// What an input's bytes hold.
pub enum Opened {
    /// One document, to be decoded and parsed.
    Document(Vec<u8>),
    /// A cabinet's documents: one backup, whose entries are its members. Never empty.
    Cabinet(Vec<Entry>),
    /// A `vshadow -wm3` transcript's writers.
    Transcript(Transcript),
}

/// The magic number every cabinet starts with.
const CABINET: &[u8] = b"MSCF";

/// Opens `bytes` as what they hold. `Err` says why a container cannot be read at all (a
/// damaged cabinet, one that holds no document): a finding on that input.
pub fn open(bytes: Vec<u8>, limits: &CabLimits) -> Result<Opened, String> {
    if bytes.starts_with(CABINET) {
        return open_cabinet(&bytes, limits).map(Opened::Cabinet);
    }
    match vshadow::read(bytes) {
        Ok(transcript) => Ok(Opened::Transcript(transcript)),
        Err(bytes) => Ok(Opened::Document(bytes)),
    }
}

/// The `*.xml` entries of a cabinet: DiskShadow stores its documents so, beside its log
/// (`Dis*.tmp`), which is not a document.
fn open_cabinet(bytes: &[u8], limits: &CabLimits) -> Result<Vec<Entry>, String> {
    let entries = read_cab(bytes, limits).map_err(|e| e.to_string())?;
    let total = entries.len();
    let mut docs = Vec::new();
    let mut others = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => {
                let name = e.file_name().to_string();
                if is_document_name(name.as_bytes()) {
                    docs.push(Entry {
                        name,
                        bytes: Ok(e.bytes),
                    });
                } else {
                    others.push(name);
                }
            }
            Err(e) => {
                let name = e
                    .entry()
                    .map(|r| cab::file_name(&r.name).to_string())
                    .unwrap_or_default();
                if is_document_name(name.as_bytes()) {
                    docs.push(Entry {
                        name,
                        bytes: Err(e.to_string()),
                    });
                } else {
                    others.push(name);
                }
            }
        }
    }
    if docs.is_empty() {
        let held = match total {
            0 => "it holds no entries".to_string(),
            _ => format!(
                "it holds no *.xml document, only {}",
                others
                    .iter()
                    .take(5)
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
                    + if others.len() > 5 { ", …" } else { "" }
            ),
        };
        return Err(format!(
            "the cabinet holds no writer metadata document: {held}; DiskShadow's `set metadata` cabinet holds Manifest.xml, BCDocument.xml and one WMn.xml per writer"
        ));
    }
    Ok(docs)
}

/// Whether a file name is a document's, as DiskShadow names the documents of a backup
/// (`*.xml`, in any case): for a cabinet's entries, and for the files of a backup's folder.
/// Compared as bytes: a name's last four bytes need not end a character (`WM1.∙ml`), and a
/// folder's names need not be UTF-8. `.xml` alone is a hidden file without an extension.
pub fn is_document_name(name: &[u8]) -> bool {
    name.len() > 4 && name[name.len() - 4..].eq_ignore_ascii_case(b".xml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_names_are_compared_as_bytes() {
        assert!(is_document_name(b"WM1.xml") && is_document_name(b"BCDocument.XML"));
        for other in [
            "WM1.\u{2219}ml",
            "WM1.∙ml",
            "x.xm",
            ".xml",
            "Dis1.tmp",
            "∙∙∙∙",
        ] {
            assert!(!is_document_name(other.as_bytes()), "{other}");
        }
    }
}
