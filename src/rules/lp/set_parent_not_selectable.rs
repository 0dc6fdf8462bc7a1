//! `lp/set-parent-not-selectable`: a subcomponent meant to be restored on its own, under a
//! parent that defines no component set.

use crate::model::{WriterMetadata, YesNo};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::logical_paths::{full_path, segments};
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    meta: rule!("lp/set-parent-not-selectable" {
        code: "VSL456",
        severity: Severity::Warning,
        summary: "selectableForRestore=\"yes\" on a subcomponent whose ancestors are not selectable",
        what: "Reports a component with `selectableForRestore=\"yes\"` whose logical path places it \
    below components of the same writer (its ancestors: a component whose \
    `logicalPath\\componentName` is a prefix of its logical path), none of which is selectable \
    (`selectable=\"yes\"`). A logical path whose ancestors are not declared at all is \
    `lp/dangling-ancestor`'s case and is not reported here; a component without a logical \
    path is `comp/selectable-for-restore-top-level`'s.",
        why: "Only a selectable component defines a component set. Selectability for restore \
    matters for a component included implicitly, as a member of a set, which a requester can \
    then restore on its own with `AddRestoreSubcomponent`; a component with no selectable \
    ancestor is always included explicitly and can be selected for restore whatever the flag \
    says. The flag under a non-selectable parent therefore shows a component set the author \
    meant but did not declare: the parent cannot be selected, so requesters see no set, and \
    the restore granularity the writer had in mind does not exist.",
        sources: &[
            "Working with Selectability for Backup: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-selectability-for-backup",
            "Working with Selectability for Restore and Subcomponents: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-selectability-for-restore-and-subcomponents",
            "IVssBackupComponents::AddRestoreSubcomponent: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addrestoresubcomponent",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let wants_restore = |i: usize| YesNo::is_yes(&w.components[i].selectable_for_restore);
    let candidates: Vec<usize> = (0..w.components.len())
        .filter(|&i| wants_restore(i) && segments(w.components[i].logical_path()).next().is_some())
        .collect();
    if candidates.is_empty() {
        return;
    }
    let mut by_path: HashMap<String, usize> = HashMap::with_capacity(w.components.len());
    for (i, c) in w.components.iter().enumerate() {
        by_path.entry(full_path(c)).or_insert(i);
    }
    for i in candidates {
        let c = &w.components[i];
        let mut prefix = String::new();
        let mut nearest = None;
        let mut selectable = false;
        for seg in segments(c.logical_path()) {
            if !prefix.is_empty() {
                prefix.push('\\');
            }
            prefix.push_str(seg);
            if let Some(&a) = by_path.get(&prefix) {
                nearest = Some(a);
                selectable |= YesNo::is_yes(&w.components[a].selectable);
            }
        }
        let Some(parent) = nearest.filter(|_| !selectable) else {
            continue;
        };
        let p = &w.components[parent];
        let direct = by_path.get(&prefix) == Some(&parent);
        let at = c
            .selectable_for_restore
            .as_ref()
            .map_or(c.name_span(), |a| a.span);
        let there = p.selectable.as_ref().map_or(p.name_span(), |a| a.span);
        cx.report(
            at,
            format!(
                "`{}` is selectable for restore, but its {} `{}` is not selectable, so it is in no component set",
                c.full_name(),
                if direct { "parent" } else { "ancestor" },
                p.full_name()
            ),
        )
        .label("no component set to restore it from")
        .related(there, "not selectable: defines no component set")
        .help(format!(
            "to make `{}` a component set, write selectable=\"yes\" on it; otherwise write selectableForRestore=\"no\" here",
            p.full_name()
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::settings::Settings;
    use crate::toolkit::testing::findings;

    fn count(body: &str) -> usize {
        findings(&super::RULE, Settings::default(), body).len()
    }

    #[test]
    fn fires_only_when_every_declared_ancestor_is_unselectable() {
        let tree = |parent: &str, grand: &str| {
            format!(
                r#"<FILE_GROUP componentName="Ledger" selectable="{grand}"/>
                <FILE_GROUP logicalPath="Ledger" componentName="Years" selectable="{parent}"/>
                <FILE_GROUP logicalPath="Ledger\Years" componentName="2024" selectable="no" selectableForRestore="yes"/>"#
            )
        };
        assert_eq!(count(&tree("no", "no")), 1);
        assert_eq!(count(&tree("yes", "no")), 0);
        assert_eq!(count(&tree("no", "yes")), 0);
    }

    /// The ASR writer's disks sit under a logical path that no component declares.
    #[test]
    fn silent_without_declared_ancestors() {
        let asr = r#"<FILE_GROUP logicalPath="ASR" componentName="ASR" selectable="no" selectableForRestore="no"/>
            <FILE_GROUP logicalPath="Disks" componentName="harddisk0" selectable="yes" selectableForRestore="yes"/>
            <FILE_GROUP logicalPath="Disks" componentName="harddisk1" selectable="yes" selectableForRestore="yes"/>"#;
        assert_eq!(count(asr), 0);
    }
}
