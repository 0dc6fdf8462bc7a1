//! Which writer documents of OLD and NEW are compared with each other (the compat
//! specification's §1.1). Works on each document's [`WriterKey`] alone, so that the pairing
//! is decided before any document is compared.
//!
//! GUIDs are compared as values (case and braces aside: the model parses them); the
//! instance ID is never looked at, since a writer makes a new one at each start.

use std::collections::HashMap;

/// What identifies a writer document for pairing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriterKey {
    /// `writerId`; `None` when it is missing or not a GUID.
    pub writer_id: Option<uuid::Uuid>,
    /// `instanceName`, exactly as written.
    pub instance_name: Option<String>,
    pub friendly_name: Option<String>,
}

impl WriterKey {
    pub fn of(w: &vsslint_model::model::WriterMetadata) -> WriterKey {
        let Some(id) = w.identification() else {
            return WriterKey::default();
        };
        WriterKey {
            writer_id: id.writer_id.as_ref().and_then(|a| a.value.uuid()),
            instance_name: id.instance_name.as_ref().map(|a| a.raw.to_string()),
            friendly_name: id.friendly_name.as_ref().map(|a| a.raw.to_string()),
        }
    }

    fn pairing_key(&self) -> (Option<uuid::Uuid>, Option<&str>) {
        (self.writer_id, self.instance_name.as_deref())
    }
}

pub use crate::rule_api::{PairedBy, Pairing, WriterPair};

/// Two documents named one against the other: paired, unless class and name both differ.
pub fn pair_files(old: &WriterKey, new: &WriterKey) -> Pairing {
    let pair = |by| Pairing {
        pairs: vec![WriterPair { old: 0, new: 0, by }],
        ..Pairing::default()
    };
    if old.writer_id == new.writer_id {
        pair(PairedBy::Files)
    } else if old.friendly_name.is_some() && old.friendly_name == new.friendly_name {
        pair(PairedBy::FriendlyName)
    } else {
        Pairing {
            not_same_writer: true,
            ..Pairing::default()
        }
    }
}

/// Two collections of documents, paired by writer class and instance name, then by class
/// alone, then by friendly name.
pub fn pair_collections(old: &[WriterKey], new: &[WriterKey]) -> Pairing {
    let mut pairing = Pairing::default();
    let (old_free, ambiguous_old) = unique_keys(old);
    let (new_free, ambiguous_new) = unique_keys(new);
    pairing.ambiguous_old = ambiguous_old;
    pairing.ambiguous_new = ambiguous_new;
    // A key shared on one side pairs nothing on either: the documents of the other side
    // with that key are neither compared nor called removed or added.
    let shared = |groups: &[Vec<usize>], side: &[WriterKey], k: &WriterKey| {
        groups
            .iter()
            .any(|g| side[g[0]].pairing_key() == k.pairing_key())
    };
    let mut old_left: Vec<usize> = old_free
        .into_iter()
        .filter(|&o| !shared(&pairing.ambiguous_new, new, &old[o]))
        .collect();
    let mut new_left: Vec<usize> = new_free
        .into_iter()
        .filter(|&n| !shared(&pairing.ambiguous_old, old, &new[n]))
        .collect();
    let take = |pairing: &mut Pairing,
                old_left: &mut Vec<usize>,
                new_left: &mut Vec<usize>,
                o: usize,
                n: usize,
                by| {
        old_left.retain(|&i| i != o);
        new_left.retain(|&i| i != n);
        pairing.pairs.push(WriterPair { old: o, new: n, by });
    };
    // 1. Equal keys.
    let by_key: HashMap<_, usize> = new_left
        .iter()
        .map(|&n| (new[n].pairing_key(), n))
        .collect();
    for o in old_left.clone() {
        if let Some(&n) = by_key.get(&old[o].pairing_key()) {
            take(
                &mut pairing,
                &mut old_left,
                &mut new_left,
                o,
                n,
                PairedBy::Key,
            );
        }
    }
    // 2. The only document of a class left on each side.
    for o in old_left.clone() {
        let class = old[o].writer_id;
        let olds = old_left.iter().filter(|&&i| old[i].writer_id == class);
        let news: Vec<usize> = new_left
            .iter()
            .copied()
            .filter(|&i| new[i].writer_id == class)
            .collect();
        if olds.count() == 1 && news.len() == 1 {
            take(
                &mut pairing,
                &mut old_left,
                &mut new_left,
                o,
                news[0],
                PairedBy::OnlyOfClass,
            );
        }
    }
    // 3. Another class under the same friendly name, when exactly one NEW document has it.
    for o in old_left.clone() {
        let Some(name) = &old[o].friendly_name else {
            continue;
        };
        let news: Vec<usize> = new_left
            .iter()
            .copied()
            .filter(|&i| {
                new[i].friendly_name.as_ref() == Some(name) && new[i].writer_id != old[o].writer_id
            })
            .collect();
        if news.len() == 1 {
            take(
                &mut pairing,
                &mut old_left,
                &mut new_left,
                o,
                news[0],
                PairedBy::FriendlyName,
            );
        }
    }
    pairing.removed = old_left;
    pairing.added = new_left;
    pairing.pairs.sort_by_key(|p| p.old);
    pairing
}

/// For each component of `old`: whether the backup components document `bcd` records it, as
/// a component added for the writer or under one (the component that defines its set).
pub fn recorded(
    old: &vsslint_model::model::WriterMetadata,
    bcd: &vsslint_model::model::BackupComponents,
) -> Vec<bool> {
    let key = WriterKey::of(old);
    let mut added: Vec<(&str, &str)> = Vec::new();
    for wc in &bcd.writers {
        let class = wc.writer_id.as_ref().and_then(|a| a.value.uuid());
        let instance = wc.instance_name.as_ref().map(|a| a.raw);
        let same_instance = match (instance, key.instance_name.as_deref()) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        if class.is_some() && class == key.writer_id && same_instance {
            added.extend(wc.components.iter().map(|c| (c.logical_path(), c.name())));
        }
    }
    old.components
        .iter()
        .map(|c| {
            added.contains(&(c.logical_path(), c.name()))
                || crate::toolkit::backup_set::ancestors(old, c)
                    .any(|a| added.contains(&(a.logical_path(), a.name())))
        })
        .collect()
}

/// The documents whose key no other document of the side shares, and the groups that share
/// one.
fn unique_keys(side: &[WriterKey]) -> (Vec<usize>, Vec<Vec<usize>>) {
    let mut groups: HashMap<_, Vec<usize>> = HashMap::new();
    for (i, k) in side.iter().enumerate() {
        groups.entry(k.pairing_key()).or_default().push(i);
    }
    let mut unique = Vec::new();
    let mut shared = Vec::new();
    for (_, g) in groups {
        if g.len() == 1 {
            unique.push(g[0]);
        } else {
            shared.push(g);
        }
    }
    unique.sort_unstable();
    shared.sort();
    (unique, shared)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(id: u128, instance: Option<&str>, name: &str) -> WriterKey {
        WriterKey {
            writer_id: Some(uuid::Uuid::from_u128(id)),
            instance_name: instance.map(str::to_string),
            friendly_name: Some(name.to_string()),
        }
    }

    #[test]
    fn files_of_one_class_are_paired() {
        let p = pair_files(&key(1, None, "A"), &key(1, Some("x"), "B"));
        assert_eq!(p.pairs[0].by, PairedBy::Files);
        assert!(!p.not_same_writer);
    }

    #[test]
    fn files_of_two_classes_with_one_name_are_paired_by_name() {
        let p = pair_files(&key(1, None, "A"), &key(2, None, "A"));
        assert_eq!(p.pairs[0].by, PairedBy::FriendlyName);
    }

    #[test]
    fn files_of_two_classes_and_two_names_are_not_the_same_writer() {
        let p = pair_files(&key(1, None, "A"), &key(2, None, "B"));
        assert!(p.pairs.is_empty());
        assert!(p.not_same_writer);
    }

    #[test]
    fn collections_pair_by_key_whatever_the_order() {
        let old = [
            key(1, Some("a"), "A"),
            key(1, Some("b"), "A"),
            key(2, None, "B"),
        ];
        let new = [
            key(2, None, "B"),
            key(1, Some("b"), "A"),
            key(1, Some("a"), "A"),
        ];
        let p = pair_collections(&old, &new);
        let pairs: Vec<_> = p.pairs.iter().map(|p| (p.old, p.new, p.by)).collect();
        assert_eq!(
            pairs,
            [
                (0, 2, PairedBy::Key),
                (1, 1, PairedBy::Key),
                (2, 0, PairedBy::Key)
            ]
        );
        assert!(p.removed.is_empty() && p.added.is_empty());
    }

    #[test]
    fn the_only_instance_left_of_a_class_is_paired_and_two_are_not() {
        let p = pair_collections(&[key(1, Some("a"), "A")], &[key(1, Some("z"), "A")]);
        assert_eq!(p.pairs[0].by, PairedBy::OnlyOfClass);
        let p = pair_collections(
            &[key(1, Some("a"), "A"), key(1, Some("b"), "A")],
            &[key(1, Some("y"), "A"), key(1, Some("z"), "A")],
        );
        assert!(p.pairs.is_empty());
        assert_eq!((p.removed, p.added), (vec![0, 1], vec![0, 1]));
    }

    #[test]
    fn another_class_under_one_name_is_paired_by_name() {
        let p = pair_collections(
            &[key(1, None, "A")],
            &[key(2, None, "A"), key(3, None, "C")],
        );
        assert_eq!(
            p.pairs,
            [WriterPair {
                old: 0,
                new: 0,
                by: PairedBy::FriendlyName
            }]
        );
        assert_eq!(p.added, [1]);
    }

    #[test]
    fn what_is_left_is_removed_or_added() {
        let p = pair_collections(&[key(1, None, "A")], &[key(2, None, "B")]);
        assert!(p.pairs.is_empty());
        assert_eq!((p.removed, p.added), (vec![0], vec![0]));
    }

    #[test]
    fn two_documents_of_one_key_on_a_side_are_ambiguous_and_not_paired() {
        let p = pair_collections(
            &[key(1, None, "A"), key(1, None, "A")],
            &[key(1, None, "A")],
        );
        assert!(p.pairs.is_empty());
        assert_eq!(p.ambiguous_old, [vec![0, 1]]);
        assert!(p.removed.is_empty() && p.added.is_empty());
    }
}
