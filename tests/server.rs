//! `vsslint server` end to end: the real binary, spoken to over its standard input and output
//! with LSP's framing, as an editor does.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

struct Client {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vsslint"))
            .arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
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

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
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

#[test]
fn diagnostics_quick_fix_hover_and_shutdown() {
    let mut c = Client::start();
    let init = c.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    assert_eq!(init["result"]["capabilities"]["hoverProvider"], true);
    c.notify("initialized", json!({}));

    let text = document("true");
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": URI, "languageId": "xml", "version": 1, "text": text } }),
    );
    let found = c.diagnostics();
    let recursive: Vec<&Value> = found
        .iter()
        .filter(|d| d["data"]["rule"] == "fs/recursive-bool")
        .collect();
    assert_eq!(recursive.len(), 1, "{found:#?}");
    let range = &recursive[0]["range"];
    let start = column(&text, 4, "true\"");
    assert_eq!(range["start"], json!({ "line": 4, "character": start }));
    assert_eq!(range["end"], json!({ "line": 4, "character": start + 4 }));

    // A request with malformed parameters is answered, and the server goes on.
    c.send_raw("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"textDocument/hover\",\"params\":{\"nonsense\":1}}");

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
    assert!(
        found
            .iter()
            .all(|d| d["data"]["rule"] != "fs/recursive-bool"),
        "{found:#?}"
    );

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

    let shutdown = c.request("shutdown", Value::Null);
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}
