//! §3.F: components.

pub mod bool_value;
pub mod database_without_data_files;
pub mod duplicate;
pub mod duplicate_case;
pub mod empty;
pub mod fileset_wrong_parent;
pub mod flags_format;
pub mod flags_undefined_bits;
pub mod name_backslash;
pub mod name_missing;
pub mod not_system_state_on_user_writer;
pub mod notify_reserved;
pub mod restore_metadata_reserved;
pub mod selectable_for_restore_top_level;
pub mod selectable_missing;
pub mod r#type;

use crate::model::Component;
use crate::rules::Rule;
use std::collections::HashMap;
use std::hash::Hash;

/// Up to this many components, rules that look for a component like an earlier one compare
/// them one by one: cheaper than building a map for the handful most writers declare.
pub(crate) const PAIRWISE: usize = 16;

/// What tells two components apart: logical path and name, as written.
pub(crate) fn path_and_name<'c>(c: &'c Component) -> (&'c str, &'c str) {
    (c.logical_path(), c.name())
}

/// The first component before `components[i]` with the same logical path and name, as
/// written (see [`earlier_like`]).
pub(crate) fn earlier_repeat<'c, 'a>(
    components: &'c [Component<'a>],
    i: usize,
    seen: &mut HashMap<(&'c str, &'c str), &'c Component<'a>>,
) -> Option<&'c Component<'a>> {
    let same = |a: &Component, b: &Component| path_and_name(a) == path_and_name(b);
    earlier_like(components, i, seen, path_and_name, same)
}

/// The first component before `components[i]` that it repeats by `same`: searched one by
/// one among up to [`PAIRWISE`] components; among more, looked up in `seen` by `key`, which
/// `same` must agree with, and recorded there when it is the first of its key.
pub(crate) fn earlier_like<'c, 'a, K: Eq + Hash>(
    components: &'c [Component<'a>],
    i: usize,
    seen: &mut HashMap<K, &'c Component<'a>>,
    key: impl FnOnce(&'c Component<'a>) -> K,
    same: impl Fn(&Component, &Component) -> bool,
) -> Option<&'c Component<'a>> {
    let c = &components[i];
    if components.len() <= PAIRWISE {
        return components[..i].iter().find(|e| same(e, c));
    }
    match seen.entry(key(c)) {
        std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
        std::collections::hash_map::Entry::Vacant(v) => {
            v.insert(c);
            None
        }
    }
}

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &r#type::RULE,
    &name_missing::RULE,
    &name_backslash::RULE,
    &duplicate::RULE,
    &duplicate_case::RULE,
    &selectable_missing::RULE,
    &bool_value::RULE,
    &selectable_for_restore_top_level::RULE,
    &restore_metadata_reserved::RULE,
    &notify_reserved::RULE,
    &flags_format::RULE,
    &flags_undefined_bits::RULE,
    &not_system_state_on_user_writer::RULE,
    &empty::RULE,
    &database_without_data_files::RULE,
    &fileset_wrong_parent::RULE,
];

/// Lints a few components in an otherwise clean document, for rule unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::diagnostic::Severity;
    use crate::{lint_bytes, Settings};

    /// Severity and message of each finding of one rule.
    pub(crate) type Findings = Vec<(Severity, String)>;

    /// The findings of rule `slug` (turned on even when optional): severity and message.
    pub(crate) fn findings(slug: &str, settings: Settings, body: &str) -> Findings {
        let mut settings = settings;
        let rule = crate::rules::find(slug).expect("known rule");
        settings
            .rules
            .insert(rule.meta.slug, Some(rule.meta.severity));
        let doc = format!(
            r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2">
  <IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" instanceId="9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33" friendlyName="Contoso Ledger Writer" usage="USER_DATA" dataSource="OTHER" majorVersion="1" minorVersion="0"/>
  <BACKUP_LOCATIONS>
{body}
  </BACKUP_LOCATIONS>
</WRITER_METADATA>"#
        );
        lint_bytes("test.xml", doc.as_bytes(), &settings)
            .diagnostics
            .into_iter()
            .filter(|d| d.rule.slug == slug)
            .map(|d| (d.severity, d.message))
            .collect()
    }

    /// The findings of `slug` on `body` alone and with [`super::PAIRWISE`] more components,
    /// all distinct from each other and from those of `body`: rules that compare a handful of
    /// components one by one and more of them through a map must agree.
    pub(crate) fn findings_alone_and_padded(slug: &str, body: &str) -> (Findings, Findings) {
        let padding: String = (0..super::PAIRWISE)
            .map(|i| format!(r#"<FILE_GROUP componentName="Pad{i}" selectable="yes"/>"#))
            .collect();
        (
            findings(slug, Settings::default(), body),
            findings(slug, Settings::default(), &format!("{body}{padding}")),
        )
    }
}
