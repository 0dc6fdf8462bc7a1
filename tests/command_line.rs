//! The command line as a linter user meets it: paths in every format, what `-q` hides,
//! option combinations that cannot work, runs that lint nothing, and other XML.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// One warning (`id/instance-id-missing`), nothing else.
const WARNS: &str = "fixtures/rules/id/instance-id-missing/bad.xml";
const CLEAN: &str = "fixtures/rules/id/instance-id-missing/good.xml";
const POM: &str = "fixtures/rules/doc/not-vss-document/bad.xml";

/// A fresh folder inside the repository (under the ignored `target/`), so that paths
/// relative to the working directory can be tested.
fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/test-scratch")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn relative(p: &Path) -> String {
    p.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// The binary run in `dir`.
fn vsslint_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vsslint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("GITHUB_ACTIONS")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn github_annotations_name_the_file_once_escaped() {
    let d = scratch("github paths");
    let dir = d.join("Program Files");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(WARNS, dir.join("é b.xml")).unwrap();
    let o = vsslint(&["--format", "github", &relative(&dir.join("é b.xml"))]);
    let out = stdout(&o);
    let expected = format!(
        "::warning file={}/Program Files/é b.xml,line=2,",
        relative(&d)
    );
    assert!(out.contains(&expected), "{out}");
    assert!(!out.contains("%25"), "{out}");
    // A property's `:` and `,` are escaped, once.
    let odd = dir.join("a,b:c.xml");
    std::fs::copy(WARNS, &odd).unwrap();
    let out = stdout(&vsslint(&["--format", "github", &relative(&odd)]));
    assert!(out.contains("/Program Files/a%2Cb%3Ac.xml,line="), "{out}");
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn sarif_uris_are_percent_encoded_once() {
    let d = scratch("sarif uris");
    let root = d.join("my dir");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::copy(WARNS, root.join("é b.xml")).unwrap();
    let o = vsslint_in(&root, &["--format", "sarif", "é b.xml"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let run = &v["runs"][0];
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(base.starts_with("file:///"), "{base}");
    assert!(base.ends_with("/my%20dir/"), "{base}");
    assert!(!base.contains(' '), "{base}");
    let uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert_eq!(uri, "%C3%A9%20b.xml");
    // JSON names the same file plainly, relative and with `/`.
    let o = vsslint_in(&root, &["--format", "json", "./é b.xml"]);
    assert_eq!(json(&o)["diagnostics"][0]["file"], "é b.xml");
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn quiet_hides_warnings_from_the_list_only() {
    let o = vsslint(&["-q", "--max-warnings", "0", WARNS]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(!out.contains("No problems"), "{out}");
    assert!(
        !out.contains("VSL113"),
        "the warning itself is hidden: {out}"
    );
    assert!(
        out.contains("Found 1 warning in 1 file (1 not shown: --quiet hides warnings and infos"),
        "{out}"
    );
    assert_eq!(
        stderr(&o).trim(),
        "vsslint: 1 warning, more than --max-warnings 0"
    );
    let v = json(&vsslint(&["-q", "--format", "json", WARNS]));
    assert_eq!(v["summary"]["warnings"], 1);
    assert_eq!(v["summary"]["hidden"], 1);
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0);
    // Nothing fails under --exit-zero, so no failure is announced.
    let o = vsslint(&["--exit-zero", "--max-warnings", "0", WARNS]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "");
}

#[test]
fn statistics_only_in_formats_that_hold_them() {
    for format in ["sarif", "github", "json-lines"] {
        let o = vsslint(&["--statistics", "--format", format, WARNS]);
        assert_eq!(o.status.code(), Some(2), "{format}");
        assert!(
            stderr(&o).contains(&format!(
                "--statistics cannot be written as --format {format}: it is a table (full, concise) or a JSON list (json)"
            )),
            "{}",
            stderr(&o)
        );
    }
    let o = vsslint(&["--statistics", "--format", "json", WARNS]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)[0]["rule"], "id/instance-id-missing");
}

#[test]
fn standard_input_is_named_once() {
    let text = std::fs::read(CLEAN).unwrap();
    let o = vsslint_with_stdin(&["-", "-"], Some(&text));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("standard input (`-`) is named more than once"));
}

#[test]
fn a_bare_exclude_name_matches_at_any_depth() {
    let d = scratch("exclude");
    std::fs::create_dir_all(d.join("writers/legacy/old")).unwrap();
    std::fs::copy(WARNS, d.join("writers/legacy/old/a.xml")).unwrap();
    std::fs::copy(WARNS, d.join("writers/legacy.xml")).unwrap();
    std::fs::copy(CLEAN, d.join("writers/b.xml")).unwrap();
    let o = vsslint(&["--format", "json", "--exclude", "legacy", &relative(&d)]);
    let files: Vec<String> = json(&o)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["file"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(files, [format!("{}/writers/legacy.xml", relative(&d))]);
    // A pattern with a slash is anchored to the path as given.
    let anchored = format!("{}/writers/legacy", relative(&d));
    let o = vsslint(&["--format", "json", "--exclude", &anchored, &relative(&d)]);
    assert_eq!(json(&o)["summary"]["files"], 2);
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn an_excluded_stdin_filename_is_skipped_with_a_note() {
    let text = std::fs::read(WARNS).unwrap();
    let o = vsslint_with_stdin(
        &[
            "--exclude",
            "legacy",
            "--stdin-filename",
            "writers/legacy/a.xml",
            "-",
        ],
        Some(&text),
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(!stdout(&o).contains("VSL113"), "{}", stdout(&o));
    assert_eq!(
        stderr(&o).trim(),
        "vsslint: skipped `writers/legacy/a.xml` (excluded by --exclude)"
    );
}

#[test]
fn a_run_that_finds_nothing_is_a_usage_error() {
    let d = scratch("empty");
    let o = vsslint(&[&relative(&d)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        format!(
            "error: no writer metadata documents found under `{}` (looked for *.xml and *.cab files); pass --allow-no-files if an empty run is expected",
            relative(&d)
        )
    );
    let o = vsslint(&["--allow-no-files", &relative(&d)]);
    assert_eq!(o.status.code(), Some(0));
    std::fs::copy(WARNS, d.join("a.xml")).unwrap();
    let o = vsslint(&["--exclude", "*.xml", &relative(&d)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not excluded by --exclude"));
    // A file named and excluded is not nothing: a hook passes file names.
    let named = relative(&d.join("a.xml"));
    let o = vsslint(&["--exclude", "*.xml", &named]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains(&format!("vsslint: skipped `{named}`")));
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn other_xml_is_skipped_and_near_misses_stay_errors() {
    let o = vsslint(&["--format", "concise", POM]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("info: skipped: <project> is not the document element of a VSS document [VSL012 doc/not-vss-document]"), "{}", stdout(&o));
    let d = scratch("near misses");
    for (name, text) in [
        ("lower.xml", "<writer_metadata/>"),
        ("typo.xml", "<WRITER_METADAT/>"),
        (
            "ns.xml",
            r#"<LIST xmlns="x-schema:#VssWriterMetadataInfo"/>"#,
        ),
    ] {
        std::fs::write(d.join(name), text).unwrap();
        let o = vsslint(&["--format", "concise", &relative(&d.join(name))]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        assert!(stdout(&o).contains("doc/root-element"), "{name}");
    }
    std::fs::remove_dir_all(d).unwrap();
}

/// Restore-time schema bits (VSL211, info) and a stored instance ID (VSL111, optional).
const SCHEMA_INFO: &str = "fixtures/rules/schema/restore-bits-without-restore-events/bad.xml";

fn rules_raised(o: &Output) -> Vec<String> {
    json(o)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn select_ignore_and_extend_select() {
    let run = |args: &[&str]| {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        all.push(SCHEMA_INFO);
        vsslint(&all)
    };
    assert_eq!(
        rules_raised(&run(&[])),
        ["schema/restore-bits-without-restore-events"]
    );
    // A group selects what runs by default in it; a rule named alone is turned on.
    assert!(rules_raised(&run(&["--select", "id"])).is_empty());
    assert_eq!(
        rules_raised(&run(&["--select", "id,VSL111"])),
        ["id/stale-instance"]
    );
    assert!(rules_raised(&run(&["--ignore", "VSL211"])).is_empty());
    assert!(rules_raised(&run(&["--ignore", "schema/*"])).is_empty());
    assert_eq!(
        rules_raised(&run(&["--extend-select", "id/stale-instance"])),
        [
            "schema/restore-bits-without-restore-events",
            "id/stale-instance"
        ]
    );
    // Profile rules need their profile, and the error names the flag.
    let o = run(&["--select", "express"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("runs only with --express"),
        "{}",
        stderr(&o)
    );
    let o = run(&["--select", "os/unc-paths"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("runs only with --target-os"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        run(&["--select", "os/unc-paths", "--target-os", "ws2003"])
            .status
            .code(),
        Some(0)
    );
    let o = run(&["--select", "schema/restore-bits"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("(did you mean `schema/restore-bits-without-restore-events`?)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_configuration_turned_off_rule_comes_back_with_extend_select() {
    let d = scratch("extend select");
    std::fs::write(
        d.join("vsslint.toml"),
        "[rules]\n\"schema/restore-bits-without-restore-events\" = \"off\"\n",
    )
    .unwrap();
    std::fs::copy(SCHEMA_INFO, d.join("w.xml")).unwrap();
    let file = relative(&d.join("w.xml"));
    assert!(rules_raised(&vsslint(&["--format", "json", &file])).is_empty());
    assert_eq!(
        rules_raised(&vsslint(&[
            "--format",
            "json",
            "--extend-select",
            "VSL211",
            &file
        ])),
        ["schema/restore-bits-without-restore-events"]
    );
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn show_settings_says_where_each_setting_comes_from() {
    let d = scratch("show settings");
    std::fs::write(
        d.join("vsslint.toml"),
        "target-os = \"ws2012\"\n[rules]\n\"fs/path-envvar-syntax\" = \"off\"\n\"VSL111\" = \"warning\"\n",
    )
    .unwrap();
    let file = d.join("w.xml");
    let o = vsslint(&["--show-settings", &relative(&file), "--ignore", "VSL113"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let line = |needle: &str| {
        out.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no `{needle}` in\n{out}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    // The file found, however the platform spells its path.
    let found = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("configuration:"))
        .unwrap()
        .trim();
    assert_eq!(
        std::fs::canonicalize(found).unwrap(),
        std::fs::canonicalize(d.join("vsslint.toml")).unwrap(),
        "{out}"
    );
    assert_eq!(
        line("target OS:"),
        "target OS: ws2012 (Windows Server 2012)"
    );
    assert_eq!(line("express:"), "express: no");
    assert_eq!(
        line("fs/path-envvar-syntax"),
        "VSL603 fs/path-envvar-syntax off"
    );
    assert_eq!(
        line("id/stale-instance"),
        "VSL111 id/stale-instance warning"
    );
    assert_eq!(
        line("id/instance-id-missing"),
        "VSL113 id/instance-id-missing off"
    );
    assert_eq!(line("os/unc-paths"), "VSL811 os/unc-paths error");
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn did_you_mean() {
    let o = vsslint(&["--target-os", "ws2012r3", CLEAN]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `ws2012r2`?"),
        "{}",
        stderr(&o)
    );
    // Common aliases are accepted.
    for alias in ["win2012", "server2012", "2012r2", "windows-server-2016"] {
        assert_eq!(
            vsslint(&["--target-os", alias, CLEAN]).status.code(),
            Some(0),
            "{alias}"
        );
    }
    let o = vsslint(&["explain", "fs/recursive-bol"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("(did you mean `fs/recursive-bool`?)"));
    let d = scratch("did you mean");
    let config = d.join("vsslint.toml");
    std::fs::write(&config, "[rules]\n\"fs/recursive-bol\" = \"warn\"\n").unwrap();
    let o = vsslint(&["--config", &relative(&config), CLEAN]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("did you mean `fs/recursive-bool`?"), "{err}");
    assert!(!err.contains("vsslint::config"), "{err}");
    std::fs::write(&config, "[rules]\n\"fs/recursive-bool\" = \"warn\"\n").unwrap();
    let err = stderr(&vsslint(&["--config", &relative(&config), CLEAN]));
    assert!(err.contains("did you mean \"warning\"?"), "{err}");
    let o = vsslint(&["--config", "nope.toml", CLEAN]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot read the configuration file `nope.toml`: no such file"),
        "{}",
        stderr(&o)
    );
    let doc = std::fs::read_to_string(CLEAN).unwrap().replace(
        "  <IDENTIFICATION",
        "  <!-- vsslint-ignore id/instance-id-mising: a template -->\n  <IDENTIFICATION",
    );
    let o = vsslint_with_stdin(&["--format", "json", "-"], Some(doc.as_bytes()));
    let v = json(&o);
    let help = v["diagnostics"][0]["help"].as_str().unwrap();
    assert!(
        help.contains("did you mean `id/instance-id-missing`?"),
        "{help}"
    );
    std::fs::remove_dir_all(d).unwrap();
}

/// The long options a help text or the README names, in the form `--name`.
fn long_options(lines: impl Iterator<Item = String>) -> std::collections::BTreeSet<String> {
    lines
        .filter_map(|l| {
            let l = l.trim_start().trim_start_matches("| `").trim_start();
            let l = l
                .strip_prefix("-")
                .filter(|r| r.len() > 2 && r.as_bytes()[1] == b',')
                .map_or(l, |r| r[2..].trim_start());
            let name: String = l
                .strip_prefix("--")?
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            (!name.is_empty()).then(|| format!("--{name}"))
        })
        .collect()
}

#[test]
fn the_readme_lists_what_help_lists() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let help = stdout(&vsslint(&["--help"]));
    let section = |start: &str| -> Vec<String> {
        readme
            .lines()
            .skip_while(|l| *l != start)
            .skip(1)
            .take_while(|l| !l.starts_with("## "))
            .map(str::to_string)
            .collect()
    };
    let usage = section("## Usage");
    let in_readme = long_options(usage.iter().filter(|l| l.starts_with("| `-")).cloned());
    let mut in_help = long_options(
        help.lines()
            .skip_while(|l| !l.starts_with("Options:"))
            .filter(|l| l.starts_with("  -") || l.starts_with("      --"))
            .map(str::to_string),
    );
    in_help.remove("--help");
    in_help.remove("--version");
    assert_eq!(
        in_readme, in_help,
        "README's options table and --help differ"
    );
    // Every command of --help has a line in the README's usage block.
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // A command's own line; its wrapped description is indented further.
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help" && c.chars().all(|ch| ch.is_ascii_lowercase()))
        .collect();
    assert!(commands.len() >= 5, "{commands:?}");
    for c in commands {
        assert!(
            usage.iter().any(|l| l.starts_with(&format!("vsslint {c}"))),
            "README's usage block has no `vsslint {c}`"
        );
    }
}

#[test]
fn help_stands_alone() {
    let help = stdout(&vsslint(&["--help"]));
    for phrase in ["miette", "README", "see the"] {
        assert!(!help.contains(phrase), "--help mentions {phrase}");
    }
    assert!(
        help.contains("default\n          256 MiB") || help.contains("default 256 MiB"),
        "{help}"
    );
    assert!(!stdout(&vsslint(&["rules", "--help"])).contains("write-docs"));
    // Sizes take units.
    let big = "fixtures/valid/utf16le-bom-one-attribute-per-line.xml";
    let o = vsslint(&["--max-file-size", "2KiB", "--format", "concise", big]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("more than --max-file-size (2048)"),
        "{}",
        stdout(&o)
    );
    assert_eq!(
        vsslint(&["--max-file-size", "1GiB", CLEAN]).status.code(),
        Some(0)
    );
    let o = vsslint(&["--max-file-size", "1 parsec", CLEAN]);
    assert_eq!(o.status.code(), Some(2));
    // A folder named like a command is linted through `check`.
    let d = scratch("check command");
    std::fs::create_dir_all(d.join("rules")).unwrap();
    std::fs::copy(CLEAN, d.join("rules/w.xml")).unwrap();
    let o = vsslint_in(&d, &["check", "rules"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("in 1 file"), "{}", stdout(&o));
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn rules_table_is_aligned_and_completions_offer_values() {
    let out = stdout(&vsslint(&["rules"]));
    let summary_column: std::collections::BTreeSet<usize> = out
        .lines()
        .map(|l| {
            let after_severity = l
                .find(" error ")
                .or(l.find(" warning "))
                .or(l.find(" info "))
                .unwrap();
            l[after_severity..].find(|c: char| c != ' ').unwrap() + after_severity
        })
        .collect();
    assert_eq!(summary_column.len(), 1, "severities do not line up:\n{out}");
    let bash = stdout(&vsslint(&["completions", "bash"]));
    for value in ["ws2012r2", "sarif", "fs/recursive-bool"] {
        assert!(bash.contains(value), "no {value} in the bash completions");
    }
}

/// A one-line document whose one finding has two labels thousands of columns apart: a file
/// set shared by the first and the last of many components.
fn one_line_with_distant_labels(dir: &Path) -> PathBuf {
    let padding: String = (0..60)
        .map(|i| {
            format!(
                r#"<FILE_GROUP componentName="Pad{i}" selectable="yes"><FILE_LIST path="C:\Pad\{i}" filespec="*.dat" recursive="no"/></FILE_GROUP>"#
            )
        })
        .collect();
    let shared =
        r#"<FILE_LIST path="C:\ProgramData\Contoso\Ledger" filespec="*.dat" recursive="no"/>"#;
    let doc = format!(
        r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"><IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" instanceId="9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33" friendlyName="Contoso Ledger Writer" usage="USER_DATA" dataSource="OTHER"/><RESTORE_METHOD method="RESTORE_IF_NOT_THERE" writerRestore="never" rebootRequired="no"/><BACKUP_LOCATIONS><FILE_GROUP componentName="Ledger" selectable="yes">{shared}</FILE_GROUP>{padding}<FILE_GROUP componentName="Archive" selectable="yes">{shared}</FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>"#
    );
    let path = dir.join("one-line.xml");
    std::fs::write(&path, doc).unwrap();
    path
}

/// The widest line, leaving out those that hold a URL or the file's path, which are never
/// broken (a broken URL or path can no longer be copied).
fn widest(out: &str) -> usize {
    out.lines()
        .filter(|l| !l.contains("https://") && !l.contains("╭─["))
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

#[test]
fn full_output_fits_the_width_and_distant_labels_get_rows() {
    let d = scratch("widths");
    let file = one_line_with_distant_labels(&d);
    for width in [80, 120] {
        let o = Command::new(env!("CARGO_BIN_EXE_vsslint"))
            .arg(&file)
            .env("NO_COLOR", "1")
            .env("COLUMNS", width.to_string())
            .output()
            .unwrap();
        let out = stdout(&o);
        assert!(out.contains("fs/file-in-several-components"), "{out}");
        assert!(widest(&out) <= width, "wider than {width}:\n{out}");
        // Each label on its own row of line 1.
        let rows = out
            .lines()
            .filter(|l| {
                l.trim_start().starts_with("1 │ …")
                    && l.contains(r#"<FILE_LIST path="C:\ProgramData"#)
            })
            .count();
        assert_eq!(rows, 2, "{out}");
        // The rule's URL is printed whole, on one line.
        assert!(out.contains(
            "(https://github.com/vsslint/vsslint/blob/main/docs/rules/fs/file-in-several-components.md)"
        ));
    }
    std::fs::remove_dir_all(d).unwrap();
}

#[cfg(unix)]
#[test]
#[cfg_attr(
    no_script,
    ignore = "needs /usr/bin/script (see README, Running the tests)"
)]
fn full_output_reads_the_width_of_a_real_terminal() {
    let script = require_tool(
        "script",
        "/usr/bin/script",
        "install util-linux (Debian: bsdutils)",
        || Some(PathBuf::from("/usr/bin/script")).filter(|p| p.exists()),
    );
    let d = scratch("pty");
    let file = one_line_with_distant_labels(&d);
    let command = format!(
        "stty cols 80 rows 40; exec '{}' --color never '{}'",
        env!("CARGO_BIN_EXE_vsslint"),
        file.display()
    );
    let o = Command::new(script)
        .args(["-qec", &command, "/dev/null"])
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout).replace('\r', "");
    assert!(out.contains("fs/file-in-several-components"), "{out}");
    assert!(
        widest(&out) <= 80,
        "wider than the terminal's 80 columns:\n{out}"
    );
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn the_readme_example_is_what_vsslint_prints() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let command = "$ vsslint fixtures/rules/fs/recursive-bool/bad.xml\n";
    let start = readme.find(command).expect("the README shows the example") + command.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let o = vsslint(&["fixtures/rules/fs/recursive-bool/bad.xml"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(shown, stdout(&o));
}
