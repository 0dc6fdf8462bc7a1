//! `doc/not-vss-document`: an XML file of another kind, skipped.

use crate::rule_api::{rule, Check, Rule};
use crate::rule_meta::Severity;

pub static RULE: Rule = Rule {
    meta: rule!("doc/not-vss-document" {
        code: "VSL012",
        severity: Severity::Info,
        summary: "A well-formed XML file that is not a VSS document, skipped",
        what: "Notes a well-formed XML file whose document element is neither a VSS element \
    (`WRITER_METADATA`, `BACKUP_COMPONENTS`, DiskShadow's `Manifest`) nor in a VSS namespace \
    (`x-schema:#VssWriterMetadataInfo`, `x-schema:#VssComponentMetadata`), and is not a small \
    edit away from `WRITER_METADATA` either: a Maven `pom.xml`, an MSBuild project, a \
    configuration file. The file is not linted. A root in a VSS namespace, or one that looks \
    like a misspelt `WRITER_METADATA`, is `doc/root-element`'s error instead.",
        why: "Repositories hold many kinds of XML, and hooks that select files by type (`types: \
    [xml]`) hand vsslint all of them. Failing a build over a file that was never meant to be a \
    writer metadata document would make the hook unusable; saying that it was skipped keeps \
    a wrong file from passing unnoticed.",
        sources: &[
            "Writer Metadata Document Contents: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-contents",
        ],
    }),
    check: Check::Pipeline,
};
