//! `os/in-box-writer-availability`: the in-box writer exists on the target release.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

// Sets every field of `RuleMeta`, so the `..BASE` that `rule!` appends has nothing left to fill.
pub static RULE: Rule = Rule {
    meta: rule!("os/in-box-writer-availability" {
        code: "VSL813",
        severity: Severity::Info,
        profile: Profile::TargetOs,
        example_target: Some("ws2008"),
        summary: "The in-box writer is not documented for the target Windows release",
        what: "With `--target-os`, notes a `writerId` that Microsoft documents as an in-box writer \
    which its documentation says is not supported on the target release. Examples: the Task \
    Scheduler, Performance Counters and VSS Metadata Store writers are not on Windows Server \
    2008, Windows Vista or earlier; the ADFS, AD RMS, MSMQ and WID writers not on Windows Server \
    2008 R2, Windows 7 or earlier; the CSV and Data Deduplication writers ship only with Windows \
    Server 2012 and later; the Sync Share Service writer only with Windows Server 2012 R2 and later \
    server releases. Writers documented as server-only are noted for every client target. \
    Where the documentation names no first release, a writer is assumed present from the one \
    after the last release it excludes.",
        why: "A writer metadata document of an in-box writer describes Windows' own data on the \
    machine that produced it. If the writer does not exist on the release a backup is restored \
    to, or the document claims to come from, no writer handles that data there: Microsoft asks \
    requesters to back up such files by hand on the older releases, and a document that claims \
    otherwise was produced elsewhere or is meant for another target.",
        sources: &[
            "In-Box VSS Writers: https://learn.microsoft.com/en-us/windows/win32/vss/in-box-vss-writers",
            "What's New in VSS in Windows Server 2008 R2 and Windows 7 (Performance Counters, Task Scheduler and VSS Metadata Store writers): https://learn.microsoft.com/en-us/windows/win32/vss/what-s-new-in-vss-in-windows-server-2008-r2-and-windows-7",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(target) = cx.settings.target_os else {
        return;
    };
    let Some(id) = w.identification() else {
        return;
    };
    let Some((attr, writer)) = crate::toolkit::ids::identify(id) else {
        return;
    };
    if writer.available_on(target) {
        return;
    }
    cx.report(
        attr.span,
        format!("the in-box {} is not available on {target}", writer.title),
    )
    .label(format!("not on {}", target.name()))
    .help(format!(
        "documented: {}; on this release requesters must back the writer's data up without it. If the document is meant for a later release, correct --target-os",
        writer.availability
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Findings;
    use crate::settings::Settings;
    use vsslint_model::model::Document;
    use vsslint_model::os::WindowsVersion;
    use vsslint_model::parse::parse;

    fn settings() -> Settings {
        Settings {
            target_os: RULE.meta.example_target.and_then(WindowsVersion::from_name),
            ..Settings::default()
        }
    }

    /// This rule's findings on `text`, by calling its check the way the engine does.
    fn findings(text: &str) -> Vec<crate::diagnostic::Diagnostic> {
        let settings = settings();
        let parsed = parse(text).expect("fixture parses");
        let Document::WriterMetadata(w) = parsed.model() else {
            panic!("fixture is a writer metadata document");
        };
        let mut out = Findings::new();
        check(
            &mut Cx::new(&settings, &RULE.meta, RULE.meta.severity, &mut out),
            &w,
        );
        out.into_vec()
    }

    #[test]
    fn bad_example_raises_exactly_this_rule() {
        let found = findings(RULE.meta.bad);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(
            &*found[0].message,
            "the in-box Task Scheduler Writer is not available on Windows Server 2008 (Windows Vista SP1)"
        );
    }

    #[test]
    fn good_example_raises_nothing() {
        assert!(findings(RULE.meta.good).is_empty());
    }

    #[test]
    fn silent_without_a_target_and_where_the_writer_exists() {
        let parsed = parse(RULE.meta.bad).unwrap();
        let Document::WriterMetadata(w) = parsed.model() else {
            panic!()
        };
        for target in [
            None,
            Some(WindowsVersion::Win7),
            Some(WindowsVersion::Ws2012),
        ] {
            let settings = Settings {
                target_os: target,
                ..Settings::default()
            };
            let mut out = Findings::new();
            check(
                &mut Cx::new(&settings, &RULE.meta, RULE.meta.severity, &mut out),
                &w,
            );
            assert!(out.is_empty(), "{target:?}");
        }
    }
}
