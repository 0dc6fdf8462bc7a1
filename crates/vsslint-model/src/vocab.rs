//! The enumerations of a writer metadata document and their XML spellings.
//!
//! Microsoft documents the API constants, not the XML. Spellings seen in real documents are
//! marked confirmed; the others are inferred and accepted leniently (a user can add more).

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// How sure we are of a spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// Seen in real documents written by Windows.
    Confirmed,
    /// Guessed from the API names; no public document shows it.
    Inferred,
}

/// One accepted spelling of an enumeration value.
pub struct Spelling<T: 'static> {
    /// The attribute value, exactly as written (`USER_DATA`).
    pub xml: &'static str,
    /// The value it stands for.
    pub value: T,
    /// The API constant of that value (`VSS_UT_USERDATA`).
    pub constant: &'static str,
    /// Whether real documents show the spelling.
    pub basis: Basis,
}

macro_rules! vocabulary {
    (
        $(#[$m:meta])* $name:ident / $table:ident {
            $(
                $(#[$vm:meta])*
                $variant:ident => [$($xml:literal : $basis:ident),+ $(,)?] $constant:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vm])* $variant,)+
            /// A spelling outside the table (kept as written in the attribute).
            Unknown,
        }

        #[doc = concat!(
            "Every accepted spelling of [`", stringify!($name), "`], with its API constant."
        )]
        pub static $table: &[Spelling<$name>] = &[
            $($(Spelling { xml: $xml, value: $name::$variant, constant: $constant, basis: Basis::$basis },)+)+
        ];

        impl $name {
            /// The value spelt exactly `s`, letter case included; [`Self::Unknown`] for any
            /// other spelling.
            pub fn parse(s: &str) -> Self {
                $table.iter().find(|sp| sp.xml == s).map_or($name::Unknown, |sp| sp.value)
            }

            /// The API constant this value stands for.
            pub fn constant(self) -> Option<&'static str> {
                $table.iter().find(|sp| sp.value == self).map(|sp| sp.constant)
            }
        }

        /// The API constant, which is what a writer's author typed; `null` for a spelling
        /// outside the table, whose attribute's `raw` shows what was written.
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self.constant() {
                    Some(c) => s.serialize_str(c),
                    None => s.serialize_none(),
                }
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                constants_schema($table)
            }
        }
    };
}

/// The schema of an enumeration's value in `dump`: one of its API constants, or `null`.
fn constants_schema<T>(table: &[Spelling<T>]) -> Schema {
    let mut constants: Vec<serde_json::Value> = Vec::new();
    for sp in table {
        // Several spellings can stand for one constant.
        if !constants.iter().any(|c| c == sp.constant) {
            constants.push(sp.constant.into());
        }
    }
    constants.push(serde_json::Value::Null);
    json_schema!({
        "description": "The API constant the value stands for; null for a spelling outside the vocabulary (`raw` shows it).",
        "enum": constants
    })
}

vocabulary! {
    /// `IDENTIFICATION/@usage` (`VSS_USAGE_TYPE`).
    Usage / USAGE_SPELLINGS {
        /// `VSS_UT_BOOTABLESYSTEMSTATE`: a system-state writer, of bootable system state.
        BootableSystemState => ["BOOTABLE_SYSTEM_STATE": Confirmed] "VSS_UT_BOOTABLESYSTEMSTATE",
        /// `VSS_UT_SYSTEMSERVICE`: a system-state writer, of a system service.
        SystemService => ["SYSTEM_SERVICE": Confirmed] "VSS_UT_SYSTEMSERVICE",
        /// `VSS_UT_USERDATA`: a writer of user data.
        UserData => ["USER_DATA": Confirmed] "VSS_UT_USERDATA",
        /// `VSS_UT_OTHER`: a writer of any other data.
        Other => ["OTHER": Inferred] "VSS_UT_OTHER",
        /// `VSS_UT_UNDEFINED`: no usage given, a writer error.
        Undefined => ["UNDEFINED": Inferred] "VSS_UT_UNDEFINED",
    }
}

impl Usage {
    /// Writers whose components are system state unless flagged otherwise.
    pub fn is_system_state(self) -> bool {
        matches!(self, Usage::BootableSystemState | Usage::SystemService)
    }
}

vocabulary! {
    /// `IDENTIFICATION/@dataSource` (`VSS_SOURCE_TYPE`).
    DataSource / DATA_SOURCE_SPELLINGS {
        /// `VSS_ST_TRANSACTEDDB`: a transacted database.
        TransactedDb => ["TRANSACTION_DB": Confirmed] "VSS_ST_TRANSACTEDDB",
        /// `VSS_ST_NONTRANSACTEDDB`: a database without transactions.
        NonTransactedDb => ["NONTRANSACTION_DB": Inferred] "VSS_ST_NONTRANSACTEDDB",
        /// `VSS_ST_OTHER`, the default: unclassified data, in file groups.
        Other => ["OTHER": Confirmed] "VSS_ST_OTHER",
        /// `VSS_ST_UNDEFINED`: no source type given.
        Undefined => ["UNDEFINED": Inferred] "VSS_ST_UNDEFINED",
    }
}

vocabulary! {
    /// `RESTORE_METHOD/@method` (`VSS_RESTOREMETHOD_ENUM`).
    Method / METHOD_SPELLINGS {
        /// `VSS_RME_UNDEFINED`: no method given, a writer error.
        Undefined => ["UNDEFINED": Inferred] "VSS_RME_UNDEFINED",
        /// `VSS_RME_RESTORE_IF_NOT_THERE`.
        RestoreIfNotThere => ["RESTORE_IF_NOT_THERE": Inferred] "VSS_RME_RESTORE_IF_NOT_THERE",
        /// `VSS_RME_RESTORE_IF_CAN_REPLACE`, which real documents spell
        /// `RESTORE_IF_CAN_BE_REPLACED`.
        RestoreIfCanReplace => ["RESTORE_IF_CAN_BE_REPLACED": Confirmed, "RESTORE_IF_CAN_REPLACE": Inferred] "VSS_RME_RESTORE_IF_CAN_REPLACE",
        /// `VSS_RME_STOP_RESTORE_START`, for a service the writer names.
        StopRestoreStart => ["STOP_RESTORE_START": Inferred] "VSS_RME_STOP_RESTORE_START",
        /// `VSS_RME_RESTORE_TO_ALTERNATE_LOCATION`.
        RestoreToAlternateLocation => ["RESTORE_TO_ALTERNATE_LOCATION": Inferred] "VSS_RME_RESTORE_TO_ALTERNATE_LOCATION",
        /// `VSS_RME_RESTORE_AT_REBOOT`, which real documents spell `REPLACE_AT_REBOOT`.
        RestoreAtReboot => ["REPLACE_AT_REBOOT": Confirmed] "VSS_RME_RESTORE_AT_REBOOT",
        /// `VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE`, which real documents spell
        /// `REPLACE_AT_REBOOT_IF_CANNOT_REPLACE`.
        RestoreAtRebootIfCannotReplace => ["REPLACE_AT_REBOOT_IF_CANNOT_REPLACE": Confirmed] "VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE",
        /// `VSS_RME_CUSTOM`.
        Custom => ["CUSTOM": Inferred] "VSS_RME_CUSTOM",
        /// `VSS_RME_RESTORE_STOP_START`, for a service the writer names.
        RestoreStopStart => ["RESTORE_STOP_START": Inferred] "VSS_RME_RESTORE_STOP_START",
    }
}

vocabulary! {
    /// `RESTORE_METHOD/@writerRestore` (`VSS_WRITERRESTORE_ENUM`).
    WriterRestore / WRITER_RESTORE_SPELLINGS {
        /// `VSS_WRE_UNDEFINED`: no value given, a writer error.
        Undefined => ["undefined": Inferred] "VSS_WRE_UNDEFINED",
        /// `VSS_WRE_NEVER`.
        Never => ["never": Confirmed] "VSS_WRE_NEVER",
        /// `VSS_WRE_IF_REPLACE_FAILS`; no real document shows its spelling.
        IfReplaceFails => ["ifReplaceFails": Inferred, "if_replace_fails": Inferred] "VSS_WRE_IF_REPLACE_FAILS",
        /// `VSS_WRE_ALWAYS`.
        Always => ["always": Confirmed] "VSS_WRE_ALWAYS",
    }
}

vocabulary! {
    /// `BACKUP_COMPONENTS/@backupType` (`VSS_BACKUP_TYPE`), what a requester passed to
    /// `IVssBackupComponents::SetBackupState`.
    BackupType / BACKUP_TYPE_SPELLINGS {
        /// `VSS_BT_UNDEFINED`.
        Undefined => ["undefined": Inferred] "VSS_BT_UNDEFINED",
        /// `VSS_BT_FULL`: a full backup.
        Full => ["full": Confirmed] "VSS_BT_FULL",
        /// `VSS_BT_INCREMENTAL`: an incremental backup.
        Incremental => ["incremental": Inferred] "VSS_BT_INCREMENTAL",
        /// `VSS_BT_DIFFERENTIAL`: a differential backup.
        Differential => ["differential": Inferred] "VSS_BT_DIFFERENTIAL",
        /// `VSS_BT_LOG`: a log backup.
        Log => ["log": Inferred] "VSS_BT_LOG",
        /// `VSS_BT_COPY`: a copy backup.
        Copy => ["copy": Inferred] "VSS_BT_COPY",
        /// `VSS_BT_OTHER`: another kind of backup.
        Other => ["other": Inferred] "VSS_BT_OTHER",
    }
}

impl BackupType {
    /// The type `raw` stands for in any letter case: the real documents write `full`, and no
    /// public one shows the other spellings, so `Copy` is taken for `copy` rather than lost.
    pub fn parse_any_case(raw: &str) -> Self {
        BACKUP_TYPE_SPELLINGS
            .iter()
            .find(|sp| sp.xml.eq_ignore_ascii_case(raw))
            .map_or(BackupType::Unknown, |sp| sp.value)
    }
}

/// The accepted spellings of one enumeration except the `UNDEFINED` ones, which stand for a
/// writer error and are never a fix: `"A", "B" or "C"`.
pub fn list_defined_spellings<T>(table: &[Spelling<T>]) -> String {
    let defined: Vec<&Spelling<T>> = table.iter().filter(|s| !is_undefined(s)).collect();
    let names: Vec<String> = defined.iter().map(|s| format!("\"{}\"", s.xml)).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {}", rest.join(", "), last),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

fn is_undefined<T>(s: &Spelling<T>) -> bool {
    s.constant.ends_with("_UNDEFINED")
}

/// Letters and digits only, upper case: `Restore-If-Not-There` and `RESTORE_IF_NOT_THERE` agree.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The spelling someone most likely meant by `raw`: a table spelling written in another letter
/// case or with other separators, or the API constant itself with or without its prefix
/// (`VSS_UT_USERDATA`, `RESTORE_AT_REBOOT`). Never an `UNDEFINED` spelling.
pub fn closest_spelling<T: Copy + PartialEq>(
    table: &'static [Spelling<T>],
    raw: &str,
) -> Option<&'static Spelling<T>> {
    let wanted = squeeze(raw);
    if wanted.is_empty() {
        return None;
    }
    let defined = || table.iter().filter(|s| !is_undefined(s));
    if let Some(s) = defined().find(|s| squeeze(s.xml) == wanted) {
        return Some(s);
    }
    defined().find(|s| {
        // `VSS_RME_RESTORE_AT_REBOOT` → `RESTORE_AT_REBOOT`: the prefix is two words long.
        let bare = s.constant.splitn(3, '_').nth(2).unwrap_or(s.constant);
        squeeze(s.constant) == wanted || squeeze(bare) == wanted
    })
}

/// The namespace of every element of a writer metadata document.
pub const WRITER_NAMESPACE: &str = "x-schema:#VssWriterMetadataInfo";
/// The namespace of a backup components document.
pub const COMPONENTS_NAMESPACE: &str = "x-schema:#VssComponentMetadata";

/// Whether a document element that is none of the known ones may still be meant as a VSS
/// document: it is in a VSS namespace, or its name is a small edit away from
/// `WRITER_METADATA` or `BACKUP_COMPONENTS` (case, a dropped underscore, a typo). Anything
/// else is some other kind of XML.
pub fn meant_as_vss(name: &str, namespace: Option<&str>) -> bool {
    if namespace.is_some_and(|ns| {
        ns.eq_ignore_ascii_case(WRITER_NAMESPACE) || ns.eq_ignore_ascii_case(COMPONENTS_NAMESPACE)
    }) {
        return true;
    }
    let folded = name.to_ascii_uppercase().replace(['_', '-'], "");
    ["WRITERMETADATA", "BACKUPCOMPONENTS"]
        .iter()
        .any(|root| strsim::levenshtein(&folded, root) <= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_xml_is_not_meant_as_vss() {
        assert!(!meant_as_vss(
            "project",
            Some("http://maven.apache.org/POM/4.0.0")
        ));
        assert!(!meant_as_vss("Project", None));
        assert!(!meant_as_vss("configuration", None));
        assert!(meant_as_vss("writer_metadata", None));
        assert!(meant_as_vss("WRITERMETADATA", None));
        assert!(meant_as_vss("WRITER_METADAT", None));
        assert!(meant_as_vss("Backup_Components", None));
        assert!(meant_as_vss("LIST", Some(WRITER_NAMESPACE)));
    }

    #[test]
    fn closest_spellings() {
        let m = |raw| closest_spelling(METHOD_SPELLINGS, raw).map(|s| s.xml);
        assert_eq!(m("replace_at_reboot"), Some("REPLACE_AT_REBOOT"));
        assert_eq!(m("RESTORE_AT_REBOOT"), Some("REPLACE_AT_REBOOT"));
        assert_eq!(
            m("VSS_RME_RESTORE_IF_CAN_REPLACE"),
            Some("RESTORE_IF_CAN_BE_REPLACED")
        );
        assert_eq!(m("UNDEFINED"), None);
        assert_eq!(m("replace later"), None);
        let u = |raw| closest_spelling(USAGE_SPELLINGS, raw).map(|s| s.xml);
        assert_eq!(u("VSS_UT_USERDATA"), Some("USER_DATA"));
        assert_eq!(u("UserData"), Some("USER_DATA"));
        let d = |raw| closest_spelling(DATA_SOURCE_SPELLINGS, raw).map(|s| s.xml);
        assert_eq!(d("TRANSACTEDDB"), Some("TRANSACTION_DB"));
        assert_eq!(d(""), None);
    }

    #[test]
    fn defined_spellings_leave_out_undefined() {
        let list = list_defined_spellings(USAGE_SPELLINGS);
        assert!(!list.contains("UNDEFINED"), "{list}");
        assert!(list.ends_with("or \"OTHER\""), "{list}");
    }
}
