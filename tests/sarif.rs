//! SARIF output checked by the SARIF Multitool, the validator of the SARIF standard's
//! maintainers (`validate` applies the 2.1.0 JSON schema and the specification's rules).
//! `.ci/run` installs it; elsewhere set SARIF_MULTITOOL to its path. Without it the test is
//! ignored (see `build.rs`).

mod common;
use common::*;
use std::path::PathBuf;
use std::process::Command;

/// Where `.ci/run` installs the multitool.
const INSTALLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/.ci/tools/node_modules/.bin/sarif-multitool"
);

fn multitool() -> PathBuf {
    let named = std::env::var_os("SARIF_MULTITOOL")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let looked = match &named {
        Some(path) => format!(
            "nothing at SARIF_MULTITOOL={} nor at {INSTALLED}",
            path.display()
        ),
        None => format!("SARIF_MULTITOOL is not set and nothing is at {INSTALLED}"),
    };
    require_tool(
        "the SARIF Multitool",
        &looked,
        ".ci/run installs it (npm install --prefix .ci/tools @microsoft/sarif-multitool); \
         or set SARIF_MULTITOOL to its path",
        || {
            named
                .into_iter()
                .chain([PathBuf::from(INSTALLED)])
                .find(|p| p.exists())
        },
    )
}

#[test]
#[cfg_attr(
    no_sarif_multitool,
    ignore = "needs the SARIF Multitool (see README, Running the tests)"
)]
fn sarif_output_validates() {
    let tool = multitool();
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
