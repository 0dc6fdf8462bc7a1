//! `dep/writer-id-braced`: a dependency's target writer ID is written without braces.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Guid, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("dep/writer-id-braced" {
        code: "VSL507",
        severity: Severity::Warning,
        summary: "A dependency's target writer ID is a GUID wrapped in braces",
        what: concat!(
            "Reports a component dependency whose target writer class ID (`onWriterId`) is a GUID \
    written in braces (`{…}`). Split from `dep/writer-id-format` (VSL501), which reported this case \
    before: turning `dep/writer-id-format` off (in the configuration, or with `--ignore`) still turns this \
    rule off unless the configuration names it; a severity set for `dep/writer-id-format` does not apply to it. ",
            crate::toolkit::dependencies::spelling_note!()
        ),
        why: "`AddComponentDependency` takes the target writer's class ID as a `VSS_ID`, and the \
    documents VSS writes hold GUIDs without braces: a braced one shows the document was written \
    or edited by other means, which may have changed more than the braces.",
        sources: &[
            "IVssCreateWriterMetadata::AddComponentDependency: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponentdependency",
            "IVssWMDependency::GetWriterId: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsswmdependency-getwriterid",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for d in crate::toolkit::dependencies::all(w) {
        let Some(a) = &d.writer_id else {
            continue;
        };
        if let Guid::Braced(u) = a.value {
            cx.report(
                a.span,
                format!(
                    "the dependency's writer ID \"{}\" is wrapped in braces",
                    a.raw
                ),
            )
            .label("braces")
            .help(format!(
                "VSS writes GUIDs without braces: onWriterId=\"{}\"",
                u.hyphenated()
            ));
        }
    }
}
