//! `os/express`: an express writer on a target that predates express writers.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use vsslint_model::model::WriterMetadata;
use vsslint_model::os::{feature, last_without, os_doc, Feature};

pub static RULE: Rule = Rule {
    meta: rule!("os/express" {
        code: "VSL812",
        profile: Profile::TargetOs,
        example_target: Some(last_without(Feature::ExpressWriter)),
        bad_example_express: true,
        summary: "An express writer on a target that predates express writers",
        what: os_doc!("os/express", "Runs when both `--express` and `--target-os` are given, \
    and reports each document once when the target predates express writers. Nothing in a \
    document marks it as an express writer's, so the rule relies on `--express`; without it the \
    rule finds nothing. The example below breaks the rule when linted with `--express` as well; \
    the fix is not in the document but in the choice of API (a regular writer) or of the target, \
    so the second example is the same document."),
        why: "Express writers (`CreateVssExpressWriter`, `IVssExpressWriter`, \
    `IVssCreateExpressWriterMetadata`) are registered with VSS, which answers for them from \
    their stored metadata. Older releases have neither the API nor the metadata store, so such a \
    writer does not exist there and its components are never backed up.",
        sources: &[
            "IVssCreateExpressWriterMetadata: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nl-vswriter-ivsscreateexpresswritermetadata",
            "CreateVssExpressWriter: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-createvssexpresswriter",
            "What's New in VSS in Windows Server 2008 R2 and Windows 7: https://learn.microsoft.com/en-us/windows/win32/vss/what-s-new-in-vss-in-windows-server-2008-r2-and-windows-7",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(target) = cx.settings.target_os else {
        return;
    };
    let f = feature(Feature::ExpressWriter);
    if !cx.settings.express || !f.too_new_for(target) {
        return;
    }
    cx.report(w.node.span, f.needs(target))
        .label(format!("needs {}", f.min()))
        .help(format!(
            "on {target}, implement the writer with CVssWriter instead of an express writer, or target {} or later",
            f.min()
        ));
}
