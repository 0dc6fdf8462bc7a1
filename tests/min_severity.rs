//! `--min-severity` and the backups' default: what is listed changes, never what is counted
//! or what fails the run.

mod common;
use common::*;

/// One info (`doc/version`), one warning (`id/instance-id-missing`) and one error
/// (`restore/method-unknown`).
const MIXED: &str = r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo">
  <IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" friendlyName="Contoso Ledger Writer" usage="USER_DATA" dataSource="OTHER" majorVersion="1" minorVersion="0"/>
  <RESTORE_METHOD method="RESTORE_SOMEHOW" writerRestore="never" rebootRequired="no"/>
  <BACKUP_LOCATIONS>
    <FILE_GROUP componentName="Ledger" caption="Ledger data" restoreMetadata="no" notifyOnBackupComplete="no" selectable="yes" selectableForRestore="no" componentFlags="0">
      <FILE_LIST path="C:\ProgramData\Contoso\Ledger" filespec="*.dat" recursive="no" filespecBackupType="3855"/>
    </FILE_GROUP>
  </BACKUP_LOCATIONS>
</WRITER_METADATA>
"#;

const INFO: &str = "VSL005";
const WARNING: &str = "VSL113";
const ERROR: &str = "VSL301";

fn mixed(name: &str) -> (Scratch, String) {
    let dir = Scratch::new(name);
    let path = dir.write("mixed.xml", MIXED.as_bytes());
    (dir, path.to_string_lossy().into_owned())
}

/// The rule codes a run's output names, in the order it names them, and its exit status.
fn run(args: &[&str]) -> (String, Option<i32>) {
    let o = vsslint(args);
    (stdout(&o), o.status.code())
}

fn codes_in(out: &str) -> Vec<&'static str> {
    [INFO, WARNING, ERROR]
        .into_iter()
        .filter(|c| out.contains(c))
        .collect()
}

#[test]
fn github_annotates_only_the_error_and_fails() {
    let (_dir, doc) = mixed("min-severity-github");
    let (out, code) = run(&["--min-severity", "warning", "--format", "github", &doc]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("::error "), "{out}");
    assert!(out.contains("::warning "), "{out}");
    assert!(!out.contains("::notice "), "{out}");
    assert_eq!(codes_in(&out), [WARNING, ERROR], "{out}");
    // Errors only: the error is still annotated and still fails the run.
    let (out, code) = run(&["--min-severity", "error", "--format", "github", &doc]);
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(codes_in(&out), [ERROR], "{out}");
    assert!(!out.contains("::warning "), "{out}");
    // The default lists all three.
    let (out, _) = run(&["--format", "github", &doc]);
    assert!(out.contains("::notice "), "{out}");
}

#[test]
fn full_and_concise_list_from_the_level_and_count_everything() {
    let (_dir, doc) = mixed("min-severity-text");
    for format in ["full", "concise"] {
        let (out, code) = run(&["--min-severity", "warning", "--format", format, &doc]);
        assert_eq!(code, Some(1), "{format}: {out}");
        assert_eq!(codes_in(&out), [WARNING, ERROR], "{format}: {out}");
        assert!(
            out.contains("Found 1 error, 1 warning and 1 info in 1 file (1 not shown: min-severity warning hides infos; --min-severity info lists it)."),
            "{format}: {out}"
        );
        let (out, _) = run(&["--min-severity", "error", "--format", format, &doc]);
        assert_eq!(codes_in(&out), [ERROR], "{format}: {out}");
        assert!(
            out.contains("(2 not shown: min-severity error hides warnings and infos;"),
            "{format}: {out}"
        );
        let (out, _) = run(&["--min-severity", "info", "--format", format, &doc]);
        assert_eq!(codes_in(&out), [INFO, WARNING, ERROR], "{format}: {out}");
    }
}

#[test]
fn json_lists_from_the_level_and_its_summary_counts_everything() {
    let (_dir, doc) = mixed("min-severity-json");
    let o = vsslint(&["--min-severity", "warning", "--format", "json", &doc]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(rules, [WARNING, ERROR], "{v:#}");
    assert_eq!(v["summary"]["errors"], 1);
    assert_eq!(v["summary"]["warnings"], 1);
    assert_eq!(v["summary"]["infos"], 1);
    assert_eq!(v["summary"]["hidden"], 1);
}

#[test]
fn json_lines_lists_from_the_level() {
    let (_dir, doc) = mixed("min-severity-json-lines");
    let o = vsslint(&["--min-severity", "warning", "--format", "json-lines", &doc]);
    assert_eq!(o.status.code(), Some(1));
    let codes: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["code"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(codes, [WARNING, ERROR]);
}

#[test]
fn sarif_holds_results_from_the_level() {
    let (_dir, doc) = mixed("min-severity-sarif");
    let o = vsslint(&["--min-severity", "error", "--format", "sarif", &doc]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let results = v["runs"][0]["results"].as_array().unwrap();
    let levels: Vec<&str> = results
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["error"], "{v:#}");
}

#[test]
fn counted_warnings_still_exceed_max_warnings() {
    let (_dir, doc) = mixed("min-severity-max-warnings");
    let doc = doc.replace("mixed.xml", "warning-only.xml");
    std::fs::write(
        &doc,
        MIXED.replace("RESTORE_SOMEHOW", "RESTORE_IF_NOT_THERE"),
    )
    .unwrap();
    let o = vsslint(&["--min-severity", "error", "--max-warnings", "0", &doc]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(!stdout(&o).contains(WARNING));
    assert!(stderr(&o).contains("more than --max-warnings 0"));
}

#[test]
fn quiet_keeps_its_meaning_over_min_severity() {
    let (_dir, doc) = mixed("min-severity-quiet");
    let (out, code) = run(&["-q", "--min-severity", "info", "--format", "concise", &doc]);
    assert_eq!(code, Some(1));
    assert_eq!(codes_in(&out), [ERROR], "{out}");
    assert!(out.contains("--quiet hides warnings and infos"), "{out}");
}

#[test]
fn the_configuration_sets_it_and_the_command_line_wins() {
    let dir = Scratch::new("min-severity-config");
    let doc = dir.write("mixed.xml", MIXED.as_bytes());
    dir.write("vsslint.toml", b"min-severity = \"error\"\n");
    let doc = doc.to_string_lossy();
    let (out, code) = run(&["--format", "concise", &doc]);
    assert_eq!(code, Some(1));
    assert_eq!(codes_in(&out), [ERROR], "{out}");
    let (out, _) = run(&["--min-severity", "info", "--format", "concise", &doc]);
    assert_eq!(codes_in(&out), [INFO, WARNING, ERROR], "{out}");
    let o = vsslint(&["--show-settings", &doc]);
    assert!(
        stdout(&o).contains("  listed:              errors only"),
        "{}",
        stdout(&o)
    );
    // A value that is no level is refused where it is written.
    dir.write("vsslint.toml", b"min-severity = \"warn\"\n");
    let o = vsslint(&[&doc]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown min-severity `warn`"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("did you mean \"warning\"?"),
        "{}",
        stderr(&o)
    );
}

/// A DiskShadow capture is mostly documents its user did not write: its infos (in-box writers,
/// advice on DiskShadow's own manifest) are counted, not listed, unless asked for.
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn diskshadow_sets_list_no_infos_by_default() {
    let corpus = common::corpus();
    let sets: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.is_dir()
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("diskshadow-"))
        })
        .collect();
    assert_eq!(sets.len(), 2, "{sets:?}");
    for set in &sets {
        let set = set.to_string_lossy();
        let o = vsslint(&["--format", "concise", &set]);
        assert_eq!(o.status.code(), Some(0), "{set}: {}", stdout(&o));
        let out = stdout(&o);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 1, "{set}: only the summary: {out}");
        assert!(
            lines[0].contains("not shown: a backup's infos are not listed by default; --min-severity info lists them)."),
            "{set}: {out}"
        );
        let v = json(&vsslint(&["--format", "json", &set]));
        assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0, "{set}");
        let infos = v["summary"]["infos"].as_u64().unwrap();
        assert!(infos > 0, "{set}: {v:#}");
        assert_eq!(v["summary"]["hidden"].as_u64(), Some(infos), "{set}");
        // Asked for, they are listed, each one counted once.
        let v = json(&vsslint(&[
            "--min-severity",
            "info",
            "--format",
            "json",
            &set,
        ]));
        assert_eq!(
            v["diagnostics"].as_array().unwrap().len() as u64,
            infos,
            "{set}"
        );
        assert!(v["summary"].get("hidden").is_none(), "{set}");
        // --show-settings says so for any of its documents.
        let manifest = format!("{set}/Manifest.xml");
        let shown = stdout(&vsslint(&["--show-settings", &manifest]));
        assert!(
            shown.contains("a backup's infos are counted, not listed (--min-severity info or min-severity = \"info\" lists them)"),
            "{shown}"
        );
    }
}

/// The same default holds for a cabinet, and a configuration key brings the infos back.
#[test]
#[cfg_attr(no_gcab, ignore = "needs gcab on PATH (Debian package gcab)")]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn a_cabinet_lists_no_infos_by_default_and_the_configuration_brings_them_back() {
    let corpus = common::corpus();
    let gcab = common::gcab();
    let set = corpus.join("diskshadow-ws2012-sql2017");
    let names: Vec<String> = xml_files(&set)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let dir = Scratch::new("min-severity-cab");
    let cab = dir.0.join("backup.cab");
    let status = std::process::Command::new(gcab)
        .arg("-c")
        .arg(&cab)
        .args(&names)
        .current_dir(&set)
        .status()
        .expect("gcab runs");
    assert!(status.success());
    let cab = cab.to_string_lossy();
    let listed = |v: &serde_json::Value| {
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] == "info")
            .count() as u64
    };
    let all = json(&vsslint(&[
        "--min-severity",
        "info",
        "--format",
        "json",
        &cab,
    ]));
    let infos = all["summary"]["infos"].as_u64().unwrap();
    assert!(infos > 0 && listed(&all) == infos, "{all:#}");
    let v = json(&vsslint(&["--format", "json", &cab]));
    assert_eq!(listed(&v), 0, "{v:#}");
    assert_eq!(v["summary"]["infos"].as_u64(), Some(infos));
    assert_eq!(v["summary"]["hidden"].as_u64(), Some(infos));
    dir.write("vsslint.toml", b"min-severity = \"info\"\n");
    let v = json(&vsslint(&["--format", "json", &cab]));
    assert_eq!(listed(&v), infos, "{v:#}");
}

#[test]
fn json_places_what_it_lists_as_without_the_option() {
    let (_dir, doc) = mixed("min-severity-json-places");
    let place = |args: &[&str]| -> Vec<(String, u64, u64, u64, u64)> {
        let o = vsslint(args);
        json(&o)["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let n = |k: &str| d[k].as_u64().unwrap();
                let code = d["code"].as_str().unwrap().to_string();
                (code, n("line"), n("column"), n("end_line"), n("end_column"))
            })
            .collect()
    };
    let all = place(&["--format", "json", &doc]);
    let listed = place(&["--format", "json", "--min-severity", "warning", &doc]);
    let expected: Vec<_> = all.into_iter().filter(|p| p.0 != INFO).collect();
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert_eq!(listed, expected);
}
