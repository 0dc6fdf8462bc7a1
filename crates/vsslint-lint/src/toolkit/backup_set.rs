//! A backup as the `set/*` rules see it: the writers' documents, the backup components
//! document and DiskShadow's manifest that were linted together as one backup set, and the
//! lookups the rules share. GUIDs compare as values: backup components documents write them
//! in lower case, writer metadata documents in upper or mixed case.

use crate::rule_api::{companion, Across, AcrossCx, Check, Facts, Member};
use crate::toolkit::logical_paths::segments;
use std::collections::HashMap;
use uuid::Uuid;
use vsslint_model::model::{
    AddedComponent, BackupComponents, Component, Document, Manifest, ShadowCopySet,
    WriterComponents, WriterMetadata,
};

/// Whether a document belongs to a backup set.
pub(crate) fn in_a_set(doc: &Facts) -> bool {
    doc.set.is_some()
}

/// The check of a `set/*` rule: across the documents of each backup, with their models.
pub(crate) const fn set_check(check: fn(&mut AcrossCx, &[Member], &[Facts])) -> Check {
    Check::Across(Across {
        involves: Some(in_a_set),
        needs_models: true,
        check,
    })
}

/// The example backup of the `set/*` rules (`fixtures/sets/contoso`) but its backup
/// components document, which each rule's bad and good examples replace.
pub(crate) const BESIDE_COMPONENTS: &[(&str, &str)] = &[
    companion!("WM0.xml", "sets/contoso"),
    companion!("WM1.xml", "sets/contoso"),
    companion!("Manifest.xml", "sets/contoso"),
];

/// The example backup but its manifest.
pub(crate) const BESIDE_MANIFEST: &[(&str, &str)] = &[
    companion!("WM0.xml", "sets/contoso"),
    companion!("WM1.xml", "sets/contoso"),
    companion!("BCDocument.xml", "sets/contoso"),
];

/// The example backup but the Fabrikam writer's document, `WM1.xml`.
pub(crate) const BESIDE_SECOND_WRITER: &[(&str, &str)] = &[
    companion!("WM0.xml", "sets/contoso"),
    companion!("BCDocument.xml", "sets/contoso"),
    companion!("Manifest.xml", "sets/contoso"),
];

/// A writer metadata document of the set.
pub(crate) struct Writer<'a> {
    /// Its index among the members.
    pub member: usize,
    pub doc: &'a WriterMetadata<'a>,
    pub writer_id: Option<Uuid>,
    pub instance_id: Option<Uuid>,
    /// Its components by (logical path, name), as written; the first of a duplicated place,
    /// as a requester's lookup would find it.
    by_place: HashMap<(&'a str, &'a str), usize>,
}

impl<'a> Writer<'a> {
    /// The component with this logical path and name, as written.
    pub(crate) fn component(&self, logical_path: &str, name: &str) -> Option<&Component<'a>> {
        self.by_place
            .get(&(logical_path, name))
            .map(|k| &self.doc.components[*k])
    }
}

/// One `WRITER_COMPONENTS` of a backup components document of the backup: what the backup
/// selected for one writer instance, and that writer's document when the backup holds it.
pub(crate) struct Selection<'s, 'a> {
    /// The backup components document's member index.
    pub member: usize,
    pub bc: &'a BackupComponents<'a>,
    pub wc: &'a WriterComponents<'a>,
    pub writer: Option<&'s Writer<'a>>,
}

/// One backup: the documents of one set among the members of a check.
pub(crate) struct BackupSet<'a> {
    /// Its cabinet's path, or its folder.
    pub name: &'a str,
    pub writers: Vec<Writer<'a>>,
    /// Backup components documents, with their member index.
    pub components: Vec<(usize, &'a BackupComponents<'a>)>,
    pub manifests: Vec<(usize, &'a Manifest<'a>)>,
    /// The writers by (class, instance): the first document of each.
    by_identity: HashMap<(Uuid, Option<Uuid>), usize>,
}

impl<'a> BackupSet<'a> {
    /// The writer's document for a `WRITER_COMPONENTS`: same writer class and instance.
    pub(crate) fn writer_of(&self, wc: &WriterComponents) -> Option<&Writer<'a>> {
        let class = wc.writer_id.as_ref()?.value.uuid()?;
        let instance = wc.instance_id.as_ref().and_then(|a| a.value.uuid());
        self.by_identity
            .get(&(class, instance))
            .map(|k| &self.writers[*k])
    }

    /// Every `WRITER_COMPONENTS` of the backup's backup components documents, in document
    /// order, each with its writer's document when the backup holds it.
    pub(crate) fn selections(&self) -> impl Iterator<Item = Selection<'_, 'a>> + '_ {
        self.components.iter().flat_map(move |&(member, bc)| {
            bc.writers.iter().map(move |wc| Selection {
                member,
                bc,
                wc,
                writer: self.writer_of(wc),
            })
        })
    }

    /// Each writer the backup components documents add components for whose document is in
    /// the backup: (the backup components document's member index, the document, its
    /// `WRITER_COMPONENTS`, the writer).
    pub(crate) fn taking_part(
        &self,
    ) -> impl Iterator<
        Item = (
            usize,
            &'a BackupComponents<'a>,
            &'a WriterComponents<'a>,
            &Writer<'a>,
        ),
    > + '_ {
        self.selections()
            .filter_map(|s| Some((s.member, s.bc, s.wc, s.writer?)))
    }

    /// The backup's shadow copies, as DiskShadow's (first) manifest lists them, with the
    /// manifest's member index.
    pub(crate) fn shadow_copies(&self) -> Option<(usize, &'a ShadowCopySet<'a>)> {
        let &(member, manifest) = self.manifests.first()?;
        Some((member, manifest.shadow_copy_set.as_ref()?))
    }

    /// A writer's document of the same class as `wc` but another instance.
    pub(crate) fn same_class(&self, wc: &WriterComponents) -> Option<&Writer<'a>> {
        let class = wc.writer_id.as_ref()?.value.uuid()?;
        self.writers.iter().find(|w| w.writer_id == Some(class))
    }
}

/// The backup sets among `members`, in the order their first document comes.
pub(crate) fn backup_sets<'a>(members: &[Member<'a>]) -> Vec<BackupSet<'a>> {
    let mut names: Vec<&str> = Vec::new();
    let mut sets: Vec<BackupSet<'a>> = Vec::new();
    for (i, m) in members.iter().enumerate() {
        let (Some(name), Some(model)) = (m.facts.set, m.model) else {
            continue;
        };
        let k = match names.iter().position(|n| *n == name) {
            Some(k) => k,
            None => {
                names.push(name);
                sets.push(BackupSet {
                    name,
                    writers: Vec::new(),
                    components: Vec::new(),
                    manifests: Vec::new(),
                    by_identity: HashMap::new(),
                });
                sets.len() - 1
            }
        };
        let set = &mut sets[k];
        match model {
            Document::WriterMetadata(w) => {
                let id = w.identification();
                let writer = Writer {
                    member: i,
                    doc: w,
                    writer_id: id.and_then(|id| id.writer_id.as_ref()?.value.uuid()),
                    instance_id: id.and_then(|id| id.instance_id.as_ref()?.value.uuid()),
                    by_place: places(w),
                };
                if let Some(class) = writer.writer_id {
                    set.by_identity
                        .entry((class, writer.instance_id))
                        .or_insert(set.writers.len());
                }
                set.writers.push(writer);
            }
            Document::BackupComponents(bc) => set.components.push((i, bc)),
            Document::Manifest(m) => set.manifests.push((i, m)),
            Document::UnknownRoot { .. } => {}
        }
    }
    sets
}

/// A writer's components by (logical path, name).
fn places<'a>(w: &'a WriterMetadata<'a>) -> HashMap<(&'a str, &'a str), usize> {
    let mut index = HashMap::with_capacity(w.components.len());
    for (k, c) in w.components.iter().enumerate() {
        index.entry((c.logical_path(), c.name())).or_insert(k);
    }
    index
}

/// `logicalPath\componentName`, or the name alone at the top, for messages.
pub fn full_name(logical_path: &str, name: &str) -> String {
    if logical_path.is_empty() {
        name.to_string()
    } else {
        format!("{logical_path}\\{name}")
    }
}

/// How a component is named in a backup components document: `filegroup` or `database`.
pub(crate) fn type_name(c: &Component) -> &'static str {
    match c.kind {
        vsslint_model::model::ComponentKind::FileGroup => "filegroup",
        vsslint_model::model::ComponentKind::Database => "database",
    }
}

/// The component an `AddComponent` names, in its writer's document.
pub(crate) fn added<'w>(writer: &'w Writer, c: &AddedComponent) -> Option<&'w Component<'w>> {
    writer.component(c.logical_path(), c.name())
}

/// The logical-path elements of a component's place in the tree: its logical path, then its
/// name.
fn place_of<'c>(c: &'c Component) -> Vec<&'c str> {
    let mut parts: Vec<&str> = segments(c.logical_path()).collect();
    parts.push(c.name());
    parts
}

/// Whether the component is declared `selectable="yes"`.
pub(crate) fn selectable(c: &Component) -> bool {
    c.selectable.as_ref().and_then(|a| a.value) == Some(true)
}

/// The components above `c` in its writer's tree: those whose logical path and name are the
/// start of `c`'s logical path.
pub(crate) fn ancestors<'w>(
    writer: &'w WriterMetadata<'w>,
    c: &Component,
) -> impl Iterator<Item = &'w Component<'w>> {
    let own: Vec<String> = segments(c.logical_path()).map(str::to_string).collect();
    writer.components.iter().filter(move |a| {
        let p = place_of(a);
        p.len() <= own.len() && p.iter().zip(&own).all(|(x, y)| *x == y.as_str())
    })
}

/// The components below `c` in its writer's tree: its subcomponents, which a backup of `c`
/// takes with it.
pub fn descendants<'w>(
    writer: &'w WriterMetadata<'w>,
    c: &Component,
) -> impl Iterator<Item = &'w Component<'w>> {
    let own: Vec<String> = place_of(c).into_iter().map(str::to_string).collect();
    writer.components.iter().filter(move |d| {
        let p: Vec<&str> = segments(d.logical_path()).collect();
        p.len() >= own.len() && p.iter().zip(&own).all(|(x, y)| *x == y.as_str())
    })
}

/// Adds to `d` a related location at `span` of another document of the backup.
pub(crate) fn relate(
    d: &mut crate::diagnostic::Diagnostic,
    m: &Member,
    span: vsslint_model::span::Span,
    message: &str,
) {
    let start = vsslint_model::span::LineIndex::new(m.text).position(span.start);
    d.related_in(m.facts.path, span, start, message);
}

/// Whether a dependency names a component on another computer: its target logical path (or,
/// as one Microsoft page tells requesters to look, its component name) starts with
/// `\\ComputerName\`. Such a target is backed up by an agent on that computer, so the writers
/// of this backup say nothing about it.
pub(crate) fn remote_dependency(logical_path: &str, name: &str) -> bool {
    logical_path.starts_with(r"\\") || name.starts_with(r"\\")
}

/// The volumes a manifest's shadow copies cover: the drives they name, and the
/// `OriginalVolume`s that cannot be mapped to a drive (a `\\?\Volume{GUID}\` path, a mounted
/// folder, any other spelling that is not a drive's root). Remote file shares are neither:
/// they cannot hold a local path.
pub(crate) struct ShadowedVolumes<'m> {
    /// `C:` and the like, upper case, in the manifest's order.
    pub drives: Vec<String>,
    pub unmapped: Vec<&'m vsslint_model::model::Text<'m>>,
}

impl<'m> ShadowedVolumes<'m> {
    pub(crate) fn of(copies: &'m vsslint_model::model::ShadowCopySet<'m>) -> Self {
        let mut drives = Vec::new();
        let mut unmapped = Vec::new();
        for v in copies
            .copies
            .iter()
            .filter_map(|c| c.original_volume.as_ref())
        {
            match crate::toolkit::file_paths::drive_root(v.raw) {
                Some(d) => drives.push(d),
                None if crate::toolkit::file_paths::is_unc(v.raw) => {}
                None => unmapped.push(v),
            }
        }
        ShadowedVolumes { drives, unmapped }
    }

    /// Whether a shadow copy covers the drive of this upper-case letter.
    pub(crate) fn covers(&self, letter: u8) -> bool {
        self.drives.iter().any(|d| d.as_bytes()[0] == letter)
    }
}

/// The components a writer's `WRITER_COMPONENTS` selects, each once: those it adds and the
/// subcomponents they take with them, in the order they are first selected.
pub(crate) fn selected<'w>(
    writer: &'w Writer<'w>,
    wc: &WriterComponents,
) -> Vec<&'w Component<'w>> {
    let mut out: Vec<&Component> = Vec::new();
    for c in &wc.components {
        let Some(declared) = added(writer, c) else {
            continue;
        };
        for s in std::iter::once(declared).chain(descendants(writer.doc, declared)) {
            if !out.iter().any(|x| std::ptr::eq(*x, s)) {
                out.push(s);
            }
        }
    }
    out
}

/// Where a dependency's target is, or would be, among the components a writer declares
/// (logical path, name, span of each): the target itself when it is declared, else the
/// declared component nearest above it in its logical path. The span and what it is.
pub(crate) fn nearest_target<'c>(
    components: impl IntoIterator<Item = (&'c str, &'c str, vsslint_model::span::Span)>,
    logical_path: &str,
    name: &str,
) -> Option<(vsslint_model::span::Span, String)> {
    let mut target: Vec<&str> = segments(logical_path).collect();
    target.push(name);
    let mut best: Option<(usize, vsslint_model::span::Span, String)> = None;
    for (lp, n, span) in components {
        let mut place: Vec<&str> = segments(lp).collect();
        place.push(n);
        let above = place.len() <= target.len() && place.iter().zip(&target).all(|(a, b)| a == b);
        if above && best.as_ref().is_none_or(|(len, _, _)| place.len() > *len) {
            let what = if place.len() == target.len() {
                "the component the dependency names".to_string()
            } else {
                format!(
                    "`{}`, the nearest component above it that its writer declares",
                    full_name(lp, n)
                )
            };
            best = Some((place.len(), span, what));
        }
    }
    best.map(|(_, span, what)| (span, what))
}

/// The `backupSchema` bit a backup type needs, by its spelling in the backup components
/// document, with the bit's name; `None` for a type every writer supports (full) or one that
/// names no bit.
pub(crate) fn schema_bit(
    backup_type: &str,
) -> Option<(vsslint_model::flags::BackupSchema, &'static str)> {
    use vsslint_model::flags::BackupSchema;
    Some(match backup_type.to_ascii_lowercase().as_str() {
        "differential" => (BackupSchema::DIFFERENTIAL, "DIFFERENTIAL"),
        "incremental" => (BackupSchema::INCREMENTAL, "INCREMENTAL"),
        "log" => (BackupSchema::LOG, "LOG"),
        "copy" => (BackupSchema::COPY, "COPY"),
        _ => return None,
    })
}

/// `a` or `an` before a backup type's spelling.
pub(crate) fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

/// The writer's friendly name, for messages.
pub(crate) fn writer_name<'w>(writer: &'w Writer) -> &'w str {
    writer
        .doc
        .identification()
        .and_then(|id| id.friendly_name.as_ref())
        .map_or("the writer", |a| a.raw)
}

/// Where a writer metadata document's `IDENTIFICATION` element is named, found in its text
/// for checks that do not build models; the first `<IDENTIFICATION` that is not inside a
/// comment.
pub(crate) fn identification_span(text: &str) -> Option<vsslint_model::span::Span> {
    const TAG: &str = "<IDENTIFICATION";
    let mut from = 0;
    while let Some(at) = text[from..].find(TAG).map(|k| from + k) {
        let before = &text[..at];
        let in_comment = before
            .rfind("<!--")
            .is_some_and(|o| before[o..].find("-->").is_none());
        let ends = text[at + TAG.len()..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || c == '>' || c == '/');
        if !in_comment && ends {
            return Some(vsslint_model::span::Span::new(at + 1, at + TAG.len()));
        }
        from = at + TAG.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use vsslint_model::span::Span;

    #[test]
    fn the_identification_outside_comments() {
        let text = r#"<WRITER_METADATA><!-- <IDENTIFICATION/> --><IDENTIFICATIONS/><IDENTIFICATION writerId="x"/></WRITER_METADATA>"#;
        let at = identification_span(text).unwrap();
        assert_eq!(&text[at.start..at.end], "IDENTIFICATION");
        assert_eq!(&text[at.start - 1..at.end + 1], "<IDENTIFICATION ");
        assert_eq!(identification_span("<WRITER_METADATA/>"), None);
    }

    #[test]
    fn the_target_or_its_nearest_declared_ancestor() {
        let s = |n| Span::new(n, n + 1);
        let declared = [
            ("", "Ledgers", s(1)),
            ("Ledgers", "2026", s(2)),
            ("", "Reports", s(3)),
        ];
        let near = |lp, name| nearest_target(declared, lp, name).map(|(at, _)| at.start);
        assert_eq!(near("Ledgers", "2026"), Some(2));
        assert_eq!(near(r"Ledgers\2026", "Q1"), Some(2));
        assert_eq!(near(r"Ledgers\2027", "Q1"), Some(1));
        assert_eq!(near("", "Journal"), None);
        assert_eq!(near("Reports", "2026"), Some(3));
    }

    #[test]
    fn remote_dependencies() {
        assert!(remote_dependency(r"\\SERVER2\Data", "Journal"));
        assert!(remote_dependency("", r"\\SERVER2\Journal"));
        assert!(!remote_dependency(r"\Data", "Journal"));
        assert!(!remote_dependency("Data", "Journal"));
    }
}
