//! `id/instance-id-format`: `instanceId` is a GUID.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("id/instance-id-format" {
        code: "VSL102",
        severity: Severity::Error,
        summary: "instanceId is not a GUID",
        what: "`IDENTIFICATION/@instanceId` must be a GUID in the same form as `writerId`: 8-4-4-4-12 \
    hexadecimal digits, any case. A GUID in braces is a GUID: `id/instance-id-braced` reports it, as a \
    warning.",
        why: "VSS generates the instance ID each time the writer process starts and requesters \
    read it with `IVssExamineWriterMetadata::GetIdentity`, which returns it as a GUID: a value \
    that is not one cannot be returned, and may not match VSS's (unpublished) schema, which \
    `CreateVssExamineWriterMetadata` reports as `VSS_E_INVALID_XML_DOCUMENT`.",
        sources: &[
            "CreateVssExamineWriterMetadata: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-createvssexaminewritermetadata",
            "IVssExamineWriterMetadata::GetIdentity: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getidentity",
            "Writer Metadata Document Contents: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-contents",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for id in &w.identifications {
        crate::toolkit::ids::check_guid(
            cx,
            id.instance_id.as_ref(),
            "instanceId",
            "the writer instance ID",
        );
    }
}
