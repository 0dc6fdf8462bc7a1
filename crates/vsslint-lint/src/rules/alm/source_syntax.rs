//! `alm/source-syntax`: a mapping's source path and file specification are well formed.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("alm/source-syntax" {
        code: "VSL353",
        severity: Severity::Error,
        summary: "An alternate location mapping's path or filespec is missing or malformed",
        what: "The source of an `ALTERNATE_LOCATION_MAPPING` follows the rules of file sets: \
    `path` is required and holds no wildcards (`*`, `?`; the `?` of a `\\\\?\\` prefix is part of \
    the path syntax and allowed), `filespec` is required and holds no directory part (a backslash \
    or a forward slash). Environment variables such as `%SystemRoot%` are \
    allowed. `recursive` is checked by `fs/recursive-bool`. The element and attribute names are \
    inferred.",
        why: "The `IVssCreateWriterMetadata::AddAlternateLocationMapping` page says the source \
    path cannot contain wildcard characters and the file specification cannot contain \
    directory specifications: the path names a directory, the file specification names files \
    in it. A requester cannot match such a mapping to any file set.",
        sources: &[
            "IVssCreateWriterMetadata::AddAlternateLocationMapping: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addalternatelocationmapping",
            "File set (VSS glossary): https://learn.microsoft.com/en-us/windows/win32/vss/vssgloss-f",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for m in &w.mappings {
        match &m.path {
            None => {
                cx.report(m.node.span, "alternate location mapping has no path")
                    .label("no source path")
                    .help("add the directory of the file set the mapping relocates: path=\"C:\\ProgramData\\Contoso\\Ledger\"");
            }
            Some(p) if p.raw.trim().is_empty() => {
                cx.report(p.span, "the mapping's path is empty")
                    .label("empty source path")
                    .help("write the directory of the file set the mapping relocates, as in the file set");
            }
            Some(p) if crate::toolkit::mappings::wildcard_part(p.raw).contains(['*', '?']) => {
                cx.report(p.span, format!("the mapping's path \"{}\" contains a wildcard", p.raw))
                    .label("wildcard in a directory path")
                    .help("the path names one directory: put the pattern in filespec and repeat the file set's path exactly");
            }
            Some(_) => {}
        }
        match &m.filespec {
            None => {
                cx.report(m.node.span, "alternate location mapping has no filespec")
                    .label("no file specification")
                    .help("add the file specification of the file set the mapping relocates: filespec=\"*.dat\"");
            }
            Some(f) if f.raw.trim().is_empty() => {
                cx.report(f.span, "the mapping's filespec is empty")
                    .label("empty file specification")
                    .help("write the file specification of the file set the mapping relocates, e.g. filespec=\"*\"");
            }
            Some(f) if f.raw.contains(['\\', '/']) => {
                let (sep, label) = if f.raw.contains('\\') {
                    ('\\', "backslash in a file specification")
                } else {
                    ('/', "slash in a file specification")
                };
                cx.report(
                    f.span,
                    format!("the mapping's filespec \"{}\" contains a directory", f.raw),
                )
                .label(label)
                .help(split_help(
                    m.path.as_ref().map_or("", |p| p.raw),
                    f.raw,
                    sep,
                ));
            }
            Some(_) => {}
        }
    }
}

/// `path="C:\A\B" filespec="*.dat"` for a filespec `B\*.dat` under `C:\A`.
fn split_help(path: &str, spec: &str, sep: char) -> String {
    let (dir, file) = spec.rsplit_once(sep).unwrap_or(("", spec));
    let base = path.trim_end_matches('\\');
    let dir = dir.trim_matches(['\\', '/']).replace('/', "\\");
    let joined = match (base.is_empty(), dir.is_empty()) {
        (_, true) => base.to_string(),
        (true, false) => dir,
        (false, false) => format!("{base}\\{dir}"),
    };
    format!("move the directory into path: path=\"{joined}\" filespec=\"{file}\", as in the file set it relocates")
}
