//! `compat/usage-changed`: the writer usage type changed between the releases.

use crate::rule_api::Pair;
use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_identity::sides;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/usage-changed" {
        code: "VSL1010",
        severity: Severity::Warning,
        summary: "The writer usage type changed between the releases",
        what: "Compares `usage` of the two documents of a pair, as written. The message says whether the writer moves into or out of the system state: `BOOTABLE_SYSTEM_STATE` and `SYSTEM_SERVICE` writers' components are system state, the others' are not.\n\nFor restoring a backup made with the old release: a system-state restore chooses writers by what the backup recorded. For saved selections: a selection of the system state takes or leaves the writer anew.",
        why: "The components of writers whose usage is bootable system state or system service are part of the system state (Microsoft, locating additional system files). A change of usage moves the writer into or out of every system-state backup and restore. What the documentation does not say: how a requester restoring an old system-state backup treats a writer whose usage changed. Keep the usage, or raise the writer's major version and say so to backup vendors.",
        sources: &[
            "Locating additional system files: https://learn.microsoft.com/en-us/windows/win32/vss/locating-additional-system-files",
            "Writer metadata document contents: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-contents",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let usage = sides(pair, |s| {
        let a = s.doc.identification()?.usage.as_ref()?;
        Some((a.raw, a.span, a.value.is_system_state()))
    });
    let (Some((old, old_span, old_system)), Some((new, new_span, new_system))) = usage else {
        return;
    };
    if old == new {
        return;
    }
    let membership = match (old_system, new_system) {
        (false, true) => "the writer's components become system state",
        (true, false) => "the writer's components leave the system state",
        _ => "whether they are system state does not change",
    };
    cx.changed(
        old_span,
        new_span,
        format!("the usage changed from {old} to {new}: {membership}"),
    )
    .label("new usage")
    .help("keep the old release's usage, or raise the major version and tell backup vendors: system-state backups and restores choose writers by it");
}
