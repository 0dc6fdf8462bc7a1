//! The documents saved with a backup: the backup components document and DiskShadow's
//! manifest, read into the model as writer metadata is. Elements whose spelling no public
//! document shows are kept as they are, never guessed at.

use super::walk::{attr, collect_comments, node, parse_unsigned, yes_no, Loc, XNode};
use crate::flags::BackupSchema;
use crate::model::*;

/// An attribute of `el` with no namespace, read with `parse`.
fn get<'a, T>(el: XNode<'a>, name: &str, parse: impl Fn(&str) -> T) -> Option<Attr<'a, T>> {
    let input = el.document().input_text();
    el.attributes()
        .find(|a| a.name() == name && a.namespace().is_none())
        .map(|a| attr(a, input, Loc::WHOLE, parse))
}

fn text<'a>(el: XNode<'a>, name: &str) -> Option<Text<'a>> {
    get(el, name, |_| ())
}

fn elements<'a>(el: XNode<'a>) -> impl Iterator<Item = XNode<'a>> {
    el.children().filter(|c| c.is_element())
}

/// The model of a `BACKUP_COMPONENTS` document element.
pub(super) fn backup_components<'a>(doc: XNode<'a>, root: XNode<'a>) -> BackupComponents<'a> {
    let mut comments = Vec::new();
    collect_comments(doc, Loc::WHOLE, &mut comments);
    collect_comments(root, Loc::WHOLE, &mut comments);
    let mut bc = BackupComponents {
        node: node(root, Loc::WHOLE),
        namespace: root.tag_name().namespace(),
        version: text(root, "version"),
        select_components: get(root, "selectComponents", yes_no),
        bootable_system_state_backup: get(root, "bootableSystemStateBackup", yes_no),
        backup_type: text(root, "backupType"),
        partial_file_support: get(root, "partialFileSupport", yes_no),
        snapshot_set_id: get(root, "snapshotSetId", Guid::parse),
        writers: Vec::new(),
        unknown: Vec::new(),
        comments,
    };
    for el in elements(root) {
        if el.tag_name().name() != "WRITER_COMPONENTS" {
            bc.unknown.push(node(el, Loc::WHOLE));
            continue;
        }
        let mut writer = WriterComponents {
            node: node(el, Loc::WHOLE),
            instance_id: get(el, "instanceId", Guid::parse),
            writer_id: get(el, "writerId", Guid::parse),
            instance_name: text(el, "instanceName"),
            backup_schema: get(el, "backupSchema", |s| {
                parse_unsigned(s).map(BackupSchema::from_bits_retain)
            }),
            components: Vec::new(),
        };
        for c in elements(el) {
            if c.tag_name().name() != "COMPONENT" {
                bc.unknown.push(node(c, Loc::WHOLE));
                continue;
            }
            let mut metadata = None;
            for inner in elements(c) {
                if inner.tag_name().name() == "BACKUP_METADATA" && metadata.is_none() {
                    metadata = Some(node(inner, Loc::WHOLE));
                } else {
                    bc.unknown.push(node(inner, Loc::WHOLE));
                }
            }
            writer.components.push(AddedComponent {
                node: node(c, Loc::WHOLE),
                name: text(c, "componentName"),
                component_type: text(c, "componentType"),
                logical_path: text(c, "logicalPath"),
                backup_stamp: text(c, "backupStamp"),
                backup_metadata: metadata,
            });
        }
        bc.writers.push(writer);
    }
    bc
}

/// The model of DiskShadow's `Manifest` document element.
pub(super) fn manifest<'a>(root: XNode<'a>) -> Manifest<'a> {
    let mut m = Manifest {
        node: node(root, Loc::WHOLE),
        shadow_copy_set: None,
        backup_components_file: None,
        writers_node: None,
        writers_count: None,
        writers: Vec::new(),
    };
    for el in elements(root) {
        match el.tag_name().name() {
            "ShadowCopySet" if m.shadow_copy_set.is_none() => {
                m.shadow_copy_set = Some(ShadowCopySet {
                    node: node(el, Loc::WHOLE),
                    guid: get(el, "GUID", Guid::parse),
                    machine_name: text(el, "MachineName"),
                    copies: elements(el)
                        .filter(|c| c.tag_name().name() == "ShadowCopy")
                        .map(|c| ShadowCopy {
                            node: node(c, Loc::WHOLE),
                            guid: get(c, "GUID", Guid::parse),
                            alias: text(c, "Alias"),
                            original_volume: text(c, "OriginalVolume"),
                        })
                        .collect(),
                });
            }
            "BackupComponents" if m.backup_components_file.is_none() => {
                m.backup_components_file = text(el, "File");
            }
            "Writers" if m.writers_node.is_none() => {
                m.writers_node = Some(node(el, Loc::WHOLE));
                m.writers_count = get(el, "Count", parse_unsigned);
                m.writers = elements(el)
                    .filter(|c| c.tag_name().name() == "Writer")
                    .map(|c| ManifestWriter {
                        node: node(c, Loc::WHOLE),
                        name: text(c, "Name"),
                        metadata_file: text(c, "MetadataFile"),
                    })
                    .collect();
            }
            _ => {}
        }
    }
    m
}
