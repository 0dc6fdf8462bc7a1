//! `dep/duplicate`: a component does not repeat a dependency.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Dependency, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("dep/duplicate" {
        code: "VSL506",
        severity: Severity::Warning,
        summary: "A component declares the same dependency twice",
        what: concat!(
            "Reports a dependency of a component that repeats an earlier dependency of the same \
    component: same target writer ID (compared as GUIDs), same target logical path (absent and \
    empty are the same) and same target component name. Dependencies outside components are \
    reported by `dep/outside-component` and not compared. ",
            crate::toolkit::dependencies::spelling_note!()
        ),
        why: "A dependency states a fact once; a second copy adds nothing, and a requester that \
    counts dependencies (`VSS_COMPONENTINFO.cDependencies`) or processes each one may do the \
    work twice. A repeat is usually a copy-and-paste slip in which the second one was meant to \
    name another target.",
        sources: &[
            "IVssCreateWriterMetadata::AddComponentDependency: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponentdependency",
            "VSS_COMPONENTINFO (cDependencies): https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/ns-vsbackup-vss_componentinfo",
        ],
    }),
    check: Check::Writer(check),
};

fn key<'a>(d: &'a Dependency) -> (String, &'a str, &'a str) {
    let writer = match &d.writer_id {
        None => String::new(),
        Some(a) => a
            .value
            .uuid()
            .map_or_else(|| a.raw.to_string(), |u| u.hyphenated().to_string()),
    };
    (
        writer,
        d.logical_path.as_ref().map_or("", |a| a.raw),
        d.component_name.as_ref().map_or("", |a| a.raw),
    )
}

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for c in &w.components {
        let deps = &c.dependencies;
        for (i, d) in deps.iter().enumerate() {
            let k = key(d);
            if let Some(first) = deps[..i].iter().find(|e| key(e) == k) {
                let target = match k.1 {
                    "" => k.2.to_string(),
                    lp => format!("{lp}\\{}", k.2),
                };
                cx.report(
                    d.node.span,
                    format!(
                        "component `{}` declares its dependency on `{target}` a second time",
                        c.full_name()
                    ),
                )
                .label("repeated dependency")
                .related(first.node.span, "first declared here")
                .help("remove the repeat, or correct it if it was meant to name another component");
            }
        }
    }
}
