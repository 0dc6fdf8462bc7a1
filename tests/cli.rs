//! The command-line contract: exit codes, formats, stdin, and the subcommands.

mod common;
use common::*;

const GOOD: &str = "fixtures/valid/database-writer.xml";
const BAD: &str = "fixtures/rules/comp/bool-value/bad.xml";

#[test]
fn clean_file_exits_zero() {
    let o = vsslint(&[GOOD]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let summary = stdout(&o).lines().last().unwrap_or("").to_string();
    assert!(
        summary.ends_with("in 1 file.") && !summary.contains("error"),
        "{summary}"
    );
}

#[test]
fn error_finding_exits_one() {
    let o = vsslint(&[BAD]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("VSL407 comp/bool-value"));
}

#[test]
fn warnings_alone_exit_zero() {
    let o = vsslint(&["fixtures/rules/doc/restore-method-missing/bad.xml"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Found 1 warning in 1 file."));
}

#[test]
fn missing_path_exits_two_and_names_it() {
    let o = vsslint(&["no/such/file.xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/file.xml"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

#[test]
fn bad_option_exits_two() {
    assert_eq!(vsslint(&["--no-such-flag", GOOD]).status.code(), Some(2));
    assert_eq!(vsslint(&["--format", "xml", GOOD]).status.code(), Some(2));
    assert_eq!(vsslint(&[]).status.code(), Some(2));
}

#[test]
fn unknown_target_os_lists_valid_names() {
    let o = vsslint(&["--target-os", "win95", GOOD]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("win95") && err.contains("ws2003sp1") && err.contains("ws2025"),
        "{err}"
    );
}

#[test]
fn concise_format() {
    let o = vsslint(&["--format", "concise", BAD]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o).lines().next().unwrap(),
        "fixtures/rules/comp/bool-value/bad.xml:5:123: error: selectable is \"true\", not yes or no [VSL407 comp/bool-value]"
    );
}

#[test]
fn json_format_fields() {
    let o = vsslint(&["--format", "json", BAD]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["version"], 1);
    let d = &v["diagnostics"][0];
    for key in [
        "file",
        "rule",
        "code",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "offset",
        "length",
        "help",
        "url",
    ] {
        assert!(!d[key].is_null(), "missing {key} in {d}");
    }
    assert_eq!(d["rule"], "comp/bool-value");
    assert_eq!(d["severity"], "error");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(5), Some(123))
    );
    assert_eq!(d["end_column"].as_u64(), Some(127));
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn stdin_is_read_with_dash() {
    let bytes = std::fs::read(BAD).unwrap();
    let o = vsslint_with_stdin(&["--format", "concise", "-"], Some(&bytes));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with("<stdin>:5:123: error"),
        "{}",
        stdout(&o)
    );
}

fn json_of_bytes(bytes: &[u8]) -> (i32, serde_json::Value) {
    let o = vsslint_with_stdin(&["--format", "json", "-"], Some(bytes));
    (o.status.code().unwrap(), json(&o))
}

#[test]
fn broken_inputs_exit_one_with_a_json_diagnostic() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty", b"", "doc/not-well-formed"),
        ("bare UTF-8 BOM", b"\xEF\xBB\xBF", "doc/not-well-formed"),
        ("bare UTF-16 BOM", b"\xFF\xFE", "doc/not-well-formed"),
        (
            "binary",
            b"\x00\x01\x02\xFF\xFE\x80\x81\x90garbage",
            "doc/encoding",
        ),
        (
            "invalid UTF-8",
            b"<WRITER_METADATA \xC3\x28/>",
            "doc/encoding",
        ),
        ("truncated UTF-16", b"\xFF\xFE<\x00W\x00R", "doc/encoding"),
        (
            "truncated XML",
            b"<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\"><IDENTIFICATION",
            "doc/not-well-formed",
        ),
    ];
    for (name, bytes, rule) in cases {
        let (code, v) = json_of_bytes(bytes);
        assert_eq!(code, 1, "{name}: {v}");
        let d = &v["diagnostics"][0];
        assert_eq!(d["rule"], *rule, "{name}: {v}");
        assert!(d["line"].as_u64().unwrap() >= 1 && d["column"].as_u64().unwrap() >= 1);
        assert!(
            !d["help"].as_str().unwrap_or("").is_empty(),
            "{name}: no help"
        );
    }
}

#[test]
fn dtd_is_refused_not_expanded() {
    let lol = br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]><WRITER_METADATA>&lol2;&xxe;</WRITER_METADATA>"#;
    let (code, v) = json_of_bytes(lol);
    assert_eq!(code, 1);
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "doc/not-well-formed");
    assert!(d["message"].as_str().unwrap().contains("DOCTYPE"), "{d}");
    assert_eq!(d["column"], 22);
}

#[test]
fn explain_by_slug_and_code() {
    let o = vsslint(&["explain", "doc/namespace"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    for part in [
        "# doc/namespace (VSL004)",
        "## What it checks",
        "## Why it matters",
        "## Example",
        "## Sources",
        "```xml",
    ] {
        assert!(text.contains(part), "missing {part}");
    }
    assert_eq!(stdout(&vsslint(&["explain", "vsl004"])), text);
    let o = vsslint(&["explain", "doc/nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("vsslint rules"));
}

#[test]
fn rules_json_lists_every_rule() {
    let o = vsslint(&["rules", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), vsslint::all_rules().len());
    for r in list {
        for key in [
            "slug", "code", "severity", "group", "profile", "summary", "url",
        ] {
            assert!(r[key].is_string(), "{key} in {r}");
        }
    }
}

/// `dump` shows what a writer's author passed to the API: mask bits and enumeration values as
/// their `VSS_*` constants, beside the attribute as written.
#[test]
fn dump_shows_api_constants() {
    let o = vsslint(&["dump", GOOD]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["version"], 1);
    let doc = &v["document"];
    assert_eq!(doc["kind"], "writer-metadata");
    let schema = &doc["backup_schema"]["value"];
    assert_eq!(schema["value"], 27);
    assert_eq!(
        schema["constants"],
        serde_json::json!([
            "VSS_BS_DIFFERENTIAL",
            "VSS_BS_INCREMENTAL",
            "VSS_BS_LOG",
            "VSS_BS_COPY"
        ])
    );
    assert_eq!(schema["undefined"], serde_json::Value::Null);
    let id = &doc["identifications"][0];
    assert_eq!(id["usage"]["value"], "VSS_UT_USERDATA");
    assert_eq!(id["data_source"]["raw"], "TRANSACTION_DB");
    assert_eq!(id["data_source"]["value"], "VSS_ST_TRANSACTEDDB");
    let method = &doc["restore_methods"][0];
    assert_eq!(
        method["method"]["value"],
        "VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE"
    );
    assert_eq!(method["writer_restore"]["value"], "VSS_WRE_ALWAYS");
    let component = &doc["components"][0];
    assert_eq!(component["kind"], "VSS_CT_DATABASE");
    assert_eq!(
        component["file_sets"][0]["backup_type"]["value"]["constants"][0],
        "VSS_FSBT_FULL_BACKUP_REQUIRED"
    );
}

/// Bits no constant names are kept in hex beside the named ones, and a spelling outside the
/// vocabulary has no constant; every attribute the model knows is in the dump, `icon` too.
#[test]
fn dump_keeps_undefined_bits_unknown_spellings_and_every_attribute() {
    let doc = r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2" backupSchema="2065">
<IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" friendlyName="W" usage="SOMETIMES" dataSource="OTHER"/>
<BACKUP_LOCATIONS>
  <FILE_GROUP componentName="C" selectable="yes" componentFlags="12" icon="AAABAAEAEBA">
    <FILE_LIST path="C:\D" filespec="*" filespecBackupType="65537"/>
  </FILE_GROUP>
</BACKUP_LOCATIONS>
</WRITER_METADATA>
"#;
    let o = vsslint_with_stdin(&["dump", "-"], Some(doc.as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    let doc = &v["document"];
    assert_eq!(
        doc["backup_schema"]["value"],
        serde_json::json!({
            "value": 2065,
            "constants": ["VSS_BS_DIFFERENTIAL", "VSS_BS_COPY"],
            "undefined": "0x800",
        })
    );
    let usage = &doc["identifications"][0]["usage"];
    assert_eq!(usage["raw"], "SOMETIMES");
    assert_eq!(usage["value"], serde_json::Value::Null);
    let component = &doc["components"][0];
    assert_eq!(component["icon"]["raw"], "AAABAAEAEBA");
    assert_eq!(
        component["flags"]["value"],
        serde_json::json!({
            "value": 12,
            "constants": ["VSS_CF_NOT_SYSTEM_STATE"],
            "undefined": "0x8",
        })
    );
    assert_eq!(
        component["file_sets"][0]["backup_type"]["value"]["constants"],
        serde_json::json!([
            "VSS_FSBT_FULL_BACKUP_REQUIRED",
            "VSS_FSBT_CREATED_DURING_BACKUP"
        ])
    );
}

/// A text attribute's value is its text, in every kind of document, entities read.
#[test]
fn dump_gives_each_text_attribute_its_text() {
    let v = json(&vsslint(&["dump", GOOD]));
    let doc = &v["document"];
    assert_eq!(doc["version"]["value"], "1.2");
    let id = &doc["identifications"][0];
    assert_eq!(id["friendly_name"]["value"], id["friendly_name"]["raw"]);
    assert!(id["friendly_name"]["value"].is_string(), "{id:#}");
    let file_set = &doc["components"][0]["file_sets"][0];
    assert_eq!(file_set["path"]["value"], file_set["path"]["raw"]);
    assert!(file_set["filespec"]["value"].is_string(), "{file_set:#}");

    let doc = r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2">
<IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" friendlyName="Tom &amp; Jerry" usage="USER_DATA" dataSource="OTHER"/>
</WRITER_METADATA>
"#;
    let v = json(&vsslint_with_stdin(&["dump", "-"], Some(doc.as_bytes())));
    let name = &v["document"]["identifications"][0]["friendly_name"];
    assert_eq!(name["value"], "Tom & Jerry");

    let manifest = json(&vsslint(&["dump", "fixtures/sets/contoso/Manifest.xml"]));
    let copy = &manifest["document"]["shadow_copy_set"]["copies"][0];
    assert_eq!(copy["original_volume"]["value"], "C:\\");
}

/// A backup components document's `backupType` is shown as its `VSS_BACKUP_TYPE` constant,
/// in whatever letter case it is written; a spelling outside the vocabulary has none.
#[test]
fn dump_gives_the_backup_type_constant() {
    let v = json(&vsslint(&["dump", "fixtures/sets/contoso/BCDocument.xml"]));
    let backup_type = &v["document"]["backup_type"];
    assert_eq!(backup_type["raw"], "full");
    assert_eq!(backup_type["value"], "VSS_BT_FULL");
    for (raw, constant) in [
        ("copy", "VSS_BT_COPY"),
        ("Incremental", "VSS_BT_INCREMENTAL"),
        ("DIFFERENTIAL", "VSS_BT_DIFFERENTIAL"),
        ("log", "VSS_BT_LOG"),
        ("other", "VSS_BT_OTHER"),
        ("undefined", "VSS_BT_UNDEFINED"),
    ] {
        let doc = format!(
            r#"<BACKUP_COMPONENTS xmlns="x-schema:#VssComponentMetadata" version="1.2" backupType="{raw}"/>"#
        );
        let v = json(&vsslint_with_stdin(&["dump", "-"], Some(doc.as_bytes())));
        assert_eq!(v["document"]["backup_type"]["value"], constant, "{raw}");
    }
    let doc = r#"<BACKUP_COMPONENTS xmlns="x-schema:#VssComponentMetadata" version="1.2" backupType="weekly"/>"#;
    let v = json(&vsslint_with_stdin(&["dump", "-"], Some(doc.as_bytes())));
    assert_eq!(v["document"]["backup_type"]["raw"], "weekly");
    assert_eq!(
        v["document"]["backup_type"]["value"],
        serde_json::Value::Null
    );
}

#[test]
fn dump_of_broken_file_explains_and_exits_one() {
    let o = vsslint(&["dump", "fixtures/rules/doc/not-well-formed/bad.xml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("doc/not-well-formed"));
}

#[test]
fn never_writes_to_inputs() {
    let before = std::fs::read(BAD).unwrap();
    let meta_before = std::fs::metadata(BAD).unwrap().modified().unwrap();
    vsslint(&["--format", "json", BAD]);
    assert_eq!(std::fs::read(BAD).unwrap(), before);
    assert_eq!(
        std::fs::metadata(BAD).unwrap().modified().unwrap(),
        meta_before
    );
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("vsslint-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_directories_named_like_files() {
    let d = temp_dir("walk");
    std::fs::create_dir_all(d.join("inner/looks-like.xml")).unwrap();
    std::fs::copy(GOOD, d.join("inner/writer.xml")).unwrap();
    std::os::unix::fs::symlink(&d, d.join("inner/loop")).unwrap();
    let o = vsslint(&["--format", "concise", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("in 1 file"), "{}", stdout(&o));
    // Named explicitly, a directory called *.xml is walked, not read: empty, it names no
    // document.
    let o = vsslint(&[d.join("inner/looks-like.xml").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no writer metadata documents found under"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn files_over_the_size_limit_are_refused() {
    // One doc/unreadable finding on that file, saying which limit to raise; the run goes on.
    let o = vsslint(&["--format", "concise", "--max-file-size", "100", GOOD]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("--max-file-size") && out.contains("[VSL014 doc/unreadable]"),
        "{out}"
    );
}

#[test]
fn twenty_thousand_findings_give_bounded_output() {
    let mut doc = String::from("<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version=\"1.2\"><IDENTIFICATION writerId=\"5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10\" instanceId=\"9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33\" friendlyName=\"W\" usage=\"USER_DATA\" dataSource=\"OTHER\" majorVersion=\"1\" minorVersion=\"0\"/><RESTORE_METHOD method=\"REPLACE_AT_REBOOT_IF_CANNOT_REPLACE\" writerRestore=\"never\" rebootRequired=\"no\"/><BACKUP_LOCATIONS><FILE_GROUP componentName=\"C\" caption=\"C\" restoreMetadata=\"no\" notifyOnBackupComplete=\"no\" selectable=\"yes\" selectableForRestore=\"no\" componentFlags=\"0\">");
    for i in 0..20_000 {
        doc.push_str(&format!("<FILE_LIST path=\"C:\\\\D{i}\" filespec=\"f{i}\" recursive=\"maybe\" filespecBackupType=\"3855\"/>"));
    }
    doc.push_str("</FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>");
    let o = vsslint_with_stdin(&["-"], Some(doc.as_bytes()));
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.len() < 400_000, "output is {} bytes", out.len());
    assert!(
        out.contains("more findings not shown"),
        "{}",
        &out[out.len() - 300..]
    );
    let o = vsslint_with_stdin(&["--format", "json", "-"], Some(doc.as_bytes()));
    assert!(json(&o)["summary"]["errors"].as_u64().unwrap() >= 20_000);
}

/// Every argument is looked at before any configuration is loaded or file linted: a path
/// or pattern that leads nowhere is what is reported, before a broken configuration.
#[test]
fn a_bad_argument_is_reported_before_a_bad_configuration() {
    let d = temp_dir("order-of-errors");
    std::fs::copy(GOOD, d.join("writer.xml")).unwrap();
    std::fs::write(d.join("vsslint.toml"), "no-such-key = 1\n").unwrap();
    let dir = d.to_str().unwrap();
    // The configuration alone.
    let o = vsslint(&[dir]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-key"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    // A missing path after the directory wins, as it is found before any file is linted.
    let o = vsslint(&[dir, "no/such/file.xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/file.xml"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    // So does a pattern that matches nothing, and a bad --config comes after both.
    let o = vsslint(&["--config", "no/such/config.toml", GOOD, "no/such/*.xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/*.xml"), "{}", stderr(&o));
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn files_are_reported_by_path_whatever_order_they_are_found_in() {
    let d = temp_dir("report-order");
    for name in ["b.xml", "a.xml", "c/z.xml", "c/a.xml", "B.xml"] {
        let p = d.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::copy(BAD, p).unwrap();
    }
    let dir = d.to_str().unwrap();
    let o = vsslint(&["--format", "concise", dir, BAD]);
    assert_eq!(o.status.code(), Some(1));
    let files: Vec<String> = stdout(&o)
        .lines()
        .filter_map(|l| l.split_once(".xml:").map(|(f, _)| format!("{f}.xml")))
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    let mut unique = files.clone();
    unique.dedup();
    // b.xml and B.xml are one file where names ignore case (Windows, macOS): count what the
    // file system holds, and the BAD fixture.
    assert_eq!(unique.len(), xml_files(&d).len() + 1, "{unique:?}");
    std::fs::remove_dir_all(d).unwrap();
}

/// The JSON report is rendered file by file before the checks across files; a file those
/// checks add to is rendered again, with its own text, and one they cannot touch (no
/// instance name) keeps what it had.
#[test]
fn json_reports_findings_across_files() {
    let d = temp_dir("across-files");
    let doc = |instance: &str| {
        format!(
            "<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version=\"1.2\">\n<IDENTIFICATION writerId=\"5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10\" instanceId=\"9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33\"{instance} friendlyName=\"W\" usage=\"USER_DATA\" dataSource=\"OTHER\" majorVersion=\"1\" minorVersion=\"0\"/>\n<RESTORE_METHOD method=\"RESTORE_IF_NOT_THERE\" writerRestore=\"never\" rebootRequired=\"no\"/>\n<BACKUP_LOCATIONS>\n  <FILE_GROUP logicalPath=\"Data\" componentName=\"C\" selectable=\"yes\"><FILE_LIST path=\"C:\\D\" filespec=\"*\" filespecBackupType=\"3855\"/></FILE_GROUP>\n</BACKUP_LOCATIONS>\n</WRITER_METADATA>\n"
        )
    };
    std::fs::write(d.join("a.xml"), doc(" instanceName=\"one\"")).unwrap();
    std::fs::write(d.join("b.xml"), doc(" instanceName=\"two\"")).unwrap();
    std::fs::write(d.join("c.xml"), doc("")).unwrap();
    let o = vsslint(&["--format", "json", d.to_str().unwrap()]);
    let report = json(&o);
    let all = report["diagnostics"].as_array().unwrap();
    let across: Vec<_> = all
        .iter()
        .filter(|f| f["rule"] == "lp/global-uniqueness")
        .collect();
    assert_eq!(across.len(), 1, "{across:#?}");
    let f = across[0];
    assert!(f["file"].as_str().unwrap().ends_with("b.xml"), "{f:#?}");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(5), Some(4))
    );
    assert!(f["help"].as_str().unwrap().contains("a.xml:5:4"), "{f:#?}");
    // The other findings are those of each file linted alone.
    for name in ["a.xml", "b.xml", "c.xml"] {
        let path = d.join(name);
        let alone = json(&vsslint(&["--format", "json", path.to_str().unwrap()]));
        let others = |r: &serde_json::Value| {
            r["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| {
                    f["file"].as_str().unwrap().ends_with(name)
                        && f["rule"] != "lp/global-uniqueness"
                })
                .map(|f| (f["rule"].clone(), f["line"].clone(), f["column"].clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(others(&report), others(&alone), "{name}");
    }
}
