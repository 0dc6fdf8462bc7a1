//! `id/version-format`: `majorVersion` and `minorVersion` are unsigned integers.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("id/version-format" {
        code: "VSL109",
        severity: Severity::Error,
        summary: "majorVersion or minorVersion is not an unsigned integer",
        what: "`IDENTIFICATION/@majorVersion` and `@minorVersion` must be unsigned decimal \
    integers (digits only, at most 4294967295).",
        why: "The writer version is a pair of DWORDs (`CVssWriterEx::InitializeEx`, \
    `IVssExamineWriterMetadataEx2::GetVersion`); `1.0` or `v2` in one attribute cannot be read as one, \
    and requesters that compare versions to choose a restore procedure get it wrong.",
        sources: &[
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
            "IVssExamineWriterMetadataEx2::GetVersion: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadataex2-getversion",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for id in &w.identifications {
        for (name, attr) in [
            ("majorVersion", &id.major_version),
            ("minorVersion", &id.minor_version),
        ] {
            if let Some(a) = attr {
                if a.value.is_none() {
                    cx.report(a.span, format!("{name} \"{}\" is not an unsigned integer", a.raw))
                        .label("not a number")
                        .help("write the version as two whole numbers: majorVersion=\"2\" minorVersion=\"1\" for 2.1");
                }
            }
        }
    }
}
