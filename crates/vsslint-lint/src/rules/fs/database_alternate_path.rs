//! `fs/database-alternate-path`: database file sets have no alternate path.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/database-alternate-path" {
        code: "VSL609",
        severity: Severity::Error,
        summary: "a database file set has an alternate path",
        what: "An alternate path (the directory the files are really backed up from) exists \
    only for `FILE_LIST`. The rule reports `alternatePath` on `DATABASE_FILES` or \
    `DATABASE_LOGFILES`, even when empty. The attribute name `alternatePath` is inferred from \
    the VSS Test Writer's configuration vocabulary: no public document shows it in a writer \
    metadata document.",
        why: "Database components cannot carry alternate paths: `AddDatabaseFiles` and \
    `AddDatabaseLogFiles` have no such parameter. A requester that follows the documented model \
    backs up from `path` and ignores the attribute, so the files it copies are not the ones the \
    writer prepared.",
        sources: &[
            "Component Types: https://learn.microsoft.com/en-us/windows/win32/vss/component-types",
            "IVssCreateWriterMetadata::AddDatabaseFiles: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-adddatabasefiles",
            "VSS Test Writer Tool (alternatePath): https://learn.microsoft.com/en-us/windows/win32/vss/vss-test-writer-tool",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component, f: &FileSet) {
    if !f.kind.is_database() {
        return;
    }
    if let Some(a) = &f.alternate_path {
        cx.report(
            a.span,
            format!(
                "<{}> in database component \"{}\" has an alternate path",
                f.node.name,
                c.full_name()
            ),
        )
        .label("not allowed on database files")
        .help("remove alternatePath; if the files must be backed up from another directory, make the component a FILE_GROUP with FILE_LIST entries");
    }
}
