//! `compat/document-version-changed`: the document format version changed between the releases.

use crate::rule_api::Pair;
use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use crate::toolkit::compat_identity::{shown, sides};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/document-version-changed" {
        code: "VSL1014",
        severity: Severity::Info,
        summary: "The document format version changed between the releases",
        what: "Compares the `version` attribute of `WRITER_METADATA` in the two documents of a pair, as written. Optional: `vsslint compat --show-harmless` turns it on.",
        why: "What the document version means is not documented (the writer metadata specification's open question 5); VSS writes `1.2` or `1.1`. A change is most likely a change of the Windows that wrote the document, worth knowing when comparing documents taken on two systems.",
        sources: &[
            "Writer metadata document contents: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-contents",
        ],
        profile: Profile::Optional,
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let ((old, old_span), (new, new_span)) = sides(pair, |s| {
        s.doc
            .version
            .as_ref()
            .map_or((None, s.doc.node.span), |a| (Some(a.raw), a.span))
    });
    if old != new {
        cx.changed(
            old_span,
            new_span,
            format!(
                "the document version changed from {} to {}",
                shown(old),
                shown(new)
            ),
        )
        .label("new document version")
        .help("nothing to do: the documents were most likely written by two versions of Windows");
    }
}
