//! `restore/writer-restore-invalid`: `writerRestore` is a known value and not `UNDEFINED`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::{WriterRestore, WRITER_RESTORE_SPELLINGS};

pub static RULE: Rule = Rule {
    meta: rule!("restore/writer-restore-invalid" {
        code: "VSL307",
        severity: Severity::Error,
        fix: Some(crate::rule_meta::Applicability::Safe),
        summary: "writerRestore is missing, unknown or UNDEFINED",
        what: "`RESTORE_METHOD/@writerRestore` must be the XML spelling of a \
    `VSS_WRITERRESTORE_ENUM` value. Confirmed by real documents: `never` (`VSS_WRE_NEVER`) and \
    `always` (`VSS_WRE_ALWAYS`). Inferred, and accepted: `ifReplaceFails` and `if_replace_fails` \
    (`VSS_WRE_IF_REPLACE_FAILS`), and `undefined` (`VSS_WRE_UNDEFINED`, reported here). A \
    missing or empty `writerRestore` is reported too: it leaves the value undefined.\n\n\
    If your writers write another spelling, map it to its constant under \
    `[accept.writer-restore]` in `vsslint.toml` (for example `\"onFailure\" = \
    \"VSS_WRE_IF_REPLACE_FAILS\"`); this rule then accepts it.",
        why: "The value tells a requester whether the writer takes part in restores: whether it \
    must send the PreRestore and PostRestore events, and wait for the writer to handle them. \
    Microsoft documents `VSS_WRE_UNDEFINED` as a writer error. A requester that cannot read the \
    value may skip the events, and a writer that needs them to bring its data back (a database \
    replaying logs) is left with files it was never told about.",
        sources: &[
            "VSS_WRITERRESTORE_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_writerrestore_enum",
            "IVssCreateWriterMetadata::SetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setrestoremethod",
            "Real DiskShadow output shows writerRestore=\"never\" and \"always\"",
        ],
    }),
    check: Check::Writer(check),
};

const HELP: &str = "say whether the writer handles restore events: writerRestore=\"never\" (it does not) or writerRestore=\"always\" (requesters must send PreRestore and PostRestore)";

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for rm in &w.restore_methods {
        let Some(a) = &rm.writer_restore else {
            cx.report(
                rm.node.span,
                "RESTORE_METHOD has no writerRestore attribute",
            )
            .label("writer participation not stated")
            .help(HELP);
            continue;
        };
        if a.raw.trim().is_empty() {
            cx.report(a.span, "writerRestore is empty")
                .label("writer participation not stated")
                .help(HELP);
            continue;
        }
        match cx.settings.writer_restore(a) {
            WriterRestore::Unknown => {
                let d = cx.report(
                    a.span,
                    format!("writerRestore \"{}\" is not a known value", a.raw),
                );
                d.label("unknown writerRestore");
                crate::toolkit::hints::enum_fix(
                    d,
                    WRITER_RESTORE_SPELLINGS,
                    "writerRestore",
                    a.span,
                    a.raw,
                    "writer-restore",
                );
            }
            WriterRestore::Undefined => {
                cx.report(
                    a.span,
                    format!(
                        "writerRestore \"{}\" is VSS_WRE_UNDEFINED, a writer error",
                        a.raw
                    ),
                )
                .label("undefined writerRestore")
                .help(HELP);
            }
            _ => {}
        }
    }
}
