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
fn old_is_read_from_git_by_ref_and_path() {
    if cfg!(windows) {
        eprintln!(
            "skipped on Windows: old_is_read_from_git_by_ref_and_path: the test repository is made with the git of the machine that runs the tests, which Wine does not have"
        );
        return;
    }
    let found = common::require_tool(
        "old_is_read_from_git_by_ref_and_path",
        "git",
        "on PATH",
        "install git",
        || Command::new("git").arg("--version").output().ok(),
    );
    if found.is_none() {
        return;
    }
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
