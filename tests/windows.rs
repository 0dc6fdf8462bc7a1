//! What differs on Windows, or could: separators, drive letters, long paths and UNC paths,
//! globs written with `\`, configuration files with CRLF, and names outside ASCII.
//!
//! Reports for machines (JSON, SARIF, GitHub) name files with `/` relative to the working
//! directory on every OS; human formats show paths as the user typed them. So on Windows a
//! path typed with `\` comes back with `\` in `concise` and with `/` in JSON: the tests marked
//! `cfg(windows)` say so. Under Wine these run as a Windows build (see .ci/run).

mod common;
use common::*;
use std::path::{Path, PathBuf};

const BAD: &str = "fixtures/rules/comp/bool-value/bad.xml";

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vsslint-win-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[cfg(windows)]
fn files_in_json(o: &std::process::Output) -> Vec<String> {
    let mut files: Vec<String> = json(o)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap().to_owned())
        .collect();
    files.dedup();
    files
}

/// The configuration of fixtures/config/project, with CRLF line ends as Windows editors save
/// it, and the documents it governs.
fn project_with_crlf(d: &Path, override_glob: &str) {
    let src = Path::new("fixtures/config/project");
    std::fs::create_dir_all(d.join("legacy")).unwrap();
    for name in [
        "no-restore-method.xml",
        "selectable-true.xml",
        "legacy/selectable-true.xml",
    ] {
        std::fs::copy(src.join(name), d.join(name)).unwrap();
    }
    let config = format!(
        "# saved on Windows\n[rules]\n\"doc/restore-method-missing\" = \"off\"\n\n\
         [[overrides]]\nfiles = ['{override_glob}']\nrules = {{ VSL407 = \"warning\" }}\n"
    )
    .replace('\n', "\r\n");
    std::fs::write(d.join("vsslint.toml"), config).unwrap();
}

#[test]
fn configuration_files_with_crlf_are_read() {
    let d = temp_dir("crlf");
    project_with_crlf(&d, "legacy/**");
    let o = vsslint(&["--format", "json", d.to_str().unwrap()]);
    let v = json(&o);
    std::fs::remove_dir_all(&d).unwrap();
    let found = v["diagnostics"].as_array().unwrap();
    assert!(
        found
            .iter()
            .all(|f| f["rule"] != "doc/restore-method-missing"),
        "{v:#}"
    );
    let severity = |legacy: bool| {
        found
            .iter()
            .find(|f| f["file"].as_str().unwrap().contains("legacy") == legacy)
            .map(|f| f["severity"].as_str().unwrap().to_owned())
    };
    assert_eq!(severity(true).as_deref(), Some("warning"), "{v:#}");
    assert_eq!(severity(false).as_deref(), Some("error"), "{v:#}");
}

/// Names outside ASCII, in the file name and in the message, arrive whole: UTF-8 in a pipe or
/// a file. (Written to a Windows console, the standard library hands the same text to the
/// console as UTF-16, whatever its code page.)
#[test]
fn names_outside_ascii_are_reported_whole() {
    let d = temp_dir("unicode");
    let doc = std::fs::read_to_string(BAD)
        .unwrap()
        .replace("selectable=\"true\"", "selectable=\"是-ü\"");
    let file = d.join("écrivain-Ω.xml");
    std::fs::write(&file, doc).unwrap();
    let o = vsslint(&["--format", "concise", file.to_str().unwrap()]);
    let j = vsslint(&["--format", "json", file.to_str().unwrap()]);
    std::fs::remove_dir_all(&d).unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout.clone()).expect("UTF-8 output");
    assert!(out.contains("écrivain-Ω.xml:5:"), "{out}");
    assert!(out.contains("\"是-ü\""), "{out}");
    let v = json(&j);
    assert!(v["diagnostics"][0]["file"]
        .as_str()
        .unwrap()
        .ends_with("/écrivain-Ω.xml"));
    assert!(v["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("是-ü"));
}

/// `NO_COLOR` and `--color`: no escape reaches a pipe unless asked for.
#[test]
fn colour_is_asked_for_not_guessed() {
    let esc = |o: &std::process::Output| o.stdout.contains(&0x1b);
    assert!(!esc(&vsslint(&[BAD])));
    assert!(esc(&vsslint(&["--color", "always", BAD])));
    let forced = std::process::Command::new(env!("CARGO_BIN_EXE_vsslint"))
        .arg(BAD)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("FORCE_COLOR", "1")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!esc(&forced), "NO_COLOR wins over FORCE_COLOR");
}

/// On Windows: a folder typed with `\` is listed with `\` in human formats, with `/` in JSON.
#[cfg(windows)]
#[test]
fn backslashes_typed_come_back_in_human_formats_only() {
    let o = vsslint(&["--format", "concise", r"fixtures\config\project"]);
    let out = stdout(&o);
    assert!(
        out.contains(r"fixtures\config\project\legacy\selectable-true.xml:5:123: warning"),
        "{out}"
    );
    let o = vsslint(&["--format", "json", r"fixtures\config\project"]);
    assert!(
        files_in_json(&o).contains(&"fixtures/config/project/legacy/selectable-true.xml".into())
    );
    // Typed with `/`, the same folder is listed with `/` only, though Windows walks with `\`.
    let o = vsslint(&["--format", "concise", "fixtures/config/project"]);
    let out = stdout(&o);
    assert!(
        out.contains("fixtures/config/project/legacy/selectable-true.xml:5:123: warning"),
        "{out}"
    );
    assert!(!out.contains('\\'), "{out}");
}

/// On Windows: an absolute path with a drive letter, and its long-path form `\\?\`, are
/// relative to the working directory in JSON and as typed in human formats.
#[cfg(windows)]
#[test]
fn drive_letters_and_long_paths() {
    let abs = std::path::absolute(Path::new(env!("CARGO_MANIFEST_DIR")).join(BAD)).unwrap();
    let abs = abs.to_str().unwrap().replace('/', "\\");
    assert!(abs.as_bytes()[1] == b':', "{abs}");
    let long = format!(r"\\?\{abs}");
    for typed in [&abs, &long] {
        let o = vsslint(&["--format", "json", typed]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert_eq!(files_in_json(&o), [BAD], "{typed}");
        let o = vsslint(&["--format", "concise", typed]);
        assert!(
            stdout(&o).starts_with(&format!("{typed}:5:")),
            "{}",
            stdout(&o)
        );
    }
}

/// On Windows: a UNC path that names nothing is a usage error naming it as typed.
#[cfg(windows)]
#[test]
fn unc_paths_are_named_as_typed() {
    let typed = r"\\nonexistent.invalid\share\writers\a.xml";
    let o = vsslint(&[typed]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(typed), "{}", stderr(&o));
}

/// On Windows: patterns and `--exclude` written with `\` match as with `/`.
#[cfg(windows)]
#[test]
fn globs_with_backslashes() {
    let o = vsslint(&["--format", "json", r"fixtures\tree\writers\**\*.xml"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(json(&o)["summary"]["files"], 3, "{}", stdout(&o));
    assert!(files_in_json(&o)
        .iter()
        .all(|f| f.starts_with("fixtures/tree/writers/")));
    let o = vsslint(&[
        "--format",
        "json",
        "--exclude",
        r"fixtures\tree\writers\nested",
        r"fixtures\tree\writers",
    ]);
    assert_eq!(json(&o)["summary"]["files"], 1, "{}", stdout(&o));
    // In a configuration file too: `legacy\**` is `legacy/**`.
    let d = temp_dir("config-backslash");
    project_with_crlf(&d, r"legacy\**");
    let o = vsslint(&["--format", "concise", d.to_str().unwrap()]);
    std::fs::remove_dir_all(&d).unwrap();
    let out = stdout(&o);
    assert!(
        out.contains(r"legacy\selectable-true.xml:5:123: warning"),
        "{out}"
    );
}
