//! `doc/identification-count`: exactly one `IDENTIFICATION` with its mandatory attributes.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("doc/identification-count" {
        code: "VSL006",
        severity: Severity::Error,
        summary: "IDENTIFICATION is missing, repeated, or lacks a mandatory attribute",
        what: "A writer metadata document has exactly one `IDENTIFICATION` element, and it \
    carries the writer class ID (`writerId`), the usage type (`usage`) and the data source type \
    (`dataSource`). The friendly name has its own rule, `id/friendly-name-missing`.",
        why: "The identification is how a requester recognises the writer at restore time: \
    without a class ID the stored components cannot be matched to a running writer, and two \
    identifications leave it ambiguous which writer the document describes.",
        sources: &[
            "Writer Metadata Document Life Cycle: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-life-cycle",
            "IVssExamineWriterMetadata::GetIdentity: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getidentity",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(first) = w.identifications.first() else {
        cx.report(w.node.span, "WRITER_METADATA has no IDENTIFICATION element")
            .label("no IDENTIFICATION inside")
            .help("add <IDENTIFICATION writerId=\"…\" instanceId=\"…\" friendlyName=\"…\" usage=\"…\" dataSource=\"…\"/> as a child of WRITER_METADATA");
        return;
    };
    for extra in &w.identifications[1..] {
        cx.report(extra.node.span, "a second IDENTIFICATION element")
            .label("second IDENTIFICATION")
            .help("a document describes one writer: keep one IDENTIFICATION and remove the other")
            .related(first.node.span, "first IDENTIFICATION here");
    }
    let missing: Vec<&str> = [
        ("writerId", first.writer_id.is_none()),
        ("usage", first.usage.is_none()),
        ("dataSource", first.data_source.is_none()),
    ]
    .iter()
    .filter(|(_, m)| *m)
    .map(|(n, _)| *n)
    .collect();
    if !missing.is_empty() {
        cx.report(
            first.node.span,
            format!("IDENTIFICATION lacks the mandatory {}", join_attrs(&missing)),
        )
        .label("incomplete identification")
        .help("add the writer class ID (writerId), the usage type (usage, e.g. USER_DATA) and the data source type (dataSource, e.g. OTHER)");
    }
}

fn join_attrs(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.len() {
        1 => format!("attribute {}", quoted[0]),
        _ => format!(
            "attributes {} and {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    }
}
