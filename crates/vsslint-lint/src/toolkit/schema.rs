//! Shared by the `schema/*` rules.

use crate::rule_api::Cx;
use vsslint_model::flags::{BackupSchema, Mask};
use vsslint_model::model::{Attr, WriterMetadata};

/// The parsed `backupSchema` attribute, when it is a number (`schema/format` reports the rest).
pub(crate) fn schema_attr<'w, 'a>(
    w: &'w WriterMetadata<'a>,
) -> Option<(&'w Attr<'a, Option<BackupSchema>>, BackupSchema)> {
    crate::toolkit::attrs::parsed(&w.backup_schema)
}

/// `backupSchema 32 = TIMESTAMPED`: the value as written and the bits it decodes to.
pub(crate) fn decoded(s: BackupSchema) -> String {
    format!("backupSchema {} = {}", s.bits(), s.describe())
}

/// How to write a mask in a fix: the attribute with its value, or leaving it out for 0.
pub(crate) fn written(s: BackupSchema) -> String {
    if s.is_empty() {
        "leave backupSchema out (0 is the default, full backups only)".to_string()
    } else {
        format!("backupSchema=\"{}\"", s.bits())
    }
}

/// The rules of the form "bit X needs bits Y" (both of them when `all`, else either).
pub(crate) fn check_needs(
    cx: &mut Cx,
    w: &WriterMetadata,
    bit: BackupSchema,
    needs: BackupSchema,
    all: bool,
) {
    let Some((a, s)) = schema_attr(w) else {
        return;
    };
    if !s.contains(bit) {
        return;
    }
    let ok = if all {
        s.contains(needs)
    } else {
        s.intersects(needs)
    };
    if ok {
        return;
    }
    let name = bit.describe();
    let (message, label, add) = if all {
        let missing = needs.difference(s);
        (
            format!(
                "{}; {name} needs both {}",
                decoded(s),
                needs.describe().replace(" | ", " and ")
            ),
            format!("{} missing", missing.describe().replace(" | ", " and ")),
            format!(
                "if the writer supports both kinds of backup, add {}: {}",
                missing.describe().replace(" | ", " and "),
                written(s | needs)
            ),
        )
    } else {
        let ways: Vec<String> = needs
            .iter_names()
            .map(|(n, b)| format!("{n} ({})", written(s | b)))
            .collect();
        (
            format!(
                "{}; {name} needs {}",
                decoded(s),
                needs.describe().replace(" | ", " or ")
            ),
            format!("no {} bit", needs.describe().replace(" | ", " or ")),
            format!(
                "if the writer supports differential or incremental backups, add {}",
                ways.join(" or ")
            ),
        )
    };
    cx.report(a.span, message).label(label).help(format!(
        "{add}; otherwise clear {name}: {}",
        written(s.difference(bit))
    ));
}
