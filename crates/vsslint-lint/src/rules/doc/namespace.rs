//! `doc/namespace`: every element is in `x-schema:#VssWriterMetadataInfo`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::WRITER_NAMESPACE;

pub static RULE: Rule = Rule {
    meta: rule!("doc/namespace" {
        code: "VSL004",
        severity: Severity::Error,
        summary: "An element is outside the writer metadata namespace",
        what: "`WRITER_METADATA` and every element below it must be in the namespace \
    `x-schema:#VssWriterMetadataInfo`, normally declared once with \
    `xmlns=\"x-schema:#VssWriterMetadataInfo\"` on the root. Reports the root when the declaration \
    is missing or different, and each element that a prefix or a nested `xmlns` moves elsewhere.",
        why: "In XML an element in another namespace is a different element: it is not part of \
    the writer's metadata, so its components or files may be missing at restore time. \
    `CreateVssExamineWriterMetadata` documents `VSS_E_INVALID_XML_DOCUMENT` for a document that \
    does not match the schema (the schema itself is not published).",
        sources: &[
            "Every writer metadata document written by Windows declares xmlns=\"x-schema:#VssWriterMetadataInfo\" (real DiskShadow output)",
            "CreateVssExamineWriterMetadata (documents that do not match the schema fail): https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-createvssexaminewritermetadata",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for f in &w.foreign {
        let is_root = f.node.span == w.node.span;
        let (message, help) = match f.namespace {
            None if is_root => (
                "WRITER_METADATA has no namespace declaration".to_string(),
                format!("add xmlns=\"{WRITER_NAMESPACE}\" to the WRITER_METADATA start tag"),
            ),
            None => (
                format!("<{}> is in no namespace", f.node.name),
                format!("remove the xmlns=\"\" that takes it out of \"{WRITER_NAMESPACE}\""),
            ),
            Some(ns) => (
                format!("<{}> is in namespace \"{ns}\"", f.node.name),
                format!("use xmlns=\"{WRITER_NAMESPACE}\" (no prefix) for every element"),
            ),
        };
        cx.report(f.node.span, message)
            .label(format!("expected namespace \"{WRITER_NAMESPACE}\""))
            .help(help);
        // Everything below a wrong root is wrong for the same reason: one finding is enough.
        if is_root {
            break;
        }
    }
}
