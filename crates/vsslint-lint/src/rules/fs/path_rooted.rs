//! `fs/path-rooted`: a file-set or exclude-list path rooted without a drive or volume.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{classify, Owner, PathForm};
use vsslint_model::model::is_blank;
use vsslint_model::model::{Text, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/path-rooted" {
        code: "VSL619",
        severity: Severity::Info,
        summary: "a file-set or exclude-list path is rooted but names no drive or volume",
        what: "Reports the `path` of a file set or an exclude list that starts with `\\` but names \
    no drive or volume (`\\System Volume Information\\Heat`). Only an info: Windows' own Shadow \
    Copy Optimization writer uses one to mean that directory on each volume. Split from \
    `fs/path-not-absolute` (VSL604), which reported this case \
    before: turning `fs/path-not-absolute` off (in the configuration, or with `--ignore`) still turns this \
    rule off unless the configuration names it; a severity set for `fs/path-not-absolute` does not apply to it.",
        why: "Microsoft asks for local resources whose absolute path starts with a valid local \
    volume specification. A path rooted on no volume is resolved against the requester's \
    current drive unless the requester knows, as with Windows' own writer, that every volume is \
    meant.",
        sources: &[
            "Usage Conventions for VSS: https://learn.microsoft.com/en-us/windows/win32/vss/usage-conventions",
            "The Shadow Copy Optimization writer's EXCLUDE_FILES_FROM_SNAPSHOT path=\"\\System Volume Information\\Heat\" (real DiskShadow output)",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    crate::toolkit::file_paths::each_path(cx, w, report);
}

fn report(cx: &mut Cx, owner: Owner, a: &Text) {
    if is_blank(a.raw) || classify(a.raw) != PathForm::Rooted {
        return;
    }
    cx.report(
        a.span,
        format!("path \"{}\" of {owner} is rooted but names no drive or volume", a.raw),
    )
    .label("no drive or volume")
    .help("if one volume is meant, start the path with it (C:\\…, %SystemDrive%\\… or \\\\?\\Volume{GUID}\\…); a directory meant on every volume, as in Windows' own writers, can stay as it is");
}
