//! `lp/empty-segment`: a logical path has no empty elements.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("lp/empty-segment" {
        code: "VSL452",
        severity: Severity::Warning,
        summary: "A component's logicalPath has an empty element (a doubled or trailing backslash)",
        what: "Reports a `logicalPath` that ends with `\\` or contains `\\\\`, so that one of its \
    elements is empty (`Sql\\\\Logs`, `Sql\\`). Backslashes at the start are reported by \
    `lp/leading-backslash`. No other character is restricted: logical paths may contain spaces, \
    `:` and `_` (`C:_Windows_NTDS` is a real one).",
        why: "Each element of a logical path names a level of the writer's component tree. An \
    empty element names nothing, and makes the path differ from the one other components, \
    component sets and dependencies use for the same place, so a requester may not see that \
    they belong together.",
        sources: &[
            "Logical Pathing of Components: https://learn.microsoft.com/en-us/windows/win32/vss/logical-pathing-of-components",
            "VSS_COMPONENTINFO (no restrictions on the characters of a logical path): https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/ns-vsbackup-vss_componentinfo",
            "In-Box VSS Writers (NTDS logical path C:_Windows_NTDS): https://learn.microsoft.com/en-us/windows/win32/vss/in-box-vss-writers",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    let Some(a) = &c.logical_path else {
        return;
    };
    let lead = a.raw.len() - a.raw.trim_start_matches('\\').len();
    let body = &a.raw[lead..];
    if body.is_empty() {
        return;
    }
    // The first run of two or more backslashes, or the trailing one.
    let bytes = body.as_bytes();
    let Some(at) = (0..bytes.len())
        .find(|&i| bytes[i] == b'\\' && (i + 1 == bytes.len() || bytes[i + 1] == b'\\'))
    else {
        return;
    };
    let run = body[at..].len() - body[at..].trim_start_matches('\\').len();
    let span = crate::toolkit::logical_paths::value_span(a, lead + at..lead + at + run);
    let fixed: Vec<&str> = crate::toolkit::logical_paths::segments(body).collect();
    let (message, label) = if at + run == body.len() {
        ("ends with a backslash", "trailing backslash")
    } else {
        ("has an empty element", "doubled backslash")
    };
    cx.report(
        span,
        format!(
            "logicalPath \"{}\" of component `{}` {message}",
            a.raw,
            c.name()
        ),
    )
    .label(label)
    .help(format!(
        "separate the elements with single backslashes and end without one: logicalPath=\"{}{}\"",
        &a.raw[..lead],
        fixed.join("\\")
    ));
}

#[cfg(test)]
mod tests {
    use crate::settings::Settings;
    use crate::toolkit::testing::findings;

    fn messages(lp: &str) -> Vec<String> {
        let body =
            format!(r#"<FILE_GROUP logicalPath="{lp}" componentName="Jan" selectable="no"/>"#);
        findings(&super::RULE, Settings::default(), &body)
            .into_iter()
            .map(|(_, m)| m)
            .collect()
    }

    #[test]
    fn doubled_backslash_inside() {
        let m = messages(r"writerData\\Set1");
        assert_eq!(m.len(), 1);
        assert!(m[0].contains("empty element"), "{m:?}");
    }

    #[test]
    fn leading_backslashes_are_another_rule() {
        assert!(messages(r"\\writerData\Set1").is_empty());
        assert!(messages(r"\").is_empty());
        assert!(messages(r"C:_Windows_NTDS").is_empty());
    }
}
