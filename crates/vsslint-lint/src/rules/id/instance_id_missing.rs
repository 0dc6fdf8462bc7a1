//! `id/instance-id-missing`: the writer instance is identified.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("id/instance-id-missing" {
        code: "VSL113",
        severity: Severity::Warning,
        summary: "IDENTIFICATION has no instanceId",
        what: "Reports an `IDENTIFICATION` element without an `instanceId` attribute. A value \
    that is present but not a GUID is `id/instance-id-format`'s case.",
        why: "VSS gives every running writer an instance ID, and a writer metadata document \
    produced through the API always carries it next to the writer class ID. Requesters read it \
    with `IVssExamineWriterMetadata::GetIdentity` and pass it to \
    `IVssBackupComponents::AddComponent`, which is how the backup components document names \
    the writer instance a component belongs to. A document without one was written by hand or \
    cut down; a requester reading it has no instance to add components for.",
        sources: &[
            "IVssExamineWriterMetadata::GetIdentity: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getidentity",
            "IVssBackupComponents::AddComponent (instanceId): https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent",
            "Writer Metadata Document Contents: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-contents",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for id in w
        .identifications
        .iter()
        .filter(|id| id.instance_id.is_none())
    {
        cx.report(id.node.span, "IDENTIFICATION has no instanceId")
            .label("no writer instance ID")
            .help("keep the document as the writer produced it: VSS writes instanceId=\"…\" (a GUID, like writerId) for the running instance; a hand-written manifest can use any fresh GUID");
    }
}

#[cfg(test)]
mod tests {
    use crate::rule_meta::Severity;
    use crate::settings::Settings;
    use crate::toolkit::testing::run_rule;

    #[test]
    fn only_an_absent_instance_id() {
        let bad = super::RULE.meta.bad;
        let found = run_rule(&super::RULE, &Settings::default(), bad);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        let good = super::RULE.meta.good;
        assert!(run_rule(&super::RULE, &Settings::default(), good).is_empty());
        let malformed = good.replace(
            r#"instanceId="9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33""#,
            r#"instanceId="nine""#,
        );
        assert!(run_rule(&super::RULE, &Settings::default(), &malformed).is_empty());
    }
}
