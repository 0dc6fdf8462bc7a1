//! `compat/alm-destination-changed`: an alternate location mapping of both releases whose
//! destination changed.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_keyed::{describe_source, destination, match_mappings};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/alm-destination-changed" {
        code: "VSL1030",
        severity: Severity::Warning,
        summary: "An alternate location mapping restores to another destination in the new release",
        what: "Matches the alternate location mappings (`ALTERNATE_LOCATION_MAPPING`) of the \
    two releases by their source: `path` (without case and without a trailing `\\`), \
    `filespec` (exactly) and `recursive` (absent is `no`). For each mapping in both, compares \
    the destination (`alternatePath`, without case and without a trailing `\\`; absent is \
    empty) and reports a change at the new destination, with the old one.\n\n\
    For restoring a backup made with the old release: the requester reads the mappings from \
    the metadata saved in the backup, so it restores those files to the old destination and \
    tells the writer so; the writer now installed expects the new one. For a backup \
    application's saved selections: nothing changes, mappings are not selected.",
        why: "A requester obtains the mappings it may use from the stored writer metadata \
    (`IVssExamineWriterMetadata::GetAlternateLocationMapping`), reports the ones it used, by \
    component, with `IVssBackupComponents::AddAlternativeLocationMapping`, and the writer \
    checks them with `IVssComponent::GetAlternateLocationMapping`. At restore the writer \
    installed, not the one that made the backup, handles `PreRestore` and `PostRestore`.\n\n\
    What the documentation does not say: what a writer does when it is told that files were \
    restored to a destination other than the one it declares. Keep the destination, or make \
    the new writer look for files at the old destination too; raise the writer's minor \
    version (`InitializeEx`) when its interaction with requesters changes.",
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
    for (o, n) in match_mappings(old, new).kept {
        let (om, nm) = (&old.mappings[o], &new.mappings[n]);
        if destination(om) == destination(nm) {
            continue;
        }
        let source = describe_source(nm);
        let shown = |a: &Option<vsslint_model::model::Text>| {
            a.as_ref()
                .map_or("no destination".to_string(), |a| format!("`{}`", a.raw))
        };
        let at = |m: &vsslint_model::model::Mapping| {
            m.destination.as_ref().map_or(m.node.span, |a| a.span)
        };
        cx.changed(
            at(om),
            at(nm),
            format!(
                "the alternate location mapping of `{source}` restores to {} in the new release, to {} in the old one",
                shown(&nm.destination),
                shown(&om.destination)
            ),
        )
        .label("the new destination")
        .help("keep the old destination, or make the new writer also accept files restored to it by requesters following backups made with the old release");
    }
}
