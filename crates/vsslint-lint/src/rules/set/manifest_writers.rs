//! `set/manifest-writers`: DiskShadow's manifest lists the writers' documents that are in the
//! backup, under their names.

use crate::rule_api::{rule, AcrossCx, Facts, Member, Origin, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{backup_sets, set_check, BESIDE_MANIFEST};
use vsslint_model::span::LineIndex;

pub static RULE: Rule = Rule {
    meta: rule!("set/manifest-writers" {
        code: "VSL957",
        severity: Severity::Error,
        summary: "The manifest's writers disagree with the writers' documents in the backup",
        what: "Checks DiskShadow's `Manifest.xml` against the documents beside it: `Writers Count` \
    is the number of `Writer` entries; each `MetadataFile` (an absolute `%TEMP%\\WMn.xml` path) \
    names by its file name a writer metadata document of the backup; each `Name` (a space \
    written `%s`) is that document's `friendlyName`; and every writer metadata document of the \
    backup is listed; a cabinet holds a manifest at all.",
        why: "DiskShadow's `load metadata` finds each writer's document through the manifest \
    before a restore or an import. A manifest that names documents the backup lacks, or leaves \
    out one it has, loses writers at restore time; both real sets agree with their documents.",
        sources: &[
            "DiskShadow set metadata / load metadata: https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/diskshadow",
            "The manifests of the real sets in the corpus list each WMn.xml with the writer's name",
        ],
        across_documents: true,
        example_file: "Manifest.xml",
        companions: BESIDE_MANIFEST,
    }),
    check: set_check(check),
};

/// A document's file name: after the last `/`, `\` or container separator.
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\', '!']).next().unwrap_or(path)
}

fn check(cx: &mut AcrossCx, docs: &[Member], _: &[Facts]) {
    for set in backup_sets(docs) {
        // DiskShadow always puts its manifest in the cabinet: `load metadata` reads the rest
        // through it.
        let cabinet = set
            .writers
            .iter()
            .map(|w| w.member)
            .chain(set.components.iter().map(|(i, _)| *i))
            .any(|i| docs[i].facts.origin == Origin::CabinetEntry);
        if cabinet && set.manifests.is_empty() {
            let first = set
                .components
                .first()
                .map(|&(i, bc)| (i, bc.node.span))
                .or_else(|| set.writers.first().map(|w| (w.member, w.doc.node.span)));
            if let Some((i, span)) = first {
                cx.report(
                    docs,
                    i,
                    span,
                    format!("the cabinet {} holds no Manifest.xml", set.name),
                )
                .label("in a cabinet without a manifest")
                .help("DiskShadow's load metadata finds the documents of a backup through its Manifest.xml: save the backup again with set metadata");
            }
        }
        for &(i, m) in &set.manifests {
            if let Some(count) = &m.writers_count {
                if let Some(n) = count.value {
                    if n as usize != m.writers.len() {
                        cx.report(
                            docs,
                            i,
                            count.span,
                            format!(
                                "Writers Count is {n}, but the manifest lists {} writers",
                                m.writers.len()
                            ),
                        )
                        .label("not the number listed")
                        .help(format!("write Count = '{}'", m.writers.len()));
                    }
                }
            }
            let mut listed = Vec::new();
            for w in &m.writers {
                let (Some(file), Some(attr)) = (w.file_name(), &w.metadata_file) else {
                    continue;
                };
                let found = set
                    .writers
                    .iter()
                    .find(|doc| file_name(docs[doc.member].facts.path).eq_ignore_ascii_case(file));
                let Some(doc) = found else {
                    // An unreadable document is reported as what it is, not also as missing.
                    if cx
                        .unreadable_in(set.name)
                        .any(|p| file_name(p).eq_ignore_ascii_case(file))
                    {
                        continue;
                    }
                    cx.report(
                        docs,
                        i,
                        attr.span,
                        format!("the manifest names {file}, which is not in the backup"),
                    )
                    .label("no such document here")
                    .help("keep the writer's document with the manifest, or save the backup again");
                    continue;
                };
                listed.push(doc.member);
                let friendly = doc
                    .doc
                    .identification()
                    .and_then(|id| id.friendly_name.as_ref());
                if let (Some(name), Some(friendly)) = (&w.name, friendly) {
                    let shown = w.display_name();
                    if shown != friendly.raw {
                        cx.report(
                            docs,
                            i,
                            name.span,
                            format!(
                                "the manifest names {file}'s writer \"{shown}\", but the document's friendlyName is \"{}\"",
                                friendly.raw
                            ),
                        )
                        .label("not the document's writer")
                        .help(format!("check which writer's document {file} is"))
                        .related_in(
                            docs[doc.member].facts.path,
                            friendly.span,
                            LineIndex::new(docs[doc.member].text).position(friendly.span.start),
                            "the document's friendlyName",
                        );
                    }
                }
            }
            let at = m.writers_node.as_ref().map_or(m.node.span, |n| n.span);
            for doc in &set.writers {
                if !listed.contains(&doc.member) {
                    let file = file_name(docs[doc.member].facts.path);
                    cx.report(
                        docs,
                        i,
                        at,
                        format!("{file} is in the backup, but the manifest does not list it"),
                    )
                    .label("writer missing")
                    .help("a document the manifest does not list is not loaded with the backup: list it, or remove it from the backup");
                }
            }
        }
    }
}
