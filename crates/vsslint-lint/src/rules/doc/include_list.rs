//! `doc/include-list`: explicit include lists were removed in Windows Server 2003.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{StrayKind, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("doc/include-list" {
        code: "VSL011",
        severity: Severity::Warning,
        summary: "An explicit include-file list",
        what: "Warns about an include-file list (`INCLUDE_FILES` or `INCLUDE_FILE_LIST`; the XML \
    spelling is inferred, since no public document shows one).",
        why: "`IVssCreateWriterMetadata::AddIncludeFiles` and \
    `IVssExamineWriterMetadata::GetIncludeFile` are documented as not supported, and explicit \
    include lists were removed in Windows Server 2003: requesters ignore them, so the files they \
    name are not backed up. Put files in a component's file set instead.",
        sources: &[
            "IVssCreateWriterMetadata::AddIncludeFiles: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addincludefiles",
            "IVssExamineWriterMetadata::GetIncludeFile: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getincludefile",
            "Functionality Removed from the Current Release: https://learn.microsoft.com/en-us/windows/win32/vss/functionality-removed-from-the-current-release",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for s in w.strays.iter().filter(|s| s.kind == StrayKind::IncludeList) {
        cx.report(s.span, format!("<{}> is an explicit include list, which VSS no longer supports", s.name))
            .label("include list")
            .help("move these files into a FILE_LIST of a FILE_GROUP component; requesters ignore include lists");
    }
}
