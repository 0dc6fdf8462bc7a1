//! `id/friendly-name-missing`: the writer has a name.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("id/friendly-name-missing" {
        code: "VSL104",
        severity: Severity::Error,
        summary: "IDENTIFICATION has no friendlyName, or an empty one",
        what: "`IDENTIFICATION/@friendlyName` must be present and hold more than white space. \
    The name is not localized; Windows' own writers use names such as `System Writer` or \
    `SqlServerWriter`.",
        why: "Every writer must give its name when it initialises (`CVssWriter::Initialize`, \
    `wszWriterName`), and the identification in the writer metadata document carries it. \
    Requesters show the name to administrators and use it in logs and selection lists \
    (`vssadmin list writers`, DiskShadow's manifest); a nameless writer cannot be told apart from \
    the others.",
        sources: &[
            "Writer Metadata Document Life Cycle: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-life-cycle",
            "CVssWriter::Initialize (wszWriterName): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriter-initialize",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for id in &w.identifications {
        match &id.friendly_name {
            None => {
                cx.report(id.node.span, "IDENTIFICATION has no friendlyName")
                    .label("no writer name")
                    .help("add the writer's name, the one it passes to CVssWriter::Initialize: friendlyName=\"Contoso Ledger Writer\"");
            }
            Some(a) if a.raw.trim().is_empty() => {
                cx.report(a.span, "friendlyName is empty")
                    .label("empty writer name")
                    .help("write the writer's name, the one it passes to CVssWriter::Initialize, e.g. friendlyName=\"Contoso Ledger Writer\"");
            }
            Some(_) => {}
        }
    }
}
