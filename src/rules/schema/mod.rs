//! §3.C: the backup schema mask.

pub mod exclusive_needs_both;
pub mod explicit_zero;
pub mod format;
pub mod fsbt_log_without_log_schema;
pub mod independent_system_state_non_system;
pub mod last_modify_needs_incr_or_diff;
pub mod log_needs_logfiles;
pub mod lsn_reserved;
pub mod timestamped_needs_incr_or_diff;
pub mod undefined_bits;

use crate::flags::{BackupSchema, Mask};
use crate::model::{Attr, WriterMetadata};
use crate::rules::{Cx, Rule};

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &format::RULE,
    &undefined_bits::RULE,
    &exclusive_needs_both::RULE,
    &timestamped_needs_incr_or_diff::RULE,
    &last_modify_needs_incr_or_diff::RULE,
    &lsn_reserved::RULE,
    &log_needs_logfiles::RULE,
    &explicit_zero::RULE,
    &independent_system_state_non_system::RULE,
    &fsbt_log_without_log_schema::RULE,
];

/// The parsed `backupSchema` attribute, when it is a number (`schema/format` reports the rest).
pub(crate) fn schema_attr<'w, 'a>(
    w: &'w WriterMetadata<'a>,
) -> Option<(&'w Attr<'a, Option<BackupSchema>>, BackupSchema)> {
    let a = w.backup_schema.as_ref()?;
    Some((a, a.value?))
}

/// `backupSchema 32 = TIMESTAMPED`: the value as written and the bits it decodes to.
pub(crate) fn decoded(s: BackupSchema) -> String {
    format!("backupSchema {} = {}", s.bits(), s.describe())
}

/// How to write a mask in a fix: the attribute with its value, or leaving it out for 0.
pub(crate) fn written(s: BackupSchema) -> String {
    if s.is_empty() {
        "leave backupSchema out (0 is the default, full backups only)".to_string()
    } else {
        format!("backupSchema=\"{}\"", s.bits())
    }
}

/// The rules of the form "bit X needs bits Y" (both of them when `all`, else either).
pub(crate) fn check_needs(
    cx: &mut Cx,
    w: &WriterMetadata,
    bit: BackupSchema,
    needs: BackupSchema,
    all: bool,
) {
    let Some((a, s)) = schema_attr(w) else {
        return;
    };
    if !s.contains(bit) {
        return;
    }
    let ok = if all {
        s.contains(needs)
    } else {
        s.intersects(needs)
    };
    if ok {
        return;
    }
    let name = bit.describe();
    let (message, label, add) = if all {
        let missing = needs.difference(s);
        (
            format!(
                "{}; {name} needs both {}",
                decoded(s),
                needs.describe().replace(" | ", " and ")
            ),
            format!("{} missing", missing.describe().replace(" | ", " and ")),
            format!(
                "if the writer supports both kinds of backup, add {}: {}",
                missing.describe().replace(" | ", " and "),
                written(s | needs)
            ),
        )
    } else {
        let ways: Vec<String> = needs
            .iter_names()
            .map(|(n, b)| format!("{n} ({})", written(s | b)))
            .collect();
        (
            format!(
                "{}; {name} needs {}",
                decoded(s),
                needs.describe().replace(" | ", " or ")
            ),
            format!("no {} bit", needs.describe().replace(" | ", " or ")),
            format!(
                "if the writer supports differential or incremental backups, add {}",
                ways.join(" or ")
            ),
        )
    };
    cx.report(a.span, message).label(label).help(format!(
        "{add}; otherwise clear {name}: {}",
        written(s.difference(bit))
    ));
}

#[cfg(test)]
mod tests {
    use crate::{lint_bytes, Settings};

    /// The SQL Server writer's real schema (DIFFERENTIAL | COPY | TIMESTAMPED | LAST_MODIFY |
    /// WRITER_SUPPORTS_NEW_TARGET | WRITER_SUPPORTS_RESTORE_WITH_MOVE) breaks no schema rule.
    #[test]
    fn sql_server_writer_schema_is_clean() {
        let doc = r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2" backupSchema="881">
  <IDENTIFICATION writerId="a65faa63-5ea8-4ebc-9dbd-a0c4db26912a" instanceId="9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33" instanceName="Microsoft SQL Server 2017:SQLWriter" friendlyName="SqlServerWriter" usage="USER_DATA" dataSource="TRANSACTION_DB"/>
  <BACKUP_LOCATIONS>
    <FILE_GROUP logicalPath="HOST" componentName="master" restoreMetadata="no" notifyOnBackupComplete="yes" selectable="yes" selectableForRestore="yes" componentFlags="2">
      <FILE_LIST path="C:\Data" filespec="master.mdf" filespecBackupType="3855"/>
    </FILE_GROUP>
  </BACKUP_LOCATIONS>
</WRITER_METADATA>"#;
        let file = lint_bytes("sql.xml", doc.as_bytes(), &Settings::default());
        let schema: Vec<_> = file
            .diagnostics
            .iter()
            .filter(|d| d.rule.group() == "schema")
            .map(|d| &d.message)
            .collect();
        assert!(schema.is_empty(), "{schema:?}");
    }
}
