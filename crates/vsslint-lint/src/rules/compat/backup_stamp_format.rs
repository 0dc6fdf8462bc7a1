//! `compat/backup-stamp-format`: both releases use backup stamps, which the new one must
//! still read.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::{Profile, Severity};
use crate::toolkit::compat_writer::schemas;
use vsslint_model::flags::BackupSchema;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/backup-stamp-format" {
        code: "VSL1021",
        severity: Severity::Info,
        profile: Profile::Optional,
        summary: "Both releases use backup stamps: the new one must read the old one's",
        what: "A reminder, when `backupSchema` sets `TIMESTAMPED` (0x20) in both releases and \
    their writer versions (`majorVersion`, `minorVersion`) differ: a release compared with \
    itself needs no reminder. The finding is at the new release's `backupSchema`, with the \
    old release's.\n\n\
    For restoring a backup made with the old release: the backup carries the stamps the old \
    release wrote, which the writer now installed is given back. For a backup application's \
    saved selections: the first incremental or differential backup after the upgrade passes \
    the old release's last stamp to the new writer as the previous one.",
        why: "A backup stamp is \"a string containing information as to when a backup took \
    place\"; VSS places no restriction on its format \"except that it be intelligible to all \
    the writer instances of a given class\". The writer stores it at backup \
    (`IVssComponent::SetBackupStamp`) and retrieves it at restore \
    (`IVssComponent::GetPreviousBackupStamp`). Nothing in the metadata shows the stamp's \
    format, so no comparison can check it.\n\n\
    Keep the new release able to read the stamps the old one wrote; if their format changes, \
    make the new writer recognise the old format, and raise the writer's version \
    (`InitializeEx`).",
        sources: &[
            "Glossary, backup stamp: https://learn.microsoft.com/en-us/windows/win32/vss/vssgloss-b",
            "Writer backup schema support: https://learn.microsoft.com/en-us/windows/win32/vss/writer-backup-schema-support",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let Some(s) = schemas(pair) else {
        return;
    };
    let stamped = |bits: BackupSchema| bits.contains(BackupSchema::TIMESTAMPED);
    if !stamped(s.old.bits)
        || !stamped(s.new.bits)
        || version(pair.old.doc) == version(pair.new.doc)
    {
        return;
    }
    cx.changed(
        s.old.span,
        s.new.span,
        "both releases use backup stamps (TIMESTAMPED): backups made with the old release carry stamps the new writer must still read",
    )
    .label("TIMESTAMPED in both releases")
    .help("keep the stamp's format, or make the new writer recognise the old one's");
}

/// The writer version, as numbers where they read as numbers (`01` is 1), else as written.
fn version(doc: &vsslint_model::model::WriterMetadata) -> (Option<String>, Option<String>) {
    let id = doc.identification();
    let part = |a: Option<&vsslint_model::model::Number>| {
        a.map(|a| a.value.map_or(a.raw.to_string(), |v| v.to_string()))
    };
    (
        part(id.and_then(|i| i.major_version.as_ref())),
        part(id.and_then(|i| i.minor_version.as_ref())),
    )
}
