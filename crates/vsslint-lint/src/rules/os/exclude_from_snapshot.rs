//! `os/exclude-from-snapshot`: EXCLUDE_FILES_FROM_SNAPSHOT on a target that predates it.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use vsslint_model::model::{Exclude, ExcludeKind, WriterMetadata};
use vsslint_model::os::{feature, last_without, os_doc, Feature};

pub static RULE: Rule = Rule {
    meta: rule!("os/exclude-from-snapshot" {
        code: "VSL809",
        profile: Profile::TargetOs,
        example_target: Some(last_without(Feature::ExcludeFromSnapshot)),
        summary: "EXCLUDE_FILES_FROM_SNAPSHOT on a target that predates it",
        what: os_doc!("os/exclude-from-snapshot", "Reports each `EXCLUDE_FILES_FROM_SNAPSHOT` \
    element when the `--target-os` release predates \
    `IVssCreateWriterMetadataEx::AddExcludeFilesFromSnapshot`."),
        why: "The element lists files the writer deletes from the shadow copy after it is \
    taken. Older releases have neither the method nor the getters requesters read it with, so a \
    writer there cannot produce the list and a requester there never sees it.",
        sources: &[
            "IVssCreateWriterMetadataEx::AddExcludeFilesFromSnapshot: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadataex-addexcludefilesfromsnapshot",
            "Excluding Files from Shadow Copies: https://learn.microsoft.com/en-us/windows/win32/vss/excluding-files-from-shadow-copies",
        ],
    }),
    check: Check::Exclude(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, e: &Exclude) {
    let Some(target) = cx.settings.target_os else {
        return;
    };
    let f = feature(Feature::ExcludeFromSnapshot);
    if e.kind != ExcludeKind::ExcludeFilesFromSnapshot || !f.too_new_for(target) {
        return;
    }
    cx.report(e.node.span, f.needs(target))
        .label(format!("needs {}", f.min()))
        .help(format!(
            "remove the element for {target} (files to leave out of backups belong in EXCLUDE_FILES), or target {} or later",
            f.min()
        ));
}
