//! `id/other-source-with-database`: a writer of files (`dataSource="OTHER"`) reports databases.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{ComponentKind, WriterMetadata};
use vsslint_model::vocab::DataSource;

pub static RULE: Rule = Rule {
    meta: rule!("id/other-source-with-database" {
        code: "VSL107",
        severity: Severity::Warning,
        summary: "dataSource is OTHER but the writer reports DATABASE components",
        what: "Warns when `IDENTIFICATION/@dataSource` is `OTHER` and the writer has at least one \
    `DATABASE` component. The converse is not reported: a database writer may describe its \
    databases as file groups, as the SQL Server writer does (`TRANSACTION_DB` with only \
    `FILE_GROUP` components).",
        why: "`VSS_ST_OTHER` is documented as \"unclassified: data will be in a file group\". \
    A writer that says so and then reports database components contradicts itself, and a \
    requester that chooses its handling (log backups, transactional restore) from the source type \
    treats the databases as plain files.",
        sources: &[
            "VSS_SOURCE_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_source_type",
            "Component Types: https://learn.microsoft.com/en-us/windows/win32/vss/component-types",
            "Real DiskShadow output: the SQL Server writer is TRANSACTION_DB with FILE_GROUP components only",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(id) = w.identification() else {
        return;
    };
    let Some(a) = &id.data_source else {
        return;
    };
    if cx.settings.data_source(a) != DataSource::Other {
        return;
    }
    let databases: Vec<_> = w
        .components
        .iter()
        .filter(|c| c.kind == ComponentKind::Database)
        .collect();
    let Some(first) = databases.first() else {
        return;
    };
    let count = match databases.len() {
        1 => format!("a DATABASE component (\"{}\")", first.full_name()),
        n => format!("{n} DATABASE components"),
    };
    cx.report(
        a.span,
        format!("dataSource is OTHER (data in file groups) but the writer reports {count}"),
    )
    .label("says: file groups only")
    .related(first.node.span, "DATABASE component here")
    .help("declare dataSource=\"TRANSACTION_DB\" (or NONTRANSACTION_DB) for a writer of databases, or report the data as FILE_GROUP components");
}
