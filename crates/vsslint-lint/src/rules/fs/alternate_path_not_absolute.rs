//! `fs/alternate-path-not-absolute`: an alternate path starts from a volume.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{classify, Owner};
use vsslint_model::model::is_blank;
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/alternate-path-not-absolute" {
        code: "VSL617",
        severity: Severity::Warning,
        summary: "a file set's alternate path is not absolute",
        what: "The alternate path of a `FILE_LIST` should start from a volume, as `path` does: a \
    drive (`C:\\…`), an environment variable (`%ProgramData%\\…`), a volume GUID or other \
    `\\\\?\\` path, or a UNC share. Split from `fs/alternate-path-syntax` (VSL616), which reported this case \
    before: turning `fs/alternate-path-syntax` off (in the configuration, or with `--ignore`) still turns this \
    rule off unless the configuration names it; a severity set for `fs/alternate-path-syntax` does not apply to it.",
        why: "The alternate path is where the requester actually reads the files at backup time. \
    A relative directory is resolved against whatever directory the requester runs in, so the \
    files are read from the wrong place, or not at all.",
        sources: &[
            "IVssCreateWriterMetadata::AddFilesToFileGroup (wszAlternateLocation): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
            "Working with Alternate Paths during Backup: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-alternate-paths-during-backup",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component, f: &FileSet) {
    let Some(a) = &f.alternate_path else {
        return;
    };
    if is_blank(a.raw) || classify(a.raw).is_absolute() {
        return;
    }
    let owner = Owner {
        node: &f.node,
        component: Some(c),
    };
    cx.report(
        a.span,
        format!("alternatePath \"{}\" of {owner} is not an absolute path", a.raw),
    )
    .label("not absolute")
    .help("start the alternate path from a volume: a drive (C:\\…), an environment variable (%ProgramData%\\…), a volume GUID path (\\\\?\\Volume{GUID}\\…) or a UNC share");
}
