//! `comp/database-without-data-files`: a `DATABASE` without `DATABASE_FILES`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, ComponentKind, FileSetKind, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("comp/database-without-data-files" {
        code: "VSL415",
        severity: Severity::Info,
        summary: "A DATABASE component has no DATABASE_FILES",
        what: "Notes a `DATABASE` component that has log files (`DATABASE_LOGFILES`) but no \
    data files (`DATABASE_FILES`), or has neither. A `DATABASE` that holds a `FILE_LIST` is left \
    to `comp/fileset-wrong-parent`, since that file list is probably the missing data files.",
        why: "A database component stands for a database: its data files, and usually its logs. \
    Logs without data cannot restore anything on their own, and a database component without \
    files backs up nothing. Either can be intended (an empty component can organise a component \
    set), but it is more often a data-file set left out or written as the wrong element.",
        sources: &[
            "Component Types: https://learn.microsoft.com/en-us/windows/win32/vss/component-types",
            "IVssCreateWriterMetadata::AddDatabaseFiles: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-adddatabasefiles",
            "IVssCreateWriterMetadata::AddDatabaseLogFiles: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-adddatabaselogfiles",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    if c.kind != ComponentKind::Database {
        return;
    }
    let has = |k: FileSetKind| c.file_sets.iter().any(|f| f.kind == k);
    if has(FileSetKind::DatabaseFiles) || has(FileSetKind::FileList) {
        return;
    }
    let (message, label) = if has(FileSetKind::DatabaseLogfiles) {
        (
            format!(
                "database `{}` has log files but no data files",
                c.full_name()
            ),
            "DATABASE_LOGFILES without DATABASE_FILES",
        )
    } else {
        (
            format!("database `{}` lists no files", c.full_name()),
            "no DATABASE_FILES or DATABASE_LOGFILES inside",
        )
    };
    cx.report(c.node.span, message)
        .label(label)
        .help("add <DATABASE_FILES path=\"…\" filespec=\"…\"/> for the database's data files; nothing to fix if the component only organises others");
}
