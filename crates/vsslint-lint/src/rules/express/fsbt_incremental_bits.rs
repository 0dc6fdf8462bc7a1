//! `express/fsbt-incremental-bits`: express file sets are needed in full backups only.

use crate::diagnostic::{Applicability, Fix};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use crate::toolkit::attrs::parsed;
use vsslint_model::flags::{FileSpecBackupType, Mask};
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("express/fsbt-incremental-bits" {
        code: "VSL709",
        severity: Severity::Error,
        fix: Some(crate::rule_meta::Applicability::Unsafe),
        profile: Profile::Express,
        summary: "an express writer's file set is required in differential, incremental or log backups",
        what: "With `--express`, reports a `filespecBackupType` that sets \
    `VSS_FSBT_DIFFERENTIAL_BACKUP_REQUIRED` (0x2), `VSS_FSBT_INCREMENTAL_BACKUP_REQUIRED` (0x4) \
    or `VSS_FSBT_LOG_BACKUP_REQUIRED` (0x8). The one exception is the documented default, \
    exactly 3855 (0xF0F), which is also what an absent attribute means: it is not reported.\n\n\
    The exception exists because Microsoft contradicts itself: the express \
    `AddFilesToFileGroup` forbids these bits yet names 0xF0F, which contains them, as the \
    default, and the in-box Task Scheduler, VSS Metadata Store and Performance Counters \
    writers, new in Windows 7 alongside express writers, write 3855 on every file set. No \
    Microsoft page says whether those writers are express writers; their documents carry no \
    marker that would tell. Any other mask with these bits was chosen on purpose and is what \
    the API refuses.",
        why: "The express `AddFilesToFileGroup` says `dwBackupTypeMask` cannot include the \
    differential, incremental or log backup-required bits, and the regular \
    `IVssCreateWriterMetadata::AddFilesToFileGroup` page documents `VSS_E_NOT_SUPPORTED` for \
    an express writer whose mask does: \
    express writers take part in full and copy backups only. A writer built from this \
    manifest does not get the file set it asked for.",
        sources: &[
            "IVssCreateExpressWriterMetadata::AddFilesToFileGroup (dwBackupTypeMask): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreateexpresswritermetadata-addfilestofilegroup",
            "IVssCreateWriterMetadata::AddFilesToFileGroup (VSS_E_NOT_SUPPORTED): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
            "VSS_FILE_SPEC_BACKUP_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_file_spec_backup_type",
            "filespecBackupType=\"3855\" on the Task Scheduler, VSS Metadata Store and Performance Counters writers (real DiskShadow output and Windows 10 writer store)",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component, f: &FileSet) {
    let Some((a, mask)) = parsed(&f.backup_type) else {
        return;
    };
    if mask.bits() == FileSpecBackupType::DEFAULT {
        return;
    }
    let partial = FileSpecBackupType::DIFFERENTIAL_BACKUP_REQUIRED
        | FileSpecBackupType::INCREMENTAL_BACKUP_REQUIRED
        | FileSpecBackupType::LOG_BACKUP_REQUIRED;
    let bad = mask & partial;
    if bad.is_empty() {
        return;
    }
    let mut kept = mask.difference(partial);
    // Without any backup-required bit the file set would be in no backup at all.
    if !kept.intersects(FileSpecBackupType::ALL_BACKUP_REQUIRED) {
        kept |= FileSpecBackupType::FULL_BACKUP_REQUIRED;
    }
    cx.report(
        a.span,
        format!(
            "filespecBackupType {} of <{}> in express writer component \"{}\" sets {}",
            a.raw,
            f.node.name,
            c.full_name(),
            bad.describe()
        ),
    )
    .label("VSS_E_NOT_SUPPORTED for express writers")
    .fix(
        format!(
            "express writers support only full and copy backups: write filespecBackupType=\"{}\"{}",
            kept.bits(),
            if kept == mask.difference(partial) {
                ", the same mask without them"
            } else {
                " (the mask without them, and with FULL_BACKUP_REQUIRED)"
            }
        ),
        Fix::replace(a.span, kept.bits().to_string(), Applicability::Unsafe),
    );
}

#[cfg(test)]
mod tests {
    use crate::rule_meta::Severity;
    use crate::toolkit::testing::location_findings;

    /// "In-Box VSS Writers" lists Task Scheduler without calling it an express writer, and no
    /// other page does: the rule may only say what those writers write.
    #[test]
    fn does_not_call_in_box_writers_express_writers() {
        let what = super::RULE.meta.what;
        assert!(what.contains("Task Scheduler"), "{what}");
        assert!(!what.contains("own express writers"), "{what}");
        assert!(
            what.contains("No Microsoft page says whether those writers are express writers"),
            "{what}"
        );
    }

    fn on(mask: &str) -> Vec<(Severity, String)> {
        let set = format!(
            r#"<FILE_GROUP componentName="Ledger" selectable="yes"><FILE_LIST path="C:\Ledger" filespec="*" recursive="no" filespecBackupType="{mask}"/></FILE_GROUP>"#
        );
        location_findings(&super::RULE, &set, true)
    }

    /// The API refuses the bits; only the documented default is spared.
    #[test]
    fn a_deliberate_mask_is_an_error_and_the_default_is_not() {
        let found = on("259");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, Severity::Error);
        assert!(on("3855").is_empty());
        assert!(on("257").is_empty());
    }

    /// The help never points at the default, which holds the refused bits.
    #[test]
    fn the_help_names_a_mask_without_the_bits() {
        let doc = super::RULE.meta.bad;
        let d = crate::toolkit::testing::run_rule(
            &super::RULE,
            &crate::settings::Settings {
                express: true,
                ..Default::default()
            },
            doc,
        );
        let help = d[0].help.as_deref().unwrap_or_default();
        assert!(help.contains(r#"filespecBackupType="1793""#), "{help}");
        assert!(!help.contains("default"), "{help}");
        assert!(on("14")[0].1.contains("DIFFERENTIAL"));
    }
}
