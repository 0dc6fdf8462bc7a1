//! `id/data-source-invalid`: `dataSource` is a known source type and not `UNDEFINED`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::{DataSource, DATA_SOURCE_SPELLINGS};

pub static RULE: Rule = Rule {
    meta: rule!("id/data-source-invalid" {
        code: "VSL106",
        severity: Severity::Error,
        fix: Some(crate::rule_meta::Applicability::Safe),
        summary: "dataSource is not a known source type, or is UNDEFINED",
        what: "`IDENTIFICATION/@dataSource` must name a `VSS_SOURCE_TYPE`. Confirmed by real \
    documents: `TRANSACTION_DB` (`VSS_ST_TRANSACTEDDB`) and `OTHER` (`VSS_ST_OTHER`). Inferred by \
    analogy (no public document shows them): `NONTRANSACTION_DB` (`VSS_ST_NONTRANSACTEDDB`) and \
    `UNDEFINED` (`VSS_ST_UNDEFINED`). `UNDEFINED` is accepted as a spelling but reported, because \
    the value itself is a writer error. A missing `dataSource` is reported by \
    `doc/identification-count`.\n\n\
    If a writer writes another spelling for one of these values, map it to its constant under \
    `[accept.data-source]` in `vsslint.toml` (for example `\"NONTRANSACTED_DB\" = \
    \"VSS_ST_NONTRANSACTEDDB\"`); this rule then accepts it.",
        why: "The source type tells a requester what kind of data the writer manages: a \
    transactional database, a non-transactional one, or files (`OTHER`, the default). \
    Microsoft documents `VSS_ST_UNDEFINED` as a writer error that requesters should report, and \
    a spelling VSS does not know may not match its (unpublished) schema, which \
    `CreateVssExamineWriterMetadata` reports as `VSS_E_INVALID_XML_DOCUMENT`.",
        sources: &[
            "CreateVssExamineWriterMetadata: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-createvssexaminewritermetadata",
            "VSS_SOURCE_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_source_type",
            "Real DiskShadow output shows TRANSACTION_DB (SQL Server writer) and OTHER",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for id in &w.identifications {
        let Some(a) = &id.data_source else {
            continue;
        };
        match cx.settings.data_source(a) {
            DataSource::Unknown => {
                let shown = if a.raw.is_empty() {
                    "empty".to_string()
                } else {
                    format!("\"{}\"", a.raw)
                };
                let d = cx.report(
                    a.span,
                    format!("dataSource {shown} is not a known source type"),
                );
                d.label("unknown source type");
                crate::toolkit::hints::enum_fix(
                    d,
                    DATA_SOURCE_SPELLINGS,
                    "dataSource",
                    a.span,
                    a.raw,
                    "data-source",
                );
            }
            DataSource::Undefined => {
                cx.report(a.span, format!("dataSource \"{}\" is VSS_ST_UNDEFINED, a writer error", a.raw))
                    .label("undefined source type")
                    .help("declare the kind of data the writer manages: TRANSACTION_DB or NONTRANSACTION_DB for a database, OTHER for files");
            }
            _ => {}
        }
    }
}
