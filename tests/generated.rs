//! Files generated from the code — the rule reference in docs/rules and the JSON Schemas in
//! schemas/ — must match what the code generates now. To regenerate them after a change:
//!
//!     VSSLINT_BLESS=1 cargo test --test generated

mod common;

use std::path::{Path, PathBuf};

fn bless() -> bool {
    std::env::var_os("VSSLINT_BLESS").is_some_and(|v| v == "1")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Compares (or, blessing, writes) each expected file; returns the stale ones.
fn check(expected: &[(PathBuf, String)]) -> Vec<String> {
    let mut stale = Vec::new();
    for (path, text) in expected {
        let current = std::fs::read_to_string(path).ok();
        if current.as_deref() != Some(text.as_str()) {
            if bless() {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, text).unwrap();
            } else {
                stale.push(path.strip_prefix(root()).unwrap().display().to_string());
            }
        }
    }
    stale
}

fn pretty(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap() + "\n"
}

#[test]
fn rule_reference_is_current() {
    let dir = root().join("docs/rules");
    let expected: Vec<(PathBuf, String)> = vsslint::reference::files()
        .into_iter()
        .map(|(rel, text)| (dir.join(rel), text))
        .collect();
    let mut stale = check(&expected);
    // Pages of rules that no longer exist.
    let mut stack = vec![dir.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if !expected.iter().any(|(x, _)| *x == p) {
                if bless() {
                    std::fs::remove_file(&p).unwrap();
                } else {
                    stale.push(format!(
                        "{} (no such rule)",
                        p.strip_prefix(root()).unwrap().display()
                    ));
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale: {stale:?}; run VSSLINT_BLESS=1 cargo test --test generated"
    );
}

#[test]
fn json_schemas_are_current() {
    let expected = vec![
        (
            root().join("schemas/vsslint-output.schema.json"),
            pretty(&vsslint::report::json::schema()),
        ),
        (
            root().join("schemas/vsslint-config.schema.json"),
            pretty(&vsslint::config::schema()),
        ),
        (
            root().join("schemas/vsslint-dump.schema.json"),
            pretty(&vsslint::dump_schema()),
        ),
    ];
    let stale = check(&expected);
    assert!(
        stale.is_empty(),
        "stale: {stale:?}; run VSSLINT_BLESS=1 cargo test --test generated"
    );
}

fn validator(file: &str) -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(file)).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

#[test]
fn real_output_validates_against_the_output_schema() {
    let v = validator("schemas/vsslint-output.schema.json");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vsslint"))
        .args([
            "--format",
            "json",
            "--exit-zero",
            "fixtures/rules",
            "fixtures/valid",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["diagnostics"].as_array().unwrap().len() > 20);
    let errors: Vec<String> = v
        .iter_errors(&report)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And the schema is not vacuous: a report without a field or with a bad severity fails.
    let mut broken = report.clone();
    broken["diagnostics"][0]["severity"] = "fatal".into();
    assert!(!v.is_valid(&broken));
    broken["diagnostics"][0]
        .as_object_mut()
        .unwrap()
        .remove("line");
    assert!(!v.is_valid(&broken));
}

#[test]
fn configuration_files_validate_against_the_config_schema() {
    let v = validator("schemas/vsslint-config.schema.json");
    let text =
        std::fs::read_to_string(root().join("fixtures/config/project/vsslint.toml")).unwrap();
    let value: serde_json::Value = toml::from_str(&text).unwrap();
    let errors: Vec<String> = v.iter_errors(&value).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    for bad in [
        "fixtures/config/bad-key/vsslint.toml",
        "fixtures/config/bad-rule/vsslint.toml",
    ] {
        let value: serde_json::Value =
            toml::from_str(&std::fs::read_to_string(root().join(bad)).unwrap()).unwrap();
        assert!(!v.is_valid(&value), "{bad} should not validate");
    }
}

/// `vsslint dump ARG` as JSON, which must succeed.
fn dump(arg: &Path) -> serde_json::Value {
    let o = common::vsslint(&["dump", arg.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn schema_errors(v: &jsonschema::Validator, value: &serde_json::Value) -> Vec<String> {
    v.iter_errors(value)
        .take(10)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

fn xml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml")))
        .collect();
    files.sort();
    files
}

/// Every valid fixture's dump and every backup set's dump validate against the one schema,
/// each shape against its own branch.
#[test]
fn dumps_validate_against_the_dump_schema() {
    let v = validator("schemas/vsslint-dump.schema.json");
    let documents = xml_files(&root().join("fixtures/valid"));
    let sets = [
        root().join("fixtures/sets/contoso"),
        root().join("fixtures/sets/northwind"),
    ];
    assert_dumps_validate(&v, &documents, &sets);

    // And the schema is not vacuous: either shape without its version, an enumeration value
    // that is no API constant, or a mask bit without its prefix fails.
    let document = dump(&root().join("fixtures/valid/database-writer.xml"));
    let mut broken = document.clone();
    broken.as_object_mut().unwrap().remove("version");
    assert!(!v.is_valid(&broken));
    let mut broken = document.clone();
    broken["document"]["identifications"][0]["data_source"]["value"] = "TRANSACTED_DB".into();
    assert!(!v.is_valid(&broken));
    let mut broken = document.clone();
    broken["document"]["backup_schema"]["value"]["constants"][0] = "DIFFERENTIAL".into();
    assert!(!v.is_valid(&broken));
    let mut backup = dump(&root().join("fixtures/sets/contoso"));
    backup.as_object_mut().unwrap().remove("version");
    assert!(!v.is_valid(&backup));
}

/// The real documents' and sets' dumps validate against the dump schema too.
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn real_dumps_validate_against_the_dump_schema() {
    let v = validator("schemas/vsslint-dump.schema.json");
    let mut documents = Vec::new();
    let mut sets = Vec::new();
    for entry in std::fs::read_dir(common::corpus()).unwrap() {
        let dir = entry.unwrap().path();
        if dir.is_dir() {
            let files = xml_files(&dir);
            if files.iter().any(|f| f.ends_with("BCDocument.xml")) {
                sets.push(dir.clone());
            }
            documents.extend(files);
        }
    }
    assert!(!documents.is_empty() && !sets.is_empty());
    assert_dumps_validate(&v, &documents, &sets);
}

/// Each document's dump is the document shape and each set's the backup shape, and the schema
/// `v` holds every one.
fn assert_dumps_validate(v: &jsonschema::Validator, documents: &[PathBuf], sets: &[PathBuf]) {
    for file in documents {
        let value = dump(file);
        assert!(value["document"].is_object(), "{}", file.display());
        let errors = schema_errors(v, &value);
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
    for set in sets {
        let value = dump(set);
        assert!(value["writers"].is_array(), "{}", set.display());
        let errors = schema_errors(v, &value);
        assert!(errors.is_empty(), "{}: {errors:#?}", set.display());
    }
}
