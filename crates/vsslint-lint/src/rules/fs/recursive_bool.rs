//! `fs/recursive-bool`: `recursive` is `yes` or `no`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Node, WriterMetadata, YesNo};

pub static RULE: Rule = Rule {
    meta: rule!("fs/recursive-bool" {
        code: "VSL607",
        severity: Severity::Error,
        fix: Some(crate::rule_meta::Applicability::Safe),
        summary: "recursive is not yes or no",
        what: "`recursive` must be `yes` or `no`, in lower case, wherever it appears: on file \
    sets (`FILE_LIST`, `DATABASE_FILES`, `DATABASE_LOGFILES`), on exclude lists and on alternate \
    location mappings. An absent `recursive` means `no` and is not reported: Windows' own System, \
    Registry and SQL Server writers omit it on most file sets.",
        why: "With `recursive=\"yes\"` a requester backs up the whole tree under the path; with \
    anything else it backs up only the top directory. A misspelt `true` silently drops every \
    subdirectory from the backup.",
        sources: &[
            "IVssCreateWriterMetadata::AddFilesToFileGroup (bRecursive): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
            "The System and Registry writers omit recursive on most file sets (real DiskShadow output)",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let file_sets = w.file_sets().map(|(_, f)| (&f.node, &f.recursive));
    let excludes = w.excludes.iter().map(|e| (&e.node, &e.recursive));
    let mappings = w.mappings.iter().map(|m| (&m.node, &m.recursive));
    for (node, attr) in file_sets.chain(excludes).chain(mappings) {
        report(cx, node, attr);
    }
}

fn report(cx: &mut Cx, node: &Node, attr: &Option<YesNo>) {
    if let Some(a) = attr {
        if a.value.is_none() {
            let d = cx.report(
                a.span,
                format!(
                    "recursive is \"{}\" on <{}>, not yes or no",
                    a.raw, node.name
                ),
            );
            d.label("not yes/no");
            crate::toolkit::hints::bool_fix(d, "recursive", a.span, a.raw);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::settings::Settings;
    use crate::toolkit::testing::run_rule;

    /// `explain` shows the good example as what the bad one should become: it has to be what
    /// `--fix` writes, `recursive="1"` → `yes`.
    #[test]
    fn the_good_example_is_the_fixed_bad_one() {
        let meta = &super::RULE.meta;
        let found = run_rule(&super::RULE, &Settings::default(), meta.bad);
        let fixes: Vec<_> = found.iter().filter_map(|d| d.fix.as_deref()).collect();
        assert_eq!(fixes.len(), 1);
        let mut fixed = meta.bad.to_string();
        for e in fixes[0].edits.iter().rev() {
            fixed.replace_range(e.span.start..e.span.end, &e.replacement);
        }
        assert_eq!(fixed, meta.good);
    }
}
