//! The registry: every rule, by group. The only module that names the rule groups.
//!
//! A rule is one file under `rules/<group>/`, named for its slug. It declares its metadata and
//! documentation with `rule!` (the bad and good examples are the rule's fixtures in
//! `fixtures/rules/<slug>/`) and one check (see `crate::rule_api`). A new rule is added to its
//! group's `RULES` list; a new group, to [`Registry::builtin`].

pub(crate) mod alm;
pub(crate) mod comp;
pub(crate) mod compat;
pub(crate) mod dep;
pub(crate) mod doc;
pub(crate) mod excl;
pub(crate) mod express;
pub(crate) mod fs;
pub(crate) mod id;
pub(crate) mod lp;
pub(crate) mod meta;
pub(crate) mod os;
pub(crate) mod restore;
pub(crate) mod schema;
pub(crate) mod set;

use crate::rule_api::{Check, Rule};
use std::sync::OnceLock;

/// A set of rules, in code order.
pub struct Registry {
    rules: Vec<&'static Rule>,
}

impl Registry {
    /// Every rule vsslint has.
    pub fn builtin() -> &'static Registry {
        static BUILTIN: OnceLock<Registry> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Registry::of(
                [
                    doc::RULES,
                    id::RULES,
                    schema::RULES,
                    restore::RULES,
                    alm::RULES,
                    comp::RULES,
                    lp::RULES,
                    dep::RULES,
                    fs::RULES,
                    excl::RULES,
                    express::RULES,
                    os::RULES,
                    set::RULES,
                    meta::RULES,
                    compat::RULES,
                ]
                .concat(),
            )
        })
    }

    /// The rules of `vsslint compat`: the checks that compare releases, and the `doc/*`
    /// rules, which decide whether a document can be compared at all.
    pub fn for_compat() -> &'static Registry {
        static COMPAT: OnceLock<Registry> = OnceLock::new();
        COMPAT.get_or_init(|| Registry::of([doc::RULES, compat::RULES].concat()))
    }

    fn of(mut rules: Vec<&'static Rule>) -> Registry {
        // By number: VSL1001 comes after VSL999, not between VSL100 and VSL200.
        rules.sort_by_key(|r| (r.meta.code.len(), r.meta.code));
        Registry { rules }
    }

    /// The built-in rules and `extra`: for tests of the engine and the orchestration with
    /// rules that exist only there.
    #[doc(hidden)]
    pub fn with_extra(extra: &[&'static Rule]) -> Registry {
        Registry::of([Registry::builtin().rules.as_slice(), extra].concat())
    }

    /// Its rules, in code order.
    pub fn rules(&self) -> &[&'static Rule] {
        &self.rules
    }

    /// The rules a selector names: a slug, a code (`VSL207`), or a group (`fs`, `fs/`,
    /// `fs/*`). An unknown name is an error that says what was probably meant.
    pub fn select(&self, selector: &str) -> Result<Vec<&'static Rule>, String> {
        if let Some(r) = self.find(selector) {
            return Ok(vec![r]);
        }
        let group = selector.trim_end_matches('*').trim_end_matches('/');
        let members: Vec<&'static Rule> = self
            .rules
            .iter()
            .copied()
            .filter(|r| r.meta.slug.split('/').next() == Some(group))
            .collect();
        if !members.is_empty() {
            return Ok(members);
        }
        let mut names: Vec<&str> = self.rules.iter().map(|r| r.meta.slug).collect();
        let groups: std::collections::BTreeSet<&str> =
            names.iter().filter_map(|s| s.split('/').next()).collect();
        names.extend(groups);
        Err(format!(
            "no rule or group `{selector}`{}; name a rule by slug (fs/path-wildcard) or code (VSL606), or a group (fs); `vsslint rules` lists them",
            vsslint_model::suggest::did_you_mean(selector, names)
        ))
    }

    /// A rule by slug or code (case-insensitive for codes).
    pub fn find(&self, name: &str) -> Option<&'static Rule> {
        self.rules
            .iter()
            .copied()
            .find(|r| r.meta.slug == name || r.meta.code.eq_ignore_ascii_case(name))
    }

    /// The checks across documents.
    pub fn across(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        self.rules
            .iter()
            .copied()
            .filter(|r| matches!(r.check, Check::Across(_)))
    }

    /// The rule a finding of the pipeline itself is reported as.
    pub(crate) fn stage(stage: Stage) -> &'static Rule {
        match stage {
            Stage::Encoding => &doc::encoding::RULE,
            Stage::Utf16WithoutBom => &doc::utf16_without_bom::RULE,
            Stage::Syntax => &doc::not_well_formed::RULE,
            Stage::Root => &doc::root_element::RULE,
            Stage::WrappedRoot => &doc::wrapped_root::RULE,
            Stage::Foreign => &doc::not_vss_document::RULE,
            Stage::Unreadable => &doc::unreadable::RULE,
            Stage::TranscriptIncomplete => &doc::transcript_incomplete::RULE,
            Stage::UnusedSuppression => &meta::unused_suppression::RULE,
            Stage::InvalidSuppression => &meta::invalid_suppression::RULE,
        }
    }
}

/// What the pipeline finds before and after the rules run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    /// The bytes do not decode, or decode only by guessing.
    Encoding,
    /// UTF-16 found by its NUL bytes, without a byte-order mark.
    Utf16WithoutBom,
    /// The text is not well-formed XML.
    Syntax,
    /// The document element is not a writer metadata document's.
    Root,
    /// The writer metadata is wrapped in an element with an inline schema.
    WrappedRoot,
    /// The file is XML of another kind and is skipped.
    Foreign,
    /// The input cannot be read, or holds no document.
    Unreadable,
    /// A `vshadow -wm3` transcript ends without its end marker.
    TranscriptIncomplete,
    /// An inline suppression silences no finding.
    UnusedSuppression,
    /// An inline suppression cannot apply: it names no rule or an unknown one, gives no reason,
    /// or precedes no element.
    InvalidSuppression,
}

/// Every built-in rule, in code order.
pub fn all() -> &'static [&'static Rule] {
    Registry::builtin().rules()
}

/// The built-in rule slug closest to a mistyped name.
pub fn nearest_slug(name: &str) -> Option<&'static str> {
    vsslint_model::suggest::nearest(name, all().iter().map(|r| r.meta.slug))
}

/// A built-in rule by slug or code (case-insensitive for codes).
pub fn find(name: &str) -> Option<&'static Rule> {
    Registry::builtin().find(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule_meta::Cost;

    /// The engine orders only document-wide tasks by their rule's cost.
    #[test]
    fn costly_rules_are_document_wide() {
        for r in all() {
            if r.meta.cost != Cost::Linear {
                assert!(
                    matches!(r.check, Check::Writer(_)),
                    "{} declares a cost but is not document-wide",
                    r.meta.slug
                );
            }
        }
        assert!(all().iter().any(|r| r.meta.cost == Cost::AllFileSets));
    }

    /// The metadata's flag, which the examples are linted by, says what the check is.
    #[test]
    fn across_documents_flag_matches_the_check() {
        for r in all() {
            assert_eq!(
                r.meta.across_documents,
                matches!(r.check, Check::Across(_)),
                "{}",
                r.meta.slug
            );
        }
    }

    /// Codes of four digits follow those of three, as numbers do.
    #[test]
    fn rules_are_in_the_order_of_their_codes_as_numbers() {
        let numbers: Vec<u32> = all()
            .iter()
            .map(|r| r.meta.code[3..].parse().unwrap())
            .collect();
        assert!(numbers.iter().any(|&n| n >= 1000));
        assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{numbers:?}");
    }

    #[test]
    fn stage_rules_are_raised_by_the_pipeline() {
        for stage in [
            Stage::Encoding,
            Stage::Utf16WithoutBom,
            Stage::Syntax,
            Stage::Root,
            Stage::WrappedRoot,
            Stage::TranscriptIncomplete,
            Stage::UnusedSuppression,
            Stage::InvalidSuppression,
        ] {
            assert!(matches!(Registry::stage(stage).check, Check::Pipeline));
        }
    }
}
