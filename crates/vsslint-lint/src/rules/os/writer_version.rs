//! `os/writer-version`: a writer version on a target that predates `InitializeEx`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use vsslint_model::model::WriterMetadata;
use vsslint_model::os::{feature, last_without, os_doc, Feature};

pub static RULE: Rule = Rule {
    meta: rule!("os/writer-version" {
        code: "VSL810",
        profile: Profile::TargetOs,
        example_target: Some(last_without(Feature::WriterVersion)),
        summary: "A nonzero writer version on a target that predates writer versions",
        what: os_doc!("os/writer-version", "Reports a nonzero `majorVersion` or `minorVersion` \
    on `IDENTIFICATION` when the `--target-os` release predates `CVssWriterEx::InitializeEx`, \
    the only way to set them. 0.0 means \"not specified\" and is not reported."),
        why: "A writer on an older release initializes with `CVssWriter::Initialize`, which \
    takes no version, and requesters there have no `GetVersion`. A version in a document for such \
    a release cannot come from the writer and cannot be read by the requester.",
        sources: &[
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
            "IVssExamineWriterMetadataEx2::GetVersion: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadataex2-getversion",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(target) = cx.settings.target_os else {
        return;
    };
    let f = feature(Feature::WriterVersion);
    if !f.too_new_for(target) {
        return;
    }
    let Some(id) = w.identification() else {
        return;
    };
    let value =
        |a: &Option<vsslint_model::model::Number>| a.as_ref().and_then(|a| a.value).unwrap_or(0);
    let (major, minor) = (value(&id.major_version), value(&id.minor_version));
    let at = [&id.major_version, &id.minor_version]
        .into_iter()
        .flatten()
        .find(|a| a.value.is_some_and(|v| v != 0));
    let Some(a) = at else {
        return;
    };
    cx.report(
        a.span,
        format!("writer version {major}.{minor}: {}", f.needs(target)),
    )
    .label(format!("needs {}", f.min()))
    .help(format!(
        "writers on {target} have no version: remove majorVersion and minorVersion (or write 0), or target {} or later",
        f.min()
    ));
}
