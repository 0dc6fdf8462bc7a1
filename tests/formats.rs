//! Every output format on the same documents, many files at once, configuration files,
//! inline suppressions, thresholds and colour.

mod common;
use common::*;

/// Two findings of each severity across three files.
const SET: &[&str] = &[
    "fixtures/rules/comp/bool-value/bad.xml",
    "fixtures/rules/doc/identification-count/bad.xml",
    "fixtures/rules/doc/version/bad.xml",
    "fixtures/rules/doc/restore-method-missing/bad.xml",
];

fn run_format(format: &str) -> String {
    let mut args = vec!["--format", format];
    args.extend_from_slice(SET);
    let o = vsslint(&args);
    assert_eq!(o.status.code(), Some(1), "{format}: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn every_format_snapshot() {
    for format in ["full", "concise", "json", "json-lines", "github"] {
        insta::assert_snapshot!(format!("format-{format}"), run_format(format));
    }
    // The SARIF root URI is this checkout's absolute path.
    let sarif = run_format("sarif");
    // On Windows it starts with a drive (`file:///Z:/…`).
    let dir = std::path::absolute(env!("CARGO_MANIFEST_DIR")).unwrap();
    let dir = dir.to_string_lossy().replace('\\', "/");
    let root = format!("file:///{}/", dir.trim_start_matches('/'));
    insta::assert_snapshot!("format-sarif", sarif.replace(&root, "file:///ROOT/"));
}

#[test]
fn output_is_byte_identical_across_runs() {
    for format in ["full", "json", "sarif"] {
        let mut args = vec!["--format", format, "fixtures/rules", "fixtures/valid"];
        args.push("--exit-zero");
        let a = vsslint(&args).stdout;
        let b = vsslint(&args).stdout;
        assert!(!a.is_empty());
        assert_eq!(a, b, "{format} differs between runs");
    }
}

#[test]
fn sarif_essentials() {
    let v: serde_json::Value = serde_json::from_str(&run_format("sarif")).unwrap();
    let run = &v["runs"][0];
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for r in rules {
        assert!(r["helpUri"].as_str().unwrap().starts_with("https://"));
        assert!(r["help"]["text"].is_string() && r["shortDescription"]["text"].is_string());
    }
    for res in run["results"].as_array().unwrap() {
        let idx = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], res["ruleId"]);
        let loc = &res["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("fixtures/rules/"), "{uri}");
        assert!(loc["region"]["startColumn"].as_u64().unwrap() >= 1);
        assert!(res["partialFingerprints"]["vsslint/v1"].is_string());
    }
}

#[test]
fn sarif_fingerprints_survive_reformatting() {
    let one_line = std::fs::read_to_string("fixtures/rules/comp/bool-value/bad.xml")
        .unwrap()
        .replace("\n  ", "")
        .replace("\n", "");
    let fingerprints = |bytes: &[u8]| {
        let o = vsslint_with_stdin(
            &["--format", "sarif", "--stdin-filename", "writer.xml", "-"],
            Some(bytes),
        );
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["partialFingerprints"]["vsslint/v1"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect::<Vec<_>>()
    };
    let original = fingerprints(&std::fs::read("fixtures/rules/comp/bool-value/bad.xml").unwrap());
    assert_eq!(original.len(), 1);
    assert_eq!(original, fingerprints(one_line.as_bytes()));
}

#[test]
fn github_annotations_drop_columns_on_multi_line_spans() {
    let out = run_format("github");
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("::error file=fixtures/rules/comp/bool-value/bad.xml,line=5,endLine=5,col=123,endColumn=127,title=vsslint (VSL407 comp/bool-value)::"), "{first}");
    assert!(out.contains("::group::vsslint report") && out.contains("::endgroup::"));
    assert!(
        out.contains("%0Ahelp: "),
        "help is joined with an escaped newline"
    );
}

#[test]
fn output_file_receives_the_report() {
    let dir = std::env::temp_dir().join(format!("vsslint-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("report.json");
    let o = vsslint(&["--format", "json", "-o", target.to_str().unwrap(), SET[0]]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(v["summary"]["errors"], 1);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_tree_gives_findings_only_for_writer_metadata() {
    // An ignored file, made here so that it is never committed.
    std::fs::create_dir_all("fixtures/tree/scratch").unwrap();
    std::fs::write("fixtures/tree/scratch/broken.xml", "<WRITER_METADATA").unwrap();
    let o = vsslint(&["--format", "json", "fixtures/tree"]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let files: std::collections::BTreeSet<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] != "info")
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        [
            "fixtures/tree/captures/BCDocument.xml",
            "fixtures/tree/writers/nested/no-restore-method.xml",
            "fixtures/tree/writers/nested/selectable-true.xml"
        ]
    );
    let bc: Vec<_> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "fixtures/tree/captures/BCDocument.xml")
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    // A backup components document alone in its folder is a backup that lost its writers'
    // documents: what a cabinet of it alone would say.
    assert_eq!(bc, ["set/unknown-writer"]);
    assert_eq!(
        v["summary"]["files"], 4,
        "the ignored and the non-XML files are not read"
    );
}

#[test]
fn exclude_and_globs() {
    let o = vsslint(&[
        "--format",
        "concise",
        "--exclude",
        "**/nested",
        "--exclude",
        "captures",
        "fixtures/tree",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = vsslint(&["--format", "concise", "fixtures/tree/writers/**/*.xml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("in 3 files"), "{}", stdout(&o));
    let o = vsslint(&["fixtures/tree/**/*.nothing"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no file matches"));
}

#[test]
fn config_turns_a_rule_off_and_overrides_by_glob() {
    let o = vsslint(&["--format", "concise", "fixtures/config/project"]);
    let out = stdout(&o);
    assert!(!out.contains("doc/restore-method-missing"), "{out}");
    assert!(
        out.contains("fixtures/config/project/legacy/selectable-true.xml:5:123: warning"),
        "{out}"
    );
    assert!(
        out.contains("fixtures/config/project/selectable-true.xml:5:123: error"),
        "{out}"
    );
    // An explicit --config replaces discovery; command-line flags win over the file.
    let o = vsslint(&[
        "--format",
        "concise",
        "--config",
        "fixtures/config/bad-rule/../project/vsslint.toml",
        "fixtures/rules/doc/restore-method-missing/bad.xml",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!stdout(&o).contains("restore-method-missing"));
}

#[test]
fn config_errors_exit_two_and_show_where() {
    let o = vsslint(&["fixtures/config/bad-rule/writer.xml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("unknown rule `comp/selectable-missng`"),
        "{err}"
    );
    assert!(err.contains("vsslint.toml:3:1"), "{err}");
    let o = vsslint(&["fixtures/config/bad-key/writer.xml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("expres"), "{err}");
    assert!(err.contains("vsslint.toml:2:1"), "{err}");
}

fn lint_text(text: &str) -> serde_json::Value {
    let o = vsslint_with_stdin(&["--format", "json", "-"], Some(text.as_bytes()));
    json(&o)
}

fn rules_of(v: &serde_json::Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn suppressions_scope_to_the_next_element() {
    let bad = std::fs::read_to_string("fixtures/rules/comp/bool-value/bad.xml").unwrap();
    let before_component = bad.replace(
        "    <FILE_GROUP",
        "    <!-- vsslint-ignore comp/bool-value: rewritten at install -->\n    <FILE_GROUP",
    );
    let v = lint_text(&before_component);
    assert!(rules_of(&v).is_empty(), "{v}");
    // On an enclosing element it covers the subtree.
    let enclosing = bad.replace(
        "  <BACKUP_LOCATIONS>",
        "  <!-- vsslint-ignore VSL407: rewritten at install -->\n  <BACKUP_LOCATIONS>",
    );
    assert!(rules_of(&lint_text(&enclosing)).is_empty());
    // On a sibling that does not hold the finding it suppresses nothing and is reported.
    let elsewhere = bad.replace(
        "  <RESTORE_METHOD",
        "  <!-- vsslint-ignore comp/bool-value: wrong place -->\n  <RESTORE_METHOD",
    );
    assert_eq!(
        rules_of(&lint_text(&elsewhere)),
        ["meta/unused-suppression", "comp/bool-value"]
    );
    // The whole file.
    let file_wide =
        format!("<!-- vsslint-ignore-file comp/bool-value: rewritten at install -->\n{bad}");
    assert!(rules_of(&lint_text(&file_wide)).is_empty());
    // A reason is required.
    let no_reason = bad.replace(
        "    <FILE_GROUP",
        "    <!-- vsslint-ignore comp/bool-value -->\n    <FILE_GROUP",
    );
    assert_eq!(
        rules_of(&lint_text(&no_reason)),
        ["meta/invalid-suppression", "comp/bool-value"]
    );
}

#[test]
fn thresholds() {
    let warn = "fixtures/rules/doc/restore-method-missing/bad.xml";
    assert_eq!(vsslint(&[warn]).status.code(), Some(0));
    let o = vsslint(&["--max-warnings", "0", warn]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--max-warnings"));
    assert_eq!(
        vsslint(&["--max-warnings", "1", warn]).status.code(),
        Some(0)
    );
    assert_eq!(vsslint(&["--exit-zero", SET[0]]).status.code(), Some(0));
    assert_eq!(
        vsslint(&["--exit-zero", "missing.xml"]).status.code(),
        Some(2)
    );
    let o = vsslint(&["--quiet", "--format", "concise", SET[0], warn]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!stdout(&o).contains("warning:"));
}

#[test]
fn statistics_count_per_rule() {
    let mut args = vec!["--statistics"];
    args.extend_from_slice(SET);
    insta::assert_snapshot!("statistics", stdout(&vsslint(&args)));
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let esc = |o: &std::process::Output| o.stdout.contains(&0x1b);
    assert!(esc(&vsslint(&["--color", "always", SET[0]])));
    assert!(!esc(&vsslint(&["--color", "never", SET[0]])));
    // The helper sets NO_COLOR=1; `auto` must honour it (and a pipe is not a terminal anyway).
    assert!(!esc(&vsslint(&[SET[0]])));
}

#[test]
fn completions_are_generated() {
    let o = vsslint(&["completions", "bash"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("--target-os"));
}

#[test]
fn github_caps_annotations_and_writes_a_step_summary() {
    let summary = std::env::temp_dir().join(format!("vsslint-summary-{}.md", std::process::id()));
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_vsslint"))
        .args(["--format", "github", "fixtures/rules"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    let errors = out.lines().filter(|l| l.starts_with("::error ")).count();
    assert_eq!(errors, 10, "{out}");
    assert!(out.contains("more findings are not annotated"), "{out}");
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(
        md.starts_with("### vsslint") && md.contains("| Rule | Severity | Findings |"),
        "{md}"
    );
    std::fs::remove_file(summary).unwrap();
}
