//! `comp/duplicate`: no two components share a logical path and a name.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::components::earlier_repeat;
use std::collections::HashMap;
use vsslint_model::model::{Component, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("comp/duplicate" {
        code: "VSL404",
        severity: Severity::Error,
        summary: "Two components have the same logical path and name",
        what: "Reports a component whose `logicalPath` and `componentName` are both equal to \
    those of an earlier component of the same writer, whatever their types. An absent \
    `logicalPath` and `logicalPath=\"\"` are the same (both mean the top level). Names are \
    compared exactly; names that differ only in letter case are reported by \
    `comp/duplicate-case`. Components without a name are left to `comp/name-missing`.",
        why: "The pair of logical path and component name identifies a component: \
    `AddComponent` fails with `VSS_E_OBJECT_ALREADY_EXISTS` for a pair that already exists, and \
    the `AddComponentDependency` page requires the pair to be unique across all instances of a \
    writer class. A requester \
    that selects, restores or reports on one of the two cannot tell which one it has.",
        sources: &[
            "IVssCreateWriterMetadata::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponent",
            "Logical Pathing of Components: https://learn.microsoft.com/en-us/windows/win32/vss/logical-pathing-of-components",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let mut first = HashMap::new();
    for (i, c) in w.components.iter().enumerate() {
        if c.name().is_empty() {
            continue;
        }
        if let Some(earlier) = earlier_repeat(&w.components, i, &mut first) {
            cx.report(c.name_span(), format!("a second component {}", describe(c)))
                .label("same logical path and name as an earlier component")
                .help("rename one of the two, or give it another logicalPath; if both describe the same data, merge their file sets into one component")
                .related(earlier.name_span(), "first defined here");
        }
    }
}

fn describe(c: &Component) -> String {
    match c.logical_path() {
        "" => format!("`{}` at the top level", c.name()),
        _ => format!("`{}`", c.full_name()),
    }
}

#[cfg(test)]
mod tests {
    use crate::toolkit::testing::findings_alone_and_padded;

    #[test]
    fn few_components_and_many_give_the_same_findings() {
        let body = r#"
    <FILE_GROUP componentName="Logs" selectable="yes"/>
    <FILE_GROUP componentName="Logs" selectable="yes"/>
    <FILE_GROUP logicalPath="A" componentName="Logs" selectable="yes"/>
    <FILE_GROUP logicalPath="A" componentName="Logs" selectable="yes"/>
    <FILE_GROUP componentName="logs" selectable="yes"/>
    <FILE_GROUP componentName="" selectable="yes"/>
    <FILE_GROUP componentName="" selectable="yes"/>
    <FILE_GROUP componentName="Logs" selectable="yes"/>"#;
        let (few, many) = findings_alone_and_padded(&super::RULE, body);
        assert_eq!(few.len(), 3, "{few:?}");
        assert_eq!(few, many);
    }
}
