//! `fs/fsbt-undefined-bits`: `filespecBackupType` uses defined bits only.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::attrs::parsed;
use vsslint_model::flags::Mask;
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/fsbt-undefined-bits" {
        code: "VSL611",
        severity: Severity::Error,
        summary: "filespecBackupType has bits outside VSS_FILE_SPEC_BACKUP_TYPE",
        what: "`filespecBackupType` is a mask of `VSS_FILE_SPEC_BACKUP_TYPE` values: the backup \
    bits 0x1–0x8, the snapshot bits 0x100–0x800 and `VSS_FSBT_CREATED_DURING_BACKUP` (0x10000), \
    together 0x10F0F. Any other bit is reported.",
        why: "A bit with no definition has no meaning a requester can act on. It usually betrays \
    a mask built from the wrong enumeration (for example a backup schema value) or a hexadecimal \
    value read as decimal.",
        sources: &[
            "VSS_FILE_SPEC_BACKUP_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_file_spec_backup_type",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component, f: &FileSet) {
    let Some((a, mask)) = parsed(&f.backup_type) else {
        return;
    };
    let undefined = mask.undefined_bits();
    if undefined == 0 {
        return;
    }
    let defined = mask.bits() & !undefined;
    cx.report(
        a.span,
        format!(
            "filespecBackupType {} of <{}> in component \"{}\" sets undefined bits 0x{undefined:X}",
            a.raw,
            f.node.name,
            c.full_name()
        ),
    )
    .label(format!("undefined 0x{undefined:X}"))
    .help(if defined == 0 {
        "keep only VSS_FILE_SPEC_BACKUP_TYPE bits (mask 0x10F0F), e.g. the default filespecBackupType=\"3855\" (0xF0F)".to_string()
    } else {
        format!(
            "keep only VSS_FILE_SPEC_BACKUP_TYPE bits (mask 0x10F0F): filespecBackupType=\"{defined}\" keeps the defined ones; the default is 3855 (0xF0F)"
        )
    });
}
