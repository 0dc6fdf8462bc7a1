//! A whole backup: the real DiskShadow sets linted as folders, as a backup engineer runs
//! vsslint on what DiskShadow saved.

mod common;

use common::{stdout, vsslint};

/// Both real sets are consistent backups: no `set/*` finding above info, and every other
/// finding is one the document gives when linted alone.
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn real_sets_are_consistent_backups() {
    let corpus = common::corpus();
    for set in ["diskshadow-ws2012-sql2017", "diskshadow-ws2012-sql2017-b"] {
        let dir = corpus.join(set);
        let dir = dir.to_str().unwrap();
        let together: serde_json::Value =
            serde_json::from_str(&stdout(&vsslint(&["--format", "json", dir]))).unwrap();
        let findings = together["diagnostics"].as_array().unwrap();
        let above_info: Vec<_> = findings
            .iter()
            .filter(|d| d["rule"].as_str().unwrap().starts_with("set/") && d["severity"] != "info")
            .collect();
        assert!(above_info.is_empty(), "{set}: {above_info:#?}");
        // The same findings, file by file.
        let mut alone = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let one: serde_json::Value = serde_json::from_str(&stdout(&vsslint(&[
                "--format",
                "json",
                path.to_str().unwrap(),
            ])))
            .unwrap();
            alone.extend(one["diagnostics"].as_array().unwrap().iter().cloned());
        }
        let key = |d: &serde_json::Value| {
            format!(
                "{} {} {} {}",
                d["file"], d["offset"], d["rule"], d["message"]
            )
        };
        let mut a: Vec<String> = findings
            .iter()
            .filter(|d| !d["rule"].as_str().unwrap().starts_with("set/"))
            .map(key)
            .collect();
        let mut b: Vec<String> = alone.iter().map(key).collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{set}");
        assert_eq!(together["summary"]["linted"], 13, "{set}");
    }
}

/// The example backup of the rules is clean as a folder too, and a change to one of its
/// documents is found where the change is.
#[test]
fn a_folder_is_linted_as_one_backup() {
    let o = vsslint(&["--format", "concise", "fixtures/sets/contoso"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("No problems found in 4 files"),
        "{}",
        stdout(&o)
    );

    let dir = std::env::temp_dir().join(format!("vsslint-set-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["WM0.xml", "WM1.xml", "Manifest.xml"] {
        std::fs::copy(format!("fixtures/sets/contoso/{name}"), dir.join(name)).unwrap();
    }
    // Another name than DiskShadow's: still the backup components document of this folder.
    std::fs::copy(
        "fixtures/rules/set/unknown-component/bad.xml",
        dir.join("saved-by-vshadow.xml"),
    )
    .unwrap();
    let o = vsslint(&["--format", "concise", dir.to_str().unwrap()]);
    // Through the JSON report too, whose texts are freed as files are linted: the folder is
    // found to be a backup only after linting, and its texts are read again.
    let json: serde_json::Value = serde_json::from_str(&stdout(&vsslint(&[
        "--format",
        "json",
        dir.to_str().unwrap(),
    ])))
    .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let found: Vec<_> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "set/unknown-component")
        .collect();
    assert_eq!(found.len(), 1, "{json:#}");
    assert_eq!(
        (found[0]["line"].as_u64(), found[0]["column"].as_u64()),
        (Some(4), Some(31))
    );
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("saved-by-vshadow.xml:4:31: error: component `Ledger` is not declared"),
        "{out}"
    );
}

/// `vsslint dump` on a backup's folder says what it contains: the components added, the
/// subcomponents they take with them, their files and whether their volume was copied.
#[test]
fn dump_of_a_backup_shows_what_it_contains() {
    let o = vsslint(&["dump", "fixtures/sets/contoso"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // The same format version as a document's dump: one schema covers both.
    assert_eq!(v["version"], 1);
    assert_eq!(v["shadowed_volumes"], serde_json::json!(["C:"]));
    let contoso = &v["writers"][0];
    assert_eq!(contoso["writer"], "Contoso Ledger Writer");
    assert_eq!(contoso["document"], "WM0.xml");
    let added: Vec<(String, String)> = contoso["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["component"].as_str().unwrap().to_string(),
                c["added"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        ("Catalog", "explicitly"),
        ("Ledgers", "explicitly"),
        ("Ledgers\\2026", "with Ledgers"),
    ];
    assert_eq!(
        added,
        expected
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .to_vec()
    );
    assert_eq!(
        contoso["components"][2]["file_sets"][0]["path"],
        "C:\\ProgramData\\Contoso\\Ledgers\\2026"
    );
    assert_eq!(contoso["components"][2]["file_sets"][0]["shadowed"], true);

    let table = stdout(&vsslint(&[
        "dump",
        "--format",
        "full",
        "fixtures/sets/contoso",
    ]));
    assert!(table.contains("Ledgers\\2026"), "{table}");
    assert!(table.contains("with Ledgers"), "{table}");
}

/// Every writer whose document is in the backup is in its dump, those the backup components
/// document adds no component for marked as taking no part, each with the files its document
/// excludes (`EXCLUDE_FILES`; `EXCLUDE_FILES_FROM_SNAPSHOT` files are still backed up).
#[test]
fn dump_of_a_backup_lists_every_writer_and_what_it_excludes() {
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&vsslint(&["dump", "fixtures/sets/northwind"]))).unwrap();
    let writers: Vec<(&str, &str, bool)> = v["writers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["writer"].as_str().unwrap(),
                w["document"].as_str().unwrap(),
                w["takes_part"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        writers,
        [
            ("Northwind Mail Writer", "WM0.xml", true),
            // Named by the backup components document, with no component.
            ("Northwind Search Writer", "WM2.xml", false),
            // Only in the backup's documents: an exclude-only writer.
            ("Northwind Index Writer", "WM1.xml", false),
        ]
    );
    let index = &v["writers"][2];
    assert_eq!(index["writer_id"], "8A7B6C5D-4E3F-4A2B-9C1D-0E9F8A7B6C5D");
    assert_eq!(index["instance_id"], "1A2B3C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5E");
    assert_eq!(index["components"], serde_json::json!([]));
    assert_eq!(
        index["excluded_files"],
        serde_json::json!([
            { "path": "C:\\ProgramData\\Northwind\\Index", "filespec": "*.tmp", "recursive": true },
            { "path": "C:\\ProgramData\\Northwind\\Index\\Locks", "filespec": "index.lck", "recursive": false },
        ])
    );
    assert_eq!(
        v["writers"][0]["excluded_files"],
        serde_json::json!([
            { "path": "%WinDir%\\Mail\\Temp", "filespec": "*.tmp", "recursive": true },
        ])
    );
    assert_eq!(v["writers"][1]["excluded_files"], serde_json::json!([]));

    let contoso: serde_json::Value =
        serde_json::from_str(&stdout(&vsslint(&["dump", "fixtures/sets/contoso"]))).unwrap();
    let contoso = contoso["writers"].as_array().unwrap();
    assert_eq!(contoso.len(), 2);
    assert!(contoso.iter().all(|w| w["takes_part"] == true));

    let table = stdout(&vsslint(&[
        "dump",
        "--format",
        "full",
        "fixtures/sets/northwind",
    ]));
    assert!(
        table.contains("Northwind Index Writer (WM1.xml): takes no part, no component added\n  excludes C:\\ProgramData\\Northwind\\Index\\*.tmp (recursive)\n"),
        "{table}"
    );
    assert!(
        table.contains("  excludes %WinDir%\\Mail\\Temp\\*.tmp (recursive)\n"),
        "{table}"
    );
    assert!(!table.contains("Cache"), "{table}");
}

/// In the real set without SQL components, four writers have documents but no component
/// added: ASR, SQL Server, Shadow Copy Optimization (only `EXCLUDE_FILES_FROM_SNAPSHOT`) and
/// BITS (only `EXCLUDE_FILES`).
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn dump_of_a_real_backup_lists_the_writers_taking_no_part() {
    let corpus = common::corpus();
    let dir = corpus.join("diskshadow-ws2012-sql2017");
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&vsslint(&["dump", dir.to_str().unwrap()]))).unwrap();
    let writers = v["writers"].as_array().unwrap();
    assert_eq!(writers.len(), 11);
    let absent: Vec<&str> = writers
        .iter()
        .filter(|w| w["takes_part"] == false)
        .map(|w| w["writer"].as_str().unwrap())
        .collect();
    assert_eq!(
        absent,
        [
            "ASR Writer",
            "SqlServerWriter",
            "Shadow Copy Optimization Writer",
            "BITS Writer"
        ]
    );
    let bits = writers
        .iter()
        .find(|w| w["writer"] == "BITS Writer")
        .unwrap();
    assert!(
        !bits["excluded_files"].as_array().unwrap().is_empty(),
        "{bits:#}"
    );
    let optimization = writers
        .iter()
        .find(|w| w["writer"] == "Shadow Copy Optimization Writer")
        .unwrap();
    assert_eq!(optimization["excluded_files"], serde_json::json!([]));
    let registry = writers
        .iter()
        .find(|w| w["writer"] == "Registry Writer")
        .unwrap();
    assert_eq!(registry["takes_part"], true);
    assert!(!registry["excluded_files"].as_array().unwrap().is_empty());
}

/// A file set whose drive cannot be told says why: an environment variable not expanded, a
/// volume named by its GUID path, a network share. A shadow copy of a volume named by its GUID
/// path says so too, covers file sets on that volume, and leaves undecided whether a drive
/// outside the copies by drive was copied.
#[test]
fn dump_of_a_backup_says_why_a_volume_is_unknown() {
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&vsslint(&["dump", "fixtures/sets/northwind"]))).unwrap();
    let guid = "\\\\?\\Volume{4b7d2a10-93c1-11ee-b962-0800200c9a66}\\";
    assert_eq!(v["shadowed_volumes"], serde_json::json!(["C:"]));
    assert_eq!(
        v["shadow_copies"],
        serde_json::json!([
            { "original_volume": "C:\\", "volume": "C:", "unmapped": null },
            {
                "original_volume": guid,
                "volume": null,
                "unmapped": { "reason": "volume-guid", "volume": guid }
            },
        ])
    );
    let sets = v["writers"][0]["components"][0]["file_sets"]
        .as_array()
        .unwrap();
    let seen: Vec<(&serde_json::Value, &serde_json::Value, &serde_json::Value)> = sets
        .iter()
        .map(|f| (&f["volume"], &f["unmapped"], &f["shadowed"]))
        .collect();
    let null = serde_json::Value::Null;
    let expected = [
        (
            null.clone(),
            serde_json::json!({ "reason": "environment-variable", "variable": "%WinDir%" }),
            null.clone(),
        ),
        (
            null.clone(),
            serde_json::json!({ "reason": "volume-guid", "volume": guid }),
            serde_json::json!(true),
        ),
        (
            null.clone(),
            serde_json::json!({
                "reason": "volume-guid",
                "volume": "\\\\?\\Volume{5c8e3b21-93c1-11ee-b962-0800200c9a66}\\"
            }),
            null.clone(),
        ),
        (
            null.clone(),
            serde_json::json!({ "reason": "network-path", "share": "\\\\fileserver\\mail" }),
            null.clone(),
        ),
        (
            serde_json::json!("C:"),
            null.clone(),
            serde_json::json!(true),
        ),
        // D: may be the volume copied by its GUID path.
        (serde_json::json!("D:"), null.clone(), null.clone()),
    ];
    let expected: Vec<_> = expected.iter().map(|(a, b, c)| (a, b, c)).collect();
    assert_eq!(seen, expected);

    let table = stdout(&vsslint(&[
        "dump",
        "--format",
        "full",
        "fixtures/sets/northwind",
    ]));
    for line in [
        format!("volumes copied: C:, {guid}\n"),
        "%WinDir%\\Mail\\*.mbx  volume unknown: environment variable %WinDir%, not expanded\n"
            .into(),
        format!("{guid}Store\\*.edb (recursive)  copied\n"),
        "\\Logs\\*.log  volume unknown: named by its GUID path\n".into(),
        "\\\\fileserver\\mail\\Archive\\*.pst  volume unknown: network share \\\\fileserver\\mail\n"
            .into(),
        "D:\\Mail\\Spool\\*  copied only if a volume copied by GUID is this drive\n".into(),
    ] {
        assert!(table.contains(&line), "{line}\n{table}");
    }
}

/// A `vshadow -wm3` transcript named on the command line: each writer's document is linted,
/// with its findings at the transcript's lines and columns.
#[test]
fn a_vshadow_transcript_is_linted_writer_by_writer() {
    let clean = std::fs::read_to_string("fixtures/sets/contoso/WM0.xml").unwrap();
    let bad = std::fs::read_to_string("fixtures/rules/fs/recursive-bool/bad.xml").unwrap();
    let head = "VSHADOW.EXE 3.0 - Volume Shadow Copy sample client.\r\n\r\n(Option: List writer metadata)\r\n";
    let before_bad = format!("{head}\r\n--[Writer 0]--\r\n{clean}\r\n\r\n--[Writer 1]--\r\n");
    let text = format!("{before_bad}{bad}\r\n--[end of data]--\r\n");
    let path = std::env::temp_dir().join(format!("vsslint-wm3-{}.txt", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let o = vsslint(&["--format", "json", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let found = v["diagnostics"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{v:#}");
    // recursive-bool's bad example has its finding at 6:83 of the document.
    let line = before_bad.matches('\n').count() as u64 + 6;
    assert_eq!(found[0]["rule"], "fs/recursive-bool");
    assert_eq!(
        (found[0]["line"].as_u64(), found[0]["column"].as_u64()),
        (Some(line), Some(83))
    );
    // Outside the working directory, JSON keeps the path as given, with `/` on Windows too.
    let expected = path.to_str().unwrap();
    let expected = if cfg!(windows) {
        expected.replace('\\', "/")
    } else {
        expected.to_owned()
    };
    assert_eq!(found[0]["file"], expected);
    assert_eq!(v["summary"]["linted"], 2);
}

/// The cabinet of each real set, packed uncompressed and with MSZIP as DiskShadow's
/// `set metadata` would: linted as one backup, with the same findings as the folder it was
/// made from, each at `backup.cab!/entry`.
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
#[cfg_attr(no_gcab, ignore = "needs gcab (see README, Running the tests)")]
fn a_cabinet_gives_the_findings_of_its_folder() {
    let corpus = common::corpus();
    let gcab = common::gcab();
    let tmp = std::env::temp_dir().join(format!("vsslint-cab-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    // Reports name files relative to the working directory; the entry or file name is what
    // must agree.
    let shown = common::findings_by_name;
    for set in ["diskshadow-ws2012-sql2017", "diskshadow-ws2012-sql2017-b"] {
        let dir = corpus.join(set);
        let folder: serde_json::Value = serde_json::from_str(&stdout(&vsslint(&[
            "--format",
            "json",
            dir.to_str().unwrap(),
        ])))
        .unwrap();
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        for zip in ["-c", "-cz"] {
            let cab = tmp.join(format!("{set}{zip}.cab"));
            let status = std::process::Command::new(&gcab)
                .arg(zip)
                .arg(&cab)
                .args(&names)
                .current_dir(&dir)
                .status()
                .unwrap();
            assert!(status.success());
            let o = vsslint(&["--format", "json", cab.to_str().unwrap()]);
            let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
            assert_eq!(shown(&v, ".cab!/"), shown(&folder, "/"), "{set} {zip}");
            assert_eq!(v["summary"], folder["summary"], "{set} {zip}");
        }
        // SARIF: each entry an artifact inside the cabinet's; GitHub: the cabinet annotated.
        // A clean capture has only infos, which a backup lists only when asked.
        let cab = tmp.join(format!("{set}-cz.cab"));
        let sarif: serde_json::Value = serde_json::from_str(&stdout(&vsslint(&[
            "--min-severity",
            "info",
            "--format",
            "sarif",
            cab.to_str().unwrap(),
        ])))
        .unwrap();
        let run = &sarif["runs"][0];
        let artifacts = run["artifacts"].as_array().unwrap();
        assert!(artifacts[0]["location"]["uri"]
            .as_str()
            .unwrap()
            .ends_with(".cab"));
        let location = &run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
        let entry = &artifacts[location["index"].as_u64().unwrap() as usize];
        assert_eq!(entry["parentIndex"], 0);
        assert_eq!(entry["location"]["uri"], location["uri"]);
        let github = stdout(&vsslint(&[
            "--min-severity",
            "info",
            "--format",
            "github",
            cab.to_str().unwrap(),
        ]));
        let first = github.lines().next().unwrap();
        assert!(
            first.contains(&format!("file={},title=", cab.display())) && first.contains(".xml::"),
            "{first}"
        );
    }
    std::fs::remove_dir_all(&tmp).unwrap();
}

/// A damaged cabinet is one `doc/unreadable` finding on it, beside the findings of every other
/// input, in JSON too; nothing is written beside it.
#[test]
fn a_damaged_cabinet_is_one_finding_beside_the_others() {
    let tmp = std::env::temp_dir().join(format!("vsslint-badcab-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let cab = tmp.join("backup.cab");
    std::fs::write(&cab, b"MSCF\0\0\0\0 truncated").unwrap();
    let good = "fixtures/rules/schema/log-needs-logfiles/bad.xml";
    let o = vsslint(&["--format", "json", cab.to_str().unwrap(), good]);
    let sarif = vsslint(&["--format", "sarif", cab.to_str().unwrap(), good]);
    let listing: Vec<_> = std::fs::read_dir(&tmp).unwrap().collect();
    std::fs::remove_dir_all(&tmp).unwrap();
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let found = report["diagnostics"].as_array().unwrap();
    let unreadable: Vec<_> = found
        .iter()
        .filter(|d| d["rule"] == "doc/unreadable")
        .collect();
    assert_eq!(unreadable.len(), 1, "{report:#}");
    let message = unreadable[0]["message"].as_str().unwrap();
    assert!(
        unreadable[0]["file"]
            .as_str()
            .unwrap()
            .ends_with("backup.cab")
            && message.contains("cannot be read")
            && message.contains("truncated"),
        "{message}"
    );
    assert!(
        found
            .iter()
            .any(|d| d["rule"] == "schema/log-needs-logfiles"),
        "the other input's findings are kept: {report:#}"
    );
    assert_eq!(listing.len(), 1, "nothing written beside it");
    assert_eq!(sarif.status.code(), Some(1));
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&sarif)).unwrap();
    let rules: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"VSL014") && rules.contains(&"VSL207"),
        "{rules:?}"
    );
}

/// A cabinet that holds no document (nothing, or only another cabinet) is an error on it,
/// never "No problems found".
#[test]
#[cfg_attr(no_gcab, ignore = "needs gcab (see README, Running the tests)")]
fn a_cabinet_without_documents_is_an_error() {
    let gcab = common::gcab();
    let tmp = std::env::temp_dir().join(format!("vsslint-emptycab-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let inner = tmp.join("inner.cab");
    let outer = tmp.join("outer.cab");
    let pack = |cab: &std::path::Path, files: &[&str], dir: &std::path::Path| {
        let status = std::process::Command::new(&gcab)
            .arg("-c")
            .arg(cab)
            .args(files)
            .current_dir(dir)
            .status()
            .unwrap();
        assert!(status.success());
    };
    pack(
        &inner,
        &["WM0.xml"],
        std::path::Path::new("fixtures/sets/contoso"),
    );
    pack(&outer, &["inner.cab"], &tmp);
    let o = vsslint(&["--format", "concise", outer.to_str().unwrap()]);
    std::fs::remove_dir_all(&tmp).unwrap();
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("outer.cab:1:1: error: cannot be read")
            && out.contains("holds no writer metadata document")
            && out.contains("`inner.cab`")
            && out.contains("[VSL014 doc/unreadable]"),
        "{out}"
    );
}

/// A cabinet without DiskShadow's manifest cannot be loaded back: said on its backup
/// components document.
#[test]
#[cfg_attr(no_gcab, ignore = "needs gcab (see README, Running the tests)")]
fn a_cabinet_without_a_manifest_is_a_finding() {
    let gcab = common::gcab();
    let tmp = std::env::temp_dir().join(format!("vsslint-nomanifest-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let cab = tmp.join("backup.cab");
    let status = std::process::Command::new(&gcab)
        .arg("-c")
        .arg(&cab)
        .args(["WM0.xml", "WM1.xml", "BCDocument.xml"])
        .current_dir("fixtures/sets/contoso")
        .status()
        .unwrap();
    assert!(status.success());
    let o = vsslint(&["--format", "concise", cab.to_str().unwrap()]);
    std::fs::remove_dir_all(&tmp).unwrap();
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("backup.cab!/BCDocument.xml:1:2: error: the cabinet")
            && out.contains("holds no Manifest.xml [VSL957 set/manifest-writers]"),
        "{out}"
    );
}
