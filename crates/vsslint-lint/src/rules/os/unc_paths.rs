//! `os/unc-paths`: UNC paths on a target that predates remote file shares.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::toolkit::file_paths::{declared_paths, is_unc};
use vsslint_model::model::{Text, WriterMetadata};
use vsslint_model::os::{feature, last_without, os_doc, Feature, WindowsVersion};

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

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(target) = cx.settings.target_os else {
        return;
    };
    if !feature(Feature::UncPath).too_new_for(target) {
        return;
    }
    for (element, attr, a) in declared_paths(w) {
        report(cx, element, attr, a, target);
    }
}

fn report(cx: &mut Cx, element: &str, attr: &str, a: &Text, target: WindowsVersion) {
    if !is_unc(a.raw) {
        return;
    }
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
