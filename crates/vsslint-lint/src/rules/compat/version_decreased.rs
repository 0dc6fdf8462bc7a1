//! `compat/version-decreased`: the new release has a lower writer version than the old one.

use crate::rule_api::Pair;
use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_identity::{version, version_span};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/version-decreased" {
        code: "VSL1012",
        severity: Severity::Warning,
        summary: "The new release has a lower writer version than the old one",
        what: "Compares (`majorVersion`, `minorVersion`) of the two documents of a pair, an absent one counting as 0: the new one is lower. At the first part that decreased.\n\nFor restoring a backup made with the old release, and for saved selections: requesters that compare versions take the new writer for an older one.",
        why: "CVssWriterEx::InitializeEx asks writers to raise the minor version for changes that affect the writer's interaction with requesters, and the major version for a significant change: a version that goes down says the opposite of what changed. Usually the old and new documents were swapped, or the version was not set from the release.",
        sources: &[
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let (old, new) = (version(&pair.old), version(&pair.new));
    if new >= old {
        return;
    }
    let minor = old.0 == new.0;
    cx.changed(
        version_span(&pair.old, minor),
        version_span(&pair.new, minor),
        format!(
            "the writer version went down from {}.{} to {}.{}",
            old.0, old.1, new.0, new.1
        ),
    )
    .label("lower version")
    .help("check that OLD and NEW are not swapped, and give the new release a version above the old one's");
}
