//! `os/instance-name`: a writer instance name on a target that predates them.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use vsslint_model::model::WriterMetadata;
use vsslint_model::os::{feature, last_without, os_doc, Feature};

pub static RULE: Rule = Rule {
    meta: rule!("os/instance-name" {
        code: "VSL808",
        profile: Profile::TargetOs,
        example_target: Some(last_without(Feature::InstanceName)),
        summary: "instanceName on a target that predates writer instance names",
        what: os_doc!("os/instance-name", "Reports a non-empty `IDENTIFICATION/@instanceName` \
    when the `--target-os` release predates writer instance names (the `wszWriterInstanceName` \
    parameter of `CVssWriter::Initialize`)."),
        why: "Before instance names, the instances of one writer class cannot be told apart at \
    restore time; a requester on such a release ignores the name, and anything that relies on \
    it, such as restoring a component to another instance \
    (`VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE`), is not available.",
        sources: &[
            "CVssWriter::Initialize: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriter-initialize",
            "IVssExamineWriterMetadataEx::GetIdentityEx: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadataex-getidentityex",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(target) = cx.settings.target_os else {
        return;
    };
    let f = feature(Feature::InstanceName);
    if !f.too_new_for(target) {
        return;
    }
    let Some(a) = w.identification().and_then(|i| i.instance_name.as_ref()) else {
        return;
    };
    if a.raw.trim().is_empty() {
        return;
    }
    cx.report(a.span, f.needs(target))
        .label(format!("needs {}", f.min()))
        .help(format!(
            "writers on {target} cannot name their instances: remove instanceName, or target {} or later",
            f.min()
        ));
}
