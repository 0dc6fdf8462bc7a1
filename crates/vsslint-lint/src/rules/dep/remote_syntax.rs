//! `dep/remote-syntax`: a remote dependency's `\\Computer\` prefix is complete.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Text, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("dep/remote-syntax" {
        code: "VSL505",
        severity: Severity::Warning,
        summary: "A remote dependency's computer-name prefix is incomplete",
        what: concat!(
            "A dependency on a component on another computer is written by prefixing the target \
    logical path with `\\\\ComputerName\\` (a host name or IP address; for a cluster, its \
    virtual name). This rule reports a target logical path that starts with `\\\\` but does not \
    continue with a non-empty name and a backslash (`\\\\`, `\\\\Server`, `\\\\\\Sql`). The same \
    check applies when the prefix is on the target component name, since one Microsoft page tells \
    requesters to look for it there. ",
            crate::toolkit::dependencies::spelling_note!()
        ),
        why: "A requester recognises a remote dependency by the `\\\\` prefix and takes the text \
    up to the next backslash as the computer to contact. With no name, or no backslash after it, \
    there is no computer to contact, or the rest of the path is taken as its name, and the \
    dependency cannot be resolved.",
        sources: &[
            "IVssCreateWriterMetadata::AddComponentDependency (remote dependencies): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponentdependency",
            "Dependencies Between Components Managed by Different Writers: https://learn.microsoft.com/en-us/windows/win32/vss/dependencies-between-components-managed-by-different-writers",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for d in crate::toolkit::dependencies::all(w) {
        for (name, attr) in [
            ("logical path", &d.logical_path),
            ("component name", &d.component_name),
        ] {
            if let Some(a) = attr {
                check_prefix(cx, name, a);
            }
        }
    }
}

fn check_prefix(cx: &mut Cx, what: &str, a: &Text) {
    let Some(rest) = a.raw.strip_prefix("\\\\") else {
        return;
    };
    let problem = match rest.find('\\') {
        Some(0) => "no computer name between `\\\\` and the next backslash",
        Some(_) => return,
        None if rest.is_empty() => "no computer name after `\\\\`",
        None => "no backslash after the computer name",
    };
    let span = crate::toolkit::logical_paths::value_span(a, 0..2);
    let help = match rest.find('\\') {
        None if !rest.is_empty() => format!(
            "end the computer name with a backslash and continue with the {what} of the component on that computer: \"\\\\{rest}\\…\""
        ),
        _ => format!(
            "after `\\\\` write the remote computer's name (host name or IP address), a backslash, then the {what} of the component on that computer"
        ),
    };
    cx.report(
        span,
        format!(
            "the remote dependency's target {what} \"{}\" has {problem}",
            a.raw
        ),
    )
    .label("incomplete remote prefix")
    .help(help);
}

#[cfg(test)]
mod tests {
    use crate::settings::Settings;
    use crate::toolkit::testing::findings;

    fn dep(lp: &str, name: &str) -> String {
        format!(
            r#"<FILE_GROUP componentName="Ledger" selectable="yes"><DEPENDENCY onWriterId="a65faa63-5ea8-4ebc-9dbd-a0c4db26912a" onLogicalPath="{lp}" onComponentName="{name}"/></FILE_GROUP>"#
        )
    }

    fn count(lp: &str, name: &str) -> usize {
        findings(&super::RULE, Settings::default(), &dep(lp, name)).len()
    }

    #[test]
    fn complete_prefixes_pass() {
        assert_eq!(count(r"\\SQLNODE2\SQLNODE2", "LedgerDb"), 0);
        assert_eq!(count(r"\\10.0.0.7\", "LedgerDb"), 0);
        assert_eq!(count("SQLSERVER01", r"\\SQLNODE2\LedgerDb"), 0);
        assert_eq!(count(r"\Local", "LedgerDb"), 0);
    }

    #[test]
    fn incomplete_prefixes_fail() {
        assert_eq!(count(r"\\", "LedgerDb"), 1);
        assert_eq!(count(r"\\\SQLNODE2", "LedgerDb"), 1);
        assert_eq!(count(r"\\SQLNODE2", "LedgerDb"), 1);
        // The marker may be on the component name instead.
        assert_eq!(count("", r"\\SQLNODE2"), 1);
    }
}
