//! `comp/selectable-missing`: every component says whether it is selectable.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("comp/selectable-missing" {
        code: "VSL406",
        severity: Severity::Error,
        summary: "A component has no selectable attribute",
        what: "Reports a `FILE_GROUP` or `DATABASE` without a `selectable` attribute. \
    (`selectableForRestore` may be left out: it defaults to `no`.)",
        why: "Selectability for backup has no default: the writer must state it for every \
    component. It decides whether the component is optional (a requester may leave it out, or \
    pick it to bring in its whole component set) or is always backed up whenever the writer takes \
    part. A requester that guesses wrong either skips data that must be backed up or forces data \
    the user meant to leave out.",
        sources: &[
            "VSS_COMPONENTINFO (bSelectable): https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/ns-vsbackup-vss_componentinfo",
            "VSS Glossary, selectability: https://learn.microsoft.com/en-us/windows/win32/vss/vssgloss-s",
            "Working with Selectability for Restore and Subcomponents: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-selectability-for-restore-and-subcomponents",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    if c.selectable.is_none() {
        cx.report(
            c.node.span,
            format!("component `{}` does not say whether it is selectable", c.full_name()),
        )
        .label("no selectable attribute")
        .help("add selectable=\"yes\" if a requester may choose to leave the component out of a backup, selectable=\"no\" if it must always be backed up with the writer");
    }
}
