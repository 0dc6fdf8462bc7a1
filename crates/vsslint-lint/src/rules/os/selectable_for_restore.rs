//! `os/selectable-for-restore`: selectability for restore on a target that predates it.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use vsslint_model::model::{Attr, Component, WriterMetadata};
use vsslint_model::os::{feature, last_without, os_doc, Feature};

pub static RULE: Rule = Rule {
    meta: rule!("os/selectable-for-restore" {
        code: "VSL807",
        profile: Profile::TargetOs,
        example_target: Some(last_without(Feature::SelectableForRestore)),
        summary: "selectableForRestore=\"yes\" on a target that predates selectability for restore",
        what: os_doc!("os/selectable-for-restore", "Reports `selectableForRestore=\"yes\"` on a \
    component when the `--target-os` release predates selectability for restore. `no` (the \
    default) is not reported: it asks for nothing."),
        why: "On older releases a requester cannot restore a component on its own that was \
    backed up as part of a component set: the flag is not read, and a restore plan built on it \
    (restoring one database of a set) is not available.",
        sources: &[
            "New Functionality Available in the Current Release: https://learn.microsoft.com/en-us/windows/win32/vss/new-functionality-available-in-the-current-release",
            "IVssCreateWriterMetadata::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponent",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    let Some(target) = cx.settings.target_os else {
        return;
    };
    let f = feature(Feature::SelectableForRestore);
    if !f.too_new_for(target) || !Attr::is_yes(&c.selectable_for_restore) {
        return;
    }
    let Some(a) = &c.selectable_for_restore else {
        return;
    };
    cx.report(
        a.span,
        format!("component \"{}\": {}", c.full_name(), f.needs(target)),
    )
    .label(format!("needs {}", f.min()))
    .help(format!(
        "write selectableForRestore=\"no\" (or leave it out) for {target}, or target {} or later",
        f.min()
    ));
}
