//! `lp/set-parent-not-selectable`: `selectableForRestore="yes"` on a subcomponent whose
//! ancestors are all nonselectable, where the flag does not change what a requester can do.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::logical_paths::{full_path, segments};
use std::collections::HashMap;
use vsslint_model::model::{WriterMetadata, YesNo};

pub static RULE: Rule = Rule {
    meta: rule!("lp/set-parent-not-selectable" {
        code: "VSL456",
        severity: Severity::Info,
        summary: "selectableForRestore=\"yes\" on a subcomponent whose ancestors are not selectable",
        what: "Reports a component with `selectableForRestore=\"yes\"` whose logical path places it \
    below components of the same writer (its ancestors: a component whose \
    `logicalPath\\componentName` is a prefix of its logical path), none of which is selectable \
    (`selectable=\"yes\"`). A logical path whose ancestors are not declared at all is \
    `lp/dangling-ancestor`'s case and is not reported here; a component without a logical \
    path is `comp/selectable-for-restore-top-level`'s.",
        why: "Microsoft's \"Logical Pathing of Components\" shows a nonselectable component \
    (`ConfigFiles`) under a nonselectable parent (`Executables`) on purpose: the two form no \
    component set, and both are included explicitly whenever the writer is backed up or \
    restored. \"Working with Selectability for Restore and Subcomponents\" says a component \
    included explicitly can always be selected for restore, whatever its \
    selectability-for-restore value; the value lets a requester restore a component on its \
    own only when the component was included implicitly, as a member of a component set, \
    through `AddRestoreSubcomponent`. A component with no selectable ancestor belongs to no \
    component set, so here `selectableForRestore=\"yes\"` changes nothing.",
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
                "`{}` is selectable for restore, but its {} `{}` is not selectable, so it is in no component set and selectableForRestore has no effect",
                c.full_name(),
                if direct { "parent" } else { "ancestor" },
                p.full_name()
            ),
        )
        .label("no effect outside a component set")
        .related(there, "not selectable: defines no component set")
        .help(format!(
            "a component in no component set is included explicitly and can be selected for restore whatever this flag says; to restore it on its own as a member of a set, write selectable=\"yes\" on `{}`",
            p.full_name()
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rule_meta::Severity;
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

    /// Microsoft's own `MyWriter` example puts `ConfigFiles` under the nonselectable
    /// `Executables` on purpose; the flag there is noted as having no effect, not as a mistake.
    #[test]
    fn microsofts_nonselectable_pair_is_an_info_that_the_flag_does_nothing() {
        let f = findings(
            &super::RULE,
            Settings::default(),
            r#"<FILE_GROUP componentName="Executables" selectable="no"/>
            <FILE_GROUP logicalPath="Executables" componentName="ConfigFiles" selectable="no" selectableForRestore="yes"/>"#,
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, Severity::Info);
        assert!(
            f[0].1.ends_with("selectableForRestore has no effect"),
            "{}",
            f[0].1
        );
    }
}
