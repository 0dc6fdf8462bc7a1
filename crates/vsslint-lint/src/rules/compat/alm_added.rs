//! `compat/alm-added`: an alternate location mapping new in the new release, whose restore
//! method does not depend on it.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_keyed::{added_mappings, mappings_container};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/alm-added" {
        code: "VSL1031",
        severity: Severity::Info,
        summary: "An alternate location mapping is new in the new release",
        what: "Matches the alternate location mappings (`ALTERNATE_LOCATION_MAPPING`) of the \
    two releases by their source: `path` (without case and without a trailing `\\`), \
    `filespec` (exactly) and `recursive` (absent is `no`). A new mapping with no old one of the \
    same source is reported here at the mapping, with the old `RESTORE_METHOD` (or document \
    element), when the new restore method is not `RESTORE_TO_ALTERNATE_LOCATION`; when it is, \
    the mapping is `compat/alm-added-alternate-method`.\n\n\
    For restoring a backup made with the old release: the metadata saved in the backup has no \
    such mapping, so a requester does not use it; the files are restored as the old release \
    declared. For a backup application's saved selections: nothing changes.",
        why: "A requester obtains the mappings it may use from the writer metadata stored with \
    the backup (`IVssExamineWriterMetadata::GetAlternateLocationMapping`). A mapping the old \
    release did not declare is simply not offered for its backups.",
        sources: &[
            "Working with alternate locations during restore: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-alternate-locations-during-restore",
            "Overview of restore initialization: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-restore-initialization",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let container = mappings_container(pair.old.doc);
    for (m, source, alternate) in added_mappings(pair) {
        if alternate {
            continue;
        }
        cx.added(
            m.node.span,
            container,
            format!("the alternate location mapping of `{source}` is new in the new release"),
        )
        .label("the old release has no such mapping")
        .help("nothing to change: backups made with the old release do not offer this mapping to requesters");
    }
}
