//! `compat/writer-restore-changed`: the writer takes part in restores in both releases, under
//! other conditions.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_writer::{involves_writer, writer_restores};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/writer-restore-changed" {
        code: "VSL1026",
        severity: Severity::Info,
        summary: "The writer takes part in restores in both releases, under other conditions",
        what: "Compares `RESTORE_METHOD/@writerRestore` (`VSS_WRITERRESTORE_ENUM`) of the two \
    releases and reports a change between `always` and `ifReplaceFails`. The finding is at \
    the new release's `writerRestore`, with the old release's.\n\n\
    For restoring a backup made with the old release: the requester involves the writer as \
    before; the two values differ only in whether the writer expects `PostRestore` when the \
    restore did not fail. For a backup application's saved selections: nothing they name \
    changes.",
        why: "With `VSS_WRE_ALWAYS` the writer \"always performs special operations during the \
    restore\"; with `VSS_WRE_IF_REPLACE_FAILS` it always expects `PreRestore` but expects \
    `PostRestore` \"only if a restore fails\" under `RESTORE_IF_NOT_THERE` or \
    `RESTORE_IF_CAN_REPLACE`. Either way the requester involves the writer, so old backups \
    restore as before: reported so that the change is seen.",
        sources: &[
            "VSS_WRITERRESTORE_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_writerrestore_enum",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let Some((o, n)) = writer_restores(pair) else {
        return;
    };
    if !involves_writer(o.value) || !involves_writer(n.value) || o.value == n.value {
        return;
    }
    cx.changed_attr(
        o,
        n,
        format!(
            "writerRestore changed from `{}` to `{}`: the writer takes part in restores in both releases",
            o.raw, n.raw
        ),
    )
    .label("other conditions for PostRestore")
    .help("make sure the new writer handles PostRestore whether or not the restore of an old backup failed");
}
