//! `os/unc-paths`: UNC paths on a target that predates remote file shares.

use crate::model::{Text, WriterMetadata};
use crate::os::{feature, last_without, os_doc, Feature, WindowsVersion};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;

pub static RULE: Rule = Rule {
    meta: rule!("os/unc-paths" {
        code: "VSL811",
        profile: Profile::TargetOs,
        example_target: Some(last_without(Feature::UncPath)),
        summary: "A UNC path on a target that predates file shares in writer metadata",
        what: os_doc!("os/unc-paths", "Reports a UNC path (`\\\\server\\share\\...` or \
    `\\\\?\\UNC\\server\\share\\...`) in a file set's `path` or alternate path, an exclude \
    list's `path`, or an alternate location mapping's path or destination, when the \
    `--target-os` release predates remote file shares. Local device paths such as \
    `\\\\?\\Volume{...}\\` are not UNC paths."),
        why: "Before file shares were supported, writers could report only local resources: \
    VSS on an older release cannot shadow-copy a share, so the files are not backed up \
    consistently, or not at all.",
        sources: &[
            "IVssCreateWriterMetadata::AddFilesToFileGroup: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
            "IVssCreateWriterMetadata::AddExcludeFiles: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addexcludefiles",
            "IVssCreateWriterMetadata::AddAlternateLocationMapping: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addalternatelocationmapping",
            "IVssBackupComponentsEx4::GetRootAndLogicalPrefixPaths: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponentsex4-getrootandlogicalprefixpaths",
        ],
    }),
    check: Check::Writer(check),
};

/// `\\server\share` and `\\?\UNC\server\share`, not `\\?\Volume{…}` or `\\.\device`.
pub(crate) fn is_unc(path: &str) -> bool {
    let p = path.trim();
    if let Some(rest) = p
        .strip_prefix("\\\\?\\")
        .or_else(|| p.strip_prefix("\\\\.\\"))
    {
        return rest
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("UNC\\"))
            && rest.len() > 4;
    }
    p.strip_prefix("\\\\")
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('\\'))
}

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(target) = cx.settings.target_os else {
        return;
    };
    if !feature(Feature::UncPath).too_new_for(target) {
        return;
    }
    for (_, fs) in w.file_sets() {
        report(cx, fs.kind.element(), "path", &fs.path, target);
        report(
            cx,
            fs.kind.element(),
            "alternatePath",
            &fs.alternate_path,
            target,
        );
    }
    for e in &w.excludes {
        report(cx, e.kind.element(), "path", &e.path, target);
    }
    for m in &w.mappings {
        report(cx, m.node.name, "path", &m.path, target);
        report(cx, m.node.name, "destination", &m.destination, target);
    }
}

fn report(cx: &mut Cx, element: &str, attr: &str, a: &Option<Text>, target: WindowsVersion) {
    let Some(a) = a.as_ref().filter(|a| is_unc(a.raw)) else {
        return;
    };
    let f = feature(Feature::UncPath);
    cx.report(
        a.span,
        format!("{element} {attr} \"{}\": {}", a.raw, f.needs(target)),
    )
    .label(format!("needs {}", f.min()))
    .help(format!(
        "writers on {target} can report only local files: use a path on a local volume, or target {} or later",
        f.min()
    ));
}

#[cfg(test)]
mod tests {
    use super::is_unc;

    #[test]
    fn unc_forms() {
        assert!(is_unc(r"\\server\share\dir"));
        assert!(is_unc(r"\\?\UNC\server\share"));
        assert!(is_unc(r"\\?\unc\server\share"));
        assert!(!is_unc(
            r"\\?\Volume{0e5b3a4c-0000-0000-0000-100000000000}\Boot"
        ));
        assert!(!is_unc(r"\\.\PhysicalDrive0"));
        assert!(!is_unc(r"C:\Windows"));
        assert!(!is_unc(r"\System Volume Information\Heat"));
        assert!(!is_unc(r"%SystemRoot%\Tasks"));
        assert!(!is_unc(r"\\"));
        assert!(!is_unc("\\\\?\\é€"));
    }
}
