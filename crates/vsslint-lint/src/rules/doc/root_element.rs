//! `doc/root-element`: the document element must be `WRITER_METADATA`.

use crate::rule_api::{rule, Check, Rule};
use crate::rule_meta::Severity;

pub static RULE: Rule = Rule {
    meta: rule!("doc/root-element" {
        code: "VSL003",
        severity: Severity::Error,
        summary: "The document element is not WRITER_METADATA",
        what: "The document element must be `WRITER_METADATA`. A wrapper element whose only \
    element children are one XDR `Schema` and one `WRITER_METADATA` is accepted (the inline-schema \
    form of MSXML's `x-schema:#` namespaces), with an info note of `doc/wrapped-root`. A backup components document \
    (`BACKUP_COMPONENTS`) and a DiskShadow `Manifest` are linted as what they are. Any other \
    root is an error when it is in a VSS namespace or a small edit away from \
    `WRITER_METADATA` or `BACKUP_COMPONENTS` (`writer_metadata`, `WRITERMETADATA`); XML of \
    another kind is skipped under `doc/not-vss-document`.",
        why: "Linting the wrong file gives false confidence: a DiskShadow metadata cabinet holds \
    writer metadata documents next to a backup components document and a manifest, and only the \
    writer metadata documents describe how to restore.",
        sources: &[
            "Writer Metadata Document Contents: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-contents",
            "Inline XDR schemas (x-schema: namespaces): https://learn.microsoft.com/en-us/previous-versions/windows/desktop/ms759142(v=vs.85)",
        ],
    }),
    check: Check::Pipeline,
};
