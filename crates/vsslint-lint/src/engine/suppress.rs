//! Inline suppressions: `<!-- vsslint-ignore RULE[, RULE…]: reason -->` before an element
//! silences those rules on that element and everything inside it;
//! `<!-- vsslint-ignore-file RULE[, RULE…]: reason -->` anywhere silences them in the file.

use super::{report_stage, Registry, Stage};
use crate::diagnostic::Findings;
use crate::rule_api::Rule;
use crate::settings::Settings;
use vsslint_model::model::Comment;
use vsslint_model::span::Span;

/// Rules whose findings describe the file itself; a comment inside it cannot vouch for it.
const UNSUPPRESSIBLE: &[&str] = &["doc/encoding", "doc/not-well-formed"];

struct Directive {
    comment: Span,
    /// `None` for the whole file.
    scope: Option<Span>,
    rules: Vec<&'static Rule>,
    used: Vec<bool>,
}

/// Where the findings about suppressions go, under the settings of the document.
struct Cx<'s> {
    settings: &'s Settings,
    out: Findings,
}

/// Parses the directives among `comments`, then removes the suppressed diagnostics from
/// `out` and adds the findings about the suppressions themselves (malformed ones, and ones
/// that silenced nothing). Returns how many findings were silenced.
pub fn apply(
    comments: &[Comment],
    settings: &Settings,
    registry: &Registry,
    out: &mut Findings,
) -> usize {
    let mut cx = Cx {
        settings,
        out: Findings::new(),
    };
    let silenced = silence(comments, &mut cx, registry, out);
    out.append(cx.out);
    silenced
}

/// Removes the diagnostics that the directives among `comments` silence, and says nothing
/// about the directives themselves; returns how many were silenced. For findings added to a
/// document after it was linted, whose directives were judged then.
pub fn apply_silently(comments: &[Comment], registry: &Registry, out: &mut Findings) -> usize {
    let settings = Settings::default();
    let mut cx = Cx {
        settings: &settings,
        out: Findings::new(),
    };
    silence(comments, &mut cx, registry, out)
}

fn silence(comments: &[Comment], cx: &mut Cx, registry: &Registry, out: &mut Findings) -> usize {
    let mut directives = Vec::new();
    for c in comments {
        let text = c.text.trim();
        let (rest, file_wide) = if let Some(r) = text.strip_prefix("vsslint-ignore-file") {
            (r, true)
        } else if let Some(r) = text.strip_prefix("vsslint-ignore") {
            (r, false)
        } else {
            continue;
        };
        if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
            invalid(
                cx,
                c.span,
                format!(
                    "unknown directive `{}`",
                    text.split_whitespace().next().unwrap_or(text)
                ),
                "write `vsslint-ignore RULE: reason` or `vsslint-ignore-file RULE: reason`",
            );
            continue;
        }
        let Some((list, reason)) = rest.split_once(':') else {
            invalid(cx, c.span, "the suppression has no reason".into(), "add the reason after a colon: `<!-- vsslint-ignore comp/selectable-missing: set at runtime by the writer -->`");
            continue;
        };
        if reason.trim().is_empty() {
            invalid(
                cx,
                c.span,
                "the suppression's reason is empty".into(),
                "say after the colon why the finding does not apply here",
            );
            continue;
        }
        let names: Vec<&str> = list
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty() {
            invalid(cx, c.span, "the suppression names no rule".into(), "name the rules to silence by slug or code: `vsslint-ignore fs/path-wildcard, VSL606: reason`");
            continue;
        }
        let mut found = Vec::new();
        for n in names {
            match registry.find(n) {
                Some(r) if UNSUPPRESSIBLE.contains(&r.meta.slug) => invalid(cx, c.span, format!("{} cannot be suppressed inline", r.meta.slug), "fix the file's encoding or syntax; a comment inside a broken file cannot vouch for it"),
                Some(r) => found.push(r),
                None => {
                    let slugs = registry.rules().iter().map(|r| r.meta.slug);
                    let help = match vsslint_model::suggest::nearest(n, slugs) {
                        Some(slug) => format!("did you mean `{slug}`? `vsslint rules` lists every rule"),
                        None => "name a rule by its slug or code; `vsslint rules` lists them".into(),
                    };
                    invalid(cx, c.span, format!("unknown rule `{n}` in a suppression"), help)
                }
            }
        }
        if found.is_empty() {
            continue;
        }
        if !file_wide && c.next.is_none() {
            invalid(cx, c.span, "the suppression is not followed by an element".into(), "put `vsslint-ignore` directly before the element it applies to, or use `vsslint-ignore-file`");
            continue;
        }
        directives.push(Directive {
            comment: c.span,
            scope: if file_wide { None } else { c.next },
            used: vec![false; found.len()],
            rules: found,
        });
    }
    if directives.is_empty() {
        return 0;
    }
    let before = out.len();
    out.retain(|d| {
        let mut keep = true;
        for dir in &mut directives {
            let inside = dir
                .scope
                .is_none_or(|s| d.span.start >= s.start && d.span.start < s.end);
            if !inside {
                continue;
            }
            if let Some(i) = dir.rules.iter().position(|r| std::ptr::eq(&r.meta, d.rule)) {
                dir.used[i] = true;
                keep = false;
            }
        }
        keep
    });
    let suppressed = before - out.len();
    for dir in &directives {
        for (r, used) in dir.rules.iter().zip(&dir.used) {
            if !used {
                if let Some(d) = report_stage(
                    cx.settings,
                    Stage::UnusedSuppression,
                    &mut cx.out,
                    dir.comment,
                    format!("the suppression of {} silences nothing", r.meta.slug),
                ) {
                    d.label("unused suppression").help(format!(
                        "remove {} from the comment (or the comment itself); {} raises nothing {}",
                        r.meta.slug,
                        r.meta.slug,
                        if dir.scope.is_some() {
                            "on the next element"
                        } else {
                            "in this file"
                        }
                    ));
                }
            }
        }
    }
    suppressed
}

fn invalid(cx: &mut Cx, span: Span, message: String, help: impl Into<String>) {
    if let Some(d) = report_stage(
        cx.settings,
        Stage::InvalidSuppression,
        &mut cx.out,
        span,
        message,
    ) {
        d.label("suppression comment").help(help.into());
    }
}
