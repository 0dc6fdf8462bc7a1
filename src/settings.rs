//! What a run checks: profiles and per-rule severities.

use crate::diagnostic::Severity;
use crate::os::WindowsVersion;
use crate::rules::{Profile, RuleMeta};
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Turns on the target-OS rules.
    pub target_os: Option<WindowsVersion>,
    /// Turns on the express-writer rules.
    pub express: bool,
    /// Per-rule severity by slug; `None` turns the rule off.
    pub rules: HashMap<&'static str, Option<Severity>>,
}

impl Settings {
    /// The severity the rule runs at, or `None` when it does not run.
    pub fn severity_of(&self, rule: &RuleMeta) -> Option<Severity> {
        let profile_on = match rule.profile {
            Profile::Default => true,
            Profile::Optional => false,
            Profile::Express => self.express,
            Profile::TargetOs => self.target_os.is_some(),
        };
        match self.rules.get(rule.slug) {
            // A configured severity turns an optional rule on, not a profile rule.
            Some(configured) if profile_on || rule.profile == Profile::Optional => *configured,
            _ if profile_on => Some(rule.severity),
            _ => None,
        }
    }
}
