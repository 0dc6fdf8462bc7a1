//! `express/alternate-path`: express file sets have no alternate path.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("express/alternate-path" {
        code: "VSL706",
        severity: Severity::Error,
        profile: Profile::Express,
        summary: "an express writer's file set has an alternate path",
        what: "With `--express`, reports `alternatePath` on any file set, even when empty. The \
    attribute name is inferred from the VSS Test Writer's configuration vocabulary: no public \
    writer metadata document shows it.",
        why: "The alternate path of the express `AddFilesToFileGroup` is reserved and must be \
    NULL (the regular `IVssCreateWriterMetadata::AddFilesToFileGroup` page documents \
    `VSS_E_NOT_SUPPORTED` when an express writer's alternate path is not NULL): an express writer has no code \
    that could copy files to another directory before the backup.",
        sources: &[
            "IVssCreateExpressWriterMetadata::AddFilesToFileGroup (wszAlternateLocation): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreateexpresswritermetadata-addfilestofilegroup",
            "IVssCreateWriterMetadata::AddFilesToFileGroup (return values): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component, f: &FileSet) {
    if let Some(a) = &f.alternate_path {
        cx.report(
            a.span,
            format!(
                "<{}> in express writer component \"{}\" has an alternate path",
                f.node.name,
                c.full_name()
            ),
        )
        .label("reserved for express writers")
        .help("remove alternatePath: an express writer's files are backed up from path");
    }
}
