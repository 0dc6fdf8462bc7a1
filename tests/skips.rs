//! A test that needs something outside the repository (the corpus of real documents, gcab,
//! xmllint, git, the SARIF Multitool, `script`) is ignored by `cargo test` when `build.rs` did not
//! find it, so that the summary counts it as not run instead of passed. This holds every test
//! file to that: each test that reaches such a resource, itself or through a helper of its
//! file, carries the `#[cfg_attr(no_…, ignore = "…")]` of each resource it reaches.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What a function's body calls to reach a resource, and the cfg `build.rs` sets without it.
const RESOURCES: &[(&str, &str)] = &[
    ("common::corpus()", "no_corpus"),
    ("common::gcab()", "no_gcab"),
    ("require_xmllint()", "no_xmllint"),
    ("Command::new(\"git\")", "no_git"),
    ("multitool()", "no_sarif_multitool"),
    ("\"/usr/bin/script\"", "no_script"),
];

/// A top-level function of a test file: what precedes it (its attributes) and its body.
struct Function {
    attributes: String,
    body: String,
}

/// The top-level functions of a file as rustfmt lays them out: `fn` at the start of a line,
/// the body up to the next `}` alone on a line.
fn functions(text: &str) -> BTreeMap<String, Function> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = BTreeMap::new();
    let mut item_start = 0;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let signature = line.strip_prefix("pub fn ").or(line.strip_prefix("fn "));
        if let Some(rest) = signature {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let end = (i..lines.len())
                .find(|&j| lines[j] == "}")
                .unwrap_or(lines.len());
            out.insert(
                name,
                Function {
                    attributes: lines[item_start..i].join("\n"),
                    body: lines[i..end].join("\n"),
                },
            );
            i = end;
            item_start = end + 1;
        } else if line.is_empty() || line == "}" || line.ends_with(';') && !line.starts_with(' ') {
            item_start = i + 1;
        }
        i += 1;
    }
    out
}

/// The cfgs of the resources `name` reaches, itself or through the functions of its file. A
/// function that guards its use with `cfg!(no_…)` does not pass that resource on: a test of
/// its own says whether the guarded part ran.
fn reached(
    name: &str,
    all: &BTreeMap<String, Function>,
    seen: &mut BTreeSet<String>,
) -> BTreeSet<&'static str> {
    let mut out = BTreeSet::new();
    if !seen.insert(name.to_string()) {
        return out;
    }
    let body = &all[name].body;
    for (call, cfg) in RESOURCES {
        if body.contains(call) && !body.contains(&format!("cfg!({cfg})")) {
            out.insert(*cfg);
        }
    }
    for other in all.keys() {
        if other != name && calls(body, other) {
            let theirs = reached(other, all, seen);
            let body = &all[name].body;
            out.extend(
                theirs
                    .into_iter()
                    .filter(|cfg| !body.contains(&format!("cfg!({cfg})"))),
            );
        }
    }
    out
}

/// Whether `body` calls the function `name` (and not one whose name ends with it).
fn calls(body: &str, name: &str) -> bool {
    let call = format!("{name}(");
    body.match_indices(&call).any(|(at, _)| {
        !body[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

fn carries(attributes: &str, cfg: &str) -> bool {
    let flat: String = attributes.split_whitespace().collect::<Vec<_>>().join(" ");
    flat.contains(&format!("#[cfg_attr( {cfg}, ignore = "))
        || flat.contains(&format!("#[cfg_attr({cfg}, ignore = "))
}

#[test]
fn every_test_that_needs_an_outside_resource_is_ignored_without_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut missing = Vec::new();
    let mut tests_with_resources = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("skips.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let all = functions(&text);
        for (name, function) in &all {
            if !function.attributes.contains("#[test]") {
                continue;
            }
            let needs = reached(name, &all, &mut BTreeSet::new());
            tests_with_resources += usize::from(!needs.is_empty());
            for cfg in needs {
                if !carries(&function.attributes, cfg) {
                    missing.push(format!(
                        "{}: {name} needs #[cfg_attr({cfg}, ignore = \"…\")]",
                        path.file_name().unwrap().to_string_lossy()
                    ));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    // The scan finds what it looks for: the corpus, gcab and xmllint tests at least.
    assert!(tests_with_resources > 30, "{tests_with_resources}");
}
