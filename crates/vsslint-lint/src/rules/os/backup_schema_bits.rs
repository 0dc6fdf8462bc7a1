//! `os/backup-schema-bits`: backup schema bits newer than the target.

use crate::diagnostic::{Applicability, Fix};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::toolkit::attrs::parsed;
use vsslint_model::flags::BackupSchema;
use vsslint_model::model::WriterMetadata;
use vsslint_model::os::{feature, last_without, os_doc, Feature};

pub static RULE: Rule = Rule {
    meta: rule!("os/backup-schema-bits" {
        code: "VSL802",
        fix: Some(crate::rule_meta::Applicability::Unsafe),
        profile: Profile::TargetOs,
        example_target: Some(last_without(Feature::ParallelRestores)),
        summary: "backupSchema sets a bit that the target Windows release does not support",
        what: os_doc!("os/backup-schema-bits", "Reports the `backupSchema` bits that the \
    `--target-os` release does not support, in one finding per document. The bits of the \
    original schema (DIFFERENTIAL to WRITER_SUPPORTS_NEW_TARGET) are as old as `backupSchema` \
    itself; on a target that predates the attribute, `os/backup-schema-xp` reports it and this \
    rule stays silent."),
        why: "VSS on an older release does not know the bit (the `VSS_BACKUP_SCHEMA` page says \
    which release introduced each), and a requester on that release cannot offer what it \
    promises, such as moving a component to another writer instance or parallel restores.",
        sources: &[
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "Writer Backup Schema Support: https://learn.microsoft.com/en-us/windows/win32/vss/writer-backup-schema-support",
            "What's New in VSS in Windows Server 2008 and Windows Vista SP1: https://learn.microsoft.com/en-us/windows/win32/vss/what-s-new-in-vss-in-windows-server-2008-and-windows-vista-sp1",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(target) = cx.settings.target_os else {
        return;
    };
    let Some((a, s)) = parsed(&w.backup_schema) else {
        return;
    };
    if feature(Feature::BackupSchema).too_new_for(target) {
        return;
    }
    let bits = crate::toolkit::os_features::too_new_bits(RULE.meta.slug, s.bits(), target);
    let Some(upgrade) = crate::toolkit::os_features::newest(&bits) else {
        return;
    };
    let cleared = BackupSchema::from_bits_retain(bits.iter().fold(s.bits(), |m, f| m & !f.bit));
    let keep = if cleared.is_empty() {
        "remove backupSchema".to_string()
    } else {
        format!("write backupSchema=\"{}\"", cleared.bits())
    };
    let fix = (!cleared.is_empty())
        .then(|| Fix::replace(a.span, cleared.bits().to_string(), Applicability::Unsafe));
    let what = if bits.len() == 1 {
        "the bit"
    } else {
        "the bits"
    };
    let d = cx.report(
        a.span,
        crate::toolkit::os_features::needs_all(&bits, target),
    );
    d.label(format!("needs {upgrade}"));
    let help = format!("clear {what} for {target} ({keep}), or target {upgrade} or later");
    match fix {
        Some(fix) => d.fix(help, fix),
        None => d.help(help),
    };
}
