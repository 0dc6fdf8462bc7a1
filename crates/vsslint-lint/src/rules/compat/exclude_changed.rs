//! `compat/exclude-changed`: an exclude of one release that the other does not have.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_keyed::unmatched_excludes;
use crate::toolkit::mappings::describe;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/exclude-changed" {
        code: "VSL1058",
        severity: Severity::Info,
        summary: "An exclude was added or removed in the new release",
        what: "Matches the excludes (`EXCLUDE_FILES`, `EXCLUDE_FILES_FROM_SNAPSHOT`) of the two \
    releases by element and source: `path` (without case and without a trailing `\\`), \
    `filespec` (exactly) and `recursive` (absent is `no`). A new exclude with no old one is \
    reported at the exclude, with the old `BACKUP_LOCATIONS` (or document element); an old \
    one with no new one at the new `BACKUP_LOCATIONS` (or document element), with the \
    exclude in the old document.\n\n\
    For restoring a backup made with the old release: nothing changes, the backup holds what \
    the old excludes let through. For a backup application's saved selections: nothing \
    changes either; new backups leave out other files.",
        why: "Excludes act at backup: the exclude list names files that are not to be backed \
    up, and it takes precedence over the components' file lists. A backup already made is \
    not affected.",
        sources: &[
            "Writer metadata document contents: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-contents",
            "IVssCreateWriterMetadata::AddExcludeFiles: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addexcludefiles",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let (old, new) = (pair.old.doc, pair.new.doc);
    let (removed, added) = unmatched_excludes(old, new);
    let shown = |e: &vsslint_model::model::Exclude| {
        format!(
            "{} of `{}`",
            e.kind.element(),
            describe(
                e.path.as_ref().map_or("", |a| a.raw),
                e.filespec.as_ref().map_or("", |a| a.raw),
                vsslint_model::model::YesNo::is_yes(&e.recursive),
            )
        )
    };
    for o in removed {
        let e = &old.excludes[o];
        cx.removed(
            e.node.span,
            pair.new.components_container(),
            format!("the {} of the old release is not in the new one", shown(e)),
        )
        .label("the exclude is gone from here")
        .help("nothing to change for old backups: new backups now include the files it left out");
    }
    for n in added {
        let e = &new.excludes[n];
        cx.added(
            e.node.span,
            pair.old.components_container(),
            format!("the {} is new in the new release", shown(e)),
        )
        .label("the old release has no such exclude")
        .help("nothing to change for old backups: new backups leave out the files it names");
    }
}
