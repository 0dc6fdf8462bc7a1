//! `--show-settings FILE`: what a file would be linted with, and where each setting comes
//! from.

use super::configs::{Configs, Selection};
use super::options::{Failure, Options};
use vsslint_lint::engine::Registry;
use vsslint_lint::rule_meta::Severity;

/// What `file` would be linted with, as text: the configuration file that applies, the
/// profiles, and every rule's severity after the configuration and the command line.
pub fn show_settings(opts: &Options, file: &std::path::Path) -> Result<String, Failure> {
    use std::fmt::Write as _;
    let registry = Registry::builtin();
    let mut configs = Configs::new(opts.config.as_deref(), opts.style.width)?;
    let selection = Selection::new(opts, registry)?;
    let config = configs.path_for(file);
    let s = configs.settings_for(file, opts, &selection)?;
    let mut out = String::new();
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let _ = writeln!(out, "Settings for {}", file.display());
    let _ = writeln!(
        out,
        "  configuration:       {}",
        config.map_or("none found (built-in defaults)".into(), |p| p
            .display()
            .to_string())
    );
    let _ = writeln!(
        out,
        "  target OS:           {}",
        s.target_os
            .map_or("none (os/* rules off)".into(), |t| format!(
                "{} ({})",
                t.name(),
                t.display()
            ))
    );
    let _ = writeln!(out, "  express:             {}", yes_no(s.express));
    let _ = writeln!(
        out,
        "  inline suppressions: {}",
        yes_no(s.inline_suppressions)
    );
    let is_cab = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("cab"));
    let backup = is_cab
        || super::backups::Folders::of(&[file], super::backups::Listed::default())
            .set_by_name(file)
            .is_some();
    let listed = match s.listed_from(backup) {
        _ if opts.quiet => "errors only (--quiet)".to_string(),
        (Severity::Error, _) => "errors only".to_string(),
        (Severity::Warning, true) => "errors and warnings (infos counted, not listed)".into(),
        (Severity::Warning, false) => "errors and warnings: a backup's infos are counted, not listed (--min-severity info or min-severity = \"info\" lists them)".into(),
        (Severity::Info, _) => "errors, warnings and infos".into(),
    };
    let _ = writeln!(out, "  listed:              {listed}");
    let rules = registry.rules();
    let on = rules
        .iter()
        .filter(|r| s.severity_of(&r.meta).is_some())
        .count();
    let _ = writeln!(out, "  rules: {on} of {} run", rules.len());
    let width = rules.iter().map(|r| r.meta.slug.len()).max().unwrap_or(0);
    for r in rules {
        let sev = s
            .severity_of(&r.meta)
            .map_or("off".to_string(), |v| v.to_string());
        let _ = writeln!(out, "    {}  {:<width$}  {sev}", r.meta.code, r.meta.slug);
    }
    Ok(out)
}
