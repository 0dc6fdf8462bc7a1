//! What each attribute of a writer metadata document means, and which API call writes it:
//! the text shown on hover and beside completions.

/// Elements that share an attribute's meaning.
const COMPONENTS: &[&str] = &["FILE_GROUP", "DATABASE"];
const FILE_SETS: &[&str] = &["FILE_LIST", "DATABASE_FILES", "DATABASE_LOGFILES"];
const EXCLUDES: &[&str] = &["EXCLUDE_FILES", "EXCLUDE_FILES_FROM_SNAPSHOT"];
const MAPPING: &[&str] = &["ALTERNATE_LOCATION_MAPPING"];
const DEPENDENCIES: &[&str] = &["DEPENDENCY", "COMPONENT_DEPENDENCY"];
const FILE_LIKE: &[&[&str]] = &[FILE_SETS, EXCLUDES, MAPPING];

pub(super) struct About {
    pub meaning: &'static str,
    /// The call that writes the attribute, with its parameter where it has one.
    pub api: &'static str,
}

const fn about(meaning: &'static str, api: &'static str) -> About {
    About { meaning, api }
}

/// The meaning of `attribute` on `element`; `None` for one outside the vocabulary.
pub(super) fn about_attribute(element: &str, attribute: &str) -> Option<About> {
    let on = |set: &[&str]| set.contains(&element);
    let file_like = FILE_LIKE.iter().any(|s| on(s));
    Some(match (element, attribute) {
        ("WRITER_METADATA", "version") => about(
            "The version of the document's format; `1.2` in every document Windows writes.",
            "written by VSS",
        ),
        ("WRITER_METADATA", "backupSchema") => about(
            "The backup types and restore features the writer supports: a decimal mask of \
             `VSS_BACKUP_SCHEMA` bits. Absent means `VSS_BS_UNDEFINED` (0).",
            "`IVssCreateWriterMetadata::SetBackupSchema`",
        ),
        ("IDENTIFICATION", "writerId") => about(
            "The writer's class ID, chosen by its developer: a GUID without braces.",
            "`CVssWriter::Initialize` (`WriterID`)",
        ),
        ("IDENTIFICATION", "instanceId") => about(
            "The ID of this run of the writer, new each time VSS starts it: a GUID without braces.",
            "set by VSS; read with `IVssExamineWriterMetadata::GetIdentity`",
        ),
        ("IDENTIFICATION", "instanceName") => about(
            "A lasting name for this instance of the writer, unique among the instances of \
             its class; needed when several instances run and take part in restores.",
            "read with `IVssExamineWriterMetadataEx::GetIdentityEx`",
        ),
        ("IDENTIFICATION", "friendlyName") => about(
            "The writer's name, not localized.",
            "`CVssWriter::Initialize` (`wszWriterName`)",
        ),
        ("IDENTIFICATION", "usage") => about(
            "What the writer's data is (`VSS_USAGE_TYPE`): `BOOTABLE_SYSTEM_STATE` and \
             `SYSTEM_SERVICE` make every component system state.",
            "`CVssWriter::Initialize` (`ut`)",
        ),
        ("IDENTIFICATION", "dataSource") => about(
            "How the writer keeps its data (`VSS_SOURCE_TYPE`): a transacted database, a \
             non-transacted one, or other (files).",
            "`CVssWriter::Initialize` (`st`)",
        ),
        ("IDENTIFICATION", "majorVersion" | "minorVersion") => about(
            "The writer's version, in decimal; 0.0 means none was given.",
            "`CVssWriterEx::InitializeEx` (`dwMajorVersion`, `dwMinorVersion`)",
        ),
        ("RESTORE_METHOD", "method") => about(
            "How the writer's files are restored (`VSS_RESTOREMETHOD_ENUM`); one method for \
             every component of the writer.",
            "`IVssCreateWriterMetadata::SetRestoreMethod` (`method`)",
        ),
        ("RESTORE_METHOD", "writerRestore") => about(
            "Whether the writer takes part in restores (`VSS_WRITERRESTORE_ENUM`): `never`, \
             `ifReplaceFails` or `always`.",
            "`IVssCreateWriterMetadata::SetRestoreMethod` (`writerRestore`)",
        ),
        ("RESTORE_METHOD", "rebootRequired") => about(
            "Whether the computer must restart after a restore: `yes` or `no`.",
            "`IVssCreateWriterMetadata::SetRestoreMethod` (`bRebootRequired`)",
        ),
        ("RESTORE_METHOD", "service") => about(
            "The service that the stop-and-start restore methods stop before the restore and \
             start after it.",
            "`IVssCreateWriterMetadata::SetRestoreMethod` (`wszService`)",
        ),
        ("RESTORE_METHOD", "userProcedure") => about(
            "Reserved: should be empty.",
            "`IVssCreateWriterMetadata::SetRestoreMethod` (`wszUserProcedure`)",
        ),
        (_, "logicalPath") if on(COMPONENTS) => about(
            "Where the component sits in the writer's tree of components, `\\`-separated; \
             absent for a component at the top.",
            "`IVssCreateWriterMetadata::AddComponent` (`wszLogicalPath`)",
        ),
        (_, "componentName") if on(COMPONENTS) => about(
            "The component's name, not localized, without backslashes; with the logical path \
             it names the component.",
            "`IVssCreateWriterMetadata::AddComponent` (`wszComponentName`)",
        ),
        (_, "caption") if on(COMPONENTS) => about(
            "A description of the component for people; may be localized.",
            "`IVssCreateWriterMetadata::AddComponent` (`wszCaption`)",
        ),
        (_, "restoreMetadata") if on(COMPONENTS) => about(
            "Whether the component has private restore metadata: `yes` or `no` (the API calls \
             it reserved).",
            "`IVssCreateWriterMetadata::AddComponent` (`bRestoreMetadata`)",
        ),
        (_, "notifyOnBackupComplete") if on(COMPONENTS) => about(
            "Whether the writer wants to hear that the backup completed: `yes` or `no` (the \
             API calls it reserved).",
            "`IVssCreateWriterMetadata::AddComponent` (`bNotifyOnBackupComplete`)",
        ),
        (_, "selectable") if on(COMPONENTS) => about(
            "Whether a requester may choose to back the component up or leave it out: `yes` \
             or `no`. It has no default.",
            "`IVssCreateWriterMetadata::AddComponent` (`bSelectable`)",
        ),
        (_, "selectableForRestore") if on(COMPONENTS) => about(
            "Whether a requester may choose to restore the component on its own: `yes` or `no`.",
            "`IVssCreateWriterMetadata::AddComponent` (`bSelectableForRestore`)",
        ),
        (_, "componentFlags") if on(COMPONENTS) => about(
            "What the component needs of the shadow copy and of the requester: a decimal mask \
             of `VSS_COMPONENT_FLAGS` bits.",
            "`IVssCreateWriterMetadata::AddComponent` (`dwComponentFlags`)",
        ),
        (_, "icon") if on(COMPONENTS) => about(
            "The component's icon, for user interfaces.",
            "`IVssCreateWriterMetadata::AddComponent` (`pbIcon`, `cbIcon`)",
        ),
        (_, "path") if file_like => about(
            "The directory the files are in; environment variables such as `%SystemRoot%` are \
             allowed, wildcards are not.",
            path_api(element),
        ),
        (_, "filespec") if file_like => about(
            "The files' names: a pattern with `*` and `?`, without directories.",
            path_api(element),
        ),
        (_, "recursive") if file_like => about(
            "Whether the files in the directories under the path are included too: `yes` or \
             `no` (absent means no).",
            path_api(element),
        ),
        (_, "filespecBackupType") if on(FILE_SETS) => about(
            "In which backups the files are backed up and from where (shadow copy or live \
             volume): a decimal mask of `VSS_FILE_SPEC_BACKUP_TYPE` bits. Absent means 3855 \
             (0xF0F).",
            path_api(element),
        ),
        (_, "alternatePath") if on(FILE_SETS) => about(
            "Where the files are backed up from instead of their path.",
            path_api(element),
        ),
        (_, "alternatePath" | "destination") if on(MAPPING) => about(
            "Where the files are restored to when they cannot be restored to their path.",
            "`IVssCreateWriterMetadata::AddAlternateLocationMapping` (`wszDestination`)",
        ),
        (_, "onWriterId" | "writerId") if on(DEPENDENCIES) => about(
            "The class ID of the writer that owns the component depended on.",
            "`IVssCreateWriterMetadata::AddComponentDependency` (`onWriterId`)",
        ),
        (_, "onLogicalPath" | "logicalPath") if on(DEPENDENCIES) => about(
            "The logical path of the component depended on.",
            "`IVssCreateWriterMetadata::AddComponentDependency` (`wszOnLogicalPath`)",
        ),
        (_, "onComponentName" | "componentName") if on(DEPENDENCIES) => about(
            "The name of the component depended on.",
            "`IVssCreateWriterMetadata::AddComponentDependency` (`wszOnComponentName`)",
        ),
        _ => return None,
    })
}

fn path_api(element: &str) -> &'static str {
    match element {
        "FILE_LIST" => "`IVssCreateWriterMetadata::AddFilesToFileGroup`",
        "DATABASE_FILES" => "`IVssCreateWriterMetadata::AddDatabaseFiles`",
        "DATABASE_LOGFILES" => "`IVssCreateWriterMetadata::AddDatabaseLogFiles`",
        "EXCLUDE_FILES" => "`IVssCreateWriterMetadata::AddExcludeFiles`",
        "EXCLUDE_FILES_FROM_SNAPSHOT" => {
            "`IVssCreateWriterMetadataEx::AddExcludeFilesFromSnapshot`"
        }
        _ => "`IVssCreateWriterMetadata::AddAlternateLocationMapping`",
    }
}

/// The attributes whose value is `yes` or `no`.
pub(super) fn is_boolean(attribute: &str) -> bool {
    matches!(
        attribute,
        "recursive"
            | "rebootRequired"
            | "restoreMetadata"
            | "notifyOnBackupComplete"
            | "selectable"
            | "selectableForRestore"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_attribute_the_walk_reads_is_described() {
        for &element in vsslint_model::parse::KNOWN_ELEMENTS {
            for a in vsslint_model::parse::attributes_of(element).unwrap_or_default() {
                assert!(about_attribute(element, a).is_some(), "{element}/@{a}");
            }
        }
        assert!(about_attribute("FILE_GROUP", "path").is_none());
    }
}
