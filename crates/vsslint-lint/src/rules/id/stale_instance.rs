//! `id/stale-instance`: a stored instance ID does not identify a running writer.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("id/stale-instance" {
        code: "VSL111",
        severity: Severity::Info,
        profile: Profile::Optional,
        summary: "The stored instanceId will not identify a running writer at restore time",
        what: "Notes the `instanceId` of every stored writer metadata document. Off by default, \
    since it applies to every stored document: turn it on to be reminded in tools that match \
    writers at restore time.",
        why: "VSS generates the instance ID each time the writer process starts, so the ID in a \
    stored document names a process that is gone. Microsoft notes that the stored value is not \
    likely to be useful: a requester must find the writer at restore time by its class ID \
    (`writerId`) and, for writers with several instances, its instance name, and should not use \
    the components of a writer class that is absent at restore time.",
        sources: &[
            "Writer Metadata Document Contents: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-contents",
            "IVssExamineWriterMetadata::GetIdentity: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getidentity",
            "IVssExamineWriterMetadataEx::GetIdentityEx: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadataex-getidentityex",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(id) = w.identification() else {
        return;
    };
    let Some(a) = &id.instance_id else {
        return;
    };
    if a.value.uuid().is_none_or(|u| u.is_nil()) {
        return;
    }
    let by = if id
        .instance_name
        .as_ref()
        .is_some_and(|n| !n.raw.trim().is_empty())
    {
        "writerId and instanceName"
    } else {
        "writerId"
    };
    cx.report(a.span, "instanceId identifies the writer process that wrote this document, not a writer running at restore time")
        .label("instance ID of a past process")
        .help(format!("at restore time, find the writer by {by}, not by instanceId"));
}
