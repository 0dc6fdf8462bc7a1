//! `lp/component-set-report`: how a writer's components group into component sets.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, WriterMetadata, YesNo};

pub static RULE: Rule = Rule {
    meta: rule!("lp/component-set-report" {
        code: "VSL454",
        severity: Severity::Info,
        profile: Profile::Optional,
        summary: "How the writer's components form component sets",
        what: "Off by default; turn it on to review a writer's component tree. A component is an \
    ancestor of another when its full path (`logicalPath\\componentName`) is a prefix of the \
    other's logical path. For every selectable component (`selectable=\"yes\"`) with components below it, the \
    rule lists the component set it defines: itself and every component below it. A selectable \
    component below another selectable one is noted as a selectable subcomponent of that set. A \
    selectable component with nothing below it and no selectable ancestor is the plain case (the \
    requester may include it or not) and is not noted. A component \
    that is not selectable and has no selectable ancestor is noted as always backed up. \
    Non-selectable components below a selectable one appear only in their set's note.",
        why: "Selectability and logical paths together decide what a requester must back up: \
    selecting a component set brings in all of its subcomponents implicitly; a selectable \
    subcomponent may be selected on its own but never together with its selectable ancestor; \
    a non-selectable component outside every set is included whenever the writer takes part. \
    Seeing the sets spelt out shows whether the tree says what the writer means.",
        sources: &[
            "Logical Pathing of Components: https://learn.microsoft.com/en-us/windows/win32/vss/logical-pathing-of-components",
            "Working with Selectability for Backup: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-selectability-for-backup",
            "Definition of Components by Writers: https://learn.microsoft.com/en-us/windows/win32/vss/definition-of-components-by-writers",
            "VSS Glossary, explicit component inclusion: https://learn.microsoft.com/en-us/windows/win32/vss/vssgloss-e",
        ],
    }),
    check: Check::Writer(check),
};

/// How many subcomponents a note names before it says "and N more".
const LISTED: usize = 5;

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let paths: Vec<String> = w
        .components
        .iter()
        .map(crate::toolkit::logical_paths::full_path)
        .collect();
    // `b` is below `a` when a's full path is a proper prefix of b's, element by element.
    let below = |a: usize, b: usize| {
        a != b
            && paths[b].len() > paths[a].len()
            && paths[b].starts_with(paths[a].as_str())
            && paths[b].as_bytes()[paths[a].len()] == b'\\'
    };
    let selectable = |c: &Component| YesNo::is_yes(&c.selectable);
    for (i, c) in w.components.iter().enumerate() {
        if c.name().is_empty() {
            continue;
        }
        // The nearest selectable ancestor: the one with the longest path.
        let ancestor = (0..w.components.len())
            .filter(|&a| below(a, i) && selectable(&w.components[a]))
            .max_by_key(|&a| paths[a].len());
        let at = c.name_span();
        if !selectable(c) {
            if ancestor.is_none() {
                cx.report(
                    at,
                    format!(
                        "`{}` is not selectable and in no component set: it is backed up whenever the writer takes part",
                        paths[i]
                    ),
                )
                .label("always included")
                .help("make it selectable=\"yes\", or place it under a selectable component, if a requester should be able to leave it out");
            }
            continue;
        }
        let members: Vec<&str> = (0..w.components.len())
            .filter(|&d| below(i, d))
            .map(|d| &paths[d][paths[i].len() + 1..])
            .collect();
        // A lone selectable component is the plain case: optional, and nothing else to say.
        if members.is_empty() && ancestor.is_none() {
            continue;
        }
        let mut message = if members.is_empty() {
            format!("`{}` is selectable and has no subcomponents", paths[i])
        } else {
            let mut list: Vec<String> = members
                .iter()
                .take(LISTED)
                .map(|m| format!("`{m}`"))
                .collect();
            if members.len() > LISTED {
                list.push(format!("and {} more", members.len() - LISTED));
            }
            format!(
                "component set `{}`: `{}` and {} {} ({})",
                paths[i],
                c.name(),
                members.len(),
                if members.len() == 1 {
                    "subcomponent"
                } else {
                    "subcomponents"
                },
                list.join(", ")
            )
        };
        match ancestor {
            Some(a) => {
                message.push_str(&format!(
                    "; it is a selectable subcomponent of `{}`",
                    paths[a]
                ));
                let there = w.components[a]
                    .name
                    .as_ref()
                    .map_or(w.components[a].node.span, |n| n.span);
                cx.report(at, message)
                    .label("selectable subcomponent")
                    .related(there, "the selectable ancestor")
                    .help(format!(
                        "a requester includes `{}` either through `{}` or on its own, never both in the same backup",
                        paths[i], paths[a]
                    ));
            }
            None => {
                cx.report(at, message)
                    .label("defines a component set")
                    .help(format!(
                        "selecting `{}` includes all its subcomponents implicitly; a selectable subcomponent is never selected together with it",
                        paths[i]
                    ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::settings::Settings;
    use crate::toolkit::testing::findings;

    #[test]
    fn microsoft_example_tree() {
        let body = r#"
    <FILE_GROUP componentName="Executables" selectable="no"/>
    <FILE_GROUP logicalPath="Executables" componentName="ConfigFiles" selectable="no"/>
    <FILE_GROUP componentName="LicenseInfo" selectable="yes"/>
    <FILE_GROUP componentName="writerData" selectable="yes"/>
    <FILE_GROUP logicalPath="writerData" componentName="Set1" selectable="no"/>
    <FILE_GROUP logicalPath="writerData" componentName="Usage" selectable="yes"/>
    <FILE_GROUP logicalPath="writerData\Usage" componentName="Jan" selectable="no"/>"#;
        let m: Vec<String> = findings(&super::RULE, Settings::default(), body)
            .into_iter()
            .map(|(_, m)| m)
            .collect();
        assert_eq!(m.len(), 4, "{m:?}");
        assert!(m[0].starts_with("`Executables` is not selectable"));
        assert!(m[1].starts_with("`Executables\\ConfigFiles` is not selectable"));
        assert!(m[2].contains("component set `writerData`: `writerData` and 3 subcomponents"));
        assert!(m[3].contains("component set `writerData\\Usage`"));
        assert!(m[3].contains("selectable subcomponent of `writerData`"));
    }
}
