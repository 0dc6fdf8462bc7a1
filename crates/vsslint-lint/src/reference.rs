//! Rule documentation as Markdown: `vsslint explain` and the generated `docs/rules/` pages.

use crate::rule_meta::{Applicability, Profile, RuleMeta};
use crate::rules::all;
use std::fmt::Write;

fn runs(meta: &RuleMeta) -> &'static str {
    if meta.comparing.is_some() {
        return match meta.profile {
            Profile::Optional => "with `vsslint compat --show-harmless`",
            _ => "with `vsslint compat`",
        };
    }
    match meta.profile {
        Profile::Default => "by default",
        Profile::Optional => "only when enabled in the configuration",
        Profile::Express => "with `--express`",
        Profile::TargetOs => "with `--target-os`",
    }
}

/// The full page of one rule.
pub fn page(meta: &RuleMeta) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {} ({})\n", meta.slug, meta.code);
    let _ = writeln!(
        s,
        "Severity: **{}** · Group: `{}` · Runs: {}\n",
        meta.severity,
        meta.group(),
        runs(meta)
    );
    match meta.fix {
        Some(Applicability::Safe) => {
            let _ = writeln!(s, "Fix: **safe**, applied by `vsslint --fix` where the help gives the text to write.\n");
        }
        Some(Applicability::Unsafe) => {
            let _ = writeln!(s, "Fix: **unsafe** (it changes what the document declares), applied by `vsslint --fix --unsafe-fixes`.\n");
        }
        None => {}
    }
    let _ = writeln!(s, "{}.\n", meta.summary);
    let _ = writeln!(s, "## What it checks\n\n{}\n", meta.what);
    let _ = writeln!(s, "## Why it matters\n\n{}\n", meta.why);
    let mut flags = Vec::new();
    if let Some(t) = meta.example_target {
        flags.push(format!("--target-os {t}"));
    }
    if meta.bad_example_express || meta.profile == Profile::Express {
        flags.push("--express".to_string());
    }
    let target = if flags.is_empty() {
        String::new()
    } else {
        format!(" (linted with `{}`)", flags.join(" "))
    };
    if let Some(c) = &meta.comparing {
        compared_examples(&mut s, c);
    } else if vsslint_container::vshadow::is_transcript_text(meta.bad) {
        let _ = writeln!(
            s,
            "## Example\n\nThis `vshadow -wm3` transcript breaks the rule{target}:\n"
        );
        let _ = writeln!(s, "```text\n{}```\n", with_newline(meta.bad));
        let _ = writeln!(s, "This one does not:\n");
        let _ = writeln!(s, "```text\n{}```\n", with_newline(meta.good));
    } else if meta.companions.is_empty() {
        let _ = writeln!(s, "## Example\n\nThis document breaks the rule{target}:\n");
        let _ = writeln!(s, "```xml\n{}```\n", with_newline(meta.bad));
        let _ = writeln!(s, "This one does not:\n");
        let _ = writeln!(s, "```xml\n{}```\n", with_newline(meta.good));
    } else {
        let file = meta.example_file;
        let _ = writeln!(
            s,
            "## Example\n\nA backup of {} documents breaks the rule{target}. Its `{file}`:\n",
            meta.companions.len() + 1
        );
        let _ = writeln!(s, "```xml\n{}```\n", with_newline(meta.bad));
        let _ = writeln!(s, "The rule is kept when `{file}` is:\n");
        let _ = writeln!(s, "```xml\n{}```\n", with_newline(meta.good));
        let _ = writeln!(s, "The other documents of the backup:\n");
        for (name, text) in meta.companions {
            let _ = writeln!(s, "`{name}`:\n\n```xml\n{}```\n", with_newline(text));
        }
    }
    let _ = writeln!(s, "## Sources\n");
    for src in meta.sources {
        let _ = writeln!(s, "- {src}");
    }
    s
}

/// The examples of a rule that compares releases: OLD, then a NEW that breaks the rule
/// against it, then one that keeps it.
fn compared_examples(s: &mut String, c: &crate::rule_meta::Comparing) {
    let files = |s: &mut String, docs: &[(&str, &str)]| {
        for (name, text) in docs {
            if c.collection {
                let _ = writeln!(s, "`{name}`:\n");
            }
            let _ = writeln!(s, "```xml\n{}```\n", with_newline(text));
        }
    };
    let (one, them) = if c.collection {
        ("release's documents", "these")
    } else {
        ("release's document", "this one")
    };
    let _ = writeln!(
        s,
        "## Example\n\n`vsslint compat OLD NEW`. The old {one}:\n"
    );
    files(s, c.old);
    let _ = writeln!(
        s,
        "The new {one}, which {} the rule against the old:\n",
        if c.collection { "break" } else { "breaks" }
    );
    files(s, c.new);
    let _ = writeln!(s, "A new release that keeps the rule, {them}:\n");
    files(s, c.good);
}

fn with_newline(s: &str) -> String {
    // An example saved as UTF-16 without a byte-order mark is ASCII with a NUL after each
    // character: shown as the text it holds, not as NULs a page cannot show.
    let s = if s.contains('\0') {
        s.replace('\0', "")
    } else {
        s.to_string()
    };
    if s.ends_with('\n') {
        s
    } else {
        format!("{s}\n")
    }
}

/// The index page: every rule, one line each.
pub fn index() -> String {
    let mut s = String::from("# vsslint rules\n\nGenerated from the rules' own documentation (`cargo run -- rules --write-docs docs/rules`).\n\n| Code | Rule | Severity | Runs | Summary |\n|---|---|---|---|---|\n");
    for r in all() {
        let m = &r.meta;
        let _ = writeln!(
            s,
            "| {} | [{}]({}.md) | {} | {} | {} |",
            m.code,
            m.slug,
            m.slug,
            m.severity,
            runs(m),
            m.summary
        );
    }
    s
}

/// Every generated file: path relative to the docs folder, and contents.
pub fn files() -> Vec<(String, String)> {
    let mut out = vec![("README.md".to_string(), index())];
    for r in all() {
        out.push((format!("{}.md", r.meta.slug), page(&r.meta)));
    }
    out
}
