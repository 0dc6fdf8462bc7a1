//! `vsslint rules` and `vsslint explain RULE`: the rule list and a rule's documentation.

use super::args::{ListFormat, OK};
use std::io::{self, Write};
use std::path::Path;
use vsslint::{Failure, Profile};

pub(super) fn list_rules(format: ListFormat, write_docs: Option<&Path>) -> Result<i32, Failure> {
    if let Some(dir) = write_docs {
        for (rel, text) in vsslint::reference::files() {
            let path = dir.join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, text)?;
        }
        return Ok(OK);
    }
    let mut out = io::stdout().lock();
    match format {
        ListFormat::Json => {
            let list: Vec<_> = vsslint::all_rules()
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "slug": r.meta.slug,
                        "code": r.meta.code,
                        "severity": r.meta.severity,
                        "group": r.meta.group(),
                        "profile": r.meta.profile,
                        "summary": r.meta.summary,
                        "fix": r.meta.fix,
                        "url": r.meta.url(),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &list).map_err(io::Error::from)?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            let width = vsslint::all_rules()
                .iter()
                .map(|r| r.meta.slug.len())
                .max()
                .unwrap_or(0);
            for r in vsslint::all_rules() {
                let m = &r.meta;
                // A comparison rule runs under `vsslint compat` only.
                let profile = match m.profile {
                    _ if m.comparing.is_some() && m.profile == Profile::Optional => "compat opt",
                    _ if m.comparing.is_some() => "compat",
                    Profile::Default => "",
                    Profile::Optional => "optional",
                    Profile::Express => "--express",
                    Profile::TargetOs => "--target-os",
                };
                let fix = match m.fix {
                    Some(vsslint::Applicability::Safe) => "fix",
                    Some(vsslint::Applicability::Unsafe) => "unsafe fix",
                    None => "",
                };
                writeln!(
                    out,
                    "{:<7}  {:<width$}  {:<7}  {:<11}  {:<10}  {}",
                    m.code,
                    m.slug,
                    m.severity.to_string(),
                    profile,
                    fix,
                    m.summary
                )?;
            }
        }
    }
    Ok(OK)
}

pub(super) fn explain(name: &str) -> Result<i32, Failure> {
    match vsslint::find_rule(name) {
        Some(rule) => {
            print!("{}", vsslint::reference::page(&rule.meta));
            Ok(OK)
        }
        None => Err(Failure::Usage(format!(
            "no rule `{}`{}; `vsslint rules` lists every rule by slug and code",
            vsslint::report::escape::terminal(name),
            vsslint::suggest::did_you_mean(name, vsslint::all_rules().iter().map(|r| r.meta.slug))
        ))),
    }
}
