//! `express/alternate-location-mapping`: express writers declare no mappings.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("express/alternate-location-mapping" {
        code: "VSL707",
        severity: Severity::Error,
        profile: Profile::Express,
        summary: "an express writer declares an alternate location mapping",
        what: "With `--express`, reports every alternate location mapping. The element name \
    `ALTERNATE_LOCATION_MAPPING` (a child of `RESTORE_METHOD`) is inferred from the API and the \
    VSS Test Writer's configuration vocabulary; it is recognised wherever it appears.",
        why: "`IVssCreateExpressWriterMetadata` has no `AddAlternateLocationMapping` method, so \
    an express writer cannot produce a mapping, and a requester should not restore its files \
    anywhere but to their original location.",
        sources: &[
            "IVssCreateExpressWriterMetadata interface: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nl-vswriter-ivsscreateexpresswritermetadata",
            "IVssCreateWriterMetadata::AddAlternateLocationMapping: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addalternatelocationmapping",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for m in &w.mappings {
        cx.report(
            m.node.span,
            "an express writer cannot declare alternate location mappings",
        )
        .label("no express API for this")
        .help(format!(
            "remove the <{}> element; express writers restore files to their original location",
            m.node.name
        ));
    }
}
