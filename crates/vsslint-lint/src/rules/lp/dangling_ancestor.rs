//! `lp/dangling-ancestor`: logical-path elements that name no component.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::components::PAIRWISE;
use std::collections::{HashMap, HashSet};
use vsslint_model::model::{Component, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("lp/dangling-ancestor" {
        code: "VSL453",
        severity: Severity::Info,
        summary: "A logical path passes through a place where the writer has no component",
        what: "For every component with a logical path, each prefix of that path \
    (`Volumes`, or `Sql` and `Sql\\Logs` for `Sql\\Logs`) is the full path of an ancestor. \
    This rule notes each prefix that is not the full path (`logicalPath\\componentName`) of any \
    component of the writer, once per writer, at the first component under it; the prefixes \
    first seen at one component (every element of a nested path) make one note. Elements are \
    compared exactly; empty elements are ignored. Expected on real data: the ASR writer groups \
    its components under `Volumes`, `Disks`, `ASR` and `BCD`, and the SQL Server writer under \
    the server name, none of which is a component.",
        why: "It is legal: a logical path may be a pure grouping prefix, and Microsoft's own \
    example puts a component under `writerData\\QueryLogs` with no `QueryLogs` component. But \
    only a component can define a component set or be selected, so a prefix without one groups \
    the components for display only. If the prefix was meant to be a component (to make its \
    subcomponents selectable together), the component is missing or its name is misspelt.",
        sources: &[
            "Logical Pathing of Components: https://learn.microsoft.com/en-us/windows/win32/vss/logical-pathing-of-components",
            "The ASR writer (Volumes, Disks) and the SQL Server writer (server name) use logical paths that name no component (DiskShadow output)",
        ],
    }),
    check: Check::Writer(check),
};

/// Whether `p` is `c`'s full path (see `full_path`), without building it.
fn is_full_path(c: &Component, p: &str) -> bool {
    let mut rest = p;
    for (i, part) in crate::toolkit::logical_paths::segments(c.logical_path())
        .chain(std::iter::once(c.name()))
        .enumerate()
    {
        if i > 0 {
            let Some(r) = rest.strip_prefix('\\') else {
                return false;
            };
            rest = r;
        }
        let Some(r) = rest.strip_prefix(part) else {
            return false;
        };
        rest = r;
    }
    rest.is_empty()
}

fn check(cx: &mut Cx, w: &WriterMetadata) {
    // Only logical paths have ancestors; most writers give none.
    if w.components.iter().all(|c| {
        crate::toolkit::logical_paths::segments(c.logical_path())
            .next()
            .is_none()
    }) {
        return;
    }
    // A handful of components are searched one by one; more are hashed.
    let few = w.components.len() <= PAIRWISE;
    let components: HashSet<String> = if few {
        HashSet::new()
    } else {
        w.components
            .iter()
            .map(crate::toolkit::logical_paths::full_path)
            .collect()
    };
    let is_component = |p: &str| {
        if few {
            w.components.iter().any(|c| is_full_path(c, p))
        } else {
            components.contains(p)
        }
    };
    // Per dangling prefix: the first component under it and how many components are under it.
    let mut dangling: Vec<(String, usize)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut under: Vec<usize> = Vec::new();
    for (ci, c) in w.components.iter().enumerate() {
        let mut prefix = String::new();
        for seg in crate::toolkit::logical_paths::segments(c.logical_path()) {
            if !prefix.is_empty() {
                prefix.push('\\');
            }
            prefix.push_str(seg);
            if is_component(&prefix) {
                continue;
            }
            let known = if few {
                dangling.iter().position(|(p, _)| *p == prefix)
            } else {
                index.get(&prefix).copied()
            };
            match known {
                Some(i) => under[i] += 1,
                None => {
                    if !few {
                        index.insert(prefix.clone(), dangling.len());
                    }
                    dangling.push((prefix.clone(), ci));
                    under.push(1);
                }
            }
        }
    }
    // One note per component that first shows missing ancestors, naming all of them: a
    // nested path whose every element is missing is one mistake, not one per element.
    let mut k = 0;
    while k < dangling.len() {
        let ci = dangling[k].1;
        let end = k + dangling[k..].iter().take_while(|(_, c)| *c == ci).count();
        let prefixes: Vec<&str> = dangling[k..end].iter().map(|(p, _)| p.as_str()).collect();
        let count = under[k];
        k = end;
        let c = &w.components[ci];
        let Some(a) = &c.logical_path else {
            continue;
        };
        let others = match count {
            1 => String::new(),
            2 => " and 1 other component".to_string(),
            n => format!(" and {} other components", n - 1),
        };
        let deepest = prefixes[prefixes.len() - 1];
        let (parent, leaf) = match deepest.rsplit_once('\\') {
            Some((p, l)) => (format!(" logicalPath=\"{p}\""), l),
            None => (String::new(), deepest),
        };
        let span = if a.raw.starts_with(deepest) {
            crate::toolkit::logical_paths::value_span(a, 0..deepest.len())
        } else {
            a.span
        };
        let (message, label, help) = if let [only] = prefixes.as_slice() {
            (
                format!(
                    "logical path element `{only}` names no component; it only groups `{}`{others}",
                    c.name()
                ),
                format!("no component `{only}`"),
                format!(
                    "nothing to fix if `{only}` is only a grouping; to make it a component (for example to define a component set), add <FILE_GROUP{parent} componentName=\"{leaf}\" selectable=\"…\"/>"
                ),
            )
        } else {
            let listed: Vec<String> = prefixes.iter().map(|p| format!("`{p}`")).collect();
            let (last, rest) = listed.split_last().expect("several");
            (
                format!(
                    "logical path elements {} and {last} name no component; they only group `{}`{others}",
                    rest.join(", "),
                    c.name()
                ),
                format!("no components {} and {last}", rest.join(", ")),
                format!(
                    "nothing to fix if they are only groupings; to make `{deepest}` a component (for example to define a component set), add <FILE_GROUP{parent} componentName=\"{leaf}\" selectable=\"…\"/>"
                ),
            )
        };
        cx.report(span, message).label(label).help(help);
    }
}

#[cfg(test)]
mod tests {
    use crate::settings::Settings;
    use crate::toolkit::testing::{findings, findings_alone_and_padded};

    #[test]
    fn each_missing_prefix_once_per_writer() {
        // Microsoft's example: writerData\QueryLogs has no QueryLogs component.
        let body = r#"
    <FILE_GROUP componentName="writerData" selectable="yes"/>
    <FILE_GROUP logicalPath="writerData" componentName="Set1" selectable="no"/>
    <FILE_GROUP logicalPath="writerData\Set1" componentName="Jan" selectable="no"/>
    <FILE_GROUP logicalPath="writerData\QueryLogs" componentName="Query" selectable="no"/>
    <FILE_GROUP logicalPath="writerData\QueryLogs" componentName="Audit" selectable="no"/>
    <FILE_GROUP logicalPath="Other\Deeper" componentName="X" selectable="no"/>"#;
        let m: Vec<String> = findings(&super::RULE, Settings::default(), body)
            .into_iter()
            .map(|(_, m)| m)
            .collect();
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m[0].contains(r"`writerData\QueryLogs`") && m[0].contains("1 other"));
        // A nested path with every element missing: one note, naming each.
        assert!(
            m[1].contains(r"elements `Other` and `Other\Deeper` name no component"),
            "{m:?}"
        );
    }

    #[test]
    fn few_components_and_many_give_the_same_findings() {
        let body = r#"
    <FILE_GROUP componentName="writerData" selectable="yes"/>
    <FILE_GROUP logicalPath="writerData" componentName="Set1" selectable="no"/>
    <FILE_GROUP logicalPath="\writerData\\Set1\" componentName="Jan" selectable="no"/>
    <FILE_GROUP logicalPath="writerData\QueryLogs" componentName="Query" selectable="no"/>
    <FILE_GROUP logicalPath="writerData\QueryLogs" componentName="Audit" selectable="no"/>
    <FILE_GROUP logicalPath="A" componentName="B\C" selectable="no"/>
    <FILE_GROUP logicalPath="A\B\C" componentName="D" selectable="no"/>
    <FILE_GROUP logicalPath="E" componentName="" selectable="no"/>
    <FILE_GROUP logicalPath="E\" componentName="F" selectable="no"/>
    <FILE_GROUP logicalPath="Other\Deeper" componentName="X" selectable="no"/>"#;
        let (few, many) = findings_alone_and_padded(&super::RULE, body);
        assert!(few.len() >= 3, "{few:?}");
        assert_eq!(few, many);
    }
}
