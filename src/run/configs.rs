//! The settings of each linted file: the configuration file that applies to it (named, or
//! found from its folder upward), then the command line's options over it.

use super::{Failure, Options};
use crate::config::{Config, ConfigError, Discovery};
use crate::report::full::Style;
use crate::settings::Settings;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Configuration files by path, loaded once each.
pub(crate) struct Configs {
    explicit: Option<Config>,
    /// The width configuration errors are rendered for.
    width: usize,
    by_path: HashMap<PathBuf, Config>,
    discovery: Discovery,
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
        })
    }

    pub(crate) fn settings_for(
        &mut self,
        file: &Path,
        opts: &Options,
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
        if !opts.inline_suppressions {
            s.inline_suppressions = false;
        }
        Ok(s)
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
