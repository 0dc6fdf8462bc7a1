//! `alm/destination-not-qualified`: a mapping's destination directory is fully qualified.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("alm/destination-not-qualified" {
        code: "VSL355",
        severity: Severity::Warning,
        summary: "An alternate location mapping's destination is not fully qualified",
        what: "Reports an `ALTERNATE_LOCATION_MAPPING` whose `alternatePath` (or `destination`) \
    is not fully qualified: fully qualified means a drive and a root (`D:\\Restore`), a UNC or \
    device path (`\\\\server\\share`, `\\\\?\\Volume{…}\\`), or a path that starts with an \
    environment variable (`%SystemDrive%\\Restore`), which VSS expands. UNC destinations need \
    Windows 8 or Windows Server 2012 (see `os/unc-paths`). A missing or empty destination is \
    `alm/destination`'s error. Split from `alm/destination` (VSL354), which reported this case \
    before: turning `alm/destination` off (in the configuration, or with `--ignore`) still turns this \
    rule off unless the configuration names it; a severity set for `alm/destination` does not apply to it.",
        why: "`IVssCreateWriterMetadata::AddAlternateLocationMapping` takes the fully qualified \
    path of the directory the files are relocated to. With a relative or drive-relative path \
    the files land wherever the requester's current directory happens to be.",
        sources: &[
            "IVssCreateWriterMetadata::AddAlternateLocationMapping (wszDestination): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addalternatelocationmapping",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for m in &w.mappings {
        let Some(d) = &m.destination else {
            continue;
        };
        let raw = d.raw.trim();
        if raw.is_empty() || fully_qualified(raw) {
            continue;
        }
        cx.report(d.span, format!("the mapping's destination \"{}\" is not a fully qualified path", d.raw))
            .label(kind(raw))
            .help("write a drive and a root (D:\\Restore\\Ledger), a UNC path, or a path that starts with an environment variable (%SystemDrive%\\Restore\\Ledger)");
    }
}

fn drive(b: &[u8]) -> bool {
    b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':'
}

fn fully_qualified(p: &str) -> bool {
    let b = p.as_bytes();
    let rooted_drive = drive(b) && matches!(b.get(2), Some(b'\\' | b'/'));
    let unc = p.starts_with(r"\\") || p.starts_with("//");
    // `%SystemDrive%\x` expands to an absolute path; a variable is closed by a second `%`.
    let env = p.starts_with('%') && p[1..].contains('%');
    rooted_drive || unc || env
}

/// What kind of path it is instead, for the label.
fn kind(p: &str) -> &'static str {
    let b = p.as_bytes();
    if drive(b) {
        "relative to the current directory of the drive"
    } else if p.starts_with(['\\', '/']) {
        "rooted, but on no drive"
    } else {
        "relative path"
    }
}

#[cfg(test)]
mod tests {
    use super::fully_qualified;
    use crate::rule_meta::Severity;
    use crate::settings::Settings;
    use crate::toolkit::testing::run_rule;

    #[test]
    fn forms_of_destination() {
        for ok in [
            r"D:\Restore",
            r"D:/Restore",
            r"\\server\share\x",
            r"\\?\Volume{c7463aba-f40d-11e9-80c7-806e6f6e6963}\R",
            r"%SystemDrive%\Restore",
        ] {
            assert!(fully_qualified(ok), "{ok}");
        }
        for bad in [r"Restore\Ledger", r"D:Restore", r"\Restore", "%broken"] {
            assert!(!fully_qualified(bad), "{bad}");
        }
    }

    #[test]
    fn a_relative_destination_is_reported() {
        let doc = r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"><IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" friendlyName="W" usage="USER_DATA" dataSource="OTHER"/><RESTORE_METHOD method="RESTORE_IF_CAN_BE_REPLACED" writerRestore="never" rebootRequired="no"><ALTERNATE_LOCATION_MAPPING path="C:\Data" filespec="*.dat" recursive="no" alternatePath="Restore\Data"/></RESTORE_METHOD><BACKUP_LOCATIONS><FILE_GROUP componentName="A" selectable="yes"><FILE_LIST path="C:\Data" filespec="*.dat"/></FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>"#;
        let found = run_rule(&super::RULE, &Settings::default(), doc);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].label.as_deref(), Some("relative path"));
    }
}
