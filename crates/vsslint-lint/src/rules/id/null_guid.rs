//! `id/null-guid`: the writer or instance ID is the all-zero GUID.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("id/null-guid" {
        code: "VSL103",
        severity: Severity::Warning,
        summary: "writerId or instanceId is the all-zero GUID",
        what: "Warns when `IDENTIFICATION/@writerId` or `@instanceId` is \
    `00000000-0000-0000-0000-000000000000` (GUID_NULL). A malformed GUID is reported by \
    `id/writer-id-format` and `id/instance-id-format` instead.",
        why: "The writer class ID is how a requester finds the writer again at restore time; \
    GUID_NULL is the value an uninitialised `VSS_ID` has, so it means the writer never set its \
    ID (or a tool wrote the document without one), and any two such writers are \
    indistinguishable. VSS generates a real instance ID each time the writer starts, so a null \
    instance ID also points at a document that was not written by VSS.",
        sources: &[
            "CVssWriter::Initialize (writer class ID): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriter-initialize",
            "IVssExamineWriterMetadata::GetIdentity: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getidentity",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for id in &w.identifications {
        if let Some(a) = &id.writer_id {
            if a.value.uuid().is_some_and(|u| u.is_nil()) {
                cx.report(a.span, "writerId is the all-zero GUID")
                    .label("null writer class ID")
                    .help("give the writer class a GUID of its own (generate one once, e.g. with uuidgen) and keep it in every release of the writer");
            }
        }
        if let Some(a) = &id.instance_id {
            if a.value.uuid().is_some_and(|u| u.is_nil()) {
                cx.report(a.span, "instanceId is the all-zero GUID")
                    .label("null instance ID")
                    .help("VSS assigns a fresh instance ID each time the writer starts; write the ID VSS reports instead of zeros");
            }
        }
    }
}
