//! `compat/writer-restore-dropped`: the new release says it takes no part in restores, where
//! the old one did.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_writer::{involves_writer, writer_restores};
use vsslint_model::vocab::WriterRestore;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/writer-restore-dropped" {
        code: "VSL1024",
        severity: Severity::Warning,
        summary: "The new release takes no part in restores, where the old one did",
        what: "Compares `RESTORE_METHOD/@writerRestore` (`VSS_WRITERRESTORE_ENUM`) of the two \
    releases and reports `always` or `ifReplaceFails` in the old release become `never` in \
    the new one. Only these three values are compared: `undefined` is a writer error, and a \
    missing `RESTORE_METHOD` is `compat/restore-method-changed`. The finding is at the new \
    release's `writerRestore`, with the old release's.\n\n\
    For restoring a backup made with the old release: its saved metadata tells the requester \
    that the writer takes part in the restore, so the requester selects the writer's \
    components for restore and the writer now installed receives restore events it does not \
    expect. For a backup application's saved selections: nothing they name changes.",
        why: "A requester involves a writer in a restore by selecting one of its components \
    for restore (`SetSelectedForRestore`), and reads whether the writer wants that from the \
    metadata (`GetRestoreMethod`); at restore, that is the metadata saved with the backup. \
    \"If a writer does not expect any restore events, involving that writer in the restore \
    process can cause spurious errors to be reported for that writer.\"\n\n\
    What the documentation does not say: whether such errors fail the restore of an old \
    backup, or only are reported.\n\n\
    Have the new writer accept restore events for the components of old backups and do \
    nothing with them, rather than fail; raise the writer's minor version (`InitializeEx`).",
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
    if !involves_writer(o.value) || n.value != WriterRestore::Never {
        return;
    }
    cx.changed_attr(
        o,
        n,
        format!(
            "writerRestore changed from `{}` to `{}`: requesters restoring backups made with the old release still involve the writer, which no longer expects restore events",
            o.raw, n.raw
        ),
    )
    .label("the writer now takes no part in restores")
    .help("have the new writer accept the restore events of old backups' components without error; raise its minor version");
}
