//! `express/exclude-from-snapshot`: express writers do not trim shadow copies.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use vsslint_model::model::{Exclude, ExcludeKind, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("express/exclude-from-snapshot" {
        code: "VSL708",
        severity: Severity::Error,
        profile: Profile::Express,
        summary: "an express writer lists files to exclude from the shadow copy",
        what: "With `--express`, reports every `EXCLUDE_FILES_FROM_SNAPSHOT` entry. \
    `EXCLUDE_FILES` (exclusion from backup) is allowed.",
        why: "`AddExcludeFilesFromSnapshot` returns `VSS_E_NOT_SUPPORTED` for express writers. \
    The entries announce files the writer deletes from the shadow copy in its PostSnapshot \
    handler, and an express writer runs no code during the backup.",
        sources: &[
            "IVssCreateWriterMetadataEx::AddExcludeFilesFromSnapshot: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadataex-addexcludefilesfromsnapshot",
            "Excluding Files from Shadow Copies: https://learn.microsoft.com/en-us/windows/win32/vss/excluding-files-from-shadow-copies",
        ],
    }),
    check: Check::Exclude(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, e: &Exclude) {
    if e.kind != ExcludeKind::ExcludeFilesFromSnapshot {
        return;
    }
    cx.report(
        e.node.span,
        "an express writer cannot exclude files from the shadow copy",
    )
    .label("not supported for express writers")
    .help("remove it; to keep these files out of the backup, list them in <EXCLUDE_FILES> with the same path, filespec and recursive");
}
