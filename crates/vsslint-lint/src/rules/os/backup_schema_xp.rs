//! `os/backup-schema-xp`: a backup schema on a target without `SetBackupSchema`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::toolkit::attrs::parsed;
use vsslint_model::flags::Mask;
use vsslint_model::model::WriterMetadata;
use vsslint_model::os::{feature, last_without, os_doc, Feature};

pub static RULE: Rule = Rule {
    meta: rule!("os/backup-schema-xp" {
        code: "VSL801",
        profile: Profile::TargetOs,
        example_target: Some(last_without(Feature::BackupSchema)),
        summary: "backupSchema on a target that predates backup schemas",
        what: os_doc!("os/backup-schema-xp", "Reports a nonzero `backupSchema` when the \
    `--target-os` release predates `IVssCreateWriterMetadata::SetBackupSchema`. A schema of 0 \
    is what a writer without a schema has, so `backupSchema=\"0\"` is left to \
    `schema/explicit-zero`. The individual bits that need later releases are checked by \
    `os/backup-schema-bits`, which stays silent on the targets this rule covers."),
        why: "A writer on such a release cannot declare a backup schema: it takes part in full \
    backups only, and a requester reading the stored document would expect differential, \
    incremental or log backups that the writer never supports there.",
        sources: &[
            "IVssCreateWriterMetadata::SetBackupSchema: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setbackupschema",
            "Summary of VSS API Changes in the Current Release: https://learn.microsoft.com/en-us/windows/win32/vss/summary-of-vss-api-changes-in-the-current-release",
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
    let f = feature(Feature::BackupSchema);
    if s.is_empty() || !f.too_new_for(target) {
        return;
    }
    let bits = crate::toolkit::os_features::too_new_bits("os/backup-schema-bits", s.bits(), target);
    let upgrade = crate::toolkit::os_features::newest(&bits).map_or(f.min(), |v| v.max(f.min()));
    cx.report(
        a.span,
        format!("backupSchema {} = {}: {}", s.bits(), s.describe(), f.needs(target)),
    )
    .label(format!("needs {upgrade}"))
    .help(format!(
        "a writer on {target} cannot set a backup schema and takes part in full backups only: remove backupSchema, or target {upgrade} or later"
    ));
}
