//! Runs one rule on a small document, for the rules' unit tests: the document is parsed and
//! modelled as the pipeline does, and only the rule under test looks at it.

use crate::diagnostic::{self, Diagnostic};
use crate::rule_api::{Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::settings::Settings;
use crate::toolkit::components::PAIRWISE;
use vsslint_model::model::Document;
use vsslint_model::parse::with_model;

/// Severity and message of each finding of one rule.
pub(crate) type Findings = Vec<(Severity, String)>;

/// The findings of `rule` (turned on even when its profile is off) on `text`, in document
/// order.
pub(crate) fn run_rule(rule: &'static Rule, settings: &Settings, text: &str) -> Vec<Diagnostic> {
    let severity = settings
        .severity_of(&rule.meta)
        .unwrap_or(rule.meta.severity);
    let mut out = diagnostic::Findings::new();
    with_model(text, |model| {
        let Ok(Document::WriterMetadata(w)) = model else {
            panic!("the test document is not a writer metadata document");
        };
        let mut cx = Cx::new(settings, &rule.meta, severity, &mut out);
        match rule.check {
            Check::Writer(f) => f(&mut cx, &w),
            Check::Component(f) => w.components.iter().for_each(|c| f(&mut cx, &w, c)),
            Check::FileSet(f) => {
                for c in &w.components {
                    c.file_sets.iter().for_each(|s| f(&mut cx, &w, c, s));
                }
            }
            Check::Exclude(f) => w.excludes.iter().for_each(|e| f(&mut cx, &w, e)),
            Check::Pipeline | Check::Across(_) | Check::Compare(_) => {
                panic!("{} does not check one document", rule.meta.slug)
            }
        }
    });
    let mut out = out.into_vec();
    out.sort_by_key(|d| (d.span.start, d.span.end));
    out
}

fn pairs(found: Vec<Diagnostic>) -> Findings {
    found
        .into_iter()
        .map(|d| (d.severity, d.message.into()))
        .collect()
}

/// The model of a clean writer whose `BACKUP_LOCATIONS` holds `body`, given to `f`.
pub(crate) fn writer<R>(
    body: &str,
    f: impl FnOnce(&vsslint_model::model::WriterMetadata) -> R,
) -> R {
    let text = document(body);
    with_model(&text, |model| {
        let Ok(Document::WriterMetadata(w)) = model else {
            panic!("the test document is not a writer metadata document");
        };
        f(&w)
    })
}

/// The findings of `rule` on a clean writer whose `BACKUP_LOCATIONS` holds `body`.
pub(crate) fn findings(rule: &'static Rule, settings: Settings, body: &str) -> Findings {
    pairs(run_rule(rule, &settings, &document(body)))
}

/// A clean writer whose `BACKUP_LOCATIONS` holds `body`, for tests that look at more of a
/// finding than its message.
pub(crate) fn document(body: &str) -> String {
    format!(
        r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2">
  <IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" instanceId="9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33" friendlyName="Contoso Ledger Writer" usage="USER_DATA" dataSource="OTHER" majorVersion="1" minorVersion="0"/>
  <BACKUP_LOCATIONS>
{body}
  </BACKUP_LOCATIONS>
</WRITER_METADATA>"#
    )
}

/// The findings of `rule` on `body` alone and with [`PAIRWISE`] more components, all distinct
/// from each other and from those of `body`: rules that compare a handful of components one
/// by one and more of them through a map must agree.
pub(crate) fn findings_alone_and_padded(rule: &'static Rule, body: &str) -> (Findings, Findings) {
    let padding: String = (0..PAIRWISE)
        .map(|i| format!(r#"<FILE_GROUP componentName="Pad{i}" selectable="yes"/>"#))
        .collect();
    (
        findings(rule, Settings::default(), body),
        findings(rule, Settings::default(), &format!("{body}{padding}")),
    )
}

/// The findings of `rule` on a writer with a restore method and the given `BACKUP_LOCATIONS`
/// content.
pub(crate) fn location_findings(rule: &'static Rule, locations: &str, express: bool) -> Findings {
    let xml = format!(
        r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"><IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" instanceId="9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33" friendlyName="W" usage="USER_DATA" dataSource="OTHER"/><RESTORE_METHOD method="REPLACE_AT_REBOOT_IF_CANNOT_REPLACE" writerRestore="never" rebootRequired="no"/><BACKUP_LOCATIONS>{locations}</BACKUP_LOCATIONS></WRITER_METADATA>"#
    );
    let settings = Settings {
        express,
        ..Default::default()
    };
    pairs(run_rule(rule, &settings, &xml))
}
