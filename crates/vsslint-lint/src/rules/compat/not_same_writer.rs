//! `compat/not-same-writer`: the two documents compared are of different writers.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Rule};
use crate::rule_api::{Comparison, Side};
use crate::rule_meta::Severity;
use crate::toolkit::compat_identity::{id_span, id_text, shown};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/not-same-writer" {
        code: "VSL1001",
        severity: Severity::Error,
        summary: "The two documents compared are of different writers",
        what: "Comparing one document with another, the two writers are told apart by their class ID (`writerId`, a GUID compared as a value, whatever its case or braces) and their `friendlyName`. When both differ, the documents are not two releases of one writer: this is reported, at the new document's `writerId` with the old one's, and nothing else is compared. A class ID that changed under the same friendly name is `compat/writer-class-changed`, and the comparison goes on. Folders and backups are paired writer by writer instead, and never raise this.",
        why: "A writer is identified by its class ID (Microsoft: a writer class is identified by its writer class ID). Two documents of different classes and different names describe two writers, and what one changed against the other means nothing for either one's backups: the comparison would list every component as removed and added. Name the two releases of one writer's document.",
        sources: &[
            "VSS glossary (W): https://learn.microsoft.com/en-us/windows/win32/vss/vssgloss-w",
            "GetIdentityEx: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadataex-getidentityex",
        ],
    }),
    check: Check::Compare(Compare::Whole(check)),
};

fn check(cx: &mut CompareCx, cmp: &Comparison) {
    if !cmp.pairing.not_same_writer {
        return;
    }
    let (Some(old), Some(new)) = (cmp.old.first(), cmp.new.first()) else {
        return;
    };
    let span = |s: &Side| id_span(s, |id| id.writer_id.as_ref().map(|a| a.span));
    let who = |s: &Side| {
        let class = s
            .doc
            .identification()
            .and_then(|id| id.writer_id.as_ref())
            .map(|a| a.raw);
        format!(
            "{} (class {})",
            shown(id_text(s, |id| id.friendly_name.as_ref())),
            class.unwrap_or("(none)")
        )
    };
    cx.report_pair(
        (old, span(old)),
        (new, span(new)),
        format!(
            "the new document is another writer, {}, than the old one, {}: nothing else is compared",
            who(new),
            who(old)
        ),
    )
    .label("another writer class and name")
    .help("compare two releases of one writer's document; if this is one writer, give the new release the old release's class ID (writerId)");
}
