//! `id/writer-id-braced`: `writerId` is written without braces.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("id/writer-id-braced" {
        code: "VSL114",
        severity: Severity::Warning,
        summary: "writerId is a GUID wrapped in braces",
        what: "`IDENTIFICATION/@writerId` is a GUID written in braces (`{…}`). VSS never writes \
    one in a writer metadata document; DiskShadow uses braces only in its own manifest. Split \
    from `id/writer-id-format` (VSL101), which reported this case \
    before: turning `id/writer-id-format` off (in the configuration, or with `--ignore`) still turns this \
    rule off unless the configuration names it; a severity set for `id/writer-id-format` does not apply to it.",
        why: "Requesters read the writer class ID as a GUID (`IVssExamineWriterMetadata::GetIdentity`), \
    and the documents VSS writes hold GUIDs without braces: a braced one shows the document was \
    written or edited by other means, which may have changed more than the braces.",
        sources: &[
            "IVssExamineWriterMetadata::GetIdentity: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getidentity",
            "CVssWriter::Initialize (writer class ID): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriter-initialize",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for id in &w.identifications {
        crate::toolkit::ids::check_braces(cx, id.writer_id.as_ref(), "writerId");
    }
}
