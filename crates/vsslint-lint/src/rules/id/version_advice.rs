//! `id/version-advice`: the writer reports a version.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("id/version-advice" {
        code: "VSL110",
        severity: Severity::Info,
        summary: "The writer reports version 0.0, which means no version",
        what: "Notes a writer whose `majorVersion` and `minorVersion` are both `0` (absent counts \
    as `0`). Values that are not numbers are reported by `id/version-format` instead. Microsoft's \
    documented in-box writers are skipped: all of them report 0.0, and `id/known-writer` already \
    names them. With a `--target-os` before Windows Vista nothing is noted, since such a \
    writer cannot report a version.",
        why: "A writer sets its version with `CVssWriterEx::InitializeEx` (Windows Vista and \
    Windows Server 2008 and later), and requesters read it with \
    `IVssExamineWriterMetadataEx2::GetVersion` to choose how to restore data backed up by another \
    release of the writer. 0.0 means the writer did not say. Microsoft asks writers that are new \
    or have changed since Windows XP to report a version, 1.0 or above.",
        sources: &[
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
            "IVssExamineWriterMetadataEx2::GetVersion: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadataex2-getversion",
            "Every real in-box writer document reports majorVersion=\"0\" minorVersion=\"0\" (DiskShadow output)",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(id) = w.identification() else {
        return;
    };
    let is_inbox = id
        .writer_id
        .as_ref()
        .and_then(|a| a.value.uuid())
        .is_some_and(|u| crate::inbox::find(u).is_some());
    // Before Vista a writer cannot report a version at all (os/writer-version says so).
    let unsupported = cx.settings.target_os.is_some_and(|t| {
        vsslint_model::os::feature(vsslint_model::os::Feature::WriterVersion).too_new_for(t)
    });
    if is_inbox || unsupported {
        return;
    }
    let value = |a: &Option<vsslint_model::model::Number>| match a {
        None => Some(0),
        Some(n) => n.value,
    };
    if value(&id.major_version) != Some(0) || value(&id.minor_version) != Some(0) {
        return;
    }
    let span = id.major_version.as_ref().map_or(id.node.span, |a| a.span);
    cx.report(span, "the writer reports version 0.0, which means \"not specified\"")
        .label("no writer version")
        .help("pass the writer's version to CVssWriterEx::InitializeEx (1.0 or above), so that requesters can tell releases apart: majorVersion=\"1\" minorVersion=\"0\"");
}
