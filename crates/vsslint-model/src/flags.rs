//! The three bit masks of a writer metadata document, with the names of their bits.

use bitflags::bitflags;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::borrow::Cow;

bitflags! {
    /// `VSS_BACKUP_SCHEMA`: the backup types a writer supports (`backupSchema`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct BackupSchema: u32 {
        /// `VSS_BS_DIFFERENTIAL`: differential backups.
        const DIFFERENTIAL = 0x0001;
        /// `VSS_BS_INCREMENTAL`: incremental backups.
        const INCREMENTAL = 0x0002;
        /// `VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL`; needs both `DIFFERENTIAL` and
        /// `INCREMENTAL`.
        const EXCLUSIVE_INCREMENTAL_DIFFERENTIAL = 0x0004;
        /// `VSS_BS_LOG`: log backups; needs a `DATABASE_LOGFILES` file set.
        const LOG = 0x0008;
        /// `VSS_BS_COPY`: copy backups.
        const COPY = 0x0010;
        /// `VSS_BS_TIMESTAMPED`; needs `DIFFERENTIAL` or `INCREMENTAL`.
        const TIMESTAMPED = 0x0020;
        /// `VSS_BS_LAST_MODIFY`; needs `DIFFERENTIAL` or `INCREMENTAL`.
        const LAST_MODIFY = 0x0040;
        /// `VSS_BS_LSN`, reserved for system use.
        const LSN = 0x0080;
        /// `VSS_BS_WRITER_SUPPORTS_NEW_TARGET`.
        const WRITER_SUPPORTS_NEW_TARGET = 0x0100;
        /// `VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE`, for a writer that runs several
        /// instances, which then need instance names.
        const WRITER_SUPPORTS_RESTORE_WITH_MOVE = 0x0200;
        /// `VSS_BS_INDEPENDENT_SYSTEM_STATE`.
        const INDEPENDENT_SYSTEM_STATE = 0x0400;
        /// `VSS_BS_ROLLFORWARD_RESTORE`.
        const ROLLFORWARD_RESTORE = 0x1000;
        /// `VSS_BS_RESTORE_RENAME`.
        const RESTORE_RENAME = 0x2000;
        /// `VSS_BS_AUTHORITATIVE_RESTORE`.
        const AUTHORITATIVE_RESTORE = 0x4000;
        /// `VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES`.
        const WRITER_SUPPORTS_PARALLEL_RESTORES = 0x8000;
    }
}

bitflags! {
    /// `VSS_COMPONENT_FLAGS` (`componentFlags`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct ComponentFlags: u32 {
        /// `VSS_CF_BACKUP_RECOVERY`: the writer needs write access to the component after
        /// the shadow copy is made (auto-recovery).
        const BACKUP_RECOVERY = 0x1;
        /// `VSS_CF_APP_ROLLBACK_RECOVERY`: the same, for shadow copies made for application
        /// rollback.
        const APP_ROLLBACK_RECOVERY = 0x2;
        /// `VSS_CF_NOT_SYSTEM_STATE`: the component is not part of the system state.
        const NOT_SYSTEM_STATE = 0x4;
    }
}

bitflags! {
    /// `VSS_FILE_SPEC_BACKUP_TYPE` (`filespecBackupType`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct FileSpecBackupType: u32 {
        /// `VSS_FSBT_FULL_BACKUP_REQUIRED`: a full backup copies the files.
        const FULL_BACKUP_REQUIRED = 0x00001;
        /// `VSS_FSBT_DIFFERENTIAL_BACKUP_REQUIRED`: a differential backup copies the files.
        const DIFFERENTIAL_BACKUP_REQUIRED = 0x00002;
        /// `VSS_FSBT_INCREMENTAL_BACKUP_REQUIRED`: an incremental backup copies the files.
        const INCREMENTAL_BACKUP_REQUIRED = 0x00004;
        /// `VSS_FSBT_LOG_BACKUP_REQUIRED`: a log backup copies the files.
        const LOG_BACKUP_REQUIRED = 0x00008;
        /// `VSS_FSBT_FULL_SNAPSHOT_REQUIRED`: a full backup copies them from a shadow copy.
        const FULL_SNAPSHOT_REQUIRED = 0x00100;
        /// `VSS_FSBT_DIFFERENTIAL_SNAPSHOT_REQUIRED`: a differential backup copies them from
        /// a shadow copy.
        const DIFFERENTIAL_SNAPSHOT_REQUIRED = 0x00200;
        /// `VSS_FSBT_INCREMENTAL_SNAPSHOT_REQUIRED`: an incremental backup copies them from
        /// a shadow copy.
        const INCREMENTAL_SNAPSHOT_REQUIRED = 0x00400;
        /// `VSS_FSBT_LOG_SNAPSHOT_REQUIRED`: a log backup copies them from a shadow copy.
        const LOG_SNAPSHOT_REQUIRED = 0x00800;
        /// `VSS_FSBT_CREATED_DURING_BACKUP`: the files are expected to be created during the
        /// snapshot sequence.
        const CREATED_DURING_BACKUP = 0x10000;
    }
}

impl FileSpecBackupType {
    /// The mask VSS uses when a writer passes none: every backup and snapshot bit (3855).
    pub const DEFAULT: u32 = 0xF0F;
    /// `VSS_FSBT_ALL_BACKUP_REQUIRED`: the four backup-required bits.
    pub const ALL_BACKUP_REQUIRED: Self = Self::from_bits_retain(0xF);
    /// `VSS_FSBT_ALL_SNAPSHOT_REQUIRED`: the four snapshot-required bits.
    pub const ALL_SNAPSHOT_REQUIRED: Self = Self::from_bits_retain(0xF00);
}

/// Shared by the three masks: naming bits for messages and for `dump`.
pub trait Mask: bitflags::Flags<Bits = u32> + Copy {
    /// The C prefix of the constants (`VSS_BS_`).
    const PREFIX: &'static str;

    /// `DIFFERENTIAL | COPY`, or `0` for the empty mask; undefined bits as hex.
    fn describe(self) -> String {
        let mut parts: Vec<String> = self.iter_names().map(|(n, _)| n.to_string()).collect();
        let undefined = self.bits() & !Self::all().bits();
        if undefined != 0 {
            parts.push(format!("undefined 0x{undefined:X}"));
        }
        if parts.is_empty() {
            "none".to_string()
        } else {
            parts.join(" | ")
        }
    }

    /// The bits set that no constant names.
    fn undefined_bits(self) -> u32 {
        self.bits() & !Self::all().bits()
    }
}

impl Mask for BackupSchema {
    const PREFIX: &'static str = "VSS_BS_";
}
impl Mask for ComponentFlags {
    const PREFIX: &'static str = "VSS_CF_";
}
impl Mask for FileSpecBackupType {
    const PREFIX: &'static str = "VSS_FSBT_";
}

/// In `dump`: the number as written, the API constants of its bits (`VSS_BS_COPY`), and the
/// bits no constant names, in hex, or `null` when there are none.
fn serialize_mask<M: Mask, S: Serializer>(m: &M, s: S) -> Result<S::Ok, S::Error> {
    let mut st = s.serialize_struct("Mask", 3)?;
    st.serialize_field("value", &m.bits())?;
    let constants: Vec<String> = m
        .iter_names()
        .map(|(n, _)| format!("{}{n}", M::PREFIX))
        .collect();
    st.serialize_field("constants", &constants)?;
    let undefined = Some(m.undefined_bits())
        .filter(|&u| u != 0)
        .map(|u| format!("0x{u:X}"));
    st.serialize_field("undefined", &undefined)?;
    st.end()
}

fn mask_schema<M: Mask>() -> Schema {
    let constants: Vec<String> = M::FLAGS
        .iter()
        .map(|f| format!("{}{}", M::PREFIX, f.name()))
        .collect();
    json_schema!({
        "type": "object",
        "properties": {
            "value": { "description": "The mask as written.", "type": "integer", "minimum": 0 },
            "constants": {
                "description": "The API constants of the bits set.",
                "type": "array",
                "items": { "enum": constants }
            },
            "undefined": {
                "description": "The bits set that no constant names, in hex; null when there are none.",
                "type": ["string", "null"],
                "pattern": "^0x[0-9A-F]+$"
            }
        },
        "required": ["value", "constants", "undefined"],
        "additionalProperties": false
    })
}

macro_rules! mask_serialize {
    ($($t:ident),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serialize_mask(self, s)
            }
        }

        impl JsonSchema for $t {
            fn schema_name() -> Cow<'static, str> {
                stringify!($t).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                mask_schema::<$t>()
            }
        }
    )*};
}
mask_serialize!(BackupSchema, ComponentFlags, FileSpecBackupType);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sql_writer_schema_names() {
        let s = BackupSchema::from_bits_retain(881);
        assert_eq!(
            s.describe(),
            "DIFFERENTIAL | COPY | TIMESTAMPED | LAST_MODIFY | WRITER_SUPPORTS_NEW_TARGET | WRITER_SUPPORTS_RESTORE_WITH_MOVE"
        );
        assert_eq!(
            BackupSchema::from_bits_retain(0x800).describe(),
            "undefined 0x800"
        );
    }
}
