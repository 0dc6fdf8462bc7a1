//! `express/database-component`: express writers define file groups only.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, ComponentKind, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("express/database-component" {
        code: "VSL701",
        severity: Severity::Error,
        profile: Profile::Express,
        summary: "an express writer defines a DATABASE component",
        what: "With `--express`, reports every `DATABASE` component. An express writer's \
    components are file groups (`FILE_GROUP` with `FILE_LIST` entries); the express metadata \
    interface has no method to add database or log files.",
        why: "`IVssCreateExpressWriterMetadata::AddComponent` accepts only `VSS_CT_FILEGROUP`. A \
    document with a database component cannot have been produced by an express writer, and the \
    VSS express writer service will not register it.",
        sources: &[
            "IVssCreateExpressWriterMetadata::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreateexpresswritermetadata-addcomponent",
            "IVssCreateExpressWriterMetadata interface: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nl-vswriter-ivsscreateexpresswritermetadata",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    if c.kind != ComponentKind::Database {
        return;
    }
    cx.report(
        c.node.span,
        format!("express writer component \"{}\" is a DATABASE", c.full_name()),
    )
    .label("not a file group")
    .help("express writers support only file groups: make it a <FILE_GROUP> and list its database and log files as <FILE_LIST> entries");
}
