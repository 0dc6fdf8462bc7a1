//! What a run checks: profiles and per-rule severities.

use crate::rule_meta::Severity;
use crate::rule_meta::{Profile, RuleMeta};
use std::collections::{HashMap, HashSet};
use vsslint_model::model::Attr;
use vsslint_model::os::WindowsVersion;
use vsslint_model::vocab::{DataSource, Method, Usage, WriterRestore};

/// What a run checks in one file: which rules run, at which severity, which findings are
/// listed, and the spellings the rules accept beyond the built-in ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Turns on the target-OS rules.
    pub target_os: Option<WindowsVersion>,
    /// Turns on the express-writer rules.
    pub express: bool,
    /// Per-rule severity by slug; `None` turns the rule off.
    pub rules: HashMap<&'static str, Option<Severity>>,
    /// Spellings a user accepts beyond the built-in tables, for the enumerations whose XML
    /// spelling Microsoft never published.
    pub accept: ExtraSpellings,
    /// Honour `vsslint-ignore` comments.
    pub inline_suppressions: bool,
    /// When set (`--select`), only these rules run, by slug.
    pub only: Option<HashSet<&'static str>>,
    /// The lowest severity listed in reports (`--min-severity`, `min-severity`); lower
    /// findings are still counted and still fail a run. `None`: every finding of a
    /// document is listed, and a backup's from warnings up.
    pub min_severity: Option<Severity>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            target_os: None,
            express: false,
            rules: HashMap::new(),
            accept: ExtraSpellings::default(),
            inline_suppressions: true,
            only: None,
            min_severity: None,
        }
    }
}

/// User-added XML spellings and the API value each stands for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtraSpellings {
    /// `RESTORE_METHOD/@method` spellings (`[accept.method]`).
    pub method: HashMap<String, Method>,
    /// `RESTORE_METHOD/@writerRestore` spellings (`[accept.writer-restore]`).
    pub writer_restore: HashMap<String, WriterRestore>,
    /// `IDENTIFICATION/@usage` spellings (`[accept.usage]`).
    pub usage: HashMap<String, Usage>,
    /// `IDENTIFICATION/@dataSource` spellings (`[accept.data-source]`).
    pub data_source: HashMap<String, DataSource>,
}

fn resolve<T: Copy + PartialEq>(a: &Attr<T>, unknown: T, extra: &HashMap<String, T>) -> T {
    if a.value == unknown {
        extra.get(a.raw).copied().unwrap_or(unknown)
    } else {
        a.value
    }
}

impl Settings {
    /// The restore method an attribute stands for, user-added spellings included.
    pub fn method(&self, a: &Attr<Method>) -> Method {
        resolve(a, Method::Unknown, &self.accept.method)
    }

    /// The `writerRestore` value an attribute stands for, user-added spellings included.
    pub fn writer_restore(&self, a: &Attr<WriterRestore>) -> WriterRestore {
        resolve(a, WriterRestore::Unknown, &self.accept.writer_restore)
    }

    /// The usage type an attribute stands for, user-added spellings included.
    pub fn usage(&self, a: &Attr<Usage>) -> Usage {
        resolve(a, Usage::Unknown, &self.accept.usage)
    }

    /// The data source type an attribute stands for, user-added spellings included.
    pub fn data_source(&self, a: &Attr<DataSource>) -> DataSource {
        resolve(a, DataSource::Unknown, &self.accept.data_source)
    }

    /// The settings a rule's bad example is linted with.
    pub fn for_bad_example(rule: &'static RuleMeta) -> Settings {
        let mut s = Settings::for_example(rule);
        s.express |= rule.bad_example_express;
        s
    }

    /// The settings a rule's examples are linted with: its profile turned on.
    pub fn for_example(rule: &'static RuleMeta) -> Settings {
        let mut s = Settings {
            express: rule.profile == Profile::Express,
            target_os: rule.example_target.and_then(WindowsVersion::from_name),
            ..Settings::default()
        };
        if rule.profile == Profile::Optional {
            s.rules.insert(rule.slug, Some(rule.severity));
        }
        s
    }

    /// Whether exactly the default-profile rules run, each at its default severity.
    pub(crate) fn runs_default_rules(&self) -> bool {
        self.rules.is_empty() && !self.express && self.target_os.is_none() && self.only.is_none()
    }

    /// The lowest severity listed for a file, and whether it was set rather than the default
    /// for a `backup` member or a document.
    pub fn listed_from(&self, backup: bool) -> (Severity, bool) {
        match self.min_severity {
            Some(min) => (min, true),
            None if backup => (Severity::Warning, false),
            None => (Severity::Info, false),
        }
    }

    /// The severity the rule runs at, or `None` when it does not run.
    pub fn severity_of(&self, rule: &RuleMeta) -> Option<Severity> {
        if self.only.as_ref().is_some_and(|only| {
            !only.contains(rule.slug) && !split_from(rule.slug).is_some_and(|p| only.contains(p))
        }) {
            return None;
        }
        let profile_on = match rule.profile {
            Profile::Default => true,
            Profile::Optional => false,
            Profile::Express => self.express,
            Profile::TargetOs => self.target_os.is_some(),
        };
        // Most runs configure no rule: skip hashing the slug of each of them for each file.
        let configured = if self.rules.is_empty() {
            None
        } else {
            self.rules.get(rule.slug).or_else(|| {
                let parent = self.rules.get(split_from(rule.slug)?)?;
                parent.is_none().then_some(parent)
            })
        };
        match configured {
            // A configured severity turns an optional rule on, not a profile rule.
            Some(configured) if profile_on || rule.profile == Profile::Optional => *configured,
            _ if profile_on => Some(rule.severity),
            _ => None,
        }
    }
}

/// The rules split from another, each with the rule whose case it was. A configuration
/// written before the split turned the older rule off to silence every case of it: that
/// "off" (or `--ignore`, or `--select` of the older rule alone) still holds for the case,
/// unless the configuration names the newer rule itself. A severity set for the older rule
/// is not carried over: each rule has one severity.
const SPLIT_FROM: &[(&str, &str)] = &[
    ("doc/utf16-without-bom", "doc/encoding"),
    ("doc/wrapped-root", "doc/root-element"),
    ("id/writer-id-braced", "id/writer-id-format"),
    ("id/instance-id-braced", "id/instance-id-format"),
    ("alm/outside-restore-method", "alm/without-restore-method"),
    ("alm/destination-not-qualified", "alm/destination"),
    ("dep/writer-id-braced", "dep/writer-id-format"),
    ("express/same-writer-dependency", "dep/same-writer"),
    ("fs/path-rooted", "fs/path-not-absolute"),
    ("fs/alternate-path-not-absolute", "fs/alternate-path-syntax"),
    ("fs/alternate-path-envvar", "fs/alternate-path-syntax"),
    ("excl/path-envvar", "excl/syntax"),
];

/// The rule `slug` was split from, if it was.
pub(crate) fn split_from(slug: &str) -> Option<&'static str> {
    SPLIT_FROM
        .iter()
        .find(|(child, _)| *child == slug)
        .map(|(_, parent)| *parent)
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn rule(slug: &'static str, severity: Severity) -> RuleMeta {
        RuleMeta {
            slug,
            severity,
            ..RuleMeta::BASE
        }
    }

    static BRACED: RuleMeta = rule("id/writer-id-braced", Severity::Warning);
    static NOT_QUALIFIED: RuleMeta = rule("alm/destination-not-qualified", Severity::Warning);
    static DESTINATION: RuleMeta = rule("alm/destination", Severity::Error);

    #[test]
    fn turning_the_older_rule_off_turns_its_split_case_off() {
        let mut s = Settings::default();
        assert_eq!(s.severity_of(&BRACED), Some(Severity::Warning));
        s.rules.insert("id/writer-id-format", None);
        assert_eq!(s.severity_of(&BRACED), None);
        // Named itself, the newer rule has its own say.
        s.rules.insert("id/writer-id-braced", Some(Severity::Info));
        assert_eq!(s.severity_of(&BRACED), Some(Severity::Info));
    }

    #[test]
    fn a_severity_of_the_older_rule_is_not_carried_over() {
        let mut s = Settings::default();
        s.rules.insert("id/writer-id-format", Some(Severity::Info));
        assert_eq!(s.severity_of(&BRACED), Some(Severity::Warning));
    }

    #[test]
    fn selecting_the_older_rule_selects_its_split_cases() {
        let mut s = Settings {
            only: Some(HashSet::from(["alm/destination"])),
            ..Settings::default()
        };
        assert_eq!(s.severity_of(&NOT_QUALIFIED), Some(Severity::Warning));
        assert_eq!(s.severity_of(&BRACED), None);
        s.only = Some(HashSet::from(["alm/destination-not-qualified"]));
        assert_eq!(s.severity_of(&DESTINATION), None);
    }
}
