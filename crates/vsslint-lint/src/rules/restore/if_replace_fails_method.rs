//! `restore/if-replace-fails-method`: IF_REPLACE_FAILS goes with the methods that can fail.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::{Method, WriterRestore};

pub static RULE: Rule = Rule {
    meta: rule!("restore/if-replace-fails-method" {
        code: "VSL308",
        severity: Severity::Warning,
        summary: "writerRestore is IF_REPLACE_FAILS but the restore method cannot fail that way",
        what: "Warns when `writerRestore` is `VSS_WRE_IF_REPLACE_FAILS` (spelling inferred: \
    `ifReplaceFails` or `if_replace_fails`; others can be mapped under `[accept.writer-restore]` \
    in `vsslint.toml`) while the restore method is a known method other than \
    `RESTORE_IF_NOT_THERE` and `RESTORE_IF_CAN_BE_REPLACED` (`VSS_RME_RESTORE_IF_NOT_THERE`, \
    `VSS_RME_RESTORE_IF_CAN_REPLACE`).",
        why: "Microsoft defines the value only in terms of those two methods: the writer always \
    handles PreRestore, and handles PostRestore only when a restore under one of them fails. \
    With any other method the condition never arises, so a requester cannot tell when the writer \
    expects its PostRestore event.",
        sources: &[
            "VSS_WRITERRESTORE_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_writerrestore_enum",
            "VSS_RESTOREMETHOD_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_restoremethod_enum",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for rm in &w.restore_methods {
        let Some(wr) = &rm.writer_restore else {
            continue;
        };
        if cx.settings.writer_restore(wr) != WriterRestore::IfReplaceFails {
            continue;
        }
        let Some((a, m)) = crate::toolkit::restore::method(cx, rm) else {
            continue;
        };
        if matches!(
            m,
            Method::RestoreIfNotThere
                | Method::RestoreIfCanReplace
                | Method::Unknown
                | Method::Undefined
        ) {
            continue;
        }
        cx.report(
            wr.span,
            format!("writerRestore \"{}\" only has a meaning with RESTORE_IF_NOT_THERE or RESTORE_IF_CAN_BE_REPLACED, not \"{}\"", wr.raw, a.raw),
        )
        .label("PostRestore condition never arises")
        .related(a.span, "restore method here")
        .help("use writerRestore=\"always\" if the writer needs restore events with this method, \"never\" if it does not; or switch to RESTORE_IF_NOT_THERE or RESTORE_IF_CAN_BE_REPLACED");
    }
}
