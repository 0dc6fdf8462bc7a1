//! `alm/destination`: a mapping names a fully qualified destination directory.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("alm/destination" {
        code: "VSL354",
        severity: Severity::Error,
        summary: "An alternate location mapping has no destination, or an empty one",
        what: "An `ALTERNATE_LOCATION_MAPPING` must name where the files go: its `alternatePath` \
    (`destination` is accepted too; both names are inferred) is required and empty is an error. \
    A destination that is not fully qualified is `alm/destination-not-qualified`'s, a warning.",
        why: "`IVssCreateWriterMetadata::AddAlternateLocationMapping` takes the fully qualified \
    path of the directory the files are relocated to. Without it the mapping says nothing; with \
    a relative or drive-relative path the files land wherever the requester's current directory \
    happens to be.",
        sources: &[
            "IVssCreateWriterMetadata::AddAlternateLocationMapping (wszDestination): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addalternatelocationmapping",
            "IVssWMFiledesc::GetAlternateLocation: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsswmfiledesc-getalternatelocation",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for m in &w.mappings {
        match &m.destination {
            None => {
                cx.report(m.node.span, "alternate location mapping has no destination")
                    .label("no alternatePath")
                    .help("add the fully qualified directory the files are restored to: alternatePath=\"D:\\Restore\\Ledger\"");
            }
            Some(d) if d.raw.trim().is_empty() => {
                cx.report(d.span, "the mapping's destination is empty")
                    .label("empty destination")
                    .help("write the fully qualified directory the files are restored to, e.g. alternatePath=\"D:\\Restore\\Ledger\"");
            }
            Some(_) => {}
        }
    }
}
