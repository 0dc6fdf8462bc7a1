//! The typed model of a writer metadata document. Every element and attribute keeps its
//! span in the decoded text; values that do not parse are kept as written so that linting
//! can go on and say what is wrong.

use crate::flags::{BackupSchema, ComponentFlags, FileSpecBackupType};
use crate::span::Span;
use crate::vocab::{BackupType, DataSource, Method, Usage, WriterRestore};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;
use std::borrow::Cow;

/// An element: its name and where it is.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
pub struct Node<'a> {
    pub name: &'a str,
    /// The element name inside its start tag (what labels point at).
    pub span: Span,
    /// The whole element, start tag to end tag.
    pub range: Span,
}

/// One attribute: as written, where its value is, and what it means.
#[derive(Debug, Clone)]
pub struct Attr<'a, T> {
    pub raw: &'a str,
    /// The value between the quotes (the whole attribute when the value is empty).
    pub span: Span,
    pub value: T,
}

/// What an attribute's `value` is in `dump`.
pub trait AttrValue: Serialize + JsonSchema {
    /// A text attribute means what it says: `dump` gives its text as its value, where the
    /// model keeps `()` so as not to hold the text twice.
    const IS_TEXT: bool = false;
}

impl AttrValue for () {
    const IS_TEXT: bool = true;
}
impl AttrValue for bool {}
impl AttrValue for u32 {}
impl AttrValue for Guid {}
impl<T: AttrValue> AttrValue for Option<T> {}
impl AttrValue for Usage {}
impl AttrValue for DataSource {}
impl AttrValue for Method {}
impl AttrValue for WriterRestore {}
impl AttrValue for BackupType {}
impl AttrValue for BackupSchema {}
impl AttrValue for ComponentFlags {}
impl AttrValue for FileSpecBackupType {}

impl<T: AttrValue> Serialize for Attr<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Attr", 3)?;
        st.serialize_field("raw", self.raw)?;
        st.serialize_field("span", &self.span)?;
        if T::IS_TEXT {
            st.serialize_field("value", self.raw)?;
        } else {
            st.serialize_field("value", &self.value)?;
        }
        st.end()
    }
}

impl<T: AttrValue> JsonSchema for Attr<'_, T> {
    fn schema_name() -> Cow<'static, str> {
        if T::IS_TEXT {
            "Text".into()
        } else {
            format!("Attr_{}", T::schema_name()).into()
        }
    }

    fn schema_id() -> Cow<'static, str> {
        format!("vsslint::model::Attr<{}>", T::schema_id()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let (description, value) = if T::IS_TEXT {
            (
                "A text attribute: as written, where its value is, and its text.",
                json_schema!({ "description": "The attribute's text, as `raw`.", "type": "string" }),
            )
        } else {
            (
                "One attribute: as written, where its value is, and what it means.",
                generator.subschema_for::<T>(),
            )
        };
        let mut span = generator.subschema_for::<Span>();
        span.insert(
            "description".into(),
            "The value between the quotes (the whole attribute when the value is empty).".into(),
        );
        json_schema!({
            "description": description,
            "type": "object",
            "properties": {
                "raw": { "type": "string" },
                "span": span,
                "value": value
            },
            "required": ["raw", "span", "value"]
        })
    }
}

pub type Text<'a> = Attr<'a, ()>;
/// `yes`/`no`; `None` for any other spelling.
pub type YesNo<'a> = Attr<'a, Option<bool>>;
/// An unsigned decimal; `None` when the text is not one.
pub type Number<'a> = Attr<'a, Option<u32>>;

/// Whether a value is empty or only white space. Stops at the first other character, where
/// `trim` searches from both ends.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

impl<'a> Attr<'a, Option<bool>> {
    /// Absent counts as `no` (real writers omit `recursive` on most file sets).
    pub fn is_yes(attr: &Option<Self>) -> bool {
        matches!(
            attr,
            Some(Attr {
                value: Some(true),
                ..
            })
        )
    }
}

/// A GUID as written in `writerId`/`instanceId`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase", tag = "form", content = "value")]
pub enum Guid {
    /// `8-4-4-4-12` hex digits, the form VSS writes.
    Plain(#[schemars(with = "String")] uuid::Uuid),
    /// The same in braces, as DiskShadow's own manifest writes GUIDs.
    Braced(#[schemars(with = "String")] uuid::Uuid),
    Invalid,
}

impl Guid {
    pub fn parse(s: &str) -> Self {
        let plain = |t: &str| {
            let b = t.as_bytes();
            // uuid also accepts 32 bare digits and URNs: VSS writes only the hyphenated form.
            if b.len() == 36 && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-') {
                uuid::Uuid::try_parse(t).ok()
            } else {
                None
            }
        };
        if let Some(u) = plain(s) {
            Guid::Plain(u)
        } else if let Some(u) = s
            .strip_prefix('{')
            .and_then(|t| t.strip_suffix('}'))
            .and_then(plain)
        {
            Guid::Braced(u)
        } else {
            Guid::Invalid
        }
    }

    pub fn uuid(self) -> Option<uuid::Uuid> {
        match self {
            Guid::Plain(u) | Guid::Braced(u) => Some(u),
            Guid::Invalid => None,
        }
    }
}

/// What the root of a document is.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Document<'a> {
    WriterMetadata(Box<WriterMetadata<'a>>),
    /// What a requester saved of a backup (`IVssBackupComponents::SaveAsXML`).
    BackupComponents(Box<BackupComponents<'a>>),
    /// DiskShadow's index of the files it saved with a backup.
    Manifest(Box<Manifest<'a>>),
    /// An element that is none of the above.
    UnknownRoot {
        root: Node<'a>,
        namespace: Option<&'a str>,
    },
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct WriterMetadata<'a> {
    pub node: Node<'a>,
    /// The wrapper element when the document is `<root><Schema/><WRITER_METADATA/></root>`.
    pub wrapper: Option<Node<'a>>,
    pub namespace: Option<&'a str>,
    pub version: Option<Text<'a>>,
    pub backup_schema: Option<Attr<'a, Option<BackupSchema>>>,
    pub identifications: Vec<Identification<'a>>,
    pub restore_methods: Vec<RestoreMethod<'a>>,
    pub backup_locations: Vec<Node<'a>>,
    pub components: Vec<Component<'a>>,
    pub excludes: Vec<Exclude<'a>>,
    /// Alternate location mappings, wherever they were found.
    pub mappings: Vec<Mapping<'a>>,
    /// Dependencies that are not inside a component.
    pub loose_dependencies: Vec<Dependency<'a>>,
    /// Elements outside the writer metadata namespace.
    pub foreign: Vec<Foreign<'a>>,
    /// Everything that is not part of the vocabulary, or not in its place.
    pub strays: Vec<Stray<'a>>,
    /// Comments, for inline suppressions.
    pub comments: Vec<Comment<'a>>,
}

impl<'a> WriterMetadata<'a> {
    /// The one identification, when there is exactly one.
    pub fn identification(&self) -> Option<&Identification<'a>> {
        self.identifications.first()
    }

    pub fn schema(&self) -> BackupSchema {
        self.backup_schema
            .as_ref()
            .and_then(|a| a.value)
            .unwrap_or(BackupSchema::empty())
    }

    pub fn usage(&self) -> Option<Usage> {
        self.identification()?.usage.as_ref().map(|u| u.value)
    }

    pub fn file_sets(&self) -> impl Iterator<Item = (&Component<'a>, &FileSet<'a>)> {
        self.components
            .iter()
            .flat_map(|c| c.file_sets.iter().map(move |f| (c, f)))
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Identification<'a> {
    pub node: Node<'a>,
    pub writer_id: Option<Attr<'a, Guid>>,
    pub instance_id: Option<Attr<'a, Guid>>,
    pub instance_name: Option<Text<'a>>,
    pub friendly_name: Option<Text<'a>>,
    pub usage: Option<Attr<'a, Usage>>,
    pub data_source: Option<Attr<'a, DataSource>>,
    pub major_version: Option<Number<'a>>,
    pub minor_version: Option<Number<'a>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct RestoreMethod<'a> {
    pub node: Node<'a>,
    pub method: Option<Attr<'a, Method>>,
    pub writer_restore: Option<Attr<'a, WriterRestore>>,
    pub reboot_required: Option<YesNo<'a>>,
    /// The service to stop and start (attribute name inferred: `service`).
    pub service: Option<Text<'a>>,
    /// Reserved (attribute name inferred: `userProcedure`).
    pub user_procedure: Option<Text<'a>>,
}

/// `ALTERNATE_LOCATION_MAPPING` (element and attribute names inferred).
#[derive(Debug, Serialize, JsonSchema)]
pub struct Mapping<'a> {
    pub node: Node<'a>,
    pub parent: &'a str,
    pub path: Option<Text<'a>>,
    pub filespec: Option<Text<'a>>,
    pub recursive: Option<YesNo<'a>>,
    pub destination: Option<Text<'a>>,
}

/// Serialized as the `VSS_COMPONENT_TYPE` constant the element name stands for: what a writer
/// passes to `AddComponent`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub enum ComponentKind {
    #[serde(rename = "VSS_CT_FILEGROUP")]
    FileGroup,
    #[serde(rename = "VSS_CT_DATABASE")]
    Database,
}

impl ComponentKind {
    pub fn element(self) -> &'static str {
        match self {
            ComponentKind::FileGroup => "FILE_GROUP",
            ComponentKind::Database => "DATABASE",
        }
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Component<'a> {
    pub node: Node<'a>,
    pub kind: ComponentKind,
    pub logical_path: Option<Text<'a>>,
    pub name: Option<Text<'a>>,
    pub caption: Option<Text<'a>>,
    pub restore_metadata: Option<YesNo<'a>>,
    pub notify_on_backup_complete: Option<YesNo<'a>>,
    pub selectable: Option<YesNo<'a>>,
    pub selectable_for_restore: Option<YesNo<'a>>,
    pub flags: Option<Attr<'a, Option<ComponentFlags>>>,
    /// `pbIcon` of `AddComponent`, as written (no public document shows its encoding).
    pub icon: Option<Text<'a>>,
    pub file_sets: Vec<FileSet<'a>>,
    pub dependencies: Vec<Dependency<'a>>,
}

impl Component<'_> {
    /// The logical path, with absent and empty treated alike.
    pub fn logical_path(&self) -> &str {
        self.logical_path.as_ref().map_or("", |a| a.raw)
    }

    pub fn name(&self) -> &str {
        self.name.as_ref().map_or("", |a| a.raw)
    }

    /// Where a finding about the component's identity points: its name, or the element when
    /// it has none.
    pub fn name_span(&self) -> Span {
        self.name.as_ref().map_or(self.node.span, |a| a.span)
    }

    /// `logicalPath\componentName`, for messages.
    pub fn full_name(&self) -> String {
        match self.logical_path() {
            "" => self.name().to_string(),
            lp => format!("{lp}\\{}", self.name()),
        }
    }

    pub fn flags(&self) -> ComponentFlags {
        self.flags
            .as_ref()
            .and_then(|a| a.value)
            .unwrap_or(ComponentFlags::empty())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FileSetKind {
    FileList,
    DatabaseFiles,
    DatabaseLogfiles,
}

impl FileSetKind {
    pub fn element(self) -> &'static str {
        match self {
            FileSetKind::FileList => "FILE_LIST",
            FileSetKind::DatabaseFiles => "DATABASE_FILES",
            FileSetKind::DatabaseLogfiles => "DATABASE_LOGFILES",
        }
    }

    pub fn is_database(self) -> bool {
        !matches!(self, FileSetKind::FileList)
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct FileSet<'a> {
    pub node: Node<'a>,
    pub kind: FileSetKind,
    pub path: Option<Text<'a>>,
    pub filespec: Option<Text<'a>>,
    pub recursive: Option<YesNo<'a>>,
    pub backup_type: Option<Attr<'a, Option<FileSpecBackupType>>>,
    /// Backup-time source directory (attribute name inferred: `alternatePath`).
    pub alternate_path: Option<Text<'a>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ExcludeKind {
    ExcludeFiles,
    ExcludeFilesFromSnapshot,
}

impl ExcludeKind {
    pub fn element(self) -> &'static str {
        match self {
            ExcludeKind::ExcludeFiles => "EXCLUDE_FILES",
            ExcludeKind::ExcludeFilesFromSnapshot => "EXCLUDE_FILES_FROM_SNAPSHOT",
        }
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Exclude<'a> {
    pub node: Node<'a>,
    pub kind: ExcludeKind,
    pub path: Option<Text<'a>>,
    pub filespec: Option<Text<'a>>,
    pub recursive: Option<YesNo<'a>>,
}

/// A component dependency (element and attribute names inferred).
#[derive(Debug, Serialize, JsonSchema)]
pub struct Dependency<'a> {
    pub node: Node<'a>,
    pub writer_id: Option<Attr<'a, Guid>>,
    pub logical_path: Option<Text<'a>>,
    pub component_name: Option<Text<'a>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Foreign<'a> {
    pub node: Node<'a>,
    pub namespace: Option<&'a str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StrayKind {
    /// An element name outside the vocabulary.
    UnknownElement,
    /// A known element in a place it cannot be.
    MisplacedElement,
    /// An attribute the element does not have.
    UnknownAttribute,
    /// Character data where only elements belong.
    Text,
    /// An explicit include-file list (removed in Windows Server 2003).
    IncludeList,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Stray<'a> {
    pub kind: StrayKind,
    pub name: &'a str,
    pub parent: &'a str,
    pub span: Span,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Comment<'a> {
    pub text: &'a str,
    pub span: Span,
    /// The element that follows the comment among its siblings (what an inline
    /// suppression applies to).
    pub next: Option<Span>,
}

/// Which of the documents of a backup a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    WriterMetadata,
    BackupComponents,
    Manifest,
}

impl Document<'_> {
    /// What kind of document this is; `None` for an unknown root element.
    pub fn kind(&self) -> Option<DocKind> {
        match self {
            Document::WriterMetadata(_) => Some(DocKind::WriterMetadata),
            Document::BackupComponents(_) => Some(DocKind::BackupComponents),
            Document::Manifest(_) => Some(DocKind::Manifest),
            Document::UnknownRoot { .. } => None,
        }
    }
}

/// A writer metadata document as the checks across documents see it: who wrote it and what
/// it declares, without borrowing its text.
#[derive(Debug, Clone)]
pub struct Identity {
    pub writer_id: uuid::Uuid,
    pub instance_name: Option<String>,
    /// (logical path, component name, span of the component element name).
    pub components: Vec<(String, String, Span)>,
    /// The dependencies on components of other writers: (target writer class, logical
    /// path, component name, span of the component name).
    pub dependencies: Vec<(uuid::Uuid, String, String, Span)>,
}

impl WriterMetadata<'_> {
    /// The document's identity, when it names its writer class with a valid GUID.
    pub fn identity(&self) -> Option<Identity> {
        let id = self.identification()?;
        let writer_id = id.writer_id.as_ref()?.value.uuid()?;
        Some(Identity {
            writer_id,
            instance_name: id.instance_name.as_ref().map(|a| a.raw.to_string()),
            components: self
                .components
                .iter()
                .map(|c| {
                    (
                        c.logical_path().to_string(),
                        c.name().to_string(),
                        c.node.span,
                    )
                })
                .collect(),
            dependencies: self
                .components
                .iter()
                .flat_map(|c| &c.dependencies)
                .filter_map(|d| {
                    let target = d.writer_id.as_ref()?.value.uuid()?;
                    let name = d.component_name.as_ref()?;
                    (target != writer_id).then(|| {
                        let lp = d.logical_path.as_ref().map_or("", |a| a.raw);
                        (target, lp.to_string(), name.raw.to_string(), name.span)
                    })
                })
                .collect(),
        })
    }
}

/// A backup components document: `BACKUP_COMPONENTS xmlns="x-schema:#VssComponentMetadata"`,
/// the state a requester set with `IVssBackupComponents::SetBackupState` and the components it
/// added with `AddComponent`, for each writer.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BackupComponents<'a> {
    pub node: Node<'a>,
    pub namespace: Option<&'a str>,
    pub version: Option<Text<'a>>,
    pub select_components: Option<YesNo<'a>>,
    pub bootable_system_state_backup: Option<YesNo<'a>>,
    /// `full`, `incremental`, `differential`, `log`, `copy`, … as written; in `dump`, the
    /// `VSS_BACKUP_TYPE` constant it stands for.
    #[serde(serialize_with = "serialize_backup_type")]
    #[schemars(with = "Option<Attr<'static, BackupType>>")]
    pub backup_type: Option<Text<'a>>,
    pub partial_file_support: Option<YesNo<'a>>,
    pub snapshot_set_id: Option<Attr<'a, Guid>>,
    pub writers: Vec<WriterComponents<'a>>,
    /// Elements whose spelling no public document shows (backup succeeded, selected for
    /// restore, partial files, new targets, …): kept, not judged.
    pub unknown: Vec<Node<'a>>,
    pub comments: Vec<Comment<'a>>,
}

/// `backupType` with its meaning: the rules read the spelling, `dump` shows the constant.
fn serialize_backup_type<S: Serializer>(a: &Option<Text>, s: S) -> Result<S::Ok, S::Error> {
    a.as_ref()
        .map(|a| Attr {
            raw: a.raw,
            span: a.span,
            value: BackupType::parse_any_case(a.raw),
        })
        .serialize(s)
}

/// The components a requester added for one writer instance.
#[derive(Debug, Serialize, JsonSchema)]
pub struct WriterComponents<'a> {
    pub node: Node<'a>,
    pub instance_id: Option<Attr<'a, Guid>>,
    pub writer_id: Option<Attr<'a, Guid>>,
    pub instance_name: Option<Text<'a>>,
    pub backup_schema: Option<Attr<'a, Option<BackupSchema>>>,
    pub components: Vec<AddedComponent<'a>>,
}

/// One `AddComponent` call, as saved.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AddedComponent<'a> {
    pub node: Node<'a>,
    pub name: Option<Text<'a>>,
    /// `filegroup` or `database`.
    pub component_type: Option<Text<'a>>,
    pub logical_path: Option<Text<'a>>,
    pub backup_stamp: Option<Text<'a>>,
    /// The writer's private `BACKUP_METADATA`, when it saved some.
    pub backup_metadata: Option<Node<'a>>,
}

impl AddedComponent<'_> {
    pub fn name(&self) -> &str {
        self.name.as_ref().map_or("", |a| a.raw)
    }

    pub fn logical_path(&self) -> &str {
        self.logical_path.as_ref().map_or("", |a| a.raw)
    }
}

/// DiskShadow's `Manifest.xml`: the snapshot set, the backup components document and the
/// writers' documents it saved beside it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Manifest<'a> {
    pub node: Node<'a>,
    pub shadow_copy_set: Option<ShadowCopySet<'a>>,
    /// `BackupComponents File`.
    pub backup_components_file: Option<Text<'a>>,
    /// The `Writers` element and its `Count`.
    pub writers_node: Option<Node<'a>>,
    pub writers_count: Option<Number<'a>>,
    pub writers: Vec<ManifestWriter<'a>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ShadowCopySet<'a> {
    pub node: Node<'a>,
    pub guid: Option<Attr<'a, Guid>>,
    pub machine_name: Option<Text<'a>>,
    pub copies: Vec<ShadowCopy<'a>>,
}

/// One shadow copy of the set: a volume.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ShadowCopy<'a> {
    pub node: Node<'a>,
    pub guid: Option<Attr<'a, Guid>>,
    pub alias: Option<Text<'a>>,
    /// The volume copied, such as `C:\`.
    pub original_volume: Option<Text<'a>>,
}

/// A writer as the manifest lists it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ManifestWriter<'a> {
    pub node: Node<'a>,
    /// The writer's name with each space written `%s`.
    pub name: Option<Text<'a>>,
    /// Where DiskShadow wrote the writer's document (`%TEMP%\WMn.xml`): its file name is the
    /// document's name in the backup.
    pub metadata_file: Option<Text<'a>>,
}

impl ManifestWriter<'_> {
    /// The name with `%s` read as a space.
    pub fn display_name(&self) -> String {
        self.name
            .as_ref()
            .map_or(String::new(), |a| a.raw.replace("%s", " "))
    }

    /// The file name of `MetadataFile`.
    pub fn file_name(&self) -> Option<&str> {
        let f = self.metadata_file.as_ref()?.raw;
        Some(f.rsplit(['\\', '/']).next().unwrap_or(f))
    }
}
