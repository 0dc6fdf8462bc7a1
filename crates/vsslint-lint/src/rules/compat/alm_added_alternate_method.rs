//! `compat/alm-added-alternate-method`: an alternate location mapping new in the new
//! release, whose restore method restores to alternate locations.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_keyed::{added_mappings, mappings_container};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/alm-added-alternate-method" {
        code: "VSL1032",
        severity: Severity::Warning,
        summary: "An alternate location mapping is new in a release that restores to alternate locations",
        what: "Matches the alternate location mappings (`ALTERNATE_LOCATION_MAPPING`) of the \
    two releases by their source: `path` (without case and without a trailing `\\`), \
    `filespec` (exactly) and `recursive` (absent is `no`). A new mapping with no old one of the \
    same source is reported here at the mapping, with the old `RESTORE_METHOD` (or document \
    element), when the new restore method is `RESTORE_TO_ALTERNATE_LOCATION`; otherwise it is \
    `compat/alm-added`.\n\n\
    For restoring a backup made with the old release: the metadata saved in the backup has no \
    such mapping. A new writer that relies on it, asking in `PreRestore` for the files to be \
    restored to their alternate location, asks for a mapping that the requester, reading the \
    old metadata, does not have. For a backup application's saved selections: nothing \
    changes.",
        why: "A requester obtains the mappings it may use from the writer metadata stored with \
    the backup (`IVssExamineWriterMetadata::GetAlternateLocationMapping`). With the restore \
    method `VSS_RME_RESTORE_TO_ALTERNATE_LOCATION` the requester restores files to the \
    location their mapping specifies, and the method without a mapping \"constitutes a writer \
    error\"; a writer that sets the restore target `VSS_RT_ALTERNATE` gets the files restored \
    to the alternate location when a mapping matches, \"otherwise, return an error\".\n\n\
    What the documentation does not say: whether a requester restoring files that the stored \
    metadata maps nowhere restores them to their original location or fails. Declare the \
    mapping from the first release that restores to alternate locations, or make the new \
    writer handle backups whose metadata lacks it, and raise the writer's minor version \
    (`InitializeEx`).",
        sources: &[
            "VSS_RESTOREMETHOD_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_restoremethod_enum",
            "Setting VSS restore targets: https://learn.microsoft.com/en-us/windows/win32/vss/setting-vss-restore-targets",
            "Working with alternate locations during restore: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-alternate-locations-during-restore",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let container = mappings_container(pair.old.doc);
    for (m, source, alternate) in added_mappings(pair) {
        if !alternate {
            continue;
        }
        cx.added(
            m.node.span,
            container,
            format!("the alternate location mapping of `{source}` is new in a release that restores to alternate locations"),
        )
        .label("backups made with the old release have no such mapping")
        .help("make the new writer restore backups made without this mapping as the old release did, and raise its minor version");
    }
}
