//! What the two releases of a writer say for the writer as a whole, read for comparison: the
//! `backupSchema` mask and `RESTORE_METHOD` (the compat specification's §2.B and §2.C).
//!
//! Absent values take the meaning the specification's §1.3 gives them (`backupSchema` absent
//! is 0, a `RESTORE_METHOD` or `method` absent is no method). A value that cannot be read —
//! a mask that is not a number, a spelling outside the vocabulary where a known one is
//! needed — is not compared: the single-document rules say what is wrong with it, and a
//! guess here would report a change that may not be one.

use crate::rule_api::{Pair, Side};
use vsslint_model::flags::BackupSchema;
use vsslint_model::model::{Attr, RestoreMethod, WriterMetadata};
use vsslint_model::span::Span;
use vsslint_model::vocab::{Method, WriterRestore};

/// One side's `backupSchema`: its bits and where a finding about them points.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Schema {
    pub bits: BackupSchema,
    /// The attribute's value, or the document element when the attribute is absent.
    pub span: Span,
    pub present: bool,
}

impl Schema {
    /// `None` when the attribute is there but is not a number.
    fn of(doc: &WriterMetadata) -> Option<Schema> {
        match &doc.backup_schema {
            None => Some(Schema {
                bits: BackupSchema::empty(),
                span: doc.node.span,
                present: false,
            }),
            Some(a) => Some(Schema {
                bits: a.value?,
                span: a.span,
                present: true,
            }),
        }
    }

    /// `backupSchema 3 (DIFFERENTIAL | INCREMENTAL)`, or `no backupSchema (0)`.
    pub fn shown(&self) -> String {
        use vsslint_model::flags::Mask;
        if self.present {
            format!(
                "backupSchema {} ({})",
                self.bits.bits(),
                self.bits.describe()
            )
        } else {
            "no backupSchema (0)".to_string()
        }
    }
}

/// The `backupSchema` of OLD and of NEW, when both can be read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SchemaChange {
    pub old: Schema,
    pub new: Schema,
}

impl SchemaChange {
    /// The bits of `among` that OLD sets and NEW does not.
    pub fn lost(&self, among: BackupSchema) -> BackupSchema {
        self.old.bits.difference(self.new.bits) & among
    }

    /// The bits of `among` that NEW sets and OLD does not. Bits no constant names count:
    /// `from_bits_retain` keeps them.
    pub fn gained(&self, among: BackupSchema) -> BackupSchema {
        BackupSchema::from_bits_retain(self.new.bits.bits() & !self.old.bits.bits() & among.bits())
    }
}

pub(crate) fn schemas(pair: &Pair) -> Option<SchemaChange> {
    Some(SchemaChange {
        old: Schema::of(pair.old.doc)?,
        new: Schema::of(pair.new.doc)?,
    })
}

/// Each side's `RESTORE_METHOD` (the first, when a document has several:
/// `IVssExamineWriterMetadata::GetRestoreMethod` returns one).
pub(crate) fn restore_methods<'p>(
    pair: &'p Pair,
) -> (Option<&'p RestoreMethod<'p>>, Option<&'p RestoreMethod<'p>>) {
    (
        pair.old.doc.restore_methods.first(),
        pair.new.doc.restore_methods.first(),
    )
}

/// Whether two `method` attributes name the same restore method: by the constant they stand
/// for (two spellings of one constant are one method), or as written when outside the
/// vocabulary. Absent is no method.
pub(crate) fn same_method(old: Option<&Attr<Method>>, new: Option<&Attr<Method>>) -> bool {
    match (old, new) {
        (None, None) => true,
        (Some(o), Some(n)) => match (o.value, n.value) {
            (Method::Unknown, Method::Unknown) => o.raw == n.raw,
            (o, n) => o == n,
        },
        _ => false,
    }
}

/// The methods under which a requester stops the service the document names.
pub(crate) fn stops_service(m: Option<&Attr<Method>>) -> bool {
    m.is_some_and(|m| matches!(m.value, Method::StopRestoreStart | Method::RestoreStopStart))
}

/// The methods that restore at reboot, where restore targets have no effect.
pub(crate) fn restores_at_reboot(m: Option<&Attr<Method>>) -> bool {
    m.is_some_and(|m| {
        matches!(
            m.value,
            Method::RestoreAtReboot | Method::RestoreAtRebootIfCannotReplace
        )
    })
}

/// How a `method` reads in a message: as written, or `no method`.
pub(crate) fn method_shown(m: Option<&Attr<Method>>) -> String {
    m.map_or("no method".to_string(), |m| format!("`{}`", m.raw))
}

/// Where a finding about an attribute of `RESTORE_METHOD` points on `side` when the attribute
/// is not there: the element, or the document element when there is no `RESTORE_METHOD`.
pub(crate) fn restore_method_span(side: &Side, rm: Option<&RestoreMethod>) -> Span {
    rm.map_or(side.doc.node.span, |rm| rm.node.span)
}

/// Each side's `writerRestore`, when both releases have a `RESTORE_METHOD` whose
/// `writerRestore` is `never`, `ifReplaceFails` or `always`. `undefined` (a writer error) and
/// spellings outside the vocabulary are not compared; a missing `RESTORE_METHOD` is
/// `compat/restore-method-changed`'s.
pub(crate) fn writer_restores<'p>(
    pair: &'p Pair,
) -> Option<(&'p Attr<'p, WriterRestore>, &'p Attr<'p, WriterRestore>)> {
    let known = |rm: Option<&'p RestoreMethod<'p>>| {
        rm?.writer_restore.as_ref().filter(|a| {
            matches!(
                a.value,
                WriterRestore::Never | WriterRestore::IfReplaceFails | WriterRestore::Always
            )
        })
    };
    let (old, new) = restore_methods(pair);
    Some((known(old)?, known(new)?))
}

/// Whether a `writerRestore` involves the writer in restores.
pub(crate) fn involves_writer(w: WriterRestore) -> bool {
    matches!(w, WriterRestore::IfReplaceFails | WriterRestore::Always)
}

/// One side's `rebootRequired`: its value (absent is `no`, as for the other yes/no
/// attributes) and where a finding points (the attribute, or `RESTORE_METHOD` without it).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reboot {
    pub required: bool,
    pub span: Span,
}

/// Each side's `rebootRequired`, when both releases have a `RESTORE_METHOD` and neither
/// spells the attribute other than `yes` or `no`.
pub(crate) fn reboots(pair: &Pair) -> Option<(Reboot, Reboot)> {
    let of = |rm: Option<&RestoreMethod>| {
        let rm = rm?;
        match &rm.reboot_required {
            None => Some(Reboot {
                required: false,
                span: rm.node.span,
            }),
            Some(a) => Some(Reboot {
                required: a.value?,
                span: a.span,
            }),
        }
    };
    let (old, new) = restore_methods(pair);
    Some((of(old)?, of(new)?))
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::settings::Settings;

    /// A writer document with `root` as the attributes of its document element after the
    /// namespace, `restore` in place of `RESTORE_METHOD`, and major version `major`.
    pub(crate) fn doc(root: &str, restore: &str, major: u32) -> String {
        format!(
            r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"{root}>
  <IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" instanceId="9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33" friendlyName="Contoso Ledger Writer" usage="USER_DATA" dataSource="OTHER" majorVersion="{major}" minorVersion="0"/>
  {restore}
  <BACKUP_LOCATIONS>
    <FILE_GROUP componentName="Ledgers" caption="Ledgers" selectable="yes">
      <FILE_LIST path="C:\ProgramData\Contoso\Ledgers" filespec="*.idx" recursive="no" filespecBackupType="3855"/>
    </FILE_GROUP>
  </BACKUP_LOCATIONS>
</WRITER_METADATA>"#
        )
    }

    /// The `compat/` findings of comparing `old` with `new` with every compat rule on,
    /// optional ones too: each rule's slug, the text its finding points at in NEW and the
    /// text its related location points at in OLD.
    pub(crate) fn compared(old: &str, new: &str) -> Vec<(&'static str, String, String)> {
        let mut settings = Settings::default();
        for rule in crate::rules::all() {
            if rule.meta.slug.starts_with("compat/") {
                settings
                    .rules
                    .insert(rule.meta.slug, Some(rule.meta.severity));
            }
        }
        let files = crate::pipeline::compare(
            &[("old.xml", old.as_bytes())],
            &[("new.xml", new.as_bytes())],
            false,
            &settings,
        );
        let compat = |d: &&crate::diagnostic::Diagnostic| d.rule.slug.starts_with("compat/");
        assert_eq!(
            files[0].diagnostics.iter().filter(compat).count(),
            0,
            "nothing is reported in OLD"
        );
        let text = |t: &str, s: vsslint_model::span::Span| t[s.start..s.end].to_string();
        files[1]
            .diagnostics
            .iter()
            .filter(compat)
            .map(|d| {
                let related = d
                    .related
                    .first()
                    .map_or(String::new(), |r| text(&files[0].text, r.span));
                (d.rule.slug, text(&files[1].text, d.span), related)
            })
            .collect()
    }

    fn rm(attrs: &str) -> String {
        format!("<RESTORE_METHOD {attrs}/>")
    }

    const NEVER: &str =
        r#"method="RESTORE_IF_CAN_BE_REPLACED" writerRestore="never" rebootRequired="no""#;

    fn found(list: &[(&'static str, &str, &str)]) -> Vec<(&'static str, String, String)> {
        list.iter()
            .map(|(r, n, o)| (*r, n.to_string(), o.to_string()))
            .collect()
    }

    #[test]
    fn an_absent_backup_schema_is_zero_and_located_at_the_document_element() {
        let restore = rm(NEVER);
        assert_eq!(
            compared(
                &doc("", &restore, 1),
                &doc(r#" backupSchema="3""#, &restore, 1)
            ),
            found(&[("compat/schema-bit-added", "3", "WRITER_METADATA")])
        );
        assert_eq!(
            compared(
                &doc(r#" backupSchema="19""#, &restore, 1),
                &doc("", &restore, 2)
            ),
            found(&[("compat/schema-backup-type-removed", "WRITER_METADATA", "19")])
        );
        assert_eq!(
            compared(
                &doc("", &restore, 1),
                &doc(r#" backupSchema="0""#, &restore, 1)
            ),
            found(&[])
        );
    }

    #[test]
    fn a_backup_schema_that_is_no_number_is_not_compared() {
        let restore = rm(NEVER);
        assert_eq!(
            compared(
                &doc(r#" backupSchema="19""#, &restore, 1),
                &doc(r#" backupSchema="0x13""#, &restore, 2)
            ),
            found(&[])
        );
    }

    #[test]
    fn each_kind_of_lost_bit_is_one_finding_of_its_rule() {
        let restore = rm(NEVER);
        // DIFFERENTIAL | INCREMENTAL | COPY | TIMESTAMPED | NEW_TARGET | INDEPENDENT_SYSTEM_STATE
        let old = doc(r#" backupSchema="1331""#, &restore, 1);
        let new = doc(r#" backupSchema="0""#, &restore, 2);
        let got: Vec<&str> = compared(&old, &new).iter().map(|f| f.0).collect();
        assert_eq!(
            got,
            [
                "compat/schema-backup-type-removed",
                "compat/schema-restore-capability-removed",
                "compat/schema-incremental-mechanism-removed",
                "compat/schema-system-state-changed",
            ]
        );
    }

    #[test]
    fn gaining_the_exclusive_bit_is_a_restriction_and_other_bits_are_added() {
        let restore = rm(NEVER);
        let old = doc(r#" backupSchema="3""#, &restore, 1);
        // EXCLUSIVE_INCREMENTAL_DIFFERENTIAL and a bit no constant names (0x800).
        let new = doc(r#" backupSchema="2055""#, &restore, 2);
        let got: Vec<&str> = compared(&old, &new).iter().map(|f| f.0).collect();
        assert_eq!(
            got,
            ["compat/schema-restriction-added", "compat/schema-bit-added"]
        );
    }

    #[test]
    fn the_stamp_reminder_needs_another_version() {
        let restore = rm(NEVER);
        let stamped = r#" backupSchema="35""#;
        let old = doc(stamped, &restore, 1);
        assert_eq!(compared(&old, &doc(stamped, &restore, 1)), found(&[]));
        assert_eq!(
            compared(
                &old,
                &doc(stamped, &restore, 1).replace(r#"majorVersion="1""#, r#"majorVersion="01""#)
            ),
            found(&[])
        );
        assert_eq!(
            compared(&old, &doc(stamped, &restore, 2)),
            found(&[("compat/backup-stamp-format", "35", "35")])
        );
    }

    #[test]
    fn a_restore_method_gone_is_a_method_change_and_nothing_else() {
        let old = doc(
            "",
            &rm(
                r#"method="STOP_RESTORE_START" service="Ledger" writerRestore="always" rebootRequired="yes""#,
            ),
            1,
        );
        assert_eq!(
            compared(&old, &doc("", "", 2)),
            found(&[(
                "compat/restore-method-changed",
                "WRITER_METADATA",
                "STOP_RESTORE_START"
            )])
        );
        assert_eq!(
            compared(
                &doc("", "", 1),
                &old.replace(r#"majorVersion="1""#, r#"majorVersion="2""#)
            ),
            found(&[(
                "compat/restore-method-changed",
                "STOP_RESTORE_START",
                "WRITER_METADATA"
            )])
        );
    }

    #[test]
    fn methods_compare_by_constant_and_unknown_spellings_as_written() {
        let with = |m: &str, major| {
            doc(
                "",
                &rm(&format!(r#"method="{m}" writerRestore="never""#)),
                major,
            )
        };
        let same = |a: &str, b: &str| compared(&with(a, 1), &with(b, 2)).is_empty();
        assert!(same("RESTORE_IF_CAN_BE_REPLACED", "RESTORE_IF_CAN_REPLACE"));
        assert!(same("LATER", "LATER"));
        assert!(!same("LATER", "SOONER"));
        assert!(!same("RESTORE_IF_NOT_THERE", "LATER"));
    }

    #[test]
    fn the_service_is_compared_between_stop_start_methods_only() {
        let with = |m: &str, service: &str, major| {
            doc(
                "",
                &rm(&format!(r#"method="{m}"{service} writerRestore="never""#)),
                major,
            )
        };
        let old = with("STOP_RESTORE_START", r#" service="Ledger""#, 1);
        // Another stop/start method naming the same service: a method change only.
        let got: Vec<&str> = compared(&old, &with("RESTORE_STOP_START", r#" service="LEDGER""#, 2))
            .iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(got, ["compat/restore-method-changed"]);
        assert_eq!(
            compared(&old, &with("STOP_RESTORE_START", "", 2)),
            found(&[("compat/restore-service-changed", "RESTORE_METHOD", "Ledger")])
        );
        assert_eq!(
            compared(
                &with("STOP_RESTORE_START", "", 1),
                &with("STOP_RESTORE_START", r#" service="Ledger""#, 2)
            ),
            found(&[("compat/restore-service-changed", "Ledger", "RESTORE_METHOD")])
        );
    }

    #[test]
    fn writer_restore_values_outside_the_three_are_not_compared() {
        let with = |w: &str, major| {
            doc(
                "",
                &rm(&format!(
                    r#"method="RESTORE_IF_CAN_BE_REPLACED" writerRestore="{w}""#
                )),
                major,
            )
        };
        assert_eq!(
            compared(&with("undefined", 1), &with("never", 2)),
            found(&[])
        );
        assert_eq!(
            compared(&with("always", 1), &with("sometimes", 2)),
            found(&[])
        );
        assert_eq!(
            compared(&with("ifReplaceFails", 1), &with("never", 2)),
            found(&[("compat/writer-restore-dropped", "never", "ifReplaceFails")])
        );
        assert_eq!(
            compared(&with("if_replace_fails", 1), &with("ifReplaceFails", 1)),
            found(&[])
        );
    }

    #[test]
    fn an_absent_reboot_required_is_no() {
        let with = |reboot: &str, major| {
            doc(
                "",
                &rm(&format!(
                    r#"method="RESTORE_IF_CAN_BE_REPLACED" writerRestore="never"{reboot}"#
                )),
                major,
            )
        };
        assert_eq!(
            compared(&with("", 1), &with(r#" rebootRequired="yes""#, 2)),
            found(&[("compat/reboot-required-added", "yes", "RESTORE_METHOD")])
        );
        assert_eq!(
            compared(&with(r#" rebootRequired="yes""#, 1), &with("", 1)),
            found(&[("compat/reboot-required-removed", "RESTORE_METHOD", "yes")])
        );
        assert_eq!(
            compared(&with("", 1), &with(r#" rebootRequired="no""#, 1)),
            found(&[])
        );
        assert_eq!(
            compared(&with("", 1), &with(r#" rebootRequired="maybe""#, 2)),
            found(&[])
        );
    }
}
