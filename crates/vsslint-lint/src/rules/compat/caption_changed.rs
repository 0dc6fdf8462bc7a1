//! `compat/caption-changed`: a component's description, icon or reserved flags changed.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::{Profile, Severity};
use crate::toolkit::compat_components::{attr_or_element, yes_no};
use crate::toolkit::compat_match::matched_components;
use vsslint_model::model::{Attr, Component, Text};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/caption-changed" {
        code: "VSL1048",
        severity: Severity::Info,
        profile: Profile::Optional,
        summary: "A component's caption, icon, restoreMetadata or notifyOnBackupComplete changed",
        what: "Off by default (`--show-harmless` turns it on). For each component of the old \
    release found in the new one, compares `caption` and `icon` as written (absent is \
    empty), and `restoreMetadata` and `notifyOnBackupComplete` (absent is `no`; other \
    spellings are not compared). Each attribute that changed is noted at the new attribute \
    (or the component when it is not written), with the old one.\n\n\
    For restoring a backup made with the old release: the requester shows the caption and \
    icon saved in the backup. For a backup application's saved selections: they name \
    components by logical path and name, not by caption, and are not affected.",
        why: "The caption is a description of the component, also called its friendly name, \
    which requesters must assume is localized; the icon is shown in a user interface. \
    Neither identifies the component. `restoreMetadata` and `notifyOnBackupComplete` are \
    reserved for future use and should be false. The note helps a reviewer see every change \
    of a component in one place.",
        sources: &[
            "IVssCreateWriterMetadata::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponent",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn text<'a>(a: &Option<Text<'a>>) -> &'a str {
    a.as_ref().map_or("", |a| a.raw)
}

fn check(cx: &mut CompareCx, pair: &Pair) {
    for (m, o, n) in matched_components(pair) {
        for (name, old, new) in [
            ("caption", &o.caption, &n.caption),
            ("icon", &o.icon, &n.icon),
        ] {
            let (was, is) = (text(old), text(new));
            if was == is {
                continue;
            }
            let shown = |v: &str| {
                if v.is_empty() {
                    "none".to_string()
                } else if name == "icon" {
                    format!("{} characters", v.chars().count())
                } else {
                    format!("`{v}`")
                }
            };
            report(
                cx,
                (o, old),
                (n, new),
                format!(
                    "the {name} of component `{}` changed from {} to {}",
                    n.full_name(),
                    shown(was),
                    shown(is)
                ),
            );
            cx.note_recorded(m.old);
        }
        for (name, old, new) in [
            ("restoreMetadata", &o.restore_metadata, &n.restore_metadata),
            (
                "notifyOnBackupComplete",
                &o.notify_on_backup_complete,
                &n.notify_on_backup_complete,
            ),
        ] {
            let (Some(was), Some(is)) = (yes_no(old), yes_no(new)) else {
                continue;
            };
            if was == is {
                continue;
            }
            let word = |b: bool| if b { "yes" } else { "no" };
            report(
                cx,
                (o, old),
                (n, new),
                format!(
                    "{name} of component `{}` changed from {} to {}",
                    n.full_name(),
                    word(was),
                    word(is)
                ),
            );
            cx.note_recorded(m.old);
        }
    }
}

fn report<T>(
    cx: &mut CompareCx,
    (o, old): (&Component, &Option<Attr<T>>),
    (n, new): (&Component, &Option<Attr<T>>),
    message: String,
) {
    cx.changed(attr_or_element(old, o), attr_or_element(new, n), message)
        .label("changed")
        .help("nothing to change: requesters do not identify a component by it");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::compat_components::testing::compat_findings;

    fn with(attrs: &str) -> String {
        format!(r#"<FILE_GROUP componentName="A" selectable="yes" {attrs}/>"#)
    }

    #[test]
    fn each_attribute_that_changed_is_noted() {
        let found = compat_findings(
            &RULE,
            &with(r#"caption="Ledgers" restoreMetadata="no""#),
            &with(r#"caption="Books" icon="AAAA" notifyOnBackupComplete="yes""#),
        );
        assert_eq!(
            found,
            [
                "the caption of component `A` changed from `Ledgers` to `Books`",
                "the icon of component `A` changed from none to 4 characters",
                "notifyOnBackupComplete of component `A` changed from no to yes",
            ]
        );
    }

    #[test]
    fn absent_is_empty_or_no() {
        let found = compat_findings(
            &RULE,
            &with(""),
            &with(r#"caption="" restoreMetadata="no" notifyOnBackupComplete="no""#),
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
