//! `dep/writer-id-format`: a dependency names its target writer by a GUID.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Guid, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("dep/writer-id-format" {
        code: "VSL501",
        severity: Severity::Error,
        summary: "A dependency's target writer ID is missing or not a GUID",
        what: concat!(
            "Reports a component dependency whose target writer class ID (`onWriterId`) is \
    missing or is not a GUID of 32 hexadecimal digits in groups of 8-4-4-4-12. A GUID in braces \
    is a GUID: `dep/writer-id-braced` reports it, as a warning. ",
            crate::toolkit::dependencies::spelling_note!()
        ),
        why: "The target of a dependency is found by the class ID of the writer that manages \
    it; `AddComponentDependency` takes it as a `VSS_ID`. A requester cannot find the target of a \
    dependency whose writer ID it cannot read, so the component that depends on it is backed up \
    or restored without the data it needs.",
        sources: &[
            "IVssCreateWriterMetadata::AddComponentDependency: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponentdependency",
            "IVssWMDependency::GetWriterId: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsswmdependency-getwriterid",
            "VSS Test Writer Tool (Dependency element): https://learn.microsoft.com/en-us/windows/win32/vss/vss-test-writer-tool",
        ],
    }),
    check: Check::Writer(check),
};

const EXAMPLE: &str = "onWriterId=\"a65faa63-5ea8-4ebc-9dbd-a0c4db26912a\"";

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for d in crate::toolkit::dependencies::all(w) {
        let Some(a) = &d.writer_id else {
            cx.report(
                d.node.span,
                format!("this {} names no target writer", d.node.name),
            )
            .label("no onWriterId")
            .help(format!(
                "add the class ID of the writer that manages the target component, e.g. {EXAMPLE}"
            ));
            continue;
        };
        match a.value {
            Guid::Plain(_) | Guid::Braced(_) => {}
            Guid::Invalid => {
                let shown = if a.raw.is_empty() {
                    "is empty".to_string()
                } else {
                    format!("\"{}\" is not a GUID", a.raw)
                };
                cx.report(a.span, format!("the dependency's writer ID {shown}"))
                    .label("not a GUID")
                    .help(format!(
                        "write the class ID of the writer that manages the target component: 32 hex digits in groups of 8-4-4-4-12, e.g. {EXAMPLE}"
                    ));
            }
        }
    }
}
