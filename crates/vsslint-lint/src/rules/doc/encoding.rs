//! `doc/encoding`: the bytes must decode to text.

use crate::rule_api::{rule, Check, Rule};
use crate::rule_meta::Severity;

pub static RULE: Rule = Rule {
    meta: rule!("doc/encoding" {
        code: "VSL002",
        severity: Severity::Error,
        summary: "The file cannot be decoded, or its encoding is unusual",
        what: "Detects the encoding from a byte-order mark (UTF-8, UTF-16 LE/BE), from the NUL \
    bytes of BOM-less UTF-16 (as DiskShadow writes), or from the XML declaration's `encoding` \
    (ISO-8859-1, windows-1252 and other charsets). An error when the bytes are not valid in that \
    encoding, when a UTF-16 file has an odd number of bytes, when the declaration contradicts the \
    bytes, or for UTF-32. BOM-less UTF-16, which decodes but which other tools may misread, is \
    `doc/utf16-without-bom`'s, an info.",
        why: "`IVssExamineWriterMetadata::SaveAsXML` returns UTF-16 text and tools store it in \
    different encodings; a file that decodes differently than it was written yields wrong paths \
    and names at restore time, or fails to load (`CreateVssExamineWriterMetadata` documents \
    `VSS_E_INVALID_XML_DOCUMENT` for a string that is not correctly formed XML).",
        sources: &[
            "CreateVssExamineWriterMetadata: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-createvssexaminewritermetadata",
            "IVssExamineWriterMetadata::SaveAsXML: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-saveasxml",
            "DiskShadow metadata cabinets store Manifest.xml as UTF-16LE without a byte-order mark (observed in real DiskShadow output)",
        ],
    }),
    check: Check::Pipeline,
};
