//! `set/unknown-writer`: every writer of the backup components document has its writer
//! metadata document in the backup.

use crate::rule_api::{rule, AcrossCx, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{backup_sets, relate, set_check, BESIDE_COMPONENTS};

pub static RULE: Rule = Rule {
    meta: rule!("set/unknown-writer" {
        code: "VSL951",
        severity: Severity::Error,
        summary: "The backup components document names a writer whose metadata is not in the backup",
        what: "For each `WRITER_COMPONENTS` of the backup components document, looks for the \
    writer metadata document of the same writer class (`writerId`) and instance (`instanceId`) \
    among the documents of the backup. GUIDs are compared as values, whatever their case. \
    While a member of the backup cannot be read (`doc/not-well-formed`, `doc/encoding`, \
    `doc/unreadable`), no writer is called missing: that member may be its document, and is \
    reported as what it is.",
        why: "A requester adds components with `IVssBackupComponents::AddComponent` for a writer \
    class and instance exactly as `IVssExamineWriterMetadata::GetIdentity` returned them. A \
    backup whose writer document is missing cannot be restored through that writer: the \
    requester has nothing to tell it which files belong to which component. An instance that \
    differs usually means the documents come from two different runs.",
        sources: &[
            "IVssBackupComponents::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent",
            "IVssExamineWriterMetadata::GetIdentity: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getidentity",
            "DiskShadow saves each writer's document beside BCDocument.xml (the real sets in the corpus)",
        ],
        across_documents: true,
        example_file: "BCDocument.xml",
        companions: BESIDE_COMPONENTS,
    }),
    check: set_check(check),
};

fn check(cx: &mut AcrossCx, docs: &[Member], _: &[Facts]) {
    for set in backup_sets(docs) {
        // A member that cannot be read may be the writer's document: it is reported as what it
        // is, and a writer is called missing only once every member could be read.
        if cx.unreadable_in(set.name).next().is_some() {
            continue;
        }
        for selection in set.selections() {
            let (i, wc) = (selection.member, selection.wc);
            if selection.writer.is_some() {
                continue;
            }
            let Some(id) = &wc.writer_id else { continue };
            let instance = wc.instance_id.as_ref().map_or("", |a| a.raw);
            let d = cx
                .report(
                    docs,
                    i,
                    id.span,
                    format!(
                        "writer {} (instance {instance}) has no writer metadata document in this backup",
                        id.raw
                    ),
                )
                .label("no such writer here");
            match set.same_class(wc) {
                Some(other) => {
                    let other_instance =
                        other.instance_id.map(|u| u.to_string()).unwrap_or_default();
                    d.help(format!(
                        "the backup holds this writer's document for instance {other_instance}: the documents come from different runs; save them again together"
                    ));
                    if let Some(id) = other.doc.identification() {
                        relate(
                            d,
                            &docs[other.member],
                            id.node.span,
                            "this writer's document",
                        );
                    }
                }
                None => {
                    d.help("add the writer's metadata document to the backup (DiskShadow saves it as WMn.xml), or remove its WRITER_COMPONENTS");
                }
            }
        }
    }
}
