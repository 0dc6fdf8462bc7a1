//! SARIF output checked by the SARIF Multitool, the validator of the SARIF standard's
//! maintainers (`validate` applies the 2.1.0 JSON schema and the specification's rules).
//! `.ci/run` installs it; elsewhere set SARIF_MULTITOOL to its path, or the test is skipped.

mod common;
use common::*;
use std::path::PathBuf;
use std::process::Command;

fn multitool() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("SARIF_MULTITOOL").map(PathBuf::from),
        Some(PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/.ci/tools/node_modules/.bin/sarif-multitool"
        ))),
    ];
    let found = candidates.into_iter().flatten().find(|p| p.exists());
    if found.is_none() {
        eprintln!("skipped: the SARIF Multitool is not installed (.ci/run installs it; or set SARIF_MULTITOOL)");
    }
    found
}

#[test]
fn sarif_output_validates() {
    let Some(tool) = multitool() else { return };
    let dir = std::env::temp_dir().join(format!("vsslint-sarif-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("vsslint.sarif");
    let o = vsslint(&[
        "--format",
        "sarif",
        "-o",
        log.to_str().unwrap(),
        "--exit-zero",
        "fixtures/rules",
        "fixtures/valid",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = dir.join("validation.sarif");
    let out = Command::new(&tool)
        .arg("validate")
        .arg(&log)
        .arg("-o")
        .arg(&report)
        .env("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
        .output()
        .expect("the multitool runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let problems: Vec<String> = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["level"] == "error" || r["level"].is_null())
        .map(|r| format!("{} {}", r["ruleId"], r["message"]))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    // The log really holds results, so the validation covered them.
    let ours: serde_json::Value = serde_json::from_slice(&std::fs::read(&log).unwrap()).unwrap();
    assert!(ours["runs"][0]["results"].as_array().unwrap().len() > 20);
    std::fs::remove_dir_all(dir).unwrap();
}
