//! `dep/same-writer`: a dependency points at another writer.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("dep/same-writer" {
        code: "VSL502",
        severity: Severity::Error,
        summary: "A component depends on a component of its own writer",
        what: concat!(
            "Reports a component dependency whose target writer ID is the writer's own \
    `writerId` (compared as GUIDs, so letter case and braces do not matter). With `--express` \
    the rule stays quiet and `express/same-writer-dependency` reports the same dependency as a \
    warning: the express-writer documentation describes the target as \"possibly\" managed by \
    another writer. A remote dependency (a target logical path that starts with \
    `\\\\ComputerName\\`) names a writer on another computer, which may be of the same class, \
    and is not reported. ",
            crate::toolkit::dependencies::spelling_note!()
        ),
        why: "`AddComponentDependency` does not permit dependencies on components managed by \
    the current writer. Within one writer, components that must be backed up and restored \
    together are expressed with logical paths (a component set), which also cannot form cycles. \
    A document that declares such a dependency was not written through the API.",
        sources: &[
            "IVssCreateWriterMetadata::AddComponentDependency: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponentdependency",
            "Dependencies Between Components Managed by Different Writers: https://learn.microsoft.com/en-us/windows/win32/vss/dependencies-between-components-managed-by-different-writers",
            "IVssCreateExpressWriterMetadata::AddComponentDependency: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreateexpresswritermetadata-addcomponentdependency",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    if !cx.settings.express {
        crate::toolkit::dependencies::report_self_dependencies(cx, w);
    }
}

#[cfg(test)]
mod tests {
    use crate::rule_meta::Severity;
    use crate::settings::Settings;
    use crate::toolkit::testing::findings;

    const SELF_DEP: &str = r#"<FILE_GROUP componentName="Ledger" selectable="yes"><DEPENDENCY onWriterId="{5CBC3B8E-4C7A-4B9E-9A5C-2F6F2A1E7D10}" onComponentName="Journal"/></FILE_GROUP>"#;

    #[test]
    fn braces_and_case_do_not_hide_the_own_id() {
        let f = findings(&super::RULE, Settings::default(), SELF_DEP);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, Severity::Error);
    }

    #[test]
    fn the_same_class_on_another_computer_is_another_writer() {
        let remote = SELF_DEP.replace(
            r#"onComponentName="Journal""#,
            r#"onLogicalPath="\\SERVER2\Data" onComponentName="Journal""#,
        );
        assert_ne!(remote, SELF_DEP);
        assert!(findings(&super::RULE, Settings::default(), &remote).is_empty());
    }

    #[test]
    fn express_writers_are_left_to_their_own_rule() {
        let express = Settings {
            express: true,
            ..Settings::default()
        };
        assert!(findings(&super::RULE, express, SELF_DEP).is_empty());
    }
}
