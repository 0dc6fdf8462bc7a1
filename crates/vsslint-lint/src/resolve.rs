//! The settings of one linted file, resolved the same way for the command line and the
//! server.
//!
//! One precedence, the later over the earlier:
//!
//! 1. the defaults ([`Settings::default`]);
//! 2. the configuration file: the one named (`--config`), or else the nearest of
//!    [`FILE_NAMES`](crate::config::FILE_NAMES) in the file's folder or a parent (in one folder the dotfile): its top
//!    level, then each override whose globs match the file;
//! 3. what the caller was given ([`Given`]), the command line's flags or the server's
//!    initialization options: each value given wins over the file's, each one left out
//!    leaves the file's; then the rule selection (`--select`, `--extend-select`, `--ignore`).
//!
//! The two used to resolve settings each their own way, and differed twice. On `express`:
//! the server's `"express": false` turned off a file's `express = true`, while the command
//! line treated its flag as "on or nothing". The server's reading was kept: a value given
//! wins either way. The command line has no flag that turns `express` off, so its `express`
//! is given only as "on", and what it prints did not change. On `min-severity`: the server
//! published every finding whatever the file said; it now leaves out the lower ones, as the
//! command line's report does.
//!
//! What differs between the two is what they do with a configuration file that cannot be
//! used (the command line stops; the server says so once and lints without it) and how long
//! they trust what they read. A run of the command line reads each configuration file once.
//! The server lives across edits: it looks for the nearest file again for every lint (a
//! file created nearer is seen at once, for a few file-system checks), keeps each file it
//! read by its path, and reads it again only when its modification time or size changed,
//! or when told it changed ([`Resolver::forget`]: a save of it, a watched-file event).

use crate::config::{Config, ConfigError, Discovery};
use crate::rule_api::Rule;
use crate::rule_meta::{Profile, Severity};
use crate::rules::Registry;
use crate::settings::Settings;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;
use vsslint_model::os::WindowsVersion;

/// The settings given over the configuration file's; `None` leaves the file's.
#[derive(Default, Clone, Copy)]
pub struct Given<'s> {
    /// The Windows version to check against (`--target-os`), over the file's `target-os`.
    pub target_os: Option<WindowsVersion>,
    /// Whether the documents come from express writers, over the file's `express`.
    pub express: Option<bool>,
    /// The lowest severity listed (`--min-severity`), over the file's `min-severity`.
    pub min_severity: Option<Severity>,
    /// Whether `vsslint-ignore` comments are honoured (`--no-inline-suppressions` gives
    /// `false`); no configuration file sets it.
    pub inline_suppressions: Option<bool>,
    /// The rule selection, applied last.
    pub selection: Option<&'s Selection>,
}

impl Given<'_> {
    /// `s`, a file's settings, with what was given over them.
    pub fn over(&self, mut s: Settings) -> Result<Settings, Unavailable> {
        if self.target_os.is_some() {
            s.target_os = self.target_os;
        }
        if let Some(express) = self.express {
            s.express = express;
        }
        if self.min_severity.is_some() {
            s.min_severity = self.min_severity;
        }
        if let Some(inline) = self.inline_suppressions {
            s.inline_suppressions = inline;
        }
        if let Some(selection) = self.selection {
            selection.apply(&mut s)?;
        }
        Ok(s)
    }
}

/// A rule selected by name whose profile the settings leave off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable {
    /// The rule's slug.
    pub slug: &'static str,
    /// [`Profile::Express`] or [`Profile::TargetOs`].
    pub profile: Profile,
}

/// Why a file's settings cannot be given.
#[derive(Debug)]
pub enum Problem {
    /// Its configuration file cannot be used.
    Config(Arc<ConfigError>),
    /// A selected rule cannot run with them.
    Unavailable(Unavailable),
}

impl From<Unavailable> for Problem {
    fn from(u: Unavailable) -> Self {
        Problem::Unavailable(u)
    }
}

/// What tells that a file changed: its modification time and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        Some(Stamp {
            modified: m.modified().ok(),
            len: m.len(),
        })
    }
}

/// A configuration file as read, or why it cannot be used, and its stamp when read.
struct Loaded {
    stamp: Option<Stamp>,
    config: Result<Config, Arc<ConfigError>>,
}

/// Configuration files by path, each read once (or, for the server, once per change), and
/// the settings of each file linted.
pub struct Resolver {
    /// The configuration named instead of looking for one.
    named: Option<Config>,
    discovery: Discovery,
    /// Look for the nearest file for every lint, and read a kept one again when its stamp
    /// changed (the server); or trust the first look and the first read (a run).
    watch: bool,
    loaded: HashMap<PathBuf, Loaded>,
    /// The settings given last: most files of a run have the same, and one copy serves
    /// them all (a copy per file was 300 bytes of each small file's memory).
    last: Option<Arc<Settings>>,
    /// How many times a configuration file was read, for the tests of the server's cache.
    #[cfg(test)]
    reads: usize,
}

impl Resolver {
    /// For one run of the command line, with the configuration file it names, if any.
    pub fn for_run(named: Option<&Path>) -> Result<Resolver, Box<ConfigError>> {
        let named = named.map(Config::load).transpose()?;
        Ok(Resolver::new(named, false))
    }

    /// For the server, whose configuration files may change while it runs.
    pub fn watching() -> Resolver {
        Resolver::new(None, true)
    }

    fn new(named: Option<Config>, watch: bool) -> Resolver {
        Resolver {
            named,
            discovery: Discovery::default(),
            watch,
            loaded: HashMap::new(),
            last: None,
            #[cfg(test)]
            reads: 0,
        }
    }

    /// The configuration file that applies to `file`, if any.
    pub fn config_path(&mut self, file: &Path) -> Option<PathBuf> {
        match &self.named {
            Some(c) => Some(c.path.clone()),
            None if self.watch => Config::discover(file),
            None => self.discovery.for_file(file),
        }
    }

    /// The settings of `file`: its configuration file's, then `given` over them.
    pub fn settings_for(&mut self, file: &Path, given: &Given) -> Result<Settings, Problem> {
        let mut s = Settings::default();
        if let Some(config) = self.config_for(file)? {
            config.apply(file, &mut s);
        }
        Ok(given.over(s)?)
    }

    /// [`Resolver::settings_for`], shared with the file before when they are the same.
    pub fn shared_settings_for(
        &mut self,
        file: &Path,
        given: &Given,
    ) -> Result<Arc<Settings>, Problem> {
        let s = self.settings_for(file, given)?;
        match &self.last {
            Some(last) if **last == s => Ok(Arc::clone(last)),
            _ => {
                let s = Arc::new(s);
                self.last = Some(Arc::clone(&s));
                Ok(s)
            }
        }
    }

    /// Reads the configuration file at `path` again when next used, whatever its stamp says:
    /// a change within the file system's time resolution keeps the size and the time.
    pub fn forget(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.loaded.remove(&path);
    }

    fn config_for(&mut self, file: &Path) -> Result<Option<&Config>, Problem> {
        if self.named.is_some() {
            return Ok(self.named.as_ref());
        }
        let Some(path) = self.config_path(file) else {
            return Ok(None);
        };
        let stamp = if self.watch { Stamp::of(&path) } else { None };
        let stale = match self.loaded.get(&path) {
            None => true,
            Some(kept) => self.watch && kept.stamp != stamp,
        };
        if stale {
            #[cfg(test)]
            {
                self.reads += 1;
            }
            let config = Config::load(&path).map_err(Arc::from);
            self.loaded.insert(path.clone(), Loaded { stamp, config });
        }
        match &self.loaded[&path].config {
            Ok(c) => Ok(Some(c)),
            Err(e) => Err(Problem::Config(Arc::clone(e))),
        }
    }
}

/// `--select`, `--extend-select` and `--ignore`, resolved to rules, over what the
/// configuration says.
#[derive(Default)]
pub struct Selection {
    /// Only these run (`--select`), each with whether it was named on its own rather than
    /// through its group.
    only: Option<Vec<(&'static Rule, bool)>>,
    /// These run too, whatever the configuration says (`--extend-select`).
    extend: Vec<&'static Rule>,
    /// These do not run (`--ignore`).
    ignore: Vec<&'static Rule>,
}

impl Selection {
    /// The rules, groups and codes named in each list (entries may hold several, split by
    /// commas); an empty `select` selects nothing in particular. The error says which name
    /// is unknown.
    pub fn new(
        select: &[String],
        extend_select: &[String],
        ignore: &[String],
        registry: &Registry,
    ) -> Result<Self, String> {
        let resolve = |names: &[String]| -> Result<Vec<(&'static Rule, bool)>, String> {
            let mut rules = Vec::new();
            for name in names.iter().flat_map(|n| n.split(',')).map(str::trim) {
                if !name.is_empty() {
                    let explicit = registry.find(name).is_some();
                    let found = registry.select(name)?;
                    rules.extend(found.into_iter().map(|r| (r, explicit)));
                }
            }
            Ok(rules)
        };
        let rules = |found: Vec<(&'static Rule, bool)>| found.into_iter().map(|(r, _)| r).collect();
        Ok(Selection {
            only: if select.is_empty() {
                None
            } else {
                Some(resolve(select)?)
            },
            extend: rules(resolve(extend_select)?),
            ignore: rules(resolve(ignore)?),
        })
    }

    fn apply(&self, s: &mut Settings) -> Result<(), Unavailable> {
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
            let off = match r.meta.profile {
                Profile::Express => !s.express,
                Profile::TargetOs => s.target_os.is_none(),
                _ => false,
            };
            if off {
                return Err(Unavailable {
                    slug: r.meta.slug,
                    profile: r.meta.profile,
                });
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::{self, File};

    /// A folder of its own for a test, with `vsslint.toml` holding `config`, and the path of
    /// a document in it.
    fn folder(name: &str, config: &str) -> (PathBuf, PathBuf) {
        let dir =
            std::env::temp_dir().join(format!("vsslint-resolve-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("writers")).unwrap();
        fs::write(dir.join("vsslint.toml"), config).unwrap();
        (dir.clone(), dir.join("writers").join("ledger.xml"))
    }

    /// Writes `text` over the file at `path` and gives it back its modification time: a
    /// change no stamp can see.
    fn rewrite_unseen(path: &Path, text: &str) {
        let modified = fs::metadata(path).unwrap().modified().unwrap();
        assert_eq!(fs::metadata(path).unwrap().len(), text.len() as u64);
        fs::write(path, text).unwrap();
        File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(modified)
            .unwrap();
    }

    fn express(r: &mut Resolver, file: &Path) -> bool {
        r.settings_for(file, &Given::default()).unwrap().express
    }

    #[test]
    fn a_watching_resolver_reads_a_file_again_only_when_it_changed() {
        let (dir, file) = folder("watch", "express = true\n");
        let config = dir.join("vsslint.toml");
        let mut r = Resolver::watching();
        assert!(express(&mut r, &file));
        assert!(express(&mut r, &file));
        assert_eq!(r.reads, 1, "an unchanged file is not read again");

        // Same size, same time: kept as it was.
        rewrite_unseen(&config, "express = false");
        assert!(express(&mut r, &file));
        assert_eq!(r.reads, 1);

        // Told it changed, it is read again.
        r.forget(&config);
        assert!(!express(&mut r, &file));
        assert_eq!(r.reads, 2);

        // A change of size is seen without being told.
        fs::write(&config, "express = true\n# again\n").unwrap();
        assert!(express(&mut r, &file));
        assert_eq!(r.reads, 3);

        // A file created nearer is found at once.
        fs::write(
            dir.join("writers").join(".vsslint.toml"),
            "express = false\n",
        )
        .unwrap();
        assert!(!express(&mut r, &file));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_run_reads_each_file_once() {
        let (dir, file) = folder("run", "express = true\n");
        let mut r = Resolver::for_run(None).unwrap();
        assert!(express(&mut r, &file));
        fs::write(dir.join("vsslint.toml"), "express = false\n# changed\n").unwrap();
        assert!(express(&mut r, &file));
        assert_eq!(r.reads, 1);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn what_is_given_wins_over_the_file_and_what_is_not_leaves_it() {
        let (dir, file) = folder(
            "given",
            "express = true\ntarget-os = \"win7\"\nmin-severity = \"warning\"\n",
        );
        let mut r = Resolver::watching();
        let s = r.settings_for(&file, &Given::default()).unwrap();
        assert!(s.express);
        assert_eq!(s.target_os, WindowsVersion::from_name("win7"));
        assert_eq!(s.min_severity, Some(Severity::Warning));
        let given = Given {
            express: Some(false),
            target_os: WindowsVersion::from_name("ws2025"),
            ..Given::default()
        };
        let s = r.settings_for(&file, &given).unwrap();
        assert!(!s.express);
        assert_eq!(s.target_os, WindowsVersion::from_name("ws2025"));
        assert_eq!(s.min_severity, Some(Severity::Warning));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_file_that_cannot_be_used_is_a_problem_each_time_until_it_is_fixed() {
        let (dir, file) = folder("broken", "express = maybe\n");
        let mut r = Resolver::watching();
        for _ in 0..2 {
            match r.settings_for(&file, &Given::default()) {
                Err(Problem::Config(e)) => assert!(e.path.ends_with("vsslint.toml")),
                other => panic!("{:?}", other.map(|s| s.express)),
            }
        }
        assert_eq!(r.reads, 1);
        fs::write(dir.join("vsslint.toml"), "express = true\n").unwrap();
        assert!(express(&mut r, &file));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_selected_rule_whose_profile_is_off_is_unavailable() {
        let registry = Registry::builtin();
        let selection =
            Selection::new(&["express/backup-schema".into()], &[], &[], registry).unwrap();
        let given = Given {
            selection: Some(&selection),
            ..Given::default()
        };
        let e = given.over(Settings::default()).unwrap_err();
        assert_eq!(e.slug, "express/backup-schema");
        assert_eq!(e.profile, Profile::Express);
        let given = Given {
            express: Some(true),
            ..given
        };
        let s = given.over(Settings::default()).unwrap();
        assert!(s
            .only
            .is_some_and(|only| only.contains("express/backup-schema")));
    }
}
