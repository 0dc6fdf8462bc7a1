//! `schema/undefined-bits`: `backupSchema` sets no bit outside `VSS_BACKUP_SCHEMA`.

use crate::diagnostic::{Applicability, Fix};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::schema::{decoded, schema_attr, written};
use vsslint_model::flags::{BackupSchema, Mask};
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("schema/undefined-bits" {
        code: "VSL202",
        severity: Severity::Error,
        fix: Some(crate::rule_meta::Applicability::Unsafe),
        summary: "backupSchema sets a bit that VSS_BACKUP_SCHEMA does not define",
        what: "Every bit of `backupSchema` must be one of the `VSS_BACKUP_SCHEMA` values. The \
    defined bits are 0x1 to 0x400 and 0x1000 to 0x8000 (mask 0xF7FF): 0x800 has no constant, and \
    nothing from 0x10000 up is defined.",
        why: "The `VSS_BACKUP_SCHEMA` page defines the bits a schema may hold, and \
    `IVssCreateWriterMetadata::SetBackupSchema` documents `E_INVALIDARG` for a schema argument \
    that is not valid. A bit the enumeration does not define means nothing to a requester: it \
    cannot tell what the writer meant. A hand-edited value or a mask written for another \
    enumeration (`VSS_FILE_SPEC_BACKUP_TYPE` uses 0x800) are the usual causes.",
        sources: &[
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "IVssCreateWriterMetadata::SetBackupSchema: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setbackupschema",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some((a, s)) = schema_attr(w) else {
        return;
    };
    let undefined = s.undefined_bits();
    if undefined == 0 {
        return;
    }
    let (what, bits) = if undefined.count_ones() == 1 {
        ("this bit is", "bit")
    } else {
        ("these bits are", "bits")
    };
    let defined = BackupSchema::from_bits_truncate(s.bits());
    let help = format!("clear the undefined {bits}: {}", written(defined));
    let d = cx
        .report(
            a.span,
            format!("{}; {what} not part of VSS_BACKUP_SCHEMA", decoded(s)),
        )
        .label(format!("undefined 0x{undefined:X}"));
    // Unsafe: the value declared changes, and whoever set the bits may read them back. With
    // no defined bit left the help says to leave the attribute out, which a fix confined to
    // the value cannot do.
    if defined.is_empty() {
        d.help(help);
    } else {
        d.fix(
            help,
            Fix::replace(a.span, defined.bits().to_string(), Applicability::Unsafe),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability;
    use crate::settings::Settings;
    use crate::toolkit::testing::run_rule;

    fn fix_of(schema: &str) -> Option<(Applicability, String)> {
        let doc = format!(
            r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2" backupSchema="{schema}"><IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" instanceId="9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33" friendlyName="W" usage="USER_DATA" dataSource="OTHER"/></WRITER_METADATA>"#
        );
        let found = run_rule(&super::RULE, &Settings::default(), &doc);
        assert_eq!(found.len(), 1, "{schema}");
        let fix = found[0].fix.as_deref()?;
        Some((fix.applicability, fix.edits[0].replacement.to_string()))
    }

    #[test]
    fn the_fix_keeps_the_defined_bits_and_is_unsafe() {
        assert_eq!(
            fix_of("2064"),
            Some((Applicability::Unsafe, "16".to_string()))
        );
        assert_eq!(
            fix_of("65537"),
            Some((Applicability::Unsafe, "1".to_string()))
        );
        assert_eq!(fix_of("2048"), None);
    }
}
