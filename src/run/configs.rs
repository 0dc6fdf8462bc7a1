//! The settings of each linted file: the configuration file that applies to it (named, or
//! found from its folder upward), then the command line's options over it.

use super::{Failure, Options};
use crate::config::{Config, ConfigError, Discovery};
use crate::engine::Registry;
use crate::report::full::Style;
use crate::rule_api::Rule;
use crate::rule_meta::Profile;
use crate::settings::Settings;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Configuration files by path, loaded once each.
pub(crate) struct Configs {
    explicit: Option<Config>,
    /// The width configuration errors are rendered for.
    width: usize,
    by_path: HashMap<PathBuf, Config>,
    discovery: Discovery,
    /// The settings given last: most files of a run have the same, and one copy serves
    /// them all (a copy per file was 300 bytes of each small file's memory).
    last: Option<Arc<Settings>>,
}

impl Configs {
    pub(crate) fn new(explicit: Option<&Path>, width: usize) -> Result<Self, Failure> {
        let explicit = match explicit {
            Some(p) => Some(Config::load(p).map_err(|e| config_failure(&e, width))?),
            None => None,
        };
        Ok(Configs {
            explicit,
            width,
            by_path: HashMap::new(),
            discovery: Discovery::default(),
            last: None,
        })
    }

    /// The configuration file that applies to `file`, if any.
    pub(crate) fn path_for(&mut self, file: &Path) -> Option<PathBuf> {
        match &self.explicit {
            Some(c) => Some(c.path.clone()),
            None => self.discovery.for_file(file),
        }
    }

    pub(crate) fn settings_for(
        &mut self,
        file: &Path,
        opts: &Options,
        selection: &Selection,
    ) -> Result<Settings, Failure> {
        let mut s = Settings::default();
        let config = match &self.explicit {
            Some(c) => Some(c),
            None => match self.discovery.for_file(file) {
                Some(path) => {
                    if !self.by_path.contains_key(&path) {
                        let c = Config::load(&path).map_err(|e| config_failure(&e, self.width))?;
                        self.by_path.insert(path.clone(), c);
                    }
                    self.by_path.get(&path)
                }
                None => None,
            },
        };
        if let Some(c) = config {
            c.apply(file, &mut s);
        }
        if opts.target_os.is_some() {
            s.target_os = opts.target_os;
        }
        if opts.express {
            s.express = true;
        }
        if opts.min_severity.is_some() {
            s.min_severity = opts.min_severity;
        }
        if !opts.inline_suppressions {
            s.inline_suppressions = false;
        }
        selection.apply(&mut s)?;
        Ok(s)
    }

    /// [`Configs::settings_for`], shared with the file before when they are the same.
    pub(crate) fn shared_settings_for(
        &mut self,
        file: &Path,
        opts: &Options,
        selection: &Selection,
    ) -> Result<Arc<Settings>, Failure> {
        let s = self.settings_for(file, opts, selection)?;
        match &self.last {
            Some(last) if **last == s => Ok(Arc::clone(last)),
            _ => {
                let s = Arc::new(s);
                self.last = Some(Arc::clone(&s));
                Ok(s)
            }
        }
    }
}

/// `--select`, `--extend-select` and `--ignore`, resolved to rules, over what the
/// configuration says.
#[derive(Default)]
pub(crate) struct Selection {
    /// Only these run (`--select`), each with whether it was named on its own rather than
    /// through its group.
    only: Option<Vec<(&'static Rule, bool)>>,
    /// These run too, whatever the configuration says (`--extend-select`).
    extend: Vec<&'static Rule>,
    /// These do not run (`--ignore`).
    ignore: Vec<&'static Rule>,
}

impl Selection {
    pub(crate) fn new(opts: &Options, registry: &Registry) -> Result<Self, Failure> {
        let resolve = |names: &[String]| -> Result<Vec<(&'static Rule, bool)>, Failure> {
            let mut rules = Vec::new();
            for name in names.iter().flat_map(|n| n.split(',')).map(str::trim) {
                if !name.is_empty() {
                    let explicit = registry.find(name).is_some();
                    let found = registry.select(name).map_err(Failure::Usage)?;
                    rules.extend(found.into_iter().map(|r| (r, explicit)));
                }
            }
            Ok(rules)
        };
        let rules = |found: Vec<(&'static Rule, bool)>| found.into_iter().map(|(r, _)| r).collect();
        Ok(Selection {
            only: if opts.select.is_empty() {
                None
            } else {
                Some(resolve(&opts.select)?)
            },
            extend: rules(resolve(&opts.extend_select)?),
            ignore: rules(resolve(&opts.ignore)?),
        })
    }

    fn apply(&self, s: &mut Settings) -> Result<(), Failure> {
        // A group selects what runs by default; a rule named on its own is turned on.
        let named = self.only.iter().flatten().filter(|(_, explicit)| *explicit);
        let chosen: Vec<&'static Rule> = named
            .map(|(r, _)| *r)
            .chain(self.extend.iter().copied())
            .collect();
        let selected = self
            .only
            .iter()
            .flatten()
            .map(|(r, _)| r)
            .chain(&self.extend);
        for r in selected {
            let missing = match r.meta.profile {
                Profile::Express if !s.express => {
                    Some("--express (or express = true in vsslint.toml)")
                }
                Profile::TargetOs if s.target_os.is_none() => {
                    Some("--target-os NAME (or target-os in vsslint.toml)")
                }
                _ => None,
            };
            if let Some(flag) = missing {
                return Err(Failure::Usage(format!(
                    "{} is selected but runs only with {flag}",
                    r.meta.slug
                )));
            }
        }
        if let Some(only) = &self.only {
            s.only = Some(only.iter().map(|(r, _)| r.meta.slug).collect());
        }
        for r in chosen {
            // A rule the configuration turned off, or an optional one, runs at its default
            // severity; one the configuration set keeps that severity.
            if !matches!(s.rules.get(r.meta.slug), Some(Some(_))) {
                s.rules.insert(r.meta.slug, Some(r.meta.severity));
            }
        }
        for r in &self.ignore {
            s.rules.insert(r.meta.slug, None);
        }
        Ok(())
    }
}

fn config_failure(e: &ConfigError, width: usize) -> Failure {
    let style = Style {
        color: false,
        unicode: true,
        links: false,
        width,
    };
    Failure::Usage(e.render(style).trim_end().to_string())
}
