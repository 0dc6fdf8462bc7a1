//! The language server against the command line on the 2.1 MB System writer document: the
//! time from the client's `didOpen` to the server's diagnostics, and the time of
//! `vsslint --format json` on the same file, process start included. The server should take
//! under twice the command line's time.
//!
//! `cargo bench --bench server`. Skipped when the corpus is absent.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

const SYSTEM_WRITER: &str = "../shared/corpus/diskshadow-ws2012-sql2017/WM3.xml";
const VSSLINT: &str = env!("CARGO_BIN_EXE_vsslint");

struct Server {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(VSSLINT)
            .arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("vsslint server starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let mut s = Server {
            child,
            stdin,
            stdout,
        };
        s.send(r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#);
        s.until("\"id\":1");
        s.send(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#);
        s
    }

    fn send(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    /// Reads messages until one holds `needle`, and gives its body.
    fn until(&mut self, needle: &str) -> String {
        loop {
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
            let body = String::from_utf8(body).unwrap();
            if body.contains(needle) {
                return body;
            }
        }
    }

    fn stop(mut self) {
        self.send(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#);
        self.until("\"id\":2");
        self.send(r#"{"jsonrpc":"2.0","method":"exit"}"#);
        let _ = self.child.wait();
    }
}

fn system_writer(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SYSTEM_WRITER);
    let Ok(path) = path.canonicalize() else {
        eprintln!("skipped the server benchmark: {} is absent", path.display());
        return;
    };
    let bytes = std::fs::read(&path).unwrap();
    let text = String::from_utf8(bytes.clone()).expect("the System writer document is UTF-8");
    let uri = format!("file://{}", path.display());
    let open = serde_json::json!({
        "jsonrpc": "2.0",
        "method": "textDocument/didOpen",
        "params": { "textDocument": { "uri": uri, "languageId": "xml", "version": 1, "text": text } }
    })
    .to_string();
    let close = serde_json::json!({
        "jsonrpc": "2.0",
        "method": "textDocument/didClose",
        "params": { "textDocument": { "uri": uri } }
    })
    .to_string();

    let mut group = c.benchmark_group("server-system-writer");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.sample_size(40);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("command-line", |b| {
        b.iter(|| {
            Command::new(VSSLINT)
                .args(["--format", "json"])
                .arg(&path)
                .stdout(Stdio::null())
                .status()
                .unwrap()
        })
    });
    let mut server = Server::start();
    group.bench_function("server-open-to-diagnostics", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                server.send(&open);
                server.until("publishDiagnostics");
                total += start.elapsed();
                // Closed outside the timing, so that the next open is an open again.
                server.send(&close);
                server.until("publishDiagnostics");
            }
            total
        })
    });
    server.stop();
    group.finish();
}

criterion_group!(benches, system_writer);
criterion_main!(benches);
