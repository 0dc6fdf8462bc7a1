//! `compat/alm-removed`: an alternate location mapping of the old release that the new one
//! no longer declares.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_keyed::{describe_source, mappings_container, match_mappings};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/alm-removed" {
        code: "VSL1029",
        severity: Severity::Warning,
        summary: "An alternate location mapping of the old release is not in the new one",
        what: "Matches the alternate location mappings (`ALTERNATE_LOCATION_MAPPING`) of the \
    two releases by their source: `path` (without case and without a trailing `\\`), \
    `filespec` (exactly) and `recursive` (absent is `no`). An old mapping with no new one of \
    the same source is reported in the new document at `RESTORE_METHOD` (or the document \
    element when it has none), with the mapping in the old one; a mapping whose destination \
    alone changed is `compat/alm-destination-changed`.\n\n\
    For restoring a backup made with the old release: the requester reads the mappings from \
    the metadata saved in the backup, so it may still restore those files to the old \
    destination, and tells the writer so; the writer now installed no longer declares that \
    destination. For a backup application's saved selections: nothing changes, mappings are \
    not selected.",
        why: "A requester obtains the mappings it may use from the stored writer metadata \
    (`IVssExamineWriterMetadata::GetAlternateLocationMapping`), reports the ones it used, by \
    component, with `IVssBackupComponents::AddAlternativeLocationMapping`, and the writer \
    checks them with `IVssComponent::GetAlternateLocationMapping`. At restore the writer \
    installed, not the one that made the backup, handles `PreRestore` and `PostRestore`.\n\n\
    What the documentation does not say: what a writer does when it is told that files were \
    restored to a destination it no longer declares. Keep the mapping while backups made with \
    it may be restored, or make the new writer accept files restored there; raise the writer's \
    minor version (`InitializeEx`) when its interaction with requesters changes.",
        sources: &[
            "Working with alternate locations during restore: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-alternate-locations-during-restore",
            "IVssComponent::GetAlternateLocationMapping: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscomponent-getalternatelocationmapping",
            "Overview of restore initialization: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-restore-initialization",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let (old, new) = (pair.old.doc, pair.new.doc);
    let container = mappings_container(new);
    for &o in &match_mappings(old, new).removed {
        let m = &old.mappings[o];
        let source = describe_source(m);
        let to = m.destination.as_ref().map_or("", |a| a.raw);
        cx.removed(
            m.node.span,
            container,
            format!("the alternate location mapping of `{source}` to `{to}` of the old release is not in the new one"),
        )
        .label("the mapping is gone from here")
        .help("keep the mapping while backups made with the old release may be restored, or make the new writer accept files restored to the old destination");
    }
}
