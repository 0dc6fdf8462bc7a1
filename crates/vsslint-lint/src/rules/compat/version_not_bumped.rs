//! `compat/version-not-bumped`: the new release breaks or risks compatibility without raising its writer version.

use crate::diagnostic::Diagnostic;
use crate::rule_api::Pair;
use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_identity::{version, version_span};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/version-not-bumped" {
        code: "VSL1013",
        severity: Severity::Warning,
        summary: "The new release breaks or risks compatibility without raising its writer version",
        what: "Counts the errors and warnings the other comparison rules found on the pair. With an error, the new `majorVersion` must be above the old one; with warnings only, (`majorVersion`, `minorVersion`) must be above the old one. Silent when both releases are 0.0 (`id/version-advice` speaks of that) and when the version went down (`compat/version-decreased`). At the new `majorVersion`, with the old one.",
        why: "CVssWriterEx::InitializeEx: the minor version is for \"changes that affect the writer's interaction with requesters\" and the major version for \"a significant change\". A backup application that tests a writer's version before restoring an old backup can only do so when the version moves with the change.",
        sources: &[
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        ],
        example_also: &["compat/component-removed"],
    }),
    check: Check::Compare(Compare::Settled(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair, found: &[&Diagnostic]) {
    let (old, new) = (version(&pair.old), version(&pair.new));
    if (old == (0, 0) && new == (0, 0)) || new < old {
        return;
    }
    let count = |sev: Severity| found.iter().filter(|d| d.severity == sev).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let (part, why) = if errors > 0 && new.0 <= old.0 {
        (
            "majorVersion",
            format!(
                "{errors} error{} of the comparison",
                if errors == 1 { "" } else { "s" }
            ),
        )
    } else if errors + warnings > 0 && new <= old {
        (
            "minorVersion",
            format!(
                "{warnings} warning{} of the comparison",
                if warnings == 1 { "" } else { "s" }
            ),
        )
    } else {
        return;
    };
    cx.changed(
        version_span(&pair.old, false),
        version_span(&pair.new, false),
        format!(
            "the new release ({why}) keeps the writer version {}.{} of the old one",
            new.0, new.1
        ),
    )
    .label("version not raised")
    .help(format!("raise {part} (InitializeEx: the major version for a significant change, the minor one for a change in how the writer works with requesters)"));
}
