//! `comp/empty`: a component with no file sets.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, ComponentKind, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("comp/empty" {
        code: "VSL414",
        severity: Severity::Info,
        profile: Profile::Optional,
        summary: "A FILE_GROUP component lists no files",
        what: "Notes a `FILE_GROUP` without any `FILE_LIST`. Off by default: empty components \
    are legal and common. Turn it on to review a writer's components. An empty `DATABASE` is \
    reported by `comp/database-without-data-files`.",
        why: "A component need not contain files: empty components organise others into \
    component sets, and the ASR writer ships many of them (its disks and volumes). But a \
    component meant to hold data that lists no files backs up nothing, silently. This rule \
    helps tell the two apart.",
        sources: &[
            "Definition of Components by Writers: https://learn.microsoft.com/en-us/windows/win32/vss/definition-of-components-by-writers",
            "Logical Pathing of Components: https://learn.microsoft.com/en-us/windows/win32/vss/logical-pathing-of-components",
            "The ASR writer's components are all empty (DiskShadow output)",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    if c.kind != ComponentKind::FileGroup || !c.file_sets.is_empty() {
        return;
    }
    cx.report(
        c.node.span,
        format!("component `{}` lists no files", c.full_name()),
    )
    .label("no FILE_LIST inside")
    .help("nothing to fix if the component only organises others into a component set; otherwise add a <FILE_LIST path=\"…\" filespec=\"…\"/> for its files");
}
