//! The three bit masks of a writer metadata document, with the names of their bits.

use bitflags::bitflags;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::borrow::Cow;

bitflags! {
    /// `VSS_BACKUP_SCHEMA`: the backup types a writer supports (`backupSchema`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct BackupSchema: u32 {
        const DIFFERENTIAL = 0x0001;
        const INCREMENTAL = 0x0002;
        const EXCLUSIVE_INCREMENTAL_DIFFERENTIAL = 0x0004;
        const LOG = 0x0008;
        const COPY = 0x0010;
        const TIMESTAMPED = 0x0020;
        const LAST_MODIFY = 0x0040;
        const LSN = 0x0080;
        const WRITER_SUPPORTS_NEW_TARGET = 0x0100;
        const WRITER_SUPPORTS_RESTORE_WITH_MOVE = 0x0200;
        const INDEPENDENT_SYSTEM_STATE = 0x0400;
        const ROLLFORWARD_RESTORE = 0x1000;
        const RESTORE_RENAME = 0x2000;
        const AUTHORITATIVE_RESTORE = 0x4000;
        const WRITER_SUPPORTS_PARALLEL_RESTORES = 0x8000;
    }
}

bitflags! {
    /// `VSS_COMPONENT_FLAGS` (`componentFlags`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct ComponentFlags: u32 {
        const BACKUP_RECOVERY = 0x1;
        const APP_ROLLBACK_RECOVERY = 0x2;
        const NOT_SYSTEM_STATE = 0x4;
    }
}

bitflags! {
    /// `VSS_FILE_SPEC_BACKUP_TYPE` (`filespecBackupType`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct FileSpecBackupType: u32 {
        const FULL_BACKUP_REQUIRED = 0x00001;
        const DIFFERENTIAL_BACKUP_REQUIRED = 0x00002;
        const INCREMENTAL_BACKUP_REQUIRED = 0x00004;
        const LOG_BACKUP_REQUIRED = 0x00008;
        const FULL_SNAPSHOT_REQUIRED = 0x00100;
        const DIFFERENTIAL_SNAPSHOT_REQUIRED = 0x00200;
        const INCREMENTAL_SNAPSHOT_REQUIRED = 0x00400;
        const LOG_SNAPSHOT_REQUIRED = 0x00800;
        const CREATED_DURING_BACKUP = 0x10000;
    }
}

impl FileSpecBackupType {
    /// The mask VSS uses when a writer passes none: every backup and snapshot bit (3855).
    pub const DEFAULT: u32 = 0xF0F;
    pub const ALL_BACKUP_REQUIRED: Self = Self::from_bits_retain(0xF);
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
