//! What the `compat/*` rules of components read beside the matches of `compat_match`: which
//! component set each component of either release belongs to, and where a finding about a
//! component's attribute points when one release does not write it.

use crate::rule_api::Pair;
use crate::toolkit::logical_paths::segments;
use std::collections::HashMap;
use vsslint_model::flags::ComponentFlags;
use vsslint_model::model::{Attr, Component, WriterMetadata, YesNo};
use vsslint_model::span::Span;

/// `selectable="yes"`. Anything else, absence included, is not selectable: the attribute has
/// no default (`comp/selectable-missing` reports it missing), and a requester reading the
/// document finds no selectable component there.
pub(crate) fn selectable(c: &Component) -> bool {
    YesNo::is_yes(&c.selectable)
}

/// For each component of `w`, the nearest of its selectable ancestors (the one whose
/// `logicalPath\componentName` is the longest start of its logical path), which defines the
/// component set it belongs to; `None` for a component in no set.
pub(crate) fn nearest_selectable_ancestors(w: &WriterMetadata) -> Vec<Option<usize>> {
    // A component's place: its logical path's elements and its name, as written.
    let mut by_place: HashMap<Vec<&str>, usize> = HashMap::new();
    for (i, c) in w.components.iter().enumerate() {
        if selectable(c) {
            let mut place: Vec<&str> = segments(c.logical_path()).collect();
            place.push(c.name());
            by_place.entry(place).or_insert(i);
        }
    }
    w.components
        .iter()
        .map(|c| {
            let own: Vec<&str> = segments(c.logical_path()).collect();
            (1..=own.len())
                .rev()
                .find_map(|n| by_place.get(&own[..n]).copied())
        })
        .collect()
}

/// The set-defining component of each component of both releases of a pair.
pub(crate) struct Sets {
    pub old: Vec<Option<usize>>,
    pub new: Vec<Option<usize>>,
}

/// [`Sets`] of a pair, made once for all its rules.
pub(crate) fn sets<'p>(pair: &'p Pair) -> &'p Sets {
    pair.memo(|p| Sets {
        old: nearest_selectable_ancestors(p.old.doc),
        new: nearest_selectable_ancestors(p.new.doc),
    })
}

/// Where a finding about one of a component's attributes points: the attribute, or the
/// component's element when the attribute is not written.
pub(crate) fn attr_or_element<T>(attr: &Option<Attr<T>>, c: &Component) -> Span {
    attr.as_ref().map_or(c.node.span, |a| a.span)
}

/// A `yes`/`no` attribute as a requester reads it: absent is `no`; a spelling that is
/// neither is `None`, and not compared (single-document rules report it).
pub(crate) fn yes_no(attr: &Option<YesNo>) -> Option<bool> {
    match attr {
        None => Some(false),
        Some(a) => a.value,
    }
}

/// `VSS_CF_BACKUP_RECOVERY` and `VSS_CF_APP_ROLLBACK_RECOVERY`: the flags by which a writer
/// asks for write access to a component after the shadow copy is created.
pub(crate) const AUTO_RECOVERY: ComponentFlags =
    ComponentFlags::BACKUP_RECOVERY.union(ComponentFlags::APP_ROLLBACK_RECOVERY);

/// `componentFlags` as a requester reads it: absent is 0; `None` when the value is not a
/// number, which is not compared (`comp/flags-format` reports it).
pub(crate) fn flags(c: &Component) -> Option<ComponentFlags> {
    match &c.flags {
        None => Some(ComponentFlags::empty()),
        Some(a) => a.value,
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use crate::rule_api::Rule;
    use crate::settings::Settings;
    use crate::toolkit::testing::document;

    /// The messages of `rule`'s findings when a writer whose `BACKUP_LOCATIONS` holds `old`
    /// is followed by one whose `BACKUP_LOCATIONS` holds `new`.
    pub(crate) fn compat_findings(rule: &'static Rule, old: &str, new: &str) -> Vec<String> {
        let (old, new) = (document(old), document(new));
        crate::pipeline::compare(
            &[("old.xml", old.as_bytes())],
            &[("new.xml", new.as_bytes())],
            false,
            &Settings::for_example(&rule.meta),
        )
        .iter()
        .flat_map(|f| &f.diagnostics)
        .filter(|d| d.rule.slug == rule.meta.slug)
        .map(|d| d.message.to_string())
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::testing::writer;

    #[test]
    fn the_nearest_selectable_ancestor_defines_the_set() {
        let body = r#"
<FILE_GROUP componentName="Top" selectable="yes"/>
<FILE_GROUP logicalPath="Top" componentName="Mid" selectable="yes"/>
<FILE_GROUP logicalPath="Top\Mid" componentName="Leaf" selectable="no"/>
<FILE_GROUP logicalPath="Top\Gap" componentName="Deep" selectable="no"/>
<FILE_GROUP logicalPath="Other" componentName="Alone" selectable="no"/>
<FILE_GROUP logicalPath="top" componentName="Case" selectable="no"/>"#;
        writer(body, |w| {
            assert_eq!(
                nearest_selectable_ancestors(w),
                [None, Some(0), Some(1), Some(0), None, None]
            );
        });
    }

    #[test]
    fn a_component_that_is_not_selectable_defines_no_set() {
        let body = r#"
<FILE_GROUP componentName="Top" selectable="no"/>
<FILE_GROUP componentName="Loose"/>
<FILE_GROUP logicalPath="Top" componentName="Leaf" selectable="no"/>
<FILE_GROUP logicalPath="Loose" componentName="Leaf" selectable="no"/>"#;
        writer(body, |w| {
            assert_eq!(nearest_selectable_ancestors(w), [None, None, None, None]);
        });
    }

    #[test]
    fn stray_backslashes_do_not_hide_an_ancestor() {
        let body = r#"
<FILE_GROUP logicalPath="A\" componentName="B" selectable="yes"/>
<FILE_GROUP logicalPath="A\\B\" componentName="C" selectable="no"/>"#;
        writer(body, |w| {
            assert_eq!(nearest_selectable_ancestors(w), [None, Some(0)]);
        });
    }

    #[test]
    fn order_layout_and_written_defaults_give_no_component_finding() {
        use super::testing::compat_findings;
        let old = r#"
<FILE_GROUP componentName="Top" caption="Top" icon="AAAA" selectable="yes" componentFlags="3"/>
<DATABASE logicalPath="Top" componentName="Db" selectable="no" selectableForRestore="yes"/>
<FILE_GROUP logicalPath="Top\Db" componentName="Log" selectable="no" restoreMetadata="no"/>
<FILE_GROUP componentName="Loose" selectable="no" componentFlags="0" selectableForRestore="no"/>"#;
        let new = r#"
<FILE_GROUP componentName="Loose" selectable="no"/>
<FILE_GROUP
    selectable="no" componentName="Log"
    logicalPath="Top\Db"/>
<DATABASE selectableForRestore="yes" selectable="no" componentName="Db" logicalPath="Top"/>
<FILE_GROUP componentFlags="3" selectable="yes" icon="AAAA" caption="Top" componentName="Top"/>"#;
        let compared = crate::rules::all()
            .iter()
            .filter(|r| r.meta.comparing.is_some());
        for rule in compared {
            let found = compat_findings(rule, old, new);
            assert!(found.is_empty(), "{}: {found:?}", rule.meta.slug);
        }
    }
}
