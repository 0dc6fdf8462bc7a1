//! `comp/duplicate-case`: no two components whose keys differ only in letter case.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::components::{earlier_like, earlier_repeat};
use std::collections::HashMap;
use vsslint_model::model::{Component, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("comp/duplicate-case" {
        code: "VSL405",
        severity: Severity::Warning,
        summary: "Two components' logical paths and names differ only in letter case",
        what: "Reports a component whose `logicalPath` and `componentName` equal those of an \
    earlier component when letter case is ignored, but not exactly (`Logs` and `logs`). Exact \
    duplicates are reported by `comp/duplicate`. An absent `logicalPath` and \
    `logicalPath=\"\"` are the same.",
        why: "Microsoft requires the pair of logical path and component name to be unique but \
    never says whether the comparison ignores case. Windows compares most names without regard \
    to case, so a requester or VSS itself may take the two for the same component and back up or \
    restore only one of them. Names that differ only in case are also easy to confuse for the \
    people choosing what to restore.",
        sources: &[
            "IVssCreateWriterMetadata::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponent",
            "Logical Pathing of Components: https://learn.microsoft.com/en-us/windows/win32/vss/logical-pathing-of-components",
            "Whether the uniqueness of logical path and name is case-sensitive is not documented",
        ],
    }),
    check: Check::Writer(check),
};

/// Whether the two are equal once lower-cased as `str::to_lowercase` does (which folds a
/// final sigma by its context, so other text is compared that way).
fn same_folded(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let mut exact = HashMap::new();
    let mut folded = HashMap::new();
    for (i, c) in w.components.iter().enumerate() {
        if c.name().is_empty() {
            continue;
        }
        // An exact repeat is comp/duplicate's finding, even when a case variant came first.
        if earlier_repeat(&w.components, i, &mut exact).is_some() {
            continue;
        }
        let folded_key = |c: &Component| (c.logical_path().to_lowercase(), c.name().to_lowercase());
        let same = |a: &Component, b: &Component| {
            same_folded(a.logical_path(), b.logical_path()) && same_folded(a.name(), b.name())
        };
        if let Some(earlier) = earlier_like(&w.components, i, &mut folded, folded_key, same) {
            let message = format!(
                "component `{}` differs from `{}` only in letter case",
                c.full_name(),
                earlier.full_name()
            );
            cx.report(c.name_span(), message)
                .label("same name as an earlier component, but for case")
                .help("give the two components names that differ in more than letter case, or merge them into one component")
                .related(earlier.name_span(), "the other component");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::settings::Settings;
    use crate::toolkit::testing::{findings, findings_alone_and_padded};

    #[test]
    fn exact_repeats_are_left_to_comp_duplicate() {
        let body = r#"
    <FILE_GROUP componentName="Logs" selectable="yes"/>
    <FILE_GROUP componentName="logs" selectable="yes"/>
    <FILE_GROUP componentName="logs" selectable="yes"/>
    <FILE_GROUP logicalPath="" componentName="LOGS" selectable="yes"/>"#;
        let f = findings(&super::RULE, Settings::default(), body);
        assert_eq!(f.len(), 2, "{f:?}");
    }

    #[test]
    fn few_components_and_many_give_the_same_findings() {
        let body = r#"
    <FILE_GROUP componentName="Logs" selectable="yes"/>
    <FILE_GROUP componentName="logs" selectable="yes"/>
    <FILE_GROUP logicalPath="A" componentName="logs" selectable="yes"/>
    <FILE_GROUP logicalPath="a" componentName="LOGS" selectable="yes"/>
    <FILE_GROUP componentName="ΟΔΟΣ" selectable="yes"/>
    <FILE_GROUP componentName="οδος" selectable="yes"/>
    <FILE_GROUP componentName="οδοσ" selectable="yes"/>
    <FILE_GROUP componentName="Straße" selectable="yes"/>
    <FILE_GROUP componentName="STRASSE" selectable="yes"/>
    <FILE_GROUP componentName="logs" selectable="yes"/>"#;
        let (few, many) = findings_alone_and_padded(&super::RULE, body);
        assert_eq!(few.len(), 3, "{few:?}");
        assert_eq!(few, many);
    }
}
