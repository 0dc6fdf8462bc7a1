//! `doc/transcript-incomplete`: a `vshadow -wm3` transcript must end with `--[end of data]--`.

use crate::rule_api::{Check, Rule};
use crate::rule_meta::{RuleMeta, Severity};

pub static RULE: Rule = Rule {
    // Written out rather than with `rule!`: the examples are transcripts, not XML documents,
    // and are kept as text files so that nothing takes them for documents.
    meta: RuleMeta {
        slug: "doc/transcript-incomplete",
        code: "VSL013",
        severity: Severity::Warning,
        summary: "A vshadow transcript ends without `--[end of data]--`: later writers may be missing",
        what: "For a `vshadow -wm3` transcript (a file named on the command line that holds \
    `--[Writer N]--` lines), checks that the output ends with vshadow's `--[end of data]--` line. \
    When it does not, one finding per transcript names the last writer read (its number `N` and, \
    when its document has one, its `friendlyName`), at the end of that writer's document. The \
    documents read are linted either way; a last document cut in the middle is also \
    `doc/not-well-formed`.",
        why: "`vshadow -wm3` prints every writer's metadata document, each after a \
    `--[Writer N]--` line, and then `--[end of data]--`. A transcript without that line was cut \
    off: the capture was interrupted, or the file was copied before vshadow finished. The writers it would have listed next are missing, and a \
    transcript that lints clean says nothing about them.",
        bad: include_str!(concat!(
            env!("VSSLINT_FIXTURES"),
            "/rules/doc/transcript-incomplete/bad.txt"
        )),
        good: include_str!(concat!(
            env!("VSSLINT_FIXTURES"),
            "/rules/doc/transcript-incomplete/good.txt"
        )),
        sources: &[
            "VShadow Tool and Sample (\"The -wm3 command-line option lists all writer metadata in raw XML format\"): https://learn.microsoft.com/en-us/windows/win32/vss/vshadow-tool-and-sample",
            "vshadow -wm3 prints each writer's SaveAsXML output as wprintf(L\"\\n--[Writer %d]--\\n%s\\n\", iWriter, xml), then --[end of data]-- (the vshadow sample's source; spec: backup-sets.md §3)",
        ],
        ..RuleMeta::BASE
    },
    check: Check::Pipeline,
};
