//! `vsslint server` end to end: the real binary, spoken to over its standard input and output
//! with LSP's framing, as an editor does.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod exercise;

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

struct Client {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        Client::start_in(Path::new("."))
    }

    fn start_in(dir: &Path) -> Client {
        Client::spawn(dir, Stdio::null())
    }

    /// A server whose standard error is kept, for [`Client::exit_log`].
    fn start_logged() -> Client {
        Client::spawn(Path::new("."), Stdio::piped())
    }

    fn spawn(dir: &Path, stderr: Stdio) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vsslint"))
            .arg("server")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("vsslint server starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Client {
            child,
            stdin,
            stdout,
            next_id: 1,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send_raw(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    /// Bytes as they are, framing included.
    fn send_bytes(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            assert!(
                self.stdout.read_line(&mut line).unwrap() > 0,
                "server closed"
            );
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.stdout.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let m = self.receive();
            if m.get("id") == Some(&json!(id)) {
                return m;
            }
        }
    }

    /// Sends a request and returns what the server sent before its answer, and the answer:
    /// messages are handled in order, so what a notification sent before it causes comes
    /// first.
    fn before_answer(&mut self, method: &str, params: Value) -> (Vec<Value>, Value) {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let mut before = Vec::new();
        loop {
            let m = self.receive();
            if m.get("id") == Some(&json!(id)) {
                return (before, m);
            }
            before.push(m);
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Initializes with these initialization options.
    fn initialize(&mut self, options: Value) -> Value {
        let init = self.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": {}, "initializationOptions": options }),
        );
        self.notify("initialized", json!({}));
        init
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "xml", "version": 1, "text": text } }),
        );
        self.diagnostics()
    }

    fn shut_down(mut self) {
        let shutdown = self.request("shutdown", Value::Null);
        assert!(shutdown.get("error").is_none(), "{shutdown}");
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status:?}");
    }

    /// Shuts down as [`Client::shut_down`] does and returns what the server wrote to standard
    /// error (a server from [`Client::start_logged`]).
    fn exit_log(mut self) -> String {
        let mut stderr = self.child.stderr.take().expect("started with its log kept");
        self.shut_down();
        let mut log = String::new();
        stderr.read_to_string(&mut log).unwrap();
        log
    }

    fn diagnostics(&mut self) -> Vec<Value> {
        loop {
            let m = self.receive();
            if m["method"] == "textDocument/publishDiagnostics" {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

const URI: &str = "untitled:ledger.xml";

/// A friendly name outside the BMP and non-ASCII letters before the finding, on its line.
fn document(recursive: &str) -> String {
    format!(
        "<WRITER_METADATA version=\"1.2\" xmlns=\"x-schema:#VssWriterMetadataInfo\" backupSchema=\"3\">\n\
<IDENTIFICATION writerId=\"11111111-2222-3333-4444-555555555555\" instanceId=\"11111111-2222-3333-4444-555555555556\" friendlyName=\"Çontoso 𝄞\" usage=\"USER_DATA\" dataSource=\"OTHER\"/>\n\
<RESTORE_METHOD method=\"RESTORE_IF_CAN_BE_REPLACED\" writerRestore=\"never\" rebootRequired=\"no\"/>\n\
<BACKUP_LOCATIONS><FILE_GROUP logicalPath=\"Contoso\" componentName=\"Ledger\" caption=\"Ledger\" restoreMetadata=\"no\" notifyOnBackupComplete=\"no\" selectable=\"yes\" selectableForRestore=\"no\" componentFlags=\"0\">\n\
<FILE_LIST path=\"C:\\Ledger\\é𝄞\" filespec=\"*.dat\" recursive=\"{recursive}\" filespecBackupType=\"3855\"/>\n\
</FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>\n"
    )
}

/// The UTF-16 column of the first `needle` in `line` of `text`.
fn column(text: &str, line: usize, needle: &str) -> u64 {
    let l = text.lines().nth(line).unwrap();
    l[..l.find(needle).unwrap()].encode_utf16().count() as u64
}

fn rules(found: &[Value]) -> Vec<&str> {
    found
        .iter()
        .map(|d| d["data"]["rule"].as_str().unwrap())
        .collect()
}

#[test]
fn diagnostics_quick_fix_hover_and_shutdown() {
    let mut c = Client::start();
    let init = c.initialize(Value::Null);
    assert_eq!(init["result"]["capabilities"]["hoverProvider"], true);
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16");

    let text = document("true");
    let found = c.open(URI, &text);
    let recursive: Vec<&Value> = found
        .iter()
        .filter(|d| d["data"]["rule"] == "fs/recursive-bool")
        .collect();
    assert_eq!(recursive.len(), 1, "{found:#?}");
    let range = &recursive[0]["range"];
    let start = column(&text, 4, "true\"");
    assert_eq!(range["start"], json!({ "line": 4, "character": start }));
    assert_eq!(range["end"], json!({ "line": 4, "character": start + 4 }));

    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": URI },
            "range": range,
            "context": { "diagnostics": [recursive[0]] }
        }),
    );
    let actions = actions["result"].as_array().unwrap().clone();
    let quick = actions
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .expect("a quick fix");
    let edits = quick["edit"]["changes"][URI].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["newText"], "yes");
    assert_eq!(edits[0]["range"], *range);
    assert!(actions.iter().any(|a| a["kind"] == "source.fixAll.vsslint"));

    // Over the finding: what the attribute means and the rule's page.
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": range["start"] }),
    );
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("**recursive** (FILE_LIST)"), "{shown}");
    assert!(shown.contains("AddFilesToFileGroup"), "{shown}");
    assert!(shown.contains("# fs/recursive-bool ("), "{shown}");

    // The client applies the edit and sends the new text.
    let fixed = document("yes");
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": URI, "version": 2 },
            "contentChanges": [{ "text": fixed }]
        }),
    );
    let found = c.diagnostics();
    assert!(!rules(&found).contains(&"fs/recursive-bool"), "{found:#?}");

    let hover = c.request(
        "textDocument/hover",
        json!({
            "textDocument": { "uri": URI },
            "position": { "line": 0, "character": column(&fixed, 0, "\"3\"") + 1 }
        }),
    );
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("VSS_BS_DIFFERENTIAL"), "{shown}");
    assert!(shown.contains("VSS_BS_INCREMENTAL"), "{shown}");

    c.shut_down();
}

#[test]
fn malformed_messages_do_not_stop_the_server() {
    let mut c = Client::start();
    c.initialize(Value::Null);
    // A body that is not JSON, a request whose method is not a string, parameters of the
    // wrong shape, a frame without its length: each is answered or skipped.
    c.send_raw("this is not JSON {");
    c.send_raw(r#"{"jsonrpc":"2.0","id":98,"method":17}"#);
    let answer = loop {
        let m = c.receive();
        if m["id"] == 98 {
            break m;
        }
    };
    assert_eq!(answer["error"]["code"], -32600, "{answer}");
    let answer = c.request("textDocument/hover", json!({ "nonsense": 1 }));
    assert_eq!(answer["error"]["code"], -32602, "{answer}");
    write!(c.stdin, "Content-Type: nothing\r\n\r\n").unwrap();

    let found = c.open(URI, &document("true"));
    assert!(rules(&found).contains(&"fs/recursive-bool"), "{found:#?}");
    c.shut_down();
}

#[test]
fn completes_attribute_names_and_values() {
    let mut c = Client::start();
    c.initialize(Value::Null);
    let text = "<WRITER_METADATA>\n<IDENTIFICATION usage=\"\" />\n<RESTORE_METHOD method=\"CUSTOM\" ></RESTORE_METHOD>\n<FILE_LIST recursive=\"\"/>\n</WRITER_METADATA>\n";
    c.open(URI, text);
    let mut complete = |line: u64, character: u64| -> Vec<String> {
        let r = c.request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": URI }, "position": { "line": line, "character": character } }),
        );
        r["result"]
            .as_array()
            .unwrap_or(&Vec::new())
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect()
    };
    let usage = complete(1, column(text, 1, "\"\"") + 1);
    assert!(usage.contains(&"USER_DATA".to_string()), "{usage:?}");
    assert!(
        usage.contains(&"BOOTABLE_SYSTEM_STATE".to_string()),
        "{usage:?}"
    );
    assert!(!usage.iter().any(|u| u == "UNDEFINED"), "{usage:?}");
    let names = complete(2, column(text, 2, " >") + 1);
    assert!(names.contains(&"writerRestore".to_string()), "{names:?}");
    assert!(!names.contains(&"method".to_string()), "{names:?}");
    assert_eq!(complete(3, column(text, 3, "\"\"") + 1), ["yes", "no"]);
    c.shut_down();
}

/// A scratch folder of its own for a test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("vsslint-server-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("writers")).unwrap();
    dir
}

#[test]
fn settings_come_from_vsslint_toml_then_the_initialization_options() {
    let dir = scratch("settings");
    std::fs::write(
        dir.join("vsslint.toml"),
        "express = true\n[rules]\n\"id/version-advice\" = \"off\"\n",
    )
    .unwrap();
    let file = dir.join("writers").join("ledger.xml");
    let text = document("yes");
    std::fs::write(&file, &text).unwrap();
    let path = file
        .display()
        .to_string()
        .replace('\\', "/")
        .replace(' ', "%20");
    let uri = if path.starts_with('/') {
        format!("file://{path}")
    } else {
        format!("file:///{path}")
    };

    let mut c = Client::start_in(&dir);
    c.initialize(Value::Null);
    let found = c.open(&uri, &text);
    assert!(
        rules(&found).contains(&"express/backup-schema"),
        "{found:#?}"
    );
    assert!(!rules(&found).contains(&"id/version-advice"), "{found:#?}");
    c.shut_down();

    let mut c = Client::start_in(&dir);
    c.initialize(json!({ "express": false }));
    let found = c.open(&uri, &text);
    assert!(
        !rules(&found).contains(&"express/backup-schema"),
        "{found:#?}"
    );
    assert!(!rules(&found).contains(&"id/version-advice"), "{found:#?}");
    c.shut_down();

    // Settings changed while documents are open apply to them at once.
    let mut c = Client::start_in(&dir);
    c.initialize(Value::Null);
    let found = c.open(&uri, &text);
    assert!(
        rules(&found).contains(&"express/backup-schema"),
        "{found:#?}"
    );
    c.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "vsslint": { "express": false } } }),
    );
    let (before, shutdown) = c.before_answer("shutdown", Value::Null);
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    let published: Vec<&Value> = before
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .collect();
    assert_eq!(
        published.len(),
        1,
        "the document is linted again: {before:#?}"
    );
    let found = published[0]["params"]["diagnostics"].as_array().unwrap();
    assert!(
        !rules(found).contains(&"express/backup-schema"),
        "{found:#?}"
    );
    c.notify("exit", Value::Null);
    assert!(c.child.wait().unwrap().success());

    // A configuration that cannot be read is said once, and the document is still linted.
    std::fs::write(dir.join("vsslint.toml"), "express = maybe\n").unwrap();
    let mut c = Client::start_in(&dir);
    c.initialize(Value::Null);
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "xml", "version": 1, "text": text } }),
    );
    let shown = loop {
        let m = c.receive();
        if m["method"] == "window/showMessage" {
            break m;
        }
    };
    assert!(
        shown["params"]["message"]
            .as_str()
            .unwrap()
            .contains("vsslint.toml"),
        "{shown}"
    );
    let found = c.diagnostics();
    assert!(rules(&found).contains(&"id/version-advice"), "{found:#?}");
    c.shut_down();
    let _ = std::fs::remove_dir_all(&dir);
}

/// The editor shows a configuration error in a popup as plain text: where (file, line,
/// column), what and the help, without the box-drawing of the terminal report.
#[test]
fn a_configuration_error_is_plain_text() {
    let dir = scratch("plain");
    std::fs::write(dir.join("vsslint.toml"), "target-os = \"win99\"\n").unwrap();
    let file = dir.join("writers").join("ledger.xml");
    let text = document("yes");
    std::fs::write(&file, &text).unwrap();
    let path = file.display().to_string().replace('\\', "/");
    let uri = if path.starts_with('/') {
        format!("file://{path}")
    } else {
        format!("file:///{path}")
    };
    let mut c = Client::start_in(&dir);
    c.initialize(Value::Null);
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "xml", "version": 1, "text": text } }),
    );
    let shown = loop {
        let m = c.receive();
        if m["method"] == "window/showMessage" {
            break m;
        }
    };
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(message.contains("vsslint.toml:1:"), "{message}");
    assert!(message.contains("win99"), "{message}");
    assert!(!message.contains('\n'), "{message}");
    assert!(
        !message.contains(['╭', '│', '─', '╰', '×', '·']),
        "{message}"
    );
    c.diagnostics();
    c.shut_down();
    let _ = std::fs::remove_dir_all(&dir);
}

/// The `file:` URI of a path.
fn file_uri(path: &Path) -> String {
    let path = path
        .display()
        .to_string()
        .replace('\\', "/")
        .replace(' ', "%20");
    if path.starts_with('/') {
        format!("file://{path}")
    } else {
        format!("file:///{path}")
    }
}

/// A document in ASCII, where the command line's character columns and the protocol's UTF-16
/// ones are the same numbers: infos by default, errors with `express` or an old target.
const LEDGER: &str = "<WRITER_METADATA version=\"1.2\" xmlns=\"x-schema:#VssWriterMetadataInfo\" backupSchema=\"3\">\n\
<IDENTIFICATION writerId=\"11111111-2222-3333-4444-555555555555\" instanceId=\"11111111-2222-3333-4444-555555555556\" friendlyName=\"Contoso\" usage=\"USER_DATA\" dataSource=\"OTHER\"/>\n\
<RESTORE_METHOD method=\"RESTORE_IF_CAN_BE_REPLACED\" writerRestore=\"never\" rebootRequired=\"no\"/>\n\
<BACKUP_LOCATIONS><FILE_GROUP logicalPath=\"Contoso\" componentName=\"Ledger\" caption=\"Ledger\" restoreMetadata=\"no\" notifyOnBackupComplete=\"no\" selectable=\"yes\" selectableForRestore=\"no\" componentFlags=\"0\">\n\
<FILE_LIST path=\"C:\\Ledger\" filespec=\"*.dat\" recursive=\"yes\" filespecBackupType=\"3855\"/>\n\
</FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>\n";

/// A finding as both report it: code, severity, and its range in bytes. (The JSON report's
/// lines and columns are not compared: with findings hidden by `min-severity` they read 1:1.)
type Seen = (String, String, u64, u64);

/// What `vsslint check --format json` lists for `file`, run in `dir` with `args`.
fn check_finds(dir: &Path, file: &Path, args: &[&str]) -> Vec<Seen> {
    let out = Command::new(env!("CARGO_BIN_EXE_vsslint"))
        .args(["check", "--format", "json"])
        .args(args)
        .arg(file)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(out.status.code().unwrap() <= 1, "{out:?}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut seen: Vec<Seen> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let offset = d["offset"].as_u64().unwrap();
            (
                d["code"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                offset,
                offset + d["length"].as_u64().unwrap(),
            )
        })
        .collect();
    seen.sort();
    seen
}

/// What the server publishes for `file` opened as it is on disk, started in `dir` with these
/// initialization options.
fn server_finds(dir: &Path, file: &Path, options: Value) -> Vec<Seen> {
    let mut c = Client::start_in(dir);
    c.initialize(options);
    let text = std::fs::read_to_string(file).unwrap();
    let found = c.open(&file_uri(file), &text);
    c.shut_down();
    let mut seen: Vec<Seen> = found
        .iter()
        .map(|d| {
            // In ASCII a UTF-16 column is a byte count.
            let at = |end: &str| {
                let line = d["range"][end]["line"].as_u64().unwrap() as usize;
                let before: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
                before as u64 + d["range"][end]["character"].as_u64().unwrap()
            };
            let severity = match d["severity"].as_u64().unwrap() {
                1 => "error",
                2 => "warning",
                _ => "info",
            };
            (
                d["code"].as_str().unwrap().to_string(),
                severity.to_string(),
                at("start"),
                at("end"),
            )
        })
        .collect();
    seen.sort();
    seen
}

/// What a case shows, the root configuration, the nearer one, the flags and the
/// initialization options.
type Case<'a> = (&'a str, &'a str, Option<&'a str>, &'a [&'a str], Value);

/// The same file, configuration and options give the same findings from the command line and
/// from the server: one resolver, one precedence.
#[test]
fn the_server_finds_what_check_finds() {
    let dir = scratch("same");
    let file = dir.join("writers").join("ledger.xml");
    std::fs::write(&file, LEDGER).unwrap();
    let root = "express = true\n\
                [rules]\n\"id/version-advice\" = \"off\"\n\"lp/dangling-ancestor\" = \"warning\"\n\
                [[overrides]]\nfiles = [\"writers/**\"]\n\
                rules = { \"restore/alternate-fallback-missing\" = \"error\" }\n";
    let nearer = dir.join("writers").join(".vsslint.toml");
    let cases: [Case; 5] = [
        ("the file alone", root, None, &[], Value::Null),
        (
            "a target over the file",
            root,
            None,
            &["--target-os", "xp"],
            json!({ "targetOs": "xp" }),
        ),
        (
            "express given, not in the file",
            "[rules]\n\"id/version-advice\" = \"error\"\n",
            None,
            &["--express", "--target-os", "ws2025"],
            json!({ "express": true, "targetOs": "ws2025" }),
        ),
        (
            "the file's min-severity",
            "min-severity = \"warning\"\nexpress = true\n",
            None,
            &[],
            Value::Null,
        ),
        (
            "the nearest file, alone",
            root,
            Some("[rules]\n\"restore/alternate-fallback-missing\" = \"off\"\n"),
            &[],
            Value::Null,
        ),
    ];
    for (what, config, near, args, options) in cases {
        std::fs::write(dir.join("vsslint.toml"), config).unwrap();
        match near {
            Some(near) => std::fs::write(&nearer, near).unwrap(),
            None => {
                let _ = std::fs::remove_file(&nearer);
            }
        }
        let check = check_finds(&dir, &file, args);
        let server = server_finds(&dir, &file, options);
        assert!(!check.is_empty(), "{what}: nothing found");
        assert_eq!(check, server, "{what}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Writes `text` over the file at `path` and gives it back its modification time: the same
/// size and time, a change the server cannot see without being told.
fn rewrite_unseen(path: &Path, text: &str) {
    let modified = std::fs::metadata(path).unwrap().modified().unwrap();
    assert_eq!(std::fs::metadata(path).unwrap().len(), text.len() as u64);
    std::fs::write(path, text).unwrap();
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
}

/// The server reads a configuration file again when it changed and keeps it when it did not:
/// a rewrite it cannot see (same size, same time) leaves the findings as they were, until the
/// client saves the file or reports it changed.
#[test]
fn an_edited_configuration_is_read_again_and_an_unchanged_one_is_not() {
    let dir = scratch("reload");
    let config = dir.join("vsslint.toml");
    std::fs::write(&config, "express = true\n").unwrap();
    let file = dir.join("writers").join("ledger.xml");
    std::fs::write(&file, LEDGER).unwrap();
    let uri = file_uri(&file);
    let express = |found: &[Value]| rules(found).contains(&"express/backup-schema");

    let mut c = Client::start_in(&dir);
    c.initialize(Value::Null);
    assert!(express(&c.open(&uri, LEDGER)));
    let mut version = 1;
    let mut change = |c: &mut Client| {
        version += 1;
        c.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version },
                    "contentChanges": [{ "text": LEDGER }] }),
        );
        c.diagnostics()
    };

    rewrite_unseen(&config, "express = false");
    assert!(express(&change(&mut c)), "the kept configuration is used");

    c.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": file_uri(&config) } }),
    );
    assert!(!express(&c.diagnostics()), "a saved configuration is read");

    std::fs::write(&config, "express = true\n# on again\n").unwrap();
    assert!(express(&change(&mut c)), "a changed size is seen");

    rewrite_unseen(&config, "express = false\n# off now\n");
    assert!(express(&change(&mut c)));
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&config), "type": 2 }] }),
    );
    assert!(!express(&c.diagnostics()), "a reported change is read");
    c.shut_down();
    let _ = std::fs::remove_dir_all(&dir);
}

/// A request in a frame whose body cannot be found, each kind the server once lost its stream
/// on.
fn broken_frames() -> [(&'static str, String); 5] {
    let body = json!({ "jsonrpc": "2.0", "id": 90, "method": "textDocument/hover",
        "params": { "textDocument": { "uri": URI }, "position": { "line": 0, "character": 1 } } })
    .to_string();
    let n = body.len();
    [
        (
            "no Content-Length",
            format!("Content-Type: x\r\n\r\n{body}"),
        ),
        (
            "Content-\\0Length",
            format!("Content-\0Length: {n}\r\n\r\n{body}"),
        ),
        (
            "too short",
            format!("Content-Length: {}\r\n\r\n{body}", n / 2),
        ),
        (
            "a second, larger Content-Length",
            format!(
                "Content-Length: {n}\r\nContent-Length: {}\r\n\r\n{body}",
                n + 60
            ),
        ),
        (
            "a header line over 8 KiB",
            format!(
                "Content-Length: {n}\r\nX-Padding: {}\r\n\r\n{body}",
                "a".repeat(9000)
            ),
        ),
    ]
}

/// The fuzz target's properties of the server's reader hold for the frames it once lost its
/// stream on, and for them followed by a well-formed one.
#[test]
fn framing_properties_hold_for_the_broken_frames() {
    for (_, frame) in broken_frames() {
        let mut input = frame.into_bytes();
        exercise::exercise_framing(&input);
        input.extend_from_slice(b"Content-Length: 2\r\n\r\n{}");
        exercise::exercise_framing(&input);
    }
}

/// After a frame whose body cannot be found, the frames after it are read, and the server
/// shuts down and exits cleanly.
#[test]
fn a_frame_without_a_usable_content_length_costs_that_frame() {
    for (what, frame) in broken_frames() {
        let mut c = Client::start_logged();
        c.initialize(Value::Null);
        c.send_bytes(frame.as_bytes());
        // Sent at once after the broken frame: the server reads on to it.
        let found = c.open(URI, &document("true"));
        assert!(
            rules(&found).contains(&"fs/recursive-bool"),
            "{what}: {found:#?}"
        );
        let answer = c.request("textDocument/hover", json!({ "nonsense": 1 }));
        assert_eq!(answer["error"]["code"], -32602, "{what}: {answer}");
        let log = c.exit_log();
        assert!(log.contains("skipped"), "{what}: {log}");
        // The broken request itself is never answered.
        assert!(!log.contains("request 90"), "{what}: {log}");
    }
}

#[test]
fn a_message_over_the_cap_is_skipped_and_said_once() {
    let mut c = Client::start_logged();
    c.initialize(Value::Null);
    // The length alone: the server neither waits for nor keeps 64 MiB.
    let over = vsslint::server::MAX_MESSAGE + 1;
    c.send_bytes(format!("Content-Length: {over}\r\n\r\n{{}}").as_bytes());
    let found = c.open(URI, &document("true"));
    assert!(rules(&found).contains(&"fs/recursive-bool"), "{found:#?}");
    let log = c.exit_log();
    let said: Vec<&str> = log.lines().filter(|l| l.contains("over the cap")).collect();
    assert_eq!(said.len(), 1, "{log}");
    assert!(said[0].contains(&over.to_string()), "{log}");
}

#[test]
fn requests_after_shutdown_are_invalid() {
    let mut c = Client::start_logged();
    c.initialize(Value::Null);
    let shutdown = c.request("shutdown", Value::Null);
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(hover["error"]["code"], -32600, "{hover}");
    let again = c.request("shutdown", Value::Null);
    assert_eq!(again["error"]["code"], -32600, "{again}");
    let mut stderr = c.child.stderr.take().unwrap();
    c.notify("exit", Value::Null);
    assert!(c.child.wait().unwrap().success());
    let mut log = String::new();
    stderr.read_to_string(&mut log).unwrap();
    assert_eq!(log.matches("after shutdown").count(), 2, "{log}");
}

#[test]
fn a_lone_surrogate_is_read_lossily_and_linted() {
    let mut c = Client::start_logged();
    c.initialize(Value::Null);
    // As an editor escapes a document holding half of a surrogate pair, here in place of the
    // `é` before the finding on its line; serde_json refuses it.
    let text = document("true");
    let holder = text.replacen('é', "\u{E000}", 1);
    let body = json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": { "textDocument": { "uri": URI, "languageId": "xml", "version": 1, "text": holder } } })
    .to_string()
    .replace('\u{E000}', r"\ud800");
    assert!(body.contains(r"Ledger\\\ud800"), "{body}");
    c.send_raw(&body);
    let found = c.diagnostics();
    let recursive: Vec<&Value> = found
        .iter()
        .filter(|d| d["data"]["rule"] == "fs/recursive-bool")
        .collect();
    assert_eq!(recursive.len(), 1, "{found:#?}");
    // U+FFFD stands for the surrogate in one UTF-16 unit, as it did: columns do not move.
    let column = column(&text, 4, "true\"");
    assert_eq!(recursive[0]["range"]["start"]["character"], column);
    let log = c.exit_log();
    assert_eq!(log.matches("lossily").count(), 1, "{log}");
}
