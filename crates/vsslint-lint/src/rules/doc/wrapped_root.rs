//! `doc/wrapped-root`: `WRITER_METADATA` wrapped in an element with an inline schema.

use crate::rule_api::{rule, Check, Rule};
use crate::rule_meta::Severity;

pub static RULE: Rule = Rule {
    meta: rule!("doc/wrapped-root" {
        code: "VSL016",
        severity: Severity::Info,
        summary: "WRITER_METADATA is wrapped in an element with an inline schema",
        what: "Reports a document element whose only element children are one XDR `Schema` and \
    one `WRITER_METADATA`: the inline-schema form of MSXML's `x-schema:#` namespaces. It is \
    accepted, and the `WRITER_METADATA` inside is linted. Split from `doc/root-element` (VSL003), \
    which reported this case \
    before: turning `doc/root-element` off (in the configuration, or with `--ignore`) still turns this \
    rule off unless the configuration names it; a severity set for `doc/root-element` does not apply to it.",
        why: "A writer metadata document's element is `WRITER_METADATA`. A tool that expects it \
    as the document element finds the wrapper instead, so the note says where the document \
    really starts.",
        sources: &[
            "Writer Metadata Document Contents: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-contents",
            "Inline XDR schemas (x-schema: namespaces): https://learn.microsoft.com/en-us/previous-versions/windows/desktop/ms759142(v=vs.85)",
        ],
    }),
    check: Check::Pipeline,
};
