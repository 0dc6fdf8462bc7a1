//! `alm/destination`: a mapping names a fully qualified destination directory.

use crate::model::WriterMetadata;
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;

pub static RULE: Rule = Rule {
    meta: rule!("alm/destination" {
        code: "VSL354",
        severity: Severity::Error,
        summary: "An alternate location mapping has no destination, or one that is not fully qualified",
        what: "An `ALTERNATE_LOCATION_MAPPING` must name where the files go: its `alternatePath` \
    (`destination` is accepted too; both names are inferred) is required and empty is an error. \
    A destination that is not fully qualified is a warning: fully qualified means a drive and a \
    root (`D:\\Restore`), a UNC or device path (`\\\\server\\share`, `\\\\?\\Volume{…}\\`), or a \
    path that starts with an environment variable (`%SystemDrive%\\Restore`), which VSS expands. \
    UNC destinations need Windows 8 or Windows Server 2012 (see `os/unc-paths`).",
        why: "`IVssCreateWriterMetadata::AddAlternateLocationMapping` takes the fully qualified \
    path of the directory the files are relocated to. Without it the mapping says nothing; with \
    a relative or drive-relative path the files land wherever the requester's current directory \
    happens to be.",
        sources: &[
            "IVssCreateWriterMetadata::AddAlternateLocationMapping (wszDestination): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addalternatelocationmapping",
            "IVssWMFiledesc::GetAlternateLocation: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsswmfiledesc-getalternatelocation",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for m in &w.mappings {
        match &m.destination {
            None => {
                cx.report(m.node.span, "alternate location mapping has no destination")
                    .label("no alternatePath")
                    .help("add the fully qualified directory the files are restored to: alternatePath=\"D:\\Restore\\Ledger\"");
            }
            Some(d) if d.raw.trim().is_empty() => {
                cx.report(d.span, "the mapping's destination is empty")
                    .label("empty destination")
                    .help("write the fully qualified directory the files are restored to, e.g. alternatePath=\"D:\\Restore\\Ledger\"");
            }
            Some(d) if !fully_qualified(d.raw.trim()) => {
                let sev = cx.default_or_configured(Severity::Warning);
                cx.report(d.span, format!("the mapping's destination \"{}\" is not a fully qualified path", d.raw))
                    .severity(sev)
                    .label(kind(d.raw.trim()))
                    .help("write a drive and a root (D:\\Restore\\Ledger), a UNC path, or a path that starts with an environment variable (%SystemDrive%\\Restore\\Ledger)");
            }
            Some(_) => {}
        }
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
    fn relative_destination_is_a_warning() {
        let doc = r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"><IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" friendlyName="W" usage="USER_DATA" dataSource="OTHER"/><RESTORE_METHOD method="RESTORE_IF_CAN_BE_REPLACED" writerRestore="never" rebootRequired="no"><ALTERNATE_LOCATION_MAPPING path="C:\Data" filespec="*.dat" recursive="no" alternatePath="Restore\Data"/></RESTORE_METHOD><BACKUP_LOCATIONS><FILE_GROUP componentName="A" selectable="yes"><FILE_LIST path="C:\Data" filespec="*.dat"/></FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>"#;
        let found = run_rule(&super::RULE, &Settings::default(), doc);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].label.as_deref(), Some("relative path"));
    }
}
