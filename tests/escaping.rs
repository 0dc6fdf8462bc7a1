//! Names and values from an input are data: none of them reaches the terminal as a control
//! character or an escape sequence, and none begins a GitHub workflow command.

mod common;
use common::*;
use std::path::Path;

/// A writer metadata document with one finding, `comp/bool-value`, on line 5.
const BAD: &str = "fixtures/rules/comp/bool-value/bad.xml";

/// The name the issue gives: a line break that would begin a workflow command, then the
/// start of an OSC 8 hyperlink.
const HOSTILE: &str = "a\n::error file=x::pwned\u{1b}]8;;x";

/// A cabinet (MS-CAB) of one folder stored without compression, holding one entry whose
/// name is `name`'s bytes as they are.
fn cabinet(name: &[u8], data: &[u8]) -> Vec<u8> {
    // Header (36 bytes), one folder (8), one file entry (16, its name, a NUL), one block.
    let table_at = 36 + 8;
    let data_at = table_at + 16 + name.len() + 1;
    let total = data_at + 8 + data.len();
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(b"MSCF");
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&(total as u32).to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&(table_at as u32).to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&[3, 1]); // format version 1.3
    out.extend_from_slice(&1u16.to_le_bytes()); // folders
    out.extend_from_slice(&1u16.to_le_bytes()); // files
    out.extend_from_slice(&0u16.to_le_bytes()); // flags
    out.extend_from_slice(&0x1234u16.to_le_bytes()); // set id
    out.extend_from_slice(&0u16.to_le_bytes()); // index in the set
                                                // The folder: where its block is, one block, no compression.
    out.extend_from_slice(&(data_at as u32).to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    // The entry: size, offset in the folder, folder, date and time, attributes, name.
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&[0x21, 0x5a, 0x00, 0x60]);
    out.extend_from_slice(&0xA0u16.to_le_bytes()); // archive, name in UTF-8
    out.extend_from_slice(name);
    out.push(0);
    // The block, without a checksum (zero, which readers do not check).
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&(data.len() as u16).to_le_bytes());
    out.extend_from_slice(&(data.len() as u16).to_le_bytes());
    out.extend_from_slice(data);
    assert_eq!(out.len(), total);
    out
}

/// Standard output and error of `vsslint --format FORMAT PATH`, which finds something.
fn report(format: &str, path: &Path) -> (String, String) {
    let path = path.to_str().unwrap();
    let o = vsslint(&["--format", format, path]);
    assert_eq!(o.status.code(), Some(1), "{format}: {}", stderr(&o));
    (stdout(&o), stderr(&o))
}

/// Neither an escape nor another control character but the line breaks of the report
/// itself; no bidirectional override either.
fn assert_inert(what: &str, text: &str) {
    let bad = text.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    });
    assert_eq!(bad, None, "{what}:\n{text}");
}

/// No line a workflow runner reads as a command but those vsslint writes itself: the log
/// group, and annotations on the file linted, whose `file` property ends with `file`.
fn assert_no_forged_command(out: &str, file: &str) {
    for line in out.lines() {
        assert!(!line.starts_with("::error file=x"), "{out}");
        let Some(command) = line.strip_prefix("::") else {
            continue;
        };
        if ["group::vsslint report", "endgroup::"].contains(&command) {
            continue;
        }
        let property = ["error", "warning", "notice"]
            .iter()
            .find_map(|kind| command.strip_prefix(&format!("{kind} file=")))
            .and_then(|rest| rest.split(',').next());
        assert!(property.is_some_and(|p| p.ends_with(file)), "{line}\n{out}");
    }
}

#[test]
fn a_cabinet_entry_name_neither_forges_a_command_nor_reaches_the_terminal() {
    let dir = Scratch::new("entry");
    let bad = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(BAD)).unwrap();
    // The name as the issue gives it (a cabinet of no document, which names its entries),
    // and the same name as a document's, whose findings name it.
    let named = dir.write("named.cab", &cabinet(HOSTILE.as_bytes(), &bad));
    let linted = dir.write(
        "linted.cab",
        &cabinet(format!("{HOSTILE}.xml").as_bytes(), &bad),
    );

    for cab in [&named, &linted] {
        let (out, err) = report("github", cab);
        let name = cab.file_name().unwrap().to_str().unwrap();
        assert_no_forged_command(&out, name);
        assert!(out.contains("pwned"), "{out}");
        assert_inert("github", &out);
        assert_inert("github stderr", &err);

        for format in ["full", "concise"] {
            let (out, err) = report(format, cab);
            assert!(!out.contains('\u{1b}'), "{format}:\n{out}");
            assert!(out.contains("pwned"), "{out}");
            assert_inert(format, &out);
            assert_inert(&format!("{format} stderr"), &err);
        }
    }

    // In a finding on the document, the entry is named escaped; machines get it as it is.
    let (out, _) = report("concise", &linted);
    assert!(
        out.contains(r"linted.cab!/a\n::error file=x::pwned\u{1b}]8;;x.xml:5:123: error"),
        "{out}"
    );
    let (out, _) = report("json", &linted);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let paths: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert!(
        paths
            .iter()
            .any(|p| p.ends_with(&format!("!/{HOSTILE}.xml"))),
        "{paths:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_is_escaped_everywhere_people_read_it() {
    let dir = Scratch::new("file");
    let bad = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(BAD)).unwrap();
    let file = dir.write(&format!("{HOSTILE}\u{202E}lmx.xml"), &bad);
    let shown = r"a\n::error file=x::pwned\u{1b}]8;;x\u{202e}lmx.xml";

    for format in ["full", "concise", "github"] {
        let (out, err) = report(format, &file);
        assert!(out.contains(shown), "{format}:\n{out}");
        assert_inert(format, &out);
        assert_inert(&format!("{format} stderr"), &err);
        if format == "github" {
            assert_no_forged_command(&out, "lmx.xml");
        }
    }

    // A note on standard error names the file too.
    let o = vsslint(&[
        file.to_str().unwrap(),
        "--exclude",
        "*lmx.xml",
        "--allow-no-files",
    ]);
    let err = stderr(&o);
    assert!(err.contains(shown), "{err}");
    assert_inert("excluded", &err);

    let o = vsslint(&["--show-settings", file.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(out.contains(shown), "{out}");
    assert_inert("show-settings", &out);

    // A diff names the file in its headers only, each one line.
    let o = vsslint(&["--diff", file.to_str().unwrap()]);
    let out = stdout(&o);
    let headers: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("--- ") || l.starts_with("+++ "))
        .collect();
    assert_eq!(headers.len(), 2, "{out}");
    for h in headers {
        assert!(h.ends_with(shown), "{h}");
        assert_inert("diff header", h);
    }
    assert_no_forged_command(&out, "lmx.xml");
}

#[test]
fn a_rule_name_asked_for_is_escaped_in_the_error() {
    let o = vsslint(&["explain", HOSTILE]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains(r"no rule `a\n::error file=x::pwned\u{1b}]8;;x`"),
        "{err}"
    );
    assert_inert("explain", &err);
}

#[test]
fn values_in_messages_and_quoted_lines_are_escaped_with_the_carets_under_them() {
    let dir = Scratch::new("values");
    let bad = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(BAD)).unwrap();
    // A C1 control (CSI) and a right-to-left override, both allowed in XML, in a value the
    // message quotes; a raw escape, which is not, in a line the snippet quotes; a tab, which
    // miette lays out itself.
    let value = bad.replace(
        "selectable=\"true\"",
        "selectable=\"&#x9B;2J\u{202E}true\u{202E}\"",
    );
    let raw = bad.replace(
        "selectable=\"true\"",
        "selectable=\"\u{1b}]8;;x\u{1b}\\\ttrue\"",
    );
    let value = dir.write("value.xml", value.as_bytes());
    let raw = dir.write("raw.xml", raw.as_bytes());

    let (out, _) = report("full", &value);
    assert_inert("full", &out);
    assert!(
        out.contains(r#"selectable is "\u{9b}2J\u{202e}true\u{202e}""#),
        "{out}"
    );
    let (out, _) = report("concise", &value);
    assert_inert("concise", &out);

    let (out, _) = report("full", &raw);
    assert_inert("full", &out);
    let lines: Vec<&str> = out.lines().collect();
    let row = lines
        .iter()
        .position(|l| l.contains(r#"selectable="\u{1b}]8;;x\u{1b}\"#))
        .unwrap_or_else(|| panic!("{out}"));
    // The tab is laid out by miette, as before.
    assert!(!lines[row].contains(r"\t"), "{out}");
    // The finding is at the first escape: the caret stands under its backslash.
    let at = |l: &str, s: &str| l.find(s).map(|i| l[..i].chars().count());
    let escape = at(lines[row], r"\u{1b}").unwrap();
    let caret = at(lines[row + 1], "▲").unwrap_or_else(|| panic!("{out}"));
    assert_eq!(caret, escape, "{out}");
}
