//! `fs/database-recursive`: database file sets are single directories.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Attr, Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/database-recursive" {
        code: "VSL608",
        severity: Severity::Error,
        summary: "a database file set is recursive",
        what: "`DATABASE_FILES` and `DATABASE_LOGFILES` name files in one directory: \
    `recursive=\"yes\"` is reported. `recursive=\"no\"` and an absent `recursive` are fine \
    (Microsoft's NTDS and AD LDS examples omit it).",
        why: "Database components trade flexibility for precise restore semantics: their file \
    sets cannot be recursive and cannot have an alternate path. `AddDatabaseFiles` and \
    `AddDatabaseLogFiles` have no recursion parameter at all, so a recursive database file set \
    cannot have come from the API, and requesters that follow the documented model ignore the \
    subdirectories.",
        sources: &[
            "Component Types: https://learn.microsoft.com/en-us/windows/win32/vss/component-types",
            "IVssCreateWriterMetadata::AddDatabaseFiles: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-adddatabasefiles",
            "In-Box VSS Writers (NTDS example): https://learn.microsoft.com/en-us/windows/win32/vss/in-box-vss-writers",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component, f: &FileSet) {
    if !f.kind.is_database() || !Attr::is_yes(&f.recursive) {
        return;
    }
    if let Some(a) = &f.recursive {
        cx.report(
            a.span,
            format!(
                "<{}> in database component \"{}\" is recursive",
                f.node.name,
                c.full_name()
            ),
        )
        .label("database file sets cannot recurse")
        .help("remove recursive (or write recursive=\"no\") and list each directory of the database as its own file set, or make the component a FILE_GROUP if it needs a directory tree");
    }
}
