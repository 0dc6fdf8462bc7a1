//! `fs/alternate-path-same`: an alternate path that is the path itself.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::path_index::DirKey;
use vsslint_model::model::is_blank;
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/alternate-path-same" {
        code: "VSL615",
        severity: Severity::Info,
        summary: "a file set's alternate path is its own path",
        what: "Reports an `alternatePath` equal to the file set's `path`, compared without case \
    and without a trailing backslash. Environment variables are compared as written. The \
    attribute name `alternatePath` is inferred from the VSS Test Writer's configuration \
    vocabulary.",
        why: "An alternate path tells a requester to back the files up from another directory, \
    typically a copy the writer made there (a spit directory) because the originals cannot be \
    read from the shadow copy. Pointing it at the original directory changes nothing and \
    suggests the real spit directory was forgotten.",
        sources: &[
            "Working with Alternate Paths during Backup: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-alternate-paths-during-backup",
            "IVssCreateWriterMetadata::AddFilesToFileGroup (wszAlternateLocation): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component, f: &FileSet) {
    let (Some(p), Some(alt)) = (&f.path, &f.alternate_path) else {
        return;
    };
    if is_blank(alt.raw) || DirKey::new(p.raw) != DirKey::new(alt.raw) {
        return;
    }
    cx.report(
        alt.span,
        format!(
            "alternatePath of <{}> in component \"{}\" is the file set's own path \"{}\"",
            f.node.name,
            c.full_name(),
            p.raw
        ),
    )
    .label("same directory as path")
    .related(p.span, "path")
    .help("remove alternatePath, or point it at the directory the writer actually copies the files to before backup");
}
