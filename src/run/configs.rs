//! The settings of each linted file as the command line gives them: the resolver shared
//! with the server (`vsslint_lint::resolve`, which holds the precedence), given the command line's
//! options, with its errors said in flags.

use super::options::{Failure, Options};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use vsslint_lint::config::ConfigError;
use vsslint_lint::engine::Registry;
use vsslint_lint::report::full::Style;
use vsslint_lint::resolve::{Given, Problem, Resolver, Unavailable};
use vsslint_lint::rule_meta::Profile;
use vsslint_lint::settings::Settings;

/// Configuration files by path, loaded once each.
pub(crate) struct Configs {
    resolver: Resolver,
    /// The width configuration errors are rendered for.
    width: usize,
}

impl Configs {
    pub(crate) fn new(explicit: Option<&Path>, width: usize) -> Result<Self, Failure> {
        let resolver = Resolver::for_run(explicit).map_err(|e| config_failure(&e, width))?;
        Ok(Configs { resolver, width })
    }

    /// The configuration file that applies to `file`, if any.
    pub(crate) fn path_for(&mut self, file: &Path) -> Option<PathBuf> {
        self.resolver.config_path(file)
    }

    pub(crate) fn settings_for(
        &mut self,
        file: &Path,
        opts: &Options,
        selection: &Selection,
    ) -> Result<Settings, Failure> {
        let given = given(opts, selection);
        self.resolver
            .settings_for(file, &given)
            .map_err(|p| self.failure(p))
    }

    /// [`Configs::settings_for`], shared with the file before when they are the same.
    pub(crate) fn shared_settings_for(
        &mut self,
        file: &Path,
        opts: &Options,
        selection: &Selection,
    ) -> Result<Arc<Settings>, Failure> {
        let given = given(opts, selection);
        self.resolver
            .shared_settings_for(file, &given)
            .map_err(|p| self.failure(p))
    }

    fn failure(&self, p: Problem) -> Failure {
        match p {
            Problem::Config(e) => config_failure(&e, self.width),
            Problem::Unavailable(u) => unavailable(u),
        }
    }
}

/// What the command line gives over the configuration: a flag left out gives nothing, and
/// `--express` and `--no-inline-suppressions` each only one way.
fn given<'s>(opts: &Options, selection: &'s Selection) -> Given<'s> {
    Given {
        target_os: opts.target_os,
        express: opts.express.then_some(true),
        min_severity: opts.min_severity,
        inline_suppressions: (!opts.inline_suppressions).then_some(false),
        selection: Some(&selection.0),
    }
}

/// `--select`, `--extend-select` and `--ignore`, resolved to rules, over what the
/// configuration says.
pub(crate) struct Selection(vsslint_lint::resolve::Selection);

impl Selection {
    pub(crate) fn new(opts: &Options, registry: &Registry) -> Result<Self, Failure> {
        vsslint_lint::resolve::Selection::new(
            &opts.select,
            &opts.extend_select,
            &opts.ignore,
            registry,
        )
        .map(Selection)
        .map_err(Failure::Usage)
    }
}

fn unavailable(u: Unavailable) -> Failure {
    let flag = match u.profile {
        Profile::Express => "--express (or express = true in vsslint.toml)",
        _ => "--target-os NAME (or target-os in vsslint.toml)",
    };
    Failure::Usage(format!("{} is selected but runs only with {flag}", u.slug))
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
