//! `doc/utf16-without-bom`: a UTF-16 file without a byte-order mark.

use crate::rule_api::{rule, Check, Rule};
use crate::rule_meta::Severity;

pub static RULE: Rule = Rule {
    meta: rule!("doc/utf16-without-bom" {
        code: "VSL015",
        severity: Severity::Info,
        summary: "The file is UTF-16 without a byte-order mark",
        what: "Reports a file read as UTF-16 (little- or big-endian) because of the pattern of its \
    NUL bytes, with no byte-order mark to say so. vsslint decodes it; other tools may not. \
    DiskShadow writes its `Manifest.xml` this way. Split from `doc/encoding` (VSL002), which reported this case \
    before: turning `doc/encoding` off (in the configuration, or with `--ignore`) still turns this \
    rule off unless the configuration names it; a severity set for `doc/encoding` does not apply to it.",
        why: "`IVssExamineWriterMetadata::SaveAsXML` returns UTF-16 text and tools store it in \
    different encodings. Without a byte-order mark or an XML declaration that says UTF-16, a tool \
    that reads the file as UTF-8 or as a single-byte code page sees NUL bytes between the \
    characters.",
        sources: &[
            "IVssExamineWriterMetadata::SaveAsXML: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-saveasxml",
            "DiskShadow metadata cabinets store Manifest.xml as UTF-16LE without a byte-order mark (observed in real DiskShadow output)",
        ],
    }),
    check: Check::Pipeline,
};
