//! `id/known-writer`: the writer is one of Microsoft's documented in-box writers.

use crate::inbox;
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::ids::identify;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("id/known-writer" {
        code: "VSL112",
        severity: Severity::Info,
        summary: "writerId is one of Microsoft's documented in-box writers",
        what: "Notes a `writerId` that Microsoft documents as the class ID of an in-box writer (a \
    writer that ships with Windows), with the writer's documented name and the Windows releases \
    it is documented for. The friendly name in real documents often differs from the documented \
    name (the VSS Metadata Store writer calls itself `VSS Metadata Store Writer`, the documentation \
    `VSS Express Writer Metadata Store Writer`), so a different name is mentioned, never an \
    error.\n\n\
    When `--target-os` is given and the writer is not documented for that release, \
    `os/in-box-writer-availability` reports it instead.",
        why: "A document of an in-box writer describes Windows' own data: a requester restores it \
    the way Microsoft documents for that writer (system state, Active Directory, the registry), \
    not from the document alone. Some in-box writers exist only on some releases; a backup that \
    relies on, say, the Task Scheduler writer needs Windows 7 or Windows Server 2008 R2 or later.",
        sources: &[
            "In-Box VSS Writers: https://learn.microsoft.com/en-us/windows/win32/vss/in-box-vss-writers",
            "Real DiskShadow output: the VSS Metadata Store writer's friendlyName differs from its documented name",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(id) = w.identification() else {
        return;
    };
    let Some((attr, writer)) = identify(id) else {
        return;
    };
    if let Some(target) = cx.settings.target_os {
        if !writer.available_on(target) {
            return;
        }
    }
    let named = id.friendly_name.as_ref().map_or("", |n| n.raw);
    let mut help = match writer.name {
        Some(doc) if !writer.name_matches(named) => format!(
            "documented name \"{doc}\" (this document calls it \"{named}\"); {}",
            writer.availability
        ),
        Some(doc) => format!("documented name \"{doc}\"; {}", writer.availability),
        None => format!("no documented name; {}", writer.availability),
    };
    help.push_str(&format!(
        "; see {}",
        writer.source.unwrap_or(inbox::INBOX_PAGE)
    ));
    cx.report(
        attr.span,
        format!("writerId is Microsoft's in-box {}", writer.title),
    )
    .label("in-box writer")
    .help(help);
}
