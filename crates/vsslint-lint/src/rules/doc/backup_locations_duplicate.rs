//! `doc/backup-locations-duplicate`: at most one `BACKUP_LOCATIONS`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("doc/backup-locations-duplicate" {
        code: "VSL009",
        severity: Severity::Warning,
        summary: "More than one BACKUP_LOCATIONS",
        what: "Reports every `BACKUP_LOCATIONS` after the first.",
        why: "Windows writes all components and exclude lists of a writer into one \
    `BACKUP_LOCATIONS`; a second one is the mark of a merged or hand-edited document, and readers \
    may ignore it.",
        sources: &[
            "Every writer metadata document in real DiskShadow output has at most one BACKUP_LOCATIONS",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(first) = w.backup_locations.first() else {
        return;
    };
    for extra in &w.backup_locations[1..] {
        cx.report(extra.span, "a second BACKUP_LOCATIONS element")
            .label("second BACKUP_LOCATIONS")
            .help("move its components and exclude lists into the first BACKUP_LOCATIONS")
            .related(first.span, "first BACKUP_LOCATIONS here");
    }
}
