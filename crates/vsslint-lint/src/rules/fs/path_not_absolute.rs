//! `fs/path-not-absolute`: file-set and exclude-list paths start from a volume.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{classify, Owner, PathForm};
use vsslint_model::model::is_blank;
use vsslint_model::model::{Text, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/path-not-absolute" {
        code: "VSL604",
        severity: Severity::Warning,
        summary: "a file-set or exclude-list path is not absolute",
        what: "The `path` of a file set (`FILE_LIST`, `DATABASE_FILES`, `DATABASE_LOGFILES`) and \
    of an exclude list (`EXCLUDE_FILES`, `EXCLUDE_FILES_FROM_SNAPSHOT`) should be absolute. \
    Accepted as absolute: a drive path (`C:\\Data`), a path that starts with an environment \
    variable (`%SystemRoot%\\System32`, absolute once expanded), a volume GUID or other `\\\\?\\` \
    path (`\\\\?\\Volume{GUID}\\Boot`) and a UNC path (`\\\\server\\share`). A relative path \
    (`Data\\Logs`) or a drive-relative one (`C:Data`) is reported. A path rooted without a \
    drive (`\\System Volume Information\\Heat`) is `fs/path-rooted`'s, an info: Windows' own \
    Shadow Copy Optimization writer uses one to mean that directory on each volume.\n\n\
    This rule also covers the exclude lists, so that `excl/syntax` does not report the same \
    path twice.",
        why: "Requesters resolve file sets without a current directory: Microsoft asks for local \
    resources whose absolute path starts with a valid local volume specification. A relative \
    path is resolved against whatever directory the requester runs in, so the wrong files, or \
    none, are backed up.",
        sources: &[
            "Usage Conventions for VSS: https://learn.microsoft.com/en-us/windows/win32/vss/usage-conventions",
            "IVssCreateWriterMetadata::AddFilesToFileGroup: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
            "The Shadow Copy Optimization writer's EXCLUDE_FILES_FROM_SNAPSHOT path=\"\\System Volume Information\\Heat\" (real DiskShadow output)",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    crate::toolkit::file_paths::each_path(cx, w, report);
}

fn report(cx: &mut Cx, owner: Owner, a: &Text) {
    if is_blank(a.raw) {
        return;
    }
    match classify(a.raw) {
        form if form.is_absolute() => {}
        PathForm::Rooted => {}
        form => {
            let kind = if form == PathForm::DriveRelative {
                "relative to the current directory of its drive"
            } else {
                "a relative path"
            };
            cx.report(a.span, format!("path \"{}\" of {owner} is {kind}", a.raw))
                .label("not absolute")
                .help("start the path from a volume: a drive (C:\\…), an environment variable (%ProgramData%\\…), a volume GUID path (\\\\?\\Volume{GUID}\\…) or a UNC share (\\\\server\\share\\…)");
        }
    }
}
