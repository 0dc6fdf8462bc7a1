//! `doc/not-well-formed`: the file must parse as XML.

use crate::rule_api::{rule, Check, Rule};
use crate::rule_meta::Severity;

pub static RULE: Rule = Rule {
    meta: rule!("doc/not-well-formed" {
        code: "VSL001",
        severity: Severity::Error,
        summary: "The document is not well-formed XML",
        what: "Parses the decoded text as XML 1.0 and reports the first syntax error: an unclosed \
    element, a mismatched end tag, a stray `<` or `&`, a duplicated attribute, a truncated file. \
    Document type declarations are refused, so entity expansion attacks (billion laughs) and \
    external entities are never expanded or fetched.",
        why: "VSS loads a writer metadata document with `CreateVssExamineWriterMetadata` or \
    `IVssExamineWriterMetadata::LoadFromXML`. The first documents \
    `VSS_E_INVALID_XML_DOCUMENT` for a string that is not correctly formed XML; the second \
    reports that the document could not be loaded (`S_FALSE`) or is not valid. Either way a \
    requester cannot restore anything described by it. A \
    truncated copy is the usual cause.",
        sources: &[
            "CreateVssExamineWriterMetadata: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-createvssexaminewritermetadata",
            "IVssExamineWriterMetadata::LoadFromXML: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-loadfromxml",
        ],
    }),
    check: Check::Pipeline,
};
