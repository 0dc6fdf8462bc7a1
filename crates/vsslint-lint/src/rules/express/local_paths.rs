//! `express/local-paths`: express writers declare only local paths.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{declared_paths, is_unc};
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("express/local-paths" {
        code: "VSL711",
        severity: Severity::Warning,
        profile: Profile::Express,
        summary: "an express writer declares a path on a network share",
        what: "With `--express`, reports every UNC path an express writer declares: a file \
    set's `path` or `alternatePath` (`FILE_LIST`, and the database file sets that express \
    writers cannot have either), an exclude list's `path`, and an alternate location \
    mapping's `path` or `destination`. UNC means `\\\\server\\share\\…` or \
    `\\\\?\\UNC\\server\\share\\…`; the local device forms `\\\\?\\C:\\…`, \
    `\\\\?\\Volume{GUID}\\…` and `\\\\.\\…` are not. A mapped network drive cannot be \
    told from a local one in the document and is not reported.",
        why: "The express `AddExcludeFiles` page says that express writers support only \
    local resources. The express `AddFilesToFileGroup` page, unlike the regular one, does not \
    say that a file share or a UNC path may be given, and express writers have no API for \
    alternate paths or mappings at all. A share in an express writer's manifest is outside \
    what the express API describes, so a requester cannot rely on it being backed up, excluded \
    or restored.",
        sources: &[
            "IVssCreateExpressWriterMetadata::AddExcludeFiles (remarks): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreateexpresswritermetadata-addexcludefiles",
            "IVssCreateExpressWriterMetadata::AddFilesToFileGroup: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreateexpresswritermetadata-addfilestofilegroup",
            "IVssCreateWriterMetadata::AddFilesToFileGroup (remarks, UNC paths from Windows 8): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for (element, attr, a) in declared_paths(w) {
        if !is_unc(a.raw) {
            continue;
        }
        cx.report(
            a.span,
            format!(
                "{attr} \"{}\" of <{element}> is a network share; express writers support only local resources",
                a.raw
            ),
        )
        .label("network path")
        .help("name the directory on a local volume: a drive path, an environment variable such as %ProgramData%, or \\\\?\\Volume{GUID}\\…");
    }
}

#[cfg(test)]
mod tests {
    use crate::toolkit::testing::location_findings;

    fn on(locations: &str) -> usize {
        location_findings(&super::RULE, locations, true).len()
    }

    /// Every path is checked, not only exclusions; local device prefixes are not shares.
    #[test]
    fn shares_anywhere_and_only_shares() {
        let group = |path: &str| {
            format!(
                r#"<FILE_GROUP componentName="Ledger" selectable="yes"><FILE_LIST path="{path}" filespec="*" recursive="no"/></FILE_GROUP>"#
            )
        };
        assert_eq!(on(&group(r"\\fs01\ledger")), 1);
        assert_eq!(on(&group(r"\\?\UNC\fs01\ledger")), 1);
        assert_eq!(on(&group(r"\\?\C:\Ledger")), 0);
        assert_eq!(
            on(&group(
                r"\\?\Volume{0e5b3a4c-0000-0000-0000-100000000000}\Ledger"
            )),
            0
        );
        assert_eq!(on(&group(r"\\.\C:\Ledger")), 0);
        assert_eq!(
            on(r#"<EXCLUDE_FILES path="\\fs01\ledger" filespec="*.tmp" recursive="no"/>"#),
            1
        );
        let mapped = r#"<ALTERNATE_LOCATION_MAPPING path="C:\Ledger" filespec="*" recursive="no" destination="\\fs01\restore"/>"#;
        assert_eq!(on(mapped), 1);
    }
}
