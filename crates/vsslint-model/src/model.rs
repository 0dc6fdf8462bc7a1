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
    /// The element's local name, without a namespace prefix.
    pub name: &'a str,
    /// The element name inside its start tag (what labels point at).
    pub span: Span,
    /// The whole element, start tag to end tag.
    pub range: Span,
}

/// One attribute: as written, where its value is, and what it means.
#[derive(Debug, Clone)]
pub struct Attr<'a, T> {
    /// The value as the XML parser reads it: references expanded, line breaks and tabs as
    /// spaces.
    pub raw: &'a str,
    /// The value between the quotes (the whole attribute when the value is empty).
    pub span: Span,
    /// What the value means; `()` for a [`Text`], whose meaning is `raw` itself.
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

/// A text attribute: what it means is what `raw` says.
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
    /// Anything else; the attribute's `raw` shows what was written.
    Invalid,
}

impl Guid {
    /// Reads either form, hex digits in any case. Any other text, 32 bare digits and URNs
    /// included, is [`Guid::Invalid`].
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

    /// The GUID, in either form; `None` when it is invalid.
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
    /// A writer metadata document: `WRITER_METADATA`, bare or in its wrapper.
    WriterMetadata(Box<WriterMetadata<'a>>),
    /// What a requester saved of a backup (`IVssBackupComponents::SaveAsXML`).
    BackupComponents(Box<BackupComponents<'a>>),
    /// DiskShadow's index of the files it saved with a backup.
    Manifest(Box<Manifest<'a>>),
    /// An element that is none of the above.
    UnknownRoot {
        /// The document element.
        root: Node<'a>,
        /// Its namespace URI; `None` when it has none.
        namespace: Option<&'a str>,
    },
}

/// A writer metadata document: the `WRITER_METADATA` element and everything in it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct WriterMetadata<'a> {
    /// The `WRITER_METADATA` element.
    pub node: Node<'a>,
    /// The wrapper element when the document is `<root><Schema/><WRITER_METADATA/></root>`.
    pub wrapper: Option<Node<'a>>,
    /// The namespace URI of `WRITER_METADATA` (`x-schema:#VssWriterMetadataInfo` in every
    /// sampled real document); `None` when it has none.
    pub namespace: Option<&'a str>,
    /// `version` (`1.2` in every sampled real document); `None` when absent.
    pub version: Option<Text<'a>>,
    /// `backupSchema`, a `VSS_BACKUP_SCHEMA` mask; absent means `VSS_BS_UNDEFINED` (full
    /// backups only). Its value is `None` when the text is not an unsigned decimal.
    pub backup_schema: Option<Attr<'a, Option<BackupSchema>>>,
    /// Every `IDENTIFICATION` element, in document order; a valid document has exactly one.
    pub identifications: Vec<Identification<'a>>,
    /// Every `RESTORE_METHOD` element, in document order; a valid document has at most one.
    pub restore_methods: Vec<RestoreMethod<'a>>,
    /// Every `BACKUP_LOCATIONS` element; what they hold is in `components`, `excludes`,
    /// `mappings` and `loose_dependencies`.
    pub backup_locations: Vec<Node<'a>>,
    /// Every component (`FILE_GROUP`, `DATABASE`) in `BACKUP_LOCATIONS`, in document order.
    pub components: Vec<Component<'a>>,
    /// Every exclude list (`EXCLUDE_FILES`, `EXCLUDE_FILES_FROM_SNAPSHOT`) in
    /// `BACKUP_LOCATIONS`, in document order.
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
    /// The first identification (a valid document has exactly one); `None` when there is
    /// none.
    pub fn identification(&self) -> Option<&Identification<'a>> {
        self.identifications.first()
    }

    /// The backup schema; empty (`VSS_BS_UNDEFINED`) when `backupSchema` is absent or not an
    /// unsigned decimal.
    pub fn schema(&self) -> BackupSchema {
        self.backup_schema
            .as_ref()
            .and_then(|a| a.value)
            .unwrap_or(BackupSchema::empty())
    }

    /// The `usage` of the first identification; `None` when there is no identification or it
    /// has no `usage`.
    pub fn usage(&self) -> Option<Usage> {
        self.identification()?.usage.as_ref().map(|u| u.value)
    }

    /// Every file set of every component, with its component, in document order.
    pub fn file_sets(&self) -> impl Iterator<Item = (&Component<'a>, &FileSet<'a>)> {
        self.components
            .iter()
            .flat_map(|c| c.file_sets.iter().map(move |f| (c, f)))
    }
}

/// `IDENTIFICATION`: which writer wrote the document.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Identification<'a> {
    /// The `IDENTIFICATION` element.
    pub node: Node<'a>,
    /// `writerId`: the writer class ID; `None` when absent.
    pub writer_id: Option<Attr<'a, Guid>>,
    /// `instanceId`: the ID VSS gave the writer process that wrote the document; `None` when
    /// absent.
    pub instance_id: Option<Attr<'a, Guid>>,
    /// `instanceName`: the writer instance's persistent name; optional, `None` when absent.
    pub instance_name: Option<Text<'a>>,
    /// `friendlyName`: the writer's name; `None` when absent.
    pub friendly_name: Option<Text<'a>>,
    /// `usage` (`VSS_USAGE_TYPE`); `None` when absent.
    pub usage: Option<Attr<'a, Usage>>,
    /// `dataSource` (`VSS_SOURCE_TYPE`); `None` when absent.
    pub data_source: Option<Attr<'a, DataSource>>,
    /// `majorVersion`: the writer's major version, where 0.0 means none was given; `None`
    /// when absent.
    pub major_version: Option<Number<'a>>,
    /// `minorVersion`: the writer's minor version; `None` when absent.
    pub minor_version: Option<Number<'a>>,
}

/// `RESTORE_METHOD`: how the writer's data is restored, for all of its components.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RestoreMethod<'a> {
    /// The `RESTORE_METHOD` element.
    pub node: Node<'a>,
    /// `method` (`VSS_RESTOREMETHOD_ENUM`); `None` when absent.
    pub method: Option<Attr<'a, Method>>,
    /// `writerRestore` (`VSS_WRITERRESTORE_ENUM`); `None` when absent.
    pub writer_restore: Option<Attr<'a, WriterRestore>>,
    /// `rebootRequired`: whether a restore needs a reboot; `None` when absent.
    pub reboot_required: Option<YesNo<'a>>,
    /// The service to stop and start (attribute name inferred: `service`).
    pub service: Option<Text<'a>>,
    /// Reserved (attribute name inferred: `userProcedure`).
    pub user_procedure: Option<Text<'a>>,
}

/// `ALTERNATE_LOCATION_MAPPING` (element and attribute names inferred).
#[derive(Debug, Serialize, JsonSchema)]
pub struct Mapping<'a> {
    /// The `ALTERNATE_LOCATION_MAPPING` element.
    pub node: Node<'a>,
    /// The name of the element it is in: `RESTORE_METHOD` where it is expected,
    /// `BACKUP_LOCATIONS` or `WRITER_METADATA` otherwise.
    pub parent: &'a str,
    /// `path`: the directory of the files mapped; `None` when absent.
    pub path: Option<Text<'a>>,
    /// `filespec`: the file name pattern of the files mapped; `None` when absent.
    pub filespec: Option<Text<'a>>,
    /// `recursive`: whether the mapping covers the subdirectories of `path`; absent counts as
    /// `no`.
    pub recursive: Option<YesNo<'a>>,
    /// `alternatePath`, or `destination` when there is no `alternatePath`: where the files
    /// are restored to; `None` when both are absent.
    pub destination: Option<Text<'a>>,
}

/// Serialized as the `VSS_COMPONENT_TYPE` constant the element name stands for: what a writer
/// passes to `AddComponent`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub enum ComponentKind {
    /// `FILE_GROUP` (`VSS_CT_FILEGROUP`).
    #[serde(rename = "VSS_CT_FILEGROUP")]
    FileGroup,
    /// `DATABASE` (`VSS_CT_DATABASE`).
    #[serde(rename = "VSS_CT_DATABASE")]
    Database,
}

impl ComponentKind {
    /// The element name of a component of this kind.
    pub fn element(self) -> &'static str {
        match self {
            ComponentKind::FileGroup => "FILE_GROUP",
            ComponentKind::Database => "DATABASE",
        }
    }
}

/// A component: a `FILE_GROUP` or `DATABASE` element in `BACKUP_LOCATIONS`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Component<'a> {
    /// The `FILE_GROUP` or `DATABASE` element.
    pub node: Node<'a>,
    /// Which of the two elements it is.
    pub kind: ComponentKind,
    /// `logicalPath`: the `\`-separated path of the component's place among the writer's
    /// components; absent (or empty) means the top level.
    pub logical_path: Option<Text<'a>>,
    /// `componentName`, which every component needs; `None` when absent.
    pub name: Option<Text<'a>>,
    /// `caption`: an optional description, which may be localized; `None` when absent.
    pub caption: Option<Text<'a>>,
    /// `restoreMetadata`; `None` when absent.
    pub restore_metadata: Option<YesNo<'a>>,
    /// `notifyOnBackupComplete`; `None` when absent.
    pub notify_on_backup_complete: Option<YesNo<'a>>,
    /// `selectable`: whether a requester may select the component for backup. It has no
    /// default; `None` when absent.
    pub selectable: Option<YesNo<'a>>,
    /// `selectableForRestore`: whether a requester may select the component for restore;
    /// absent means `no`.
    pub selectable_for_restore: Option<YesNo<'a>>,
    /// `componentFlags`, a `VSS_COMPONENT_FLAGS` mask; absent means no flags. Its value is
    /// `None` when the text is not an unsigned decimal.
    pub flags: Option<Attr<'a, Option<ComponentFlags>>>,
    /// `pbIcon` of `AddComponent`, as written (no public document shows its encoding).
    pub icon: Option<Text<'a>>,
    /// Its file sets (`FILE_LIST`, `DATABASE_FILES`, `DATABASE_LOGFILES`), in document order.
    pub file_sets: Vec<FileSet<'a>>,
    /// Its dependencies on other components, in document order.
    pub dependencies: Vec<Dependency<'a>>,
}

impl Component<'_> {
    /// The logical path, with absent and empty treated alike.
    pub fn logical_path(&self) -> &str {
        self.logical_path.as_ref().map_or("", |a| a.raw)
    }

    /// The component name; empty when `componentName` is absent.
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

    /// The component flags; empty when `componentFlags` is absent or not an unsigned decimal.
    pub fn flags(&self) -> ComponentFlags {
        self.flags
            .as_ref()
            .and_then(|a| a.value)
            .unwrap_or(ComponentFlags::empty())
    }
}

/// Which element a file set is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FileSetKind {
    /// `FILE_LIST`, the file set of a `FILE_GROUP`.
    FileList,
    /// `DATABASE_FILES`, the database files of a `DATABASE`.
    DatabaseFiles,
    /// `DATABASE_LOGFILES`, the log files of a `DATABASE`.
    DatabaseLogfiles,
}

impl FileSetKind {
    /// The element name of a file set of this kind.
    pub fn element(self) -> &'static str {
        match self {
            FileSetKind::FileList => "FILE_LIST",
            FileSetKind::DatabaseFiles => "DATABASE_FILES",
            FileSetKind::DatabaseLogfiles => "DATABASE_LOGFILES",
        }
    }

    /// Whether it is one of the file sets of a `DATABASE`.
    pub fn is_database(self) -> bool {
        !matches!(self, FileSetKind::FileList)
    }
}

/// A file set: a `FILE_LIST`, `DATABASE_FILES` or `DATABASE_LOGFILES` element in a component.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FileSet<'a> {
    /// The file set's element.
    pub node: Node<'a>,
    /// Which element it is.
    pub kind: FileSetKind,
    /// `path`: the directory that holds the files; `None` when absent.
    pub path: Option<Text<'a>>,
    /// `filespec`: the file name pattern, where `?` and `*` are wildcards; `None` when absent.
    pub filespec: Option<Text<'a>>,
    /// `recursive`: whether the subdirectories of `path` are included; absent counts as `no`.
    pub recursive: Option<YesNo<'a>>,
    /// `filespecBackupType`, a `VSS_FILE_SPEC_BACKUP_TYPE` mask; absent means the default,
    /// 0xF0F. Its value is `None` when the text is not an unsigned decimal.
    pub backup_type: Option<Attr<'a, Option<FileSpecBackupType>>>,
    /// Backup-time source directory (attribute name inferred: `alternatePath`).
    pub alternate_path: Option<Text<'a>>,
}

/// Which element an exclude list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ExcludeKind {
    /// `EXCLUDE_FILES`: files left out of the backup.
    ExcludeFiles,
    /// `EXCLUDE_FILES_FROM_SNAPSHOT`: files the writer deletes from the shadow copy; they are
    /// not left out of the backup.
    ExcludeFilesFromSnapshot,
}

impl ExcludeKind {
    /// The element name of an exclude list of this kind.
    pub fn element(self) -> &'static str {
        match self {
            ExcludeKind::ExcludeFiles => "EXCLUDE_FILES",
            ExcludeKind::ExcludeFilesFromSnapshot => "EXCLUDE_FILES_FROM_SNAPSHOT",
        }
    }
}

/// A writer-wide exclude list: an `EXCLUDE_FILES` or `EXCLUDE_FILES_FROM_SNAPSHOT` element in
/// `BACKUP_LOCATIONS`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Exclude<'a> {
    /// The exclude list's element.
    pub node: Node<'a>,
    /// Which element it is.
    pub kind: ExcludeKind,
    /// `path`: the directory that holds the files; `None` when absent.
    pub path: Option<Text<'a>>,
    /// `filespec`: the file name pattern, where `?` and `*` are wildcards; `None` when absent.
    pub filespec: Option<Text<'a>>,
    /// `recursive`: whether the subdirectories of `path` are included; absent counts as `no`.
    pub recursive: Option<YesNo<'a>>,
}

/// A component dependency (element and attribute names inferred).
#[derive(Debug, Serialize, JsonSchema)]
pub struct Dependency<'a> {
    /// The `DEPENDENCY` or `COMPONENT_DEPENDENCY` element.
    pub node: Node<'a>,
    /// `onWriterId`, or `writerId` when there is no `onWriterId`: the class of the writer
    /// whose component is depended on; `None` when both are absent.
    pub writer_id: Option<Attr<'a, Guid>>,
    /// `onLogicalPath`, or `logicalPath` when there is no `onLogicalPath`: the logical path
    /// of the component depended on; `None` when both are absent.
    pub logical_path: Option<Text<'a>>,
    /// `onComponentName`, or `componentName` when there is no `onComponentName`: the name of
    /// the component depended on; `None` when both are absent.
    pub component_name: Option<Text<'a>>,
}

/// An element of a writer metadata document outside its namespace.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Foreign<'a> {
    /// The element.
    pub node: Node<'a>,
    /// Its namespace URI; `None` when it has none.
    pub namespace: Option<&'a str>,
}

/// What a stray is.
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

/// Something in a writer metadata document that the model has no place for.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Stray<'a> {
    /// What it is.
    pub kind: StrayKind,
    /// The element's or attribute's local name; empty for text.
    pub name: &'a str,
    /// The name of the element it is in.
    pub parent: &'a str,
    /// The element's or attribute's name, or the text without the white space around it.
    pub span: Span,
}

/// An XML comment.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Comment<'a> {
    /// The text between `<!--` and `-->`.
    pub text: &'a str,
    /// The whole comment.
    pub span: Span,
    /// The element that follows the comment among its siblings (what an inline
    /// suppression applies to).
    pub next: Option<Span>,
}

/// Which of the documents of a backup a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    /// A writer metadata document.
    WriterMetadata,
    /// A backup components document.
    BackupComponents,
    /// DiskShadow's manifest.
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
    /// The writer class (`writerId`).
    pub writer_id: uuid::Uuid,
    /// `instanceName`; `None` when absent.
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
    /// The `BACKUP_COMPONENTS` element.
    pub node: Node<'a>,
    /// Its namespace URI; `None` when it has none.
    pub namespace: Option<&'a str>,
    /// `version`; `None` when absent.
    pub version: Option<Text<'a>>,
    /// `selectComponents`; `None` when absent.
    pub select_components: Option<YesNo<'a>>,
    /// `bootableSystemStateBackup`; `None` when absent.
    pub bootable_system_state_backup: Option<YesNo<'a>>,
    /// `full`, `incremental`, `differential`, `log`, `copy`, … as written; in `dump`, the
    /// `VSS_BACKUP_TYPE` constant it stands for.
    #[serde(serialize_with = "serialize_backup_type")]
    #[schemars(with = "Option<Attr<'static, BackupType>>")]
    pub backup_type: Option<Text<'a>>,
    /// `partialFileSupport`; `None` when absent.
    pub partial_file_support: Option<YesNo<'a>>,
    /// `snapshotSetId`: the ID of the shadow copy set; `None` when absent.
    pub snapshot_set_id: Option<Attr<'a, Guid>>,
    /// Every `WRITER_COMPONENTS` element, in document order.
    pub writers: Vec<WriterComponents<'a>>,
    /// Elements whose spelling no public document shows (backup succeeded, selected for
    /// restore, partial files, new targets, …): kept, not judged.
    pub unknown: Vec<Node<'a>>,
    /// The comments outside `BACKUP_COMPONENTS` and directly in it, for inline suppressions.
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
    /// The `WRITER_COMPONENTS` element.
    pub node: Node<'a>,
    /// `instanceId`: the writer instance; `None` when absent.
    pub instance_id: Option<Attr<'a, Guid>>,
    /// `writerId`: the writer class; `None` when absent.
    pub writer_id: Option<Attr<'a, Guid>>,
    /// `instanceName`; `None` when absent.
    pub instance_name: Option<Text<'a>>,
    /// `backupSchema`: the writer's `VSS_BACKUP_SCHEMA` mask, as its own document gives it;
    /// `None` when absent. Its value is `None` when the text is not an unsigned decimal.
    pub backup_schema: Option<Attr<'a, Option<BackupSchema>>>,
    /// Every `COMPONENT` element, in document order.
    pub components: Vec<AddedComponent<'a>>,
}

/// One `AddComponent` call, as saved.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AddedComponent<'a> {
    /// The `COMPONENT` element.
    pub node: Node<'a>,
    /// `componentName`; `None` when absent.
    pub name: Option<Text<'a>>,
    /// `filegroup` or `database`.
    pub component_type: Option<Text<'a>>,
    /// `logicalPath`; absent (or empty) means the top level.
    pub logical_path: Option<Text<'a>>,
    /// `backupStamp`; `None` when absent.
    pub backup_stamp: Option<Text<'a>>,
    /// The writer's private `BACKUP_METADATA`, when it saved some.
    pub backup_metadata: Option<Node<'a>>,
}

impl AddedComponent<'_> {
    /// The component name; empty when `componentName` is absent.
    pub fn name(&self) -> &str {
        self.name.as_ref().map_or("", |a| a.raw)
    }

    /// The logical path; empty when `logicalPath` is absent.
    pub fn logical_path(&self) -> &str {
        self.logical_path.as_ref().map_or("", |a| a.raw)
    }
}

/// DiskShadow's `Manifest.xml`: the snapshot set, the backup components document and the
/// writers' documents it saved beside it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Manifest<'a> {
    /// The `Manifest` element.
    pub node: Node<'a>,
    /// The first `ShadowCopySet` element; `None` when there is none.
    pub shadow_copy_set: Option<ShadowCopySet<'a>>,
    /// `BackupComponents File`.
    pub backup_components_file: Option<Text<'a>>,
    /// The `Writers` element and its `Count`.
    pub writers_node: Option<Node<'a>>,
    /// `Count` of the first `Writers` element: how many writers it says it lists; `None` when
    /// absent.
    pub writers_count: Option<Number<'a>>,
    /// Every `Writer` in the first `Writers` element, in document order.
    pub writers: Vec<ManifestWriter<'a>>,
}

/// The manifest's `ShadowCopySet`: the shadow copies the backup was made from.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ShadowCopySet<'a> {
    /// The `ShadowCopySet` element.
    pub node: Node<'a>,
    /// `GUID`: the ID of the shadow copy set; `None` when absent.
    pub guid: Option<Attr<'a, Guid>>,
    /// `MachineName`: the computer's name; `None` when absent.
    pub machine_name: Option<Text<'a>>,
    /// Every `ShadowCopy` in the set, in document order.
    pub copies: Vec<ShadowCopy<'a>>,
}

/// One shadow copy of the set: a volume.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ShadowCopy<'a> {
    /// The `ShadowCopy` element.
    pub node: Node<'a>,
    /// `GUID`: the ID of the shadow copy; `None` when absent.
    pub guid: Option<Attr<'a, Guid>>,
    /// `Alias`: DiskShadow's name for the shadow copy (`VolumeC`); `None` when absent.
    pub alias: Option<Text<'a>>,
    /// The volume copied, such as `C:\`.
    pub original_volume: Option<Text<'a>>,
}

/// A writer as the manifest lists it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ManifestWriter<'a> {
    /// The `Writer` element.
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
