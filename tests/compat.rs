//! `vsslint compat OLD NEW` as a user runs it: its inputs, exit codes, options, suppressions
//! in NEW, and OLD read from git.

mod common;

use common::{json, stderr, stdout, vsslint, Scratch};
use std::path::Path;
use std::process::Command;

const RULE: &str = "fixtures/rules/compat/component-removed";

fn example(name: &str) -> String {
    format!("{RULE}/{name}")
}

/// The rules a JSON report raised, in order.
fn raised(report: &serde_json::Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_removed_component_is_an_error_at_new_with_the_place_in_old() {
    let o = vsslint(&[
        "compat",
        &example("old.xml"),
        &example("new.xml"),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let report = json(&o);
    assert_eq!(raised(&report), ["compat/component-removed"]);
    let d = &report["diagnostics"][0];
    assert_eq!(d["file"], example("new.xml"));
    assert_eq!(d["related"][0]["file"], example("old.xml"));
    assert_eq!(d["related"][0]["line"], 8);
}

#[test]
fn the_same_release_against_itself_and_its_good_example_is_clean() {
    for new in ["old.xml", "good.xml"] {
        let o = vsslint(&["compat", &example("old.xml"), &example(new)]);
        assert_eq!(o.status.code(), Some(0), "{new}: {}", stdout(&o));
    }
}

#[test]
fn sarif_and_full_carry_the_place_in_old() {
    let o = vsslint(&[
        "compat",
        &example("old.xml"),
        &example("new.xml"),
        "--format",
        "sarif",
    ]);
    let sarif = json(&o);
    let related = &sarif["runs"][0]["results"][0]["relatedLocations"][0]["physicalLocation"];
    assert_eq!(related["artifactLocation"]["uri"], example("old.xml"));
    assert_eq!(related["region"]["startLine"], 8);
    let o = vsslint(&["compat", &example("old.xml"), &example("new.xml")]);
    let full = stdout(&o);
    assert!(full.contains("☞ old"), "{full}");
    assert!(
        full.contains(&format!("[{}:8:6]", example("old.xml"))),
        "{full}"
    );
}

#[test]
fn a_document_against_a_folder_is_a_usage_error() {
    let o = vsslint(&["compat", &example("old.xml"), RULE]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is one document but NEW"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_path_that_names_nothing_is_a_usage_error() {
    let o = vsslint(&["compat", &example("old.xml"), "no/such.xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such.xml"), "{}", stderr(&o));
}

#[test]
fn ignore_and_select_choose_the_rules() {
    let (old, new) = (example("old.xml"), example("new.xml"));
    let run = |more: &[&str]| {
        let mut args = vec!["compat", &old, &new, "--format", "json"];
        args.extend(more);
        vsslint(&args)
    };
    let o = run(&["--ignore", "compat/component-removed"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(raised(&json(&o)).is_empty());
    let o = run(&["--select", "VSL1034"]);
    assert!(raised(&json(&o)).is_empty());
    let o = run(&["--select", "compat"]);
    assert_eq!(raised(&json(&o)), ["compat/component-removed"]);
}

#[test]
fn min_severity_lists_from_its_level_and_counts_the_rest() {
    let dir = "fixtures/rules/compat/friendly-name-changed";
    let (old, new) = (format!("{dir}/old.xml"), format!("{dir}/new.xml"));
    let o = vsslint(&["compat", &old, &new, "--format", "json"]);
    assert_eq!(raised(&json(&o)), ["compat/friendly-name-changed"]);
    let o = vsslint(&[
        "compat",
        &old,
        &new,
        "--format",
        "json",
        "--min-severity",
        "warning",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = json(&o);
    assert!(raised(&report).is_empty());
    assert_eq!(report["summary"]["infos"], 1);
    assert_eq!(report["summary"]["hidden"], 1);
}

#[test]
fn a_suppression_in_new_silences_the_comparison() {
    let dir = Scratch::new("compat-suppressed");
    let new = std::fs::read_to_string(example("new.xml")).unwrap().replacen(
        "  <BACKUP_LOCATIONS>",
        "  <!-- vsslint-ignore compat/component-removed: Reports moved to the archive writer -->\n  <BACKUP_LOCATIONS>",
        1,
    );
    let new = dir.write("new.xml", new.as_bytes());
    let new = new.to_string_lossy();
    let o = vsslint(&["compat", &example("old.xml"), &new]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = vsslint(&[
        "compat",
        &example("old.xml"),
        &new,
        "--no-inline-suppressions",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
}

#[test]
fn a_side_that_is_not_a_document_is_reported_and_not_compared() {
    let dir = Scratch::new("compat-broken");
    let broken = dir.write(
        "new.xml",
        b"<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\"",
    );
    let o = vsslint(&[
        "compat",
        &example("old.xml"),
        &broken.to_string_lossy(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(raised(&json(&o)), ["doc/not-well-formed"]);
}

#[test]
fn folders_are_compared_writer_by_writer() {
    let dir = Scratch::new("compat-folders");
    for side in ["old", "new"] {
        std::fs::create_dir_all(dir.0.join(side)).unwrap();
        std::fs::copy(
            example(&format!("{side}.xml")),
            dir.0.join(side).join("writer.xml"),
        )
        .unwrap();
        // Another writer, the same in both.
        std::fs::copy(
            "fixtures/sets/contoso/WM1.xml",
            dir.0.join(side).join("other.xml"),
        )
        .unwrap();
    }
    let o = vsslint(&[
        "compat",
        &dir.0.join("old").to_string_lossy(),
        &dir.0.join("new").to_string_lossy(),
        "--format",
        "json",
    ]);
    assert_eq!(raised(&json(&o)), ["compat/component-removed"]);
}

/// Runs git in `dir`, which must succeed.
fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .unwrap();
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
}

/// `vsslint compat` run in `dir`.
fn compat_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_vsslint"))
        .arg("compat")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .output()
        .unwrap()
}

#[test]
#[cfg_attr(
    no_git,
    ignore = "needs git on PATH (under Wine, where the machine's git cannot make the test repository, always)"
)]
fn old_is_read_from_git_by_ref_and_path() {
    let dir = Scratch::new("compat-git");
    let repo = dir.0.join("repo");
    std::fs::create_dir_all(repo.join("metadata")).unwrap();
    git(&repo, &["init", "-q"]);
    std::fs::copy(example("old.xml"), repo.join("metadata/writer.xml")).unwrap();
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-qm", "1.0"]);
    git(&repo, &["tag", "v1.0"]);
    std::fs::copy(example("new.xml"), repo.join("metadata/writer.xml")).unwrap();
    // From a folder below the root: PATH is still the root's.
    let below = repo.join("metadata");
    let o = compat_in(
        &below,
        &[
            "git:v1.0:metadata/writer.xml",
            "writer.xml",
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let report = json(&o);
    assert_eq!(raised(&report), ["compat/component-removed"]);
    assert_eq!(
        report["diagnostics"][0]["related"][0]["file"],
        "git:v1.0:metadata/writer.xml"
    );
    let o = compat_in(&below, &["git:v9.9:metadata/writer.xml", "writer.xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no commit `v9.9`"), "{}", stderr(&o));
    let o = compat_in(&below, &["git:v1.0:writer.xml", "writer.xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no file `writer.xml` at `v1.0`"),
        "{}",
        stderr(&o)
    );
    let o = compat_in(&below, &["git:v1.0:metadata", "writer.xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is a folder"), "{}", stderr(&o));
    let outside = dir.0.join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    let o = compat_in(&outside, &["git:v1.0:metadata/writer.xml", "x.xml"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn show_harmless_turns_on_the_optional_rules() {
    let dir = "fixtures/rules/compat/document-version-changed";
    let (old, new) = (format!("{dir}/old.xml"), format!("{dir}/new.xml"));
    let o = vsslint(&["compat", &old, &new, "--format", "json"]);
    assert!(raised(&json(&o)).is_empty());
    let o = vsslint(&["compat", &old, &new, "--format", "json", "--show-harmless"]);
    assert_eq!(raised(&json(&o)), ["compat/document-version-changed"]);
    assert_eq!(o.status.code(), Some(0));
}

/// The corpus's SQL Server writer document (Server 2012, SQL Server 2017).
const SQL: &str = "diskshadow-ws2012-sql2017-b/WM4.xml";

/// The SQL Server writer's document with the `FILE_GROUP` of component `name` taken out:
/// the document and the byte offset of the element taken out.
fn without_component(text: &str, name: &str) -> (String, usize) {
    let marker = format!("componentName=\"{name}\"");
    let at = text.find(&marker).unwrap();
    let start = text[..at].rfind("<FILE_GROUP").unwrap();
    let end = at + text[at..].find("</FILE_GROUP>").unwrap() + "</FILE_GROUP>".len();
    (format!("{}{}", &text[..start], &text[end..]), start)
}

/// 1-based line and column of byte `offset` of `text`.
fn position(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line as u64, column as u64)
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn one_writer_from_two_systems_gives_no_error_or_warning() {
    let corpus = common::corpus();
    // The Performance Counters writer: UTF-16LE with a byte-order mark and CRLF on Windows 10,
    // ASCII on Server 2012.
    let old = corpus.join("express-writers-win10/0bada1de-01a9-4625-8278-69e735f39dd2.xml");
    let new = corpus.join("diskshadow-ws2012-sql2017-b/WM2.xml");
    let o = vsslint(&[
        "compat",
        &old.to_string_lossy(),
        &new.to_string_lossy(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = json(&o);
    assert_eq!(report["summary"]["errors"], 0, "{report:#}");
    assert_eq!(report["summary"]["warnings"], 0, "{report:#}");
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn a_file_group_taken_out_of_the_sql_server_writer_is_removed_at_its_element_in_old() {
    let corpus = common::corpus();
    let text = std::fs::read_to_string(corpus.join(SQL)).unwrap();
    let dir = Scratch::new("compat-sql-removed");
    let old = dir.write("old.xml", text.as_bytes());
    let (cut, at) = without_component(&text, "msdb");
    let new = dir.write("new.xml", cut.as_bytes());
    let o = vsslint(&[
        "compat",
        &old.to_string_lossy(),
        &new.to_string_lossy(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let report = json(&o);
    assert_eq!(raised(&report), ["compat/component-removed"], "{report:#}");
    let d = &report["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("WIN2012-SQL17-2\\msdb"),
        "{d:#}"
    );
    // The element's name, just after its `<`.
    let (line, column) = position(&text, at + 1);
    assert_eq!(
        d["related"][0]["file"],
        old.to_string_lossy().replace('\\', "/")
    );
    assert_eq!(
        (
            d["related"][0]["line"].as_u64(),
            d["related"][0]["column"].as_u64()
        ),
        (Some(line), Some(column))
    );
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn a_logical_path_changed_in_the_sql_server_writer_is_a_rename_only() {
    let corpus = common::corpus();
    let text = std::fs::read_to_string(corpus.join(SQL)).unwrap();
    let moved = text.replacen(
        "logicalPath=\"WIN2012-SQL17-2\" componentName=\"model\"",
        "logicalPath=\"WIN2012-SQL17-2\\Moved\" componentName=\"model\"",
        1,
    );
    assert_ne!(moved, text);
    let dir = Scratch::new("compat-sql-renamed");
    let old = dir.write("old.xml", text.as_bytes());
    let new = dir.write("new.xml", moved.as_bytes());
    let o = vsslint(&[
        "compat",
        &old.to_string_lossy(),
        &new.to_string_lossy(),
        "--format",
        "json",
    ]);
    let report = json(&o);
    assert_eq!(raised(&report), ["compat/component-renamed"], "{report:#}");
    assert!(report["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("its logical path changed"));
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn a_component_the_old_backup_recorded_says_so() {
    let corpus = common::corpus();
    let backup = corpus.join("diskshadow-ws2012-sql2017-b");
    let dir = Scratch::new("compat-recorded");
    for entry in std::fs::read_dir(&backup).unwrap() {
        let path = entry.unwrap().path();
        let mut bytes = std::fs::read(&path).unwrap();
        if path.ends_with("WM4.xml") {
            let text = String::from_utf8(bytes).unwrap();
            // local1 is in the backup components document; master is not.
            let (cut, _) = without_component(&text, "local1");
            let (cut, _) = without_component(&cut, "master");
            bytes = cut.into_bytes();
        }
        dir.write(&path.file_name().unwrap().to_string_lossy(), &bytes);
    }
    let o = vsslint(&[
        "compat",
        &backup.to_string_lossy(),
        &dir.0.to_string_lossy(),
        "--format",
        "json",
    ]);
    let report = json(&o);
    let messages: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 2, "{report:#}");
    let recorded = |name: &str| {
        messages
            .iter()
            .find(|m| m.contains(&format!("\\{name}`")))
            .unwrap()
            .ends_with("(recorded in the old backup)")
    };
    assert!(recorded("local1"), "{messages:?}");
    assert!(!recorded("master"), "{messages:?}");
}

/// `text`'s document written again as nothing compared may tell apart: attributes and
/// elements in reverse order, GUIDs in capitals, another instance ID, one attribute a line
/// with CRLF, in UTF-16LE with a byte-order mark, comments dropped.
fn rewritten(text: &str) -> Vec<u8> {
    let doc = roxmltree::Document::parse(text).unwrap();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n");
    fn element(node: roxmltree::Node, depth: usize, out: &mut String) {
        let pad = "  ".repeat(depth);
        let name = node.tag_name().name();
        out.push_str(&format!("{pad}<{name}"));
        if depth == 0 {
            if let Some(ns) = node.tag_name().namespace() {
                out.push_str(&format!("\r\n{pad}    xmlns=\"{ns}\""));
            }
        }
        for a in node.attributes().rev() {
            let value = match a.name() {
                "writerId" | "onWriterId" => a.value().to_uppercase(),
                "instanceId" => "0f0e0d0c-0b0a-4908-8706-050403020100".to_string(),
                _ => a.value().to_string(),
            };
            let value = value
                .replace('&', "&amp;")
                .replace('"', "&quot;")
                .replace('<', "&lt;");
            out.push_str(&format!("\r\n{pad}    {}=\"{value}\"", a.name()));
        }
        let children: Vec<_> = node.children().filter(|c| c.is_element()).collect();
        if children.is_empty() {
            out.push_str("/>\r\n");
            return;
        }
        out.push_str(">\r\n");
        for c in children.into_iter().rev() {
            element(c, depth + 1, out);
        }
        out.push_str(&format!("{pad}</{name}>\r\n"));
    }
    element(doc.root_element(), 0, &mut out);
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(out.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn layout_encoding_guid_case_and_order_never_give_a_finding() {
    let corpus = common::corpus();
    let mut settings = vsslint::Settings::default();
    for r in vsslint::all_rules() {
        if r.meta.comparing.is_some() {
            settings.rules.insert(r.meta.slug, Some(r.meta.severity));
        }
    }
    let mut compared = 0;
    for dir in ["express-writers-win10", "diskshadow-ws2012-sql2017-b"] {
        for path in common::xml_files(&corpus.join(dir)) {
            let bytes = std::fs::read(&path).unwrap();
            let text = vsslint::decode(&bytes).unwrap().text.into_owned();
            if !text.contains("<WRITER_METADATA") || text.trim_start().starts_with("<root") {
                continue;
            }
            let again = rewritten(&text);
            let files = vsslint::compare(
                &[("old.xml", &bytes)],
                &[("new.xml", &again)],
                false,
                &settings,
            );
            let found: Vec<String> = files
                .iter()
                .flat_map(|f| &f.diagnostics)
                .map(|d| format!("{}: {}", d.rule.slug, d.message))
                .collect();
            assert!(found.is_empty(), "{}: {found:?}", path.display());
            compared += 1;
        }
    }
    assert!(compared >= 10, "{compared} documents compared");
}

/// The command runs the comparison rules the registry has, whatever they are: the
/// orchestration, the command line and the engine name none of them.
#[test]
fn no_comparison_rule_is_named_outside_the_rules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lint = root.join("crates/vsslint-lint/src");
    let mut files = vec![lint.join("pipeline.rs")];
    for dir in [
        root.join("src/run"),
        root.join("src/cli"),
        lint.join("engine"),
    ] {
        files.extend(std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()));
    }
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(
            !text.contains("\"compat/"),
            "{} names a compat/ rule",
            f.display()
        );
    }
}

#[test]
fn transcripts_are_compared_writer_by_writer_at_their_lines() {
    let old = "fixtures/rules/doc/transcript-incomplete/good.txt";
    let text = std::fs::read_to_string(old).unwrap();
    let first = text.find("componentName=\"").unwrap() + "componentName=\"".len();
    let end = first + text[first..].find('"').unwrap();
    let new_text = format!("{}Renamed{}", &text[..first], &text[end..]);
    let scratch = Scratch::new("compat-transcripts");
    let new = scratch.write("new.txt", new_text.as_bytes());
    let new = new.to_str().unwrap();
    let o = vsslint(&["compat", old, new, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let report = json(&o);
    assert_eq!(
        raised(&report),
        ["compat/version-not-bumped", "compat/component-renamed"]
    );
    let renamed = &report["diagnostics"][1];
    // Machine output names files with `/` on Windows too.
    assert_eq!(renamed["file"], new.replace('\\', "/"));
    // The line in the whole transcript, not in the writer's document alone.
    let line = new_text[..first].lines().count();
    assert_eq!(renamed["line"], line as u64);
    assert_eq!(renamed["related"][0]["file"], old);
}
