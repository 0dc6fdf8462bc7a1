//! `express/same-writer-dependency`: an express writer's component depends on a component of
//! its own writer class.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::{Profile, Severity};
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("express/same-writer-dependency" {
        code: "VSL713",
        severity: Severity::Warning,
        profile: Profile::Express,
        summary: "An express writer's component depends on a component of its own writer",
        what: concat!(
            "With `--express`, reports a component dependency whose target writer ID is the \
    writer's own `writerId` (compared as GUIDs), unless it is a remote dependency (a target \
    logical path that starts with `\\\\ComputerName\\`). Without `--express` the same \
    dependency is an error of `dep/same-writer`. Split from `dep/same-writer` (VSL502), which \
    reported this case before: turning `dep/same-writer` off (in the configuration, or with `--ignore`) still turns this rule off \
    unless the configuration names it; a severity set for `dep/same-writer` does not apply to \
    it. ",
            crate::toolkit::dependencies::spelling_note!()
        ),
        why: "`IVssCreateWriterMetadata::AddComponentDependency` does not permit dependencies on \
    components managed by the current writer. The express-writer page of the same method \
    describes the other component only as \"possibly managed by another writer\", which does \
    not rule out the express writer itself: its own dependency is suspect, not impossible.",
        sources: &[
            "IVssCreateExpressWriterMetadata::AddComponentDependency: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreateexpresswritermetadata-addcomponentdependency",
            "IVssCreateWriterMetadata::AddComponentDependency: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponentdependency",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    crate::toolkit::dependencies::report_self_dependencies(cx, w);
}

#[cfg(test)]
mod tests {
    use crate::rule_meta::Severity;
    use crate::settings::Settings;
    use crate::toolkit::testing::findings;

    const SELF_DEP: &str = r#"<FILE_GROUP componentName="Ledger" selectable="yes"><DEPENDENCY onWriterId="{5CBC3B8E-4C7A-4B9E-9A5C-2F6F2A1E7D10}" onComponentName="Journal"/></FILE_GROUP>"#;

    #[test]
    fn an_express_writers_own_dependency_is_a_warning() {
        let express = Settings {
            express: true,
            ..Settings::default()
        };
        let f = findings(&super::RULE, express, SELF_DEP);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, Severity::Warning);
    }
}
