//! `schema/log-needs-logfiles`: a writer that supports log backups has log files.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::schema::{decoded, schema_attr, written};
use vsslint_model::flags::BackupSchema;
use vsslint_model::model::{ComponentKind, FileSetKind, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("schema/log-needs-logfiles" {
        code: "VSL207",
        severity: Severity::Error,
        summary: "backupSchema sets LOG but no component has DATABASE_LOGFILES",
        what: "When `backupSchema` includes `VSS_BS_LOG` (0x8), at least one component must hold \
    a `DATABASE_LOGFILES` file set (a file added with \
    `IVssCreateWriterMetadata::AddDatabaseLogFiles`). The rule looks at every component of the \
    document; when the writer has `DATABASE` components without log files, the finding points at \
    each of them.",
        why: "A log backup (`VSS_BT_LOG`) copies only the log files a writer manages. Microsoft \
    states that this schema requires the writer to have added at least one log file; requesters \
    find them with `IVssWMComponent::GetDatabaseLogFile`. A writer that announces log backups but \
    lists no log file takes part in a log backup with nothing to copy.",
        sources: &[
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "Writer Backup Schema Support: https://learn.microsoft.com/en-us/windows/win32/vss/writer-backup-schema-support",
            "IVssCreateWriterMetadata::AddDatabaseLogFiles: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-adddatabaselogfiles",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some((a, s)) = schema_attr(w) else {
        return;
    };
    if !s.contains(BackupSchema::LOG) {
        return;
    }
    let has_log = |c: &vsslint_model::model::Component| {
        c.file_sets
            .iter()
            .any(|f| f.kind == FileSetKind::DatabaseLogfiles)
    };
    if w.components.iter().any(has_log) {
        return;
    }
    let databases: Vec<_> = w
        .components
        .iter()
        .filter(|c| c.kind == ComponentKind::Database)
        .collect();
    let add = match databases.as_slice() {
        [] => "add a DATABASE component with a DATABASE_LOGFILES file set for the log files the writer manages".to_string(),
        [one] => format!(
            "add a DATABASE_LOGFILES file set for the log files to the DATABASE component \"{}\"",
            one.full_name()
        ),
        _ => "add DATABASE_LOGFILES file sets for the log files to the DATABASE components".to_string(),
    };
    let d = cx
        .report(
            a.span,
            format!(
                "{}; LOG needs at least one DATABASE_LOGFILES file set, and no component has one",
                decoded(s)
            ),
        )
        .label("LOG set here")
        .help(format!(
            "{add}; or, if the writer does not support log backups, clear LOG: {}",
            written(s.difference(BackupSchema::LOG))
        ));
    for c in databases {
        d.related(
            c.node.span,
            format!("DATABASE \"{}\" has no DATABASE_LOGFILES", c.full_name()),
        );
    }
}
