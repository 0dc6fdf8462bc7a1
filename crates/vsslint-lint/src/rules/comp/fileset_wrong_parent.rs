//! `comp/fileset-wrong-parent`: file sets match their component's type.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, ComponentKind, FileSet, FileSetKind, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("comp/fileset-wrong-parent" {
        code: "VSL416",
        severity: Severity::Error,
        summary: "A file set does not match the type of its component",
        what: "A `FILE_LIST` belongs only in a `FILE_GROUP`; `DATABASE_FILES` and \
    `DATABASE_LOGFILES` belong only in a `DATABASE`. This rule reports the file set that is in \
    the wrong kind of component, and points at the component.",
        why: "`AddFilesToFileGroup` documents `E_INVALIDARG` for file-group files added to a \
    component that is not a file group, and `AddDatabaseLogFiles` for database files added to \
    one that is not a database; `AddDatabaseFiles` is documented for database components. \
    And a requester counts only the file sets that match \
    the component type (`VSS_COMPONENTINFO` has `cFileCount` for file groups, `cDatabases` and \
    `cLogFiles` for databases). The files in a mismatched set may be left out of the backup.",
        sources: &[
            "IVssCreateWriterMetadata::AddFilesToFileGroup: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
            "IVssCreateWriterMetadata::AddDatabaseFiles: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-adddatabasefiles",
            "IVssCreateWriterMetadata::AddDatabaseLogFiles: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-adddatabaselogfiles",
            "VSS_COMPONENTINFO: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/ns-vsbackup-vss_componentinfo",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component, f: &FileSet) {
    let help = match (c.kind, f.kind) {
        (ComponentKind::FileGroup, FileSetKind::FileList)
        | (ComponentKind::Database, FileSetKind::DatabaseFiles)
        | (ComponentKind::Database, FileSetKind::DatabaseLogfiles) => return,
        (ComponentKind::Database, _) => {
            "write the files of a DATABASE as DATABASE_FILES (data) or DATABASE_LOGFILES (logs), or move this FILE_LIST into a FILE_GROUP component"
        }
        (ComponentKind::FileGroup, _) => {
            "write the files of a FILE_GROUP as FILE_LIST, or make the component a DATABASE if it holds a database"
        }
    };
    cx.report(
        f.node.span,
        format!(
            "<{}> inside the {} `{}`",
            f.kind.element(),
            c.kind.element(),
            c.full_name()
        ),
    )
    .label(format!("not allowed in a {}", c.kind.element()))
    .related(
        c.node.span,
        format!("this component is a {}", c.kind.element()),
    )
    .help(help);
}
