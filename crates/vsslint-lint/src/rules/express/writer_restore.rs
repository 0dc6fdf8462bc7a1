//! `express/writer-restore`: express writers never take part in restores.

use crate::diagnostic::{Applicability, Fix};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::WriterRestore;

pub static RULE: Rule = Rule {
    meta: rule!("express/writer-restore" {
        code: "VSL705",
        severity: Severity::Error,
        fix: Some(crate::rule_meta::Applicability::Unsafe),
        profile: Profile::Express,
        summary: "an express writer's writerRestore is not never",
        what: "With `--express`, reports `RESTORE_METHOD/@writerRestore` when it stands for any \
    value other than `VSS_WRE_NEVER` (`never`): `always`, the if-replace-fails value and the \
    undefined value. An unknown spelling is left to `restore/writer-restore-invalid`.",
        why: "The express `SetRestoreMethod` requires `VSS_WRE_NEVER`: an express writer has no \
    process running at restore time to receive the PreRestore and PostRestore events, so a \
    requester that waits for it would wait for nothing.",
        sources: &[
            "IVssCreateExpressWriterMetadata::SetRestoreMethod (writerRestore): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreateexpresswritermetadata-setrestoremethod",
            "VSS_WRITERRESTORE_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_writerrestore_enum",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for rm in &w.restore_methods {
        let Some(a) = &rm.writer_restore else {
            continue;
        };
        match cx.settings.writer_restore(a) {
            WriterRestore::Never | WriterRestore::Unknown => continue,
            _ => {}
        }
        cx.report(
            a.span,
            format!("writerRestore is \"{}\" on an express writer", a.raw),
        )
        .label("express writers do not take part in restores")
        .fix(
            "write writerRestore=\"never\"",
            Fix::replace(a.span, "never", Applicability::Unsafe),
        );
    }
}
