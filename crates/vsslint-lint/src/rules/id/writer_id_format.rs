//! `id/writer-id-format`: `writerId` is a GUID.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("id/writer-id-format" {
        code: "VSL101",
        severity: Severity::Error,
        summary: "writerId is not a GUID",
        what: "`IDENTIFICATION/@writerId` must be a GUID written as 32 hexadecimal digits in \
    groups of 8-4-4-4-12, in any letter case. A GUID in braces is a GUID: \
    `id/writer-id-braced` reports it, as a warning.",
        why: "The writer class ID is how a requester finds the writer again at restore time and \
    how dependencies name it. A value that is not a GUID cannot be matched to any writer, so the \
    backup of its components cannot be restored through VSS.",
        sources: &[
            "CVssWriter::Initialize (writer class ID): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriter-initialize",
            "IVssExamineWriterMetadata::GetIdentity: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getidentity",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for id in &w.identifications {
        crate::toolkit::ids::check_guid(
            cx,
            id.writer_id.as_ref(),
            "writerId",
            "the writer class ID",
        );
    }
}
