//! The enumerations of a writer metadata document and their XML spellings.
//!
//! Microsoft documents the API constants, not the XML. Spellings seen in real documents are
//! marked confirmed; the others are inferred and accepted leniently (a user can add more).

use serde::Serialize;

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
    pub xml: &'static str,
    pub value: T,
    pub constant: &'static str,
    pub basis: Basis,
}

macro_rules! vocabulary {
    (
        $(#[$m:meta])* $name:ident / $table:ident {
            $($variant:ident => [$($xml:literal : $basis:ident),+ $(,)?] $constant:literal),+ $(,)?
        }
    ) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        pub enum $name {
            $($variant,)+
            /// A spelling outside the table (kept as written in the attribute).
            Unknown,
        }

        pub static $table: &[Spelling<$name>] = &[
            $($(Spelling { xml: $xml, value: $name::$variant, constant: $constant, basis: Basis::$basis },)+)+
        ];

        impl $name {
            pub fn parse(s: &str) -> Self {
                $table.iter().find(|sp| sp.xml == s).map_or($name::Unknown, |sp| sp.value)
            }

            /// The API constant this value stands for.
            pub fn constant(self) -> Option<&'static str> {
                $table.iter().find(|sp| sp.value == self).map(|sp| sp.constant)
            }
        }
    };
}

vocabulary! {
    /// `IDENTIFICATION/@usage` (`VSS_USAGE_TYPE`).
    Usage / USAGE_SPELLINGS {
        BootableSystemState => ["BOOTABLE_SYSTEM_STATE": Confirmed] "VSS_UT_BOOTABLESYSTEMSTATE",
        SystemService => ["SYSTEM_SERVICE": Confirmed] "VSS_UT_SYSTEMSERVICE",
        UserData => ["USER_DATA": Confirmed] "VSS_UT_USERDATA",
        Other => ["OTHER": Inferred] "VSS_UT_OTHER",
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
        TransactedDb => ["TRANSACTION_DB": Confirmed] "VSS_ST_TRANSACTEDDB",
        NonTransactedDb => ["NONTRANSACTION_DB": Inferred] "VSS_ST_NONTRANSACTEDDB",
        Other => ["OTHER": Confirmed] "VSS_ST_OTHER",
        Undefined => ["UNDEFINED": Inferred] "VSS_ST_UNDEFINED",
    }
}

vocabulary! {
    /// `RESTORE_METHOD/@method` (`VSS_RESTOREMETHOD_ENUM`).
    Method / METHOD_SPELLINGS {
        Undefined => ["UNDEFINED": Inferred] "VSS_RME_UNDEFINED",
        RestoreIfNotThere => ["RESTORE_IF_NOT_THERE": Inferred] "VSS_RME_RESTORE_IF_NOT_THERE",
        RestoreIfCanReplace => ["RESTORE_IF_CAN_BE_REPLACED": Confirmed, "RESTORE_IF_CAN_REPLACE": Inferred] "VSS_RME_RESTORE_IF_CAN_REPLACE",
        StopRestoreStart => ["STOP_RESTORE_START": Inferred] "VSS_RME_STOP_RESTORE_START",
        RestoreToAlternateLocation => ["RESTORE_TO_ALTERNATE_LOCATION": Inferred] "VSS_RME_RESTORE_TO_ALTERNATE_LOCATION",
        RestoreAtReboot => ["REPLACE_AT_REBOOT": Confirmed] "VSS_RME_RESTORE_AT_REBOOT",
        RestoreAtRebootIfCannotReplace => ["REPLACE_AT_REBOOT_IF_CANNOT_REPLACE": Confirmed] "VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE",
        Custom => ["CUSTOM": Inferred] "VSS_RME_CUSTOM",
        RestoreStopStart => ["RESTORE_STOP_START": Inferred] "VSS_RME_RESTORE_STOP_START",
    }
}

vocabulary! {
    /// `RESTORE_METHOD/@writerRestore` (`VSS_WRITERRESTORE_ENUM`).
    WriterRestore / WRITER_RESTORE_SPELLINGS {
        Undefined => ["undefined": Inferred] "VSS_WRE_UNDEFINED",
        Never => ["never": Confirmed] "VSS_WRE_NEVER",
        IfReplaceFails => ["ifReplaceFails": Inferred, "if_replace_fails": Inferred] "VSS_WRE_IF_REPLACE_FAILS",
        Always => ["always": Confirmed] "VSS_WRE_ALWAYS",
    }
}

/// The accepted spellings of one enumeration, for messages: `"A", "B" or "C"`.
pub fn list_spellings<T>(table: &[Spelling<T>]) -> String {
    let names: Vec<String> = table.iter().map(|s| format!("\"{}\"", s.xml)).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {}", rest.join(", "), last),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// The namespace of every element of a writer metadata document.
pub const WRITER_NAMESPACE: &str = "x-schema:#VssWriterMetadataInfo";
/// The namespace of a backup components document.
pub const COMPONENTS_NAMESPACE: &str = "x-schema:#VssComponentMetadata";
