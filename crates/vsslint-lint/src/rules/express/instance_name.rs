//! `express/instance-name`: express writers have no instance name.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("express/instance-name" {
        code: "VSL712",
        severity: Severity::Warning,
        profile: Profile::Express,
        summary: "an express writer's IDENTIFICATION has an instanceName",
        what: "With `--express`, reports `IDENTIFICATION/@instanceName`, empty or not.",
        why: "An express writer's identity comes from `IVssExpressWriter::CreateMetadata`, whose \
    parameters are the writer ID, the writer name, the usage type and the version: there is no \
    instance name, which regular writers give to `CVssWriter::Initialize`. An instance name in \
    an express writer's manifest was not produced by the express API: it was written by hand \
    or copied from a regular writer's document, and the writer cannot be told apart by it.",
        sources: &[
            "IVssExpressWriter::CreateMetadata: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivssexpresswriter-createmetadata",
            "CVssWriter::Initialize (wszWriterInstanceName): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriter-initialize",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(a) = w.identification().and_then(|i| i.instance_name.as_ref()) else {
        return;
    };
    cx.report(
        a.span,
        format!(
            "instanceName \"{}\" in an express writer, which has no instance name",
            a.raw
        ),
    )
    .label("not settable through the express API")
    .help("remove instanceName: an express writer is identified by writerId and friendlyName");
}
