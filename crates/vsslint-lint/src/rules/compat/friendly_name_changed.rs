//! `compat/friendly-name-changed`: the writer friendly name changed between the releases.

use crate::rule_api::Pair;
use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_identity::{shown, sides};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/friendly-name-changed" {
        code: "VSL1009",
        severity: Severity::Info,
        summary: "The writer friendly name changed between the releases",
        what: "Compares `friendlyName` of the two documents of a pair, exactly as written, an absent one included.\n\nFor restoring a backup made with the old release: nothing, VSS finds the writer by its class ID. For saved selections: tools that select writers by name (`vshadow -wi`, `-wx`) and scripts that use them no longer match.",
        why: "VSS identifies a writer by its class ID, not its friendly name, so this breaks no restore. Tools select writers by name too: vshadow's `-wi` and `-wx` options take a writer's name or class ID, so a script written against the old name stops matching. Keep the name, or tell the users of such scripts.",
        sources: &[
            "VShadow tool and sample: https://learn.microsoft.com/en-us/windows/win32/vss/vshadow-tool-and-sample",
            "VSS glossary (W): https://learn.microsoft.com/en-us/windows/win32/vss/vssgloss-w",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let (old, new) = sides(pair, |s| s.doc.identification()?.friendly_name.as_ref());
    if old.map(|a| a.raw) == new.map(|a| a.raw) {
        return;
    }
    let span = |s: &crate::rule_api::Side, a: Option<&vsslint_model::model::Text>| {
        a.map_or(s.identification_span(), |a| a.span)
    };
    cx.changed(
        span(&pair.old, old),
        span(&pair.new, new),
        format!(
            "the friendly name changed from {} to {}",
            shown(old.map(|a| a.raw)),
            shown(new.map(|a| a.raw))
        ),
    )
    .label("new friendly name")
    .help("scripts that pick the writer by name (vshadow -wi, -wx) need the new name; VSS itself finds the writer by its class ID");
}
