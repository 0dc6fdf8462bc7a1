//! `compat/writer-restore-required`: the new release takes part in restores, where the old
//! one let requesters restore without it.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_writer::{involves_writer, writer_restores};
use vsslint_model::vocab::WriterRestore;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/writer-restore-required" {
        code: "VSL1025",
        severity: Severity::Warning,
        summary: "The new release takes part in restores, where the old one did not",
        what: "Compares `RESTORE_METHOD/@writerRestore` (`VSS_WRITERRESTORE_ENUM`) of the two \
    releases and reports `never` in the old release become `always` or `ifReplaceFails` in \
    the new one. Only these three values are compared: `undefined` is a writer error, and a \
    missing `RESTORE_METHOD` is `compat/restore-method-changed`. The finding is at the new \
    release's `writerRestore`, with the old release's.\n\n\
    For restoring a backup made with the old release: its saved metadata says the writer \
    takes no part, so a requester may restore the writer's files without involving the \
    writer now installed, which expects to handle the restore. For a backup application's \
    saved selections: nothing they name changes.",
        why: "A requester may restore a writer's data without the writer by not selecting \
    any of its components for restore, and a writer says it wants no part with \
    `VSS_WRE_NEVER`; the requester reads it from the metadata saved with the backup. Yet \
    \"if a writer is available on a system, it is never advisable to restore data to its \
    original location without writer participation. Such a restore would likely encounter \
    locked destination files and runs a significant risk of corrupting data.\"\n\n\
    What the documentation does not say: whether requesters follow the saved `never` when \
    the writer is running, and what the new writer finds when its data was restored under \
    it.\n\n\
    Make the new writer check its data when it starts after a restore it took no part in, \
    or keep `never` until old backups are out of use; raise the writer's minor version \
    (`InitializeEx`).",
        sources: &[
            "Restores without writer participation: https://learn.microsoft.com/en-us/windows/win32/vss/restores-without-writer-participation",
            "VSS_WRITERRESTORE_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_writerrestore_enum",
            "Overview of restore initialization: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-restore-initialization",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let Some((o, n)) = writer_restores(pair) else {
        return;
    };
    if o.value != WriterRestore::Never || !involves_writer(n.value) {
        return;
    }
    cx.changed_attr(
        o,
        n,
        format!(
            "writerRestore changed from `{}` to `{}`: backups made with the old release may be restored without the writer, which now expects to take part",
            o.raw, n.raw
        ),
    )
    .label("the writer now takes part in restores")
    .help("make the new writer cope with data restored without it, or keep writerRestore=\"never\" while old backups may be restored; raise its minor version");
}
