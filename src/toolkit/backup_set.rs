//! A backup as the `set/*` rules see it: the writers' documents, the backup components
//! document and DiskShadow's manifest that were linted together as one backup set, and the
//! lookups the rules share. GUIDs compare as values: backup components documents write them
//! in lower case, writer metadata documents in upper or mixed case.

use crate::model::{
    AddedComponent, BackupComponents, Component, Document, Manifest, WriterComponents,
    WriterMetadata,
};
use crate::rule_api::{companion, Across, AcrossCx, Check, Facts, Member};
use crate::toolkit::logical_paths::segments;
use uuid::Uuid;

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
}

impl Writer<'_> {
    /// The component with this logical path and name, as written.
    pub(crate) fn component(&self, logical_path: &str, name: &str) -> Option<&Component<'_>> {
        self.doc
            .components
            .iter()
            .find(|c| c.logical_path() == logical_path && c.name() == name)
    }
}

/// One backup: the documents of one set among the members of a check.
pub(crate) struct BackupSet<'a> {
    /// Its cabinet's path, or its folder.
    pub name: &'a str,
    pub writers: Vec<Writer<'a>>,
    /// Backup components documents, with their member index.
    pub components: Vec<(usize, &'a BackupComponents<'a>)>,
    pub manifests: Vec<(usize, &'a Manifest<'a>)>,
}

impl<'a> BackupSet<'a> {
    /// The writer's document for a `WRITER_COMPONENTS`: same writer class and instance.
    pub(crate) fn writer_of(&self, wc: &WriterComponents) -> Option<&Writer<'a>> {
        let class = wc.writer_id.as_ref()?.value.uuid()?;
        let instance = wc.instance_id.as_ref().and_then(|a| a.value.uuid());
        self.writers
            .iter()
            .find(|w| w.writer_id == Some(class) && w.instance_id == instance)
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
        self.components.iter().flat_map(move |&(i, bc)| {
            bc.writers
                .iter()
                .filter_map(move |wc| Some((i, bc, wc, self.writer_of(wc)?)))
        })
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
                });
                sets.len() - 1
            }
        };
        let set = &mut sets[k];
        match model {
            Document::WriterMetadata(w) => {
                let id = w.identification();
                set.writers.push(Writer {
                    member: i,
                    doc: w,
                    writer_id: id.and_then(|id| id.writer_id.as_ref()?.value.uuid()),
                    instance_id: id.and_then(|id| id.instance_id.as_ref()?.value.uuid()),
                });
            }
            Document::BackupComponents(bc) => set.components.push((i, bc)),
            Document::Manifest(m) => set.manifests.push((i, m)),
            Document::UnknownRoot { .. } => {}
        }
    }
    sets
}

/// `logicalPath\componentName`, or the name alone at the top, for messages.
pub(crate) fn full_name(logical_path: &str, name: &str) -> String {
    if logical_path.is_empty() {
        name.to_string()
    } else {
        format!("{logical_path}\\{name}")
    }
}

/// How a component is named in a backup components document: `filegroup` or `database`.
pub(crate) fn type_name(c: &Component) -> &'static str {
    match c.kind {
        crate::model::ComponentKind::FileGroup => "filegroup",
        crate::model::ComponentKind::Database => "database",
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
pub(crate) fn descendants<'w>(
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
    span: crate::span::Span,
    message: &str,
) {
    let start = crate::span::LineIndex::new(m.text).position(span.start);
    d.related_in(m.facts.path, span, start, message);
}
